"""The words the attribution rules read, as documented data: speech verbs, organisations, people, outlets, categories.

Each list is lower case unless it holds names (:data:`OUTLETS`); titles before a name are
:data:`newskit.core.words.PERSON_TITLES`, shared with every other analysis.

>>> "said" in SPEECH_VERBS, "called" in WEAK_VERBS, _category("White House spokesman", "named")
(True, True, 'official or government')
"""

from __future__ import annotations

import functools
import re

from ..core.resources import verbnet_speech_verbs

__all__ = ["SPEECH_VERBS", "WEAK_VERBS", "STRONG_VERBS", "OUTLETS", "CATEGORY_RULES"]

# ---------------------------------------------------------------------------------------------
# Speech verbs
# ---------------------------------------------------------------------------------------------

#: Verbs that introduce speech ("X said", "said X", "X told ...", "according to X").
SPEECH_VERBS = frozenset("""
said says say saying told tells tell telling added adds adding asked asks asking explained explains explaining
stated states declared declares insisted insists insisting argued argues arguing warned warns warning
claimed claims claiming wrote writes writing noted notes continued continues replied replies responded responds
demanded demands urged urges urging suggested suggests reported reports admitted admits acknowledged acknowledges
announced announces
commented comments confirmed confirms recalled recalls remarked remarks observed observes predicted predicts
promised promises complained complains conceded concedes cautioned cautions tweeted tweets posted joked jokes
agreed agrees maintained maintains concluded concludes stressed stresses emphasised emphasized reiterated
countered counters boasted boasts vowed vows pledged pledges revealed reveals disclosed testified shouted cried
described describes describing called calls calling accused accuses accusing criticised criticized attacked
branded brands labelled labeled dubbed insisted added quipped wondered questioned asserted asserts contended
contends recounted recounts explained announced thundered lamented hailed praised rejected denied denies
blamed blames pressured chanted chanting referred refers mocked slammed
""".split())


#: Verbs that only introduce speech when a quote follows (a fragment such as calls it "a hoax").
WEAK_VERBS = frozenset("""described describes describing called calls calling accused accuses accusing criticised
criticized attacked branded brands labelled labeled dubbed hailed praised rejected denied denies blamed blames pressured chanted
chanting referred refers mocked slammed""".split())


#: Verbs that introduce speech whether or not a quote follows.
STRONG_VERBS = SPEECH_VERBS - WEAK_VERBS


#: Verbs that link a person to words of theirs in marks, beyond VerbNet's classes of saying, judging and
#: characterising (:func:`newskit.core.resources.verbnet_speech_verbs`: say-37.7, manner_speaking-37.3,
#: complain-37.8, advise-37.9, characterize-29.2, judgement-33, conjecture-29.5 ...): verbs of the same
#: kind that VerbNet 2.1 lists elsewhere or not at all ("dismissed the remarks as "idle chatter"").
SAYING_ADDITIONS = frozenset("""dismiss conclude accuse label term brand promise vow deem consider tweet post
quip blurt insist pledge warn reject deny slam""".split())


#: VerbNet members too general to link a person to words in marks on their own ("taken "synergistically"",
#: "allows "in decline""): light verbs and verbs of perception that VerbNet's characterising classes list.
SAYING_EXCLUDED = frozenset("take allow show see find know view get give make have put keep leave hold".split())


@functools.lru_cache(maxsize=4096)
def is_saying_verb(word: str) -> bool:
    """True when *word* is a form of a verb of saying, judging or characterising (VerbNet's classes, the
    verbs of :data:`SPEECH_VERBS` and :data:`SAYING_ADDITIONS`), by its lemma: "assured", "dismissing", "quipped".

    >>> is_saying_verb("assured"), is_saying_verb("dismissed"), is_saying_verb("quipped"), is_saying_verb("table")
    (True, True, True, False)
    """
    w = word.lower()
    if w in SPEECH_VERBS:
        return True
    if not w.isalpha() or len(w) < 4:
        return False
    verbs = verbnet_speech_verbs()
    stems = {w, w[:-1], w[:-2], w[:-3], w[:-3] + "e", w[:-3] + "y", w[:-4]}
    if w.endswith("ied"):
        stems.add(w[:-3] + "y")
    stems = {x for x in stems if len(x) >= 3}
    if stems & SAYING_EXCLUDED or w in {"taken", "shown", "seen", "known", "given", "made", "kept", "left", "held"}:
        return False
    return any(x in verbs or x in SAYING_ADDITIONS for x in stems)


