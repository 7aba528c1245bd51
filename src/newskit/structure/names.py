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
from typing import Any

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


def _name_flags(text: Text) -> Any:
    """For each token: is it part of a proper name? (A numpy array of bools.)

    Inside a sentence a capital decides. A word that opens a sentence (or a quotation, or a clause after a
    colon or dash) is capitalised anyway, so there it counts only with other evidence: it is an acronym
    ("ISIS"); or the same word is capitalised inside a sentence elsewhere in the article ("Trump said ...
    ... said Trump"); or it starts a multiword name - the POS tagger calls it a proper noun (NNP/NNPS), it is
    no stopword, and the next word (or the one after "of") is capitalised ("Helen Marsh said", "Bank of
    England"). The tagger alone is not enough: it tags "Roads" in "Roads into the town remain closed" NNP,
    and it tags a real name at a sentence start NN or RB often enough that its tag is not required when the
    word is capitalised mid-sentence elsewhere.
    """
    import numpy as np

    from ..core import resources

    stop = resources.stopwords()
    cols = lex(text)
    forms, lower, sentence, sent = cols.text, cols.lower, cols.sentence, cols.sent
    tags = text.tags
    n = len(forms)
    # Only capitalised tokens can be names. The tests on a token's text are made once per distinct text, and
    # spread to the tokens by numpy.
    capital = _text_class(cols, _CAPITAL)[cols.ids]
    # a token after one of these opens a clause and is capitalised anyway (as is a sentence's first token)
    opener = _text_class(cols, _OPENER)[cols.ids]
    # capitalised tokens inside a sentence (not opening a sentence, a quotation or a clause)
    mid = capital.copy()
    mid[0:1] = False
    mid[1:] &= (sent[1:] == sent[:-1]) & ~opener[:-1]
    inside = np.zeros(len(cols.forms), bool)
    inside[cols.ids[mid]] = True  # the texts capitalised inside a sentence somewhere
    flags = mid | (capital & (inside | _text_class(cols, _ACRONYM))[cols.ids])
    # the rest of the capitalised tokens: a name when it opens a multiword name (see above)
    mid_at = mid.tolist()
    for i in np.flatnonzero(capital & ~flags).tolist():
        if tags[i] in ("NNP", "NNPS") and lower[i] not in stop:
            k = i + 1
            if k < n and forms[k] in _JOINERS:
                k += 1
            flags[i] = k < n and mid_at[k] and sentence[k] == sentence[i]  # the next name word, capitalised mid-sentence
    return flags


def _stripped_before_name(token: str) -> bool:
    """A title ("President") or a stopword ("The") that does not belong to the name run it opens."""
    if is_title(token) and fold(token).rstrip(".") not in TITLES_KEPT_IN_NAMES:
        return True
    return fold(token) in _STOP_STARTS


# The tests on a token's text (pure functions of one word) are asked of every distinct text of an article as bit
# flags, one memo look-up per text, kept for the process (bounded): the words of news recur between articles.
_CAPITAL, _OPENER, _ACRONYM, _STRIPPED, _LOWERCASE_WORD, _JOINER = 1, 2, 4, 8, 16, 32
_PLACE_NOUN, _LOCATIVE_WORD, _OF, _SKIPPABLE_WORD = 1, 2, 4, 8
_MEMO_LIMIT = 65536


def _text_bits(t: str) -> int:
    """The classes of a token text: capitalised, opening a clause, an acronym, stripped before a name, a lowercase
    word, a joiner of names."""
    return (_CAPITAL * _capitalised(t) | _OPENER * (t in CLAUSE_OPENERS or is_quote_mark(t))
            | _ACRONYM * (len(t) > 1 and t.isupper()) | _STRIPPED * _stripped_before_name(t)
            | _LOWERCASE_WORD * (t.isalpha() and t.islower()) | _JOINER * (t in _JOINERS))


def _lower_bits(low: str) -> int:
    """The classes of a lower-case form: a place noun, a locative preposition, "of", a skippable word."""
    return (_PLACE_NOUN * (low in PLACE_NOUNS) | _LOCATIVE_WORD * (low in _LOCATIVE) | _OF * (low == "of")
            | _SKIPPABLE_WORD * (low in _SKIPPABLE))


_TEXT_BITS = WordMemo(_text_bits, limit=_MEMO_LIMIT)
_LOWER_BITS = WordMemo(_lower_bits, limit=_MEMO_LIMIT)
_NAME_KEYS = WordMemo(name_key, limit=_MEMO_LIMIT)


