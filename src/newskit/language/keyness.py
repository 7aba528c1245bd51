"""Key words: the words an article (or a folder) uses unusually often or rarely compared with a reference.

>>> keyness({"storm": 5, "the": 10}, {"storm": 1, "the": 100}, min_count=1).words()
['storm']
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..core.fmt import esc, html_table, plural, text_table
from ..core.text import Text
from ._common import _cached, _index, _whole, _words_caption
from .vocabulary import word_counts

_HEADERS = ("word", "here", "reference", "expected", "LL", "log ratio")


@dataclass(frozen=True)
class KeynessRow:
    """One word: its count here and in the reference, the count expected here, log-likelihood and log ratio."""

    word: str
    count: int
    reference_count: int
    expected: float
    ll: float
    log_ratio: float


def _cells(rs: tuple[KeynessRow, ...]) -> list[tuple[str, ...]]:
    return [(r.word, str(r.count), str(r.reference_count), f"{r.expected:.2f}", f"{r.ll:.1f}", f"{r.log_ratio:+.2f}")
            for r in rs]


@dataclass(frozen=True)
class Keyness:
    """Key words: ``positive`` are overused here compared with the reference, ``negative`` underused.

    ``ll`` is Dunning's log-likelihood as computed by Rayson & Garside (3.84 means p < 0.05,
    6.63 p < 0.01, 15.13 p < 0.0001); ``log_ratio`` (Hardie) is the effect size: the binary
    log of the ratio of relative frequencies (1 = twice as frequent; a zero count counts as 0.5).
    """

    positive: tuple[KeynessRow, ...]
    negative: tuple[KeynessRow, ...]
    target_total: int
    reference_total: int
    min_count: int
    reference: str
    stopwords_included: bool = True
    headline_words: int = 0

    def to_dict(self) -> dict[str, Any]:
        def rows(rs: tuple[KeynessRow, ...]) -> list[dict[str, Any]]:
            return [{"word": r.word, "count": r.count, "reference_count": r.reference_count,
                     "expected": round(r.expected, 3), "ll": round(r.ll, 3), "log_ratio": round(r.log_ratio, 3)}
                    for r in rs]

        return {"reference": self.reference, "target_total": self.target_total,
                "headline_words": self.headline_words, "reference_total": self.reference_total,
                "min_count": self.min_count, "stopwords_included": self.stopwords_included,
                "positive": rows(self.positive), "negative": rows(self.negative)}

    def words(self) -> list[str]:
        """The positive key words, most key first."""
        return [r.word for r in self.positive]

    def _caption(self) -> str:
        return (f"compared with {self.reference} ({_words_caption(self.target_total, self.headline_words)} vs "
                f"{plural(self.reference_total, 'word')}; "
                f"stopwords {'included' if self.stopwords_included else 'left out'})")

    def __str__(self) -> str:
        """Both tables; an empty "Underused" list is one line, ``Underused: none``."""
        under = text_table(_HEADERS, _cells(self.negative), "Underused") if self.negative else "Underused: none"
        return "\n".join([text_table(_HEADERS, _cells(self.positive), f"Overused {self._caption()}"), under])

    def _repr_html_(self) -> str:
        numeric = range(1, len(_HEADERS))
        over = html_table(_HEADERS, _cells(self.positive), numeric=numeric, caption=f"Overused {self._caption()}")
        if not self.negative:
            return over + f"<p style='margin:0.2em 0;opacity:0.8'>{esc('Underused: none')}</p>"
        return over + html_table(_HEADERS, _cells(self.negative), numeric=numeric, caption="Underused")


def _as_counts(source: Mapping[str, int] | Text | Iterable[Text]) -> tuple[Mapping[str, int], int]:
    """The word counts of *source*, and how many of its words are headline words (0 for plain counts)."""
    if isinstance(source, Mapping):
        return source, 0
    articles = [source] if isinstance(source, Text) else list(source)
    counts = word_counts(articles)  # checks that every item is an Article
    return counts, sum(_index(a).headline_words for a in articles)


def keyness(target_counts: Mapping[str, int] | Text | Iterable[Text],
            reference_counts: Mapping[str, int] | Text | Iterable[Text], *, top: int = 20,
            min_count: int = 2, min_ll: float = 3.84, reference: str = "the reference",
            stopwords: bool = True) -> Keyness:
    """Compare word counts of a target (an article, a folder of articles, or counts) with a reference.

    Each side may be a ``{word: count}`` mapping, an Article, or a list of Articles (e.g.
    ``newskit.load_folder(...)``); an Article's words include its headline's. Words seen fewer
    than *min_count* times (in the target for positive keywords, in the reference for negative
    ones) or with log-likelihood below *min_ll* are left out. ``stopwords=False`` leaves NLTK's
    English stopwords out of both lists; the totals, and so every other word's figures, do not
    change. Raises :class:`newskit.QueryError` when *top* or *min_count* is not a whole number of
    0 or more.

    >>> keyness({"storm": 5, "the": 10}, {"storm": 1, "the": 100}, min_count=1).positive[0].word
    'storm'
    """
    top = _whole("top", top)
    min_count = _whole("min_count", min_count)
    t, head = _as_counts(target_counts)
    r, _ = _as_counts(reference_counts)
    return _keyness(t, r, sum(t.values()), sum(r.values()), set(t) | set(r), top=top, min_count=min_count,
                    min_ll=min_ll, reference=reference, skip=_skipped(stopwords), headline_words=head)


def _skipped(stopwords: bool) -> frozenset[str]:
    """The words a keyness list leaves out: none, or NLTK's English stopwords."""
    if stopwords:
        return frozenset()
    from ..core import resources

    return frozenset(resources.stopwords())


