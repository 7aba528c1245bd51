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
writes emphasizes emphasises reiterates discloses testifies yelled whispered texted read reads
""".split())


#: Verbs that only introduce speech when a quote follows (a fragment such as calls it "a hoax").
WEAK_VERBS = frozenset("""described describes describing called calls calling accused accuses accusing criticised
criticized attacked branded brands labelled labeled dubbed hailed praised rejected denied denies blamed blames pressured chanted
chanting referred refers mocked slammed read reads""".split())


#: Weak verbs that are a manner of speaking (VerbNet's manner_speaking-37.3) or of a text's wording: never reported
#: speech on their own ("protesters chanted slogans", "she read the report"), but they attribute a quote right
#: beside them ('"No more cuts!" the crowd chanted', '"We stand with Ukraine," the statement read').
MANNER_VERBS = frozenset({"chanted", "chants", "read", "reads"})


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
library museum tours coalition alliance society caucus
nation nations""".split())  # (a First Nation, the United Nations: never a person's name)


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


#: Capitalised words that open a sentence or a clause but never a name: dropped from the front of a run of
#: capitalised words ("After Kody died", "For Megda Belkacemi, ...", "Yet Canada"), with the words of
#: :data:`NOT_PERSON` that open clauses ("When", "Since") and a leading "-ing" word ("Praising Tillerson, ...").
NAME_OPENERS = frozenset("""for yet but and or if because unless until without from by with as at in on of to
after before since during when while although though meanwhile instead however also still then now so according
asked speaking like unlike despite including both either neither""".split())


#: Prepositions of place: a name right after one ("the death was in Nova Scotia") is a place unless the article
#: shows otherwise (the name is quoted, or has a title or a role noun somewhere), so it is never "she".
LOCATIVE = frozenset("in at near across outside inside into throughout toward towards around within".split())


#: Things that can "say" something in an article but are not people ("the letter says").
INANIMATE = frozenset("""letter report statement book study request warrant survey document poll email memo website
paper article law bill data figures research analysis review filing complaint lawsuit ruling decision order
announcement release notice tweet video advertisement editorial post message sign placard""".split())


#: Nouns for people, beyond the category words: an unnamed source with one of these heads is a person.
PERSON_NOUNS = frozenset("""man woman men women person people source sources aide aides adviser advisers advisor
friend friends member members officer officers worker workers resident residents witness witnesses spokesman
spokeswoman spokesperson official officials lawyer attorney analyst expert critic critics supporter supporters
colleague colleagues neighbour neighbor relative relatives son daughter mother father wife husband brother sister
boss employee employees leader leaders protester protesters activist activists doctor nurse teacher student
students fan fans voter voters insider insiders diplomat diplomats observer observers co-ordinator coordinator
director producer editor writer journalist author chairman chairwoman executive founder manager head chief
speaker adviser advisor campaigner organiser organizer researcher scientist professor economist analyst
gunman shooter killer suspect attacker assailant defendant accused perpetrator offender inmate prisoner
singer songwriter musician rapper actor actress comedian dancer painter poet novelist filmmaker designer chef
staffer staffers participant participants""".split())


#: Nouns that the press puts before a name for what the person is known for, not a kind of person ("British sprint
#: hope Jason Okafor", "tennis ace Lena Ruiz", "rising star Kim Park"): they end a role before a name (the descriptor
#: a later "the sprinter" reads), but make no phrase a person's on their own ("Hope said").
EPITHETS = frozenset("hope hopes star ace prodigy legend veteran champion sensation icon great".split())


#: Nouns for a person by nation, region or party: capitalised, yet after "the" ("the Spaniard said", "the Nevada
#: Democrat added") a description of the person just named, as "the 39-year-old" is.
DEMONYMS = frozenset("""Spaniard Briton Scot Welshman Welshwoman Englishman Englishwoman Irishman Irishwoman Frenchman
Frenchwoman Dutchman Dutchwoman Dane Swede Finn Pole Czech Slovak German Italian Canadian American Australian
Brazilian Argentine Argentinian Mexican Russian Japanese Korean Indian Pakistani Nigerian Kenyan Ghanaian Egyptian
Israeli Palestinian Iranian Iraqi Syrian Afghan Turk Greek Portuguese Belgian Austrian Norwegian Croat Serb Ukrainian
Kiwi Quebecer Albertan Ontarian Manitoban Texan Californian Floridian Chicagoan Virginian Ohioan Georgian Republican
Democrat Tory Liberal Conservative Socialist""".split())


