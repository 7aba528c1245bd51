"""Charts of analysis results, readable on a projector.

Every function takes an analysis *result* (never raw text) and returns a
matplotlib :class:`~matplotlib.figure.Figure` with a title, labelled axes,
large fonts and the Okabe–Ito colour-blind-safe palette (shared with
:mod:`newskit.highlight`). The figures are made without pyplot, so none is
left open behind your back; each one displays itself when it is the last
expression of a notebook cell (it has a ``_repr_png_``), and
``fig.savefig("chart.png")`` saves it.

>>> import newskit
>>> from newskit import plots
>>> fig = plots.source_share(newskit.sample().sources())
>>> fig.axes[0].get_title()
'Who gets quoted: quoted words by source'
"""

from __future__ import annotations

import base64
import contextlib
import functools
import html
import io
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .core.fmt import percent
from .core.palette import GREY, OKABE_ITO, PALETTE, category_colour, colour_for, role_colour

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .sources import Quote, SourceTable

__all__ = [
    "structure_map", "source_share", "speaker_timeline", "frequency_bars", "keyness_bars",
    "dispersion_plot", "sentiment_arc", "figure_png", "figure_html", "same_scale", "percent",
]

#: Font sizes for a projector: title, axis labels, tick labels, legend, notes.
FONT = {"title": 18, "label": 15, "tick": 13, "legend": 12, "note": 12}

#: The tallest figure, in inches (100 pixels each): a chart of many bars packs them closer rather than
#: growing past a screen and a half (50 bars fit, their labels at the tick font size).
MAX_HEIGHT = 12.0

#: Ink for edges, zero lines and notes; the grid and "nothing here" messages are grey. Both from the palette.
INK = OKABE_ITO["black"]

