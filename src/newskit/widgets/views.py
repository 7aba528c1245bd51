"""The plain view functions behind the explorers: (article, control values) -> HTML, tested without a browser.

Every size is in ``em`` (it follows the notebook's font size and zoom, for a projector), text
columns are left-aligned and short cells never wrap; colours come from :mod:`newskit.core.palette`.

>>> import newskit
>>> "White House spokesman" in source_view_html(newskit.sample(), "Josh Earnest")
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..core.fmt import Html, esc, html_table, number, percent
from ..core.markup import MUTED, SANS, SMALL, Span, highlight_html, nowrap
from ..core.palette import GREY, HIGHLIGHT_ALPHA, LOADED_COLOURS, OKABE_ITO, colour_for, role_colour, safe_colour, tint
from ..errors import QueryError
from ..highlight import layer, quote_layer
from .live import safe_view

if TYPE_CHECKING:  # pragma: no cover
    from ..article import Article

__all__ = ["article_view_html", "source_names", "source_view_html", "concordance_view", "dispersion_svg",
           "frequency_view", "tone_view", "structure_view", "paragraph_choices", "compare_view", "COMPARE_MEASURES",
           "NO_OUTLET", "MAX_CONTEXT", "MAX_BARS_SHOWN", "MAX_KWIC"]

#: The widest concordance context either side of the keyword, in characters: wider pushes the keyword off a
#: projector's screen.
MAX_CONTEXT = 80
#: The most concordance lines shown (the count above the table is always the full count).
MAX_KWIC = 500
#: A bar chart with more bars than this is shown in a scrolling area about that many bars high.
MAX_BARS_SHOWN = 25
#: What the source explorer's "channel" cell says when no outlet (news agency, broadcaster) is named for a source.
NO_OUTLET = "no outlet named"

_KW_BG = tint(OKABE_ITO["orange"], HIGHLIGHT_ALPHA)
_TICK = OKABE_ITO["vermillion"]


def _p(text: str, extra: str = "") -> str:
    return f"<p style='{SANS}; {extra}'>{esc(text)}</p>"


def _heads(*names: str) -> list[Html]:
    """Table headers that stay on one line."""
    return [nowrap(n) for n in names]


def _short_cells(row: Sequence[Any], long: Sequence[int] = ()) -> list[Any]:
    """A row's cells, every one that is not in *long* kept on one line."""
    return [c if i in long or isinstance(c, Html) else nowrap(c) for i, c in enumerate(row)]


# --- the article, sources --------------------------------------------------------------------


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
    from ..sources import sources

    return [row.source.name for row in sources(article).rows]


def source_view_html(article: Article, source_name: str) -> str:
    """One source: who they are, their row of figures, their channel(s), and their quotes highlighted in the article.

    Raises :class:`newskit.QueryError` for a name that is not a quoted source.

    >>> import newskit
    >>> "AFP" in source_view_html(newskit.sample(), "Mahmud Nuri")
    True
    """
    from ..sources import quotes, sources

    table = sources(article)
    key = (source_name or "").strip().lower()
    row = next((r for r in table.rows if r.source.name.lower() == key), None)
    if row is None:
        names = ", ".join(r.source.name for r in table.rows) or "none found"
        raise QueryError(f"{source_name!r} is not one of the quoted sources ({names})")
    colour = colour_for(table.rows.index(row))
    mine = [q for q in quotes(article) if q.speaker is not None and q.speaker.name.lower() == key]
    channels = sorted({q.channel for q in mine if q.channel})
    verbs = list(dict.fromkeys(q.verb for q in mine if q.verb))
    src = row.source
    head = (f"<div style='{SANS}; margin-bottom: 0.4em'><span style='font-size: 1.25em; font-weight: bold; "
            f"border-bottom: 0.2em solid {colour}; background: {tint(colour, HIGHLIGHT_ALPHA)}'>{esc(src.name)}</span>"
            + (f" — {esc(src.descriptor)}" if src.descriptor else "") + "</div>"
            + (f"<div style='{MUTED}'>category {esc(src.category)}: {esc(src.category_reason)}</div>"
               if src.category_reason else ""))
    figures = html_table(
        _heads("kind", "category", "quotes", "quoted words", "share of all quoted words", "first quoted in", "channel",
               "verbs"),
        [_short_cells((src.kind, src.category, row.quotes, row.quoted_words, percent(row.share),
                       f"¶{row.first_paragraph + 1}", ", ".join(channels) if channels else NO_OUTLET,
                       ", ".join(v for v in verbs if v) or "–"), long=(7,))],
        numeric=[2, 3, 4])
    items = "".join(
        f"<li><span style='{MUTED}'>¶{q.paragraph + 1}</span> {'(partial) ' if q.partial else ''}“{esc(q.text)}”"
        + (f" <span style='{MUTED}'>— why: {esc(q.reason)}</span>" if q.reason else "") + "</li>"
        for q in mine)
    listing = f"<ol style='{SANS}; margin: 0.4em 0 0.8em 0'>{items}</ol>"
    body = highlight_html(article, quote_layer(article, speaker=src.name))
    return f"<div class='nk-source-view'>{head}{figures}{listing}{body}</div>"


