"""Looking back in an article for whom a speaker phrase means: the two people of the interview a Q&A transcript
follows ("WKRN's Ann Lee sat down with Holcomb"), and the words that introduced an unnamed person a definite phrase
names again ("Another person close to the campaign ...", then "the person said"). Word-level helpers of the speaker
resolver (:class:`~newskit.sources.resolver._Resolver`), on the tokens of :func:`~newskit.sources.tokens._tokens`.

>>> from newskit.sources.tokens import _tokens
>>> _interview_pair([_tokens("Later, WKRN's Ann Lee sat down with Holcomb.")])
(['Ann', 'Lee'], ['Holcomb'])
>>> _introduction(_tokens("Another person close to the campaign pushed back."), "person")
['Another', 'person', 'close', 'to', 'the', 'campaign']
"""

from __future__ import annotations

from .lexicon import SPEECH_VERBS
from .names import _OWNER_ENDS, _person_part

#: Verbs of interviewing, between the interviewer's name and the interviewee's ("Ann Lee sat down with Holcomb").
_INTERVIEWING = (("sat", "down", "with"), ("interviewed",), ("spoke", "with"), ("talked", "with"))

def _interview_pair(paragraphs: list[list[str]]) -> tuple[list[str], list[str]] | None:
    """The interviewer's and the interviewee's names (name parts) in the last of *paragraphs* (each a list of tokens)
    that shows an interview: the names on each side of a verb of interviewing (:data:`_INTERVIEWING`); an owner before
    the first name is where the interviewer works ("WKRN's Ann Lee"). None when no paragraph shows one.

    >>> _interview_pair([["Lee", "interviewed", "the", "mayor", "."]]) is None
    True
    """
    for toks in reversed(paragraphs):
        low = [t.lower() for t in toks]
        for i in range(1, len(toks)):
            verb = next((v for v in _INTERVIEWING if tuple(low[i:i + len(v)]) == v), None)
            if verb is None:
                continue
            k = i
            while k > 0 and _person_part(toks[k - 1]) is not None and not toks[k - 1].endswith(_OWNER_ENDS):
                k -= 1
            j = n = i + len(verb)
            while n < len(toks) and _person_part(toks[n]) is not None:
                n += 1
            if k < i and j < n:
                return [_person_part(t) or t for t in toks[k:i]], [_person_part(t) or t for t in toks[j:n]]
    return None


#: Words that introduce one unnamed person ("a source", "another person", "one official").
_INDEFINITE = frozenset("a an another one".split())

#: Words that introduce unnamed people ("two people familiar with the talks").
_SEVERAL = frozenset("two three four five six several some many".split())

#: Adjectives that open the modifier after an unnamed person's noun ("close to the campaign", "familiar with it").
_NEAR = frozenset("close familiar involved briefed knowledgeable aware".split())

#: Prepositions that open it ("at the agency", "with the group").
_PREPS = frozenset("to with in at from for of on inside within near".split())

#: Words before "a" that make the noun after it describe someone already named ("Mehl is a lawmaker").
_PREDICATING = frozenset("is was as became becomes remains".split())

#: Determiners inside it ("close to the campaign", "at its head office").
_DETS = frozenset("the a an his her its their this that".split())


def _introduction(toks: list[str], head: str) -> list[str] | None:
    """The last words in *toks* that introduce an unnamed person (or people) with the noun *head*: "a", "another" or
    "one" (for a plural, a number: "two people"), up to three modifiers, the noun, and a modifier after it that opens
    with a preposition ("close to the campaign", "at the National Weather Service", "involved in Senate races": a
    preposition, a determiner, a name, then at most one word in small letters that is no verb of saying). None when
    *toks* introduce nobody so.

    >>> from newskit.sources.tokens import _tokens
    >>> _introduction(_tokens("A scientist at the Met Office, who asked not to be named, said so."), "scientist")
    ['A', 'scientist', 'at', 'the', 'Met', 'Office']
    >>> _introduction(_tokens("according to two people familiar with the talks."), "people")
    ['two', 'people', 'familiar', 'with', 'the', 'talks']
    >>> _introduction(_tokens("The person said so."), "person") is None
    True
    """
    low = [t.lower() for t in toks]
    openers = _SEVERAL if head.endswith("ple") or (head.endswith("s") and not head.endswith("ss")) else _INDEFINITE
    found = None
    for j, t in enumerate(low):
        if t != head:
            continue
        i = next((x for x in range(j - 1, max(-1, j - 5), -1) if low[x] in openers), None)
        if i is None or not all(toks[x].isalpha() or "-" in toks[x] for x in range(i + 1, j)):
            continue
        if i > 0 and (low[i - 1] in _PREDICATING or (low[i - 1] == "," and i > 1 and toks[i - 2][:1].isupper())):
            continue  # ("Dan Mehl, a veteran lawmaker,", "Mehl is a lawmaker": someone named, described)
        k = j + 1
        if k < len(low) and low[k] in _NEAR:
            k += 1
        end = j + 1
        if k < len(low) and low[k] in _PREPS:
            k += 1
            if k < len(low) and low[k] in _DETS:
                k += 1
            caps = k
            while caps < len(toks) and (toks[caps][:1].isupper() or (
                    low[caps] in {"and", "of", "for"} and caps > k and caps + 1 < len(toks) and toks[caps + 1][:1].isupper())
                    or (toks[caps] in {"'", "\u2019"} and caps > k and caps + 1 < len(toks) and toks[caps + 1][:1].isupper())):
                caps += 1  # (a plural owner inside a body's name: "the British Computer Users' Forum")
            if caps < len(toks) and low[caps].isalpha() and toks[caps][:1].islower() and low[caps] not in SPEECH_VERBS and (
                    low[caps] not in _DETS and low[caps] not in _PREPS and low[caps] not in {"and", "or", "but", "who", "which"}):
                caps += 1
            if caps > k:
                end = caps
        found = toks[i:end]
    return found
