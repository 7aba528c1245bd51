"""NLTK data packages: the one list newskit needs, checking, downloading, loading — once, thread-safe, cached.

newskit never touches the network at import time. The first time an analysis
needs a model (say the sentence splitter), :func:`require` looks for it; if it
is missing, newskit tries one download with a one-line notice, and if that
fails (offline) raises :class:`newskit.MissingResourceError` with the fix.

Set ``NEWSKIT_NO_DOWNLOAD=1`` to forbid that automatic download (tests and CI
do). Install everything ahead of time with ``newskit setup``.

**Loaded once.** Each model or word list is loaded the first time it is asked for and kept for
the life of the process. Loading is done under a lock, per resource and double-checked, and
everything that touches NLTK runs under one more lock: NLTK's lazy corpus loaders and its tag
mappings are not safe when two threads use them for the first time at once (issue 14), so
threads (a ``ThreadPoolExecutor``, a Dask worker) may start analysing together.

**Cached on disk.** What newskit derives from NLTK's data — the tagger's weights as one integer
matrix, Punkt's tables, NLTK's tokenizer rules, word lists, Brown news counts, syllable counts,
names, VerbNet's speech verbs — is kept in newskit's cache folder (:mod:`newskit.core.cache`:
JSON and numpy ``.npz``, never a pickle), so a fresh process reads a few small files instead of
importing NLTK and parsing its models. The word tokenizer, the sentence splitter and the tagger
are NLTK's own models run faster from that data (:mod:`newskit.core.word_tokenizer`, :mod:`newskit.core.punkt`,
:mod:`newskit.core.tagger`); ``tests/test_resources.py`` checks that they give exactly NLTK's tokens, sentences and tags.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import os
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO, TypeVar

from ..errors import MissingResourceError
from . import cache
from .models import WordMemo
from .punkt import FastPunkt
from .tagger import FastTagger, perceptron_normalize
from .word_tokenizer import FastWordTokenizer, word_rules_spec

__all__ = [
    "Resource",
    "RESOURCES",
    "FastPunkt",
    "FastTagger",
    "FastWordTokenizer",
    "WordMemo",
    "SPEECH_CLASSES",
    "is_installed",
    "missing",
    "require",
    "setup",
    "prepare_cache",
    "first_names",
    "verbnet_speech_verbs",
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
    Resource("names", "corpora/names/male.txt", "first names and their usual gender (who is speaking)"),
    Resource("verbnet", "corpora/verbnet/", "verbs of saying (who is speaking)"),
)

_BY_NAME = {r.package: r for r in RESOURCES}
_download_tried: set[str] = set()

#: Held by everything that calls into NLTK (finding, downloading, loading data). Reentrant: a loader may
#: call :func:`require`. A loader holding it never waits for another resource's lock (loaders do not call
#: each other's public functions), so it cannot deadlock with :func:`_once`.
_NLTK_LOCK = threading.RLock()


def _resource(name: str) -> Resource:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown newskit resource {name!r}; known: {', '.join(_BY_NAME)}") from None


def is_installed(name: str) -> bool:
    """Return True when the NLTK package *name* can be found (respects ``NLTK_DATA``).

    >>> is_installed("punkt_tab")
    True
    """
    with _NLTK_LOCK:
        import nltk.data

        try:
            nltk.data.find(_resource(name).path)
        except LookupError:
            return False
        return True


def missing() -> list[str]:
    """Names of the packages in :data:`RESOURCES` that are not installed.

    >>> missing()
    []
    """
    return [r.package for r in RESOURCES if not is_installed(r.package)]


def _download(name: str, *, quiet: bool, stream: TextIO | None = None) -> bool:
    """Try to download one package; return True on success. Never raises.

    Quiet, nothing NLTK prints reaches the user: its downloader writes its
    ``[nltk_data] Error loading ...`` banner to the ``print_error_to`` stream it was
    given (``sys.stderr`` bound when NLTK was imported, so swapping ``sys.stderr`` alone
    does not catch it) and its messages to ``sys.stdout``; both go to a sink.
    """
    if os.environ.get("NEWSKIT_NO_DOWNLOAD"):
        return False
    with _NLTK_LOCK:
        import nltk

        sink = io.StringIO()
        old_timeout = socket.getdefaulttimeout()
        socket.setdefaulttimeout(20)
        old_stdout, old_stderr = sys.stdout, sys.stderr
        try:
            if quiet:
                sys.stdout = sys.stderr = sink
            elif stream is not None:
                sys.stdout = stream
            try:
                ok = nltk.download(name, quiet=quiet, raise_on_error=False,
                                   print_error_to=sink if quiet else (stream or old_stderr))
            except TypeError:  # an NLTK without print_error_to
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
    with _NLTK_LOCK:
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

    >>> with gc_paused():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- loading once, under a lock ------------------------------------------------------------------------------------

_F = TypeVar("_F", bound=Callable[[], Any])
_V = TypeVar("_V")


def _once(fn: _F) -> _F:
    """*fn* (no arguments) run once per process: the first caller runs it under this resource's lock, callers
    arriving meanwhile wait for its value, later callers get it without locking. A failure is not kept (the
    next call tries again). ``.cache_clear()`` forgets the value."""
    lock = threading.Lock()
    box: list[Any] = []

    @functools.wraps(fn)
    def get() -> Any:
        if box:
            return box[0]
        with lock:
            if not box:
                box.append(fn())
        return box[0]

    get.cache_clear = box.clear  # type: ignore[attr-defined]
    return get  # type: ignore[return-value]


def _from_nltk(name: str | None, loader: Callable[[], _V]) -> _V:
    """Run *loader* (which reads NLTK) under the NLTK lock, after :func:`require` of package *name*;
    turn NLTK's LookupError banner into our one-line error."""
    with _NLTK_LOCK:
        if name is not None:
            require(name)
        try:
            with gc_paused():
                return loader()
        except LookupError:
            if name is None:
                raise
            raise MissingResourceError(_fix_message(name)) from None


