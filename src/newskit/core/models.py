"""NLTK's models run faster, from plain data: the word tokenizer, the Punkt sentence splitter, the tagger.

Each class here gives exactly what NLTK's own class gives (``tests/test_resources.py`` checks
tokens, sentences and tags against NLTK on real articles and generated text), but is built from
plain data — lists, dictionaries, numpy arrays and NLTK's regular expressions as (source, flags)
— so :mod:`newskit.core.resources` can keep that data in its cache (JSON and ``.npz``, never a
pickle) and a fresh process need not import NLTK nor read its data files to split and tag text.

Nothing here imports NLTK: the ``from_nltk``/``spec_of`` functions receive NLTK's objects.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["FastPunkt", "FastTagger", "FastWordTokenizer", "WordMemo", "compile_spec", "pattern_spec"]

_V = TypeVar("_V")


class WordMemo(dict[str, _V]):
    """A memo of a pure function of one word: ``memo[word]`` computes ``fn(word)`` the first time,
    later lookups run in C. With *limit* it empties itself when full, so it stays bounded.

    >>> lengths = WordMemo(len)
    >>> lengths["Mosul"], lengths
    (5, {'Mosul': 5})
    """

    def __init__(self, fn: Callable[[str], _V], *, limit: int | None = None) -> None:
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, word: str) -> _V:
        if self.limit is not None and len(self) >= self.limit:
            self.clear()
        value = self[word] = self.fn(word)
        return value


def unwrapped(pattern: Any) -> Any:
    """The compiled pattern inside NLTK >= 3.10's ``redos.TimedPattern`` (which times every match), else *pattern*."""
    return getattr(pattern, "_rx", pattern)


def pattern_spec(pattern: Any) -> list[Any]:
    """A compiled pattern (``re``, ``regex``, or NLTK's wrapper of one) as JSON data: ``[source, flags, engine]``.

    >>> pattern_spec(re.compile(r"\\d+", re.I))
    ['\\\\d+', 34, 're']
    """
    rx = unwrapped(pattern)
    engine = "regex" if type(rx).__module__.lstrip("_").startswith("regex") else "re"
    return [rx.pattern, int(rx.flags), engine]


def compile_spec(spec: list[Any]) -> Any:
    """Compile ``[source, flags, engine]`` (from :func:`pattern_spec`) again, with the same engine.

    >>> compile_spec(["a+", 2, "re"]).findall("AaB")
    ['Aa']
    """
    source, flags, engine = spec
    if engine == "regex":
        import regex

        return regex.compile(source, flags)
    return re.compile(source, flags)


# --- Punkt -------------------------------------------------------------------------------------------------------------

_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace, what Punkt looks for before a sentence end


