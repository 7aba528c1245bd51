"""A self-contained HTML report of an article (or of a folder of articles) to hand out.

:func:`write_report` writes ONE ``.html`` file: the highlighted article and
every analysis (structure, readability, sources, quotes, outlets, reported
speech, unattributed claims, frequencies, keywords, labels, loaded words,
hedges, passives, tone), with the charts embedded as PNG images. The file has
no JavaScript and loads nothing from anywhere: its CSS is inside it, its images
are ``data:`` URIs, so it can be e-mailed, put on a course page or printed.
Every piece of article text is escaped. A report never overwrites its input.

:func:`write_corpus_report` does the same for a folder: an index that compares the articles
(a table, a chart of who gets the quoted words) and, in a folder of their own beside the index
(``summary-pages/`` for ``summary.html``, ``index-pages/`` for ``reports/index.html``), one lighter
page per article (no charts unless asked: a folder of thousands of articles costs little more than
their analysis) and the index table sorted by each measure. A folder report never replaces a file
newskit did not write: it refuses, with a one-line :class:`~newskit.NewskitError` naming the file,
before any work. The articles are analysed in parallel by :func:`newskit.analyze_corpus`.

    newskit report article.txt -o report.html
    newskit report articles/ -o summary.html     # summary.html + summary-pages/<article>.html
    newskit report articles/ -o reports/         # reports/index.html + reports/index-pages/<article>.html

>>> import newskit
>>> from newskit import report
>>> html_text = report.render_report(newskit.sample())
>>> html_text.startswith("<!DOCTYPE html>"), "<script" in html_text
(True, False)
"""

from __future__ import annotations

import functools
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

from .analysis import Analysis, analyze
from .article import Article
from .core.fmt import esc, html_table, number, percent
from .core.palette import GREY, OKABE_ITO, category_colour, tint
from .corpus import NO_SPEAKER, ArticleRow, CorpusComparison, analyze_corpus
from .errors import NewskitError
from .loaders import corpus_paths

__all__ = ["render_report", "write_report", "render_index", "write_corpus_report", "pages_folder", "corpus_chart_svg"]

_ACCENT = OKABE_ITO["blue"]
_ERROR = OKABE_ITO["vermillion"]

_CSS = f"""
body {{ font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; color: #222; background: #fff;
       max-width: 60em; margin: 2em auto; padding: 0 1.2em; line-height: 1.45; }}
h1 {{ font-family: Georgia, 'Times New Roman', serif; font-size: 1.8em; margin-bottom: 0.2em; }}
h2 {{ border-bottom: 2px solid {_ACCENT}; padding-bottom: 0.2em; margin-top: 2em; }}
h3 {{ margin-top: 1.4em; }}
table {{ border-collapse: collapse; margin: 0.5em 0 1em 0; font-size: 0.92em; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }}
thead th {{ background: #f3f6f9; }}
thead th a {{ color: inherit; }}
.meta {{ color: #555; }}
.note {{ color: #555; font-size: 0.92em; max-width: 48em; }}
.nav {{ font-size: 0.92em; background: #f7f7f7; padding: 0.5em 0.8em; border-radius: 4px; }}
.nav a {{ margin-right: 0.9em; }}
.figure {{ margin: 0.8em 0 1.2em 0; }}
.error {{ color: {_ERROR}; }}
td.num, th.num {{ text-align: right; }}
tbody th {{ font-weight: normal; }}
footer {{ margin-top: 3em; color: #777; font-size: 0.85em; border-top: 1px solid #ddd; padding-top: 0.5em; }}
@media print {{ .nav {{ display: none; }} h2 {{ page-break-before: auto; }} }}
"""

#: The mark of a page newskit wrote: a folder report replaces only files that carry it (or the older footer).
_GENERATOR = "<meta name='generator' content='newskit'>"

