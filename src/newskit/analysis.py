"""Everything at once: one article (:func:`analyze`) or a whole folder of them (:func:`analyze_corpus`).

:func:`analyze` runs every analysis newskit has on one article (structure,
readability, the language analyses, quotes and sources) and gathers the
results in one :class:`Analysis`. ``Analysis.to_dict()`` is the JSON contract
of ``newskit analyze --json``; the report (:mod:`newskit.report`) draws on it.

:func:`analyze_corpus` analyses many files, by default in parallel on the
local processor cores, and streams back one small :class:`CorpusResult` per
file in input order. A file that cannot be read or analysed gives an error
record (``ok=False``) instead of stopping the run.

>>> import newskit
>>> a = newskit.analyze(newskit.sample())
>>> sorted(a.to_dict())
['article', 'language', 'readability', 'sources', 'structure']
"""

from __future__ import annotations

import dataclasses
import enum
import html
import math
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .article import Article
from .core.fmt import percent
from .errors import NewskitError

if TYPE_CHECKING:  # pragma: no cover
    from .sources import Attribution, Outlet, Quote, SourceTable

__all__ = ["Analysis", "LanguageResults", "CorpusResult", "analyze", "analyze_corpus", "LANGUAGE_ANALYSES",
           "corpus_paths"]

#: The language analyses :func:`analyze` runs, in the order they are reported.
#: (The concordance is not among them: it needs a query word.)
LANGUAGE_ANALYSES: tuple[str, ...] = (
    "frequencies", "keywords", "collocations", "labels", "loaded_words", "hedges", "passives",
    "sentiment", "numbers", "pos_profile", "vocabulary",
)


# ---------------------------------------------------------------------------------------------
# JSON-ready conversion
# ---------------------------------------------------------------------------------------------


def plain(obj: Any) -> Any:
    """Turn a result into JSON-ready plain data: its ``to_dict()`` when it has one, else its fields.

    Floats that are not finite (NaN, infinity) become ``None`` so the output is strict JSON.

    >>> plain((1, 2.5, float("nan")))
    [1, 2.5, None]
    """
    if obj is None or isinstance(obj, (bool, int, str)):
        return obj
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, enum.Enum):
        return plain(obj.value)
    to_dict = getattr(obj, "to_dict", None)
    if callable(to_dict) and not isinstance(obj, type):
        return plain(to_dict())
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset, deque)):
        items = list(obj)
        if isinstance(obj, (set, frozenset)):
            items = sorted(items, key=repr)
        return [plain(v) for v in items]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        if isinstance(obj, Article):
            return {"name": obj.name, "headline": obj.headline}
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj) if not f.name.startswith("_")}
    if isinstance(obj, os.PathLike):
        return os.fspath(obj)
    return str(obj)


def _quote_dict(q: Quote) -> dict[str, Any]:
    sp = q.speaker
    return {"text": q.text, "speaker": sp.name if sp else None, "kind": q.kind, "partial": q.partial,
            "start": q.start, "end": q.end, "paragraph": q.paragraph, "pieces": [list(p) for p in q.pieces],
            "verb": q.verb, "channel": q.channel, "descriptor": sp.descriptor if sp else None,
            "source_kind": sp.kind if sp else None, "category": sp.category if sp else None, "words": q.words}


def _attribution_dict(a: Attribution) -> dict[str, Any]:
    sp = a.speaker
    return {"kind": a.kind, "text": a.text, "start": a.start, "end": a.end, "paragraph": a.paragraph,
            "speaker": sp.name if sp else None, "descriptor": sp.descriptor if sp else None,
            "source_kind": sp.kind if sp else None, "category": sp.category if sp else None,
            "verb": a.verb, "channel": a.channel}


def _source_rows(table: SourceTable) -> list[dict[str, Any]]:
    return [{"name": r.source.name, "descriptor": r.source.descriptor, "kind": r.source.kind,
             "category": r.source.category, "quotes": r.quotes, "quoted_words": r.quoted_words,
             "share": round(r.share, 4), "first_paragraph": r.first_paragraph}
            for r in table.rows]


def _outlet_dict(o: Outlet) -> dict[str, Any]:
    return {"name": o.name, "quotes": len(o.quotes), "attributions": len(o.attributions),
            "paragraphs": sorted({q.paragraph for q in o.quotes} | {a.paragraph for a in o.attributions})}


