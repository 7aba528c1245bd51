"""newskit.analysis: analyze() of one article, its typed results, to_dict(), glance() and summary(), and `newskit analyze`."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from samples import SMALL

import newskit
from newskit import analysis, cli
from newskit.analysis import Analysis, analyze


@pytest.fixture(scope="module")
def seed_analysis(seed: newskit.Article) -> Analysis:
    return analyze(seed)


# --- analyze() --------------------------------------------------------------------------------------------------------


def test_to_dict_top_level_keys(seed_analysis: Analysis):
    d = seed_analysis.to_dict()
    assert set(d) == {"article", "structure", "readability", "language", "sources"}
    assert set(d["sources"]) == {"quotes", "table", "outlets", "attributions"}
    assert set(d["language"]) == set(analysis.LANGUAGE_ANALYSES)


def test_to_dict_is_strict_json(seed_analysis: Analysis):
    d = seed_analysis.to_dict()
    text = json.dumps(d, allow_nan=False)
    assert json.loads(text) == d


def test_article_metadata(seed: newskit.Article, seed_analysis: Analysis):
    art = seed_analysis.to_dict()["article"]
    assert art["name"] == seed.name
    assert art["headline"] == seed.headline
    assert art["paragraphs"] == len(seed.paragraphs) == 15
    assert art["words"] == len(seed)
    assert art["sentences"] == len(seed.sentences)


def test_sources_part_matches_sources_module(seed: newskit.Article, seed_analysis: Analysis):
    src = seed_analysis.to_dict()["sources"]
    assert len(src["quotes"]) == len(seed.quotes()) == 9
    assert [q["text"] for q in src["quotes"]] == [q.text for q in seed.quotes()]
    assert [r["name"] for r in src["table"]] == [r.source.name for r in seed.sources()]
    assert [o["name"] for o in src["outlets"]] == [o.name for o in seed.outlets()]
    assert {a["kind"] for a in src["attributions"]} <= {"indirect", "unattributed"}
    nuri = next(q for q in src["quotes"] if q["speaker"] == "Mahmud Nuri")
    assert nuri["channel"] == "AFP"
    for q in src["quotes"]:
        for s, e in q["pieces"]:
            assert seed.text[s:e] in q["text"]


def test_results_are_the_analysis_modules_results(seed: newskit.Article, seed_analysis: Analysis):
    from newskit import language, structure

    assert seed_analysis.structure == structure.structure(seed)
    assert seed_analysis.readability == structure.readability(seed)
    assert seed_analysis.language.keywords == language.keywords(seed)
    assert seed_analysis.to_dict()["readability"] == seed.readability().to_dict()


def test_analysis_is_frozen(seed_analysis: Analysis):
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed_analysis.quotes = ()  # type: ignore[misc]


def test_reported_speech_and_unattributed_split(seed_analysis: Analysis):
    kinds = [a.kind for a in seed_analysis.attributions]
    assert len(seed_analysis.reported_speech) == kinds.count("indirect") >= 1
    assert len(seed_analysis.unattributed) == kinds.count("unattributed")


def test_summary_text(seed_analysis: Analysis):
    text = seed_analysis.summary()
    assert text.splitlines()[0] == seed_analysis.article.headline
    assert "direct quotes: 9" in text
    assert "Mahmud Nuri" in text
    assert str(seed_analysis) == text


def test_repr_html_compact_and_escaped():
    art = newskit.from_text("A <b>bold</b> & <i>daring</i> plan\n\n\"Go,\" said Kim Lee. The <u>plan</u> works.")
    out = analyze(art)._repr_html_()
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;daring&lt;/i&gt;" in out
    assert "<b>bold</b>" not in out and "<u>" not in out
    assert len(out) < 5000  # a summary, not the whole report


def test_analyze_takes_a_text_not_a_path(seed_path: Path):
    from newskit.core.text import Text

    a = analyze(Text.parse(seed_path.read_text(encoding="utf-8"), name=seed_path.name))
    assert a.article.name == seed_path.name and len(a.quotes) == 9
    with pytest.raises(TypeError, match="newskit.load"):
        analyze(seed_path)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        analyze(42)  # type: ignore[arg-type]


def test_article_verb_and_package_export(seed: newskit.Article):
    from newskit import corpus

    assert newskit.analyze(seed).quotes == analysis.analyze(seed).quotes  # the package's analyze also takes a path
    assert len(newskit.analyze(seed.path).quotes) == 9
    assert newskit.analyze_corpus is corpus.analyze_corpus
    assert newskit.compare_corpus is corpus.compare_corpus
    assert not hasattr(analysis, "analyze_corpus")
    assert isinstance(seed.analyze(), Analysis)


def test_plain_handles_nan_sets_and_nested():
    assert analysis.plain({"a": float("nan"), "b": (1, {2}), "c": float("inf")}) == {"a": None, "b": [1, [2]], "c": None}


def test_fields_are_the_typed_results(seed_analysis: Analysis):
    from newskit import language, sources, structure

    assert isinstance(seed_analysis.structure, structure.Structure)
    assert isinstance(seed_analysis.readability, structure.Readability)
    assert isinstance(seed_analysis.sources, sources.SourceTable)
    assert isinstance(seed_analysis.language.frequencies, language.Frequencies)
    assert isinstance(seed_analysis.language.keywords, language.Keyness)
    assert isinstance(seed_analysis.language.sentiment, language.Sentiment)
    assert all(isinstance(q, sources.Quote) for q in seed_analysis.quotes)


def test_to_dict_is_each_results_own_to_dict(seed_analysis: Analysis):
    d = seed_analysis.to_dict()
    assert d["structure"] == json.loads(json.dumps(seed_analysis.structure.to_dict()))
    for name, result in seed_analysis.language.items():
        assert d["language"][name] == json.loads(json.dumps(analysis.plain(result.to_dict()))), name


def test_summary_reads_the_results_not_the_json(seed_analysis: Analysis, monkeypatch: pytest.MonkeyPatch):
    def boom(self):  # noqa: ANN001, ANN202
        raise AssertionError("summary() must not build the JSON")

    monkeypatch.setattr(Analysis, "to_dict", boom)
    text = seed_analysis.summary()
    assert "Flesch reading ease: 39.1" in text and "keywords: mosul" in text
    assert "outlets credited: BBC, AFP, AP" in text


def test_glance_is_the_one_list(seed: newskit.Article, seed_analysis: Analysis):
    rows = seed_analysis.glance()
    assert analysis.at_a_glance(seed) == rows
    d = dict(rows)
    assert d["words"] == "600" and d["direct quotes"] == "9" and d["quoted sources"] == "6"
    # reported speech: Residents told, Josh Earnest told, al-Maliki demanded (a verb of saying), Umm Karam said
    assert d["reported speech"] == "4" and d["unattributed claims"] == "1"
    assert d["Flesch reading ease"] == "39.1" and d["outlets credited"] == "BBC, AFP, AP"
    summary = seed_analysis.summary()
    html = seed_analysis._repr_html_()
    for label, value in rows:
        assert f"{label}: {value}" in summary
        assert value.replace("&", "&amp;").replace("'", "&#x27;") in html


def test_small_article_has_expected_facts():
    d = analyze(newskit.from_text(SMALL)).to_dict()
    assert d["article"]["headline"] == "Bridge reopens after repairs"
    assert d["article"]["paragraphs"] == 3
    speakers = [q["speaker"] for q in d["sources"]["quotes"]]
    assert speakers == ["Ada Lovell"]
    assert d["sources"]["table"][0]["descriptor"] == "a local teacher"


# --- the command line -------------------------------------------------------------------------------------------------


def test_cli_analyze_json(seed_path: Path, capsys: pytest.CaptureFixture[str]):
    assert cli.main(["analyze", str(seed_path), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert list(d) == ["article", "structure", "readability", "language", "sources"]
    assert d["article"]["paragraphs"] == 15
    assert len(d["sources"]["quotes"]) == 9


def test_cli_analyze_text(seed_path: Path, capsys: pytest.CaptureFixture[str]):
    assert cli.main(["analyze", str(seed_path)]) == 0
    out = capsys.readouterr().out
    assert "direct quotes: 9" in out and "sources:" in out


def test_cli_analyze_no_headline(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    p = tmp_path / "body.txt"
    p.write_text("First paragraph here.\n\nSecond paragraph, said Ann Bell.\n", encoding="utf-8")
    assert cli.main(["analyze", str(p), "--json", "--no-headline"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["article"]["headline"] is None and d["article"]["paragraphs"] == 2


def test_cli_analyze_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    p = tmp_path / "empty.txt"
    p.write_text("", encoding="utf-8")
    assert cli.main(["analyze", str(p)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newskit: error:") and len(err.strip().splitlines()) == 1


def test_cli_analyze_folder_json_lines(corpus: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    status = cli.main(["analyze", str(tmp_path), "--json"])
    lines = capsys.readouterr().out.strip().splitlines()
    assert status == 1  # some files could not be analysed
    recs = [json.loads(x) for x in lines]
    assert [r["name"] for r in recs] == sorted(p.name for p in corpus)
    assert [r["ok"] for r in recs] == [True, False, True, False, True]


def test_analyze_pauses_the_garbage_collector_and_restores_it(monkeypatch: pytest.MonkeyPatch):
    import gc

    from newskit import language

    seen = []
    real = language.frequencies

    def spy(article):  # noqa: ANN001, ANN202
        seen.append(gc.isenabled())
        return real(article)

    monkeypatch.setattr(language, "frequencies", spy)
    assert gc.isenabled()
    analyze(newskit.from_text("A headline\n\nThe minister said it was fine."))
    assert seen == [False] and gc.isenabled()
    gc.disable()  # a caller who turned it off keeps it off
    try:
        analyze(newskit.from_text("A headline\n\nThe minister said it was fine."))
        assert not gc.isenabled()
    finally:
        gc.enable()

    def boom(article):  # noqa: ANN001, ANN202
        raise RuntimeError("boom")

    monkeypatch.setattr(language, "frequencies", boom)
    with pytest.raises(RuntimeError):
        analyze(newskit.from_text("A headline\n\nThe minister said it was fine."))
    assert gc.isenabled()
