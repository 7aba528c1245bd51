"""Tone: VADER's sentiment per sentence and per paragraph, the reporter's words and quoted words apart,
and the words that pushed each sentence's score (its ``drivers``).

VADER (Hutto & Gilbert 2014) adds up the valence its lexicon gives each word, adjusted for "not",
"very", capitals and "but". A word it does not know counts as neutral: in the seed's quote "this
aggression ... it's despicable" only "aggression" (-1.2) is in VADER's lexicon, so the positive
words around it win. The drivers show exactly that.

>>> import newskit
>>> s = sentiment(newskit.from_text("Head\\n\\nA great, happy day. A sad loss."))
>>> s.sentences[0].drivers
(('great', 3.1), ('happy', 2.7))

Names are not tone: the words of a proper name are left out of VADER's scoring (see :class:`Sentiment`),
so the White House spokesman Josh Earnest does not make a sentence "earnest" (+2.3).

>>> sentiment(newskit.from_text("Head\\n\\nThe spokesman, Josh Earnest, spoke on Monday.")).sentences[0].compound
0.0
"""

from __future__ import annotations

import bisect
import contextlib
import copy
import itertools
import operator
import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any

from ..core.fmt import Html, esc, html_table, text_table
from ..core.resources import WordMemo
from ..core.text import Text, from_columns
from ._common import _cached, _index, _quoted, _tag_codes

#: How many drivers a paragraph row of the tables shows (the strongest of its sentences').
SHOWN_DRIVERS = 3

#: A quoted piece (one run of quoted characters) needs this many words to count in the quoted scores: a
#: one- or two-word partial quote ("'retreat'") is too short for VADER to score and would add a 0.00.
MIN_QUOTED_WORDS = 3

#: The part-of-speech tags of a proper name (Penn Treebank).
NAME_TAGS = frozenset({"NNP", "NNPS"})

_LETTERS = re.compile(r"[^\W\d_]+")  # a run of letters


@dataclass(frozen=True, slots=True)
class SentenceTone:
    """VADER scores of one body sentence; ``quoted_share`` is the share of its characters inside quotes.

    ``drivers`` are the sentence's words that VADER's lexicon gives a valence (-4 .. +4), as
    (word as written, valence), strongest first: the words that pushed the score.
    """

    index: int
    start: int
    end: int
    paragraph: int
    compound: float
    positive: float
    negative: float
    neutral: float
    quoted_share: float
    drivers: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class ParagraphTone:
    """VADER compound score (-1 .. +1) of a paragraph: all of it, the reporter's words, the quoted words (None if none).

    ``compound_quoted`` scores only the quoted pieces of at least :data:`MIN_QUOTED_WORDS` words;
    ``quoted_chars`` counts the characters of all of them. Names are masked first (see :class:`Sentiment`).
    """

    number: int
    start: int
    end: int
    compound_all: float
    compound_reporter: float | None
    compound_quoted: float | None
    reporter_chars: int
    quoted_chars: int


def _signed(v: float | None) -> str:
    return "–" if v is None else f"{v:+.2f}"


def _colour(v: float) -> str:
    return "#2e7d32" if v >= 0.05 else "#c62828" if v <= -0.05 else "#555"


