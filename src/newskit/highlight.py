"""The article as HTML with highlighted spans: the one view that widgets and the report share.

Analyses find spans (character offsets into ``article.text``); this module
turns them into HTML. :func:`highlight_html` draws the headline and numbered
paragraphs with every span marked; hovering a mark shows what it is (its
``title``); a legend explains the colours. Overlapping and nested spans are
split into non-overlapping segments: a segment takes the colour of the
innermost span covering it, is underlined in the colour of the span around
it, and its hover text names every span covering it.

Layer builders turn an analysis result into spans with a legend:
:func:`quote_layer` (quotes coloured by speaker), :func:`role_layer`,
:func:`loaded_layer`, :func:`hedge_layer`, :func:`passive_layer`,
:func:`label_layer`.

Every piece of article text, every label and every title is escaped with
``html.escape(..., quote=True)``; colours are checked, so a span cannot
inject markup or styles.

The colours are the Okabe–Ito palette, safe for the common forms of colour
blindness; :mod:`newskit.plots` uses the same one.

>>> import newskit
>>> from newskit import highlight
>>> art = newskit.from_text("Rain\\n\\nIt will <rain>, she said.")
>>> html = highlight.highlight_html(art, [(art.text.index("It"), art.text.index(","), "claim", "#E69F00", "a claim")])
>>> "&lt;rain&gt;" in html and "<rain>" not in html
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from .core.palette import (
    CATEGORY_COLOURS,
    GREY,
    HEDGE_COLOURS,
    LOADED_COLOURS,
    OKABE_ITO,
    PALETTE,
    ROLE_COLOURS,
    category_colour,
    colour_for,
    role_colour,
    safe_colour,
    tint,
)

if TYPE_CHECKING:  # pragma: no cover
    from .article import Article
    from .sources import Quote, SourceTable

__all__ = [
    "OKABE_ITO", "PALETTE", "GREY", "CATEGORY_COLOURS", "ROLE_COLOURS",
    "LOADED_COLOURS", "HEDGE_COLOURS", "Span", "Layer", "LAYERS",
    "colour_for", "category_colour", "role_colour", "speaker_colours", "tint",
    "highlight_html", "legend_html", "error_html", "layer",
    "quote_layer", "role_layer", "loaded_layer", "hedge_layer", "passive_layer", "label_layer",
]

# ---------------------------------------------------------------------------------------------
# The palette
# ---------------------------------------------------------------------------------------------

def speaker_colours(table: SourceTable) -> dict[str, str]:
    """One colour per source (key: lower-case name), in the order of the sources table.

    >>> import newskit
    >>> cols = speaker_colours(newskit.sample().sources())
    >>> cols["mahmud nuri"]
    '#009E73'
    """
    return {row.source.name.lower(): colour_for(i) for i, row in enumerate(table.rows)}


# ---------------------------------------------------------------------------------------------
# Spans and layers
# ---------------------------------------------------------------------------------------------


class Span(NamedTuple):
    """A highlighted span: ``article.text[start:end]``, a short ``label`` (legend), a ``colour``, a hover ``title``."""

    start: int
    end: int
    label: str
    colour: str
    title: str = ""


@dataclass(frozen=True)
class Layer:
    """A set of highlights built from one analysis: its ``spans``, a ``legend`` of (label, colour), a ``note``.

    A layer can be passed to :func:`highlight_html` wherever spans are expected.
    """

    name: str
    spans: tuple[Span, ...] = ()
    legend: tuple[tuple[str, str], ...] = ()
    note: str = ""

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: name, note, legend and spans (start, end, label, colour, title)."""
        return {"name": self.name, "note": self.note, "legend": [list(x) for x in self.legend],
                "spans": [s._asdict() for s in self.spans]}


def _legend_from(spans: Iterable[Span]) -> tuple[tuple[str, str], ...]:
    seen: dict[str, str] = {}
    for s in spans:
        seen.setdefault(s.label, s.colour)
    return tuple(seen.items())


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------

_BOX = ("font-family: Georgia, 'Times New Roman', serif; font-size: 15px; line-height: 1.6; "
        "max-width: 48em; color: inherit")
