"""Speaker phrases: the noun phrase before a speech verb ("X, a resident, said") or after it ("said X"),
and a sentence's subject, read with the part-of-speech tagger from the frame's tokens.

>>> from newskit.sources.tokens import _tokens
>>> toks = _tokens("Mahmud Nuri, a resident fleeing Mosul, told AFP")
>>> _np_backward(toks, toks.index("told"))
(['Mahmud', 'Nuri'], ['a', 'resident', 'fleeing', 'Mosul'])
>>> _np_forward(_tokens("said Josh Earnest, the spokesman."), 1)
(['Josh', 'Earnest'], ['the', 'spokesman'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.resources import first_names
from .lexicon import (
    ADVERBS,
    APPOS_CUES,
    AUX,
    DET_POSS,
    DETERMINERS,
    ED_OK,
    INANIMATE,
    INTRO,
    NP_TAGS,
    ORG_WORDS,
    PP_STOP,
    PRON_SUBJ,
    SPEECH_VERBS,
    STOP_BACK,
    TIME_WORDS,
    _is_person_noun,
)
from .tokens import _PH, _SENT_TOKS, _SUBJECT_WINDOW, _WINDOW, _is_cap, _is_name_tok, _is_placeholder, _tag, _TokenMemo

#: Sentence adverbs set off by commas between a speaker and the verb ("Scheer, however, said").
_ASIDES = frozenset("however though meanwhile too also though instead nonetheless nevertheless moreover "
                    "furthermore indeed meanwhile then".split())


#: A party and state ("R-Searcy", "D-Mo.", "I-Vt.", "R-N.Y.") or an age ("45"): a short tag set off by commas after
#: a name ("Clay Rutherford, R-Searcy, the law's sponsor, said"; "Ann Lee, 45, said"), part of the appositive.
_SHORT_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]*|\d{1,3}")


def _is_short_tag(tok: str) -> bool:
    """True for a party-and-state tag or an age (:data:`_SHORT_TAG`).

    >>> [_is_short_tag(t) for t in ("R-Searcy", "D-Mo.", "R-N.Y.", "45", "2015", "Reid")]
    [True, True, True, True, False, False]
    """
    return _SHORT_TAG.fullmatch(tok) is not None


def _is_aside_word(tok: str, tag: str) -> bool:
    """True for a word that can stand alone as an aside between commas: a sentence adverb (:data:`_ASIDES`), an
    adverb or a participle ("Albright, laughing, said", "Lee, visibly shaken, said"), never a noun for a person.

    >>> _is_aside_word("laughing", "NN"), _is_aside_word("clearly", "RB"), _is_aside_word("resident", "NN")
    (True, True, False)
    """
    if not (tok.isalpha() and tok.islower()) or _is_person_noun(tok):
        return False
    return (tok in _ASIDES or tag.startswith("RB") or tag in {"VBG", "VBN"}
            or (len(tok) > 4 and tok.endswith(("ing", "ly", "ed"))))


#: Prepositions that open a short aside between a speaker and the verb ("Okoye, for his part, said").
_ASIDE_PREPOSITIONS = frozenset("for in on at by during after like".split())


def _skip_aside(toks: list[str], tags: tuple[str, ...], i: int) -> int:
    """Where a phrase read backwards goes on when toks[i] closes an aside of one or two words between commas
    ("Scheer, however, said", "Albright, laughing, said", "Lee, visibly moved, said"): the index before its
    opening comma; else *i*."""
    for width in (1, 2):
        o = i - width - 1
        if (o >= 1 and toks[i] == "," and toks[o] == ","
                and all(_is_aside_word(toks[k], tags[k]) for k in range(o + 1, i))):
            return o - 1
    for width in (2, 3, 4):
        # ("Okoye, for his part, said", "Lee, in a statement, said", "Lee, in turn, said": a short phrase of a
        # preposition, no verb in it)
        o = i - width - 1
        if (o >= 1 and toks[i] == "," and toks[o] == "," and toks[o + 1] in _ASIDE_PREPOSITIONS
                and not any(tags[k].startswith("VB") or not toks[k].isalnum() for k in range(o + 2, i))):
            return o - 1
    return i


#: Particles of phrasal verbs ("shot back", "lashed out"): a lower-case word after a name and before one of them is
#: a verb, whatever the tagger says.
_PARTICLES = frozenset("back out up down off".split())


@dataclass
class _Mention:
    """A speaker phrase found in the reporter's words, before resolution."""

    np: list[str]
    appos: list[str]
    verb: str


