r"""The speaker resolver: turns a speaker phrase into a :class:`~newskit.sources.results.Source`.

Titles go to the descriptor, a surname becomes the full name used elsewhere in the article, "he"/"she"
becomes the most salient person (a speaker gains 100, a sentence's subject 80, any other mention 60,
and every sentence halves all), "the senator" the person so described, a document ("Lord Butler's
report") speaks for its author, and a phrase with no name is an unnamed source ("a resident") or an
organisation ("the Home Office").

General rules beside these, each measured on both dev sets (hand-checked and Gender Gap Tracker):

- names: a sentence opener is no part of a name ("After Kody", "Praising Tillerson"); an owner ends one
  ("McCallum's Safe Surrey council"); a run before a capitalised role is the role's modifier ("Parliamentary
  Budget Officer"); a name's first word alone is the one full name it opens ("Wang said" after "Wang Qishan");
- who is a person: a name after a preposition of place is a place ("in Nova Scotia") unless the article shows
  otherwise, and so is one it puts there twice; a full name whose own sentence goes on with "he"/"she" is a
  person's; "he" passes over a one-word name with no first name ("TransLink") for a full name nearly as salient;
  a name introduced by a relative clause ("about Alfonso Espinos, who ...") is salient like "led by X";
- offices and ranks: a title of something before a name is the descriptor ("Secretary of State Mike Pompeo" is
  Mike Pompeo); abbreviated ranks are titles ("RCMP Cpl. Jennifer Clarke",
  :data:`~newskit.core.words.ABBREVIATED_TITLES`); in a Q&A transcript "Q:" is the interviewer and "A:" the one
  interviewed: the two people the paragraphs before it show in an interview ("WKRN's Ann Lee sat down with Holt",
  :mod:`~newskit.sources.context`), else an unnamed interviewer and the most salient person;
- when, not who: a noun of time is never a speaker ("Later that month, ...", "a notice Tuesday");
- descriptions: a role as a sentence's subject ("the mayor raised it again") is the person it describes; a
  body's description ("the agency") is the last body that spoke; a lead's modified description ("A businessman
  who co-chaired the campaign said") is the person who opens a sentence in the next two paragraphs (cataphora);
- categories: :data:`~newskit.sources.lexicon.CATEGORY_RULES` on the role the article gives anywhere, each
  source keeping the rule in ``category_reason``.

Rules for articles newskit was never tuned on (issue 12; cases in ``tests/test_sources_resolver.py``):

- roles: "the judge", "the striker", "the detective" is the most salient person whose title or descriptor has that
  role word or its equivalent (:data:`~newskit.sources.lexicon.ROLE_EQUIVALENTS`: "Justice X", "Det. Sgt. X"), and
  nobody when nobody has it; "a spokesperson for the ministry", then "the spokesperson", is the same unnamed
  source; "the 23-year-old from Sunderland" is the person just named; "a Cabinet Office spokeswoman" is a person;
- gender: "he"/"she" reads the noun of an unnamed source ("spokeswoman", :data:`~newskit.sources.lexicon.NOUN_GENDER`)
  as it reads first names;
- documents: "the statement said" is whoever the article shows issuing one ("In a statement, X said", "X issued a
  report"), else the document itself, never the person last named;
- names that are none: a party-and-state tag ("R-Ohio") and a run ending in an initialism ("Glace Bay ER");
  "the Chamber of Commerce", "the Global Times" are bodies' names; "Acme said" is "Acme Corp";
- families: "Her husband, Gerrit," is a person (of the family "her" means); members of one family ("Doris
  Leblanc", "Paul Leblanc") keep their own names, the family name alone being the one named first; a first name
  the article shows alone ("Maria said") is the one full name it opens.

Round two (same measure, cases in the same file):

- gender: the article's own word ("Ms Lee", "Lee said she") outranks the first name's list; "she" is never a man
  while a woman (else a name on both lists) is still in the salience table; who spoke earlier in the sentence
  being read counts ("Lee said the deal beat what she called ..."); a one-word name with a gender or a title is a
  person, never passed over for someone of the other gender;
- names: letters after a name ("QC", "MP", :data:`~newskit.sources.lexicon.POST_NOMINALS`) go to the descriptor; an
  owner's role then a name ("Ms Dane's barrister, Claire Ostrow,") is the name; so is a name with where the person
  is from ("the grower, Dale Brinkman of Hull"); "A and B" after a preposition is one body ("a scientist at the
  National Oceanic and Atmospheric Administration"); a name before an appositive with a noun for a person is a
  person's;
- unnamed people: "the person" / "that person" is the one introduced before, by its words ("Another person close
  to the campaign"); a phrase whose head is no noun for people ("a report from the bank") is never "he";
- documents: "X said in the letter" makes "the letter said" X's.

Round three (same measure, cases in the same file):

- unnamed people: "the lawmaker" is the unnamed lawmaker introduced in this paragraph or the three before ("One
  Republican lawmaker, who ...", "A man near the back"), before any rule for roles, unless the person those rules give
  is named after that introduction; a noun in apposition to a name ("Dan Mehl, a lawmaker,") introduces nobody;
- names: an appositive giving a role, then a full name ("Another participant, student Aisha Rahman,") is the name;
- roles: an age at another time ("the now-17-year-old") is the person just named; a title of something before a
  name ends with the role ("Court of Queen's Bench Justice" is a judge); an agent noun matches the activity it is
  named after ("the sprinter" is "British sprint hope X": :func:`~newskit.sources.names._activity_words`).

>>> import newskit
>>> from newskit.sources.phrases import _Mention
>>> r = _Resolver(newskit.from_text("Head\n\nJosh Earnest spoke. Mr Earnest said so."))
>>> r.resolve(_Mention(["Mr", "Earnest"], [], "said")).name
'Josh Earnest'
>>> r.resolve(_Mention(["he"], [], "said")).name, r.resolve(_Mention(["a", "resident"], [], "said")).kind
('Josh Earnest', 'unnamed')
"""

from __future__ import annotations

import itertools
import math
import operator
import re

from ..core.resources import first_names
from ..core.text import Text
from .context import _interview_pair, _introduction
from .evidence import _SENT_ENDS, _NameEvidence
from .lexicon import (
    DEMONYMS,
    DETERMINERS,
    HONORIFICS,
    INANIMATE,
    KIN_NOUNS,
    LOCATIVE,
    NO_ROLE,
    NOT_PERSON,
    ORG_WORDS,
    POST_NOMINALS,
    PRON_SUBJ,
    PRONOUNS,
    ROLE_EQUIVALENTS,
    ROLE_HEADS,
    ROLE_QUALIFIERS,
    TIME_WORDS,
    _is_person_noun,
)
from .names import (
    _OWNER_ENDS,
    _PERSON_PART,
    _PRONOUN_GENDER,
    _TITLES,
    _activity_words,
    _first_name,
    _gender,
    _has_owner,
    _is_party_tag,
    _is_title,
    _names_a_body,
    _names_one,
    _owner_role,
    _person_part,
    _role_then_name,
    _role_words,
    _source,
    _trim_openers,
)
from .phrases import _Mention, _names_someone, _np_forward, _sentence_subject
from .results import Source
from .tokens import _PH, _SUBJECT_WINDOW, PARA_BREAK, _drop_possessive, _is_name_tok, _join, _lows, _tokens

