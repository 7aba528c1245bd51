"""Words that go together more often than chance predicts: pairs and triples scored with NLTK's measures.

>>> import newskit
>>> collocations(newskit.sample(), measure="likelihood").rows[0].words
('prime', 'minister')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..core.fmt import html_table, text_table
from ..core.text import Text
from ..errors import QueryError
from ._common import _cached, _whole, _word_runs

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


def _score(runs: list[list[str]], n: int, measure: str, min_count: int,
           stopwords: frozenset[str]) -> list[tuple[tuple[str, ...], int, float]]:
    """(n-gram, count, score) of every n-gram seen at least *min_count* times, not only stopwords, best first.

    The counts are those NLTK's Bigram/TrigramCollocationFinder.from_documents would make, counted with
    Counter: words, and the n-grams (and for trigrams the (w1, w3) pairs) inside each run. As in NLTK,
    n - 1 Nones after each run keep every n-gram and pair inside one run; the scores are NLTK's measures.
    """
    from nltk.collocations import BigramAssocMeasures, TrigramAssocMeasures

    pad = [None] * (n - 1)
    stream: list[str | None] = []
    for run in runs:
        stream += run
        stream += pad
    word_fd = Counter(stream)
    del word_fd[None]
    n_all = len(stream) - len(runs) * (n - 1)
    pairs = Counter(zip(stream, stream[1:], strict=False))
    if n == 3:
        grams = Counter(zip(stream, stream[1:], stream[2:], strict=False))
        wild = Counter(zip(stream, stream[2:], strict=False))
    else:
        grams = pairs
    keep = max(1, min_count)
    freq = {g: c for g, c in grams.items() if c >= keep and None not in g and not stopwords.issuperset(g)}
    measures = BigramAssocMeasures if n == 2 else TrigramAssocMeasures
    fn = measures.pmi if measure == "pmi" else measures.likelihood_ratio
    try:
        if n == 2:
            # NLTK scales a pair's count by 1 / (window_size - 1): a float
            scored = [(g, fn(c / 1.0, (word_fd[g[0]], word_fd[g[1]]), n_all)) for g, c in freq.items()]
        else:
            scored = [(g, fn(c, (pairs[g[:2]], wild[g[::2]], pairs[g[1:]]),
                             (word_fd[g[0]], word_fd[g[1]], word_fd[g[2]]), n_all)) for g, c in freq.items()]
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

        scored = _score(_word_runs(text), n, measure, min_count, resources.stopwords())
        return Collocations(n, measure, min_count, tuple(Collocation(tuple(g), c, s) for g, c, s in scored[:top]))

    return _cached(text, ("collocations", n, top, measure, min_count), build)