#: Lone surrogates (from undecodable file names) cannot be written as UTF-8: they become U+FFFD.
_SURROGATES = re.compile("[\ud800-\udfff]")


# ---------------------------------------------------------------------------------------------
# Pieces
# ---------------------------------------------------------------------------------------------


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
            f"{_GENERATOR}\n<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
            f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n"
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
            return f"<p class='error'>could not show this result: {esc(type(err).__name__)}: {esc(err)}</p>"
        if out:
            return out
    return f"<pre>{esc(repr(result))}</pre>"


def _figure(make: Callable[[Any], Any]) -> str:
    """An embedded PNG of the figure *make* draws (given :mod:`newskit.plots`), or a short note when it cannot be drawn."""
    try:
        from . import plots

        fig = make(plots)
        return f"<div class='figure'>{plots.figure_html(fig)}</div>"
    except Exception as err:  # noqa: BLE001 - a missing chart is noted, the report goes on
        return f"<p class='note error'>chart not available: {esc(type(err).__name__)}: {esc(err)}</p>"


def _table(head: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Iterable[int] = ()) -> str:
    return html_table(head, [[number(v, 2) for v in row] for row in rows], numeric=numeric, cls="report-table")


def _href(name: str) -> str:
    """A file name as a relative link (undecodable bytes of a file name kept as %XX), escaped for an attribute."""
    return esc(url_quote(name, errors="surrogateescape"))


def _speaker(src: Any) -> str:
    if src is None:
        return "(no speaker found)"
    return f"{src.name}, {src.descriptor}" if src.descriptor else src.name


def _section(anchor: str, title: str, note: str, body: str) -> str:
    note_html = f"<p class='note'>{esc(note)}</p>" if note else ""
    return f"<section id='{esc(anchor)}'><h2>{esc(title)}</h2>{note_html}{body}</section>\n"


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
        paras = "".join(f"<p><b>¶{p.number}</b> {esc(p.text)}</p>" for p in article.paragraphs)
        return f"<p class='note error'>highlighting not available ({esc(type(err).__name__)})</p>{paras}"


# ---------------------------------------------------------------------------------------------
# One article
# ---------------------------------------------------------------------------------------------

Section = tuple[str, str, str, str]  # (anchor, title, note, body)


def _structure_sections(a: Analysis, charts: bool) -> list[Section]:
    fig = _figure(lambda plots: plots.structure_map(a.structure)) if charts else ""
    return [
        ("summary", "At a glance", "", _table(("measure", "value"), [("file", a.article.name), *a.glance()])),
        ("article", "The article, quotes highlighted by speaker",
         "Each direct quote is coloured by who says it; grey means newskit found no speaker.",
         _highlighted(a.article, "quotes")),
        ("structure", "Structure",
         "The job each paragraph does (lede, body, quote-led, furniture), its length and how much of it is "
         "quoted, and whether the key facts come first (the inverted pyramid).", fig + _html_of(a.structure)),
        ("readability", "Readability",
         "Standard formulas from word, sentence and syllable counts. They measure length, not clarity.",
         _html_of(a.readability)),
    ]