#: Words that, with a noun of time (:data:`~newskit.sources.lexicon.TIME_WORDS`), say when: "that month", "last week".
_WHEN_WORDS = frozenset("that this last next early late later earlier same every each".split())


#: Salience a person keeps when named in the last few sentences (a speaker, three sentences on).
_RECENT = 100 * 0.5 ** 3

#: Salience below which a person leaves the table (100 halved 30 times).
_FADED = 100 * 0.5 ** 30

#: The unit of the stored scores at which they go back to unit 1 (see _Resolver.decay).
_RESCALE = 2.0 ** 900



#: Words before a document that make it the medium of what a sentence's speaker says ("in a statement", "issued a
#: report"), and the determiners that introduce it there ("a", or the speaker's own: "in its report").
_ISSUING = frozenset("in issued released published posted sent wrote".split())
_DOC_DETS = frozenset("a an its his her their".split())


#: A turn of a Q&A transcript ("Q: ...", "A: ...").
_TURN = re.compile(r"[QA]:")


#: A person's age used as a noun ("the 23-year-old"), maybe at another time than the story's ("the now-17-year-old",
#: "the then-20-year-old", "the soon-to-be-18-year-old").
_AGED = re.compile(r"(?:(?:now|then|soon-to-be)-)?\d+-year-old")


#: Nouns for a group of people that take no plural "s": "staff at two stores" are "they", never "he".
_COLLECTIVE = frozenset("staff people police crew team personnel public workforce family families".split())


