"""The "who" and "where" of a story: proper names in the running text, grouped, with their place cues.

A name is a run of capitalised words inside a sentence (a word that only opens a sentence needs more
evidence), titles such as "Prime Minister" stripped, a bare surname folded into the one full name ending
with it. :mod:`newskit.structure.pyramid` splits the groups into actors and places.

>>> import newskit
>>> art = newskit.from_text("Title\\n\\nOfficials in Kelso said Jo Marsh had resigned. Marsh left Kelso.")
>>> sorted((group_label(g), len(g.mentions), g.place_cues) for g in name_groups(art, {0}))
[('Jo Marsh', 2, 0), ('Kelso', 2, 1)]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import compress

from ..core.resources import WordMemo
from ..core.text import Text
from ..core.words import PERSON_TITLES, fold, is_quote_mark, is_title
from .base import Lex, is_all_caps, lex
from .times import CALENDAR_WORDS

__all__ = ["NameGroup", "name_groups", "name_key", "group_label", "NAME_PREFIXES", "CLAUSE_OPENERS",
           "TITLES_KEPT_IN_NAMES"]

#: Prefixes of Arabic, Dutch, Irish ... names: "al-Maliki" is keyed (and merged) as "maliki".
NAME_PREFIXES: tuple[str, ...] = ("al-", "el-", "bin-", "ibn-", "abu-", "de-", "van-", "von-", "o'")
#: Tokens after which a word is capitalised anyway, opening a clause (besides quote marks).
CLAUSE_OPENERS: frozenset[str] = frozenset({":", "(", "[", "-", "--", "\u2013", "\u2014", "``", "''"})

#: Titles of :data:`newskit.core.words.PERSON_TITLES` that stay part of a name here ("Tory Leader", "Leader
#: Andrew Scheer", "Miss Moscow"). The pyramid's own title list, before it moved to ``core.words``, lacked
#: them; stripping them changes 3 of the 61 corpus articles' pyramids (better: "Andrew Scheer", "Moscow").
#: Kept so that the move changes no result; empty this set to strip every title.
TITLES_KEPT_IN_NAMES: frozenset[str] = frozenset({
    "archbishop", "bishop", "chair", "dame", "deputy", "detective", "inspector", "leader", "miss", "pm", "prince",
    "princess", "reverend", "spokesman", "spokesperson", "spokeswoman", "under-secretary"}) & PERSON_TITLES

_LOCATIVE = frozenset({"in", "at", "near", "from", "into", "inside", "outside", "across", "throughout", "around",
                       "towards", "toward", "within", "beyond"})
#: Nouns naming a kind of place: "the town of Eastbrook", "Nineveh province".
PLACE_NOUNS: frozenset[str] = frozenset({
    "province", "city", "region", "county", "district", "village", "town", "capital", "road", "avenue", "lane",
    "park", "bridge", "mountains", "sea", "bay", "lake", "border", "airport", "river", "valley", "street", "square",
    "state", "governorate", "neighbourhood", "neighborhood", "area", "island", "coast"})
_DEMONYM_ENDINGS = ("i", "an", "ese", "ish", "ic")
_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})
_STOP_STARTS = frozenset({"the", "a", "an", "and", "but", "or", "so", "in", "on", "at", "as", "if", "when", "while"})
_SKIPPABLE = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                        "your", "my", "some", "all", "both"})
_JOINERS = ("of", "de", "bin")  # "Bank of England", "Osama bin Laden"


@dataclass
class NameGroup:
    """One name and its mentions ``(start, end, paragraph)``, the surface forms, and how many mentions have a
    place cue (a locative preposition, a place noun, the dateline)."""

    tokens: tuple[str, ...]
    mentions: list[tuple[int, int, int]] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    place_cues: int = 0


def name_key(token: str) -> str:
    """A name token as it is compared: folded, a name prefix dropped.

    >>> name_key("al-Maliki"), name_key("Mosul’s")
    ('maliki', "mosul's")
    """
    t = fold(token)
    for pre in NAME_PREFIXES:
        if t.startswith(pre) and len(t) > len(pre):
            return t[len(pre):]
    return t


def _capitalised(t: str) -> bool:
    """A capitalised word ("Mosul", "ISIS") or a prefixed name ("al-Maliki"); not a clitic or punctuation."""
    if t[0].isupper():
        return t[0].isalpha()
    if not t[0].isalpha() or ("-" not in t and "'" not in t):
        return False
    low = t.lower()
    return any(low.startswith(p) and len(t) > len(p) and t[len(p)].isupper() for p in NAME_PREFIXES)


def _name_flags(text: Text) -> list[bool]:
    """For each token: is it part of a proper name?

    Inside a sentence a capital decides. A word that opens a sentence (or a quotation, or a clause after a
    colon or dash) is capitalised anyway, so there it counts only with other evidence: it is an acronym
    ("ISIS"); or the same word is capitalised inside a sentence elsewhere in the article ("Trump said ...
    ... said Trump"); or it starts a multiword name - the POS tagger calls it a proper noun (NNP/NNPS), it is
    no stopword, and the next word (or the one after "of") is capitalised ("Helen Marsh said", "Bank of
    England"). The tagger alone is not enough: it tags "Roads" in "Roads into the town remain closed" NNP,
    and it tags a real name at a sentence start NN or RB often enough that its tag is not required when the
    word is capitalised mid-sentence elsewhere.
    """
    from ..core import resources

    stop = resources.stopwords()
    cols = lex(text)
    forms, lower, sentence = cols.text, cols.lower, cols.sentence
    tags = text.tags
    n = len(forms)
    # Only capitalised tokens can be names, so only they are visited; the tests on a token's text are made
    # once per distinct text.
    capital = {t for t in cols.forms_text if _capitalised(t)}
    # a token after one of these opens a clause and is capitalised anyway (as is a sentence's first token)
    opener = {t for t in cols.forms_text if t in CLAUSE_OPENERS or is_quote_mark(t)}
    caps = list(compress(range(n), map(capital.__contains__, forms)))
    # capitalised tokens inside a sentence (not opening a sentence, a quotation or a clause)
    mid = {i for i in caps if i and sentence[i - 1] == sentence[i] and forms[i - 1] not in opener}
    inside = {forms[i] for i in mid}
    flags = [False] * n
    for i in caps:
        t = forms[i]
        if i in mid or t in inside or (len(t) > 1 and t.isupper()):
            flags[i] = True
        elif tags[i] in ("NNP", "NNPS") and lower[i] not in stop:
            k = i + 1
            if k < n and forms[k] in _JOINERS:
                k += 1
            flags[i] = k in mid and sentence[k] == sentence[i]  # the next name word, capitalised mid-sentence
    return flags


def _stripped_before_name(token: str) -> bool:
    """A title ("President") or a stopword ("The") that does not belong to the name run it opens."""
    if is_title(token) and fold(token).rstrip(".") not in TITLES_KEPT_IN_NAMES:
        return True
    return fold(token) in _STOP_STARTS


def _dateline_end(text: Text, body: set[int]) -> int:
    """"ALBANY, N.Y. - ...": the end of an early dash in the first running-text paragraph (-1 when none);
    names before it are the dateline's place."""
    if body:
        lede = min(body)
        for w in text.words_between(text.paragraphs[lede].start, text.paragraphs[lede].end)[:8]:
            if w.text in _DASHES:
                return w.end
    return -1


def _place_cue(cols: Lex, stop: frozenset[str] | set[str], i: int, j: int) -> bool:
    """A locative preposition before the name (over at most two determiners or other lowercase words that are not
    function words: "in the northern ... Mosul"), a place noun and "of" before it ("the town of Eastbrook") or a
    place noun right after it ("Nineveh province"). The name is tokens ``i:j``; *stop* are the stopwords."""
    forms, lower, sentence = cols.text, cols.lower, cols.sentence
    sent = sentence[i]
    if i >= 2 and sentence[i - 2] == sent and lower[i - 1] == "of" and lower[i - 2] in PLACE_NOUNS:
        return True
    k = i - 1
    for _ in range(3):
        if k < 0 or sentence[k] != sent:
            break
        low = lower[k]
        if low in _LOCATIVE:
            return True
        if not (low in _SKIPPABLE or (low not in stop and forms[k].isalpha() and forms[k].islower())):
            break
        k -= 1
    return j < len(forms) and sentence[j] == sent and lower[j] in PLACE_NOUNS


def name_groups(text: Text, body: set[int]) -> list[NameGroup]:
    """Runs of proper names in the paragraphs *body*, titles stripped, grouped by name (surnames merged).

    >>> import newskit
    >>> art = newskit.from_text("Title\\n\\nPresident Jo Marsh spoke. Later Marsh left.")
    >>> [(g.tokens, len(g.mentions)) for g in name_groups(art, {0})]
    [(('jo', 'marsh'), 2)]
    """
    if is_all_caps(text):
        return []
    words = text.words
    from ..core import resources

    stop = resources.stopwords()
    cols = lex(text)
    forms, lower, sentence = cols.text, cols.lower, cols.sentence
    flags = _name_flags(text)
    found: list[tuple[tuple[str, ...], int, int, int, bool, bool]] = []
    dateline_end = _dateline_end(text, body)
    keyed = WordMemo(name_key)  # token text -> name_key(text)
    leading = WordMemo(_stripped_before_name)  # token text -> a title or a stopword stripped from the start of a run
    n = len(words)
    j = 0
    for i in compress(range(n), flags):  # only name tokens can start a run
        if i < j or words[i].paragraph not in body:
            continue
        sent = sentence[i]
        j = i + 1
        while j < n and sentence[j] == sent:
            if flags[j]:
                j += 1
            elif forms[j] in _JOINERS and j + 1 < n and sentence[j + 1] == sent and flags[j + 1]:
                j += 2
            else:
                break
        first = i
        while first < j and leading[forms[first]]:
            first += 1
        keys = tuple(map(keyed.__getitem__, forms[first:j]))
        if keys and keys != ("i",) and not CALENDAR_WORDS.issuperset(keys):
            adjective = (j - i == 1 and j < n and sentence[j] == sent and forms[j].isalpha() and forms[j].islower()
                         and lower[j] not in stop)
            s, e = words[first].start, words[j - 1].end
            cue = (_place_cue(cols, stop, first, j) or e <= dateline_end
                   or (len(keys) > 1 and keys[-1] in PLACE_NOUNS))
            found.append((keys, s, e, words[i].paragraph, cue, adjective))
    # "Iraqi families", "Kurdish checkpoint": a nationality adjective, never used alone as a name
    adjectives = {f[0] for f in found if len(f[0]) == 1 and f[0][0].endswith(_DEMONYM_ENDINGS)}
    adjectives -= {f[0] for f in found if not f[5]}
    groups: dict[tuple[str, ...], NameGroup] = {}
    for keys, s, e, para, cue, _adj in found:
        if keys in adjectives:
            continue
        g = groups.get(keys)
        if g is None:
            g = groups[keys] = NameGroup(keys)
        g.mentions.append((s, e, para))
        g.surfaces.append(text.text[s:e])
        g.place_cues += cue
    return _merge_surnames(groups)


def _merge_surnames(groups: dict[tuple[str, ...], NameGroup]) -> list[NameGroup]:
    """Fold "Maliki" into "Nouri al-Maliki" when exactly one longer personal name ends with it."""
    endings: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for k in groups:
        if "of" not in k:
            for cut in range(1, len(k)):
                endings.setdefault(k[cut:], []).append(k)
    for key in sorted(groups, key=len, reverse=True):
        if key not in groups:
            continue
        targets = [k for k in endings.get(key, ()) if k in groups]
        if len(targets) == 1:
            tgt = groups[targets[0]]
            src = groups.pop(key)
            tgt.mentions.extend(src.mentions)
            tgt.surfaces.extend(src.surfaces)
            tgt.place_cues += src.place_cues
    for g in groups.values():
        g.mentions.sort()
    return list(groups.values())


def group_label(g: NameGroup) -> str:
    """The label of a name: its most frequent longest surface form, not an all-capitals one when there is a tie.

    >>> group_label(NameGroup(("marsh",), surfaces=["Marsh", "Jo Marsh", "JO MARSH", "Jo Marsh"]))
    'Jo Marsh'
    """
    longest = max(len(s.split()) for s in g.surfaces)
    counts = Counter(s for s in g.surfaces if len(s.split()) == longest)
    return max(counts, key=lambda s: (counts[s], not s.isupper()))  # "Brantford" rather than a dateline's "BRANTFORD"
