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
from collections.abc import Callable, Container
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, repeat
from operator import attrgetter, itemgetter
from typing import Any, TypeAlias
from weakref import WeakKeyDictionary

from ..core.fmt import plural
from ..core.resources import WordMemo
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


#: :func:`_token_info` of each token text met, kept for the process (bounded): the words of news recur.
_TOKEN_INFOS = WordMemo(_token_info, limit=65536)
#: :func:`newskit.core.words.is_quote_mark` of each token text met, kept for the process (bounded).
_QUOTE_MARKS = WordMemo(is_quote_mark, limit=65536)


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
    token): each token gets the number of its distinct text (``ids``, into ``forms``), and what depends
    only on a token's text is worked out once per distinct text, then spread to the tokens by numpy.
    """

    def __init__(self, article: Text) -> None:
        import numpy as np

        text = article.text
        toks: list[_Token] = []
        if article.headline_span is not None:
            hs, he = article.headline_span
            toks += [_Tok(-1, s, e, text[s:e], -1, None, fold(text[s:e]), is_word(text[s:e]))
                     for s, e in word_spans(text, hs, he)]
        n_head = len(toks)
        toks += article.words
        n = len(toks)
        texts = list(map(attrgetter("text"), toks))
        code = dict(zip(dict.fromkeys(texts), itertools.count()))  # the distinct texts, numbered in order of first use
        forms = list(code)
        ids = np.fromiter(map(code.__getitem__, texts), np.intp, n)
        del code
        infos = list(map(_TOKEN_INFOS.__getitem__, forms))  # (folded, is a word, its word, units) per distinct text
        curly = [t for t in forms if "\u2018" in t]  # fold() makes "‘" straight, Word.lower does not
        if curly:
            curly_set = set(curly)
            for k in list(itertools.compress(itertools.count(n_head), map(curly_set.__contains__, texts[n_head:]))):
                w = toks[k]
                toks[k] = _Tok(w.index, w.start, w.end, w.text, w.sentence, w.paragraph, fold(w.text), w.is_word)
        self.toks = toks
        self.forms = forms  # the distinct texts: forms[ids[i]] is toks[i].text
        self.ids = ids
        self.n_headline = n_head
        self.folded_form = np.array([info[0] for info in infos], dtype=object)  # per distinct text
        self.is_word_form = np.fromiter(map(itemgetter(1), infos), bool, len(infos))  # per distinct text
        # words: the normalised word forms, with the token each comes from (a norm is never "", so filter()
        # keeps exactly the ones that are not None)
        norm_of = self._norm_of = np.array([info[2] for info in infos], dtype=object)
        norms: list[str | None] = norm_of[ids].tolist()
        self.norms = norms
        has_norm = np.fromiter((info[2] is not None for info in infos), bool, len(infos))
        # positions and offsets are kept as arrays of machine integers (8 bytes each, where a list holds an
        # 8-byte pointer to a 32-byte int object), worked out in numpy: a long article has millions of them
        self.word_tok = _int_array(np.flatnonzero(has_norm[ids]))
        self.word_forms: list[str] = list(filter(None, norms))
        self.headline_words = sum(1 for norm in norms[:n_head] if norm is not None)  # the first of word_forms
        # units: alphanumeric pieces of tokens, split at hyphens ("al-Maliki" -> al, Maliki), (start, end, form)
        # relative to the token; laid out per distinct text (form k's units are flat[first[k]:first[k + 1]])
        per_form = np.fromiter(map(len, map(itemgetter(3), infos)), np.intp, len(infos))
        flat = list(chain.from_iterable(map(itemgetter(3), infos)))
        first = np.concatenate(([0], np.cumsum(per_form)))
        counts = per_form[ids]  # units per token
        u_tok = np.repeat(np.arange(n, dtype=np.int64), counts)
        # the k-th unit of token i is flat[first[ids[i]] + k]: k counts up from 0 within each token's units
        within = np.arange(len(u_tok), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
        at = first[ids][u_tok] + within
        starts = np.fromiter(map(attrgetter("start"), toks), np.int64, n)[u_tok]
        self.u_tok = _int_array(u_tok)
        self.u_start = _int_array(starts + np.fromiter(map(itemgetter(0), flat), np.int64, len(flat))[at])
        self.u_end = _int_array(starts + np.fromiter(map(itemgetter(1), flat), np.int64, len(flat))[at])
        self._unit_forms = [u[2] for u in flat]  # the units' forms laid out per distinct text
        self._unit_at = at  # unit u is self._unit_forms[self._unit_at[u]]
        self.u_form: list[str] = np.array(self._unit_forms, dtype=object)[at].tolist() if flat else []

    def units_in(self, forms: Container[str]) -> list[int]:
        """The units whose form is in *forms*, in text order (tested once per distinct unit of a distinct text).

        >>> import newskit
        >>> _index(newskit.from_text("Head\\n\\nIt may rain, it may not.")).units_in({"may"})
        [2, 5]
        """
        import numpy as np

        if not self._unit_forms:
            return []
        inside = np.fromiter(map(forms.__contains__, self._unit_forms), bool, len(self._unit_forms))
        return np.flatnonzero(inside[self._unit_at]).tolist()

    def texts(self) -> list[str]:
        """Each token's text (``toks[i].text``), a new list (not kept: a long text has millions of tokens)."""
        import numpy as np

        return np.array(self.forms, dtype=object)[self.ids].tolist() if len(self.ids) else []

    @cached_property
    def lowers(self) -> list[str]:
        """Each token's folded text (``toks[i].lower``)."""
        return self.folded_form[self.ids].tolist()

    @cached_property
    def _norm_codes(self) -> tuple[list[str], Any]:
        """The distinct word forms in order of first use, and each token's number in that list (-1: no word)."""
        import numpy as np

        code: dict[str, int] = {}
        # forms come in order of first use, so a word form gets its number at its first token
        per_form = [-1 if w is None else code.setdefault(w, len(code)) for w in self._norm_of.tolist()]
        return list(code), np.array(per_form, dtype=np.int64)[self.ids] if len(self.ids) else np.zeros(0, np.int64)

    @property
    def norm_list(self) -> list[str]:
        """The distinct word forms (``word_forms`` without repeats), in order of first use."""
        return self._norm_codes[0]

    @property
    def nids(self) -> Any:
        """For each token, the number of its word form in :attr:`norm_list` (-1 when it counts as no word)."""
        return self._norm_codes[1]

    def word_counts(self) -> dict[str, int]:
        """``Counter(word_forms)`` as a plain dict, in the same order (first use), counted by numpy."""
        import numpy as np

        nids = self.nids
        counts = np.bincount(nids[nids >= 0], minlength=len(self.norm_list)).tolist()
        return dict(zip(self.norm_list, counts, strict=True))

    @cached_property
    def sentence(self) -> Any:
        """Each token's sentence (-1 in the headline), as a numpy array."""
        import numpy as np

        return np.fromiter(map(attrgetter("sentence"), self.toks), np.int64, len(self.toks))

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
        import numpy as np

        sentence = _index(text).sentence
        # the tokens come sentence by sentence: a group starts where the sentence number changes
        starts = [0, *(np.flatnonzero(sentence[1:] != sentence[:-1]) + 1).tolist()]
        return list(map(range, starts, [*starts[1:], len(sentence)])) if len(sentence) else []

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
        import numpy as np

        idx = _index(text)
        tags = list(text.tags)
        marks = np.fromiter(map(_QUOTE_MARKS.__getitem__, idx.forms), bool, len(idx.forms))  # (never a word)
        for k in np.flatnonzero(marks[idx.ids[idx.n_headline:]]).tolist():
            tags[k] = "``"
        return tags

    return _cached(text, "tags", build)


