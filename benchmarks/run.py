"""How fast is newskit on this machine? Prints medians of several runs next to the project's targets.

    python benchmarks/run.py            # a few minutes (slow measurements repeat less, see BUDGET_S)
    python benchmarks/run.py --quick    # fewer runs, a smaller corpus
    python benchmarks/run.py --json figures.json   # also write the figures as JSON ("-" = stdout)

Measures:

* cold start, each run in a fresh process, side by side: NLTK's own ``import nltk; word_tokenize(seed);
  pos_tag(tokens)``; newskit's first analysis as notebook 00 starts (``import newskit``, ``sample()``,
  ``quotes()``, ``show()``); the full ``newskit.analyze`` of the seed. These run with newskit's cache warm
  (a cache folder prepared once, as ``newskit setup`` does); the one-time cost of building the cache is
  measured too (the whole cache, and a first analysis with an empty cache folder);
* ``import newskit``; warm analysis and quotes of the seed; a concordance query (what the widget does on
  each keystroke); a 50,000-word text; corpus throughput with 1 and 2 worker processes
  (``newskit.corpus.analyze_corpus``);
* scaling (issue 14): time per word of the full analysis of one ONE-paragraph article and of a long list of
  distinct names ("Name Surname, 34, of Town." lines), each at 12,000 and 48,000 words, and the ratio;
  a 10 MB article: analysis seconds and peak memory (RSS). These texts are generated here.

Every warm measurement uses a NEW Article each run, so per-article caches cannot hide work (except the
concordance, which the widget runs again and again on the same article). Where a part of newskit does
not exist yet, the script measures what exists and says so.

Nothing here touches the network or sets anything network-related: NLTK data is found through the
environment (``NLTK_DATA``); if some of it is missing, the script stops and tells you to run
``newskit setup``. Only the standard library is imported at the top, and the cold measurements run
small ``python -c`` programs, so child processes time ``import newskit`` (or ``import nltk``) itself.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import inspect
import json
import os
import platform
import random
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
SCALE_WORDS = (12_000, 48_000)
HUGE_BYTES = 10_000_000

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

# NLTK's own cold start: what a student's first cell would cost with plain NLTK.
_NLTK_CODE = """import time
text = open({seed!r}, encoding="utf-8").read()
t = time.perf_counter()
import nltk
tokens = nltk.word_tokenize(text)
nltk.pos_tag(tokens)
print(time.perf_counter() - t)
"""

# notebooks/00-start-here.ipynb: import newskit, the sample article; then its quotes and highlights.
_FIRST_CODE = """import time
t = time.perf_counter()
import newskit
article = newskit.sample()
article.quotes()
view = article.show()
getattr(view, "_repr_html_", lambda: None)()  # what the notebook does to display it
print(time.perf_counter() - t)
"""

_FULL_CODE = """import time
t = time.perf_counter()
import newskit
newskit.analyze(newskit.sample())
print(time.perf_counter() - t)
"""

_BUILD_CODE = """import time
t = time.perf_counter()
from newskit.core import resources
folder, written = resources.prepare_cache()
print(time.perf_counter() - t if written else -1.0)
"""


def child_cold(seed: str, verbs: str) -> None:
    """In a fresh process: import newskit, load the seed, run the full analysis; print the seconds."""
    t = time.perf_counter()
    import newskit

    art = newskit.load(seed)
    full_analysis(art, tuple(verbs.split(",")))
    print(time.perf_counter() - t)


def _peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def child_scale(path: str, verbs: str) -> None:
    """In a fresh process: load the models (one small analysis), then time the full analysis of the text in
    *path* (a new Article); print JSON with the seconds, the words and the process's peak memory."""
    import newskit

    steps = tuple(verbs.split(","))
    full_analysis(newskit.sample(), steps)
    text = Path(path).read_text(encoding="utf-8")
    t = time.perf_counter()
    full_analysis(newskit.from_text(text, name=Path(path).name), steps)
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "words": len(text.split()), "rss_mb": _peak_rss_mb()}))


def _run_child(args: list[str], env: dict[str, str], timeout: float | None = None) -> float:
    res = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=timeout)
    if res.returncode != 0:
        raise RuntimeError(f"child process failed: {' '.join(args)[:200]}\n{res.stderr[-2000:]}")
    return float(res.stdout.strip().splitlines()[-1])


