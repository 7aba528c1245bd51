"""Who a speaker phrase means once it has been found: made-up sentences in the shapes the resolver got wrong on
articles newskit was never tuned on. Each case is a general shape (a role, a document, a family, a body's name) and
fails without the rule its comment names.
"""

from __future__ import annotations

import pytest

import newskit
from newskit.sources.resolver import _Resolver


def speakers(text: str) -> list[tuple[str, str | None]]:
    art = newskit.from_text(text, headline="Test")
    return [(x.text, x.speaker.name if x.speaker else None) for x in newskit.quotes(art)]


def last_speaker(text: str) -> str | None:
    return speakers(text)[-1][1]


@pytest.mark.parametrize("text, speaker", [
    # a bare definite role is the person whose title or descriptor holds that role word (_by_descriptor)
    ('Judge Ann Quarry fined Dobbs at Leeds Crown Court.\n\n"He lied," Mr Tate said. The judge said she accepted that '
     'Dobbs had been "a fool" for years.', "Ann Quarry"),
    ('Harwick striker Tom Okafor won the penalty. Manager Ian Pell was angry.\n\nOkafor said he was fouled. '
     '"He clipped me," the striker told reporters.', "Tom Okafor"),
    # ... or a word for the same role (ROLE_EQUIVALENTS: judges of the higher courts are titled Justice)
    ('Court of Appeal Justice Maria Lund sent Rudd to prison.\n\n"These were people who trusted him," the judge wrote.',
     "Maria Lund"),
    # ... an abbreviated rank is a role too ("Det. Sgt.", "Sen."), the same as the word in full
    ('Det. Sgt. Karen Ashby led the inquiry. Mr Lusk, the lawyer for the families, spoke after the verdict.\n\n'
     '"They were very brave," the detective said.', "Karen Ashby"),
    ('Sen. Amy Poe voted no. Gov. Tom Rusk signed the bill anyway.\n\n"It is a bad law," the senator said.', "Amy Poe"),
    # ... and nobody when nobody has that role (a new, unnamed person; guards the rule's limit)
    ('Coach Bill Ames was pleased.\n\n"It was a great save," the goalkeeper said.', "the goalkeeper"),
    # a body's name before a noun for a person is where the person works: "she" is the spokeswoman
    ('Union leader Raymond Tull said the cuts were a disgrace.\n\nA Treasury Office spokeswoman said most posts would '
     'go through retirements. "There will be no redundancies," she said.', "A Treasury Office spokeswoman"),
    # "she" passes over a man for an unnamed woman nearly as salient (NOUN_GENDER)
    ('A Home Office spokeswoman said the plan was fair. Union leader Raymond Tull disagreed. "We will not budge," '
     'she said.', "A Home Office spokeswoman"),
    # a document whose author the article shows ("In a statement, X said") speaks for that author
    ('Dr Paul Wren, the coroner, wants answers.\n\nIn a statement, the Lakeshore Health Authority said closures are '
     '"a last resort."\n\n"We know how hard this is," the statement said.', "the Lakeshore Health Authority"),
    ('Mayor Ann Lee spoke first.\n\nThe Harbour Trust issued a statement on Monday.\n\n"We stand with the families," '
     'the statement read.', "The Harbour Trust"),
    ('Dana Voss, a researcher at Kestrel Labs, wrote in the company\u2019s blog post that the attacks were linked.\n\n'
     '"The same addresses sent both waves," the post read.', "Dana Voss"),
    # ... and a document with no author shown is the document, never the person last named
    ('Committee chairwoman Gwen Aldous said the plans were "simply not good enough."\n\n"Unless someone is put in '
     'charge, there is a real danger," the report said.', "the report"),
    # a party-and-state tag is never a name: the speaker is the spokesman
    ("A spokesman for House Speaker Dale Rusk (R-Ohio) said the House has \u201cno plans\u201d to take it up.",
     "A spokesman for House Speaker Dale Rusk"),
    # a run ending in an initialism after a word in small letters is a place or a body, never "he"
    ('Gerald MacInnes waited for weeks. He went to the hospital in Sydney because the Glace Bay ER was closed.\n\n'
     '"They were good to me there," he said.', "Gerald MacInnes"),
    # a one-word name in apposition to a noun for family is a person, of the family "her" means
    ('Lisa Mertens is undecided.\n\nHer husband, Gerrit, a retired hog farmer, was less torn. "He flew over us in his '
     'jet," he said.', "Gerrit Mertens"),
    ("Police Chief Joseph Bain spoke first.\n\nDale's father, Joseph, said his son loved the city. \u201cHe was always "
     "there,\u201d he said.", "Joseph"),
    # an age with where the person is from is the person just named, not the place
    ('Singer Ellie Darrow has won the prize for her debut album. The 23-year-old from Sunderland, who was working in a '
     'call centre, said she was "absolutely stunned" to win.', "Ellie Darrow"),
    # "the" and capitals with "of" in between name a body; a capitalised "Times" is part of a name
    ("Teachers were pleased, while the Ohio Chamber of Commerce said in a statement that it was \u201cworried about "
     "the cost\u201d of the plan.", "the Ohio Chamber of Commerce"),
    ("On Monday, the Global Times said Canada \u201cshould not expect business as usual.\u201d", "the Global Times"),
    # a body's name without its generic word is the body
    ("The contract went to Silver Creek Partners, a Reno firm.\n\nSilver Creek said in a statement that it had won "
     "the contract \u201con the merits.\u201d", "Silver Creek Partners"),
    # a family's members are told apart by first name
    ('Doris Lebrun has lived on the river for 50 years.\n\nHer son, Paul Lebrun, drove in to help. "She won\'t move," '
     'Paul said.', "Paul Lebrun"),
    # "the mayor" falls back on a full name nearly as salient, not a one-word name with no first name
    ('Mayoral candidate Doug Marsh promised a new line.\n\n"The costs are lower," Marsh said.\n\nMetrolink said it '
     'had done no study of the plan Marsh backs.\n\nOn Dec. 13, the mayor brought up the plan again. "We can cut '
     'costs," he said.', "Doug Marsh"),
    # an unnamed source named again with "the" is the same source (_by_descriptor: its own phrase has the role)
    ('Justice Minister David Lamont will decide.\n\n"It is up to the minister," a justice official said. The justice '
     'official told reporters that "more than 90 per cent" of requests succeed.', "a justice official"),
    # ... and "the spokesperson" the unnamed spokesperson who just spoke, not a named one described so earlier
    ('Lise Bourget, a spokesperson for Lakeshore Transit, said the offer was fair.\n\nThe province says it is serious. '
     'A spokesperson for the ministry said the office has provided funding.\n\n"There is no place for illegal stores," '
     'the spokesperson said in a statement.', "A spokesperson for the ministry"),
    # a family name alone is the family's member named first (the article's subject), not the longest name
    ('Megan Costa runs the campaign. Her father, Joseph Costa, was a union man.\n\n"I learned it from him," Costa said.',
     "Megan Costa"),
    # a full name in apposition to a noun for a person is a person's, so its first name alone stands for it
    ('Dana Costa works long hours. Her husband, Dev Raman, a chemistry teacher, handles the mornings.\n\n"She loves '
     'this," Dev said.', "Dev Raman"),
    # a first name the article shows alone ("Maria said") is the one full name it opens
    ('At the corner, Maria Lopez stood at an empty bus shelter.\n\nMaria said a ride would cost her $23.\n\n"It is too '
     'much," Maria said.', "Maria Lopez"),
    # a plural owner ("the United Nations\u2019") makes the phrase someone else's, not the person last named
    ('Leader Jag Singh spoke. Photo by Cole Burton.\n\nCanada is not on pace to reach the cuts that the United '
     'Nations\u2019 climate panel says are "needed to avert disaster."', "the United Nations\u2019 climate panel"),
    # a role as a sentence's subject is the person so described: the next "she"
    ('Justice Ann Roy sentenced Kostiuk on Friday.\n\nDefence lawyer Tom Platt said he would appeal. The judge '
     'ordered Kostiuk to repay the money. "It is a lot of money," she said.', "Ann Roy"),
])
def test_last_speaker(text, speaker):
    assert last_speaker(text) == speaker


def test_a_party_tag_shows_a_politician():
    art = newskit.from_text("The bill failed.\n\nAmy Poe, D-N.Y., voted no.\n\n\u201cNo way,\u201d Poe said.", headline="Test")
    (row,) = newskit.sources(art)
    assert row.source.category == "politician"


def test_family_members_keep_their_own_names():
    art = newskit.from_text("Doris Lebrun stayed. Her son, Paul Lebrun, came.", headline="Test")
    r = _Resolver(art)
    assert r._family_member(["Paul"]) == ("paul lebrun", "Paul Lebrun")
    assert r._family_member(["Lebrun"]) is None
