"""What the structure analyses share: the role names, the per-text cache, token columns and quoted words.

Every analysis of :mod:`newskit.structure` is a pure function of a :class:`~newskit.core.text.Text`,
cached per text (keyed by the object), so asking again is free. The hot loops read the plain lists of
:func:`lex` rather than ``Word`` attributes.

>>> import newskit
>>> art = newskit.sample()
>>> lex(art).counted[:3], sentences_per_paragraph(art)[:3]
([True, True, True], [1, 2, 1])
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from operator import and_, attrgetter
from typing import Any, Literal, TypeVar

from ..core.text import Text
from ..core.words import CLITIC_TOKENS

__all__ = ["ROLES", "BODY_ROLES", "Role", "memo", "Lex", "lex", "is_all_caps", "sentences_per_paragraph",
           "quoted_flags"]

Role = Literal["lede", "body", "quote-led", "caption", "subhead", "pull-quote", "related"]

#: Every paragraph role, body text first, then page furniture.
ROLES: tuple[str, ...] = ("lede", "body", "quote-led", "caption", "subhead", "pull-quote", "related")
#: The roles that count as the story's own running text (the rest is page furniture).
BODY_ROLES: frozenset[str] = frozenset({"lede", "body", "quote-led"})

_CACHE: weakref.WeakKeyDictionary[Text, dict[str, Any]] = weakref.WeakKeyDictionary()
_T = TypeVar("_T")


def memo(text: Text, key: str, compute: Callable[[], _T]) -> _T:
    """Compute *key* for *text* once; later calls return the stored (immutable) result.

    >>> import newskit
    >>> art = newskit.from_text("Title\\n\\nOne line.")
    >>> memo(art, "demo", lambda: 41 + 1), memo(art, "demo", lambda: 0)
    (42, 42)
    """
    if not isinstance(text, Text):
        raise TypeError(f"expected a newskit Article, not {type(text).__name__} (load one with newskit.load)")
    slot = _CACHE.setdefault(text, {})
    if key not in slot:
        slot[key] = compute()
    return slot[key]


@dataclass(frozen=True)
class Lex:
    """Columns over the tokens of ``text.words``: ``Word.text``, ``Word.lower``, ``Word.is_word``,
    ``Word.sentence``, "a counted word" (a word, not a clitic), and the tokens of each paragraph
    (``para_start[p]:para_start[p + 1]``)."""

    text: list[str]
    lower: list[str]
    is_word: list[bool]
    counted: list[bool]
    sentence: list[int]
    para_start: list[int]
    forms_text: set[str]  # the distinct token texts
    forms_lower: set[str]  # the distinct lower-case forms


def lex(text: Text) -> Lex:
    """The token properties the analyses test again and again, worked out once per text.

    >>> import newskit
    >>> cols = lex(newskit.from_text("Title\\n\\nIraq's army left."))
    >>> cols.text, cols.counted
    (['Iraq', "'s", 'army', 'left', '.'], [True, False, True, True, False])
    """

    def compute() -> Lex:
        words = text.words
        lower = list(map(attrgetter("lower"), words))
        is_word = list(map(attrgetter("is_word"), words))
        paragraph = list(map(attrgetter("paragraph"), words))  # non-decreasing: tokens come paragraph by paragraph
        forms = list(map(attrgetter("text"), words))
        forms_lower = set(lower)
        counted_form = {low: low not in CLITIC_TOKENS for low in forms_lower}
        return Lex(forms, lower, is_word, list(map(and_, is_word, map(counted_form.__getitem__, lower))),
                   list(map(attrgetter("sentence"), words)),
                   [bisect_left(paragraph, p) for p in range(len(text.paragraphs) + 1)], set(forms), forms_lower)

    return memo(text, "lex", compute)


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
_ASCII = bytes(range(128))


def is_all_caps(text: Text) -> bool:
    """True when (nearly) every letter of the body is upper case: capitals then carry no information.

    >>> import newskit
    >>> is_all_caps(newskit.from_text("STORM\\n\\nA STORM HIT THE COAST.")), is_all_caps(newskit.sample())
    (True, False)
    """

    def compute() -> bool:
        # ASCII letters are counted as bytes of the UTF-8 text (bytes.translate runs in C); the few non-ASCII
        # characters (always multi-byte in UTF-8, so never mistaken for ASCII) are decoded and tested one by one
        raw = "".join(p.text for p in text.paragraphs).encode("utf-8", "surrogatepass")
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        lower = len(raw) - len(raw.translate(None, _ASCII_LOWER))
        for c, n in Counter(raw.translate(None, _ASCII).decode("utf-8", "surrogatepass")).items():
            if c.isupper():
                upper += n
            elif c.islower():
                lower += n
        return upper + lower > 0 and lower <= 0.05 * (upper + lower)

    return memo(text, "all_caps", compute)


def sentences_per_paragraph(text: Text) -> list[int]:
    """How many sentences each paragraph has.

    >>> import newskit
    >>> sentences_per_paragraph(newskit.from_text("Title\\n\\nOne. Two.\\n\\nThree."))
    [2, 1]
    """
    n_sent = [0] * len(text.paragraphs)
    for s in text.sentences:
        n_sent[s.paragraph] += 1
    return n_sent


def quoted_flags(text: Text) -> list[bool]:
    """For each token of ``text.words``: does it lie inside a direct quote?

    The quote spans come from :func:`newskit.sources.quotes` (the one home of quote spans; a quote
    broken by its attribution has several pieces). This is the one "is this token quoted" test of
    :mod:`newskit.structure`: the quote share of each paragraph and the pull-quote rule both read it.

    >>> import newskit
    >>> art = newskit.from_text("Title\\n\\n\u201cWe won,\u201d she said.")
    >>> [w.text for w, q in zip(art.words, quoted_flags(art)) if q]
    ['We', 'won', ',']
    """

    def compute() -> list[bool]:
        from .. import sources

        # A token is tested against the first piece (sorted by span) that ends after the token starts. That
        # piece is the first whose running maximum of ends passes the token's start, so each piece owns the
        # tokens starting in [max(previous ends, its start), its end): found by bisection, not token by token.
        pieces = sorted(pc for q in sources.quotes(text) for pc in q.pieces)
        flags = [False] * len(text.words)
        reach = -1  # the largest end of the pieces so far
        for s, e in pieces:
            if e > reach:
                for w in text.words_between(max(reach, s), e):  # tokens starting there and ending by e
                    flags[w.index] = True
                reach = e
        return flags

    return memo(text, "quoted", compute)