def _run_code(code: str, env: dict[str, str]) -> float:
    return _run_child(["-c", code], env)


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


# --- texts ---------------------------------------------------------------------------------------------------------------


def corpus_texts(seed_text: str) -> tuple[list[str], str]:
    """The corpus articles' texts (or just the seed) and a description of where they came from."""
    files = sorted(p for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    texts = [t for t in texts if t.strip()]
    if texts:
        return texts, f"{len(texts)} articles from {CORPUS}"
    return [seed_text], "the seed article (no ../shared/corpus here)"


def _bodies(texts: list[str]):  # noqa: ANN202 - endless iterator of article bodies
    i = 0
    while True:
        yield texts[i % len(texts)].strip().split("\n", 1)[-1].strip()  # each article without its headline
        i += 1


def big_text(texts: list[str], words: int = BIG_WORDS) -> str:
    """A text of about *words* whitespace-separated words: one headline, then article bodies in turn."""
    parts, n = ["Benchmark: a long text made of many articles"], 0
    for body in _bodies(texts):
        if n >= words:
            break
        parts.append(body)
        n += len(body.split())
    return "\n\n".join(parts) + "\n"


def huge_text(texts: list[str], size: int = HUGE_BYTES) -> str:
    """An article of about *size* bytes (UTF-8): article bodies in turn, paragraphs as they are."""
    parts, n = ["Benchmark: a 10 MB article"], 0
    for body in _bodies(texts):
        if n >= size:
            break
        parts.append(body)
        n += len(body.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def one_paragraph(texts: list[str], words: int) -> str:
    """An article whose body is ONE paragraph of exactly *words* words (article bodies run together)."""
    out: list[str] = []
    for body in _bodies(texts):
        if len(out) >= words:
            break
        out += body.split()
    return "One long paragraph\n\n" + " ".join(out[:words]) + "\n"


_FIRST_NAMES = ("James John Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Anthony Mark Paul "
                "Steven Andrew Kenneth Joshua Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary "
                "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret "
                "Sandra Ashley Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Laura Helen "
                "Amir Fatima Omar Leila Hassan Aisha Chen Wei Priya Ravi Olga Ivan Sofia Mateo Lucia Kwame Amara").split()
_ONSETS = ("Ash Bar Bel Brad Cal Car Craw Dal Dun Ell Fair Fen Gar Glen Hal Har Hol Kel Kir Lang Lind Mar Mel Mor "
           "Nor Oak Pen Red Rich Ros Stan Stock Thorn Tal War Wat Wes Whit Wil Wood").split()
_CODAS = ("by ley ton ford field wood well worth more man son ham ridge stone brook dale win mond rick lock ster "
          "ling stead hurst combe land wick bury ett cott ward").split()
_TOWNS = ("Leeds York Bristol Cardiff Derby Exeter Hull Bath Dundee Perth Stirling Wigan Bolton Luton Crewe Ripon "
          "Truro Wells Ely Lincoln Preston Carlisle Durham Chester Swansea Newport Inverness Aberdeen Norwich Ipswich").split()


def names_list(words: int, seed: int = 14) -> str:
    """A casualty or honours list of about *words* words: one distinct "Name Surname, 34, of Town." per line."""
    rng = random.Random(seed)
    lines, seen, n = ["Roll of honour", ""], set(), 0
    while n < words:
        name = (rng.choice(_FIRST_NAMES), rng.choice(_ONSETS) + rng.choice(_CODAS))
        if name in seen:
            continue
        seen.add(name)
        line = f"{name[0]} {name[1]}, {rng.randint(18, 95)}, of {rng.choice(_TOWNS)}."
        lines.append(line)
        n += len(line.split())
    return "\n".join(lines) + "\n"


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


def _corpus_fn():  # noqa: ANN202
    """``newskit.corpus.analyze_corpus`` (or ``newskit.analyze_corpus``) when it takes an executor, else None."""
    try:
        from newskit import corpus

        fn = getattr(corpus, "analyze_corpus", None)
    except ImportError:
        import newskit

        fn = getattr(newskit, "analyze_corpus", None)
    if fn is None or "executor" not in inspect.signature(fn).parameters:
        return None
    return fn


def throughput(paths: list[str], workers: int, verbs: tuple[str, ...]) -> tuple[float, str]:
    """Articles per second over *paths* with a pool of *workers* processes (pool started and warm first)."""
    corpus_fn = _corpus_fn() if verbs == ("analyze",) else None  # only worth timing when analyze itself works
    with concurrent.futures.ProcessPoolExecutor(workers, initializer=_warm_worker, initargs=(verbs,)) as ex:
        list(ex.map(_nap, range(2 * workers)))  # start every worker and let it load its models
        t = time.perf_counter()
        if corpus_fn is not None:
            extra = {"progress": False} if "progress" in inspect.signature(corpus_fn).parameters else {}
            result = list(corpus_fn(paths, executor=ex, **extra))
            failed = sum(1 for r in result if getattr(r, "ok", True) is False)
            how = "newskit.corpus.analyze_corpus(paths, executor=ProcessPoolExecutor(n))"
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


# --- the table ---------------------------------------------------------------------------------------------------------


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
        lines = [f"{'measure':64} {'median':>11} {'runs':>5}  {'target':14} {'':6} note",
                 "-" * 136]
        for r in self.rows.values():
            status = "" if r["ok"] is None else ("ok" if r["ok"] else "SLOW")
            lines.append(f"{r['label']:64} {_fmt(r['value'], r['unit']):>11} {len(r['runs']) or '':>5}  "
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
    if unit == "s/word":
        return f"{value * 1e6:.1f} \u00b5s/word"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.1f} {unit}"


# --- the measurements ----------------------------------------------------------------------------------------------------


class Bench:
    """One benchmark run: its settings, its figures, and each measurement as a method."""

    def __init__(self, quick: bool, child_env: dict[str, str], out) -> None:  # noqa: ANN001
        import newskit

        self.newskit = newskit
        self.quick = quick
        self.env = child_env
        self.out = out
        self.fig = Figures()
        self.machine: dict = {}
        self.tmp = Path(tempfile.mkdtemp(prefix="newskit-bench-"))
        seed_text = SEED.read_text(encoding="utf-8") if SEED.exists() else None
        self.fresh_seed = (lambda: newskit.from_text(seed_text, name="seed")) if seed_text else newskit.sample
        self.seed_text = seed_text or newskit.sample().text
        self.seed_file = SEED if SEED.exists() else self.tmp / "seed.txt"
        if not SEED.exists():
            self.seed_file.write_text(self.seed_text, encoding="utf-8")
        self.texts, self.corpus_note = corpus_texts(self.seed_text)
        self.verbs: tuple[str, ...] = ()

    def guarded(self, key: str, label: str, target: str, measure) -> None:  # noqa: ANN001
        """Run one measurement; a failure becomes a row saying so instead of stopping the benchmark."""
        try:
            measure()
        except Exception as err:  # noqa: BLE001
            self.fig.add(key, label, None, target=target, note=f"FAILED: {type(err).__name__}: {str(err)[:70]}")

    def cold_start(self) -> None:
        """NLTK's cold start beside newskit's first and full analyses, fresh processes, newskit's cache warm;
        and the one-time cost of building that cache."""
        cache = self.tmp / "cache"
        warm_env = {**self.env, "NEWSKIT_CACHE": str(cache)}
        build = _run_code(_BUILD_CODE, warm_env)  # a new cache folder: what `newskit setup` does once
        empty = _run_code(_FIRST_CODE, {**self.env, "NEWSKIT_CACHE": str(self.tmp / "empty-cache")})
        n = 3 if self.quick else 7
        nltk_runs: list[float] = []
        first_runs: list[float] = []
        full_runs: list[float] = []
        nltk_code = _NLTK_CODE.format(seed=str(self.seed_file))
        full = (lambda: _run_code(_FULL_CODE, warm_env)) if self.verbs == ("analyze",) else (
            lambda: _run_child([__file__, "--_child", "cold", str(self.seed_file), ",".join(self.verbs)], warm_env))
        for _ in range(n):  # interleaved, so a change in the machine's load hits all three alike
            nltk_runs.append(_run_code(nltk_code, self.env))
            first_runs.append(_run_code(_FIRST_CODE, warm_env))
            full_runs.append(full())
        nltk_s, first_s = statistics.median(nltk_runs), statistics.median(first_runs)
        self.fig.add("cold_nltk", "cold: NLTK word_tokenize + pos_tag of the seed (fresh process)", nltk_runs,
                     note="import nltk; nltk.word_tokenize(seed); nltk.pos_tag(tokens)")
        self.fig.add("cold_first", "cold: first analysis of the seed (fresh process)", first_runs,
                     target="<= NLTK's", ok=first_s <= nltk_s,
                     note=f"import newskit; sample(); quotes(); show(); cache warm; {first_s / nltk_s:.2f}x NLTK's")
        self.fig.add("cold_seed", "cold: full analyze(seed) (fresh process)", full_runs,
                     note="import newskit; analyze(sample()); cache warm")
        self.fig.add("cache_build", "one-time: build newskit's cache (newskit setup)", None,
                     value=build if build >= 0 else None,
                     note="every model and word list from NLTK's data" if build >= 0 else "cache folder not writable")
        self.fig.add("cold_first_empty", "one-time: first analysis with an empty cache", [empty],
                     note="builds the entries it needs (punkt, tagger) on the way")

    def scaling(self) -> None:
        """Time per word of one long paragraph and of a list of names, at 12k and 48k words (issue 14)."""
        timeout = 240 if self.quick else 600
        for key, label, make in (("paragraph", "one paragraph", lambda w: one_paragraph(self.texts, w)),
                                 ("names", "list of names", names_list)):
            per_word: dict[int, float] = {}
            for words in SCALE_WORDS:
                row = f"{key}_{words // 1000}k"
                text = f"{label}, {words:,} words: full analysis"
                try:
                    got = self._scale_child(make(words), f"{row}.txt", timeout)
                except subprocess.TimeoutExpired:
                    self.fig.add(row, text, None, unit="s/word", note=f"stopped after {timeout} s")
                    continue
                per_word[words] = got["seconds"] / got["words"]
                self.fig.add(row, text, None, unit="s/word", value=per_word[words],
                             note=f"{got['seconds']:.2f} s for {got['words']:,} words")
            if len(per_word) == 2:
                ratio = per_word[SCALE_WORDS[1]] / per_word[SCALE_WORDS[0]]
                self.fig.add(f"{key}_ratio", f"{label}: time per word, 48k / 12k", None, unit="x", value=ratio,
                             target="<= 1.5x", ok=ratio <= 1.5, note="1.0x = linear")

    def huge(self) -> None:
        """A 10 MB article: seconds of the full analysis and the process's peak memory."""
        timeout = 300 if self.quick else 900
        text = huge_text(self.texts)
        try:
            got = self._scale_child(text, "huge.txt", timeout)
        except subprocess.TimeoutExpired:
            self.fig.add("huge_s", "10 MB article: full analysis", None, target="< 30 s", ok=False,
                         note=f"stopped after {timeout} s")
            return
        self.fig.add("huge_s", "10 MB article: full analysis", [got["seconds"]], target="< 30 s",
                     ok=got["seconds"] < 30, note=f"{len(text.encode()) / 1e6:.1f} MB, {got['words']:,} words")
        rss = got["rss_mb"]
        self.fig.add("huge_rss", "10 MB article: peak memory (RSS)", None, unit="MB", value=rss, target="< 1536 MB",
                     ok=None if rss is None else rss < 1536, note="whole process: Python, models, article, results")

    def _scale_child(self, text: str, name: str, timeout: float) -> dict:
        path = self.tmp / name
        path.write_text(text, encoding="utf-8")
        res = subprocess.run([sys.executable, __file__, "--_child", "scale", str(path), ",".join(self.verbs)],
                             capture_output=True, text=True, env=self.env, cwd=ROOT, timeout=timeout)
        path.unlink()
        if res.returncode != 0:
            raise RuntimeError(res.stderr.strip().splitlines()[-1] if res.stderr.strip() else "child failed")
        return json.loads(res.stdout.strip().splitlines()[-1])

    def imports(self) -> None:
        runs = [_run_code(_IMPORT_CODE, self.env) for _ in range(3 if self.quick else 9)]
        heavy = subprocess.run([sys.executable, "-c", "import sys, newskit; print(' '.join(m for m in "
                                "('nltk', 'matplotlib', 'ipywidgets', 'numpy') if m in sys.modules))"],
                               capture_output=True, text=True, env=self.env).stdout.strip()
        v = statistics.median(runs)
        self.fig.add("import", "import newskit (fresh process)", runs, target="< 0.3 s", ok=v < 0.3,
                     note=f"also imported: {heavy}" if heavy else "no nltk/matplotlib/ipywidgets at import")

    def warm(self) -> None:
        verbs = self.verbs
        full_analysis(self.fresh_seed(), verbs)
        runs = timed(lambda a: full_analysis(a, verbs), 5 if self.quick else 15, setup=self.fresh_seed)
        v = statistics.median(runs)
        self.fig.add("warm_seed", "warm: analyze(seed), new Article each run", runs, target="< 100 ms", ok=v < 0.1,
                     note="" if verbs == ("analyze",) else "analyze() absent: ran the parts that exist")

    def quotes(self) -> None:
        from newskit import sources as sources_mod

        runs = timed(sources_mod.quotes, 9 if self.quick else 25, setup=self.fresh_seed)
        v = statistics.median(runs)
        self.fig.add("seed_quotes", "warm: quotes(seed), new Article each run", runs, target="< 50 ms", ok=v < 0.05,
                     note="includes splitting the new Article into sentences if quotes() needs them")

    def concordance(self) -> None:
        seed = self.fresh_seed()
        label, conc = concordance_callable(seed)
        conc_label = "concordance callback 'Maliki' (warm article)"
        if conc is None:
            self.fig.add("concordance", conc_label, None, target="< 20 ms",
                         note=label or "newskit.language.concordance does not exist yet")
            return
        runs = timed(lambda: conc(seed, "Maliki"), 21 if self.quick else 51)
        v = statistics.median(runs)
        first = timed(lambda a: conc(a, "Mosul"), 1, setup=self.fresh_seed)[0]  # builds a new article's word index
        self.fig.add("concordance", conc_label, runs, target="< 20 ms", ok=v < 0.02,
                     note=f"{label}; first query on a new article {_fmt(first, 's')}")

    def big(self) -> None:
        big = big_text(self.texts)
        label = f"full analysis of a {len(big.split()):,}-word text"
        make = self.newskit.from_text
        n_words = sum(1 for w in make(big, name="big").words if w.is_word)
        runs = timed(lambda a: full_analysis(a, self.verbs), 1 if self.quick else 3, setup=lambda: make(big, name="big"))
        v = statistics.median(runs)
        self.fig.add("big_text", label, runs, target="< 2 s", ok=v < 2.0,
                     note=f"{n_words:,} word tokens; new Article: includes sentence splitting and tokenizing")
        if v >= 2.0:  # over target: say where the time goes
            self.machine["big_text_parts_s"] = part_times(make(big, name="big"), self.verbs)

    def corpus(self) -> None:
        n_articles, n_rounds = (60, 2) if self.quick else (300, 3)
        folder = self.tmp / "corpus"
        folder.mkdir()
        paths = []
        for i in range(n_articles):
            p = folder / f"{i:04d}.txt"
            p.write_text(self.texts[i % len(self.texts)], encoding="utf-8")
            paths.append(str(p))
        rates: dict[int, list[float]] = {1: [], 2: []}
        spent = time.perf_counter()
        how = ""
        for _ in range(n_rounds):  # interleaved, so a change in the machine's load hits both alike
            for n in (1, 2):
                rate, how = throughput(paths, n, self.verbs)
                rates[n].append(rate)
            if time.perf_counter() - spent > 3 * BUDGET_S:
                break
        for n, per in rates.items():
            self.fig.add(f"throughput_{n}", f"corpus throughput, {n} worker{'s' if n > 1 else ''} ({n_articles} articles)",
                         per, unit="art/s", note=how if n == 1 else "pool started and models loaded before timing")
        scaling = statistics.median(rates[2]) / statistics.median(rates[1])
        cpus = os.cpu_count() or 1
        self.fig.add("scaling", "throughput scaling, 1 -> 2 workers", None, unit="x", value=scaling, target=">= 1.6x",
                     ok=scaling >= 1.6, note="" if cpus >= 2 else f"only {cpus} CPU here: no scaling possible")


# --- main ----------------------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Time newskit on this machine and compare with the targets.")
    ap.add_argument("--quick", action="store_true", help="fewer runs and a smaller corpus")
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH ('-' for stdout)")
    ap.add_argument("--_child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    child_env = {**os.environ, **_ensure_importable()}
    if args._child:
        {"cold": child_cold, "scale": child_scale}[args._child[0]](*args._child[1:])
        return 0

    out = sys.stderr if args.json == "-" else sys.stdout
    import newskit
    from newskit.core import resources

    still = resources.missing()
    if still:
        print(f"benchmarks: NLTK data missing: {', '.join(still)}. Run `newskit setup` (or set NLTK_DATA) first; "
              "this script downloads nothing.", file=sys.stderr)
        return 2

    bench = Bench(args.quick, child_env, out)
    machine = bench.machine
    machine.update({"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
                    "newskit": getattr(newskit, "__version__", "?"), "newskit_file": newskit.__file__,
                    "nltk_data": os.environ.get("NLTK_DATA", "(not set: NLTK's default folders)"),
                    "corpus": bench.corpus_note, "quick": args.quick, "load_average": _loadavg()})
    print(f"newskit {machine['newskit']} ({Path(newskit.__file__).parent}), Python {machine['python']}, "
          f"{machine['platform']}, {machine['cpus']} CPUs", file=out)
    print(f"NLTK_DATA: {machine['nltk_data']}; corpus material: {bench.corpus_note}", file=out)
    load = machine["load_average"]
    if load is not None:
        busy = " (the machine is busy: figures will be slower than usual)" if load > 0.5 * (os.cpu_count() or 1) else ""
        print(f"load average at start: {load:.2f}{busy}", file=out)
    out.flush()

    # what "full analysis" means today
    bench.verbs, skipped = probe_plan(bench.fresh_seed())
    verbs = bench.verbs
    what = "newskit.analysis.analyze" if verbs == ("analyze",) else "fallback: sentences, words, " + ", ".join(verbs)
    machine["analysis"] = what
    machine["left_out"] = skipped if verbs != ("analyze",) else {}

    for key, label, target, measure in (
        ("import", "import newskit (fresh process)", "< 0.3 s", bench.imports),
        ("cold_first", "cold: first analysis of the seed (fresh process)", "<= NLTK's", bench.cold_start),
        ("warm_seed", "warm: analyze(seed), new Article each run", "< 100 ms", bench.warm),
        ("seed_quotes", "warm: quotes(seed), new Article each run", "< 50 ms", bench.quotes),
        ("concordance", "concordance callback 'Maliki' (warm article)", "< 20 ms", bench.concordance),
        ("big_text", f"full analysis of a {BIG_WORDS:,}-word text", "< 2 s", bench.big),
        ("scaling_words", "time per word, 12k and 48k words", "<= 1.5x", bench.scaling),
        ("huge_s", "10 MB article: full analysis", "< 30 s", bench.huge),
        ("scaling", "throughput scaling, 1 -> 2 workers", ">= 1.6x", bench.corpus),
    ):
        bench.guarded(key, label, target, measure)

    fig = bench.fig
    print(file=out)
    print(fig.table(), file=out, flush=True)
    load = _loadavg()
    print(f"\nfull analysis = {what}" + (f"; load average at end: {load:.2f}" if load is not None else ""), file=out)
    for verb, why in machine["left_out"].items():
        print(f"  left out: {verb}: {why}", file=out)
    parts = machine.get("big_text_parts_s")
    if parts:
        ranked = sorted(parts.items(), key=lambda kv: -kv[1])
        print(f"where the time goes on the {BIG_WORDS:,}-word text (one run each, slowest first): "
              + ", ".join(f"{k} {_fmt(v, 's')}" for k, v in ranked), file=out)

    if args.json:
        data = json.dumps({"machine": machine, "figures": fig.rows}, indent=1)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data + "\n", encoding="utf-8")
            print(f"figures written to {args.json}", file=out)
    import shutil

    shutil.rmtree(bench.tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