#: Entry name -> whether it is in the cache folder now (read from it, or written there), since the last prepare_cache.
_cache_written: dict[str, bool] = {}


def _cached(entry: str, package: str | None, build: Callable[[], tuple[Any, ...]], *, arrays: bool = False) -> Any:
    """Entry *entry* of newskit's cache: from the cache folder when it is there and fresh, else built from NLTK
    (``build() -> (data, source files[, arrays])``, run by :func:`_from_nltk` for *package*) and stored.
    Returns the data, or ``(data, arrays)`` with *arrays*."""
    hit = cache.load(entry, arrays=arrays)
    if hit is not None:
        _cache_written[entry] = True
        return hit if arrays else hit[0]
    made = _from_nltk(package, build)
    data, sources = made[0], made[1]
    found = made[2] if arrays and len(made) > 2 and made[2] is not None else {}
    lookups = [_resource(package).path] if package is not None else []
    _cache_written[entry] = cache.store(entry, data, sources=sources, lookups=lookups, arrays=found if arrays else None)
    return (data, found) if arrays else data


def _file_of(pointer: Any) -> str:
    """The file on disk behind an NLTK path pointer: the zip file of a zipped package, else the path itself."""
    zipped = getattr(pointer, "zipfile", None)
    if zipped is not None:
        return str(zipped.filename)
    return str(getattr(pointer, "path", pointer))


def _files_of_folder(resource_path: str) -> list[str]:
    """The files of the NLTK data folder *resource_path* (or its zip file)."""
    import nltk.data

    pointer = nltk.data.find(resource_path)
    if getattr(pointer, "zipfile", None) is not None:
        return [_file_of(pointer)]
    folder = Path(_file_of(pointer))
    return sorted(str(p) for p in folder.iterdir() if p.is_file())


# --- setup --------------------------------------------------------------------------------------------------------


