"""What every language analysis shares: one index of an article's tokens (built once per article), the
word each token counts as, the body's tags, the quoted spans, and small argument and label helpers.

>>> import newskit
>>> idx = _index(newskit.from_text("Head\\n\\nIraq's army didn't flee."))
>>> idx.word_forms
['head', 'iraq', 'army', 'did', 'not', 'flee']
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import numbers as _numbers
import operator
import re
from array import array
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, repeat
from operator import attrgetter, itemgetter
from typing import Any, TypeAlias
from weakref import WeakKeyDictionary

from ..core.fmt import plural
from ..core.text import Text, Word, word_spans
from ..core.words import CLITIC_TOKENS, fold, is_quote_mark, is_word
from ..errors import QueryError

#: The characters a token is cut at into units ("al-Maliki" -> al, Maliki): hyphens, dashes and the slash.
_HYPHENS = "-\u2010\u2011\u2013"
_UNIT_BREAK = re.compile(f"[{re.escape(_HYPHENS)}/]")  # where _split_hyphens() cuts a token

# ------------------------------------------------------------------------------------------------
# A cache per article: each analysis is worked out once per article
# ------------------------------------------------------------------------------------------------

_CACHE: WeakKeyDictionary[Text, dict[Any, Any]] = WeakKeyDictionary()


def _cached(text: Text, key: Any, build: Callable[[], Any]) -> Any:
    """``build()``, worked out once per article and *key*."""
    store = _CACHE.get(text)
    if store is None:
        store = {}
        _CACHE[text] = store
    if key not in store:
        store[key] = build()
    return store[key]


# ------------------------------------------------------------------------------------------------
# The index of tokens
# ------------------------------------------------------------------------------------------------


def _norm(lower: str) -> str | None:
    """The word a (folded) token counts as, or None for clitics and punctuation; "n't" counts as "not".

    >>> _norm("n't"), _norm("'s"), _norm("'t"), _norm("iraq"), _norm("--")
    ('not', None, None, 'iraq', None)
    """
    if lower == "n't":
        return "not"
    if lower in CLITIC_TOKENS:
        return None
    word = lower.strip("'\"`")
    if not word or not is_word(word):
        return None
    return word


@dataclass(frozen=True, slots=True)
class _Tok:
    """A token of the index that is not one of ``text.words`` as it is: a headline token (``index`` -1,
    ``sentence`` -1, ``paragraph`` None), or a body token whose folded text is not its ``Word.lower`` (one
    with an opening curly quote). Its fields are those of :class:`~newskit.core.text.Word`."""

    index: int  # index into text.words, -1 for the headline
    start: int
    end: int
    text: str
    sentence: int  # -1 for the headline
    paragraph: int | None  # None for the headline
    lower: str  # the folded text (core.words.fold)
    is_word: bool


#: A token of the index: a body token is the text's own :class:`~newskit.core.text.Word` (not a copy).
_Token: TypeAlias = "_Tok | Word"


def _split_hyphens(token: str) -> list[tuple[int, int]]:
    """The spans of the alphanumeric pieces of *token* between hyphens and slashes."""
    out: list[tuple[int, int]] = []
    start = 0
    for i, c in enumerate(token + "-"):
        if c in _HYPHENS or c == "/" or i == len(token):
            if i > start and is_word(token[start:i]):
                out.append((start, i))
            start = i + 1
    return out


def _token_info(text: str) -> tuple[str, bool, str | None, tuple[tuple[int, int, str], ...]]:
    """(folded form, is a word, the word it counts as or None, its hyphen-split units) of one token's text."""
    low = fold(text)
    word = is_word(text)
    if not word:
        return low, False, None, ()
    if _UNIT_BREAK.search(text) is None:  # no hyphen or slash: the whole token is its one unit
        form = low[:len(text)]  # as _split_hyphens' span would cut it (lower() may lengthen a text)
        return low, True, _norm(low), ((0, len(text), "'s" if form == "'" else form),)
    units = []
    for s, e in _split_hyphens(text):
        form = low[s:e]
        units.append((s, e, "'s" if form == "'" else form))
    return low, True, _norm(low), tuple(units)