def _text_class(cols: Lex, bit: int) -> Any:
    """Numpy bools, one per distinct token text: does it have class *bit* (see :func:`_text_bits`)?"""
    import numpy as np

    return (cols.form_test(_TEXT_BITS.__getitem__, dtype=np.int16) & bit) != 0


def _lower_class(cols: Lex, bit: int) -> Any:
    """Numpy bools, one per distinct token text: does its lower-case form have class *bit* (see :func:`_lower_bits`)?"""
    import numpy as np

    return (cols.form_test(_LOWER_BITS.__getitem__, lower=True, dtype=np.int16) & bit) != 0


def _dateline_end(text: Text, body: set[int]) -> int:
    """"ALBANY, N.Y. - ...": the end of an early dash in the first running-text paragraph (-1 when none);
    names before it are the dateline's place."""
    if body:
        lede = min(body)
        for w in text.words_between(text.paragraphs[lede].start, text.paragraphs[lede].end)[:8]:
            if w.text in _DASHES:
                return w.end
    return -1


def _place_cues(cols: Lex, stop: frozenset[str] | set[str], first: Any, end: Any) -> Any:
    """For names on tokens ``first[k]:end[k]`` (numpy arrays): a locative preposition before the name (over at
    most two determiners or other lowercase words that are not function words: "in the northern ... Mosul"),
    a place noun and "of" before it ("the town of Eastbrook") or a place noun right after it ("Nineveh
    province"). *stop* are the stopwords. Numpy bools, one per name."""
    import numpy as np

    n = len(cols.text)
    if not n or not len(first):
        return np.zeros(len(first), bool)
    sent, ids = cols.sent, cols.ids
    # the tests, once per distinct text (indexed by the numbers of the tokens asked about)
    place_noun = _lower_class(cols, _PLACE_NOUN)
    locative = _lower_class(cols, _LOCATIVE_WORD)
    of = _lower_class(cols, _OF)
    skippable = _lower_class(cols, _SKIPPABLE_WORD) | (
        ~cols.form_test(stop.__contains__, lower=True) & _text_class(cols, _LOWERCASE_WORD))
    here = sent[first]

    def at(k: Any, mask: Any) -> Any:  # mask of token k where token k exists and is in the name's sentence, else False
        kk = np.minimum(np.maximum(k, 0), n - 1)
        return (k >= 0) & (k < n) & (sent[kk] == here) & mask[ids[kk]]

    cue = at(first - 2, place_noun) & at(first - 1, of)
    going = np.ones(len(first), bool)  # still walking back over skippable words
    for back in (1, 2, 3):
        cue |= going & at(first - back, locative)
        going &= at(first - back, skippable & ~locative)
    return cue | at(end, place_noun)


