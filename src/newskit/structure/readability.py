"""Readability: Flesch, Flesch-Kincaid, Gunning fog, SMOG, Coleman-Liau and reading time, with syllable counts.

>>> import newskit
>>> r = readability(newskit.sample())
>>> r.verdict, r.words, count_syllables("government")
('difficult: college level', 600, 3)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.fmt import esc, html_table, number, plural, text_table
from ..core.text import Text, Word
from ..core.words import CLITIC_TOKENS, fold
from .base import Lex, is_all_caps, lex, memo
from .roles import paragraph_roles

__all__ = ["Readability", "readability", "count_syllables", "WORDS_PER_MINUTE", "MIN_WORDS_FOR_VERDICT"]

#: An adult's average silent reading speed, in words a minute (Brysbaert 2019).
WORDS_PER_MINUTE = 238

#: Below this many words the scores are computed but the verdict does not read them.
MIN_WORDS_FOR_VERDICT = 100

# --- syllables -----------------------------------------------------------------------------------


def _vowel_groups(word: str) -> int:
    count = 0
    prev = False
    for c in word:
        v = c in "aeiouy"
        if v and not prev:
            count += 1
        prev = v
    return count


def _rule_syllables(word: str) -> int:
    """Syllables by spelling: vowel groups, minus a silent final -e / -ed / -es; at least 1."""
    w = word.lower()
    if not w:
        return 0
    if w.isupper() or not any(c in "aeiouy" for c in w):
        letters = [c for c in w if c.isalpha()]
        if letters and not any(c in "aeiouy" for c in letters):  # an acronym read letter by letter: "BBC"
            return sum(3 if c == "w" else 1 for c in letters)
    n = _vowel_groups(w)
    if n > 1 and w.endswith("e") and not w.endswith(("le", "ee", "ye")):
        n -= 1
    elif n > 1 and w.endswith("ed") and len(w) > 3 and w[-3] not in "td":
        n -= 1
    elif n > 1 and w.endswith("es") and len(w) > 3 and w[-3] not in "szxhgc":
        n -= 1
    return max(n, 1)


def count_syllables(word: str, syllables: Mapping[str, int] | None = None) -> int:
    """Syllables of *word*: from the CMU pronouncing dictionary, else by spelling rules.

    *syllables* maps a lower-case word to its syllables in the dictionary (its first
    pronunciation's vowels); by default :func:`newskit.core.resources.cmudict_syllables`.
    A word found there counts at least 1. Hyphenated words add up their parts; a number
    counts one syllable per digit (a rough guess); punctuation counts 0.

    >>> count_syllables("government"), count_syllables("al-Maliki")
    (3, 4)
    """
    if syllables is None:
        from ..core import resources

        syllables = resources.cmudict_syllables()
    w = fold(word).strip("'\".,;:!?()[]\u201c\u201d")
    if not w:
        return 0
    n = syllables.get(w)
    if n is not None:
        return max(1, n)
    if "-" in w or "/" in w:
        parts = [x for x in w.replace("/", "-").split("-") if x]
        return sum(count_syllables(x, syllables) for x in parts)
    if "'" in w:  # a contraction not in the dictionary: its stem plus the clitic's own syllable
        base, _, tail = w.partition("'")
        extra = 1 if (tail == "t" and base.endswith("n") and base[-2:-1] not in "aeiou")  \
            or (tail == "s" and base.endswith(("s", "z", "x", "ch", "sh", "ce", "ge"))) else 0
        return count_syllables(base.removesuffix("n") if tail == "t" else base, syllables) + extra
    digits = sum(c.isdigit() for c in w)
    if digits:
        letters = "".join(c for c in w if c.isalpha())
        return digits + (_rule_syllables(letters) if letters else 0)
    if not any(c.isalpha() for c in w):
        return 0
    return _rule_syllables(w)


# --- the result ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Readability:
    """Readability scores of the body text, its counts, and a plain-English verdict.

    ``include_furniture`` says whether captions, subheads and other page furniture were counted.
    """

    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog: float | None
    coleman_liau: float | None
    reading_time_minutes: float
    words: int
    sentences: int
    syllables: int
    complex_words: int
    polysyllables: int
    letters: int
    verdict: str
    include_furniture: bool = True

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data (scores rounded to 2 decimals)."""

        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 2)

        return {"flesch_reading_ease": r(self.flesch_reading_ease), "flesch_kincaid_grade": r(self.flesch_kincaid_grade),
                "gunning_fog": r(self.gunning_fog), "smog": r(self.smog), "coleman_liau": r(self.coleman_liau),
                "reading_time_minutes": r(self.reading_time_minutes), "words": self.words,
                "sentences": self.sentences, "syllables": self.syllables, "complex_words": self.complex_words,
                "polysyllables": self.polysyllables, "letters": self.letters, "verdict": self.verdict}

    def _rows(self) -> list[tuple[str, str, str]]:
        return [
            ("Flesch reading ease", number(self.flesch_reading_ease), "0-100: higher is easier"),
            ("Flesch-Kincaid grade", number(self.flesch_kincaid_grade), "US school grade"),
            ("Gunning fog", number(self.gunning_fog), "years of schooling"),
            ("SMOG", number(self.smog), "US school grade"),
            ("Coleman-Liau", number(self.coleman_liau), "US school grade"),
            ("Reading time", f"{self.reading_time_minutes:.1f} min", f"at {WORDS_PER_MINUTE} words a minute"),
        ]

    def _counts(self) -> str:
        left_out = "headline left out" if self.include_furniture else "headline, captions, subheads and other furniture left out"
        return (f"{plural(self.words, 'word')}, {plural(self.sentences, 'sentence')}, "
                f"{plural(self.syllables, 'syllable')}; {left_out}")

    def __str__(self) -> str:
        return "\n".join([f"Readability: {self.verdict} ({self._counts()})",
                          text_table(("measure", "score", "scale"), self._rows())])

    def _repr_html_(self) -> str:
        table = html_table(("measure", "score", "scale"), self._rows(), numeric=[1])
        return (f"<div class='newskit-readability'><p><b>Readability</b>: {esc(self.verdict)} "
                f"({esc(self._counts())})</p>{table}</div>")


