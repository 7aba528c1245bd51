"""The loaders: decoding bytes without silent misreading, web pages in disguise, folders of articles."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import newskit
from newskit import loaders

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"
NAMES = ["Ann Lee", "Tom Reilly", "Rosa Mendes", "David Brook", "Grace Whitfield", "Linda Okafor", "Ahmed Karim",
         "Janet Cole", "Maria Lopez", "Sam Patel", "Omar Haddad", "Lena Berg", "Paul Novak", "Irene Shaw",
         "Victor Hale", "Nadia Rahman", "Hugo Blanc", "Chen Wei"]


def _eighteen_quotes() -> str:
    paras = [f"\u201cThe river rose {i + 2} feet overnight,\u201d said {name}, who lives near the bridge."
             for i, name in enumerate(NAMES)]
    return "Floods reach the old town\n\n" + "\n\n".join(paras) + "\n"


# --- decoding: one bad byte must not turn every curly quote into mojibake ----------------------------------------------


def test_one_bad_byte_keeps_utf8_and_the_quotes(tmp_path: Path):
    data = _eighteen_quotes().encode("utf-8").replace(b"lives near", b"lives n\xe9ar", 1)  # one Latin-1 byte
    f = tmp_path / "floods.txt"
    f.write_bytes(data)
    art = newskit.load(f)
    assert "\u00e2\u20ac" not in art.text  # no mojibake (â€œ)
    assert art.text.count("\ufffd") == 1 and "lives n\ufffdar" in art.text
    assert len(art.warnings) == 1 and "1 byte" in art.warnings[0] and "line 3" in art.warnings[0]
    quotes = art.quotes()
    assert len(quotes) == 18
    assert [q.speaker.name if q.speaker else None for q in quotes] == NAMES


def test_utf8_with_bom_and_a_bad_byte_warns_too():
    art = newskit.from_bytes(codecs.BOM_UTF8 + "Head\n\n\u201cYes,\u201d she said.".encode() + b" \xff")
    assert art.paragraphs[0].text.endswith("\ufffd") and "not valid UTF-8" in art.warnings[0]


def test_a_windows_1252_file_is_read_as_such_and_says_so():
    data = "Caf\u00e9 news\n\n\u201cHello,\u201d she said. \u2013 Ren\u00e9e".encode("cp1252")
    art = newskit.from_bytes(data, name="old.txt")
    assert art.headline == "Caf\u00e9 news" and art.paragraphs[0].text == "\u201cHello,\u201d she said. \u2013 Ren\u00e9e"
    assert len(art.warnings) == 1 and "Windows-1252" in art.warnings[0] and art.warnings[0].startswith("old.txt:")


def test_clean_utf8_and_ascii_have_no_warnings():
    assert newskit.from_bytes("Caf\u00e9\n\n\u201cHi,\u201d he said.".encode()).warnings == ()
    assert newskit.from_bytes(b"Plain\n\nJust ASCII.").warnings == ()
    assert newskit.from_text("Head\n\nBody.").warnings == ()


def test_undefined_windows_1252_bytes_are_kept_and_the_rest_is_still_1252():
    text, warnings = loaders.decode_text(b"A \x81 b \x93quoted\x94 \xe9")
    assert text == "A \x81 b \u201cquoted\u201d \u00e9" and warnings


@pytest.mark.parametrize("label", ["windows-1252", "iso-8859-1", "latin1", "ascii"])
def test_declared_latin_charsets_read_as_windows_1252(label: str):
    assert loaders.decode_text(b"\x93Hi\x94", encoding=label) == ("\u201cHi\u201d", ())


def test_declared_other_charset_and_unknown_labels():
    assert loaders.decode_text("\u041c\u0438\u0440".encode("koi8-r"), encoding="koi8-r")[0] == "\u041c\u0438\u0440"
    assert loaders.decode_text("\u00e9".encode(), encoding="no-such-charset") == ("\u00e9", ())
    assert loaders.decode_text("\u00e9".encode(), encoding="utf-8") == ("\u00e9", ())


def test_decode_is_unchanged_for_callers():
    assert loaders.decode("\u00e9".encode("utf-16")) == "\u00e9"
    with pytest.raises(newskit.BinaryInputError):
        loaders.decode(b"%PDF-1.4 ...")


# --- web pages given as files or text -----------------------------------------------------------------------------------


def test_saved_page_is_routed_to_the_html_reader_whatever_its_name(tmp_path: Path):
    pytest.importorskip("trafilatura")
    for name in ("story.txt", "story.htm", "story"):
        p = tmp_path / name
        p.write_bytes(b"\n  <!-- saved from url=(0050)https://northfieldherald.example/local -->\n"
                      + (FIXTURES / "council-budget.html").read_bytes())
        art = newskit.load(p)
        assert art.headline == "Council approves budget with library cuts", name
        assert "<" not in art.text


def test_html_name_with_markup_but_no_doctype():
    pytest.importorskip("trafilatura")
    body = "".join(f"<p>Paragraph {i}: the storm hit the coast overnight and the roads were closed, police said.</p>"
                   for i in range(5))
    art = newskit.from_bytes(f"<h1>Storm hits coast</h1>{body}".encode(), name="fragment.html")
    assert art.headline == "Storm hits coast" and len(art.paragraphs) == 5


def test_text_that_merely_mentions_html_is_text():
    art = newskit.from_text("How to write <html>\n\nStart every page with a doctype.")
    assert art.headline == "How to write <html>"


# --- folders ------------------------------------------------------------------------------------------------------------


def test_corpus_paths_lists_text_and_html_files_sorted(tmp_path: Path):
    for name in ("b.txt", "a.html", "c.HTM", "notes.md", "d.txt.bak"):
        (tmp_path / name).write_text("x")
    (tmp_path / "sub.txt").mkdir()
    assert [p.name for p in loaders.corpus_paths(tmp_path)] == ["a.html", "b.txt", "c.HTM"]
    with pytest.raises(newskit.ArticleNotFoundError):
        loaders.corpus_paths(tmp_path / "none")
    with pytest.raises(newskit.NotAFileError):
        loaders.corpus_paths(tmp_path / "b.txt")


def test_load_folder_reads_text_and_saved_pages(tmp_path: Path):
    pytest.importorskip("trafilatura")
    (tmp_path / "b.txt").write_text("B head\n\nB body.", encoding="utf-8")
    (tmp_path / "a.html").write_bytes((FIXTURES / "harbour-strike.html").read_bytes())
    arts = newskit.load_folder(tmp_path)
    assert [(a.name, a.headline) for a in arts] == [("a.html", "Dock workers walk out over pay"), ("b.txt", "B head")]
    assert arts[0].path == str(tmp_path / "a.html") and arts[0].meta["site"] == "The Riverside Gazette"
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(newskit.ArticleNotFoundError, match="no .txt or .html files"):
        newskit.load_folder(empty)