def _sources_sections(a: Analysis, charts: bool) -> list[Section]:
    figs = ""
    if charts:
        figs = (_figure(lambda plots: plots.source_share(a.sources))
                + _figure(lambda plots: plots.speaker_timeline(list(a.quotes), len(a.article.paragraphs))))
    src_rows = [(r.source.name, r.source.descriptor, r.source.kind, r.source.category, r.source.category_reason, r.quotes,
                 r.quoted_words, percent(r.share), r.first_paragraph + 1) for r in a.sources.rows]
    q_rows = [(q.paragraph + 1, _speaker(q.speaker), q.kind, q.verb, q.channel, q.text, q.reason) for q in a.quotes]
    o_rows = [(o.name, len(o.quotes), len(o.attributions),
               ", ".join(str(p + 1) for p in sorted({q.paragraph for q in o.quotes} | {x.paragraph for x in o.attributions})))
              for o in a.outlets]
    r_rows = [(x.paragraph + 1, _speaker(x.speaker), x.verb, x.channel, x.text, x.reason) for x in a.reported_speech]
    u_rows = [(x.paragraph + 1, x.text) for x in a.unattributed]
    return [
        ("sources", "Sources: who is quoted", "One row per source of direct quotes; share = share of all quoted words.",
         figs + _table(("source", "descriptor", "kind", "category", "why this category", "quotes", "quoted words", "share",
                        "first ¶"), src_rows, numeric=(5, 6, 7, 8))),
        ("quotes", "Direct quotes", "In text order, with the verb that introduces each, the channel (outlet) and the "
         "rule that decided the speaker.",
         _table(("¶", "speaker", "kind", "verb", "channel", "quote", "why this speaker"), q_rows, numeric=(0,))),
        ("outlets", "Outlets", "Media the article credits as the channel of a quote or report.",
         _table(("outlet", "quotes", "reports", "paragraphs"), o_rows, numeric=(1, 2))),
        ("reported", "Reported speech", "Someone's words given without quote marks.",
         _table(("¶", "speaker", "verb", "channel", "what was said", "why this speaker"), r_rows, numeric=(0,))),
        ("unattributed", "Unattributed claims", "Claims the article makes without saying who makes them.",
         _table(("¶", "claim"), u_rows, numeric=(0,))),
    ]


def _language_sections(a: Analysis, charts: bool) -> list[Section]:
    lang = a.language

    def fig(make: Callable[[Any], Any]) -> str:
        return _figure(make) if charts else ""

    return [
        ("frequencies", "Word frequencies", "The most frequent words, common function words left out.",
         fig(lambda plots: plots.frequency_bars(lang.frequencies)) + _html_of(lang.frequencies)),
        ("keywords", "Keywords", "Words unusually frequent here compared with ordinary news writing.",
         fig(lambda plots: plots.keyness_bars(lang.keywords)) + _html_of(lang.keywords)),
        ("collocations", "Collocations", "Words that go together.", _html_of(lang.collocations)),
        ("labels", "Labels", "The words used to name each actor.", _html_of(lang.labels)),
        ("loaded", "Loaded words", "Evaluative words, and whether the reporter or a quoted source uses them.",
         _html_of(lang.loaded_words)),
        ("hedges", "Hedges, boosters and modals", "Words that soften or harden a claim.", _html_of(lang.hedges)),
        ("passives", "Passives", "Passive verbs, with and without an agent.", _html_of(lang.passives)),
        ("language-view", "The article, language highlighted", "", _highlighted(a.article, "language")),
        ("tone", "Tone", "VADER sentiment: reporter's words and quoted words compared, paragraph by paragraph.",
         fig(lambda plots: plots.sentiment_arc(lang.sentiment)) + _html_of(lang.sentiment)),
        ("numbers", "Numbers", "Figures the article gives.", _html_of(lang.numbers)),
        ("pos", "Parts of speech", "How the words divide into nouns, verbs, adjectives...", _html_of(lang.pos_profile)),
        ("vocabulary", "Vocabulary", "How varied the words are.", _html_of(lang.vocabulary)),
    ]


def render_report(article: Article, analysis: Analysis | None = None, *, charts: bool = True,
                  index: str | None = None) -> str:
    """The report of *article* as one self-contained HTML string (see :func:`write_report`).

    *charts* embeds the PNG charts (the slow part); *index* is the file name of a corpus index to link back to.

    >>> import newskit
    >>> "Mahmud Nuri" in render_report(newskit.sample(), charts=False)
    True
    """
    a = analysis if analysis is not None else analyze(article)
    art = a.article
    title = art.headline or art.name
    sections = _structure_sections(a, charts) + _sources_sections(a, charts) + _language_sections(a, charts)
    back = f"<a href=\"{_href(index)}\">&larr; all articles</a> " if index else ""
    nav = back + "".join(f"<a href='#{esc(anchor)}'>{esc(t)}</a> " for anchor, t, _, _ in sections)
    head = (f"<header><h1>{esc(title)}</h1><p class='meta'>{esc(art.name)} · {len(art)} words · "
            f"{len(art.paragraphs)} paragraphs</p><nav class='nav'>{nav}</nav></header>\n")
    return _page(f"newskit report: {title}", head + "".join(_section(*s) for s in sections))


