"""newskit.structure: paragraph roles, shape, inverted pyramid, readability."""

from __future__ import annotations

import json

import pytest

import newskit
from newskit import structure as st

SEED_ROLES = ["lede", "body", "quote-led", "body", "body", "quote-led", "caption", "body", "quote-led", "quote-led",
              "subhead", "body", "body", "body", "body"]

# Hand-written articles (the project's own words).
PULL_QUOTE = (
    "Council votes to close the old library\n\n"
    "The city council voted on Monday to close the old library on Station Road, ending a century of service.\n\n"
    "\u201cWe simply cannot afford to keep the doors open any longer,\u201d said Mayor Ann Hill, who chairs the "
    "finance committee.\n\n"
    "We simply cannot afford to keep the doors open any longer\n\n"
    "Ann Hill, city mayor\n\n"
    "Residents have started a petition to save the building. The petition has 2,000 names.\n\n"
    "Read more:\n\n"
    "Library petition gathers pace in the town\n\n"
    "What the closure means for readers\n\n"
    "The council will meet again next week."
)
FURNITURE = (
    "Floods hit the valley\n\n"
    "Heavy rain flooded the valley town of Brant overnight, and hundreds of families left their homes.\n\n"
    "Volunteers carry sandbags along the river bank\n\n"
    "The river rose two metres in six hours. Officials in Brant said the water was falling by Tuesday morning.\n\n"
    "A rescue boat on the high street.\n\n"
    "A rescue boat on the high street. Photograph: Jo Bloggs/Agency\n\n"
    "Facebook Twitter Pinterest\n\n"
    "What Happens Next\n\n"
    "Engineers will inspect the bridges this week."
)
NO_STOPS = "Shopping list\n\nmilk and eggs from the shop on the corner\n\nbread from the bakery in town\n\napples and pears"
ALL_CAPS = ("STORM HITS COAST\n\nA STORM HIT THE COAST ON MONDAY. HOMES WERE DAMAGED AND ROADS CLOSED.\n\n"
            "THE DAMAGE\n\nOFFICIALS SAID REPAIRS WOULD TAKE WEEKS. SCHOOLS WILL REOPEN NEXT WEEK.")
NO_QUOTES = ("Prices rise again\n\nPrices in the shops rose again in March, the statistics office said on Wednesday.\n\n"
             "Food and fuel costs led the rise. Economists expect the bank to raise rates in 2025.")


def roles_of(art: newskit.Article) -> list[str]:
    return [r.role for r in st.paragraph_roles(art)]


# --- 1. roles ---------------------------------------------------------------------------------


def test_seed_roles(seed):
    roles = st.paragraph_roles(seed)
    assert [r.role for r in roles] == SEED_ROLES
    assert roles[6].role == "caption" and roles[10].role == "subhead"
    assert [r.number for r in roles] == list(range(1, 16))
    assert all(r.reason for r in roles)


def test_role_spans_point_into_text(seed):
    for r, p in zip(st.paragraph_roles(seed), seed.paragraphs, strict=True):
        assert (r.index, r.start, r.end) == (p.index, p.start, p.end)
        assert seed.text[r.start:r.end] == p.text


def test_pull_quote_attribution_and_related_links():
    art = newskit.from_text(PULL_QUOTE)
    assert roles_of(art) == ["lede", "quote-led", "pull-quote", "pull-quote", "body", "related", "related", "related",
                             "body"]
    reasons = [r.reason for r in st.paragraph_roles(art)]
    assert "repeats words quoted" in reasons[2]
    assert "attribution line" in reasons[3]


def test_captions_share_buttons_and_title_case_subhead():
    art = newskit.from_text(FURNITURE)
    assert roles_of(art) == ["lede", "caption", "body", "caption", "caption", "related", "subhead", "body"]
    reasons = [r.reason for r in st.paragraph_roles(art)]
    assert "repeats the start of the caption ¶5" in reasons[3]
    assert "credit" in reasons[4]
    assert "share buttons" in reasons[5]


