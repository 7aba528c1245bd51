"""What an article shows about the names in it, read once before its speakers are resolved: each surname's fullest
name, the names it shows to be people's (a verb of saying, a title, "he" in the same sentence, an appositive with a
noun for a person) or places ("in Nova Scotia" twice), the gender it gives a name ("Ms Lee", "Lee said she"), each
person's role (a title or an appositive), politicians by a body named after them, bodies'
short names ("Acme" for "Acme Corp") and families (people who share a family name).

:class:`_NameEvidence` is the base of the speaker resolver (:class:`~newskit.sources.resolver._Resolver`).

>>> ev = _NameEvidence(["Analyst", "Ann", "Lee", "said", "so", ".", "Lee", ",", "who", "left", ",", "spoke", "."])
>>> ev.full_names, ev.person_keys, ev.descriptors
({'lee': 'Ann Lee'}, {'lee'}, {'lee': 'Analyst'})
"""

from __future__ import annotations

import collections

from .lexicon import (
    EPITHETS,
    HONORIFICS,
    ORG_NAMES,
    ORG_WORDS,
    STRONG_VERBS,
    _category_why,
    _is_person_noun,
)
from .names import (
    _ends_in_initialism,
    _first_name,
    _is_party_tag,
    _is_title,
    _key,
    _name_part,
    _name_spans,
    _surname_key,
    _trim_office,
    _trim_openers,
)
from .tokens import _PH, _drop_possessive, _join

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


#: The gender a courtesy title before a name says.
_HONORIFIC_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}

#: Verbs of saying that take no object before a clause: "Lee said she ..." (not "told", "asked": "told her").
_SAID = frozenset("said says added adds explained explains insisted insists noted notes recalled recalls wrote writes".split())


def _said_gender(toks: list[str], i: int, j: int) -> str | None:
    """The gender the article gives the name toks[i:j] right where it names it: a courtesy title before it ("Ms Lee",
    "Mr. Ortega") or a verb of saying and "he"/"she" after it ("Lee said she", "Lee said that he"); None otherwise.
    This is the article's own word, surer than a first name's list ("Darian" is a man's name there, but "Darian Ray
    said she ..." is a woman).

    >>> _said_gender(["Ms.", "Lee", "left"], 1, 2), _said_gender(["Lee", "said", "that", "he", "would"], 0, 1)
    ('female', 'male')
    """
    if i > 0 and (g := _HONORIFIC_GENDER.get(toks[i - 1].lower().rstrip("."))) is not None:
        return g
    if j + 1 < len(toks) and toks[j].lower() in _SAID and not toks[j - 1].endswith(("'s", "\u2019s")):
        k = j + 2 if toks[j + 1].lower() == "that" else j + 1
        if k < len(toks) and toks[k] in {"he", "she"}:
            return "male" if toks[k] == "he" else "female"
    return None


#: Small words inside a body's name that its initials skip ("the Alcohol and Gaming Commission of Ontario").
_SKIPPED_IN_INITIALS = frozenset("of and the for on in & de du des la le".split())


