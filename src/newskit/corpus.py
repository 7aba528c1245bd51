"""Many articles at once: analyse a folder or a list of files in parallel, and compare them.

:func:`analyze_corpus` analyses many files, by default in parallel on the local processor cores,
and streams back one small :class:`CorpusResult` per file in input order. A file that cannot be
read or analysed gives an error record (``ok=False``) instead of stopping the run.

:func:`compare_corpus` runs the same work and keeps one :class:`ArticleRow` per article (words,
quotes, sources, who gets the quoted words, outlets, readability): a :class:`CorpusComparison` that
shows itself as a table, prints as text and gives JSON with ``to_dict()``.

>>> import newskit
>>> rows = newskit.compare_corpus("seeds")  # doctest: +SKIP
>>> rows.rows[0].words  # doctest: +SKIP
600
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import loaders
from .analysis import Analysis, analyze
from .core.fmt import esc, html_table, number, percent, text_table
from .core.palette import CATEGORY_COLOURS
from .core.progress import progress as _progress
from .errors import NewskitError
from .loaders import corpus_paths

__all__ = ["CorpusResult", "ArticleRow", "CorpusComparison", "analyze_corpus", "compare_corpus", "article_row",
           "as_dict", "corpus_paths", "NO_SPEAKER"]

#: The category under which :class:`ArticleRow` counts quoted words whose speaker newskit did not find.
NO_SPEAKER = "no speaker found"


# ---------------------------------------------------------------------------------------------
# One row per article
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleRow:
    """The figures of one article that are worth comparing across a corpus (small and picklable).

    ``category_shares`` pairs each source category with its share of all quoted words
    (:data:`NO_SPEAKER` for quotes whose speaker newskit did not find); ``outlets`` are the
    media credited. For a file that could not be analysed only ``name``, ``path``, ``error``
    and ``error_type`` are set.
    """

    name: str
    path: str
    headline: str | None = None
    words: int | None = None
    quotes: int | None = None
    sources: int | None = None
    category_shares: tuple[tuple[str, float], ...] = ()
    outlets: tuple[str, ...] = ()
    reading_ease: float | None = None
    grade: float | None = None
    error: str | None = None
    error_type: str | None = None

    @property
    def ok(self) -> bool:
        """True when the article was analysed."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: every field, ``category_shares`` as an object (shares rounded to 4 decimals)."""
        return {"name": self.name, "path": self.path, "ok": self.ok, "headline": self.headline, "words": self.words,
                "quotes": self.quotes, "sources": self.sources,
                "category_shares": {c: round(s, 4) for c, s in self.category_shares},
                "outlets": list(self.outlets), "reading_ease": _round(self.reading_ease), "grade": _round(self.grade),
                "error": self.error, "error_type": self.error_type}

    def shares_text(self) -> str:
        """``"official or government 60%, expert 40%"``: the category shares, largest first."""
        return ", ".join(f"{c} {percent(s)}" for c, s in sorted(self.category_shares, key=lambda cs: -cs[1]))


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 2)


def article_row(analysis: Analysis) -> ArticleRow:
    """The :class:`ArticleRow` of one analysed article.

    >>> import newskit
    >>> row = article_row(newskit.analyze(newskit.sample()))
    >>> row.words, row.quotes, row.sources, row.outlets
    (600, 9, 6, ('BBC', 'AFP', 'AP'))
    """
    art = analysis.article
    shares: dict[str, float] = {}
    for r in analysis.sources.rows:
        shares[r.source.category] = shares.get(r.source.category, 0.0) + r.share
    quoted = sum(q.words for q in analysis.quotes)
    unspoken = sum(q.words for q in analysis.quotes if q.speaker is None)
    if quoted and unspoken:
        shares[NO_SPEAKER] = unspoken / quoted
    rd = analysis.readability
    return ArticleRow(name=art.name, path=art.path or "", headline=art.headline, words=len(art),
                      quotes=len(analysis.quotes), sources=len(analysis.sources),
                      category_shares=tuple(sorted(shares.items(), key=_category_order)),
                      outlets=tuple(o.name for o in analysis.outlets),
                      reading_ease=rd.flesch_reading_ease, grade=rd.flesch_kincaid_grade)


