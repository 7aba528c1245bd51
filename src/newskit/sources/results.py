"""What the attribution engine finds: quotes, sources, reported speech and outlets, and how they show.

Each result is a frozen dataclass with ``to_dict()``, its one JSON shape (``newskit analyze --json``
and ``newskit quotes --json`` both use it). The lists show themselves as tables: an HTML table in a
notebook, a plain-text one with ``print``.

>>> src = Source("Josh Earnest", "White House spokesman", "named", "official or government")
>>> q = Quote("We are watching.", 10, 26, 2, ((10, 26),), speaker=src, verb="said", reason="'Earnest said' after the quote")
>>> q.kind, q.words, q.to_dict()["speaker"], q.to_dict()["pieces"]
('direct', 3, 'Josh Earnest', [[10, 26]])
>>> print(QuoteList([q]))
¶  speaker       kind    verb  channel  text              why
3  Josh Earnest  direct  said           We are watching.  'Earnest said' after the quote
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from ..core.fmt import html_table, percent, text_table

Kind = Literal["named", "unnamed", "organisation"]


def _who(src: Source | None, nobody: str) -> str:
    return src.name if src else nobody


def _speaker_dict(src: Source | None) -> dict[str, Any]:
    """The speaker's fields every quote and attribution record carries."""
    return {"speaker": src.name if src else None, "descriptor": src.descriptor if src else None,
            "source_kind": src.kind if src else None, "category": src.category if src else None,
            "category_reason": src.category_reason if src else None}


@dataclass(frozen=True)
class Source:
    """A person or body the article quotes or reports: ``name`` (fullest form), ``descriptor`` (role), ``kind``,
    ``category`` and ``category_reason``, the rule of :data:`~newskit.sources.lexicon.CATEGORY_RULES` that chose it."""

    name: str
    descriptor: str = ""
    kind: Kind = "named"
    category: str = "unknown"
    category_reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data.

        >>> Source("a resident", kind="unnamed").to_dict()
        {'name': 'a resident', 'descriptor': '', 'kind': 'unnamed', 'category': 'unknown', 'category_reason': ''}
        """
        return {"name": self.name, "descriptor": self.descriptor, "kind": self.kind, "category": self.category,
                "category_reason": self.category_reason}


@dataclass(frozen=True)
class Quote:
    """A direct quote: the words between the marks.

    ``pieces`` are the spans of each run of quoted characters (more than one
    when a quote runs over paragraphs); ``start``/``end`` cover them all and
    ``text`` is the pieces joined by a space. ``paragraph`` is the index of the
    paragraph it starts in.
    """

    text: str
    start: int
    end: int
    paragraph: int
    pieces: tuple[tuple[int, int], ...]
    speaker: Source | None = None
    verb: str | None = None
    channel: str | None = None
    partial: bool = False
    reason: str = ""

    @property
    def kind(self) -> str:
        """"partial" for a fragment woven into the reporter's sentence, else "direct"."""
        return "partial" if self.partial else "direct"

    @property
    def words(self) -> int:
        """Number of words in the quote."""
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data: the quote, its speaker's name, descriptor, kind and category, its words and pieces.

        >>> sorted(Quote("Yes.", 0, 4, 0, ((0, 4),)).to_dict())  # doctest: +NORMALIZE_WHITESPACE
        ['category', 'category_reason', 'channel', 'descriptor', 'end', 'kind', 'paragraph', 'partial', 'pieces',
         'reason', 'source_kind', 'speaker', 'start', 'text', 'verb', 'words']
        """
        sp = _speaker_dict(self.speaker)
        return {"text": self.text, "speaker": sp["speaker"], "kind": self.kind, "partial": self.partial,
                "start": self.start, "end": self.end, "paragraph": self.paragraph, "verb": self.verb,
                "channel": self.channel, "descriptor": sp["descriptor"], "source_kind": sp["source_kind"],
                "category": sp["category"], "category_reason": sp["category_reason"], "words": self.words,
                "pieces": [list(p) for p in self.pieces], "reason": self.reason}


@dataclass(frozen=True)
class Attribution:
    """Reported speech without quote marks (``kind="indirect"``) or a claim with no source (``"unattributed"``)."""

    kind: Literal["indirect", "unattributed"]
    text: str
    start: int
    end: int
    paragraph: int
    speaker: Source | None = None
    verb: str | None = None
    channel: str | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data, with the keys of a quote's record that apply (``partial`` is always False).

        >>> Attribution("unattributed", "He was accused.", 0, 15, 0).to_dict()["speaker"] is None
        True
        """
        sp = _speaker_dict(self.speaker)
        return {"text": self.text, "speaker": sp["speaker"], "kind": self.kind, "partial": False,
                "start": self.start, "end": self.end, "paragraph": self.paragraph, "verb": self.verb,
                "channel": self.channel, "descriptor": sp["descriptor"], "source_kind": sp["source_kind"],
                "category": sp["category"], "category_reason": sp["category_reason"], "reason": self.reason}