class _Resolver(_NameEvidence):
    """Turns speaker phrases into :class:`Source` objects: full names, titles, pronouns, organisations."""

    def __init__(self, article: Text, body_toks: list[str] | None = None) -> None:
        """*body_toks*: the tokens of each paragraph of ``article.body`` (:func:`~newskit.sources.tokens._tokens`),
        each followed by :data:`~newskit.sources.tokens.PARA_BREAK`, when the caller has them."""
        self.article = article
        self.sources: dict[str, Source] = {}
        # salience of each person (name -> [source, score]): who "he" or "the senator" most likely is.
        # A speaker gains 100, a sentence's subject 80, any other mention 50; every sentence halves all (the scores
        # are stored scaled: see decay).
        self.salience: dict[str, list] = {}
        self._pending: dict[str, float] = {}
        self._pending_para = -1  # the paragraph of the boosts pending (see last_person_of)
        self._unit = 1.0  # scores are stored times this power of two (see decay)
        self._lowest = math.inf  # at most every stored score
        self._faded: Source | None = None
        self._tick = 0
        self.last_group: Source | None = None
        self.last_org: Source | None = None
        self._unproven: list[str] | None = None  # the last sentence's subject, a name with no proof of a person
        self.last_subject: Source | None = None  # the named person the last sentence was about (see note_subject)
        self.paragraph = 0  # the paragraph being read (set by the reader)
        self._cataphora: dict[str, Source] = {}  # a lead's description -> the person named next
        self.last_thing: Source | None = None  # the last document that spoke ("a notice"), the last resort for "it"
        self._speakers_now: list[Source] = []  # the sources resolved in the sentence being read
        self.documents: dict[str, Source] = {}  # a document's noun -> who the article shows issuing one ("in a statement")
        if body_toks is None:
            body_toks = [t for p in article.paragraphs for t in (*_tokens(p.text), PARA_BREAK)]
        self._person_runs: dict[tuple[str, ...], tuple[str | None, Source | None]] = {}  # see _person
        self._interviews: dict[int, tuple[list[str], list[str]] | None] = {}  # see _interview
        self._introductions: dict[tuple[int, str], list[str] | None] = {}  # see _introduced
        self._body_toks = body_toks
        self._para_starts: list[int] | None = None  # where each paragraph's tokens start in _body_toks (see _para_toks)
        super().__init__(body_toks)

    def _para_toks(self, i: int) -> list[str]:
        """The tokens of paragraph *i* of the body (the body's tokens are found paragraph by paragraph once)."""
        if self._para_starts is None:
            self._para_starts = [0, *(k + 1 for k, t in enumerate(self._body_toks) if t == PARA_BREAK)]
        starts = self._para_starts
        return self._body_toks[starts[i]:starts[i + 1] - 1] if 0 <= i < len(starts) - 1 else []

    @property
    def last_person(self) -> Source | None:
        """The most salient person so far."""
        if not self.salience:
            return self._faded
        return max(self.salience.values(), key=lambda v: v[1])[0]

    def last_person_of(self, gender: str | None) -> Source | None:
        """The person "he", "she" or "her statement" most likely means: the most salient one, counting who has spoken
        in the sentence being read ("Lee said the offer was what she called ..."); among the people nearly as salient
        (at least half the top score), a one-word name with no first name, no full name and no gender the article
        gives it ("TransLink", not "Mr Hale") is passed over for a full name (more likely a body than a person) that
        is not of the other gender, never when it is the only candidate.

        *gender* ("male", "female"): only when the top person is never this gender's (:meth:`gender_of`: the
        article's own word, "Ms Lee", "Lee said she", else the first name in NLTK's names corpus, "Linda" for "he")
        is someone else taken: a person nearly as salient who is only ever this gender's, else the last sentence's
        subject that nothing proved a person ("Mulder didn't hesitate"), else the most salient person named lately
        (still in the table) who is this gender's, else one whose first name is either's ("Jody"). A softer
        preference (a tie-breaker by first name) lost more speakers than it gained on the dev sets ("Jordan" and
        "Stacy" are on both lists); "she" for a name only on the male list was right there when the article said so
        ("Darian Lonechild said she ...": :attr:`genders`).
        """
        if not self.salience:
            return self._faded
        salience = self.salience.values()
        if self._pending and self._pending_para == self.paragraph:
            # (a speaker of this sentence gains salience when it ends: counted now; not after furniture, a caption
            # that ends no sentence: :attr:`_pending_para`)
            pending, unit = self._pending, self._unit
            salience = [[src, max(sc, pending.get(src.name, 0.0) * unit)] for src, sc in salience]
        ranked = sorted(salience, key=lambda v: -v[1])
        top, score = ranked[0]
        if gender is not None and self.gender_of(top) not in (gender, "either", None):
            genders = {src.name: self.gender_of(src) for src, _sc in ranked[1:]}
            alt = next((src for src, sc in ranked[1:] if sc >= score / 2 and genders[src.name] == gender), None)
            if alt is not None:
                return alt
            run = self._unproven
            if run is not None and _first_name(run[0]) in (gender, "either", None):
                # "Mulder didn't hesitate. 'It's this,' he said." after Stacy Lewis spoke: a name with no proof of a
                # person, the last sentence's subject, is a better "he" than someone whose first name says "she"
                return self._named(run, "")
            alt = next((src for src, _sc in ranked[1:] if genders[src.name] == gender), None) or next(
                (src for src, _sc in ranked[1:] if genders[src.name] == "either"), None)
            if alt is not None:
                return alt
        if top.kind != "named" or len(top.name.split()) >= 2 or _first_name(top.name) is not None or (
                self._key(top.name) in self.genders):
            return top
        return next((src for src, sc in ranked[1:] if sc >= score / 2 and len(src.name.split()) >= 2 and (
            gender is None or self.gender_of(src) in (gender, "either", None))), top)

    def gender_of(self, src: Source) -> str | None:
        """The gender a source shows: the one the article gives the name (:attr:`genders`: "Ms Lee", "Lee said she"),
        else its first name's or its noun's (:func:`~newskit.sources.names._gender`)."""
        if src.kind == "named" and src.name:
            said = self.genders.get(self._key(src.name.split()[-1]))
            if said is not None and self._key(src.name.split()[-1]) not in self.family:
                return said
        return _gender(src)

    def boost(self, src: Source | None, weight: float) -> None:
        """Note that *src* was a speaker (100), a subject (80) or named (60) in the current sentence."""
        if src is None or src.kind == "organisation":
            return
        entry = self.salience.setdefault(src.name, [src, 0.0])
        if src.descriptor or not entry[0].descriptor:
            entry[0] = src
        self._tick += 1
        self._pending_para = self.paragraph
        self._pending[src.name] = max(self._pending.get(src.name, 0.0), weight + self._tick * 1e-3)

    def decay(self) -> None:
        """End of a sentence: older salience halves; a person's role in this sentence sets it anew if higher.

        The halving is kept in a scale: each score is stored times ``self._unit`` (a power of two), which each
        sentence doubles instead of halving every score. This is exact (a power of two, far from the limits of a
        float: the unit goes back to 1 well before them), and the scores are only compared with one another or with
        :data:`_RECENT` and :data:`_FADED` scaled alike; so the table is the same as by halving, sentence by sentence.
        """
        if self._unit >= _RESCALE:  # (back to 1: exact, every stored score being at least _FADED times the unit)
            inv = 1.0 / self._unit
            for v in self.salience.values():
                v[1] *= inv
            self._lowest *= inv
            self._unit = 1.0
        unit = self._unit = self._unit * 2.0
        fade = _FADED * unit
        # a person not named for some 30 sentences leaves the table (keeps each sentence's work bounded by
        # the people named lately, not by all the article has named); the last to leave is remembered, so
        # "he" still finds someone when nobody is left. (self._lowest is at most every stored score, and scores
        # only grow while stored: when it is above the line, nobody is below, and the table is not read.)
        scanned = self._lowest < fade
        if scanned:
            faded = [name for name, v in self.salience.items() if v[1] < fade]
            for name in faded:
                if self._pending.get(name) is None:
                    self._faded = self.salience.pop(name)[0]
        lowest = self._lowest
        if self._pending:
            salience = self.salience
            for name, w in self._pending.items():
                v = salience[name]
                v[1] = max(v[1], w * unit)
                if v[1] < lowest:
                    lowest = v[1]
            self._pending.clear()
        self._lowest = min([v[1] for v in self.salience.values()], default=math.inf) if scanned else lowest

    def _by_role(self, np: list[str]) -> Source | None:
        """The person a role phrase ("the prime minister") names: one described so, else the most salient."""
        role = " ".join(t.lower() for t in np if t.lower() not in {"the", "a", "an"})
        for src, _score in sorted(self.salience.values(), key=lambda v: -v[1]):
            d = src.descriptor.lower()
            if src.kind == "named" and d and (d.endswith(role) or f"{role}," in d or not _role_words(d).isdisjoint(
                    ROLE_EQUIVALENTS.get(role, ()))) and not any(
                    w in d.split() and w not in role.split() for w in ("deputy", "vice", "former", "shadow")):
                return src
        # else the most salient named person ("the mayor" when the article says "mayoral candidate X"); a one-word
        # name with no first name ("TransLink") passed over for a full name nearly as salient, as for "he"
        named = sorted((v for v in self.salience.values() if v[0].kind == "named"), key=lambda v: -v[1])
        if not named:
            return None
        top, score = named[0]
        if len(top.name.split()) >= 2 or _first_name(top.name) is not None:
            return top
        return next((src for src, sc in named[1:] if sc >= score / 2 and len(src.name.split()) >= 2), top)

    def _by_descriptor(self, np: list[str]) -> Source | None:
        """The person a definite role that is no :data:`~newskit.sources.lexicon.ROLE_HEADS` word names again ("the
        judge", "the striker", "the rookie defenceman"): the most salient person whose role in the article (a title or
        descriptor: "Judge Ann Roy", "Northam striker Carl Mbeki", "Bo Sun, a retired farmer,"; an unnamed source's
        own phrase, "a spokesperson for the ministry") has the
        phrase's head noun, or a word for the same role (:data:`~newskit.sources.lexicon.ROLE_EQUIVALENTS`: "Justice
        Ann Roy" is "the judge"), and no qualifier the phrase lacks ("deputy", "former"); None when nobody has that
        role (the phrase may then be someone new). Only the role's own words count: those before a preposition or a
        clause ("a lawyer for the club"), and never an owner ("the victim's father" is no victim)."""
        low = [t.lower() for t in np]
        head = low[-1]
        if (low[0] != "the" or len(np) < 2 or not head.isalpha() or np[-1][:1].isupper() or not _is_person_noun(head)
                or (head.endswith("s") and not head.endswith("ss")) or head in ORG_WORDS
                or _has_owner(np)):
            return None
        words = ROLE_EQUIVALENTS.get(head, frozenset()) | {head}
        wanted = set(low[1:-1])
        for src, _score in sorted(self.salience.values(), key=lambda v: -v[1]):
            # (an unnamed source's own phrase says its role: "a spokesperson for the ministry", then "the spokesperson")
            said = src.descriptor if src.kind == "named" else src.name if src.kind == "unnamed" else ""
            role = _role_words(said) if said else frozenset()
            if not words.isdisjoint(role) and not (role - wanted) & ROLE_QUALIFIERS:
                return src
        # nobody with the role's own word: a named person described by the activity an agent noun is named after
        # ("British sprint hope Jason Okafor" is "the sprinter", "boxing champion X" "the boxer"; _activity_words)
        activity = _activity_words(head)
        for src, _score in sorted(self.salience.values(), key=lambda v: -v[1]) if activity else ():
            role = _role_words(src.descriptor) if src.kind == "named" and src.descriptor else frozenset()
            if not activity.isdisjoint(role) and not (role - wanted) & ROLE_QUALIFIERS:
                return src
        return None

    def resolve(self, m: _Mention) -> Source | None:
        """The source a speaker phrase names: the person a pronoun or role means, a full name, a body or an unnamed source.
        Each one is noted as a speaker of the sentence being read (see :meth:`_note_documents`)."""
        src = self._resolve(m)
        if src is not None:
            self._speakers_now.append(src)
        return src

    def _resolve(self, m: _Mention) -> Source | None:
        """:meth:`resolve`."""
        np = list(m.np)
        if np and np[-1].lower() in TIME_WORDS and not _names_a_body(np):
            while np and (np[-1].lower() in TIME_WORDS or np[-1].lower() in _WHEN_WORDS):
                np.pop()  # "a notice Tuesday saying": the notice
            if not np or all(t.lower() in DETERMINERS or t.lower() in _WHEN_WORDS for t in np):
                return None  # "that month arguing", "two weeks said": when, not who
        if m.appos and any(map(_is_party_tag, m.appos)):
            # "a spokesman for Speaker Dale Rourke (R-Ohio) said": a party-and-state tag is no name (nor a speaker)
            m = _Mention(m.np, [t for t in m.appos if not _is_party_tag(t)], m.verb)
        if len(m.appos) == 1 and _is_name_tok(m.appos[0]) and len(np) == 2 and np[-1].lower() in KIN_NOUNS and (
                np[0].lower() in {"his", "her", "their"} or np[0].endswith(_OWNER_ENDS)):
            kin = self._appositive_person(np, m.appos[0])  # "Her husband, Gerrit, said": Gerrit, of her family
            if kin is not None:
                self.boost(kin, 100)
                return kin
        # (the appositive may give a role before the name: "Another participant, student Aisha Rahman, said")
        if m.appos and _names_one(m.appos[_role_then_name(m.appos):]) and (
                not any(_is_name_tok(t) for t in np[1:])
                or np[0].lower() in {"the", "a", "an", "his", "her", "their", "one", "another"}  # ("One Democrat, Jon Lee,")
                or _owner_role(np)  # ("Ms Dane's barrister, Claire Ostrowski, said")
                or (len(m.appos) >= 2 and "of" in np[1:] and (np[np.index("of") - 1][:1].isupper()
                                                               or _is_person_noun(np[np.index("of") - 1])))):
            # ("Keeper of the Ruler's Seal, Syed Danial Syed Ahmad, said": a role of something, then the name)
            m = _Mention(m.appos, np, m.verb)  # "The minister, Carla Diaz, said": the name is the appositive
            np = list(m.np)
        if np in (["Q"], ["A"]):
            # a Q&A transcript ('Q: "..."', 'A: "..."'): the interviewer asks, the person interviewed answers: the two
            # people the paragraphs before it show in an interview ("X's Ann Lee sat down with Holcomb"), else an
            # unnamed interviewer and the most salient person; the interviewer gains no salience, so "he" stays the
            # one interviewed
            pair = self._interview()
            if np == ["A"]:
                return self._named(pair[1], "") if pair is not None else self.last_person
            if pair is not None and (asker := self._person(pair[0])) is not None:
                return asker
            return self.sources.setdefault("unnamed:the interviewer", _source("the interviewer", "", "unnamed", "interviewer"))
        low0 = np[0].lower()
        if "and" in np[1:-1]:
            pair = self._pair(np, m.appos)
            if pair is not None:
                return pair
        if len(np) == 1 and low0 in {"one", "another"} and self.last_group is not None:
            return self.last_group  # "Two officers told the Guardian ... One noted that ..."
        if len(np) == 1 and low0 in PRONOUNS:
            return self._pronoun(low0)
        # "a spokesman for the Oxford University Press": a person described by where they work
        prep = next((k for k in range(1, len(np)) if np[k].lower() in {"for", "of", "at", "with", "from"}), None)
        # (a capitalised noun for people opening the sentence is no name either: "Analysts at Capital Economics")
        # (an age is such a noun too: "The 23-year-old from Sunderland", the person just named, not Sunderland)
        aged = prep is not None and _AGED.fullmatch(np[prep - 1]) is not None
        if prep is not None and np[prep - 1].lower() not in {"one"} and (np[prep - 1][:1].islower() or aged or (
                prep == 1 and _is_person_noun(np[0]) and not _is_title(np[0]))):
            head = np[prep - 1].lower()
            if low0 == "the" and (prep >= 3 or aged):
                described = self._described(np[:prep])  # "the 39-year-old founder of Acme Press": the person just named
                if described is not None:
                    return described
            if not (aged or _is_person_noun(head)):
                return self._unnamed(_join(np), m.appos, group=None)  # ("take-up of video calling": nobody "he" may mean)
            return self._unnamed(_join(np), m.appos, group=head.endswith("s") and not head.endswith("ss")
                                 or head in _COLLECTIVE)
        # "Secretary of State Mike Pompeo", "Minister of Finance Bill Morneau": a title of something, then the name
        of = next((k for k in range(1, len(np) - 1) if np[k].lower() == "of"), None)
        if of is not None and (_is_title(np[of - 1]) or _is_person_noun(np[of - 1])):
            k = len(np)
            while k > of + 1 and _is_name_tok(np[k - 1]) and np[k - 1][:1].isupper() and not _is_title(np[k - 1]):
                k -= 1
            name_at = next((i for i in range(k, len(np) - 1) if _first_name(np[i])), None)
            if name_at is not None:
                m = _Mention(np[name_at:], [*np[:name_at], *([","] if m.appos else []), *m.appos], m.verb)
                np = list(m.np)
        # "Dr Ann Lee of the WHO": a person, then where they work (goes to the descriptor)
        of = next((k for k in range(1, len(np) - 1) if np[k].lower() in {"of", "at", "from", "with"}), None)
        if of is not None and low0 == "the" and all(t[:1].isupper() for t in np[1:of] + np[of + 1:]) and not any(
                _is_title(t) or _is_person_noun(t) for t in np[1:of]):
            # "the Virginia Chamber of Commerce", "the Bank of Ireland": "the" and capitals only, a body's name (but
            # "the Archbishop of Canterbury" is a person's title)
            return self._organisation(np, "")
        if of is not None and _is_name_tok(np[of - 1]) and np[of - 1][:1].isupper() and not self._is_org(np[:of]):
            np, m = np[:of], _Mention(np[:of], [*np[of:], *([","] if m.appos else []), *m.appos], m.verb)
        # a capitalised common noun opening a sentence: "Residents told the BBC ..."
        if len(np) == 1 and _is_person_noun(np[0]) and np[0][:1].isupper() and np[0].lower() not in _TITLES:
            return self._unnamed(np[0], m.appos, group=np[0].lower().endswith("s"))
        return self._resolve_phrase(np, m)

    def _interview(self) -> tuple[list[str], list[str]] | None:
        """The interviewer's and the interviewee's names in the two paragraphs nearest before a Q&A transcript that are
        no turn of it (:func:`~newskit.sources.context._interview_pair`: "WKRN's Ann Lee sat down with Holcomb")."""
        i = self.paragraph
        if i not in self._interviews:
            paras = self.article.paragraphs
            if i - 1 in self._interviews and _TURN.match(paras[i - 1].text):
                self._interviews[i] = self._interviews[i - 1]  # (the transcript goes on: read once per transcript)
            else:
                prose = [k for k in range(i - 1, max(-1, i - 13), -1) if not _TURN.match(paras[k].text)][:2]
                self._interviews[i] = _interview_pair([self._para_toks(k) for k in reversed(prose)])
        return self._interviews[i]

    def _pronoun(self, pronoun: str) -> Source | None:
        """Who "he", "they" or "it" is: the most salient person, the last group or the last organisation."""
        kind = PRONOUNS[pronoun]
        if kind == "person":
            top = self.last_person_of(_PRONOUN_GENDER.get(pronoun))
            self.boost(top, 100)
            return top
        if kind == "group":
            return self.last_group or self.last_org
        return self.last_org or self.last_group or self.last_thing  # ("a notice said ... It urged ...")

    def _unnamed(self, name: str, appos: list[str], group: bool | None) -> Source:
        """The unnamed source *name* ("Residents", "a spokesman for Acme"): a group, or a person who gains salience;
        neither when *group* is None (a phrase whose head is no noun for people)."""
        key = "unnamed:" + name.lower()
        src = self.sources.get(key) or _source(name, _join(appos), "unnamed", name)
        self.sources[key] = src
        if group:
            self.last_group = src
        elif group is not None:
            self.boost(src, 100)
        return src

    @staticmethod
    def _name_start(np: list[str]) -> tuple[list[str], int]:
        """Where the name in *np* starts ("White House spokesman Josh Earnest": at "Josh"), after dropping words
        before it that are no role ("During the interview Mr Blair"): (the phrase kept, the name's index in it)."""
        # the name is the trailing run of name tokens
        k = len(np)
        while k > 0 and _is_name_tok(np[k - 1]) and not _is_title(np[k - 1]) and (
                k == len(np) or not (np[k - 1][:1].isupper() and _is_person_noun(np[k - 1]))):
            k -= 1  # (a role noun before the name is no part of it: "CEO Matt Danison")
        # "During the interview Mr Blair said": words before a name that are not a role are not the speaker
        if k < len(np):
            k = len(np) - len(_trim_openers(np[k:]))  # "After Kody": the name is "Kody"
        t0 = k
        while t0 > 0 and _is_title(np[t0 - 1]):
            t0 -= 1
        if 0 < t0 < len(np) and k < len(np) and np[t0 - 1][:1].islower() and np[t0 - 1].lower() not in DETERMINERS and not (
                _is_person_noun(np[t0 - 1])):
            np = np[t0:]
            k -= t0
        return np, k

    def _resolve_phrase(self, np: list[str], m: _Mention) -> Source | None:
        """A phrase that is no pronoun: a named person, a document's author, a body, a role or an unnamed source."""
        if np[0].lower() == "the" and np[-1] in DEMONYMS and (described := self._described(np)) is not None:
            return described  # "The Spaniard said": the person just named (not a person called Spaniard)
        post = len(np)
        while post > 2 and np[post - 1].isupper() and np[post - 1].lower().rstrip(".") in POST_NOMINALS and _is_name_tok(
                np[post - 2]):
            post -= 1  # "Jeremy Hale QC said": letters after a name are no part of it (the descriptor keeps them)
        if post < len(np):
            np, m = np[:post], _Mention(np[:post], [*m.appos, *([","] if m.appos else []), *np[post:]], m.verb)
        np, k = self._name_start(np)
        name_toks = np[k:]
        desc_toks = [t for t in np[:k] if t.lower().rstrip(".") not in HONORIFICS]
        descriptor = _join(desc_toks + ([","] if desc_toks and m.appos else []) + m.appos) if (desc_toks or m.appos) else ""
        if name_toks and name_toks[0].lower() in {"the", "a", "an"}:
            name_toks = name_toks[1:]
        has_det = bool(desc_toks) and desc_toks[0].lower() in DETERMINERS and all(
            not t[0].isupper() or t.lower() in _TITLES for t in desc_toks[1:])
        whole = _join(np)
        # "BMO Research analyst Keith Bachman": a body's word before a role noun still describes a person
        desc_org = any(t.lower() in ORG_WORDS for t in desc_toks) and not (desc_toks and _is_person_noun(desc_toks[-1]))
        if (name_toks and not has_det and not self._is_org(name_toks) and not desc_org
                and not any(t.lower() in NOT_PERSON for t in name_toks)):
            if len(name_toks) == 1 and name_toks[0] in self.acronyms:
                return self._organisation(name_toks, "")  # "AGCO said": the body the article spelled out
            body = self.short_bodies.get(_join(name_toks)) if len(name_toks) == len(np) else None
            if body is not None and self.full_names.get(self._key(name_toks[-1]), body) in (body, _join(name_toks)):
                return self._organisation(body.split(), "")  # "Silver Basin said" after "Silver Basin Partners"
            return self._named(name_toks, descriptor)
        # "Lord Butler's report said": a document speaks for its author
        # (a document's noun in small letters: "the post read", not "the Washington Post")
        if np[-1] in INANIMATE or (len(np) > 2 and any(t.lower() in INANIMATE for t in np[:4] if not t[:1].isupper())):
            author = self._document_author(np, m)
            if author is not None:
                return author
        # (a body's name before a noun for a person is where the person works: "a Cabinet Office spokeswoman" is a
        # person, the next "she", not the Cabinet Office)
        works_at = np[-1][:1].islower() and _is_person_noun(np[-1]) and np[-1].lower() not in ORG_WORDS
        if (self._is_org(np) and not works_at) or (
                name_toks and len(name_toks) >= 1 and desc_toks[:1] and desc_toks[0].lower() == "the"
                and all(_is_name_tok(t) or t.lower() in {"of", "on", "for", "and"} for t in np[1:])):
            return self._organisation(np, descriptor if desc_toks and not has_det else "")
        lately = self._introduced(np, lately=True)  # "One Republican lawmaker, who ..." then "the lawmaker said"
        if lately is not None:
            return lately
        # "the prime minister", "the former cabinet secretary": a role, most likely the person just named
        if np[0].lower() == "the" and np[-1].lower() in ROLE_HEADS and not any(t in {"'s", "\u2019s"} for t in np):
            person = self._by_role(np)
            if person is not None:
                if not person.descriptor:
                    person = _source(person.name, whole, "named")
                    self.sources[self._key(person.name.split()[-1])] = person
                self.boost(person, 100)
                return person
        person = self._by_descriptor(np)  # "the judge said" after "Judge Ann Roy", "the spokesperson"
        if person is not None:
            self.boost(person, 100)
            return person
        described = self._described(np)
        if described is not None:
            return described
        again = self._introduced(np)
        if again is not None:
            return again
        return self._unnamed_phrase(np, m)

    def _introduced(self, np: list[str], lately: bool = False) -> Source | None:
        """An unnamed person named again by a bare noun for a person ("the person said", "that person said", which
        the phrase reader may leave as "person"): the unnamed source whose introduction in this paragraph or the three
        before it is the nearest (:func:`~newskit.sources.context._introduction`: "Another person close to the
        campaign ...", "A man near the back stood", "One Republican lawmaker, who ..."), known by those words; None
        when none introduces one.

        *lately*: asked before the rules for roles, so that "the lawmaker said" is the unnamed lawmaker introduced
        lately rather than a named person the article described as a lawmaker before: None when the person the rules
        for roles give is named again after the introduction (:meth:`_named_since`)."""
        low = [t.lower() for t in np]
        if low[0] in {"the", "that", "this"}:
            low = low[1:]
        head = low[-1] if len(low) == 1 else ""
        if not head.isalpha() or not _is_person_noun(head) or (head.endswith("s") and not head.endswith("ss")):
            return None
        for i in range(self.paragraph, max(-1, self.paragraph - 4), -1):
            if (i, head) not in self._introductions:  # (read once per paragraph and noun)
                self._introductions[i, head] = _introduction(self._para_toks(i), head)
            words = self._introductions[i, head]
            if words is not None:
                if lately and self._named_since(np, i, words):
                    return None
                return self._unnamed(_join(words), [], group=False)
        return None

    def _named_since(self, np: list[str], para: int, words: list[str]) -> bool:
        """True when the named person the rules for roles give *np* (:meth:`_by_role`, :meth:`_by_descriptor`) is named
        (by the last word of the name) after *words* introduce an unnamed one in paragraph *para*, up to the paragraph
        being read: the person named last is then the likelier one."""
        rival = self._by_role(np) if np[0].lower() == "the" and np[-1].lower() in ROLE_HEADS else self._by_descriptor(np)
        if rival is None or rival.kind != "named":
            return False
        toks = self._para_toks(para)
        at = next((x for x in range(len(toks) - len(words), -1, -1) if toks[x:x + len(words)] == words), 0)
        later = [*toks[at + len(words):], *(t for k in range(para + 1, self.paragraph + 1) for t in self._para_toks(k))]
        return rival.name.split()[-1] in {_drop_possessive(t) for t in later}

    def _described(self, np: list[str]) -> Source | None:
        """The person a definite description names again: "the 39-year-old", "the rookie defenceman", "the lanky,
        bespectacled professor" (a "the", a modifier, a singular head) is the person just named, when one was
        named in the last few sentences; a bare role ("the father") may be someone new and is left alone."""
        low = [t.lower() for t in np]
        if low[0] != "the" or len(np) < 2 or _has_owner(np):
            return None  # (not "the prime minister's spokesman", "the United Nations’ panel": someone else's)
        head = low[-1]
        # ("the 23-year-old", "the Spaniard", "the Nevada Democrat": an age or a nation or party, alone, will do)
        aged = _AGED.fullmatch(head) is not None or np[-1] in DEMONYMS
        parts = head.split("-")
        # (the plural of "sergeant-at-arms", "editor-in-chief" is on its first word; of "co-founders", on its last)
        number = parts[0] if len(parts) >= 3 and parts[1] in {"at", "in", "of"} else parts[-1]
        if not aged and (len(np) < 3 or number.endswith("s") and not number.endswith("ss") or head in INANIMATE
                         or head in ORG_WORDS or not head.replace("-", "").isalpha() or np[-1][:1].isupper()):
            return None
        # the most salient person with a full name (a one-word "person" may be a place the tagger misread)
        top, score = None, _RECENT * self._unit  # (see decay)
        for src, sc in self.salience.values():
            if sc >= score and src.kind == "named" and len(src.name.split()) >= 2:
                top, score = src, sc
        if top is not None:
            self.boost(top, 100)
        return top

    def _pair(self, np: list[str], appos: list[str]) -> Source | None:
        """Named people who speak together ("Stella's owners Tore Sohlberg and Lehla Abreder said"): one source
        (the words before the names describe them), who is then "they"; None when *np* is not two names."""
        cut = np.index("and")
        right = np[cut + 1:]
        k = cut
        while k > 0 and _is_name_tok(np[k - 1]) and np[k - 1][:1].isupper() and not _is_title(np[k - 1]):
            k -= 1
        left = np[k:cut]
        if not left or not right or not all(_is_name_tok(t) and t[:1].isupper() for t in right) or (
                any(t.lower() in {"at", "of", "for", "from", "with", "in", "on"} for t in np[:k])):
            return None  # (not "a scientist at the National Oceanic and Atmospheric Administration": one body's name)
        names = [self._named(part, "").name for part in (left, right)]
        descriptor = _join(np[:k] + ([","] if np[:k] and appos else []) + appos)
        src = _source(" and ".join(names), descriptor, "named")
        self.last_group = src
        return src

    def _organisation(self, np: list[str], descriptor: str) -> Source:
        """The body *np* names ("the Home Office"), known by its name without "the"; it becomes "it". A description
        with no name ("the agency", "the security firm") is the last body that spoke, when it has a name."""
        if len(np) >= 2 and np[0].lower() == "the" and all(t[:1].islower() for t in np[1:]) and (
                self.last_org is not None and self.last_org.name.split()[-1][:1].isupper()):
            return self.last_org
        name = _join(np)
        if (full := self.acronyms.get(name.removeprefix("the ").removeprefix("The "))) is not None:
            name = "the " + full  # "the AGCO said" after "the Alcohol and Gaming Commission of Ontario (AGCO)"
        key = "org:" + name.lower().removeprefix("the ")
        src = self.sources.get(key) or _source(name, descriptor, "organisation", name + " " + descriptor)
        self.sources[key] = src
        self.last_org = src
        return src

    def _named(self, name_toks: list[str], descriptor: str) -> Source:
        """A named person: the fullest form of the name the article uses, with the first descriptor it gets."""
        key = self._key(name_toks[-1])
        name = _join(name_toks)
        member = self._family_member(name_toks)
        if member is not None:
            key, name = member  # "Paul said" after "Doris Leblanc" and "her son, Paul Leblanc"
        elif len(name_toks) == 1 and key in self.first_words:
            key = self.first_words[key]
        if member is None and (len(name_toks) == 1 or len(self.full_names.get(key, "")) > len(name)):
            name = self.full_names.get(key, name)
        if not descriptor or descriptor.split()[0].lower() in {"who", "whose", "which"}:
            descriptor = self.descriptors.get(key, "") if len(name.split()) >= 2 or key in self.full_names else ""
        known = self.sources.get(key)
        if known is not None:
            src = known if (known.descriptor or not descriptor) else self._person_source(known.name, descriptor, key)
        else:
            src = self._person_source(name, descriptor, key)
        self.sources[key] = src
        self.boost(src, 100)
        return src

    def _person_source(self, name: str, descriptor: str, key: str) -> Source:
        """A named person's :class:`Source`. The fallback of :data:`~newskit.sources.lexicon.CATEGORY_RULES` (no role:
        a private individual) needs a sign that the name is a person's: a full name opening with a first name, or
        one the article shows speaking or titled; without one ("Nova Scotia", "Tesla") the category is "unknown"."""
        src = _source(name, descriptor, "named")
        if src.category_reason == NO_ROLE and key in self.role_evidence:
            return Source(name, descriptor, "named", "politician", f"'{self.role_evidence[key]}' in the article")
        if src.category_reason == NO_ROLE and not (len(name.split()) >= 2 and (_first_name(name) or key in self.person_keys)):
            return Source(name, descriptor, "named", "unknown", "no role in the article, and nothing shows a person")
        return src

    def _named_later(self, np: list[str], appos: list[str]) -> Source | None:
        """Cataphora: a lead that describes its speaker before naming them ("A businessman who co-chaired the campaign
        said ...", then "Carl Paladino ..."). A singular description with an article and a modifier after its head
        (a relative clause, "in golf", "of the bank": a bare "an official" stays unnamed), in the first two
        paragraphs, before anyone is named, is the first person (a full name with evidence of a person) who opens a
        sentence in the next two paragraphs, or is named right after the description's noun; else None."""
        said = self._cataphora.get(_join(np).lower())
        if said is not None:
            return said
        if self.paragraph > 1 or self._faded is not None or any(v[0].kind == "named" for v in self.salience.values()):
            return None
        cut = next((k for k in range(1, len(np)) if np[k].lower() in {"of", "in", "at", "for", "who", "from", "with"}), len(np))
        head = np[cut - 1].lower()
        modified = cut < len(np) or (appos[:1] and appos[0].lower() in {"who", "whose"})
        if (np[0].lower() not in {"a", "an", "the"} or cut < 2 or not modified or (head.endswith("s") and not head.endswith("ss"))
                or head in INANIMATE or head in ORG_WORDS or not head.isalpha()):
            return None
        for para in self.article.paragraphs[self.paragraph + 1:self.paragraph + 3]:
            toks = _tokens(para.text)
            # the subject of a sentence ("Carl Paladino said ..."), or a name after the description's own noun
            # ("... by Los Angeles lawyer Randy Schoenberg" for "the lawyer who requested it")
            starts = [k for k in range(len(toks)) if k == 0 or toks[k - 1] in _SENT_ENDS or toks[k - 1].lower() == head]
            for k in starts:
                n = k
                while n < len(toks) and _person_part(toks[n]) is not None:
                    n += 1
                person = self._person(toks[k:n]) if n - k >= 2 else None
                if person is not None and len(person.name.split()) >= 2:
                    key = self._key(person.name.split()[-1])
                    src = self.sources.get(key) or self._person_source(person.name, person.descriptor or _join(np), key)
                    self.sources[key] = self._cataphora[_join(np).lower()] = src
                    self.boost(src, 100)
                    return src
        return None

    def _unnamed_phrase(self, np: list[str], m: _Mention) -> Source:
        """An unnamed source: "a resident", "officials", "furious world leaders" (known by the phrase's head), or the
        person the lead names next (:meth:`_named_later`)."""
        later = self._named_later(np, m.appos)
        if later is not None:
            return later
        name = _join(np)
        key = "unnamed:" + np[-1].lower()
        src = self.sources.get(key) or _source(name, _join(m.appos) if m.appos else "", "unnamed",
                                               name + " " + _join(m.appos))
        self.sources[key] = src
        head = np[-1].lower()
        if head in INANIMATE:
            self.last_thing = src
        elif not _is_person_noun(head):
            pass
        elif head.endswith("s") and not head.endswith("ss"):
            self.last_group = src
        else:
            self.boost(src, 100)
        return src

    def _document_author(self, np: list[str], m: _Mention) -> Source | None:
        """Who speaks through a document: "Lord Butler's report said", "The book, by X, said", "The FBI request"."""
        owner = next((k for k, t in enumerate(np) if re.search(r"['\u2019]s$", t) and _is_name_tok(t)), None)
        if owner is not None:
            j = owner
            while j > 0 and _is_name_tok(np[j - 1]):
                j -= 1
            author = self._person(np[j:owner + 1])
            if author is not None:
                self.boost(author, 100)
                return author
        for seq in (m.appos, np):
            # ("by journalist Robert Peston", "written by campaign manager Robby Mook": a role may come first)
            by = next((k for k in range(len(seq) - 1) if seq[k].lower() in {"by", "from"} and (
                _is_name_tok(seq[k + 1]) or any(_is_name_tok(t) and t[:1].isupper() for t in seq[k + 2:k + 5]))), None)
            if by is not None:
                by_np, by_appos = _np_forward(list(seq), by + 1)  # "The book, by journalist Robert Peston, said"
                author = self.resolve(_Mention(by_np, by_appos, m.verb)) if by_np else None
                if author is not None and author.kind == "named":
                    return author
        names = [t for t in np[1:] if _is_name_tok(t) and t.lower() not in INANIMATE]
        if names and (self._is_org(names) or (np[0].lower() == "the" and self._person(names) is None)):
            return self._organisation(["the", *names], "")  # "The FBI request concludes": the FBI (never a document again)
        low0 = np[0].lower()
        if self.last_thing is not None and low0 in {"the", "that", "this"} and self.last_thing.name.split()[-1].lower() == \
                np[-1].lower():
            return self.last_thing  # "a notice said ... The notice warned ...": the same document
        if not names and low0 in {"the", "that", "this"} and np[-1].lower() in self.documents:
            return self.documents[np[-1].lower()]  # "In a statement, the Authority said ...", then "the statement said"
        if low0 == "the":
            return None  # ("the report said" with no author the article shows: the document, never a salient person)
        top = self.last_person_of(_PRONOUN_GENDER.get(low0))  # "her statement said": a woman's
        if not names and top is not None:
            return top  # "that statement ripped ...", "A statement said ...": the statement's author
        return None

    def _person(self, run: list[str], cue: str = "") -> Source | None:
        """The named person a run of name tokens refers to, or None when nothing shows it is a person.

        Evidence that a name is a person's (so that "he" may mean it): it has been resolved as a speaker
        already, it (or the full name it stands for) opens with a first name from NLTK's names corpus, or a
        title or a noun for a person comes before it (*cue*: the word before the run, "Mr", "mayor").
        """
        # (all but whether a speaker has the key already depends on the run, the cue and the evidence the resolver
        # gathered when built, which never changes: worked out once per distinct pair, a Source being a plain value)
        memo_key = (*run, cue)
        known = self._person_runs.get(memo_key)
        if known is None:
            known = self._person_runs[memo_key] = self._person_of_name(run, cue)
        key, person = known
        if key is None:
            return None
        src = self.sources.get(key)
        return src if src is not None and src.kind == "named" else person

    def _person_of_name(self, run: list[str], cue: str) -> tuple[str | None, Source | None]:
        """:meth:`_person` of *run* after *cue* when no speaker has its key yet: (the key, the person or None); (None,
        None) when no name is left once titles and openers go."""
        titled = any(_is_title(t) for t in run) or _is_title(cue) or _is_person_noun(cue)
        run = _trim_openers([t.rstrip(".") for t in run if not _is_title(t)])
        if not run or self._is_org(run) or any(t.lower() in NOT_PERSON for t in run):
            return None, None
        member = self._family_member(run)
        if member is not None:
            return member[0], self._person_source(member[1], "", member[0])  # (see _family_member)
        key = self._key(run[-1])
        if (cue in LOCATIVE and key not in self.person_keys) or (key in self.place_keys and not titled):
            return key, None  # "the death was in Nova Scotia": a place (and "Nova Scotia announced" too)
        if len(run) >= 2 or key in self.full_names:
            name = self.full_names.get(key, _join(run))
            if any(t.lower() in NOT_PERSON and t.lower() not in first_names() for t in name.split()):
                return key, None  # ("Surrey" standing for "South Surrey"; "Bill Morneau" is a person)
            if titled or key in self.person_keys or _first_name(name) or _first_name(_join(run)):
                return key, self._person_source(name, self.descriptors.get(key, ""), key)
        elif cue.lower().rstrip(".") in HONORIFICS:
            return key, self._person_source(_join(run), "", key)  # ("Ms Lonechild wants change": a person, "she")
        return key, None

    def _appositive_person(self, np: list[str], name: str) -> Source | None:
        """The person a one-word name in apposition to a noun for a person names ("Her husband, Gerrit,", "The pilot,
        Mike,"): the appositive shows it is a person's name, described by the noun phrase. Close family of a person
        ("her husband", :data:`~newskit.sources.lexicon.KIN_NOUNS`) has that person's family name: "Her husband,
        Gerrit," after "Lisa Vos" is Gerrit Vos (the owner being whom "her" means). Known by the first name, not the
        family name, which stays the owner's. None when the phrase's head is no noun for a person."""
        head = np[-1]
        if not head[:1].islower() or not _is_person_noun(head) or (head.endswith("s") and not head.endswith("ss")) or (
                name.lower() in NOT_PERSON or _is_title(name) or _is_party_tag(name)):
            return None
        key = self._key(name)
        known = self.sources.get(key)
        if known is not None and known.kind == "named":
            return known
        full = name
        if np[0].lower() in {"his", "her", "their"} and head.lower() in KIN_NOUNS:
            owner = self.last_person_of(_PRONOUN_GENDER.get(np[0].lower()))
            if owner is not None and owner.kind == "named" and len(owner.name.split()) >= 2:
                full = f"{name} {owner.name.split()[-1]}"
        src = self.sources[key] = _source(full, _join(np), "named")
        return src

    def knows(self, name: str) -> bool:
        """True when the article names someone by the word *name* (a surname or a first name it uses)."""
        key = self._key(_drop_possessive(name))
        return key in self.full_names or key in self.person_keys or key in self.first_words

    def note_subject(self, sent: list[str], low: list[str] | None = None, names: bool | None = None,
                     quoted: bool | None = None) -> None:
        """After a sentence: its subject (if a person) and the other people named in it gain salience; a role
        as subject ("On Dec. 13, the mayor brought up ...") is the person it describes (the next "he"). *low* (the
        sentence in lower case), *names* (:func:`~newskit.sources.phrases._names_someone` of it) and *quoted*
        (whether it holds a quote placeholder): when the caller has them."""
        if names is None:
            names = _names_someone(sent)
        if low is None:
            low = _lows(sent[:_SUBJECT_WINDOW])
        self._unproven = None
        subject = None
        np: list[str] = []
        if names or not ROLE_HEADS.isdisjoint(low[:_SUBJECT_WINDOW]) or low[:1] in (["he"], ["she"]):
            np, appos = _sentence_subject(sent[:_SUBJECT_WINDOW])
            if np and np[0].lower() in {"he", "she"} and len(np) == 1:
                # 'He pointed out that Chancellor Gordon Brown had ...': the one "he" means stays the one talked about
                # (not the person merely named after him)
                subject = self.last_person_of(_PRONOUN_GENDER[np[0].lower()])
            elif np and np[0].lower() not in PRON_SUBJ:
                k = len(np)
                while k > 0 and _is_name_tok(np[k - 1]):
                    k -= 1
                if not (k > 0 and np[k - 1].lower() in {"the", "a", "an"}):
                    subject = self._person(np[k:], np[k - 1] if k > 0 else "")
                    run = np[k:]
                    if subject is None and run and all(t[:1].isupper() for t in run) and not self._is_org(run) and (
                            self._key(_drop_possessive(run[-1])) not in self.place_keys
                            and not run[-1].endswith(("'s", "\u2019s"))):
                        self._unproven = run  # (see last_person_of)
                if subject is None and appos and all(_is_name_tok(t) for t in appos):
                    subject = self._person(appos)   # "McCain's former chief of staff, Mark Salter, was ..."
                    if subject is None and len(appos) == 1:
                        subject = self._appositive_person(np, appos[0])  # "Her husband, Gerrit, was ..."
                if subject is None and len(np) >= 2 and np[0].lower() == "the" and np[-1].lower() in ROLE_HEADS and not any(
                        t.endswith(("'s", "\u2019s")) for t in np):
                    subject = self._by_role(np)  # "On Dec. 13, the mayor brought up ..."
                if subject is None and len(np) >= 2:
                    subject = self._by_descriptor(np)  # "The judge ordered Kostiuk to pay ..." after "Justice X"
            self.boost(subject, 80)
        self.last_subject = subject if subject is not None and subject.kind == "named" else None
        if names:
            if quoted is None:
                quoted = _PH in "".join(sent)  # (see tokens._tag_runs)
            words = [t for t in sent if t[:1] != _PH] if quoted else sent
            for run, prev in self._name_runs_with_prev(words):
                other = self._person(run, prev)
                if other is not None and (subject is None or other.name != subject.name):
                    # "One dissenting opinion came from X", "led by X", "X, who ...": an introduction, the next "he"
                    self.boost(other, 110 if prev in {"from", "by", "who"} else 60)
        if not INANIMATE.isdisjoint(low):
            self._note_documents(low if len(low) == len(sent) else _lows(sent), subject, np)
        self._speakers_now = []
        self.decay()

    def _note_documents(self, low: list[str], subject: Source | None, np: list[str]) -> None:
        """After a sentence: a document it names as the medium of what its speaker said ("In a statement, X said", "X
        said in its report") or that its subject issued ("X issued a statement on Monday": *subject*, the person
        :meth:`note_subject` found, else the body *np* names) is theirs, so "the statement said" later is theirs. Only a
        document introduced so (after "in" or a verb of issuing, with "a" or an owner) counts: "X said a report
        showed ..." names a document X did not write."""
        n = len(low)
        for i, t in enumerate(low):
            if t not in _ISSUING or i + 2 >= n:
                continue
            # (an owner's name may stand for the determiner: "in the company's blog post")
            k = i + 2 if low[i + 1] in _DOC_DETS else next(
                (x + 1 for x in range(i + 1, min(n, i + 4)) if low[x].endswith(("'s", "\u2019s"))), 0)
            if not k and t == "in" and low[i + 1] == "the" and self._speakers_now:
                k = i + 2  # ("X said in the letter": the letter the sentence's speaker wrote)
            if not k:
                continue
            while k < min(n, i + 5) and low[k] not in INANIMATE and low[k].isalpha():
                k += 1  # ("in a written statement", "in its annual report")
            if k >= n or low[k] not in INANIMATE:
                continue
            author = self._speakers_now[0] if self._speakers_now else None
            if author is None and t != "in":
                author = subject or (self._organisation(np, "") if np and self._is_org(np) else None)
            if author is not None:
                self.documents[low[k]] = author

    def _name_runs_with_prev(self, words: list[str]) -> list[tuple[list[str], str]]:
        """Each run of name tokens naming someone, with the word before it (lower case); a run that a relative
        clause introduces ("about Alfonso Espinos, who ...") has "who" for that word, like "led by X"."""
        parts = list(map(_PERSON_PART.__getitem__, words))  # (each token's name part or None, at C speed)
        out: list[tuple[list[str], str]] = []
        cur: list[str] = []
        before = ""
        last = -2
        n = len(words)
        # only the name tokens are visited (then n + 1, to end the last run): a run ends at the first token after
        # it that is no name, or at an owner, who ends the name ("McCallum's Safe Surrey Coalition")
        for i in itertools.chain(itertools.compress(range(n), map(operator.is_not, parts, itertools.repeat(None))), (n + 1,)):
            if cur and i != last + 1:
                t = words[last + 1] if last + 1 < n else ""
                if t == "," and last + 2 < n and words[last + 2].lower() == "who":
                    before = "who"
                if not (t[:1].isupper() and (_is_title(t) or _is_person_noun(t))):  # ("Parliamentary Budget Officer")
                    out.append((cur, before.lower()))
                cur = []
            if i > n:
                break
            if not cur:
                before = words[i - 1] if i > 0 else ""
            cur.append(parts[i])  # type: ignore[arg-type]
            if words[i].endswith(("'s", "\u2019s")):
                out.append((cur, before.lower()))
                cur = []
            last = i
        return out
