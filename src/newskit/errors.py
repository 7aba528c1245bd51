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
