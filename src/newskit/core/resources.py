"""NLTK data packages: the one list newskit needs, checking, downloading, loading.

newskit never touches the network at import time. The first time an analysis
needs a model (say the sentence splitter), :func:`require` looks for it; if it
is missing, newskit tries one download with a one-line notice, and if that
fails (offline) raises :class:`newskit.MissingResourceError` with the fix.

Set ``NEWSKIT_NO_DOWNLOAD=1`` to forbid that automatic download (tests and CI
do). Install everything ahead of time with ``newskit setup``.

The loaded models are cached for the life of the process: loading is the slow
part (about a second in all, most of it importing NLTK and reading the tagger's
model), using them is fast. The word tokenizer, the sentence splitter and the
tagger are NLTK's own models run faster (:class:`FastWordTokenizer`,
:func:`sentence_tokenizer`, :class:`FastTagger`); ``tests/test_resources.py``
checks that they give exactly NLTK's tokens, sentences and tags.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import itertools
import os
import re
import socket
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO, TypeVar

from ..errors import MissingResourceError

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize.punkt import PunktSentenceTokenizer

__all__ = [
    "Resource",
    "RESOURCES",
    "is_installed",
    "missing",
    "require",
    "setup",
]


@dataclass(frozen=True)
class Resource:
    """One NLTK data package: its download id, where ``nltk.data.find`` looks, and why we need it."""

    package: str
    path: str
    purpose: str


#: Every NLTK package newskit uses, in the order ``newskit setup`` installs them.
RESOURCES: tuple[Resource, ...] = (
    Resource("punkt_tab", "tokenizers/punkt_tab/english/", "splitting text into sentences"),
    Resource("averaged_perceptron_tagger_eng", "taggers/averaged_perceptron_tagger_eng/", "parts of speech"),
    Resource("universal_tagset", "taggers/universal_tagset/en-ptb.map", "simple part-of-speech names (NOUN, VERB, ...)"),
    Resource("stopwords", "corpora/stopwords/english", "leaving out the most common words"),
    Resource("vader_lexicon", "sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt", "tone (sentiment)"),
    Resource("opinion_lexicon", "corpora/opinion_lexicon/positive-words.txt", "evaluative (loaded) words"),
    Resource("brown", "corpora/brown/cats.txt", "the reference corpus of ordinary news (keyness)"),
    Resource("cmudict", "corpora/cmudict/cmudict", "syllable counts (readability)"),
)

_BY_NAME = {r.package: r for r in RESOURCES}
_download_tried: set[str] = set()


def _resource(name: str) -> Resource:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown newskit resource {name!r}; known: {', '.join(_BY_NAME)}") from None


def is_installed(name: str) -> bool:
    """Return True when the NLTK package *name* can be found (respects ``NLTK_DATA``)."""
    import nltk.data

    try:
        nltk.data.find(_resource(name).path)
    except LookupError:
        return False
    return True


def missing() -> list[str]:
    """Names of the packages in :data:`RESOURCES` that are not installed."""
    return [r.package for r in RESOURCES if not is_installed(r.package)]


def _download(name: str, *, quiet: bool, stream: TextIO | None = None) -> bool:
    """Try to download one package; return True on success. Never raises."""
    if os.environ.get("NEWSKIT_NO_DOWNLOAD"):
        return False
    import nltk

    old_timeout = socket.getdefaulttimeout()
    socket.setdefaulttimeout(20)
    old_stdout, old_stderr = sys.stdout, sys.stderr
    try:
        if quiet:  # NLTK prints a multi-line banner on failure even when quiet: swallow it
            sys.stdout = sys.stderr = io.StringIO()
        elif stream is not None:
            sys.stdout = stream
        ok = nltk.download(name, quiet=quiet, raise_on_error=False)
    except Exception:  # noqa: BLE001 - any failure means "not downloaded"
        ok = False
    finally:
        sys.stdout, sys.stderr = old_stdout, old_stderr
        socket.setdefaulttimeout(old_timeout)
    return bool(ok) and is_installed(name)


def _fix_message(name: str) -> str:
    return (
        f"newskit needs the NLTK data package '{name}' ({_resource(name).purpose}) and it is not installed. "
        "Fix: run `newskit setup` (or `python -m newskit setup`) on a machine with internet, "
        "or set NLTK_DATA to a folder that already has it."
    )


def require(name: str) -> None:
    """Make sure the NLTK package *name* is installed, downloading it once if needed.

    Raises :class:`newskit.MissingResourceError` (one line, with the fix) when it
    is missing and cannot be downloaded.

    >>> require("punkt_tab")  # doctest: +SKIP
    """
    if is_installed(name):
        return
    if name not in _download_tried:
        _download_tried.add(name)
        if not os.environ.get("NEWSKIT_NO_DOWNLOAD"):
            print(f"newskit: downloading the NLTK package '{name}' (one time only)...", file=sys.stderr)
            if _download(name, quiet=True):
                return
    raise MissingResourceError(_fix_message(name))


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block, then restore it as it was.

    Loading a model or analysing a long article creates a great many small objects
    and no reference cycles; with NLTK's models in memory (millions of objects) each
    full collection those allocations trigger walks all of them again. Pausing it
    saves about a fifth of a long article's analysis and a third of loading cmudict.
    Memory is still freed as usual by reference counting.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _guarded(name: str, loader: Callable[[], object]) -> object:
    """Run *loader* after :func:`require`; turn NLTK's LookupError banner into our one-line error."""
    require(name)
    try:
        with gc_paused():
            return loader()
    except LookupError:
        raise MissingResourceError(_fix_message(name)) from None