def setup(stream: TextIO | None = None, *, download: bool = True) -> list[str]:
    """Check every package in :data:`RESOURCES`, download the missing ones, verify them, prepare the cache.

    Prints what it does to *stream* (stdout by default), with a progress bar while downloading
    (:func:`newskit.core.progress.progress`), and returns the names still missing afterwards (an
    empty list means all is well). This is what ``newskit setup`` runs.

    >>> setup(download=False)  # doctest: +SKIP
    newskit setup: checking 10 NLTK data packages
    ...
    """
    from .progress import progress

    out = stream or sys.stdout
    with _NLTK_LOCK:
        import nltk.data

        search = ", ".join(map(str, nltk.data.path))
    print(f"newskit setup: checking {len(RESOURCES)} NLTK data packages", file=out)
    print(f"  NLTK looks in: {search}", file=out)
    todo = []
    for r in RESOURCES:
        if is_installed(r.package):
            print(f"  [ok]      {r.package:32} {r.purpose}", file=out)
        elif download:
            todo.append(r)
        else:
            print(f"  [missing] {r.package:32} {r.purpose}", file=out)
    if todo:
        print(f"  downloading {len(todo)} package{'s' if len(todo) > 1 else ''}: {', '.join(r.package for r in todo)}",
              file=out, flush=True)
    for r in progress(todo, desc="NLTK data", unit="package"):
        if _download(r.package, quiet=True):
            print(f"  [ok]      {r.package:32} downloaded", file=out, flush=True)
        else:
            print(f"  [FAILED]  {r.package:32} could not be downloaded", file=out, flush=True)
    still = missing()
    for name in still:  # verify: say exactly what is left
        print(f"newskit setup: still missing '{name}'", file=out)
    if still:
        print("newskit setup: connect to the internet and run it again,"
              " or set NLTK_DATA to a folder with these packages.", file=out)
    else:
        print("newskit setup: all NLTK data is installed.", file=out)
    if not download:  # a check only: write nothing
        return still
    t = time.perf_counter()
    folder, written = prepare_cache()
    if folder is None:
        print("newskit setup: the cache is off (NEWSKIT_CACHE=off).", file=out)
    elif written:
        print(f"newskit setup: cache ready in {folder} ({time.perf_counter() - t:.1f} s).", file=out)
    else:
        print(f"newskit setup: could not write the cache in {folder}; newskit works without it"
              " (each new session starts a little slower). Set NEWSKIT_CACHE to a folder you can write.", file=out)
    return still


def prepare_cache() -> tuple[Path | None, bool]:
    """Load every cached resource once (building its cache entry if needed): (cache folder, all entries written).

    Resources whose NLTK data is missing are left out. ``newskit setup`` runs this, so a new
    session (or a Binder image) starts with a warm cache.

    >>> prepare_cache()  # doctest: +SKIP
    (PosixPath('/home/me/.cache/newskit'), True)
    """
    loaders = (sentence_tokenizer, word_tokenizer, pos_tagger, universal_tag_map, stopwords, vader, opinion_words,
               cmudict_syllables, brown_news_counts, first_names, verbnet_speech_verbs)
    _cache_written.clear()
    for load in loaders:
        load.cache_clear()  # type: ignore[attr-defined] # so it goes through the cache folder (and fills it)
        try:
            load()
        except MissingResourceError:
            continue
    return cache.cache_dir(), bool(_cache_written) and all(_cache_written.values())


# --- the models and word lists -------------------------------------------------------------------------------------


_PUNKT_CHECKS = (
    "Mr. Smith went to Washington. He said... so. U.S. forces left at 3 p.m. on Jan. 5. Then?! Yes.",
    "1.5 million people. A.B.C. etc. (He left.) \u201cNo.\u201d She agreed. J. S. Bach wrote it. The 2nd. Round.",
    "Dr. No. 10 Downing St. is where the P.M. lives. Really. \u201cWhy?\u201d he asked. \u2018Fine.\u2019 Ok.\n\nNew line.",
)


def _build_punkt() -> tuple[dict[str, Any] | None, list[str]]:
    from nltk.tokenize.punkt import PunktTokenizer

    punkt = PunktTokenizer("english")
    spec = FastPunkt.spec_of(punkt)
    if spec is not None:
        fast = FastPunkt(spec)
        if any(fast.span_tokenize(t) != list(punkt.span_tokenize(t)) for t in _PUNKT_CHECKS):
            spec = None  # this NLTK's Punkt is not the one FastPunkt ports: use NLTK's own
    return spec, _files_of_folder(_resource("punkt_tab").path)