# ---------------------------------------------------------------------------------------------
# Who speaks: organisations, people, things
# ---------------------------------------------------------------------------------------------

#: Words that make a capitalised phrase an organisation ("the Home Office", "Acme Inc", "the BBC"), lower case.
ORG_WORDS = frozenset("""office ministry department party council commission committee association institute
university agency police army navy bank group union federation corporation inc ltd plc company firm board
court parliament congress senate government administration campaign team service services foundation trust
industry authority organisation organization club league network press times post journal news bureau fbi cia
nsa bbc bpi un nato eu labour conservatives tories democrats republicans research institution capital partners
associates labs media systems technologies solutions consulting holdings
school college academy hospital clinic centre center resort resorts hotel church mosque hall arena stadium airport
library museum tours""".split())


#: Places that stand for a government body ("Downing Street said").
ORG_NAMES = frozenset({"downing street", "white house", "kremlin", "pentagon", "whitehall", "number 10", "no 10",
                        "state department", "home office", "foreign office", "treasury"})


#: Capitalised words that rarely belong to a person's name (places, bodies, days, sentence openers).
NOT_PERSON = frozenset("""united states kingdom new york north south east west street city county republic union house
senate congress committee department american british iraqi russian chinese democratic republican party middle
washington london america europe european african asian national international federal monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september october november december
meanwhile instead similarly however also still then now so although while when after before since during according
asked speaking last next this that these those one two the a an it its his her their our we they he she i mr mrs
internet web online news world state states government amendment act constitution bill court hampshire jersey
""".split())


#: Things that can "say" something in an article but are not people ("the letter says").
INANIMATE = frozenset("""letter report statement book study request warrant survey document poll email memo website
paper article law bill data figures research analysis review filing complaint lawsuit ruling decision order
announcement release""".split())


#: Nouns for people, beyond the category words: an unnamed source with one of these heads is a person.
PERSON_NOUNS = frozenset("""man woman men women person people source sources aide aides adviser advisers advisor
friend friends member members officer officers worker workers resident residents witness witnesses spokesman
spokeswoman spokesperson official officials lawyer attorney analyst expert critic critics supporter supporters
colleague colleagues neighbour neighbor relative relatives son daughter mother father wife husband brother sister
boss employee employees leader leaders protester protesters activist activists doctor nurse teacher student
students fan fans voter voters insider insiders diplomat diplomats observer observers co-ordinator coordinator
director producer editor writer journalist author chairman chairwoman executive founder manager head chief
speaker adviser advisor campaigner organiser organizer researcher scientist professor economist analyst""".split())


#: Role nouns that, after "the", usually refer back to the person just named ("the senator said").
ROLE_HEADS = frozenset("""minister president senator secretary chancellor governor leader mayor chairman chairwoman
developer businessman businesswoman candidate president-elect congressman congresswoman lawmaker executive director
chief founder author premier king queen pope general commander ambassador envoy mp""".split())


@functools.lru_cache(maxsize=8192)
def _is_person_noun(word: str) -> bool:
    """True when *word* names a kind of person ("resident", "minister", "analysts")."""
    w = word.lower()
    return w in _PERSON_WORDS or w.rstrip("s") in _PERSON_WORDS


#: Pronouns that can say something, and what they refer back to: a person, a group or an organisation.
PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "org", "we": "group", "i": "person"}


# ---------------------------------------------------------------------------------------------
# Reading a noun phrase: the words that end it, skip it or open it
# ---------------------------------------------------------------------------------------------

#: Words that end a speaker phrase read backwards from its verb ("... while officials said").
STOP_BACK = frozenset("""with and but while as when after before because since although though that which who
whom whose where if so yet or nor for to than then meanwhile however also whereas even""".split())


#: Determiners and numbers: a phrase opening with one of them names no one in particular.
DETERMINERS = frozenset("the a an his her its their our one two three four five several many some most all both "
                         "this these those another other".split())


#: Determiners and possessives: a speech verb after one of them is a noun ("the claims", "his warning").
DET_POSS = DETERMINERS | {"his", "her", "its", "their"}


#: Adverbs and auxiliaries skipped between a speaker and the verb ("X also said", "X has said").
ADVERBS = frozenset("""also later then previously recently quickly reportedly earlier further repeatedly again
once has had have was were is are will would had been separately simply bluntly flatly publicly privately
yesterday today tonight""".split())


#: Words that open an appositive after a comma ("X, a resident, said", "said X, who ...").
APPOS_CUES = frozenset("a an the who whose his her its their one former".split())


