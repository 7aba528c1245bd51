"""Finding the speaker phrase (sources.phrases, sources.tokens) in shapes of sentence that failed on unseen pages.

Made-up sentences; each case fails without the rule named in its comment.
"""

from __future__ import annotations

import pytest
from quote_speakers import speakers

from newskit.sources.phrases import _np_backward, _np_forward, _sentence_subject
from newskit.sources.tokens import _tokens


def backward(text: str, verb: str) -> tuple[list[str], list[str]]:
    toks = _tokens(text)
    return _np_backward(toks, toks.index(verb))


@pytest.mark.parametrize("text, verb, np", [
    # a party and state between commas, then an appositive: two appositives, the name before both
    ("State Sen. Ann Marlow, R-Dalby, the bill's author, called the vote", "called", ["State", "Sen.", "Ann", "Marlow"]),
    ("Rep. Tom Ochs, D-Ind., the panel's chairman, said", "said", ["Rep.", "Tom", "Ochs"]),
    # an age between commas after a one-word name
    ("Okafor, 34, said", "said", ["Okafor"]),
    # a participle or adverb aside between commas before the verb
    ("Albrecht, smiling, said", "said", ["Albrecht"]),
    ("Dunmore, visibly shaken, told", "told", ["Dunmore"]),
    # a noun with a postmodifier (an adjective that takes a complement, a participle) and its complement
    ("Three officials familiar with the talks said", "said", ["Three", "officials", "familiar", "with", "the", "talks"]),
    ("Sources close to the coach said", "said", ["Sources", "close", "to", "the", "coach"]),
    ("Tenants evicted from the tower said", "said", ["Tenants", "evicted", "from", "the", "tower"]),
    ("Workers briefed on the merger said", "said", ["Workers", "briefed", "on", "the", "merger"]),
    ("Fans arrested on Saturday said", "said", ["Fans", "arrested", "on", "Saturday"]),
    ("Tenants evicted last week said", "said", ["Tenants", "evicted", "last", "week"]),
    # some of a group, before a preposition
    ("Yet many in the league say", "say", ["many", "in", "the", "league"]),
    # (a participle that introduces a name is none: the name speaks)
    ("a charity called Open Doors said", "said", ["Open", "Doors"]),
    # a noun the speaker talks about, then the speaker, with no "that" between
    ("The board cut jobs, in a step the firm said was overdue", "said", ["the", "firm"]),
    ("a claim his lawyers said was false", "said", ["his", "lawyers"]),
    # an opening phrase of time or place with no comma, then the name
    ("On Friday Coach Ray Dunne said", "said", ["Coach", "Ray", "Dunne"]),
    ("After the match Okafor said", "said", ["Okafor"]),
    ("In the letter Ms Rowe said", "said", ["Ms", "Rowe"]),
    ("Late last month Ray Dunne said", "said", ["Ray", "Dunne"]),
    ("Last month the city's planners said", "said", ["the", "city's", "planners"]),
    # a phrase of time between the subject and its verb
    ("In a memo, Acme on Friday repeated", "repeated", ["Acme"]),
    ("the agency in 2019 said", "said", ["the", "agency"]),
    # an adverb ends the clause before a name
    ("She asked why they were not here Judge Ray Dunne said", "said", ["Judge", "Ray", "Dunne"]),
    # (a body's name after "the" stays whole)
    ("and the NHS said", "said", ["the", "NHS"]),
])
def test_np_backward(text, verb, np):
    assert backward(text, verb)[0] == np


def test_a_party_and_state_abbreviated_as_a_word_is_one_token():
    # ("D-Mo." keeps its full stop before a comma: no sentence mark inside the appositive)
    assert _tokens("Okafor, D-Mo., said") == ["Okafor", ",", "D-Mo.", ",", "said"]
    assert backward("Okafor, D-Mo., said", "said") == (["Okafor"], ["D-Mo."])


@pytest.mark.parametrize("text, subject", [
    # a wire dateline opens no subject
    ("PINE RIDGE, Ohio (AP) \u2014 Ann Marlow toured the plant", ["Ann", "Marlow"]),
    ("BRANDON \u2014 The council voted", ["The", "council"]),
    ("LONDON (Reuters) - Bo Sun resigned", ["Bo", "Sun"]),
])
def test_sentence_subject_after_a_dateline(text, subject):
    assert _sentence_subject(_tokens(text))[0] == subject


def test_sentence_subject_after_a_place_and_its_state():
    # an introductory phrase ending with a place and its state or province: the pronoun after them is the subject
    assert _sentence_subject(_tokens("At a rally in Dayton, Ohio, she said the plan was sound"))[0] == ["she"]
    assert _sentence_subject(_tokens("In a speech in Truro, N.S., he said it"))[0] == ["he"]


def test_np_forward_drops_a_postmodifier_cut_by_its_preposition():
    assert _np_forward(_tokens("said a senior aide involved in the talks."), 1)[0] == ["a", "senior", "aide"]


def test_np_forward_keeps_on_inside_a_body_name():
    toks = _tokens("according to the Institute on Water Policy.")
    assert _np_forward(toks, 2)[0] == ["the", "Institute", "on", "Water", "Policy"]
    assert _np_forward(_tokens("said the Council on Monday."), 1)[0] == ["the", "Council"]


def test_an_appositive_between_commas_holds_no_dash():
    assert backward("PINE RIDGE, Ohio (AP) \u2014 Ann Marlow toured farms, telling", "telling") == ([], [])


@pytest.mark.parametrize("text, speaker", [
    ("State Sen. Ann Marlow, R-Dalby, the bill\u2019s author, called the vote \u201ca travesty.\u201d", "Ann Marlow"),
    ("PINE RIDGE, Ohio (AP) \u2014 Ann Marlow spent the day touring farms, telling workers that she would "
     "\u201cfight for every job\u201d in the county.", "Ann Marlow"),
    # (a second clause: the sentence's subject is someone else, so only the phrase before the verb is right)
    ("Bo Sun spoke first.\n\nKim Lo left early, and Albrecht, smiling, said the plan was \u201cdead on arrival.\u201d",
     "Albrecht"),
    ("Kim Lo left early, while Tom Ochs, R-Ind., the panel\u2019s chairman, said the plan was \u201cdead.\u201d", "Tom Ochs"),
])
def test_last_quote_speaker(text, speaker):
    assert speakers(text)[-1][1] == speaker
