"""A live widget with a static twin: what every explorer shows, with a kernel or without one.

A widget is drawn by the notebook page from a model that lives in the running kernel. Without
that kernel (a notebook reopened later, an HTML export, GitHub) there is nothing to draw:
JupyterLab writes "Error displaying widget: model not found", an HTML export shows an empty
output (its widget script comes from a CDN a classroom may not reach). When a notebook is saved
with widget state, JupyterLab and ``jupyter nbconvert --execute`` draw the widget from that
state and ignore the output's other representations, so a static copy inside the widget's own
output is not enough either.

So an :class:`Explorer` displays TWO outputs:

1. the **static twin**: an HTML output (``display_id`` ``newskit-<id>``) with the current view,
   made by the same plain function as the live one, and a caption saying it is a snapshot. It
   carries a CSS rule that hides the widget output just below it while that output is empty or
   holds only JupyterLab's "Loading widget..." or "model not found" text;
2. the **live widget**, whose view starts with a ``<style>`` rule hiding its twin (class
   ``nk-static-<id>`` and, in JupyterLab, the twin's whole output).

While the widget is alive (or drawn from saved widget state) the twin is hidden; without it the
twin shows. Each time a control changes the view, the twin is re-rendered too
(``update_display``), so a saved notebook keeps the last view the student saw, not the first.
Checked in JupyterLab 4 with Chromium: live, saved and reopened (with and without widget state,
trusted and untrusted) and ``jupyter nbconvert --to html --execute``.

>>> "nk-static-abc" in hide_twin_css("abc")
True
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from ..core.fmt import esc
from ..core.markup import SMALL, error_html
from ..errors import NewskitError

__all__ = ["Explorer", "safe_view", "ipywidgets", "hide_twin_css", "twin_css", "WIDGET_MIME"]

#: The MIME type of a widget output (a reference to a widget model in the kernel).
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def ipywidgets() -> Any:
    """The ipywidgets module, or a readable error when it is missing."""
    try:
        import ipywidgets as w
    except ImportError as err:  # pragma: no cover - ipywidgets is a dependency
        raise NewskitError("the interactive explorers need ipywidgets: pip install 'ipywidgets>=8'") from err
    return w


def safe_view(fn: Callable[..., str], *args: Any, **kwargs: Any) -> str:
    """Call a view function; on failure return a readable error box instead of raising.

    A :class:`newskit.NewskitError` shows its message; anything else shows its type too
    (it is a bug worth reporting).

    >>> from newskit.errors import QueryError
    >>> "nothing to search" in safe_view(lambda: (_ for _ in ()).throw(QueryError("nothing to search")))
    True
    """
    try:
        return fn(*args, **kwargs)
    except NewskitError as err:
        return error_html(err, "Cannot show this")
    except Exception as err:  # noqa: BLE001 - a widget must never die silently
        return error_html(f"{type(err).__name__}: {err}", "Unexpected error (please report it)")


def hide_twin_css(uid: str) -> str:
    """The ``<style>`` a live widget carries: it hides its static twin (and, in JupyterLab, the twin's output).

    >>> hide_twin_css("x1").startswith("<style>")
    True
    """
    return (f"<style>.nk-static-{uid}{{display:none !important}}"
            f".jp-OutputArea-child:has(.nk-static-{uid}){{display:none !important}}</style>")


def twin_css(uid: str) -> str:
    """The ``<style>`` the static twin carries: it hides the widget output after it while that output has
    nothing drawn in it (JupyterLab's bare "Loading widget..." or "model not found" text).

    >>> ":not(:has(.jp-OutputArea-output *))" in twin_css("x1")
    True
    """
    return (f"<style>.jp-OutputArea-child:has(.nk-static-{uid}) + .jp-OutputArea-child"
            f":not(:has(.jp-OutputArea-output *)){{display:none}}</style>")


def _display(bundle: dict[str, Any], display_id: str | None = None, update: bool = False) -> None:
    """Publish a raw MIME bundle to the notebook (a new output, or an update of the output *display_id*)."""
    from IPython.display import display, update_display

    if update:
        update_display(bundle, raw=True, display_id=display_id)
    else:
        display(bundle, raw=True, display_id=display_id)


class Explorer:
    """Common plumbing of the explorers: an ipywidgets box, a view area, the current HTML, a static twin.

    A subclass builds ``self.widget`` (its controls and ``self.view``), says what its controls are set to
    in :meth:`settings`, and draws with ``self._show(view_function, ...)``.
    """

    title = "newskit explorer"

    def __init__(self) -> None:
        w = ipywidgets()
        self.uid = uuid.uuid4().hex[:12]
        self._html = ""
        self._displayed = False
        self.view = w.HTML(value="", layout=w.Layout(width="100%"))
        self.widget: Any = None

    @property
    def display_id(self) -> str:
        """The display id of the static twin (the same in every cell that shows this explorer)."""
        return f"newskit-{self.uid}"

    def _show(self, fn: Callable[..., str], *args: Any, **kwargs: Any) -> str:
        html = safe_view(fn, *args, **kwargs)
        self._set(html)
        return html

    def _set(self, html: str) -> None:
        self._html = html
        self.view.value = hide_twin_css(self.uid) + html
        if self._displayed:
            _display(self.static_bundle(), self.display_id, update=True)

    @property
    def html(self) -> str:
        """The HTML of the current view (what the widget shows now, and its static twin too)."""
        return self._html

    def settings(self) -> str:
        """What the controls are set to, in words (the static twin's caption says it)."""
        return ""

    def static_html(self) -> str:
        """The static twin: a caption (this is a snapshot) and the current view."""
        what = self.settings()
        caption = (f"<div style='{SMALL}; margin-bottom: 0.3em'>{esc(self.title)}"
                   + (f" ({esc(what)})" if what else "")
                   + " — a snapshot of the view: run the notebook to use the controls.</div>")
        return f"<div class='nk-static nk-static-{self.uid}'>{twin_css(self.uid)}{caption}{self._html}</div>"

    def static_bundle(self) -> dict[str, Any]:
        """The static twin's output: HTML, and a line of plain text for text-only front ends."""
        return {"text/html": self.static_html(), "text/plain": f"{self.title}: run the notebook to use it"}

    def widget_bundle(self) -> dict[str, Any]:
        """The live widget's output: the widget reference and an empty text (the twin says it all)."""
        bundle = dict(self.widget._repr_mimebundle_() or {})
        bundle["text/plain"] = ""
        return bundle

    def outputs(self) -> list[tuple[dict[str, Any], str | None]]:
        """The two outputs this explorer displays, in order, as (MIME bundle, display id): twin, widget."""
        return [(self.static_bundle(), self.display_id), (self.widget_bundle(), None)]

    def _ipython_display_(self) -> None:
        for bundle, display_id in self.outputs():
            _display(bundle, display_id)
        self._displayed = True

    def _repr_html_(self) -> str:
        return self.static_html()

    def __repr__(self) -> str:
        return f"<newskit {self.title}>"


def box(*children: Any) -> Any:
    """A full-width vertical box of the given controls (None left out)."""
    w = ipywidgets()
    return w.VBox([c for c in children if c is not None], layout=w.Layout(width="100%"))