def test_unpunctuated_line_before_an_attribution_is_a_pull_quote():
    text = ("Title\n\nThe report came out on Monday and it was long.\n\nA short line that nobody quoted at all\n\n"
            "Jane Roe, analyst\n\nThe debate went on for hours after that.")
    assert roles_of(newskit.from_text(text))[1:3] == ["pull-quote", "pull-quote"]


def test_related_headline_style_and_read_more_after_title():
    text = ("Title\n\nThe vote went ahead on Monday and the result was close.\n\n"
            "Minister: the vote shows voters are angry\n\nThe count took six hours to finish.\n\n"
            "Voters queue for hours in the rain across the region\n\nRead more\n\nThe count ended late at night.")
    assert roles_of(newskit.from_text(text)) == ["lede", "related", "body", "related", "related", "body"]


def test_quote_led_single_quotes_but_not_elisions():
    text = ("Title\n\nThe mayor spoke on Monday.\n\n\u2018We will win,\u2019 she said.\n\n"
            "'Tis the season, the shops said.\n\n'Nobody knows,' he said.")
    assert roles_of(newskit.from_text(text)) == ["lede", "quote-led", "body", "quote-led"]


def test_first_paragraph_opening_with_a_quote_is_the_lede():
    art = newskit.from_text("Title\n\n\u201cWe are ready,\u201d the coach said on Friday.\n\nThe match starts at noon.")
    roles = st.paragraph_roles(art)
    assert roles[0].role == "lede" and "opens with a quote" in roles[0].reason


def test_article_without_full_stops_has_no_furniture():
    assert roles_of(newskit.from_text(NO_STOPS)) == ["lede", "body", "body"]


def test_one_word_article():
    art = newskit.from_text("Flood")
    assert roles_of(art) == ["lede"]
    s = st.structure(art)
    assert s.headline is None and s.paragraphs[0].words == 1
    assert s.pyramid.items == () and s.pyramid.top_third_share is None
    r = st.readability(art)
    assert (r.words, r.sentences, r.syllables) == (1, 1, 1)
    assert r.flesch_reading_ease == pytest.approx(206.835 - 1.015 - 84.6)


def test_all_caps_article():
    art = newskit.from_text(ALL_CAPS)
    assert roles_of(art) == ["lede", "subhead", "body"]
    p = st.pyramid(art)
    assert p.of_kind("who") == [] and p.of_kind("where") == []  # capitals say nothing about names here
    assert [i.label for i in p.of_kind("when")] == ["ON MONDAY", "NEXT WEEK"]
    r = st.readability(art)
    assert r.words == 26 and r.sentences == 5 and r.flesch_reading_ease is not None


def test_article_with_no_quotes():
    art = newskit.from_text(NO_QUOTES)
    s = st.structure(art)
    assert roles_of(art) == ["lede", "body"]
    assert all(p.quote_share == 0.0 and p.quoted_words == 0 for p in s.paragraphs)
    assert s.quote_share == 0.0


def test_only_punctuation_gives_no_scores():
    art = newskit.from_text("Title\n\n\u2014 \u2014 \u2014")
    r = st.readability(art)
    assert r.words == 0 and r.flesch_reading_ease is None and r.smog is None
    assert r.verdict == "no words to measure"
    json.dumps(r.to_dict())
    assert st.structure(art).paragraphs[0].words == 0


# --- 2. shape ---------------------------------------------------------------------------------


def test_seed_shape(seed):
    s = st.structure(seed)
    shapes = s.paragraphs
    assert [p.role for p in shapes] == SEED_ROLES
    assert sum(p.sentences for p in shapes) == len(seed.sentences) == 24
    assert sum(p.words for p in shapes) == st.readability(seed).words == 600
    assert shapes[5].quote_share == 1.0 and shapes[9].quote_share == 1.0  # ¶6 and ¶10 are all quote
    assert shapes[3].quote_share == 0.0 and shapes[6].quote_share == 0.0
    assert 0.5 < shapes[2].quote_share < 0.8  # ¶3: the quote, then "Mahmud Nuri, a resident ... told the AFP"
    assert shapes[10].words == 3 and shapes[10].first_words == "Iraqis Fleeing Mosul"
    assert shapes[0].first_words.startswith("Iraq has been accused") and shapes[0].first_words.endswith("…")
    for p in shapes:
        assert seed.text[p.start:p.end] == seed.paragraphs[p.index].text


