"""The "when" of a story: time expressions in the running text ("on Tuesday", "in late October", "last week").

>>> import newskit
>>> art = newskit.from_text("Title\\n\\nThe plant closed last week. Workers were told on Monday.")
>>> [label for _key, label, *_ in time_expressions(art, {0})]
['last week', 'on Monday']
"""

from __future__ import annotations

from ..core.resources import WordMemo
from ..core.text import Text
from .base import is_all_caps, lex

__all__ = ["WEEKDAYS", "MONTHS", "CALENDAR_WORDS", "time_expressions"]

#: Day names, lower case.
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Month names and their abbreviations, lower case.
MONTHS: frozenset[str] = frozenset(
    """january february march april may june july august september october november december jan jan. feb feb.
    mar. apr apr. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.""".split()
)
#: Every day and month word: a name made only of these is a date, not an actor or a place.
CALENDAR_WORDS: frozenset[str] = MONTHS | frozenset(WEEKDAYS)

_AMBIGUOUS_MONTHS = frozenset({"may", "march"})
_MONTH_CUES = frozenset({"in", "since", "until", "till", "last", "next", "this", "early", "late", "mid", "of", "by",
                         "from", "during", "before", "after", "on"})
_DEICTIC = frozenset({"today", "yesterday", "tonight", "tomorrow"})
_RELATIVE = frozenset({"last", "this", "next", "past", "coming", "previous", "recent", "earlier", "later", "same"})
_PERIODS = frozenset({"week", "weekend", "month", "year", "decade", "days", "weeks", "months", "years", "night",
                      "morning", "afternoon", "evening", "summer", "winter", "spring", "autumn", "fall", "century",
                      "hours", "decades", "quarter"})
_TIME_MODIFIERS = frozenset({"early", "late", "mid", "last", "next", "this", "earlier", "later"})
_TIME_PREPOSITIONS = frozenset({"on", "in", "since", "by", "until", "till", "from", "during", "over", "before",
                                "after", "at", "through"})
_TIME_WORDS_BEFORE = _TIME_MODIFIERS | _TIME_PREPOSITIONS
_COUNT_WORDS = frozenset("""a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty sixty hundred few several many""".split())
#: The forms a time expression can start with (besides numbers).
_TIME_STARTS = frozenset(WEEKDAYS) | _DEICTIC | MONTHS | _RELATIVE | _COUNT_WORDS
#: Count words that start nothing else: they start an expression only as "<count> <period> ago".
_COUNT_ONLY = _COUNT_WORDS - frozenset(WEEKDAYS) - _DEICTIC - MONTHS - _RELATIVE
#: Relative words that start nothing else: they start an expression only as "<relative> <period>".
_RELATIVE_ONLY = _RELATIVE - frozenset(WEEKDAYS) - _DEICTIC - MONTHS - _COUNT_WORDS


# The classes of a lower-case form that time_expressions asks, as bit flags: one memo look-up per distinct text,
# kept for the process (bounded).
_OPENS, _COUNT, _RELATIVE_WORD, _PERIOD, _AGO = 1, 2, 4, 8, 16


def _time_bits(low: str) -> int:
    """Can a time expression start with *low* (numbers too); is it a count word only, a relative word only, a
    period, "ago"?"""
    return (_OPENS * (low in _TIME_STARTS or low.isdigit()) | _COUNT * (low in _COUNT_ONLY)
            | _RELATIVE_WORD * (low in _RELATIVE_ONLY) | _PERIOD * (low in _PERIODS) | _AGO * (low == "ago"))


_TIME_BITS = WordMemo(_time_bits, limit=65536)


