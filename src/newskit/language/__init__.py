"""What the words do: frequencies, concordance, keyness, tone, hedging, voice and naming.

Every function takes a :class:`~newskit.core.text.Text` (an :class:`~newskit.Article` is one) and
returns a small frozen result that shows itself as a table in a notebook (``_repr_html_``), prints
as plain text and turns into plain JSON-ready data with ``to_dict()``. Spans are character offsets
into ``article.text``, so a view can highlight exactly what was found.

One module per concern:

* :mod:`~newskit.language.vocabulary` — :func:`frequencies`, :func:`word_counts`, :func:`ngrams`,
  :func:`vocabulary`, :func:`pos_profile`
* :mod:`~newskit.language.concordance` — :func:`concordance` (keyword in context), :func:`dispersion`
* :mod:`~newskit.language.collocations` — :func:`collocations`
* :mod:`~newskit.language.keyness` — :func:`keyness`, :func:`keywords`
* :mod:`~newskit.language.tone` — :func:`sentiment` (VADER, with the words that drove each score)
* :mod:`~newskit.language.hedges` — :func:`hedges` (hedges, boosters, modal verbs)
* :mod:`~newskit.language.loaded` — :func:`loaded_words`
* :mod:`~newskit.language.quantities` — :func:`numbers`
* :mod:`~newskit.language.passives` — :func:`passives`
* :mod:`~newskit.language.labels` — :func:`labels` (how each actor is named)

What counts as "the words"
    The lexical analyses (frequencies, concordance, dispersion, collocations,
    keywords, vocabulary, n-grams, labels, hedges, loaded words, numbers) read the
    headline *and* the body: a headline hit has ``paragraph=None``. The analyses
    that need a part-of-speech tagger (``passives``, ``pos_profile``, modal verbs)
    read the body only, because a title-case headline confuses the tagger.
    Words are case-folded; curly apostrophes count as straight ones; clitics
    (:data:`newskit.core.words.CLITIC_TOKENS`: ``'s``, ``'re``, ``'t`` ...) are not words
    of their own, and ``n't`` counts as "not".
    Paragraph fields of hits are 0-based indexes (like ``Sentence.paragraph``);
    per-paragraph records carry a 1-based ``number`` as a reader counts.
    Whether a word is inside a quote is what :func:`newskit.sources.quotes` says.

The word lists (all lower case, documented beside the rule that uses them so students can criticise them)
    :data:`HEDGES`, :data:`BOOSTERS` and :data:`MODALS` (hedging and certainty),
    :data:`INTENSIFIERS` and :data:`EMOTIVE_WORDS` (loaded words, on top of Hu &
    Liu's opinion lexicon), :data:`GROUP_LABELS` (generic names for groups in the
    news), :data:`TITLES` (titles of several words before a person's name; one-word
    titles are :data:`newskit.core.words.PERSON_TITLES`),
    :data:`ARMED_GROUP_NAMES` (well-known armed groups, so that "the militants" can
    be tied to a named group) and :data:`APPROXIMATORS` (hedges before numbers).

>>> import newskit
>>> from newskit import language
>>> art = newskit.from_text("Storm hits coast\\n\\nThe storm hit the coast. Storm damage was reported by officials.")
>>> len(language.concordance(art, "storm"))
3
>>> language.frequencies(art, top=1).rows[0].word
'storm'
"""

from __future__ import annotations

from .collocations import Collocation, Collocations, collocations
from .concordance import MAX_WIDTH, Concordance, Dispersion, KwicHit, concordance, dispersion
from .hedges import BOOSTERS, HEDGES, MODALS, HedgeHit, Hedges, hedges
from .keyness import Keyness, KeynessRow, keyness, keywords
from .labels import ARMED_GROUP_NAMES, GROUP_LABELS, TITLES, ActorGroup, Label, Labels, labels
from .loaded import EMOTIVE_WORDS, INTENSIFIERS, LoadedWord, LoadedWords, loaded_words
from .passives import Passive, Passives, passives
from .quantities import APPROXIMATORS, Numbers, Quantity, numbers
from .tone import ParagraphTone, SentenceTone, Sentiment, sentiment
from .vocabulary import (
    Frequencies,
    NGram,
    NGrams,
    PosProfile,
    StemRow,
    TaggedWord,
    Vocabulary,
    WordCount,
    frequencies,
    ngrams,
    pos_profile,
    vocabulary,
    word_counts,
)

__all__ = [
    "frequencies", "concordance", "dispersion", "collocations", "keyness", "keywords", "word_counts",
    "vocabulary", "ngrams", "pos_profile", "sentiment", "labels", "passives", "hedges", "loaded_words", "numbers",
    "Frequencies", "WordCount", "Concordance", "KwicHit", "Dispersion", "Collocations", "Collocation",
    "Keyness", "KeynessRow", "Vocabulary", "StemRow", "NGrams", "NGram", "PosProfile", "TaggedWord",
    "Sentiment", "SentenceTone", "ParagraphTone", "Labels", "ActorGroup", "Label", "Passives", "Passive",
    "Hedges", "HedgeHit", "LoadedWords", "LoadedWord", "Numbers", "Quantity",
    "HEDGES", "BOOSTERS", "MODALS", "INTENSIFIERS", "EMOTIVE_WORDS", "GROUP_LABELS", "TITLES",
    "ARMED_GROUP_NAMES", "APPROXIMATORS", "MAX_WIDTH",
]
