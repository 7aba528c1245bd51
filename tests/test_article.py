"""The Article model and the loaders: headline, paragraphs, spans, bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest

import newskit
from newskit.core import resources
from newskit.core.text import MAX_BYTES, split_paragraphs


def assert_spans_exact(art: newskit.Article) -> None:
    if art.headline_span:
        s, e = art.headline_span
        assert art.text[s:e] == art.headline
    for p in art.paragraphs:
        assert art.text[p.start:p.end] == p.text
    for s in art.sentences:
        assert art.text[s.start:s.end] == s.text
        p = art.paragraphs[s.paragraph]
        assert p.start <= s.start and s.end <= p.end
    for w in art.words:
        assert art.text[w.start:w.end] == w.text
    assert [w.start for w in art.words] == sorted(w.start for w in art.words)


def test_seed_headline_and_15_paragraphs(seed):
    assert seed.headline == "Iraq's Army Abandoned Mosul To ISIS By 'Changing Clothes, Abandoning Weapons'"
    assert len(seed.paragraphs) == 15
    assert seed.paragraphs[0].text.startswith("Iraq has been accused")
    assert seed.paragraphs[6].text.startswith("Iraqi families fleeing")
    assert seed.paragraphs[10].text == "Iraqis Fleeing Mosul"
    assert seed.paragraphs[14].text.startswith("On Tuesday, parliamentary speaker")
    assert [p.number for p in seed.paragraphs] == list(range(1, 16))


def test_seed_spans_slice_back_exactly(seed):
    assert_spans_exact(seed)
    assert len(seed.sentences) > 20
    assert len(seed) == seed.readability().words == 600  # words as a reader counts them


def test_curly_possessive_is_one_token(seed):
    texts = [w.text for w in seed.words]
    assert "\u2019s" in texts  # Iraq’s -> Iraq + ’s
    assert "Iraq\u2019s" not in texts


def test_sample_matches_seed_file_byte_for_byte(seed_path):
    from importlib import resources as ir

    packaged = ir.files("newskit").joinpath("data", "mosul-2014.txt").read_bytes()
    assert packaged == seed_path.read_bytes()
    assert newskit.sample().text == newskit.load(seed_path).text


def test_crlf_and_one_paragraph_per_line(seed):
    crlf = seed.text.replace("\n", "\r\n")
    a = newskit.from_text(crlf)
    assert a.headline == seed.headline and len(a.paragraphs) == 15
    assert_spans_exact(a)
    per_line = seed.text.replace("\n\n", "\n")
    b = newskit.from_text(per_line)
    assert b.headline == seed.headline and len(b.paragraphs) == 15
    assert [p.text for p in b.paragraphs] == [p.text for p in seed.paragraphs]
    assert_spans_exact(b)


def test_blank_line_blocks_keep_wrapped_lines_together():
    a = newskit.from_text("Title\n\nOne line\ncontinues here.\n\nSecond para.")
    assert [p.text for p in a.paragraphs] == ["One line\ncontinues here.", "Second para."]


def test_from_text_headline_and_no_headline():
    a = newskit.from_text("Rain is expected.", headline="Weather")
    assert a.headline == "Weather" and a.paragraphs[0].text == "Rain is expected."
    b = newskit.from_text("A single paragraph with no headline.")
    assert b.headline is None and len(b.paragraphs) == 1
    c = newskit.from_text("Line one\nLine two", has_headline=False)
    assert c.headline is None and len(c.paragraphs) == 2


def test_split_paragraphs_leading_blank_lines():
    head, paras = split_paragraphs("\n\n  Head  \n\nBody\n")
    assert head == (4, 8) and paras == [(12, 16)]


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Caf\u00e9 news\n\n\u201cHello,\u201d she said.".encode("utf-8"), "utf-8"),
        ("Caf\u00e9 news\n\n\u201cHello,\u201d she said.".encode("utf-8-sig"), "utf-8 with BOM"),
        ("Caf\u00e9 news\n\n\u201cHello,\u201d she said.".encode("utf-16"), "utf-16 with BOM"),
        ("Caf\u00e9 news\n\n\u201cHello,\u201d she said.".encode("cp1252"), "windows-1252"),
    ],
)
def test_decodings(tmp_path, data, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    art = newskit.load(f)
    assert art.headline == "Caf\u00e9 news", encoding
    assert art.paragraphs[0].text == "\u201cHello,\u201d she said."


def test_undefined_cp1252_bytes_are_kept(tmp_path):
    f = tmp_path / "odd.txt"
    f.write_bytes(b"Head\n\nA \x81 b \xe9")
    art = newskit.load(f)
    assert art.paragraphs[0].text == "A \x81 b \u00e9"


def test_missing_file(tmp_path):
    with pytest.raises(newskit.ArticleNotFoundError, match="no such file"):
        newskit.load(tmp_path / "nope.txt")


def test_directory(tmp_path):
    with pytest.raises(newskit.NotAFileError, match="load_folder"):
        newskit.load(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_and_whitespace(tmp_path, content):
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    with pytest.raises(newskit.EmptyArticleError, match="empty"):
        newskit.load(f)
    with pytest.raises(newskit.EmptyArticleError):
        newskit.from_text(content.decode())


def test_binary(tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(newskit.BinaryInputError, match="not a text file"):
        newskit.load(f)


def test_too_large(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(newskit.ArticleTooLargeError, match="MAX_BYTES"):
        newskit.load(f)
    with pytest.raises(newskit.ArticleTooLargeError):
        newskit.from_text("a" * (MAX_BYTES + 1))


def test_errors_share_one_root():
    for cls in (newskit.ArticleNotFoundError, newskit.NotAFileError, newskit.EmptyArticleError,
                newskit.BinaryInputError, newskit.ArticleTooLargeError, newskit.MissingResourceError):
        assert issubclass(cls, newskit.NewskitError)


def test_load_folder_sorted(tmp_path):
    (tmp_path / "b.txt").write_text("B head\n\nB body.")
    (tmp_path / "a.txt").write_text("A head\n\nA body.")
    (tmp_path / "notes.md").write_text("ignored")
    arts = newskit.load_folder(tmp_path)
    assert [a.name for a in arts] == ["a.txt", "b.txt"]
    with pytest.raises(newskit.ArticleNotFoundError):
        newskit.load_folder(tmp_path / "none")


def test_path_with_spaces_and_unicode(tmp_path):
    d = tmp_path / "my articles \u00e9t\u00e9 \u65b0\u95fb"
    d.mkdir()
    f = d / "r\u00e9sum\u00e9 report.txt"
    f.write_text("Head\n\nBody text here.", encoding="utf-8")
    assert newskit.load(f).name == "r\u00e9sum\u00e9 report.txt"


def test_missing_resource_is_one_clear_line(tmp_path, monkeypatch):
    import nltk.data

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    resources.clear_caches()
    try:
        art = newskit.from_text("Head\n\nSome body text. Another sentence.")
        with pytest.raises(newskit.MissingResourceError) as info:
            art.sentences  # noqa: B018
        msg = str(info.value)
        assert "punkt_tab" in msg and "newskit setup" in msg and "NLTK_DATA" in msg
        assert "\n" not in msg
        assert resources.missing() == [r.package for r in resources.RESOURCES]
    finally:
        monkeypatch.undo()
        resources.clear_caches()


def test_import_is_light():
    code = "import sys, newskit; print(sorted(m for m in ('matplotlib', 'ipywidgets', 'nltk') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cli_help_for_each_subcommand():
    from newskit.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in sub.choices:
        out = subprocess.run([sys.executable, "-m", "newskit", name, "--help"], capture_output=True, text=True)
        assert out.returncode == 0 and "usage" in out.stdout, name


def test_setup_check_reports_all_present():
    out = subprocess.run([sys.executable, "-m", "newskit", "setup", "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
    assert "all NLTK data is installed" in out.stdout


def test_cli_error_is_one_line(tmp_path):
    out = subprocess.run([sys.executable, "-m", "newskit", "quotes", str(tmp_path / "missing.txt")],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert out.stderr.strip().startswith("newskit: error: no such file")
    assert "Traceback" not in out.stderr


def test_tags_one_per_word(seed):
    tags = seed.tags
    assert len(tags) == len(seed.words)
    by_word = dict(zip((w.text for w in seed.words), tags, strict=True))
    assert by_word["accused"] == "VBN" and by_word["Mosul"] == "NNP"
    caps = newskit.from_text("HEAD\n\nTHE ARMY LEFT THE CITY ON TUESDAY.")
    assert caps.tags[caps.words.index(next(w for w in caps.words if w.text == "LEFT"))].startswith("VB")


@pytest.mark.parametrize("data, kind", [(b"%PDF-1.4\n1 0 obj", "PDF"), (b"PK\x03\x04word/document.xml", "Word"),
                                        (b"\x89PNG\r\n\x1a\nrest", "PNG")])
def test_known_binary_formats_are_named(data, kind):
    with pytest.raises(newskit.BinaryInputError, match=kind):
        newskit.from_bytes(data)
