"""Loading articles: from a file, a folder, a web page or a link, pasted text, or the bundled sample.

File format: the first non-empty line is the headline; paragraphs are
separated by blank lines (a file with no blank lines is read one paragraph per
line); Windows line ends are fine. A web page (a link, an ``.html`` file, or a
file whose text is HTML) goes through :mod:`newskit.web`, which keeps the article
and drops the page around it.

Bytes are decoded as UTF-8 (with or without a byte-order mark) or UTF-16 with a
byte-order mark. A few bytes that are not valid UTF-8 are replaced by U+FFFD and
the article says so in ``article.warnings``; a file that is not UTF-8 at all
(most of its non-ASCII bytes are invalid) is read as Windows-1252, with a
warning too. No character is ever silently dropped.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import re
from importlib import resources as importlib_resources
from pathlib import Path
from urllib.parse import urlsplit

from .article import MAX_BYTES, Article
from .errors import (
    ArgumentTypeError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    EmptyArticleError,
    NotAFileError,
    NotHTMLError,
)

__all__ = ["load", "from_text", "from_bytes", "sample", "load_folder", "corpus_paths", "decode", "decode_text",
           "ARTICLE_SUFFIXES"]


def _web():  # noqa: ANN202 - the newskit.web module
    """:mod:`newskit.web`, imported when a page or link is first read, so ``import newskit`` stays light."""
    from . import web

    return web

SAMPLE_NAME = "mosul-2014.txt"
#: The files :func:`load_folder` and :func:`corpus_paths` take from a folder: plain text and saved web pages.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

#: File signatures of formats people try to load as articles.
_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a Word, OpenDocument or zip file"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) file"),
    (b"{\\rtf", "an RTF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
_ASCII = bytes(range(128))
_BAD_BYTE = re.compile("[\udc80-\udcff]")  # an invalid UTF-8 byte, as decoded with errors="surrogateescape"
#: Windows-1252, with the five bytes it leaves undefined kept as their Latin-1 characters.
_CP1252 = "".join(bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in range(256))
#: Labels that mean Windows-1252 on the web (the WHATWG encoding standard reads them all as windows-1252).
_CP1252_LABELS = frozenset({"cp1252", "iso8859-1", "latin-1", "ascii", "us-ascii", "iso-8859-1", "windows-1252"})


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _cp1252(data: bytes) -> str:
    return data.decode("latin-1").translate(dict(enumerate(_CP1252)))


def _utf8_or_cp1252(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """Decode *data* that is not valid UTF-8: UTF-8 with the bad bytes replaced, unless it is Windows-1252."""
    lenient = data.decode("utf-8", errors="surrogateescape")
    bad = _BAD_BYTE.findall(lenient)
    good = len(data.translate(None, _ASCII)) - len(bad)  # non-ASCII bytes that are part of valid UTF-8
    if len(bad) >= good:
        return _cp1252(data), (f"{name}: not UTF-8 ({_plural(len(bad), 'byte')} invalid): "
                               "read as Windows-1252; save the file as UTF-8 if characters look wrong",)
    first = _BAD_BYTE.search(lenient)
    line = lenient.count("\n", 0, first.start() if first else 0) + 1
    return data.decode("utf-8", errors="replace"), (
        f"{name}: {_plural(len(bad), 'byte')} that {'is' if len(bad) == 1 else 'are'} not valid UTF-8 "
        f"replaced by \ufffd (the first on line {line})",)


def _codec(label: str | None) -> str | None:
    """The Python codec for a declared charset, or None when it is UTF-8, unknown, or UTF-16 (no BOM to trust)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("'\"")).name
    except (LookupError, ValueError):
        return None
    if name in _CP1252_LABELS:
        return "cp1252"
    return None if name.startswith(("utf-8", "utf-16", "utf-32")) else name