@dataclass(frozen=True)
class Outlet:
    """A media outlet credited as the channel of quotes or reports."""

    name: str
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data: how many quotes and reports it carries, and in which paragraphs.

        >>> Outlet("AFP").to_dict()
        {'name': 'AFP', 'quotes': 0, 'attributions': 0, 'paragraphs': []}
        """
        return {"name": self.name, "quotes": len(self.quotes), "attributions": len(self.attributions),
                "paragraphs": sorted({q.paragraph for q in self.quotes} | {a.paragraph for a in self.attributions})}


@dataclass(frozen=True)
class SourceRow:
    """One row of the sources table."""

    source: Source
    quotes: int
    quoted_words: int
    share: float
    first_paragraph: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data: the source's fields, its quotes and words, its share (4 decimals), its first paragraph.

        >>> SourceRow(Source("Ann Bo"), 2, 30, 0.123456, 1).to_dict()["share"]
        0.1235
        """
        s = self.source
        return {"name": s.name, "descriptor": s.descriptor, "kind": s.kind, "category": s.category,
                "category_reason": s.category_reason, "quotes": self.quotes, "quoted_words": self.quoted_words,
                "share": round(self.share, 4),
                "first_paragraph": self.first_paragraph}


@dataclass(frozen=True)
class SourceTable:
    """One row per distinct source, in order of first appearance."""

    rows: tuple[SourceRow, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[SourceRow]:
        return iter(self.rows)

    def records(self) -> list[dict[str, Any]]:
        """One plain dict per row (:meth:`SourceRow.to_dict`).

        >>> SourceTable().records()
        []
        """
        return [r.to_dict() for r in self.rows]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data: ``{"rows": [...]}``.

        >>> SourceTable().to_dict()
        {'rows': []}
        """
        return {"rows": self.records()}

    def __str__(self) -> str:
        if not self.rows:
            return "no quoted sources found"
        rows = [(r.source.name[:28], r.source.kind, r.source.category[:24], r.source.category_reason[:34], r.quotes,
                 r.quoted_words, percent(r.share), r.first_paragraph + 1) for r in self.rows]
        return text_table(("source", "kind", "category", "why this category", "quotes", "words", "share", "first ¶"),
                          rows, limit=len(rows))

    def _repr_html_(self) -> str:
        rows = [(r.source.name, r.source.descriptor, r.source.kind, r.source.category, r.source.category_reason,
                 r.quotes, r.quoted_words, percent(r.share), r.first_paragraph + 1) for r in self.rows]
        return html_table(("source", "descriptor", "kind", "category", "why this category", "quotes", "quoted words",
                           "share", "first ¶"), rows, numeric=(5, 6, 7, 8), empty="No quoted sources found.")


class QuoteList(list):
    """A list of :class:`Quote` that shows itself as a table in a notebook (and as text with ``print``)."""

    def __str__(self) -> str:
        return format_quote_table(quote_records_of(self))

    def _repr_html_(self) -> str:
        rows = [(q.paragraph + 1, _who(q.speaker, "?"), q.kind, q.verb, q.channel, f"“{q.text}”", q.reason) for q in self]
        return html_table(("¶", "speaker", "kind", "verb", "channel", "quote", "why this speaker"), rows, numeric=(0,),
                          empty="No direct quotes found.")


class AttributionList(list):
    """A list of :class:`Attribution` (reported speech, unattributed claims) that shows itself as a table."""

    def __str__(self) -> str:
        if not self:
            return "no reported speech or unattributed claims found"
        rows = [(a.paragraph + 1, a.kind, _who(a.speaker, "(nobody named)")[:24], a.text, a.reason[:40]) for a in self]
        return text_table(("¶", "kind", "who", "what", "why"), rows, limit=len(rows), width=70)

    def _repr_html_(self) -> str:
        rows = [(a.paragraph + 1, a.kind, _who(a.speaker, "(nobody named)"), a.verb, a.channel, a.text, a.reason)
                for a in self]
        return html_table(("¶", "kind", "who", "verb", "channel", "what", "why this speaker"), rows, numeric=(0,),
                          empty="No reported speech or unattributed claims found.")


class OutletList(list):
    """A list of :class:`Outlet` that shows itself as a table."""

    def __str__(self) -> str:
        if not self:
            return "no media outlets credited"
        rows = [(o.name, len(o.quotes), len(o.attributions)) for o in self]
        return text_table(("outlet", "quotes", "reports"), rows, limit=len(rows))

    def _repr_html_(self) -> str:
        rows = [(o.name, len(o.quotes), len(o.attributions)) for o in self]
        return html_table(("outlet", "quotes carried", "reports carried"), rows, numeric=(1, 2),
                          empty="No media outlets credited.")


def quote_records_of(qs: list[Quote]) -> list[dict[str, Any]]:
    """JSON-ready dicts of the given quotes (:meth:`Quote.to_dict`).

    >>> quote_records_of([Quote("Yes.", 0, 4, 0, ((0, 4),))])[0]["kind"]
    'direct'
    """
    return [q.to_dict() for q in qs]


def format_quote_table(records: list[dict[str, Any]]) -> str:
    """A readable plain-text table of quote records (what ``newskit quotes`` prints).

    >>> format_quote_table([])
    'no quotes found'
    """
    if not records:
        return "no quotes found"
    rows = [(r["paragraph"] + 1, str(r["speaker"] or "?")[:26], r["kind"], str(r["verb"] or "")[:9],
             str(r["channel"] or "")[:10], r["text"], str(r.get("reason") or "")[:40]) for r in records]
    return text_table(("¶", "speaker", "kind", "verb", "channel", "text", "why"), rows, limit=len(rows))