def setup(stream: TextIO | None = None, *, download: bool = True) -> list[str]:
    """Check every package in :data:`RESOURCES`, download the missing ones, verify them.

    Prints progress to *stream* (stdout by default) and returns the names still
    missing afterwards (an empty list means all is well). This is what
    ``newskit setup`` runs.
    """
    out = stream or sys.stdout
    import nltk.data

    print(f"newskit setup: checking {len(RESOURCES)} NLTK data packages", file=out)
    print(f"  NLTK looks in: {', '.join(map(str, nltk.data.path))}", file=out)
    for r in RESOURCES:
        if is_installed(r.package):
            print(f"  [ok]      {r.package:32} {r.purpose}", file=out)
            continue
        if not download:
            print(f"  [missing] {r.package:32} {r.purpose}", file=out)
            continue
        print(f"  [get]     {r.package:32} downloading...", file=out, flush=True)
        if _download(r.package, quiet=True):
            print(f"  [ok]      {r.package:32} downloaded", file=out)
        else:
            print(f"  [FAILED]  {r.package:32} could not be downloaded", file=out)
    still = missing()
    for name in still:  # verify: say exactly what is left
        print(f"newskit setup: still missing '{name}'", file=out)
    if still:
        print("newskit setup: connect to the internet and run it again,"
              " or set NLTK_DATA to a folder with these packages.", file=out)
    else:
        print("newskit setup: all NLTK data is installed.", file=out)
    return still


# --- cached loaded models ------------------------------------------------------------------


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


def _unwrapped(pattern):  # noqa: ANN001, ANN202 - a compiled pattern, possibly wrapped by NLTK
    """The compiled pattern inside NLTK >= 3.10's ``redos.TimedPattern`` (which times every match), else *pattern*."""
    return getattr(pattern, "_rx", pattern)