def test_structure_map_records(seed):
    records = st.structure_map(seed)
    assert len(records) == 15
    assert set(records[0]) >= {"index", "number", "role", "words", "sentences", "quote_share", "first_words"}
    assert records[6]["role"] == "caption" and records[10]["number"] == 11
    assert records == st.structure(seed).records()


def test_structure_fields_and_dict(seed):
    s = st.structure(seed)
    assert s.headline == seed.headline and s.headline_span == seed.headline_span
    assert s.lede is not None and s.lede.index == 0
    assert [r.index for r in s.furniture] == [6, 10]
    assert s.count("quote-led") == 4
    d = s.to_dict()
    json.dumps(d)
    assert d["role_counts"]["caption"] == 1 and d["paragraphs"][10]["reason"]
    assert d["pyramid"]["top_third"] == 5


# --- 3. pyramid -------------------------------------------------------------------------------


def test_seed_pyramid(seed):
    p = st.pyramid(seed)
    assert p.body_paragraphs == (0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 14)  # caption and subhead left out
    assert p.top_third == 5
    where = {i.label: i for i in p.of_kind("where")}
    assert where["Mosul"].first_paragraph == 1 and where["Mosul"].in_headline
    who = {i.label for i in p.of_kind("who")}
    assert {"US", "ISIS", "Josh Earnest", "Maliki"} <= who
    assert "Iraqi" not in who  # nationality adjective
    when = p.of_kind("when")
    assert [(i.label, i.first_number) for i in when] == [("in recent months", 12), ("on Tuesday", 14)]
    assert when[1].mentions == 2
    assert p.first["when"] == 11 and p.first["where"] == 1
    assert [i.scored for i in when] == [True, False]  # only the story's first "when" is scored
    assert not any(i.scored for i in p.of_kind("what"))
    assert all(i.scored for i in p.of_kind("who") + p.of_kind("where"))
    scored = [i for i in p.items if i.scored]
    assert scored == p.scored
    assert p.top_third_share == pytest.approx(sum(i.in_top_third for i in scored) / len(scored))
    assert p.top_third_share == pytest.approx(7 / 8)  # only the first "when" (¶12) comes late
    for i in p.items:
        assert 0 <= i.start < i.end <= len(seed.text)
    for i in p.of_kind("where") + p.of_kind("when"):
        assert seed.text[i.start:i.end] == i.label


def test_surname_folds_into_full_name(seed):
    earnest = next(i for i in st.pyramid(seed).of_kind("who") if i.label == "Josh Earnest")
    assert earnest.mentions == 2  # "White House spokesman Josh Earnest" ... "said Earnest"


def test_time_expressions_hand_made():
    text = ("Title\n\nThe plant closed last week, months after a fire in 2019. Workers were told on Monday.\n\n"
            "Talks have stalled in recent months. Fox News Sunday carried the story.\n\n"
            "The owners may reopen it in the past week of May 2025, two days ago said nothing.")
    labels = [i.label for i in st.pyramid(newskit.from_text(text)).of_kind("when")]
    assert labels[:4] == ["last week", "in 2019", "on Monday", "in recent months"]
    assert "Sunday" not in " ".join(labels)  # part of a programme's name
    assert "May 2025" in labels and "two days ago" in labels