# --- concordance -----------------------------------------------------------------------------


def concordance_view(article: Article, query: str, width: int = 40) -> str:
    """A KWIC table (paragraph, left context, match, right context) and a dispersion strip for *query*.

    Same query rules as :func:`newskit.language.concordance` (``flee*`` for a prefix, phrases work).
    *width* (characters of context either side) is kept between 5 and :data:`MAX_CONTEXT`; both
    contexts are *width* characters wide, so every keyword sits in one centred column. Raises
    :class:`newskit.QueryError` for an empty query. Fast: no chart library, the strip is inline SVG.

    >>> import newskit
    >>> "4</b> occurrences" in concordance_view(newskit.sample(), "prime minister")
    True
    """
    from .. import language

    if not isinstance(query, str) or not query.strip():
        raise QueryError("type a word to search for (e.g. army, or flee* for every word starting with flee)")
    width = max(5, min(int(width), MAX_CONTEXT))
    conc = language.concordance(article, query, width=width)
    hits = conc.hits
    n = len(hits)
    shown = hits[:MAX_KWIC]
    cell = "white-space: pre; font-family: var(--jp-code-font-family, monospace); padding: 0.15em 0.3em"
    side = f"{cell}; width: {width}ch; min-width: {width}ch; max-width: {width}ch; overflow: hidden"
    rows = "".join(
        f"<tr><td style='{SANS}; {MUTED}; white-space: nowrap; padding-right: 0.6em'>"
        f"{'headline' if h.paragraph is None else f'¶{h.paragraph + 1}'}</td>"
        f"<td style='{side}; text-align: right'>{esc(h.left)}</td>"
        f"<td style='{cell}; font-weight: bold; background: {_KW_BG}; text-align: center'>{esc(h.match)}</td>"
        f"<td style='{side}; text-align: left'>{esc(h.right)}</td></tr>"
        for h in shown
    )
    more = _p(f"… and {n - len(shown)} more (showing the first {len(shown)})", MUTED) if n > len(shown) else ""
    head = (f"<div style='{SANS}; margin: 0.2em 0'><b>{n}</b> occurrence{'s' if n != 1 else ''} of "
            f"<b>{esc(conc.query)}</b> in {conc.total_words} words</div>")
    strip = dispersion_svg(article, [h.start for h in hits])
    table = (f"<div style='overflow-x: auto'><table style='border-collapse: collapse; margin: 0.4em 0'>"
             f"<tbody>{rows}</tbody></table></div>{more}" if n
             else _p("No occurrences. Check the spelling, or try the start of the word with * (e.g. flee*).", MUTED))
    return f"<div class='nk-concordance'>{head}{strip}{table}</div>"


