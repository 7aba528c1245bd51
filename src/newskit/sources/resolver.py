r"""The speaker resolver: turns a speaker phrase into a :class:`~newskit.sources.results.Source`.

Titles go to the descriptor, a surname becomes the full name used elsewhere in the article, "he"/"she"
becomes the most salient person (a speaker gains 100, a sentence's subject 80, any other mention 60,
and every sentence halves all), "the senator" the person so described, a document ("Lord Butler's
report") speaks for its author, and a phrase with no name is an unnamed source ("a resident") or an
organisation ("the Home Office").

>>> import newskit
>>> from newskit.sources.phrases import _Mention
>>> r = _Resolver(newskit.from_text("Head\n\nJosh Earnest spoke. Mr Earnest said so."))
>>> r.resolve(_Mention(["Mr", "Earnest"], [], "said")).name
'Josh Earnest'
>>> r.resolve(_Mention(["he"], [], "said")).name, r.resolve(_Mention(["a", "resident"], [], "said")).kind
('Josh Earnest', 'unnamed')
"""

from __future__ import annotations

import functools
import itertools
import operator
import re

from ..core.resources import first_names
from ..core.text import Text
from ..core.words import PERSON_TITLES, fold
from .lexicon import (
    DETERMINERS,
    HONORIFICS,
    INANIMATE,
    NOT_PERSON,
    ORG_NAMES,
    ORG_WORDS,
    PRON_SUBJ,
    PRONOUNS,
    ROLE_HEADS,
    STRONG_VERBS,
    _category,
    _is_media,
    _is_person_noun,
)
from .phrases import _Mention, _names_someone, _np_forward, _sentence_subject
from .results import Source
from .tokens import _PH, _SUBJECT_WINDOW, _drop_possessive, _is_name_tok, _join, _tokens

#: Titles of :data:`~newskit.core.words.PERSON_TITLES` the resolver does not read as titles (yet): reading them
#: changes who is quoted in the corpus. "president-elect": "President-elect Donald Trump" would become Donald Trump,
#: described as President-elect (horne-real-139); "former": "former president Bill Clinton" (an unnamed source
#: either way) would keep "former" in its name (horne-real-163). Whether to read them is a change of results, not
#: of layout: decide it with the quote scores.
_NOT_TITLES_HERE = frozenset({"president-elect", "former"})

#: The titles the resolver reads before a name, lower case without a final full stop.
_TITLES = PERSON_TITLES - _NOT_TITLES_HERE


def _is_title(tok: str) -> bool:
    """:func:`newskit.core.words.is_title` with the resolver's titles (:data:`_TITLES`)."""
    return fold(tok).rstrip(".") in _TITLES


#: Tokens that end a run of name tokens when the resolver learns the article's full names.
_NOT_IN_NAME_RUN = _TITLES | {"the", "a", "an", "but", "and", "in", "on", "at", "he", "she", "it", "we", "i"}


#: The gender a pronoun (or possessive) asks of the person it refers to.
_PRONOUN_GENDER = {"he": "male", "his": "male", "him": "male", "she": "female", "her": "female"}


#: Words that end the role read backwards before a name.
DET_STOP = frozenset("the a an and or but of in on at to for with by from said says told his her their its was is "
                     "were are has have had as who which that".split())

#: Salience a person keeps when named in the last few sentences (a speaker, three sentences on).
_RECENT = 100 * 0.5 ** 3

#: Salience below which a person leaves the table (100 halved 30 times).
_FADED = 100 * 0.5 ** 30


def _first_name(name: str) -> str | None:
    """The gender ("male", "female", "either") of the first name *name* opens with, None when it opens with none
    (NLTK's names corpus, :func:`newskit.core.resources.first_names`)."""
    first = name.split()[0].lower() if name.split() else ""
    return first_names().get(first) if first not in NOT_PERSON else None


@functools.lru_cache(maxsize=65536)
def _name_part(tok: str) -> str | None:
    """*tok* as part of a run of name tokens when building full names (possessive dropped), else None."""
    return _drop_possessive(tok) if _is_name_tok(tok) and tok.lower().rstrip(".") not in _NOT_IN_NAME_RUN else None


@functools.lru_cache(maxsize=65536)
def _person_part(tok: str) -> str | None:
    """*tok* as part of a run naming a person in a sentence (possessive dropped), else None."""
    low = tok.lower()
    return _drop_possessive(tok) if _is_name_tok(tok) and low not in _TITLES and low not in NOT_PERSON else None