#: Auxiliaries and negation: they end a speaker phrase read backwards.
AUX = frozenset("has had have was were is are will would could should can did do does may might must be been being "
                 "not n't".split())


#: Subject pronouns.
PRON_SUBJ = frozenset("he she they it we i".split())


#: Courtesy titles, left out of a speaker's descriptor ("Mr" describes no role).
HONORIFICS = frozenset("mr mrs ms miss".split())


#: Prepositions that end a speaker phrase read backwards unless a noun comes before them.
PP_STOP = frozenset("at in on to into with against over about under through".split())


#: Past participles that may stand in a speaker phrase as adjectives ("a retired officer").
ED_OK = frozenset("retired elected unnamed embattled respected detained veteran former united".split())


#: Nouns for something said, whose author follows "by" or "from" ("a claim by Peter Hain").
CLAIM_NOUNS = frozenset("claim claims accusation accusations remark remarks comment comments suggestion warning "
                         "charge jibe attack criticism".split())


#: Words that open an introductory phrase before a sentence's subject ("On Monday, ...", "Asked about ..., ").
INTRO = frozenset("""on in at after before during when while as since although though with without asked
speaking following despite under according eleven""".split())


#: Penn Treebank tags a subject noun phrase is made of.
NP_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "CD", "PRP$"})


#: Nouns before a word in marks that is talked about, not quoted (the word "blog", terms such as "affect").
MENTION_CUES = frozenset("term terms word words phrase phrases such like hashtag slogan label nickname".split())


# ---------------------------------------------------------------------------------------------
# Media outlets and categories
# ---------------------------------------------------------------------------------------------

#: Media outlets credited as channels ("told the BBC", "Speaking to AP", "said on Twitter").
OUTLETS = (
    "BBC Radio 4", "BBC Radio Four", "Radio 4", "Radio Four", "BBC News website", "BBC News", "BBC One", "BBC Two",
    "BBC World Service", "BBC", "AFP", "Agence France-Presse", "Associated Press", "AP", "Reuters", "CNN", "Fox News",
    "MSNBC", "NBC", "CBS", "ABC", "NPR", "PBS", "Sky News", "ITV", "Channel 4", "Al Jazeera", "Bloomberg",
    "The Guardian", "the Guardian", "The Washington Post", "the Washington Post", "Washington Post",
    "The New York Times", "the New York Times", "New York Times", "The Wall Street Journal", "the Wall Street Journal",
    "Wall Street Journal", "USA TODAY", "USA Today", "The Times", "the Times", "The Telegraph", "the Telegraph",
    "Sunday Telegraph", "The Independent", "the Independent", "Financial Times", "The Economist", "the Economist",
    "The Spectator", "the Spectator", "Politico", "Axios", "Twitter", "Facebook", "Instagram", "YouTube",
    "New York Observer", "Texas Monthly", "Le Monde", "Der Spiegel",
    "CBC News", "CBC", "CTV News", "CTV", "Global News", "The Globe and Mail", "the Globe and Mail", "Globe and Mail",
    "Toronto Star", "National Post", "The Canadian Press", "the Canadian Press", "Canadian Press", "Radio-Canada",
    "CityNews", "Postmedia", "La Presse", "Le Devoir", "Maclean's", "CNBC", "Sky", "Daily Mail", "The Sun",
    "Bloomberg News", "Reuters news agency", "NHK", "Xinhua", "Yonhap", "Kyodo",
)


# (the lookahead, implied by the names, lets the engine skip most positions without trying each name)
OUTLET_RE = re.compile(r"(?=[" + "".join(sorted({re.escape(o[0]) for o in OUTLETS})) + r"])(?<![\w-])("
                        + "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True)) + r")(?![\w-])")


#: A capitalised name before a word for a medium ("the Ottawa Citizen newspaper", "CBC's The House programme").
OUTLET_PATTERN = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w&'’.-]*\s+){0,4}?[A-Z][\w&'’.-]*)(?:'s|’s)?\s+(?:news agency|newspaper|magazine|radio|"
    r"television|TV|channel|programme|program|show|website|news website)\b")


#: Newspaper mastheads: capitalised words ending in a masthead noun ("the Halifax Gazette", "the Daily Ledger").
MASTHEADS = ("Gazette", "Times", "Post", "Journal", "Herald", "Star", "Sun", "Tribune", "Chronicle", "Globe", "Mail",
             "Citizen", "Observer", "Telegraph", "Guardian", "Record", "Examiner", "Ledger", "Courier", "Bulletin",
             "Dispatch", "Inquirer", "Register", "Gazette-Journal", "Free Press", "Standard")