class _OutputError(NewskitError, OSError):
    """The report could not be written (a missing permission, a full disk, an input in the way...)."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def _write(out: Path, text: str, inputs: Iterable[str | os.PathLike[str] | None] = ()) -> Path:
    """Write *text* to *out* as UTF-8 (lone surrogates replaced); never over one of *inputs*."""
    for src in inputs:
        if src is not None and _same_file(out, Path(src)):
            raise _OutputError(f"refusing to write the report over its input {_shown(out)}: choose another output name")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(_SURROGATES.sub("\ufffd", text), encoding="utf-8")
    except OSError as err:
        raise _OutputError(f"cannot write the report to {_shown(out)}: {err.strerror or err}") from None
    return out


def _shown(path: Path) -> str:
    """*path* quoted for a message, undecodable bytes shown as escapes."""
    return repr(_SURROGATES.sub("\ufffd", str(path)))


def write_report(article: Article | str | os.PathLike[str], out_path: str | os.PathLike[str], *,
                 has_headline: bool = True, analysis: Analysis | None = None, charts: bool = True) -> Path:
    """Write the self-contained HTML report of *article* (an Article or a file path) to *out_path*.

    One file, no JavaScript, nothing loaded from outside (CSS inline, charts as
    ``data:`` PNG images): it opens anywhere, offline. Returns the path written.
    Refuses (a :class:`~newskit.NewskitError`) to write over the article's own file.

    >>> import newskit
    >>> from newskit import report
    >>> report.write_report(newskit.sample(), "mosul-report.html")  # doctest: +SKIP
    PosixPath('mosul-report.html')
    """
    inputs: list[str | os.PathLike[str] | None] = []
    if not isinstance(article, Article):
        from .loaders import load

        inputs.append(article)
        article = load(article, has_headline=has_headline)
    inputs.append(article.path)
    out = Path(out_path)
    for src in inputs:  # check before the work, not only before writing
        if src is not None and _same_file(out, Path(src)):
            raise _OutputError(f"refusing to write the report over its input {_shown(out)}: choose another output name")
    return _write(out, render_report(article, analysis, charts=charts), inputs)


# ---------------------------------------------------------------------------------------------
# A folder of articles
# ---------------------------------------------------------------------------------------------

#: The orders the index offers besides file order: (key, label, row value, largest first?).
_SORTS: tuple[tuple[str, str, Callable[[ArticleRow], Any], bool], ...] = (
    ("words", "words", lambda r: r.words, True),
    ("quotes", "quotes", lambda r: r.quotes, True),
    ("sources", "sources", lambda r: r.sources, True),
    ("reading-ease", "reading ease", lambda r: r.reading_ease, False),
    ("grade", "grade", lambda r: r.grade, True),
)
_UNSAFE_NAME = re.compile(r"[\ud800-\udfff\x00-\x1f<>:\"/\\|?*]")


def _sorted_name(key: str) -> str:
    """The file name, in the pages folder, of the index sorted by *key*."""
    return f"by-{key}.html"


def pages_folder(index: str | os.PathLike[str]) -> Path:
    """The folder, beside the corpus index *index*, that holds its article pages and sorted tables.

    >>> pages_folder("site/summary.html").as_posix()
    'site/summary-pages'
    """
    index = Path(index)
    return index.parent / f"{index.stem or 'index'}-pages"


def _written_by_newskit(path: Path) -> bool:
    """True when *path* is a page newskit wrote (its generator mark near the top, or its footer near the end)."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
            f.seek(max(0, path.stat().st_size - 4096))
            tail = f.read()
    except OSError:
        return False
    return _GENERATOR.encode() in head or b"Made with newskit" in tail


