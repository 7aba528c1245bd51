"""newskit.language: what the words do (frequencies, KWIC, keyness, tone, hedges, voice, naming)."""

from __future__ import annotations

import json

import pytest

import newskit
from newskit import language as L
from newskit.language._common import _index, _tags
from newskit.language.keyness import _brown_reference
from newskit.language.tone import _segments, _SpanIndex, _vader_pass, _vader_scorer

ALL = [
    L.frequencies, L.collocations, L.keywords, L.sentiment, L.labels, L.passives, L.hedges, L.vocabulary,
    L.pos_profile, L.loaded_words, L.numbers,
    lambda a: L.ngrams(a, 2),
    lambda a: L.concordance(a, "the"),
    lambda a: L.dispersion(a, "army"),
]


def art(text: str) -> newskit.Article:
    return newskit.from_text(text)


# --- concordance --------------------------------------------------------------------------------


def test_seed_concordance_counts_by_hand(seed):
    # Mosul: once in the headline, nine times in the body; Maliki: 2x "Prime Minister Maliki",
    # "prime minister Maliki", "Prime Minister al-Maliki", "al-Maliki"
    mosul = seed.concordance("Mosul")
    assert len(mosul) == 10
    assert sum(1 for h in mosul if h.paragraph is None) == 1
    assert len(seed.concordance("Maliki")) == 5
    assert len(seed.concordance("mosul")) == 10  # case does not matter
    assert len(seed.concordance("prime minister")) == 4
    assert len(seed.concordance("flee*")) == 4  # fleeing, fleeing, Fleeing, flee
    assert len(seed.concordance("al-Maliki")) == 2
    for h in mosul:
        assert seed.text[h.start:h.end] == h.match == "Mosul"
        if h.paragraph is not None:
            p = seed.paragraphs[h.paragraph]
            assert p.start <= h.start < p.end


def test_concordance_context_width_and_lines():
    a = art("Head\n\nThe cat sat on the mat. A cat again.")
    c = L.concordance(a, "cat", width=4)
    assert [h.left for h in c] == ["The ", "". join("ain. A "[-4:])]
    assert c[0].right == " sat"
    assert c.lines()[0] == "The  [cat]  sat"
    assert c.to_dict()["count"] == 2


def test_concordance_prefix_phrase_and_apostrophes():
    a = art("Head\n\nRebels fled. Fleeing rebels flee, and the rebel's flag fell. Iraq\u2019s army.")
    assert len(L.concordance(a, "flee*")) == 2
    assert len(L.concordance(a, "rebel*")) == 3
    assert len(L.concordance(a, "rebels flee")) == 1
    assert len(L.concordance(a, "fled fleeing")) == 0  # never across a full stop
    assert len(L.concordance(a, "iraq's army")) == 1
    assert len(L.concordance(a, "iraq")) == 1


@pytest.mark.parametrize("query", ["", "   ", "*", "(", '"', ".*", "fl*ee", "x" * 300, None])
def test_bad_queries_raise_query_error(seed, query):
    with pytest.raises(newskit.QueryError) as err:
        L.concordance(seed, query)
    assert str(err.value)


def test_regex_like_queries_are_plain_text(seed):
    assert len(L.concordance(seed, "Mosul)")) == 10
    assert len(L.concordance(seed, "[a-z]+")) == 0


def test_kwic_html_is_escaped():
    a = art("Head\n\nThe <script>alert(1)</script> tag & the word script.")
    html = L.concordance(a, "script")._repr_html_()
    assert "<script" not in html and "&lt;/script&gt;" in html and "&amp;" in html
    assert "<mark>" in html
    assert len(L.concordance(a, "script")) == 3  # <script>, </script>, script


def test_dispersion(seed):
    d = L.dispersion(seed, "Mosul")
    assert len(d) == 10 and d.total_words == len(_index(seed).word_forms)
    assert all(0 <= p <= 1 for p in d.positions)
    assert list(d.offsets) == sorted(d.offsets)
    assert d.paragraphs[0] is None
    assert dict(d.per_paragraph)[0] == 1 and dict(d.per_paragraph)[15] == 1
    assert sum(c for _, c in d.per_paragraph) == 10
    assert len(d.paragraph_starts) == 15
    json.dumps(d.to_dict())


# --- frequencies, n-grams, collocations, vocabulary ----------------------------------------------