#: Adjectives that take a complement after a noun for people ("people familiar with the matter", "sources close to
#: the talks", "officials knowledgeable about the plan"): the noun, not the complement, is who speaks.
_POSTMODIFIERS = frozenset("""familiar close closest knowledgeable privy loyal opposed sympathetic present involved
aware""".split())

#: Past participles that introduce a name ("a group called Protect Loveland said"): the name after them speaks, so
#: they make no postmodified phrase.
_NAMING_PARTICIPLES = frozenset("called named dubbed titled known nicknamed".split())

#: Words for some of a group, before a place or body ("some in the party say", "many at the meeting said").
_QUANTIFIERS = frozenset("some many most few others those several none all one two three dozens hundreds "
                         "thousands".split())


def _postmodified(toks: list[str], tags: tuple[str, ...], stop: int, np: list[str]) -> list[str] | None:
    """The whole subject when the phrase read backwards stopped at toks[*stop*] inside a noun's postmodifier: an
    adjective of :data:`_POSTMODIFIERS` or a past participle after a noun, then its complement ("Two people familiar
    with the matter", "Residents evacuated from the area", "People arrested last week"), or some of a group
    before a preposition ("some in the party"); *np* is what was read after *stop*. None for any other stop.

    >>> from newskit.sources.tokens import _tokens
    >>> toks = _tokens("Two people familiar with the matter said")
    >>> _np_backward(toks, toks.index("said"))[0]
    ['Two', 'people', 'familiar', 'with', 'the', 'matter']
    """
    low = toks[stop].lower()
    if low in PP_STOP and toks[stop - 1].lower() in _QUANTIFIERS and (
            stop == 1 or not tags[stop - 2].startswith(("NN", "JJ", "CD"))):
        return toks[stop - 1:stop + 1] + np  # ("some in the party", not "the last two in the race")
    m = stop - 1 if low in PP_STOP else stop
    word = toks[m]
    # (a participle the tagger reads as a finite verb counts before a preposition: "Officials briefed on the plan
    # said", "The man accused of fraud said": two verbs in a row make no clause)
    participle = tags[m] == "VBN" or (tags[m].startswith("VB") and word.endswith("ed") and m + 1 < len(toks)
                                       and tags[m + 1] == "IN")
    if not (m >= 1 and word.isalpha() and word.islower() and word not in _NAMING_PARTICIPLES
            and (word in _POSTMODIFIERS or participle) and tags[m - 1] in {"NN", "NNS", "NNPS"}):
        return None
    head, head_appos = _np_backward(toks, m)
    if not head or head_appos or head[-1] != toks[m - 1]:
        return None
    return head + toks[m:stop + 1] + np


