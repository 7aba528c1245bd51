"""newskit.report: one self-contained HTML file per article, a small corpus report, and `newskit report`."""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote

import pytest
from html_audit import audit

import newskit
from newskit import cli, report

TRICKY = (
    "Mayor's <b>plan</b> & the \"<i>budget</i>\"\n\n"
    "The mayor unveiled a plan on Monday that critics called \"a <u>disaster</u> & a waste\".\n\n"
    "\"We will build <em>more</em> homes,\" said Rosa Diaz, the mayor. Officials said costs would rise.\n\n"
    "The plan was approved by the council. It may be changed later, some residents fear.\n"
)


def assert_self_contained(page: str) -> None:
    low = page.lower()
    assert "<script" not in low
    assert "javascript:" not in low
    a = audit(page)
    assert "script" not in a.tags and "iframe" not in a.tags and "link" not in a.tags
    for tag, key, value in a.attrs:
        assert not key.startswith("on"), f"event handler attribute {key!r} on <{tag}>"
        if key in ("src", "href", "srcset", "action", "data"):
            v = (value or "").strip().lower()
            assert not v.startswith(("http:", "https:", "//", "ftp:", "file:")), f"external reference {key}={value!r}"
            if key == "src":
                assert v.startswith("data:image/"), f"<{tag} src> is not embedded: {value[:40]!r}"
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", low), "CSS loads something from outside"
    assert not re.search(r"@import", low)


