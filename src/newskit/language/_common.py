"""What every language analysis shares: one index of an article's tokens (built once per article), the
word each token counts as, the body's tags, the quoted spans, and small argument and label helpers.

>>> import newskit
>>> idx = _index(newskit.from_text("Head\\n\\nIraq's army didn't flee."))
>>> idx.word_forms
['head', 'iraq', 'army', 'did', 'not', 'flee']
"""

from __future__ import annotations

import bisect
import itertools
import math
import numbers as _numbers
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from weakref import WeakKeyDictionary

from ..core.fmt import plural
from ..core.text import Text, word_spans
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


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    lower: str
    sentence: int  # -1 for the headline
    paragraph: int | None  # None for the headline
    is_word: bool
    body_index: int  # index into text.words, -1 for the headline


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


class _Index:
    """Tokens (headline first, then body), their word forms, and the units a concordance matches on.

    Built column by column (list comprehensions rather than a call per token); what depends only on a
    token's text is worked out once per distinct text.
    """

    def __init__(self, article: Text) -> None:
        text = article.text
        # the tokens as columns: headline tokens first (sentence -1, paragraph None, body index -1), then the body's
        starts: list[int] = []
        ends: list[int] = []
        if article.headline_span is not None:
            hs, he = article.headline_span
            for s, e in word_spans(text, hs, he):
                starts.append(s)
                ends.append(e)
        n_head = len(starts)
        words = article.words
        starts += [w.start for w in words]
        ends += [w.end for w in words]
        texts = [text[s:e] for s, e in zip(starts[:n_head], ends[:n_head], strict=True)]
        texts += [w.text for w in words]
        sentences = [-1] * n_head + [w.sentence for w in words]
        paragraphs: list[int | None] = [None] * n_head
        paragraphs += [w.paragraph for w in words]
        # what depends only on a token's text is worked out once per distinct text
        infos = {t: _token_info(t) for t in set(texts)}
        info = [infos[t] for t in texts]
        lowers = [x[0] for x in info]
        norms: list[str | None] = [x[2] for x in info]
        self.toks = list(map(_Tok, starts, ends, texts, lowers, sentences, paragraphs, [x[1] for x in info],
                             [-1] * n_head + [w.index for w in words]))
        self.n_headline = n_head
        # words: the normalised word forms, with the token each comes from
        self.norms = norms
        self.word_tok = [i for i, norm in enumerate(norms) if norm is not None]
        self.word_forms: list[str] = [norm for norm in norms if norm is not None]
        self.headline_words = sum(1 for norm in norms[:n_head] if norm is not None)  # the first of word_forms
        # units: alphanumeric pieces of tokens, split at hyphens ("al-Maliki" -> al, Maliki)
        units = [(i, start + s, start + e, form) for i, start, x in zip(itertools.count(), starts, info)
                 for s, e, form in x[3]]
        self.u_tok: list[int] = [u[0] for u in units]
        self.u_start: list[int] = [u[1] for u in units]
        self.u_end: list[int] = [u[2] for u in units]
        self.u_form: list[str] = [u[3] for u in units]

    # Only the concordance needs these: they are built the first time it asks.

    @cached_property
    def word_offset_of_tok(self) -> list[int]:
        """For each token, how many words come before it."""
        norms = self.norms
        return list(itertools.accumulate((norm is not None for norm in norms[:-1]), initial=0)) if norms else []

    @cached_property
    def postings(self) -> dict[str, list[int]]:
        """Unit form -> the units of that form, in text order."""
        postings: dict[str, list[int]] = defaultdict(list)
        for u, form in enumerate(self.u_form):
            postings[form].append(u)
        return dict(postings)

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


def _sentence_tokens(text: Text) -> list[list[int]]:
    """Token positions (in the index) grouped by sentence; the headline is the first group."""

    def build() -> list[list[int]]:
        groups: list[list[int]] = []
        last = None
        for i, t in enumerate(_index(text).toks):
            if t.sentence != last:
                groups.append([])
                last = t.sentence
            groups[-1].append(i)
        return groups

    return _cached(text, "sentence_tokens", build)


def _word_runs(text: Text) -> list[list[str]]:
    """Runs of word forms not interrupted by punctuation, clitics or sentence ends."""

    def build() -> list[list[str]]:
        norms = _index(text).norms
        runs: list[list[str]] = []
        for group in _sentence_tokens(text):
            run: list[str] = []
            for i in group:
                n = norms[i]
                if n is None:
                    if run:
                        runs.append(run)
                    run = []
                else:
                    run.append(n)
            if run:
                runs.append(run)
        return runs

    return _cached(text, "runs", build)


def _tags(text: Text) -> list[str]:
    """Penn tags for text.words (``Text.tags``, one tagger pass per article); quote-mark tokens get "``"."""

    def build() -> list[str]:
        tags = list(text.tags)
        marks = {t for t in {w.text for w in text.words if not w.is_word} if is_quote_mark(t)}
        for w in text.words:
            if w.text in marks:
                tags[w.index] = "``"
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