def _appositive_before(toks: list[str], i: int) -> tuple[int, list[str]] | None:
    """The appositive that ends at toks[*i*], just before a verb read backwards: (where the phrase before it ends,
    its tokens); ``(i, [])`` when there is none, None when toks[*i*] closes something that is no appositive (the
    phrase is then no subject). Brackets ("Ann Lee (D-Mo.) said"), commas or dashes ("X, a resident fleeing Mosul,
    told", "X – a native of Mosul – told", "X, analyst at Y, agreed").

    >>> from newskit.sources.tokens import _tokens
    >>> _appositive_before(_tokens("Ann Lee, a resident, said"), 5)
    (1, ['a', 'resident'])
    """
    appos: list[str] = []
    # "Sen. Claire McCaskill (D-Mo.) said": a party and state, or an age, in brackets go to the appositive
    if i >= 1 and toks[i] == ")":
        o = next((x for x in range(i - 1, max(-1, i - 8), -1) if toks[x] == "("), None)
        if o is not None and o > 0 and _is_name_tok(toks[o - 1]):
            inner = toks[o + 1:i]
            # ("a spokesperson for the Employers' Association (UCEA) said": a body's initials, no appositive)
            if not (len(inner) == 1 and len(inner[0]) > 1 and inner[0].isalpha() and inner[0].isupper()):
                appos = inner
            i = o - 1
    # "X, a resident fleeing Mosul, told" / "X – a native of Mosul – told" / "X, analyst at Y, agreed"
    if i >= 0 and not appos and toks[i] in {",", "\u2013", "\u2014", "-"}:
        closer = toks[i]
        j = i - 1
        # (an appositive between commas holds no dash: "SIOUX CENTER, Iowa (AP) — Ann Lee spent ..., telling")
        while (j >= 0 and toks[j] != closer and not _is_placeholder(toks[j]) and i - j < 30
               and not (closer == "," and toks[j] in _DATELINE_DASHES)):
            j -= 1
        inner = toks[j + 1:i]
        if (j >= 1 and toks[j] == closer and inner
                and (inner[0].lower() in APPOS_CUES or closer != "," or all(_is_name_tok(t) for t in inner)
                     or (_is_name_tok(toks[j - 1]) and (j >= 2 and _is_name_tok(toks[j - 2])))
                     or (len(inner) == 1 and _is_short_tag(inner[0]) and _is_name_tok(toks[j - 1]))
                     # ("One of them, Treasury spokesman Hugh Pemberton, said": a quantity of a group, then a name)
                     or (toks[j - 1].lower() in {"them", "us"} and len(inner) >= 2
                         and all(_is_name_tok(t) and t[:1].isupper() for t in inner[-2:])))):
            appos = inner
            i = j - 1
            # "State Sen. Clay Rutherford, R-Searcy, the law's sponsor, called": a party and state (or an age)
            # between commas before the appositive is a second appositive; the name comes before both
            if (closer == "," and i >= 2 and toks[i - 1] == "," and _is_short_tag(toks[i]) and len(appos) > 1
                    and _is_name_tok(toks[i - 2])):
                appos = [toks[i], ",", *appos]
                i -= 2
        else:
            return None
    return i, appos


#: Prepositions that open an adverbial phrase before a subject with no comma ("In the interview Mr Blair said",
#: "After the vote Lee said").
_ADVERBIAL_PREPOSITIONS = PP_STOP | frozenset("after before during since throughout following amid despite".split())

#: Words of a phrase that says when ("Earlier this week", "the first time", "that same day"), with TIME_WORDS.
_WHEN_WORDS = frozenset("the this that last next first same earlier later early late every each one".split())


def _is_when_word(tok: str) -> bool:
    """True for a word of a phrase that says when: a time word, "last", "this", "the", a year ("2015")."""
    low = tok.lower()
    return low in TIME_WORDS or low in _WHEN_WORDS or (tok.isdigit() and len(tok) == 4)


def _says_when(np: list[str]) -> bool:
    """True when *np* is a phrase that says when ("Thursday", "last week", "the following morning").

    >>> _says_when(["last", "week"]), _says_when(["the", "company"])
    (True, False)
    """
    return bool(np) and all(map(_is_when_word, np)) and any(x.lower() in TIME_WORDS or x.isdigit() for x in np)


def _name_after_adverbial(tags: tuple[str, ...], np: list[str], last: int, opened: bool) -> list[str]:
    """The name that ends *np* when the words before it say when or where, with no comma between: "In the interview
    Mr Blair said", "After the vote Lee said", "Earlier this week Ann Lee said", "the first time Kettering said"
    (*np* is toks[last - len(np) + 1:last + 1]; *opened*: a preposition came just before it); else *np*.

    >>> from newskit.sources.tokens import _tokens
    >>> toks = _tokens("During the debate Mayor Ann Lee said")
    >>> _np_backward(toks, toks.index("said"))[0]
    ['Mayor', 'Ann', 'Lee']
    """
    k = 0
    while k < len(np) and _is_when_word(np[k]):
        k += 1
    # "Last week the firm's lawyers said", "Monday Ann Lee said": a phrase of time opens it, then the subject
    # (it ends with a time word in lower case, or is one day's or month's name: "The Times" is a name)
    if (0 < k < len(np) and any(x.lower() in TIME_WORDS for x in np[:k])
            and (np[k - 1].islower() or (k == 1 and np[0].lower() != "times"))
            and (np[k][:1].isupper() or np[k].lower() in DET_POSS)):
        return np[k:]
    r = len(np)
    while r > 0 and _is_name_tok(np[r - 1]) and np[r - 1][:1].isupper():
        r -= 1
    if r == 0 or r == len(np) or not (np[r - 1].isalpha() and np[r - 1].islower()):
        return np
    before = np[:r]
    low0 = before[0].lower()
    when = _says_when(before)
    noun = tags[last - len(np) + r] in {"NN", "NNS"} and np[r - 1].lower() not in DETERMINERS
    opened = opened or (before[0][:1].isupper() and low0 in _ADVERBIAL_PREPOSITIONS)  # ("During the debate Lee")
    return np[r:] if when or (noun and opened) else np