def _check_targets(targets: Iterable[Path], inputs: Sequence[Path]) -> None:
    """Refuse (one line, naming the file) to write over an input, or over any file newskit did not write."""
    for p in targets:
        if any(_same_file(p, src) for src in inputs):
            raise _OutputError(f"refusing to write the corpus report over the input {_shown(p)}: choose another -o")
        if p.is_dir() or (p.exists() and not _written_by_newskit(p)):
            raise _OutputError(f"refusing to replace {_shown(p)}: newskit did not write it (move it or choose another -o)")


def _report_names(paths: Sequence[Path], reserved: Iterable[str] = ("index.html",)) -> list[str]:
    """One distinct, writable ``.html`` file name per article, none of them in *reserved* (case-insensitive)."""
    used = {r.lower() for r in reserved}
    out = []
    for p in paths:
        stem = _UNSAFE_NAME.sub("_", p.stem).strip(" .") or "article"
        cand, i = stem, 1
        while f"{cand}.html".lower() in used:
            i += 1
            cand = f"{stem}-{i}"
        used.add(f"{cand}.html".lower())
        out.append(f"{cand}.html")
    return out


def _article_page(analysis: Analysis, *, charts: bool, index: str) -> str:
    """Worker side (the *keep* of :func:`~newskit.analyze_corpus`): the article's page as a string."""
    return render_report(analysis.article, analysis, charts=charts, index=index)