def test_place_cues_and_dateline():
    text = ("Title\n\nBRANTFORD - Officials in Kelso said on Monday that Jo Marsh had resigned. "
            "Marsh left Kelso at noon.\n\nBrantford council met later. Jo Marsh did not attend the meeting in Kelso.")
    p = st.pyramid(newskit.from_text(text))
    where = {i.label.lower(): i for i in p.of_kind("where")}
    assert set(where) == {"kelso", "brantford"}  # after "in", and in the dateline
    assert where["kelso"].mentions == 3 and where["brantford"].first_paragraph == 0
    assert [i.label for i in p.of_kind("who")] == ["Jo Marsh"]


def test_pyramid_dict_and_html(seed):
    p = st.pyramid(seed)
    d = p.to_dict()
    json.dumps(d)
    assert [i["scored"] for i in d["items"]] == [i.scored for i in p.items]
    page = p._repr_html_()
    assert "Mosul" in page
    assert "first 5 of 13 paragraphs of running text" in page and "body paragraphs" not in page
    assert p.verdict.startswith("classic")


# A textbook inverted pyramid (our own words): who, what, where and when in the lede, then quotes, then
# background and outlook. Late on: a sentence opening with a capitalised common word ("Roads"), a second
# and a third time expression.
BAKERY = (
    "Fire Destroys Bakery In Village Square\n\n"
    "A fire destroyed the Corner Loaf bakery in the village of Harwell on Friday night, and owner Priya Nandi "
    "said it would take months to rebuild.\n\n"
    "\u201cThe ovens were off, so we think it started in the wiring,\u201d said Nandi, who has run the bakery "
    "for twelve years.\n\n"
    "Two crews fought the fire for three hours. Nobody was hurt, the fire service said.\n\n"
    "The bakery was rebuilt once before, after a flood ten years ago.\n\n"
    "Neighbours have started a fund to help the staff. Roads around the square will stay closed until "
    "Wednesday."
)


def test_textbook_inverted_pyramid():
    art = newskit.from_text(BAKERY)
    p = st.pyramid(art)
    labels = {(i.kind, i.label) for i in p.items}
    assert ("who", "Priya Nandi") in labels and ("where", "Harwell") in labels  # "the village of Harwell"
    assert not any(i.label.startswith("Roads") for i in p.items)  # capitalised only to open a sentence
    when = p.of_kind("when")
    assert [(i.label, i.first_number, i.scored) for i in when] == [
        ("on Friday", 1, True), ("ten years ago", 4, False), ("until Wednesday", 5, False)]
    assert p.top_third_share == 1.0 and p.verdict.startswith("classic")
    what = p.of_kind("what")[0]
    assert what.label == "fire, destroyed, bakery, village, square"  # words, not Porter stems ("destroy", "squar")
    assert "2 of 5 paragraphs of running text" in str(p)


def test_outlets_are_not_actors():
    text = ("Storm closes port\n\nA storm closed the port in the town of Kelso on Monday, officials told the BBC.\n\n"
            "\u201cThe waves were huge,\u201d harbour master Ann Lee told the BBC.\n\nShips wait offshore.")
    p = st.pyramid(newskit.from_text(text))
    assert "BBC" not in [i.label for i in p.items]
    assert [i.label for i in p.of_kind("who")] == ["Ann Lee"] and [i.label for i in p.of_kind("where")] == ["Kelso"]


def test_sentence_initial_names_need_evidence():
    text = ("Title\n\nTrump spoke first. Later the crowd heard Trump again. Roads were shut. "
            "Helen Marsh said little. Marsh left early. Heavy rain fell.")
    who = [i.label for i in st.pyramid(newskit.from_text(text)).of_kind("who")]
    assert "Trump" in who and "Helen Marsh" in who  # capitalised mid-sentence elsewhere; a multiword name
    assert not {"Roads", "Heavy", "Later"} & set(who)


# --- 4. readability -----------------------------------------------------------------------------


