"""Who is quoted, saying what, through which outlet.

(Work in progress: the quote-mark scanner is in place; speakers come next.)
"""

from __future__ import annotations

import html
import sys
import types
from dataclasses import dataclass, field
from typing import Literal

from .article import Article

__all__ = ["Source", "Quote", "Attribution", "Outlet", "SourceRow", "SourceTable",
           "quotes", "sources", "attributions", "outlets", "quote_records", "format_quote_table"]

Kind = Literal["named", "unnamed", "organisation"]


@dataclass(frozen=True)
class Source:
    """A person or body the article quotes or reports: ``name`` (fullest form), ``descriptor`` (role), ``kind``, ``category``."""

    name: str
    descriptor: str = ""
    kind: Kind = "named"
    category: str = "unknown"


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

    @property
    def kind(self) -> str:
        """"partial" for a fragment woven into the reporter's sentence, else "direct"."""
        return "partial" if self.partial else "direct"

    @property
    def words(self) -> int:
        """Number of words in the quote."""
        return len(self.text.split())


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


@dataclass(frozen=True)
class Outlet:
    """A media outlet credited as the channel of quotes or reports."""

    name: str
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()


@dataclass(frozen=True)
class SourceRow:
    """One row of the sources table."""

    source: Source
    quotes: int
    quoted_words: int
    share: float
    first_paragraph: int


@dataclass(frozen=True)
class SourceTable:
    """One row per distinct source, in order of first appearance."""

    rows: tuple[SourceRow, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):  # noqa: ANN204
        return iter(self.rows)

    def _repr_html_(self) -> str:
        esc = html.escape
        head = "".join(f"<th>{h}</th>" for h in ("source", "descriptor", "kind", "category", "quotes",
                                                  "quoted words", "share", "first ¶"))
        body = "".join(
            f"<tr><td>{esc(r.source.name)}</td><td>{esc(r.source.descriptor)}</td><td>{r.source.kind}</td>"
            f"<td>{esc(r.source.category)}</td><td>{r.quotes}</td><td>{r.quoted_words}</td>"
            f"<td>{r.share:.0%}</td><td>{r.first_paragraph + 1}</td></tr>"
            for r in self.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_OPEN_D = "\u201c\u201e\u00ab"
_CLOSE_D = "\u201d\u00bb"


def _scan(article: Article) -> list[list[tuple[int, int]]]:
    """Spans of quoted text (marks excluded), grouped into quotes (a group per multi-piece quote)."""
    text = article.text
    out: list[list[tuple[int, int]]] = []
    carry: list[tuple[int, int]] | None = None
    for p in article.paragraphs:
        pos = p.start
        open_at: int | None = None
        pieces: list[tuple[int, int]] = []
        for i in range(p.start, p.end):
            c = text[i]
            if c not in '"' + _OPEN_D + _CLOSE_D:
                continue
            if open_at is None:
                if c in _CLOSE_D and i > p.start:
                    continue
                open_at = i + 1
            else:
                pieces.append((open_at, i))
                if carry is not None:
                    out.append(carry + pieces)
                    carry = None
                else:
                    out.append(pieces)
                pieces = []
                open_at = None
            pos = i
        del pos
        if open_at is not None:
            piece = [(open_at, p.end)]
            carry = (carry or []) + piece
            nxt = p.index + 1
            if nxt >= len(article.paragraphs) or article.text[article.paragraphs[nxt].start] not in '"' + _OPEN_D:
                out.append(carry)
                carry = None
    return out


def quotes(article: Article) -> list[Quote]:
    """Direct quotes in text order.

    >>> import newskit
    >>> len(newskit.sample().quotes())
    9
    """
    result = []
    for pieces in _scan(article):
        text = " ".join(article.text[s:e] for s, e in pieces)
        para = article.paragraph_at(pieces[0][0])
        result.append(Quote(text=text, start=pieces[0][0], end=pieces[-1][1], paragraph=para or 0,
                            pieces=tuple(pieces)))
    return result


def sources(article: Article) -> SourceTable:
    """One row per distinct source."""
    return SourceTable(())


def attributions(article: Article) -> list[Attribution]:
    """Reported speech and unattributed claims."""
    return []


def outlets(article: Article) -> list[Outlet]:
    """Media outlets credited in the article."""
    return []


def quote_records(article: Article, include_indirect: bool = False) -> list[dict]:
    """Quotes as JSON-ready dicts (the ``newskit quotes --json`` contract)."""
    recs = []
    for q in quotes(article):
        recs.append({"text": q.text, "speaker": q.speaker.name if q.speaker else None, "kind": q.kind,
                     "partial": q.partial, "start": q.start, "end": q.end, "paragraph": q.paragraph,
                     "verb": q.verb, "channel": q.channel})
    return recs


def format_quote_table(records: list[dict]) -> str:
    """A readable plain-text table of quote records."""
    lines = []
    for r in records:
        lines.append(f"¶{r['paragraph'] + 1:<3} {str(r['speaker'] or '?')[:24]:24} {r['kind']:8} {r['text'][:70]}")
    return "\n".join(lines)


class _CallableModule(types.ModuleType):
    """Lets ``newskit.sources(article)`` work although ``newskit.sources`` is also this module's name."""

    def __call__(self, article: Article) -> SourceTable:
        return sources(article)


sys.modules[__name__].__class__ = _CallableModule