@dataclass(frozen=True)
class Sentiment:
    """Tone per sentence and per paragraph, with the reporter's text and quoted text scored apart.

    ``overall`` is the mean of the paragraphs' compound scores (all ``len(paragraphs)`` of them);
    ``reporter`` the mean of the ``reporter_n`` paragraphs' scores of the reporter's words (the text outside
    quotes) and ``quoted`` the mean of the ``quoted_n`` paragraphs' scores of their quoted words (None when
    there is no such text). A quoted piece of fewer than :data:`MIN_QUOTED_WORDS` words (a one-word partial
    quote such as 'retreat') is too short to score: it is left out of the quoted scores (it still counts in
    the paragraph's ``compound_all``; it is in neither the reporter's words nor the quoted words). These are
    unweighted means of paragraph scores, so ``overall`` need not lie between ``reporter`` and ``quoted``.

    Names are not tone: before VADER reads a text, the words of proper names are masked (each letter
    replaced by x or X, a token VADER does not know and so counts as neutral, without moving any
    offset). A name word is (a) a capitalised word (not in all capitals: those are VADER's emphasis, and
    acronyms) that the tagger reads as NNP or NNPS and that does not begin its sentence - a capital at the
    start of a sentence is not a name by default - or (b) a capitalised word of the name of a named speaker
    of a quote (:func:`newskit.sources.quotes`), wherever it stands. In the headline, the forms found in
    (a) or (b) in the body are masked. So a name never scores and never appears among the ``drivers``.
    """

    headline: float | None
    paragraphs: tuple[ParagraphTone, ...]
    sentences: tuple[SentenceTone, ...]
    reporter: float | None
    quoted: float | None
    overall: float | None
    reporter_n: int = 0
    quoted_n: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"headline": self.headline, "overall": self.overall, "reporter": self.reporter, "quoted": self.quoted,
                "reporter_n": self.reporter_n, "quoted_n": self.quoted_n, "min_quoted_words": MIN_QUOTED_WORDS,
                "paragraphs": [{"number": p.number, "start": p.start, "end": p.end, "compound_all": p.compound_all,
                                "compound_reporter": p.compound_reporter, "compound_quoted": p.compound_quoted,
                                "reporter_chars": p.reporter_chars, "quoted_chars": p.quoted_chars}
                               for p in self.paragraphs],
                "sentences": [{"index": s.index, "start": s.start, "end": s.end, "paragraph": s.paragraph,
                               "compound": s.compound, "positive": s.positive, "negative": s.negative,
                               "neutral": s.neutral, "quoted_share": round(s.quoted_share, 4),
                               "drivers": [{"word": w, "valence": v} for w, v in s.drivers]}
                              for s in self.sentences]}

    def paragraph_drivers(self, number: int, top: int = SHOWN_DRIVERS) -> list[tuple[str, float]]:
        """The strongest *top* drivers of paragraph *number*'s sentences (the paragraph counted from 1).

        >>> import newskit
        >>> sentiment(newskit.from_text("Head\\n\\nA great day. A sad loss.")).paragraph_drivers(1)
        [('great', 3.1), ('sad', -2.1), ('loss', -1.3)]
        """
        found = [d for s in self.sentences if s.paragraph == number - 1 for d in s.drivers]
        return sorted(found, key=lambda d: -abs(d[1]))[:top]

    def summary(self) -> str:
        """What each figure of the tone line is: means of paragraph compound scores, and over how many.

        >>> import newskit
        >>> print(sentiment(newskit.from_text('Head\\n\\nA great day. "We are very sad today," she said.')).summary())
        ... # doctest: +NORMALIZE_WHITESPACE
        headline +0.00; overall +0.18 (mean of the compound scores of 1 paragraph);
        reporter's words +0.62 (mean over 1 paragraph with reporter's text);
        quoted words -0.53 (mean over 1 paragraph with a quote of 3+ words)
        """
        return (f"headline {_signed(self.headline)}; overall {_signed(self.overall)} "
                f"(mean of the compound scores of {_paras(len(self.paragraphs))}); reporter's words {_signed(self.reporter)} "
                f"(mean over {_paras(self.reporter_n)} with reporter's text); quoted words {_signed(self.quoted)} "
                f"(mean over {_paras(self.quoted_n)} with a quote of {MIN_QUOTED_WORDS}+ words)")

    def __str__(self) -> str:
        title = f"Tone (VADER compound, -1 negative to +1 positive): {self.summary()}"
        rows = [(f"¶{p.number}", _signed(p.compound_all), _signed(p.compound_reporter), _signed(p.compound_quoted),
                 ", ".join(f"{w} {v:+.1f}" for w, v in self.paragraph_drivers(p.number)))
                for p in self.paragraphs]
        return text_table(("paragraph", "all", "reporter", "quoted", "words that moved it"), rows, title, limit=40)

    def _repr_html_(self) -> str:
        def cell(v: float | None) -> Html:
            if v is None:
                return Html("<span style='color:#aaa'>–</span>")
            return Html(f"<span style='color:{_colour(v)}'>{v:+.2f}</span>")

        def words(number: int) -> Html:
            return Html(", ".join(f"<span style='color:{_colour(v)}'>{esc(w)} {v:+.1f}</span>"
                                  for w, v in self.paragraph_drivers(number)))

        rows = [(f"¶{p.number}", cell(p.compound_all), cell(p.compound_reporter), cell(p.compound_quoted),
                 words(p.number)) for p in self.paragraphs]
        cap = Html(f"VADER compound, -1 (negative) to +1 (positive). Headline {cell(self.headline)}; "
                   f"overall {cell(self.overall)} (mean of the compound scores of {esc(_paras(len(self.paragraphs)))}); "
                   f"reporter's words {cell(self.reporter)} (mean over {esc(_paras(self.reporter_n))} with "
                   f"reporter's text); quoted words {cell(self.quoted)} (mean over {esc(_paras(self.quoted_n))} "
                   f"with a quote of {MIN_QUOTED_WORDS}+ words; shorter quoted pieces are too short to score). "
                   "Names are left out of the scoring. "
                   "Words that moved it: the strongest words of VADER's lexicon in the paragraph, with their "
                   "valence (-4 to +4); a word VADER does not know counts as neutral.")
        return html_table(("paragraph", "all", "reporter", "quoted", "words that moved it"), rows,
                          numeric=[1, 2, 3], caption=cap)


