"""The shape of every paragraph (role, words, sentences, quoted share) and the :class:`Structure` result.

:meth:`Structure.records` (or :func:`structure_map`) is the "structure map" dataset a plot draws.

>>> import newskit
>>> s = structure(newskit.sample())
>>> row = s.paragraphs[2]
>>> row.role, row.words, round(row.quote_share, 2), row.reason
('quote-led', 28, 0.61, 'opens with a quote mark')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..core.fmt import Html, esc, html_table, percent, plural, text_table
from ..core.palette import GREY, role_colour, safe_colour
from ..core.text import Text
from .base import BODY_ROLES, ROLES, lex, memo, quoted_mask, sentences_per_paragraph
from .pyramid import Pyramid, pyramid
from .roles import ParagraphRole, paragraph_roles

__all__ = ["ParagraphShape", "Structure", "structure", "structure_map"]


@dataclass(frozen=True)
class ParagraphShape:
    """One row of the structure map: a paragraph's role (and the rule that decided it), size and how much
    of it is quoted (``quote_share``: quoted words / words)."""

    index: int
    number: int
    role: str
    words: int
    sentences: int
    quoted_words: int
    quote_share: float
    first_words: str
    start: int
    end: int
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data (one record of :func:`structure_map`)."""
        return {"index": self.index, "number": self.number, "role": self.role, "words": self.words,
                "sentences": self.sentences, "quoted_words": self.quoted_words,
                "quote_share": round(self.quote_share, 4), "first_words": self.first_words,
                "start": self.start, "end": self.end, "reason": self.reason}


def _shapes(text: Text, roles: Sequence[ParagraphRole]) -> tuple[ParagraphShape, ...]:
    cols = lex(text)
    words = cols.per_paragraph(cols.counted)
    quoted_words = cols.per_paragraph(quoted_mask(text) & cols.counted)
    n_sent = sentences_per_paragraph(text)
    out = []
    for p, r in zip(text.paragraphs, roles, strict=True):
        n, quoted = words[p.index], quoted_words[p.index]
        split = p.text.split(None, 6)  # at most 7 pieces: the first 6 words and whether more follow
        first = " ".join(split[:6])
        if len(split) > 6:
            first += " …"
        out.append(ParagraphShape(p.index, p.number, r.role, n, n_sent[p.index], quoted,
                                  quoted / n if n else 0.0, first, p.start, p.end, r.reason))
    return tuple(out)


@dataclass(frozen=True)
class Structure:
    """How the article is built: headline, paragraph roles, per-paragraph shape, and the inverted pyramid.

    ``roles`` holds one :class:`~newskit.structure.ParagraphRole` and ``paragraphs`` one
    :class:`ParagraphShape` per paragraph (same order); ``pyramid`` is a
    :class:`~newskit.structure.Pyramid`. :meth:`records` gives the structure map for a plot.
    """

    headline: str | None
    headline_span: tuple[int, int] | None
    roles: tuple[ParagraphRole, ...]
    paragraphs: tuple[ParagraphShape, ...]
    pyramid: Pyramid

    @property
    def lede(self) -> ParagraphRole | None:
        """The lede paragraph's role record, or None."""
        return next((r for r in self.roles if r.role == "lede"), None)

    @property
    def furniture(self) -> list[ParagraphRole]:
        """Paragraphs that are page furniture (captions, subheads, pull quotes, related links)."""
        return [r for r in self.roles if r.role not in BODY_ROLES]

    def count(self, role: str) -> int:
        """How many paragraphs have *role*."""
        return sum(1 for r in self.roles if r.role == role)

    @property
    def quote_share(self) -> float:
        """Share of the body's words inside direct quotes."""
        words = sum(p.words for p in self.paragraphs)
        return sum(p.quoted_words for p in self.paragraphs) / words if words else 0.0

    def records(self) -> list[dict[str, Any]]:
        """The structure map: one plain dict per paragraph (index, number, role, words, sentences, quote_share, ...)."""
        return [p.to_dict() for p in self.paragraphs]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data."""
        return {"headline": self.headline, "headline_span": list(self.headline_span) if self.headline_span else None,
                "paragraphs": self.records(), "role_counts": {r: self.count(r) for r in ROLES},
                "quote_share": round(self.quote_share, 4), "pyramid": self.pyramid.to_dict()}

    def __str__(self) -> str:
        counts = ", ".join(f"{self.count(r)} {r}" for r in ROLES if self.count(r))
        rows = [(f"¶{p.number}", p.role, p.words, p.sentences, percent(p.quote_share), p.first_words, p.reason)
                for p in self.paragraphs]
        lines = [f"Structure: {plural(len(self.paragraphs), 'paragraph')} ({counts})" if self.paragraphs
                 else "Structure: no paragraphs"]
        if self.headline:
            lines.insert(0, f"Headline: {self.headline}")
        if rows:
            lines.append(text_table(("¶", "role", "words", "sentences", "quoted", "starts", "rule that decided the role"),
                                    rows, limit=len(rows), width=90))
        return "\n".join([*lines, "", str(self.pyramid)])

    def _repr_html_(self) -> str:
        rows = []
        for p in self.paragraphs:
            colour = safe_colour(role_colour(p.role))
            role = Html(f"<span title='{esc(p.reason)}' style='color:{colour};font-weight:bold'>{esc(p.role)}</span>")
            bar = Html(f"{esc(percent(p.quote_share))} <span style='display:inline-block;height:0.6em;"
                       f"width:{round(4 * p.quote_share, 2)}em;background:{GREY}'></span>")
            rows.append((f"¶{p.number}", role, p.words, p.sentences, bar, p.first_words, p.reason))
        head = f"<h4>{esc(self.headline)}</h4>" if self.headline else ""
        table = html_table(("¶", "role", "words", "sentences", "quoted", "starts", "rule that decided the role"), rows,
                           numeric=[2, 3],
                           empty="No paragraphs.")
        return f"<div class='newskit-structure'>{head}{table}{self.pyramid._repr_html_()}</div>"


def structure(text: Text) -> Structure:
    """Paragraph roles, the shape of every paragraph and the inverted pyramid, in one result.

    See :func:`~newskit.structure.paragraph_roles` for the role rules and
    :func:`~newskit.structure.pyramid` for the pyramid. Each paragraph's ``words``
    counts word tokens (a clitic like "'s" joins its word), ``sentences`` comes
    from ``text.sentences`` and ``quote_share`` is the fraction of its words lying
    inside a direct quote (the quote spans of :func:`newskit.sources.quotes`).

    >>> import newskit
    >>> s = structure(newskit.sample())
    >>> s.paragraphs[2].role, round(s.paragraphs[2].quote_share, 2)
    ('quote-led', 0.61)
    """

    def compute() -> Structure:
        roles = tuple(paragraph_roles(text))
        return Structure(text.headline, text.headline_span, roles, _shapes(text, roles), pyramid(text))

    return memo(text, "structure", compute)


def structure_map(text: Text) -> list[dict[str, Any]]:
    """The structure map dataset: one JSON-ready record per paragraph (see :meth:`Structure.records`).

    >>> import newskit
    >>> structure_map(newskit.sample())[10]["role"]
    'subhead'
    """
    return structure(text).records()
