"""Articles from web pages and links: the headline, the body paragraphs and the byline of a news page.

A news page is mostly not the article: menus, cookie notices, adverts, share buttons, "related
stories" and comments surround it. :func:`from_html` keeps the article: its headline (the page's
``<h1>`` when the page title agrees with it, otherwise the page title without a " | Site" suffix),
its body paragraphs in order, and what the page says *about* it -- byline, date, site name and
address -- as ``article.meta``, which is shown with the article but never counted as body text or
as a source. The extraction is done by `trafilatura <https://trafilatura.readthedocs.io>`_, an
optional extra (``pip install "newskit[web]"``), imported only when a page is read.

:func:`fetch` downloads a link with the standard library, bounded: http and https only, a time
limit, at most :data:`~newskit.article.MAX_BYTES` bytes, and one-line errors
(:class:`~newskit.errors.WebError` and its subclasses) for every way it can fail.
``newskit.load("https://...")`` and ``newskit.load("page.html")`` call these two.

>>> is_url("https://example.org/news/1"), is_url("page.html")
(True, False)
>>> looks_like_html("<!DOCTYPE html><html><head><title>x</title></head></html>")
True
"""

from __future__ import annotations

import json
import re
import time
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .article import MAX_BYTES, Article
from .core import __version__
from .core.words import is_word
from .errors import (
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    NotAnArticleError,
    PageTooLargeError,
    PaywallError,
    WebError,
    WebExtraMissingError,
)

if TYPE_CHECKING:  # pragma: no cover
    from lxml.html import HtmlElement

__all__ = ["fetch", "from_html", "extract", "trim_title", "Page", "Extraction", "is_url", "looks_like_html", "declared_charset",
           "DEFAULT_TIMEOUT", "MIN_WORDS", "USER_AGENT"]

#: Seconds to wait for the server to connect, and for each read, before giving up.
DEFAULT_TIMEOUT = 15.0
#: A page whose running text has fewer words than this is not an article (a home page, a video page ...).
MIN_WORDS = 40
#: Below this many words, a page that asks the reader to subscribe or log in is a paywall stub.
PAYWALL_MAX_WORDS = 150
#: How newskit introduces itself to web servers.
USER_AGENT = f"Mozilla/5.0 (compatible; newskit/{__version__}; +https://github.com/newskit/newskit)"
#: What to install to read web pages (the message of every "extra missing" error).
INSTALL_HINT = 'pip install "newskit[web]"'

_CHUNK = 1 << 16
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown", "")
_KINDS = {
    "application/pdf": "a PDF document", "application/json": "JSON data", "application/xml": "XML data",
    "text/xml": "XML data", "application/rss+xml": "a news feed, not one article",
    "application/atom+xml": "a news feed, not one article", "application/zip": "a zip file",
    "application/msword": "a Word document", "text/csv": "a table of data",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document",
    "image/": "an image", "video/": "a video", "audio/": "a sound file",
}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_LEADING_JUNK = re.compile(r"^(?:\ufeff|\s+|<\?xml[^>]*>|<!--.*?-->)*", re.DOTALL)
#: Title separators: " | Site", " - Site", " – Site", " — Site", " · Site", " :: Site", " » Site".
_TITLE_SEP = re.compile(r"\s*\|\s*|\s+[-\u2013\u2014\u00b7\u2022:\u00bb]{1,2}\s+")
_DATE_LIKE = re.compile(r"^[\d\s./\-:,]+$|^\d{1,2}\s+\w+\s+\d{4}$|^\w+\s+\d{1,2},?\s+\d{4}$")
_NON_ALNUM = re.compile(r"[\W_]+")
_TLD = re.compile(r"\s(?:com|co|uk|org|net|de|au|ca|in|info|news)(?=\s|$)")
#: Paragraphs that are page furniture, not article text: related links, credits, copyright lines.
_FURNITURE = re.compile(
    r"^(?:(?:read|see|watch|listen)\s+(?:more|also)\b.*:|also read\s*:|related(?:\s+(?:stories|articles|coverage|"
    r"content|links|topics))?\s*:?$|more on this(?: story)?\s*:?$|recommended\s*:?$|advertisement$|"
    r"story continues below|(?:share|email) this (?:article|story)|©|copyright\s+(?:©|\(c\)|\d{4})|"
    r"our standards\s*:|\(?(?:photo|image|picture|credit|illustration|video)s?(?:\s+credit)?\s*:[^.]{0,80}\)?$)",
    re.IGNORECASE,
)
#: A caption that ends in a photo credit ("... in Taipei on Monday. Photo: AP").
_CAPTION_END = re.compile(r"\b(?:Photo|Picture|Image|Credit)s?\s*:\s*[^.:]{1,60}$")
#: Words a paywall stub shows instead of the article (looked for in the whole page of a short article).
PAYWALL_PHRASES = (
    "subscribe to continue", "subscribe to read", "subscribe now to read", "subscribers only",
    "exclusive to subscribers", "this article is for subscribers", "subscription required",
    "become a member to read", "unlock this article", "premium article",
)
#: Weaker signs (also on pages that are not paywalled), looked for only in the short text extracted.
_PAYWALL_BODY_PHRASES = PAYWALL_PHRASES + (
    "to continue reading", "already a subscriber", "already have an account", "log in to continue",
    "sign in to continue", "sign in to read", "register to continue", "create a free account",
)
_NEWS_TYPES = ("article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
               "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report")