def _nltk_punkt() -> Any:
    """NLTK's Punkt splitter, its patterns without NLTK >= 3.10's timing wrapper (when FastPunkt does not apply)."""
    from nltk.tokenize.punkt import PunktLanguageVars, PunktToken, PunktTokenizer

    from .models import unwrapped

    class Token(PunktToken):
        __slots__ = ()
        _RE_ELLIPSIS = unwrapped(PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = unwrapped(PunktToken._RE_NUMERIC)
        _RE_INITIAL = unwrapped(PunktToken._RE_INITIAL)
        _RE_ALPHA = unwrapped(PunktToken._RE_ALPHA)

    class Language(PunktLanguageVars):
        __slots__ = ()
        re_boundary_realignment = unwrapped(PunktLanguageVars.re_boundary_realignment)

    punkt = PunktTokenizer("english")
    if type(punkt._lang_vars) is not PunktLanguageVars:  # another NLTK: its splitter as it is
        return punkt
    lang = Language()
    lang._re_word_tokenizer = unwrapped(lang._word_tokenizer_re())  # compiled once, kept unwrapped
    lang._re_period_context = unwrapped(lang.period_context_re())
    punkt._lang_vars = lang
    punkt._Token = Token
    return punkt


@_once
def sentence_tokenizer() -> Any:
    """NLTK's Punkt sentence splitter for English (punkt_tab): a :class:`FastPunkt` with ``span_tokenize(text)``.

    FastPunkt is NLTK's algorithm and patterns from cached data (no NLTK import in a fresh
    process), and without NLTK >= 3.10's wrapper that times every regular-expression match
    (a third of the time of splitting a long article); newskit's own tests feed it hostile
    inputs with time limits instead. Should this NLTK's Punkt differ, NLTK's own is used.

    >>> sentence_tokenizer().span_tokenize("Mr. Smith left. He won.")
    [(0, 15), (16, 23)]
    """
    spec = _cached("punkt", "punkt_tab", _build_punkt)
    if spec is not None:
        return FastPunkt(spec)
    return _from_nltk("punkt_tab", _nltk_punkt)


_TOKENIZER_CHECKS = (
    "\"I cannot,\" he said -- gonna 'tis (ok) [x]; e.g. 3.5% ... won't?! \u2018Yes\u2019 \u00abnon\u00bb \u201cso\u201d.",
    "Mosul\u2019s fall \u2013 the army\u2019s \u201cshock\u201d: ISIS, ``a'' *b* @c #d $e &f.",
)


def _build_word_rules() -> tuple[dict[str, Any] | None, list[str]]:
    from nltk.tokenize import NLTKWordTokenizer

    nltk_tokenizer = NLTKWordTokenizer()
    spec = word_rules_spec(nltk_tokenizer)
    try:
        fast = FastWordTokenizer.from_spec(spec) if spec is not None else None
        if fast is None or any(fast.span_tokenize(s) != list(nltk_tokenizer.span_tokenize(s)) for s in _TOKENIZER_CHECKS):
            spec = None
    except (ValueError, TypeError, AttributeError):
        spec = None
    return spec, []


@_once
def word_tokenizer() -> Any:
    """NLTK's default word tokenizer (the one ``nltk.word_tokenize`` uses), which gives spans.

    :class:`FastWordTokenizer` runs NLTK's rules (kept in the cache) faster; should this NLTK's
    rules differ from the ones it knows (checked once on a few sentences when the cache entry is
    made), NLTK's own tokenizer is used.

    >>> word_tokenizer().tokenize("He didn't go.")
    ['He', 'did', "n't", 'go', '.']
    """
    spec = _cached("word_rules", None, _build_word_rules)
    if spec is not None:
        with contextlib.suppress(ValueError, TypeError, AttributeError, KeyError):
            return FastWordTokenizer.from_spec(spec)

    def nltk_tokenizer() -> Any:
        from nltk.tokenize import NLTKWordTokenizer

        return NLTKWordTokenizer()

    return _from_nltk(None, nltk_tokenizer)


def _build_tagger() -> tuple[dict[str, Any] | None, list[str], dict[str, Any] | None]:
    from nltk.tag import PerceptronTagger

    tagger = PerceptronTagger()
    fast = FastTagger.from_nltk(tagger)
    words = [*tagger.tagdict, *(f.rsplit(" ", 1)[-1] for f in fast.features), "", "-x", "x-", "1999", "19999", "42nd",
             "\u0661\u0669\u0669\u0669", "\u00b2", "ALL", "co-op", "-START-"]
    if not all(perceptron_normalize(w) == tagger.normalize(w) for w in words):
        return None, _files_of_folder(_resource("averaged_perceptron_tagger_eng").path), None
    info, arrays = fast.to_data()
    return info, _files_of_folder(_resource("averaged_perceptron_tagger_eng").path), arrays


@_once
def pos_tagger() -> FastTagger:
    """NLTK's averaged perceptron part-of-speech tagger (Penn Treebank tags), via :class:`FastTagger`.

    >>> pos_tagger().tag(["The", "army", "left", "Mosul", "."])
    [('The', 'DT'), ('army', 'NN'), ('left', 'VBD'), ('Mosul', 'NNP'), ('.', '.')]
    """
    info, arrays = _cached("tagger", "averaged_perceptron_tagger_eng", _build_tagger, arrays=True)
    if info is not None and arrays:
        return FastTagger.from_data(info, arrays)

    def load() -> FastTagger:
        from nltk.tag import PerceptronTagger

        return FastTagger.from_nltk(PerceptronTagger())

    return _from_nltk("averaged_perceptron_tagger_eng", load)


@_once
def _porter() -> Any:
    def load() -> Any:
        from nltk.stem import PorterStemmer

        return PorterStemmer()

    return _from_nltk(None, load)


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Porter stem of *word* (NLTK's PorterStemmer); cached, as a word's stem never changes.

    >>> stem("running")
    'run'
    """
    return _porter().stem(word)


@_once
def universal_tag_map() -> dict[str, str]:
    """Map from Penn Treebank tags to the universal tagset (NOUN, VERB, ADJ, ...).

    >>> universal_tag_map()["NNP"]
    'NOUN'
    """

    def build() -> tuple[dict[str, str], list[str]]:
        import nltk.data
        from nltk.tag.mapping import tagset_mapping

        return dict(tagset_mapping("en-ptb", "universal")), [_file_of(nltk.data.find(_resource("universal_tagset").path))]

    return _cached("universal_tagset", "universal_tagset", build)


@_once
def stopwords() -> frozenset[str]:
    """NLTK's English stopword list, lower case.

    >>> "the" in stopwords(), "army" in stopwords()
    (True, False)
    """

    def build() -> tuple[list[str], list[str]]:
        from nltk.corpus import stopwords as sw

        words = list(dict.fromkeys(w.lower() for w in sw.words("english")))
        return words, [_file_of(sw.abspath("english"))]

    return frozenset(_cached("stopwords", "stopwords", build))


@_once
def vader() -> Any:
    """NLTK's VADER sentiment analyser (``SentimentIntensityAnalyzer``), its lexicon read from the cache.

    >>> vader().polarity_scores("good")["compound"]
    0.4404
    """

    def build() -> tuple[dict[str, float] | None, list[str]]:
        import nltk.data
        from nltk.sentiment.vader import SentimentIntensityAnalyzer

        analyser = SentimentIntensityAnalyzer()
        plain = set(vars(analyser)) == {"lexicon_file", "lexicon", "constants"}
        return (analyser.lexicon if plain else None), [_file_of(nltk.data.find(_resource("vader_lexicon").path))]

    lexicon = _cached("vader_lexicon", "vader_lexicon", build)

    def load() -> Any:
        from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

        if lexicon is None:  # not the analyser the cache knows how to rebuild: NLTK's own
            return SentimentIntensityAnalyzer()
        analyser = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
        analyser.lexicon_file, analyser.lexicon, analyser.constants = "", lexicon, VaderConstants()
        return analyser

    return _from_nltk("vader_lexicon" if lexicon is None else None, load)


@_once
def opinion_words() -> tuple[frozenset[str], frozenset[str]]:
    """Hu & Liu's opinion lexicon: (positive words, negative words).

    >>> positive, negative = opinion_words()
    >>> "brave" in positive, "brutal" in negative
    (True, True)
    """

    def build() -> tuple[list[list[str]], list[str]]:
        from nltk.corpus import opinion_lexicon as ol

        files = [_file_of(ol.abspath(f)) for f in ("positive-words.txt", "negative-words.txt")]
        return [list(ol.positive()), list(ol.negative())], files

    positive, negative = _cached("opinion_lexicon", "opinion_lexicon", build)
    return frozenset(positive), frozenset(negative)


@_once
def cmudict() -> dict[str, list[list[str]]]:
    """The CMU pronouncing dictionary (word -> list of pronunciations), from NLTK (not cached on disk:
    readability needs only :func:`cmudict_syllables`).

    >>> cmudict()["news"][0]
    ['N', 'UW1', 'Z']
    """

    def load() -> dict[str, list[list[str]]]:
        from nltk.corpus import cmudict as cmu

        # what cmu.dict() gives (lower-case word -> its pronunciations in file order), but read in one
        # piece and split here: NLTK's line-by-line stream reader takes twice as long
        out: dict[str, list[list[str]]] = {}
        for line in cmu.raw().splitlines():
            pieces = line.split()
            if pieces:
                out.setdefault(pieces[0].lower(), []).append(pieces[2:])
        return out

    return _from_nltk("cmudict", load)


@_once
def cmudict_syllables() -> dict[str, int]:
    """Syllables of each word of the CMU pronouncing dictionary (its first pronunciation's vowels, the phonemes
    with a stress digit; may be 0), lower case. ``len([p for p in cmudict()[w][0] if p[-1:].isdigit()])``.

    >>> cmudict_syllables()["government"]
    3
    """

    def build() -> tuple[dict[str, int], list[str]]:
        from nltk.corpus import cmudict as cmu

        syllables: dict[str, int] = {}
        for line in cmu.raw().splitlines():
            pieces = line.split()
            if pieces and pieces[0].lower() not in syllables:  # the first pronunciation, as cmudict()[w][0]
                syllables[pieces[0].lower()] = sum(1 for p in pieces[2:] if p[-1:].isdigit())
        return syllables, [_file_of(cmu.abspath("cmudict"))]

    return _cached("cmudict_syllables", "cmudict", build)


@_once
def brown_news_counts() -> Counter[str]:
    """Case-folded word counts of the Brown corpus, news category (about 100,000 words).

    >>> brown_news_counts()["the"]
    6386
    """

    def build() -> tuple[dict[str, int], list[str]]:
        from nltk.corpus import brown

        from .words import is_word

        # brown.words() reads the "word/tag" tokens through several stream layers; splitting the raw
        # files gives the same words (the text before the last "/") four times faster
        words: list[str] = []
        fileids = brown.fileids(categories="news")
        for fileid in fileids:
            for token in brown.raw(fileid).split():
                cut = token.rfind("/")
                words.append(token[:cut] if cut >= 0 else token)
        files = [_file_of(brown.abspath(f)) for f in ("cats.txt", *fileids)]
        return dict(Counter(w.lower() for w in words if is_word(w))), files

    return Counter(_cached("brown_news", "brown", build))


@_once
def first_names() -> dict[str, str]:
    """First names from NLTK's names corpus (Kantrowitz's lists: about 5,000 female and 3,000 male names):
    lower-case name -> ``"male"``, ``"female"`` or ``"either"`` (on both lists, e.g. "leslie").

    >>> first_names()["alice"], first_names()["leslie"]
    ('female', 'either')
    """

    def build() -> tuple[dict[str, str], list[str]]:
        import nltk.data

        names: dict[str, str] = {}
        files = []
        for gender in ("male", "female"):
            pointer = nltk.data.find(f"corpora/names/{gender}.txt")
            files.append(_file_of(pointer))
            with pointer.open(encoding="utf-8") as f:
                for line in f:
                    name = line.strip().lower()
                    if name and not name.startswith("#"):
                        names[name] = gender if names.get(name, gender) == gender else "either"
        return names, files

    return _cached("names", "names", build)


#: The VerbNet classes of verbs that report speech, judgement or characterisation, by class name (the
#: part of the ID before the number, so any VerbNet version matches), in order of preference: a verb in
#: several of them is given the first. Subclasses are included. In NLTK's VerbNet (2.1) their IDs are:
#: say-37.7, manner_speaking-37.3, complain-37.8, advise-37.9, characterize-29.2, lecture-37.11,
#: talk-37.5, chit_chat-37.6, tell-37.2, transfer_mesg-37.1.1, inquire-37.1.2, conjecture-29.5,
#: declare-29.4, judgement-33, confess-37.10, instr_communication-37.4 (interrogate-37.1.3 and
#: judgment-33 are their names in later VerbNets).
SPEECH_CLASSES = ("say", "manner_speaking", "complain", "advise", "characterize", "lecture", "talk", "chit_chat",
                  "tell", "transfer_mesg", "inquire", "interrogate", "conjecture", "declare", "judgement", "judgment",
                  "confess", "instr_communication")


def _verbnet_members(xml: bytes) -> dict[str, str]:
    """Lemma -> ID of the VerbNet class or subclass that lists it, for one class file (the class first)."""
    import xml.etree.ElementTree as ET

    found: dict[str, str] = {}
    stack = [ET.fromstring(xml)]
    while stack:
        node = stack.pop(0)
        for member in node.findall("MEMBERS/MEMBER"):
            name = member.get("name", "").strip().lower()
            if name:
                found.setdefault(name, node.get("ID", ""))
        stack.extend(node.findall("SUBCLASSES/VNSUBCLASS"))
    return found


@_once
def verbnet_speech_verbs() -> dict[str, str]:
    """Verbs of saying, judging and characterising from VerbNet: lemma -> the ID of the VerbNet class or subclass
    listing it (``"say-37.7"``, ``"manner_speaking-37.3"``, ``"say-37.7-1"`` ...; the class is the ID up to its
    second ``-``). The classes taken are :data:`SPEECH_CLASSES`; multi-word lemmas keep VerbNet's ``_``.

    >>> verbnet_speech_verbs()["retort"]
    'say-37.7'
    """

    def build() -> tuple[dict[str, str], list[str]]:
        import nltk.data

        folder = nltk.data.find(_resource("verbnet").path)
        zipped = getattr(folder, "zipfile", None)
        if zipped is not None:
            entry = str(getattr(folder, "entry", "verbnet/"))
            names = [n[len(entry):] for n in zipped.namelist() if n.startswith(entry) and "/" not in n[len(entry):]]
        else:
            names = os.listdir(_file_of(folder))
        by_class: dict[str, list[str]] = {}
        for name in sorted(names):
            if name.endswith(".xml"):
                by_class.setdefault(name.split("-", 1)[0], []).append(name)
        verbs: dict[str, str] = {}
        files = []
        for cls in SPEECH_CLASSES:
            for name in by_class.get(cls, []):
                pointer = nltk.data.find(_resource("verbnet").path + name)
                files.append(_file_of(pointer))
                with pointer.open() as f:
                    for lemma, class_id in _verbnet_members(f.read()).items():
                        verbs.setdefault(lemma, class_id)
        return verbs, files or [_file_of(folder)]

    return _cached("verbnet_speech", "verbnet", build)


def clear_caches() -> None:
    """Forget every loaded model (for tests that change ``nltk.data.path`` or the cache folder)."""
    for fn in (sentence_tokenizer, word_tokenizer, pos_tagger, universal_tag_map, stopwords, vader, opinion_words,
               cmudict, cmudict_syllables, brown_news_counts, first_names, verbnet_speech_verbs, _porter):
        fn.cache_clear()  # type: ignore[attr-defined]
    stem.cache_clear()
    _download_tried.clear()