def test_seed_frequencies(seed):
    f = seed.frequencies(5)
    assert f.rows[0].word == "mosul" and f.rows[0].count == 10
    assert f.as_dict()["iraqi"] == 9
    with_sw = seed.frequencies(3, stopwords=True)
    assert with_sw.rows[0].word == "the" and with_sw.rows[0].count == 50
    assert all(r.word.isalnum() or "-" in r.word or "." in r.word for r in seed.frequencies(100))


def test_frequencies_small_case():
    a = art("Head\n\nThe Dog barked. THE dog, the DOG! Don't.")
    f = L.frequencies(a, top=10, stopwords=True)
    assert f.as_dict()["dog"] == 3 and f.as_dict()["the"] == 3
    assert "," not in f.as_dict() and "!" not in f.as_dict()
    assert "not" in f.as_dict()  # n't counts as "not"
    assert "dog" in L.frequencies(a).as_dict() and "the" not in L.frequencies(a).as_dict()


def test_ngrams():
    a = art("Head\n\nRed car, red car. Red car!")
    g = L.ngrams(a, 2)
    assert g.rows[0].words == ("red", "car") and g.rows[0].count == 3
    assert ("car", "red") not in [r.words for r in g]  # not across punctuation
    with pytest.raises(newskit.QueryError):
        L.ngrams(a, 0)


def test_collocations(seed):
    pmi = seed.collocations()
    assert pmi.measure == "pmi" and all(c.count >= 2 for c in pmi)
    assert ("prime", "minister") in [c.words for c in pmi]
    ll = L.collocations(seed, measure="likelihood")
    assert ll.rows[0].words == ("prime", "minister")
    tri = L.collocations(seed, n=3)
    assert ("prime", "minister", "maliki") in [c.words for c in tri]
    sw = newskit.core.resources.stopwords()
    assert not any(all(w in sw for w in c.words) for c in L.collocations(seed, top=100))
    with pytest.raises(newskit.QueryError):
        L.collocations(seed, n=4)
    with pytest.raises(ValueError):  # a QueryError is a ValueError too
        L.collocations(seed, measure="chi")


def test_vocabulary():
    v = L.vocabulary(art("Flee, flees, fleeing. Rain rain."))  # one line: no headline
    assert v.tokens == 5 and v.types == 4 and v.hapaxes == 3
    assert v.stems == 2  # flee, rain
    assert {"flee", "flees", "fleeing"} == set(next(s.forms for s in v.top_stems if s.stem == "flee"))
    assert v.ttr == pytest.approx(4 / 5)
    seed_v = L.vocabulary(newskit.sample())
    assert 0 < seed_v.ttr < 1 and 40 < seed_v.mtld < 200


# --- keyness ---------------------------------------------------------------------------------------


def test_keyness_by_hand():
    k = L.keyness({"storm": 10, "the": 90}, {"storm": 10, "the": 990}, min_count=1, min_ll=0)
    row = k.positive[0]
    assert row.word == "storm" and row.count == 10 and row.reference_count == 10
    assert row.expected == pytest.approx(100 * 20 / 1100)
    # log ratio: (10/100) / (10/1000) = 10
    assert row.log_ratio == pytest.approx(3.321928, rel=1e-5)
    assert row.ll > 15
    assert [r.word for r in k.negative] == ["the"]
    assert k.negative[0].log_ratio < 0


def test_keyness_min_count_and_articles():
    a = art("Head\n\nFlood flood flood water. Rain.")
    b = art("Head\n\nSun sun sun water. Rain.")
    k = L.keyness(a, [b], min_count=2, min_ll=0)
    assert [r.word for r in k.positive] == ["flood"]
    assert [r.word for r in k.negative] == ["sun"]
    json.dumps(k.to_dict())


def test_seed_keywords(seed):
    kw = seed.keywords(10)
    top = set(kw.words())
    assert {"mosul", "iraqi", "maliki", "isis"} <= top
    assert kw.positive[0].word == "mosul" and kw.positive[0].reference_count == 0
    assert all(r.ll >= 3.84 for r in kw.positive)