#: Role nouns that, after "the", usually refer back to the person just named ("the senator said").
ROLE_HEADS = frozenset("""minister president senator secretary chancellor governor leader mayor chairman chairwoman
developer businessman businesswoman candidate president-elect congressman congresswoman lawmaker executive director
chief founder author premier king queen pope general commander ambassador envoy mp""".split())


#: Role nouns that a description uses for a role a title or a descriptor names with another word: "Justice Ann
#: Roy" is "the judge" (judges of the higher courts are titled Justice; magistrates and recorders are judges too),
#: "Sen. Amy Poe" "the senator", "Det. Sgt. Karen Ash" "the detective" (the abbreviated titles of
#: :data:`newskit.core.words.ABBREVIATED_TITLES` and :data:`~newskit.core.words.PERSON_TITLES`, without their full
#: stop). Read by the resolver when "the <role>" names the person whose role is so described.
ROLE_EQUIVALENTS: dict[str, frozenset[str]] = {
    "judge": frozenset({"justice", "magistrate", "recorder"}),
    "senator": frozenset({"sen"}), "governor": frozenset({"gov"}), "representative": frozenset({"rep"}),
    "congressman": frozenset({"rep"}), "congresswoman": frozenset({"rep"}), "doctor": frozenset({"dr"}),
    "professor": frozenset({"prof"}), "detective": frozenset({"det"}), "sergeant": frozenset({"sgt"}),
    "constable": frozenset({"const"}), "inspector": frozenset({"insp"}), "superintendent": frozenset({"supt"}),
    "corporal": frozenset({"cpl"}), "councillor": frozenset({"coun"}), "councilor": frozenset({"coun"}),
    "alderman": frozenset({"ald"}), "ambassador": frozenset({"amb"}), "lieutenant": frozenset({"lt"}),
    "captain": frozenset({"capt"}), "colonel": frozenset({"col"}), "general": frozenset({"gen"}),
}


#: Nouns for a person that say the person's gender (singular, lower case): an unnamed "spokeswoman" is "she", a
#: "husband" is "he". What "he"/"she" reads beside first names (NLTK's names corpus) when a source has none.
NOUN_GENDER: dict[str, str] = {
    **dict.fromkeys("""woman spokeswoman chairwoman businesswoman congresswoman councilwoman policewoman sportswoman
        mother wife daughter sister grandmother granddaughter aunt niece widow girl girlfriend actress waitress
        queen princess duchess mum mom stepmother""".split(), "female"),
    **dict.fromkeys("""man spokesman chairman businessman congressman councilman policeman sportsman father husband
        son brother grandfather grandson uncle nephew widower boy boyfriend actor king prince duke dad
        stepfather""".split(), "male"),
}


#: Nouns for close family who usually share a family name: "Her husband, Gerrit," after "Lisa Vos" is Gerrit Vos.
KIN_NOUNS = frozenset("husband wife son daughter father mother brother sister stepson stepdaughter".split())


#: Words that make a role another one than its bare noun: "the deputy mayor" is not the mayor, nor is "the former
#: coach" the coach; a role phrase names someone so described only when it says the same word.
ROLE_QUALIFIERS = frozenset("deputy vice former shadow assistant acting interim associate".split())


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

#: Letters after a name that say an office, a rank at the bar or an honour ("Jeremy Hale QC", "Nathan Cullen MP",
#: "Ann Roy OBE"): no part of the name; the resolver reads them as the person's descriptor.
POST_NOMINALS = frozenset("qc kc mp mpp mla mha mna msp mep obe mbe cbe kbe dbe frs".split())


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