# ---------------------------------------------------------------------------------------------
# One article
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LanguageResults:
    """The language analyses of one article, one field per analysis (see :data:`LANGUAGE_ANALYSES`)."""

    frequencies: Any
    keywords: Any
    collocations: Any
    labels: Any
    loaded_words: Any
    hedges: Any
    passives: Any
    sentiment: Any
    numbers: Any
    pos_profile: Any
    vocabulary: Any

    def items(self) -> list[tuple[str, Any]]:
        """``(name, result)`` pairs in report order."""
        return [(name, getattr(self, name)) for name in LANGUAGE_ANALYSES]

    def to_dict(self) -> dict[str, Any]:
        """Each analysis's ``to_dict()``, keyed by analysis name."""
        return {name: plain(result) for name, result in self.items()}

    def _repr_html_(self) -> str:
        parts = []
        for name, result in self.items():
            parts.append(f"<h4>{html.escape(name.replace('_', ' '))}</h4>")
            parts.append(_html_of(result))
        return "<div class='newskit-language'>" + "".join(parts) + "</div>"


def _html_of(result: Any) -> str:
    """A result's own (escaping) HTML, or an escaped repr when it has none."""
    rh = getattr(result, "_repr_html_", None)
    if callable(rh):
        out = rh()
        if out:
            return out
    return f"<pre>{html.escape(repr(result))}</pre>"