def test_keywords_shortcut_agrees_with_the_full_comparison(seed):
    # keywords() skips most of the reference words the article lacks; the result must not change
    ref = _brown_reference()
    for a, top in ((seed, 20), (seed, 200), (art("Head\n\nThe cat sat. The cat sat again and again."), 5)):
        for sw in (False, True):
            full = L.keyness(a, ref, top=top, reference="Brown news (1961)", stopwords=sw)
            assert L.keywords(a, top=top, stopwords=sw).to_dict() == full.to_dict()


def test_keywords_leave_out_stopwords_by_default(seed):
    sw = newskit.core.resources.stopwords()
    kw, with_sw = L.keywords(seed), L.keywords(seed, stopwords=True)
    assert not any(r.word in sw for r in kw.positive + kw.negative)
    assert "he" in [r.word for r in with_sw.negative]  # the seed never says "he"
    assert not kw.stopwords_included and with_sw.stopwords_included
    # stopwords still count in the totals: a content word's figures are the same either way
    assert kw.target_total == with_sw.target_total == 611
    same = {r.word: r for r in with_sw.positive}
    assert all(same[r.word] == r for r in kw.positive if r.word in same)
    short = art("Rain closes roads\n\nRain fell on the town on Monday and on Tuesday, and the roads closed. "
                "The rain came back on Wednesday and the river rose, and the roads stayed shut.")
    words = L.keywords(short).words() + [r.word for r in L.keywords(short).negative]
    assert "rain" in words and "roads" in words
    assert not {"on", "and", "the"} & set(words)
    assert "on" in L.keywords(short, stopwords=True).words()


def test_word_totals_say_they_include_the_headline(seed):
    f, kw = seed.frequencies(), seed.keywords()
    assert f.total_words == 611 and f.headline_words == 11  # the 600 body words of readability + the headline's
    assert f.total_words - f.headline_words == newskit.structure.readability(seed).words
    for result in (f, kw):
        assert "611 words incl. headline" in result._repr_html_() and "611 words incl. headline" in str(result)
    assert f.to_dict()["headline_words"] == 11 and kw.to_dict()["headline_words"] == 11
    plain = L.frequencies(art("Only one line, so no title."))
    assert plain.headline_words == 0 and "6 words;" in str(plain) and "headline" not in str(plain)


@pytest.mark.parametrize(("call", "message"), [
    (lambda a: L.frequencies(a, top="5"), "top must be a whole number such as 10, not the text '5'"),
    (lambda a: L.frequencies(a, top=-1), "top must be 0 or more"),
    (lambda a: L.frequencies(a, top=True), "top must be a whole number"),
    (lambda a: L.collocations(a, n=5), "pairs (n=2) or triples (n=3), not n=5"),
    (lambda a: L.collocations(a, measure="chi"), "measure must be"),
    (lambda a: L.collocations(a, top=2.5), "top must be a whole number"),
    (lambda a: L.ngrams(a, 0), "1 or more"),
    (lambda a: L.ngrams(a, "2"), "whole number"),
    (lambda a: L.concordance(a, "army", width=None), "width must be a whole number"),
    (lambda a: L.keywords(a, top="ten"), "top must be a whole number"),
    (lambda a: L.keyness(a, {"x": 1}, top=-5), "top must be 0 or more"),
    (lambda a: L.vocabulary(a, top=None), "top must be a whole number"),
    (lambda a: a.frequencies("5"), "top must be a whole number"),
    (lambda a: a.collocations(n=5), "not n=5"),
])
def test_bad_count_arguments_raise_query_error(seed, call, message):
    with pytest.raises(newskit.QueryError, match=message.replace("(", r"\(").replace(")", r"\)")) as err:
        call(seed)
    assert isinstance(err.value, newskit.NewskitError)


def test_results_print_as_plain_text(seed):
    results = [seed.frequencies(), seed.keywords(), seed.labels(), seed.hedges(), seed.passives(), seed.sentiment(),
               L.collocations(seed), L.ngrams(seed, 2), L.vocabulary(seed), L.pos_profile(seed),
               L.loaded_words(seed), L.numbers(seed), L.dispersion(seed, "Mosul")]
    for r in results:
        text = str(r)
        assert not text.startswith(type(r).__name__ + "("), type(r)  # not the dataclass repr
        assert repr(r).startswith(type(r).__name__ + "(")  # the repr is unchanged
        assert text.count("\n") <= 60 and "<td" not in text and "&" not in text, type(r)
    assert str(seed.frequencies()).splitlines()[2].split() == ["mosul", "10", "1.6%"]
    assert "ISIS" in str(seed.labels()) and "Maliki" in str(seed.labels())
    assert "3 hedges, 2 boosters, 1 other modal verb" in str(seed.hedges())
    assert "5 passives, 2 without an agent" in str(seed.passives()) and "(no agent)" in str(seed.passives())
    assert "¶15" in str(seed.sentiment())
    assert str(L.hedges(art("Head\n\nThe sky is blue."))).endswith("(none found)")