def test_seed_readability_close_to_textstat(seed):
    r = st.readability(seed)
    assert abs(r.flesch_reading_ease - 39.1) <= 5  # textstat's figures for the seed body
    assert abs(r.flesch_kincaid_grade - 14.3) <= 1.0
    assert r.sentences == 24 and r.words == 600
    assert r.reading_time_minutes == pytest.approx(600 / 238)
    assert r.verdict == "difficult: college level"
    assert r.complex_words <= r.polysyllables
    assert 10 < r.gunning_fog < 20 and 10 < r.smog < 20 and 8 < r.coleman_liau < 16


def test_readability_formulas_on_a_tiny_text():
    art = newskit.from_text("Title\n\nThe cat sat. The dog ran.")
    r = st.readability(art)
    assert (r.words, r.sentences, r.syllables) == (6, 2, 6)
    assert r.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 3 - 84.6)
    assert r.flesch_kincaid_grade == pytest.approx(0.39 * 3 + 11.8 - 15.59)
    assert r.verdict == "too short to score reliably (under 100 words)"  # the numbers are kept, not read


def test_verdict_needs_a_hundred_words():
    sentence = "The cat sat on the mat. "
    short = st.readability(newskit.from_text("Title\n\n" + sentence * 16))  # 96 words
    long = st.readability(newskit.from_text("Title\n\n" + sentence * 17))  # 102 words
    assert short.words == 96 and short.verdict.startswith("too short") and short.flesch_reading_ease > 90
    assert long.words == 102 and long.verdict.startswith("very easy")
    assert "too short" in str(short) and "96 words, 16 sentences" in short._repr_html_()


def test_readability_plurals():
    r = st.readability(newskit.from_text("Title\n\nGo."))
    assert "1 word, 1 sentence, 1 syllable" in str(r) and "1 word, 1 sentence" in r._repr_html_()
    assert "sentences" not in str(r)


def test_contractions_count_as_one_word():
    r = st.readability(newskit.from_text("Title\n\nThey didn't go. It's late."))
    assert r.words == 5 and r.syllables == 6  # did-n't has two syllables


@pytest.mark.parametrize(("word", "n"), [
    ("government", 3), ("the", 1), ("al-Maliki", 4), ("BBC", 3), ("2014", 4), ("...", 0),
    ("blorptastic", 3), ("zlorked", 1), ("flumes", 1), ("strangle", 2),
])
def test_count_syllables(word, n):
    assert st.count_syllables(word) == n


def test_verdict_bands():
    from newskit.structure.readability import _verdict

    assert _verdict(95) == "very easy: 5th grade (age 10-11)"
    assert _verdict(65).startswith("plain English")
    assert _verdict(10) == "very difficult: college graduate level"


def test_readability_dict_and_html(seed):
    r = st.readability(seed)
    d = r.to_dict()
    json.dumps(d)
    assert d["words"] == 600 and d["verdict"] == r.verdict
    assert "Flesch reading ease" in r._repr_html_()


def test_results_print_as_plain_text(seed):
    s, r = st.structure(seed), st.readability(seed)
    for result in (s, r, s.pyramid):
        text = str(result)
        assert not text.startswith(type(result).__name__ + "(")  # not the dataclass repr
        assert repr(result).startswith(type(result).__name__ + "(")
        assert "<" not in text
    lines = str(s).splitlines()
    assert lines[0] == f"Headline: {seed.headline}"
    assert lines[1].startswith("Structure: 15 paragraphs (1 lede, 8 body, 4 quote-led, 1 caption, 1 subhead)")
    assert lines[3].split()[:3] == ["¶1", "lede", str(s.paragraphs[0].words)] and "Inverted pyramid: classic" in str(s)
    assert str(r).startswith("Readability: difficult: college level (600 words, 24 sentences, 1010 syllables")
    assert "Flesch reading ease   39.1" in str(r)


