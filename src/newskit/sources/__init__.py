"""Who is quoted, saying what, through which outlet.

The pipeline is rule-based and linear in the length of the text; each stage is a module:

1. :mod:`~newskit.sources.marks` pairs double quote marks (straight, curly, mixed)
   paragraph by paragraph; a paragraph that opens a quote and does not close it,
   followed by a paragraph that reopens it, gives one quote in several pieces;
2. :mod:`~newskit.sources.attribution` turns each paragraph into a *frame*, the
   reporter's words with every quote replaced by a placeholder (tokens and tags:
   :mod:`~newskit.sources.tokens`), and its rules read it: ``"...", X said``,
   ``said X``, ``X, a resident, told AFP``, ``X said: "..."``, ``according to X``
   (the speaker phrases: :mod:`~newskit.sources.phrases`); a quote with none
   inherits the speaker of the paragraph's attribution, of the previous paragraph's
   last attribution (reported speech included), of the quote just before it, or of
   the last speaker;
3. :mod:`~newskit.sources.resolver` turns the phrase into a :class:`Source` (on what the
   article shows about its names, read once first: :mod:`~newskit.sources.evidence`; the
   word-level name rules: :mod:`~newskit.sources.names`; what an interview or an unnamed
   source's introduction says before: :mod:`~newskit.sources.context`): titles go
   to the descriptor, a surname becomes the full name used elsewhere in the article,
   "he"/"she" becomes the most salient *person* (only a name with evidence of being a
   person's counts: a first name from NLTK's names corpus, a title or role noun before
   it, or being quoted), a description ("the rookie defenceman") the person just named,
   and a phrase with no name is an unnamed source ("a resident") or an organisation;
   roles found anywhere in the article become descriptors, and descriptors categories, each with the
   rule that chose it (``Source.category_reason``; the rules: :data:`~newskit.sources.lexicon.CATEGORY_RULES`);
4. a fragment in marks is speech when a verb of saying, judging or characterising
   (VerbNet's classes, :func:`~newskit.sources.lexicon.is_saying_verb`) links it to a
   speaker; with nobody saying it (a scare quote, a title) it is left out (see
   :func:`scare_quotes`).

Every :class:`Quote` and :class:`Attribution` carries ``reason``, the rule that chose its
speaker ("'Patel writes' after the quote", "follow-on paragraph: speaker of ¶4").

:mod:`~newskit.sources.analyse` glues the stages (one pass per article, cached),
:mod:`~newskit.sources.lexicon` holds the word lists they read and
:mod:`~newskit.sources.results` the result classes, each with ``to_dict()``.

``newskit.sources`` is both this package and, being callable, the function
:func:`sources`: ``newskit.sources(article)`` gives the sources table.

>>> import newskit
>>> newskit.sources(newskit.sample()).rows[2].source.name
'Mahmud Nuri'
"""

from __future__ import annotations

import sys
import types

from ..core.text import Text
from .analyse import attributions, outlets, quote_records, quotes, scare_quotes, sources
from .lexicon import CATEGORY_RULES, OUTLETS, SPEECH_VERBS
from .results import (
    Attribution,
    AttributionList,
    Outlet,
    OutletList,
    Quote,
    QuoteList,
    Source,
    SourceRow,
    SourceTable,
    format_quote_table,
    quote_records_of,
)

__all__ = ["Source", "Quote", "Attribution", "Outlet", "SourceRow", "SourceTable", "QuoteList", "AttributionList",
           "OutletList",
           "quotes", "sources", "attributions", "outlets", "scare_quotes", "quote_records", "format_quote_table",
           "quote_records_of", "SPEECH_VERBS", "OUTLETS", "CATEGORY_RULES"]


class _CallableModule(types.ModuleType):
    """Lets ``newskit.sources(article)`` work although ``newskit.sources`` is also this package's name."""

    def __call__(self, article: Text) -> SourceTable:
        return sources(article)


sys.modules[__name__].__class__ = _CallableModule
