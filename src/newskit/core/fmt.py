"""Formatting shared by every result and view: escaping, percentages, numbers and the one table builder.

Every piece of article text that goes into HTML goes through :func:`esc` (or :func:`html_table`,
which escapes every cell unless told the cell is already HTML).

>>> esc("<b>")
'&lt;b&gt;'
>>> print(text_table(["word", "n"], [["Mosul", 10]]))
word   n
Mosul  10
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["esc", "percent", "number", "plural", "html_table", "text_table", "Html"]


class Html(str):
    """A string that is already HTML: :func:`html_table` puts it in a cell as it is."""

    __slots__ = ()


def esc(value: object) -> str:
    """*value* as text, escaped for HTML (quotes included); None becomes "".

    >>> esc('"x" & <y>')
    '&quot;x&quot; &amp; &lt;y&gt;'
    """
    if isinstance(value, Html):
        return str(value)
    return html.escape("" if value is None else str(value))


def percent(share: float | None) -> str:
    """A share (0 to 1) as a whole percentage that never rounds a real share away: "<1%" and ">99%" at the edges.

    One quoted word out of 270 is not "0%": a reader would think the source says nothing.

    >>> percent(0.25), percent(1 / 270), percent(0.0), percent(0.998), percent(1.0), percent(None)
    ('25%', '<1%', '0%', '>99%', '100%', '–')
    """
    if share is None:
        return "–"
    share = float(share)
    if 0 < share < 0.005:
        return "<1%"
    if 0.995 <= share < 1:
        return ">99%"
    return f"{share:.0%}"


def number(value: Any, digits: int = 1) -> str:
    """A number for a table: floats with *digits* decimals, None as "–", anything else as text.

    >>> number(3.14159), number(None), number(7), number(2.5, 2)
    ('3.1', '–', '7', '2.50')
    """
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``"1 hedge"``, ``"3 hedges"``.

    >>> plural(1, "quote"), plural(2, "quote"), plural(2, "city", "cities")
    ('1 quote', '2 quotes', '2 cities')
    """
    return f"{count} {word if count == 1 else many or word + 's'}"


def html_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, numeric: Iterable[int] = (),
               caption: str = "", empty: str = "none found", cls: str = "newskit-table") -> str:
    """An HTML table: every cell escaped (an :class:`Html` cell goes in as it is), text left-aligned,
    the columns in *numeric* right-aligned, sized in ``em`` so it follows the notebook's font size.

    >>> t = html_table(["name", "n"], [["<A>", 2]], numeric=[1])
    >>> "&lt;A&gt;" in t, "text-align:right" in t, "<A>" in t
    (True, True, False)
    >>> html_table(["a"], [], empty="No quotes.")
    "<div class='newskit-table'><p><em>No quotes.</em></p></div>"
    """
    nums = set(numeric)
    cap = f"<p style='margin:0.2em 0;opacity:0.8'>{esc(caption)}</p>" if caption else ""
    body_rows = list(rows)
    if not body_rows:
        return f"<div class='{esc(cls)}'>{cap}<p><em>{esc(empty)}</em></p></div>"

    def style(i: int) -> str:
        return f"text-align:{'right' if i in nums else 'left'};padding:0.2em 0.6em"

    head = "".join(f"<th style='{style(i)}'>{esc(h)}</th>" for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f"<td style='{style(i)}'>{esc(c)}</td>" for i, c in enumerate(row)) + "</tr>"
                   for row in body_rows)
    return (f"<div class='{esc(cls)}'>{cap}<table style='border-collapse:collapse'><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table></div>")


def text_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "", limit: int = 20,
               width: int = 60) -> str:
    """A small plain-text table for ``print()``: a title line, then at most *limit* rows, cells cut to *width*.

    >>> print(text_table(["a"], [], title="Nothing"))
    Nothing
    (none found)
    """
    heads = [str(h) for h in headers]
    every = [[str(c) for c in r] for r in rows]
    shown = [[c if len(c) <= width else c[:width - 1] + "…" for c in r] for r in every[:limit]]
    lines = [title] if title else []
    if shown:
        widths = [max([len(h)] + [len(r[i]) for r in shown if i < len(r)]) for i, h in enumerate(heads)]
        lines.append("  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip())
        lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)).rstrip() for r in shown]
        if len(every) > limit:
            lines.append(f"... and {len(every) - limit} more")
    else:
        lines.append("(none found)")
    return "\n".join(lines)