#: An outlet by its masthead, credited after "told" or "to", "with" (an interview), or before "reported".
MASTHEAD_PATTERN = re.compile(
    r"(?:\b(?:told|to|with|in)\s+)(?:[Tt]he\s+)?((?:[A-Z][\w&'’.-]*\s+){0,3}(?:" + "|".join(MASTHEADS) + r"))\b"
    r"|\b(?:[Tt]he\s+)?((?:[A-Z][\w&'’.-]*\s+){0,3}(?:" + "|".join(MASTHEADS) + r"))\s+(?:reported|reports)\b")

#: Words one of which OUTLET_PATTERN or MASTHEAD_PATTERN needs ("programme" holds "program", "news website" holds
#: "website").
OUTLET_WORDS = re.compile("news agency|newspaper|magazine|radio|television|TV|channel|program|show|website|"
                          + "|".join(MASTHEADS))


#: Category rules, tried in order: the first whose words appear in a source's name or descriptor wins.
CATEGORY_RULES: tuple[tuple[str, frozenset[str]], ...] = (
    ("militant or armed group", frozenset("militant militants insurgent insurgents rebel rebels jihadist jihadists "
                                          "fighter fighters extremist extremists gunmen isis isil taliban".split())),
    ("media", frozenset("journalist reporter editor correspondent columnist newspaper broadcaster "
                        "bbc cnn afp reuters".split())),
    ("politician", frozenset("mp mps senator senators congressman congresswoman democrat democrats republican "
                             "republicans tory tories labour conservative liberal candidate leader speaker "
                             "parliamentary lawmaker lawmakers legislator legislators president-elect politician "
                             "chancellor rep sen lord baroness mla mpp mlas mpps premier councillor councilor "
                             "alderman nominee campaigner-in-chief".split())),
    ("official or government", frozenset("spokesman spokeswoman spokesperson official officials minister ministers "
                                         "secretary president government ministry department police army military "
                                         "officer officers commander general ambassador governor mayor white house "
                                         "administration agency director treasury cabinet adviser advisor "
                                         "diplomat sheriff constable sergeant detective inspector soldier "
                                         "commissioner regulator prosecutor judge justice attorney-general rcmp "
                                         "superintendent".split())),
    ("expert", frozenset("professor analyst analysts expert experts researcher researchers economist scientist "
                         "scientists academic lawyer statistician historian author doctor physician surgeon nurse "
                         "psychologist epidemiologist specialist strategist consultant pollster lecturer "
                         "attorney".split())),
    ("business", frozenset("executive executives ceo cfo founder co-founder owner developer businessman "
                           "businesswoman entrepreneur manager investor banker retailer chairman chairwoman "
                           "shareholder shareholders employer".split())),
    ("advocacy or NGO", frozenset("activist activists advocate advocates campaigner campaigners organiser organizer "
                                  "volunteer volunteers".split())),
    ("civilian or witness", frozenset("resident residents witness witnesses local locals villager villagers mother "
                                      "father student students refugee refugees survivor survivors worker workers "
                                      "voter voters neighbour neighbor shopkeeper family families citizen citizens "
                                      "farmer farmers teacher teachers parent parents patient patients "
                                      "year-old customer customers fan fans victim victims daughter son wife "
                                      "husband friend friends "
                                      "people".split())),
    ("organisation", frozenset("company firm group charity organisation organization association union "
                               "institute foundation board".split())),
)


#: Every word for a kind of person: :data:`PERSON_NOUNS`, :data:`ROLE_HEADS` and the category words but bodies'.
_PERSON_WORDS = PERSON_NOUNS | ROLE_HEADS | frozenset().union(*(keys for cat, keys in CATEGORY_RULES if cat != "organisation"))


def _category(descriptor: str, kind: str) -> str:
    """The first category of :data:`CATEGORY_RULES` whose words a source's descriptor holds."""
    words = set(re.findall(r"[a-z][a-z-]*", descriptor.lower()))
    words |= {w[:-1] for w in words if w.endswith("s")}  # "leaders" -> "leader"
    for cat, keys in CATEGORY_RULES:
        if words & keys:
            return cat
    return "organisation" if kind == "organisation" else "unknown"


def _is_media(name: str) -> bool:
    """True when *name* is one of the :data:`OUTLETS`."""
    return bool(OUTLET_RE.fullmatch(name) or OUTLET_RE.fullmatch(name.removeprefix("the ")))
