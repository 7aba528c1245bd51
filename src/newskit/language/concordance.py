"""Where a word occurs: every occurrence in context (keyword in context, KWIC) and its dispersion.

A query is a word (``"Mosul"``), a phrase (``"prime minister"``) or a prefix (``"flee*"``); case does
not matter and a part of a hyphenated name matches (``"Maliki"`` finds ``al-Maliki``).

>>> import newskit
>>> print(concordance(newskit.from_text("Head\\n\\nThe cat sat. A cat ran."), "cat", width=6))
2 hits for 'cat'
  The  [cat]  sat.
at. A  [cat]  ran.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..core.fmt import esc, plural
from ..core.text import Text
from ..core.words import fold, is_word
from ..errors import QueryError
from ._common import _index, _para_label, _split_hyphens, _whole

#: The most context a concordance line shows either side of a hit, in characters: a larger ``width`` is
#: cut to this, so a concordance never copies much of the text into every hit (its memory stays linear).
MAX_WIDTH = 200

#: The most words a query may have.
_MAX_QUERY_WORDS = 12


@dataclass(frozen=True)
class KwicHit:
    """One occurrence: its span, paragraph index (None in the headline), and ``width`` characters either side."""

    start: int
    end: int
    paragraph: int | None
    sentence: int | None
    word_offset: int
    left: str
    match: str
    right: str


@dataclass(frozen=True)
class Concordance:
    """Every occurrence of a query in context (keyword in context, KWIC); ``width`` is the context shown."""

    query: str
    width: int
    hits: tuple[KwicHit, ...]
    total_words: int

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[KwicHit]:
        return iter(self.hits)

    def __getitem__(self, i: int) -> KwicHit:
        return self.hits[i]

    def lines(self) -> list[str]:
        """Plain-text KWIC lines, aligned on the match."""
        return [f"{h.left:>{self.width}} [{h.match}] {h.right}" for h in self.hits]

    def __str__(self) -> str:
        return "\n".join([f"{len(self.hits)} hits for {self.query!r}", *self.lines()])

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "width": self.width, "count": len(self.hits), "total_words": self.total_words,
                "hits": [{"start": h.start, "end": h.end, "paragraph": h.paragraph, "sentence": h.sentence,
                          "word_offset": h.word_offset, "left": h.left, "match": h.match, "right": h.right}
                         for h in self.hits]}

    def _repr_html_(self) -> str:
        shown = self.hits[:500]
        rows = "".join(
            "<tr><td style='color:#888'>" + _para_label(h.paragraph) + "</td>"
            f"<td style='text-align:right;white-space:pre;font-family:monospace'>{esc(h.left)}</td>"
            f"<td style='text-align:center;white-space:pre;font-family:monospace'><mark><b>{esc(h.match)}</b></mark></td>"
            f"<td style='text-align:left;white-space:pre;font-family:monospace'>{esc(h.right)}</td></tr>"
            for h in shown)
        more = f"<p>... and {len(self.hits) - len(shown)} more</p>" if len(self.hits) > len(shown) else ""
        return (f"<div class='newskit-kwic'><p style='color:#555;margin:0'>{len(self.hits)} hits for "
                f"<b>{esc(self.query)}</b></p><table>{rows}</table>{more}</div>")


def _query_units(chunk: str) -> list[str]:
    """The units (word pieces between hyphens, as the article's index cuts them) of one word of a query."""
    from ..core import resources

    try:
        toks = resources.word_tokenizer().tokenize(chunk) if chunk else []
    except Exception:  # noqa: BLE001
        toks = chunk.split()
    units: list[str] = []
    for tok in toks:
        low = fold(tok)
        if low in ("'s", "'"):
            units.append("'s")
            continue
        units.extend(low[s:e] for s, e in _split_hyphens(low))
    return units


def _parse_query(query: Any) -> list[tuple[str, bool]]:
    """Split a query into (form, is_prefix) terms, matching the article's units; raise QueryError when unusable."""
    if not isinstance(query, str):
        raise QueryError(f"the query must be text, not {type(query).__name__}")
    q = query.strip()
    if not q:
        raise QueryError("the query is empty: type a word (e.g. 'Mosul'), a phrase ('prime minister') "
                         "or a prefix with * ('flee*')")
    if len(q) > 200:
        raise QueryError("the query is too long (over 200 characters): search for a word or a short phrase")
    terms: list[tuple[str, bool]] = []
    for chunk in q.split():
        prefix = chunk.endswith("*")
        core = chunk.rstrip("*")
        if "*" in core:
            raise QueryError(f"'*' may only end a word (as in 'flee*'), not stand inside {chunk!r}")
        if prefix and not is_word(core):
            raise QueryError(f"{chunk!r}: put at least one letter before '*', e.g. 'flee*'")
        units = _query_units(core)
        for k, u in enumerate(units):
            terms.append((u, prefix and k == len(units) - 1))
    if not terms:
        raise QueryError(f"the query {query!r} has no letters or digits: search for a word, e.g. 'Mosul'")
    if len(terms) > _MAX_QUERY_WORDS:
        raise QueryError(f"the query has {len(terms)} words; search for at most {_MAX_QUERY_WORDS}")
    return terms


def _find(text: Text, terms: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Matches of the query terms as (first unit, last unit), in text order."""
    idx = _index(text)
    form, prefix = terms[0]
    if prefix:
        lo = bisect.bisect_left(idx.vocab, form)
        cands: list[int] = []
        for v in idx.vocab[lo:]:
            if not v.startswith(form):
                break
            cands.extend(idx.postings[v])
        cands.sort()
    else:
        cands = idx.postings.get(form, [])
    out: list[tuple[int, int]] = []
    n = len(idx.u_form)
    for u in cands:
        last = u + len(terms) - 1
        if last >= n:
            continue
        ok = True
        for k in range(1, len(terms)):
            v = u + k
            f, p = terms[k]
            if not idx.adjacent(v) or not (idx.u_form[v].startswith(f) if p else idx.u_form[v] == f):
                ok = False
                break
        if ok:
            out.append((u, last))
    return out


def _context(text: str, start: int, end: int) -> str:
    return text[start:end].replace("\r", " ").replace("\n", " ").replace("\t", " ")


def concordance(text: Text, query: str, width: int = 40) -> Concordance:
    """Every occurrence of *query* with *width* characters of context either side (KWIC).

    Case does not matter; a phrase matches consecutive words (``"prime minister"``); a
    trailing ``*`` matches every word that starts so (``"flee*"`` finds flee, flees, fleeing).
    A part of a hyphenated name matches too (``"Maliki"`` finds ``al-Maliki``). A *width* over
    :data:`MAX_WIDTH` (200) is cut to it. Raises :class:`newskit.QueryError` for an empty or
    unusable query, or a *width* that is not a whole number of 0 or more.

    >>> import newskit
    >>> len(concordance(newskit.sample(), "prime minister"))
    4
    >>> concordance(newskit.sample(), "Mosul", width=10**9).width
    200
    """
    terms = _parse_query(query)
    width = min(_whole("width", width), MAX_WIDTH)
    idx = _index(text)
    body = text.text
    hits = []
    for u, last in _find(text, terms):
        s, e = idx.u_start[u], idx.u_end[last]
        tok = idx.toks[idx.u_tok[u]]
        hits.append(KwicHit(s, e, tok.paragraph, None if tok.sentence < 0 else tok.sentence,
                            idx.word_offset_of_tok[idx.u_tok[u]], _context(body, max(0, s - width), s),
                            body[s:e], _context(body, e, e + width)))
    # fast once the index exists; not cached, so a widget's keystrokes do not pile up
    return Concordance(query.strip(), width, tuple(hits), len(idx.word_forms))


@dataclass(frozen=True)
class Dispersion:
    """Where a query's hits fall: word offsets, relative positions (0 = start, 1 = end) and paragraphs.

    ``paragraph_starts`` are the word offsets where each body paragraph begins (for drawing
    boundaries in a dispersion plot); ``per_paragraph`` counts hits per paragraph (numbers from 1;
    0 is the headline).
    """

    query: str
    total_words: int
    offsets: tuple[int, ...]
    positions: tuple[float, ...]
    paragraphs: tuple[int | None, ...]
    spans: tuple[tuple[int, int], ...]
    paragraph_starts: tuple[int, ...]
    per_paragraph: tuple[tuple[int, int], ...]

    def __len__(self) -> int:
        return len(self.offsets)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total_words": self.total_words, "offsets": list(self.offsets),
                "positions": [round(p, 5) for p in self.positions], "paragraphs": list(self.paragraphs),
                "spans": [list(s) for s in self.spans], "paragraph_starts": list(self.paragraph_starts),
                "per_paragraph": [{"number": n, "count": c} for n, c in self.per_paragraph]}

    def _per_paragraph(self) -> str:
        return ", ".join(f"{'headline' if n == 0 else f'¶{n}'}: {c}" for n, c in self.per_paragraph if c)

    def __str__(self) -> str:
        per = self._per_paragraph()
        return (f"{self.query!r}: {plural(len(self), 'hit')} in {plural(self.total_words, 'word')}"
                + (f" ({per})" if per else ""))

    def _repr_html_(self) -> str:
        marks = "".join(f"<span style='position:absolute;left:{100 * p:.2f}%;top:0;width:2px;height:100%;"
                        f"background:#c0392b'></span>" for p in self.positions)
        bar = f"<div style='position:relative;height:1.2em;background:#eee;width:100%'>{marks}</div>"
        return (f"<div class='newskit-dispersion'><p style='margin:0'><b>{esc(self.query)}</b>: {len(self)} hits "
                f"in {self.total_words} words</p>{bar}<p style='color:#555;margin:0'>{esc(self._per_paragraph())}</p>"
                "</div>")


def dispersion(text: Text, query: str) -> Dispersion:
    """Where *query* occurs across the article, for a dispersion plot (same query rules as :func:`concordance`).

    >>> import newskit
    >>> d = dispersion(newskit.sample(), "Mosul")
    >>> 0.0 <= min(d.positions) and max(d.positions) <= 1.0
    True
    """
    conc = concordance(text, query)
    idx = _index(text)
    total = len(idx.word_forms)
    offsets = tuple(h.word_offset for h in conc.hits)
    positions = tuple(o / (total - 1) if total > 1 else 0.0 for o in offsets)
    starts: list[int] = []
    for p in text.paragraphs:
        words = text.words_between(p.start, p.end)
        if words:
            starts.append(idx.word_offset_of_tok[idx.n_headline + words[0].index])
    counts = Counter(0 if h.paragraph is None else h.paragraph + 1 for h in conc.hits)
    numbers_ = ([0] if text.headline_span else []) + [p.number for p in text.paragraphs]
    return Dispersion(conc.query, total, offsets, positions, tuple(h.paragraph for h in conc.hits),
                      tuple((h.start, h.end) for h in conc.hits), tuple(starts),
                      tuple((n, counts.get(n, 0)) for n in numbers_))