# --- tone ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Good. Very good!! Not bad, but not great?! :) ;-) 'fine' \"awful\" -- \u201clovely\u201d",
    "HORRIBLE, horrible... kind of nice;nice:nice !!!wonderful??? ,sad, (happy) [angry] never so good",
    "At least it isn't the worst; the least bad option, sort of.",
    "",
    "!!! ??? ... ,,,",
])
def test_vader_scorer_agrees_with_vader(text):
    from newskit.core import resources

    analyser = resources.vader()
    fast = _vader_scorer(analyser)
    assert fast(text) == analyser.polarity_scores(text)
    assert fast(text + " " + text.upper()) == analyser.polarity_scores(text + " " + text.upper())
    # the drivers, read in the same pass: every word of VADER's own reading of the text with a valence
    # of its own (boosters and "kind" in "kind of" have none), strongest first
    from nltk.sentiment.vader import SentiText

    words = SentiText(text, analyser.constants.PUNC_LIST, analyser.constants.REGEX_REMOVE_PUNCTUATION).words_and_emoticons
    boosters = analyser.constants.BOOSTER_DICT
    want = [(w, analyser.lexicon[w.lower()]) for i, w in enumerate(words)
            if w.lower() in analyser.lexicon and w.lower() not in boosters
            and not (w.lower() == "kind" and words[i + 1:i + 2] == ["of"])]
    scores, drivers = _vader_pass(analyser)(text)
    assert scores == analyser.polarity_scores(text)
    assert drivers == tuple(sorted(want, key=lambda wv: -abs(wv[1])))


def test_index_tokens_are_the_words_with_folded_lower():
    from newskit.core.words import fold

    a = art("Iraq\u2019s \u2018Army\u2019\n\nHe said \u2018no\u2019 to Iraq\u2019s army-led al-Maliki.")
    idx = _index(a)
    head, body = idx.toks[:idx.n_headline], idx.toks[idx.n_headline:]
    assert [t.text for t in body] == [w.text for w in a.words]
    assert all(t is w for t, w in zip(body, a.words, strict=True) if "\u2018" not in w.text)  # no copy per token
    assert [t.lower for t in idx.toks] == [fold(t.text) for t in idx.toks]
    assert [t.index for t in body] == list(range(len(a.words)))
    assert all((t.index, t.sentence, t.paragraph) == (-1, -1, None) for t in head) and head
    assert [idx.u_form[u] for u in range(len(idx.u_form))][-4:] == ["army", "led", "al", "maliki"]
    assert all(a.text[s:e].lower() == f for s, e, f in zip(idx.u_start, idx.u_end, idx.u_form, strict=True) if f != "'s")
    assert [idx.norms[i] for i in idx.word_tok] == idx.word_forms
    assert all(isinstance(x, int) for x in (*idx.u_tok, *idx.u_start, *idx.word_offset_of_tok))


def test_span_index_finds_every_span_that_meets_a_range():
    spans = sorted([(0, 50), (5, 8), (10, 12), (20, 30), (22, 25), (40, 45), (60, 70)])
    index = _SpanIndex(spans)
    for start in range(0, 75, 3):
        for end in range(start, 80, 7):
            assert _segments(start, end, index.meeting(start, end)) == _segments(start, end, spans)


def test_sentiment_scores_a_text_without_quotes_the_same_everywhere():
    a = art("Head\n\nThe team won a great victory.\n\nIt was a sad, dark day. Nobody smiled.")
    s = L.sentiment(a)
    one, two = s.paragraphs
    assert one.compound_all == one.compound_reporter == s.sentences[0].compound
    assert two.compound_quoted is None and two.compound_all == two.compound_reporter