_PNUM = ("display: inline-block; min-width: 2.6em; color: #777; font-family: sans-serif; font-size: 12px; "
         "user-select: none")


def _esc(s: object) -> str:
    return html.escape(str(s), quote=True)


def legend_html(legend: Sequence[tuple[str, str]], note: str = "") -> str:
    """The legend: a swatch and an escaped label for each (label, colour), then an optional note.

    >>> "&lt;b&gt;" in legend_html([("<b>", "#E69F00")])
    True
    """
    items = "".join(
        f"<span class='nk-legend-item' style='display:inline-block; margin: 0 1em 0.3em 0; white-space: nowrap'>"
        f"<span style='display:inline-block; width: 1.1em; height: 0.9em; vertical-align: middle; "
        f"background: {tint(c, 0.45)}; border-bottom: 3px solid {safe_colour(c)}; margin-right: 0.35em'></span>"
        f"{_esc(label)}</span>"
        for label, c in legend
    )
    note_html = f"<div style='color:#666; font-size: 12px'>{_esc(note)}</div>" if note else ""
    if not items and not note_html:
        return ""
    return (f"<div class='nk-legend' style='font-family: sans-serif; font-size: 13px; margin: 0.3em 0 0.8em 0'>"
            f"{items}{note_html}</div>")


def error_html(message: object, kind: str = "error") -> str:
    """A readable, escaped error box (used by the widgets when a control's view fails).

    >>> "&lt;x&gt;" in error_html("bad <x>")
    True
    """
    return (f"<div class='nk-error' role='alert' style='border-left: 4px solid #D55E00; background: rgba(213, 94, 0, 0.08); "
            f"padding: 0.5em 0.8em; font-family: sans-serif; font-size: 14px'><b>{_esc(kind)}:</b> {_esc(message)}</div>")


def _clean_spans(spans: Iterable[Any], n: int) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        sp = s if isinstance(s, Span) else Span(*s)
        start, end = max(0, int(sp.start)), min(n, int(sp.end))
        if end > start:
            out.append(Span(start, end, str(sp.label), safe_colour(sp.colour), str(sp.title or sp.label)))
    out.sort(key=lambda s: (s.start, -s.end))
    return out


def _mark(text: str, active: list[Span]) -> str:
    if not active:
        return _esc(text)
    # innermost = the shortest span; outer ones show as its underline colour and in the hover text
    ordered = sorted(active, key=lambda s: (-(s.end - s.start), s.start))
    inner = ordered[-1]
    outer = ordered[-2] if len(ordered) > 1 else inner
    titles: list[str] = []
    for s in ordered:
        if s.title not in titles:
            titles.append(s.title)
    labels = " ".join(dict.fromkeys(s.label for s in ordered))
    style = (f"background: {tint(inner.colour)}; border-bottom: 2px solid {outer.colour}; color: inherit; "
             f"padding: 0 1px; border-radius: 2px")
    return (f"<mark data-label=\"{_esc(inner.label)}\" data-labels=\"{_esc(labels)}\" title=\"{_esc(' | '.join(titles))}\" "
            f"style=\"{style}\">{_esc(text)}</mark>")


def _render_block(text: str, lo: int, hi: int, spans: list[Span]) -> str:
    """Escaped HTML of text[lo:hi] with *spans* (all overlapping [lo, hi)) split into flat segments."""
    if not spans:
        return _esc(text[lo:hi])
    events: dict[int, tuple[list[Span], list[Span]]] = {}
    for s in spans:
        a, b = max(lo, s.start), min(hi, s.end)
        events.setdefault(a, ([], []))[0].append(s)
        events.setdefault(b, ([], []))[1].append(s)
    points = sorted(set(events) | {lo, hi})
    active: dict[int, Span] = {}
    parts: list[str] = []
    for x, y in zip(points, points[1:], strict=False):
        starts, ends = events.get(x, ([], []))
        for s in ends:
            active.pop(id(s), None)
        for s in starts:
            active[id(s)] = s
        if y > x:
            parts.append(_mark(text[x:y], list(active.values())))
    return "".join(parts)


