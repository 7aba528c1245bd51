"""Highlights: analysis results turned into plain span data that the views draw.

Analyses find spans (character offsets into ``article.text``); this module turns each result
into a :class:`Layer`: spans (start, end, label, colour, hover title) and a legend, as displaCy
takes plain span dictionaries. :func:`newskit.core.markup.highlight_html` (re-exported here)
draws them: the headline and numbered paragraphs with every span marked, overlapping spans split
into flat segments, a legend explaining the colours. ``Article.show()`` and the widgets and the
report all use it.

Layer builders: :func:`quote_layer` (quotes coloured by speaker), :func:`role_layer`,
:func:`loaded_layer`, :func:`hedge_layer`, :func:`passive_layer`, :func:`label_layer`.

The colours come from :mod:`newskit.core.palette` (the Okabe–Ito palette, safe for the common
forms of colour blindness), re-exported here; :mod:`newskit.plots` uses the same one.

>>> import newskit
>>> from newskit import highlight
>>> art = newskit.from_text("Rain\\n\\nIt will <rain>, she said.")
>>> html = highlight.highlight_html(art, [(art.text.index("It"), art.text.index(","), "claim", "#E69F00", "a claim")])
>>> "&lt;rain&gt;" in html and "<rain>" not in html
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .core.markup import Span, error_html, highlight_html, legend_from, legend_html
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
    tint,
)

if TYPE_CHECKING:  # pragma: no cover
    from .article import Article
    from .sources import Quote, SourceTable

__all__ = [
    "OKABE_ITO", "PALETTE", "GREY", "CATEGORY_COLOURS", "ROLE_COLOURS",
    "LOADED_COLOURS", "HEDGE_COLOURS", "Span", "Layer", "LAYERS",
    "colour_for", "category_colour", "role_colour", "speaker_colours", "tint",
    "highlight_html", "highlight_text", "legend_html", "error_html", "layer", "view", "HighlightedArticle",
    "quote_layer", "role_layer", "loaded_layer", "hedge_layer", "passive_layer", "label_layer",
]

#: Colours of the passives layer: agentless, with an agent, the agent itself.
PASSIVE_COLOURS: dict[str, str] = {"agentless passive": OKABE_ITO["vermillion"], "passive with agent": OKABE_ITO["blue"],
                                   "agent": OKABE_ITO["bluish green"]}


def speaker_colours(table: SourceTable) -> dict[str, str]:
    """One colour per source (key: lower-case name), in the order of the sources table.

    >>> import newskit
    >>> cols = speaker_colours(newskit.sample().sources())
    >>> cols["mahmud nuri"]
    '#009E73'
    """
    return {row.source.name.lower(): colour_for(i) for i, row in enumerate(table.rows)}


# ---------------------------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------------------------


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
    if q.reason:
        bits.append(f"why: {q.reason}")
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
    legend = tuple(sorted(legend_from(spans), key=lambda x: order.get(x[0], 99)))
    note = "Each paragraph coloured by the job it does in the story. Hover for the rule that decided it."
    return Layer("paragraph roles", tuple(spans), legend, note)


def _voice(quoted: bool) -> str:
    return "inside a quote (a source's words)" if quoted else "reporter's own words"


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
            spans.append(Span(p.start, p.end, "agentless passive", PASSIVE_COLOURS["agentless passive"],
                              f"agentless passive: {p.text} — who did it is not said"))
        else:
            spans.append(Span(p.start, p.end, "passive with agent", PASSIVE_COLOURS["passive with agent"],
                              f"passive with agent: {p.text}"))
            if p.agent_span:
                spans.append(Span(p.agent_span[0], p.agent_span[1], "agent", PASSIVE_COLOURS["agent"],
                                  f"agent: by {p.agent}"))
    return Layer("passives", tuple(spans), legend_from(spans),
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


# ---------------------------------------------------------------------------------------------
# Plain text: marked spans in brackets, for print() and a terminal
# ---------------------------------------------------------------------------------------------

#: How a marked span reads in plain text: «the marked words»[label].
MARK_OPEN, MARK_CLOSE = "«", "»"


def _text_block(text: str, lo: int, hi: int, spans: Sequence[Span]) -> str:
    """text[lo:hi] with each flat segment under one or more spans written «segment»[labels, innermost first]."""
    cuts = sorted({lo, hi} | {min(max(x, lo), hi) for s in spans for x in (s.start, s.end)})
    starts: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(max(s.start, lo), []).append(s)
    active: list[Span] = []
    parts: list[str] = []
    for x, y in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s.end > x] + starts.get(x, [])
        segment = text[x:y]
        if not active:
            parts.append(segment)
            continue
        labels = ", ".join(dict.fromkeys(s.label for s in sorted(active, key=lambda s: s.end - s.start)))
        parts.append(f"{MARK_OPEN}{segment}{MARK_CLOSE}[{labels}]")
    return "".join(parts)


def highlight_text(article: Article, spans: Iterable[Any] = (), legend: Sequence[tuple[str, str]] | None = None, *,
                   heading: str = "") -> str:
    """Plain text of *article* (headline, numbered paragraphs) with each span written «words»[label], then a legend.

    *spans* are :class:`Span` (or tuples, or a :class:`Layer`, as for :func:`highlight_html`);
    overlapping spans are split into flat segments, each with the labels of every span on it
    (the innermost first). The legend lists the labels (from the spans when *legend* is None).

    >>> import newskit
    >>> art = newskit.from_text("Rain\\n\\nIt will rain, she said.")
    >>> print(highlight_text(art, [(art.text.index("It"), art.text.index(","), "claim", "#E69F00")], heading="Claims"))
    Claims: marked «like this»[label]
    Labels: claim
    <BLANKLINE>
    Rain
    <BLANKLINE>
    ¶1 «It will rain»[claim], she said.
    """
    if hasattr(spans, "spans") and hasattr(spans, "legend"):
        legend = spans.legend if legend is None else legend
        spans = spans.spans
    body = article.text
    clean = sorted((Span(max(0, int(sp.start)), min(len(body), int(sp.end)), str(sp.label), str(sp.colour), str(sp.title))
                    for sp in (x if isinstance(x, Span) else Span(*x) for x in spans)), key=lambda s: (s.start, -s.end))
    clean = [s for s in clean if s.end > s.start]
    labels = [label for label, _ in (legend_from(clean) if legend is None else legend)]
    lines = [f"{heading or 'Highlights'}: marked {MARK_OPEN}like this{MARK_CLOSE}[label]",
             f"Labels: {', '.join(labels) if labels else '(nothing marked)'}", ""]
    blocks = [(lo, hi, "") for lo, hi in ([article.headline_span] if article.headline_span else [])]
    blocks += [(p.start, p.end, f"¶{p.number} ") for p in article.paragraphs]
    for lo, hi, prefix in blocks:
        inside = [s for s in clean if s.start < hi and s.end > lo]
        lines += [prefix + _text_block(body, lo, hi, inside), ""]
    return "\n".join(lines).rstrip("\n")


@dataclass(frozen=True)
class HighlightedArticle:
    """A highlighted article: its HTML displays itself in a notebook; ``str()`` (and ``print()``) gives plain
    text with the marked spans in brackets, «words»[label], and the legend's labels."""

    html: str = field(repr=False)
    layer: str
    text: str = field(default="", repr=False)

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.text or self.html


def view(article: Article, name: str = "quotes") -> HighlightedArticle:
    """The article with the highlights of layer *name*, as a displayable object (``print()`` it for plain text).

    >>> import newskit
    >>> shown = view(newskit.sample(), "passives")
    >>> "<mark" in shown.html, "<mark" in str(shown), "»[agentless passive]" in str(shown)
    (True, False, True)
    """
    lay = layer(article, name)
    return HighlightedArticle(highlight_html(article, lay), name,
                              highlight_text(article, lay, heading=LAYERS[name][0]))
