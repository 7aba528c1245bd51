"""Names in an article: which tokens make a person's name, titles before it and letters after it, first names and
their gender, phrases around a name (an owner's role, "the Global Times", "Dale Brinkman of Hull") and the
:class:`~newskit.sources.results.Source` a name or a phrase becomes (the resolver's word-level helpers).

>>> _name_spans(["Mr", "Ann", "Lee", "said"]), _first_name("Ann Lee")
([(1, 3)], 'female')
"""

from __future__ import annotations

import functools
import itertools
import re

from ..core.resources import first_names
from ..core.words import ABBREVIATED_TITLES, PERSON_TITLES, fold
from .lexicon import NAME_OPENERS, NOT_PERSON, NOUN_GENDER, POST_NOMINALS, _category_why, _is_media, _is_person_noun
from .results import Source
from .tokens import _drop_possessive, _is_name_tok, _TokenMemo

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



#: Tokens that end a run of name tokens when the resolver learns the article's full names.
_NOT_IN_NAME_RUN = _TITLES | {"the", "a", "an", "but", "and", "in", "on", "at", "he", "she", "it", "we", "i"}


#: The gender a pronoun (or possessive) asks of the person it refers to.
_PRONOUN_GENDER = {"he": "male", "his": "male", "him": "male", "she": "female", "her": "female"}



@functools.lru_cache(maxsize=65536)
def _key(surname: str) -> str:
    """The key a person is known by: their surname in lower case, without a possessive or an "al-"/"el-".

    >>> _key("Al-Assad’s")
    'assad'
    """
    s = surname.lower().replace("’s", "").replace("'s", "")
    for pre in ("al-", "el-"):
        if s.startswith(pre):
            s = s[len(pre):]
    return s



def _first_name(name: str) -> str | None:
    """The gender ("male", "female", "either") of the first name *name* opens with, None when it opens with none
    (NLTK's names corpus, :func:`newskit.core.resources.first_names`)."""
    first = name.split()[0].lower() if name.split() else ""
    return first_names().get(first) if first not in NOT_PERSON else None


def _gender(src: Source) -> str | None:
    """The gender ("male", "female", "either") a source shows, None when it shows none: a named person's first name
    (:func:`_first_name`), else (or when the name is either's) a noun of :data:`~newskit.sources.lexicon.NOUN_GENDER`
    heading the role it has, the head of an unnamed source's phrase ("a Cabinet Office spokeswoman").

    >>> _gender(_source("a Home Office spokeswoman", "", "unnamed")), _gender(_source("Lee", "her husband", "named"))
    ('female', 'male')
    """
    words = src.name.split()
    if src.kind != "named":
        return NOUN_GENDER.get(words[-1].lower()) if words else None
    first = _first_name(src.name)
    if first not in (None, "either") or not src.descriptor:
        return first
    said = {NOUN_GENDER[w] for w in src.descriptor.lower().replace(",", " ").split() if w in NOUN_GENDER}
    return said.pop() if len(said) == 1 else first


#: A party-and-state tag after a US politician's name ("R-Ohio", "D-Mo.", "I-Vt.", "R-Searcy" for a state
#: legislator's home town): the party and where they sit, never a name.
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")


def _is_party_tag(tok: str) -> bool:
    """True for a party-and-state tag (:data:`_PARTY_TAG`).

    >>> _is_party_tag("R-Ohio"), _is_party_tag("D-N.Y."), _is_party_tag("Al-Assad")
    (True, True, False)
    """
    return _PARTY_TAG.fullmatch(tok) is not None


#: An initialism: two to five capital letters ("ER", "ICU", "FC", "RCMP"), save Roman numerals ("Henry VIII").
_INITIALISM = re.compile(r"(?![IVXLCDM]+\b)[A-Z]{2,5}")


def _ends_in_initialism(run: list[str]) -> bool:
    """True when a run of name tokens ends with an initialism (:data:`_INITIALISM`) after a word in small letters:
    a body or a facility ("Glace Bay ER", "Sydney ICU", "Toronto FC"), never a person's name. (A title or a noun for
    a person is no initialism here: "Nathan Cullen MP"; a run all in capitals is a dateline or a headline.)

    >>> _ends_in_initialism(["Glace", "Bay", "ER"]), _ends_in_initialism(["Nathan", "Cullen", "MP"])
    (True, False)
    >>> _ends_in_initialism(["Henry", "VIII"]), _ends_in_initialism(["SIOUX", "CENTER", "IA"])
    (False, False)
    """
    last = run[-1] if run else ""
    return (len(run) >= 2 and _INITIALISM.fullmatch(last) is not None and not _is_person_noun(last)
            and last.lower() not in _TITLES and any(not t.isupper() for t in run[:-1]))


@functools.lru_cache(maxsize=65536)
def _name_part(tok: str) -> str | None:
    """*tok* as part of a run of name tokens when building full names (possessive dropped), else None."""
    low = tok.lower().rstrip(".")
    return _drop_possessive(tok) if _is_name_tok(tok) and low not in _NOT_IN_NAME_RUN and not (
        tok[:1].isupper() and _is_person_noun(tok)) and not _is_party_tag(tok) and not (
        low in POST_NOMINALS and tok.isupper()) else None  # ("CEO Matt Danison", "Jeremy Hale QC")


@functools.lru_cache(maxsize=65536)
def _surname_key(tok: str) -> str:
    """The key of the name that the token *tok* ends (its possessive dropped): :func:`_key`."""
    return _key(_drop_possessive(tok))


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
    return _drop_possessive(tok) if _is_name_tok(tok) and low not in _TITLES and low not in NOT_PERSON and not (
        _is_party_tag(tok)) and not (low.rstrip(".") in POST_NOMINALS and tok.isupper()) else None


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


