"""The :class:`Article`: a :class:`~newskit.core.text.Text` with the verbs a student calls.

An :class:`Article` never changes. It keeps the text exactly as loaded
(``article.text``) and describes its parts by character offsets into it
(see :mod:`newskit.core.text`). Each verb is one line that calls an analysis
and returns its small typed result, which displays itself in a notebook.

>>> import newskit
>>> art = newskit.sample()
>>> art.headline[:21]
"Iraq's Army Abandoned"
>>> len(art.paragraphs), len(art.quotes())
(15, 9)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .core.text import MAX_BYTES, Paragraph, Sentence, Text, Word

if TYPE_CHECKING:  # pragma: no cover
    from . import analysis, highlight, language, sources, structure

__all__ = ["Article", "Paragraph", "Sentence", "Word", "MAX_BYTES"]


@dataclass(frozen=True, eq=False)
class Article(Text):
    """An article: its original ``text``, ``headline`` and body ``paragraphs``, and the verbs of analysis.

    Make one with :func:`newskit.load`, :func:`newskit.from_text` or
    :func:`newskit.sample`. The verbs (``quotes()``, ``sources()``,
    ``concordance()``, ...) call the analysis modules and return small typed
    results that display themselves in a notebook.

    >>> import newskit
    >>> art = newskit.from_text("Storm hits coast\\n\\nThe storm hit the coast on Monday.")
    >>> art.headline, len(art.paragraphs), [w.text for w in art.words][:3]
    ('Storm hits coast', 1, ['The', 'storm', 'hit'])
    """

    # --- verbs: thin wrappers over the analysis modules -----------------------------------

    def quotes(self) -> sources.QuoteList:
        """Direct quotes, in text order (see :func:`newskit.sources.quotes`)."""
        from . import sources

        return sources.quotes(self)

    def sources(self) -> sources.SourceTable:
        """Who is quoted: one row per distinct source (see :func:`newskit.sources.sources`)."""
        from . import sources

        return sources.sources(self)

    def attributions(self) -> sources.AttributionList:
        """Reported speech and unattributed claims (see :func:`newskit.sources.attributions`)."""
        from . import sources

        return sources.attributions(self)

    def outlets(self) -> sources.OutletList:
        """Media credited as channels of quotes or reports (see :func:`newskit.sources.outlets`)."""
        from . import sources

        return sources.outlets(self)

    def structure(self) -> structure.Structure:
        """Paragraph roles, shape and the inverted pyramid (see :func:`newskit.structure.structure`)."""
        from . import structure

        return structure.structure(self)

    def readability(self, *, include_furniture: bool = True) -> structure.Readability:
        """Readability scores of the body; ``include_furniture=False`` leaves captions and subheads out
        (see :func:`newskit.structure.readability`)."""
        from . import structure

        return structure.readability(self, include_furniture=include_furniture)

    def pyramid(self, *, include_furniture: bool = False) -> structure.Pyramid:
        """The inverted pyramid: where who, what, where and when first appear (see :func:`newskit.structure.pyramid`)."""
        from . import structure

        return structure.pyramid(self, include_furniture=include_furniture)

    def frequencies(self, top: int = 20, *, stopwords: bool = False) -> language.Frequencies:
        """The most frequent words; ``stopwords=False`` leaves out "the", "of", ... (see :func:`newskit.language.frequencies`)."""
        from . import language

        return language.frequencies(self, top=top, stopwords=stopwords)

    def concordance(self, query: str, width: int = 40) -> language.Concordance:
        """Every occurrence of *query* in context (KWIC); ``"flee*"`` matches a prefix."""
        from . import language

        return language.concordance(self, query, width=width)

    def dispersion(self, query: str) -> language.Dispersion:
        """Where *query* occurs through the article, for a dispersion plot (see :func:`newskit.language.dispersion`)."""
        from . import language

        return language.dispersion(self, query)

    def loaded_words(self) -> language.LoadedWords:
        """Evaluative and emotive words, the reporter's and the sources' (see :func:`newskit.language.loaded_words`)."""
        from . import language

        return language.loaded_words(self)

    def collocations(self, n: int = 2, top: int = 10) -> language.Collocations:
        """Word pairs (n=2) or triples (n=3) that go together (see :func:`newskit.language.collocations`)."""
        from . import language

        return language.collocations(self, n=n, top=top)

    def keywords(self, top: int = 20, *, stopwords: bool = False) -> language.Keyness:
        """Words unusually frequent here compared with ordinary news (Brown corpus); ``stopwords=True`` keeps "the", "he", ...

        (see :func:`newskit.language.keywords`)
        """
        from . import language

        return language.keywords(self, top=top, stopwords=stopwords)

    def sentiment(self) -> language.Sentiment:
        """VADER tone per sentence and paragraph, reporter vs quoted text (see :func:`newskit.language.sentiment`)."""
        from . import language

        return language.sentiment(self)

    def labels(self) -> language.Labels:
        """How the article names each actor, grouped (see :func:`newskit.language.labels`)."""
        from . import language

        return language.labels(self)

    def passives(self) -> language.Passives:
        """Passive constructions, with and without an agent (see :func:`newskit.language.passives`)."""
        from . import language

        return language.passives(self)

    def hedges(self) -> language.Hedges:
        """Hedges, boosters and modal verbs (see :func:`newskit.language.hedges`)."""
        from . import language

        return language.hedges(self)

    def show(self, layer: str = "quotes") -> highlight.HighlightedArticle:
        """The article with highlights, displayed in a notebook; no widget needed.

        *layer* is one of "quotes" (coloured by speaker), "roles", "loaded", "hedges",
        "passives", "labels" (see :data:`newskit.highlight.LAYERS`).

        >>> import newskit
        >>> newskit.sample().show("hedges").layer
        'hedges'
        """
        from . import highlight

        return highlight.view(self, layer)

    def analyze(self) -> analysis.Analysis:
        """Everything at once (see :func:`newskit.analysis.analyze`)."""
        from . import analysis

        return analysis.analyze(self)
