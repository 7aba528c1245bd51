"""Which words, how often and how varied: frequencies, word counts, n-grams, vocabulary and parts of speech.

>>> import newskit
>>> frequencies(newskit.from_text("Rain. Rain again."), top=1).rows[0]
WordCount(word='rain', count=2, share=0.6666666666666666)
"""

from __future__ import annotations

import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter
from typing import Any

from ..core.fmt import Html, esc, html_table, plural, text_table
from ..core.text import Text, from_columns
from ._common import _cached, _index, _quoted, _tag_codes, _tags, _whole, _word_runs, _words_caption

# ------------------------------------------------------------------------------------------------
# Frequencies
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordCount:
    """A word and how often it occurs; ``share`` is its count over all words of the article."""

    word: str
    count: int
    share: float


@dataclass(frozen=True)
class Frequencies:
    """The most frequent words (case-folded, punctuation left out)."""

    rows: tuple[WordCount, ...]
    total_words: int
    stopwords_included: bool
    headline_words: int = 0

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[WordCount]:
        return iter(self.rows)

    def as_dict(self) -> dict[str, int]:
        """``{word: count}`` in rank order."""
        return {r.word: r.count for r in self.rows}

    def to_dict(self) -> dict[str, Any]:
        return {"total_words": self.total_words, "headline_words": self.headline_words,
                "stopwords_included": self.stopwords_included,
                "rows": [{"word": r.word, "count": r.count, "share": round(r.share, 5)} for r in self.rows]}

    def _caption(self) -> str:
        return (f"{_words_caption(self.total_words, self.headline_words)}; "
                f"stopwords {'included' if self.stopwords_included else 'left out'}")

    def __str__(self) -> str:
        return text_table(("word", "count", "share"), [(r.word, str(r.count), f"{r.share:.1%}") for r in self.rows],
                          f"Most frequent words ({self._caption()})", limit=50)

    def _repr_html_(self) -> str:
        top = max((r.count for r in self.rows), default=1)
        rows = [(r.word, r.count,
                 Html(f"<span style='display:inline-block;background:#4c78a8;height:0.8em;"
                      f"width:{100 * r.count / top:.0f}px'></span> {r.share:.1%}")) for r in self.rows]
        return html_table(("word", "count", "share"), rows, numeric=[1], caption=self._caption())


def word_counts(source: Text | Iterable[Text], *, stopwords: bool = True) -> Counter[str]:
    """Case-folded word counts of an article or of several articles together (e.g. a folder).

    >>> import newskit
    >>> word_counts(newskit.from_text("Rain. Rain again."))["rain"]
    2
    """
    articles = [source] if isinstance(source, Text) else list(source)
    total: Counter[str] = Counter()
    for art in articles:
        if not isinstance(art, Text):
            raise TypeError(f"word_counts() expects Articles, not {type(art).__name__}")
        # Counter(word_forms), counted by numpy (same counts, same order: first use)
        total.update(_cached(art, "counts", lambda a=art: Counter(_index(a).word_counts())))
    if not stopwords:
        from ..core import resources

        sw = resources.stopwords()
        total = Counter({w: c for w, c in total.items() if w not in sw})
    return total


def frequencies(text: Text, top: int = 20, stopwords: bool = False) -> Frequencies:
    """The *top* most frequent words; ``stopwords=False`` leaves out "the", "of", ... (NLTK's English list).

    The words counted are the headline's *and* the body's: ``total_words`` says how many, the
    ``headline_words`` included, and a share is a count over that total. A clitic is no word of its
    own ("Iraq's" counts once, as "iraq"), except that "n't" counts as "not". On the seed that makes
    611 words: the 600 body words of :func:`newskit.structure.readability` plus the headline's 11
    (``len(article)`` says 603: it leaves the headline out but counts each "'s" as a word).
    Raises :class:`newskit.QueryError` when *top* is not a whole number of 0 or more.

    >>> import newskit
    >>> frequencies(newskit.sample(), top=3).rows[0].word
    'mosul'
    """
    top = _whole("top", top)

    def build() -> Frequencies:
        counts = word_counts(text, stopwords=stopwords)
        idx = _index(text)
        total = len(idx.word_forms)
        order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        rows = tuple(WordCount(w, c, c / total if total else 0.0) for w, c in order[:top])
        return Frequencies(rows, total, stopwords, idx.headline_words)

    return _cached(text, ("frequencies", top, stopwords), build)


