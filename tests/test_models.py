"""The batch paths of NLTK's rebuilt models give what their one-at-a-time paths (and NLTK) give.

``FastWordTokenizer.columns`` tokenizes a whole text's sentences at once, ``FastTagger.tag_flat`` tags them
in batches, and ``Text.words`` builds on ``columns``: each must equal the sentence-by-sentence path and NLTK's
own ``span_tokenize`` / ``tag`` on tricky made-up sentences and a seeded random mix.
"""

from __future__ import annotations

import itertools
import random

import pytest

from newskit.core import resources
from newskit.core.tagger import FastTagger
from newskit.core.text import Text, word_spans
from newskit.core.word_tokenizer import FastWordTokenizer

#: Made-up sentences that reach most of the tokenizer's rules and the odd corners of alignment.
TRICKY = [
    '"We won\'t back down," said the mayor\'s aide.',
    "He said: \u201cIraq\u2019s army didn\u2019t \u2018retreat\u2019 \u2014 it regrouped.\u201d",
    "``Quoted'' the old way, 'single' too, and ''doubled singles''.",
    "She said \"''nested'' quotes\" and ``more``, then \"\"\" and '''.",
    "\u00abNon,\u00bb dit-il. \u201eJa\u201c, sagte er. \u201cOpen only",
    "(See page 12) [sic] {braces} <angle> and a -- dash, an \u2013 en dash, \u2012 and \u2015.",
    "Visit https://example.com/a?b=1&c=2 or www.example.org/path, then mail a@b.co.",
    "It cost $1,250,000.50 \u2014 or 3,5% more \u2014 up from 1,000 in 1999: 12:30, 4:1.",
    "Wait... what?! Really?!? Yes\u2026 no.. .",
    "I cannot, I gotta, gimme, lemme, wanna, gonna; 'Tis and 'twas, d'ye, more'n.",
    "CAN'T WON'T SHAN'T Y'ALL O'NEILL rock 'n' roll I'M WE'LL THEY'D.",
    "The Smiths\u2019 house, the \u201990s and O\u2019Brien\u2019s dog\u2019ll bark; IRAQ\u2019S too.",
    "No. 10 Downing St. at 5 p.m.; U.S.-led forces @home #tag 100% *starred* &amp; e.g. i.e.",
    "Tab\tseparated\u00a0non-breaking\u2003em-space\u3000ideographic\u2028line\x1cfile\x85next.",
    "Emoji \U0001F600, combining e\u0301, ligature \ufb01, dotted G\u0130mme, odd \ud800 surrogate.",
    "x ''", "'" * 30, '"' * 31, "", "   ", "...", "a--b", '"', "''\"", "\u201c\u201d\u2018\u2019", "```x```",
    " leading and trailing spaces ", "Ends with a quote.\"", "'Single at the start' and the end'",
]

#: Pieces the seeded random sentences are made of.
PIECES = ["the", "army", "Iraq", "said", "didn't", "can't", "cannot", "gonna", "O'Brien", "1,000", "3.5", "1999",
          "U.S.", "Mr.", "e.g.", "co-op", "-", "--", "\u2014", "\u2013", ",", ".", "...", "\u2026", ":", ";", "?", "!",
          "?!", "(", ")", "[", "]", "{", "}", "<", ">", '"', "'", "''", "``", "`", "\u201c", "\u201d", "\u2018",
          "\u2019", "\u2019s", "'s", "n't", "\u00ab", "\u00bb", "$", "%", "&", "@", "#", "*", "http://x.org/a,b"]