def _int_array(values: Any) -> array[int]:
    """A numpy array of integers as an ``array("q")``: compact, and its items are Python ints.

    >>> import numpy as np
    >>> _int_array(np.arange(3)).tolist()
    [0, 1, 2]
    """
    import numpy as np

    out = array("q")
    out.frombytes(np.ascontiguousarray(values, dtype=np.int64).tobytes())
    return out


class _Index:
    """Tokens (headline first, then body), their word forms, and the units a concordance matches on.

    ``toks[i]`` has the fields of a :class:`~newskit.core.text.Word` (``index`` is -1 in the headline,
    ``lower`` is always the folded text): the body's tokens are the text's own Word objects, so a
    long article does not hold a second object per token. Built column by column (no Python call per
    token); what depends only on a token's text is worked out once per distinct text.
    """

    def __init__(self, article: Text) -> None:
        text = article.text
        toks: list[_Token] = []
        if article.headline_span is not None:
            hs, he = article.headline_span
            toks += [_Tok(-1, s, e, text[s:e], -1, None, fold(text[s:e]), is_word(text[s:e]))
                     for s, e in word_spans(text, hs, he)]
        n_head = len(toks)
        words = article.words
        toks += words
        texts = list(map(attrgetter("text"), toks))
        # what depends only on a token's text is worked out once per distinct text
        infos = {t: _token_info(t) for t in set(texts)}
        curly = {t for t in infos if "\u2018" in t}  # fold() makes "‘" straight, Word.lower does not
        if curly:
            for k in list(itertools.compress(itertools.count(n_head), map(curly.__contains__, texts[n_head:]))):
                w = toks[k]
                toks[k] = _Tok(w.index, w.start, w.end, w.text, w.sentence, w.paragraph, infos[w.text][0], w.is_word)
        self.toks = toks
        self.n_headline = n_head
        info = list(map(infos.__getitem__, texts))
        del texts
        # words: the normalised word forms, with the token each comes from
        norms: list[str | None] = list(map(itemgetter(2), info))
        self.norms = norms
        # positions and offsets are kept as arrays of machine integers (8 bytes each, where a list holds an
        # 8-byte pointer to a 32-byte int object), worked out in numpy: a long article has millions of them
        import numpy as np

        n = len(toks)
        self.word_tok = _int_array(np.flatnonzero(np.fromiter(map(operator.is_not, norms, repeat(None)), bool, n)))
        self.word_forms: list[str] = [norm for norm in norms if norm is not None]
        self.headline_words = sum(1 for norm in norms[:n_head] if norm is not None)  # the first of word_forms
        # units: alphanumeric pieces of tokens, split at hyphens ("al-Maliki" -> al, Maliki); a token's units
        # are (start, end, form) relative to the token, one tuple per distinct text
        units = list(map(itemgetter(3), info))
        del info
        counts = np.fromiter(map(len, units), np.intp, n)
        flat = list(chain.from_iterable(units))
        del units
        starts = np.repeat(np.fromiter(map(attrgetter("start"), toks), np.int64, n), counts)
        self.u_tok = _int_array(np.repeat(np.arange(n, dtype=np.int64), counts))
        self.u_start = _int_array(starts + np.fromiter(map(itemgetter(0), flat), np.int64, len(flat)))
        self.u_end = _int_array(starts + np.fromiter(map(itemgetter(1), flat), np.int64, len(flat)))
        self.u_form: list[str] = list(map(itemgetter(2), flat))

    # Only the concordance needs these: they are built the first time it asks.

    @cached_property
    def word_offset_of_tok(self) -> array[int]:
        """For each token, how many words come before it."""
        import numpy as np

        norms = self.norms
        counted = np.fromiter(map(operator.is_not, norms[:-1], repeat(None)), np.int64, max(0, len(norms) - 1))
        return _int_array(np.concatenate(([0], np.cumsum(counted)))) if norms else array("q")

    @cached_property
    def postings(self) -> dict[str, array[int]]:
        """Unit form -> the units of that form, in text order."""
        postings: dict[str, list[int]] = defaultdict(list)
        for u, form in enumerate(self.u_form):
            postings[form].append(u)
        return {form: array("q", units) for form, units in postings.items()}

    @cached_property
    def vocab(self) -> list[str]:
        """The distinct unit forms, sorted (for prefix queries)."""
        return sorted(self.postings)

    def adjacent(self, u: int) -> bool:
        """True when unit u follows unit u-1 with nothing but a hyphen or space between (same sentence)."""
        a, b = self.u_tok[u - 1], self.u_tok[u]
        return (b == a or b == a + 1) and self.toks[a].sentence == self.toks[b].sentence