def _category_order(item: tuple[str, float]) -> tuple[int, str]:
    order = list(CATEGORY_COLOURS)
    c = item[0]
    return (order.index(c) if c in order else len(order) + (c == NO_SPEAKER), c)


def as_dict(analysis: Analysis) -> dict[str, Any]:
    """``analysis.to_dict()``: what :func:`analyze_corpus` keeps of each article by default."""
    return analysis.to_dict()


# ---------------------------------------------------------------------------------------------
# One record per file
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusResult:
    """What :func:`analyze_corpus` gives for one file: small and picklable.

    ``ok`` is True when the file was analysed: ``row`` is then its :class:`ArticleRow` and
    ``result`` what *keep* made of its :class:`~newskit.analysis.Analysis` (by default
    ``Analysis.to_dict()``). Otherwise ``error`` is the message and ``error_type`` the
    exception's class name (e.g. ``"EmptyArticleError"``). ``seconds`` is the time the work
    took in the worker.
    """

    path: str
    name: str
    ok: bool
    result: Any = None
    error: str | None = None
    error_type: str | None = None
    seconds: float = 0.0
    row: ArticleRow | None = None

    @property
    def headline(self) -> str | None:
        """The article's headline (None for an error record)."""
        return self.row.headline if self.row else None

    @property
    def words(self) -> int | None:
        """Words in the body (None for an error record)."""
        return self.row.words if self.row else None

    @property
    def quotes(self) -> int | None:
        """Number of direct quotes (None for an error record)."""
        return self.row.quotes if self.row else None

    @property
    def sources(self) -> int | None:
        """Number of distinct sources (None for an error record)."""
        return self.row.sources if self.row else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: path, name, ok, error, error_type, seconds, row (the :class:`ArticleRow`) and result."""
        return {"path": self.path, "name": self.name, "ok": self.ok, "error": self.error,
                "error_type": self.error_type, "seconds": round(self.seconds, 4),
                "row": self.row.to_dict() if self.row else None, "result": self.result}

    def _repr_html_(self) -> str:
        if not self.ok:
            return (f"<p><b>{esc(self.name)}</b>: <span style='color:#b00'>{esc(self.error_type)}: "
                    f"{esc(self.error)}</span></p>")
        return (f"<p><b>{esc(self.name)}</b>: {esc(self.headline or '')} &middot; {self.words} words, "
                f"{self.quotes} quotes, {self.sources} sources</p>")


def _failed(path: str, err: BaseException, seconds: float = 0.0, prefix: str = "") -> CorpusResult:
    if isinstance(err, NewskitError):
        msg = str(err)
    else:
        msg = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    name = Path(path).name
    row = ArticleRow(name=name, path=path, error=prefix + msg, error_type=type(err).__name__)
    return CorpusResult(path=path, name=name, ok=False, error=prefix + msg, error_type=type(err).__name__,
                        seconds=seconds, row=row)


def _analyze_one(path: str, has_headline: bool, keep: Callable[[Analysis], Any] | None) -> CorpusResult:
    """Worker side: analyse one file; never raises (an error becomes an error record)."""
    t0 = time.perf_counter()
    try:
        a = analyze(loaders.load(path, has_headline=has_headline))
        row = article_row(a)
        result = keep(a) if keep is not None else None
    except Exception as err:  # noqa: BLE001 - one bad file must not stop a corpus run
        return _failed(path, err, time.perf_counter() - t0)
    return CorpusResult(path=path, name=Path(path).name, ok=True, result=result, seconds=time.perf_counter() - t0,
                        row=row)


def _analyze_chunk(paths: list[str], has_headline: bool, keep: Callable[[Analysis], Any] | None) -> list[CorpusResult]:
    """Worker side: analyse a chunk of files (one task per chunk keeps scheduling overhead low)."""
    return [_analyze_one(p, has_headline, keep) for p in paths]


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
    keep: Callable[[Analysis], Any] | None = as_dict,
    progress: bool | None = None,
) -> Iterator[CorpusResult]:
    """Analyse many article files in parallel; yield one :class:`CorpusResult` per file, in input order.

    *paths* is an iterable of file paths, or one folder (its article files,
    ``.txt``, ``.html`` and ``.htm``, sorted by name: :func:`newskit.loaders.corpus_paths`).
    Results stream back as soon as the next one in order is ready, so a long
    run can be shown as it goes. A file that cannot be loaded or analysed
    yields an error record (``ok=False`` with ``error`` and ``error_type``)
    for that file; the run goes on.

    By default the work runs on local processes: a
    :class:`~concurrent.futures.ProcessPoolExecutor` with ``os.cpu_count()``
    workers, created and shut down here. (In a script, call this under
    ``if __name__ == "__main__":``, as for any process pool.) Files go to the
    workers in chunks (*chunksize*; chosen from the corpus size by default),
    and only a bounded number of chunks are in flight at once. Workers send
    back small picklable records, never :class:`~newskit.Article` objects:
    each record's ``row`` (an :class:`ArticleRow`) and ``result``, what the
    picklable function *keep* makes of the :class:`~newskit.analysis.Analysis`
    in the worker (by default its ``to_dict()``; ``keep=None`` keeps only the row).

    Any :class:`concurrent.futures.Executor` works unchanged as *executor* (it
    is used, not shut down): a ``ThreadPoolExecutor`` for a quick in-process
    run, or a Dask cluster through its executor interface (this is
    ``tests/test_corpus.py::test_dask_local_cluster``)::

        from dask.distributed import Client, LocalCluster
        with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
            for r in newskit.analyze_corpus(paths, client.get_executor()):
                print(r.name, r.ok, r.words)

    For a remote cluster use ``Client("tcp://scheduler:8786")``; its workers
    need newskit and the NLTK data installed and must see the files at the
    same paths (a shared file system).

    *progress* draws a progress bar (None: in a notebook, or when stderr is a
    terminal; see :func:`newskit.core.progress.progress`).

    >>> import newskit
    >>> for r in newskit.analyze_corpus("seeds"):  # doctest: +SKIP
    ...     print(r.name, r.ok, r.words, r.quotes)
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = corpus_paths(paths) if Path(paths).is_dir() else [paths]
    if chunksize is not None and chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    workers = os.cpu_count() or 1
    total = len(paths) if isinstance(paths, Sequence) else None
    if chunksize is None:
        # about four chunks per worker, between 1 and 16 files each
        chunksize = max(1, min(16, total // (workers * 4))) if total is not None else 4
    if total is not None:  # no more local processes than chunks of work
        workers = max(1, min(workers, -(-total // chunksize)))
    stream = _stream(executor, (os.fspath(p) for p in paths), (has_headline, keep), chunksize, workers)
    return _progress(stream, total=total, desc="analysing", unit="file", enabled=progress)


def _ignore_interrupts() -> None:
    """Worker side: Ctrl-C goes to the whole process group; only the main process handles it (and stops the pool)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _submit(executor: Executor, chunk: list[str], args: tuple[Any, ...]) -> Future[list[CorpusResult]]:
    try:
        return executor.submit(_analyze_chunk, chunk, *args)
    except Exception as err:  # noqa: BLE001 - a broken pool refuses new work: record it per file
        fut: Future[list[CorpusResult]] = Future()
        fut.set_exception(err)
        return fut


def _stream(executor: Executor | None, paths: Iterator[str], args: tuple[Any, ...], chunksize: int,
            workers: int) -> Iterator[CorpusResult]:
    own = executor is None
    if executor is None:  # created on first iteration, so an unused iterator holds no processes
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupts)
    window = max(2, workers * 4)
    pending: deque[tuple[list[str], Future[list[CorpusResult]]]] = deque()
    try:
        for chunk in _chunks(paths, chunksize):
            pending.append((chunk, _submit(executor, chunk, args)))
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
        return [_failed(p, err, prefix="the worker failed: ") for p in chunk]


# ---------------------------------------------------------------------------------------------
# Comparing the articles of a corpus
# ---------------------------------------------------------------------------------------------

_HEADERS = ("article", "headline", "words", "quotes", "sources", "quoted words by source category", "outlets",
            "reading ease", "grade")


@dataclass(frozen=True)
class CorpusComparison:
    """One :class:`ArticleRow` per article, in input order (what :func:`compare_corpus` returns).

    Shows itself as a table in a notebook, prints as a text table and gives JSON with ``to_dict()``.

    >>> c = CorpusComparison((ArticleRow("a.txt", "a.txt", "A", 120, 2, 1, (("expert", 1.0),), ("AP",), 61.2, 8.3),
    ...                       ArticleRow("b.txt", "b.txt", error="the text is empty", error_type="EmptyArticleError")))
    >>> print(c)
    article  headline  words  quotes  sources  quoted words by source category  outlets  reading ease  grade
    a.txt    A         120    2       1        expert 100%                      AP       61.2          8.3
    b.txt    error: the text is empty
    >>> c.categories, len(c), [r.name for r in c.failed]
    (('expert',), 2, ['b.txt'])
    """

    rows: tuple[ArticleRow, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[ArticleRow]:
        return iter(self.rows)

    @property
    def failed(self) -> tuple[ArticleRow, ...]:
        """The files that could not be analysed."""
        return tuple(r for r in self.rows if not r.ok)

    @property
    def categories(self) -> tuple[str, ...]:
        """The source categories that get quoted words anywhere in the corpus, in palette order."""
        seen = {c for r in self.rows for c, _ in r.category_shares}
        return tuple(sorted(seen, key=lambda c: _category_order((c, 0.0))))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"articles": [row.to_dict(), ...], "categories": [...]}``."""
        return {"articles": [r.to_dict() for r in self.rows], "categories": list(self.categories)}

    def table_rows(self) -> list[tuple[Any, ...]]:
        """The rows of the table (one per analysed article; a failed file gets its error in the headline column)."""
        out: list[tuple[Any, ...]] = []
        for r in self.rows:
            if r.ok:
                out.append((r.name, r.headline or "", r.words, r.quotes, r.sources, r.shares_text(), ", ".join(r.outlets),
                            number(r.reading_ease), number(r.grade)))
            else:
                out.append((r.name, f"error: {r.error}"))
        return out

    def __str__(self) -> str:
        return text_table(_HEADERS, self.table_rows(), limit=max(1, len(self.rows)))

    def _repr_html_(self) -> str:
        return html_table(_HEADERS, self.table_rows(), numeric=(2, 3, 4, 7, 8), empty="No articles.")


def compare_corpus(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    executor: Executor | None = None,
    *,
    has_headline: bool = True,
    progress: bool | None = None,
) -> CorpusComparison:
    """Analyse many articles (like :func:`analyze_corpus`) and compare them: one :class:`ArticleRow` each.

    Only the rows come back from the workers, so this stays small for thousands of files.

    >>> import newskit
    >>> table = newskit.compare_corpus("seeds")  # doctest: +SKIP
    >>> print(table)  # doctest: +SKIP
    """
    rows = []
    for r in analyze_corpus(paths, executor, has_headline=has_headline, keep=None, progress=progress):
        rows.append(r.row if r.row is not None else ArticleRow(r.name, r.path, error=r.error, error_type=r.error_type))
    return CorpusComparison(tuple(rows))
