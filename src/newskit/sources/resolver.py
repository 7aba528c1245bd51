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


@functools.lru_cache(maxsize=65536)
def _name_part(tok: str) -> str | None:
    """*tok* as part of a run of name tokens when building full names (possessive dropped), else None."""
    return _drop_possessive(tok) if _is_name_tok(tok) and tok.lower() not in _NOT_IN_NAME_RUN else None


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
        self._tick = 0
        self.last_group: Source | None = None
        self.last_org: Source | None = None
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
            return None
        return max(self.salience.values(), key=lambda v: v[1])[0]

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
        for v in self.salience.values():
            v[1] *= 0.5
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
            top = self.last_person
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
        while k > 0 and _is_name_tok(np[k - 1]) and np[k - 1].lower() not in _TITLES:
            k -= 1
        # "During the interview Mr Blair said": words before a name that are not a role are not the speaker
        t0 = k
        while t0 > 0 and _is_title(np[t0 - 1]):
            t0 -= 1
        if 0 < t0 < len(np) and np[t0 - 1][:1].islower() and np[t0 - 1].lower() not in DETERMINERS and not (
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
        if (name_toks and not has_det and not self._is_org(name_toks) and not any(t.lower() in ORG_WORDS for t in desc_toks)
                and not any(t.lower() in NOT_PERSON for t in name_toks)):
            return self._named(name_toks, descriptor)
        # "Lord Butler's report said": a document speaks for its author
        if np[-1].lower() in INANIMATE or (len(np) > 2 and any(t.lower() in INANIMATE for t in np[:4])):
            author = self._document_author(np, m)
            if author is not None:
                return author
        if self._is_org(np) or (name_toks and len(name_toks) >= 1 and desc_toks[:1] and desc_toks[0].lower() == "the"
                                and all(_is_name_tok(t) or t.lower() in {"of", "on", "for", "and"} for t in np[1:])):
            name = whole
            key = "org:" + name.lower().removeprefix("the ")
            src = self.sources.get(key) or Source(name, descriptor if desc_toks and not has_det else "", "organisation",
                                                  "organisation" if not _is_media(name) else "media")
            self.sources[key] = src
            self.last_org = src
            return src
        # "the prime minister", "the former cabinet secretary": a role, most likely the person just named
        if np[0].lower() == "the" and np[-1].lower() in ROLE_HEADS and not any(t in {"'s", "\u2019s"} for t in np):
            person = self._by_role(np)
            if person is not None:
                if not person.descriptor:
                    person = Source(person.name, whole, "named", _category(whole, "named"))
                    self.sources[self._key(person.name.split()[-1])] = person
                self.boost(person, 100)
                return person
        return self._unnamed_phrase(np, m)

    def _named(self, name_toks: list[str], descriptor: str) -> Source:
        """A named person: the fullest form of the name the article uses, with the first descriptor it gets."""
        key = self._key(name_toks[-1])
        name = _join(name_toks)
        if len(name_toks) == 1 or len(self.full_names.get(key, "")) > len(name):
            name = self.full_names.get(key, name)
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
        names = [t for t in np[1:] if _is_name_tok(t)]
        if names and self._is_org(names):
            return self.resolve(_Mention(["the", *names], [], m.verb))  # "The FBI request concludes": the FBI
        if not names and self.last_person is not None:
            return self.last_person  # "that statement ripped ...": the statement's author
        return None

    def _person(self, run: list[str]) -> Source | None:
        """The named person a run of name tokens refers to, or None when it looks like a place or body."""
        run = [t.rstrip(".") for t in run if not _is_title(t)]
        if not run or self._is_org(run) or any(t.lower() in NOT_PERSON for t in run):
            return None
        key = self._key(run[-1])
        if key in self.sources and self.sources[key].kind == "named":
            return self.sources[key]
        if len(run) >= 2 or key in self.full_names:
            return Source(self.full_names.get(key, _join(run)), "", "named", "unknown")
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
                    subject = self._person(np[k:])
                if subject is None and appos and all(_is_name_tok(t) for t in appos):
                    subject = self._person(appos)   # "McCain's former chief of staff, Mark Salter, was ..."
            self.boost(subject, 80)
            words = [t for t in sent if t[:1] != _PH]
            for run, prev in self._name_runs_with_prev(words):
                other = self._person(run)
                if other is not None and (subject is None or other.name != subject.name):
                    # "One dissenting opinion came from X", "led by X": an introduction, the next "he"
                    self.boost(other, 110 if prev in {"from", "by"} else 60)
        self.decay()

    def _name_runs_with_prev(self, words: list[str]) -> list[tuple[list[str], str]]:
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