#: Nouns of time: a noun phrase headed by one ("that month", "two weeks", "Tuesday") says when, never who, so it
#: is skipped as a sentence's opening ("Later that month, X applied ...") and dropped from a speaker phrase's end
#: ("a notice Tuesday saying").
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec day days
week weeks weekend weekends month months year years decade decades hour hours minute minutes moment time times
morning mornings afternoon evening evenings night nights today tonight yesterday tomorrow spring summer fall
autumn winter season""".split())  # ("may" is left out: Theresa May)


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

#: An outlet by its masthead, credited after "told" or "to", "with" (an interview), or before "reported"; a
#: hyphenated masthead is whole ("the Star-Tribune").
_MASTHEAD = r"(?:" + "|".join(MASTHEADS) + r")(?:-[A-Z][\w]*)?"
MASTHEAD_PATTERN = re.compile(
    r"(?:\b(?:told|to|with|in)\s+)(?:[Tt]he\s+)?((?:[A-Z][\w&'’.-]*\s+){0,3}" + _MASTHEAD + r")\b"
    r"|\b(?:[Tt]he\s+)?((?:[A-Z][\w&'’.-]*\s+){0,3}" + _MASTHEAD + r")\s+(?:reported|reports)\b")

#: Words one of which OUTLET_PATTERN or MASTHEAD_PATTERN needs ("programme" holds "program", "news website" holds
#: "website").
OUTLET_WORDS = re.compile("news agency|newspaper|magazine|radio|television|TV|channel|program|show|website|"
                          + "|".join(MASTHEADS))


#: Category rules, tried in order: the first whose words appear in a source's role (its descriptor, and for a
#: body its name) wins, and the word that decided is kept as the source's ``category_reason``.
#:
#: The role nouns, by category: a politician holds or seeks elected office; "police or military" carries arms for
#: a state (police officers, soldiers); an official works for a government body; an expert knows the field
#: (scientists, analysts, academics, doctors, and lawyers: the documented "legal" choice files them as experts);
#: business runs or owns a company; "advocacy or NGO" campaigns for a cause; media report; sports play or coach;
#: "civilian or witness" speaks for themselves (residents, parents, fans, students, witnesses). A body's name
#: decides too: "Acme Corp" is business, "the Heart Foundation" advocacy or NGO, "the Home Office" official.
#:
#: The role is looked for anywhere in the article: a title or role noun before the name ("Prime Minister Justin
#: Trudeau", "NDP MP Nathan Cullen"), an appositive ("Erin Kim, a nurse at the clinic,"), and, for a politician, a
#: body named after them or a party word before the name ("the Trudeau government", "Liberal Justin Trudeau").
#:
#: Fallback rule (documented choice): a named person the article gives no role anywhere is presented as a private
#: individual, "civilian or witness" (reason "named, no role in the article: a private individual"), when the name
#: is surely a person's (a first name, or the article shows them speaking or titled), else "unknown"; an unnamed
#: source or body with no role word stays "unknown" or "organisation".
CATEGORY_RULES: tuple[tuple[str, frozenset[str]], ...] = (
    ("militant or armed group", frozenset("militant militants insurgent insurgents rebel rebels jihadist jihadists "
                                          "fighter fighters extremist extremists gunmen isis isil taliban "
                                          # (a gunman or shooter, armed but for no state)
                                          "gunman shooter attacker assailant "
                                          "al-shabaab al-qaeda hamas hezbollah".split())),
    ("media", frozenset("journalist reporter interviewer editor correspondent columnist newspaper broadcaster anchor host "
                        "commentator bbc cnn afp reuters".split())),
    ("politician", frozenset("mp mps senator senators congressman congresswoman democrat democrats republican "
                             "republicans tory tories labour conservative liberal candidate leader speaker "
                             "parliamentary lawmaker lawmakers legislator legislators president-elect politician "
                             "chancellor rep sen lord baroness mla mpp mlas mpps premier councillor councilor "
                             "alderman nominee campaigner-in-chief ndp mayor party prime "
                             # (abbreviated titles, core.words.ABBREVIATED_TITLES: "Coun. Maria Delgado")
                             "coun ald hon".split())),
    ("police or military", frozenset("police policeman policewoman officer officers army military soldier soldiers "
                                     "commander general sheriff constable sergeant detective inspector rcmp "
                                     "superintendent troops colonel lieutenant admiral marine marines navy "
                                     "sergeant-at-arms cpl const det insp supt sgt pvt cmdr brig spc".split())),
    ("official or government", frozenset("spokesman spokeswoman spokesperson official officials minister ministers "
                                         "secretary president government ministry department ambassador governor "
                                         "white-house administration agency director treasury cabinet adviser "
                                         "advisor diplomat envoy commissioner regulator prosecutor judge justice "
                                         "attorney-general crown coroner examiner ombudsman office council "
                                         "commission court authority bureau ministry vice-president "
                                         "king queen royal ruler staff aide aides eu un nato gov amb".split())),
    ("expert", frozenset("professor analyst analysts expert experts researcher researchers economist scientist "
                         "scientists academic lawyer statistician historian author doctor physician surgeon nurse "
                         "psychologist epidemiologist specialist strategist consultant pollster lecturer attorney "
                         "dr university institute scholar biologist engineer dietitian pharmacist "
                         "co-author fellow barrister solicitor qc kc".split())),
    ("business", frozenset("executive executives ceo cfo coo founder co-founder owner developer businessman "
                           "businesswoman entrepreneur manager investor banker retailer chairman chairwoman "
                           "shareholder shareholders employer company firm corp inc ltd plc llc bank "
                           "corporation broker realtor proprietor landlord".split())),
    ("advocacy or NGO", frozenset("activist activists advocate advocates campaigner campaigners organiser organizer "
                                  "volunteer volunteers charity foundation ngo coalition alliance union "
                                  "society".split())),
    ("sports", frozenset("coach coaches player players golfer golfers goalie goaltender defenceman defenseman "
                         "captain athlete athletes pitcher quarterback striker midfielder team "
                         "manager-coach all-star olympian sprinter sprinters swimmer swimmers cyclist cyclists "
                         "boxer boxers skater skaters gymnast gymnasts jockey jockeys".split())),
    ("civilian or witness", frozenset("resident residents witness witnesses local locals villager villagers mother "
                                      "father student students refugee refugees survivor survivors worker workers "
                                      "voter voters neighbour neighbor shopkeeper family families citizen citizens "
                                      "farmer farmers teacher teachers parent parents patient patients "
                                      "year-old customer customers fan fans victim victims daughter son wife "
                                      "husband friend friends dad mom mum partner cartoonist artist "
                                      "man woman men women supporter supporters child children "
                                      # (private people before a court)
                                      "suspect accused defendant inmate prisoner offender "
                                      "people".split())),
    ("organisation", frozenset("group organisation organization association institute board".split())),
    # (last: "chief" alone, a band's or a nation's chief, a fire chief; "chief economist" is an expert, "chief
    # executive" business, "police chief" police, all matched before)
    ("official or government", frozenset({"chief"})),
)


#: The reason given for the fallback rule of :data:`CATEGORY_RULES`.
NO_ROLE = "named, no role in the article: a private individual"


#: Company officers' titles, read as "ceo" by :func:`_category_why` (their "officer" is no police officer's).
_EXECUTIVE = re.compile(r"\bchief (?:executive|financial|operating|technology|information|marketing)(?: officer)?\b"
                        r"|\b(?:executive|finance|financial) (?:officer|director)\b")


@functools.lru_cache(maxsize=16384)
def _category_why(role: str, kind: str) -> tuple[str, str]:
    """The category of a source whose role (descriptor, and a body's name) is *role*, and the rule that decided it.

    >>> _category_why("BMO Research analyst", "named")
    ('expert', "role word 'analyst'")
    >>> _category_why("", "named")
    ('civilian or witness', 'named, no role in the article: a private individual')
    >>> _category_why("the Home Office", "organisation")
    ('official or government', "role word 'office'")
    """
    role = _EXECUTIVE.sub("ceo", role.lower()).replace("white house", "white-house")  # ("chief executive officer"
    # is business, not police; the White House is one word)
    found = [("year-old" if w.endswith("-year-old") else w) for w in re.findall(r"[a-z0-9][a-z0-9-]*", role)]
    for cat, keys in CATEGORY_RULES:
        for w in found:
            if w in keys or (w.endswith("s") and w[:-1] in keys):
                return cat, f"role word '{w}'"
    if kind == "organisation":
        return "organisation", "a body, no role word in its name"
    if kind == "named" and (not role.strip() or role.lstrip(", ").startswith(("who ", "whose "))):
        return "civilian or witness", NO_ROLE  # (a relative clause with no role word names no role either)
    return "unknown", "no role word"


def _category(descriptor: str, kind: str) -> str:
    """The first category of :data:`CATEGORY_RULES` whose words a source's descriptor holds (see :func:`_category_why`)."""
    return _category_why(descriptor, kind)[0]


#: Every word for a kind of person: :data:`PERSON_NOUNS`, :data:`ROLE_HEADS` and the category words but bodies'.
_PERSON_WORDS = PERSON_NOUNS | ROLE_HEADS | frozenset().union(*(keys for cat, keys in CATEGORY_RULES if cat != "organisation"))

#: Words of :data:`CATEGORY_RULES` that name a body, not a kind of person ("company", "party", "union"): they decide
#: a body's category but make no phrase a person's. (The older body words of the lists, "police", "government",
#: "ministry" ..., stay person words: the attribution rules were measured with them.)
BODY_WORDS = frozenset("""party ndp office council commission court authority bureau crown university institute company
firm corp inc ltd plc llc bank corporation charity foundation ngo coalition alliance union society team royal navy
marines troops al-shabaab al-qaeda hamas hezbollah""".split())

_PERSON_WORDS = _PERSON_WORDS - BODY_WORDS - {"prime"}  # ("prime minister": the minister is the person)


def _is_media(name: str) -> bool:
    """True when *name* is one of the :data:`OUTLETS`."""
    return bool(OUTLET_RE.fullmatch(name) or OUTLET_RE.fullmatch(name.removeprefix("the ")))