def time_expressions(text: Text, body: set[int]) -> list[tuple[str, str, int, int, int]]:
    """(key, label, start, end, paragraph) of every time expression in the paragraphs *body*, in order.

    The *key* is the expression's core in lower case ("tuesday", "recent months", "nov. 9, 2016"); the
    label adds a preposition and modifier before it ("on Tuesday", "in late October", "in the past week").

    >>> import newskit
    >>> time_expressions(newskit.from_text("Title\\n\\nIt rained on Tuesday."), {0})
    [('tuesday', 'on Tuesday', 17, 27, 0)]
    """
    import numpy as np

    out: list[tuple[str, str, int, int, int]] = []
    words = text.words
    cols = lex(text)
    forms, lows, sentence = cols.text, cols.lower, cols.sentence
    caps = is_all_caps(text)
    n = len(words)
    # Every expression starts at one of these forms, so only their tokens are visited. Neighbours are looked
    # up by token index: a neighbour in the same sentence is in the same (running-text) paragraph. Two kinds of
    # opener that are common words start an expression only before given words, so numpy leaves out the
    # tokens of those kinds not followed by them (the loop below would skip them without a change of state):
    # a count word only ("a", "one") before "<period> ago", a relative word only ("this", "last") before a period.
    bits = cols.form_test(_TIME_BITS.__getitem__, lower=True, dtype=np.int16)[cols.ids]
    period_next = np.zeros(n, bool)
    period_next[:-1] = (bits[1:] & _PERIOD) != 0
    ago_after_next = np.zeros(n, bool)
    ago_after_next[:-2] = (bits[2:] & _AGO) != 0
    visit = (((bits & _OPENS) != 0) & ~(((bits & _COUNT) != 0) & ~ago_after_next)
             & ~(((bits & _RELATIVE_WORD) != 0) & ~period_next))

    def same(k: int, sentence_: int) -> bool:
        return 0 <= k < n and sentence[k] == sentence_

    resume = 0  # tokens before this belong to an expression already found
    for i in np.flatnonzero(visit).tolist():
        low = lows[i]
        if low in _COUNT_ONLY and (i + 2 >= n or lows[i + 2] != "ago"):
            continue  # "a", "one", "several" ...: only "... ago" makes them a time expression
        if i < resume or words[i].paragraph not in body:
            continue
        sent = sentence[i]
        cased = caps or forms[i][0].isupper()
        core_end = i + 1
        key: str | None = None
        relative = False
        if low in WEEKDAYS and cased:
            if not same(i - 1, sent) or not forms[i - 1][:1].isupper() or lows[i - 1] in _TIME_WORDS_BEFORE:
                key = low  # but not the "Sunday" of "Fox News Sunday"
        elif low in _DEICTIC and (caps or forms[i] in (low, low.capitalize())):
            key = low  # "today", not the "TODAY" of "USA TODAY"
        elif low in MONTHS and cased:
            nxt_digit = same(i + 1, sent) and forms[i + 1][:1].isdigit()
            cue = same(i - 1, sent) and lows[i - 1] in _MONTH_CUES
            if low not in _AMBIGUOUS_MONTHS or nxt_digit or cue:
                while same(core_end, sent) and core_end - i < 4 and (
                        forms[core_end][:1].isdigit() or forms[core_end] == ","):
                    core_end += 1
                while core_end - 1 > i and forms[core_end - 1] == ",":
                    core_end -= 1
                key = " ".join(lows[i:core_end])
        elif len(low) == 4 and low.isdigit() and 1900 <= int(low) <= 2099:
            key = low
        elif low in _RELATIVE and same(i + 1, sent) and lows[i + 1] in _PERIODS:
            core_end = i + 2
            key = f"{low} {lows[i + 1]}"
            relative = True
        elif (low.isdigit() or low in _COUNT_WORDS) and same(i + 2, sent) \
                and lows[i + 1] in _PERIODS and lows[i + 2] == "ago":
            core_end = i + 3
            key = " ".join(lows[i:core_end])
        if key is None:
            continue
        start = i
        if same(start - 1, sent) and (lows[start - 1] in _TIME_MODIFIERS
                                      or (relative and lows[start - 1] == "the")):
            start -= 1
        if same(start - 1, sent) and lows[start - 1] in _TIME_PREPOSITIONS:
            start -= 1
        s, e = words[start].start, words[core_end - 1].end
        out.append((key, text.text[s:e], s, e, words[i].paragraph))
        resume = core_end
    return out
