"""How :func:`newskit.language.labels` finds the ways an article names its actors, before grouping them.

Four steps, one function each: (1) generic labels from a lexicon ("militants", "Iraqi troops"),
(2) names in the body (acronyms and runs of capitalised words, with the titles before them),
(2b) the same names in the headline and captions, (3) overlaps (a longer span wins). The word
lists come from :mod:`newskit.language.labels`; the rules here are general.

>>> _is_acronym("ISIS"), _is_acronym("Iraq"), _is_cap("al-Maliki")
(True, False, True)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, itemgetter

from ..core.resources import WordMemo
from ..core.text import Text, from_columns
from ..core.words import TITLE_MODIFIERS, fold, is_title
from ._common import _HYPHENS, _Index, _index, _sentence_tokens, _tags, _Token

#: Prefixes of Arabic names, which do not hide a capital ("al-Maliki" is a capitalised name, surname "maliki").
_NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "abu-", "bin-", "ibn-")
#: Capitalised words that are never names (days and months; "March" and "May" are too often other words).
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "april", "june", "july", "august", "september", "october", "november",
                       "december"})
#: Labels that count only when the tagger reads them as nouns ("the military", not "military bases").
_NOUN_ONLY_LABELS = frozenset({"military"})
#: Small words that may join the capitalised words of a name ("Islamic State of Iraq", "Bank of England").
_CONNECTORS = ("of", "for", "in", "and", "the")


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    key: str  # union-find key
    source: str  # "acronym", "name", "person", "lexicon"
    category: str | None = None
    qualifier: str | None = None
    tokens: tuple[int, int] = (0, 0)  # first, last token position in the index
    parts: tuple[str, str | None] | None = None  # a person's (surname key, first name)


@functools.lru_cache(maxsize=65536)
def _label_text(s: str) -> str:
    """A label as shown: apostrophes made straight, whitespace runs made one space (once per text: names recur)."""
    return " ".join(s.replace("\u2019", "'").replace("\u2018", "'").split())


def _is_acronym(t: str) -> bool:
    letters = t.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _is_cap(t: str) -> bool:
    """True for a capitalised word ("Iraq", "al-Maliki")."""
    if not t or not t[0].isalpha():
        return False
    if t[0].isupper() or "-" not in t:  # every name prefix ends with a hyphen
        return t[0].isupper()
    low = t.lower()
    for p in _NAME_PREFIXES:
        if low.startswith(p) and len(t) > len(p) and t[len(p)].isupper():
            return True
    return t[0].isupper()


def _surname_key(name_tokens: list[str]) -> str:
    return _surname_of(name_tokens[-1])


@functools.lru_cache(maxsize=65536)
def _surname_of(word: str) -> str:
    """The surname key of a name's last word: folded, a name prefix ("al-") cut off."""
    last = fold(word)
    for p in _NAME_PREFIXES:
        if last.startswith(p) and len(last) > len(p):
            return last[len(p):]
    return last


def _person_parts(name_tokens: list[str]) -> tuple[str, str | None]:
    """(surname key, first name or None) of a name's words."""
    first = fold(name_tokens[0]) if len(name_tokens) > 1 else None
    return _surname_key(name_tokens), first


@functools.lru_cache(maxsize=65536)
def _one_word_title(word: str) -> bool:
    """True for a one-word title (:func:`newskit.core.words.is_title`) that is a title on its own (worked out
    once per word: name runs ask it of the same words again and again)."""
    return is_title(word) and fold(word).rstrip(".") not in TITLE_MODIFIERS