def _tidy_backward(toks: list[str], tags: tuple[str, ...], np: list[str], last: int, stop: int) -> list[str]:
    """A phrase read backwards without what runs into it from before: a bare preposition, a phrase that says when
    or where (:func:`_name_after_adverbial`), a phrase the speaker talks about ("Mr Peston the prime minister",
    "a move the company"). *np* is toks[last - len(np) + 1:last + 1], *stop* where it was stopped (-1: nowhere)."""
    opened = stop >= 0 and toks[stop].lower() in _ADVERBIAL_PREPOSITIONS
    while np and np[0].lower() in {"of", "for", "in", "at", "on", "by", "from"}:
        dropped = np.pop(0).lower()  # (popped first: "opened or np.pop(0)" would never pop once opened, and hang)
        opened = opened or dropped in _ADVERBIAL_PREPOSITIONS
    np = _name_after_adverbial(tags, np, last, opened)
    # "Mr Peston the prime minister said": two phrases run together; keep the last. So too after a common noun
    # ("in a move the company said was needed", "a remark his aides said referred to ..."): the noun is what the
    # speaker talks about, the phrase after it (a clause with no "that") who speaks
    for k in range(len(np) - 1, 0, -1):
        low = np[k].lower()
        if low in {"the", "a", "an"} and _is_name_tok(np[k - 1]) and np[k - 1].lower() not in DETERMINERS:
            np = np[k:]
            break
        if (low in {"the", "his", "their", "its"} and np[k - 1].isalpha() and np[k - 1].islower()
                and tags[last - len(np) + k] in {"NN", "NNS"} and k + 1 < len(np)):
            np = np[k:]
            break
    return np


