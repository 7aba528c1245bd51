"""The NLTK resources layer: the fast tagger and tokenizer give exactly NLTK's tags and tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_sentence_splitter_matches_nltk_punkt(seed):
    from nltk.tokenize.punkt import PunktTokenizer

    plain = PunktTokenizer("english")
    fast = resources.sentence_tokenizer()
    assert fast is not plain and fast._Token is not plain._Token  # the unwrapped patterns are in use
    texts = [p.text for p in seed.paragraphs] + [
        "Mr. Smith went to Washington. He said... so. U.S. forces left at 3 p.m. on Jan. 5. Then?! Yes.",
        "1.5 million people. A.B.C. etc. (He left.) \u201cNo.\u201d She agreed.", "...", "", "  . . .  ",
        "Dr. No. 10 Downing St. is where the P.M. lives. Really.",
    ]
    for path in sorted(CORPUS.glob("*.txt")):
        texts += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for text in texts:
        assert list(fast.span_tokenize(text)) == list(plain.span_tokenize(text)), text


def test_fast_loaders_read_what_nltk_reads():
    from collections import Counter

    from nltk.corpus import brown, cmudict

    assert resources.cmudict() == cmudict.dict()
    expected = Counter(w.lower() for w in brown.words(categories="news") if any(c.isalnum() for c in w))
    assert resources.brown_news_counts() == expected