def test_structure_shows_the_rule_behind_each_role():
    from newskit.core.fmt import esc

    art = newskit.from_text("Storm Hits Town\n\nA storm hit the town of Eastham on Friday, the council said.\n\n"
                            "\u201cWe lost the roof,\u201d said a baker.\n\nRepairs begin on Monday.")
    s = st.structure(art)
    reasons = [p.reason for p in s.paragraphs]
    assert all(reasons) and "opens with a quote mark" in reasons
    text = str(s)
    assert "rule that decided the role" in text
    for p in s.paragraphs:
        row = next(line for line in text.splitlines() if line.startswith(f"¶{p.number} "))
        assert row.rstrip().endswith(p.reason)
    page = s._repr_html_()
    assert "rule that decided the role" in page
    assert all(f">{esc(r)}<" in page for r in reasons)


def test_headline_topic_shows_words_not_stems(seed):
    what = st.pyramid(seed).of_kind("what")[0]
    words = what.label.split(", ")
    assert words[:5] == ["Iraq", "army", "abandoned", "Mosul", "ISIS"]  # headline order, the body's own forms
    assert not {"armi", "isi", "cloth", "chang", "abandon"} & set(words)


# --- API, caching, safety -----------------------------------------------------------------------


def test_cached_per_article(seed):
    assert st.structure(seed) is st.structure(seed)
    assert st.readability(seed) is st.readability(seed)
    assert st.pyramid(seed) is st.structure(seed).pyramid
    first, again = st.paragraph_roles(seed), st.paragraph_roles(seed)
    assert first == again and first is not again  # a fresh list: callers may change it safely
    other = newskit.sample()
    assert st.structure(other) is not st.structure(seed)
    assert st.structure(other) == st.structure(seed)


def test_article_verbs(seed):
    assert seed.structure() is st.structure(seed)
    assert seed.readability() is st.readability(seed)


def test_not_an_article():
    with pytest.raises(TypeError, match="Article"):
        st.structure("some text")  # type: ignore[arg-type]


def test_html_escapes_article_text():
    art = newskit.from_text("A <b>bold</b> title\n\nThe <script>alert(1)</script> tag was found in Paris on Friday.")
    page = st.structure(art)._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>bold" not in page


def test_runs_of_quote_marks_are_handled():
    art = newskit.from_text("Title\n\n" + "\u201c" * 2_000 + " end.\n\n" + '"' * 1_000)
    s = st.structure(art)
    assert len(s.paragraphs) == 2
    st.readability(art)


def test_structure_tags_the_article_once(monkeypatch):
    from newskit import sources
    from newskit.core import resources

    a = newskit.from_text("Head\n\nPraising Tillerson, the mayor spoke on Tuesday in Mosul.\n\nA Short Subhead Here\n\n"
                          "Officials in Mosul said the city was calm. Heavy rain fell in Mosul on Tuesday.")
    a.tags, sources.quotes(a)  # noqa: B018 - tag the article (and find its quotes) first

    def no_tagger():  # noqa: ANN202
        raise AssertionError("tagged again")

    monkeypatch.setattr(resources, "pos_tagger", no_tagger)
    s = st.structure(a)
    assert s.roles[1].role == "subhead"
    assert "Mosul" in [i.label for i in s.pyramid.of_kind("where")]


# --- the package: one module per concern, core word rules, widget hooks ---------------------------


def test_package_names_are_the_functions():
    import types

    for name in ("structure", "paragraph_roles", "pyramid", "readability", "structure_map", "count_syllables"):
        assert isinstance(getattr(st, name), types.FunctionType), name  # not the submodule of the same name
    assert set(st.__all__) <= set(dir(st))
    assert st.BODY_ROLES == {"lede", "body", "quote-led"} and st.ROLES[0] == "lede"


def test_no_private_copies_of_core_rules():
    from pathlib import Path

    package = Path(st.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(package.glob("*.py")))
    for copy in ("_CLITICS", "_QUOTE_CHARS", "_OPEN_QUOTES", "_TITLES =", "_ROLE_COLOURS", "_plural", "_text_table",
                 "import html"):
        assert copy not in source, copy
    assert source.count("sources.quotes(") == 1  # one "is this token quoted" helper: base.quoted_flags