def _index(text: Text) -> _Index:
    """The article's token index, built once per article."""
    return _cached(text, "index", lambda: _Index(text))


def _sentence_tokens(text: Text) -> list[range]:
    """Token positions (in the index) grouped by sentence, each a range; the headline is the first group."""

    def build() -> list[range]:
        sentence = list(map(attrgetter("sentence"), _index(text).toks))
        # the tokens come sentence by sentence: a group starts where the sentence number changes
        starts = [0, *itertools.compress(itertools.count(1), map(operator.ne, sentence, sentence[1:]))]
        return list(map(range, starts, [*starts[1:], len(sentence)])) if sentence else []

    return _cached(text, "sentence_tokens", build)


def _word_runs(text: Text) -> list[list[str]]:
    """Runs of word forms not interrupted by punctuation, clitics or sentence ends."""

    def build() -> list[list[str]]:
        norms = _index(text).norms
        is_none = functools.partial(operator.is_, None)
        runs: list[list[str]] = []
        for group in _sentence_tokens(text):  # each sentence's word forms, cut where a token is no word
            runs += [list(run) for none, run in itertools.groupby(norms[group.start:group.stop], is_none) if not none]
        return runs

    return _cached(text, "runs", build)


def _tags(text: Text) -> list[str]:
    """Penn tags for text.words (``Text.tags``, one tagger pass per article); quote-mark tokens get "``"."""

    def build() -> list[str]:
        tags = list(text.tags)
        texts = list(map(attrgetter("text"), text.words))
        marks = {t for t in set(texts) if is_quote_mark(t)}  # (a quote mark is never a word)
        for k in itertools.compress(itertools.count(), map(marks.__contains__, texts)):
            tags[k] = "``"
        return tags

    return _cached(text, "tags", build)


# ------------------------------------------------------------------------------------------------
# Inside a quote? newskit.sources decides; this asks it once per article
# ------------------------------------------------------------------------------------------------


class _Quoted:
    """The quoted pieces of an article (``spans``, sorted), callable as the test "is this offset inside a quote?"."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans

    def __call__(self, pos: int) -> bool:
        spans = self.spans
        i = bisect.bisect_right(spans, (pos, math.inf)) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _quoted(text: Text) -> _Quoted:
    """The article's quotes as found by :func:`newskit.sources.quotes`: ``_quoted(text)(offset)`` is True inside one.

    >>> import newskit
    >>> art = newskit.from_text('Head\\n\\n"We won," she said.')
    >>> _quoted(art)(art.text.index("won")), _quoted(art)(art.text.index("she"))
    (True, False)
    """

    def build() -> _Quoted:
        from .. import sources

        return _Quoted(sorted(p for q in sources.quotes(text) for p in q.pieces))

    return _cached(text, "quoted", build)


# ------------------------------------------------------------------------------------------------
# Arguments and labels
# ------------------------------------------------------------------------------------------------


def _whole(name: str, value: Any, minimum: int = 0) -> int:
    """Check a count argument (``top``, ``width``, ``n``...) early; raise :class:`QueryError` with a clear message.

    >>> _whole("top", 5)
    5
    """
    if isinstance(value, bool) or not isinstance(value, _numbers.Integral):
        shown = f"the text {value!r}" if isinstance(value, str) else repr(value)
        raise QueryError(f"{name} must be a whole number such as 10, not {shown}")
    if value < minimum:
        raise QueryError(f"{name} must be {minimum} or more, not {value}")
    return int(value)


def _words_caption(total: int, headline: int) -> str:
    """``"611 words incl. headline"`` when the headline's words are part of *total*.

    >>> _words_caption(611, 11), _words_caption(1, 0)
    ('611 words incl. headline', '1 word')
    """
    return f"{plural(total, 'word')} incl. headline" if headline else plural(total, "word")


def _para_label(paragraph: int | None) -> str:
    """Where a hit is, as a reader counts: "headline" or "¶3" (for paragraph index 2)."""
    return "headline" if paragraph is None else f"¶{paragraph + 1}"
