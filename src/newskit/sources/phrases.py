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

from dataclasses import dataclass

from ..core.resources import first_names
from .lexicon import (
    ADVERBS,
    APPOS_CUES,
    AUX,
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


#: Particles of phrasal verbs ("shot back", "lashed out"): a lower-case word after a name and before one of them is
#: a verb, whatever the tagger says.
_PARTICLES = frozenset("back out up down off".split())


@dataclass
class _Mention:
    """A speaker phrase found in the reporter's words, before resolution."""

    np: list[str]
    appos: list[str]
    verb: str


def _np_backward(toks: list[str], end: int) -> tuple[list[str], list[str]]:
    """The noun phrase ending just before toks[end] (the verb): (np tokens, appositive tokens).

    Skips adverbs ("X also said"), an appositive between commas or dashes
    ("X, a resident, said"), and a relative clause ("the lawyer who requested it says").
    """
    tags = _tag(tuple(toks))
    i = end - 1
    while i >= 0 and (toks[i].lower() in ADVERBS or (toks[i][:1].islower() and tags[i].startswith("RB"))):
        i -= 1
    # "Scheer, however, said": a sentence adverb between commas
    if i >= 2 and toks[i] == "," and toks[i - 2] == "," and toks[i - 1].lower() in _ASIDES:
        i -= 3
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
        while j >= 0 and toks[j] != closer and not _is_placeholder(toks[j]) and i - j < 30:
            j -= 1
        inner = toks[j + 1:i]
        if (j >= 1 and toks[j] == closer and inner
                and (inner[0].lower() in APPOS_CUES or closer != "," or all(_is_name_tok(t) for t in inner)
                     or (_is_name_tok(toks[j - 1]) and (j >= 2 and _is_name_tok(toks[j - 2]))))):
            appos = inner
            i = j - 1
        else:
            return [], []
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
        if low in PP_STOP and not (i > 0 and tags[i - 1].startswith("NN")):  # "Panel on Climate Change" goes on
            if np and np[0][:1].isupper() and not any(x[:1].islower() for x in np):
                return [], []  # "hit back at Labour claims ...": a noun after a preposition, not a subject and verb
            stopped_at = i
            break
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
    while np and np[0].lower() in {"of", "for", "in", "at", "on", "by", "from"}:
        np.pop(0)
    # "Mr Peston the prime minister said": two phrases run together; keep the last
    for k in range(len(np) - 1, 0, -1):
        if np[k].lower() in {"the", "a", "an"} and _is_name_tok(np[k - 1]) and np[k - 1].lower() not in DETERMINERS:
            np = np[k:]
            break
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

#: Words that open a description rather than a name ("the minister", "his lawyer").
_DESCRIPTION_OPENERS = frozenset({"the", "his", "her", "their", "its", "our"})


def _is_description(np: list[str]) -> bool:
    """True when *np* describes someone rather than names them: "the minister", "his lawyer", "Campbell's partner"."""
    return np[0].lower() in _DESCRIPTION_OPENERS or (
        len(np) >= 2 and np[0].endswith(("'s", "\u2019s")) and all(t[:1].islower() for t in np[1:]))


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
            else:
                break
        if np and low in SPEECH_VERBS:
            break
        np.append(t)
        i += 1
        if len(np) > 12:
            break
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
        if (len(name) >= 2 or name and first_names().get(name[0].lower()) and name[0].lower() not in TIME_WORDS) and (
                j == len(toks) or toks[j] in {",", ".", ";", "!", "?"}):
            appos = name
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


def _sentence_subject(sent: list[str]) -> tuple[list[str], list[str]]:
    """The subject noun phrase of a sentence, found with the part-of-speech tagger.

    Leading conjunctions, adverbs and an introductory phrase up to its comma are skipped
    ("But, in a wide interview, Mr Blair said ..." gives Mr Blair).
    """
    sent = sent[:_WINDOW]
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