class FastPunkt:
    """NLTK's Punkt sentence splitter (``PunktTokenizer("english")``, punkt_tab): the same spans, from plain data.

    The model is four lists (abbreviations, collocations, frequent sentence starters, the
    orthographic context of each word) and NLTK's own regular expressions; the code is
    NLTK's ``span_tokenize`` (finding each candidate sentence end, deciding it from the
    tokens around it with Punkt's first and second annotation passes, then realigning
    closing quotes and brackets), ported line for line with the tokens as small lists
    instead of ``PunktToken`` objects. :meth:`spec_of` reads that data from NLTK's
    tokenizer; ``tests/test_resources.py`` checks the spans equal NLTK's.

    >>> spec = {"abbrev_types": ["dr"], "collocations": [], "sent_starters": [], "ortho_context": {},
    ...         "patterns": _DEMO_PATTERNS, "sent_end_chars": [".", "?", "!"], "punctuation": list(";:,.!?"),
    ...         "ortho": {"LC": 112, "UC": 14, "MID_UC": 4, "BEG_LC": 16}}
    >>> FastPunkt(spec).span_tokenize("Dr. Smith left. He won.")
    [(0, 15), (16, 23)]
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self.abbrev_types = frozenset(spec["abbrev_types"])
        self.collocations = frozenset(map(tuple, spec["collocations"]))
        self.sent_starters = frozenset(spec["sent_starters"])
        self.ortho_context: dict[str, int] = spec["ortho_context"]
        patterns = {name: compile_spec(p) for name, p in spec["patterns"].items()}
        self._words = patterns["word"].findall
        self._period_contexts = patterns["period_context"].finditer
        self._realignment = patterns["realign"].match
        self._numeric = patterns["numeric"].sub
        self._ellipsis = patterns["ellipsis"].match
        self._initial = patterns["initial"].match
        self.sent_end_chars = tuple(spec["sent_end_chars"])
        self.punctuation = tuple(spec["punctuation"])
        ortho = spec["ortho"]
        self._lc, self._uc, self._mid_uc, self._beg_lc = ortho["LC"], ortho["UC"], ortho["MID_UC"], ortho["BEG_LC"]

    @staticmethod
    def spec_of(punkt: Any) -> dict[str, Any] | None:
        """The data of NLTK's English ``PunktTokenizer`` *punkt*, or None when it is not the plain Punkt this class ports."""
        from importlib import import_module

        p = import_module(type(punkt).__module__)  # nltk.tokenize.punkt, without naming NLTK here
        lang, params = punkt._lang_vars, punkt._params
        if type(lang) is not p.PunktLanguageVars or punkt._Token is not p.PunktToken:
            return None
        token = p.PunktToken
        return {
            "abbrev_types": sorted(params.abbrev_types),
            "collocations": sorted(map(list, params.collocations)),
            "sent_starters": sorted(params.sent_starters),
            "ortho_context": {k: int(v) for k, v in params.ortho_context.items()},
            "patterns": {"word": pattern_spec(lang._word_tokenizer_re()),
                         "period_context": pattern_spec(lang.period_context_re()),
                         "realign": pattern_spec(lang.re_boundary_realignment),
                         "numeric": pattern_spec(token._RE_NUMERIC), "ellipsis": pattern_spec(token._RE_ELLIPSIS),
                         "initial": pattern_spec(token._RE_INITIAL)},
            "sent_end_chars": list(lang.sent_end_chars),
            "punctuation": list(punkt.PUNCTUATION),
            "ortho": {"LC": p._ORTHO_LC, "UC": p._ORTHO_UC, "MID_UC": p._ORTHO_MID_UC, "BEG_LC": p._ORTHO_BEG_LC},
        }

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of *text*, exactly as NLTK's ``span_tokenize`` (realigned)."""
        slices: list[tuple[int, int]] = []
        last_break = 0
        for match, context in self._end_contexts(text):
            if self._contains_break(context):
                slices.append((last_break, match.end()))
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        slices.append((last_break, len(text.rstrip())))  # the last sentence, without trailing whitespace
        # realign: closing punctuation after a sentence end ("(Sent1.) Sent2.") stays with its sentence
        out: list[tuple[int, int]] = []
        realign = 0
        last = len(slices) - 1
        for k, (start, end) in enumerate(slices):
            start += realign
            if k < last:
                start2, end2 = slices[k + 1]
                m = self._realignment(text[start2:end2])
                if m:
                    out.append((start, start2 + len(m.group(0).rstrip())))
                    realign = m.end()
                    continue
                realign = 0
            if text[start:end]:
                out.append((start, end))
        return out

    def _end_contexts(self, text: str):  # noqa: ANN202 - iterator of (match, context)
        """Each candidate sentence end with its context (word before, the end, what follows), as Punkt's
        ``_match_potential_end_contexts``: of overlapping candidates only the last is kept."""
        prev_start = prev_stop = 0
        prev_match = None
        for match in self._period_contexts(text):
            before = text[prev_stop:match.start()]
            cut = max(map(before.rfind, _WHITESPACE))
            start = cut + prev_stop + 1 if cut > 0 else prev_start
            if prev_match is not None and prev_stop <= start:
                yield prev_match, text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")
            prev_match, prev_start, prev_stop = match, start, match.start()
        if prev_match is not None:
            yield prev_match, text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")

    def _contains_break(self, context: str) -> bool:
        """Punkt's ``text_contains_sentbreak``: does a token other than the last end a sentence?"""
        tokens = [self._first_pass(tok) for line in context.split("\n") if line.strip() for tok in self._words(line)]
        found = False
        for k, tok in enumerate(tokens):
            if k + 1 < len(tokens):
                self._second_pass(tok, tokens[k + 1])
            if found:
                return True
            if tok[2]:
                found = True
        return False

    # A token is [text, type, sentbreak, abbr, ellipsis], as PunktToken's attributes of those names.

    def _first_pass(self, tok: str) -> list[Any]:
        """Punkt's type-based annotation of one token."""
        info: list[Any] = [tok, self._numeric("##number##", tok.lower()), False, False, False]
        if tok in self.sent_end_chars:
            info[2] = True
        elif self._ellipsis(tok):
            info[4] = True
        elif tok.endswith(".") and not tok.endswith(".."):
            low = tok[:-1].lower()
            if low in self.abbrev_types or low.split("-")[-1] in self.abbrev_types:
                info[3] = True
            else:
                info[2] = True
        return info

    @staticmethod
    def _type_no_period(tok: list[Any]) -> str:
        typ = tok[1]
        return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ

    def _type_no_sentperiod(self, tok: list[Any]) -> str:
        return self._type_no_period(tok) if tok[2] else tok[1]

    def _second_pass(self, tok: list[Any], after: list[Any]) -> None:
        """Punkt's token-based reclassification of *tok* (ending in a period) given the token *after* it."""
        if not tok[0].endswith("."):
            return
        typ = self._type_no_period(tok)
        next_typ = self._type_no_sentperiod(after)
        initial = self._initial(tok[0])
        if (typ, next_typ) in self.collocations:
            tok[2], tok[3] = False, True
            return
        if (tok[3] or tok[4]) and not initial:
            starter = self._ortho_heuristic(after)
            if starter is True or (after[0][0].isupper() and next_typ in self.sent_starters):
                tok[2] = True
                return
        if initial or typ == "##number##":
            starter = self._ortho_heuristic(after)
            if starter is False or (starter == "unknown" and initial and after[0][0].isupper()
                                    and not (self.ortho_context.get(next_typ, 0) & self._lc)):
                tok[2], tok[3] = False, True

    def _ortho_heuristic(self, tok: list[Any]) -> bool | str:
        """Does *tok* start a sentence, by how its word is capitalised elsewhere: True, False or "unknown"."""
        if tok[0] in self.punctuation:
            return False
        context = self.ortho_context.get(self._type_no_sentperiod(tok), 0)
        if tok[0][0].isupper() and (context & self._lc) and not (context & self._mid_uc):
            return True
        if tok[0][0].islower() and ((context & self._uc) or not (context & self._beg_lc)):
            return False
        return "unknown"


