"""What the structure analyses share: the role names, the per-text cache, token columns and quoted words.

Every analysis of :mod:`newskit.structure` is a pure function of a :class:`~newskit.core.text.Text`,
cached per text (keyed by the object), so asking again is free. The hot loops read the plain lists of
:func:`lex` rather than ``Word`` attributes.

>>> import newskit
>>> art = newskit.sample()
>>> lex(art).counted[:3].tolist(), sentences_per_paragraph(art)[:3]
([True, True, True], [1, 2, 1])
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain, count, repeat
from operator import attrgetter, itemgetter
from typing import Any, Literal, TypeVar

from ..core.text import Text
from ..core.words import CLITIC_TOKENS

__all__ = ["ROLES", "BODY_ROLES", "Role", "memo", "Lex", "lex", "is_all_caps", "sentences_per_paragraph",
           "quoted_flags", "quoted_mask"]

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
    """Columns over the tokens of ``text.words``, lists for the loops and numpy arrays for whole-text tests.

    Lists: ``Word.text`` (``text``), ``Word.lower``, ``Word.sentence``, the first token of each paragraph
    (paragraph p's tokens are ``para_start[p]:para_start[p + 1]``). Numpy arrays: ``Word.is_word``,
    ``counted`` (a word, not a clitic), ``sent`` (``sentence``), ``start`` (``Word.start``) and ``ids``: token i's
    text is ``forms[ids[i]]``, its lower-case form ``forms_lower_of[ids[i]]`` (``forms``: the distinct texts, in
    order of first use), so a test of a token's text is made once per distinct text and spread by numpy.
    """

    text: list[str]
    lower: list[str]
    is_word: Any
    counted: Any
    sentence: list[int]
    para_start: list[int]
    forms_text: set[str]  # the distinct token texts
    forms_lower: set[str]  # the distinct lower-case forms
    start: Any
    sent: Any
    ids: Any
    forms: list[str]
    forms_lower_of: list[str]
    _tests: dict[tuple[Any, bool], Any] = field(default_factory=dict, repr=False, compare=False)  # see form_test

    def per_paragraph(self, flags: Any) -> list[int]:
        """How many tokens of each paragraph have *flags* (a numpy array of bools, one per token) set.

        >>> import newskit
        >>> cols = lex(newskit.from_text("Title\\n\\nIraq's army left.\\n\\nIt rained."))
        >>> cols.per_paragraph(cols.counted)
        [3, 2]
        """
        import numpy as np

        running = np.concatenate(([0], np.cumsum(flags, dtype=np.int64)))
        bounds = np.asarray(self.para_start, dtype=np.intp)
        return (running[bounds[1:]] - running[bounds[:-1]]).tolist()

    def form_test(self, test: Callable[[str], Any], lower: bool = False, dtype: Any = bool) -> Any:
        """``test(t)`` for each distinct token text ``forms[k]`` (or its lower-case form): a numpy array (of bools,
        or of *dtype*: bit flags), one value per distinct text, worked out once per Lex and test
        (``cols.form_test(t)[cols.ids]`` has one value per token).

        >>> import newskit
        >>> lex(newskit.from_text("Title\\n\\nIraq's army left.")).form_test(str.istitle).tolist()
        [True, False, False, False, False]
        """
        import numpy as np

        found = self._tests.get((test, lower))
        if found is None:
            forms = self.forms_lower_of if lower else self.forms
            found = self._tests[test, lower] = np.fromiter(map(test, forms), dtype, len(forms))
        return found

    def of_forms(self, test: Callable[[str], Any], lower: bool = False) -> Any:
        """``test(t)`` for each token's text (or lower-case form), asked once per distinct one: numpy bools.

        >>> import newskit
        >>> lex(newskit.from_text("Title\\n\\nIraq's army left.")).of_forms(str.istitle).tolist()
        [True, False, False, False, False]
        """
        return self.form_test(test, lower)[self.ids]


def lex(text: Text) -> Lex:
    """The token properties the analyses test again and again, worked out once per text.

    >>> import newskit
    >>> cols = lex(newskit.from_text("Title\\n\\nIraq's army left."))
    >>> cols.text, cols.counted.tolist(), cols.sentence
    (['Iraq', "'s", 'army', 'left', '.'], [True, False, True, True, False], [0, 0, 0, 0, 0])
    """

    def compute() -> Lex:
        import numpy as np

        words = text.words
        n = len(words)
        texts = list(map(attrgetter("text"), words))
        code = dict(zip(dict.fromkeys(texts), count()))  # the distinct texts, numbered in order of first use
        forms = list(code)
        ids = np.fromiter(map(code.__getitem__, texts), np.intp, n)
        # a form's first token is where the running maximum of the numbers grows (they are given in order of
        # first use); Word.lower and Word.is_word depend on the text only, so that token tells them
        first = np.flatnonzero(ids > np.concatenate(([-1], np.maximum.accumulate(ids)[:-1]))) if n else None
        first_words = list(map(words.__getitem__, first.tolist() if n else []))
        lower_of = list(map(attrgetter("lower"), first_words))
        word_form = np.fromiter(map(attrgetter("is_word"), first_words), bool, len(forms))
        counted_form = word_form & ~np.fromiter(map(CLITIC_TOKENS.__contains__, lower_of), bool, len(forms))
        start = np.fromiter(map(attrgetter("start"), words), np.int64, n)
        # the tokens come sentence by sentence, each inside its sentence's span: a sentence's first token is the
        # first starting at or after the sentence's start
        sentences = text.sentences
        bounds = np.searchsorted(start, np.fromiter(map(attrgetter("start"), sentences), np.int64, len(sentences)))
        per_sentence = np.diff(np.append(bounds, n)).tolist()
        sent = np.repeat(np.arange(len(sentences), dtype=np.int64), per_sentence)
        sentence = list(chain.from_iterable(map(repeat, range(len(sentences)), per_sentence)))  # one int object per sentence
        # and the sentences come paragraph by paragraph: a paragraph's first token is the first token of its first
        # sentence (of a later one when it has no sentence)
        sentence_paragraph = list(map(attrgetter("paragraph"), sentences))
        first_sentence = [bisect_left(sentence_paragraph, p) for p in range(len(text.paragraphs) + 1)]
        return Lex(texts, np.array(lower_of, dtype=object)[ids].tolist() if n else [], word_form[ids],
                   counted_form[ids], sentence, [bisect_left(sentence, k) for k in first_sentence], set(forms),
                   set(lower_of), start, sent, ids, forms, lower_of)

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
    for p, n in Counter(map(attrgetter("paragraph"), text.sentences)).items():
        n_sent[p] = n
    return n_sent


def quoted_flags(text: Text) -> list[bool]:
    """For each token of ``text.words``: does it lie inside a direct quote?

    The quote spans come from :func:`newskit.sources.quotes` (the one home of quote spans; a quote
    broken by its attribution has several pieces). This is the one "is this token quoted" test of
    :mod:`newskit.structure`: the quote share of each paragraph and the pull-quote rule both read it
    (as the numpy array :func:`quoted_mask`).

    >>> import newskit
    >>> art = newskit.from_text("Title\\n\\n\u201cWe won,\u201d she said.")
    >>> [w.text for w, q in zip(art.words, quoted_flags(art)) if q]
    ['We', 'won', ',']
    """
    return memo(text, "quoted", lambda: quoted_mask(text).tolist())


def quoted_mask(text: Text) -> Any:
    """:func:`quoted_flags` as a numpy array of bools.

    A token is quoted when it lies inside a quote piece: it starts in the piece and ends by the piece's end.
    A token is tested against the first piece (sorted by span) that ends after the token starts. That piece is
    the first whose running maximum of ends passes the token's start, so each piece owns the tokens starting
    in [max(previous ends, its start), its end): found by bisection, not token by token. Tokens never overlap
    (each starts at or after the end of the one before), so of the tokens starting in that range only the
    last can end after the piece.
    """

    def compute() -> Any:
        import numpy as np

        from .. import sources

        pieces = sorted(pc for q in sources.quotes(text) for pc in q.pieces)
        words = text.words
        flags = np.zeros(len(words) + 1, np.int64)  # +1 and -1 where each piece's tokens begin and end
        if pieces:
            starts = np.fromiter(map(itemgetter(0), pieces), np.int64, len(pieces))
            ends = np.fromiter(map(itemgetter(1), pieces), np.int64, len(pieces))
            reach = np.concatenate(([-1], np.maximum.accumulate(ends)[:-1]))  # the largest end before each piece
            owner = ends > reach  # the pieces that reach past every piece before them
            word_start = lex(text).start
            first = np.searchsorted(word_start, np.maximum(reach, starts)[owner])
            stop = np.searchsorted(word_start, ends[owner])
            last = stop - 1
            past = [k >= a and words[k].end > e
                    for k, a, e in zip(last.tolist(), first.tolist(), ends[owner].tolist(), strict=True)]
            stop[np.array(past, bool)] -= 1  # the last token ends after the piece: not inside it
            np.add.at(flags, first, 1)
            np.add.at(flags, stop, -1)
        return np.cumsum(flags[:-1]) > 0

    return memo(text, "quoted_mask", compute)
