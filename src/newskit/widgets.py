"""Interactive explorers for a notebook (ipywidgets 8).

Each explorer wires a few controls to a plain function that returns HTML,
so every view can be tested, saved or reused without a browser:

=====================================  ====================================================
widget                                 the function behind it
=====================================  ====================================================
:func:`article_viewer`                 :func:`article_view_html` (article, layer)
:func:`source_explorer`                :func:`source_view_html` (article, source_name)
:func:`concordance_explorer`           :func:`concordance_view` (article, query, width)
:func:`frequency_explorer`             :func:`frequency_view` (article, top, stopwords, keyness)
:func:`tone_explorer`                  :func:`tone_view` (article, which)
:func:`compare`                        :func:`compare_view` (article_a, article_b, measure)
:func:`article_loader`                 :func:`article_from_upload`, :func:`article_from_paste`
=====================================  ====================================================

An error inside a control (an empty search, a file that is not text) is
shown as a readable message in the widget, never swallowed. Every explorer
also carries a static HTML copy of its current view, so a notebook read on
nbviewer or GitHub, where widgets do not run, still shows something.

All article text is escaped before it goes into HTML.

>>> import newskit
>>> from newskit import widgets
>>> html = widgets.source_view_html(newskit.sample(), "Josh Earnest")
>>> "White House spokesman" in html
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .errors import NewskitError, QueryError
from .highlight import LAYERS, _esc, error_html, highlight_html, layer, quote_layer, tint

if TYPE_CHECKING:  # pragma: no cover
    from .article import Article

__all__ = [
    "article_viewer", "source_explorer", "concordance_explorer", "frequency_explorer", "tone_explorer", "compare",
    "article_loader",
    "article_view_html", "source_names", "source_view_html", "concordance_view", "frequency_view", "tone_view",
    "compare_view", "dispersion_svg", "article_from_upload", "article_from_paste", "article_summary_html", "safe_view",
    "ArticleViewer", "SourceExplorer", "ConcordanceExplorer", "FrequencyExplorer", "ToneExplorer", "Compare",
    "ArticleLoader", "COMPARE_MEASURES",
]

_SANS = "font-family: sans-serif"
_TABLE = "border-collapse: collapse; font-family: sans-serif; font-size: 14px; margin: 0.4em 0 0.8em 0"
_TD = "padding: 3px 10px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top"


def _ipywidgets() -> Any:
    try:
        import ipywidgets
    except ImportError as err:  # pragma: no cover - ipywidgets is a dependency
        raise NewskitError("the interactive explorers need ipywidgets: pip install 'ipywidgets>=8'") from err
    return ipywidgets


def safe_view(fn: Callable[..., str], *args: Any, **kwargs: Any) -> str:
    """Call a view function; on failure return a readable error box instead of raising.

    A :class:`newskit.NewskitError` shows its message; anything else shows its type too
    (it is a bug worth reporting).

    >>> "nothing to search" in safe_view(lambda: (_ for _ in ()).throw(QueryError("nothing to search")))
    True
    """
    try:
        return fn(*args, **kwargs)
    except NewskitError as err:
        return error_html(err, "Cannot show this")
    except Exception as err:  # noqa: BLE001 - a widget must never die silently
        return error_html(f"{type(err).__name__}: {err}", "Unexpected error (please report it)")


def _table(head: Sequence[str], rows: Iterable[Sequence[Any]], raw: bool = False) -> str:
    th = "".join(f"<th style='{_TD}; border-bottom: 2px solid #999'>{_esc(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td style='{_TD}'>{c if raw else _esc(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table style='{_TABLE}'><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


# ---------------------------------------------------------------------------------------------
# Plain view functions (tested without a browser)
# ---------------------------------------------------------------------------------------------


def article_view_html(article: Article, layer_name: str = "quotes") -> str:
    """The article with one layer of highlights (a key of :data:`newskit.highlight.LAYERS`).

    >>> import newskit
    >>> "<mark" in article_view_html(newskit.sample(), "quotes")
    True
    """
    return highlight_html(article, layer(article, layer_name))


def source_names(article: Article) -> list[str]:
    """The names of the quoted sources, in order of first appearance.

    >>> import newskit
    >>> source_names(newskit.sample())[2]
    'Mahmud Nuri'
    """
    from .sources import sources

    return [row.source.name for row in sources(article).rows]


#: What the source explorer's "channel" cell says when no outlet (news agency, broadcaster) is named for a source.
NO_OUTLET = "no outlet named"


def source_view_html(article: Article, source_name: str) -> str:
    """One source: who they are, their row of figures, their channel(s), and their quotes highlighted in the article.

    Raises :class:`newskit.QueryError` for a name that is not a quoted source.

    >>> import newskit
    >>> "AFP" in source_view_html(newskit.sample(), "Mahmud Nuri")
    True
    """
    from .core.fmt import percent
    from .sources import quotes, sources

    table = sources(article)
    key = (source_name or "").strip().lower()
    row = next((r for r in table.rows if r.source.name.lower() == key), None)
    if row is None:
        names = ", ".join(r.source.name for r in table.rows) or "none found"
        raise QueryError(f"{source_name!r} is not one of the quoted sources ({names})")
    index = table.rows.index(row)
    mine = [q for q in quotes(article) if q.speaker is not None and q.speaker.name.lower() == key]
    channels = sorted({q.channel for q in mine if q.channel})
    verbs = list(dict.fromkeys(q.verb for q in mine if q.verb))
    src = row.source
    from .highlight import colour_for

    colour = colour_for(index)
    head = (f"<div style='{_SANS}; margin-bottom: 0.4em'><span style='font-size: 1.25em; font-weight: bold; "
            f"border-bottom: 3px solid {colour}; background: {tint(colour)}'>{_esc(src.name)}</span>"
            + (f" — {_esc(src.descriptor)}" if src.descriptor else "") + "</div>")
    figures = _table(
        ("kind", "category", "quotes", "quoted words", "share of all quoted words", "first quoted in", "channel", "verbs"),
        [(src.kind, src.category, row.quotes, row.quoted_words, percent(row.share), f"¶{row.first_paragraph + 1}",
          ", ".join(channels) if channels else NO_OUTLET,
          ", ".join(v for v in verbs if v) or "–")],
    )
    items = "".join(
        f"<li><span style='color:#777'>¶{q.paragraph + 1}</span> "
        f"{'(partial) ' if q.partial else ''}“{_esc(q.text)}”</li>" for q in mine
    )
    listing = f"<ol style='{_SANS}; font-size: 14px; margin: 0 0 0.8em 0'>{items}</ol>"
    body = highlight_html(article, quote_layer(article, speaker=src.name))
    return f"<div class='nk-source-view'>{head}{figures}{listing}{body}</div>"


def concordance_view(article: Article, query: str, width: int = 40) -> str:
    """A KWIC table (paragraph, left context, match, right context) and a dispersion strip for *query*.

    Same query rules as :func:`newskit.language.concordance` (``flee*`` for a prefix, phrases work).
    Raises :class:`newskit.QueryError` for an empty query. Fast: no chart library, the strip is inline SVG.

    >>> import newskit
    >>> "4</b> occurrences" in concordance_view(newskit.sample(), "prime minister")
    True
    """
    from . import language

    if not isinstance(query, str) or not query.strip():
        raise QueryError("type a word to search for (e.g. army, or flee* for every word starting with flee)")
    conc = language.concordance(article, query, width=int(width))
    hits = conc.hits
    n = len(hits)
    shown = hits[:_MAX_KWIC]
    cell = f"{_TD}; white-space: pre; font-family: monospace"
    rows = "".join(
        f"<tr><td style='{_TD}; color:#777'>{'headline' if h.paragraph is None else f'¶{h.paragraph + 1}'}</td>"
        f"<td style='{cell}; text-align: right'>{_esc(h.left)}</td>"
        f"<td style='{cell}; font-weight: bold; background: {_KW_BG}'>{_esc(h.match)}</td>"
        f"<td style='{cell}'>{_esc(h.right)}</td></tr>"
        for h in shown
    )
    more = (f"<p style='{_SANS}; color:#555'>… and {n - len(shown)} more (showing the first {len(shown)})</p>"
            if n > len(shown) else "")
    head = (f"<div style='{_SANS}; margin: 0.2em 0'><b>{n}</b> occurrence{'s' if n != 1 else ''} of "
            f"<b>{_esc(conc.query)}</b> in {conc.total_words} words</div>")
    strip = dispersion_svg(article, [h.start for h in hits])
    table = (f"<table style='{_TABLE}'><tbody>{rows}</tbody></table>{more}" if n
             else f"<p style='{_SANS}; color:#555'>No occurrences. Check the spelling, or try the start of the word "
                  "with * (e.g. flee*).</p>")
    return f"<div class='nk-concordance'>{head}{strip}{table}</div>"


_MAX_KWIC = 500
_KW_BG = tint("#E69F00")


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for n in names:
        if isinstance(obj, Mapping):
            if n in obj:
                return obj[n]
        elif hasattr(obj, n):
            return getattr(obj, n)
    return default


def dispersion_svg(article: Article, offsets: Sequence[int], *, width: int = 640, height: int = 46) -> str:
    """A dispersion strip as inline SVG: the body as a bar, paragraph breaks as faint lines, a tick per hit.

    *offsets* are character offsets into ``article.text`` (hits in the headline sit at the start).

    >>> import newskit
    >>> dispersion_svg(newskit.sample(), [500]).startswith("<svg")
    True
    """
    paras = article.paragraphs
    lo = paras[0].start if paras else 0
    hi = paras[-1].end if paras else max(len(article.text), 1)
    span = max(hi - lo, 1)
    pad = 6
    inner = width - 2 * pad

    def x(off: int) -> float:
        return pad + inner * min(max(off - lo, 0), span) / span

    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' role='img' "
             f"aria-label='where the word occurs'>",
             f"<rect x='{pad}' y='12' width='{inner}' height='18' fill='#f2f2f2' stroke='#bbb'/>"]
    for p in paras[1:]:
        parts.append(f"<line x1='{x(p.start):.1f}' x2='{x(p.start):.1f}' y1='12' y2='30' stroke='#d0d0d0'/>")
    for off in offsets:
        parts.append(f"<line x1='{x(int(off)):.1f}' x2='{x(int(off)):.1f}' y1='9' y2='33' stroke='#D55E00' stroke-width='2'/>")
    parts.append(f"<text x='{pad}' y='44' font-size='10' fill='#666' font-family='sans-serif'>start</text>")
    parts.append(f"<text x='{width - pad}' y='44' font-size='10' fill='#666' font-family='sans-serif' "
                 f"text-anchor='end'>end (grey lines: paragraph breaks)</text></svg>")
    return "".join(parts)


def frequency_view(article: Article, top: int = 20, stopwords: bool = False, keyness: bool = False) -> str:
    """A bar chart of the *top* most frequent words (``stopwords=True`` keeps "the", "of", ...), or with
    ``keyness=True`` the words most unusually frequent compared with ordinary news.

    >>> import newskit
    >>> frequency_view(newskit.sample(), top=10).count("<img")
    1
    """
    from . import language, plots

    top = int(top)
    if not 1 <= top <= 200:
        raise QueryError(f"top must be between 1 and 200, not {top}")
    if keyness:
        fig = plots.keyness_bars(language.keywords(article, top=top, stopwords=stopwords))
    else:
        fig = plots.frequency_bars(language.frequencies(article, top=top, stopwords=stopwords))
    return f"<div class='nk-frequency'>{plots.figure_html(fig)}</div>"


def tone_view(article: Article, which: str = "both") -> str:
    """The tone arc by paragraph: ``which`` = ``"both"``, ``"reporter"`` or ``"quoted"``.

    >>> import newskit
    >>> tone_view(newskit.sample(), "reporter").count("<img")
    1
    """
    from . import language, plots

    if which not in ("both", "reporter", "quoted"):
        raise QueryError(f"which must be 'both', 'reporter' or 'quoted', not {which!r}")
    sent = language.sentiment(article)
    return f"<div class='nk-tone'>{plots.figure_html(plots.sentiment_arc(sent, which=which))}</div>"


def _overview(article: Article) -> list[tuple[str, str]]:
    """Headline figures of one article for the comparison table: (measure, value)."""
    from . import sources as _sources
    from .core.fmt import percent

    rows: list[tuple[str, str]] = [
        ("paragraphs", str(len(article.paragraphs))),
        ("words", str(len(article))),
        ("sentences", str(len(article.sentences))),
    ]
    qs = _sources.quotes(article)
    table = _sources.sources(article)
    words = max(len(article), 1)
    rows += [
        ("direct quotes", str(len(qs))),
        ("quoted sources", str(len(table))),
        ("share of words in quotes", percent(sum(q.words for q in qs) / words)),
        ("most quoted source", max(table.rows, key=lambda r: r.quoted_words).source.name if table.rows else "–"),
        ("named / unnamed / organisation sources",
         " / ".join(str(sum(1 for r in table.rows if r.source.kind == k)) for k in ("named", "unnamed", "organisation"))),
    ]

    def more(label: str, fn: Callable[[], str]) -> None:
        try:
            rows.append((label, fn()))
        except (ImportError, NewskitError, AttributeError):
            rows.append((label, "–"))

    more("readability (Flesch reading ease)", lambda: _fmt(article.readability().flesch_reading_ease))
    more("reading level", lambda: article.readability().verdict)
    more("inverted pyramid", lambda: article.structure().pyramid.verdict)
    return rows


def _fmt(x: Any) -> str:
    return "–" if x is None else f"{x:.1f}" if isinstance(x, float) else str(x)


def _fig_sources(a: Article) -> Any:
    from . import plots

    return plots.source_share(a.sources())


def _fig_timeline(a: Article) -> Any:
    from . import plots

    return plots.speaker_timeline(a.quotes(), len(a.paragraphs))


def _fig_structure(a: Article) -> Any:
    from . import plots

    return plots.structure_map(a.structure())


def _fig_frequencies(a: Article) -> Any:
    from . import plots

    return plots.frequency_bars(a.frequencies(top=15))


def _fig_keywords(a: Article) -> Any:
    from . import plots

    return plots.keyness_bars(a.keywords(top=15))


def _fig_tone(a: Article) -> Any:
    from . import plots

    return plots.sentiment_arc(a.sentiment())


#: What :func:`compare_view` can put side by side: key -> (display name, figure builder or None for the table).
COMPARE_MEASURES: dict[str, tuple[str, Callable[[Article], Any] | None]] = {
    "overview": ("Overview (numbers)", None),
    "sources": ("Who is quoted", _fig_sources),
    "timeline": ("Who speaks where", _fig_timeline),
    "structure": ("Structure map", _fig_structure),
    "frequencies": ("Frequent words", _fig_frequencies),
    "keywords": ("Key words", _fig_keywords),
    "tone": ("Tone arc", _fig_tone),
}


def _title_of(article: Article) -> str:
    return article.headline or article.name


def compare_view(article_a: Article, article_b: Article, measure: str = "overview") -> str:
    """Two articles side by side on the same measure (a key of :data:`COMPARE_MEASURES`).

    >>> import newskit
    >>> a = newskit.sample()
    >>> "most quoted source" in compare_view(a, a, "overview")
    True
    """
    from . import plots

    if measure not in COMPARE_MEASURES:
        raise QueryError(f"unknown measure {measure!r}; choose one of: {', '.join(COMPARE_MEASURES)}")
    title_a, title_b = _title_of(article_a), _title_of(article_b)
    _, build = COMPARE_MEASURES[measure]
    if build is None:
        a_rows, b_rows = _overview(article_a), _overview(article_b)
        rows = [(label, va, vb) for (label, va), (_, vb) in zip(a_rows, b_rows, strict=True)]
        return f"<div class='nk-compare'>{_table(('measure', 'A: ' + title_a, 'B: ' + title_b), rows)}</div>"
    cells = []
    for tag, art, title in (("A", article_a, title_a), ("B", article_b, title_b)):
        inner = safe_view(lambda art=art: plots.figure_html(build(art)))
        cells.append(f"<td style='width:50%; vertical-align: top; padding: 4px'><div style='{_SANS}; font-weight: bold'>"
                     f"{tag}: {_esc(title)}</div>{inner}</td>")
    return f"<div class='nk-compare'><table style='width:100%; table-layout: fixed'><tr>{''.join(cells)}</tr></table></div>"


# --- loading ---------------------------------------------------------------------------------


def article_from_upload(value: Any) -> Article:
    """The article in a FileUpload widget's value (ipywidgets 8: a tuple of dicts with ``name`` and ``content``).

    Decoded with :func:`newskit.from_bytes` (UTF-8, UTF-16 with BOM, Windows-1252); raises a
    :class:`newskit.NewskitError` with a readable message for no file, several files, or a file
    that is not plain text.

    >>> article_from_upload([{"name": "a.txt", "content": b"Title\\n\\nBody."}]).headline
    'Title'
    """
    from .loaders import from_bytes

    files = list(value.values()) if isinstance(value, Mapping) else list(value or ())
    if not files:
        raise QueryError("no file uploaded yet: click 'Upload' and choose a .txt file")
    if len(files) > 1:
        raise QueryError(f"{len(files)} files uploaded; upload one article at a time")
    f = files[0]
    name = str(_get(f, "name", default="uploaded file"))
    content = _get(f, "content", default=b"")
    data = bytes(content)
    low = name.lower()
    if low.endswith((".pdf", ".docx", ".doc", ".odt", ".rtf", ".png", ".jpg", ".jpeg", ".html", ".htm")):
        kind = low.rsplit(".", 1)[-1].upper()
        if kind in ("HTML", "HTM"):
            raise QueryError(f"{name}: this is a web page (HTML), not plain text. Copy the article's text and paste "
                             "it into the box instead, or save it as .txt")
        raise QueryError(f"{name}: a {kind} file is not plain text. Open it, copy the article's text and paste it into "
                         "the box, or save it as plain text (.txt, UTF-8)")
    return from_bytes(data, name=name)


def article_from_paste(text: str, headline: str | None = None) -> Article:
    """An article from pasted text (first line = headline unless *headline* is given).

    >>> article_from_paste("Title\\n\\nBody text here.").paragraphs[0].text
    'Body text here.'
    """
    from .loaders import from_text

    if not isinstance(text, str) or not text.strip():
        raise QueryError("the text box is empty: paste an article (headline on the first line, "
                         "a blank line between paragraphs)")
    return from_text(text, headline=headline or None)


def article_summary_html(article: Article) -> str:
    """A short, escaped summary of a loaded article: name, headline, paragraphs, words, first words.

    >>> import newskit
    >>> "paragraphs" in article_summary_html(newskit.sample())
    True
    """
    first = article.paragraphs[0].text if article.paragraphs else ""
    first = first if len(first) <= 160 else first[:157] + "…"
    return (f"<div class='nk-loaded' style='{_SANS}; border-left: 4px solid #009E73; padding: 0.4em 0.8em; "
            f"background: {tint('#009E73', 0.08)}'><b>Loaded:</b> {_esc(article.name)} — "
            f"{len(article.paragraphs)} paragraphs, {len(article)} words<br>"
            f"<b>Headline:</b> {_esc(article.headline or '(none)')}<br>"
            f"<span style='color:#555'>{_esc(first)}</span></div>")


# ---------------------------------------------------------------------------------------------
# The widgets: thin wiring of controls to the functions above
# ---------------------------------------------------------------------------------------------


class _Explorer:
    """Common plumbing: an ipywidgets box, a view area, the current HTML, and a static fallback."""

    title = "newskit explorer"

    def __init__(self) -> None:
        w = _ipywidgets()
        self._html = ""
        self.view = w.HTML(value="", layout=w.Layout(width="100%"))
        self.widget: Any = None

    # a subclass builds self.widget and calls self._show(...)

    def _show(self, fn: Callable[..., str], *args: Any, **kwargs: Any) -> str:
        html = safe_view(fn, *args, **kwargs)
        self._html = html
        self.view.value = html
        return html

    @property
    def html(self) -> str:
        """The HTML of the current view (what the widget shows now)."""
        return self._html

    def _static_html(self) -> str:
        return (f"<div class='nk-static'><div style='{_SANS}; color:#666; font-size: 12px'>{_esc(self.title)} "
                "(static copy of the view: run the notebook to use the controls)</div>" + self._html + "</div>")

    def _repr_html_(self) -> str:
        return self._static_html()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = dict(self.widget._repr_mimebundle_() or {})
        bundle["text/html"] = self._static_html()
        bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self) -> str:
        return f"<newskit {self.title}>"


def _box(*children: Any) -> Any:
    w = _ipywidgets()
    return w.VBox([c for c in children if c is not None], layout=w.Layout(width="100%"))


class ArticleViewer(_Explorer):
    """The article with switchable highlights: quotes by speaker, paragraph roles, loaded words, hedges, passives, labels."""

    title = "Article viewer"

    def __init__(self, article: Article, layer_name: str = "quotes") -> None:
        super().__init__()
        w = _ipywidgets()
        self.article = article
        self.control = w.Dropdown(options=[(label, key) for key, (label, _) in LAYERS.items()], value=layer_name,
                                  description="Highlight:", style={"description_width": "initial"})
        self.control.observe(self._redraw, names="value")
        self.widget = _box(self.control, self.view)
        self._redraw()

    def _redraw(self, _change: Any = None) -> None:
        self._show(article_view_html, self.article, self.control.value)


class SourceExplorer(_Explorer):
    """Pick a source: its quotes highlighted in the article, its row of figures and its channel."""

    title = "Source explorer"

    def __init__(self, article: Article) -> None:
        super().__init__()
        w = _ipywidgets()
        self.article = article
        names = safe_names(article)
        self.control = w.Dropdown(options=names, value=names[0] if names else None, description="Source:",
                                  disabled=not names, layout=w.Layout(width="28em"))
        self.control.observe(self._redraw, names="value")
        self.widget = _box(self.control, self.view)
        self._redraw()

    def _redraw(self, _change: Any = None) -> None:
        if self.control.value is None:
            self._show(lambda: error_html("no quoted sources were found in this article", "Nothing to explore"))
        else:
            self._show(source_view_html, self.article, self.control.value)


def safe_names(article: Article) -> list[str]:
    """:func:`source_names`, or an empty list when the sources cannot be found."""
    try:
        return source_names(article)
    except NewskitError:
        return []


class ConcordanceExplorer(_Explorer):
    """Type a word (``flee*`` for a prefix): every occurrence in context, live, with where they fall."""

    title = "Concordance explorer"

    def __init__(self, article: Article, query: str = "", width: int = 40) -> None:
        super().__init__()
        w = _ipywidgets()
        self.article = article
        self.query = w.Text(value=query, placeholder="a word, e.g. army or flee*", description="Search:",
                            continuous_update=True)
        self.width = w.IntSlider(value=width, min=10, max=100, step=5, description="Context:", continuous_update=True)
        self.query.observe(self._redraw, names="value")
        self.width.observe(self._redraw, names="value")
        self.widget = _box(w.HBox([self.query, self.width]), self.view)
        self._redraw()

    def _redraw(self, _change: Any = None) -> None:
        if not self.query.value.strip():
            self._show(lambda: f"<p style='{_SANS}; color:#555'>Type a word above to see every place it is used.</p>")
        else:
            self._show(concordance_view, self.article, self.query.value, self.width.value)


class FrequencyExplorer(_Explorer):
    """Top-N slider, common-words toggle and keyness switch -> a bar chart."""

    title = "Frequency and keyness explorer"

    def __init__(self, article: Article, top: int = 20) -> None:
        super().__init__()
        w = _ipywidgets()
        self.article = article
        self.top = w.IntSlider(value=top, min=5, max=50, step=1, description="Top:", continuous_update=False)
        self.stopwords = w.Checkbox(value=False, description="include common words (the, of, ...)", indent=False)
        self.keyness = w.Checkbox(value=False, description="keyness: compare with ordinary news", indent=False)
        for c in (self.top, self.stopwords, self.keyness):
            c.observe(self._redraw, names="value")
        self.widget = _box(w.HBox([self.top, self.stopwords, self.keyness]), self.view)
        self._redraw()

    def _redraw(self, _change: Any = None) -> None:
        self.stopwords.disabled = self.keyness.value
        self._show(frequency_view, self.article, self.top.value, self.stopwords.value, self.keyness.value)


class ToneExplorer(_Explorer):
    """The tone arc by paragraph, for the reporter's words, the quoted words, or both."""

    title = "Tone explorer"

    def __init__(self, article: Article) -> None:
        super().__init__()
        w = _ipywidgets()
        self.article = article
        self.control = w.ToggleButtons(options=[("both", "both"), ("reporter's words", "reporter"),
                                                ("quoted words", "quoted")], value="both", description="Show:")
        self.control.observe(self._redraw, names="value")
        self.widget = _box(self.control, self.view)
        self._redraw()

    def _redraw(self, _change: Any = None) -> None:
        self._show(tone_view, self.article, self.control.value)