def _paras(n: int) -> str:
    return f"{n} paragraph" + ("" if n == 1 else "s")


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _vader_view(analyser: Any) -> tuple[Any, list[str], frozenset[str]] | None:
    """A private copy of *analyser* whose punctuation list can be cut per text, its full list and its characters;
    None when this VADER does not look as expected (its marks or punctuation pattern are not what they should be)."""
    constants = getattr(analyser, "constants", None)
    marks = getattr(constants, "PUNC_LIST", None)
    strip = getattr(constants, "REGEX_REMOVE_PUNCTUATION", None)
    if not (isinstance(marks, list) and all(isinstance(m, str) and m for m in marks) and hasattr(strip, "sub")):
        return None
    try:  # the argument needs every mark's characters to be stripped from the words
        if strip.sub("", "".join(marks)):
            return None
    except Exception:  # noqa: BLE001
        return None
    view = copy.copy(analyser)
    view.constants = copy.copy(constants)
    return view, marks, frozenset("".join(marks))


#: Texts on which the one-pass scorer is checked against VADER's own ``polarity_scores`` (negation, "but",
#: capitals, boosters, "kind of", "least", idioms, emoticons and punctuation runs), and on a text whose
#: names are masked as :func:`_build_sentiment` masks them (the masked words must count as neutral).
_VADER_CHECKS = (
    "Xxxx Xxxxxxx, the spokesman, said XXXX was GOOD news for Xxxxxxx's people.",
    "A great, happy day. A sad loss.", "It was NOT good at all, but the VERY kind of people were not bad!!!",
    "At least it isn't the worst; the least bad option?? Kind of nice :) and it's the bomb.",
    "\u201cThis aggression ... it's despicable,\u201d he said -- 'never so good'. Cut the mustard, yeah right!",
)


class _Reading:
    """What VADER's ``SentiText`` reads from a text (its tokens and whether only some are in capitals), found
    without pairing every word with every punctuation mark.

    VADER maps a token "mark+word" or "word+mark" (the mark one of *marks*, the word one of the text's
    words with its punctuation removed, longer than a letter) to the word, "word+mark" first. A word has
    no punctuation and a mark is all punctuation, so the mark can only be the token's whole run of mark
    characters at that edge: one look-up per token instead of 17 per distinct word.
    """

    def __init__(self, text: str, constants: Any, marks: frozenset[str], chars: frozenset[str]) -> None:
        self.text = text
        self.PUNC_LIST = constants.PUNC_LIST
        self.REGEX_REMOVE_PUNCTUATION = strip = constants.REGEX_REMOVE_PUNCTUATION
        known = {w for w in strip.sub("", text).split() if len(w) > 1}
        wes = [we for we in text.split() if len(we) > 1]
        for k, we in enumerate(wes):
            if we[-1] in chars:
                j = len(we) - 1
                while j and we[j - 1] in chars:
                    j -= 1
                if we[j:] in marks and we[:j] in known:
                    wes[k] = we[:j]
                    continue
            if we[0] in chars:
                i = 1
                while i < len(we) and we[i] in chars:
                    i += 1
                if we[:i] in marks and we[i:] in known:
                    wes[k] = we[i:]
        self.words_and_emoticons = wes
        caps = sum(map(str.isupper, wes))
        self.is_cap_diff = 0 < len(wes) - caps < len(wes)