class _Titles:
    """Titles before a person's name: the multi-word ones given (lower case), and the one-word titles of
    :func:`newskit.core.words.is_title` (but not :data:`TITLE_MODIFIERS`). Word sequences are lower case."""

    def __init__(self, multi_word: Iterable[str]) -> None:
        self.multi = frozenset(tuple(t.split()) for t in multi_word)
        self.prefixes = frozenset(t[:k] for t in self.multi for k in range(1, len(t) + 1))
        self.firsts = frozenset(t[0] for t in self.multi)
        self.longest = max((len(t) for t in self.multi), default=1)

    def may_start(self, word: str) -> bool:
        """True when a title may start with *word*."""
        return word in self.firsts or _one_word_title(word)

    def exact(self, words: tuple[str, ...]) -> bool:
        """True when *words* are a title."""
        return words in self.multi or (len(words) == 1 and _one_word_title(words[0]))

    def prefix(self, words: tuple[str, ...]) -> bool:
        """True when *words* begin a title (or are one)."""
        return words in self.prefixes or (len(words) == 1 and _one_word_title(words[0]))

    def leading(self, words: Sequence[str], below: int) -> int:
        """How many of *words* the longest title at their start takes, fewer than *below* (0 for none).

        A one-word title does not count where the words begin a longer title ("Prime Minister" alone is
        no title before the name "Minister").
        """
        for n in range(min(below - 1, self.longest, len(words)), 1, -1):
            if tuple(words[:n]) in self.multi:
                return n
        if below > 1 and words and _one_word_title(words[0]) and not (len(words) > 1 and tuple(words[:2]) in self.prefixes):
            return 1
        return 0


def _heading_like(text: Text) -> set[int]:
    """Indexes of body paragraphs that read like a caption or subhead (title case, no sentence ending)."""
    out: set[int] = set()
    for p in text.paragraphs:
        if p.text.rstrip()[-1:] in ".!?\"'”’…:;":  # most paragraphs: no need to split them
            continue
        words = p.text.split()
        if not words:
            continue
        long_words = [w for w in words if len(w) > 3]
        if long_words and sum(1 for w in long_words if w[0].isupper()) >= 2 * len(long_words) / 3:
            out.add(p.index)
    return out


#: Tests of a token's text, kept for the process (bounded): the words of news recur.
_HAS_LETTER = WordMemo(lambda t: any(c.isalpha() for c in t), limit=65536)
_CAPITALISED = WordMemo(_is_cap, limit=65536)


def _shouting(idx: _Index, groups: list[range]) -> list[bool]:
    """For each sentence group (a range of token positions): is it written in capitals (most of its words, at
    least 3 of them, upper case)? A word here has a letter in it; counted by numpy, once per distinct text."""
    import numpy as np

    if not groups:
        return []
    lettered_form = idx.is_word_form & np.fromiter(map(_HAS_LETTER.__getitem__, idx.forms), bool, len(idx.forms))
    upper_form = lettered_form & np.fromiter(map(str.isupper, idx.forms), bool, len(idx.forms))
    bounds = np.array([g.start for g in groups] + [groups[-1].stop], dtype=np.intp)
    lettered = np.concatenate(([0], np.cumsum(lettered_form[idx.ids], dtype=np.int64)))[bounds]
    upper = np.concatenate(([0], np.cumsum(upper_form[idx.ids], dtype=np.int64)))[bounds]
    words, capitals = np.diff(lettered), np.diff(upper)
    # capitals > words / 2 between whole numbers is capitals * 2 > words
    return ((capitals > 0) & (words >= 3) & (capitals * 2 > words)).tolist()


class _Scan:
    """What every step reads: the article's tokens, tags, sentences, headings and stopwords."""

    def __init__(self, text: Text, titles: _Titles) -> None:
        from ..core import resources

        self.text = text.text
        self.idx = _index(text)
        self.toks: list[_Token] = self.idx.toks
        self.lowers = self.idx.lowers
        self.tags = _tags(text)
        self.titles = titles
        self.stopwords = resources.stopwords()
        self.headings = _heading_like(text)
        self.groups = _sentence_tokens(text)
        self.texts = self.idx.texts()
        self.shouting = _shouting(self.idx, self.groups)
        # per group: is it in the headline or a heading-like paragraph (see is_heading)?
        paragraphs = map(attrgetter("paragraph"), map(self.toks.__getitem__, map(attrgetter("start"), self.groups)))
        self.heading_group = [p is None or p in self.headings for p in paragraphs]
        self.name_shapes: dict[tuple[tuple[str, ...], ...], tuple] = {}

    def is_cap(self, t: str) -> bool:
        """:func:`_is_cap`, worked out once per distinct token text (kept for the process)."""
        return _CAPITALISED[t]

    def tag(self, i: int) -> str | None:
        """The Penn tag of token *i* (None in the headline, which is not tagged)."""
        b = self.toks[i].index
        return self.tags[b] if b >= 0 else None

    def is_heading(self, i: int) -> bool:
        """True when token *i* is in the headline or a heading-like paragraph."""
        return self.toks[i].paragraph is None or self.toks[i].paragraph in self.headings