def _keyness_row(word: str, a: int, b: int, c: int, d: int) -> KeynessRow:
    """The keyness of one word: *a* and *b* its counts in the target and the reference, *c* and *d* their sizes."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    ll = 2 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))
    lr = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
    return KeynessRow(word, a, b, e1, ll, lr)


def _keyness(t: Mapping[str, int], r: Mapping[str, int], c: int, d: int, words: Iterable[str], *, top: int,
             min_count: int, min_ll: float, reference: str,
             absent: Iterable[tuple[str, int]] = (), skip: frozenset[str] = frozenset(),
             headline_words: int = 0) -> Keyness:
    """Keyness of *words*; *absent* (optional) lists reference words missing from the target, most frequent first.

    A word the target lacks can only be underused, and its log-likelihood grows with its reference count,
    so only the first *top* of *absent* that pass the filters can make the list: the scan stops there.
    Words in *skip* (stopwords) are left out of both lists; the totals *c* and *d* keep them.
    """
    pos: list[KeynessRow] = []
    neg: list[KeynessRow] = []
    if c and d:
        for word in words:
            if word in skip:
                continue
            row = _keyness_row(word, t.get(word, 0), r.get(word, 0), c, d)
            if row.ll < min_ll:
                continue
            if row.count > row.expected and row.count >= min_count:
                pos.append(row)
            elif row.count < row.expected and row.reference_count >= min_count:
                neg.append(row)
        taken = 0
        for word, b in absent:
            if taken >= top or b < min_count:
                break
            if word in t or word in skip:
                continue
            row = _keyness_row(word, 0, b, c, d)
            if row.ll < min_ll:
                break
            neg.append(row)
            taken += 1
    pos.sort(key=lambda x: (-x.ll, x.word))
    neg.sort(key=lambda x: (-x.ll, x.word))
    return Keyness(tuple(pos[:max(0, top)]), tuple(neg[:max(0, top)]), c, d, min_count, reference, not skip,
                   headline_words)


def _brown_reference() -> Counter[str]:
    """Brown news word counts read as newskit counts words: "'s" dropped, "n't" counted as "not"."""
    from ..core import resources

    store = _brown_reference.__dict__
    if "counts" not in store:
        counts: Counter[str] = Counter()
        for w, n in resources.brown_news_counts().items():
            w = w.replace("\u2019", "'")
            if w.endswith("'s"):
                w = w[:-2]
            elif w.endswith("n't"):
                counts["not"] += n
                w = w[:-3]
            w = w.strip("'")
            if w:
                counts[w] += n
        store["counts"] = counts
    return store["counts"]


def _brown_ranked() -> tuple[int, list[tuple[str, int]]]:
    """The Brown reference's total and its (word, count) pairs, most frequent first: worked out once per process."""
    store = _brown_ranked.__dict__
    if "r" not in store:
        ref = _brown_reference()
        store["r"] = (sum(ref.values()), sorted(ref.items(), key=lambda kv: (-kv[1], kv[0])))
    return store["r"]


def keywords(text: Text, top: int = 20, *, stopwords: bool = False) -> Keyness:
    """Words unusually frequent in *text* compared with ordinary news (the Brown corpus, news section).

    ``positive`` lists the words used more often here than in ordinary news, ``negative`` those used
    less often (see :func:`keyness` for the statistics; at least 2 occurrences, LL 3.84 or more).
    The article's words include its headline's.

    By default (``stopwords=False``) NLTK's English stopwords ("the", "on", "and", "he" ...) are
    left out of both lists, so the list reads as what the article is about. They still count in
    the totals, so every other word's figures are the same either way. ``stopwords=True`` keeps
    them: a little word is then "key" when the article uses it unusually often or rarely (a story
    that never says "he" has it underused). Raises :class:`newskit.QueryError` when *top* is not a
    whole number of 0 or more.

    >>> import newskit
    >>> kw = keywords(newskit.sample())
    >>> "mosul" in kw.words(), "the" in kw.words() + [r.word for r in kw.negative]
    (True, False)
    """
    top = _whole("top", top)

    def build() -> Keyness:
        ref = _brown_reference()
        total, ranked = _brown_ranked()
        counts = word_counts(text)
        return _keyness(counts, ref, sum(counts.values()), total, list(counts), top=top, min_count=2, min_ll=3.84,
                        reference="Brown news (1961)", absent=ranked, skip=_skipped(stopwords),
                        headline_words=_index(text).headline_words)

    return _cached(text, ("keywords", top, bool(stopwords)), build)