def test_seed_sentiment_records(seed):
    s = seed.sentiment()
    assert [p.number for p in s.paragraphs] == list(range(1, 16))
    assert len(s.sentences) == len(seed.sentences)
    p6 = s.paragraphs[5]  # entirely a quote
    assert p6.compound_quoted is not None and p6.reporter_chars <= 2 and p6.compound_reporter is None
    assert s.paragraphs[3].compound_quoted is None  # no quote in paragraph 4
    for t in s.sentences:
        assert seed.text[t.start:t.end] == seed.sentences[t.index].text and -1 <= t.compound <= 1
    assert s.headline is not None and s.headline < 0
    json.dumps(s.to_dict())


def test_sentiment_reporter_vs_quoted():
    a = art('Head\n\nThe wonderful, lovely team won a great victory. "This is a terrible, awful disaster," he said.')
    p = L.sentiment(a).paragraphs[0]
    assert p.compound_reporter > 0.3 and p.compound_quoted < -0.3


def _vader_compound(text):
    from newskit.core import resources

    return round(resources.vader().polarity_scores(text)["compound"], 4)


_NAMED = ("Earnest Defends Talks\n\nThe minister, Anna Joy, spoke in Glory Falls on Monday. Happy families gathered; "
          "it was GOOD news.\n\n\"We will keep talking,\" said Grace Earnest. Earnest added that the mood was calm.")


def test_names_are_not_tone():
    # "joy" (+2.8), "glory" (+2.3), "grace" and "earnest" are VADER words; here they are names
    s = L.sentiment(art(_NAMED))
    one, two, three, four = s.sentences
    assert one.compound == 0.0 and one.drivers == ()  # mid-sentence NNPs: Anna Joy, Glory Falls
    assert [w for w, _ in two.drivers] == ["Happy", "GOOD"]  # a sentence-initial capital and all capitals still count
    assert three.drivers == () and [w for w, _ in four.drivers] == ["calm"]  # the speaker's name, even sentence-initial
    drivers = {w.lower() for t in s.sentences for w, _ in t.drivers}
    assert not drivers & {"joy", "glory", "grace", "earnest"}
    # the scores are VADER's own on the text with the names masked (letters made x, so no offset moves)
    assert one.compound == _vader_compound("The minister, Xxxx Xxx, spoke in Xxxxx Xxxxx on Xxxxxx.")
    assert four.compound == _vader_compound("Xxxxxxx added that the mood was calm.")
    assert s.headline == _vader_compound("Xxxxxxx Defends Talks")  # a name of the body, in the headline
    assert "Names are not tone" in L.Sentiment.__doc__


def test_masked_names_pass_vaders_own_check():
    from newskit.core import resources
    from newskit.language.tone import _VADER_CHECKS, _checked, _mask

    assert _mask("Earnest's ISIS-led") == "Xxxxxxx'x XXXX-xxx"
    masked = [t for t in _VADER_CHECKS if "Xxxxxxx" in t]
    assert masked and _checked(resources.vader(), _vader_pass(resources.vader()))
    for t in masked:
        assert _vader_pass(resources.vader())(t)[0] == resources.vader().polarity_scores(t)


def test_quoted_pieces_too_short_to_score_are_left_out():
    a = art('Head\n\nThe minister called the plan "brave" and "the best option we have had in years".\n\n'
            'Critics called it a "disaster".\n\nShe said it was "a sad and bad day for everyone".')
    s = L.sentiment(a)
    one, two, three = s.paragraphs
    assert one.compound_quoted == _vader_compound("the best option we have had in years")  # not "brave"
    assert two.compound_quoted is None and two.quoted_chars == len("disaster")  # one word: too short to score
    assert three.compound_quoted == _vader_compound("a sad and bad day for everyone")
    assert (s.quoted_n, s.reporter_n) == (2, 3) and L.tone.MIN_QUOTED_WORDS == 3
    assert s.quoted == round((one.compound_quoted + three.compound_quoted) / 2, 4)
    assert s.overall == round(sum(p.compound_all for p in s.paragraphs) / 3, 4)
    line = str(s).splitlines()[0]
    assert "overall" in line and "(mean of the compound scores of 3 paragraphs)" in line
    assert "(mean over 3 paragraphs with reporter's text)" in line
    assert "(mean over 2 paragraphs with a quote of 3+ words)" in line
    page = s._repr_html_()
    assert "mean of the compound scores of 3 paragraphs" in page and "a quote of 3+ words" in page
    assert s.to_dict()["quoted_n"] == 2