def _tag_codes(text: Text) -> tuple[list[str], Any]:
    """The distinct tags of :func:`_tags` (in order of first use) and, as a numpy array, each body token's
    number in that list: what numpy needs to count or pick tokens by tag."""

    def build() -> tuple[list[str], Any]:
        import numpy as np

        tags = _tags(text)
        code = {t: k for k, t in enumerate(dict.fromkeys(tags))}
        return list(code), np.fromiter(map(code.__getitem__, tags), np.intp, len(tags))

    return _cached(text, "tag_codes", build)


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

    def many(self, positions: Any) -> list[bool]:
        """``[self(pos) for pos in positions]``, worked out by numpy (*positions*: a sequence of offsets).

        The piece tested is the last one starting at or before the offset (``bisect_right`` on
        ``(pos, inf)`` finds the pieces whose start is at most pos: ``searchsorted(starts, pos, "right")``).
        """
        import numpy as np

        pos = np.asarray(positions, dtype=np.int64)
        if not self.spans or not len(pos):
            return [False] * len(pos)
        starts = np.fromiter(map(itemgetter(0), self.spans), np.int64, len(self.spans))
        ends = np.fromiter(map(itemgetter(1), self.spans), np.int64, len(self.spans))
        i = np.searchsorted(starts, pos, side="right") - 1
        return ((i >= 0) & (pos < ends[np.maximum(i, 0)])).tolist()


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
