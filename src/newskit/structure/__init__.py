"""How the article is built: paragraph roles, shape, the inverted pyramid, readability.

Four analyses, each a pure function of a :class:`~newskit.core.text.Text` (an
:class:`~newskit.Article` is one) returning a small frozen dataclass (every span
is a pair of character offsets into ``text.text``), one module per concern:

* :func:`paragraph_roles` (:mod:`.roles`) - what each paragraph *is*: the lede,
  ordinary body text, a paragraph opening with a quote, or page furniture that
  survived copy-and-paste (photo captions, subheads, pull quotes, "Read more"
  links), with the rule that decided it.
* :func:`structure` (:mod:`.shape`) - the roles plus the *shape* of every
  paragraph (words, sentences, share of quoted words) and the inverted pyramid;
  its :meth:`Structure.records` is the "structure map" dataset a plot draws.
* :func:`pyramid` (:mod:`.pyramid`, with :mod:`.names` and :mod:`.times`) -
  where the who / what / where / when of the story first appear.
* :func:`readability` (:mod:`.readability`) - Flesch, Flesch-Kincaid, Gunning
  fog, SMOG, Coleman-Liau and reading time of the body text.

:mod:`.base` holds what they share (the role names, the per-text cache, token
columns and the one "is this token quoted" test). Results are cached per text
(keyed by the object), so asking again is free.

>>> import newskit
>>> art = newskit.sample()
>>> [r.role for r in paragraph_roles(art)][:3]
['lede', 'body', 'quote-led']
>>> readability(art).verdict
'difficult: college level'
"""

from __future__ import annotations

# The functions named like their modules (pyramid, readability) are imported after their modules load, so
# ``newskit.structure.pyramid`` is the function, as it was before the package existed.
from .base import BODY_ROLES as BODY_ROLES
from .base import ROLES
from .base import Role as Role
from .names import TITLES_KEPT_IN_NAMES as TITLES_KEPT_IN_NAMES
from .pyramid import Kind as Kind
from .pyramid import Pyramid, PyramidItem, pyramid
from .readability import MIN_WORDS_FOR_VERDICT, Readability, count_syllables, readability
from .readability import WORDS_PER_MINUTE as WORDS_PER_MINUTE
from .roles import ParagraphRole, paragraph_roles
from .shape import ParagraphShape, Structure, structure, structure_map

__all__ = [
    "ROLES",
    "ParagraphRole",
    "ParagraphShape",
    "PyramidItem",
    "Pyramid",
    "Structure",
    "Readability",
    "paragraph_roles",
    "structure",
    "structure_map",
    "pyramid",
    "readability",
    "count_syllables",
    "MIN_WORDS_FOR_VERDICT",
]