# ------------------------------------------------------------------------------------------------
# 1. Generic labels from the lexicon (case-insensitive), with qualifiers
# ------------------------------------------------------------------------------------------------


def _lexicon_mention(scan: _Scan, group: list[int], pos: int, size: int, cat: str, heading: bool) -> _Mention:
    """The mention of the label of *size* words at *pos* of *group*, with its qualifier ("Iraqi troops")."""
    toks, sw, is_cap = scan.toks, scan.stopwords, scan.is_cap
    i = group[pos]
    last = group[pos + size - 1]
    first = i
    qualifier = None
    fp = pos
    # one capitalised or hyphenated modifier right before ("Iraqi troops", "Shiite-led government")
    if fp > 0:
        prev = toks[group[fp - 1]]
        if prev.is_word and prev.lower not in sw and not heading and (
                is_cap(prev.text) and (fp - 1 > 0 or scan.tag(group[fp - 1]) in ("NNP", "NNPS", "JJ"))
                and not (cat == "armed group" and _is_acronym(prev.text))
                or any(h in prev.text for h in _HYPHENS)):
            fp -= 1
            first = group[fp]
            if is_cap(prev.text) and not any(h in prev.text for h in _HYPHENS):
                qualifier = prev.text
    # a possessive proper name before that ("Iraq's Army")
    if fp > 1 and toks[group[fp - 1]].lower == "'s" and is_cap(toks[group[fp - 2]].text):
        fp -= 2
        first = group[fp]
        qualifier = toks[first].text
    # "government of Iraq"
    end = last
    lp = pos + size - 1
    if cat != "armed group" and lp + 2 < len(group) and toks[group[lp + 1]].lower == "of" and \
            is_cap(toks[group[lp + 2]].text) and not heading:
        end = group[lp + 2]
        qualifier = toks[end].text
    s, e = toks[first].start, toks[end].end
    surface = _label_text(scan.text[s:e])
    if qualifier is None and not (first != i and is_cap(toks[first].text)):
        surface = surface.lower()
    return _Mention(s, e, surface, f"lex:{cat}", "lexicon", cat, qualifier, (first, end))


def _lexicon_mentions(scan: _Scan, lexicon: dict[str, list[tuple[str, ...]]]) -> list[_Mention]:
    """Step 1: every generic label (*lexicon*: first word -> [(words..., category)], longest first)."""
    import numpy as np

    toks, lowers, idx, groups = scan.toks, scan.lowers, scan.idx, scan.groups
    mentions: list[_Mention] = []
    # the tokens that may start a label (found by numpy, once per distinct text), in text order, and the
    # sentence group of each (the groups cover the tokens one after another)
    starts_label = np.fromiter(map(lexicon.__contains__, idx.folded_form.tolist()), bool, len(idx.forms))
    candidates = np.flatnonzero(starts_label[idx.ids]) if len(idx.forms) else np.zeros(0, np.intp)
    group_of = np.searchsorted(np.array([g.start for g in groups], dtype=np.intp), candidates, side="right") - 1
    for i, g in zip(candidates.tolist(), group_of.tolist(), strict=True):
        group = groups[g]
        pos = i - group.start
        for entry in lexicon[lowers[i]]:
            words, cat = entry[:-1], entry[-1]
            if pos + len(words) > len(group):
                continue
            if tuple(toks[group[pos + k]].lower for k in range(len(words))) != words:
                continue
            last = group[pos + len(words) - 1]
            if words[-1] in _NOUN_ONLY_LABELS and (scan.tag(last) or "") not in ("NN", "NNS"):
                continue
            heading = scan.heading_group[g] or scan.shouting[g]  # (token i is in group g)
            mentions.append(_lexicon_mention(scan, group, pos, len(words), cat, heading))
            break
    return mentions


