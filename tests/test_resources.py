"""The NLTK resources layer: the fast models give exactly NLTK's tags, tokens and sentences; loading is
thread-safe; the cache on disk is used, rebuilt when stale, and holds no pickle."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newskit
from newskit.core import resources

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="module")
def nltk_tagger():
    from nltk.tag import PerceptronTagger

    return PerceptronTagger()


@pytest.fixture(scope="module")
def nltk_tokenizer():
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()


def test_fast_tagger_matches_nltk(seed, nltk_tagger):
    fast = resources.pos_tagger()
    sentences = [[w.text for w in seed.words if w.sentence == s.index] for s in seed.sentences]
    sentences += [["", "Odd", "-", "1999", "42nd", "co-op", "\u201c", "e.g.", "ALL", "CAPS"], ["x"], ["-START-"]]
    for path in sorted(CORPUS.glob("*.txt"))[:6]:  # real articles when the dev corpus is beside us
        words = path.read_text(encoding="utf-8").split()
        sentences += [words[i:i + 25] for i in range(0, len(words), 25)]
    for sent in sentences:
        assert fast.tag(sent) == nltk_tagger.tag(sent), sent
    # the batch call gives the same tags as one sentence at a time
    assert fast.tag_sents(sentences) == [[t for _, t in nltk_tagger.tag(s)] for s in sentences]


def test_fast_tagger_matches_nltk_on_brown_news(nltk_tagger):
    from nltk.corpus import brown

    sentences = [list(s) for s in brown.sents(categories="news")[:1500]]
    assert resources.pos_tagger().tag_sents(sentences) == [[t for _, t in nltk_tagger.tag(s)] for s in sentences]


def test_fast_tagger_batches_of_nothing():
    fast = resources.pos_tagger()
    assert fast.tag_sents([]) == []
    assert fast.tag_sents([[], ["the"]]) == [[], ["DT"]]
    assert fast.tag([]) == []


def test_fast_tagger_batch_size_does_not_change_tags(seed, monkeypatch):
    fast = resources.pos_tagger()
    sentences = [[w.text for w in seed.words if w.sentence == s.index] for s in seed.sentences] + [[], ["x"]]
    whole = fast.tag_sents(sentences)
    monkeypatch.setattr(type(fast), "BATCH_WORDS", 7)  # many small batches, cut inside no sentence
    assert fast.tag_sents(sentences) == whole
    assert whole == [[t for _, t in fast.tag(s)] for s in sentences]


def test_text_words_are_the_word_spans_of_each_sentence(seed):
    from newskit.core.text import word_spans

    texts = [seed.text, "Head\n\nIraq\u2019s army didn\u2019t \u2018go\u2019. \"No,\" he said -- ''twice''. A\u2019s b.\n\n"
             "(x) [y] 3.5% e.g. cannot gonna \u201cok\u201d... Why?! ``z''"]
    for text in texts:
        art = newskit.from_text(text)
        want = [span for s in art.sentences for span in word_spans(art.text, s.start, s.end)]
        assert [(w.start, w.end) for w in art.words] == want
        assert all(w.text == art.text[w.start:w.end] for w in art.words)
        assert [w.index for w in art.words] == list(range(len(want)))


def _nltk_spans(tokenizer, text):
    try:
        return list(tokenizer.span_tokenize(text))
    except ValueError:
        return "ValueError"


def _fast_spans(text):
    try:
        return resources.word_tokenizer().span_tokenize(text)
    except ValueError:
        return "ValueError"


ODD_SENTENCES = [
    "", " ", "...", "a--b", "x ''", "'" * 50, '"' * 51, "CAN'T WON'T", "G\u0130mme gonna",
    "cannot gimme 'tis 'Twas d'ye more'n wanna go",
    "\"Hi,\" he said -- ''ok'' ``x`` (y) [z] {w} <v>; e.g. 3.5% @a #b $c &d *e?!",
    "It's 'quoted' \u2018x\u2019 \u00aby\u00bb \u201ez\u201c \u2012\u2013\u2014\u2015 ok.",
    "He said: \u201cWe will win.\u201d",
]


def test_fast_word_tokenizer_matches_nltk(seed, nltk_tokenizer):
    assert isinstance(resources.word_tokenizer(), resources.FastWordTokenizer)
    texts = [s.text for s in seed.sentences] + [p.text for p in seed.paragraphs] + ODD_SENTENCES
    for path in sorted(CORPUS.glob("*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    for text in texts:
        assert _fast_spans(text) == _nltk_spans(nltk_tokenizer, text), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAbBnNtTsS 0919.,:;!?-'\"`()[]<>*&$%@#\u2019\u2018\u201c\u201d\u00ab\u00bb"
                                             "\u2013\u2014\n\t")), max_size=60))
def test_fast_word_tokenizer_matches_nltk_on_any_text(text):
    from nltk.tokenize import NLTKWordTokenizer

    assert _fast_spans(text) == _nltk_spans(NLTKWordTokenizer(), text)


def test_fast_word_tokenizer_refuses_rules_it_does_not_know(nltk_tokenizer):
    class Changed:  # an NLTK whose tokenizer gained a rule
        STARTING_QUOTES = [*nltk_tokenizer.STARTING_QUOTES, nltk_tokenizer.STARTING_QUOTES[0]]
        PUNCTUATION = nltk_tokenizer.PUNCTUATION
        PARENS_BRACKETS = nltk_tokenizer.PARENS_BRACKETS
        DOUBLE_DASHES = nltk_tokenizer.DOUBLE_DASHES
        ENDING_QUOTES = nltk_tokenizer.ENDING_QUOTES
        CONTRACTIONS2 = nltk_tokenizer.CONTRACTIONS2
        CONTRACTIONS3 = nltk_tokenizer.CONTRACTIONS3

    with pytest.raises(ValueError, match="different rules"):
        resources.FastWordTokenizer(Changed())


PUNKT_TEXTS = [
    "Mr. Smith went to Washington. He said... so. U.S. forces left at 3 p.m. on Jan. 5. Then?! Yes.",
    "1.5 million people. A.B.C. etc. (He left.) \u201cNo.\u201d She agreed.", "...", "", "  . . .  ",
    "Dr. No. 10 Downing St. is where the P.M. lives. Really.", "J. S. Bach wrote it. The 2nd. Round. No. 5.",
    "He said: \u201cGo.\u201d \u2018Fine.\u2019 \u00abOui.\u00bb (Yes.) [No.] {Ok.} Then -- at last. Next!\n\nNew.",
]


def test_sentence_splitter_matches_nltk_punkt(seed):
    from nltk.tokenize.punkt import PunktTokenizer

    plain = PunktTokenizer("english")
    fast = resources.sentence_tokenizer()
    assert isinstance(fast, resources.FastPunkt)  # NLTK's Punkt from cached data, no NLTK objects
    texts = [p.text for p in seed.paragraphs] + PUNKT_TEXTS
    for path in sorted(CORPUS.glob("*.txt")):
        texts += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts.append(path.read_text(encoding="utf-8"))  # whole files: newlines, blank lines
    for text in texts:
        assert fast.span_tokenize(text) == list(plain.span_tokenize(text)), text


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Mr.", "Dr.", "U.S.", "p.m.", "J.", "No.", "5.", "1.5", "etc.", "St.", "He", "he",
                                 "The", "the", "said", "Then", "A.B.C.", "...", ". .", "?!", "!", "?", ".", ",", ";",
                                 ":", "--", "(", ")", "\"", "'", "\u201c", "\u201d", "\u2019", "\u00bb", "x.)",
                                 "Yes.\u201d", "\n", "\n\n", " ", "  ", "Iraq", "ISIS", "i.e.", "2014.", "Jan."]),
                max_size=30))
def test_sentence_splitter_matches_nltk_punkt_on_any_text(pieces):
    text = " ".join(pieces)
    assert resources.sentence_tokenizer().span_tokenize(text) == list(_nltk_punkt().span_tokenize(text))


@functools.cache
def _nltk_punkt():
    from nltk.tokenize.punkt import PunktTokenizer

    return PunktTokenizer("english")


def test_fast_loaders_read_what_nltk_reads():
    from collections import Counter

    from nltk.corpus import brown, cmudict

    assert resources.cmudict() == cmudict.dict()
    expected = Counter(w.lower() for w in brown.words(categories="news") if any(c.isalnum() for c in w))
    assert resources.brown_news_counts() == expected
    assert resources.cmudict_syllables() == {w: sum(p[-1:].isdigit() for p in prons[0]) for w, prons in cmudict.dict().items()}


def test_word_lists_are_nltks():
    from nltk.corpus import opinion_lexicon, stopwords
    from nltk.sentiment.vader import SentimentIntensityAnalyzer
    from nltk.tag.mapping import tagset_mapping

    assert resources.stopwords() == {w.lower() for w in stopwords.words("english")}
    assert resources.opinion_words() == (set(opinion_lexicon.positive()), set(opinion_lexicon.negative()))
    assert resources.universal_tag_map() == dict(tagset_mapping("en-ptb", "universal"))
    nltk_vader = SentimentIntensityAnalyzer()
    assert resources.vader().lexicon == nltk_vader.lexicon
    text = "The attack was NOT good at all!!! Awful, but hope remains :)"
    assert resources.vader().polarity_scores(text) == nltk_vader.polarity_scores(text)


def test_first_names():
    names = resources.first_names()
    assert len(names) > 7000
    assert (names["alice"], names["john"], names["leslie"]) == ("female", "male", "either")
    assert set(names.values()) == {"male", "female", "either"}
    assert all(n == n.lower() and n.strip() == n for n in names)


def test_verbnet_speech_verbs():
    verbs = resources.verbnet_speech_verbs()
    assert verbs["retort"] == "say-37.7" and verbs["say"].startswith("say-37.7")
    assert verbs["whisper"].startswith("manner_speaking-37.3") and verbs["complain"].startswith("complain-37.8")
    assert verbs["ask"].startswith("inquire-37.1.2") and verbs["tell"].startswith("tell-37.2")
    assert verbs["criticize"].startswith("judgement-33")
    classes = {"-".join(v.split("-")[:2]).split("-")[0] for v in verbs.values()}
    assert classes <= set(resources.SPEECH_CLASSES)
    assert "walk" not in verbs and "run" not in verbs


def test_setup_lists_names_and_verbnet_and_prepares_the_cache(tmp_path, monkeypatch):
    import io

    assert {"names", "verbnet"} <= {r.package for r in resources.RESOURCES}
    monkeypatch.setenv("NEWSKIT_CACHE", str(tmp_path / "cache"))
    out = io.StringIO()
    try:
        assert resources.setup(out) == []  # all installed: downloads nothing
    finally:
        resources.clear_caches()
    text = out.getvalue()
    assert "[ok]      names" in text and "[ok]      verbnet" in text and "cache ready in" in text
    assert {p.name for p in (tmp_path / "cache").iterdir()} >= {"tagger.npz", "punkt.json", "names.json"}


def test_the_cache_finds_nltk_data_where_nltk_does():
    """The cache checks where NLTK would find each package without importing NLTK; it must agree with NLTK."""
    import nltk.data

    from newskit.core import cache

    for r in resources.RESOURCES:
        assert cache.locate(r.path) == resources._file_of(nltk.data.find(r.path)), r.package
    assert cache.locate("corpora/no-such-corpus/x.txt") is None


# --- fresh processes: threads, the cache, NLTK's download banner ---------------------------------------------------


def _python(code: str, *, cache: Path | str, timeout: float = 240, **env: str) -> subprocess.CompletedProcess:
    """Run *code* in a fresh Python with NEWSKIT_CACHE=*cache* (and *env*); fail the test if it fails."""
    full = {**os.environ, "NEWSKIT_NO_DOWNLOAD": "1", "NEWSKIT_CACHE": str(cache), **env}
    res = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=full,
                         timeout=timeout)
    assert res.returncode == 0, res.stderr[-3000:]
    return res


_THREADS = r"""
    import threading, traceback
    from pathlib import Path
    import newskit

    corpus = sorted(Path({corpus!r}).glob("*.txt"))[:13]
    texts = [p.read_text(encoding="utf-8") for p in corpus] or [
        f"Story {{i}}\n\n" + " ".join(f"Mr. Smith said {{k}} times: \u201cWe won.\u201d The army left." for k in range(40))
        for i in range(8)]
    articles = [newskit.sample()] + [newskit.from_text(t, name=str(i)) for i, t in enumerate(texts)]
    if {one_article}:
        articles, workers = [articles[0]] * 2, 2   # two threads on one fresh Article
    else:
        workers = 4
    start = threading.Barrier(workers)
    errors = []

    def work(k):
        start.wait()
        for art in articles[k::workers]:
            try:
                newskit.analyze(art)
            except Exception:
                errors.append(traceback.format_exc())

    threads = [threading.Thread(target=work, args=(k,)) for k in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(len(errors), len(articles))
    print(errors[0] if errors else "")
"""


@pytest.mark.parametrize("one_article", [False, True], ids=["4 threads, fresh articles", "2 threads, one article"])
def test_threads_may_start_analysing_at_once(tmp_path, one_article):
    """Issue 14: NLTK's lazy loaders raced when two threads used them first; every load is now under a lock.
    A fresh process and an empty cache folder, so the models are read from NLTK while the threads start."""
    res = _python(_THREADS.format(corpus=str(CORPUS), one_article=one_article), cache=tmp_path / "cache")
    errors, total = res.stdout.split("\n", 1)[0].split()
    assert errors == "0", res.stdout[-3000:]
    assert int(total) >= 2


_OPENED = """
    import sys
    opened = []
    sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" and args else None)
    from newskit.core import resources as r
    r.sentence_tokenizer(), r.word_tokenizer(), r.pos_tagger(), r.universal_tag_map(), r.stopwords()
    r.opinion_words(), r.cmudict_syllables(), r.brown_news_counts(), r.first_names(), r.verbnet_speech_verbs()
    r.pos_tagger().tag(["The", "army", "left", "."])
    print(json.dumps({"nltk": "nltk" in sys.modules, "opened": opened}))
"""


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory):
    """A cache folder filled by one fresh process (what ``newskit setup`` does)."""
    folder = tmp_path_factory.mktemp("warm") / "cache"
    _python("from newskit.core import resources; print(resources.prepare_cache())", cache=folder)
    return folder


def test_the_cache_is_used_by_a_fresh_process(warm_cache):
    """A second fresh process reads the cache: it opens no NLTK data file and does not import NLTK."""
    res = _python("import json\n" + textwrap.dedent(_OPENED), cache=warm_cache)
    seen = json.loads(res.stdout.strip().splitlines()[-1])
    data_dirs = [d for d in os.environ.get("NLTK_DATA", "").split(os.pathsep) if d] + ["nltk_data"]
    assert [p for p in seen["opened"] if any(d in p for d in data_dirs)] == []
    assert any(str(warm_cache) in p for p in seen["opened"])
    assert seen["nltk"] is False


def test_the_cache_built_with_nltk_data_set_serves_nltks_default_folder(tmp_path):
    """Binder: ``newskit setup`` runs with NLTK_DATA pointing at a folder NLTK also searches by default
    (there sys.prefix/nltk_data; here ~/nltk_data); sessions run without NLTK_DATA and must still use the cache."""
    shared = [d for d in os.environ.get("NLTK_DATA", "").split(os.pathsep) if d]
    if not shared:
        pytest.skip("needs NLTK_DATA pointing at the NLTK data")
    home = tmp_path / "home"
    home.mkdir()
    (home / "nltk_data").symlink_to(shared[0], target_is_directory=True)
    folder = tmp_path / "cache"
    _python("from newskit.core import resources; print(resources.prepare_cache())", cache=folder, HOME=str(home),
            NLTK_DATA=str(home / "nltk_data"))
    env = {k: v for k, v in os.environ.items() if k != "NLTK_DATA"}
    res = subprocess.run([sys.executable, "-c", "import json\n" + textwrap.dedent(_OPENED)], capture_output=True,
                         text=True, timeout=240, env={**env, "HOME": str(home), "NEWSKIT_CACHE": str(folder)})
    assert res.returncode == 0, res.stderr[-2000:]
    seen = json.loads(res.stdout.strip().splitlines()[-1])
    assert seen["nltk"] is False and not [p for p in seen["opened"] if "nltk_data" in p]


def test_the_cache_holds_no_pickle(warm_cache):
    import numpy as np

    files = sorted(warm_cache.iterdir())
    assert files and {f.suffix for f in files} <= {".json", ".npz"}
    for f in files:
        if f.suffix == ".json":
            json.loads(f.read_bytes())
            continue
        assert all(n.endswith(".npy") for n in zipfile.ZipFile(f).namelist())
        with np.load(f, allow_pickle=False) as z:  # raises on a pickled (object) array
            assert all(not z[k].dtype.hasobject for k in z.files)


def test_the_cache_is_rebuilt_when_the_nltk_file_changes(tmp_path):
    """A stopword list of our own, found first on NLTK's path: changing the file rebuilds the entry."""
    english = tmp_path / "data" / "corpora" / "stopwords" / "english"
    english.parent.mkdir(parents=True)
    english.write_text("the\nzzfirst\n", encoding="utf-8")
    data = os.pathsep.join([str(tmp_path / "data"), os.environ.get("NLTK_DATA", "")])
    code = "from newskit.core import resources; print(sorted(resources.stopwords()))"
    assert _python(code, cache=tmp_path / "cache", NLTK_DATA=data).stdout.split() == ["['the',", "'zzfirst']"]
    assert _python(code, cache=tmp_path / "cache", NLTK_DATA=data).stdout.split() == ["['the',", "'zzfirst']"]
    english.write_text("the\nzzsecond\nzzthird\n", encoding="utf-8")
    assert "'zzsecond'" in _python(code, cache=tmp_path / "cache", NLTK_DATA=data).stdout
    # a cache entry from another NLTK data path is not used either
    assert "'zzsecond'" not in _python(code, cache=tmp_path / "cache").stdout


def test_an_unwritable_cache_folder_is_no_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code = "import newskit; a = newskit.sample(); print(len(a.sentences), a.tags.count('NNP'), len(newskit.analyze(a).quotes))"
    res = _python(code, cache=blocker / "cache")
    here = newskit.sample()
    assert res.stdout.split() == [str(len(here.sentences)), str(here.tags.count("NNP")), str(len(newskit.analyze(here).quotes))]
    assert res.stderr.strip() == ""


def test_a_missing_package_gives_one_line_without_nltks_banner(tmp_path):
    """Issue 4: offline and without the data, the user sees newskit's line and error, not NLTK's [nltk_data] banner."""
    code = """
        import nltk.downloader

        def offline(self, *args, **kwargs):  # what an offline machine gives, without touching the network
            raise OSError("offline")

        nltk.downloader.Downloader._info_or_id = offline
        import newskit
        try:
            newskit.from_text("A storm hit. It left.").sentences
        except newskit.MissingResourceError as err:
            print("ERROR:", err)
        import sys
        print("---", file=sys.stderr)
        nltk.download("punkt_tab", quiet=True)  # NLTK itself prints its banner: the patch above is realistic
    """
    empty = tmp_path / "no-data"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "NEWSKIT_NO_DOWNLOAD"}
    env.update(NLTK_DATA=str(empty), HOME=str(tmp_path), NEWSKIT_CACHE=str(tmp_path / "cache"))
    res = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env,
                         timeout=120)
    ours, nltks = res.stderr.split("---\n", 1)
    assert "[nltk_data]" not in ours and "[nltk_data]" not in res.stdout
    assert ours.strip().splitlines() == ["newskit: downloading the NLTK package 'punkt_tab' (one time only)..."]
    assert res.stdout.startswith("ERROR: newskit needs the NLTK data package 'punkt_tab'")
    assert "[nltk_data]" in nltks
