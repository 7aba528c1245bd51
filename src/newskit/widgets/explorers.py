"""The explorers: thin wiring of ipywidgets controls to the plain view functions of :mod:`.views`.

Each explorer is an :class:`~newskit.widgets.live.Explorer`: ending a notebook cell with one shows
the live widget and its static twin (see :mod:`newskit.widgets.live`).

>>> import newskit
>>> viewer = article_viewer(newskit.sample())  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.markup import MUTED, SANS, error_html
from ..errors import NewskitError
from ..highlight import LAYERS
from . import views
from .live import Explorer, box, ipywidgets

if TYPE_CHECKING:  # pragma: no cover
    from ..article import Article

__all__ = ["ArticleViewer", "SourceExplorer", "ConcordanceExplorer", "FrequencyExplorer", "ToneExplorer", "Compare",
           "StructureExplorer", "article_viewer", "source_explorer", "concordance_explorer", "frequency_explorer",
           "tone_explorer", "compare", "structure_explorer", "safe_names"]

_WIDE = {"description_width": "initial"}


def _label(options: Any, value: Any) -> str:
    """The label a Dropdown / ToggleButtons shows for *value*."""
    for opt in options:
        label, val = opt if isinstance(opt, tuple) else (opt, opt)
        if val == value:
            return str(label)
    return str(value)


class ArticleViewer(Explorer):
    """The article with switchable highlights: quotes by speaker, paragraph roles, loaded words, hedges, passives, labels."""

    title = "Article viewer"

    def __init__(self, article: Article, layer_name: str = "quotes") -> None:
        super().__init__()
        w = ipywidgets()
        self.article = article
        self.control = w.Dropdown(options=[(label, key) for key, (label, _) in LAYERS.items()], value=layer_name,
                                  description="Highlight:", style=_WIDE)
        self.control.observe(self._redraw, names="value")
        self.widget = box(self.control, self.view)
        self._redraw()

    def settings(self) -> str:
        return f"highlight: {_label(self.control.options, self.control.value)}"

    def _redraw(self, _change: Any = None) -> None:
        self._show(views.article_view_html, self.article, self.control.value)


def safe_names(article: Article) -> list[str]:
    """:func:`~newskit.widgets.views.source_names`, or an empty list when the sources cannot be found."""
    try:
        return views.source_names(article)
    except NewskitError:
        return []


class SourceExplorer(Explorer):
    """Pick a source: its quotes highlighted in the article, its row of figures and its channel."""

    title = "Source explorer"

    def __init__(self, article: Article) -> None:
        super().__init__()
        w = ipywidgets()
        self.article = article
        names = safe_names(article)
        self.control = w.Dropdown(options=names, value=names[0] if names else None, description="Source:",
                                  disabled=not names, style=_WIDE, layout=w.Layout(width="auto", min_width="24em"))
        self.control.observe(self._redraw, names="value")
        self.widget = box(self.control, self.view)
        self._redraw()

    def settings(self) -> str:
        return f"source: {self.control.value}" if self.control.value else ""

    def _redraw(self, _change: Any = None) -> None:
        if self.control.value is None:
            self._show(lambda: error_html("no quoted sources were found in this article", "Nothing to explore"))
        else:
            self._show(views.source_view_html, self.article, self.control.value)


class ConcordanceExplorer(Explorer):
    """Type a word (``flee*`` for a prefix): every occurrence in context, live, with where they fall.

    The context slider goes up to :data:`~newskit.widgets.views.MAX_CONTEXT` characters either side, so the
    keyword stays on the screen.
    """

    title = "Concordance explorer"

    def __init__(self, article: Article, query: str = "", width: int = 40) -> None:
        super().__init__()
        w = ipywidgets()
        self.article = article
        self.query = w.Text(value=query, placeholder="a word, e.g. army or flee*", description="Search:",
                            continuous_update=True)
        width = max(10, min(int(width), views.MAX_CONTEXT))
        self.width = w.IntSlider(value=width, min=10, max=views.MAX_CONTEXT, step=5, description="Context:",
                                 continuous_update=False)
        self.query.observe(self._redraw, names="value")
        self.width.observe(self._redraw, names="value")
        self.widget = box(w.HBox([self.query, self.width]), self.view)
        self._redraw()

    def settings(self) -> str:
        return f"search: {self.query.value.strip()}" if self.query.value.strip() else ""

    def _redraw(self, _change: Any = None) -> None:
        if not self.query.value.strip():
            self._show(lambda: f"<p style='{SANS}; {MUTED}'>Type a word above to see every place it is used.</p>")
        else:
            self._show(views.concordance_view, self.article, self.query.value, self.width.value)


class FrequencyExplorer(Explorer):
    """Top-N slider, common-words toggle and keyness switch -> a bar chart.

    In keyness mode the common-words box is switched off and ignored (the comparison always leaves
    common words out); more than :data:`~newskit.widgets.views.MAX_BARS_SHOWN` bars scroll.
    """

    title = "Frequency and keyness explorer"

    def __init__(self, article: Article, top: int = 20) -> None:
        super().__init__()
        w = ipywidgets()
        self.article = article
        self.top = w.IntSlider(value=max(5, min(int(top), 50)), min=5, max=50, step=1, description="Top:",
                               continuous_update=False)
        self.stopwords = w.Checkbox(value=False, description="include common words (the, of, ...)", indent=False)
        self.keyness = w.Checkbox(value=False, description="keyness: compare with ordinary news", indent=False)
        for c in (self.top, self.stopwords, self.keyness):
            c.observe(self._redraw, names="value")
        self.widget = box(w.HBox([self.top, self.stopwords, self.keyness], layout=w.Layout(flex_flow="row wrap")),
                          self.view)
        self._redraw()

    def settings(self) -> str:
        if self.keyness.value:
            return f"top {self.top.value} key words"
        return f"top {self.top.value} words, common words {'included' if self.stopwords.value else 'left out'}"

    def _redraw(self, _change: Any = None) -> None:
        self.stopwords.disabled = self.keyness.value
        stop = self.stopwords.value and not self.keyness.value
        self._show(views.frequency_view, self.article, self.top.value, stop, self.keyness.value)


class ToneExplorer(Explorer):
    """The tone arc by paragraph, for the reporter's words, the quoted words, or both; each sentence's score
    beside the words that pushed it."""

    title = "Tone explorer"

    def __init__(self, article: Article) -> None:
        super().__init__()
        w = ipywidgets()
        self.article = article
        self.control = w.ToggleButtons(options=[("both", "both"), ("reporter's words", "reporter"),
                                                ("quoted words", "quoted")], value="both", description="Show:")
        self.control.observe(self._redraw, names="value")
        self.widget = box(self.control, self.view)
        self._redraw()

    def settings(self) -> str:
        return f"showing: {_label(self.control.options, self.control.value)}"

    def _redraw(self, _change: Any = None) -> None:
        self._show(views.tone_view, self.article, self.control.value)


class StructureExplorer(Explorer):
    """Pick a paragraph: its role, the rule that decided it and its quote share; a box to count the page
    furniture (captions, subheads ...) in readability and the inverted pyramid."""

    title = "Structure explorer"

    def __init__(self, article: Article, paragraph: int = 1, include_furniture: bool = False) -> None:
        super().__init__()
        w = ipywidgets()
        self.article = article
        options = views.paragraph_choices(article)
        self.control = w.Dropdown(options=options, value=paragraph if 1 <= paragraph <= len(options) else 1,
                                  description="Paragraph:", style=_WIDE, layout=w.Layout(width="auto", min_width="30em"))
        self.furniture = w.Checkbox(value=bool(include_furniture), indent=False,
                                    description="count page furniture (captions, subheads ...) as running text")
        self.control.observe(self._redraw, names="value")
        self.furniture.observe(self._redraw, names="value")
        self.widget = box(self.control, self.furniture, self.view)
        self._redraw()

    def settings(self) -> str:
        return f"¶{self.control.value}, page furniture {'counted' if self.furniture.value else 'left out'}"

    def _redraw(self, _change: Any = None) -> None:
        self._show(views.structure_view, self.article, self.control.value, self.furniture.value)


class Compare(Explorer):
    """Two articles on the same measure: numbers side by side, or both charts on the same scale."""

    title = "Compare two articles"

    def __init__(self, article_a: Article, article_b: Article, measure: str = "overview") -> None:
        super().__init__()
        w = ipywidgets()
        self.articles = (article_a, article_b)
        self.control = w.Dropdown(options=[(label, key) for key, (label, _) in views.COMPARE_MEASURES.items()],
                                  value=measure, description="Measure:", style=_WIDE)
        self.control.observe(self._redraw, names="value")
        self.widget = box(self.control, self.view)
        self._redraw()

    def settings(self) -> str:
        return f"measure: {_label(self.control.options, self.control.value)}"

    def _redraw(self, _change: Any = None) -> None:
        self._show(views.compare_view, *self.articles, self.control.value)


# ---------------------------------------------------------------------------------------------
# Entry points
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
    """A search box and a context-width slider (10 to 80 characters): a live KWIC table and a dispersion strip.

    >>> import newskit
    >>> newskit.widgets.concordance_explorer(newskit.sample(), "army")  # doctest: +SKIP
    """
    return ConcordanceExplorer(article, query, width)


def frequency_explorer(article: Article, top: int = 20) -> FrequencyExplorer:
    """Most frequent words or key words as a bar chart, with a top-N slider (5 to 50) and a common-words switch.

    >>> import newskit
    >>> newskit.widgets.frequency_explorer(newskit.sample())  # doctest: +SKIP
    """
    return FrequencyExplorer(article, top)


def tone_explorer(article: Article) -> ToneExplorer:
    """The tone arc by paragraph, reporter's words vs quoted words, and the words that pushed each sentence.

    >>> import newskit
    >>> newskit.widgets.tone_explorer(newskit.sample())  # doctest: +SKIP
    """
    return ToneExplorer(article)


def structure_explorer(article: Article, paragraph: int = 1, include_furniture: bool = False) -> StructureExplorer:
    """Pick a paragraph (¶1 … ¶n) to see its role, why, and its quote share; switch the page furniture on
    or off in readability and the inverted pyramid.

    >>> import newskit
    >>> newskit.widgets.structure_explorer(newskit.sample())  # doctest: +SKIP
    """
    return StructureExplorer(article, paragraph, include_furniture)


def compare(article_a: Article, article_b: Article, measure: str = "overview") -> Compare:
    """Two articles on the same measures (numbers, sources, structure, words, tone), charts on the same scale.

    >>> import newskit
    >>> newskit.widgets.compare(newskit.sample(), newskit.sample())  # doctest: +SKIP
    """
    return Compare(article_a, article_b, measure)