# ------------------------------------------------------------------------------------------------
# 2. Names: acronyms and runs of capitalised words (body sentences that are not headings)
# ------------------------------------------------------------------------------------------------


def _name_run(scan: _Scan, group: list[int], pos: int, starts_name: Callable[[int], bool]) -> list[int]:
    """The positions in *group* of the name that starts at *pos*: capitalised words, joined by "of", "in" ..."""
    toks, titles = scan.toks, scan.titles
    run = [pos]
    caps = 1
    q = pos + 1
    while q < len(group):
        j = group[q]
        low = toks[j].lower
        if starts_name(j):
            # (a run as long as the longest title is no title's start: the tuple is built only when it may be)
            if titles.may_start(low) and (len(run) >= titles.longest
                                          or not titles.prefix(tuple(scan.lowers[group[r]] for r in run) + (low,))):
                break  # "Said Mr Fogg": a title starts a new name
            run.append(q)
            caps += 1
            q += 1
            continue
        step = 2 if low in ("of", "for", "in", "and") and q + 1 < len(group) and toks[group[q + 1]].lower == "the" \
            else 1
        need = 1 if low in ("of", "for") else 2 if low in ("in", "and") else None
        nxt = q + step
        if need and caps >= need and nxt < len(group) and starts_name(group[nxt]) and \
                not titles.may_start(toks[group[nxt]].lower) and \
                not (need == 2 and _is_acronym(toks[group[nxt]].text)):
            run.extend(range(q, nxt))
            q = nxt
            continue
        break
    return run


def _name_shape(titles: _Titles, texts: tuple[str, ...], run_words: tuple[str, ...],
                before: tuple[str, ...]) -> tuple[int, str, str, tuple[str, str | None] | None]:
    """What a name's mention is, from the texts and folded forms of its run's tokens and the folded words
    just before it (up to 3): (how many of those words are its title, its source, its key, its person parts)."""
    # a title inside the run ("Prime Minister Maliki") or in lower case just before it ("prime minister Maliki")
    title_len = titles.leading(run_words, len(run_words))
    before_len = 0
    if not title_len and before:
        for back in (3, 2, 1):
            if back > len(before) or not titles.may_start(before[-back]):
                continue
            if titles.exact(before[len(before) - back:]):
                before_len = back
                break
    name_texts = list(texts[title_len:])
    connectors = any(w in _CONNECTORS for w in run_words[title_len:])
    if len(texts) == 1 and _is_acronym(texts[0]) and not before_len:
        return 0, "acronym", f"acr:{texts[0].replace('.', '')}", None
    if (title_len or before_len) and not connectors:
        return before_len, "person", "", _person_parts(name_texts)
    parts = _person_parts(name_texts) if len(name_texts) <= 3 and not connectors else None
    return before_len, "name", "name:" + " ".join(run_words), parts


def _name_mention(scan: _Scan, group: list[int], pos: int,
                  run: list[int]) -> tuple[int, int, str, str, tuple[str, str | None] | None]:
    """What the name on *run* is: (position in *group* of its mention's first token, of its last, source, key,
    person parts) - an acronym, a person (a title in it or before it) or another name (worked out once per
    run of words and the words before it: :func:`_name_shape`)."""
    lowers = scan.lowers
    tok_ids = [group[r] for r in run]
    key = (tuple(scan.toks[j].text for j in tok_ids), tuple(lowers[j] for j in tok_ids),
           tuple(lowers[group[k]] for k in range(max(0, pos - 3), pos)))
    shape = scan.name_shapes.get(key)
    if shape is None:
        shape = scan.name_shapes[key] = _name_shape(scan.titles, *key)
    before_len, source, mkey, parts = shape
    return pos - before_len, run[-1], source, mkey, parts