def highlight_html(article: Article, spans: Iterable[Any] = (), legend: Sequence[tuple[str, str]] | bool | None = None, *,
                   note: str = "", heading: str | None = None, paragraphs: Iterable[int] | None = None) -> str:
    """Escaped HTML of the article (headline, numbered paragraphs) with *spans* highlighted.

    *spans* are :class:`Span` or plain tuples ``(start, end, label, colour, title)`` with offsets
    into ``article.text``; a :class:`Layer` works too (its legend and note are used). Overlapping
    spans are split into flat segments (the innermost span colours a segment; the hover text lists
    every span on it). *legend*: a list of (label, colour), ``None`` to build it from the spans,
    ``False`` for none. *paragraphs*: indexes of the paragraphs to show (default all; the headline
    is shown only with all paragraphs).

    >>> import newskit
    >>> art = newskit.sample()
    >>> q = art.quotes()[2]
    >>> out = highlight_html(art, [(q.start, q.end, "Mahmud Nuri", "#009E73", "quote by Mahmud Nuri")])
    >>> out.count("<mark"), "title=\\"quote by Mahmud Nuri\\"" in out
    (1, True)
    """
    if isinstance(spans, Layer):
        lay = spans
        if legend is None:
            legend = lay.legend
        note = note or lay.note
        spans = lay.spans
    text = article.text
    clean = _clean_spans(spans, len(text))
    if legend is None:
        legend = _legend_from(clean)
    blocks: list[tuple[str, int, int, int | None]] = []  # (kind, start, end, paragraph number)
    wanted = None if paragraphs is None else set(paragraphs)
    if article.headline_span is not None and wanted is None:
        blocks.append(("h", article.headline_span[0], article.headline_span[1], None))
    for p in article.paragraphs:
        if wanted is None or p.index in wanted:
            blocks.append(("p", p.start, p.end, p.number))
    parts = [f"<div class='newskit-highlight' style=\"{_BOX}\">"]
    if heading:
        parts.append(f"<div style='font-family: sans-serif; font-weight: bold; margin-bottom: 0.3em'>{_esc(heading)}</div>")
    if legend:
        parts.append(legend_html(legend, note))
    elif note:
        parts.append(legend_html((), note))
    i = 0
    live: list[Span] = []
    for kind, lo, hi, number in blocks:
        while i < len(clean) and clean[i].start < hi:
            live.append(clean[i])
            i += 1
        live = [s for s in live if s.end > lo]
        here = [s for s in live if s.start < hi]
        body = _render_block(text, lo, hi, here)
        if kind == "h":
            parts.append(f"<h3 class='nk-headline' style='font-size: 1.35em; margin: 0.2em 0 0.6em 0'>{body}</h3>")
        else:
            parts.append(f"<p class='nk-para' data-paragraph='{number}' style='margin: 0 0 0.7em 0'>"
                         f"<span class='nk-pnum' style='{_PNUM}'>¶{number}</span>{body}</p>")
    parts.append("</div>")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# Layer builders: analysis results -> spans
# ---------------------------------------------------------------------------------------------


def _quote_title(q: Quote) -> str:
    who = q.speaker.name if q.speaker else "no speaker found"
    if q.speaker and q.speaker.descriptor:
        who += f" ({q.speaker.descriptor})"
    bits = [f"{'partial' if q.partial else 'direct'} quote", who]
    if q.verb:
        bits.append(f"verb: {q.verb}")
    if q.channel:
        bits.append(f"via {q.channel}")
    if q.speaker:
        bits.append(f"category: {q.speaker.category}")
    return " — ".join(bits)


