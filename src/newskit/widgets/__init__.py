"""Interactive explorers for a notebook (ipywidgets 8).

Each explorer wires a few controls to a plain function that returns HTML (in :mod:`.views`),
so every view can be tested, saved or reused without a browser:

=====================================  ====================================================
widget                                 the function behind it
=====================================  ====================================================
:func:`article_viewer`                 :func:`article_view_html` (article, layer)
:func:`source_explorer`                :func:`source_view_html` (article, source_name)
:func:`structure_explorer`             :func:`structure_view` (article, paragraph, include_furniture)
:func:`concordance_explorer`           :func:`concordance_view` (article, query, width)
:func:`frequency_explorer`             :func:`frequency_view` (article, top, stopwords, keyness)
:func:`tone_explorer`                  :func:`tone_view` (article, which)
:func:`compare`                        :func:`compare_view` (article_a, article_b, measure)
:func:`article_loader`                 :func:`article_from_upload`, :func:`article_from_paste`, :func:`article_from_url`
=====================================  ====================================================

End a notebook cell with an explorer (``widgets.article_viewer(article)``) to show it. It shows
two outputs: the live widget, and a static twin of its current view that is hidden while the
widget is alive and shows wherever widgets cannot run (a notebook reopened without its kernel, an
HTML export, GitHub); see :mod:`.live`. An error inside a control (an empty search, a file that
is not text) is shown as a readable message in the widget, never swallowed. All article text is
escaped before it goes into HTML.

The package: :mod:`.views` (the plain view functions), :mod:`.live` (the live widget and its
static twin), :mod:`.explorers` (the explorers), :mod:`.loader` (bring your own article).

>>> import newskit
>>> from newskit import widgets
>>> html = widgets.source_view_html(newskit.sample(), "Josh Earnest")
>>> "White House spokesman" in html
True
"""

from __future__ import annotations

from .explorers import (
    ArticleViewer,
    Compare,
    ConcordanceExplorer,
    FrequencyExplorer,
    SourceExplorer,
    StructureExplorer,
    ToneExplorer,
    article_viewer,
    compare,
    concordance_explorer,
    frequency_explorer,
    safe_names,
    source_explorer,
    structure_explorer,
    tone_explorer,
)
from .live import Explorer, safe_view
from .loader import (
    NEXT_STEP,
    SAVED_NAME,
    ArticleLoader,
    article_from_paste,
    article_from_upload,
    article_from_url,
    article_loader,
    article_summary_html,
    current_article,
)
from .views import (
    COMPARE_MEASURES,
    MAX_BARS_SHOWN,
    MAX_CONTEXT,
    NO_OUTLET,
    article_view_html,
    compare_view,
    concordance_view,
    dispersion_svg,
    frequency_view,
    paragraph_choices,
    source_names,
    source_view_html,
    structure_view,
    tone_view,
)

__all__ = [
    "article_viewer", "source_explorer", "structure_explorer", "concordance_explorer", "frequency_explorer",
    "tone_explorer", "compare", "article_loader", "current_article",
    "article_view_html", "source_names", "source_view_html", "structure_view", "paragraph_choices", "concordance_view",
    "frequency_view", "tone_view", "compare_view", "dispersion_svg", "article_from_upload", "article_from_paste",
    "article_from_url", "article_summary_html", "safe_view", "safe_names",
    "Explorer", "ArticleViewer", "SourceExplorer", "StructureExplorer", "ConcordanceExplorer", "FrequencyExplorer",
    "ToneExplorer", "Compare", "ArticleLoader", "COMPARE_MEASURES", "NO_OUTLET", "MAX_CONTEXT", "MAX_BARS_SHOWN",
    "SAVED_NAME", "NEXT_STEP",
]