class Compare(_Explorer):
    """Two articles side by side on the same measure."""

    title = "Compare two articles"

    def __init__(self, article_a: Article, article_b: Article, measure: str = "overview") -> None:
        super().__init__()
        w = _ipywidgets()
        self.articles = (article_a, article_b)
        self.control = w.Dropdown(options=[(label, key) for key, (label, _) in COMPARE_MEASURES.items()], value=measure,
                                  description="Measure:")
        self.control.observe(self._redraw, names="value")
        self.widget = _box(self.control, self.view)
        self._redraw()

    def _redraw(self, _change: Any = None) -> None:
        self._show(compare_view, *self.articles, self.control.value)


class ArticleLoader(_Explorer):
    """Upload a .txt file or paste text; the loaded article is in ``.article`` (None until then).

    Register ``loader.on_load(callback)`` to be called with each new article.
    """

    title = "Load your own article"

    def __init__(self) -> None:
        super().__init__()
        w = _ipywidgets()
        self.article: Article | None = None
        self._callbacks: list[Callable[[Article], Any]] = []
        self.upload = w.FileUpload(accept=".txt,text/plain", multiple=False, description="Upload .txt")
        self.text = w.Textarea(placeholder="…or paste an article here: headline on the first line, then a blank line "
                                           "between paragraphs", layout=w.Layout(width="100%", height="12em"))
        self.button = w.Button(description="Use pasted text", button_style="primary", icon="check")
        self.upload.observe(self._uploaded, names="value")
        self.button.on_click(self._pasted)
        self.widget = _box(w.HBox([self.upload]), self.text, self.button, self.view)
        self._show(lambda: f"<p style='{_SANS}; color:#555'>No article loaded yet. Upload a .txt file or paste "
                           "text and click 'Use pasted text'.</p>")

    def on_load(self, callback: Callable[[Article], Any]) -> None:
        """Call *callback(article)* each time an article is loaded."""
        self._callbacks.append(callback)

    def load_upload(self, value: Any) -> Article | None:
        """Load from a FileUpload value (what the upload control does); errors are shown, and None returned."""
        return self._load(article_from_upload, value)

    def load_text(self, text: str) -> Article | None:
        """Load from pasted text (what the button does); errors are shown, and None returned."""
        return self._load(article_from_paste, text)

    def _set(self, html: str) -> None:
        self._html = html
        self.view.value = html

    def _load(self, fn: Callable[[Any], Article], arg: Any) -> Article | None:
        try:
            art = fn(arg)
        except NewskitError as err:
            self._set(error_html(err, "Could not load the article"))
            return None
        except Exception as err:  # noqa: BLE001 - show it, never a dead control
            self._set(error_html(f"{type(err).__name__}: {err}", "Could not load the article"))
            return None
        self.article = art
        self._set(article_summary_html(art))
        for cb in self._callbacks:
            try:
                cb(art)
            except Exception as err:  # noqa: BLE001
                self._set(self._html + error_html(f"{type(err).__name__}: {err}", "Your on_load callback failed"))
        return art

    def _uploaded(self, change: Any) -> None:
        if change["new"]:
            self.load_upload(change["new"])

    def _pasted(self, _button: Any = None) -> None:
        self.load_text(self.text.value)


