"""Numbers: the quantities an article gives ("half a million", "3,000", "40%", "thousands") and the hedges
before them ("as many as", "more than").

>>> import newskit
>>> [(q.hedge, q.text, q.value) for q in numbers(newskit.from_text("Head\\n\\nUp to 300 people fled."))]
[('Up to', '300', 300.0)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..core.fmt import Html, esc, html_table, plural, text_table
from ..core.resources import WordMemo
from ..core.text import Text
from ._common import _cached, _index, _para_label, _Token

#: Hedges before a number, with what they do to it.
APPROXIMATORS: dict[str, str] = {
    "as many as": "at most", "as much as": "at most", "up to": "at most", "as few as": "at least",
    "nearly": "at most", "almost": "at most", "close to": "at most", "just under": "at most",
    "under": "at most", "less than": "at most", "fewer than": "at most", "at most": "at most",
    "more than": "at least", "over": "at least", "at least": "at least", "upwards of": "at least",
    "in excess of": "at least", "just over": "at least", "well over": "at least",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "a reported": "about", "reportedly": "about",
    "an approximate": "about", "the best part of": "about",
}

#: Number words and their values.
_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
          "half": 0.5, "quarter": 0.25, "dozen": 12}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
#: Numbers that give no value.
_VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"})
_PERCENT = frozenset({"%", "percent", "per cent"})
_CURRENCY = ("$", "£", "€")
_HEADERS = ("where", "hedge", "number", "of what", "value", "kind")


def _numeric(word: str) -> float | None:
    """The value of a number written in digits ("3,000", "40%"), or None.

    >>> _numeric("3,000"), _numeric("40%"), _numeric("army")
    (3000.0, 40.0, None)
    """
    w = word.replace(",", "")
    if w.endswith("%"):
        w = w[:-1]
    try:
        return float(w) if any(c.isdigit() for c in w) else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Quantity:
    """A number in the text: its words, ``value`` (None when vague: "thousands"), the ``hedge`` before it.

    ``hedge_kind`` says what the hedge does ("at most", "at least", "about"); ``kind`` is
    "quantity", "percent", "money", "year" or "vague"; ``noun`` is the word counted, if it follows.
    """

    text: str
    start: int
    end: int
    paragraph: int | None
    value: float | None
    kind: str
    hedge: str | None
    hedge_kind: str | None
    hedge_start: int | None
    noun: str | None


@dataclass(frozen=True)
class Numbers:
    """The quantities an article gives, with their hedges."""

    items: tuple[Quantity, ...]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Quantity]:
        return iter(self.items)

    def hedged(self) -> list[Quantity]:
        return [q for q in self.items if q.hedge]

    def to_dict(self) -> dict[str, Any]:
        return {"items": [{"text": q.text, "start": q.start, "end": q.end, "paragraph": q.paragraph,
                           "value": q.value, "kind": q.kind, "hedge": q.hedge, "hedge_kind": q.hedge_kind,
                           "hedge_start": q.hedge_start, "noun": q.noun} for q in self.items]}

    def _caption(self) -> str:
        return f"{plural(len(self.items), 'number')}, {len(self.hedged())} hedged"

    def __str__(self) -> str:
        rows = [(_para_label(q.paragraph), q.hedge or "", q.text, q.noun or "",
                 "" if q.value is None else f"{q.value:,.10g}", q.kind) for q in self.items]
        return text_table(_HEADERS, rows, self._caption(), limit=40)

    def _repr_html_(self) -> str:
        rows = [(_para_label(q.paragraph), q.hedge or "", Html(f"<b>{esc(q.text)}</b>"), q.noun or "",
                 "" if q.value is None else f"{q.value:,.10g}", q.kind) for q in self.items]
        return html_table(_HEADERS, rows, numeric=[4], caption=self._caption())


def _approximator_table() -> dict[str, list[tuple[tuple[str, ...], Any]]]:
    """Last word of an approximator -> [(its words, what it does)], longest first."""
    store = _approximator_table.__dict__
    if "t" not in store:
        store["t"] = {}
        for phrase, kind in APPROXIMATORS.items():
            words = tuple(phrase.split())
            store["t"].setdefault(words[-1], []).append((words, kind))
        for v in store["t"].values():
            v.sort(key=lambda x: -len(x[0]))
    return store["t"]


def _starts_number(toks: list[_Token], i: int, numeric: dict[str, float | None]) -> bool:
    """True when a number starts at token *i* ("a" only before "million", "dozen" ...; "half" before "a")."""
    n = len(toks)
    low = toks[i].lower
    is_num = low in _UNITS or low in _SCALES or low in _VAGUE or numeric[low] is not None
    nxt_low = toks[i + 1].lower if i + 1 < n else ""
    starts_a = low in ("a", "an") and (nxt_low in _SCALES or nxt_low in ("dozen", "half", "quarter"))
    if not (is_num or starts_a):
        return False
    return not (low in ("half", "quarter") and not (i + 1 < n and toks[i + 1].lower in ("a", "an", *_SCALES)))


def _number_end(toks: list[_Token], i: int, numeric: dict[str, float | None]) -> int:
    """The last token of the number that starts at token *i* ("two hundred and fifty", "tens of thousands")."""
    n = len(toks)
    j = i
    while j + 1 < n and toks[j + 1].sentence == toks[i].sentence:
        nxt = toks[j + 1].lower
        if nxt in _UNITS or nxt in _SCALES or numeric[nxt] is not None:
            j += 1
        elif nxt in ("a", "an", "and") and j + 2 < n and (toks[j + 2].lower in _SCALES or
                                                          toks[j + 2].lower in _UNITS):
            j += 1
        elif nxt == "of" and toks[j].lower in _VAGUE and j + 2 < n and toks[j + 2].lower in _VAGUE:
            j += 1
        elif nxt in _VAGUE and toks[j].lower in ("of",):
            j += 1
        else:
            break
    return j


def _value(words: list[str], numeric: dict[str, float | None]) -> float | None:
    """The value of a number's words ("half a million" -> 500000.0), None when it is vague ("thousands")."""
    total = 0.0
    current = 0.0
    vague = False
    for w in words:
        num = numeric[w]
        if num is not None:
            current += num
        elif w in _UNITS:
            current = current * 12 if w == "dozen" and current else current + _UNITS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0.0
        elif w in _VAGUE:
            vague = True
    return None if vague else total + current