_BANDS = ((90, "very easy: 5th grade (age 10-11)"), (80, "easy: 6th grade (age 11-12)"),
          (70, "fairly easy: 7th grade (age 12-13)"), (60, "plain English: 8th-9th grade (age 13-15)"),
          (50, "fairly difficult: 10th-12th grade (high school)"), (30, "difficult: college level"))
_TOO_SHORT = f"too short to score reliably (under {MIN_WORDS_FOR_VERDICT} words)"


def _verdict(fre: float | None, words: int | None = None) -> str:
    if fre is None:
        return "no words to measure"
    if words is not None and words < MIN_WORDS_FOR_VERDICT:
        return _TOO_SHORT
    for floor, text in _BANDS:
        if fre >= floor:
            return text
    return "very difficult: college graduate level"


def _complex(word: str, syl: int, sentence_initial: bool, caps: bool, syllables: Mapping[str, int]) -> bool:
    """Gunning's "complex word": 3+ syllables, not a proper noun, not a compound, not made so by -es/-ed/-ing."""
    if syl < 3 or "-" in word:
        return False
    if not caps and not sentence_initial and word[:1].isupper():
        return False
    low = fold(word)
    for suffix in ("ing", "ed", "es"):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)]
            n = syllables.get(stem)
            if n is None:
                n = syllables.get(stem + "e")
            return (n if n is not None else _rule_syllables(stem)) >= 3
    return True


