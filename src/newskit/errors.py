"""The exceptions newskit raises.

Everything newskit raises on purpose derives from :class:`NewskitError`, so a
notebook or script can catch one class::

    try:
        article = newskit.load("maybe-not-there.txt")
    except newskit.NewskitError as err:
        print(err)

Each subclass also derives from the closest built-in exception
(``FileNotFoundError``, ``ValueError``, ``LookupError``), so code that already
catches those keeps working.
"""

from __future__ import annotations

__all__ = [
    "NewskitError",
    "ArticleNotFoundError",
    "NotAFileError",
    "EmptyArticleError",
    "BinaryInputError",
    "ArticleTooLargeError",
    "MissingResourceError",
    "QueryError",
    "WebError",
    "WebExtraMissingError",
    "FetchError",
    "FetchTimeoutError",
    "HTTPStatusError",
    "NotHTMLError",
    "PageTooLargeError",
    "NotAnArticleError",
    "PaywallError",
]


class NewskitError(Exception):
    """Base class of every error newskit raises on purpose."""


class ArticleNotFoundError(NewskitError, FileNotFoundError):
    """The path given to a loader does not exist."""


class NotAFileError(NewskitError, IsADirectoryError):
    """The path given to :func:`newskit.load` is a folder (use ``load_folder``) or not a regular file."""


class EmptyArticleError(NewskitError, ValueError):
    """The text is empty or only whitespace: there is nothing to analyse."""


class BinaryInputError(NewskitError, ValueError):
    """The data is not text (it holds NUL bytes), e.g. a PDF, a Word file or an image."""


class ArticleTooLargeError(NewskitError, ValueError):
    """The text is larger than :data:`newskit.article.MAX_BYTES`."""


class MissingResourceError(NewskitError, LookupError):
    """An NLTK data package newskit needs is not installed and could not be downloaded."""


class QueryError(NewskitError, ValueError):
    """A search query (e.g. for a concordance) is empty or malformed."""


class ArgumentTypeError(NewskitError, TypeError):
    """An argument of the wrong kind, e.g. ``newskit.load(123)`` instead of a path or a link."""


# --- web pages and links (newskit.web) -------------------------------------------------------------------------------


class WebError(NewskitError):
    """Base class of the errors about a web page or a link: fetching it, or finding an article in it."""


class WebExtraMissingError(WebError, ImportError):
    """Reading a web page needs the optional extra: ``pip install "newskit[web]"``."""


class FetchError(WebError, ConnectionError):
    """The link could not be fetched: no network, an unknown server, a refused or broken connection."""


class FetchTimeoutError(FetchError, TimeoutError):
    """The server did not answer (or stopped sending) within the time limit."""


class HTTPStatusError(FetchError):
    """The server answered with an error status (4xx or 5xx); the number is in ``status``."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class NotHTMLError(WebError, ValueError):
    """The link gives something other than a web page or plain text (a PDF, an image ...)."""


class PageTooLargeError(WebError, ArticleTooLargeError):
    """The page is larger than :data:`newskit.article.MAX_BYTES`."""


class NotAnArticleError(WebError, ValueError):
    """The page has too little running text to be an article (a home page, a list of links, a video page)."""


class PaywallError(NotAnArticleError):
    """The page holds only the start of an article and a request to subscribe or log in."""