def _one_pass(view: Any, reading: Any, lexicon: dict[str, float], boosters: Any,
              valences: dict[tuple[Any, ...], float]) -> tuple[dict[str, float], tuple[tuple[str, float], ...]]:
    """``view.polarity_scores(text)`` and the drivers of *text*, from one reading of it (*reading*, what
    VADER's ``SentiText`` reads from it).

    The scoring steps are VADER's own (``sentiment_valence``, ``_but_check``, ``score_valence``), in the
    order its ``polarity_scores`` runs them; :func:`_vader_scorer` checks the results are the same. A word
    outside VADER's lexicon gets a valence of 0 from ``sentiment_valence``, so it is not asked; a word's
    valence depends only on the words from 3 before it to 2 after it, how many words come before it (up
    to 3) and whether only some words are in capitals, so *valences* keeps it for that window.
    """
    sentitext = reading
    words = sentitext.words_and_emoticons
    n = len(words)
    first = dict(zip(reversed(words), range(n - 1, -1, -1), strict=True))  # a word -> where it first occurs
    sentiments: list[float] = [0] * n
    out = []
    last = n - 1
    lows = list(map(str.lower, words))
    for k in itertools.compress(range(n), map(lexicon.__contains__, lows)):
        item, low = words[k], lows[k]
        i = first[item]
        if not ((i < last and low == "kind" and lows[i + 1] == "of") or low in boosters):
            window = (min(i, 3), sentitext.is_cap_diff, *words[max(0, i - 3):i + 3])
            v = valences.get(window)
            if v is None:
                v = valences[window] = view.sentiment_valence(0, sentitext, item, i, [])[-1]
            sentiments[k] = v
        # a driver: a word with a valence of its own (not a booster, not "kind" in "kind of")
        if low not in boosters and not (low == "kind" and words[k + 1:k + 2] == ["of"]):
            out.append((item, float(lexicon[low])))
    sentiments = view._but_check(words, sentiments)
    return view.score_valence(sentiments, sentitext.text), tuple(sorted(out, key=lambda wv: -abs(wv[1])))


def _vader_scorer(analyser: Any) -> Callable[[str], dict[str, float]]:
    """``analyser.polarity_scores``, made cheaper for news text with exactly the same results (see :func:`_vader_pass`)."""
    read = _vader_pass(analyser)
    return lambda text: read(text)[0]


def _vader_pass(analyser: Any) -> Callable[[str], tuple[dict[str, float], tuple[tuple[str, float], ...]]]:
    """For a text: ``analyser.polarity_scores(text)`` and its drivers, made cheaper for news text with exactly
    the same results.

    Before scoring, VADER pairs every distinct word of the text with each of its 17 punctuation
    marks (",word", "word!!", ...) to recognise tokens such as "word," - most of its time goes
    there. A token can only be a word plus the punctuation run at its edge, so the scorer reads
    each token's edge runs instead (:class:`_Reading`). The drivers are the text's words as VADER reads them that have a
    valence in VADER's lexicon, strongest first (boosters such as "very" and "kind" in "kind of"
    have none of their own), read in the same pass as the scores. If this VADER does not look as
    expected, its plain method is used (and there are no drivers).
    """
    found = _vader_view(analyser)
    lexicon = getattr(analyser, "lexicon", None)
    if found is None or not isinstance(lexicon, dict):
        return lambda text: (analyser.polarity_scores(text), ())
    view, marks, chars = found
    boosters = getattr(view.constants, "BOOSTER_DICT", {})
    mark_set = frozenset(marks)
    valences: dict[tuple[Any, ...], float] = {}  # a word's valence in its window (see _one_pass)

    def scores(text: str) -> tuple[dict[str, float], tuple[tuple[str, float], ...]]:
        return _one_pass(view, _Reading(text, view.constants, mark_set, chars), lexicon, boosters, valences)

    if not _checked(analyser, scores):
        return lambda text: (analyser.polarity_scores(text), ())
    return scores


#: Analysers whose one-pass scores were checked (once per analyser: it is loaded once per process) -> the verdict.
_CHECKED: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()