_DEMO_PATTERNS = {  # the doctest's stand-in for NLTK's patterns (the real ones come from spec_of)
    "word": [r"(\.{2,}|(?=[^\(\"\`{\[:;&\#\*@\)}\]\-,])\S+?(?=\s|$|[)\";}\]\*:@\'\({\[?!]|,(?=$|\s))|\S)", 0, "re"],
    "period_context": [r"[.?!](?=(?P<after_tok>[)\";}\]\*:@\'\({\[?!]|\s+(?P<next_tok>\S+)))", 0, "re"],
    "realign": [r"[\"\')\]}]+?(?:\s+|(?=--)|$)", re.M, "re"],
    "numeric": [r"^-?[\.,]?\d[\d,\.-]*\.?$", 0, "re"], "ellipsis": [r"\.\.+$", 0, "re"],
    "initial": [r"[^\W\d]\.$", 0, "re"],
}


# --- the tagger --------------------------------------------------------------------------------------------------------


def perceptron_normalize(word: str) -> str:
    """NLTK's ``PerceptronTagger.normalize``: how the tagger sees a word (hyphenated, a year, digits, lower case).

    >>> [perceptron_normalize(w) for w in ("co-op", "1999", "42nd", "Mosul")]
    ['!HYPHEN', '!YEAR', '!DIGITS', 'mosul']
    """
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