def corpus_chart_svg(comparison: CorpusComparison, limit: int = 200) -> str:
    """An inline SVG chart: one bar per article (the first *limit*), split by who gets the quoted words.

    >>> from newskit.corpus import ArticleRow, CorpusComparison
    >>> svg = corpus_chart_svg(CorpusComparison((ArticleRow("a.txt", "a.txt", quotes=1, category_shares=(("expert", 1.0),)),)))
    >>> svg.startswith("<svg") and "#009E73" in svg
    True
    """
    rows = [r for r in comparison.rows if r.ok][:limit]
    cats = comparison.categories
    label_w, bar_w, row_h, top = 220, 420, 16, 8
    legend_h = 18 * len(cats) + 8
    height = top + row_h * len(rows) + legend_h + 8
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{label_w + bar_w + 10}' height='{height}' "
             "role='img' font-family='sans-serif' font-size='11'><title>Share of quoted words by source category, "
             "per article</title>"]
    for i, r in enumerate(rows):
        y = top + i * row_h
        name = r.name if len(r.name) <= 34 else r.name[:33] + "…"
        parts.append(f"<text x='{label_w - 6}' y='{y + 11}' text-anchor='end'>{esc(name)}</text>")
        if not r.category_shares:
            parts.append(f"<text x='{label_w + 4}' y='{y + 11}' fill='{GREY}'>no direct quotes</text>")
        x = float(label_w)
        for cat, share in r.category_shares:
            w = bar_w * share
            parts.append(f"<rect x='{x:.1f}' y='{y + 2}' width='{w:.1f}' height='{row_h - 4}' fill='{_colour(cat)}'>"
                         f"<title>{esc(r.name)}: {esc(cat)} {esc(percent(share))}</title></rect>")
            x += w
    y = top + row_h * len(rows) + 14
    for j, cat in enumerate(cats):
        parts.append(f"<rect x='{label_w}' y='{y + 18 * j - 10}' width='12' height='12' fill='{_colour(cat)}'/>"
                     f"<text x='{label_w + 18}' y='{y + 18 * j}'>{esc(cat)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _colour(category: str) -> str:
    return tint(GREY, 0.45) if category == NO_SPEAKER else category_colour(category)


def _index_table(comparison: CorpusComparison, links: Sequence[str | None], sort_links: dict[str, str],
                 order: Sequence[int]) -> str:
    heads = ["article", "headline", "words", "quotes", "sources", "quoted words by source category", "outlets",
             "reading ease", "grade", "report"]
    cells = []
    for h in heads:
        key = h.replace(" ", "-")
        label = esc(h)
        if key in sort_links:
            label = f"<a href=\"{_href(sort_links[key])}\" title='sort by {esc(h)}'>{label}</a>"
        cells.append(f"<th class='num'>{label}</th>" if h in ("words", "quotes", "sources", "reading ease", "grade")
                     else f"<th>{label}</th>")
    body = []
    for i in order:
        r, link = comparison.rows[i], links[i]
        if not r.ok:
            body.append(f"<tr><td>{esc(r.name)}</td><td colspan='9' class='error'>could not be analysed: "
                        f"{esc(r.error_type)}: {esc(r.error)}</td></tr>")
            continue
        report = f"<a href=\"{_href(link)}\">report</a>" if link else ""
        body.append(f"<tr><td>{esc(r.name)}</td><td>{esc(r.headline or '')}</td><td class='num'>{r.words}</td>"
                    f"<td class='num'>{r.quotes}</td><td class='num'>{r.sources}</td><td>{esc(r.shares_text())}</td>"
                    f"<td>{esc(', '.join(r.outlets))}</td><td class='num'>{esc(number(r.reading_ease))}</td>"
                    f"<td class='num'>{esc(number(r.grade))}</td><td>{report}</td></tr>")
    return f"<table><thead><tr>{''.join(cells)}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render_index(comparison: CorpusComparison, links: Sequence[str | None] | None = None,
                 title: str = "newskit corpus report", *, sort_links: dict[str, str] | None = None,
                 order: Sequence[int] | None = None, chart: bool = True) -> str:
    """The corpus index page: a chart across the articles and one row per article.

    *links* gives, per row of *comparison*, the file name of the article's report (relative to
    the index; None for none). *sort_links* maps a column key (``"words"``, ``"reading-ease"``...)
    to the page where the table is sorted by it; *order* lists the row indices in display order.
    """
    links = list(links) if links is not None else [None] * len(comparison)
    order = list(order) if order is not None else list(range(len(comparison)))
    n_bad = len(comparison.failed)
    n_ok = len(comparison) - n_bad
    figure = ""
    if chart and n_ok:
        more = f" (the first 200 of {n_ok})" if n_ok > 200 else ""
        figure = (f"<h2>Who gets the quoted words</h2><p class='note'>Each bar is one article{more}, split by "
                  f"the kind of source quoted; hover for the share.</p><div class='figure'>{corpus_chart_svg(comparison)}</div>")
    body = (f"<h1>{esc(title)}</h1><p class='meta'>{n_ok} articles analysed"
            + (f", {n_bad} could not be read" if n_bad else "") + "</p>"
            "<p class='note'>Reading ease: Flesch reading ease, 0-100, higher is easier; grade: Flesch-Kincaid "
            "US school grade. Quotes: direct quotes; sources: distinct sources quoted. Click a column head to sort "
            "the table by it.</p>" + figure + "<h2>The articles</h2>"
            + _index_table(comparison, links, sort_links or {}, order))
    return _page(title, body)


def _order(comparison: CorpusComparison, value: Callable[[ArticleRow], Any], largest_first: bool) -> list[int]:
    ok = [i for i, r in enumerate(comparison.rows) if r.ok and value(r) is not None]
    ok.sort(key=lambda i: value(comparison.rows[i]), reverse=largest_first)
    seen = set(ok)
    return ok + [i for i in range(len(comparison)) if i not in seen]