def _word_counts(cols: Lex, tokens: Sequence[Word], keep: Any = None) -> tuple[Counter[str], list[str]]:
    """How often each word occurs (a clitic joined to its word: "did" + "n't" is "didn't") and the first word
    of each sentence that has one. The tokens counted are those of *keep* (token positions in text order, a
    numpy array), or all; "the token before" means the one before among them. Worked out by numpy on the
    columns of :func:`.base.lex`: only the (rare) clitics are visited one by one."""
    import numpy as np

    pos = np.arange(len(tokens)) if keep is None else keep
    ids = cols.ids[pos]
    is_word = cols.is_word[pos]
    forms = cols.forms
    # A clitic right after the word before it ("did" + "n't", "Iraq" + "’s") is part of that word. Clitics
    # are rare: find them by their text and join them; every other word token is a word of its own.
    clitic_form = np.fromiter(map(CLITIC_TOKENS.__contains__, cols.forms_lower_of), bool, len(forms))
    word_at = np.flatnonzero(is_word)  # positions (among the tokens counted) of the words
    head_of: dict[int, int] = {}  # position of a joined clitic -> position of its word's first token
    clitics = np.flatnonzero(clitic_form[ids] & is_word)
    before = word_at[np.searchsorted(word_at, clitics) - 1]  # the word before each (a clitic is a word itself)
    for i, k in zip(clitics.tolist(), before.tolist(), strict=True):
        if k < i and tokens[int(pos[i])].start == tokens[int(pos[k])].end:
            head_of[i] = head_of.get(k, k)
    joined: dict[int, str] = {}  # position of a word's first token -> the word, clitics joined
    for i, h in head_of.items():  # in token order
        joined[h] = joined.get(h, forms[ids[h]]) + forms[ids[i]]
    # the counts are sums over distinct words, times their frequency
    freq = Counter(dict(zip(forms, np.bincount(ids[is_word], minlength=len(forms)).tolist(), strict=True)))
    for i in head_of:
        freq[forms[ids[i]]] -= 1
    for h, x in joined.items():
        freq[forms[ids[h]]] -= 1
        freq[x] += 1
    freq = Counter({x: c for x, c in freq.items() if c})
    # the first word of each sentence (sentences without words are not counted): the first word, not a joined
    # clitic, whose sentence differs from the one before it
    first_ok = is_word.copy()
    first_ok[list(head_of)] = False
    at = np.flatnonzero(first_ok)
    sentence = cols.sent[pos][at]
    at = at[np.concatenate(([True], sentence[1:] != sentence[:-1]))] if len(at) else at
    return freq, [joined.get(i, forms[ids[i]]) for i in at.tolist()]


def _build_readability(text: Text, include_furniture: bool) -> Readability:
    from ..core import resources

    syllables = resources.cmudict_syllables()
    caps = is_all_caps(text)
    cols = lex(text)
    if include_furniture:
        freq, firsts = _word_counts(cols, text.words)
    else:  # the tokens of the running-text paragraphs only
        import numpy as np

        body = np.zeros(len(text.paragraphs), bool)
        body[[r.index for r in paragraph_roles(text) if r.is_body]] = True
        keep = np.flatnonzero(np.repeat(body, np.diff(cols.para_start)))
        freq, firsts = _word_counts(cols, text.words, keep)
    n_words = freq.total()
    n_sent = len(firsts)
    at_start = Counter(firsts)
    syl_of = {x: count_syllables(x, syllables) for x in freq}
    n_syl = sum(syl_of[x] * c for x, c in freq.items())
    poly = sum(c for x, c in freq.items() if syl_of[x] >= 3)
    complex_words = 0
    for x, c in freq.items():
        if syl_of[x] >= 3:  # fewer syllables: never complex
            c0 = at_start.get(x, 0)
            complex_words += ((c0 and c0 * _complex(x, syl_of[x], True, caps, syllables))
                              + (c - c0 and (c - c0) * _complex(x, syl_of[x], False, caps, syllables)))
    letters = sum(c * sum(1 for ch in x if ch.isalpha()) for x, c in freq.items())
    minutes = n_words / WORDS_PER_MINUTE
    if n_words == 0 or n_sent == 0:
        return Readability(None, None, None, None, None, minutes, n_words, n_sent, n_syl, complex_words, poly,
                           letters, _verdict(None), include_furniture)
    wps = n_words / n_sent
    spw = n_syl / n_words
    fre = 206.835 - 1.015 * wps - 84.6 * spw
    fk = 0.39 * wps + 11.8 * spw - 15.59
    fog = 0.4 * (wps + 100 * complex_words / n_words)
    smog = 1.0430 * math.sqrt(poly * 30 / n_sent) + 3.1291
    cli = 0.0588 * (100 * letters / n_words) - 0.296 * (100 * n_sent / n_words) - 15.8
    return Readability(fre, fk, fog, smog, cli, minutes, n_words, n_sent, n_syl, complex_words, poly, letters,
                       _verdict(fre, n_words), include_furniture)


