"""HTML markup shared by the views: a text with highlighted spans, its legend, message boxes.

:func:`highlight_html` draws a text's headline and numbered paragraphs with every span marked
(the data comes from :mod:`newskit.highlight`, which turns analysis results into spans, as
displaCy's ``render`` takes plain span dictionaries). Hovering a mark shows what it is (its
``title``); a legend explains the colours. Overlapping and nested spans are split into
non-overlapping segments: a segment takes the colour of the innermost span covering it, is
underlined in the colour of the span around it, and its hover text names every span covering it.

Every piece of text, every label and every title is escaped; colours are checked
(:func:`newskit.core.palette.safe_colour`), so a span cannot inject markup or styles. Sizes are in
``em``, never pixels, so everything follows the notebook's font size and zoom (a projector), and
highlights are tinted with :data:`newskit.core.palette.HIGHLIGHT_ALPHA`.

>>> from newskit.core.text import Text
>>> t = Text.parse("Rain\\n\\nIt will <rain>, she said.")
>>> html = highlight_html(t, [(t.text.index("It"), t.text.index(","), "claim", "#E69F00", "a claim")])
>>> "&lt;rain&gt;" in html and "<rain>" not in html
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .fmt import Html, esc
from .palette import HIGHLIGHT_ALPHA, OKABE_ITO, safe_colour, tint

if TYPE_CHECKING:  # pragma: no cover
    from .text import Text

__all__ = ["Span", "highlight_html", "legend_html", "legend_from", "error_html", "notice_html", "nowrap",
           "SANS", "BOX", "SMALL", "MUTED"]

#: The sans-serif font of labels, legends and tables.
SANS = "font-family: var(--jp-ui-font-family, sans-serif)"
#: The article's text: a serif at a reading size, as wide as the notebook column.
BOX = "font-family: Georgia, 'Times New Roman', serif; font-size: 1.1em; line-height: 1.6; color: inherit"
#: Small print (notes, captions): smaller, a little faded, still readable on a projector.
SMALL = f"{SANS}; font-size: 0.85em; opacity: 0.8"
#: Faded text (paragraph numbers, hints) that keeps the theme's colour, light or dark.
MUTED = "opacity: 0.7"

_PNUM = (f"display: inline-block; min-width: 2.6em; {SANS}; font-size: 0.8em; {MUTED}; user-select: none")
_ALERT = OKABE_ITO["vermillion"]
_OK = OKABE_ITO["bluish green"]
_INFO = OKABE_ITO["blue"]


class Span(NamedTuple):
    """A highlighted span: ``text[start:end]``, a short ``label`` (legend), a ``colour``, a hover ``title``."""

    start: int
    end: int
    label: str
    colour: str
    title: str = ""


def legend_from(spans: Iterable[Span]) -> tuple[tuple[str, str], ...]:
    """(label, colour) of each label, in order of first use.

    >>> legend_from([Span(0, 1, "a", "#000"), Span(2, 3, "a", "#fff")])
    (('a', '#000'),)
    """
    seen: dict[str, str] = {}
    for s in spans:
        seen.setdefault(s.label, s.colour)
    return tuple(seen.items())


def nowrap(value: object) -> Html:
    """A table cell that does not wrap ("furious" stays on one line): escaped text in a no-wrap span.

    >>> nowrap("<b> c")
    "<span style='white-space:nowrap'>&lt;b&gt; c</span>"
    """
    return Html(f"<span style='white-space:nowrap'>{esc(value)}</span>")


def legend_html(legend: Sequence[tuple[str, str]], note: str = "") -> str:
    """The legend: a swatch and an escaped label for each (label, colour), then an optional note.

    >>> "&lt;b&gt;" in legend_html([("<b>", "#E69F00")])
    True
    """
    items = "".join(
        f"<span class='nk-legend-item' style='display:inline-block; margin: 0 1em 0.3em 0; white-space: nowrap'>"
        f"<span style='display:inline-block; width: 1.1em; height: 0.9em; vertical-align: middle; "
        f"background: {tint(c, HIGHLIGHT_ALPHA)}; border-bottom: 0.2em solid {safe_colour(c)}; margin-right: 0.35em'></span>"
        f"{esc(label)}</span>"
        for label, c in legend
    )
    note_html = f"<div style='{SMALL}'>{esc(note)}</div>" if note else ""
    if not items and not note_html:
        return ""
    return f"<div class='nk-legend' style='{SANS}; font-size: 0.95em; margin: 0.3em 0 0.8em 0'>{items}{note_html}</div>"


def _box(cls: str, colour: str, kind: str, message: object, role: str = "status") -> str:
    return (f"<div class='{cls}' role='{role}' style='border-left: 0.3em solid {colour}; background: {tint(colour, 0.1)}; "
            f"padding: 0.5em 0.8em; margin: 0.3em 0; {SANS}'><b>{esc(kind)}</b> {esc(message)}</div>")


def error_html(message: object, kind: str = "error") -> str:
    """A readable, escaped error box (used by the widgets when a control's view fails).

    >>> "&lt;x&gt;" in error_html("bad <x>")
    True
    """
    return _box("nk-error", _ALERT, f"{kind}:", message, role="alert")


def notice_html(message: object, kind: str = "", ok: bool = True) -> str:
    """A readable, escaped message box: green for done (*ok*), blue for a hint.

    >>> notice_html("Run the cells below.", "Loaded.").startswith("<div class='nk-notice'")
    True
    """
    return _box("nk-notice", _OK if ok else _INFO, kind, message)


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
        return esc(text)
    # innermost = the shortest span; outer ones show as its underline colour and in the hover text
    ordered = sorted(active, key=lambda s: (-(s.end - s.start), s.start))
    inner = ordered[-1]
    outer = ordered[-2] if len(ordered) > 1 else inner
    titles: list[str] = []
    for s in ordered:
        if s.title not in titles:
            titles.append(s.title)
    labels = " ".join(dict.fromkeys(s.label for s in ordered))
    style = (f"background: {tint(inner.colour, HIGHLIGHT_ALPHA)}; border-bottom: 0.15em solid {outer.colour}; "
             f"color: inherit; padding: 0 0.1em; border-radius: 0.15em")
    return (f"<mark data-label=\"{esc(inner.label)}\" data-labels=\"{esc(labels)}\" title=\"{esc(' | '.join(titles))}\" "
            f"style=\"{style}\">{esc(text)}</mark>")


def _render_block(text: str, lo: int, hi: int, spans: list[Span]) -> str:
    """Escaped HTML of text[lo:hi] with *spans* (all overlapping [lo, hi)) split into flat segments."""
    if not spans:
        return esc(text[lo:hi])
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


def highlight_html(text: Text, spans: Iterable[Any] = (), legend: Sequence[tuple[str, str]] | bool | None = None, *,
                   note: str = "", heading: str | None = None, paragraphs: Iterable[int] | None = None) -> str:
    """Escaped HTML of *text* (a :class:`~newskit.core.text.Text` or an Article: headline, numbered paragraphs)
    with *spans* highlighted.

    *spans* are :class:`Span` or plain tuples ``(start, end, label, colour, title)`` with offsets
    into ``text.text``; a layer (an object with ``spans``, ``legend`` and ``note``, as
    :class:`newskit.highlight.Layer`) works too. Overlapping spans are split into flat segments
    (the innermost span colours a segment; the hover text lists every span on it). *legend*: a
    list of (label, colour), ``None`` to build it from the spans, ``False`` for none.
    *paragraphs*: indexes of the paragraphs to show (default all; the headline is shown only with
    all paragraphs).

    >>> from newskit.core.text import Text
    >>> t = Text.parse("Head\\n\\nabcdef")
    >>> out = highlight_html(t, [Span(6, 9, "x", "#009E73", "a <span>")])
    >>> out.count("<mark"), 'title="a &lt;span&gt;"' in out
    (1, True)
    """
    if hasattr(spans, "spans") and hasattr(spans, "legend"):
        lay: Any = spans
        if legend is None:
            legend = lay.legend
        note = note or getattr(lay, "note", "")
        spans = lay.spans
    body_text = text.text
    clean = _clean_spans(spans, len(body_text))
    if legend is None:
        legend = legend_from(clean)
    blocks: list[tuple[str, int, int, int | None]] = []  # (kind, start, end, paragraph number)
    wanted = None if paragraphs is None else set(paragraphs)
    if text.headline_span is not None and wanted is None:
        blocks.append(("h", text.headline_span[0], text.headline_span[1], None))
    for p in text.paragraphs:
        if wanted is None or p.index in wanted:
            blocks.append(("p", p.start, p.end, p.number))
    parts = [f"<div class='newskit-highlight' style=\"{BOX}\">"]
    if heading:
        parts.append(f"<div style='{SANS}; font-weight: bold; margin-bottom: 0.3em'>{esc(heading)}</div>")
    if legend or note:
        parts.append(legend_html(legend or (), note))
    i = 0
    live: list[Span] = []
    for kind, lo, hi, number in blocks:
        while i < len(clean) and clean[i].start < hi:
            live.append(clean[i])
            i += 1
        live = [s for s in live if s.end > lo]
        body = _render_block(body_text, lo, hi, [s for s in live if s.start < hi])
        if kind == "h":
            parts.append(f"<h3 class='nk-headline' style='font-size: 1.35em; margin: 0.2em 0 0.6em 0'>{body}</h3>")
        else:
            parts.append(f"<p class='nk-para' data-paragraph='{number}' style='margin: 0 0 0.7em 0'>"
                         f"<span class='nk-pnum' style='{_PNUM}'>¶{number}</span>{body}</p>")
    parts.append("</div>")
    return "".join(parts)
