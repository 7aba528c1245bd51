"""Bring your own article: upload a file (.txt or a saved web page), paste text or give a link.

:func:`article_loader` keeps the loaded article in a file beside the notebook (``my-article.txt``
in the current folder, see :data:`SAVED_NAME`) and loads it again each time the cell runs, so
*Restart Kernel and Run All Cells* keeps the student's article. A load that fails changes nothing:
the student's last good article (the one saved in the file) stays in use, and the box says, in red,
that the new load failed and which article the cells below still use. Only "Forget my article"
(:meth:`ArticleLoader.forget_article`) goes back to the example.
:func:`current_article` gives the cells below the article of the latest loader (or the saved one,
or a default).

>>> "1 paragraph, 3 words" in article_summary_html(article_from_paste("Title\\n\\nBody text here."))
True
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.fmt import esc, plural
from ..core.markup import MUTED, SANS, error_html, notice_html
from ..core.palette import OKABE_ITO, tint
from ..errors import NewskitError, QueryError
from .live import Explorer, box, ipywidgets

if TYPE_CHECKING:  # pragma: no cover
    from ..article import Article

__all__ = ["ArticleLoader", "article_loader", "current_article", "article_from_upload", "article_from_paste",
           "article_from_url", "article_summary_html", "SAVED_NAME", "NEXT_STEP"]

#: The file, in the notebook's folder, where :func:`article_loader` keeps the student's article.
SAVED_NAME = "my-article.txt"

#: What to do after loading an article (shown in the loader's box).
NEXT_STEP = ("Now run the cells below to analyse it: click the next cell, then "
             "Run ▸ Run Selected Cell and All Below.")

_NOT_TEXT = (".pdf", ".docx", ".doc", ".odt", ".rtf", ".png", ".jpg", ".jpeg", ".gif", ".epub", ".pages")
_GREEN = OKABE_ITO["bluish green"]

#: The most recent loader made in this kernel (what :func:`current_article` reads).
_LATEST: list[ArticleLoader] = []


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def article_from_upload(value: Any) -> Article:
    """The article in a FileUpload widget's value (ipywidgets 8: a tuple of dicts with ``name`` and ``content``).

    A ``.txt`` file is decoded with :func:`newskit.from_bytes` (UTF-8, UTF-16 with BOM, Windows-1252);
    a saved web page (``.html``, ``.htm``) is read as a page (its article text is kept). Raises a
    :class:`newskit.NewskitError` with a readable message for no file, several files, or a file that
    is neither (a PDF, a Word document, a picture).

    >>> article_from_upload([{"name": "a.txt", "content": b"Title\\n\\nBody."}]).headline
    'Title'
    """
    from ..loaders import from_bytes

    files = list(value.values()) if isinstance(value, Mapping) else list(value or ())
    if not files:
        raise QueryError("no file uploaded yet: click 'Upload' and choose a .txt or .html file")
    if len(files) > 1:
        raise QueryError(f"{len(files)} files uploaded; upload one article at a time")
    f = files[0]
    name = str(_get(f, "name", "uploaded file"))
    data = bytes(_get(f, "content", b"") or b"")
    low = name.lower()
    if low.endswith(_NOT_TEXT):
        kind = low.rsplit(".", 1)[-1].upper()
        raise QueryError(f"{name}: a {kind} file is not plain text. Open it, copy the article's text and paste it into "
                         "the box, or save it as plain text (.txt, UTF-8)")
    return from_bytes(data, name=name)


def article_from_paste(text: str, headline: str | None = None) -> Article:
    """An article from pasted text (first line = headline unless *headline* is given).

    >>> article_from_paste("Title\\n\\nBody text here.").paragraphs[0].text
    'Body text here.'
    """
    from ..loaders import from_text

    if not isinstance(text, str) or not text.strip():
        raise QueryError("the text box is empty: paste an article (headline on the first line, "
                         "a blank line between paragraphs)")
    return from_text(text, headline=headline or None)


def article_from_url(url: str) -> Article:
    """An article from a link (``https://...``), with :func:`newskit.load`.

    >>> article_from_url("  ")
    Traceback (most recent call last):
    ...
    newskit.errors.QueryError: the link box is empty: paste the address of a news article (https://...)
    """
    from ..loaders import load
    from ..web import is_url

    url = (url or "").strip()
    if not url:
        raise QueryError("the link box is empty: paste the address of a news article (https://...)")
    if not is_url(url):
        raise QueryError(f"{url[:80]!r} is not a link: it should start with https:// (copy it from the browser's "
                         "address bar)")
    return load(url)


def article_summary_html(article: Article, note: str = "", label: str = "Loaded") -> str:
    """A short, escaped summary of a loaded article: name, headline, paragraphs, words, first words, and *note*.

    >>> "1 paragraph, 3 words" in article_summary_html(article_from_paste("Title\\n\\nBody text here."))
    True
    """
    first = article.paragraphs[0].text if article.paragraphs else ""
    first = first if len(first) <= 160 else first[:157] + "…"
    extra = f"<div style='margin-top: 0.4em'>{esc(note)}</div>" if note else ""
    return (f"<div class='nk-loaded' style='{SANS}; border-left: 0.3em solid {_GREEN}; padding: 0.4em 0.8em; "
            f"background: {tint(_GREEN, 0.1)}'><b>{esc(label)}:</b> {esc(article.name)} — "
            f"{plural(len(article.paragraphs), 'paragraph')}, {plural(len(article), 'word')}<br>"
            f"<b>Headline:</b> {esc(article.headline or '(none)')}<br>"
            f"<span style='{MUTED}'>{esc(first)}</span>{extra}</div>")


def _save(path: Path, article: Article) -> str:
    """Write the article's text to *path* (whole, or not at all); a message when it cannot be saved."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text(article.text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        return f"It could not be saved in {path} ({err.strerror or err}): after a restart, load it again."
    return ""


def _read_saved(path: Path) -> Article:
    from ..loaders import from_bytes

    return from_bytes(path.read_bytes(), name=path.name)


class ArticleLoader(Explorer):
    """Upload a file, paste text or give a link; ``.article`` is the article the cells below should use:
    the student's last good article, or *example* (None) while there is none (never loaded, or forgotten).
    A failed load keeps the student's last good article in use, and says so in the box.

    The student's article is saved in ``path`` (beside the notebook) and loaded from there when the
    loader is made again. ``loader.on_change(callback)`` calls ``callback(loader.article)`` after each load.
    """

    title = "Load your own article"

    def __init__(self, example: Article | None = None, path: str | os.PathLike[str] = SAVED_NAME) -> None:
        super().__init__()
        w = ipywidgets()
        self.path = Path(path)
        self.example = example
        self.own: Article | None = None
        self._callbacks: list[Callable[[Article | None], Any]] = []
        self.upload = w.FileUpload(accept=".txt,.html,.htm,text/plain,text/html", multiple=False,
                                   description="Upload .txt / .html", layout=w.Layout(width="auto"))
        self.url = w.Text(placeholder="…or paste a link: https://…", layout=w.Layout(width="auto", flex="1 1 20em"))
        self.url_button = w.Button(description="Load link", icon="link")
        self.text = w.Textarea(placeholder="…or paste an article here: headline on the first line, then a blank line "
                                           "between paragraphs", layout=w.Layout(width="100%", height="12em"))
        self.button = w.Button(description="Use pasted text", button_style="primary", icon="check")
        self.forget = w.Button(description="Forget my article", icon="trash", layout=w.Layout(width="auto"),
                               tooltip=f"delete {self.path.name} and go back to the example")
        self.upload.observe(self._uploaded, names="value")
        self.url_button.on_click(self._linked)
        self.button.on_click(self._pasted)
        self.forget.on_click(self._forgotten)
        self.widget = box(w.HBox([self.upload, self.url, self.url_button], layout=w.Layout(flex_flow="row wrap")),
                          self.text, w.HBox([self.button, self.forget]), self.view)
        _LATEST[:] = [self]
        if self.path.is_file():
            self._load(_read_saved, self.path, "your saved article", save=False)
        else:
            self._set(self._waiting(notice_html(
                f"Upload a .txt file or a saved web page (.html), paste a link, or paste the text and click "
                f"'{self.button.description}'. Your article is kept in {self.path.name} beside the notebook.",
                "No article of yours loaded yet.", ok=False)))

    @property
    def article(self) -> Article | None:
        """The article to analyse: the student's, else the example (None when there is neither)."""
        return self.own if self.own is not None else self.example

    @property
    def name(self) -> str | None:
        """The current article's name (None when there is none)."""
        return self.article.name if self.article is not None else None

    def _waiting(self, message: str) -> str:
        """*message*, then what the cells below use meanwhile (the example's summary)."""
        if self.example is None:
            return message
        return message + article_summary_html(self.example, "Until then the cells below use this example article.",
                                              label="Example")

    def on_change(self, callback: Callable[[Article | None], Any]) -> None:
        """Call *callback(article)* after each load: the new article, or after a failed one the article still in use."""
        self._callbacks.append(callback)

    on_load = on_change

    def load_upload(self, value: Any) -> Article | None:
        """Load from a FileUpload value (what the upload control does); errors are shown, and None returned."""
        return self._load(article_from_upload, value, "the uploaded file")

    def load_text(self, text: str) -> Article | None:
        """Load from pasted text (what the button does); errors are shown, and None returned."""
        return self._load(article_from_paste, text, "the pasted text")

    def load_url(self, url: str) -> Article | None:
        """Load from a link (what the link button does); errors are shown, and None returned."""
        return self._load(article_from_url, url, "the link")

    def _load(self, fn: Callable[[Any], Article], arg: Any, what: str, save: bool = True) -> Article | None:
        try:
            art = fn(arg)
        except Exception as err:  # noqa: BLE001 - shown as one line, never a dead control
            message = str(err) if isinstance(err, NewskitError) else f"{type(err).__name__}: {err}"
            self._failed(" ".join(message.split()).rstrip("."), what, saved=save)
            self._notify(self.article)
            return None
        problem = _save(self.path, art) if save else ""
        self.own = art
        if save:
            note = f"{problem or f'Saved in {self.path.name}: it stays loaded after a restart.'} {NEXT_STEP}"
        else:
            note = (f"Your article, kept in {self.path.name} beside the notebook: the cells below analyse it. "
                    "To use another one, upload, link or paste it here.")
        self._set(article_summary_html(art, note))
        self._notify(art)
        return art

    def _failed(self, reason: str, what: str, saved: bool) -> None:
        """After a failed load: keep the student's last good article (in memory, else the saved file) and say so."""
        if self.own is None and saved and self.path.is_file():
            try:  # the student's article saved a moment before (by another loader of this notebook, say)
                self.own = _read_saved(self.path)
            except (NewskitError, OSError):
                self.own = None
        title = f"Could not load {what}"
        if self.own is not None:
            kept = f"Kept in {self.path.name}. " if self.path.is_file() else ""
            self._set(error_html(f"{reason}. The new load failed, so nothing changed: the cells below still use your "
                                 "previous article, shown below.", title)
                      + article_summary_html(self.own, f"{kept}To use another article, upload, link or paste it again; "
                                             f"'{self.forget.description}' goes back to the example.", label="Still in use"))
            return
        fallback = "the example article" if self.example is not None else "no article"
        self._set(self._waiting(error_html(f"{reason}. No article of yours is loaded, so the cells below use "
                                           f"{fallback}.", title)))

    def forget_article(self) -> None:
        """Delete the saved article and go back to the example (what the "Forget my article" button does)."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as err:
            self._set(error_html(f"{self.path}: {err.strerror or err}", "Could not delete the saved article"))
            return
        self.own = None
        fallback = "the example article" if self.example is not None else "no article"
        self._set(self._waiting(notice_html(f"{self.path.name} is deleted. The cells below use {fallback} until "
                                            "you load another one.", "Forgotten.", ok=False)))
        self._notify(self.article)

    def _notify(self, art: Article | None) -> None:
        for cb in self._callbacks:
            try:
                cb(art)
            except Exception as err:  # noqa: BLE001
                self._set(self._html + error_html(f"{type(err).__name__}: {err}", "Your on_change callback failed"))

    def _uploaded(self, change: Any) -> None:
        if change["new"]:
            self.load_upload(change["new"])

    def _pasted(self, _button: Any = None) -> None:
        self.load_text(self.text.value)

    def _linked(self, _button: Any = None) -> None:
        self.load_url(self.url.value)

    def _forgotten(self, _button: Any = None) -> None:
        self.forget_article()


def article_loader(example: Article | None = None, path: str | os.PathLike[str] = SAVED_NAME) -> ArticleLoader:
    """Upload a .txt or .html file, paste a link or paste text; then use ``loader.article`` (or
    :func:`current_article`): the student's article, or *example* while there is none. The student's
    article is kept in *path* beside the notebook and loaded again when this runs again (after a
    restart too).

    >>> import newskit
    >>> loader = newskit.widgets.article_loader(newskit.sample())  # doctest: +SKIP
    >>> art = loader.article                                       # doctest: +SKIP
    """
    return ArticleLoader(example, path)


def current_article(default: Article | None = None, path: str | os.PathLike[str] = SAVED_NAME) -> Article | None:
    """The article of the latest :func:`article_loader` of this kernel (the student's, else its example);
    without a loader, the article saved in *path* (if any); else *default*.

    >>> current_article("example", path="no-such-file.txt") if not _LATEST else "example"
    'example'
    """
    if _LATEST:
        return _LATEST[0].article or default
    saved = Path(path)
    if saved.is_file():
        try:
            return _read_saved(saved)
        except NewskitError:
            return default
    return default