def test_titles_before_names_come_from_core_words():
    from newskit.core.words import PERSON_TITLES

    text = "Title\n\nPresident Ann Hill met Leader Bo Reed in Kelso. Later, Ann Hill and Bo Reed left Kelso."
    who = [i.label for i in st.pyramid(newskit.from_text(text)).of_kind("who")]
    assert "Ann Hill" in who  # "President" is a title (core.words.is_title), stripped
    assert "Leader Bo Reed" in who  # the named exception: kept as part of the name, as before the move
    assert st.TITLES_KEPT_IN_NAMES <= PERSON_TITLES and "leader" in st.TITLES_KEPT_IN_NAMES


def test_shape_carries_the_reason_and_the_quote_share(seed):
    s = st.structure(seed)
    for r, p in zip(s.roles, s.paragraphs, strict=True):
        assert (p.index, p.role, p.reason) == (r.index, r.role, r.reason) and r.reason
        assert 0.0 <= p.quote_share <= 1.0
    assert s.records()[6]["reason"] == s.roles[6].reason == s.to_dict()["paragraphs"][6]["reason"]


def test_role_colours_come_from_the_palette(seed):
    from newskit.core.palette import ROLE_COLOURS

    page = st.structure(seed)._repr_html_()
    for role in ("lede", "body", "quote-led", "caption", "subhead"):
        assert f"color:{ROLE_COLOURS[role]}" in page, role
    assert "title='first paragraph of running text'" in page  # the rule shows on hover


def test_pyramid_rows_say_what_was_found_and_where(seed):
    from newskit.core.fmt import esc

    p = st.pyramid(seed)
    what = p.of_kind("what")[0]
    assert what.matched == ("army", "abandoned", "Mosul", "changed", "clothes", "weapons")
    assert what.description == ("what: the headline's key words 'army', 'abandoned', 'Mosul', 'changed', 'clothes', "
                                "'weapons' (6 of 8) first appear together in ¶3")
    mosul = next(i for i in p.of_kind("where") if i.label == "Mosul")
    assert mosul.description == f"where: the place 'Mosul' is first named in ¶2 ({mosul.mentions} mentions)"
    when = p.of_kind("when")
    assert when[0].description == "when: the story's first time, 'in recent months', comes in ¶12"
    assert when[1].description.endswith("not scored")
    earnest = next(i for i in p.of_kind("who") if i.label == "Josh Earnest")
    assert earnest.description == "who: the main actor 'Josh Earnest' is first named in ¶5 (2 mentions)"
    text, page = str(p), p._repr_html_()
    for item in p.items:
        assert item.description in text and esc(item.description) in page


def test_include_furniture(seed):
    base, body = st.readability(seed), st.readability(seed, include_furniture=False)
    assert base is st.readability(seed, include_furniture=True) and base.include_furniture  # the default: every paragraph
    assert body is st.readability(seed, include_furniture=False) and not body.include_furniture
    shapes = st.structure(seed).paragraphs
    assert body.words == 600 - shapes[6].words - shapes[10].words == 580  # the caption and the subhead left out
    assert body.sentences == 22 and "furniture left out" in str(body) and "furniture" not in str(base)
    p, every = st.pyramid(seed), st.pyramid(seed, include_furniture=True)
    assert p is st.pyramid(seed, include_furniture=False) is st.structure(seed).pyramid  # the default: running text
    assert every.body_paragraphs == tuple(range(15)) and every.include_furniture and not p.include_furniture
    assert every.top_third == 5 and "furniture counted as running text" in str(every)


def test_readability_without_furniture_reads_only_the_running_text():
    art = newskit.from_text(FURNITURE)
    kept = [p.text for p, r in zip(art.paragraphs, st.paragraph_roles(art), strict=True) if r.is_body]
    bare = newskit.from_text("Floods hit the valley\n\n" + "\n\n".join(kept))
    assert st.readability(art, include_furniture=False).to_dict() == st.readability(bare).to_dict()
    assert st.readability(art).words > st.readability(bare).words