def readability(text: Text, *, include_furniture: bool = True) -> Readability:
    """Readability scores of the body text (the headline left out).

    By default every paragraph counts, whatever its role; with
    ``include_furniture=False`` only running text does (lede, body and
    quote-led paragraphs: captions, subheads, pull quotes and related links
    are left out, as :func:`~newskit.structure.pyramid` does by default).

    Counts: **words** are word tokens of ``text.words`` with a letter or
    digit, a clitic joined to its word ("did"+"n't" is one word);
    **sentences** are the sentences of ``text.sentences`` that hold a word;
    **syllables** come from the CMU pronouncing dictionary (first
    pronunciation), or, for words it lacks, from spelling rules (vowel groups
    less a silent final -e/-ed/-es; acronyms without vowels read letter by
    letter; hyphenated words add their parts; one syllable per digit).

    Formulas (W words, S sentences, Y syllables):

    * Flesch reading ease = 206.835 - 1.015 W/S - 84.6 Y/W (0-100, higher is
      easier; not clipped, so a one-word text can score above 100);
    * Flesch-Kincaid grade = 0.39 W/S + 11.8 Y/W - 15.59;
    * Gunning fog = 0.4 (W/S + 100 C/W), C = words of 3+ syllables that are
      not proper nouns (capitalised inside a sentence), not hyphenated and
      not 3 syllables only through -es/-ed/-ing;
    * SMOG = 1.0430 sqrt(30 P/S) + 3.1291, P = words of 3+ syllables;
    * Coleman-Liau = 0.0588 L - 0.296 S' - 15.8, L letters and S' sentences
      per 100 words;
    * reading time = W / 238 minutes (an adult's average silent reading speed).

    The verdict reads the Flesch score on the usual bands (60-70 "plain
    English", 30-50 "difficult: college level", ...). The formulas were made
    for texts of 100 words or more: below :data:`MIN_WORDS_FOR_VERDICT` (100)
    words every score is still computed, but the verdict says "too short to
    score reliably (under 100 words)" (a two-word text can get a Coleman-Liau
    grade of -10).

    How these counts relate to the other word counts of newskit: ``words``
    counts the same body words as ``len(article)`` (headline left out), except
    that a clitic counts as part of its word here: "Iraq's" and "didn't" are
    one word each, as in textstat or a word processor, where ``len(article)``
    counts the tokens "'s" and "n't" too (seed: 600 here, 603 there). The
    ``words`` column of :func:`~newskit.structure.structure` adds up to the same figure. The
    frequency and keyword counts of :mod:`newskit.language` count these words
    *and the headline's* (seed: 600 + 11 = 611; there "n't" counts as a word
    of its own, "not").

    Compared with ``textstat`` (seed body: FRE 39.1, FK grade 14.3; here 39.05 and
    14.0), the formulas are the same and the counts differ a little. Words
    agree (600). Sentences: Punkt, working paragraph by paragraph, finds 24;
    textstat finds 23 because its regular expression splits only at ``. ! ?``
    and ignores paragraph breaks, so the caption (¶7) and the subhead (¶11),
    which have no full stop, are glued to the next sentence, while "province...
    threatens" is cut in two. Syllables: 1010 against 1002: for words missing
    from cmudict textstat falls back on Pyphen hyphenation and newskit on the
    spelling rules above ("jihadist" 3 here, 2 there; "al-Qaeda" 3 here, 2 there). With no words at all
    every score is None.

    >>> import newskit
    >>> r = readability(newskit.sample())
    >>> r.sentences, 35 < r.flesch_reading_ease < 45
    (24, True)
    >>> readability(newskit.sample(), include_furniture=False).sentences  # the caption and the subhead left out
    22
    """
    key = "readability" if include_furniture else "readability-furniture"
    return memo(text, key, lambda: _build_readability(text, bool(include_furniture)))