@dataclass(frozen=True, eq=False)
class Analysis:
    """Every analysis of one article: ``structure``, ``readability``, ``language``, and the sources side.

    ``quotes``, ``attributions`` (reported speech and unattributed claims) and
    ``outlets`` are tuples of the :mod:`newskit.sources` types; ``sources`` is the
    :class:`~newskit.sources.SourceTable`. ``to_dict()`` gives JSON-ready data.
    """

    article: Article
    structure: Any
    readability: Any
    language: LanguageResults
    quotes: tuple[Quote, ...]
    sources: SourceTable
    attributions: tuple[Attribution, ...]
    outlets: tuple[Outlet, ...]

    # --- numbers used by summaries ------------------------------------------------------

    @property
    def words(self) -> int:
        """Number of words in the body."""
        return len(self.article)

    @property
    def reported_speech(self) -> tuple[Attribution, ...]:
        """Reported (indirect) speech: someone's words given without quote marks."""
        return tuple(a for a in self.attributions if a.kind == "indirect")

    @property
    def unattributed(self) -> tuple[Attribution, ...]:
        """Claims the article makes with no source given."""
        return tuple(a for a in self.attributions if a.kind == "unattributed")

    def article_dict(self) -> dict[str, Any]:
        """The article's metadata: name, path, headline, paragraphs, sentences, words."""
        art = self.article
        return {"name": art.name, "path": art.path, "headline": art.headline, "paragraphs": len(art.paragraphs),
                "sentences": len(art.sentences), "words": len(art), "characters": len(art.text)}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data with the top-level keys ``article``, ``structure``, ``readability``, ``language``, ``sources``.

        ``sources`` holds ``quotes`` (one record per direct quote, in text order),
        ``table`` (one row per source), ``outlets`` and ``attributions``
        (reported speech and unattributed claims).

        >>> import json, newskit
        >>> d = newskit.analyze(newskit.sample()).to_dict()
        >>> d["article"]["paragraphs"], len(json.dumps(d)) > 1000
        (15, True)
        """
        return {
            "article": self.article_dict(),
            "structure": plain(self.structure),
            "readability": plain(self.readability),
            "language": self.language.to_dict(),
            "sources": {
                "quotes": [_quote_dict(q) for q in self.quotes],
                "table": _source_rows(self.sources),
                "outlets": [_outlet_dict(o) for o in self.outlets],
                "attributions": [_attribution_dict(a) for a in self.attributions],
            },
        }

    def summary(self) -> str:
        """A readable multi-line plain-text summary (what ``newskit analyze`` prints)."""
        d = self.to_dict()
        # format scores from the exact values (rounding the JSON's 2-decimal value again could print 39.0 for 39.05)
        for key in ("flesch_reading_ease", "flesch_kincaid_grade"):
            exact = getattr(self.readability, key, None)
            if isinstance(d.get("readability"), dict) and isinstance(exact, float):
                d["readability"][key] = float(f"{exact:.1f}")
        return _summary_text(d)

    def __str__(self) -> str:
        return self.summary()

    def __repr__(self) -> str:
        return (f"<Analysis of {self.article.name!r}: {self.words} words, {len(self.quotes)} quotes, "
                f"{len(self.sources)} sources>")

    def _repr_html_(self) -> str:
        d = self.to_dict()
        esc = html.escape
        art = d["article"]
        rows = [("words", art["words"]), ("paragraphs", art["paragraphs"]), ("sentences", art["sentences"]),
                ("direct quotes", len(d["sources"]["quotes"])), ("sources", len(d["sources"]["table"])),
                ("reported speech", len(self.reported_speech)), ("unattributed claims", len(self.unattributed))]
        rows += [(label, value) for label, value in _headline_numbers(d)]
        body = "".join(f"<tr><th style='text-align:left'>{esc(str(k))}</th><td>{esc(str(v))}</td></tr>" for k, v in rows)
        top = ", ".join(f"{r['name']} ({r['quotes']})" for r in d["sources"]["table"][:5]) or "none"
        head = esc(art["headline"] or art["name"])
        return (f"<div class='newskit-analysis'><h3>{head}</h3>"
                f"<p style='color:#555'>{esc(art['name'])}</p><table>{body}</table>"
                f"<p><b>Most quoted:</b> {esc(top)}</p>"
                f"<p style='color:#555'>See <code>.structure</code>, <code>.readability</code>, <code>.language</code>, "
                f"<code>.sources</code>, <code>.quotes</code>; <code>newskit.report.write_report(article, 'report.html')"
                f"</code> writes all of it to one page.</p></div>")


def _first_number(d: Any, keys: Sequence[str]) -> Any:
    if not isinstance(d, dict):
        return None
    for k in keys:
        v = d.get(k)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return v
        if isinstance(v, str) and v:
            return v
    return None


def _headline_numbers(d: dict[str, Any]) -> list[tuple[str, Any]]:
    """A few headline figures from the readability and structure records, when present."""
    out: list[tuple[str, Any]] = []
    r = d.get("readability")
    for key, label in (("flesch_reading_ease", "Flesch reading ease"), ("flesch_kincaid_grade", "Flesch-Kincaid grade")):
        v = _first_number(r, (key,))
        if v is not None:
            out.append((label, round(v, 1) if isinstance(v, float) else v))
    v = _first_number(r, ("verdict",))
    if v is not None:
        out.append(("reading level", v))
    s = d.get("structure")
    v = _first_number(s.get("pyramid") if isinstance(s, dict) else None, ("verdict",))
    if v is not None:
        out.append(("inverted pyramid", v))
    return out


def _summary_text(d: dict[str, Any]) -> str:
    art = d["article"]
    src = d["sources"]
    lines = [art["headline"] or art["name"], "=" * min(78, len(art["headline"] or art["name"])),
             f"file: {art['name']}",
             f"{art['words']} words, {art['paragraphs']} paragraphs, {art['sentences']} sentences"]
    for label, value in _headline_numbers(d):
        lines.append(f"{label}: {value}")
    lines.append("")
    lines.append(f"direct quotes: {len(src['quotes'])}   sources: {len(src['table'])}   "
                 f"reported speech: {sum(1 for a in src['attributions'] if a['kind'] == 'indirect')}   "
                 f"unattributed claims: {sum(1 for a in src['attributions'] if a['kind'] == 'unattributed')}")
    if src["table"]:
        lines.append("sources (quotes, share of quoted words):")
        for r in src["table"][:10]:
            desc = f", {r['descriptor']}" if r["descriptor"] else ""
            lines.append(f"  - {r['name']}{desc} [{r['kind']}]: {r['quotes']}, {percent(r['share'])}")
    if src["outlets"]:
        lines.append("outlets credited: " + ", ".join(o["name"] for o in src["outlets"]))
    lang = d["language"]
    for name in ("keywords", "frequencies"):
        words = _top_words(lang.get(name))
        if words:
            lines.append(f"{name}: " + ", ".join(words[:10]))
    counts = []
    for name, key in (("loaded words", "loaded_words"), ("hedges", "hedges"), ("passives", "passives"),
                      ("numbers", "numbers")):
        rec = lang.get(key)
        items = rec.get("hits", rec.get("items")) if isinstance(rec, dict) else None
        if isinstance(items, list):
            counts.append(f"{name}: {len(items)}")
    if counts:
        lines.append("   ".join(counts))
    tone = lang.get("sentiment")
    if isinstance(tone, dict) and any(isinstance(tone.get(k), (int, float)) for k in ("reporter", "quoted")):
        parts = [f"{k} {tone[k]:+.2f}" for k in ("overall", "reporter", "quoted") if isinstance(tone.get(k), (int, float))]
        lines.append("tone (VADER compound, -1 to +1): " + ", ".join(parts))
    return "\n".join(lines)


def _top_words(rec: Any) -> list[str]:
    """The words of a frequency-like record, whatever its exact shape (list of dicts or of pairs)."""
    if isinstance(rec, dict):
        for key in ("rows", "positive", "words", "items", "keywords", "top"):
            if key in rec:
                rec = rec[key]
                break
    if not isinstance(rec, list):
        return []
    out = []
    for item in rec:
        if isinstance(item, dict):
            w = item.get("word") or item.get("term") or item.get("text")
        elif isinstance(item, list) and item:
            w = item[0]
        else:
            w = item
        if isinstance(w, str):
            out.append(w)
    return out


def analyze(article: Article | str | os.PathLike[str], *, has_headline: bool = True) -> Analysis:
    """Run every newskit analysis on *article* and gather the results.

    *article* is an :class:`Article` or the path of an article file
    (*has_headline* is then passed to :func:`newskit.load`). Each analysis
    caches its work per article, so calling this after single analyses is cheap.

    >>> import newskit
    >>> a = newskit.analyze(newskit.sample())
    >>> len(a.quotes), a.to_dict()["article"]["headline"][:21]
    (9, "Iraq's Army Abandoned")
    """
    if not isinstance(article, Article):
        if isinstance(article, (str, os.PathLike)):
            from .loaders import load

            article = load(article, has_headline=has_headline)
        else:
            raise TypeError(f"analyze() needs a newskit.Article or a file path, not {type(article).__name__}")
    from . import language, sources, structure
    from .core import resources

    with resources.gc_paused():
        lang = LanguageResults(**{name: getattr(language, name)(article) for name in LANGUAGE_ANALYSES})
        return Analysis(
            article=article,
            structure=structure.structure(article),
            readability=structure.readability(article),
            language=lang,
            quotes=tuple(sources.quotes(article)),
            sources=sources.sources(article),
            attributions=tuple(sources.attributions(article)),
            outlets=tuple(sources.outlets(article)),
        )


# ---------------------------------------------------------------------------------------------
# Many articles
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusResult:
    """What :func:`analyze_corpus` gives for one file: small and picklable.

    ``ok`` is True when the file was analysed; ``result`` is then
    :meth:`Analysis.to_dict` of it. Otherwise ``error`` is the message and
    ``error_type`` the exception's class name (e.g. ``"EmptyArticleError"``).
    ``seconds`` is the time the analysis took in the worker.
    """

    path: str
    name: str
    ok: bool
    result: dict[str, Any] | None = None
    error: str | None = None
    error_type: str | None = None
    seconds: float = 0.0

    @property
    def headline(self) -> str | None:
        """The article's headline (None for an error record)."""
        return self.result["article"]["headline"] if self.result else None

    @property
    def words(self) -> int | None:
        """Words in the body (None for an error record)."""
        return self.result["article"]["words"] if self.result else None

    @property
    def quotes(self) -> int | None:
        """Number of direct quotes (None for an error record)."""
        return len(self.result["sources"]["quotes"]) if self.result else None

    @property
    def sources(self) -> int | None:
        """Number of distinct sources (None for an error record)."""
        return len(self.result["sources"]["table"]) if self.result else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: path, name, ok, error, error_type, seconds and result."""
        return {"path": self.path, "name": self.name, "ok": self.ok, "error": self.error,
                "error_type": self.error_type, "seconds": round(self.seconds, 4), "result": self.result}

    def _repr_html_(self) -> str:
        esc = html.escape
        if not self.ok:
            return (f"<p><b>{esc(self.name)}</b>: <span style='color:#b00'>{esc(str(self.error_type))}: "
                    f"{esc(str(self.error))}</span></p>")
        return (f"<p><b>{esc(self.name)}</b>: {esc(self.headline or '')} &middot; {self.words} words, "
                f"{self.quotes} quotes, {self.sources} sources</p>")


def _analyze_one(path: str, has_headline: bool) -> CorpusResult:
    """Worker side: analyse one file; never raises (an error becomes an error record)."""
    name = Path(path).name
    t0 = time.perf_counter()
    try:
        data = analyze(Path(path), has_headline=has_headline).to_dict()
    except Exception as err:  # noqa: BLE001 - one bad file must not stop a corpus run
        msg = str(err) if isinstance(err, NewskitError) else f"{type(err).__name__}: {err}"
        return CorpusResult(path=path, name=name, ok=False, error=msg, error_type=type(err).__name__,
                            seconds=time.perf_counter() - t0)
    return CorpusResult(path=path, name=name, ok=True, result=data, seconds=time.perf_counter() - t0)


def _analyze_chunk(paths: list[str], has_headline: bool) -> list[CorpusResult]:
    """Worker side: analyse a chunk of files (one task per chunk keeps scheduling overhead low)."""
    return [_analyze_one(p, has_headline) for p in paths]


def corpus_paths(folder: str | os.PathLike[str]) -> list[Path]:
    """The ``.txt`` files directly in *folder*, sorted by name (what :func:`analyze_corpus` takes for a folder).

    >>> corpus_paths("seeds")  # doctest: +SKIP
    [PosixPath('seeds/000_6622d1a6154394f2.txt')]
    """
    from .errors import ArticleNotFoundError, NotAFileError

    p = Path(folder)
    if not p.exists():
        raise ArticleNotFoundError(f"no such folder: {str(p)!r}")
    if not p.is_dir():
        raise NotAFileError(f"{str(p)!r} is a file, not a folder")
    return sorted(f for f in p.iterdir() if f.suffix.lower() == ".txt" and f.is_file())


def _chunks(paths: Iterator[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for p in paths:
        chunk.append(p)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyze_corpus(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    executor: Executor | None = None,
    *,
    has_headline: bool = True,
    chunksize: int | None = None,
) -> Iterator[CorpusResult]:
    """Analyse many article files in parallel; yield one :class:`CorpusResult` per file, in input order.

    *paths* is an iterable of file paths, or one folder (its ``.txt`` files,
    sorted by name). Results stream back as soon as the next one in order is
    ready, so a long run can be shown as it goes. A file that cannot be loaded
    or analysed yields an error record (``ok=False`` with ``error`` and
    ``error_type``) for that file; the run goes on.

    By default the work runs on local processes: a
    :class:`~concurrent.futures.ProcessPoolExecutor` with ``os.cpu_count()``
    workers, created and shut down here. (In a script, call this under
    ``if __name__ == "__main__":``, as for any process pool.) Files go to the
    workers in chunks (*chunksize*; chosen from the corpus size by default),
    and only a bounded number of chunks are in flight at once. Workers send
    back small picklable summaries (``Analysis.to_dict()`` and the file
    name), never :class:`Article` objects.

    Any :class:`concurrent.futures.Executor` works unchanged as *executor* (it
    is used, not shut down): a ``ThreadPoolExecutor`` for a quick in-process
    run, or a Dask cluster through its executor interface::

        from dask.distributed import Client
        client = Client("tcp://scheduler:8786")       # or Client() for a local cluster
        for r in newskit.analyze_corpus(paths, client.get_executor()):
            print(r.name, r.ok, r.words)

    The workers there need newskit and the NLTK data installed, and must see
    the files at the same paths (a shared file system).

    >>> import newskit
    >>> for r in newskit.analyze_corpus("seeds"):  # doctest: +SKIP
    ...     print(r.name, r.ok, r.words, r.quotes)
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = corpus_paths(paths) if Path(paths).is_dir() else [paths]
    if chunksize is not None and chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    workers = os.cpu_count() or 1
    if chunksize is None:
        # about four chunks per worker, between 1 and 16 files each
        chunksize = max(1, min(16, len(paths) // (workers * 4))) if isinstance(paths, Sequence) else 4
    if isinstance(paths, Sequence):  # no more local processes than chunks of work
        workers = max(1, min(workers, -(-len(paths) // chunksize)))
    return _stream(executor, (os.fspath(p) for p in paths), has_headline, chunksize, workers)


def _submit(executor: Executor, chunk: list[str], has_headline: bool) -> Future[list[CorpusResult]]:
    try:
        return executor.submit(_analyze_chunk, chunk, has_headline)
    except Exception as err:  # noqa: BLE001 - a broken pool refuses new work: record it per file
        fut: Future[list[CorpusResult]] = Future()
        fut.set_exception(err)
        return fut


def _stream(executor: Executor | None, paths: Iterator[str], has_headline: bool, chunksize: int,
            workers: int) -> Iterator[CorpusResult]:
    own = executor is None
    if executor is None:  # created on first iteration, so an unused iterator holds no processes
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(max_workers=workers)
    window = max(2, workers * 4)
    pending: deque[tuple[list[str], Future[list[CorpusResult]]]] = deque()
    chunks = _chunks(paths, chunksize)
    try:
        for chunk in chunks:
            pending.append((chunk, _submit(executor, chunk, has_headline)))
            if len(pending) >= window:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        for _, fut in pending:
            fut.cancel()
        if own:
            executor.shutdown(wait=True, cancel_futures=True)


def _collect(chunk: list[str], fut: Future[list[CorpusResult]]) -> list[CorpusResult]:
    """The results of one chunk; if the task itself failed (a worker died), one error record per file."""
    try:
        return fut.result()
    except Exception as err:  # noqa: BLE001 - e.g. BrokenProcessPool: report, keep the order
        msg = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
        return [CorpusResult(path=p, name=Path(p).name, ok=False, error=f"the worker failed: {msg}",
                             error_type=type(err).__name__) for p in chunk]
