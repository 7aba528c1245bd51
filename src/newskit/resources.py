"""NLTK data packages: the one list newskit needs, checking, downloading, loading.

newskit never touches the network at import time. The first time an analysis
needs a model (say the sentence splitter), :func:`require` looks for it; if it
is missing, newskit tries one download with a one-line notice, and if that
fails (offline) raises :class:`newskit.MissingResourceError` with the fix.

Set ``NEWSKIT_NO_DOWNLOAD=1`` to forbid that automatic download (tests and CI
do). Install everything ahead of time with ``newskit setup``.

The loaded models are cached for the life of the process: loading is the slow
part (about half a second in all), using them is fast.
"""

from __future__ import annotations

import functools
import io
import os
import socket
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from .errors import MissingResourceError

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


def _guarded(name: str, loader: Callable[[], object]) -> object:
    """Run *loader* after :func:`require`; turn NLTK's LookupError banner into our one-line error."""
    require(name)
    try:
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


@functools.cache
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt sentence splitter for English (punkt_tab)."""
    from nltk.tokenize.punkt import PunktTokenizer

    return _guarded("punkt_tab", lambda: PunktTokenizer("english"))  # type: ignore[return-value]


@functools.cache
def word_tokenizer():  # noqa: ANN201 - NLTK class
    """NLTK's default word tokenizer (the one ``nltk.word_tokenize`` uses), which gives spans."""
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()


class FastTagger:
    """NLTK's averaged perceptron tagger with the same model and the same tags, about 3x faster.

    ``nltk.tag.PerceptronTagger.tag`` builds a feature dictionary per word and ranks
    all 45 tags with a Python ``max``; tagging is most of the time of a long
    article. This class reads the same weights, builds the same features in the
    same order (so every score sums identically) and ranks only the tags that
    scored. ``tests/test_resources.py`` checks the output is identical.
    """

    def __init__(self, tagger) -> None:  # noqa: ANN001 - an nltk PerceptronTagger
        self.weights = tagger.model.weights
        self.tagdict = tagger.tagdict
        self.classes = frozenset(tagger.classes)
        self.start = list(tagger.START)
        self.end = list(tagger.END)
        self.normalize = tagger.normalize

    def tag(self, tokens: list[str]) -> list[tuple[str, str]]:
        """Tag one sentence: a list of ``(word, tag)`` pairs, like NLTK's ``tag``."""
        weights, tagdict = self.weights, self.tagdict
        prev, prev2 = self.start
        context = self.start + [self.normalize(w) for w in tokens] + self.end
        out: list[tuple[str, str]] = []
        for i, word in enumerate(tokens):
            tag = tagdict.get(word)
            if not tag:
                j = i + 2
                cw = context[j]
                feats = ("bias", "i suffix " + word[-3:], "i pref1 " + (word[0] if word else ""), "i-1 tag " + prev,
                         "i-2 tag " + prev2, "i tag+i-2 tag " + prev + " " + prev2, "i word " + cw,
                         "i-1 tag+i word " + prev + " " + cw, "i-1 word " + context[j - 1],
                         "i-1 suffix " + context[j - 1][-3:], "i-2 word " + context[j - 2], "i+1 word " + context[j + 1],
                         "i+1 suffix " + context[j + 1][-3:], "i+2 word " + context[j + 2])
                scores: dict[str, float] = {}
                get = scores.get
                for f in feats:
                    wts = weights.get(f)
                    if wts:
                        for label, weight in wts.items():
                            scores[label] = get(label, 0.0) + weight
                tag = self._best(scores)
            out.append((word, tag))
            prev2, prev = prev, tag
        return out

    def _best(self, scores: dict[str, float]) -> str:
        # NLTK: max over all classes of (score, label), a class without weights scoring 0.0
        if scores:
            best = max(scores, key=lambda label: (scores[label], label))
            if scores[best] > 0.0 or len(scores) == len(self.classes):
                return best
            zero = max(c for c in self.classes if c not in scores)
            return best if (scores[best], best) > (0.0, zero) else zero
        return max(self.classes)


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

    return _guarded("cmudict", cmu.dict)  # type: ignore[return-value]


@functools.cache
def brown_news_counts() -> Counter[str]:
    """Case-folded word counts of the Brown corpus, news category (about 100,000 words)."""
    from nltk.corpus import brown

    def load() -> Counter[str]:
        return Counter(w.lower() for w in brown.words(categories="news") if any(c.isalnum() for c in w))

    return _guarded("brown", load)  # type: ignore[return-value]


def clear_caches() -> None:
    """Forget every loaded model (for tests that change ``nltk.data.path``)."""
    for fn in (sentence_tokenizer, word_tokenizer, pos_tagger, universal_tag_map, stopwords, vader,
               opinion_words, cmudict, brown_news_counts):
        fn.cache_clear()
    _download_tried.clear()