# ------------------------------------------------------------------------------------------------
# N-grams
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NGram:
    """A sequence of *n* words and how often it occurs."""

    words: tuple[str, ...]
    count: int

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class NGrams:
    """The most frequent n-grams (never across punctuation or sentence ends)."""

    n: int
    rows: tuple[NGram, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[NGram]:
        return iter(self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "rows": [{"words": list(r.words), "count": r.count} for r in self.rows]}

    def __str__(self) -> str:
        return text_table((f"{self.n}-gram", "count"), [(r.text, str(r.count)) for r in self.rows],
                          f"Most frequent sequences of {self.n} words", limit=50)

    def _repr_html_(self) -> str:
        return html_table((f"{self.n}-gram", "count"), [(r.text, r.count) for r in self.rows], numeric=[1])


def ngrams(text: Text, n: int, top: int = 20, stopwords: bool = True) -> NGrams:
    """The *top* most frequent sequences of *n* words; ``stopwords=False`` drops n-grams made only of stopwords.

    >>> import newskit
    >>> ngrams(newskit.sample(), 2, stopwords=False).rows[0]
    NGram(words=('the', 'city'), count=5)
    """
    n = _whole("n (the number of words in a sequence)", n, 1)
    top = _whole("top", top)

    def build() -> NGrams:
        from ..core import resources

        sw = resources.stopwords() if not stopwords else frozenset()
        counts: Counter[tuple[str, ...]] = Counter()
        for run in _word_runs(text):
            for i in range(len(run) - n + 1):
                g = tuple(run[i:i + n])
                if sw and all(w in sw for w in g):
                    continue
                counts[g] += 1
        order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        return NGrams(n, tuple(NGram(g, c) for g, c in order))

    return _cached(text, ("ngrams", n, top, stopwords), build)


# ------------------------------------------------------------------------------------------------
# Vocabulary
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StemRow:
    """A stem (Porter) with its count and the word forms that share it."""

    stem: str
    count: int
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """Lexical variety: tokens, types, type/token ratio, MTLD, hapaxes and stems.

    MTLD (McCarthy & Jarvis 2010) is the mean length of word runs that keep a type/token ratio
    above 0.72, read forwards and backwards; unlike the TTR it hardly depends on length
    (about 70-100 for news). ``stems`` counts distinct Porter stems (flee, fled, fleeing: flee, fled).
    """

    tokens: int
    types: int
    ttr: float
    mtld: float
    hapaxes: int
    stems: int
    mean_word_length: float
    top_stems: tuple[StemRow, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"tokens": self.tokens, "types": self.types, "ttr": round(self.ttr, 4), "mtld": round(self.mtld, 2),
                "hapaxes": self.hapaxes, "stems": self.stems, "mean_word_length": round(self.mean_word_length, 3),
                "top_stems": [{"stem": s.stem, "count": s.count, "forms": list(s.forms)} for s in self.top_stems]}

    def _facts(self) -> list[tuple[str, str]]:
        return [("words (tokens)", str(self.tokens)), ("different words (types)", str(self.types)),
                ("type/token ratio", f"{self.ttr:.2f}"), ("MTLD", f"{self.mtld:.1f}"),
                ("words used once", str(self.hapaxes)), ("stems", str(self.stems)),
                ("mean word length", f"{self.mean_word_length:.1f}")]

    def _stem_rows(self) -> list[tuple[str, str, str]]:
        return [(s.stem, str(s.count), ", ".join(s.forms)) for s in self.top_stems]

    def __str__(self) -> str:
        return "\n".join([text_table(("measure", "value"), self._facts(), "Vocabulary"),
                          text_table(("stem", "count", "forms"), self._stem_rows(), "Most frequent stems")])

    def _repr_html_(self) -> str:
        return (html_table(("measure", "value"), self._facts(), numeric=[1])
                + html_table(("stem", "count", "forms"), self._stem_rows(), numeric=[1], caption="Most frequent stems"))


def _mtld_pass(words: list[str], threshold: float = 0.72) -> float:
    """One MTLD pass: the number of words over the number of runs ("factors") that keep the TTR above *threshold*."""
    factors = 0.0
    types: set[str] = set()
    count = 0
    for w in words:
        count += 1
        types.add(w)
        if len(types) / count <= threshold:
            factors += 1
            types = set()
            count = 0
    if count:
        ttr = len(types) / count
        factors += (1 - ttr) / (1 - threshold)
    return len(words) / factors if factors else float(len(words))


def vocabulary(text: Text, top: int = 10) -> Vocabulary:
    """How varied the vocabulary is (see :class:`Vocabulary`).

    >>> import newskit
    >>> v = vocabulary(newskit.from_text("Rain and rain and rain."))
    >>> v.tokens, v.types
    (5, 2)
    """
    top = _whole("top", top)

    def build() -> Vocabulary:
        from ..core import resources

        words = _index(text).word_forms
        counts = Counter(_index(text).word_counts())  # Counter(words), counted by numpy
        stem_counts: Counter[str] = Counter()
        forms: dict[str, set[str]] = defaultdict(set)
        for w, c in counts.items():
            s = resources.stem(w)
            stem_counts[s] += c
            forms[s].add(w)
        n = len(words)
        mtld = (_mtld_pass(words) + _mtld_pass(words[::-1])) / 2 if words else 0.0
        sw = resources.stopwords()
        content = [(s, c) for s, c in stem_counts.items() if not forms[s] <= sw]
        order = sorted(content, key=lambda kv: (-kv[1], kv[0]))[:top]
        return Vocabulary(
            tokens=n, types=len(counts), ttr=len(counts) / n if n else 0.0, mtld=mtld,
            hapaxes=sum(1 for c in counts.values() if c == 1), stems=len(stem_counts),
            mean_word_length=sum(len(w) * c for w, c in counts.items()) / n if n else 0.0,
            top_stems=tuple(StemRow(s, c, tuple(sorted(forms[s]))) for s, c in order))

    return _cached(text, ("vocabulary", top), build)


# ------------------------------------------------------------------------------------------------
# Parts of speech
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TaggedWord:
    """A body word with its Penn tag, universal tag and whether it lies inside a quote."""

    text: str
    start: int
    end: int
    paragraph: int
    tag: str
    universal: str
    quoted: bool


@dataclass(frozen=True)
class PosProfile:
    """Shares of universal parts of speech (NOUN, VERB, ADJ, ...) in the body, and its adjectives and adverbs.

    ``adjectives`` and ``adverbs`` outside quotes are the reporter's own colour; ``quoted`` tells.
    """

    counts: tuple[tuple[str, int], ...]
    total: int
    adjectives: tuple[TaggedWord, ...]
    adverbs: tuple[TaggedWord, ...]

    @property
    def shares(self) -> dict[str, float]:
        return {t: c / self.total for t, c in self.counts} if self.total else {}

    def reporter_adjectives(self) -> list[str]:
        """Adjectives outside quotes, as written."""
        return [w.text for w in self.adjectives if not w.quoted]

    def to_dict(self) -> dict[str, Any]:
        def words(ws: tuple[TaggedWord, ...]) -> list[dict[str, Any]]:
            return [{"text": w.text, "start": w.start, "end": w.end, "paragraph": w.paragraph, "tag": w.tag,
                     "quoted": w.quoted} for w in ws]

        return {"total": self.total, "counts": dict(self.counts),
                "shares": {k: round(v, 4) for k, v in self.shares.items()},
                "adjectives": words(self.adjectives), "adverbs": words(self.adverbs)}

    def _rows(self) -> list[tuple[str, str, str]]:
        shares = self.shares
        return [(t, str(c), f"{shares[t]:.1%}") for t, c in self.counts]

    def __str__(self) -> str:
        table = text_table(("part of speech", "count", "share"), self._rows(),
                           f"Parts of speech ({plural(self.total, 'word')} in the body)")
        return "\n".join([table, "Adjectives (* = inside a quote): "
                           + ", ".join(w.text + "*" * w.quoted for w in self.adjectives),
                           "Adverbs: " + ", ".join(w.text + "*" * w.quoted for w in self.adverbs)])

    def _repr_html_(self) -> str:
        def listing(ws: tuple[TaggedWord, ...]) -> str:
            return ", ".join(esc(w.text) if w.quoted else f"<b>{esc(w.text)}</b>" for w in ws)

        return (html_table(("part of speech", "count", "share"), self._rows(), numeric=[1, 2],
                           caption=f"{plural(self.total, 'word')} in the body")
                + f"<p><b>Adjectives</b> (bold = reporter's own words): {listing(self.adjectives)}</p>"
                + f"<p><b>Adverbs</b>: {listing(self.adverbs)}</p>")


def pos_profile(text: Text) -> PosProfile:
    """Universal-tagset shares of the body's words, and its adjectives and adverbs with spans.

    >>> import newskit
    >>> "despicable" in [w.text for w in pos_profile(newskit.sample()).adjectives]
    True
    """
    def build() -> PosProfile:
        import numpy as np

        from ..core import resources

        mapping = resources.universal_tag_map()
        tags = _tags(text)
        idx = _index(text)
        words = text.words
        # count the Penn tags of the words (tokens that count as a word), then map each distinct tag to its
        # universal tag; tags are numbered (in order of first use) so that numpy counts and picks them
        tag_code, coded = _tag_codes(text)
        is_word = idx.nids[idx.n_headline:] >= 0
        counts: Counter[str] = Counter()
        for tag, c in zip(tag_code, np.bincount(coded[is_word], minlength=len(tag_code)).tolist(), strict=True):
            if c:
                counts[mapping.get(tag, "X")] += c
        uni = {tag: mapping.get(tag, "X") for tag in tag_code}
        wanted = np.array([uni[tag] in ("ADJ", "ADV") for tag in tag_code] or [False])
        picked = np.flatnonzero(wanted[coded] & is_word).tolist()
        hits = [words[k] for k in picked]
        starts = list(map(attrgetter("start"), hits))
        hit_tags = [tags[k] for k in picked]
        hit_uni = list(map(uni.__getitem__, hit_tags))
        found = from_columns(TaggedWord, [list(map(attrgetter("text"), hits)), starts, list(map(attrgetter("end"), hits)),
                                      list(map(attrgetter("paragraph"), hits)), hit_tags, hit_uni,
                                      _quoted(text).many(starts)])
        is_adj = [u == "ADJ" for u in hit_uni]
        adjs = list(compress(found, is_adj))
        advs = list(compress(found, map(operator.not_, is_adj)))
        total = sum(counts.values())
        return PosProfile(tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))), total, tuple(adjs), tuple(advs))

    return _cached(text, "pos_profile", build)