def _acronyms(toks: list[str]) -> dict[str, str]:
    """Initials the article defines in brackets after a body's name, and the name: "the Alcohol and Gaming
    Commission of Ontario (AGCO)" gives {"AGCO": "Alcohol and Gaming Commission of Ontario"}.

    >>> _acronyms("the Alcohol and Gaming Commission of Ontario ( AGCO ) said".split())
    {'AGCO': 'Alcohol and Gaming Commission of Ontario'}
    >>> _acronyms("a letter from the Canadian Union of Postal Workers . The CUPW said".split())["CUPW"]
    'Canadian Union of Postal Workers'
    """
    found: dict[str, str] = {}
    for k in range(2, len(toks) - 1):
        acr = toks[k]
        if toks[k - 1] != "(" or toks[k + 1] != ")" or not (2 <= len(acr) <= 8 and acr.isalpha() and acr.isupper()):
            continue
        i, letters = k - 1, []
        while i > 0 and len(letters) < len(acr) and (toks[i - 1][:1].isupper() or (
                toks[i - 1].lower() in _SKIPPED_IN_INITIALS and letters)):
            i -= 1
            if toks[i][:1].isupper():
                letters.append(toks[i][0])
        if "".join(reversed(letters)) == acr:
            found.setdefault(acr, _join(toks[i:k - 1]))
    # (a body's initials the article uses without defining them: "the AGCO" after "the Alcohol and Gaming Commission
    # of Ontario"; only names with a word for a body, so that no person's initials count)
    i, n = 0, len(toks)
    while i < n:
        if not toks[i][:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < n and (toks[j][:1].isupper() or (toks[j].lower() in _SKIPPED_IN_INITIALS and j + 1 < n
                                                   and toks[j + 1][:1].isupper())):
            j += 1
        run = toks[i:j]
        caps = [t for t in run if t[:1].isupper()]
        if len(caps) >= 3 and any(t.lower().strip(".") in ORG_WORDS for t in caps) and all(t.isalpha() for t in caps):
            found.setdefault("".join(t[0] for t in caps), _join(run))
        i = j
    return found


class _NameEvidence:
    """The names of an article and what it shows about them (see the module's docstring), from its body's tokens."""

    _key = staticmethod(_key)

    def __init__(self, body_toks: list[str]) -> None:
        """*body_toks*: the tokens of each paragraph of the article's body, each followed by
        :data:`~newskit.sources.tokens.PARA_BREAK`."""
        self.full_names: dict[str, str] = {}     # surname key -> fullest name
        self.place_keys: set[str] = set()  # keys of names seen after a preposition of place ("in Nova Scotia")
        self.role_evidence: dict[str, str] = {}  # key -> words that show a politician: "the Trudeau government"
        self.genders: dict[str, str] = {}  # key -> the gender the article shows ("Ms Lee", "Lee said she"; see _person_keys)
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
        # a body's name without its generic word ("Silver Basin said" after "Silver Basin Partners", "Acme" after
        # "Acme Corp"): the body, unless a first name opens it ("John Smith" of "the John Smith Foundation")
        self.short_bodies: dict[str, str] = {}
        n = len(body_toks)
        for i, j in spans:
            if j < n and body_toks[j][:1].isupper() and body_toks[j].lower().strip(".") in ORG_WORDS and all(
                    t[:1].isupper() for t in body_toks[i:j]) and not _first_name(body_toks[i]):
                self.short_bodies.setdefault(_join(body_toks[i:j]), _join(body_toks[i:j + 1]))
        self.acronyms = _acronyms(body_toks)
        # a name's first word alone ("Wang said" after "Wang Qishan", "Keith" after "Keith Bachman"): the one
        # full name it opens, when no full name ends with it and the article shows that name to be a person's
        # (a first name the article shows alone, "Priya said", when no full name shown to be a person's opens with it:
        # the one full name that does, opening with a first name, "Priya Raman")
        firsts: dict[str, set[str]] = {}
        shown: dict[str, set[str]] = {}
        for key, full in self.full_names.items():
            first = self._key(full.split()[0])
            if key in self.person_keys:
                firsts.setdefault(first, set()).add(key)
            elif first in self.person_keys and _first_name(full) is not None:
                shown.setdefault(first, set()).add(key)
            # (else "Tesla September", "Edmonton Oilers": no sign of a person)
        for first, keys in shown.items():
            firsts.setdefault(first, keys)
        self.first_words = {w: next(iter(keys)) for w, keys in firsts.items() if len(keys) == 1 and w not in self.full_names}
        # a family: full names that share a family name and open with different first names ("Doris Leblanc", "her
        # son, Paul Leblanc"): each member is known by first and family name together, never one for the other
        members: dict[str, dict[str, str]] = {}
        for distinct in dict.fromkeys(_trim_openers(r) for r in runs):
            run = _trim_office(list(distinct))
            if len(run) >= 2 and _first_name(run[0]) is not None and not self._is_org(run):
                named = members.setdefault(self._key(run[-1]), {})
                first = self._key(run[0])
                if len(_join(run)) > len(named.get(first, "")):
                    named[first] = _join(run)
        self.family = {key: named for key, named in members.items() if len(named) >= 2}
        in_families = collections.Counter(first for named in self.family.values() for first in named)
        self.family_firsts = {first: key for key, named in self.family.items() for first in named
                              if in_families[first] == 1 and first not in self.full_names}
        # the family name alone is the member the article names first, its subject ("Megan Castellano", then "her
        # father, Joe Castellano": "Castellano said" is Megan), not the longest name
        for key, named in self.family.items():
            if key in self.full_names:
                self.full_names[key] = next(iter(named.values()))

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
        if words and (_is_person_noun(words[-1]) or (len(words) >= 2 and words[-1] in EPITHETS)):
            return _join(words)  # ("British sprint hope Jason Okafor": a word the press uses for a role, lexicon.EPITHETS)
        if not words or not _is_title(words[-1]) or words[-1].lower().rstrip(".") in HONORIFICS:
            return ""
        # an abbreviated rank is a role too ("Det. Sgt. Karen Ashby", "Democratic Sen. Amy Poe"), with the capitalised
        # words right before it ("showed Lee trailing Democratic Sen. Amy Poe": "Democratic Sen."; a courtesy title,
        # "Mr", is none)
        k = len(words) - 1
        while k > 0 and (words[k - 1][:1].isupper() or words[k - 1].lower() == "former"):
            k -= 1
        return _join(words[k:])

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
        shown: dict[str, set[str]] = {}  # key -> the genders the article shows it
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
                elif j + 1 < n and nxt in {"(", ","} and _is_party_tag(toks[j + 1]):
                    evidence[key] = f"{_join(toks[i:j])} ({toks[j + 1]})"  # "Dale Rourke (R-Ohio)": a politician
                elif i > 0 and toks[i - 1][:1].isupper():
                    before = toks[i - 1]
                    if before not in politician:
                        politician[before] = _category_why(before, "")[0] == "politician"
                    if politician[before]:
                        evidence[key] = f"{before} {_join(toks[i:j])}"  # "Liberal Justin Trudeau"
            said = _said_gender(toks, i, j)
            if said is not None:
                shown.setdefault(key, set()).add(said)
            if prev in _PLACE_PREPS and not last.endswith(("'s", "\u2019s")):
                places[self._key(last)] += 1  # "in Nova Scotia": a place
            if key not in keys and (nxt in STRONG_VERBS or (nxt == "," and j + 1 < n and toks[j + 1].lower() == "who")
                                    # ("Raman, a support worker, told ...": an appositive with a noun for a person)
                                    or (nxt == "," and self._appositive_after(toks, j) != "")
                                    or ((prev in {"said", "says", "told"} or _is_title(prev) or _is_person_noun(prev))
                                        and not self._modifies_role(toks, j))
                                    or (j - i >= 2 and not prev[:1].isalnum() and self._he_follows(toks, j))
                                    # ("Her husband, Dev Raman, ...": a full name in apposition to a noun for a person)
                                    or (j - i >= 2 and prev == "," and i >= 2 and toks[i - 2][:1].islower()
                                        and _is_person_noun(toks[i - 2]))):
                keys.add(key)
        self.place_keys = {k for k, c in places.items() if c >= 2}
        self.genders = {k: g.pop() for k, g in shown.items() if len(g) == 1}
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
        """True when a run of capitalised words names a body or a place: it has a word of
        :data:`~newskit.sources.lexicon.ORG_WORDS` ("Acme Inc", "Glace Bay hospital") or is one of
        :data:`~newskit.sources.lexicon.ORG_NAMES`, or it ends with an initialism after a word in small letters
        (:func:`~newskit.sources.names._ends_in_initialism`: "Glace Bay ER", "Toronto FC")."""
        low = " ".join(run).lower()
        return any(w.lower().strip(".") in ORG_WORDS for w in run) or low in ORG_NAMES or _ends_in_initialism(run)

    def _family_member(self, run: list[str]) -> tuple[str, str] | None:
        """(key, full name) of the member of a family of the article (:attr:`family`: "Doris Leblanc" and "Paul
        Leblanc") that *run* names: by first and family name, or by a first name no other family of the article
        uses; keyed by both names, so that one member never stands for another. None otherwise.

        >>> from newskit.sources.tokens import _tokens
        >>> r = _NameEvidence(_tokens("Doris Leblanc stayed. Her son, Paul Leblanc, came."))
        >>> r._family_member(["Paul"]), r._family_member(["Doris", "Leblanc"]), r._family_member(["Leblanc"])
        (('paul leblanc', 'Paul Leblanc'), ('doris leblanc', 'Doris Leblanc'), None)
        """
        if not self.family:
            return None
        first = self._key(run[0])
        key = self.family_firsts.get(first) if len(run) == 1 else self._key(_drop_possessive(run[-1]))
        named = self.family.get(key) if key is not None else None
        if named is None or first not in named:
            return None
        return f"{first} {key}", named[first]
