"""The inverted pyramid: where the who / what / where / when of a story first appear, and how front-loaded it is.

>>> import newskit
>>> p = pyramid(newskit.sample())
>>> p.verdict
'classic inverted pyramid: the key facts come first'
>>> print(p.of_kind("when")[0].description)
when: the story's first time, 'in recent months', comes in ¶12
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Literal

from ..core.fmt import esc, html_table, plural, text_table
from ..core.text import Text
from ..core.words import QUOTE_CHARS, fold
from .base import BODY_ROLES, lex, memo
from .names import CLAUSE_OPENERS, group_label, name_groups, name_key
from .roles import paragraph_roles
from .times import time_expressions

__all__ = ["Kind", "PyramidItem", "Pyramid", "pyramid"]

Kind = Literal["who", "what", "where", "when"]


def _q(words: str) -> str:
    return f"'{words}'"


@dataclass(frozen=True)
class PyramidItem:
    """A key item of the story and where it first appears in the running text.

    ``kind`` is ``"who"`` (a main actor), ``"where"`` (a place), ``"when"`` (a
    time expression) or ``"what"`` (the headline's topic); ``first_paragraph``
    is a paragraph index (``first_number`` counts from 1) and ``start``/``end``
    the span of the first mention. ``scored`` says whether the item counts in
    the top-third share (every who and where, the first when; see :func:`pyramid`).
    For a "what", ``label`` lists the headline's key words and ``matched`` those
    found in its first paragraph. :attr:`description` says it all in plain words.
    """

    kind: str
    label: str
    mentions: int
    first_paragraph: int
    first_number: int
    start: int
    end: int
    in_top_third: bool
    in_headline: bool = False
    scored: bool = True
    matched: tuple[str, ...] = ()

    @property
    def description(self) -> str:
        """What was found and where, in plain words ("where: the place 'Mosul' is first named in ¶2 (6 mentions)").

        >>> import newskit
        >>> print(pyramid(newskit.sample()).of_kind("what")[0].description)
        what: the headline's key words 'army', 'abandoned', 'Mosul', 'changed', 'clothes', 'weapons' (6 of 8) first appear
        together in ¶3
        """
        where = f"¶{self.first_number}"
        times = f" ({plural(self.mentions, 'mention')})" if self.mentions > 1 else ""
        if self.kind == "what":
            words = self.matched or tuple(self.label.split(", "))
            total = len(self.label.split(", "))
            share = f" ({len(words)} of {total})" if len(words) < total else ""
            return f"what: the headline's key words {', '.join(map(_q, words))}{share} first appear together in {where}"
        if self.kind == "when":
            if self.scored:
                return f"when: the story's first time, {_q(self.label)}, comes in {where}{times}"
            return f"when: a later time, {_q(self.label)}, first comes in {where}{times}: background, not scored"
        if self.kind == "where":
            return f"where: the place {_q(self.label)} is first named in {where}{times}"
        if self.kind == "who":
            return f"who: the main actor {_q(self.label)} is first named in {where}{times}"
        return f"{self.kind}: {_q(self.label)} first appears in {where}{times}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data."""
        return {"kind": self.kind, "label": self.label, "mentions": self.mentions,
                "first_paragraph": self.first_paragraph, "first_number": self.first_number, "start": self.start,
                "end": self.end, "in_top_third": self.in_top_third, "in_headline": self.in_headline,
                "scored": self.scored}


@dataclass(frozen=True)
class Pyramid:
    """The inverted pyramid: where who / what / where / when first appear, and the top-third share.

    ``items`` are the key items in order of first appearance; ``body_paragraphs``
    the indices of the paragraphs of running text (roles lede, body, quote-led;
    every paragraph when ``include_furniture``) and ``top_third`` how many of
    them make the first third. ``top_third_share`` is the share of the scored
    items (every who and where, and the story's first when) first mentioned
    there (None when the article has none). ``first`` maps each kind to the
    index of the paragraph where it first appears (None when absent).
    """

    items: tuple[PyramidItem, ...]
    body_paragraphs: tuple[int, ...]
    top_third: int
    top_third_share: float | None
    first: dict[str, int | None] = field(default_factory=dict, hash=False)
    include_furniture: bool = False

    def of_kind(self, kind: str) -> list[PyramidItem]:
        """The items of one kind (``"who"``, ``"what"``, ``"where"``, ``"when"``)."""
        return [i for i in self.items if i.kind == kind]

    @property
    def scored(self) -> list[PyramidItem]:
        """The items the top-third share is computed from."""
        return [i for i in self.items if i.scored]

    @property
    def verdict(self) -> str:
        """A plain-English reading of the top-third share."""
        s = self.top_third_share
        if s is None:
            return "no actors, places or times found"
        if s >= 0.75:
            return "classic inverted pyramid: the key facts come first"
        if s >= 0.5:
            return "mostly front-loaded: most key facts come in the first third"
        return "not an inverted pyramid: many key facts come late"

    def _summary(self) -> str:
        """One sentence on the share and what it counts ("" when nothing is scored)."""
        if self.top_third_share is None:
            return ""
        share = f"{self.top_third_share:.0%}"
        n = len(self.body_paragraphs)
        if n <= 1:
            top = "the only paragraph" + ("" if self.include_furniture else " of running text")
        else:
            top = (f"the first {'' if self.top_third == 1 else f'{self.top_third} '}of {n} paragraphs"
                   + (", furniture counted as running text" if self.include_furniture else " of running text"))
        items = plural(len(self.scored), "key item")
        return (f"{share} of {items} (main actors, places and the story's first time) first appear in the top "
                f"third ({top})")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data."""
        share = None if self.top_third_share is None else round(self.top_third_share, 4)
        return {"items": [i.to_dict() for i in self.items], "body_paragraphs": list(self.body_paragraphs),
                "top_third": self.top_third, "top_third_share": share, "first": dict(self.first),
                "verdict": self.verdict}

    def __str__(self) -> str:
        rows = [("yes" if i.in_top_third else "", "yes" if i.scored else "", i.description) for i in self.items]
        table = [text_table(("top third", "scored", "found, and where"), rows, limit=len(rows), width=200)] if rows else []
        summary = self._summary()
        return "\n".join([f"Inverted pyramid: {self.verdict}", *([summary + "."] if summary else []), *table])

    def _repr_html_(self) -> str:
        rows = [(i.description, "✓" if i.in_top_third else "", "✓" if i.in_headline else "", "✓" if i.scored else "")
                for i in self.items]
        summary = self._summary()
        table = html_table(("found, and where", "top third", "in headline", "scored"), rows,
                           empty="No actors, places or times found.")
        return (f"<div class='newskit-pyramid'><p><b>Inverted pyramid</b>: {esc(summary) + ' — ' if summary else ''}"
                f"{esc(self.verdict)}.</p>{table}</div>")


_QUOTES = frozenset(QUOTE_CHARS) | CLAUSE_OPENERS


def _headline_topic(text: Text, body: list[int], top: set[int]) -> PyramidItem | None:
    """The "what": the first running-text paragraph holding at least half the headline's content-word stems.

    Words are matched by Porter stem ("Floods" and "flooded"), but the label shows words, not stems: for each
    stem the form the running text uses most ("abandoned", "army", "ISIS"), else the headline's own word.
    """
    head = text.headline
    if not head or not body:
        return None
    import numpy as np

    from ..core import resources

    stem = resources.stem
    stop = resources.stopwords()
    try:
        toks = [head[s:e] for s, e in resources.word_tokenizer().span_tokenize(head)]
    except Exception:  # noqa: BLE001 - NLTK's aligner gives up on some odd inputs
        toks = head.split()
    head_forms: dict[str, str] = {}  # stem -> the headline's word, in headline order
    for t in toks:
        low = fold(t)
        if sum(c.isalpha() for c in t) >= 3 and low not in stop:
            word = t.strip(QUOTE_CHARS)
            head_forms.setdefault(stem(low), word if len(word) > 1 and word.isupper() else word.lower())
    stems = set(head_forms)
    if not stems:
        return None
    prefixes = {x[:3] for x in stems}
    need = (len(stems) + 1) // 2
    mentions = 0
    first: tuple[int, int, int, set[str]] | None = None
    cols = lex(text)
    forms, lower, sentence, bounds = cols.text, cols.lower, cols.sentence, cols.para_start
    # a Porter stem keeps the word's start: stem only the forms that may match, once per distinct form
    matches = {low: st for low in cols.forms_lower if low[:3] in prefixes and (st := stem(low)) in stems}
    surface: dict[str, Counter[str]] = {}  # stem -> the running text's forms of it
    # the tokens that match, in text order, with their paragraphs (body is in text order too); a paragraph
    # without a match cannot hold half the stems
    at = np.flatnonzero(cols.of_forms(matches.__contains__, lower=True))
    paragraph_of = np.searchsorted(np.asarray(bounds, dtype=np.intp), at, side="right") - 1
    in_body = np.zeros(len(text.paragraphs), bool)
    in_body[body] = True
    keep = in_body[paragraph_of]
    at_list, paragraph_list = at[keep].tolist(), paragraph_of[keep].tolist()
    for idx, run in groupby(range(len(at_list)), paragraph_list.__getitem__):
        seen = set()
        for i in map(at_list.__getitem__, run):
            st = matches[lower[i]]
            seen.add(st)
            form = forms[i]
            if not (len(form) > 1 and form.isupper()) and (i == 0 or sentence[i - 1] != sentence[i]
                                                           or forms[i - 1] in _QUOTES):
                form = form.lower()  # "Hundreds of people ...": capitalised only to open the sentence
            surface.setdefault(st, Counter())[form] += 1
        hit = len(stems & seen)
        if hit >= need:
            mentions += 1
            if first is None:
                p = text.paragraphs[idx]
                first = (idx, p.start, p.end, stems & seen)
    if first is None:
        return None

    def shown(st: str) -> str:
        forms = surface.get(st)
        if not forms:
            return head_forms[st]
        best = max(forms.values())
        return min((f for f, c in forms.items() if c == best), key=lambda f: (f != f.lower(), f))  # ties: lower case

    label = ", ".join(shown(st) for st in head_forms)
    matched = tuple(shown(st) for st in head_forms if st in first[3])
    return PyramidItem("what", label, mentions, first[0], first[0] + 1, first[1], first[2], first[0] in top, True,
                       False, matched)


def _outlet_names(text: Text) -> set[str]:
    """The media outlets credited as channels ("told the BBC"), case-folded, without a leading "the"."""
    from .. import sources

    return {o.name.casefold().removeprefix("the ") for o in sources.outlets(text)}


def _build_pyramid(text: Text, include_furniture: bool) -> Pyramid:
    roles = paragraph_roles(text)
    body_list = [r.index for r in roles if include_furniture or r.role in BODY_ROLES]
    body = set(body_list)
    k = math.ceil(len(body_list) / 3)
    top = set(body_list[:k])
    head_words = set()
    if text.headline:
        head_words = {name_key(t.strip(QUOTE_CHARS + ",.:;!?")).removesuffix("'s") for t in text.headline.split()}
    cols = lex(text)
    per_paragraph = cols.per_paragraph(cols.is_word)
    n_words = sum(per_paragraph[p] for p in body)
    need = 2 if n_words >= 150 else 1

    items: list[PyramidItem] = []
    groups = name_groups(text, body)
    if groups:
        outlets = _outlet_names(text)
        groups = [g for g in groups if not outlets or not any(x.casefold() in outlets for x in set(g.surfaces))]
    actors = [g for g in groups if not (g.place_cues and g.place_cues * 4 >= len(g.mentions))]
    places = [g for g in groups if g.place_cues and g.place_cues * 4 >= len(g.mentions)]
    for kind, pool, cap in (("who", actors, 6), ("where", places, 4)):
        main = [g for g in pool if len(g.mentions) >= need]
        main.sort(key=lambda g: (-len(g.mentions), g.mentions[0][0]))
        for g in main[:cap]:
            s, e, p = g.mentions[0]
            items.append(PyramidItem(kind, group_label(g), len(g.mentions), p, p + 1, s, e, p in top,
                                     g.tokens[-1] in head_words))
    times: dict[str, list[tuple[str, int, int, int]]] = {}
    for key, label, s, e, p in time_expressions(text, body):
        times.setdefault(key, []).append((label, s, e, p))
    for n_time, (key, ms) in enumerate(times.items()):  # in order of first mention: only the first is scored
        label, s, e, p = ms[0]
        items.append(PyramidItem("when", label, len(ms), p, p + 1, s, e, p in top, key in head_words, n_time == 0))
    what = _headline_topic(text, body_list, top)
    if what is not None:
        items.append(what)
    items.sort(key=lambda it: (it.start, it.kind))
    scored = [it for it in items if it.scored]
    share = sum(it.in_top_third for it in scored) / len(scored) if scored else None
    first: dict[str, int | None] = {}
    for kind in ("who", "what", "where", "when"):
        ps = [it.first_paragraph for it in items if it.kind == kind]
        first[kind] = min(ps) if ps else None
    return Pyramid(tuple(items), tuple(body_list), k, share, first, include_furniture)


def pyramid(text: Text, *, include_furniture: bool = False) -> Pyramid:
    """Where the who / what / where / when of the story first appear, and how front-loaded it is.

    Only running text counts (paragraphs whose role is lede, body or
    quote-led; captions and other furniture are left out), unless
    *include_furniture* is True: then every paragraph counts as running text.

    * **who** - main actors: runs of capitalised words inside a sentence
      (plus ``al-``/``bin-`` style names and acronyms), titles such as "Prime
      Minister" stripped, a bare surname folded into the one full name ending
      with it ("Maliki" -> "al-Maliki"), mentioned at least twice (once in
      articles under 150 words); at most the 6 most mentioned. A word that is
      capitalised only because it opens a sentence is no name ("Roads into
      the town remain closed"): there it needs more evidence - the same word
      capitalised inside a sentence elsewhere, or a following capitalised
      word making a multiword name that the POS tagger calls a proper noun
      ("Helen Marsh said"). Nationality adjectives ("Iraqi families") are
      skipped, and so are media outlets credited as channels ("told the
      BBC"): they carry the story, they are not in it.
    * **where** - the same kind of name, counted as a place when at least a
      quarter of its mentions follow a locative preposition ("in/at/from/near
      ... Mosul") or a place noun and "of" ("the town of Eastbrook"), precede
      a place noun ("Nineveh province") or form the dateline ("ALBANY, N.Y.
      -"); at most 4.
    * **when** - time expressions: weekdays ("on Tuesday"), dates ("Nov. 9,
      2016"), years (1900-2099), "today"/"yesterday", relative periods
      ("last week", "in recent months", "three days ago").
    * **what** - the headline's topic: the first paragraph holding at least
      half of the headline's content words (matched by Porter stem, shown as
      the words the text uses); reported, but not scored.

    **The measure.** The *top third* is the first third of the paragraphs of
    running text (rounded up: 13 paragraphs -> the first 5). The
    **top-third share** is the fraction of the *scored* items whose first
    mention lies there. Every who and where item is scored, but only the
    *first* when: a news story's key "when" is the first time it gives ("on
    Sunday" in the lede); later time expressions ("three years ago", "more
    rain is expected on Tuesday") are background or outlook, which an inverted
    pyramid puts low on purpose, so they are listed with ``scored=False``
    instead of counting against it. A share of 75% or more reads as a classic
    inverted pyramid, 50% or more as mostly front-loaded; a chronological or
    feature story scores low. In an all-capitals article names cannot be told
    apart, so only the time counts.

    >>> import newskit
    >>> p = pyramid(newskit.sample())
    >>> p.first["where"], [(i.label, i.scored) for i in p.of_kind("when")]
    (1, [('in recent months', True), ('on Tuesday', False)])
    >>> pyramid(newskit.sample(), include_furniture=True).body_paragraphs[-3:]
    (12, 13, 14)
    """
    key = "pyramid+furniture" if include_furniture else "pyramid"
    return memo(text, key, lambda: _build_pyramid(text, bool(include_furniture)))