def dispersion_svg(article: Article, offsets: Sequence[int]) -> str:
    """A dispersion strip as inline SVG, as wide as the notebook: the body as a bar, paragraph breaks as faint
    lines, a tick per hit; below it, where the article starts and ends.

    *offsets* are character offsets into ``article.text`` (hits in the headline sit at the start).

    >>> import newskit
    >>> dispersion_svg(newskit.sample(), [500]).count("<line")  # 14 paragraph breaks, 1 hit
    15
    """
    paras = article.paragraphs
    lo = paras[0].start if paras else 0
    hi = paras[-1].end if paras else max(len(article.text), 1)
    span = max(hi - lo, 1)

    def x(off: int) -> str:
        return f"{1000 * min(max(off - lo, 0), span) / span:.1f}"

    keep = "vector-effect='non-scaling-stroke'"
    parts = ["<div class='nk-dispersion' style='margin: 0.3em 0'>",
             "<svg xmlns='http://www.w3.org/2000/svg' width='100%' height='2.4em' viewBox='0 0 1000 30' "
             "preserveAspectRatio='none' role='img' aria-label='where the word occurs'>",
             f"<rect x='0' y='6' width='1000' height='18' fill='{tint(GREY, 0.15)}' stroke='{GREY}' {keep}/>"]
    for p in paras[1:]:
        parts.append(f"<line x1='{x(p.start)}' x2='{x(p.start)}' y1='6' y2='24' stroke='{tint(GREY, 0.6)}' {keep}/>")
    for off in offsets:
        parts.append(f"<line x1='{x(int(off))}' x2='{x(int(off))}' y1='2' y2='28' stroke='{_TICK}' "
                     f"stroke-width='2' {keep}/>")
    parts.append(f"</svg><div style='{SMALL}; display: flex; justify-content: space-between'><span>start</span>"
                 "<span>end (grey lines: paragraph breaks)</span></div></div>")
    return "".join(parts)


# --- frequencies, tone -----------------------------------------------------------------------


def _chart(fig: Any, bars: int = 0) -> str:
    """A figure as an image as wide as the notebook; a chart of many bars scrolls in an area of about
    :data:`MAX_BARS_SHOWN` bars."""
    from .. import plots

    img = plots.figure_html(fig)
    if bars > MAX_BARS_SHOWN:
        return (f"<div style='{SMALL}'>{bars} bars: scroll the chart to see them all.</div>"
                f"<div class='nk-scroll' style='max-height: {1.5 * MAX_BARS_SHOWN:.0f}em; overflow-y: auto'>{img}</div>")
    return img


def frequency_view(article: Article, top: int = 20, stopwords: bool = False, keyness: bool = False) -> str:
    """A bar chart of the *top* most frequent words (``stopwords=True`` keeps "the", "of", ...), or with
    ``keyness=True`` the words most unusually frequent compared with ordinary news.

    In keyness mode *stopwords* is ignored (common words are always left out of the comparison). More
    than :data:`MAX_BARS_SHOWN` bars scroll inside an area of about that height.

    >>> import newskit
    >>> frequency_view(newskit.sample(), top=10).count("<img")
    1
    """
    from .. import language, plots

    top = int(top)
    if not 1 <= top <= 200:
        raise QueryError(f"top must be between 1 and 200, not {top}")
    if keyness:
        res = language.keywords(article, top=top)
        return f"<div class='nk-frequency'>{_chart(plots.keyness_bars(res), len(res.positive) + len(res.negative))}</div>"
    res = language.frequencies(article, top=top, stopwords=stopwords)
    return f"<div class='nk-frequency'>{_chart(plots.frequency_bars(res), len(res.rows))}</div>"


def _valence(word: str, value: float) -> Html:
    colour = LOADED_COLOURS["positive"] if value > 0 else LOADED_COLOURS["negative"]
    return Html(f"<span style='white-space: nowrap; border-bottom: 0.15em solid {colour}'>{esc(word)} {value:+.1f}</span>")


def _voice(quoted_share: float) -> str:
    return "quoted" if quoted_share >= 0.5 else "reporter"