def _group_names(scan: _Scan, group: list[int], name_like: list[bool],
                 first_word: int | None) -> list[tuple[int, int, str, str, tuple[str, str | None] | None]]:
    """The names of one sentence's tokens *group*, as :func:`_name_mention` gives them."""
    toks = scan.toks

    def starts_name(i: int) -> bool:
        if not name_like[i]:
            return False
        if i == first_word:
            return scan.tag(i) in ("NNP", "NNPS") or _is_acronym(toks[i].text)
        return True

    out: list[tuple[int, int, str, str, tuple[str, str | None] | None]] = []
    resume = 0  # tokens before this position are part of a name already read
    for pos in list(compress(range(len(group)), map(name_like.__getitem__, group))):  # only these can start a name
        if pos < resume or not starts_name(group[pos]):
            continue
        run = _name_run(scan, group, pos, starts_name)
        out.append(_name_mention(scan, group, pos, run))
        resume = run[-1] + 1
    return out


def _name_mentions(scan: _Scan) -> list[_Mention]:
    """Step 2: the names of the body's sentences (headings and sentences in capitals left out).

    Where the names are in a sentence depends only on its tokens' texts and the tag of its first word,
    so a sentence met again (a long text that repeats itself) is read once.
    """
    import numpy as np

    toks, sw, idx = scan.toks, scan.stopwords, scan.idx
    # the part of starts_name() that depends only on a token's text, once per distinct text
    texts = scan.texts
    name_like_form = np.array([is_word and t != "I" and scan.is_cap(t) and low not in sw and low not in _CALENDAR
                               for t, is_word, low in zip(idx.forms, idx.is_word_form.tolist(),
                                                          idx.folded_form.tolist(), strict=True)] or [False])
    name_like_tok = name_like_form[idx.ids]
    name_like = name_like_tok.tolist()
    groups = scan.groups
    # the groups with a name-like token (counted by numpy) that are no heading and not in capitals: only they
    # are read; the first word of each (a token with a letter or digit) found by numpy too
    bounds = [g.start for g in groups] + [groups[-1].stop if groups else 0]
    with_names = np.diff(np.concatenate(([0], np.cumsum(name_like_tok, dtype=np.int64)))[bounds]) > 0
    read = [k for k, (any_name, shouting, heading) in enumerate(zip(with_names.tolist(), scan.shouting,
                                                                    scan.heading_group, strict=True))
            if any_name and not shouting and not heading]
    word_at = np.flatnonzero(idx.is_word_form[idx.ids])
    starts = [bounds[k] for k in read]
    stops = [bounds[k + 1] for k in read]
    firsts = np.append(word_at, len(toks))[np.searchsorted(word_at, starts)].tolist()
    firsts = [f if f < b else None for f, b in zip(firsts, stops, strict=True)]
    # (the groups read are body sentences: token f is text.words[f - n_headline])
    tags, n_head = scan.tags, idx.n_headline
    keys = zip(map(tuple, map(texts.__getitem__, map(slice, starts, stops))),
               [None if f is None else tags[f - n_head] for f in firsts], strict=True)
    # each distinct sentence is read once: its names (first and last position, source, key, person parts) are
    # kept under a number, laid out one after another in found_*; each group read gets its sentence's number
    number: dict[tuple[tuple[str, ...], str | None], int] = {}
    found_first: list[int] = []
    found_last: list[int] = []
    found_rest: list[tuple[str, str, tuple[str, str | None] | None]] = []
    base: list[int] = []  # where each number's names start in found_*
    of_group: list[int] = []
    for k, key, first_word in zip(read, keys, firsts, strict=True):
        q = number.get(key)
        if q is None:
            q = number[key] = len(base)
            base.append(len(found_first))
            for f in _group_names(scan, groups[k], name_like, first_word):
                found_first.append(f[0])
                found_last.append(f[1])
                found_rest.append(f[2:])
        of_group.append(q)
    base.append(len(found_first))
    base_ = np.array(base, np.int64)
    per_group = np.diff(base_)[of_group] if of_group else np.zeros(0, np.int64)
    # the names of the groups read, in text order: the j-th name of a group is found_*[base + j]
    at = np.repeat(base_[of_group] if of_group else per_group, per_group)
    at += np.arange(len(at)) - np.repeat(np.cumsum(per_group) - per_group, per_group)
    group_start = np.repeat(np.array(starts, np.int64), per_group)
    first_tok = (group_start + np.array(found_first + [0], np.int64)[at]).tolist()
    last_tok = (group_start + np.array(found_last + [0], np.int64)[at]).tolist()
    rest = [found_rest[j] for j in at.tolist()]
    ss = list(map(attrgetter("start"), map(toks.__getitem__, first_tok)))
    es = list(map(attrgetter("end"), map(toks.__getitem__, last_tok)))
    labels = list(map(_label_text, map(scan.text.__getitem__, map(slice, ss, es))))
    source, mkey, parts = (list(map(itemgetter(c), rest)) for c in (0, 1, 2))
    return from_columns(_Mention, [ss, es, labels, mkey, source, [None] * len(ss), [None] * len(ss),
                               list(zip(first_tok, last_tok, strict=True)), parts])


