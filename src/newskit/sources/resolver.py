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
  :data:`~newskit.core.words.ABBREVIATED_TITLES`); in a Q&A transcript "Q:" is the interviewer and "A:" the
  most salient person;
- when, not who: a noun of time is never a speaker ("Later that month, ...", "a notice Tuesday");
- descriptions: a role as a sentence's subject ("the mayor raised it again") is the person it describes; a
  body's description ("the agency") is the last body that spoke; a lead's modified description ("A businessman
  who co-chaired the campaign said") is the person who opens a sentence in the next two paragraphs (cataphora);
- categories: :data:`~newskit.sources.lexicon.CATEGORY_RULES` on the role the article gives anywhere, each
  source keeping the rule in ``category_reason``.

>>> import newskit
>>> from newskit.sources.phrases import _Mention
>>> r = _Resolver(newskit.from_text("Head\n\nJosh Earnest spoke. Mr Earnest said so."))
>>> r.resolve(_Mention(["Mr", "Earnest"], [], "said")).name
'Josh Earnest'
>>> r.resolve(_Mention(["he"], [], "said")).name, r.resolve(_Mention(["a", "resident"], [], "said")).kind
('Josh Earnest', 'unnamed')
"""

from __future__ import annotations

import collections
import functools
import itertools
import math
import operator
import re

from ..core.resources import first_names
from ..core.text import Text
from ..core.words import ABBREVIATED_TITLES, PERSON_TITLES, fold
from .lexicon import (
    DETERMINERS,
    HONORIFICS,
    INANIMATE,
    LOCATIVE,
    NAME_OPENERS,
    NO_ROLE,
    NOT_PERSON,
    ORG_NAMES,
    ORG_WORDS,
    PRON_SUBJ,
    PRONOUNS,
    ROLE_HEADS,
    STRONG_VERBS,
    TIME_WORDS,
    _category_why,
    _is_media,
    _is_person_noun,
)
from .phrases import _Mention, _names_someone, _np_forward, _sentence_subject
from .results import Source
from .tokens import _PH, _SUBJECT_WINDOW, PARA_BREAK, _drop_possessive, _is_name_tok, _join, _lows, _TokenMemo, _tokens

#: Titles of :data:`~newskit.core.words.PERSON_TITLES` the resolver does not read as titles (yet): reading them
#: changes who is quoted in the corpus. "president-elect": "President-elect Donald Trump" would become Donald Trump,
#: described as President-elect (horne-real-139); "former": "former president Bill Clinton" (an unnamed source
#: either way) would keep "former" in its name (horne-real-163). Whether to read them is a change of results, not
#: of layout: decide it with the quote scores.
_NOT_TITLES_HERE = frozenset({"president-elect", "former"})

#: The titles the resolver reads before a name, lower case without a final full stop.
_TITLES = (PERSON_TITLES | ABBREVIATED_TITLES) - _NOT_TITLES_HERE


@functools.lru_cache(maxsize=65536)
def _is_title(tok: str) -> bool:
    """:func:`newskit.core.words.is_title` with the resolver's titles (:data:`_TITLES`)."""
    return fold(tok).rstrip(".") in _TITLES


#: Words that, with a noun of time (:data:`~newskit.sources.lexicon.TIME_WORDS`), say when: "that month", "last week".
_WHEN_WORDS = frozenset("that this last next early late later earlier same every each".split())


#: Tokens that end a run of name tokens when the resolver learns the article's full names.
_NOT_IN_NAME_RUN = _TITLES | {"the", "a", "an", "but", "and", "in", "on", "at", "he", "she", "it", "we", "i"}


#: The gender a pronoun (or possessive) asks of the person it refers to.
_PRONOUN_GENDER = {"he": "male", "his": "male", "him": "male", "she": "female", "her": "female"}


#: Words that end the role read backwards before a name.
DET_STOP = frozenset("the a an and or but of in on at to for with by from said says told his her their its was is "
                     "were are has have had as who which that".split())

#: Bodies named after their leader ("the Trudeau government", "the Trump administration"): the leader is a
#: politician even when the article gives no title.
_LED_BODIES = frozenset("government administration cabinet campaign".split())

#: Prepositions after which a name is a place when the article does it twice ("in Nova Scotia"; not "at", which
#: takes people too: "fire directed at Davis").
_PLACE_PREPS = frozenset("in near across outside throughout within".split())

#: Tokens that end a sentence.
_SENT_ENDS = frozenset({".", "!", "?"})

#: Salience a person keeps when named in the last few sentences (a speaker, three sentences on).
_RECENT = 100 * 0.5 ** 3

#: Salience below which a person leaves the table (100 halved 30 times).
_FADED = 100 * 0.5 ** 30

#: The unit of the stored scores at which they go back to unit 1 (see _Resolver.decay).
_RESCALE = 2.0 ** 900


def _first_name(name: str) -> str | None:
    """The gender ("male", "female", "either") of the first name *name* opens with, None when it opens with none
    (NLTK's names corpus, :func:`newskit.core.resources.first_names`)."""
    first = name.split()[0].lower() if name.split() else ""
    return first_names().get(first) if first not in NOT_PERSON else None


@functools.lru_cache(maxsize=65536)
def _name_part(tok: str) -> str | None:
    """*tok* as part of a run of name tokens when building full names (possessive dropped), else None."""
    return _drop_possessive(tok) if _is_name_tok(tok) and tok.lower().rstrip(".") not in _NOT_IN_NAME_RUN and not (
        tok[:1].isupper() and _is_person_noun(tok)) else None  # ("CEO Matt Danison", "NDP MP Nathan Cullen")


@functools.lru_cache(maxsize=65536)
def _surname_key(tok: str) -> str:
    """The key of the name that the token *tok* ends (its possessive dropped): :meth:`_Resolver._key`."""
    return _Resolver._key(_drop_possessive(tok))


def _name_spans(toks: list[str]) -> list[tuple[int, int]]:
    """The (start, end) token ranges of the longest runs of tokens that :func:`_name_part` accepts, in order.

    >>> _name_spans(["Mr", "Ann", "Lee", "said", "Bo", "."])
    [(1, 3), (4, 5)]
    """
    ok = {t: _name_part(t) is not None for t in set(toks)}  # (once per distinct token)
    spans: list[tuple[int, int]] = []
    start = prev = -2
    for i in itertools.compress(range(len(toks)), map(ok.__getitem__, toks)):
        if i != prev + 1:
            if prev >= 0:
                spans.append((start, prev + 1))
            start = i
        prev = i
    if prev >= 0:
        spans.append((start, prev + 1))
    return spans


@functools.lru_cache(maxsize=65536)
def _person_part(tok: str) -> str | None:
    """*tok* as part of a run naming a person in a sentence (possessive dropped), else None."""
    low = tok.lower()
    return _drop_possessive(tok) if _is_name_tok(tok) and low not in _TITLES and low not in NOT_PERSON else None


#: :func:`_person_part`, memoised for ``map``.
_PERSON_PART = _TokenMemo(_person_part)


def _source(name: str, descriptor: str, kind: str, role: str | None = None) -> Source:
    """A :class:`Source` with the category its role (*role*, else its descriptor) gives and the rule that gave it.

    >>> _source("Ann Lee", "a nurse", "named").category_reason
    "role word 'nurse'"
    """
    if kind == "organisation" and _is_media(name):
        return Source(name, descriptor, "organisation", "media", "a media outlet")
    cat, why = _category_why(descriptor if role is None else role, kind)
    return Source(name, descriptor, kind, cat, why)  # type: ignore[arg-type]


def _trim_openers(run: list[str]) -> list[str]:
    """*run* without the capitalised words before the name that open a sentence (:data:`NAME_OPENERS`: "After
    Kody", "For Megda Belkacemi") or a leading "-ing" word that is no first name ("Praising Tillerson").

    >>> _trim_openers(["After", "Kody"]), _trim_openers(["Praising", "Tillerson"]), _trim_openers(["Sterling", "Brown"])
    (['Kody'], ['Tillerson'], ['Sterling', 'Brown'])
    """
    k = 0
    while k < len(run) - 1:
        low = run[k].lower()
        if low in NAME_OPENERS or (low.endswith("ing") and len(low) > 5 and low not in first_names()):
            k += 1
        else:
            break
    return run[k:] if k else run


def _trim_office(run: list[str]) -> list[str]:
    """*run* from its first name on, when words that are no first name come before a first name inside it: the
    office a title is of ("Secretary of State Mike Pompeo", "Minister of Finance Bill Morneau").

    >>> _trim_office(["State", "Mike", "Pompeo"]), _trim_office(["Hillary", "Rodham", "Clinton"])
    (['Mike', 'Pompeo'], ['Hillary', 'Rodham', 'Clinton'])
    """
    if len(run) < 3 or _first_name(run[0]):
        return run
    at = next((i for i in range(1, len(run) - 1) if _first_name(run[i])), None)
    return run[at:] if at is not None else run


class _Resolver:
    """Turns speaker phrases into :class:`Source` objects: full names, titles, pronouns, organisations."""

    def __init__(self, article: Text, body_toks: list[str] | None = None) -> None:
        """*body_toks*: the tokens of each paragraph of ``article.body`` (:func:`~newskit.sources.tokens._tokens`),
        each followed by :data:`~newskit.sources.tokens.PARA_BREAK`, when the caller has them."""
        self.article = article
        self.full_names: dict[str, str] = {}     # surname key -> fullest name
        self.descriptors: dict[str, str] = {}
        self.sources: dict[str, Source] = {}
        # salience of each person (name -> [source, score]): who "he" or "the senator" most likely is.
        # A speaker gains 100, a sentence's subject 80, any other mention 50; every sentence halves all (the scores
        # are stored scaled: see decay).
        self.salience: dict[str, list] = {}
        self._pending: dict[str, float] = {}
        self._unit = 1.0  # scores are stored times this power of two (see decay)
        self._lowest = math.inf  # at most every stored score
        self._faded: Source | None = None
        self._tick = 0
        self.last_group: Source | None = None
        self.last_org: Source | None = None
        self._unproven: list[str] | None = None  # the last sentence's subject, a name with no proof of a person
        self.paragraph = 0  # the paragraph being read (set by the reader)
        self._cataphora: dict[str, Source] = {}  # a lead's description -> the person named next
        self.last_thing: Source | None = None  # the last document that spoke ("a notice"), the last resort for "it"
        if body_toks is None:
            body_toks = [t for p in article.paragraphs for t in (*_tokens(p.text), PARA_BREAK)]
        self._person_runs: dict[tuple[str, ...], tuple[str | None, Source | None]] = {}  # see _person
        self.place_keys: set[str] = set()  # keys of names seen after a preposition of place ("in Nova Scotia")
        self.role_evidence: dict[str, str] = {}  # key -> words that show a politician: "the Trudeau government"
        spans = _name_spans(body_toks)
        self.person_keys = self._person_keys(body_toks, spans)
        self.descriptors = self._harvest_descriptors(body_toks, spans)
        # a run seen again changes nothing (same key, same name), so each distinct run is read once (trimmed once per
        # distinct run before trimming: the distinct trimmed runs come in the same order, that of their first run)
        runs = dict.fromkeys(tuple(r) for r in self._name_runs(body_toks, spans) if len(r) >= 2)
        for distinct in dict.fromkeys(_trim_openers(r) for r in runs):
            run = _trim_office(list(distinct))
            if len(run) < 2:
                continue
            key = self._key(run[-1])
            full = _join(run)
            if len(full) > len(self.full_names.get(key, "")) and not self._is_org(run):
                self.full_names[key] = full
        # a name's first word alone ("Wang said" after "Wang Qishan", "Keith" after "Keith Bachman"): the one
        # full name it opens, when no full name ends with it and the article shows that name to be a person's
        firsts: dict[str, set[str]] = {}
        for key, full in self.full_names.items():
            if key not in self.person_keys:
                continue  # ("Tesla September", "Edmonton Oilers": no sign of a person)
            firsts.setdefault(self._key(full.split()[0]), set()).add(key)
        self.first_words = {w: next(iter(keys)) for w, keys in firsts.items() if len(keys) == 1 and w not in self.full_names}

    @property
    def last_person(self) -> Source | None:
        """The most salient person so far."""
        if not self.salience:
            return self._faded
        return max(self.salience.values(), key=lambda v: v[1])[0]

    def last_person_of(self, gender: str | None) -> Source | None:
        """The person "he", "she" or "her statement" most likely means: the most salient one; among the people
        nearly as salient (at least half the top score), a one-word name with no first name and no full name
        ("TransLink") is passed over for a full name (more likely a body than a person), never when it is the only
        candidate.

        *gender* ("male", "female"): only when the top person's first name is never this gender's in NLTK's names
        corpus ("Linda" for "he") is someone else taken: a person nearly as salient whose first name is only ever
        this gender's, else the last sentence's subject that nothing proved a person ("Mulder didn't hesitate").
        A softer preference (a tie-breaker by first name) lost more speakers than it gained on the dev sets
        ("Darian" is on the male list, "Jordan" and "Stacy" on both).
        """
        if not self.salience:
            return self._faded
        ranked = sorted(self.salience.values(), key=lambda v: -v[1])
        top, score = ranked[0]
        if gender is not None and _first_name(top.name) not in (gender, "either", None):
            # the top's first name is only ever the other gender's; a person nearly as salient whose first name
            # is only ever this one's is taken instead
            alt = next((src for src, sc in ranked[1:] if sc >= score / 2 and src.kind == "named"
                        and _first_name(src.name) == gender), None)
            if alt is not None:
                return alt
            run = self._unproven
            if run is not None and _first_name(run[0]) in (gender, "either", None):
                # "Mulder didn't hesitate. 'It's this,' he said." after Stacy Lewis spoke: a name with no proof of a
                # person, the last sentence's subject, is a better "he" than someone whose first name says "she"
                return self._named(run, "")
        if top.kind != "named" or len(top.name.split()) >= 2 or _first_name(top.name) is not None:
            return top
        return next((src for src, sc in ranked[1:] if sc >= score / 2 and len(src.name.split()) >= 2), top)

    def boost(self, src: Source | None, weight: float) -> None:
        """Note that *src* was a speaker (100), a subject (80) or named (60) in the current sentence."""
        if src is None or src.kind == "organisation":
            return
        entry = self.salience.setdefault(src.name, [src, 0.0])
        if src.descriptor or not entry[0].descriptor:
            entry[0] = src
        self._tick += 1
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
            if src.kind == "named" and d and (d.endswith(role) or f"{role}," in d) and not any(
                    w in d.split() and w not in role.split() for w in ("deputy", "vice", "former", "shadow")):
                return src
        # else the most salient named person ("the mayor" when the article says "mayoral candidate X")
        named = [v for v in self.salience.values() if v[0].kind == "named"]
        return max(named, key=lambda v: v[1])[0] if named else None

    @staticmethod
    @functools.lru_cache(maxsize=65536)
    def _key(surname: str) -> str:
        s = surname.lower().replace("’s", "").replace("'s", "")
        for pre in ("al-", "el-"):
            if s.startswith(pre):
                s = s[len(pre):]
        return s

    def _harvest_descriptors(self, toks: list[str], spans: list[tuple[int, int]] | None = None) -> dict[str, str]:
        """Each person's first role in the article, wherever it is named: a role before the name ("Heart and
        Stroke senior manager Erin Kim") or an appositive after it ("Erin Kim, a nurse at the clinic,"); a
        relative clause ("who lives in ...") describes no role and is skipped. One pass over the tokens."""
        found: dict[str, str] = {}
        for i, j in spans if spans is not None else _name_spans(toks):
            if j - i < 2:
                continue
            key = _surname_key(toks[j - 1])
            if key not in found and not self._is_org(toks[i:j]):
                desc = self._role_before(toks, i) or self._appositive_after(toks, j)
                if desc:
                    found[key] = desc
        return found

    @staticmethod
    def _role_before(toks: list[str], i: int) -> str:
        """The role words right before a name ("senior manager", "Acme chief executive"), or ""."""
        k = i
        while k > 0 and i - k < 5 and toks[k - 1][:1].isalpha() and toks[k - 1].lower() not in DET_STOP and (
                toks[k - 1][:1].islower() or k < i or _is_title(toks[k - 1]) or _is_person_noun(toks[k - 1])):
            k -= 1  # (a capitalised title counts: "Prime Minister Justin Trudeau", "NDP MP Nathan Cullen")
        words = toks[k:i]
        while words and words[0][:1].isupper() and not _is_person_noun(words[0]) and not _is_title(words[0]):
            words = words[1:]  # (capitalised words opening it may be the end of the sentence before)
        return _join(words) if words and _is_person_noun(words[-1]) else ""

    @staticmethod
    def _appositive_after(toks: list[str], j: int) -> str:
        """The appositive after a name ("Erin Kim, a nurse at the clinic,"), or ""."""
        if j + 2 >= len(toks) or toks[j] != ",":
            return ""
        end = next((x for x in range(j + 1, min(len(toks), j + 16)) if toks[x] in {",", ".", ";", ":", "(", ")"}
                    or toks[x][:1] == _PH), None)
        words = toks[j + 1:end] if end is not None else []
        if not words or words[0].lower() in {"who", "whose", "which", "that", "said", "says", "told"}:
            return ""
        return _join(words) if any(_is_person_noun(w) for w in words) else ""

    def _person_keys(self, toks: list[str], spans: list[tuple[int, int]] | None = None) -> set[str]:
        """Surname keys of the runs of name tokens the article itself shows to be people: a run right before a
        verb of saying ("Dia said") or ", who", right after "said"/"says", or after a title or a noun for a
        person ("Mr Dia", "analyst Mamadou Dia"). One pass over the tokens, which also notes the places
        (:attr:`place_keys`: names seen twice after a preposition of place, "in Nova Scotia")."""
        keys: set[str] = set()
        places: collections.Counter[str] = collections.Counter()
        n = len(toks)
        evidence = self.role_evidence
        politician: dict[str, bool] = {}  # (a capitalised word before a name: once per distinct word)
        for i, j in spans if spans is not None else _name_spans(toks):
            prev = toks[i - 1].lower() if i > 0 else ""
            nxt = toks[j].lower() if j < n else ""
            last = toks[j - 1]
            key = _surname_key(last)
            if key not in evidence:
                if j < n and nxt in _LED_BODIES and j - i <= 2:
                    evidence[key] = f"{_join(toks[i:j])} {toks[j]}"  # "the Trudeau government": a politician
                elif i > 0 and toks[i - 1][:1].isupper():
                    before = toks[i - 1]
                    if before not in politician:
                        politician[before] = _category_why(before, "")[0] == "politician"
                    if politician[before]:
                        evidence[key] = f"{before} {_join(toks[i:j])}"  # "Liberal Justin Trudeau"
            if prev in _PLACE_PREPS and not last.endswith(("'s", "\u2019s")):
                places[self._key(last)] += 1  # "in Nova Scotia": a place
            if key not in keys and (nxt in STRONG_VERBS or (nxt == "," and j + 1 < n and toks[j + 1].lower() == "who")
                                    or ((prev in {"said", "says", "told"} or _is_title(prev) or _is_person_noun(prev))
                                        and not self._modifies_role(toks, j))
                                    or (j - i >= 2 and not prev[:1].isalnum() and self._he_follows(toks, j))):
                keys.add(key)
        self.place_keys = {k for k, c in places.items() if c >= 2}
        return keys

    @staticmethod
    def _modifies_role(toks: list[str], j: int) -> bool:
        """True when the name run ending before toks[j] modifies a role noun that follows ("said Oilers head coach
        Ken Hitchcock", "says Acme senior manager Erin Kim"): the team or firm, not the person, comes after "said"."""
        for t in toks[j:j + 3]:
            if not t[:1].islower():
                return False
            if _is_person_noun(t) or _is_title(t):
                return True
        return False

    @staticmethod
    def _he_follows(toks: list[str], j: int) -> bool:
        """True when the sentence a full name opens goes on to say "he", "she", "his" or "her" before it ends or names
        a kind of person ("Mamadou Dia was on a trip from Paris when he ended up ..."): the name is a person's. (An
        owner, "Nova Scotia's chief examiner said he", is not.)"""
        if toks[j - 1].endswith(("'s", "\u2019s")):
            return False
        for t in toks[j:j + 20]:
            if t in _SENT_ENDS or (t[:1].islower() and (_is_person_noun(t) or _is_title(t))):
                return False
            if t in {"he", "she", "his", "her", "him"}:
                return True
        return False

    def _name_runs(self, toks: list[str], spans: list[tuple[int, int]] | None = None) -> list[list[str]]:
        """The name parts of each run of name tokens (:func:`_name_spans`; *spans* when the caller has them): an
        owner's name ends its run ("McCallum's Safe Surrey council" is McCallum, then Safe Surrey), and a run right
        before a capitalised role is the role's modifier ("Parliamentary Budget Officer"), no name."""
        runs = []
        n = len(toks)
        for i, j in spans if spans is not None else _name_spans(toks):
            cur: list[str] = []
            for t in toks[i:j]:
                cur.append(_name_part(t))  # type: ignore[arg-type]
                if t.endswith(("'s", "\u2019s")):
                    runs.append(cur)
                    cur = []
            t = toks[j] if j < n else ""
            if cur and not (t[:1].isupper() and (_is_title(t) or _is_person_noun(t))):
                runs.append(cur)
        return runs

    @staticmethod
    def _is_org(run: list[str]) -> bool:
        low = " ".join(run).lower()
        return any(w.lower().strip(".") in ORG_WORDS for w in run) or low in ORG_NAMES

    def resolve(self, m: _Mention) -> Source | None:
        """The source a speaker phrase names: the person a pronoun or role means, a full name, a body or an unnamed source."""
        np = list(m.np)
        if np and np[-1].lower() in TIME_WORDS:
            while np and (np[-1].lower() in TIME_WORDS or np[-1].lower() in _WHEN_WORDS):
                np.pop()  # "a notice Tuesday saying": the notice
            if not np or all(t.lower() in DETERMINERS or t.lower() in _WHEN_WORDS for t in np):
                return None  # "that month arguing", "two weeks said": when, not who
        if m.appos and all(_is_name_tok(t) for t in m.appos) and (
                not any(_is_name_tok(t) for t in np[1:])
                or np[0].lower() in {"the", "a", "an", "his", "her", "their", "one", "another"}  # ("One Democrat, Jon Lee,")
                or (len(m.appos) >= 2 and "of" in np[1:] and (np[np.index("of") - 1][:1].isupper()
                                                               or _is_person_noun(np[np.index("of") - 1])))):
            # ("Keeper of the Ruler's Seal, Syed Danial Syed Ahmad, said": a role of something, then the name)
            m = _Mention(m.appos, np, m.verb)  # "The minister, Carla Diaz, said": the name is the appositive
            np = list(m.np)
        if np in (["Q"], ["A"]):
            # a Q&A transcript ('Q: "..."', 'A: "..."'): the interviewer asks, the person interviewed (the most
            # salient one) answers; the interviewer gains no salience, so "he" stays the one interviewed
            if np == ["A"]:
                return self.last_person
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
        if prep is not None and np[prep - 1].lower() not in {"one"} and (np[prep - 1][:1].islower() or (
                prep == 1 and _is_person_noun(np[0]) and not _is_title(np[0]))):
            head = np[prep - 1].lower()
            if low0 == "the" and prep >= 3:
                described = self._described(np[:prep])  # "the 39-year-old founder of Acme Press": the person just named
                if described is not None:
                    return described
            return self._unnamed(_join(np), m.appos, group=head.endswith("s") and not head.endswith("ss"))
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
        if of is not None and _is_name_tok(np[of - 1]) and np[of - 1][:1].isupper() and not self._is_org(np[:of]):
            np, m = np[:of], _Mention(np[:of], [*np[of:], *([","] if m.appos else []), *m.appos], m.verb)
        # a capitalised common noun opening a sentence: "Residents told the BBC ..."
        if len(np) == 1 and _is_person_noun(np[0]) and np[0][:1].isupper() and np[0].lower() not in _TITLES:
            return self._unnamed(np[0], m.appos, group=np[0].lower().endswith("s"))
        return self._resolve_phrase(np, m)

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

    def _unnamed(self, name: str, appos: list[str], group: bool) -> Source:
        """The unnamed source *name* ("Residents", "a spokesman for Acme"): a group, or a person who gains salience."""
        key = "unnamed:" + name.lower()
        src = self.sources.get(key) or _source(name, _join(appos), "unnamed", name)
        self.sources[key] = src
        if group:
            self.last_group = src
        else:
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
            return self._named(name_toks, descriptor)
        # "Lord Butler's report said": a document speaks for its author
        # (a document's noun in small letters: "the post read", not "the Washington Post")
        if np[-1] in INANIMATE or (len(np) > 2 and any(t.lower() in INANIMATE for t in np[:4] if not t[:1].isupper())):
            author = self._document_author(np, m)
            if author is not None:
                return author
        if self._is_org(np) or (name_toks and len(name_toks) >= 1 and desc_toks[:1] and desc_toks[0].lower() == "the"
                                and all(_is_name_tok(t) or t.lower() in {"of", "on", "for", "and"} for t in np[1:])):
            return self._organisation(np, descriptor if desc_toks and not has_det else "")
        # "the prime minister", "the former cabinet secretary": a role, most likely the person just named
        if np[0].lower() == "the" and np[-1].lower() in ROLE_HEADS and not any(t in {"'s", "\u2019s"} for t in np):
            person = self._by_role(np)
            if person is not None:
                if not person.descriptor:
                    person = _source(person.name, whole, "named")
                    self.sources[self._key(person.name.split()[-1])] = person
                self.boost(person, 100)
                return person
        described = self._described(np)
        if described is not None:
            return described
        return self._unnamed_phrase(np, m)

    def _described(self, np: list[str]) -> Source | None:
        """The person a definite description names again: "the 39-year-old", "the rookie defenceman", "the lanky,
        bespectacled professor" (a "the", a modifier, a singular head) is the person just named, when one was
        named in the last few sentences; a bare role ("the father") may be someone new and is left alone."""
        low = [t.lower() for t in np]
        if low[0] != "the" or len(np) < 2 or any(t.endswith(("'s", "\u2019s")) or t in {"'s", "\u2019s"} for t in np):
            return None  # (not "the prime minister's spokesman": someone else's)
        head = low[-1]
        aged = re.fullmatch(r"\d+-year-old", head) is not None
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
        if not left or not right or not all(_is_name_tok(t) and t[:1].isupper() for t in right):
            return None
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
        key = "org:" + name.lower().removeprefix("the ")
        src = self.sources.get(key) or _source(name, descriptor, "organisation", name + " " + descriptor)
        self.sources[key] = src
        self.last_org = src
        return src

    def _named(self, name_toks: list[str], descriptor: str) -> Source:
        """A named person: the fullest form of the name the article uses, with the first descriptor it gets."""
        key = self._key(name_toks[-1])
        name = _join(name_toks)
        if len(name_toks) == 1 and key in self.first_words:
            key = self.first_words[key]
        if len(name_toks) == 1 or len(self.full_names.get(key, "")) > len(name):
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
        top = self.last_person_of(_PRONOUN_GENDER.get(low0))  # "her statement said": a woman's
        if not names and top is not None:
            return top  # "that statement ripped ...": the statement's author
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
        key = self._key(run[-1])
        if (cue in LOCATIVE and key not in self.person_keys) or (key in self.place_keys and not titled):
            return key, None  # "the death was in Nova Scotia": a place (and "Nova Scotia announced" too)
        if len(run) >= 2 or key in self.full_names:
            name = self.full_names.get(key, _join(run))
            if any(t.lower() in NOT_PERSON and t.lower() not in first_names() for t in name.split()):
                return key, None  # ("Surrey" standing for "South Surrey"; "Bill Morneau" is a person)
            if titled or key in self.person_keys or _first_name(name) or _first_name(_join(run)):
                return key, self._person_source(name, self.descriptors.get(key, ""), key)
        return key, None

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
        if names or not ROLE_HEADS.isdisjoint(low[:_SUBJECT_WINDOW]):
            np, appos = _sentence_subject(sent[:_SUBJECT_WINDOW])
            subject = None
            if np and np[0].lower() not in PRON_SUBJ:
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
                if subject is None and len(np) >= 2 and np[0].lower() == "the" and np[-1].lower() in ROLE_HEADS and not any(
                        t.endswith(("'s", "\u2019s")) for t in np):
                    subject = self._by_role(np)  # "On Dec. 13, the mayor brought up ..."
            self.boost(subject, 80)
        if names:
            if quoted is None:
                quoted = _PH in "".join(sent)  # (see tokens._tag_runs)
            words = [t for t in sent if t[:1] != _PH] if quoted else sent
            for run, prev in self._name_runs_with_prev(words):
                other = self._person(run, prev)
                if other is not None and (subject is None or other.name != subject.name):
                    # "One dissenting opinion came from X", "led by X", "X, who ...": an introduction, the next "he"
                    self.boost(other, 110 if prev in {"from", "by", "who"} else 60)
        self.decay()

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