# --- links and fetching ------------------------------------------------------------------------------------------------


def is_url(value: object) -> bool:
    """True when *value* is a string that starts with a scheme such as ``https://`` (a link, not a file name).

    >>> is_url("http://example.org"), is_url("ftp://example.org"), is_url("news/page.html")
    (True, True, False)
    """
    return isinstance(value, str) and _SCHEME.match(value.strip()) is not None


def looks_like_html(text: str | bytes) -> bool:
    """True when *text* starts like an HTML document (``<!DOCTYPE html``, ``<html``, ``<head`` ...).

    Leading whitespace, a byte-order mark, an XML declaration and comments (a browser's
    ``<!-- saved from url=... -->``) are skipped.

    >>> looks_like_html(b"<!-- saved from url=(0040)https://example.org/ -->\\n<html lang=en>"), looks_like_html("Hello")
    (True, False)
    """
    if isinstance(text, bytes):
        text = text[:4096].decode("latin-1")
    head = _LEADING_JUNK.sub("", text[:4096], count=1)[:20].lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body"))


def declared_charset(data: bytes) -> str | None:
    """The character set a page declares in its first 4 KB (``<meta charset=...>``), or None.

    >>> declared_charset(b'<html><head><meta charset="windows-1252">')
    'windows-1252'
    """
    m = _CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


@dataclass(frozen=True)
class Page:
    """A fetched page: the address it came from (after redirects), its status, content type and bytes."""

    url: str
    status: int
    content_type: str
    charset: str | None
    data: bytes

    @property
    def is_html(self) -> bool:
        """True for an HTML page (by its content type, or by its first bytes when the type says nothing)."""
        if self.content_type in ("text/html", "application/xhtml+xml"):
            return True
        if self.content_type in ("", "application/octet-stream", "text/plain"):
            return looks_like_html(self.data)
        return False

    @property
    def is_text(self) -> bool:
        """True for plain text (``text/plain``, Markdown, or no type given) that newskit can read as an article."""
        return not self.is_html and self.content_type in _TEXT_TYPES

    def describe(self) -> str:
        """The content type in words, for error messages ("application/pdf (a PDF document)")."""
        kind = _KINDS.get(self.content_type) or _KINDS.get(self.content_type.partition("/")[0] + "/")
        return f"{self.content_type or 'no content type'}{f' ({kind})' if kind else ''}"


def _host(url: str) -> str:
    try:
        return urlsplit(url).netloc or url
    except ValueError:
        return url


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _check_url(url: str) -> str:
    url = url.strip()
    m = _SCHEME.match(url)
    if not m or m.group(1).lower() not in ("http", "https"):
        scheme = m.group(1) if m else "no scheme"
        raise FetchError(f"{url[:200]}: only http:// and https:// links can be loaded (this one has {scheme})")
    try:
        parts = urlsplit(url)
    except ValueError as err:
        raise FetchError(f"{url[:200]}: not a valid link ({_one_line(err)})") from None
    if not parts.hostname:
        raise FetchError(f"{url[:200]}: the link has no server name")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise FetchError(f"{url[:200]}: the link contains spaces or control characters")
    return url