class _Resolver:
    """Turns speaker phrases into :class:`Source` objects: full names, titles, pronouns, organisations."""

    def __init__(self, article: Text) -> None:
        self.article = article
        self.full_names: dict[str, str] = {}     # surname key -> fullest name
        self.descriptors: dict[str, str] = {}
        self.sources: dict[str, Source] = {}
        # salience of each person (name -> [source, score]): who "he" or "the senator" most likely is.
        # A speaker gains 100, a sentence's subject 80, any other mention 50; every sentence halves all.
        self.salience: dict[str, list] = {}
        self._pending: dict[str, float] = {}
        self._faded: Source | None = None
        self._tick = 0
        self.last_group: Source | None = None
        self.last_org: Source | None = None
        body_toks = _tokens(article.body)
        self.person_keys = self._person_keys(body_toks)
        self.descriptors = self._harvest_descriptors(body_toks)
        # a run seen again changes nothing (same key, same name), so each distinct run is read once
        for distinct in dict.fromkeys(tuple(r) for r in self._name_runs(article.body) if len(r) >= 2):
            run = list(distinct)
            key = self._key(run[-1])
            full = _join(run)
            if len(full) > len(self.full_names.get(key, "")) and not self._is_org(run):
                self.full_names[key] = full

    @property
    def last_person(self) -> Source | None:
        """The most salient person so far."""
        if not self.salience:
            return self._faded
        return max(self.salience.values(), key=lambda v: v[1])[0]

    def last_person_of(self, gender: str | None) -> Source | None:
        """The person "he", "she" or "her statement" most likely means: the most salient one.

        *gender* ("male", "female") is accepted for a gender check, but none is made: measured on the dev sets,
        preferring a person whose first name (NLTK's names corpus) matches the pronoun loses more speakers than
        it gains ("Darian" is on its male list, "Jordan" on both), as does passing over groups.
        """
        return self.last_person

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
        """End of a sentence: older salience halves; a person's role in this sentence sets it anew if higher."""
        faded = []
        for name, v in self.salience.items():
            v[1] *= 0.5
            if v[1] < _FADED:
                faded.append(name)
        # a person not named for some 30 sentences leaves the table (keeps each sentence's work bounded by
        # the people named lately, not by all the article has named); the last to leave is remembered, so
        # "he" still finds someone when nobody is left
        for name in faded:
            if self._pending.get(name) is None:
                self._faded = self.salience.pop(name)[0]
        for name, w in self._pending.items():
            self.salience[name][1] = max(self.salience[name][1], w)
        self._pending.clear()

    def _by_role(self, np: list[str]) -> Source | None:
        """The person a role phrase ("the prime minister") names: one described so, else the most salient."""
        role = " ".join(t.lower() for t in np if t.lower() not in {"the", "a", "an"})
        for src, _score in sorted(self.salience.values(), key=lambda v: -v[1]):
            d = src.descriptor.lower()
            if src.kind == "named" and d and (d.endswith(role) or f"{role}," in d) and not any(
                    w in d.split() and w not in role.split() for w in ("deputy", "vice", "former", "shadow")):
                return src
        top = self.last_person
        return top if top is not None and top.kind == "named" else None

    @staticmethod
    def _key(surname: str) -> str:
        s = surname.lower().replace("’s", "").replace("'s", "")
        for pre in ("al-", "el-"):
            if s.startswith(pre):
                s = s[len(pre):]
        return s

    def _harvest_descriptors(self, toks: list[str]) -> dict[str, str]:
        """Each person's first role in the article, wherever it is named: a role before the name ("Heart and
        Stroke senior manager Erin Kim") or an appositive after it ("Erin Kim, a nurse at the clinic,"); a
        relative clause ("who lives in ...") describes no role and is skipped. One pass over the tokens."""
        found: dict[str, str] = {}
        n = len(toks)
        i = 0
        while i < n:
            if _name_part(toks[i]) is None:
                i += 1
                continue
            j = i
            while j < n and _name_part(toks[j]) is not None:
                j += 1
            key = self._key(_drop_possessive(toks[j - 1]))
            if j - i >= 2 and key not in found and not self._is_org(toks[i:j]):
                desc = self._role_before(toks, i) or self._appositive_after(toks, j)
                if desc:
                    found[key] = desc
            i = j
        return found

    @staticmethod
    def _role_before(toks: list[str], i: int) -> str:
        """The role words right before a name ("senior manager", "Acme chief executive"), or ""."""
        k = i
        while k > 0 and i - k < 5 and toks[k - 1][:1].isalpha() and toks[k - 1].lower() not in DET_STOP and (
                toks[k - 1][:1].islower() or k < i):
            k -= 1
        words = toks[k:i]
        while words and words[0][:1].isupper() and not _is_person_noun(words[0]):
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

    def _person_keys(self, toks: list[str]) -> set[str]:
        """Surname keys of the runs of name tokens the article itself shows to be people: a run right before a
        verb of saying ("Dia said") or ", who", right after "said"/"says", or after a title or a noun for a
        person ("Mr Dia", "analyst Mamadou Dia"). One pass over the tokens."""
        keys: set[str] = set()
        n = len(toks)
        i = 0
        while i < n:
            if _name_part(toks[i]) is None:
                i += 1
                continue
            j = i
            while j < n and _name_part(toks[j]) is not None:
                j += 1
            prev = toks[i - 1].lower() if i > 0 else ""
            nxt = toks[j].lower() if j < n else ""
            if (nxt in STRONG_VERBS or (nxt == "," and j + 1 < n and toks[j + 1].lower() == "who")
                    or prev in {"said", "says", "told"} or _is_title(prev) or _is_person_noun(prev)):
                keys.add(self._key(_drop_possessive(toks[j - 1])))
            i = j
        return keys

    def _name_runs(self, text: str) -> list[list[str]]:
        # each token's name part (None if it is not one), grouped into runs without None at C speed
        toks = _tokens(text)
        part = {t: _name_part(t) for t in set(toks)}  # (once per distinct token)
        parts = map(part.__getitem__, toks)
        return [list(g) for not_name, g in itertools.groupby(parts, operator.not_) if not not_name]

    @staticmethod
    def _is_org(run: list[str]) -> bool:
        low = " ".join(run).lower()
        return any(w.lower().strip(".") in ORG_WORDS for w in run) or low in ORG_NAMES

    def resolve(self, m: _Mention) -> Source | None:
        """The source a speaker phrase names: the person a pronoun or role means, a full name, a body or an unnamed source."""
        np = list(m.np)
        if not np:
            return None
        if m.appos and all(_is_name_tok(t) for t in m.appos) and (
                not any(_is_name_tok(t) for t in np[1:]) or np[0].lower() in {"the", "a", "an", "his", "her", "their"}):
            m = _Mention(m.appos, np, m.verb)  # "The minister, Carla Diaz, said": the name is the appositive
            np = list(m.np)
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
        if prep is not None and np[prep - 1][:1].islower() and np[prep - 1].lower() not in {"one"}:
            head = np[prep - 1].lower()
            return self._unnamed(_join(np), m.appos, group=head.endswith("s") and not head.endswith("ss"))
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
        return self.last_org or self.last_group

    def _unnamed(self, name: str, appos: list[str], group: bool) -> Source:
        """The unnamed source *name* ("Residents", "a spokesman for Acme"): a group, or a person who gains salience."""
        key = "unnamed:" + name.lower()
        src = self.sources.get(key) or Source(name, _join(appos), "unnamed", _category(name, "unnamed"))
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
        while k > 0 and _is_name_tok(np[k - 1]) and not _is_title(np[k - 1]):
            k -= 1
        # "During the interview Mr Blair said": words before a name that are not a role are not the speaker
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
        if np[-1].lower() in INANIMATE or (len(np) > 2 and any(t.lower() in INANIMATE for t in np[:4])):
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
                    person = Source(person.name, whole, "named", _category(whole, "named"))
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
        if not aged and (len(np) < 3 or head.endswith("s") and not head.endswith("ss") or head in INANIMATE
                         or head in ORG_WORDS or not head.isalpha() or np[-1][:1].isupper()):
            return None
        # the most salient person with a full name (a one-word "person" may be a place the tagger misread)
        top, score = None, _RECENT
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
        src = Source(" and ".join(names), descriptor, "named", _category(descriptor, "named"))
        self.last_group = src
        return src

    def _organisation(self, np: list[str], descriptor: str) -> Source:
        """The body *np* names ("the Home Office"), known by its name without "the"; it becomes "it"."""
        name = _join(np)
        key = "org:" + name.lower().removeprefix("the ")
        src = self.sources.get(key) or Source(name, descriptor, "organisation",
                                              "organisation" if not _is_media(name) else "media")
        self.sources[key] = src
        self.last_org = src
        return src

    def _named(self, name_toks: list[str], descriptor: str) -> Source:
        """A named person: the fullest form of the name the article uses, with the first descriptor it gets."""
        key = self._key(name_toks[-1])
        name = _join(name_toks)
        if len(name_toks) == 1 or len(self.full_names.get(key, "")) > len(name):
            name = self.full_names.get(key, name)
        if not descriptor or descriptor.split()[0].lower() in {"who", "whose", "which"}:
            descriptor = self.descriptors.get(key, "") if len(name.split()) >= 2 or key in self.full_names else ""
        known = self.sources.get(key)
        if known is not None:
            src = known if (known.descriptor or not descriptor) else Source(known.name, descriptor, "named",
                                                                           _category(descriptor, "named"))
        else:
            src = Source(name, descriptor, "named", _category(descriptor, "named"))
        self.sources[key] = src
        self.boost(src, 100)
        return src

    def _unnamed_phrase(self, np: list[str], m: _Mention) -> Source:
        """An unnamed source: "a resident", "officials", "furious world leaders" (known by the phrase's head)."""
        name = _join(np)
        key = "unnamed:" + np[-1].lower()
        src = self.sources.get(key) or Source(name, _join(m.appos) if m.appos else "", "unnamed",
                                              _category(name + " " + _join(m.appos), "unnamed"))
        self.sources[key] = src
        head = np[-1].lower()
        if head in INANIMATE or not _is_person_noun(head):
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
            by = next((k for k in range(len(seq) - 1) if seq[k].lower() in {"by", "from"} and _is_name_tok(seq[k + 1])), None)
            if by is not None:
                by_np, by_appos = _np_forward(list(seq), by + 1)  # "The book, by journalist Robert Peston, said"
                author = self.resolve(_Mention(by_np, by_appos, m.verb)) if by_np else None
                if author is not None and author.kind == "named":
                    return author
        names = [t for t in np[1:] if _is_name_tok(t) and t.lower() not in INANIMATE]
        if names and (self._is_org(names) or (np[0].lower() == "the" and self._person(names) is None)):
            return self._organisation(["the", *names], "")  # "The FBI request concludes": the FBI (never a document again)
        top = self.last_person_of(_PRONOUN_GENDER.get(np[0].lower()))  # "her statement said": a woman's
        if not names and top is not None:
            return top  # "that statement ripped ...": the statement's author
        return None

    def _person(self, run: list[str], cue: str = "") -> Source | None:
        """The named person a run of name tokens refers to, or None when nothing shows it is a person.

        Evidence that a name is a person's (so that "he" may mean it): it has been resolved as a speaker
        already, it (or the full name it stands for) opens with a first name from NLTK's names corpus, or a
        title or a noun for a person comes before it (*cue*: the word before the run, "Mr", "mayor").
        """
        titled = any(_is_title(t) for t in run) or _is_title(cue) or _is_person_noun(cue)
        run = [t.rstrip(".") for t in run if not _is_title(t)]
        if not run or self._is_org(run) or any(t.lower() in NOT_PERSON for t in run):
            return None
        key = self._key(run[-1])
        if key in self.sources and self.sources[key].kind == "named":
            return self.sources[key]
        if len(run) >= 2 or key in self.full_names:
            name = self.full_names.get(key, _join(run))
            if titled or key in self.person_keys or _first_name(name) or _first_name(_join(run)):
                return Source(name, "", "named", "unknown")
        return None

    def note_subject(self, sent: list[str]) -> None:
        """After a sentence: its subject (if a person) and the other people named in it gain salience."""
        if _names_someone(sent):
            np, appos = _sentence_subject(sent[:_SUBJECT_WINDOW])
            subject = None
            if np and np[0].lower() not in PRON_SUBJ:
                k = len(np)
                while k > 0 and _is_name_tok(np[k - 1]):
                    k -= 1
                if not (k > 0 and np[k - 1].lower() in {"the", "a", "an"}):
                    subject = self._person(np[k:], np[k - 1] if k > 0 else "")
                if subject is None and appos and all(_is_name_tok(t) for t in appos):
                    subject = self._person(appos)   # "McCain's former chief of staff, Mark Salter, was ..."
            self.boost(subject, 80)
            words = [t for t in sent if t[:1] != _PH]
            for run, prev in self._name_runs_with_prev(words):
                other = self._person(run, prev)
                if other is not None and (subject is None or other.name != subject.name):
                    # "One dissenting opinion came from X", "led by X": an introduction, the next "he"
                    self.boost(other, 110 if prev in {"from", "by"} else 60)
        self.decay()

    def _name_runs_with_prev(self, words: list[str]) -> list[tuple[list[str], str]]:
        """Each run of name tokens naming someone, with the word before it (lower case)."""
        out, cur, prev, before = [], [], "", ""
        part = _person_part
        for t in words:
            name = part(t)
            if name is not None:
                if not cur:
                    before = prev
                cur.append(name)
            elif cur:
                out.append((cur, before.lower()))
                cur = []
            prev = t
        if cur:
            out.append((cur, before.lower()))
        return out