def _checked(analyser: Any, scores: Callable[[str], tuple[dict[str, float], Any]]) -> bool:
    """True when *scores* gives ``analyser.polarity_scores`` on :data:`_VADER_CHECKS` (checked once per analyser)."""
    try:
        return _CHECKED[analyser]
    except (KeyError, TypeError):
        pass
    try:
        same = all(scores(t)[0] == analyser.polarity_scores(t) for t in _VADER_CHECKS)
    except Exception:  # noqa: BLE001 - another VADER: its own method
        same = False
    with contextlib.suppress(TypeError):  # an analyser that cannot be weakly referenced is checked each time
        _CHECKED[analyser] = same
    return same


class _SpanIndex:
    """Spans sorted by start, with the running maximum of their ends, to find those meeting a range by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.reach = list(itertools.accumulate((e for _, e in spans), max))

    def meeting(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that may overlap [start, end), in order (a superset: the caller clips)."""
        lo = bisect.bisect_right(self.reach, start)  # every span before lo ends at or before start
        hi = bisect.bisect_left(self.starts, end, lo)  # every span from hi on starts at or after end
        return self.spans[lo:hi]

    def meeting_many(self, starts: Sequence[int], ends: Sequence[int]) -> tuple[list[int], list[int]]:
        """For each range [starts[k], ends[k]): (lo, hi) such that ``spans[lo:hi]`` is ``meeting(start, end)``,
        worked out by numpy (``bisect_left(a, x, lo)`` is ``max(lo, searchsorted(a, x))``)."""
        import numpy as np

        if not self.spans:
            return [0] * len(starts), [0] * len(starts)
        lo = np.searchsorted(np.asarray(self.reach, dtype=np.int64), np.asarray(starts, dtype=np.int64), side="right")
        hi = np.maximum(lo, np.searchsorted(np.asarray(self.starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)))
        return lo.tolist(), hi.tolist()

    def covered_many(self, starts: Sequence[int], ends: Sequence[int]) -> list[int] | None:
        """For each range [starts[k], ends[k]): how many of its characters the spans cover, each span counted
        (the sum of the lengths of the spans' overlaps with it); None when spans overlap one another.

        With spans that do not overlap, the characters covered before x are the lengths of the spans before
        the last one starting at or before x, plus that one's part before x; a range covers the difference.
        """
        import numpy as np

        if not self.spans:
            return [0] * len(starts)
        s = np.asarray(self.starts, dtype=np.int64)
        e = np.fromiter(map(itemgetter(1), self.spans), np.int64, len(self.spans))
        if (s[1:] < e[:-1]).any():
            return None
        before = np.concatenate(([0], np.cumsum(e - s)))

        def covered(x: Any) -> Any:
            k = np.searchsorted(s, x, side="right")  # the spans starting at or before x
            last = np.maximum(k - 1, 0)
            return np.where(k > 0, before[last] + np.minimum(x, e[last]) - s[last], 0)

        a, b = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
        return (covered(b) - covered(a)).tolist()


