"""NLTK's Treebank word tokenizer rebuilt from plain data: :class:`FastWordTokenizer`.

It gives exactly the tokens and spans of ``NLTKWordTokenizer`` (the improved Treebank tokenizer that
``nltk.word_tokenize`` uses; ``tests/test_resources.py`` and ``tests/test_models.py`` check them against NLTK),
running NLTK's own rules — kept as data (:func:`word_rules_spec`) in the cache of :mod:`newskit.core.resources` —
and aligning the tokens of a whole text's sentences with it at once (:meth:`FastWordTokenizer.columns`).
Nothing here imports NLTK: :func:`word_rules_spec` receives NLTK's tokenizer.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Callable
from typing import Any

from .models import WordMemo, compile_spec, pattern_spec, unwrapped

__all__ = ["WORD_RULES", "FastWordTokenizer", "word_rules_spec"]

#: The names of NLTKWordTokenizer's rule lists, in the order it applies them.
WORD_RULES = ("STARTING_QUOTES", "PUNCTUATION", "PARENS_BRACKETS", "DOUBLE_DASHES", "ENDING_QUOTES",
              "CONTRACTIONS2", "CONTRACTIONS3")


def word_rules_spec(tokenizer: Any) -> dict[str, Any] | None:
    """NLTKWordTokenizer's rules as JSON data: each (pattern, replacement) as ``[[source, flags, engine], replacement]``,
    the contraction patterns as ``[source, flags, engine]``; None when a replacement is not plain text."""
    spec: dict[str, Any] = {}
    for name in WORD_RULES:
        rules = getattr(tokenizer, name)
        if name.startswith("CONTRACTIONS"):
            spec[name] = [pattern_spec(p) for p in rules]
            continue
        pairs = [rules] if name in ("PARENS_BRACKETS", "DOUBLE_DASHES") else list(rules)
        if not all(isinstance(sub, str) for _, sub in pairs):
            return None
        spec[name] = [[pattern_spec(p), sub] for p, sub in pairs]
    return spec


#: The bytes a text's "gate" leaves out of its UTF-8: ASCII letters, digits and space (see FastWordTokenizer.tokenize).
_PLAIN_BYTES = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "


def _has(present: frozenset[int], char: str) -> bool:
    """Can a text whose gate is *present* contain *char*? Only if all its UTF-8 bytes are there (exactly so for
    an ASCII mark); of a byte the gate leaves out nothing can be told."""
    return present.issuperset(char.encode("utf-8", "surrogatepass").translate(None, _PLAIN_BYTES))


class _WordRules:
    """NLTKWordTokenizer's rule lists compiled from :func:`word_rules_spec` data (what FastWordTokenizer reads)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        for name in WORD_RULES:
            if name.startswith("CONTRACTIONS"):
                setattr(self, name, [compile_spec(p) for p in spec[name]])
            else:
                pairs = [(compile_spec(p), sub) for p, sub in spec[name]]
                setattr(self, name, pairs[0] if name in ("PARENS_BRACKETS", "DOUBLE_DASHES") else pairs)