def _np_backward(toks: list[str], end: int) -> tuple[list[str], list[str]]:
    """The noun phrase ending just before toks[end] (the verb): (np tokens, appositive tokens).

    Skips adverbs ("X also said"), an appositive between commas or dashes
    ("X, a resident, said"), and a relative clause ("the lawyer who requested it says").
    """
    tags = _tag(tuple(toks))
    i = end - 1
    while i >= 0 and (toks[i].lower() in ADVERBS or (toks[i][:1].islower() and tags[i].startswith("RB"))):
        i -= 1
    # "Scheer, however, said", "Albright, laughing, said": an aside between commas
    i = _skip_aside(toks, tags, i)
    found = _appositive_before(toks, i)
    if found is None:
        return [], []
    i, appos = found
    np: list[str] = []
    stopped_at = -1
    while i >= 0:
        t = toks[i]
        low = t.lower()
        tag = tags[i]
        if _is_placeholder(t) or t in {",", ";", ":", "(", ")", "\u2013", "\u2014", "!", "?", "."}:
            break
        if (low == "and" and np and all(_is_name_tok(x) and x[:1].isupper() for x in np) and i > 1
                and _is_name_tok(toks[i - 1]) and toks[i - 1][:1].isupper() and _is_name_tok(toks[i - 2])
                and toks[i - 2][:1].isupper()):
            np.insert(0, t)  # "Tore Sohlberg and Lehla Abreder said": two people speak together
            i -= 1
            continue
        if (low == "and" and np and np[-1].lower().strip(".") in ORG_WORDS and i > 0 and toks[i - 1][:1].isupper()
                and not any(x[:1].islower() for x in np)):
            np.insert(0, t)  # "the Universities and Colleges Employers' Association": one body's name
            i -= 1
            continue
        if low in STOP_BACK and low not in {"of", "for"} and not (t.isupper() and len(t) > 1):  # "WHO" is a name
            stopped_at = i
            break
        if low in _ADVERBIAL_PREPOSITIONS and np and _says_when(np) and i > 0 and tags[i - 1].startswith("NN"):
            np = []  # "Microsoft on Thursday reiterated", "the council in 2019 said": when, then the subject
            i -= 1
            continue
        if np and np[0][:1].isupper() and t.islower() and tag in {"RB", "RBR", "RBS", "EX"}:
            stopped_at = i  # "were not there Lord Butler said": an adverb ends the clause before the name
            break
        if low in PP_STOP and not (i > 0 and tags[i - 1].startswith("NN")):  # "Panel on Climate Change" goes on
            if np and np[0][:1].isupper() and not any(x[:1].islower() for x in np):
                if len(np) > 1 and np[0].lower() in TIME_WORDS:
                    return np[1:], appos  # "On Tuesday Ann Lee said": when, then who
                if whole := _postmodified(toks, tags, i, np):
                    return whole, appos  # "Fans arrested on Saturday said"
                return [], []  # "hit back at Labour claims ...": a noun after a preposition, not a subject and verb
            stopped_at = i
            break
        if low in {"them", "us"} and not np and i >= 2 and toks[i - 1].lower() == "of" and toks[i - 2].lower() in _QUANTIFIERS:
            # "One of them, Treasury spokesman Hugh Pemberton, said": the one named in the appositive speaks
            if len(appos) >= 2 and all(_is_name_tok(x) and x[:1].isupper() for x in appos[-2:]):
                return list(appos), toks[i - 2:i + 1]
            return [toks[i - 2]], appos  # ("one of them said": one of the group just named, as "one said")
        if low in PRON_SUBJ:
            if i > 0 and toks[i - 1][:1].islower() and tags[i - 1].startswith("VB") and not np:
                stopped_at = i - 1  # "the lawyer who requested it says": "it" is an object
                break
            if not np:
                np.insert(0, t)
            break
        # (a noun for a person is never the verb, whatever the tagger says: "Rogers spokesperson Andrea Goldstein")
        if low in AUX or (low in SPEECH_VERBS and np) or (
                t[0].islower() and (tag.startswith("VB") or tag in {"MD", "PRP", "TO", "WDT", "WP"}) and low not in ED_OK
                and not _is_person_noun(low)):
            stopped_at = i
            break
        if not t[0].isalnum() and t not in {"'", "\u2019", "&"}:
            break
        np.insert(0, t)
        i -= 1
        if len(np) > 12:
            return [], []
    last = i + len(np)  # (np is toks[last - len(np) + 1:last + 1], whatever is dropped from its front below)
    if stopped_at >= 1 and np and (whole := _postmodified(toks, tags, stopped_at, np)):
        return whole, appos  # "Two people familiar with the matter said", "some in the party say"
    # a relative clause: "the lawyer who requested it says", "A businessman who co-chaired X said"
    if stopped_at >= 0 and toks[stopped_at].lower() not in {"who", "which", "that"}:
        for k in range(stopped_at, max(-1, stopped_at - 12), -1):
            if toks[k] in {",", ";", ":", ".", "!", "?"} or _is_placeholder(toks[k]):
                break
            if toks[k].lower() in {"who", "which"}:
                rel_np, _ = _np_backward(toks, k)
                if rel_np:
                    return rel_np, appos or toks[k:end]  # (the clause describes the speaker)
                break
    elif stopped_at >= 0 and toks[stopped_at].lower() in {"who", "which"} and not np:
        return _np_backward(toks, stopped_at)
    # a phrase cannot start with a bare preposition, nor be only determiners or a possessive
    np = _tidy_backward(toks, tags, np, last, stopped_at)
    if np in (["One"], ["Another"]):
        return np, appos  # "One noted that ...": one of the group just named
    if np and (all(x.lower() in DETERMINERS or x.lower() in {"his", "her", "its", "their", "my", "your", "our"} for x in np)
               or np[-1].lower().endswith(("'s", "\u2019s", "s'"))):
        return [], []
    return np, appos


#: Words that end a speaker phrase read forwards from its verb ("said Ann Lee, who ...", "said Ann Lee in Paris").
_NP_ENDS = frozenset({"who", "that", "which", "in", "on", "at", "during", "when", "after", "before", "as", "and", "to",
                      "while", "but", "because", "adding", "saying", "referring", "told", "said",
                      # adverbs of place and time end it too ('chanted the protesters outside', 'said Lee later')
                      "outside", "inside", "nearby", "here", "there", "today", "yesterday", "tonight", "later",
                      "earlier", "again", "afterwards", "afterward", "recently", "once"})