def _random_sentences(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    glue = ["", " ", " ", " ", "  ", "\t", "\u00a0"]
    return ["".join(rng.choice(PIECES) + rng.choice(glue) for _ in range(rng.randint(0, 14))) for _ in range(count)]


SENTENCES = TRICKY + _random_sentences(300)


def _text_of(sentences: list[str], seed: int = 3) -> tuple[str, list[tuple[int, int]]]:
    """The sentences one after another, between separators (nothing, spaces, quote marks, letters) that no span
    covers: (text, the span of each sentence)."""
    rng = random.Random(seed)
    separators = ["", " ", "\n", "\n\n", "  ", '"', "''", " \u201c", "x", "."]
    text, spans = "", []
    for sentence in sentences:
        text += rng.choice(separators)
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence
    return text + rng.choice(separators), spans


def _one_by_one(tokenizer: FastWordTokenizer, text: str,
                spans: list[tuple[int, int]]) -> tuple[list[int], list[int], list[str], list[int]]:
    """What ``columns`` should give: ``span_columns`` of each span, -1 (and no tokens) where it raises."""
    starts: list[int] = []
    ends: list[int] = []
    counts: list[int] = []
    for start, end in spans:
        try:
            found = tokenizer.span_columns(text, start, end)
        except Exception:  # noqa: BLE001 - columns says -1 for a span span_columns cannot align
            counts.append(-1)
            continue
        starts += found[0]
        ends += found[1]
        counts.append(len(found[0]))
    return starts, ends, [text[s:e] for s, e in zip(starts, ends, strict=True)], counts


@pytest.fixture(scope="module")
def tokenizer() -> FastWordTokenizer:
    fast = resources.word_tokenizer()
    assert isinstance(fast, FastWordTokenizer)
    return fast


@pytest.fixture(scope="module")
def nltk_tokenizer():
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()


@pytest.mark.parametrize("align_chars", [FastWordTokenizer.ALIGN_CHARS, 64, 1], ids=["one block", "64", "1"])
def test_columns_are_span_columns_of_each_sentence(tokenizer, monkeypatch, align_chars):
    text, spans = _text_of(SENTENCES)
    monkeypatch.setattr(FastWordTokenizer, "ALIGN_CHARS", align_chars)  # blocks of the aligner: one, many, one a span
    assert tokenizer.columns(text, spans) == _one_by_one(tokenizer, text, spans)
    assert tokenizer.columns(text, []) == ([], [], [], [])


def test_columns_are_nltks_spans(tokenizer, nltk_tokenizer):
    text, spans = _text_of(SENTENCES)
    starts, ends, tokens, counts = tokenizer.columns(text, spans)
    assert tokens == [text[s:e] for s, e in zip(starts, ends, strict=True)]
    firsts = [0, *itertools.accumulate(counts)]
    for k, (start, end) in enumerate(spans):
        chunk = text[start:end]
        assert tokenizer.tokenize(chunk) == nltk_tokenizer.tokenize(chunk), chunk
        ours = list(zip(starts[firsts[k]:firsts[k + 1]], ends[firsts[k]:firsts[k + 1]], strict=True))
        assert ours == [(start + s, start + e) for s, e in nltk_tokenizer.span_tokenize(chunk)], chunk


def test_columns_searches_the_sentences_it_cannot_align_by_lengths(tokenizer, monkeypatch):
    """The fallbacks: sentences the aligner rejects are searched as NLTK does; those NLTK cannot align are -1."""
    text, spans = _text_of(SENTENCES)
    want = _one_by_one(tokenizer, text, spans)
    align = FastWordTokenizer._align

    def reject_every_other(self, text, spans, counts, tokens):  # noqa: ANN001, ANN202
        starts, ends, bad = align(self, text, spans, counts, tokens)
        return starts, ends, bad | set(range(0, len(spans), 2))

    monkeypatch.setattr(FastWordTokenizer, "_align", reject_every_other)
    assert tokenizer.columns(text, spans) == want
    # a sentence NLTK cannot align (here: any with "@") gives -1 and no tokens; the others keep theirs
    span_tokens = FastWordTokenizer._span_tokens

    def refuse_at(self, chunk):  # noqa: ANN001, ANN202
        if "@" in chunk:
            raise ValueError("cannot align")
        return span_tokens(self, chunk)

    monkeypatch.setattr(FastWordTokenizer, "_span_tokens", refuse_at)
    got = tokenizer.columns(text, spans)
    assert got == _one_by_one(tokenizer, text, spans)
    assert [n for n, (s, e) in zip(got[3], spans, strict=True) if "@" in text[s:e]] == [-1] * sum("@" in s for s in SENTENCES)
    assert 0 < got[3].count(-1) < len(spans)


# --- the tagger --------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tagged(tokenizer) -> tuple[list[list[str]], list[list[str]]]:
    """Sentences of tokens (the tokenizer's of SENTENCES, odd tokens, empty sentences) and NLTK's tags of each."""
    from nltk.tag import PerceptronTagger

    sentences = [tokenizer.tokenize(s) for s in SENTENCES]
    sentences += [[], ["", "Odd", "-", "1999", "42nd", "co-op", "``", "''", "-START-", "ALL", "CAPS"], ["x"], [], ["."]]
    nltk_tagger = PerceptronTagger()
    return sentences, [[t for _, t in nltk_tagger.tag(s)] for s in sentences]


@pytest.mark.parametrize("batch_words", [1, 2, 7, None], ids=["batch 1", "batch 2", "batch 7", "one batch"])
def test_tag_flat_gives_nltks_tags_whatever_the_batch(tagged, monkeypatch, batch_words):
    sentences, want = tagged
    fast = resources.pos_tagger()
    assert isinstance(fast, FastTagger)
    if batch_words is not None:
        monkeypatch.setattr(FastTagger, "BATCH_WORDS", batch_words)  # batches of about that many words
    flat = list(itertools.chain.from_iterable(sentences))
    assert fast.tag_flat(flat, list(map(len, sentences))) == list(itertools.chain.from_iterable(want))
    assert fast.tag_sents(sentences) == want


@pytest.mark.parametrize("few", [FastTagger._FEW_SENTENCES, 0], ids=["the last few word by word", "numpy only"])
def test_tag_flat_gives_nltks_tags_whatever_the_sentences_per_call(tagged, monkeypatch, few):
    sentences, want = tagged
    fast = resources.pos_tagger()
    monkeypatch.setattr(FastTagger, "_FEW_SENTENCES", few)  # 0: every position of a batch in numpy
    for size in (1, 2, 7, len(sentences)):  # sentences given a few at a time
        got: list[str] = []
        for k in range(0, len(sentences), size):
            group = sentences[k:k + size]
            got += fast.tag_flat(list(itertools.chain.from_iterable(group)), list(map(len, group)))
        assert got == list(itertools.chain.from_iterable(want)), size
    assert [fast.tag_flat(s, [len(s)]) for s in sentences] == want
    with pytest.raises(ValueError, match="do not add up"):
        fast.tag_flat(sentences[0], [len(sentences[0]) + 1])


# --- the text model ----------------------------------------------------------------------------------------------------

CURLY = """Iraq\u2019s army says it won

Iraq\u2019s army didn\u2019t \u2018retreat\u2019, its spokesman said. \u201cWe\u2019re here,\u201d he said.
IRAQ\u2019S ALLIES WON\u2019T.

The Smiths\u2019 house and O\u2019Brien\u2019s dog\u2019ll bark in the \u201990s.
\u2018Tis Baghdad\u2019s, she\u2019d say \u2019s.
Ends with Iraq\u2019 s. Rock \u2019n\u2019 roll\u2019s \u2019em. \u201cIraq\u2019s,\u201d he said, \u201cis Iraq\u2019s.\u201d

"Straight quotes" and Iraq's army; Mosul\u2019S; it\u2019LL; Basra\u2019d\u2019ve. x\u2019"""


@pytest.mark.parametrize("nltk_refuses", [False, True], ids=["aligned", "some sentences unaligned"])
def test_text_words_with_curly_clitics_are_the_word_spans_of_each_sentence(monkeypatch, nltk_refuses):
    if nltk_refuses:  # sentences with "Rock" cannot be aligned: Text.words and word_spans fall back to a regex
        span_tokens = FastWordTokenizer._span_tokens

        def refuse(self, chunk):  # noqa: ANN001, ANN202
            if "Rock" in chunk:
                raise ValueError("cannot align")
            return span_tokens(self, chunk)

        monkeypatch.setattr(FastWordTokenizer, "_span_tokens", refuse)
    text = Text.parse(CURLY + "\n\n" + " ".join(_random_sentences(40, seed=11)))
    words = text.words
    want = [(span, s.index) for s in text.sentences for span in word_spans(text.text, s.start, s.end)]
    assert [((w.start, w.end), w.sentence) for w in words] == want
    assert all(w.text == text.text[w.start:w.end] for w in words)
    texts = [w.text for w in words]
    assert texts[:3] == ["Iraq", "\u2019s", "army"]
    assert {"\u2019S", "\u2019LL", "\u2019re", "\u2019ll", "\u2019d", "\u2019ve"} <= set(texts)  # joined in any case