def name_groups(text: Text, body: set[int]) -> list[NameGroup]:
    """Runs of proper names in the paragraphs *body*, titles stripped, grouped by name (surnames merged).

    A run is a sequence of name tokens in a sentence (:func:`_name_flags`), joined by "of", "de" or "bin"
    between two of them; the runs are found by numpy, and so are most tests on their tokens.

    >>> import newskit
    >>> art = newskit.from_text("Title\\n\\nPresident Jo Marsh spoke. Later Marsh left.")
    >>> [(g.tokens, len(g.mentions)) for g in name_groups(art, {0})]
    [(('jo', 'marsh'), 2)]
    """
    if is_all_caps(text):
        return []
    import numpy as np

    from ..core import resources

    stop = resources.stopwords()
    cols = lex(text)
    sent, n = cols.sent, len(cols.text)
    flags = _name_flags(text)
    # run membership: a name token, or a joiner between two name tokens of one sentence
    same_prev = np.zeros(n, bool)
    same_prev[1:] = sent[1:] == sent[:-1]
    joiner = np.zeros(n, bool)
    joiner[:-1] = _text_class(cols, _JOINER)[cols.ids[:-1]] & flags[1:] & same_prev[1:]
    member = flags.copy()
    member[1:] |= joiner[1:] & flags[:-1] & same_prev[1:]
    joins = np.zeros(n, bool)  # the token continues the run of the token before
    joins[1:] = member[1:] & member[:-1] & same_prev[1:]
    starts = np.flatnonzero(member & ~joins)  # a run starts at a name token
    ends = np.flatnonzero(member & ~np.append(joins[1:], False)) + 1  # (exclusive)
    in_body = np.zeros(len(text.paragraphs), bool)
    in_body[sorted(body)] = True
    keep = in_body[np.repeat(np.arange(len(text.paragraphs)), np.diff(cols.para_start))[starts]]
    starts, ends = starts[keep], ends[keep]
    # titles and stopwords are stripped from the start of a run
    name_start = np.flatnonzero(~_text_class(cols, _STRIPPED)[cols.ids])
    first = np.append(name_start, n)[np.searchsorted(name_start, starts)]
    first = np.minimum(first, ends)
    keys, key_of = _run_keys(cols, first, ends, _NAME_KEYS)
    kept = np.flatnonzero(np.array([bool(k) and k != ("i",) and not CALENDAR_WORDS.issuperset(k) for k in keys]
                                   + [False])[key_of])
    starts, ends, first, key_of = starts[kept], ends[kept], first[kept], key_of[kept]
    # "Iraqi families": a one-word name before a lowercase word that is no stopword
    after = np.minimum(ends, max(0, n - 1))
    lowercase_word = _text_class(cols, _LOWERCASE_WORD) & ~cols.form_test(stop.__contains__, lower=True)
    adjective = (ends - starts == 1) & (ends < n) & (sent[after] == sent[starts]) & lowercase_word[cols.ids[after]]
    words = text.words
    s_list = cols.start[first].tolist()
    e_list = [words[k - 1].end for k in ends.tolist()]
    dateline_end = _dateline_end(text, body)
    cue = _place_cues(cols, stop, first, ends) | (np.array(e_list, dtype=np.int64) <= dateline_end)
    cue |= np.array([len(k) > 1 and k[-1] in PLACE_NOUNS for k in keys] + [False])[key_of]
    paragraph = np.repeat(np.arange(len(text.paragraphs)), np.diff(cols.para_start))[starts].tolist()
    # "Iraqi families", "Kurdish checkpoint": a nationality adjective, never used alone as a name
    used_alone = np.zeros(len(keys), bool)
    used_alone[key_of[~adjective]] = True
    adjectives = [len(k) == 1 and k[0].endswith(_DEMONYM_ENDINGS) and not used_alone[x] for x, k in enumerate(keys)]
    # one group per key, in order of first mention, its mentions in text order
    groups: dict[tuple[str, ...], NameGroup] = {}
    order = np.argsort(key_of, kind="stable")
    bounds = np.searchsorted(key_of[order], np.arange(len(keys) + 1)).tolist()
    named = [x for x in range(len(keys)) if bounds[x] < bounds[x + 1] and not adjectives[x]]
    for x in sorted(named, key=lambda x: int(order[bounds[x]])):  # by first run
        runs = order[bounds[x]:bounds[x + 1]].tolist()
        g = groups[keys[x]] = NameGroup(keys[x])
        g.mentions = list(zip(map(s_list.__getitem__, runs), map(e_list.__getitem__, runs),
                              map(paragraph.__getitem__, runs), strict=True))
        g.surfaces = list(map(text.text.__getitem__, map(slice, map(s_list.__getitem__, runs),
                                                          map(e_list.__getitem__, runs))))
        g.place_cues = int(cue[runs].sum())
    return _merge_surnames(groups)


def _run_keys(cols: Lex, first: Any, ends: Any, keyed: WordMemo) -> tuple[list[tuple[str, ...]], Any]:
    """The name keys of runs ``first[k]:ends[k]``: (the distinct keys, the number of each run's key).

    Runs with the same token texts have the same key, so the texts of each run of up to 8 tokens are laid out
    as a row of numbers (token text numbers, -1 after the run's end), the rows sorted (numpy's lexsort) and
    the key worked out once per distinct row; a longer run (rare) is keyed on its own.
    """
    import numpy as np

    number: dict[tuple[str, ...], int] = {}  # a key -> its number
    forms = cols.forms
    key_of = np.zeros(len(first), np.intp)
    length = ends - first
    short = np.flatnonzero(length <= 8)
    if len(short):
        width = max(1, int(length[short].max()))
        rows = np.full((len(short), width), -1, np.intp)
        for k in range(width):
            inside = np.flatnonzero(k < length[short])
            rows[inside, k] = cols.ids[first[short[inside]] + k]
        order = np.lexsort(rows.T[::-1])
        ranked = rows[order]
        new = np.ones(len(order), bool)
        new[1:] = (ranked[1:] != ranked[:-1]).any(axis=1)
        key_number = np.array([number.setdefault(tuple(keyed[forms[i]] for i in row if i >= 0), len(number))
                               for row in ranked[new].tolist()], np.intp)
        key_of[short[order]] = key_number[np.cumsum(new) - 1]
    for k in np.flatnonzero(length > 8).tolist():
        key_of[k] = number.setdefault(tuple(map(keyed.__getitem__, cols.text[first[k]:ends[k]])), len(number))
    return list(number), key_of


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