#: Past participles that end a phrase read forwards when the preposition after them ends it ('said a senior official
#: involved in the talks', 'said an aide briefed on the plan').
_PARTICIPLE_ENDS = frozenset("involved briefed based quoted cited interviewed contacted reached".split())

#: Words that end a phrase read forwards when what follows them is cut off: a postmodifier or such a participle.
_FORWARD_POSTMODIFIERS = _POSTMODIFIERS | _PARTICIPLE_ENDS

#: Words that open a description rather than a name ("the minister", "his lawyer").
_DESCRIPTION_OPENERS = frozenset({"the", "his", "her", "their", "its", "our"})


def _is_description(np: list[str]) -> bool:
    """True when *np* describes someone rather than names them: "the minister", "his lawyer", "Campbell's partner"."""
    return np[0].lower() in _DESCRIPTION_OPENERS or (
        len(np) >= 2 and np[0].endswith(("'s", "\u2019s")) and all(t[:1].islower() for t in np[1:]))


def _is_body_name_on(toks: list[str], i: int) -> bool:
    """True when toks[i], "on", is inside a body's name: a capitalised word for a body (:data:`ORG_WORDS`) before it,
    a capitalised word that says no time after it ("the Council on Foreign Relations", "the National Institute on
    Drug Abuse"; not "the Council on Monday").

    >>> _is_body_name_on(["Institute", "on", "Drug", "Abuse"], 1), _is_body_name_on(["Council", "on", "Monday"], 1)
    (True, False)
    """
    prev, nxt = toks[i - 1], toks[i + 1] if i + 1 < len(toks) else ""
    return (i > 0 and prev[:1].isupper() and prev.lower() in ORG_WORDS and nxt[:1].isupper() and _is_name_tok(nxt)
            and nxt.lower() not in TIME_WORDS)


def _np_forward(toks: list[str], start: int) -> tuple[list[str], list[str]]:
    """The noun phrase starting at toks[start] (after "said"): (np tokens, appositive tokens)."""
    np: list[str] = []
    i = start
    while i < len(toks):
        t = toks[i]
        low = t.lower()
        if _is_placeholder(t) or not (t[0].isalnum() or t in {"'", "’", "-"}):
            break
        if np and not t.isupper() and low in _NP_ENDS:  # (an acronym is a name: "Ann Lee of the WHO")
            if low in {"and"} and i + 1 < len(toks) and _is_cap(toks[i + 1]) and all(_is_cap(x) for x in np):
                pass
            elif low == "on" and _is_body_name_on(toks, i):
                pass  # "according to the National Institute on Drug Abuse": "on" inside a body's name
            else:
                break
        if np and (low in SPEECH_VERBS or low in AUX):
            break  # ("said the new administration would turn ...": the verb of the words reported)
        np.append(t)
        i += 1
        if len(np) > 12:
            break
    if len(np) > 2 and np[-1] in _FORWARD_POSTMODIFIERS and np[-2].isalpha() and np[-2].islower():
        np.pop()  # 'said a senior official involved in the talks': the noun, without its postmodifier
    appos: list[str] = []
    if i < len(toks) and toks[i] == "," and i + 1 < len(toks) and toks[i + 1].lower() in APPOS_CUES:
        j = i + 1
        while j < len(toks) and toks[j] not in {",", ".", ";", ":"} and not _is_placeholder(toks[j]):
            j += 1
        appos = toks[i + 1:j]
    elif np and _is_description(np) and i + 1 < len(toks) and toks[i] == ",":
        # 'said the company's CEO, Mark Zuckerberg.', 'says Wise's dad, Darrin.': a description, then the name of the
        # one it describes (a name of one word must be a first name)
        j = i + 1
        while j < len(toks) and _is_name_tok(toks[j]) and toks[j][:1].isupper():
            j += 1
        name = toks[i + 1:j]
        place = j
        if j + 1 < len(toks) and toks[j].lower() in {"of", "from"} and _is_cap(toks[j + 1]):
            place = j + 1  # ('asked the grower, Dale Brinkman of Hull.': a name, then where the person is from)
            while place < len(toks) and _is_name_tok(toks[place]) and toks[place][:1].isupper():
                place += 1
        if (len(name) >= 2 or name and first_names().get(name[0].lower()) and name[0].lower() not in TIME_WORDS) and (
                place == len(toks) or toks[place] in {",", ".", ";", "!", "?"}):
            appos = toks[i + 1:place]
    return np, appos