def _status_hint(status: int) -> str:
    if status in (401, 402, 403, 451):
        return ("the site refuses automated readers or needs a login; open the page in your browser, "
                "save it (File > Save Page As) and load the .html file")
    if status in (404, 410):
        return "there is no page at this address; check the link"
    if status == 429:
        return "too many requests; wait a minute and try again"
    if status >= 500:
        return "the site has a problem; try again later, or save the page from your browser and load the .html file"
    return "the page could not be read"


def _opener() -> Any:
    import urllib.request

    class _Redirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
            if urlsplit(newurl).scheme.lower() not in ("http", "https"):
                raise FetchError(f"{req.full_url[:200]}: redirected to {newurl[:200]!r}, which is not an http(s) link")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(_Redirects)


def _read_body(resp: Any, url: str, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """Read at most *max_bytes* (decompressed) from *resp*, in chunks, within the overall *deadline*."""
    encoding = (resp.headers.get("Content-Encoding") or "identity").strip().lower()
    inflate = None
    if encoding in ("gzip", "x-gzip", "deflate"):
        inflate = zlib.decompressobj(47 if "gzip" in encoding else 15)  # 47: gzip or zlib header, found automatically
    elif encoding not in ("identity", ""):
        raise FetchError(f"{url[:200]}: the server sent the page compressed as {encoding!r}, which newskit cannot read")
    parts: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchTimeoutError(f"{url[:200]}: the page did not finish arriving within {timeout * 4:g} seconds")
        chunk = resp.read(_CHUNK)
        if not chunk:
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, max_bytes + 1 - size)
            except zlib.error as err:
                raise FetchError(f"{url[:200]}: the compressed page is damaged ({_one_line(err)})") from None
        parts.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise PageTooLargeError(f"{url[:200]}: the page is more than newskit's limit of {max_bytes:,} bytes "
                                    "(newskit.article.MAX_BYTES); stopped reading it")
    return b"".join(parts)


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_BYTES) -> Page:
    """Download *url* (http or https only) with a time limit and a size limit, or raise a one-line error.

    *timeout* bounds the connection and each read (the whole download gets four times as
    long); at most *max_bytes* are read. Errors, all :class:`~newskit.errors.WebError`:
    :class:`~newskit.errors.FetchError` (no network, unknown server, refused connection),
    :class:`~newskit.errors.FetchTimeoutError`, :class:`~newskit.errors.HTTPStatusError`
    (4xx, 5xx), :class:`~newskit.errors.PageTooLargeError`.

    >>> fetch("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    newskit.errors.FetchError: file:///etc/passwd: only http:// and https:// links can be loaded (this one has file)
    """
    import http.client
    import urllib.error
    import urllib.request

    url = _check_url(url)
    host = _host(url)
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
        "Accept-Language": "en;q=0.9, *;q=0.5",
    })
    deadline = time.monotonic() + 4 * timeout
    try:
        with _opener().open(request, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > max_bytes:
                raise PageTooLargeError(
                    f"{url[:200]}: the page is {int(length):,} bytes, more than newskit's limit of {max_bytes:,} "
                    "bytes (newskit.article.MAX_BYTES)")
            content_type = (resp.headers.get_content_type() if resp.headers.get("Content-Type") else "").lower()
            data = _read_body(resp, url, max_bytes, deadline, timeout)
            return Page(url=resp.geturl() or url, status=resp.status, content_type=content_type,
                        charset=resp.headers.get_content_charset(), data=data)
    except WebError:
        raise
    except urllib.error.HTTPError as err:
        reason = _one_line(err.reason or "")
        raise HTTPStatusError(f"{url[:200]}: the server answered {err.code} {reason} -- {_status_hint(err.code)}",
                              status=err.code) from None
    except TimeoutError:
        raise FetchTimeoutError(f"{url[:200]}: no answer from {host} within {timeout:g} seconds "
                                "(the site is slow or unreachable; try again, or save the page and load the file)") from None
    except urllib.error.URLError as err:
        raise _url_error(url, host, err.reason, timeout) from None
    except (http.client.HTTPException, ConnectionError) as err:
        raise FetchError(f"{url[:200]}: the connection to {host} broke ({type(err).__name__}: {_one_line(err)[:200]})") from None
    except OSError as err:
        raise _url_error(url, host, err, timeout) from None


def _url_error(url: str, host: str, reason: object, timeout: float) -> FetchError:
    """The one-line error for a failed connection (*reason* is what urllib reports)."""
    import socket
    import ssl

    if isinstance(reason, TimeoutError):
        return FetchTimeoutError(f"{url[:200]}: no answer from {host} within {timeout:g} seconds "
                                 "(the site is slow or unreachable; try again, or save the page and load the file)")
    if isinstance(reason, socket.gaierror):
        return FetchError(f"{url[:200]}: cannot find the server {host!r} (no network connection, "
                          "or a mistyped address)")
    if isinstance(reason, ConnectionRefusedError):
        return FetchError(f"{url[:200]}: {host} refused the connection (nothing answers at that address)")
    if isinstance(reason, ssl.SSLError):
        return FetchError(f"{url[:200]}: the secure connection to {host} failed ({_one_line(reason)[:200]})")
    return FetchError(f"{url[:200]}: could not connect to {host} ({_one_line(reason)[:200]})")


# --- finding the article in a page ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract` finds in a page: headline, body paragraphs, metadata and warnings."""

    headline: str | None
    paragraphs: tuple[str, ...]
    meta: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        """The number of words in the body paragraphs."""
        return sum(is_word(t) for p in self.paragraphs for t in p.split())


@dataclass
class _PageFacts:
    """What the page's own markup says: its ``<h1>``s, titles, site name and JSON-LD article data."""

    h1s: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    site: str | None = None
    ld_body: str | None = None
    ld_headline: str | None = None
    paid: bool = False


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as err:
        raise WebExtraMissingError(f"reading a web page needs trafilatura, which is not installed: {INSTALL_HINT}"
                                   f" ({_one_line(err)[:120]})") from None
    return trafilatura


def _key(text: str) -> str:
    """A comparison key for titles: lower case letters and digits, single spaces."""
    return _NON_ALNUM.sub(" ", text.casefold()).strip()


def _clean(text: str) -> str:
    return " ".join(text.split())


def _json_ld(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """The JSON-LD objects of the page (``@graph`` lists flattened), skipping what does not parse."""
    for script in tree.xpath('//script[@type="application/ld+json"]')[:20]:
        try:
            data = json.loads(script.text_content() or "null")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item[:50]))
            elif isinstance(item, dict):
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"][:50]))
                yield item