_RC = {
    "font.size": FONT["tick"],
    "axes.titlesize": FONT["title"],
    "axes.titleweight": "bold",
    "axes.labelsize": FONT["label"],
    "xtick.labelsize": FONT["tick"],
    "ytick.labelsize": FONT["tick"],
    "legend.fontsize": FONT["legend"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": None,  # set in _style (needs matplotlib's cycler)
}


@functools.lru_cache(maxsize=1)
def _figure_class() -> type:
    """A Figure subclass that shows itself in Jupyter (as PNG) without pyplot."""
    from matplotlib.figure import Figure

    class NewskitFigure(Figure):
        """A matplotlib Figure that displays as a PNG in a notebook (``_repr_png_``)."""

        def _repr_png_(self) -> bytes:
            return figure_png(self)

    NewskitFigure.__module__ = __name__
    return NewskitFigure


@contextlib.contextmanager
def _style() -> Iterator[None]:
    import matplotlib as mpl
    from cycler import cycler

    rc = dict(_RC, **{"axes.prop_cycle": cycler(color=list(PALETTE))})
    with mpl.rc_context(rc):
        yield


def _new(width: float = 10.0, height: float = 5.5) -> tuple[Figure, Axes]:
    fig = _figure_class()(figsize=(width, min(height, MAX_HEIGHT)), layout="constrained")
    ax = fig.add_subplot()
    return fig, ax


def _empty(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=FONT["label"], color=GREY)
    ax.set_xticks([])
    ax.set_yticks([])


def _bars_top_down(ax: Axes, values: Sequence[float], labels: Sequence[str], colours: Any, *,
                   height: float = 0.7, linewidth: float = 0.5) -> list[int]:
    """Horizontal bars, one per row, the first row at the top, each labelled on the left; their y positions."""
    ys = list(range(len(values)))
    ax.barh(ys, values, color=colours, edgecolor=INK, linewidth=linewidth, height=height)
    ax.set_yticks(ys, labels)
    ax.invert_yaxis()
    return ys


def _short(s: str, n: int = 28) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    """Attribute or key *names* of *obj*, the first that exists (results and their to_dict() both work)."""
    for n in names:
        if isinstance(obj, dict):
            if n in obj:
                return obj[n]
        elif hasattr(obj, n):
            return getattr(obj, n)
    return default


def figure_png(fig: Figure, dpi: int = 100) -> bytes:
    """The figure as PNG bytes.

    >>> import newskit
    >>> figure_png(source_share(newskit.sample().sources()))[:4]
    b'\\x89PNG'
    """
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    return buf.getvalue()


def figure_html(fig: Figure, dpi: int = 100) -> str:
    """The figure as an ``<img>`` tag with the PNG inline (for HTML views and reports); alt text = its title.

    >>> import newskit
    >>> figure_html(source_share(newskit.sample().sources())).startswith("<img")
    True
    """
    data = base64.b64encode(figure_png(fig, dpi)).decode("ascii")
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    alt = html.escape(fig._suptitle.get_text() if fig._suptitle else (titles[0] if titles else "chart"), quote=True)
    return f"<img src='data:image/png;base64,{data}' alt=\"{alt}\" style='max-width:100%; height:auto'/>"


# ---------------------------------------------------------------------------------------------
# Structure
# ---------------------------------------------------------------------------------------------


def structure_map(structure: Any) -> Figure:
    """One bar per paragraph: its length in words, coloured by role, with the quoted part hatched.

    *structure* is a :class:`newskit.structure.Structure` (or its ``records()`` list).

    >>> import newskit
    >>> fig = structure_map(newskit.sample().structure())
    >>> fig.axes[0].get_xlabel()
    'words in the paragraph'
    """
    from matplotlib.patches import Patch

    rows = _get(structure, "paragraphs", default=structure)
    rows = list(rows or ())
    n = len(rows)
    with _style():
        fig, ax = _new(10, max(4.5, 1.6 + 0.38 * n))
        ax.set_title("Structure map: paragraph length, role and quotes")
        ax.set_xlabel("words in the paragraph")
        ax.set_ylabel("paragraph (top = start of the story)")
        if not rows:
            _empty(ax, "no paragraphs")
            return fig
        numbers = [int(_get(r, "number", default=i + 1)) for i, r in enumerate(rows)]
        words = [int(_get(r, "words", default=0)) for r in rows]
        roles = [str(_get(r, "role", default="body")) for r in rows]
        shares = [float(_get(r, "quote_share", default=0.0) or 0.0) for r in rows]
        ys = _bars_top_down(ax, words, [f"¶{k}" for k in numbers], [role_colour(r) for r in roles],
                            height=0.75, linewidth=0.6)
        quoted = [w * s for w, s in zip(words, shares, strict=True)]
        ax.barh(ys, quoted, color="none", edgecolor=INK, hatch="///", linewidth=0, height=0.75)
        for y, w, s in zip(ys, words, shares, strict=True):
            if s > 0:
                ax.text(w + max(words) * 0.01, y, f"{percent(s)} quoted", va="center", fontsize=FONT["note"], color=INK)
        ax.set_xlim(0, max(max(words), 1) * 1.22)
        seen = list(dict.fromkeys(roles))
        handles = [Patch(facecolor=role_colour(r), edgecolor=INK, label=r) for r in seen]
        handles.append(Patch(facecolor="none", edgecolor=INK, hatch="///", label="quoted words"))
        ax.legend(handles=handles, loc="lower right", title="role", title_fontsize=FONT["legend"], frameon=True)
    return fig


# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------


def source_share(source_table: SourceTable) -> Figure:
    """Quoted words by source, largest first, coloured by the source's category, with each share.

    >>> import newskit
    >>> fig = source_share(newskit.sample().sources())
    >>> fig.axes[0].get_xlabel()
    'quoted words'
    """
    from matplotlib.patches import Patch

    rows = sorted(_get(source_table, "rows", default=source_table) or (), key=lambda r: -r.quoted_words)
    with _style():
        fig, ax = _new(10, max(4.0, 1.8 + 0.5 * len(rows)))
        ax.set_title("Who gets quoted: quoted words by source")
        ax.set_xlabel("quoted words")
        ax.set_ylabel("source")
        if not rows:
            _empty(ax, "no quoted sources found")
            return fig
        counts = [r.quoted_words for r in rows]
        cats = [r.source.category for r in rows]
        ys = _bars_top_down(ax, counts, [_short(r.source.name) for r in rows], [category_colour(c) for c in cats],
                            linewidth=0.6)
        top = max(max(counts), 1)
        for y, r in zip(ys, rows, strict=True):
            ax.text(r.quoted_words + top * 0.01, y, f"{percent(r.share)} ({r.quotes} quote{'s' if r.quotes != 1 else ''})",
                    va="center", fontsize=FONT["note"], color=INK)
        ax.set_xlim(0, top * 1.3)
        handles = [Patch(facecolor=category_colour(c), edgecolor=INK, label=c) for c in dict.fromkeys(cats)]
        ax.legend(handles=handles, loc="lower right", title="category", title_fontsize=FONT["legend"])
    return fig


def speaker_timeline(quotes: Sequence[Quote], n_paragraphs: int) -> Figure:
    """Who speaks where: one row per speaker, a dot in each paragraph where they are quoted (size = words).

    Filled dots are full quotes, hollow ones partial quotes woven into the reporter's sentence.

    >>> import newskit
    >>> art = newskit.sample()
    >>> fig = speaker_timeline(art.quotes(), len(art.paragraphs))
    >>> fig.axes[0].get_xlabel()
    'paragraph'
    """
    from matplotlib.lines import Line2D

    qs = list(quotes)
    names: dict[str, str] = {}  # key -> display name, in order of first appearance
    for q in qs:
        if q.speaker is not None:
            names.setdefault(q.speaker.name.lower(), q.speaker.name)
    rows = list(names)
    if any(q.speaker is None for q in qs):
        rows.append("")
    colours = {k: colour_for(i) for i, k in enumerate(names)} | {"": GREY}
    with _style():
        fig, ax = _new(10, max(3.8, 1.8 + 0.55 * len(rows)))
        ax.set_title("Speaker timeline: who is quoted where")
        ax.set_xlabel("paragraph")
        ax.set_ylabel("speaker")
        n = max(int(n_paragraphs), 1)
        ax.set_xlim(0.4, n + 0.6)
        step = 1 if n <= 25 else max(1, n // 20)
        ax.set_xticks(range(1, n + 1, step))
        ax.grid(axis="x", color=GREY, alpha=0.35, linewidth=0.8)
        ax.set_axisbelow(True)
        if not qs:
            ax.set_yticks([])
            ax.text(0.5, 0.5, "no direct quotes found", ha="center", va="center", transform=ax.transAxes,
                    fontsize=FONT["label"], color=GREY)
            return fig
        ypos = {k: i for i, k in enumerate(rows)}
        for q in qs:
            key = q.speaker.name.lower() if q.speaker else ""
            size = 40 + 6 * min(q.words, 60)
            c = colours[key]
            ax.scatter([q.paragraph + 1], [ypos[key]], s=size, color=c if not q.partial else "none", edgecolors=c,
                       linewidths=2.2, zorder=3)
        ax.set_yticks(range(len(rows)), [_short(names.get(k, "no speaker found")) for k in rows])
        ax.set_ylim(len(rows) - 0.5, -0.5)
        handles = [Line2D([], [], marker="o", linestyle="", markersize=10, color=GREY, label="full quote"),
                   Line2D([], [], marker="o", linestyle="", markersize=10, markerfacecolor="none",
                          markeredgecolor=GREY, markeredgewidth=2, label="partial quote")]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, frameon=False)
    return fig


# ---------------------------------------------------------------------------------------------
# Language
# ---------------------------------------------------------------------------------------------


def frequency_bars(frequencies: Any) -> Figure:
    """The most frequent words (a :class:`newskit.language.Frequencies`) as bars, most frequent at the top.

    >>> import newskit
    >>> fig = frequency_bars(newskit.sample().frequencies(top=10))
    >>> fig.axes[0].get_xlabel()
    'occurrences'
    """
    rows = list(frequencies.rows)
    with _style():
        fig, ax = _new(10, max(4.0, 1.6 + 0.36 * len(rows)))
        sub = " (common words included)" if frequencies.stopwords_included else " (common words left out)"
        ax.set_title("Most frequent words" + sub)
        ax.set_xlabel("occurrences")
        ax.set_ylabel("word")
        if not rows:
            _empty(ax, "no words")
            return fig
        counts = [r.count for r in rows]
        ys = _bars_top_down(ax, counts, [_short(r.word, 22) for r in rows], PALETTE[0])
        for y, r in zip(ys, rows, strict=True):
            ax.text(r.count + max(counts) * 0.01, y, f"{r.count} ({r.share:.1%})", va="center", fontsize=FONT["note"])
        ax.set_xlim(0, max(max(counts), 1) * 1.2)
    return fig


def keyness_bars(keyness: Any) -> Figure:
    """Key words (a :class:`newskit.language.Keyness`): over-used words to the right (orange), under-used
    ones to the left (blue); bar length = log-likelihood (3.84 means p < 0.05).

    >>> import newskit
    >>> fig = keyness_bars(newskit.sample().keywords(top=10))
    >>> fig.axes[0].get_ylabel()
    'word'
    """
    pos = list(keyness.positive)
    neg = list(keyness.negative)
    rows = [(r.word, r.ll, r.count, r.reference_count) for r in pos] + [(r.word, -r.ll, r.count, r.reference_count)
                                                                         for r in neg]
    with _style():
        fig, ax = _new(10, max(4.0, 1.8 + 0.36 * len(rows)))
        ax.set_title(f"Key words compared with {_short(keyness.reference, 40)}")
        ax.set_xlabel("keyness (log-likelihood; left = rarer here than in the reference)")
        ax.set_ylabel("word")
        if not rows:
            _empty(ax, "no key words (the article may be too short)")
            return fig
        scores = [r[1] for r in rows]
        _bars_top_down(ax, scores, [f"{_short(w, 20)} ({n})" for w, _, n, _ in rows],
                       [PALETTE[1] if s >= 0 else PALETTE[0] for s in scores])
        ax.axvline(0, color=INK, linewidth=0.8)
        from matplotlib.patches import Patch

        handles = [Patch(facecolor=PALETTE[1], edgecolor=INK, label="more frequent here")]
        if neg:
            handles.append(Patch(facecolor=PALETTE[0], edgecolor=INK, label="less frequent here"))
        ax.legend(handles=handles, loc="lower right")
    return fig


def dispersion_plot(dispersions: Any) -> Figure:
    """Where words occur along the article: one row per query, a tick per occurrence, paragraph breaks as grey lines.

    *dispersions*: one :class:`newskit.language.Dispersion` or a list of them (same article).

    >>> import newskit
    >>> from newskit import language
    >>> art = newskit.sample()
    >>> fig = dispersion_plot([language.dispersion(art, q) for q in ("Mosul", "army")])
    >>> fig.axes[0].get_xlabel()
    'position in the article (% of its words)'
    """
    items = [dispersions] if hasattr(dispersions, "positions") else list(dispersions)
    with _style():
        fig, ax = _new(10, max(3.0, 1.9 + 0.55 * len(items)))
        ax.set_title("Lexical dispersion: where the words occur")
        ax.set_xlabel("position in the article (% of its words)")
        ax.set_ylabel("word")
        ax.set_xlim(0, 100)
        if not items:
            _empty(ax, "nothing to plot")
            return fig
        first = items[0]
        total = max(first.total_words - 1, 1)
        for s in first.paragraph_starts[1:]:
            ax.axvline(100 * s / total, color=GREY, alpha=0.35, linewidth=1, zorder=0)
        labels = []
        for y, d in enumerate(items):
            xs = [100 * p for p in d.positions]
            ax.scatter(xs, [y] * len(xs), marker="|", s=500, color=colour_for(y), linewidths=2.5, zorder=3)
            labels.append(f"{_short(d.query, 20)} ({len(xs)})")
        ax.set_yticks(range(len(items)), labels)
        ax.set_ylim(len(items) - 0.5, -0.5)
    return fig


def sentiment_arc(sentiment: Any, which: str = "both") -> Figure:
    """Tone by paragraph (VADER compound, -1 to +1) of a :class:`newskit.language.Sentiment`: the reporter's
    words and the quoted words as two lines (a gap where a paragraph has no such words).

    *which*: ``"both"``, ``"reporter"`` or ``"quoted"``.

    >>> import newskit
    >>> fig = sentiment_arc(newskit.sample().sentiment())
    >>> fig.axes[0].get_xlabel()
    'paragraph'
    """
    rows = list(sentiment.paragraphs)
    with _style():
        fig, ax = _new(10, 5)
        what = {"both": "reporter vs quoted words", "reporter": "the reporter's words", "quoted": "quoted words"}
        ax.set_title(f"Tone along the article: {what.get(which, which)}")
        ax.set_xlabel("paragraph")
        ax.set_ylabel("tone (−1 negative … +1 positive)")
        ax.axhline(0, color=GREY, linewidth=0.8)
        ax.set_ylim(-1.08, 1.08)
        if not rows:
            _empty(ax, "no paragraphs")
            return fig
        xs = [r.number for r in rows]
        series = []
        if which in ("both", "reporter"):
            series.append(("reporter's words", [r.compound_reporter for r in rows], PALETTE[0], "o", "-"))
        if which in ("both", "quoted"):
            series.append(("quoted words", [r.compound_quoted for r in rows], PALETTE[5], "s", "--"))
        for label, ys, colour, marker, ls in series:
            vals = [float("nan") if y is None else y for y in ys]
            ax.plot(xs, vals, marker=marker, linestyle=ls, color=colour, linewidth=2.5, markersize=9, label=label)
        ax.set_xticks(xs if len(xs) <= 25 else xs[:: max(1, len(xs) // 20)])
        ax.set_xlim(min(xs) - 0.5, max(xs) + 0.5)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, frameon=False)
    return fig


def same_scale(figures: Sequence[Figure], *, x: bool = True, y: bool = False) -> None:
    """Give the first axes of every figure the same limits (the union of theirs): *x* (values of the bar charts,
    paragraphs of the timelines), and *y* too when it is a number axis, so two charts compare at a glance.

    >>> import newskit
    >>> a, b = newskit.sample(), newskit.from_text("Head\\n\\nOne short paragraph said little.")
    >>> figs = [structure_map(a.structure()), structure_map(b.structure())]
    >>> same_scale(figs)
    >>> figs[0].axes[0].get_xlim() == figs[1].axes[0].get_xlim()
    True
    """
    axes = [f.axes[0] for f in figures if f is not None and f.axes]
    if len(axes) < 2:
        return
    if x:
        lims = [ax.get_xlim() for ax in axes]
        lo, hi = min(min(a, b) for a, b in lims), max(max(a, b) for a, b in lims)
        for ax, (a, b) in zip(axes, lims, strict=True):
            ax.set_xlim((hi, lo) if a > b else (lo, hi))
    if y:
        lims = [ax.get_ylim() for ax in axes]
        lo, hi = min(min(a, b) for a, b in lims), max(max(a, b) for a, b in lims)
        for ax, (a, b) in zip(axes, lims, strict=True):
            ax.set_ylim((hi, lo) if a > b else (lo, hi))
