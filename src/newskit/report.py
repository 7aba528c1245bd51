"""A self-contained HTML report of an article (or of a folder of articles) to hand out.

:func:`write_report` writes ONE ``.html`` file: the highlighted article and
every analysis (structure, readability, sources, quotes, outlets, reported
speech, unattributed claims, frequencies, keywords, labels, loaded words,
hedges, passives, tone), with the charts embedded as PNG images. The file has
no JavaScript and loads nothing from anywhere: its CSS is inside it, its images
are ``data:`` URIs, so it can be e-mailed, put on a course page or printed.
Every piece of article text is escaped.

:func:`write_corpus_report` does the same for a folder: an ``index.html`` with
one row per article and one report per article next to it.

    newskit report article.txt -o report.html
    newskit report articles/ -o reports/        # reports/index.html + reports/<article>.html

>>> import newskit
>>> from newskit import report
>>> html_text = report.render_report(newskit.sample())
>>> html_text.startswith("<!DOCTYPE html>"), "<script" in html_text
(True, False)
"""

from __future__ import annotations

import html
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

from .analysis import Analysis, CorpusResult, analyze, corpus_paths
from .article import Article
from .core.fmt import percent
from .errors import NewskitError

__all__ = ["render_report", "write_report", "render_index", "write_corpus_report"]

_esc = html.escape

_CSS = """
body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; color: #222; background: #fff;
       max-width: 60em; margin: 2em auto; padding: 0 1.2em; line-height: 1.45; }
h1 { font-family: Georgia, 'Times New Roman', serif; font-size: 1.8em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; margin-top: 2em; }
h3 { margin-top: 1.4em; }
table { border-collapse: collapse; margin: 0.5em 0 1em 0; font-size: 0.92em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
thead th { background: #f3f6f9; }
.meta { color: #555; }
.note { color: #555; font-size: 0.92em; max-width: 48em; }
.nav { font-size: 0.92em; background: #f7f7f7; padding: 0.5em 0.8em; border-radius: 4px; }
.nav a { margin-right: 0.9em; }
.figure { margin: 0.8em 0 1.2em 0; }
.error { color: #b00; }
td.num, th.num { text-align: right; }
tbody th { font-weight: normal; }
footer { margin-top: 3em; color: #777; font-size: 0.85em; border-top: 1px solid #ddd; padding-top: 0.5em; }
@media print { .nav { display: none; } h2 { page-break-before: auto; } }
"""


# ---------------------------------------------------------------------------------------------
# Pieces
# ---------------------------------------------------------------------------------------------


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
            f"<title>{_esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n"
            f"<footer>Made with newskit {_version()} on {time.strftime('%Y-%m-%d')}. "
            "The analyses are automatic and can be wrong: check them against the text.</footer>\n"
            "</body>\n</html>\n")


def _version() -> str:
    from .core import __version__

    return __version__


def _html_of(result: Any) -> str:
    """A result's own HTML view (the analysis modules escape article text), or an escaped repr."""
    rh = getattr(result, "_repr_html_", None)
    if callable(rh):
        try:
            out = rh()
        except Exception as err:  # noqa: BLE001 - one broken view must not lose the whole report
            return f"<p class='error'>could not show this result: {_esc(type(err).__name__)}: {_esc(str(err))}</p>"
        if out:
            return out
    return f"<pre>{_esc(repr(result))}</pre>"


def _figure(make: Callable[[], Any]) -> str:
    """An embedded PNG of the figure *make* draws, or a short note when it cannot be drawn."""
    try:
        from . import plots

        fig = make()
        return f"<div class='figure'>{plots.figure_html(fig)}</div>"
    except Exception as err:  # noqa: BLE001 - a missing chart is noted, the report goes on
        return f"<p class='note error'>chart not available: {_esc(type(err).__name__)}: {_esc(str(err))}</p>"