def decode_text(data: bytes, name: str = "data", encoding: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Decode article bytes and say what was not clean: ``(text, warnings)``.

    UTF-8 (BOM optional) and UTF-16 with a BOM are read as such; *encoding* (a charset a web
    page declares) is used when given; otherwise UTF-8, with a few invalid bytes replaced by
    U+FFFD and a warning, or Windows-1252 (with a warning) when most non-ASCII bytes are not
    UTF-8. Raises :class:`BinaryInputError` for a PDF, an image or data with NUL bytes.

    >>> decode_text("“Yes,” she said.".encode() + b" \\xff")
    ('“Yes,” she said. \ufffd', ('data: 1 byte that is not valid UTF-8 replaced by \ufffd (the first on line 1)',))
    >>> decode_text("Café".encode("cp1252"))[0]
    'Café'
    """
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8):]
        try:
            return body.decode("utf-8"), ()
        except UnicodeDecodeError:
            text, warnings = _utf8_or_cp1252(body, name)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, warnings = data.decode("utf-16"), ()
        except UnicodeDecodeError:
            raise BinaryInputError(f"{name}: starts like UTF-16 text but does not decode as UTF-16") from None
    else:
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                raise BinaryInputError(f"{name}: this looks like {kind}, not a text file. "
                                       "Save the article as plain text (.txt, UTF-8) and load that.")
        if b"\x00" in data:
            raise BinaryInputError(
                f"{name}: this is not a text file (it contains NUL bytes). "
                "Save the article as plain text (.txt, UTF-8) and load that."
            )
        codec = _codec(encoding)
        if codec == "cp1252":
            text, warnings = _cp1252(data), ()
        elif codec:
            text = data.decode(codec, errors="replace")
            bad = text.count("\ufffd")
            warnings = (f"{name}: {_plural(bad, 'byte')} not valid {encoding} replaced by \ufffd",) if bad > 0 else ()
        else:
            try:
                text, warnings = data.decode("utf-8"), ()
            except UnicodeDecodeError:
                text, warnings = _utf8_or_cp1252(data, name)
    if "\x00" in text:
        raise BinaryInputError(f"{name}: the decoded text contains NUL characters; it is not a plain-text article")
    return text, warnings


def decode(data: bytes, name: str = "data") -> str:
    """Decode article bytes (see :func:`decode_text`, which also returns the warnings).

    >>> decode("Title\\n\\nBody".encode("utf-16"))
    'Title\\n\\nBody'
    """
    return decode_text(data, name)[0]


def _is_html(data: bytes | str, name: str) -> bool:
    """True for a web page: HTML content (whatever the file is called), or an .html name with markup in it."""
    if _web().looks_like_html(data):
        return True
    head = data[:4096]
    return name.lower().endswith(_HTML_SUFFIXES) and ("<" in head if isinstance(head, str) else b"<" in head)


def from_bytes(data: bytes, name: str = "article", *, has_headline: bool = True) -> Article:
    """Make an :class:`Article` from raw file bytes (e.g. from an upload widget).

    HTML (a name ending in ``.html``, or content that starts like a web page) is read as a web
    page by :func:`newskit.web.from_html` (needs ``pip install "newskit[web]"``).

    >>> import newskit
    >>> newskit.from_bytes("Title\\n\\nBody text.".encode("utf-16")).headline
    'Title'
    """
    if len(data) > MAX_BYTES:
        raise ArticleTooLargeError(
            f"{name}: {len(data):,} bytes is more than newskit's limit of {MAX_BYTES:,} bytes "
            "(newskit.article.MAX_BYTES); split it into articles"
        )
    if not data.strip():
        raise EmptyArticleError(f"{name}: the file is empty; there is nothing to analyse")
    if _is_html(data, name):
        text, warnings = decode_text(data, name, _web().declared_charset(data))
        return _web().from_html(text, name=name, warnings=warnings)
    text, warnings = decode_text(data, name)
    return Article.parse(text, name=name, has_headline=has_headline, warnings=warnings)


def _url_name(url: str) -> str:
    """A short display name for a link: its host and path (``www.example.org/news/story``)."""
    parts = urlsplit(url)
    name = (parts.netloc + parts.path).rstrip("/") or url
    return name if len(name) <= 100 else name[:99] + "\u2026"


def _load_url(url: str, *, has_headline: bool, timeout: float | None) -> Article:
    web = _web()
    page = web.fetch(url, timeout=web.DEFAULT_TIMEOUT if timeout is None else timeout)
    name = _url_name(page.url)
    if not page.data.strip():
        raise EmptyArticleError(f"{url[:200]}: the page is empty; there is nothing to analyse")
    if page.is_html:
        text, warnings = decode_text(page.data, name, page.charset or _web().declared_charset(page.data))
        return _web().from_html(text, name=name, url=page.url, warnings=warnings)
    if page.is_text:
        text, warnings = decode_text(page.data, name, page.charset)
        return Article.parse(text, name=name, has_headline=has_headline, meta={"url": page.url}, warnings=warnings)
    raise NotHTMLError(f"{url[:200]}: the link gives {page.describe()}, not a web page; newskit reads web pages "
                       "and plain text (for a PDF or a document, copy its text into a .txt file)")


def load(path: str | os.PathLike[str], *, has_headline: bool = True, timeout: float | None = None) -> Article:
    """Load an article from a text file, a saved web page (``.html``) or a link (``https://...``).

    The first non-empty line of a text file is the headline unless ``has_headline=False``
    (for corpora whose files hold body text only). A web page's headline, body and byline are
    found by :mod:`newskit.web` (``pip install "newskit[web]"``); *timeout* (seconds, default
    :data:`newskit.web.DEFAULT_TIMEOUT`) bounds fetching a link.

    >>> import newskit
    >>> art = newskit.load("seeds/000_6622d1a6154394f2.txt")  # doctest: +SKIP
    >>> art = newskit.load("https://www.example.org/news/story")  # doctest: +SKIP
    >>> newskit.load(123)
    Traceback (most recent call last):
    ...
    newskit.errors.ArgumentTypeError: newskit.load() takes a file path or a link, not int
    """
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentTypeError(f"newskit.load() takes a file path or a link, not {type(path).__name__}")
    if isinstance(path, str) and _web().is_url(path):
        return _load_url(path.strip(), has_headline=has_headline, timeout=timeout)
    p = Path(path)
    if not p.exists():
        raise ArticleNotFoundError(f"no such file: {str(p)!r}")
    if p.is_dir():
        raise NotAFileError(f"{str(p)!r} is a folder, not a file (in Python use newskit.load_folder(); "
                            "on the command line `newskit analyze` and `newskit report` accept a folder)")
    if not p.is_file():
        raise NotAFileError(f"{str(p)!r} is not a regular file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise ArticleTooLargeError(
            f"{p.name}: {size:,} bytes is more than newskit's limit of {MAX_BYTES:,} bytes "
            "(newskit.article.MAX_BYTES); split it into articles"
        )
    art = from_bytes(p.read_bytes(), name=p.name, has_headline=has_headline)
    return dataclasses.replace(art, path=str(p))


def from_text(text: str, headline: str | None = None, *, name: str = "pasted text", has_headline: bool = True) -> Article:
    """Make an :class:`Article` from a string, e.g. text pasted into a notebook.

    With ``headline=None`` the text is read like a file: its first line is the
    headline when there is more than one paragraph (pass ``has_headline=False``
    if your text has none). With a *headline* string, the text is all body and
    the headline is placed on a first line above it.

    >>> import newskit
    >>> art = newskit.from_text("Rain is expected.", headline="Weather")
    >>> art.headline, art.paragraphs[0].text
    ('Weather', 'Rain is expected.')
    """
    if not isinstance(text, str):
        raise TypeError(f"from_text() needs a str, not {type(text).__name__}; for bytes use newskit.from_bytes()")
    if len(text) > MAX_BYTES:
        raise ArticleTooLargeError(f"{name}: {len(text):,} characters is more than the limit of {MAX_BYTES:,}")
    if "\x00" in text:
        raise BinaryInputError(f"{name}: the text contains NUL characters; it is not a plain-text article")
    if headline is not None:
        headline = " ".join(headline.split())
        if not text.strip():
            raise EmptyArticleError(f"{name}: the text is empty (or only whitespace); there is nothing to analyse")
        return Article.parse(f"{headline}\n\n{text}", name=name, has_headline=bool(headline))
    if _web().looks_like_html(text):
        return _web().from_html(text, name=name)
    return Article.parse(text, name=name, has_headline=has_headline)


def sample() -> Article:
    """The seed article bundled with newskit: a 2014 report on the fall of Mosul.

    >>> import newskit
    >>> newskit.sample().name
    'mosul-2014.txt'
    """
    data = importlib_resources.files("newskit").joinpath("data", SAMPLE_NAME).read_bytes()
    art = from_bytes(data, name=SAMPLE_NAME)
    return art


def corpus_paths(folder: str | os.PathLike[str]) -> list[Path]:
    """The article files directly in *folder* (``.txt``, ``.html``, ``.htm``; not its subfolders), sorted by name.

    >>> corpus_paths("seeds")[:1]  # doctest: +SKIP
    [PosixPath('seeds/000_6622d1a6154394f2.txt')]
    """
    p = Path(folder)
    if not p.exists():
        raise ArticleNotFoundError(f"no such folder: {str(p)!r}")
    if not p.is_dir():
        raise NotAFileError(f"{str(p)!r} is a file, not a folder; use newskit.load() for one article")
    return sorted(f for f in p.iterdir() if f.suffix.lower() in ARTICLE_SUFFIXES and f.is_file())


def load_folder(folder: str | os.PathLike[str], *, has_headline: bool = True) -> list[Article]:
    """Load every article file in *folder* (see :func:`corpus_paths`), sorted by file name.

    >>> import newskit
    >>> corpus = newskit.load_folder("seeds")  # doctest: +SKIP
    """
    files = corpus_paths(folder)
    if not files:
        raise ArticleNotFoundError(f"no .txt or .html files in {str(folder)!r}")
    return [load(f, has_headline=has_headline) for f in files]