#: Names of days and months: capitalised nouns of time that say when even after a name ("Ottawa Tuesday").
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _names_a_body(np: list[str]) -> bool:
    """True when a phrase ending in a noun of time ends in a name instead: a capitalised one that is no day or month,
    after a capitalised word ("the Global Times", "London Fashion Week"), is part of it.

    >>> _names_a_body(["the", "Global", "Times"]), _names_a_body(["a", "notice", "Tuesday"])
    (True, False)
    """
    return len(np) >= 2 and np[-1][:1].isupper() and np[-2][:1].isupper() and np[-1].lower() not in _CALENDAR


#: How an owner's name ends ("the minister's", "the United Nations’"): a phrase with one is about someone else.
_OWNER_ENDS = ("'s", "\u2019s", "s'", "s\u2019")


def _has_owner(np: list[str]) -> bool:
    """True when a phrase has an owner ("the minister's aide", "the United Nations’ panel", the tokenizer leaving a
    plural's apostrophe alone): it is about someone else than the owner.

    >>> _has_owner(["the", "United", "Nations", "\u2019", "panel"]), _has_owner(["the", "rookie", "defenceman"])
    (True, False)
    """
    return any(t.endswith(_OWNER_ENDS) or t in {"'", "\u2019"} for t in np)


def _owner_role(np: list[str]) -> bool:
    """True when a phrase is an owner's name and a noun for a person ("Ms Dane's barrister", "Trump's lawyer"): someone
    else than the owner, whom an appositive may name.

    >>> _owner_role(["Ms", "Dane's", "barrister"]), _owner_role(["Ann", "Lee"])
    (True, False)
    """
    return len(np) >= 2 and np[-1][:1].islower() and _is_person_noun(np[-1]) and np[-2].endswith(_OWNER_ENDS)


def _names_one(appos: list[str]) -> bool:
    """True when an appositive is a name, maybe with where the person is from ("Dale Brinkman of Hull").

    >>> _names_one(["Dale", "Brinkman", "of", "Hull"]), _names_one(["Ann", "Lee"]), _names_one(["a", "nurse"])
    (True, True, False)
    """
    cut = next((k for k, t in enumerate(appos) if t.lower() in {"of", "from"}), len(appos))
    # (where the person is from may be a body's name with "the", "of", "and": "of the ACLU of Indiana")
    where = [t for t in appos[cut + 2:] if t.lower() not in {"of", "and"}] if cut + 1 < len(appos) and (
        appos[cut + 1].lower() == "the") else appos[cut + 1:]
    return 0 < cut and all(_is_name_tok(t) for t in appos[:cut]) and all(
        _is_name_tok(t) and t[:1].isupper() for t in where) and (cut == len(appos) or len(where) > 0)


def _role_then_name(appos: list[str]) -> int:
    """Where the name starts in an appositive that gives a role, then a full name ("student Aisha Rahman", "lawyer
    Jon Reyes of the ACLU"): the index of its first name token, after words in small letters ending with a noun for
    a person; 0 when it gives no such role (a bare name, or no name).

    >>> _role_then_name(["student", "Aisha", "Rahman"]), _role_then_name(["Ann", "Lee"]), _role_then_name(["a", "nurse"])
    (1, 0, 0)
    """
    k = 0
    while k < len(appos) and appos[k][:1].islower() and appos[k].isalpha():
        k += 1
    if 0 < k < len(appos) - 1 and _is_person_noun(appos[k - 1]) and _names_one(appos[k:]) and (
            _is_name_tok(appos[k + 1]) and appos[k + 1][:1].isupper()):
        return k
    return 0


#: Words that end a role's own words in a descriptor ("a lawyer for the club", "Ann Roy, who ...").
_ROLE_ENDS = frozenset("of for at with to in from on by who whose which that and".split())


@functools.lru_cache(maxsize=4096)
def _role_words(descriptor: str) -> frozenset[str]:
    """The words of a descriptor that say a role, lower case: up to its first preposition, clause or comma, without
    an owner's name ("the victim's father" is a father).

    >>> sorted(_role_words("a lawyer for the club")), sorted(_role_words("the victim's father"))
    (['a', 'lawyer'], ['father', 'the'])

    A title of something before a name ends with the role: ``"Court of Appeal Justice"`` has "justice".
    """
    out = set()
    for t in descriptor.lower().replace(",", " , ").split():
        if t in _ROLE_ENDS or t == ",":
            break
        if not t.endswith(("'s", "\u2019s")):
            out.add(t.strip(".;:()\"'"))
    last = descriptor.split()[-1] if descriptor.strip() else ""
    if "," not in descriptor and _is_title(last):
        out.add(last.lower().strip("."))  # a title of something before a name: "Court of Queen's Bench Justice"
    return frozenset(out)


def _activity_words(head: str) -> frozenset[str]:
    """The words for the activity an agent noun is named after, as a descriptor says it of a person ("British sprint
    hope X" for "the sprinter", "boxing champion X" for "the boxer", "cycling star X" for "the cyclist"); empty for a
    noun that ends in neither "-er" nor "-ist".

    >>> sorted(_activity_words("swimmer"))
    ['swim', 'swiming', 'swimm', 'swimme', 'swimmeing', 'swimming']
    """
    if head.endswith("er"):
        stems = {head[:-2], head[:-1]} | ({head[:-3]} if len(head) > 4 and head[-3] == head[-4] else set())
    elif head.endswith("ist"):
        stems = {head[:-3]}
    else:
        return frozenset()
    return frozenset(w for st in stems if len(st) >= 3 for w in (st, st + "ing"))