# --- hedges, loaded words, numbers -----------------------------------------------------------------


def test_seed_hedges(seed):
    h = seed.hedges()
    texts = [x.text for x in h]
    for phrase in ("As many as", "sometimes referred to", "for the most part"):
        assert phrase in texts
    assert "clearly" in [x.text for x in h.by_category("booster")]
    assert any("strongest possible" in x.text for x in h.by_category("booster"))
    assert "up to" not in texts  # "step up to the plate" is no hedge
    for x in h:
        assert seed.text[x.start:x.end] == x.text


def test_hedges_modals_and_may_the_month():
    a = art("Head\n\nIt may rain in May. Officials reportedly said it will certainly end. Up to 300 fled.")
    h = L.hedges(a)
    cats = [(x.text, x.category) for x in h]
    assert ("may", "hedge") in cats and ("May", "hedge") not in cats
    assert ("reportedly", "hedge") in cats and ("certainly", "booster") in cats
    assert ("will", "modal") in cats and ("Up to", "hedge") in cats


def test_loaded_words(seed):
    lw = L.loaded_words(seed)
    words = {x.text.lower() for x in lw}
    assert {"furious", "shock", "despicable"} <= words
    assert "earnest" not in words  # Josh Earnest is a name
    desp = next(x for x in lw if x.text == "despicable")
    assert desp.quoted and desp.category == "emotive" and desp.polarity == "negative"
    a = art("Head\n\nA very good plan and a shocking, terrible failure.")
    cats = {x.text: x.category for x in L.loaded_words(a)}
    assert cats == {"very": "intensifier", "good": "positive", "shocking": "emotive", "terrible": "negative",
                    "failure": "negative"}


def test_numbers(seed):
    q = L.numbers(seed).items[0]
    assert (q.hedge, q.text, q.value, q.hedge_kind) == ("As many as", "half a million", 500000.0, "at most")
    a = art("Head\n\nUp to 3,000 people fled in 2014. About 40% stayed; thousands of others left. "
            "More than two hundred and fifty soldiers, $5 million.")
    got = [(x.hedge, x.text, x.value, x.kind) for x in L.numbers(a)]
    assert ("Up to", "3,000", 3000.0, "quantity") in got
    assert (None, "2014", 2014.0, "year") in got
    assert ("About", "40%", 40.0, "percent") in got
    assert (None, "thousands", None, "vague") in got
    assert ("More than", "two hundred and fifty", 250.0, "quantity") in got
    assert (None, "5 million", 5e6, "money") in got
    assert next(x for x in L.numbers(a) if x.text == "3,000").noun == "people"


# --- voice -----------------------------------------------------------------------------------------


def test_seed_passives(seed):
    ps = seed.passives()
    trained = next(p for p in ps if p.verb == "trained and equipped")
    assert trained.text == "were, for the most part, trained and equipped by the Americans"
    assert trained.agent == "the Americans" and seed.text[slice(*trained.agent_span)] == "the Americans"
    accused = next(p for p in ps if p.verb == "accused")
    assert accused.text.startswith("has been accused") and accused.agent is None
    assert accused in ps.agentless() and trained in ps.with_agent()
    for p in ps:
        assert seed.text[p.start:p.end] == p.text


def test_passives_small_cases():
    a = art("Head\n\nThe bridge was destroyed by the storm. Mistakes were made. The dog barked. "
            "He got fired. She was happy.")
    got = {(p.verb, p.agent) for p in L.passives(a)}
    assert ("destroyed", "the storm") in got and ("made", None) in got and ("fired", None) in got
    assert len(got) == 3


# --- naming ----------------------------------------------------------------------------------------