def tone_view(article: Article, which: str = "both") -> str:
    """The tone arc by paragraph (``which`` = ``"both"``, ``"reporter"`` or ``"quoted"``), then every sentence's
    VADER score beside the words that pushed it (its ``drivers``: the words VADER's lexicon scores).

    A sentence is "quoted" when at least half of it is inside quote marks.

    >>> import newskit
    >>> out = tone_view(newskit.sample(), "reporter")
    >>> out.count("<img"), "words that pushed it" in out
    (1, True)
    """
    from .. import language, plots

    if which not in ("both", "reporter", "quoted"):
        raise QueryError(f"which must be 'both', 'reporter' or 'quoted', not {which!r}")
    sent = language.sentiment(article)
    chart = plots.figure_html(plots.sentiment_arc(sent, which=which))
    text = article.text
    rows = []
    for s in sent.sentences:
        voice = _voice(s.quoted_share)
        if which != "both" and voice != which:
            continue
        drivers = getattr(s, "drivers", ())
        words = Html(", ".join(_valence(w, v) for w, v in drivers)) if drivers else "none (all neutral to VADER)"
        sentence = " ".join(text[s.start:s.end].split())
        rows.append(_short_cells((f"¶{s.paragraph + 1}", voice, f"{s.compound:+.2f}", words, sentence), long=(3, 4)))
    table = html_table(_heads("¶", "whose words", "score", "words that pushed it", "sentence"), rows, numeric=[2],
                       caption="Each sentence's VADER score (-1 negative … +1 positive) and the words of VADER's lexicon "
                               "in it, with their valence (-4 … +4). A word VADER does not know counts as neutral.",
                       empty="no sentences of this kind")
    return f"<div class='nk-tone'>{chart}{table}</div>"


# --- structure -------------------------------------------------------------------------------


def paragraph_choices(article: Article, preview: int = 6) -> list[tuple[str, int]]:
    """Dropdown options for the paragraphs: (``"¶3 quote-led: “The army forces …"``, 3), numbered from 1.

    >>> import newskit
    >>> paragraph_choices(newskit.sample())[0][1]
    1
    """
    from ..structure import paragraph_roles

    roles = paragraph_roles(article)
    out = []
    for p, r in zip(article.paragraphs, roles, strict=True):
        words = p.text.split()
        first = " ".join(words[:preview]) + (" …" if len(words) > preview else "")
        out.append((f"¶{p.number} {r.role}: {first}", p.number))
    return out


def _furniture_rows(article: Article, include_furniture: bool) -> list[tuple[str, str]]:
    from ..structure import pyramid, readability

    read = readability(article, include_furniture=include_furniture)
    pyr = pyramid(article, include_furniture=include_furniture)
    return [
        ("words counted", str(read.words)),
        ("sentences counted", str(read.sentences)),
        ("Flesch reading ease", number(read.flesch_reading_ease)),
        ("Flesch–Kincaid grade", number(read.flesch_kincaid_grade)),
        ("reading level", read.verdict),
        ("key facts in the top third", percent(pyr.top_third_share)),
        ("inverted pyramid", pyr.verdict),
    ]


def structure_view(article: Article, paragraph: int = 1, include_furniture: bool = False) -> str:
    """One paragraph's role, the rule that decided it and its quote share, then readability and the inverted
    pyramid counted with or without the page furniture (captions, subheads, pull quotes, links).

    *paragraph* counts from 1 (¶1 is the first paragraph after the headline). Raises
    :class:`newskit.QueryError` for a paragraph that does not exist.

    >>> import newskit
    >>> out = structure_view(newskit.sample(), 11)
    >>> "subhead" in out and "no finite verb" in out
    True
    """
    from ..structure import structure

    n = len(article.paragraphs)
    if not isinstance(paragraph, int) or not 1 <= paragraph <= n:
        raise QueryError(f"choose a paragraph from ¶1 to ¶{n}, not {paragraph!r}")
    st = structure(article)
    shape = st.paragraphs[paragraph - 1]
    role = st.roles[paragraph - 1]
    colour = safe_colour(role_colour(role.role))
    head = (f"<div style='{SANS}; font-size: 1.15em; margin: 0.3em 0'><b>¶{paragraph}</b> is "
            f"<span style='background: {tint(colour, HIGHLIGHT_ALPHA)}; border-bottom: 0.2em solid {colour}; "
            f"padding: 0 0.2em; font-weight: bold'>{esc(role.role)}</span>"
            f"{'' if role.is_body else ' (page furniture)'}</div>"
            f"<div style='{SANS}; margin: 0.2em 0 0.5em 0'><b>Why:</b> {esc(role.reason or 'no rule fired: body text')}</div>")
    figures = html_table(_heads("words", "sentences", "quoted words", "quote share"),
                         [(shape.words, shape.sentences, shape.quoted_words, percent(shape.quote_share))],
                         numeric=[0, 1, 2, 3])
    quotes = [s for s in quote_layer(article).spans if s.start < shape.end and s.end > shape.start]
    body = highlight_html(article, [Span(*s) for s in quotes], paragraphs=[paragraph - 1],
                          note="Quotes in this paragraph, coloured by speaker." if quotes else "")
    furniture = [r for r in st.roles if not r.is_body]
    listed = ", ".join(f"¶{r.number} {r.role}" for r in furniture) or "none found"
    how = "counted as running text" if include_furniture else "left out"
    rows = [_short_cells(r, long=(1,)) for r in _furniture_rows(article, include_furniture)]
    whole = html_table(("whole article", "value"), rows, caption=f"Page furniture {how}: {listed}.")
    return f"<div class='nk-structure-view'>{head}{figures}{body}{whole}</div>"