def quote_layer(article: Article, speaker: str | None = None) -> Layer:
    """Direct quotes coloured by speaker (one colour per source, grey when nobody is found).

    With *speaker* (a source's name), only that source's quotes are coloured and the other
    quotes are shown in grey as "other speakers".

    >>> import newskit
    >>> lay = quote_layer(newskit.sample())
    >>> lay.legend[2], len(lay.spans) >= 9
    (('Mahmud Nuri', '#009E73'), True)
    """
    from .sources import quotes, sources

    table = sources(article)
    colours = speaker_colours(table)
    want = speaker.lower() if speaker else None
    spans: list[Span] = []
    legend: dict[str, str] = {}
    if want is None:
        for row in table.rows:
            legend[row.source.name] = colours[row.source.name.lower()]
    for q in quotes(article):
        key = q.speaker.name.lower() if q.speaker else None
        if want is not None:
            if key == want:
                label, colour = q.speaker.name, colours.get(key, colour_for(0))  # type: ignore[union-attr]
            else:
                label, colour = "other speakers", GREY
        elif key is None:
            label, colour = "no speaker found", GREY
        else:
            label, colour = q.speaker.name, colours.get(key, GREY)  # type: ignore[union-attr]
        legend.setdefault(label, colour)
        title = _quote_title(q)
        for s, e in q.pieces:
            spans.append(Span(s, e, label, colour, title))
    if want is not None:
        legend = {k: v for k, v in legend.items() if k != "other speakers"} | (
            {"other speakers": GREY} if "other speakers" in legend else {})
    note = "Direct quotes, coloured by speaker. Hover over a quote to see who said it, the verb and the channel."
    return Layer("quotes", tuple(spans), tuple(legend.items()), note)


def _result(article: Article, module: str, func: str, result: Any) -> Any:
    if result is not None:
        return result
    import importlib

    mod = importlib.import_module(f".{module}", __package__)
    return getattr(mod, func)(article)


def role_layer(article: Article, structure: Any = None) -> Layer:
    """Each paragraph coloured by its role (lede, body, quote-led, caption, ...) from :func:`newskit.structure.structure`.

    >>> import newskit
    >>> lay = role_layer(newskit.sample())
    >>> lay.spans[0].label, len(lay.spans) == len(newskit.sample().paragraphs)
    ('lede', True)
    """
    st = _result(article, "structure", "structure", structure)
    spans: list[Span] = []
    for r in st.roles:
        title = f"¶{r.number}: {r.role}" + (f" — {r.reason}" if r.reason else "")
        spans.append(Span(r.start, r.end, r.role, role_colour(r.role), title))
    order = {role: i for i, role in enumerate(ROLE_COLOURS)}
    legend = tuple(sorted(_legend_from(spans), key=lambda x: order.get(x[0], 99)))
    note = "Each paragraph coloured by the job it does in the story. Hover for the rule that decided it."
    return Layer("paragraph roles", tuple(spans), legend, note)


def _voice(quoted: bool) -> str:
    return "inside a quote (a source's words)" if quoted else "reporter's own words"


#: Colours of the loaded-word categories of :func:`newskit.language.loaded_words`.
#: Colours of the hedge categories of :func:`newskit.language.hedges`.


def loaded_layer(article: Article, loaded: Any = None) -> Layer:
    """Loaded words by category (emotive, intensifier, negative, positive) from :func:`newskit.language.loaded_words`.

    >>> import newskit
    >>> "despicable" in [newskit.sample().text[s.start:s.end] for s in loaded_layer(newskit.sample()).spans]
    True
    """
    res = _result(article, "language", "loaded_words", loaded)
    spans = [Span(h.start, h.end, h.category, LOADED_COLOURS.get(h.category, GREY),
                  f"{h.category} word: {h.text}" + (f" (polarity: {h.polarity})" if h.polarity else "")
                  + f" — {_voice(h.quoted)}")
             for h in res.hits]
    legend = tuple((k, c) for k, c in LOADED_COLOURS.items() if any(s.label == k for s in spans))
    return Layer("loaded words", tuple(spans), legend,
                 "Evaluative and emotive words. Hover to see whether the reporter or a quoted source uses each one.")


