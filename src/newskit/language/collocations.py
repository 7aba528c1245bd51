"""Words that go together more often than chance predicts: pairs and triples scored with NLTK's measures.

>>> import newskit
>>> collocations(newskit.sample(), measure="likelihood").rows[0].words
('prime', 'minister')
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..core.fmt import html_table, text_table
from ..core.text import Text
from ..errors import QueryError
from ._common import _cached, _Index, _index, _whole

_MEASURE_LABELS = {"pmi": "PMI", "likelihood": "log-likelihood"}


@dataclass(frozen=True)
class Collocation:
    """Words that go together: how often, and the association ``score`` under the stated measure."""

    words: tuple[str, ...]
    count: int
    score: float

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Collocations:
    """Bigram or trigram collocations ranked by ``measure`` ("pmi" or "likelihood"), seen at least ``min_count`` times."""

    n: int
    measure: str
    min_count: int
    rows: tuple[Collocation, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Collocation]:
        return iter(self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "measure": self.measure, "min_count": self.min_count,
                "rows": [{"words": list(r.words), "count": r.count, "score": round(r.score, 4)} for r in self.rows]}

    def _rows(self) -> list[tuple[str, str, str]]:
        return [(r.text, str(r.count), f"{r.score:.2f}") for r in self.rows]

    def __str__(self) -> str:
        label = _MEASURE_LABELS[self.measure]
        return text_table(("words", "count", label), self._rows(),
                          f"Word {'pairs' if self.n == 2 else 'triples'} seen at least {self.min_count} times, "
                          f"ranked by {label}")

    def _repr_html_(self) -> str:
        label = _MEASURE_LABELS[self.measure]
        return html_table(("words", "count", label), self._rows(), numeric=[1, 2],
                          caption=f"{'pairs' if self.n == 2 else 'triples'} seen at least {self.min_count} times, "
                                  f"ranked by {label}")


def _windows(idx: _Index, n: int) -> tuple[Any, Any, Any, Any, Any]:
    """The n-gram windows of the runs of words, counted by numpy on the tokens' word numbers (``idx.nids``).

    A run is a stretch of words inside one sentence, cut by punctuation and clitics (what NLTK's finders see
    with ``from_documents`` over :func:`._common._word_runs`): a window of tokens lies inside one run when
    each of its tokens is a word and all are in one sentence. Returns (pair codes, their counts, n-gram codes,
    their counts, (w1, w3) codes and counts or None), each code list sorted: a pair is ``w1 * V + w2`` (V
    the number of distinct words), a triple ``p * V + w3`` where p is the number of its first pair among
    the pair codes.
    """
    import numpy as np

    v = max(1, len(idx.norm_list))
    nids, sentence = idx.nids, idx.sentence
    word = nids >= 0
    pair_ok = word[:-1] & word[1:] & (sentence[:-1] == sentence[1:])
    pair_code = nids[:-1] * v + nids[1:]
    pair_keys, pair_counts = np.unique(pair_code[pair_ok], return_counts=True)
    if n == 2:
        return pair_keys, pair_counts, pair_keys, pair_counts, None
    tri_ok = pair_ok[:-1] & pair_ok[1:]
    first_pair = np.searchsorted(pair_keys, pair_code[:-1][tri_ok])
    tri_keys, tri_counts = np.unique(first_pair * v + nids[2:][tri_ok], return_counts=True)
    wild = np.unique((nids[:-2] * v + nids[2:])[tri_ok], return_counts=True)
    return pair_keys, pair_counts, tri_keys, tri_counts, wild


def _score(idx: _Index, n: int, measure: str, min_count: int,
           stopwords: frozenset[str]) -> list[tuple[tuple[str, ...], int, float]]:
    """(n-gram, count, score) of every n-gram seen at least *min_count* times, not only stopwords, best first.

    The counts are those NLTK's Bigram/TrigramCollocationFinder.from_documents would make on the runs of
    words (:func:`._common._word_runs`): words, and the n-grams (and for trigrams the (w1, w3) pairs)
    inside each run, counted by :func:`_windows`; the scores are NLTK's measures.
    """
    import numpy as np
    from nltk.collocations import BigramAssocMeasures, TrigramAssocMeasures

    words = idx.norm_list
    v = max(1, len(words))
    word_fd = idx.word_counts()  # each word is in exactly one run
    n_all = len(idx.word_forms)
    pair_keys, pair_counts, keys, counts, wild = _windows(idx, n)
    keep = max(1, min_count)
    freq: dict[tuple[str, ...], int] = {}
    codes: dict[tuple[str, ...], tuple[int, ...]] = {}  # an n-gram's word numbers
    frequent = counts >= keep
    for code, c in zip(keys[frequent].tolist(), counts[frequent].tolist(), strict=True):
        if n == 2:
            ks: tuple[int, ...] = divmod(code, v)
        else:
            p, w3 = divmod(code, v)
            ks = (*divmod(int(pair_keys[p]), v), w3)
        g = tuple(words[k] for k in ks)
        if not stopwords.issuperset(g):
            freq[g] = c
            codes[g] = ks
    measures = BigramAssocMeasures if n == 2 else TrigramAssocMeasures
    fn = measures.pmi if measure == "pmi" else measures.likelihood_ratio

    def count_of(keys_: Any, counts_: Any, a: int, b: int) -> int:  # the count of the pair (a, b), present
        return int(counts_[np.searchsorted(keys_, a * v + b)])

    try:
        if n == 2:
            # NLTK scales a pair's count by 1 / (window_size - 1): a float
            scored = [(g, fn(c / 1.0, (word_fd[g[0]], word_fd[g[1]]), n_all)) for g, c in freq.items()]
        else:
            scored = []
            for g, c in freq.items():
                a, b, d = codes[g]
                pairs = (count_of(pair_keys, pair_counts, a, b), count_of(wild[0], wild[1], a, d),
                         count_of(pair_keys, pair_counts, b, d))
                scored.append((g, fn(c, pairs, (word_fd[g[0]], word_fd[g[1]], word_fd[g[2]]), n_all)))
    except (ValueError, ZeroDivisionError):
        scored = []
    # a total order (no score is NaN, every n-gram differs), so NLTK's own first sort would change nothing
    scored.sort(key=lambda gs: (-gs[1], -freq[gs[0]], gs[0]))
    return [(g, freq[g], float(s)) for g, s in scored]


def collocations(text: Text, n: int = 2, top: int = 10, measure: str = "pmi", min_count: int = 2) -> Collocations:
    """Pairs (``n=2``) or triples (``n=3``) of words that occur together more than chance predicts.

    Uses NLTK's collocation finders. ``measure="pmi"`` (pointwise mutual information, only
    n-grams seen at least *min_count* times: PMI overrates rare pairs) or ``"likelihood"``
    (Dunning's log-likelihood ratio). N-grams made only of stopwords are left out, and none
    crosses punctuation or a sentence end. Raises :class:`newskit.QueryError` for another *n* or
    *measure*, or a *top* / *min_count* that is not a whole number of 0 or more.

    >>> import newskit
    >>> ("prime", "minister") in [c.words for c in collocations(newskit.sample())]
    True
    """
    if isinstance(n, bool) or n not in (2, 3):
        raise QueryError(f"collocations are pairs (n=2) or triples (n=3), not n={n!r}")
    if measure not in _MEASURE_LABELS:
        raise QueryError(f"measure must be 'pmi' or 'likelihood', not {measure!r}")
    top = _whole("top", top)
    min_count = _whole("min_count", min_count)

    def build() -> Collocations:
        from ..core import resources

        scored = _score(_index(text), n, measure, min_count, resources.stopwords())
        return Collocations(n, measure, min_count, tuple(Collocation(tuple(g), c, s) for g, c, s in scored[:top]))

    return _cached(text, ("collocations", n, top, measure, min_count), build)
