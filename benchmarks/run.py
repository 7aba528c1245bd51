"""How fast is newskit on this machine? Prints medians of several runs next to the project's targets.

    python benchmarks/run.py            # a few minutes (slow measurements repeat less, see BUDGET_S)
    python benchmarks/run.py --quick    # fewer runs, a smaller corpus
    python benchmarks/run.py --json figures.json   # also write the figures as JSON ("-" = stdout)

Measures: ``import newskit`` (fresh process), a cold first analysis of the seed article (fresh process,
NLTK models loading), warm analysis and quotes of the seed, a concordance query (what the widget does on
each keystroke), analysis of a 50,000-word text, and corpus throughput with 1 and 2 worker processes.

Every warm measurement uses a NEW Article each run, so per-article caches cannot hide work (except the
concordance, which the widget runs again and again on the same article). Where a part of newskit does
not exist yet, the script measures what exists and says so.

Nothing here touches the network or sets anything network-related: NLTK data is found through the
environment (``NLTK_DATA``); if some of it is missing, the script stops and tells you to run
``newskit setup``. Only the standard library is imported at the top, so child processes time
``import newskit`` itself.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import inspect
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_6622d1a6154394f2.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
BIG_WORDS = 50_000

# The verbs run as "the full analysis" while newskit.analysis.analyze does not exist yet.
FALLBACK_VERBS = ("quotes", "sources", "attributions", "outlets", "structure", "readability", "frequencies",
                  "collocations", "keywords", "sentiment", "labels", "passives", "hedges")
_ABSENT = (ImportError, AttributeError, NotImplementedError)


def _ensure_importable() -> dict[str, str]:
    """Make ``import newskit`` work (installed, or from ./src); return env additions for child processes."""
    try:
        import newskit  # noqa: F401
    except ImportError:
        sys.path.insert(0, str(ROOT / "src"))
        old = os.environ.get("PYTHONPATH")
        return {"PYTHONPATH": str(ROOT / "src") + (os.pathsep + old if old else "")}
    return {}


# --- what "the full analysis" is right now -------------------------------------------------------------------------


def _analyze_fn():  # noqa: ANN202
    """``newskit.analysis.analyze`` if it exists, else None."""
    try:
        from newskit import analysis
    except ImportError:
        return None
    fn = getattr(analysis, "analyze", None)
    return fn if callable(fn) else None


def full_analysis(article, verbs: tuple[str, ...]) -> None:  # noqa: ANN001
    """Run the full analysis: ``analyze`` when *verbs* is ("analyze",), else each verb that exists.

    The fallback also splits the article into sentences and words first, as any full analysis will.
    """
    if verbs == ("analyze",):
        _analyze_fn()(article)
        return
    article.sentences, article.words  # noqa: B018 - tokenizing is part of the work
    for verb in verbs:
        try:
            getattr(article, verb)()
        except _ABSENT:
            pass


def probe_plan(article) -> tuple[tuple[str, ...], dict[str, str]]:  # noqa: ANN001
    """Which verbs work now: ("analyze",) or the fallback verbs that run; and why the others are left out."""
    if _analyze_fn() is not None:
        try:
            _analyze_fn()(article)
            return ("analyze",), {}
        except Exception as err:  # noqa: BLE001 - report and fall back
            skipped = {"analyze": f"raised {type(err).__name__}: {err}"}
    else:
        skipped = {"analyze": "newskit.analysis.analyze does not exist yet"}
    ok = []
    for verb in FALLBACK_VERBS:
        try:
            getattr(article, verb)()
        except _ABSENT as err:
            skipped[verb] = f"absent ({type(err).__name__})"
        except Exception as err:  # noqa: BLE001 - a half-written module must not stop the benchmark
            skipped[verb] = f"raised {type(err).__name__}: {str(err)[:80]}"
        else:
            ok.append(verb)
    return tuple(ok), skipped


# --- child processes ---------------------------------------------------------------------------------------------------

_IMPORT_CODE = "import time; t = time.perf_counter(); import newskit; print(time.perf_counter() - t)"


def child_cold(seed: str, verbs: str) -> None:
    """In a fresh process: import newskit, load the seed, run the full analysis; print the seconds."""
    t = time.perf_counter()
    import newskit

    art = newskit.load(seed)
    full_analysis(art, tuple(verbs.split(",")))
    print(time.perf_counter() - t)


def _run_child(args: list[str], env: dict[str, str]) -> float:
    res = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT)
    if res.returncode != 0:
        raise RuntimeError(f"child process failed: {' '.join(args)}\n{res.stderr[-2000:]}")
    return float(res.stdout.strip().splitlines()[-1])


# --- timing helpers ----------------------------------------------------------------------------------------------------


BUDGET_S = 20.0  # a slow measurement stops repeating once it has used this much time (at least one run)


def timed(fn, runs: int, setup=None, budget: float = BUDGET_S) -> list[float]:  # noqa: ANN001
    """Seconds per run of ``fn(setup())`` (setup not timed); fewer than *runs* runs if they exceed *budget* seconds."""
    out: list[float] = []
    for _ in range(runs):
        arg = setup() if setup else None
        t = time.perf_counter()
        fn(arg) if setup else fn()
        out.append(time.perf_counter() - t)
        if sum(out) > budget:
            break
    return out


# --- corpus material ----------------------------------------------------------------------------------------------------


def corpus_texts(seed_text: str) -> tuple[list[str], str]:
    """The corpus articles' texts (or just the seed) and a description of where they came from."""
    files = sorted(p for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    texts = [t for t in texts if t.strip()]
    if texts:
        return texts, f"{len(texts)} articles from {CORPUS}"
    return [seed_text], "the seed article (no ../shared/corpus here)"


def big_text(texts: list[str], words: int = BIG_WORDS) -> str:
    """A text of about *words* whitespace-separated words: one headline, then article bodies in turn."""
    parts, n, i = ["Benchmark: a long text made of many articles"], 0, 0
    while n < words:
        body = texts[i % len(texts)].strip().split("\n", 1)[-1].strip()  # drop each article's headline
        parts.append(body)
        n += len(body.split())
        i += 1
    return "\n\n".join(parts) + "\n"


def _corpus_worker(path: str, verbs: tuple[str, ...]) -> int:
    import newskit

    art = newskit.load(path)
    full_analysis(art, verbs)
    return len(art.paragraphs)


def _warm_worker(verbs: tuple[str, ...]) -> None:
    """Pool initializer: load the NLTK models once per worker (as a long-running pool would have them)."""
    import newskit

    full_analysis(newskit.sample(), verbs)


def _nap(_: int) -> None:
    time.sleep(0.2)


def throughput(paths: list[str], workers: int, verbs: tuple[str, ...]) -> tuple[float, str]:
    """Articles per second over *paths* with a pool of *workers* processes (pool started and warm first)."""
    corpus_fn = None
    if verbs == ("analyze",):  # analyze_corpus is only worth timing when analyze itself works
        try:
            from newskit import analysis

            corpus_fn = getattr(analysis, "analyze_corpus", None)
        except ImportError:
            pass
    if corpus_fn is not None and "executor" not in inspect.signature(corpus_fn).parameters:
        corpus_fn = None
    with concurrent.futures.ProcessPoolExecutor(workers, initializer=_warm_worker, initargs=(verbs,)) as ex:
        list(ex.map(_nap, range(2 * workers)))  # start every worker and let it load its models
        t = time.perf_counter()
        if corpus_fn is not None:
            result = corpus_fn(paths, executor=ex)
            if not isinstance(result, (list, tuple, dict)) and hasattr(result, "__iter__"):
                result = list(result)
            failed = sum(1 for r in result if getattr(r, "ok", True) is False) if isinstance(result, list) else 0
            how = "newskit.analysis.analyze_corpus(paths, executor=ProcessPoolExecutor(n))"
            if failed:
                how += f"; {failed} FAILED articles (error records)"
        else:
            chunk = max(1, len(paths) // (8 * workers))
            list(ex.map(_corpus_worker, paths, [verbs] * len(paths), chunksize=chunk))
            how = "ProcessPoolExecutor(n).map(load + analysis) (analyze_corpus not usable yet)"
        elapsed = time.perf_counter() - t
    return len(paths) / elapsed, how


def part_times(article, verbs: tuple[str, ...]) -> dict[str, float]:  # noqa: ANN001
    """Seconds of each part of the analysis on *article* (one run each): where the time goes."""
    out = {}
    for part in ("sentences", "words"):
        t = time.perf_counter()
        getattr(article, part)
        out[part] = time.perf_counter() - t
    for verb in FALLBACK_VERBS if verbs == ("analyze",) else verbs:
        t = time.perf_counter()
        try:
            getattr(article, verb)()
        except Exception:  # noqa: BLE001, S112 - a part that fails is simply not listed
            continue
        out[verb] = time.perf_counter() - t
    return out


# --- the widget's concordance callback ---------------------------------------------------------------------------------


def concordance_callable(seed):  # noqa: ANN001, ANN201
    """(label, fn(article, query)) for the concordance: the widget's callback if any, else language.concordance.

    Both are tried once on *seed* (which builds its word index).
    """
    try:
        from newskit import widgets
    except ImportError:
        widgets = None
    if widgets is not None:
        names = [n for n in dir(widgets) if "concordance" in n.lower() and callable(getattr(widgets, n))
                 and not isinstance(getattr(widgets, n), type)
                 and any(k in n.lower() for k in ("callback", "update", "render", "on_", "html", "refresh", "view"))]
        for name in names:
            fn = getattr(widgets, name)
            try:
                fn(seed, "Maliki")
            except Exception:  # noqa: BLE001, S112 - not a (article, query) callback; try the next
                continue
            return f"newskit.widgets.{name}(seed, 'Maliki')", fn
    try:
        from newskit import language

        fn = language.concordance
        fn(seed, "Maliki")
    except _ABSENT:
        return None, None
    except Exception as err:  # noqa: BLE001
        return f"language.concordance raised {type(err).__name__}: {err}", None
    return "newskit.language.concordance(seed, 'Maliki')", fn


# --- main ----------------------------------------------------------------------------------------------------------------


class Figures:
    """The measurements, printed as a table and optionally written as JSON."""

    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}

    def add(self, key: str, label: str, runs: list[float] | None, *, unit: str = "s", target: str = "",
            ok: bool | None = None, note: str = "", value: float | None = None) -> None:
        if value is None and runs:
            value = statistics.median(runs)
        self.rows[key] = {"label": label, "value": value, "unit": unit, "runs": runs or [], "target": target,
                          "ok": ok, "note": note}
        print(f"  ... {label}: {_fmt(value, unit)}", file=sys.stderr, flush=True)

    def table(self) -> str:
        lines = [f"{'measure':50} {'median':>10} {'runs':>5}  {'target':14} {'':6} note",
                 "-" * 120]
        for r in self.rows.values():
            status = "" if r["ok"] is None else ("ok" if r["ok"] else "SLOW")
            lines.append(f"{r['label']:50} {_fmt(r['value'], r['unit']):>10} {len(r['runs']) or '':>5}  "
                         f"{r['target']:14} {status:6} {r['note']}")
        return "\n".join(lines)


def _loadavg() -> float | None:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows
        return None


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.1f} {unit}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Time newskit on this machine and compare with the targets.")
    ap.add_argument("--quick", action="store_true", help="fewer runs and a smaller corpus")
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH ('-' for stdout)")
    ap.add_argument("--_child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    child_env = {**os.environ, **_ensure_importable()}
    if args._child:
        child_cold(*args._child[1:])
        return 0

    out = sys.stderr if args.json == "-" else sys.stdout
    import newskit
    from newskit.core import resources

    still = resources.missing()
    if still:
        print(f"benchmarks: NLTK data missing: {', '.join(still)}. Run `newskit setup` (or set NLTK_DATA) first; "
              "this script downloads nothing.", file=sys.stderr)
        return 2

    q = args.quick
    n_import, n_cold, n_warm, n_quotes, n_conc, n_big = (3, 2, 5, 9, 21, 1) if q else (9, 5, 15, 25, 51, 3)
    n_articles, n_tp = (60, 2) if q else (300, 3)

    seed_text = SEED.read_text(encoding="utf-8") if SEED.exists() else None
    fresh_seed = (lambda: newskit.from_text(seed_text, name="seed")) if seed_text else newskit.sample
    seed_text = seed_text or newskit.sample().text
    texts, corpus_note = corpus_texts(seed_text)

    machine = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
               "newskit": getattr(newskit, "__version__", "?"), "newskit_file": newskit.__file__,
               "nltk_data": os.environ.get("NLTK_DATA", "(not set: NLTK's default folders)"),
               "corpus": corpus_note, "quick": q, "load_average": _loadavg()}
    print(f"newskit {machine['newskit']} ({Path(newskit.__file__).parent}), Python {machine['python']}, "
          f"{machine['platform']}, {machine['cpus']} CPUs", file=out)
    print(f"NLTK_DATA: {machine['nltk_data']}; corpus material: {corpus_note}", file=out)
    load = machine["load_average"]
    if load is not None:
        busy = " (the machine is busy: figures will be slower than usual)" if load > 0.5 * (os.cpu_count() or 1) else ""
        print(f"load average at start: {load:.2f}{busy}", file=out)
    out.flush()

    fig = Figures()

    def guarded(key: str, label: str, target: str, measure) -> None:  # noqa: ANN001
        """Run one measurement; a failure becomes a row saying so instead of stopping the benchmark."""
        try:
            measure()
        except Exception as err:  # noqa: BLE001
            fig.add(key, label, None, target=target, note=f"FAILED: {type(err).__name__}: {str(err)[:70]}")

    # 1. import newskit, fresh process each run
    def m_import() -> None:
        runs = [_run_child(["-c", _IMPORT_CODE], child_env) for _ in range(n_import)]
        heavy = subprocess.run([sys.executable, "-c", "import sys, newskit; print(' '.join(m for m in "
                                "('nltk', 'matplotlib', 'ipywidgets', 'numpy') if m in sys.modules))"],
                               capture_output=True, text=True, env=child_env).stdout.strip()
        v = statistics.median(runs)
        fig.add("import", "import newskit (fresh process)", runs, target="< 0.3 s", ok=v < 0.3,
                note=f"also imported: {heavy}" if heavy else "no nltk/matplotlib/ipywidgets at import")

    guarded("import", "import newskit (fresh process)", "< 0.3 s", m_import)

    # what "full analysis" means today
    verbs, skipped = probe_plan(fresh_seed())
    what = "newskit.analysis.analyze" if verbs == ("analyze",) else "fallback: sentences, words, " + ", ".join(verbs)
    machine["analysis"] = what
    machine["left_out"] = skipped if verbs != ("analyze",) else {}

    # 2. cold first analysis, fresh process each run
    def m_cold() -> None:
        runs: list[float] = []
        for _ in range(n_cold):
            runs.append(_run_child([__file__, "--_child", "cold", str(SEED), ",".join(verbs)], child_env))
            if sum(runs) > BUDGET_S:
                break
        fig.add("cold_seed", "cold: load + full analysis of seed (fresh process)", runs,
                note="includes import newskit and loading the NLTK models")

    guarded("cold_seed", "cold: load + full analysis of seed (fresh process)", "", m_cold)

    # 3. warm full analysis of the seed, a new Article each run
    def m_warm() -> None:
        full_analysis(fresh_seed(), verbs)
        runs = timed(lambda a: full_analysis(a, verbs), n_warm, setup=fresh_seed)
        v = statistics.median(runs)
        fig.add("warm_seed", "warm: analyze(seed), new Article each run", runs, target="< 100 ms", ok=v < 0.1,
                note="" if verbs == ("analyze",) else "analyze() absent: ran the parts that exist")

    guarded("warm_seed", "warm: analyze(seed), new Article each run", "< 100 ms", m_warm)

    # 4. warm quotes of the seed
    def m_quotes() -> None:
        from newskit import sources as sources_mod

        runs = timed(sources_mod.quotes, n_quotes, setup=fresh_seed)
        v = statistics.median(runs)
        fig.add("seed_quotes", "warm: quotes(seed), new Article each run", runs, target="< 50 ms", ok=v < 0.05,
                note="includes splitting the new Article into sentences if quotes() needs them")

    guarded("seed_quotes", "warm: quotes(seed), new Article each run", "< 50 ms", m_quotes)

    # 5. concordance: the widget callback if there is one, else language.concordance (same article: as the widget)
    conc_label = "concordance callback 'Maliki' (warm article)"

    def m_concordance() -> None:
        seed = fresh_seed()
        label, conc = concordance_callable(seed)
        if conc is None:
            fig.add("concordance", conc_label, None, target="< 20 ms",
                    note=label or "newskit.language.concordance does not exist yet")
            return
        runs = timed(lambda: conc(seed, "Maliki"), n_conc)
        v = statistics.median(runs)
        first = timed(lambda a: conc(a, "Mosul"), 1, setup=fresh_seed)[0]  # builds a new article's word index
        fig.add("concordance", conc_label, runs, target="< 20 ms", ok=v < 0.02,
                note=f"{label}; first query on a new article {_fmt(first, 's')}")

    guarded("concordance", conc_label, "< 20 ms", m_concordance)

    # 6. a 50,000-word text, a new Article each run
    big = big_text(texts)
    big_label = f"full analysis of a {len(big.split()):,}-word text"

    def m_big() -> None:
        n_words = sum(1 for w in newskit.from_text(big, name="big").words if w.is_word)
        runs = timed(lambda a: full_analysis(a, verbs), n_big, setup=lambda: newskit.from_text(big, name="big"))
        v = statistics.median(runs)
        fig.add("big_text", big_label, runs, target="< 2 s", ok=v < 2.0,
                note=f"{n_words:,} word tokens; new Article: includes sentence splitting and tokenizing")
        if v >= 2.0:  # over target: say where the time goes
            machine["big_text_parts_s"] = part_times(newskit.from_text(big, name="big"), verbs)

    guarded("big_text", big_label, "< 2 s", m_big)

    # 7. corpus throughput with 1 and 2 worker processes
    def m_throughput() -> None:
        with tempfile.TemporaryDirectory(prefix="newskit-bench-") as tmp:
            paths = []
            for i in range(n_articles):
                p = Path(tmp, f"{i:04d}.txt")
                p.write_text(texts[i % len(texts)], encoding="utf-8")
                paths.append(str(p))
            rates: dict[int, list[float]] = {1: [], 2: []}
            spent = time.perf_counter()
            for _ in range(n_tp):  # interleaved, so a change in the machine's load hits both alike
                for n in (1, 2):
                    rate, how = throughput(paths, n, verbs)
                    rates[n].append(rate)
                if time.perf_counter() - spent > 3 * BUDGET_S:
                    break
            for n, per in rates.items():
                fig.add(f"throughput_{n}", f"corpus throughput, {n} worker{'s' if n > 1 else ''} ({n_articles} articles)",
                        per, unit="art/s", note=how if n == 1 else "pool started and models loaded before timing")
        scaling = statistics.median(rates[2]) / statistics.median(rates[1])
        cpus = os.cpu_count() or 1
        fig.add("scaling", "throughput scaling, 1 -> 2 workers", None, unit="x", value=scaling, target=">= 1.6x",
                ok=scaling >= 1.6, note="" if cpus >= 2 else f"only {cpus} CPU here: no scaling possible")

    guarded("scaling", "throughput scaling, 1 -> 2 workers", ">= 1.6x", m_throughput)

    print(file=out)
    print(fig.table(), file=out, flush=True)
    load = _loadavg()
    print(f"\nfull analysis = {what}" + (f"; load average at end: {load:.2f}" if load is not None else ""), file=out)
    for verb, why in machine["left_out"].items():
        print(f"  left out: {verb}: {why}", file=out)
    parts = machine.get("big_text_parts_s")
    if parts:
        ranked = sorted(parts.items(), key=lambda kv: -kv[1])
        print(f"where the time goes on the {len(big.split()):,}-word text (one run each, slowest first): "
              + ", ".join(f"{k} {_fmt(v, 's')}" for k, v in ranked), file=out)

    if args.json:
        data = json.dumps({"machine": machine, "figures": fig.rows}, indent=1)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data + "\n", encoding="utf-8")
            print(f"figures written to {args.json}", file=out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
