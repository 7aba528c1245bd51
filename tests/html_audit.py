"""A test helper: every tag and attribute of an HTML page, to check escaping and self-containment."""

from __future__ import annotations

from html.parser import HTMLParser


class HtmlAudit(HTMLParser):
    """Collects every start tag (self-closing ones too) and every attribute of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, k, v) for k, v in attrs)

    handle_startendtag = handle_starttag


def audit(page: str) -> HtmlAudit:
    """Parse *page* and return what it holds."""
    a = HtmlAudit()
    a.feed(page)
    a.close()
    return a