def hedge_layer(article: Article, hedges: Any = None) -> Layer:
    """Hedges, boosters and modal verbs, one colour per category (from :func:`newskit.language.hedges`).

    >>> import newskit
    >>> sorted({s.label for s in hedge_layer(newskit.sample()).spans}) >= ["booster"]
    True
    """
    res = _result(article, "language", "hedges", hedges)
    spans = [Span(h.start, h.end, h.category, HEDGE_COLOURS.get(h.category, GREY),
                  f"{h.category} ({h.kind}): {h.text} — {_voice(h.quoted)}") for h in res.hits]
    legend = tuple((k, c) for k, c in HEDGE_COLOURS.items() if any(s.label == k for s in spans))
    return Layer("hedges", tuple(spans), legend,
                 "Hedges soften a claim (reportedly, as many as), boosters harden it (clearly), modal verbs mark "
                 "possibility or obligation.")


def passive_layer(article: Article, passives: Any = None) -> Layer:
    """Passive constructions: agentless in vermillion, with an agent in blue (the agent itself in green).

    From :func:`newskit.language.passives`.

    >>> import newskit
    >>> "the Americans" in [s.title.split("by ")[-1] for s in passive_layer(newskit.sample()).spans]
    True
    """
    res = _result(article, "language", "passives", passives)
    spans: list[Span] = []
    for p in res.items:
        if p.agent is None:
            spans.append(Span(p.start, p.end, "agentless passive", "#D55E00",
                              f"agentless passive: {p.text} — who did it is not said"))
        else:
            spans.append(Span(p.start, p.end, "passive with agent", "#0072B2", f"passive with agent: {p.text}"))
            if p.agent_span:
                spans.append(Span(p.agent_span[0], p.agent_span[1], "agent", "#009E73", f"agent: by {p.agent}"))
    return Layer("passives", tuple(spans), _legend_from(spans),
                 "Passive verbs. An agentless passive ('was abandoned') leaves out who did it.")


def label_layer(article: Article, labels: Any = None, top: int = len(PALETTE)) -> Layer:
    """The words used to name each actor: one colour for each of the *top* most mentioned actors, grey for the rest.

    From :func:`newskit.language.labels`; hover a mention to see the actor and all its labels.

    >>> import newskit
    >>> len(label_layer(newskit.sample()).legend) <= 8
    True
    """
    res = _result(article, "language", "labels", labels)
    spans: list[Span] = []
    legend: list[tuple[str, str]] = []
    other = False
    for gi, g in enumerate(res.groups):
        colour = colour_for(gi) if gi < top else GREY
        label = g.name if gi < top else "other actors"
        if gi < top:
            legend.append((g.name, colour))
        else:
            other = True
        all_labels = ", ".join(lb.text for lb in g.labels)
        for lb in g.labels:
            for s, e in lb.spans:
                spans.append(Span(s, e, label, colour,
                                  f"{g.name} ({g.kind}) named as “{lb.text}” — all its labels: {all_labels}"))
    if other:
        legend.append(("other actors", GREY))
    return Layer("labels", tuple(spans), tuple(legend),
                 "How the article names each actor. Compare the words chosen for each one.")


#: The layers a viewer can switch between: key -> (display name, builder).
LAYERS = {
    "quotes": ("Quotes by speaker", quote_layer),
    "roles": ("Paragraph roles", role_layer),
    "loaded": ("Loaded words", loaded_layer),
    "hedges": ("Hedges and boosters", hedge_layer),
    "passives": ("Passives", passive_layer),
    "labels": ("Labels for actors", label_layer),
}


def layer(article: Article, name: str) -> Layer:
    """Build the layer called *name* (a key of :data:`LAYERS`).

    >>> import newskit
    >>> layer(newskit.sample(), "quotes").name
    'quotes'
    """
    from .errors import QueryError

    try:
        _, build = LAYERS[name]
    except KeyError:
        raise QueryError(f"unknown highlight layer {name!r}; choose one of: {', '.join(LAYERS)}") from None
    return build(article)


@dataclass(frozen=True)
class HighlightedArticle:
    """Highlighted article HTML that displays itself in a notebook (``str()`` gives the HTML)."""

    html: str
    layer: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def view(article: Article, name: str = "quotes") -> HighlightedArticle:
    """The article with the highlights of layer *name*, as a displayable object.

    >>> import newskit
    >>> "<mark" in str(view(newskit.sample(), "passives"))
    True
    """
    return HighlightedArticle(highlight_html(article, layer(article, name)), name)