def _out_paths(out: str | os.PathLike[str]) -> tuple[Path, Path]:
    """(the folder of the index, the index file) for an -o that names a folder or an ``.html`` file."""
    out_p = Path(out)
    if out_p.suffix.lower() in (".html", ".htm"):
        return out_p.parent, out_p
    return out_p, out_p / "index.html"


def write_corpus_report(
    folder: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    has_headline: bool = True,
    executor: Executor | None = None,
    charts: bool = False,
    progress: bool | None = None,
) -> Path:
    """Write a corpus report: an index, and its article pages in a folder of their own beside it.

    *folder* is a folder (its article files, as :func:`newskit.loaders.corpus_paths` lists them)
    or a list of article paths. *out* names the OUTPUT FOLDER (created if needed), whose index is
    ``<out>/index.html``; an *out* ending in ``.html`` is the index file itself. Each article's
    page and the index sorted by each measure go to :func:`pages_folder` (``summary-pages/`` for
    ``summary.html``, ``<out>/index-pages/`` for a folder): ``<file name>.html`` (renamed, e.g.
    ``by-words-2.html``, when it would clash with a sorted page or an input) and ``by-<measure>.html``.
    Nothing but the index is written beside the index. A file that newskit did not write (or an
    input) is never replaced: the report refuses with a :class:`~newskit.NewskitError` naming it,
    before any analysis. A file that cannot be analysed gets a row with its error. The articles
    are analysed by :func:`newskit.analyze_corpus` (local processes by default, or the *executor*
    given; *progress* as there); each page is drawn in the worker, without charts unless *charts*.
    Returns the index path.

    >>> from newskit import report
    >>> report.write_corpus_report("articles", "summary.html")  # doctest: +SKIP
    PosixPath('summary.html')
    """
    if isinstance(folder, (str, os.PathLike)):
        paths = corpus_paths(folder) if Path(folder).is_dir() else [Path(folder)]
        title = f"newskit corpus report: {Path(folder).name}"
    else:
        paths = [Path(p) for p in folder]
        title = "newskit corpus report"
    _, index = _out_paths(out)
    pages = pages_folder(index)
    sorted_pages = {key: _sorted_name(key) for key, *_ in _SORTS}
    inputs = [p.name for p in paths if _same_file(p.parent, pages)] if pages.is_dir() else []
    names = _report_names(paths, reserved=[*sorted_pages.values(), *inputs])
    if pages.exists() and not pages.is_dir():
        raise _OutputError(f"refusing to replace {_shown(pages)}: newskit did not write it (move it or choose another -o)")
    _check_targets([index, *(pages / n for n in (*sorted_pages.values(), *names))], paths)
    try:
        pages.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _OutputError(f"cannot create the output folder {_shown(pages)}: {err.strerror or err}") from None
    up = f"../{index.name}"  # from a page back to the index
    keep = functools.partial(_article_page, charts=charts, index=up)
    rows: list[ArticleRow] = []
    links: list[str | None] = []  # relative to the pages folder
    for r, name in zip(analyze_corpus(paths, executor, has_headline=has_headline, keep=keep, progress=progress),
                       names, strict=True):
        rows.append(r.row if r.row is not None else ArticleRow(r.name, r.path, error=r.error, error_type=r.error_type))
        links.append(None)
        if r.ok and isinstance(r.result, str):
            _write(pages / name, r.result)  # checked above: a new file, or one newskit wrote
            links[-1] = name
    comparison = CorpusComparison(tuple(rows))
    for key, label, value, largest_first in _SORTS:
        page = render_index(comparison, links, f"{title} (by {label})", sort_links={"article": up, **sorted_pages},
                            order=_order(comparison, value, largest_first), chart=False)
        _write(pages / sorted_pages[key], page)
    down = [f"{pages.name}/{x}" if x else None for x in links]
    sort_links = {"article": index.name, **{k: f"{pages.name}/{v}" for k, v in sorted_pages.items()}}
    return _write(index, render_index(comparison, down, title, sort_links=sort_links))
