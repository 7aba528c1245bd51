"""newskit: read a news article the way a media analyst does.

Load an article, then ask it questions::

    import newskit
    art = newskit.sample()          # the bundled 2014 report on the fall of Mosul
    art.quotes()                    # who is quoted, saying what
    art.sources()                   # one row per source
    art.concordance("Maliki")       # every use of a word, in context

``import newskit`` is light: NLTK models, matplotlib and ipywidgets load only
when an analysis or a view first needs them.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from .article import MAX_BYTES, Article
from .core import __version__ as __version__
from .errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    EmptyArticleError,
    MissingResourceError,
    NewskitError,
    NotAFileError,
    QueryError,
    WebError,
)
from .loaders import from_bytes, from_text, load, load_folder, sample

__all__ = [
    "Article",
    "MAX_BYTES",
    "load",
    "load_folder",
    "from_text",
    "from_bytes",
    "sample",
    "quotes",
    "sources",
    "analyze",
    "analyze_corpus",
    "NewskitError",
    "ArticleNotFoundError",
    "NotAFileError",
    "EmptyArticleError",
    "BinaryInputError",
    "ArticleTooLargeError",
    "MissingResourceError",
    "QueryError",
    "WebError",
    "compare_corpus",
]

# Analysis functions re-exported lazily so that `import newskit` stays cheap.
# ``newskit.sources`` is both the module and, being callable, the function ``sources(article)``.
_LAZY = {
    "quotes": ("sources", "quotes"),
    "sources": ("sources", None),
    "analyze_corpus": ("corpus", "analyze_corpus"),
    "compare_corpus": ("corpus", "compare_corpus"),
    "corpus": ("corpus", None),
    "web": ("web", None),
    "analysis": ("analysis", None),
    "structure": ("structure", None),
    "language": ("language", None),
    "highlight": ("highlight", None),
    "plots": ("plots", None),
    "widgets": ("widgets", None),
    "report": ("report", None),
    "exercises": ("exercises", None),
}

if TYPE_CHECKING:  # pragma: no cover
    from . import sources
    from .analysis import Analysis
    from .corpus import analyze_corpus, compare_corpus
    from .sources import quotes


def analyze(article: Article | str | os.PathLike[str], *, has_headline: bool = True) -> Analysis:
    """Everything at once: every analysis of *article* (an :class:`Article`, or a file to load) in one result.

    >>> import newskit
    >>> a = newskit.analyze(newskit.sample())
    >>> len(a.quotes), sorted(a.to_dict())[:2]
    (9, ['article', 'language'])
    """
    from . import analysis

    if isinstance(article, (str, os.PathLike)):
        article = load(article, has_headline=has_headline)
    return analysis.analyze(article)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        mod = importlib.import_module(f".{module}", __name__)
        value = mod if attr is None else getattr(mod, attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newskit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
