"""newskit.corpus: analyze_corpus() of many files (threads, processes, a real Dask cluster), compare_corpus()."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from samples import OTHER, SMALL

import newskit
from newskit.corpus import ArticleRow, CorpusComparison, CorpusResult, analyze_corpus, compare_corpus, corpus_paths

ROOT = Path(__file__).resolve().parents[1]





def _check_corpus_results(results: list[CorpusResult], corpus: list[Path]) -> None:
    assert [r.path for r in results] == [str(p) for p in corpus]  # input order kept
    assert [r.ok for r in results] == [True, False, True, False, True]
    empty, binary = results[1], results[3]
    assert empty.error_type == "EmptyArticleError" and "empty" in empty.error
    assert binary.error_type == "BinaryInputError" and binary.result is None
    good = results[0]
    assert good.name == "a-bridge.txt"
    assert good.headline == "Bridge reopens after repairs"
    assert good.quotes == 1 and good.sources == 1 and good.words > 20
    assert results[4].result["article"]["name"] == "e-bridge-again.txt"
    for r in results:
        json.dumps(r.to_dict(), allow_nan=False)


def test_analyze_corpus_with_a_thread_pool(corpus: list[Path]):
    with ThreadPoolExecutor(max_workers=2) as ex:
        results = list(analyze_corpus(corpus, ex))
    _check_corpus_results(results, corpus)


def test_analyze_corpus_default_process_pool(corpus: list[Path]):
    results = list(analyze_corpus(corpus))
    _check_corpus_results(results, corpus)


def test_analyze_corpus_streams_in_order_with_small_chunks(corpus: list[Path]):
    with ThreadPoolExecutor(max_workers=3) as ex:
        it = analyze_corpus(iter(corpus), ex, chunksize=1)  # a generator of paths works too
        first = next(it)
        assert first.path == str(corpus[0])
        rest = list(it)
    _check_corpus_results([first, *rest], corpus)


def test_analyze_corpus_folder_and_missing_file(corpus: list[Path], tmp_path: Path):
    with ThreadPoolExecutor(max_workers=2) as ex:
        results = list(analyze_corpus(tmp_path, ex))
        assert [r.name for r in results] == sorted(p.name for p in corpus)
        missing = list(analyze_corpus([corpus[0], tmp_path / "nope.txt"], ex))
    assert missing[0].ok and not missing[1].ok
    assert missing[1].error_type == "ArticleNotFoundError"


def test_analyze_corpus_no_headline(corpus: list[Path]):
    with ThreadPoolExecutor(max_workers=1) as ex:
        (r,) = analyze_corpus([corpus[0]], ex, has_headline=False)
    assert r.ok and r.headline is None


def test_analyze_corpus_bad_chunksize(corpus: list[Path]):
    with pytest.raises(ValueError):
        analyze_corpus(corpus, chunksize=0)


def test_analyze_corpus_survives_a_failing_executor(corpus: list[Path]):
    class Refusing(ThreadPoolExecutor):
        def submit(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            raise RuntimeError("cluster is down")

    with Refusing(max_workers=1) as ex:
        results = list(analyze_corpus(corpus[:2], ex))
    assert [r.ok for r in results] == [False, False]
    assert all("cluster is down" in r.error and r.error_type == "RuntimeError" for r in results)


def test_corpus_result_repr_html_escapes():
    r = CorpusResult(path="x", name="<b>x</b>.txt", ok=False, error="bad <script>", error_type="E")
    out = r._repr_html_()
    assert "<b>x</b>" not in out and "<script>" not in out and "&lt;script&gt;" in out


def test_corpus_result_rows(corpus: list[Path]):
    with ThreadPoolExecutor(max_workers=2) as ex:
        results = list(analyze_corpus(corpus, ex, keep=None))
    assert all(r.result is None for r in results)
    good = results[0].row
    assert isinstance(good, ArticleRow) and good.ok and good.words == results[0].words
    assert good.category_shares and abs(sum(s for _, s in good.category_shares) - 1) < 1e-9
    bad = results[1].row
    assert bad is not None and not bad.ok and bad.error_type == "EmptyArticleError"
    assert results[0].to_dict()["row"]["quotes"] == 1


def test_compare_corpus(corpus: list[Path]):
    with ThreadPoolExecutor(max_workers=2) as ex:
        c = compare_corpus(corpus, ex)
    assert isinstance(c, CorpusComparison) and len(c) == 5
    assert [r.name for r in c] == [p.name for p in corpus]
    assert [r.name for r in c.failed] == ["b-empty.txt", "d-binary.txt"]
    assert c.rows[0].quotes == 1 and c.rows[0].sources == 1 and c.rows[0].reading_ease is not None
    d = c.to_dict()
    json.dumps(d, allow_nan=False)
    assert [a["ok"] for a in d["articles"]] == [True, False, True, False, True]
    text = str(c)
    assert "a-bridge.txt" in text and "error:" in text
    html = c._repr_html_()
    assert "Bridge reopens after repairs" in html and "EmptyArticleError" not in html  # the message, not the type
    with pytest.raises(dataclasses_frozen()):
        c.rows = ()  # type: ignore[misc]


def dataclasses_frozen() -> type[Exception]:
    import dataclasses

    return dataclasses.FrozenInstanceError


def test_compare_corpus_escapes():
    c = CorpusComparison((ArticleRow("<b>x</b>.txt", "p", "<i>h</i>", 1, 0, 0),
                          ArticleRow("y", "y", error="<script>", error_type="E")))
    html = c._repr_html_()
    assert "<b>x</b>" not in html and "<i>h</i>" not in html and "<script>" not in html


def test_corpus_paths_is_the_one_listing(tmp_path: Path):
    from newskit import loaders

    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.TXT").write_text("x", encoding="utf-8")
    (tmp_path / "c.md").write_text("x", encoding="utf-8")
    assert [p.name for p in corpus_paths(tmp_path)] == ["a.TXT", "b.txt"]
    if hasattr(loaders, "corpus_paths"):
        assert corpus_paths is loaders.corpus_paths
    with pytest.raises(newskit.NewskitError):
        corpus_paths(tmp_path / "nope")


def test_progress_is_silent_when_stderr_is_not_a_terminal(corpus: list[Path], capsys: pytest.CaptureFixture[str]):
    with ThreadPoolExecutor(max_workers=1) as ex:
        list(analyze_corpus(corpus[:1], ex))
    assert capsys.readouterr().err == ""


def test_progress_bar_when_asked(corpus: list[Path], capsys: pytest.CaptureFixture[str]):
    pytest.importorskip("tqdm")
    with ThreadPoolExecutor(max_workers=1) as ex:
        list(analyze_corpus(corpus[:2], ex, progress=True))
    err = capsys.readouterr().err
    assert "analysing" in err and "/2 [" in err
    from newskit.core.progress import quiet

    with quiet(), ThreadPoolExecutor(max_workers=1) as ex:
        list(analyze_corpus(corpus[:2], ex, progress=True))
    assert capsys.readouterr().err == ""


# --- a fresh process: two threads, no NLTK loading race ----------------------------------------------------------------


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["NEWSKIT_NO_DOWNLOAD"] = "1"
    env.setdefault("NLTK_DATA", "/work/shared/nltk_data")
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_thread_pool_in_a_fresh_process(tmp_path: Path):
    """Two threads start on a cold process at once (models load lazily): every good article is analysed."""
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(SMALL if i % 2 else OTHER, encoding="utf-8")
    code = textwrap.dedent(f"""
        import json, sys
        from concurrent.futures import ThreadPoolExecutor
        import newskit
        with ThreadPoolExecutor(max_workers=2) as ex:
            rs = list(newskit.analyze_corpus({str(tmp_path)!r}, ex, chunksize=1, keep=None))
        print(json.dumps([[r.name, r.ok, r.error] for r in rs]))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    records = json.loads(out.stdout.strip().splitlines()[-1])
    assert [name for name, _, _ in records] == [f"{i}.txt" for i in range(6)]
    assert [err for _, ok, err in records if not ok] == []


# --- a real Dask cluster ----------------------------------------------------------------------------------------------


def _dask_example(paths: list[Path]) -> list[CorpusResult]:
    """The README's Dask example as it is written there (LocalCluster starts worker processes by default)."""
    from dask.distributed import Client, LocalCluster

    results = []
    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
        for result in newskit.analyze_corpus(paths, client.get_executor()):
            print(result.name, result.ok, result.quotes, result.sources)
            results.append(result)
    return results


@pytest.mark.slow  # 17-27 s on 2 cores: two worker processes start and load NLTK's models
def test_dask_local_cluster(corpus: list[Path]):
    pytest.importorskip("dask.distributed")
    results = _dask_example(corpus)
    _check_corpus_results(results, corpus)