def _table(head: Iterable[str] | None, rows: Iterable[Iterable[Any]], numeric: Iterable[int] = ()) -> str:
    nums = set(numeric)
    th = "".join(f"<th class='num'>{_esc(h)}</th>" if i in nums else f"<th>{_esc(h)}</th>" for i, h in enumerate(head or ()))
    thead = f"<thead><tr>{th}</tr></thead>" if th else ""
    body = []
    for row in rows:
        cells = "".join(f"<td class='num'>{_esc(_fmt(v))}</td>" if i in nums else f"<td>{_esc(_fmt(v))}</td>"
                        for i, v in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    if not body:
        return "<p class='note'>none found</p>"
    return f"<table>{thead}<tbody>{''.join(body)}</tbody></table>"


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def _speaker(src: Any) -> str:
    if src is None:
        return "(no speaker found)"
    return f"{src.name}, {src.descriptor}" if src.descriptor else src.name


def _section(anchor: str, title: str, note: str, body: str) -> str:
    note_html = f"<p class='note'>{_esc(note)}</p>" if note else ""
    return f"<section id='{_esc(anchor)}'><h2>{_esc(title)}</h2>{note_html}{body}</section>\n"


def _highlighted(article: Article, which: str) -> str:
    """The highlighted article from :mod:`newskit.highlight` (or plain escaped paragraphs if it fails)."""
    try:
        from . import highlight

        if which == "quotes":
            return highlight.highlight_html(article, highlight.quote_layer(article))
        layers = [highlight.loaded_layer(article), highlight.hedge_layer(article), highlight.passive_layer(article)]
        spans = [s for lay in layers for s in lay.spans]
        legend = tuple(dict.fromkeys(x for lay in layers for x in lay.legend))
        note = "Loaded words, hedges and boosters, and passive verbs. Hover over a highlight to see what it is."
        return highlight.highlight_html(article, spans, legend, note=note, paragraphs=range(len(article.paragraphs)))
    except Exception as err:  # noqa: BLE001 - fall back to the plain text
        paras = "".join(f"<p><b>¶{p.number}</b> {_esc(p.text)}</p>" for p in article.paragraphs)
        return f"<p class='note error'>highlighting not available ({_esc(type(err).__name__)})</p>{paras}"


# ---------------------------------------------------------------------------------------------
# One article
# ---------------------------------------------------------------------------------------------


def render_report(article: Article, analysis: Analysis | None = None) -> str:
    """The report of *article* as one self-contained HTML string (see :func:`write_report`).

    >>> import newskit
    >>> "Mahmud Nuri" in render_report(newskit.sample())
    True
    """
    from . import plots

    a = analysis if analysis is not None else analyze(article)
    art = a.article
    lang = a.language
    title = art.headline or art.name
    sections: list[tuple[str, str, str, str]] = []  # (anchor, title, note, body)

    # summary
    d = a.article_dict()
    summary_rows = [("file", art.name), ("words", d["words"]), ("paragraphs", d["paragraphs"]),
                    ("sentences", d["sentences"]), ("direct quotes", len(a.quotes)), ("sources", len(a.sources)),
                    ("reported speech", len(a.reported_speech)), ("unattributed claims", len(a.unattributed)),
                    ("outlets credited", ", ".join(o.name for o in a.outlets) or "none")]
    rd = a.readability
    if getattr(rd, "flesch_reading_ease", None) is not None:
        summary_rows.append(("Flesch reading ease", f"{rd.flesch_reading_ease:.1f} ({rd.verdict})"))
    pyr = getattr(a.structure, "pyramid", None)
    if pyr is not None:
        summary_rows.append(("inverted pyramid", pyr.verdict))
    sections.append(("summary", "At a glance", "", _table(None, summary_rows)))

    sections.append(("article", "The article, quotes highlighted by speaker",
                     "Each direct quote is coloured by who says it; grey means newskit found no speaker.",
                     _highlighted(art, "quotes")))

    sections.append(("structure", "Structure",
                     "The job each paragraph does (lede, body, quote-led, furniture), its length and how much of it is "
                     "quoted, and whether the key facts come first (the inverted pyramid).",
                     _figure(lambda: plots.structure_map(a.structure)) + _html_of(a.structure)))
    sections.append(("readability", "Readability",
                     "Standard formulas from word, sentence and syllable counts. They measure length, not clarity.",
                     _html_of(a.readability)))

    # sources
    src_rows = [(r.source.name, r.source.descriptor, r.source.kind, r.source.category, r.quotes, r.quoted_words,
                 percent(r.share), r.first_paragraph + 1) for r in a.sources.rows]
    sections.append(("sources", "Sources: who is quoted",
                     "One row per source of direct quotes; share = share of all quoted words.",
                     _figure(lambda: plots.source_share(a.sources))
                     + _figure(lambda: plots.speaker_timeline(list(a.quotes), len(art.paragraphs)))
                     + _table(("source", "descriptor", "kind", "category", "quotes", "quoted words", "share", "first ¶"),
                              src_rows, numeric=(4, 5, 6, 7))))
    q_rows = [(q.paragraph + 1, _speaker(q.speaker), q.kind, q.verb, q.channel, q.text) for q in a.quotes]
    sections.append(("quotes", "Direct quotes", "In text order, with the verb that introduces each and the channel (outlet).",
                     _table(("¶", "speaker", "kind", "verb", "channel", "quote"), q_rows, numeric=(0,))))
    o_rows = [(o.name, len(o.quotes), len(o.attributions),
               ", ".join(str(p + 1) for p in sorted({q.paragraph for q in o.quotes} | {x.paragraph for x in o.attributions})))
              for o in a.outlets]
    sections.append(("outlets", "Outlets", "Media the article credits as the channel of a quote or report.",
                     _table(("outlet", "quotes", "reports", "paragraphs"), o_rows, numeric=(1, 2))))
    r_rows = [(x.paragraph + 1, _speaker(x.speaker), x.verb, x.channel, x.text) for x in a.reported_speech]
    sections.append(("reported", "Reported speech", "Someone's words given without quote marks.",
                     _table(("¶", "speaker", "verb", "channel", "what was said"), r_rows, numeric=(0,))))
    u_rows = [(x.paragraph + 1, x.text) for x in a.unattributed]
    sections.append(("unattributed", "Unattributed claims", "Claims the article makes without saying who makes them.",
                     _table(("¶", "claim"), u_rows, numeric=(0,))))

    # language
    sections.append(("frequencies", "Word frequencies", "The most frequent words, common function words left out.",
                     _figure(lambda: plots.frequency_bars(lang.frequencies)) + _html_of(lang.frequencies)))
    sections.append(("keywords", "Keywords", "Words unusually frequent here compared with ordinary news writing.",
                     _figure(lambda: plots.keyness_bars(lang.keywords)) + _html_of(lang.keywords)))
    sections.append(("collocations", "Collocations", "Words that go together.", _html_of(lang.collocations)))
    sections.append(("labels", "Labels", "The words used to name each actor.", _html_of(lang.labels)))
    sections.append(("loaded", "Loaded words", "Evaluative words, and whether the reporter or a quoted source uses them.",
                     _html_of(lang.loaded_words)))
    sections.append(("hedges", "Hedges, boosters and modals", "Words that soften or harden a claim.",
                     _html_of(lang.hedges)))
    sections.append(("passives", "Passives", "Passive verbs, with and without an agent.", _html_of(lang.passives)))
    sections.append(("language-view", "The article, language highlighted", "", _highlighted(art, "language")))
    sections.append(("tone", "Tone", "VADER sentiment: reporter's words and quoted words compared, paragraph by paragraph.",
                     _figure(lambda: plots.sentiment_arc(lang.sentiment)) + _html_of(lang.sentiment)))
    sections.append(("numbers", "Numbers", "Figures the article gives.", _html_of(lang.numbers)))
    sections.append(("pos", "Parts of speech", "How the words divide into nouns, verbs, adjectives...",
                     _html_of(lang.pos_profile)))
    sections.append(("vocabulary", "Vocabulary", "How varied the words are.", _html_of(lang.vocabulary)))

    nav = "".join(f"<a href='#{_esc(anchor)}'>{_esc(t)}</a> " for anchor, t, _, _ in sections)
    head = (f"<header><h1>{_esc(title)}</h1><p class='meta'>{_esc(art.name)} · {d['words']} words · "
            f"{d['paragraphs']} paragraphs</p><nav class='nav'>{nav}</nav></header>\n")
    body = head + "".join(_section(*s) for s in sections)
    return _page(f"newskit report: {title}", body)


def write_report(article: Article | str | os.PathLike[str], out_path: str | os.PathLike[str], *,
                 has_headline: bool = True, analysis: Analysis | None = None) -> Path:
    """Write the self-contained HTML report of *article* (an Article or a file path) to *out_path*.

    One file, no JavaScript, nothing loaded from outside (CSS inline, charts as
    ``data:`` PNG images): it opens anywhere, offline. Returns the path written.

    >>> import newskit
    >>> from newskit import report
    >>> report.write_report(newskit.sample(), "mosul-report.html")  # doctest: +SKIP
    PosixPath('mosul-report.html')
    """
    if not isinstance(article, Article):
        from .loaders import load

        article = load(article, has_headline=has_headline)
    text = render_report(article, analysis)
    out = Path(out_path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as err:
        raise _OutputError(f"cannot write the report to {str(out)!r}: {err.strerror or err}") from None
    return out


class _OutputError(NewskitError, OSError):
    """The report could not be written (a missing permission, a full disk...)."""


# ---------------------------------------------------------------------------------------------
# A folder of articles
# ---------------------------------------------------------------------------------------------


def _report_task(path: str, out_file: str, has_headline: bool) -> CorpusResult:
    """Worker side: analyse one file and write its report; never raises (errors become error records)."""
    name = Path(path).name
    t0 = time.perf_counter()
    try:
        from .loaders import load

        art = load(path, has_headline=has_headline)
        a = analyze(art)
        write_report(art, out_file, analysis=a)
        data = a.to_dict()
    except Exception as err:  # noqa: BLE001 - one bad file must not stop the corpus report
        msg = str(err) if isinstance(err, NewskitError) else f"{type(err).__name__}: {err}"
        return CorpusResult(path=path, name=name, ok=False, error=msg, error_type=type(err).__name__,
                            seconds=time.perf_counter() - t0)
    return CorpusResult(path=path, name=name, ok=True, result=data, seconds=time.perf_counter() - t0)


def _report_names(paths: list[Path]) -> list[str]:
    """One distinct ``.html`` file name per article (never ``index.html``)."""
    used = {"index"}
    out = []
    for p in paths:
        stem = p.stem or "article"
        cand, i = stem, 1
        while cand.lower() in used:
            i += 1
            cand = f"{stem}-{i}"
        used.add(cand.lower())
        out.append(f"{cand}.html")
    return out


def render_index(results: Iterable[tuple[CorpusResult, str]], title: str = "newskit corpus report") -> str:
    """The corpus index page: one row per article (name, headline, words, quotes, sources, readability, link).

    *results* pairs each :class:`~newskit.analysis.CorpusResult` with the file
    name of its report (relative to the index).
    """
    rows = []
    n_ok = n_bad = 0
    for r, link in results:
        if r.ok and r.result is not None:
            n_ok += 1
            fre = (r.result.get("readability") or {}).get("flesch_reading_ease")
            fre_s = "" if fre is None else f"{fre:.1f}"
            rows.append(f"<tr><td>{_esc(r.name)}</td><td>{_esc(r.headline or '')}</td><td class='num'>{r.words}</td>"
                        f"<td class='num'>{r.quotes}</td><td class='num'>{r.sources}</td><td class='num'>{fre_s}</td>"
                        f"<td><a href=\"{_esc(url_quote(link), quote=True)}\">report</a></td></tr>")
        else:
            n_bad += 1
            rows.append(f"<tr><td>{_esc(r.name)}</td><td colspan='6' class='error'>could not be analysed: "
                        f"{_esc(str(r.error_type))}: {_esc(str(r.error))}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("article", "headline", "words", "quotes", "sources",
                                             "reading ease", "report"))
    body = (f"<h1>{_esc(title)}</h1><p class='meta'>{n_ok} articles analysed"
            + (f", {n_bad} could not be read" if n_bad else "") + "</p>"
            "<p class='note'>Reading ease: Flesch reading ease, 0-100, higher is easier. "
            "Quotes: direct quotes; sources: distinct sources quoted.</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return _page(title, body)


def write_corpus_report(
    folder: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    has_headline: bool = True,
    executor: Executor | None = None,
) -> Path:
    """Write a corpus report: ``index.html`` plus one report per article, all in one folder.

    *folder* is a folder (its ``.txt`` files) or a list of article paths.
    *out* names the OUTPUT FOLDER (created if needed); the index is
    ``<out>/index.html`` and each article's report ``<out>/<file name>.html``.
    If *out* ends in ``.html`` it is taken as the index file itself and the
    article reports go next to it. A file that cannot be analysed gets a row
    with its error. Work runs in parallel like
    :func:`newskit.analyze_corpus` (local processes by default, or the
    *executor* given). Returns the index path.

    >>> from newskit import report
    >>> report.write_corpus_report("articles", "reports")  # doctest: +SKIP
    PosixPath('reports/index.html')
    """
    if isinstance(folder, (str, os.PathLike)):
        paths = corpus_paths(folder) if Path(folder).is_dir() else [Path(folder)]
        title = f"newskit corpus report: {Path(folder).name}"
    else:
        paths = [Path(p) for p in folder]
        title = "newskit corpus report"
    out_p = Path(out)
    if out_p.suffix.lower() in (".html", ".htm"):
        out_dir, index = out_p.parent, out_p
    else:
        out_dir, index = out_p, out_p / "index.html"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _OutputError(f"cannot create the output folder {str(out_dir)!r}: {err.strerror or err}") from None
    names = _report_names(paths)
    results = list(zip(_run_reports(paths, [str(out_dir / n) for n in names], has_headline, executor), names,
                       strict=True))
    try:
        index.write_text(render_index(results, title), encoding="utf-8")
    except OSError as err:
        raise _OutputError(f"cannot write {str(index)!r}: {err.strerror or err}") from None
    return index


def _run_reports(paths: list[Path], outs: list[str], has_headline: bool, executor: Executor | None) -> Iterator[CorpusResult]:
    own = executor is None
    if executor is None:
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, max(1, len(paths))))
    try:
        futures = [executor.submit(_report_task, os.fspath(p), o, has_headline) for p, o in zip(paths, outs, strict=True)]
        results = []
        for p, fut in zip(paths, futures, strict=True):
            try:
                results.append(fut.result())
            except Exception as err:  # noqa: BLE001 - e.g. a worker process died
                results.append(CorpusResult(path=os.fspath(p), name=p.name, ok=False,
                                            error=f"the worker failed: {type(err).__name__}: {err}",
                                            error_type=type(err).__name__))
        return iter(results)
    finally:
        if own:
            executor.shutdown(wait=True, cancel_futures=True)
