"""Hedging and certainty: hedges ("reportedly", "as many as"), boosters ("clearly") and modal verbs.

The word lists are documented here so that students can criticise them.

>>> import newskit
>>> [(h.text, h.category) for h in hedges(newskit.from_text("Head\\n\\nIt reportedly fell, clearly."))]
[('reportedly', 'hedge'), ('clearly', 'booster')]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..core.fmt import Html, esc, html_table, plural, text_table
from ..core.text import Text
from ._common import _cached, _Index, _index, _para_label, _quoted, _split_hyphens, _tags
from .quantities import _SCALES, _UNITS, _VAGUE, _numeric

#: Hedges: words and phrases by which a writer holds back from full commitment to a claim
#: (after Hyland's work on hedging). kind -> phrases. "may", "might" and "could" are hedging modal verbs
#: (counted only when the tagger sees a modal, so "May" the month is left alone).
HEDGES: dict[str, tuple[str, ...]] = {
    "reporting distance": ("reportedly", "allegedly", "alleged", "purportedly", "purported", "supposedly",
                           "according to", "said to be", "believed to", "thought to", "understood to",
                           "is understood", "it is understood", "claimed", "unconfirmed", "unverified"),
    "appearance": ("appears", "appear", "appeared", "apparently", "seems", "seem", "seemed", "seemingly",
                   "suggests", "suggest", "suggested", "indicates", "indicated"),
    "probability": ("perhaps", "possibly", "probably", "likely", "unlikely", "maybe", "presumably",
                    "it is possible", "unclear", "not clear"),
    "approximation": ("as many as", "as much as", "up to", "roughly", "approximately", "an estimated",
                      "estimated", "nearly", "almost", "some estimates", "more or less"),
    "partiality": ("for the most part", "largely", "mostly", "partly", "in part", "to some extent",
                   "somewhat", "relatively", "fairly", "sometimes", "sometimes referred to", "so-called",
                   "what they call", "what it calls"),
    "modal": ("may", "might", "could"),
}

#: Boosters: words and phrases that close down doubt and show conviction. kind -> phrases.
#: "must" is counted as a booster only when the tagger sees a modal verb.
BOOSTERS: dict[str, tuple[str, ...]] = {
    "certainty": ("clearly", "certainly", "definitely", "undoubtedly", "no doubt", "without doubt",
                  "beyond doubt", "surely", "of course", "obviously", "evidently", "undeniably",
                  "in fact", "indeed", "plainly", "there is no question"),
    "extremity": ("strongest possible", "in the strongest possible terms", "absolutely", "completely",
                  "entirely", "totally", "utterly", "fully", "always", "never", "all-out", "at all costs"),
    "evidence": ("proves", "proved", "proven", "demonstrates", "demonstrated", "shows that", "showed that",
                 "confirms", "confirmed"),
    "modal": ("must",),
}

#: Modal verbs (counted only when the tagger marks them MD), with the meaning they usually carry.
MODALS: dict[str, str] = {
    "may": "possibility", "might": "possibility", "could": "possibility", "can": "ability",
    "must": "necessity", "should": "obligation", "ought": "obligation", "shall": "prediction",
    "will": "prediction", "would": "prediction", "'ll": "prediction", "'d": "prediction",
}

#: Approximators that hedge only when a number follows ("up to 300", not "step up to the plate").
_BEFORE_NUMBER = frozenset({"up to", "as many as", "as much as", "an estimated", "estimated"})

_COLOURS = {"hedge": "#fff3c4", "booster": "#ffd6d6", "modal": "#dde8ff"}
_HEADERS = ("where", "words", "category", "kind", "voice")


@dataclass(frozen=True)
class HedgeHit:
    """A hedge, booster or modal verb: ``category`` ("hedge", "booster", "modal"), ``kind`` (its sub-type)."""

    text: str
    start: int
    end: int
    paragraph: int | None
    category: str
    kind: str
    quoted: bool


@dataclass(frozen=True)
class Hedges:
    """Hedging and certainty: every hedge, booster and modal verb, in text order."""

    hits: tuple[HedgeHit, ...]

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[HedgeHit]:
        return iter(self.hits)

    def by_category(self, category: str) -> list[HedgeHit]:
        return [h for h in self.hits if h.category == category]

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(h.category for h in self.hits)
        return {k: c.get(k, 0) for k in ("hedge", "booster", "modal")}

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts,
                "hits": [{"text": h.text, "start": h.start, "end": h.end, "paragraph": h.paragraph,
                          "category": h.category, "kind": h.kind, "quoted": h.quoted} for h in self.hits]}

    def _caption(self) -> str:
        c = self.counts
        return (f"{plural(c['hedge'], 'hedge')}, {plural(c['booster'], 'booster')}, "
                f"{plural(c['modal'], 'other modal verb')}")

    def __str__(self) -> str:
        rows = [(_para_label(h.paragraph), h.text, h.category, h.kind, "quoted" if h.quoted else "reporter")
                for h in self.hits]
        return text_table(_HEADERS, rows, f"Hedging and certainty: {self._caption()}", limit=40)

    def _repr_html_(self) -> str:
        rows = [(_para_label(h.paragraph), Html(f"<span style='background:{_COLOURS[h.category]}'>{esc(h.text)}</span>"),
                 h.category, h.kind, "quoted" if h.quoted else "reporter") for h in self.hits]
        return html_table(_HEADERS, rows, caption=self._caption())


def _phrase_table(phrases: Iterable[tuple[str, Any]]) -> dict[str, list[tuple[tuple[str, ...], Any]]]:
    """First unit -> [(units, payload)], longest first."""
    table: dict[str, list[tuple[tuple[str, ...], Any]]] = defaultdict(list)
    for phrase, payload in phrases:
        units: list[str] = []
        for part in phrase.split():
            units.extend(part[s:e] for s, e in _split_hyphens(part))
        if units:
            table[units[0]].append((tuple(units), payload))
    for v in table.values():
        v.sort(key=lambda x: -len(x[0]))
    return dict(table)


def _match_phrases(idx: _Index, table: dict[str, list[tuple[tuple[str, ...], Any]]]) -> list[tuple[int, int, Any]]:
    """Non-overlapping longest matches as (first unit, last unit, payload), in text order."""
    out: list[tuple[int, int, Any]] = []
    forms = idx.u_form
    n = len(forms)
    resume = 0  # units before this one are part of a match already
    for u in idx.units_in(table):  # only units that may start a phrase
        if u < resume:
            continue
        for units, payload in table[forms[u]]:
            last = u + len(units) - 1
            if last >= n:
                continue
            if last == u or forms[u + 1] == units[1] and \
                    all(forms[u + k] == units[k] and idx.adjacent(u + k) for k in range(1, len(units))):
                out.append((u, last, payload))
                resume = last + 1
                break
    return out


def _number_follows(idx: _Index, last: int) -> bool:
    """True when the unit after *last* starts a number ("300", "three", "a dozen", "thousands")."""
    if last + 1 >= len(idx.u_form) or not idx.adjacent(last + 1):
        return False
    nxt = idx.u_form[last + 1]
    return nxt in _UNITS or nxt in _SCALES or nxt in _VAGUE or nxt in ("a", "an") or _numeric(nxt) is not None


def _hedge_table() -> dict[str, list[tuple[tuple[str, ...], Any]]]:
    """The phrase table of every hedge, booster and modal verb (one-word modals left to the tagger)."""
    store = _hedge_table.__dict__
    if "t" not in store:
        items = [(p, ("hedge", k)) for k, ps in HEDGES.items() for p in ps]
        items += [(p, ("booster", k)) for k, ps in BOOSTERS.items() for p in ps]
        items += [(m, ("modal", kind)) for m, kind in MODALS.items() if m not in ("may", "might", "could", "must")]
        store["t"] = _phrase_table(items)
    return store["t"]


def hedges(text: Text) -> Hedges:
    """Hedges (reportedly, as many as, may...), boosters (clearly, strongest possible...) and modal verbs.

    Word lists: :data:`HEDGES`, :data:`BOOSTERS`, :data:`MODALS`. One-word modal verbs count only
    when the tagger reads them as modals (MD), so they are found in the body, not the headline.

    >>> import newskit
    >>> [h.text for h in hedges(newskit.sample()).by_category("booster")]
    ['clearly', 'in the strongest possible terms']
    """
    def build() -> Hedges:
        idx = _index(text)
        tags = _tags(text)
        body = text.text
        quoted = _quoted(text)
        hits: list[HedgeHit] = []
        for u, last, (category, kind) in _match_phrases(idx, _hedge_table()):
            tok = idx.toks[idx.u_tok[u]]
            if kind == "modal" and u == last:
                if tok.index < 0 or tags[tok.index] != "MD":
                    continue
            if " ".join(idx.u_form[u:last + 1]) in _BEFORE_NUMBER and not _number_follows(idx, last):
                continue
            s, e = idx.u_start[u], idx.u_end[last]
            hits.append(HedgeHit(body[s:e], s, e, tok.paragraph, category, kind, quoted(s)))
        return Hedges(tuple(hits))

    return _cached(text, "hedges", build)