def _clause_subject(toks: list[str], end: int) -> tuple[list[str], list[str]]:
    """The subject of the clause ending at toks[end]: the nearest pronoun or phrase before a finite verb."""
    tags = _tag(tuple(toks))
    for k in range(end - 1, max(-1, end - 25), -1):
        if _is_placeholder(toks[k]) or toks[k] in _SENT_TOKS:
            break
        if tags[k].startswith("VB") and tags[k] not in {"VBG", "VBN"} and k > 0:
            np, appos = _np_backward(toks, k)
            if np:
                return np, appos
    return [], []


#: Dashes that end a wire dateline ("OTTAWA —", "LONDON (Reuters) -").
_DATELINE_DASHES = frozenset({"\u2014", "\u2013", "-", "--"})


def _dateline_end(words: list[str]) -> int:
    """Where a sentence's words start after a wire dateline: "SIOUX CENTER, Iowa (AP) —", "OTTAWA —",
    "LONDON (Reuters) -", "WASHINGTON, D.C. —"; 0 when it opens with none.

    A dateline is a place (capitalised words, a comma, a state), maybe an agency in brackets, then a dash; its
    first word is in capitals or an agency follows, so that a name set off by dashes ("Ann Lee — a
    resident — said") is none. It opens no subject: the subject follows it.

    >>> _dateline_end("SIOUX CENTER , Iowa ( AP ) — Wade Lee spent".split())
    8
    >>> _dateline_end("Ann Lee — a resident — said".split()), _dateline_end("NATO — the alliance — said".split())
    (0, 0)
    """
    for k, t in enumerate(words[:12]):
        if t in _DATELINE_DASHES:
            if k == 0 or k + 1 == len(words):
                return 0
            agency = "(" in words[:k]
            capitals = words[0].isupper() and len(words[0]) > 1 and words[0].isalpha()
            # (a second dash soon after closes an aside in dashes: "NATO — the alliance — said")
            closed = any(x in _DATELINE_DASHES for x in words[k + 1:k + 16])
            return k + 1 if (agency or capitals) and not closed else 0
        if not (_is_name_tok(t) and t[:1].isupper() or t in {",", "(", ")", "."}):
            return 0
    return 0


def _after_state(words: list[str], i: int) -> int:
    """Where an introductory phrase ending at a place really ends: past a state or province set off by commas
    after it ("In Sackville, N.B., he said", "At a rally in Dayton, Ohio, she said"); *i* is just after its first
    comma. A state is one capitalised word or an abbreviation ("N.B.", "Calif."), and only a pronoun may follow it
    ("In Paris, Ann Lee, a minister, said" keeps Ann Lee).

    >>> _after_state("In Sackville , N.B. , he said".split(), 3)
    5
    """
    if (2 <= i < len(words) - 2 and words[i + 1] == "," and words[i + 2].lower() in PRON_SUBJ
            and _is_name_tok(words[i - 2]) and words[i - 2][:1].isupper()
            and _is_name_tok(words[i]) and words[i][:1].isupper()):
        return i + 2
    return i