def _kind(toks: list[_Token], i: int, j: int, words: list[str], vague: bool) -> tuple[str, int]:
    """The kind of the number on tokens *i* .. *j*, and its last token (a following "%" or "per cent" joins it)."""
    n = len(toks)
    kind = "vague" if vague else "quantity"
    end_tok = j
    if j + 1 < n and (toks[j + 1].lower in _PERCENT or (toks[j + 1].lower == "per" and j + 2 < n
                                                       and toks[j + 2].lower == "cent")):
        kind = "percent"
        end_tok = j + 1 if toks[j + 1].lower != "per" else j + 2
    elif words[-1].endswith("%"):
        kind = "percent"
    elif i > 0 and toks[i - 1].text in _CURRENCY and toks[i - 1].sentence == toks[i].sentence:
        kind = "money"
    elif len(words) == 1 and words[0].isdigit() and len(words[0]) == 4 and 1800 <= int(words[0]) <= 2100:
        kind = "year"
    return kind, end_tok


def _hedge_before(text: str, toks: list[_Token], i: int) -> tuple[str | None, str | None, int | None]:
    """(the hedge's words, what it does, where it starts) of an approximator right before token *i*, or Nones."""
    k = i - 1
    if k >= 0 and toks[k].text in _CURRENCY:
        k -= 1
    if k >= 0:
        for phrase, hk in _approximator_table().get(toks[k].lower, ()):
            first = k - len(phrase) + 1
            if first >= 0 and tuple(t.lower for t in toks[first:k + 1]) == phrase and \
                    toks[first].sentence == toks[i].sentence:
                start = toks[first].start
                return text[start:toks[k].end], hk, start
    return None, None, None


