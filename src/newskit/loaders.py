"""Loading articles: from a file, a folder, pasted text, or the bundled sample.

File format: the first non-empty line is the headline; paragraphs are
separated by blank lines (a file with no blank lines is read one paragraph per
line); Windows line ends are fine. Bytes are decoded as UTF-8 (with or without
a byte-order mark), UTF-16 with a byte-order mark, and otherwise as
Windows-1252, so no character is ever dropped.
"""

from __future__ import annotations

import codecs
import os
from importlib import resources as importlib_resources
from pathlib import Path

from .article import MAX_BYTES, Article
from .errors import (
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryInputError,
    EmptyArticleError,
    NotAFileError,
)

__all__ = ["load", "from_text", "from_bytes", "sample", "load_folder", "decode"]

SAMPLE_NAME = "mosul-2014.txt"

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


def decode(data: bytes, name: str = "data") -> str:
    """Decode article bytes: UTF-8 (BOM optional), UTF-16 with a BOM, else Windows-1252.

    Raises :class:`BinaryInputError` for data with NUL bytes (a PDF, an image,
    UTF-16 without a byte-order mark).
    """
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
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
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:  # the 5 bytes cp1252 leaves undefined: keep them as Latin-1
                text = data.decode("latin-1")
    if "\x00" in text:
        raise BinaryInputError(f"{name}: the decoded text contains NUL characters; it is not a plain-text article")
    return text


def from_bytes(data: bytes, name: str = "article", *, has_headline: bool = True) -> Article:
    """Make an :class:`Article` from raw file bytes (e.g. from an upload widget).

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
    return Article.parse(decode(data, name), name=name, has_headline=has_headline)


def load(path: str | os.PathLike[str], *, has_headline: bool = True) -> Article:
    """Load an article from a text file.

    The first non-empty line is the headline unless ``has_headline=False``
    (for corpora whose files hold body text only).

    >>> import newskit
    >>> art = newskit.load("seeds/000_6622d1a6154394f2.txt")  # doctest: +SKIP
    """
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
    data = p.read_bytes()
    art = from_bytes(data, name=p.name, has_headline=has_headline)
    return Article(text=art.text, headline_span=art.headline_span, paragraphs=art.paragraphs, name=p.name, path=str(p))


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


def load_folder(folder: str | os.PathLike[str], *, has_headline: bool = True) -> list[Article]:
    """Load every ``.txt`` file in *folder* (not its subfolders), sorted by file name.

    >>> import newskit
    >>> corpus = newskit.load_folder("seeds")  # doctest: +SKIP
    """
    p = Path(folder)
    if not p.exists():
        raise ArticleNotFoundError(f"no such folder: {str(p)!r}")
    if not p.is_dir():
        raise NotAFileError(f"{str(p)!r} is a file, not a folder; use newskit.load() for one article")
    files = sorted(f for f in p.iterdir() if f.suffix.lower() == ".txt" and f.is_file())
    if not files:
        raise ArticleNotFoundError(f"no .txt files in {str(p)!r}")
    return [load(f, has_headline=has_headline) for f in files]