# ---------------------------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------------------------


def article_viewer(article: Article, layer: str = "quotes") -> ArticleViewer:
    """The article with highlights you can switch: quotes by speaker, paragraph roles, loaded words, hedges, passives, labels.

    >>> import newskit
    >>> newskit.widgets.article_viewer(newskit.sample())  # doctest: +SKIP
    """
    return ArticleViewer(article, layer)


def source_explorer(article: Article) -> SourceExplorer:
    """A dropdown of the quoted sources: the chosen one's quotes highlighted, its figures and channel.

    >>> import newskit
    >>> newskit.widgets.source_explorer(newskit.sample())  # doctest: +SKIP
    """
    return SourceExplorer(article)


def concordance_explorer(article: Article, query: str = "", width: int = 40) -> ConcordanceExplorer:
    """A search box and a context-width slider: a live KWIC table and a dispersion strip.

    >>> import newskit
    >>> newskit.widgets.concordance_explorer(newskit.sample(), "army")  # doctest: +SKIP
    """
    return ConcordanceExplorer(article, query, width)


def frequency_explorer(article: Article, top: int = 20) -> FrequencyExplorer:
    """Most frequent words or key words as a bar chart, with a top-N slider and a common-words switch.

    >>> import newskit
    >>> newskit.widgets.frequency_explorer(newskit.sample())  # doctest: +SKIP
    """
    return FrequencyExplorer(article, top)


def tone_explorer(article: Article) -> ToneExplorer:
    """The tone arc by paragraph, reporter's words vs quoted words.

    >>> import newskit
    >>> newskit.widgets.tone_explorer(newskit.sample())  # doctest: +SKIP
    """
    return ToneExplorer(article)


def compare(article_a: Article, article_b: Article, measure: str = "overview") -> Compare:
    """Two articles side by side on the same measures (numbers, sources, structure, words, tone).

    >>> import newskit
    >>> newskit.widgets.compare(newskit.sample(), newskit.sample())  # doctest: +SKIP
    """
    return Compare(article_a, article_b, measure)


def article_loader() -> ArticleLoader:
    """Upload a .txt file or paste text; then use ``loader.article``.

    >>> import newskit
    >>> loader = newskit.widgets.article_loader()  # doctest: +SKIP
    >>> art = loader.article                       # doctest: +SKIP
    """
    return ArticleLoader()