def _heading_mentions(scan: _Scan, names: list[_Mention]) -> list[_Mention]:
    """Step 2b: in the headline and captions, only names already met in the body (title case there tells nothing)."""
    toks, lowers = scan.toks, scan.lowers
    # the first mention of each name (read backwards, the last write of a key is its first mention)
    spans = map(slice, map(itemgetter(0), map(attrgetter("tokens"), reversed(names))),
                [m.tokens[1] + 1 for m in reversed(names)])
    known: dict[tuple[str, ...], _Mention] = dict(zip(map(tuple, map(lowers.__getitem__, spans)), reversed(names),
                                                      strict=True))
    # only a known name's first word can start a match, and only a known name's length can match (longest first)
    firsts = {k[0] for k in known}
    lengths = sorted({len(k) for k in known}, reverse=True)
    found: list[_Mention] = []
    for group, heading in zip(scan.groups, scan.heading_group, strict=True):
        if not group or not heading:
            continue
        pos = 0
        while pos < len(group):
            hit = None
            if toks[group[pos]].lower not in firsts:
                pos += 1
                continue
            for size in (n for n in lengths if n <= len(group) - pos):
                m = known.get(tuple(toks[group[pos + k]].lower for k in range(size)))
                if m is not None and all(scan.is_cap(toks[group[pos + k]].text) for k in range(size)
                                         if toks[group[pos + k]].lower not in _CONNECTORS) and \
                        (m.source != "acronym" or toks[group[pos]].text.replace(".", "").isupper()):
                    hit = (size, m)
                    break
            if hit is None:
                pos += 1
                continue
            size, m = hit
            a, b = group[pos], group[pos + size - 1]
            found.append(_Mention(toks[a].start, toks[b].end, _label_text(scan.text[toks[a].start:toks[b].end]), m.key,
                                  m.source, tokens=(a, b), parts=m.parts))
            pos += size
    return found


# ------------------------------------------------------------------------------------------------
# 3. Overlaps: a longer span wins; equal spans: the lexicon wins
# ------------------------------------------------------------------------------------------------


def _without_overlaps(mentions: list[_Mention]) -> list[_Mention]:
    """Step 3: the mentions that overlap no earlier, longer (or lexicon) mention, in text order."""
    everything = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.source != "lexicon"))
    kept: list[_Mention] = []
    for m in everything:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _mentions(text: Text, titles: _Titles, lexicon: dict[str, list[tuple[str, ...]]]) -> tuple[_Scan, list[_Mention]]:
    """Steps 1 to 3: every way the article names an actor, without overlaps, and the scan they were read from."""
    scan = _Scan(text, titles)
    generic = _lexicon_mentions(scan, lexicon)
    names = _name_mentions(scan)
    names += _heading_mentions(scan, names)
    return scan, _without_overlaps(generic + names)