def _noun_after(toks: list[_Token], i: int, end_tok: int, stopwords: frozenset[str]) -> str | None:
    """The word counted: the content word after the number ("300 people"), or after "of" ("thousands of people")."""
    n = len(toks)
    if end_tok + 1 < n and toks[end_tok + 1].sentence == toks[i].sentence:
        nxt = toks[end_tok + 1]
        if nxt.text.isalpha() and nxt.lower not in stopwords:
            return nxt.text
        if nxt.lower == "of" and end_tok + 2 < n and toks[end_tok + 2].text.isalpha() and \
                toks[end_tok + 2].lower not in stopwords:
            return toks[end_tok + 2].text
    return None


_NUMERIC = WordMemo(_numeric, limit=65536)  # _numeric of each folded token text met, kept for the process (bounded)
# the classes of a folded token text that _find_numbers asks first, as bit flags (a memo kept for the process)
_NUMBER, _ARTICLE, _BEFORE_A = 1, 2, 4


def _number_bits(low: str) -> int:
    """Is *low* a number word, "a" or "an", or a word after which "a" starts a number (see :func:`_starts_number`)?"""
    return (_NUMBER * (low in _UNITS or low in _SCALES or low in _VAGUE or _NUMERIC[low] is not None)
            | _ARTICLE * (low in ("a", "an")) | _BEFORE_A * (low in _SCALES or low in ("dozen", "half", "quarter")))


_NUMBER_BITS = WordMemo(_number_bits, limit=65536)


def _find_numbers(text: Text) -> Numbers:
    import numpy as np

    from ..core import resources

    sw = resources.stopwords()
    idx = _index(text)
    toks = idx.toks
    body = text.text
    items: list[Quantity] = []
    # _numeric of each distinct token, and the tokens that may start a number (all others are skipped): found by
    # numpy, once per distinct text. "a" or "an" starts one only before a scale word, "dozen", "half" or
    # "quarter" (:func:`_starts_number`), so the others are left out here.
    lowers = idx.lowers
    numeric = _NUMERIC  # (a memo of _numeric, kept for the process)
    bits = np.fromiter(map(_NUMBER_BITS.__getitem__, idx.folded_form.tolist()), np.int8, len(idx.forms))[idx.ids]
    follows = np.append((bits[1:] & _BEFORE_A) != 0, False)  # the next token is one of those
    resume = 0  # the scan goes on from here: tokens before it belong to a number already read
    for i in np.flatnonzero(((bits & _NUMBER) != 0) | (((bits & _ARTICLE) != 0) & follows)).tolist():
        if i < resume or not _starts_number(toks, i, numeric):
            continue
        j = _number_end(toks, i, numeric)
        words = lowers[i:j + 1]
        if words == ["one"] and not (i > 0 and toks[i - 1].lower in ("just", "only")):
            resume = j + 1
            continue
        value = _value(words, numeric)
        kind, end_tok = _kind(toks, i, j, words, value is None)
        hedge, hedge_kind, hedge_start = _hedge_before(body, toks, i)
        if kind == "year" and hedge is not None:
            kind = "quantity"  # "about 2014 people": a hedged year is a count
        s, e = toks[i].start, toks[end_tok].end
        items.append(Quantity(body[s:e], s, e, toks[i].paragraph, value, kind, hedge, hedge_kind, hedge_start,
                              _noun_after(toks, i, end_tok, sw)))
        resume = end_tok + 1
    return Numbers(tuple(items))


def numbers(text: Text) -> Numbers:
    """Quantities ("half a million", "3,000", "40%", "thousands") with the hedges before them ("as many as").

    Hedges are :data:`APPROXIMATORS`.

    >>> import newskit
    >>> q = numbers(newskit.sample()).items[0]
    >>> q.hedge, q.text, q.value
    ('As many as', 'half a million', 500000.0)
    """
    return _cached(text, "numbers", lambda: _find_numbers(text))