@pytest.fixture(scope="module")
def seed_report(seed: newskit.Article, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("seed-report")
    out = report.write_report(seed, folder / "seed.html")
    return out, out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tricky_page() -> str:
    return report.render_report(newskit.from_text(TRICKY, name="<tricky>.txt"))


def test_report_is_one_file(seed_report: tuple[Path, str]):
    out, page = seed_report
    assert out.is_file()
    assert [p.name for p in out.parent.iterdir()] == ["seed.html"]
    assert page.startswith("<!DOCTYPE html>")
    assert "<meta charset='utf-8'>" in page


def test_report_is_self_contained(seed_report: tuple[Path, str]):
    assert_self_contained(seed_report[1])


def test_report_embeds_images(seed_report: tuple[Path, str]):
    page = seed_report[1]
    images = re.findall(r"src=['\"]data:image/png;base64,([A-Za-z0-9+/=]{100,})['\"]", page)
    assert len(images) >= 3  # structure map, source share, frequencies, keyness, tone...
    import base64

    assert base64.b64decode(images[0])[:4] == b"\x89PNG"


def test_report_has_every_section(seed_report: tuple[Path, str]):
    page = seed_report[1]
    for anchor in ("summary", "article", "structure", "readability", "sources", "quotes", "outlets", "reported",
                   "unattributed", "frequencies", "keywords", "labels", "loaded", "hedges", "passives", "tone"):
        assert f"id='{anchor}'" in page, anchor
        assert f"href='#{anchor}'" in page, anchor


def test_report_knows_the_seed(seed: newskit.Article, seed_report: tuple[Path, str]):
    page = seed_report[1]
    assert "Mahmud Nuri" in page and "Josh Earnest" in page
    assert "AFP" in page
    assert "<mark" in page  # the highlighted article
    assert page.count("data-paragraph=") >= len(seed.paragraphs)


def test_report_escapes_article_text(tricky_page: str):
    page = tricky_page
    assert_self_contained(page)
    for raw in ("<b>plan</b>", "<i>budget</i>", "<u>disaster</u>", "<em>more</em>", "<tricky>"):
        assert raw not in page, raw
    assert "&lt;b&gt;plan&lt;/b&gt;" in page
    assert "&lt;tricky&gt;.txt" in page
    assert "Rosa Diaz" in page
    tags = set(audit(page).tags)
    assert not tags & {"u", "tricky"}  # (b, i and em are used by the views themselves)


def test_render_index_escapes_and_links(tmp_path: Path):
    from newskit.corpus import ArticleRow, CorpusComparison

    ok = ArticleRow("a <b>.txt", "x", "<i>h</i>", 5, 0, 0, reading_ease=61.234)
    bad = ArticleRow("y.txt", "y", error="<script>x</script>", error_type="BinaryInputError")
    page = report.render_index(CorpusComparison((ok, bad)), ["a <b> ü.html", None])
    assert_self_contained(page)
    assert "&lt;i&gt;h&lt;/i&gt;" in page and "<i>h</i>" not in page
    assert "61.2" in page and "BinaryInputError" in page
    hrefs = [v for _, k, v in audit(page).attrs if k == "href"]
    assert hrefs == ["a%20%3Cb%3E%20%C3%BC.html"]


def test_write_report_from_a_path(tmp_path: Path):
    src = tmp_path / "in.txt"
    src.write_text(TRICKY, encoding="utf-8")
    out = report.write_report(src, tmp_path / "sub" / "out.html")
    assert out.is_file() and out.parent.name == "sub"


def test_write_report_unwritable_target_is_a_newskit_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(newskit.NewskitError):
        report.write_report(newskit.from_text(TRICKY), blocker / "out.html")


def _corpus(folder: Path) -> None:
    folder.mkdir()
    (folder / "one.txt").write_text(TRICKY, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02")
    (folder / "two words.txt").write_text("Quiet day\n\nNothing happened, said Lu Wen.\n", encoding="utf-8")


def test_corpus_report(tmp_path: Path):
    src = tmp_path / "articles"
    _corpus(src)
    with ThreadPoolExecutor(max_workers=1) as ex:  # one thread: matplotlib is drawn without pyplot, but keep it simple
        index = report.write_corpus_report(src, tmp_path / "out", executor=ex)
    assert index == tmp_path / "out" / "index.html"
    page = index.read_text(encoding="utf-8")
    assert_self_contained(page)
    sorted_pages = [f"by-{k}.html" for k in ("grade", "quotes", "reading-ease", "sources", "words")]
    assert sorted(p.name for p in index.parent.iterdir()) == ["index-pages", "index.html"]
    pages = index.parent / "index-pages"
    assert report.pages_folder(index) == pages
    assert sorted(p.name for p in pages.iterdir()) == sorted(["one.html", "two words.html", *sorted_pages])
    links = [unquote(v) for _, k, v in audit(page).attrs if k == "href"]
    assert [x for x in links if "/by-" not in x] == ["index.html", "index-pages/one.html", "index-pages/two words.html"]
    assert "broken.txt" in page and "BinaryInputError" in page
    assert "<svg" in page and "Who gets the quoted words" in page  # the chart across articles
    for name in links:
        sub = (index.parent / name).read_text(encoding="utf-8")
        assert_self_contained(sub)
        if "/by-" in name:  # a sorted table links to its neighbours and back to the index
            sub_links = [unquote(v) for _, k, v in audit(sub).attrs if k == "href"]
            assert "../index.html" in sub_links and "one.html" in sub_links and "by-words.html" in sub_links
        elif name != "index.html":
            assert "data:image/png" not in sub  # no per-article charts by default
            assert "href=\"../index.html\"" in sub  # a way back


def test_corpus_report_index_file_name(tmp_path: Path):
    src = tmp_path / "articles"
    _corpus(src)
    with ThreadPoolExecutor(max_workers=1) as ex:
        index = report.write_corpus_report([src / "one.txt"], tmp_path / "site" / "all.html", executor=ex)
    assert index.name == "all.html"
    assert sorted(p.name for p in index.parent.iterdir()) == ["all-pages", "all.html"]
    assert sorted(p.name for p in (index.parent / "all-pages").iterdir() if "by-" not in p.name) == ["one.html"]


def test_report_names_are_distinct():
    names = report._report_names([Path("a/index.txt"), Path("b/x.txt"), Path("c/X.TXT"), Path("d/x.txt")])
    assert names == ["index-2.html", "x.html", "X-2.html", "x-3.html"]
    names = report._report_names([Path("all.txt"), Path("a?b.txt"), Path("caf\udce9.txt")], reserved=["ALL.html"])
    assert names == ["all-2.html", "a_b.html", "caf_.html"]


def test_cli_report_single(seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "r.html"
    assert cli.main(["report", str(seed_path), "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert_self_contained(out.read_text(encoding="utf-8"))


def test_cli_report_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    src = tmp_path / "articles"
    _corpus(src)
    out = tmp_path / "reports"
    assert cli.main(["report", str(src), "-o", str(out), "--no-headline"]) == 0
    assert (out / "index.html").is_file() and (out / "index-pages" / "one.html").is_file()
    said = capsys.readouterr().out
    assert said.count("\n") == 1 and "index.html" in said and str(out / "index-pages") in said


# --- never over an input; odd names and text ------------------------------------------------------------------------


PAGE = """<!DOCTYPE html><html><head><title>Mayor unveils housing plan</title></head><body>
<article><h1>Mayor unveils housing plan</h1>
<p>The mayor unveiled a plan on Monday that critics called "a disaster and a waste" of public money for the city.</p>
<p>"We will build more homes for the families who need them," said Rosa Diaz, the mayor, at a press conference.</p>
<p>Officials said costs would rise over the next two years, and the council is expected to vote on it next month.</p>
</article></body></html>
"""


def test_write_report_never_overwrites_its_input(tmp_path: Path):
    src = tmp_path / "page.html"
    src.write_text(PAGE, encoding="utf-8")
    with pytest.raises(newskit.NewskitError, match="over its input"):
        report.write_report(src, src)
    with pytest.raises(newskit.NewskitError, match="over its input"):
        report.write_report(newskit.load(src), tmp_path / "." / "page.html")
    assert src.read_text(encoding="utf-8") == PAGE


def test_cli_report_default_name_differs_from_the_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    assert cli.main(["report", "page.html"]) == 0
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == PAGE
    assert (tmp_path / "page-report.html").is_file()
    assert cli.main(["report", "page.html", "-o", "page.html"]) == 1
    assert "over its input" in capsys.readouterr().err
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == PAGE


def test_corpus_report_articles_named_like_the_index(tmp_path: Path):
    src = tmp_path / "articles"
    src.mkdir()
    for name in ("index.txt", "all.txt", "by-words.txt"):
        (src / name).write_text(TRICKY.replace("Rosa Diaz", name), encoding="utf-8")
    with ThreadPoolExecutor(max_workers=1) as ex:
        index = report.write_corpus_report(src, tmp_path / "site" / "all.html", executor=ex)
    page = index.read_text(encoding="utf-8")
    assert "<svg" in page  # the index, not an article page
    links = [unquote(v) for _, k, v in audit(page).attrs if k == "href"]
    assert links[-3:] == ["all-pages/all.html", "all-pages/by-words-2.html", "all-pages/index.html"]
    assert "all.txt" in (index.parent / "all-pages" / "all.html").read_text(encoding="utf-8")
    assert "by-words.txt" in (index.parent / "all-pages" / "by-words-2.html").read_text(encoding="utf-8")


def test_corpus_report_refuses_to_write_the_index_over_an_input(tmp_path: Path):
    src = tmp_path / "index.html"
    src.write_text(PAGE, encoding="utf-8")
    with pytest.raises(newskit.NewskitError):
        report.write_corpus_report([src], tmp_path, executor=ThreadPoolExecutor(max_workers=1))
    assert src.read_text(encoding="utf-8") == PAGE


def test_folder_report_never_replaces_a_file_newskit_did_not_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """The reviewer's case: `newskit -q report FOLDER -o summary.html` beside the user's own bom.html."""
    src = tmp_path / "articles"
    src.mkdir()
    (src / "bom.txt").write_text(TRICKY, encoding="utf-8")
    mine = "<html><body>my own page</body></html>"
    (tmp_path / "bom.html").write_text(mine, encoding="utf-8")
    out = tmp_path / "summary.html"
    assert cli.main(["-q", "report", str(src), "-o", str(out)]) == 0
    said = capsys.readouterr().out.strip()
    assert "\n" not in said and str(out) in said and str(tmp_path / "summary-pages") in said
    assert (tmp_path / "bom.html").read_text(encoding="utf-8") == mine  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "bom.html", "summary-pages", "summary.html"]
    assert (tmp_path / "summary-pages" / "bom.html").is_file()
    # again: newskit replaces what it wrote itself
    assert cli.main(["-q", "report", str(src), "-o", str(out)]) == 0
    capsys.readouterr()
    # a file of the user's where a page would go, or as the index: refused, one line naming it, nothing written
    (tmp_path / "summary-pages" / "by-words.html").write_text(mine, encoding="utf-8")
    before = (tmp_path / "summary-pages" / "bom.html").stat().st_mtime_ns
    assert cli.main(["-q", "report", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "by-words.html" in err and "newskit did not write it" in err
    assert (tmp_path / "summary-pages" / "by-words.html").read_text(encoding="utf-8") == mine
    assert (tmp_path / "summary-pages" / "bom.html").stat().st_mtime_ns == before
    with pytest.raises(newskit.NewskitError, match="bom.html.*newskit did not write it"):
        report.write_corpus_report(src, tmp_path / "bom.html", executor=ThreadPoolExecutor(max_workers=1))
    assert (tmp_path / "bom.html").read_text(encoding="utf-8") == mine


def test_cli_report_help_says_where_the_pages_go(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit):
        cli.main(["report", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "summary-pages/" in text and "never replaces a file newskit did not write" in text


def test_report_survives_lone_surrogates_and_undecodable_file_names(tmp_path: Path):
    art = newskit.from_text("Odd \ud800 text\n\n\"Fine \udcff,\" said Kim Lee, a clerk.\n", name="x\udce9.txt")
    out = report.write_report(art, tmp_path / "odd.html")
    assert "\ufffd" in out.read_text(encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    raw = os.fsencode(str(src)) + b"/caf\xe9 \xff.txt"
    with open(raw, "wb") as f:
        f.write(TRICKY.encode("utf-8"))
    with ThreadPoolExecutor(max_workers=1) as ex:
        index = report.write_corpus_report(src, tmp_path / "site", executor=ex)
    page = index.read_text(encoding="utf-8")
    assert "caf\ufffd \ufffd.txt" in page
    assert (index.parent / "index-pages" / "caf_ _.html").is_file()


def test_corpus_report_with_charts_and_sorted_pages(tmp_path: Path):
    src = tmp_path / "articles"
    _corpus(src)
    with ThreadPoolExecutor(max_workers=1) as ex:
        index = report.write_corpus_report(src, tmp_path / "out", executor=ex, charts=True)
    assert "data:image/png" in (index.parent / "index-pages" / "one.html").read_text(encoding="utf-8")
    by_words = (index.parent / "index-pages" / "by-words.html").read_text(encoding="utf-8")
    assert by_words.index("one.txt") < by_words.index("two words.txt") < by_words.index("broken.txt")


def test_corpus_chart_svg_escapes():
    from newskit.corpus import ArticleRow, CorpusComparison

    svg = report.corpus_chart_svg(CorpusComparison((ArticleRow("<b>x</b>", "p", quotes=1, category_shares=(("<i>", 1.0),)),)))
    assert "<b>" not in svg and "<i>" not in svg and "&lt;b&gt;" in svg