def _segments(start: int, end: int, holes: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Split [start, end) into (outside holes, inside holes) spans."""
    outside: list[tuple[int, int]] = []
    inside: list[tuple[int, int]] = []
    pos = start
    for s, e in holes:
        s, e = max(s, start), min(e, end)
        if e <= s:
            continue
        if s > pos:
            outside.append((pos, s))
        inside.append((s, e))
        pos = max(pos, e)
    if pos < end:
        outside.append((pos, end))
    return outside, inside


class _Memo(dict):  # type: ignore[type-arg]
    """A dict that works out a missing key's value with *build* and keeps it: ``map(memo.__getitem__, keys)``
    then runs in C for every key met before."""

    def __init__(self, build: Callable[[Any], Any]) -> None:
        super().__init__()
        self.build = build

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.build(key)
        return value


class _Scorer:
    """VADER for one article: every distinct text scored once (a one-sentence paragraph, a paragraph without quotes)."""

    def __init__(self) -> None:
        from ..core import resources

        self.vader = _vader_pass(resources.vader())
        self.scored: dict[str, tuple[dict[str, float], tuple[tuple[str, float], ...]]] = _Memo(self.vader)
        self.compounds: dict[str, float | None] = _Memo(self._compound)  # text -> compound(text)

    def polarity(self, s: str) -> dict[str, float]:
        """VADER's scores of *s*."""
        return self.scored[s][0]

    def drivers(self, s: str) -> tuple[tuple[str, float], ...]:
        """The words of *s* that VADER's lexicon gives a valence, strongest first."""
        return self.scored[s][1]

    def _compound(self, s: str) -> float | None:
        if not any(c.isalpha() for c in s):
            return None
        return round(float(self.polarity(s)["compound"]), 4)

    def compound(self, s: str) -> float | None:
        """The compound score of *s*, or None when it has no letter in it."""
        return self.compounds[s]


def _mask(word: str) -> str:
    """*word* with every letter made x (X for a capital): same length and case, a token VADER does not know."""
    return "".join(("X" if c.isupper() else "x") if c.isalpha() else c for c in word)


def _is_capitalised(word: str) -> bool:
    """A capital first letter, and not all in capitals (all capitals is VADER's emphasis, or an acronym)."""
    return word[:1].isupper() and not word.isupper()


_CAPITALISED = WordMemo(_is_capitalised, limit=65536)  # kept for the process (bounded)


def _name_forms(text: Text) -> tuple[list[tuple[int, int]], set[str]]:
    """The spans of the body's name words (see :class:`Sentiment`) and the set of their forms.

    A name word is capitalised (:func:`_is_capitalised`) and either a word of a named speaker or tagged
    NNP/NNPS without opening its sentence (being its sentence's first token with a letter or digit).
    Worked out by numpy on the index's columns: the tests on a token's text once per distinct text.
    (The tags are those of :func:`._common._tags`, which differ from ``text.tags`` only on quote marks,
    never capitalised.)
    """
    import numpy as np

    from .. import sources

    speakers = {w for q in sources.quotes(text) if q.speaker is not None and q.speaker.kind == "named"
                for w in q.speaker.name.split() if _is_capitalised(w)}
    words = text.words
    if not words:
        return [], set()
    idx = _index(text)
    ids = idx.ids[idx.n_headline:]
    sentence = idx.sentence[idx.n_headline:]
    tag_list, tag_of = _tag_codes(text)
    capitalised = np.fromiter(map(_CAPITALISED.__getitem__, idx.forms), bool, len(idx.forms))[ids]
    speaker = np.fromiter(map(speakers.__contains__, idx.forms), bool, len(idx.forms))[ids]
    name_tag = np.array([t in NAME_TAGS for t in tag_list])[tag_of]
    # a sentence's opening word: the first token with a letter or digit of its sentence
    wordlike = np.flatnonzero(idx.is_word_form[ids])
    opens = np.zeros(len(words), bool)
    if len(wordlike):
        opens[wordlike[np.concatenate(([True], sentence[wordlike[1:]] != sentence[wordlike[:-1]]))]] = True
    found = list(map(words.__getitem__, np.flatnonzero(capitalised & (speaker | (name_tag & ~opens))).tolist()))
    spans = list(zip(map(attrgetter("start"), found), map(attrgetter("end"), found), strict=True))
    return spans, set(map(attrgetter("text"), found))


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """*text* with the characters of *spans* (sorted, not overlapping) masked (:func:`_mask`), same length."""
    if not spans:
        return text
    starts = list(map(itemgetter(0), spans))
    ends = list(map(itemgetter(1), spans))
    gaps = map(text.__getitem__, map(slice, [0, *ends], [*starts, len(text)]))  # the text between the spans
    masks = map(_Memo(_mask).__getitem__, map(text.__getitem__, map(slice, starts, ends)))  # once per distinct word
    return "".join(itertools.chain.from_iterable(itertools.zip_longest(gaps, masks, fillvalue="")))


def _masked_headline(headline: str, forms: set[str]) -> str:
    """*headline* with its words whose form is in *forms* masked (:func:`_mask`)."""
    return _LETTERS.sub(lambda m: _mask(m.group()) if m.group() in forms else m.group(), headline) if forms else headline


def _paragraph_tones(text: Text, body: str, quoted: _SpanIndex, scorer: _Scorer) -> list[ParagraphTone]:
    """The tone of each paragraph of *body* (the text, names masked).

    A paragraph that meets no quoted piece is all reporter's text: its reporter's text is the paragraph itself
    (what :func:`_segments` and the join give) and it has no quoted text ("" scores None), so only the
    paragraphs with quotes are cut into pieces.
    """
    paragraphs = text.paragraphs
    starts = list(map(attrgetter("start"), paragraphs))
    ends = list(map(attrgetter("end"), paragraphs))
    compounds = list(map(scorer.compounds.__getitem__, map(body.__getitem__, map(slice, starts, ends))))
    reporter = compounds.copy()
    quoted_: list[float | None] = [None] * len(paragraphs)
    reporter_chars = list(map(operator.sub, ends, starts))
    quoted_chars = [0] * len(paragraphs)
    for k, lo, hi in zip(itertools.count(), *quoted.meeting_many(starts, ends)):
        if hi > lo:
            out, ins = _segments(starts[k], ends[k], quoted.spans[lo:hi])
            reporter[k] = scorer.compound(" ".join(body[s:e] for s, e in out))
            quoted_[k] = scorer.compound(" ".join(body[s:e] for s, e in ins if len(body[s:e].split()) >= MIN_QUOTED_WORDS))
            reporter_chars[k] = sum(e - s for s, e in out)
            quoted_chars[k] = sum(e - s for s, e in ins)
    return from_columns(ParagraphTone, [list(map(attrgetter("number"), paragraphs)), starts, ends,
                                    [c or 0.0 for c in compounds], reporter, quoted_, reporter_chars, quoted_chars])


def _sentence_tones(text: Text, body: str, quoted: _SpanIndex, scorer: _Scorer) -> list[SentenceTone]:
    """The tone of each sentence of *body* (the text, names masked): one row of scores per distinct text."""

    def row(s: str) -> tuple[float, float, float, float, tuple[tuple[str, float], ...]]:
        sc, drivers = scorer.scored[s]
        return round(float(sc["compound"]), 4), float(sc["pos"]), float(sc["neg"]), float(sc["neu"]), drivers

    sentences = text.sentences
    starts = list(map(attrgetter("start"), sentences))
    ends = list(map(attrgetter("end"), sentences))
    rows = list(map(_Memo(row).__getitem__, map(body.__getitem__, map(slice, starts, ends))))
    inside = quoted.covered_many(starts, ends)
    if inside is None:  # quoted pieces overlapping one another: each sentence cut by _segments
        inside = [0] * len(sentences)
        for k, lo, hi in zip(itertools.count(), *quoted.meeting_many(starts, ends)):
            if hi > lo:
                inside[k] = sum(e - b for b, e in _segments(starts[k], ends[k], quoted.spans[lo:hi])[1])
    share = list(map(operator.truediv, inside, [max(1, e - s) for s, e in zip(starts, ends, strict=True)]))
    scores = [list(map(itemgetter(c), rows)) for c in range(5)]  # compound, pos, neg, neu, drivers
    return from_columns(SentenceTone, [list(map(attrgetter("index"), sentences)), starts, ends,
                                   list(map(attrgetter("paragraph"), sentences)), *scores[:4], share, scores[4]])


def _build_sentiment(text: Text) -> Sentiment:
    scorer = _Scorer()
    spans, forms = _name_forms(text)
    body = _masked(text.text, spans)
    quoted = _SpanIndex(_quoted(text).spans)
    paras = _paragraph_tones(text, body, quoted, scorer)
    sents = _sentence_tones(text, body, quoted, scorer)
    head = scorer.compound(_masked_headline(text.headline, forms)) if text.headline else None
    reporter = [p.compound_reporter for p in paras if p.compound_reporter is not None]
    quotes = [p.compound_quoted for p in paras if p.compound_quoted is not None]
    return Sentiment(head, tuple(paras), tuple(sents), _mean(reporter), _mean(quotes),
                     _mean([p.compound_all for p in paras]), len(reporter), len(quotes))


def sentiment(text: Text) -> Sentiment:
    """VADER tone per sentence and per paragraph, with the reporter's words and quoted words apart.

    Quotes come from :func:`newskit.sources.quotes`; a paragraph's reporter text is what lies
    outside the quoted pieces. Each sentence keeps its ``drivers``: the words VADER's lexicon
    scores, with their valence, strongest first.

    >>> import newskit
    >>> s = sentiment(newskit.sample())
    >>> len(s.paragraphs), s.paragraphs[0].number
    (15, 1)
    """
    return _cached(text, "sentiment", lambda: _build_sentiment(text))