def _is_news_type(item: Mapping[str, Any]) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.lower() in _NEWS_TYPES for k in kinds)


def _page_facts(tree: HtmlElement) -> _PageFacts:
    facts = _PageFacts()
    facts.h1s = [t for t in (_clean(h.text_content()) for h in tree.xpath("//h1")[:10]) if 0 < len(t) <= 400]
    facts.titles = [_clean(t.text_content()) for t in tree.xpath("//title")[:1]]
    for prop in ("og:title", "twitter:title"):
        facts.titles += [_clean(c) for c in tree.xpath(f'//meta[@property="{prop}" or @name="{prop}"]/@content')[:1]]
    sites = tree.xpath('//meta[@property="og:site_name" or @name="og:site_name" or @name="application-name"]/@content')
    facts.site = _clean(sites[0]) if sites and _clean(sites[0]) else None
    for item in _json_ld(tree):
        if not _is_news_type(item):
            continue
        if isinstance(item.get("headline"), str) and not facts.ld_headline:
            facts.ld_headline = _clean(item["headline"])
        if isinstance(item.get("articleBody"), str) and not facts.ld_body:
            facts.ld_body = item["articleBody"]
        if str(item.get("isAccessibleForFree", "")).lower() in ("false", "0", "no"):
            facts.paid = True
    if facts.ld_headline:
        facts.titles.append(facts.ld_headline)
    facts.titles = [t for t in facts.titles if t]
    return facts


def _name_keys(name: str) -> set[str]:
    """Comparison keys of a site's name ("The Guardian" -> "the guardian", "guardian", "theguardian"; "DW.COM" -> "dw")."""
    k = _key(name)
    variants = {k, _TLD.sub("", k).strip()} if "." in name else {k}
    keys = {x for v in variants for x in (v, v.removeprefix("the ").strip(), v.replace(" ", ""))}
    keys.discard("")
    return keys