class FastWordTokenizer:
    """NLTK's word tokenizer (what ``nltk.word_tokenize`` uses): its own rules, the same tokens, faster.

    ``NLTKWordTokenizer.tokenize`` runs about 25 regular-expression substitutions
    over every sentence; most of them cannot match (a sentence without a colon, a
    dash, a bracket or a quote mark). This class runs NLTK's own rules in NLTK's
    order but:

    * skips the rules a sentence cannot need: one pass over the sentence's bytes
      gives its punctuation, which picks the rules worth trying (a plan, worked out
      once per set of marks); a rule whose need could appear on the way (a quote
      NLTK makes) is still checked with ``in`` before it runs;
    * runs a rule that pads single characters or one literal text (``[?!]``, ``--``)
      as ``str.replace``, and two common ones (commas, opening quotes) as
      ``str.replace`` when the text is plain enough for that to be the same (see
      ``_pad_separators`` and ``_open_quotes``);
    * aligns the tokens of many sentences with the text at once (:meth:`columns`).

    ``tests/test_resources.py`` checks identical tokens and spans.
    """

    # What each substitution needs in the text before it can match (any one of these substrings).
    # NLTK's class attributes, in its order: STARTING_QUOTES, PUNCTUATION, PARENS_BRACKETS,
    # DOUBLE_DASHES, then (after padding with spaces) ENDING_QUOTES, CONTRACTIONS2, CONTRACTIONS3.
    _STARTING_NEEDS = (tuple("\u00ab\u201c\u2018\u201e`"), ('"',), ("``",), ('"', "''"), ("'",))
    _PUNCTUATION_NEEDS = ((".",), (":", ","), (":", ","), ("..",), tuple(";@#$%&"), tuple("\u2012\u2013\u2014\u2015"),
                          (".",), ("?", "!"), ("' ",), ("*",))
    _ENDING_NEEDS = (tuple("\u00bb\u201d\u2019"), ("''",), ('"',), None,
                     ("' ", "'s ", "'S ", "'m ", "'M ", "'d ", "'D "),
                     ("'ll ", "'LL ", "'re ", "'RE ", "'ve ", "'VE ", "n't ", "N'T "))
    # Every contraction rule (case-insensitive) needs one of these in the lower-cased text: "cannot",
    # "d'ye", "gimme", "gonna", "gotta", "lemme", "more'n", "wanna", " 'tis", " 'twas" (letters chosen to
    # have no other case-insensitive match than their capital, unlike "i" and "s").
    _CONTRACTION_HINTS = ("nno", "'ye", "mme", "nna", "tta", "e'n", " 't")
    # Rules whose pattern is one of a few characters (or one literal text), each match replaced by itself
    # between spaces: str.replace, character by character, replaces every occurrence left to right, never
    # overlapping, as the substitution does. By NLTK's pattern source; the replacement is what NLTK's rule makes
    # of a match. The first also pads runs of backticks: it is a replacement only for a text without one.
    _PADDED_CHARS = {"([\u00ab\u201c\u2018\u201e]|[`]+)": "\u00ab\u201c\u2018\u201e", "[;@#$%&]": ";@#$%&",
                     "[\\u2012-\\u2015]": "\u2012\u2013\u2014\u2015", "[?!]": "?!", "[*]": "*",
                     "[\\]\\[\\(\\)\\{\\}\\<\\>]": "[](){}<>", "([\u00bb\u201d\u2019])": "\u00bb\u201d\u2019"}
    _LITERALS = ("(``)", "--", "''", '"')
    # The characters the rules make from others: `` from " (and from ''), '' from ".
    _MADE_FROM = {"`": "`\"'", "'": "'\""}

    def __init__(self, tokenizer) -> None:  # noqa: ANN001 - an nltk NLTKWordTokenizer
        def steps(pairs, needs, tails=None):  # noqa: ANN001, ANN202
            pairs = list(pairs)
            if len(pairs) != len(needs):
                raise ValueError("this NLTK's word tokenizer has different rules")
            tails = tails or {}
            return [(unwrapped(p), sub, need, tails.get(k)) for k, ((p, sub), need) in enumerate(zip(pairs, needs, strict=True))]

        # The rules anchored at the end of the text ("." then closing marks and whitespace; a final ":" or
        # ","), indexed like PUNCTUATION, can only match in the last characters, so they run on that tail:
        # (characters to strip from the end, how many characters before the stripped end a match starts).
        squeeze = unwrapped(list(tokenizer.ENDING_QUOTES)[3][0])
        chars = "".join(map(chr, range(0x3001)))  # U+3000 is the last whitespace character
        rule_spaces = set("".join(squeeze.findall(chars)))  # NLTK's \s ("regex" module: not \x1c-\x1f)
        split_spaces = {c for c in chars if c.isspace()}  # str.split()'s whitespace
        if not rule_spaces <= split_spaces:
            raise ValueError("this NLTK's word tokenizer has different rules")
        closers = "]})>\"'\u00bb\u201d\u2019" + "".join(sorted(split_spaces))
        tails = {0: (closers, 2), 2: ("\n", 1), 6: (closers, 2)}
        first = (steps(tokenizer.STARTING_QUOTES, self._STARTING_NEEDS)
                 + steps(tokenizer.PUNCTUATION, self._PUNCTUATION_NEEDS, tails)
                 + steps([tokenizer.PARENS_BRACKETS], (tuple("[](){}<>"),))
                 + steps([tokenizer.DOUBLE_DASHES], (("--",),)))
        ending = steps(tokenizer.ENDING_QUOTES, self._ENDING_NEEDS)
        if (ending[3][0].pattern, ending[3][1]) != (r"\s+", " "):
            raise ValueError("this NLTK's word tokenizer has different rules")
        # the fourth ending rule squeezes whitespace to one space: str.split() does it faster when the text
        # has no character that str.split() takes for whitespace and NLTK's \s does not
        self.squeeze, self.ending_clitics = ending[3][0], ending[4:]
        self.not_squeezed = tuple(sorted(split_spaces - rule_spaces))
        self.contractions = [unwrapped(p) for p in (*tokenizer.CONTRACTIONS2, *tokenizer.CONTRACTIONS3)]
        # one search for the words the contraction rules split decides whether any can apply (same engine, flags)
        self.any_contraction = re.compile(r"(?i)cannot|d'ye|gimme|gonna|gotta|lemme|more'n|wanna| 't(?:is|was)")
        self.quotes = re.compile(r"``|'{2}|\"")
        self._space_codes = sorted(map(ord, split_spaces))
        self._spaces: Any = None  # see _align
        # Each rule as (gate, unless, steps), see _rule; a text's plan (_plan) has the steps of the rules it may need.
        opening = first[0]  # the opening quotes, and runs of backticks: a replacement when the text has no backtick
        self._first_rules = [self._rule(*opening, gate=opening[2][:-1], unless="`"),
                             self._rule(*opening, gate="`", plain=False), *(self._rule(*rule) for rule in first[1:])]
        self._ending_rules = [self._rule(*rule) for rule in ending[:3]]
        self._clitic_gate = self._gate_of([piece for _, _, need, _ in self.ending_clitics for piece in need])
        self._plans = WordMemo(self._plan, limit=4096)  # type: ignore[arg-type] - keyed by a text's gate (tokenize)

    def _gate_of(self, need: tuple[str, ...]) -> frozenset[str]:
        """Characters a text must have one of for a piece of *need* to appear in it as the rules go: of each piece,
        its first character that is no letter, digit or space (else its first), and what the rules make it from."""
        gate: set[str] = set()
        for piece in need:
            marks = [c for c in piece if not c.isalnum() and c != " "] or [c for c in piece if c != " "]
            gate.update(self._MADE_FROM.get(marks[0], marks[0]))
        return frozenset(gate)

    def _rule(self, pattern: Any, sub: str, need: tuple[str, ...], tail: tuple[str, int] | None, *, gate: Any = None,
              unless: str = "", plain: bool = True) -> tuple[frozenset[str], frozenset[str], Callable[[frozenset[int]], Any]]:
        """One of NLTK's rules as (gate, unless, steps) for :meth:`_plan`: it can only apply to a text with a character
        of *gate* (and none of *unless*); ``steps(present)`` are then its (step, need) pairs, a step running when the
        text at that point has a piece of *need* (None: no need to look). *plain*: it may run as str.replace.
        *unless* must be ASCII marks (the gate tells exactly whether a text has one)."""
        gate = self._gate_of(need) if gate is None else frozenset(gate)
        # The gate holds for every text that has a piece of the need when the rule's turn comes; a step runs with
        # no other look (need None) when the gate says about as much: a need of single characters that no rule
        # removes or makes. Else the step runs only if the text then has a piece of the need (a plain `in`).
        stable = all(len(piece) == 1 and piece not in " `'\"" for piece in need)
        plain = plain and not pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)
        source, regex_sub = pattern.pattern, functools.partial(pattern.sub, sub)
        step: Callable[[str], str] = regex_sub
        if tail is not None:
            # a rule run on the tail of the text gives the same result for the same tail (a few characters, such
            # as 'ds."'), and nearly every sentence ends in a period: the result is worked out once per tail
            memo, (strip, back) = WordMemo(regex_sub, limit=4096), tail

            def step(text: str) -> str:
                cut = max(0, len(text.rstrip(strip)) - back)
                tail = text[cut:]
                done = memo[tail]
                return text if done == tail else text[:cut] + done
        elif plain and source in self._PADDED_CHARS:
            pads = [(c, pattern.sub(sub, c)) for c in self._PADDED_CHARS[source]]
            return gate, frozenset(unless), lambda present: tuple(
                (operator.methodcaller("replace", c, pad), None) for c, pad in pads if _has(present, c))
        elif plain and source in self._LITERALS:
            piece = source.strip("()")
            step, stable = operator.methodcaller("replace", piece, pattern.sub(sub, piece)), True  # absent: no change
        elif plain and (source, sub) == ('^\\"', "``"):

            def step(text: str) -> str:  # only at the very start of the text
                return "``" + text[1:] if text.startswith('"') else text
            stable = True
        elif plain and (source, sub) == (r"([:,])([^\d])", r" \1 \2"):
            step = functools.partial(self._pad_separators, regex_sub, pattern.sub(sub, ", "), pattern.sub(sub, ": "))
        elif plain and (source, sub) == ("([ \\(\\[{<])(\\\"|\\'{2})", r"\1 `` "):
            step = functools.partial(self._open_quotes, regex_sub, [(c + '"', pattern.sub(sub, c + '"')) for c in " ([{<"])
        pair = ((step, None if stable else need),)
        return gate, frozenset(unless), lambda present: pair

    @staticmethod
    def _pad_separators(regex_sub: Callable[[str], str], comma: str, colon: str, text: str) -> str:
        r"""NLTK's ``([:,])([^\d])`` -> `` \1 \2``: when every comma and colon is followed by a space, the matches
        are exactly those pairs (never overlapping, a space being no comma) and str.replace makes the same text."""
        if text.count(",") == text.count(", ") and text.count(":") == text.count(": "):
            return text.replace(", ", comma).replace(": ", colon)
        return regex_sub(text)

    @staticmethod
    def _open_quotes(regex_sub: Callable[[str], str], pairs: list[tuple[str, str]], text: str) -> str:
        r"""NLTK's ``([ \(\[{<])(\"|\'{2})`` -> ``\1 `` ``: in a text without '', each match is one of the pairs
        (space or bracket, then "), which never overlap (each has its own "), so str.replace makes the same text."""
        if "''" in text:
            return regex_sub(text)
        for pair, padded in pairs:
            text = text.replace(pair, padded)
        return text

    def _plan(self, present: frozenset[int]) -> tuple[tuple[Any, ...], tuple[Any, ...], bool, bool]:
        """For a text whose gate (see tokenize) is *present*: (the steps of the rules before the padding, those of
        the ending quotes, whether NLTK's rule must squeeze whitespace, whether a clitic rule can apply)."""
        def steps(rules):  # noqa: ANN001, ANN202
            return tuple(itertools.chain.from_iterable(
                make(present) for gate, unless, make in rules
                if any(_has(present, c) for c in gate) and not any(_has(present, c) for c in unless)))

        return (steps(self._first_rules), steps(self._ending_rules), any(_has(present, c) for c in self.not_squeezed),
                any(_has(present, c) for c in self._clitic_gate))

    def tokenize(self, text: str) -> list[str]:
        """Tokens of *text* (one sentence), exactly as ``NLTKWordTokenizer().tokenize(text)``."""
        # The text's gate: the bytes of its UTF-8 but ASCII letters, digits and space, in a few C calls. A rule
        # cannot apply when each of its gate characters lacks a byte there; the plan of the rules that may apply
        # is worked out once per gate (see _rule, _plan).
        gate = frozenset(text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_BYTES))
        first, ending, squeeze, clitics = self._plans[gate]
        for step, need in first:
            if need is None or any(map(text.__contains__, need)):
                text = step(text)
        text = " " + text + " "
        for step, need in ending:
            if need is None or any(map(text.__contains__, need)):
                text = step(text)
        tokens: list[str] | None = None
        if squeeze:
            text = self.squeeze.sub(" ", text)
        else:
            tokens = text.split()
            # no clitic rule can apply, nor a contraction rule (each needs a hint, without its space, in the text)
            if not clitics and not any(map(text.lower().__contains__, ("nno", "'ye", "mme", "nna", "tta", "e'n", "'t"))):
                return tokens
            text = " " + " ".join(tokens) + " " if tokens else " "  # the text starts and ends with a space
        changed = False
        if clitics:
            for pattern, sub, need, _ in self.ending_clitics:
                if any(map(text.__contains__, need)):
                    text, n = pattern.subn(sub, text)
                    changed = changed or n > 0
        lower = text.lower()
        if any(map(lower.__contains__, self._CONTRACTION_HINTS)) and self.any_contraction.search(text):
            for pattern in self.contractions:
                text = pattern.sub(r" \1 \2 ", text)
            changed = True
        return text.split() if changed or tokens is None else tokens

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each token of *text*, exactly as ``NLTKWordTokenizer().span_tokenize(text)``."""
        starts, ends = self.span_columns(text)
        return list(zip(starts, ends, strict=True))

    def span_columns(self, text: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[int]]:
        """The tokens of ``text[start:end]`` as :meth:`span_tokenize` finds them, but as offsets into *text*, in two
        lists (starts, ends; no tuple per token). A token that starts where the one before ends shares its int.

        >>> from newskit.core.resources import word_tokenizer
        >>> word_tokenizer().span_columns("So. He left.", 4)
        ([4, 7, 11], [6, 11, 12])
        """
        end = len(text) if end is None else end
        starts: list[int] = []
        ends: list[int] = []
        point = start
        find = text.index
        for token in self._span_tokens(text[start:end]):
            at = find(token, point, end)  # ValueError when the text cannot be aligned, as in NLTK
            if at == point:
                at = point
            point = at + len(token)
            starts.append(at)
            ends.append(point)
        return starts, ends

    def _span_tokens(self, chunk: str) -> list[str]:
        """The tokens of *chunk* as its text has them: NLTK's quote tokens `` and '' given back as the marks they replaced
        (StopIteration when there are more than the text has, where NLTK's ``span_tokenize`` fails)."""
        tokens = self.tokenize(chunk)
        if '"' in chunk or "''" in chunk:  # NLTK turned " into `` or '': put back what the text has
            found = iter(self.quotes.findall(chunk))
            tokens = [next(found) if tok in ('"', "``", "''") else tok for tok in tokens]
        return tokens

    def _span_tokens_or_none(self, chunk: str) -> list[str] | None:
        """:meth:`_span_tokens`, or None where it fails."""
        try:
            return self._span_tokens(chunk)
        except Exception:  # noqa: BLE001 - as span_columns would: columns tries it again, and gives -1
            return None

    def columns(self, text: str, spans: list[tuple[int, int]]) -> tuple[list[int], list[int], list[str], list[int]]:
        """The tokens of each ``text[start:end]`` of *spans* (in order, not overlapping) as :meth:`span_columns` finds
        them, all at once: flat columns (starts, ends, token texts) and the number of tokens of each span, -1 for a
        span :meth:`span_columns` cannot align (it raises), which adds no tokens.

        >>> from newskit.core.resources import word_tokenizer
        >>> word_tokenizer().columns("So. He left.", [(0, 3), (4, 12)])
        ([0, 2, 4, 7, 11], [2, 3, 6, 11, 12], ['So', '.', 'He', 'left', '.'], [2, 3])
        """
        # NLTK aligns each token by searching the text from the end of the one before. When a span's tokens,
        # joined, are exactly its characters less whitespace (the usual case: NLTK's rules only insert spaces,
        # and every whitespace character of the text stays a token boundary), each token is found at the next
        # non-space character, so the offsets follow from the token lengths alone (see _align, which checks
        # it). The other spans are aligned by searching, as NLTK does.
        found = list(map(self._span_tokens_or_none, map(text.__getitem__, itertools.starmap(slice, spans))))
        counts = [-1 if tokens is None else len(tokens) for tokens in found]
        tokens = list(itertools.chain.from_iterable(filter(None, found)))
        starts, ends, bad = self._align(text, spans, counts, tokens)
        if not bad and -1 not in counts:
            return starts, ends, tokens, counts
        return self._with_searched(text, spans, counts, bad, (starts, ends, tokens))

    #: Spans are aligned in blocks of about this many characters (a block's characters make one numpy array).
    ALIGN_CHARS = 1 << 20

    def _align(self, text: str, spans: list[tuple[int, int]], counts: list[int],
               tokens: list[str]) -> tuple[list[int], list[int], set[int]]:
        """The offsets of *tokens*, the tokens of the spans whose count is not -1 one after another, taking each span's
        tokens for its characters less whitespace: the token after *n* characters of its span's tokens starts at the
        span's (*n* + 1)-th non-space character. Returns (starts, ends, the spans where that is not so).

        Where a span's tokens have as many characters as it has non-space ones, and each token is the text at
        its offsets (which then hold no whitespace), NLTK's search finds each token at those offsets: between
        the end of one token and the start of the next there is only whitespace, which cannot start a token.
        """
        import numpy as np

        if self._spaces is None:  # str.split()'s whitespace by code point (none above U+3000), and one more: not space
            self._spaces = np.zeros(0x3002, dtype=bool)
            self._spaces[self._space_codes] = True
        aligned = [k for k, n in enumerate(counts) if n >= 0]
        lengths = np.fromiter(map(len, tokens), dtype=np.intp, count=len(tokens))
        place = np.concatenate(([0], np.cumsum(lengths)))  # characters of the tokens before each token
        per_span = np.array([counts[k] for k in aligned], dtype=np.intp)
        first_token = np.concatenate(([0], np.cumsum(per_span)))
        lows = np.array([spans[k][0] for k in aligned], dtype=np.intp)
        highs = np.array([spans[k][1] for k in aligned], dtype=np.intp)
        starts = np.zeros(len(tokens), dtype=np.intp)
        ends = np.zeros(len(tokens), dtype=np.intp)
        wrong = np.zeros(len(aligned), dtype=bool)
        sizes = np.cumsum(highs - lows)  # blocks: up to the span that passes the next multiple of ALIGN_CHARS
        cuts = np.searchsorted(sizes, np.arange(self.ALIGN_CHARS, int(sizes[-1]) if len(sizes) else 0, self.ALIGN_CHARS))
        for j, stop in itertools.pairwise(dict.fromkeys([0, *(cuts + 1).tolist(), len(aligned)])):
            low, high = int(lows[j:stop].min()), int(highs[j:stop].max())
            code = np.frombuffer(text[low:high].encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            nonspace = np.flatnonzero(~self._spaces[np.minimum(code, len(self._spaces) - 1)])  # offsets from low
            t0, t1 = first_token[j], first_token[stop]
            # each span's count of non-space characters must be its tokens' characters ...
            before = np.searchsorted(nonspace, lows[j:stop] - low)
            wrong[j:stop] = np.searchsorted(nonspace, highs[j:stop] - low) - before != np.diff(place[first_token[j:stop + 1]])
            if t0 == t1 or not len(nonspace):  # (no non-space character: a span with tokens has its count wrong)
                continue
            # ... then a token's place among them is its span's first one + its place in the span's tokens
            at = place[t0:t1] + np.repeat(before - place[first_token[j:stop]], per_span[j:stop])
            last = len(nonspace) - 1  # (indexes past it only where a count is wrong)
            starts[t0:t1] = nonspace[np.minimum(at, last)] + low
            ends[t0:t1] = nonspace[np.minimum(at + lengths[t0:t1] - 1, last)] + (low + 1)
        starts_list, ends_list = starts.tolist(), ends.tolist()
        # ... and each token the text at its offsets
        found = list(map(text.__getitem__, map(slice, starts_list, ends_list)))
        if found != tokens:
            differ = [k for k, (a, b) in enumerate(zip(found, tokens, strict=True)) if a != b]
            wrong[np.searchsorted(first_token, differ, side="right") - 1] = True
        return starts_list, ends_list, {aligned[k] for k in np.flatnonzero(wrong).tolist()}

    def _with_searched(self, text: str, spans: list[tuple[int, int]], counts: list[int], bad: set[int],
                       aligned: tuple[list[int], list[int], list[str]]) -> tuple[list[int], list[int], list[str], list[int]]:
        """:meth:`columns` when some spans could not be aligned by their token lengths: those are aligned by
        :meth:`span_columns` (searching, as NLTK), the others keep their *aligned* columns."""
        starts: list[int] = []
        ends: list[int] = []
        tokens: list[str] = []
        out: list[int] = []
        done = 0
        for k, (start, end) in enumerate(spans):
            n = counts[k]
            if n >= 0 and k not in bad:
                starts += aligned[0][done:done + n]
                ends += aligned[1][done:done + n]
                tokens += aligned[2][done:done + n]
                out.append(n)
            else:
                try:
                    found = self.span_columns(text, start, end)
                except Exception:  # noqa: BLE001 - NLTK cannot align this span's tokens: the caller falls back
                    out.append(-1)
                else:
                    starts += found[0]
                    ends += found[1]
                    tokens += map(text.__getitem__, map(slice, *found))
                    out.append(len(found[0]))
            done += max(n, 0)
        return starts, ends, tokens, out

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> FastWordTokenizer:
        """Build it from NLTK's rules as data (:func:`word_rules_spec`), without NLTK."""
        return cls(_WordRules(spec))