def test_seed_label_groups(seed):
    labels = seed.labels()
    isis = labels.find("ISIS")
    assert isis is not None and isis.name == "ISIS" and isis.category == "armed group"
    expected = {"ISIS", "ISIL", "Islamic State of Iraq in Syria", "Islamic extremists", "extremists", "jihadist",
                "militants", "insurgency", "terrorist groups"}
    assert expected <= set(isis.texts)
    assert isis.label("ISIS").count == 3 and isis.label("extremists").count == 2
    army = labels.find("Iraq's Army")
    assert {"Iraq's Army", "government forces", "security forces", "Iraqi troops", "army forces"} <= set(army.texts)
    assert army.label("government forces").count == 2
    pm = labels.find("al-Maliki")
    assert pm.name == "Maliki" and pm.kind == "person"
    assert {"al-Maliki", "Prime Minister Maliki", "prime minister Maliki", "Prime Minister al-Maliki"} <= set(pm.texts)
    assert pm.count == 5
    assert labels.find("Josh Earnest") is None and set(labels.find("Earnest").texts) == {"spokesman Josh Earnest",
                                                                                        "Earnest"}
    assert len({id(g) for g in (isis, army, pm)}) == 3
    assert labels.find("Mosul") is None  # a place, one form: nothing to compare
    for g in labels:
        for lb in g.labels:
            assert len(lb.spans) == lb.count
            for s, e in lb.spans:
                assert seed.text[s:e].replace("\u2019", "'").split() == lb.text.split() or \
                    seed.text[s:e].lower().replace("\u2019", "'") == lb.text.lower()


def test_labels_general_rules():
    a = art("Head\n\nThe National Liberation Front (NLF) attacked. Rebels fled as Kenyan troops arrived. "
            "The rebels were beaten. Security forces said President John Smith praised the soldiers. "
            "Smith spoke later. Mr Smith smiled.")
    labels = L.labels(a)
    nlf = labels.find("NLF")
    assert set(nlf.texts) == {"National Liberation Front", "NLF"}
    forces = labels.find("Kenyan troops")
    assert {"Kenyan troops", "security forces", "soldiers"} <= set(forces.texts)
    smith = labels.find("Smith")
    assert smith.kind == "person" and smith.name == "John Smith"
    assert {"President John Smith", "Smith", "Mr Smith"} == set(smith.texts)
    rebels = labels.find("rebels")
    assert rebels.kind == "group" and rebels.label("rebels").count == 2  # "Rebels" at a sentence start folds


# --- parts of speech -------------------------------------------------------------------------------


def test_one_tagging_pass_per_article(monkeypatch):
    from newskit import sources
    from newskit.core import resources

    a = art('Head\n\nThe army was defeated by the rebels. "It is over," said Gen. Ali Hassan.\n\nTroops may return.')
    a.tags, sources.quotes(a)  # noqa: B018 - tag the article (and find its quotes) first

    def no_tagger():  # noqa: ANN202
        raise AssertionError("tagged again")

    monkeypatch.setattr(resources, "pos_tagger", no_tagger)
    assert [p.verb for p in L.passives(a)] == ["defeated"]
    L.pos_profile(a), L.labels(a), L.hedges(a), L.loaded_words(a)  # noqa: B018
    assert _tags(a)[[w.text for w in a.words].index('"')] == "``"


def test_pos_profile(seed):
    pp = L.pos_profile(seed)
    assert sum(pp.shares.values()) == pytest.approx(1)
    assert pp.counts[0][0] == "NOUN"
    furious = next(w for w in pp.adjectives if w.text == "furious")
    assert not furious.quoted and seed.text[furious.start:furious.end] == "furious"
    assert "furious" in pp.reporter_adjectives() and "despicable" not in pp.reporter_adjectives()
    assert "clearly" in [w.text for w in pp.adverbs]


# --- every result: JSON, HTML, edge cases ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Hello",
    "THE ARMY HAS BEEN ACCUSED OF ABANDONING THE CITY. ISIS MILITANTS TOOK IT.",
    "no full stops here at all\n\nand none here either",
    "Head\n\n(((( \"\"\"\" ''''",
    "Head\n\n" + '"' * 5000,
    "Head\n\n<b>bold & \"quoted\"</b> people were <i>harmed</i> by <script>x</script>.",
])
def test_edge_cases_run_and_serialise(text):
    a = art(text)
    for fn in ALL:
        r = fn(a)
        json.dumps(r.to_dict())
        html = r._repr_html_()
        assert "<script>" not in html and "<b>bold" not in html


def test_all_caps_text_is_matched_case_insensitively():
    a = art("HEAD\n\nTHE ARMY FLED. ISIS MILITANTS TOOK THE CITY.")
    assert len(L.concordance(a, "army")) == 1
    assert L.frequencies(a).as_dict()["army"] == 1
    assert L.labels(a).find("militants") is not None