def _site_keys(site: str | None, url: str | None) -> set[str]:
    """The keys of the site's name and of its host name."""
    keys = _name_keys(site) if site else set()
    if url and is_url(url):
        keys |= _name_keys((urlsplit(url).hostname or "").removeprefix("www."))
    return keys


def trim_title(title: str, site: str | None = None, url: str | None = None) -> str:
    """*title* without trailing " | Site" / " - Site" parts that name the site (or are a date).

    >>> trim_title("Storm hits coast | DW | 19.01.2020", site="DW.COM")
    'Storm hits coast'
    >>> trim_title("Jobs - the early years - BBC News", site="BBC News")
    'Jobs - the early years'
    """
    keys = _site_keys(site, url)
    seps = list(_TITLE_SEP.finditer(title))
    end = len(title)
    for sep in reversed(seps):
        segment = title[sep.end():end].strip()
        if not _key(segment) or _name_keys(segment) & keys or _DATE_LIKE.match(segment):
            end = sep.start()
        else:
            break
    return title[:end].strip() or title.strip()


def _title_prefixes(title: str) -> Iterator[str]:
    """*title* and each part of it that ends before a separator ("A | B | C" -> "A", "A | B", "A | B | C")."""
    for sep in _TITLE_SEP.finditer(title):
        yield title[:sep.start()]
    yield title


def _pick_headline(doc_title: str | None, facts: _PageFacts, site: str | None, url: str | None) -> tuple[str | None, str]:
    """The article's headline and where it came from ("h1", "title" or "none")."""
    titles = ([doc_title] if doc_title else []) + facts.titles
    prefix_keys = {_key(p) for t in titles for p in _title_prefixes(t)}
    for h1 in facts.h1s:
        if _key(h1) and _key(h1) in prefix_keys:
            return h1, "h1"
    for t in titles:
        trimmed = trim_title(t, site, url)
        if _key(trimmed) and _key(trimmed) not in _site_keys(site, url):
            return trimmed, "title"
    if facts.h1s:
        return facts.h1s[0], "h1"
    return None, "none"


def _element_text(el: Any) -> str:
    for lb in el.iter("lb"):
        lb.tail = " " + (lb.tail or "")
    return _clean("".join(el.itertext()))


def _body_paragraphs(body: Any) -> list[str]:
    """The text of each block of trafilatura's body: paragraphs, subheads, quotes, each list item."""
    out: list[str] = []
    if body is None:
        return out
    for el in body:
        if el.tag in ("table", "graphic", "figure", "image"):
            continue
        if el.tag == "list":
            out += [t for t in (_element_text(item) for item in el.iter("item")) if t]
        else:
            text = _element_text(el)
            if text:
                out.append(text)
    return out


def _drop_furniture(paragraphs: list[str], headline: str | None, byline: str | None) -> list[str]:
    """Remove page furniture that slipped into the body: the headline again, the byline, credits, links."""
    skip = {_key(headline)} if headline else set()
    if byline:
        skip |= {_key(byline), _key("By " + byline)}
    out = []
    for i, p in enumerate(paragraphs):
        if i < 4 and _key(p) in skip:
            continue
        if _FURNITURE.match(p) or (len(p.split()) <= 60 and _CAPTION_END.search(p)):
            continue
        out.append(p)
    return out


def _ld_paragraphs(body: str) -> list[str]:
    blocks = re.split(r"\n\s*\n|\r?\n", body) if "\n" in body else [body]
    return [t for t in (_clean(b) for b in blocks) if t]


def _is_paywall(ex: Extraction, facts: _PageFacts, html: str) -> bool:
    if ex.words >= PAYWALL_MAX_WORDS:
        return False
    if facts.paid:
        return True
    body = " ".join(ex.paragraphs).lower()
    if any(p in body for p in _PAYWALL_BODY_PHRASES):
        return True
    page = html.lower()
    return any(p in page for p in PAYWALL_PHRASES)