def _sentence_subject(sent: list[str]) -> tuple[list[str], list[str]]:
    """The subject noun phrase of a sentence, found with the part-of-speech tagger.

    Leading conjunctions, adverbs and an introductory phrase up to its comma are skipped
    ("But, in a wide interview, Mr Blair said ..." gives Mr Blair).
    """
    sent = sent[:_WINDOW]
    if sent and sent[0][:1].isupper() and (start := _dateline_end(sent)):
        sent = sent[start:]  # "SIOUX CENTER, Iowa (AP) — Wade Lee spent ...": the subject follows the dateline
    words = [t if t[:1] != _PH else "it" for t in sent] if _PH in "".join(sent) else sent  # (see tokens._tag_runs)
    if not words:
        return [], []
    tags = _tag(tuple(sent))
    n = len(words)
    i = 0
    while i < n:
        tag, low = tags[i], words[i].lower()
        if tag in {"CC", "RB", ","} or low in {"however", "meanwhile"}:
            i += 1
        elif tag in {"IN", "VBG", "TO", "WRB"} or low in INTRO or (i == 0 and tag == "VBN"):
            # (an opening participle phrase too: "Given his views, Ann Lee is hopeful", "Faced with it, ...")
            try:
                i = words.index(",", i, min(n, i + 20)) + 1  # (the first comma within 20 tokens)
            except ValueError:
                return [], []
            i = _after_state(words, i)
        else:
            break
    if i < n and tags[i] == "PRP" and words[i].lower() in PRON_SUBJ:
        return [words[i]], []
    np: list[str] = []
    while (i < n and (tags[i] in NP_TAGS or (np and words[i].lower() == "of")) and sent[i][:1] != _PH
           and not (np and words[i].lower() in SPEECH_VERBS)):
        if (np and np[-1][:1].isupper() and words[i][:1].islower() and i + 1 < len(words)
                and words[i + 1].lower() in _PARTICLES):
            break  # "Hua Chunying shot back": a verb the tagger took for a noun
        np.append(sent[i])
        i += 1
    while np and np[-1].lower() in {"of", "the", "a", "an"}:
        np.pop()
    if np and np[-1].lower() in TIME_WORDS and i < len(words):
        # "Later that month, SNC-Lavalin applied ...", "Then, two weeks before the vote, Comey sent ...": when
        comma = next((k for k in range(i, min(len(words), i + 12)) if words[k] == ","), None)
        return _sentence_subject(sent[comma + 1:]) if comma is not None else ([], [])
    if not np or not any(tags[k].startswith("NN") for k in range(i - len(np), i)):
        return [], []
    appos: list[str] = []
    if i + 2 < len(sent) and words[i].lower() in {"for", "at", "with"} and _is_person_noun(np[-1]):
        # "A spokeswoman for the FBI, Ann Todd, said": the role's body, then the name in an appositive
        k = i + 1
        while k < len(sent) and tags[k] in NP_TAGS and not _is_placeholder(sent[k]):
            k += 1
        if k < len(sent) and sent[k] == ",":
            np, i = np + sent[i:k], k
        elif k > i + 1 and np[0].lower() in {"a", "an", "the"} and tags[k - 1].startswith("NN"):
            # "A spokesman for the committee declined to comment but said ...": the role's body is part of it
            np, i = np + sent[i:k], k
    if i < len(sent) and sent[i] == ",":
        j = i + 1
        while j < len(sent) and sent[j] not in {",", ".", ";", ":"} and not _is_placeholder(sent[j]):
            j += 1
        if j < len(sent) and sent[j] == ",":
            appos = sent[i + 1:j]
    return np, appos


def _author_from(toks: list[str]) -> list[str]:
    """The name that ends *toks* after "<document> from" ("read a statement from Mayor Pat Greer", "a letter from
    Ann Lee"): the document's author, who speaks through it; [] when *toks* does not end so.

    >>> _author_from("The clerk read a short statement from Mayor Pat Greer".split())
    ['Mayor', 'Pat', 'Greer']
    """
    k = len(toks)
    while k > 0 and _is_name_tok(toks[k - 1]) and toks[k - 1][:1].isupper():
        k -= 1
    if k == len(toks) or k < 2 or toks[k - 1].lower() != "from":
        return []
    doc = next((j for j in range(k - 2, max(-1, k - 5), -1) if toks[j].lower() in INANIMATE), None)
    return toks[k:] if doc is not None and all(t[:1].islower() for t in toks[doc + 1:k - 1]) else []


def _is_capital_name_tok(tok: str) -> bool:
    """:func:`~newskit.sources.tokens._is_name_tok` and capitalised: "Ann", "Mr.", not "bin" nor "the"."""
    return _is_name_tok(tok) and tok[:1].isupper()


#: :func:`_is_capital_name_tok`, memoised for ``map``.
_CAPITAL_NAME_TOK = _TokenMemo(_is_capital_name_tok)


def _names_someone(sent: list[str]) -> bool:
    """True when a sentence's opening names someone (the resolver then reads its subject)."""
    return bool(sent) and not _is_placeholder(sent[0]) and any(map(_CAPITAL_NAME_TOK.__getitem__, sent[:_SUBJECT_WINDOW]))