class FastTagger:
    """NLTK's averaged perceptron tagger: the same model and the same tags, about 10x faster (Brown sentences).

    ``nltk.tag.PerceptronTagger.tag`` builds a dictionary of 14 features per word and
    adds their weights label by label in Python; tagging is most of the time of a
    long article. The model's weights are multiples of 0.001 (NLTK rounds them when it
    averages), so this class keeps them as integers in one numpy matrix and:

    * sums the ten features that do not depend on earlier tags for every word of a
      batch of sentences at once (one gather and one sum in numpy);
    * walks each sentence left to right adding the four features that do depend on
      the previous tags: three of them come from one precomputed table indexed by
      (previous tag, tag before that), the fourth ("previous tag + this word") is one
      dictionary lookup;
    * picks the best tag with one ``argmax``. Each weight is stored times 64 with the
      tag's alphabetical rank added once, so the largest integer is NLTK's choice,
      including its rule of taking the alphabetically last tag on a tie.

    Integer sums are exact, so the result is NLTK's. ``tests/test_resources.py``
    checks identical tags on the seed, odd tokens and real articles. :meth:`from_nltk`
    builds it from NLTK's tagger; :meth:`to_data` and :meth:`from_data` give and take
    its plain data (what the cache keeps).
    """

    # The feature rows of a word form: its own features, and what it adds as a neighbour.
    _CACHE_LIMIT = 200_000

    def __init__(self, *, tagdict: dict[str, str], labels: list[str], start: list[str], end: list[str],
                 features: list[str], matrix: Any, pair_table: Any,
                 normalize: Callable[[str], str] = perceptron_normalize) -> None:
        import numpy as np

        self._np = np
        self.tagdict = tagdict
        self.labels = labels  # rank = alphabetical order, NLTK's tie-break
        self.start, self.end = list(start), list(end)
        self.features = features
        # one row per feature; row 0 is all zeros (a feature the model never saw)
        self.rows: dict[str, int] = dict(zip(features, range(1, len(features) + 1), strict=True))
        self.matrix = matrix
        self.pair_table = pair_table  # [prev, prev2, label]: the three features of the two previous tags
        self.ranks = np.arange(len(labels), dtype=np.int32)
        self.prev_index = {t: k for k, t in enumerate(labels + self.start)}  # previous tags: labels + start symbols
        self.normalize = normalize
        # worked out once per word form (bounded: a long-running process may see any number of words)
        self._normals = WordMemo(normalize, limit=self._CACHE_LIMIT)
        self._word_rows = WordMemo(self._rows_of_word, limit=self._CACHE_LIMIT)
        self._context_rows = WordMemo(self._rows_of_context, limit=self._CACHE_LIMIT)

    @classmethod
    def from_nltk(cls, tagger: Any) -> FastTagger:
        """Build it from an NLTK ``PerceptronTagger`` (its model, tag dictionary, classes and ``normalize``)."""
        import numpy as np

        weights = tagger.model.weights
        labels = sorted(tagger.classes)
        label_index = {label: k for k, label in enumerate(labels)}
        features = list(weights)
        rows = dict(zip(features, range(1, len(features) + 1), strict=True))
        # every weight as (row, label, value), gathered at C speed (the model has ~270,000 of them)
        per_feature = list(weights.values())
        at_row = np.repeat(np.arange(1, len(per_feature) + 1), np.fromiter(map(len, per_feature), dtype=np.intp))
        at_label = np.fromiter(map(label_index.__getitem__, itertools.chain.from_iterable(per_feature)), dtype=np.intp)
        values = np.fromiter(itertools.chain.from_iterable(map(dict.values, per_feature)), dtype=np.float64)
        matrix = np.zeros((len(features) + 1, len(labels)), dtype=np.int32)
        matrix[at_row, at_label] = np.rint(values * 1000).astype(np.int32) * 64
        prevs = labels + list(tagger.START)
        t1 = matrix[[rows.get("i-1 tag " + p, 0) for p in prevs]]
        t2 = matrix[[rows.get("i-2 tag " + p, 0) for p in prevs]]
        t12 = matrix[[[rows.get("i tag+i-2 tag " + p + " " + p2, 0) for p2 in prevs] for p in prevs]]
        return cls(tagdict=dict(tagger.tagdict), labels=labels, start=list(tagger.START), end=list(tagger.END),
                   features=features, matrix=matrix, pair_table=t1[:, None, :] + t2[None, :, :] + t12,
                   normalize=tagger.normalize)

    def to_data(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """Its plain data: (JSON-able dictionary, numpy arrays) for :meth:`from_data`. The weights matrix is
        mostly zeros (each feature has weights for a few tags), so it goes as its non-zero cells: 2 MB, not 14."""
        np = self._np
        info = {"tagdict": self.tagdict, "labels": self.labels, "start": self.start, "end": self.end,
                "features": self.features, "shape": list(self.matrix.shape)}
        rows, cols = np.nonzero(self.matrix)
        return info, {"rows": rows.astype(np.int32), "cols": cols.astype(np.uint8 if len(self.labels) < 256 else np.int32),
                      "values": self.matrix[rows, cols].astype(np.int32), "pair_table": self.pair_table}

    @classmethod
    def from_data(cls, info: dict[str, Any], arrays: dict[str, Any]) -> FastTagger:
        """Build it again from :meth:`to_data`'s data (with NLTK's ``normalize`` rule, :func:`perceptron_normalize`)."""
        import numpy as np

        matrix = np.zeros(tuple(info["shape"]), dtype=np.int32)
        matrix[arrays["rows"], arrays["cols"]] = arrays["values"]
        return cls(tagdict=info["tagdict"], labels=info["labels"], start=info["start"], end=info["end"],
                   features=info["features"], matrix=matrix, pair_table=arrays["pair_table"])

    def tag(self, tokens: list[str]) -> list[tuple[str, str]]:
        """Tag one sentence: a list of ``(word, tag)`` pairs, like NLTK's ``tag``."""
        return list(zip(tokens, self.tag_sents([tokens])[0], strict=True))

    #: Sentences are tagged in batches of about this many words: big enough for numpy to pay, small enough
    #: that the batch's score matrix (46 tags x 4 bytes a word, and a temporary as big) stays a few MB.
    BATCH_WORDS = 8192

    def tag_sents(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tag several sentences at once (faster than one at a time): one list of tags per sentence.

        >>> from newskit.core.resources import pos_tagger
        >>> pos_tagger().tag_sents([["The", "army", "left", "."], ["Go", "!"]])
        [['DT', 'NN', 'VBD', '.'], ['VB', '.']]
        """
        out: list[list[str]] = []
        batch: list[list[str]] = []
        size = 0
        for tokens in sentences:
            batch.append(tokens)
            size += len(tokens)
            if size >= self.BATCH_WORDS:
                out += self._tag_batch(batch)
                batch, size = [], 0
        if batch or not out:
            out += self._tag_batch(batch)
        return out

    def _tag_batch(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tag a batch of sentences: the static features of all its words in one numpy pass, then word by word."""
        np = self._np
        tagdict, row = self.tagdict, self.rows.get
        normals, word_rows, context_rows = self._normals, self._word_rows, self._context_rows
        feature_rows: list[tuple[int, ...]] = []
        contexts = []
        known = []  # each sentence's tags from the tag dictionary (None for the words the model tags)
        bias = row("bias", 0)
        for tokens in sentences:
            context = [*self.start, *map(normals.__getitem__, tokens), *self.end]
            contexts.append(context)
            around = list(map(context_rows.__getitem__, context))
            tags = list(map(tagdict.get, tokens))
            known.append(tags)
            for i in [i for i, tag in enumerate(tags) if not tag]:
                own = word_rows[tokens[i]]
                c0, c1, c2, n1, n2 = around[i + 2], around[i + 1], around[i], around[i + 3], around[i + 4]
                feature_rows.append((bias, own[0], own[1], c0[0], c1[1], c1[2], c2[3], n1[4], n1[5], n2[6]))
        static = None
        if feature_rows:
            rows = np.array(feature_rows, dtype=np.intp)
            static = self.matrix[rows[:, 0]] + self.ranks
            for f in range(1, rows.shape[1]):
                static += self.matrix[rows[:, f]]
        labels, prev_index, pair_table, matrix = self.labels, self.prev_index, self.pair_table, self.matrix
        out: list[list[str]] = []
        k = 0
        for tags, context in zip(known, contexts, strict=True):
            prev, prev2 = self.start
            for i, tag in enumerate(tags):
                if not tag:
                    scores = static[k] + pair_table[prev_index[prev], prev_index[prev2]]  # type: ignore[index]
                    k += 1
                    r = row("i-1 tag+i word " + prev + " " + context[i + 2])
                    if r:
                        scores += matrix[r]
                    tag = tags[i] = labels[int(scores.argmax())]
                prev2, prev = prev, tag
            out.append(tags)
        return out

    def _rows_of_word(self, word: str) -> tuple[int, int]:
        """Rows of token *word*'s own features: its suffix, its first letter."""
        row = self.rows.get
        return row("i suffix " + word[-3:], 0), row("i pref1 " + (word[0] if word else ""), 0)

    def _rows_of_context(self, c: str) -> tuple[int, ...]:
        """Rows of normalised word *c* as: this word, previous word (and its suffix), the one before,
        next word (and its suffix), the one after."""
        row = self.rows.get
        return (row("i word " + c, 0), row("i-1 word " + c, 0), row("i-1 suffix " + c[-3:], 0), row("i-2 word " + c, 0),
                row("i+1 word " + c, 0), row("i+1 suffix " + c[-3:], 0), row("i+2 word " + c, 0))


# --- the word tokenizer ------------------------------------------------------------------------------------------------

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
    dash, a bracket or a quote mark). This class runs NLTK's own compiled patterns in
    NLTK's order but skips a substitution when the text at that point lacks every
    piece of text it needs (plain ``in`` tests), so the result is NLTK's.
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
        # a rule run on the tail of the text gives the same result for the same tail (a few characters, such
        # as 'ds."'), and nearly every sentence ends in a period: the result is worked out once per tail
        self.first = [(p, sub, need, tail, None if tail is None else WordMemo(functools.partial(p.sub, sub), limit=4096))
                      for p, sub, need, tail in first]
        ending = steps(tokenizer.ENDING_QUOTES, self._ENDING_NEEDS)
        if (ending[3][0].pattern, ending[3][1]) != (r"\s+", " "):
            raise ValueError("this NLTK's word tokenizer has different rules")
        # the fourth ending rule squeezes whitespace to one space: str.split() does it faster when the text
        # has no character that str.split() takes for whitespace and NLTK's \s does not
        self.ending_quotes, self.squeeze, self.ending_clitics = ending[:3], ending[3][0], ending[4:]
        # a text without an apostrophe needs no clitic rule ("" when some rule could do without one)
        self.clitic_gate = "'" if all("'" in piece for _, _, need, _ in self.ending_clitics for piece in need) else ""
        self.not_squeezed = tuple(sorted(split_spaces - rule_spaces))
        self.contractions = [unwrapped(p) for p in (*tokenizer.CONTRACTIONS2, *tokenizer.CONTRACTIONS3)]
        # one search for the words the contraction rules split decides whether any can apply (same engine, flags)
        self.any_contraction = re.compile(r"(?i)cannot|d'ye|gimme|gonna|gotta|lemme|more'n|wanna| 't(?:is|was)")
        self.quotes = re.compile(r"``|'{2}|\"")

    def tokenize(self, text: str) -> list[str]:
        """Tokens of *text* (one sentence), exactly as ``NLTKWordTokenizer().tokenize(text)``."""
        for pattern, sub, need, tail, tail_sub in self.first:
            if any(map(text.__contains__, need)):
                if tail is None:
                    text = pattern.sub(sub, text)
                else:
                    cut = max(0, len(text.rstrip(tail[0])) - tail[1])
                    text = text[:cut] + tail_sub[text[cut:]]
        text = " " + text + " "
        for pattern, sub, need, _ in self.ending_quotes:
            if any(map(text.__contains__, need)):
                text = pattern.sub(sub, text)
        tokens: list[str] | None = None
        if any(map(text.__contains__, self.not_squeezed)):
            text = self.squeeze.sub(" ", text)
        else:
            tokens = text.split()
            text = " " + " ".join(tokens) + " " if tokens else " "  # the text starts and ends with a space
        changed = False
        if self.clitic_gate in text:  # every clitic rule needs an apostrophe
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
        chunk = text[start:end]
        tokens = self.tokenize(chunk)
        if '"' in chunk or "''" in chunk:  # NLTK turned " into `` or '': put back what the text has
            found = iter(self.quotes.findall(chunk))
            tokens = [next(found) if tok in ('"', "``", "''") else tok for tok in tokens]
        starts: list[int] = []
        ends: list[int] = []
        point = start
        find = text.index
        for token in tokens:
            at = find(token, point, end)  # ValueError when the text cannot be aligned, as in NLTK
            if at == point:
                at = point
            point = at + len(token)
            starts.append(at)
            ends.append(point)
        return starts, ends

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> FastWordTokenizer:
        """Build it from NLTK's rules as data (:func:`word_rules_spec`), without NLTK."""
        return cls(_WordRules(spec))