def extract(html: str, *, url: str | None = None, name: str = "web page") -> Extraction:
    """Find the article in a page's HTML: its headline, body paragraphs and metadata (needs ``newskit[web]``).

    Raises :class:`~newskit.errors.PaywallError` for a subscribers-only stub and
    :class:`~newskit.errors.NotAnArticleError` for a page with under :data:`MIN_WORDS` words of
    running text.

    >>> page = ("<html><head><title>Floods close schools | Valley News</title></head><body>"
    ...         "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><article><h1>Floods close schools</h1>"
    ...         + "".join(f"<p>Day {d}: schools in the valley stayed closed after the river burst its banks, "
    ...                   "officials said.</p>" for d in ("one", "two", "three", "four"))
    ...         + "</article></body></html>")
    >>> ex = extract(page)
    >>> ex.headline, len(ex.paragraphs), ex.meta["title_source"]
    ('Floods close schools', 4, 'h1')
    """
    trafilatura = _trafilatura()
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise NotAnArticleError(f"{name}: this is not a readable web page (no HTML document in it)")
    facts = _page_facts(tree)
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False, include_links=False,
                                      favor_precision=True)
    site = _clean(doc.sitename) if doc is not None and doc.sitename else facts.site
    page_url = url or (doc.url if doc is not None and doc.url else None)
    headline, source = _pick_headline(doc.title if doc is not None else None, facts, site, page_url)
    byline = _clean(doc.author) if doc is not None and doc.author else None
    paragraphs = _drop_furniture(_body_paragraphs(doc.body if doc is not None else None), headline, byline)
    warnings: list[str] = []
    ex = Extraction(headline, tuple(paragraphs))
    if ex.words < MIN_WORDS and facts.ld_body:
        ld = Extraction(headline, tuple(_drop_furniture(_ld_paragraphs(facts.ld_body), headline, byline)))
        if ld.words > ex.words:
            ex = ld
            if len(ld.paragraphs) == 1:
                warnings.append(f"{name}: the article text came from the page's structured data (JSON-LD "
                                "articleBody), which has no paragraph breaks: the body is one paragraph")
    if _is_paywall(ex, facts, html):
        raise PaywallError(f"{name}: only {ex.words} words of the article are on this page, with a request to "
                           "subscribe or log in (a paywall); log in in your browser, save the page and load the .html file")
    if ex.words < MIN_WORDS:
        raise NotAnArticleError(f"{name}: this page does not look like an article (only {ex.words} words of "
                                "running text; a home page, a list of links or a video page?)")
    meta = {"byline": byline, "date": doc.date if doc is not None else None, "site": site, "url": page_url,
            "title_source": source}
    return Extraction(ex.headline, ex.paragraphs, {k: v for k, v in meta.items() if v}, tuple(warnings))


def from_html(html: str, *, name: str = "web page", url: str | None = None, path: str | None = None,
              warnings: tuple[str, ...] = ()) -> Article:
    """Make an :class:`~newskit.Article` from a news page's HTML (see :func:`extract`; needs ``newskit[web]``).

    The article's text is the headline, a blank line, and the body paragraphs separated by
    blank lines; byline, date, site and address are ``article.meta``.

    >>> page = ("<html><head><title>Floods close schools - Valley News</title>"
    ...         "<meta property='og:site_name' content='Valley News'></head><body><div class='cookie'>We use "
    ...         "cookies. Accept all</div><main><h1>Floods close schools</h1><p class='byline'>By Ann Lee</p>"
    ...         + "".join(f"<p>Day {d}: schools in the valley stayed closed after the river burst its banks, "
    ...                   "officials said.</p>" for d in ("one", "two", "three", "four"))
    ...         + "</main><footer>Contact us</footer></body></html>")
    >>> art = from_html(page, name="floods.html")
    >>> art.headline, len(art.paragraphs), art.meta["site"]
    ('Floods close schools', 4, 'Valley News')
    """
    if not isinstance(html, str):
        raise TypeError(f"from_html() needs a str, not {type(html).__name__}; for bytes use newskit.from_bytes()")
    ex = extract(html, url=url, name=name)
    blocks = ([ex.headline] if ex.headline else []) + list(ex.paragraphs)
    return Article.parse("\n\n".join(blocks), name=name, path=path, has_headline=ex.headline is not None,
                         meta=ex.meta, warnings=tuple(warnings) + ex.warnings)
