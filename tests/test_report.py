"""newskit.report: one self-contained HTML file per article, a small corpus report, and `newskit report`."""

from __future__ import annotations

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
    assert not tags & {"u", "em", "tricky"}  # (b and i are used by the views themselves)


def test_render_index_escapes_and_links(tmp_path: Path):
    from newskit.analysis import CorpusResult

    ok = CorpusResult(path="x", name="a <b>.txt", ok=True, result={
        "article": {"headline": "<i>h</i>", "words": 5}, "sources": {"quotes": [], "table": []},
        "readability": {"flesch_reading_ease": 61.234}})
    bad = CorpusResult(path="y", name="y.txt", ok=False, error="<script>x</script>", error_type="BinaryInputError")
    page = report.render_index([(ok, "a <b> ü.html"), (bad, "y.html")])
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
    assert sorted(p.name for p in index.parent.iterdir()) == ["index.html", "one.html", "two words.html"]
    links = [unquote(v) for _, k, v in audit(page).attrs if k == "href"]
    assert links == ["one.html", "two words.html"]
    assert "broken.txt" in page and "BinaryInputError" in page
    for name in links:
        assert_self_contained((index.parent / name).read_text(encoding="utf-8"))


def test_corpus_report_index_file_name(tmp_path: Path):
    src = tmp_path / "articles"
    _corpus(src)
    with ThreadPoolExecutor(max_workers=1) as ex:
        index = report.write_corpus_report([src / "one.txt"], tmp_path / "site" / "all.html", executor=ex)
    assert index.name == "all.html"
    assert sorted(p.name for p in index.parent.iterdir()) == ["all.html", "one.html"]


def test_report_names_are_distinct():
    names = report._report_names([Path("a/index.txt"), Path("b/x.txt"), Path("c/X.TXT"), Path("d/x.txt")])
    assert names == ["index-2.html", "x.html", "X-2.html", "x-3.html"]


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
    assert (out / "index.html").is_file() and (out / "one.html").is_file()
    assert "index.html" in capsys.readouterr().out