def test_one_word_article():
    a = art("Hello")
    assert L.frequencies(a).as_dict() == {"hello": 1}
    assert len(L.concordance(a, "hello")) == 1
    assert L.vocabulary(a).tokens == 1
    assert len(L.labels(a)) == 0 and len(L.passives(a)) == 0


def test_seed_results_serialise_and_cache(seed):
    for fn in ALL:
        json.dumps(fn(seed).to_dict())
        assert "<table" in fn(seed)._repr_html_() or "<div" in fn(seed)._repr_html_()
    assert L.labels(seed) is L.labels(seed)
    assert L.frequencies(seed) is L.frequencies(seed)


# --- the package, the one word rules, and issue 13 -------------------------------------------------


def test_the_package_keeps_every_public_name():
    import newskit.language as lang

    assert set(lang.__all__) <= set(dir(lang))
    for name in ("frequencies", "concordance", "keyness", "labels", "passives", "hedges", "vocabulary",
                 "collocations", "numbers", "sentiment"):
        assert callable(getattr(lang, name)), name  # the function, not the module of the same name
    assert lang.TITLES and all(" " in t for t in lang.TITLES)  # one-word titles are core.words'


def test_clitics_are_the_core_definition():
    # a curly "don’t" is "don" + "’t": "’t" is a clitic (no word "t"); a straight "n't" still counts as "not"
    a = art("Head\n\nThey don\u2019t go. They don't stay.")
    f = L.frequencies(a, top=20, stopwords=True).as_dict()
    assert "t" not in f and f["not"] == 1
    assert L.frequencies(a, stopwords=True).total_words == 1 + 3 + 4  # Head; they don go; they do not stay


def test_titles_on_their_own_and_modifiers():
    a = art("Head\n\nThe former Russian minister spoke. President Ana Costa said so. Costa left. "
            "Vice President Rui Lobo came. Lobo stayed.")
    labels = L.labels(a)
    assert labels.find("former Russian") is None  # "former" alone is no title
    costa = labels.find("Costa")
    assert costa.kind == "person" and costa.name == "Ana Costa"
    lobo = labels.find("Lobo")
    assert lobo.kind == "person" and lobo.name == "Rui Lobo" and "Vice President Rui Lobo" in lobo.texts


def test_keywords_with_nothing_underused_say_none_in_one_line():
    kw = L.keywords(art("Zorblax zorblax zorblax quibble quibble."))
    assert not kw.negative
    text = str(kw)
    assert text.splitlines()[-1] == "Underused: none"
    assert "Underused: none" in kw._repr_html_() and kw._repr_html_().count("<table") <= 1


def test_sentiment_drivers_explain_a_score(seed):
    s = seed.sentiment()
    quote = next(t for t in s.sentences if "despicable" in seed.text[t.start:t.end])
    words = [w.lower() for w, _ in quote.drivers]
    assert "aggression" in words and "despicable" not in words  # VADER's lexicon lacks "despicable"
    valences = [abs(v) for _, v in quote.drivers]
    assert valences == sorted(valences, reverse=True)
    assert dict((w.lower(), v) for w, v in quote.drivers)["aggression"] < 0
    d = s.to_dict()["sentences"][quote.index]["drivers"]
    assert {"word", "valence"} == set(d[0])
    assert "words that moved it" in str(s) and "words that moved it" in s._repr_html_()
    emoticon = L.sentiment(art("Head\n\nWe lost again </3 today."))  # VADER scores the emoticon "</3"
    assert emoticon.sentences[0].drivers[0] == ("</3", -3.0)
    assert "&lt;/3" in emoticon._repr_html_() and "</3" not in emoticon._repr_html_()


def test_concordance_context_is_capped():
    a = art("Head\n\n" + "word " * 5000 + "target " + "word " * 5000)
    c = L.concordance(a, "target", width=10**9)
    assert c.width == L.MAX_WIDTH == 200
    assert len(c[0].left) == len(c[0].right) == 200
    assert len(L.concordance(a, "word", width=10**6)[0].right) == 200


def test_quote_marks_are_the_core_definition():
    a = art('Head\n\n\u201eIt is over\u201c, said Ali. \u00abNo\u00bb, said Omar.')
    tags = _tags(a)
    for w in a.words:
        if w.text in ("\u201e", "\u201c", "\u00ab", "\u00bb"):
            assert tags[w.index] == "``"