# --- compare ---------------------------------------------------------------------------------


def _fig_sources(a: Article) -> Any:
    from .. import plots

    return plots.source_share(a.sources())


def _fig_timeline(a: Article) -> Any:
    from .. import plots

    return plots.speaker_timeline(a.quotes(), len(a.paragraphs))


def _fig_structure(a: Article) -> Any:
    from .. import plots

    return plots.structure_map(a.structure())


def _fig_frequencies(a: Article) -> Any:
    from .. import plots

    return plots.frequency_bars(a.frequencies(top=15))


def _fig_keywords(a: Article) -> Any:
    from .. import plots

    return plots.keyness_bars(a.keywords(top=15))


def _fig_tone(a: Article) -> Any:
    from .. import plots

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


def _overview_rows(article: Article) -> list[tuple[str, str]]:
    """The at-a-glance rows of one article (:func:`newskit.analysis.at_a_glance`): (measure, value)."""
    from ..analysis import at_a_glance

    return at_a_glance(article)


def compare_view(article_a: Article, article_b: Article, measure: str = "overview") -> str:
    """Two articles on the same measure (a key of :data:`COMPARE_MEASURES`): the numbers side by side, or the
    two charts one above the other, each as wide as the notebook, on the same scale (same axis limits).

    >>> import newskit
    >>> a = newskit.sample()
    >>> "most quoted source" in compare_view(a, a, "overview")
    True
    """
    from .. import plots

    if measure not in COMPARE_MEASURES:
        raise QueryError(f"unknown measure {measure!r}; choose one of: {', '.join(COMPARE_MEASURES)}")
    title_a, title_b = _title_of(article_a), _title_of(article_b)
    _, build = COMPARE_MEASURES[measure]
    if build is None:
        a_rows, b_rows = _overview_rows(article_a), _overview_rows(article_b)
        rows = [_short_cells((label, va, vb), long=(1, 2)) for (label, va), (_, vb) in zip(a_rows, b_rows, strict=True)]
        return f"<div class='nk-compare'>{html_table(('measure', 'A: ' + title_a, 'B: ' + title_b), rows)}</div>"
    figs: list[Any] = []
    errors: list[str] = []
    for art in (article_a, article_b):
        out: list[Any] = []
        errors.append(safe_view(lambda art=art, out=out: out.append(build(art)) or ""))
        figs.append(out[0] if out else None)
    plots.same_scale([f for f in figs if f is not None])
    parts = []
    for tag, title, fig, err in zip("AB", (title_a, title_b), figs, errors, strict=True):
        inner = err or safe_view(lambda fig=fig: plots.figure_html(fig))
        parts.append(f"<div style='{SANS}; font-weight: bold; margin: 0.6em 0 0.2em 0'>{tag}: {esc(title)}</div>{inner}")
    return (f"<div class='nk-compare'><div style='{SMALL}'>Both charts use the same scale, so their bars and "
            f"lines can be compared directly.</div>{''.join(parts)}</div>")