@functools.cache
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt sentence splitter for English (punkt_tab).

    NLTK >= 3.10 runs each of Punkt's regular expressions through a wrapper that
    times every match (a guard against catastrophic backtracking); Punkt calls
    them several times per word, so the wrapper was about a third of the time of
    splitting a long article. Here the splitter uses the very same compiled
    patterns without the wrapper: same sentences (tests/test_resources.py), and
    newskit's own tests feed it hostile inputs with time limits instead.
    """
    from nltk.tokenize.punkt import PunktLanguageVars, PunktToken, PunktTokenizer

    class Token(PunktToken):
        __slots__ = ()
        _RE_ELLIPSIS = _unwrapped(PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = _unwrapped(PunktToken._RE_NUMERIC)
        _RE_INITIAL = _unwrapped(PunktToken._RE_INITIAL)
        _RE_ALPHA = _unwrapped(PunktToken._RE_ALPHA)

    class Language(PunktLanguageVars):
        __slots__ = ()
        re_boundary_realignment = _unwrapped(PunktLanguageVars.re_boundary_realignment)

    def load() -> PunktTokenizer:
        punkt = PunktTokenizer("english")
        if type(punkt._lang_vars) is not PunktLanguageVars:  # another NLTK: its splitter as it is
            return punkt
        lang = Language()
        lang._re_word_tokenizer = _unwrapped(lang._word_tokenizer_re())  # compiled once, kept unwrapped
        lang._re_period_context = _unwrapped(lang.period_context_re())
        punkt._lang_vars = lang
        punkt._Token = Token
        return punkt

    return _guarded("punkt_tab", load)  # type: ignore[return-value]


@functools.cache
def word_tokenizer():  # noqa: ANN201 - FastWordTokenizer or NLTK's class
    """NLTK's default word tokenizer (the one ``nltk.word_tokenize`` uses), which gives spans.

    :class:`FastWordTokenizer` runs it faster; should this NLTK's rules differ from the
    ones it knows (checked once on a few sentences), NLTK's own tokenizer is used.
    """
    from nltk.tokenize import NLTKWordTokenizer

    nltk_tokenizer = NLTKWordTokenizer()
    try:
        fast = FastWordTokenizer(nltk_tokenizer)
        if all(fast.span_tokenize(s) == list(nltk_tokenizer.span_tokenize(s)) for s in _TOKENIZER_CHECKS):
            return fast
    except (ValueError, TypeError, AttributeError):
        pass
    return nltk_tokenizer


_TOKENIZER_CHECKS = (
    "\"I cannot,\" he said -- gonna 'tis (ok) [x]; e.g. 3.5% ... won't?! \u2018Yes\u2019 \u00abnon\u00bb \u201cso\u201d.",
    "Mosul\u2019s fall \u2013 the army\u2019s \u201cshock\u201d: ISIS, ``a'' *b* @c #d $e &f.",
)


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
            return [(_unwrapped(p), sub, need, tails.get(k)) for k, ((p, sub), need) in enumerate(zip(pairs, needs, strict=True))]

        # The rules anchored at the end of the text ("." then closing marks and whitespace; a final ":" or
        # ","), indexed like PUNCTUATION, can only match in the last characters, so they run on that tail:
        # (characters to strip from the end, how many characters before the stripped end a match starts).
        squeeze = _unwrapped(list(tokenizer.ENDING_QUOTES)[3][0])
        chars = "".join(map(chr, range(0x3001)))  # U+3000 is the last whitespace character
        rule_spaces = set("".join(squeeze.findall(chars)))  # NLTK's \s ("regex" module: not \x1c-\x1f)
        split_spaces = {c for c in chars if c.isspace()}  # str.split()'s whitespace
        if not rule_spaces <= split_spaces:
            raise ValueError("this NLTK's word tokenizer has different rules")
        closers = "]})>\"'\u00bb\u201d\u2019" + "".join(sorted(split_spaces))
        tails = {0: (closers, 2), 2: ("\n", 1), 6: (closers, 2)}
        self.first = (steps(tokenizer.STARTING_QUOTES, self._STARTING_NEEDS)
                      + steps(tokenizer.PUNCTUATION, self._PUNCTUATION_NEEDS, tails)
                      + steps([tokenizer.PARENS_BRACKETS], (tuple("[](){}<>"),))
                      + steps([tokenizer.DOUBLE_DASHES], (("--",),)))
        ending = steps(tokenizer.ENDING_QUOTES, self._ENDING_NEEDS)
        if (ending[3][0].pattern, ending[3][1]) != (r"\s+", " "):
            raise ValueError("this NLTK's word tokenizer has different rules")
        # the fourth ending rule squeezes whitespace to one space: str.split() does it faster when the text
        # has no character that str.split() takes for whitespace and NLTK's \s does not
        self.ending_quotes, self.squeeze, self.ending_clitics = ending[:3], ending[3][0], ending[4:]
        self.not_squeezed = tuple(sorted(split_spaces - rule_spaces))
        self.contractions = [_unwrapped(p) for p in (*tokenizer.CONTRACTIONS2, *tokenizer.CONTRACTIONS3)]
        # one search for the words the contraction rules split decides whether any can apply (same engine, flags)
        self.any_contraction = re.compile(r"(?i)cannot|d'ye|gimme|gonna|gotta|lemme|more'n|wanna| 't(?:is|was)")
        self.quotes = re.compile(r"``|'{2}|\"")

    def tokenize(self, text: str) -> list[str]:
        """Tokens of *text* (one sentence), exactly as ``NLTKWordTokenizer().tokenize(text)``."""
        for pattern, sub, need, tail in self.first:
            if any(map(text.__contains__, need)):
                if tail is None:
                    text = pattern.sub(sub, text)
                else:
                    cut = max(0, len(text.rstrip(tail[0])) - tail[1])
                    text = text[:cut] + pattern.sub(sub, text[cut:])
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
        tokens = self.tokenize(text)
        if '"' in text or "''" in text:  # NLTK turned " into `` or '': put back what the text has
            found = iter(self.quotes.findall(text))
            tokens = [next(found) if tok in ('"', "``", "''") else tok for tok in tokens]
        spans: list[tuple[int, int]] = []
        point = 0
        for token in tokens:
            start = text.index(token, point)  # ValueError when the text cannot be aligned, as in NLTK
            point = start + len(token)
            spans.append((start, point))
        return spans


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
    checks identical tags on the seed, odd tokens and real articles.
    """

    def __init__(self, tagger) -> None:  # noqa: ANN001 - an nltk PerceptronTagger
        import numpy as np

        self._np = np
        weights = tagger.model.weights
        self.tagdict: dict[str, str] = tagger.tagdict
        self.normalize = tagger.normalize
        self.start = list(tagger.START)
        self.end = list(tagger.END)
        self.labels = sorted(tagger.classes)  # rank = alphabetical order, NLTK's tie-break
        label_index = {label: k for k, label in enumerate(self.labels)}
        n_labels = len(self.labels)
        # one row per feature; row 0 is all zeros (a feature the model never saw)
        self.rows: dict[str, int] = {f: k for k, f in enumerate(weights, start=1)}
        # every weight as (row, label, value), gathered at C speed (the model has ~270,000 of them)
        per_feature = list(weights.values())
        at_row = np.repeat(np.arange(1, len(per_feature) + 1), np.fromiter(map(len, per_feature), dtype=np.intp))
        at_label = np.fromiter(map(label_index.__getitem__, itertools.chain.from_iterable(per_feature)), dtype=np.intp)
        values = np.fromiter(itertools.chain.from_iterable(map(dict.values, per_feature)), dtype=np.float64)
        matrix = np.zeros((len(self.rows) + 1, n_labels), dtype=np.int32)
        matrix[at_row, at_label] = np.rint(values * 1000).astype(np.int32) * 64
        self.matrix = matrix
        self.ranks = np.arange(n_labels, dtype=np.int32)
        # previous tags: every label plus the two start symbols
        prevs = self.labels + self.start
        self.prev_index = {t: k for k, t in enumerate(prevs)}
        row = self.rows.get
        t1 = matrix[[row("i-1 tag " + p, 0) for p in prevs]]
        t2 = matrix[[row("i-2 tag " + p, 0) for p in prevs]]
        t12 = matrix[[[row("i tag+i-2 tag " + p + " " + p2, 0) for p2 in prevs] for p in prevs]]
        self.pair_table = t1[:, None, :] + t2[None, :, :] + t12  # [prev, prev2, label]
        # worked out once per word form (bounded: a long-running process may see any number of words)
        self._normals = WordMemo(self.normalize, limit=self._CACHE_LIMIT)
        self._word_rows = WordMemo(self._rows_of_word, limit=self._CACHE_LIMIT)
        self._context_rows = WordMemo(self._rows_of_context, limit=self._CACHE_LIMIT)

    def tag(self, tokens: list[str]) -> list[tuple[str, str]]:
        """Tag one sentence: a list of ``(word, tag)`` pairs, like NLTK's ``tag``."""
        return list(zip(tokens, self.tag_sents([tokens])[0], strict=True))

    def tag_sents(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tag several sentences at once (faster than one at a time): one list of tags per sentence."""
        np = self._np
        tagdict, row = self.tagdict, self.rows.get
        normals, word_rows, context_rows = self._normals, self._word_rows, self._context_rows
        feature_rows: list[tuple[int, ...]] = []
        contexts = []
        bias = row("bias", 0)
        for tokens in sentences:
            context = self.start + [normals[w] for w in tokens] + self.end
            contexts.append(context)
            around = [context_rows[c] for c in context]
            for i, word in enumerate(tokens):
                if tagdict.get(word):
                    continue
                own = word_rows[word]
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
        for tokens, context in zip(sentences, contexts, strict=True):
            prev, prev2 = self.start
            tags: list[str] = []
            for i, word in enumerate(tokens):
                tag = tagdict.get(word)
                if not tag:
                    scores = static[k] + pair_table[prev_index[prev], prev_index[prev2]]  # type: ignore[index]
                    k += 1
                    r = row("i-1 tag+i word " + prev + " " + context[i + 2])
                    if r:
                        scores += matrix[r]
                    tag = labels[int(scores.argmax())]
                tags.append(tag)
                prev2, prev = prev, tag
            out.append(tags)
        return out

    # The feature rows of a word form: its own features, and what it adds as a neighbour.
    _CACHE_LIMIT = 200_000

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


@functools.cache
def pos_tagger() -> FastTagger:
    """NLTK's averaged perceptron part-of-speech tagger (Penn Treebank tags), via :class:`FastTagger`."""
    from nltk.tag import PerceptronTagger

    return FastTagger(_guarded("averaged_perceptron_tagger_eng", PerceptronTagger))


@functools.cache
def _porter():  # noqa: ANN202 - NLTK class
    from nltk.stem import PorterStemmer

    return PorterStemmer()


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Porter stem of *word* (NLTK's PorterStemmer); cached, as a word's stem never changes."""
    return _porter().stem(word)


@functools.cache
def universal_tag_map() -> dict[str, str]:
    """Map from Penn Treebank tags to the universal tagset (NOUN, VERB, ADJ, ...)."""
    from nltk.tag.mapping import tagset_mapping

    return _guarded("universal_tagset", lambda: dict(tagset_mapping("en-ptb", "universal")))  # type: ignore[return-value]


@functools.cache
def stopwords() -> frozenset[str]:
    """NLTK's English stopword list, lower case."""
    from nltk.corpus import stopwords as sw

    return _guarded("stopwords", lambda: frozenset(w.lower() for w in sw.words("english")))  # type: ignore[return-value]


@functools.cache
def vader():  # noqa: ANN201 - NLTK class
    """NLTK's VADER sentiment analyser."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return _guarded("vader_lexicon", SentimentIntensityAnalyzer)


@functools.cache
def opinion_words() -> tuple[frozenset[str], frozenset[str]]:
    """Hu & Liu's opinion lexicon: (positive words, negative words)."""
    from nltk.corpus import opinion_lexicon

    return _guarded(  # type: ignore[return-value]
        "opinion_lexicon",
        lambda: (frozenset(opinion_lexicon.positive()), frozenset(opinion_lexicon.negative())),
    )


@functools.cache
def cmudict() -> dict[str, list[list[str]]]:
    """The CMU pronouncing dictionary (word -> list of pronunciations)."""
    from nltk.corpus import cmudict as cmu

    def load() -> dict[str, list[list[str]]]:
        # what cmu.dict() gives (lower-case word -> its pronunciations in file order), but read in one
        # piece and split here: NLTK's line-by-line stream reader takes twice as long
        out: dict[str, list[list[str]]] = {}
        for line in cmu.raw().splitlines():
            pieces = line.split()
            if pieces:
                out.setdefault(pieces[0].lower(), []).append(pieces[2:])
        return out

    return _guarded("cmudict", load)  # type: ignore[return-value]


@functools.cache
def brown_news_counts() -> Counter[str]:
    """Case-folded word counts of the Brown corpus, news category (about 100,000 words)."""
    from nltk.corpus import brown

    from .words import is_word as _has_letter_or_digit

    def load() -> Counter[str]:
        # brown.words() reads the "word/tag" tokens through several stream layers; splitting the raw
        # files gives the same words (the text before the last "/") four times faster
        words: list[str] = []
        for fileid in brown.fileids(categories="news"):
            for token in brown.raw(fileid).split():
                cut = token.rfind("/")
                words.append(token[:cut] if cut >= 0 else token)
        return Counter(w.lower() for w in words if _has_letter_or_digit(w))

    return _guarded("brown", load)  # type: ignore[return-value]


def clear_caches() -> None:
    """Forget every loaded model (for tests that change ``nltk.data.path``)."""
    for fn in (sentence_tokenizer, word_tokenizer, pos_tagger, universal_tag_map, stopwords, vader,
               opinion_words, cmudict, brown_news_counts):
        fn.cache_clear()
    _download_tried.clear()
