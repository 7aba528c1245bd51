"""Attribution: who said it. Each paragraph becomes a *frame*, the reporter's words with every quote replaced
by a placeholder token, and these rules read it: ``"...", X said``, ``said X``, ``X, a resident, told AFP``,
``X said: "..."``, ``according to X``, and reported speech without marks (``X said that ...``).

>>> from newskit.sources.tokens import _tokens
>>> a = _after_attribution(_tokens(", Mahmud Nuri, a resident, told AFP."))
>>> a.mention.np, a.mention.appos, a.mention.verb, a.channel
(['Mahmud', 'Nuri'], ['a', 'resident'], 'told', 'AFP')
>>> _before_attribution(_tokens("Ben Ortiz said:"), False).mention.np
['Ben', 'Ortiz']
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..core.text import Paragraph, Sentence, Text
from .lexicon import (
    ADVERBS,
    AUX,
    CLAIM_NOUNS,
    DET_POSS,
    MANNER_VERBS,
    MASTHEAD_PATTERN,
    OUTLET_PATTERN,
    OUTLET_RE,
    OUTLET_WORDS,
    OUTLETS,
    PRONOUNS,
    SPEECH_VERBS,
    WEAK_VERBS,
    is_saying_verb,
)
from .marks import _MARKS, _SINGLES, _Raw
from .phrases import _clause_subject, _Mention, _np_backward, _np_forward, _sentence_subject, _skip_aside
from .results import Attribution, Source
from .tokens import _PH, _is_name_tok, _is_placeholder, _is_verb_at, _join, _lows, _places, _tag, _TokenMemo


@dataclass
class _Frame:
    """One paragraph with its quotes replaced by placeholders: ``regions[k]`` is the span of the text (marks included)
    that the *k*-th placeholder, of quote ``quote_ids[k]``, stands for."""

    text: str
    quote_ids: list[int]
    regions: list[tuple[int, int]]


#: The article's own text may hold the private-use characters that mark placeholders; they become spaces.
_NO_PLACEHOLDER = str.maketrans("\uE000\uE001", "  ")


def _frame(article: Text, raws: list[_Raw]) -> dict[int, _Frame]:
    """Every paragraph's frame: its text with each quote, marks included, replaced by its placeholder."""
    text = article.text
    spans_by_para: dict[int, list[tuple[int, int, int]]] = {}
    for qi, r in enumerate(raws):
        for n, (s, e) in enumerate(r.pieces):
            para = article.paragraph_at(s)
            if para is None:
                continue
            p = article.paragraphs[para]
            lo, hi = s, e
            while lo - 1 > p.start and text[lo - 1] == " ":
                lo -= 1
            lo = lo - 1 if lo - 1 >= p.start and text[lo - 1] in _MARKS + _SINGLES else s
            while hi < p.end - 1 and text[hi] == " ":
                hi += 1
            hi = hi + 1 if hi < p.end and text[hi] in _MARKS + _SINGLES else e
            if n == len(r.pieces) - 1 and r.close_mark is not None:
                hi = max(hi, r.close_mark + 1)
                if hi < p.end and text[hi] in _SINGLES and text[hi - 1] in _SINGLES:
                    hi += 1  # (a closing mark typed as two singles: ,’’ says)
            spans_by_para.setdefault(para, []).append((lo, hi, qi))
    frames: dict[int, _Frame] = {}
    # (translating a text that holds no private-use mark changes nothing: most texts are taken as they are)
    marked = "\uE000" in text or "\uE001" in text
    for p in article.paragraphs:
        spans = spans_by_para.get(p.index)
        if not spans:
            para = text[p.start:p.end]
            frames[p.index] = _Frame(para.translate(_NO_PLACEHOLDER) if marked else para, [], [])
            continue
        out, pos, ids, regions = [], p.start, [], []
        for lo, hi, qi in sorted(spans):
            if lo < pos:
                continue
            out.append(text[pos:lo].translate(_NO_PLACEHOLDER) if marked else text[pos:lo])
            out.append(f"\uE000{qi}\uE001")
            ids.append(qi)
            regions.append((lo, hi))
            pos = hi
        out.append(text[pos:p.end].translate(_NO_PLACEHOLDER) if marked else text[pos:p.end])
        frames[p.index] = _Frame("".join(out), ids, regions)
    return frames


@dataclass
class _Attr:
    """An attribution found by the rules: the speaker phrase (with its verb) and the outlet credited."""

    mention: _Mention
    channel: str | None


#: For each name of :data:`~newskit.sources.lexicon.OUTLETS` and each word of
#: :data:`~newskit.sources.lexicon.OUTLET_WORDS` (a plain alternation of words), its longest piece without a space
#: (of equal length, an acronym, else the last: "BBC", not "One"; "Sun", not "The"): rarer in other words.
_OUTLET_PIECES = sorted({max(reversed(name.split(" ")), key=lambda w: (len(w), w.isupper()))
                         for name in (*OUTLETS, *OUTLET_WORDS.pattern.split("|"))})

_OUTLET_PIECE = re.compile("|".join(re.escape(piece) for piece in _OUTLET_PIECES))


def _may_name_outlet(tok: str) -> bool:
    """True when the frame token *tok* holds a piece of an outlet's name or of a medium's word (see :func:`_find_channel`).

    >>> _may_name_outlet("BBC's"), _may_name_outlet("newspapers"), _may_name_outlet("said")
    (True, True, False)
    """
    return _OUTLET_PIECE.search(tok) is not None


_MAY_NAME_OUTLET = _TokenMemo(_may_name_outlet)


def _find_channel(toks: list[str]) -> str | None:
    """The media outlet credited in these tokens ("told AFP", "the Ottawa Citizen newspaper"), or None."""
    # Quickest rejection, once per distinct token: whatever OUTLET_RE or OUTLET_WORDS finds in the words joined by
    # spaces below holds each piece of its name; a piece has no space, and a token none either, so its longest
    # piece lies inside one token (a placeholder holds none: testing it too changes nothing).
    if not any(map(_MAY_NAME_OUTLET.__getitem__, toks)):
        return None
    words = [t for t in toks if t[:1] != _PH]
    # Quick rejection on the words joined by plain spaces (most calls find nothing): _join only drops a
    # space next to punctuation, which an outlet name does not hold, and keeps an outlet word whole, so a
    # text with no outlet and none of those words here has none once joined either.
    plain = " ".join(words)
    if not OUTLET_RE.search(plain) and not OUTLET_WORDS.search(plain):
        return None
    text = _join(words)
    m = OUTLET_RE.search(text)
    if m:
        name = m.group(1)
        return name[4:] if name.startswith("the ") else name
    m = OUTLET_PATTERN.search(text)
    if m:
        return m.group(1)
    m = MASTHEAD_PATTERN.search(text)
    if m:
        return m.group(1) or m.group(2)
    return None


#: Words before "to", "with" or "on" that open a phrase naming an outlet: "Speaking to AP", "an interview with CNN".
_INTRO_CUES = frozenset({"speaking", "interview", "talking", "appearing"})


def _intro_channel(toks: list[str]) -> str | None:
    """An outlet named in an introductory phrase: "Speaking to AP, ...", "In an interview with CNN, ..."."""
    low = _lows(toks)
    if _INTRO_CUES.isdisjoint(low):
        return None  # (no word that opens such a phrase)
    for k, t in enumerate(low):
        if t in {"to", "with", "on"} and k > 0 and low[k - 1] in _INTRO_CUES:
            return _find_channel(toks[k + 1:k + 6])
    return None


#: How far after a quote its speaker's verb may come: a name and a long appositive ('"...," Harry Ray, director
#: of defence studies at the U.S.-based Centre for the National Interest, said').
_AFTER_REACH = 32


#: Words that open what follows a verb of saying but never its subject ('..., said in an interview that').
_NOT_AN_INVERTED_SUBJECT = frozenset("in on at to for with by from during after before about of into through that".split())


#: Words one of which every rule of :func:`_after_attribution` needs: a verb of saying (a manner verb is one),
#: "quoted" (as saying), "according" (to), a dash before a signature.
_AFTER_CUES = SPEECH_VERBS | {"quoted", "according", "\u2014", "\u2013"}

#: Phrasal verbs of saying, by their verb and particle (VerbNet lists the verbs, not the phrases): '"That's not a
#: yes," Albright cut in.' The verb alone says nothing ("cut", "fired", "spoke"); with its particle, right after a
#: quote and its speaker, it attributes the quote.
_PHRASAL_SAYING = {"cut": {"in"}, "chimed": {"in"}, "broke": {"in"}, "jumped": {"in"}, "weighed": {"in"},
                   "shot": {"back"}, "fired": {"back"}, "hit": {"back"}, "snapped": {"back"}, "spoke": {"up", "out"},
                   "piped": {"up"}, "called": {"out"}, "cried": {"out"}, "lashed": {"out"}}

#: Verbs that take a verb of saying in -ing ("the crowd began chanting"): the subject is theirs.
_CATENATIVE = frozenset("began begins started starts kept keeps continued continues".split())

#: Verbs of judging whose object is a thing, not words ("rejected the plan"): a fragment after one inside what
#: someone is said to say ('Carl Whitford said voters had rejected "a ban that ..."') is the sayer's words, not
#: the inner subject's. (Verbs that name what the words call something, "called", "described as", "dubbed",
#: keep the inner subject: 'he said Lee had called it "a farce"' quotes Lee.)
_JUDGING_OBJECT = frozenset("""rejected denied praised criticised criticized attacked hailed blamed mocked slammed
pressured""".split())

#: Words that open a subordinate clause, never a phrase ("when a man shouted a question, asking ...").
_SUBORDINATORS = frozenset("when because while whereas although though".split())

#: Prepositions after which a word of saying is a noun ("without warning", "after questioning").
_PREPOSITIONS_BEFORE_NOUN = frozenset("without with after before of for in on by upon".split())

#: Auxiliaries of the passive: "men were asked", "he was told" (the subject is spoken to, not speaking).
_PASSIVE_AUX = frozenset("was were is are been being be get gets got".split())

#: The words its last rule reads: a verb of saying or "quoted".
_SAYING_OR_QUOTED = SPEECH_VERBS | {"quoted"}

#: The words :func:`_before_attribution` reads: a verb of saying, "by" or "from" (a claim by X), "to" (according to),
#: "of" (in the words of X).
_BEFORE_CUES = SPEECH_VERBS | {"by", "from", "to", "of"}


def _after_attribution(after: list[str], full: bool = False, low: list[str] | None = None) -> _Attr | None:
    """'..., said Earnest.' / '..., Mahmud Nuri, a resident, told AFP.' / '..., according to X.' (*low*: *after* in
    lower case, when the caller has it)."""
    i = 1 if after and after[0] == "," else 0
    rest = after[i:]
    if not rest:
        return None
    low = _lows(rest) if low is None else low[i:]
    if _AFTER_CUES.isdisjoint(low):
        return _phrasal_after(rest, low)  # (each rule below needs one of these words)
    if (low[0] in SPEECH_VERBS and (low[0] not in WEAK_VERBS or low[0] in MANNER_VERBS) and low[1:2] != ["that"]
            and not low[0].endswith("ing")):
        # ('..., noted that X ...': the verb's object follows, not its subject as in '..., said X')
        np, appos = _np_forward(rest, 1)
        # ('..., said in an interview that ...'; '..., said he still supports him': a pronoun with a clause after it
        # is the subject of reported words, never an inverted subject; so is a phrase before an auxiliary: '...,
        # said the new administration would turn first to ...')
        nxt = low[1 + len(np)] if 1 + len(np) < len(low) else ""
        if np and np[0].lower() not in _NOT_AN_INVERTED_SUBJECT and not (len(np) > 1 and np[0].lower() in PRONOUNS) and (
                nxt not in AUX or appos):
            return _Attr(_Mention(np, appos, low[0]), _find_channel(rest))
    if low[0] in {"\u2014", "\u2013"} and len(rest) >= 3:
        # '"It is over." — Angela Merkel': a name after a dash, ending the sentence, signs the quote
        np, appos = _np_forward(rest, 1)
        tail = rest[1 + len(np) + (len(appos) + 1 if appos else 0):]
        if len(np) >= 2 and all(_is_name_tok(t) and t[:1].isupper() for t in np) and tail[:1] in ([], ["."]):
            return _Attr(_Mention(np, appos, "\u2014"), None)
    if low[:2] == ["according", "to"]:
        np, appos = _np_forward(rest, 2)
        if np:
            return _Attr(_Mention(np, appos, "according to"), _find_channel(rest))
    # (only a verb of saying or "quoted" can fire below: those are visited, up to the first placeholder; C-level)
    places = _places(rest[:_AFTER_REACH])
    reach = places[0] if places else min(len(low), _AFTER_REACH)
    if places and (named := _named_past_marks(rest, low)) is not None:
        return named  # '"...," Curtis Bellamy, a lobbyist who leads the "landing team", wrote in the memo'

    for j in itertools.compress(range(reach), map(_SAYING_OR_QUOTED.__contains__, low)):
        t = low[j]
        # "he was quoted as saying": the passive of quoting stands for the verb
        quoted_as = t == "quoted" and low[j + 1:j + 3] in (["as", "saying"], ["as", "telling"])
        strong = t in SPEECH_VERBS and (t not in WEAK_VERBS or t in MANNER_VERBS)
        if j > 0 and low[j - 1] in _PREPOSITIONS_BEFORE_NOUN:
            continue  # '"pushed off the route" by officers who closed a bridge without warning': a noun
        # ('"...," the statement read.': the tagger takes "read" for a noun; ending the clause, it is the verb)
        clause_end = t in MANNER_VERBS and (j + 1 == len(rest) or rest[j + 1] in {".", ",", ";"})
        if (quoted_as or strong) and j > 0 and (quoted_as or clause_end or _is_verb_at(rest, j)):
            np, appos = _np_backward(rest, j)
            if len(np) >= 2 and np[0].lower() in {"a", "an"} and np[1].lower() in CLAIM_NOUNS:
                return None  # '"...," a remark his aides later said referred to ...': the words, described
            used = len(np) + (len(appos) + 2 if appos else 0)
            skipped = sum(1 for x in low[:j] if x in ADVERBS or (x.endswith("ly") and len(x) > 4))
            # ('"...," Albrecht, smiling, said': an aside between commas before the verb is skipped too)
            skipped += (j - 1) - _skip_aside(rest, _tag(tuple(rest[:j])), j - 1) if rest[j - 1] == "," else 0
            if np and (used + skipped >= j or (full and j - used - skipped - 1 >= 0 and rest[j - used - skipped - 1] == ",")):
                return _Attr(_Mention(np, appos, t), _find_channel(rest))
            if (named := _named_then_appositive(rest, j, t)) is not None:
                return named
            # ('"...," Ann Lee, a resident who tweeted about it, said': a verb inside the appositive is not the one)
    return _phrasal_after(rest, low)


def _phrasal_after(rest: list[str], low: list[str]) -> _Attr | None:
    """'"...," Albright cut in.', '"Hoosiers!" the crowd roared back.', '"Enough," she snapped.': a speaker, then a
    phrasal verb of saying (:data:`_PHRASAL_SAYING`) or a verb of saying or manner of speaking in VerbNet's classes
    (:func:`~newskit.sources.lexicon.is_saying_verb`, in the past tense, a particle after it allowed), ending the
    clause right after the quote.

    >>> from newskit.sources.tokens import _tokens
    >>> toks = _tokens("Denise Albright cut in.")
    >>> _phrasal_after(toks, [t.lower() for t in toks]).mention.np
    ['Denise', 'Albright']
    >>> toks = _tokens("the crowd roared back.")
    >>> _phrasal_after(toks, [t.lower() for t in toks]).mention.verb
    'roared back'
    """
    for j in range(1, min(len(low), 8)):
        t = low[j]
        particle = j + 1 < len(low) and low[j + 1] in _PHRASAL_SAYING.get(t, ())
        manner = not particle and t.endswith("ed") and is_saying_verb(t)
        if not (particle or manner):
            continue
        end = j + 1 + (particle or (j + 1 < len(low) and low[j + 1] in {"back", "out", "up"}))
        if end < len(low) and low[end] not in {".", ",", ";"}:
            return None
        np, appos = _np_backward(rest, j)
        if np and len(np) + (len(appos) + 2 if appos else 0) == j:
            return _Attr(_Mention(np, appos, " ".join(low[j:end])), None)
        return None
    return None


def _named_past_marks(rest: list[str], low: list[str]) -> _Attr | None:
    """'"...," Curtis Bellamy, a lobbyist who leads the "landing team" at the department, wrote': a full name right
    after the quote, then an appositive that holds words in marks, then a verb of saying after its closing comma."""
    n = 0
    while n < len(rest) and _is_name_tok(rest[n]) and rest[n][:1].isupper():
        n += 1
    if n < 2 or n >= len(rest) or rest[n] != ",":
        return None
    for j in range(n + 2, min(len(low), _AFTER_REACH)):
        if rest[j - 1] == "," and low[j] in SPEECH_VERBS and low[j] not in WEAK_VERBS:
            return _named_then_appositive(rest, j, low[j])
        if low[j] in {".", ";", "!", "?"}:
            return None
    return None


def _named_then_appositive(rest: list[str], j: int, verb: str) -> _Attr | None:
    """'"...," Guenther Schuh, e.GO's founder and the mastermind behind its van, said': a name right after the quote,
    an appositive of any shape between commas, then the verb.

    >>> from newskit.sources.tokens import _tokens
    >>> a = _named_then_appositive(_tokens("Ann Lee, Acme's founder and a keen cyclist, said today"), 10, "said")
    >>> a.mention.np, a.mention.appos
    (['Ann', 'Lee'], ["Acme's", 'founder', 'and', 'a', 'keen', 'cyclist'])
    """
    n = 0
    while n < j and _is_name_tok(rest[n]) and rest[n][:1].isupper():
        n += 1
    if n < 2 or rest[n] != "," or rest[j - 1] != "," or j - 1 <= n + 1:
        return None
    return _Attr(_Mention(rest[:n], rest[n + 1:j - 1], verb), _find_channel(rest))


def _before_attribution(before: list[str], partial: bool, low: list[str] | None = None) -> _Attr | None:
    """'X said: "..."', 'X told reporters that the US was "..."', 'with leaders telling them to "..."' (*low*:
    *before* in lower case, when the caller has it)."""
    if low is None:
        low = _lows(before)
    # (only these words can fire below, and none is a placeholder: those are visited, last first; C-level)
    for j in reversed(list(itertools.compress(range(len(low)), map(_BEFORE_CUES.__contains__, low)))):
        t = low[j]
        if (t in {"by", "from"} and j > 0 and low[j - 1] in CLAIM_NOUNS and j + 1 < len(before) and _is_name_tok(before[j + 1])
                and not any(_is_placeholder(x) for x in before[j:])):
            np, appos = _np_forward(before, j + 1)  # "a claim by Peter Hain that ..."
            if np:
                return _Attr(_Mention(np, appos, low[j - 1]), None)
        if t in SPEECH_VERBS and (partial or t not in WEAK_VERBS or j >= len(before) - 4):
            if (j > 0 and low[j - 1] in DET_POSS) or not _is_verb_at(before, j):
                continue  # "the claims were ...": a noun, not a verb
            if t.endswith("ing") and j + 1 < len(low) and low[j + 1] in AUX:
                continue  # "take-up of video calling had been ...": a noun, the subject of its clause
            if j > 0 and low[j - 1] in _PASSIVE_AUX and t.endswith(("ed", "told", "said")):
                if j + 2 < len(before) and low[j + 1] == "by":
                    # "she had been told by one executive that she was "yesterday's news"", "was described by X as
                    # "...": the agent of the passive says it
                    np, appos = _np_forward(before, j + 2)
                    if np and not _is_placeholder(np[0]):
                        return _Attr(_Mention(np, appos, t), None)
                continue  # "men were asked about growth and "the upside"": the ones asked do not say it
            k = j
            if j >= 2 and low[j - 1] in {"who", "which"} and before[j - 2] == ",":
                k = j - 2  # "Trump's transition team, which called ..."
            if t.endswith("ing") and j >= 1 and before[j - 1] == ",":
                # "Paladino claimed ..., telling X that ...": the subject of the main clause; "The mood turned tense
                # when a man shouted a question, asking whether ...": of the clause the participle follows, when that
                # is a clause of time or cause
                np, appos = [], []
                if not _SUBORDINATORS.isdisjoint(low[1:j - 1]):
                    np, appos = _clause_subject(before, j - 1)
                if not np:
                    np, appos = _sentence_subject(before[:j - 1])
                if not np:
                    np, appos = _clause_subject(before, j - 1)
            else:
                np, appos = _np_backward(before, k)
                if not np and t.endswith("ing") and j >= 2 and low[j - 1] in _CATENATIVE:
                    np, appos = _np_backward(before, j - 1)  # "a handful of people began chanting, "...""
            if np and partial and t in _JUDGING_OBJECT and (outer := _outer_sayer(before, low, j - len(np))) is not None:
                return outer
            if not np and before[-1:] == [","] and j + 1 < len(before) - 1:
                # 'asks Policy Options editor Jennifer Ditchburn, "..."': the verb, then its speaker, then the quote
                np, appos = _np_forward(before, j + 1)
                if j + 1 + len(np) != len(before) - 1:
                    np, appos = [], []
            if np:
                return _Attr(_Mention(np, appos, t), _find_channel(before[j:]) or _intro_channel(before[:j]))
        if t == "to" and j > 0 and low[j - 1] == "according":
            np, appos = _np_forward(before, j + 1)
            if np:
                return _Attr(_Mention(np, appos, "according to"), _find_channel(before))
        if t == "of" and j >= 3 and low[j - 3:j] == ["in", "the", "words"]:
            # 'a candidate who, in the words of one former aide, "treats every bad poll as ..."'
            np, appos = _np_forward(before, j + 1)
            if np and j + 1 + len(np) + (len(appos) + 1 if appos else 0) >= len(before) - 1:
                return _Attr(_Mention(np, appos, "in the words of"), None)
    return None


def _outer_sayer(before: list[str], low: list[str], end: int) -> _Attr | None:
    """The attribution of a verb of saying whose reported words run on, with no comma or new clause, to
    before[end] (where an inner clause's subject starts): 'Carl Whitford said voters had rejected "..."' gives
    Carl Whitford; None when there is none."""
    for k in range(end - 1, max(-1, end - 4), -1):
        t = low[k]
        if t in {",", ";", ":", "but", "while", "although", "whereas", "and", "or"} or _is_placeholder(before[k]):
            return None
        if t in SPEECH_VERBS and t not in WEAK_VERBS and _is_verb_at(before, k):
            np, appos = _np_backward(before, k)
            return _Attr(_Mention(np, appos, t), _find_channel(before[k:])) if np else None
    return None


def _is_full(before: list[str]) -> bool:
    """A quote is a full utterance when it opens its sentence or follows a colon or "said,"."""
    if not before:
        return True
    last = before[-1]
    if last in {":", "\u2014", "\u2013"}:
        return True
    if last == "," and len(before) >= 2 and (before[-2].lower() in SPEECH_VERBS or _is_placeholder(before[-2])):
        return True
    # 'asks editor Jennifer Ditchburn, "..."', 'said Ann Lee, "..."': a verb, a name, a comma
    if last == "," and len(before) >= 3 and _is_name_tok(before[-2]) and before[-2][:1].isupper():
        k = len(before) - 2
        while k > 0 and (_is_name_tok(before[k]) or before[k][:1].islower()) and before[k].lower() not in SPEECH_VERBS \
                and len(before) - k < 8:
            k -= 1
        if before[k].lower() in SPEECH_VERBS and before[k].lower() not in WEAK_VERBS and (k == 0 or before[k - 1] == ","):
            return True
    # '"I never said that," said Smith, "and I never will."': the second half of a split quote
    if last == ",":
        q = max((k for k, t in enumerate(before) if _is_placeholder(t)), default=-1)
        if q >= 0 and any(t.lower() in SPEECH_VERBS for t in before[q + 1:]):
            return True
    return False


#: A claim in the passive with nobody named ("he has been accused of", "it is believed").
_CLAIM_VERBS = (r"accused|blamed|criticised|criticized|alleged|believed|thought|understood|claimed|suspected|rumou?red|said|"
                r"reported|feared|condemned|described")
_PASSIVE_CLAIM = re.compile(
    # ("has been accused", never the active "has said"; the lookahead lets the regex engine skip most places fast)
    r"(?=[hiawb])\b(?:(?:has|have|had)\s+(?:(?:widely|reportedly|also|now|long)\s+)?been|is|are|was|were|been|being|be)\s+"
    r"(?:(?:widely|reportedly|also|now|long)\s+)?(?:been\s+)?(" + _CLAIM_VERBS + r")\b(?!\s+by\b)")

_CLAIM_VERB_START = re.compile(_CLAIM_VERBS)
_AUX_END = re.compile(r"(?:is|are|was|were|been|being|be)\Z")


def _opens_with_claim_verb(tok: str) -> bool:
    """True when *tok* starts with one of the participles of :data:`_PASSIVE_CLAIM` ("said", "accused")."""
    return _CLAIM_VERB_START.match(tok) is not None


def _ends_with_auxiliary(tok: str) -> bool:
    """True when *tok* ends with one of the auxiliaries that end the first part of :data:`_PASSIVE_CLAIM` ("was")."""
    return _AUX_END.search(tok) is not None


_OPENS_WITH_CLAIM_VERB = _TokenMemo(_opens_with_claim_verb)
_ENDS_WITH_AUXILIARY = _TokenMemo(_ends_with_auxiliary)


def _may_claim(toks: list[str]) -> bool:
    """False when :data:`_PASSIVE_CLAIM` cannot match *toks* joined by spaces (nor by :func:`_join`, which only drops
    spaces): once per distinct token, no token ends with "is", "was", "been" ... (what comes before the regex's
    first space) or none starts with a participle (what comes after its last one), and a token holds no space.

    >>> _may_claim("he has been accused of it".split()), _may_claim("he accused them".split())
    (True, False)
    """
    return any(map(_OPENS_WITH_CLAIM_VERB.__getitem__, toks)) and any(map(_ENDS_WITH_AUXILIARY.__getitem__, toks))


_SPACES = re.compile(r"(\s+)")


class _Locator:
    """Finds reported words in their paragraph ignoring whitespace, in time linear in the paragraph over all calls.

    Each paragraph's words are split once (not once per search), and the search for the next piece starts where
    the last one was found (pieces come in text order; from the start again when it is not found after it).

    >>> loc = _Locator("He said  the plan\\nwas late.")
    >>> loc.find(0, 26, "the plan was late")
    (9, 26)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._paras: dict[tuple[int, int], tuple[str, list[int] | None, list[int]]] = {}
        self._cursor: dict[tuple[int, int], int] = {}

    def find(self, lo: int, hi: int, content: str | list[str]) -> tuple[int, int] | None:
        """The span of *content* in text[lo:hi], whitespace differences ignored, or None. *content*: a text, or frame
        tokens (which hold no whitespace: joined as they are, they are the text they make without its whitespace)."""
        want = "".join(content) if isinstance(content, list) else "".join(content.split())
        if not want:
            return None
        key = (lo, hi)
        if key not in self._paras:
            para = self.text[lo:hi]
            words = para.split()  # (str.split and the regex's \s split at the same characters, Py_UNICODE_ISSPACE)
            flat = "".join(words)
            starts: list[int] | None = None
            if len(para) != len(flat) + len(words) - 1:
                # (else as much whitespace as gaps between words: one space each, none around, so word r starts at
                # lo + ends[r - 1] + r: no list of starts is needed)
                # the paragraph split at whitespace, the whitespace kept: words at even places, gaps at odd ones
                # (an empty first or last word when the text starts or ends with a space); all in C, no loop here
                parts = _SPACES.split(para)
                offsets = list(itertools.accumulate(map(len, parts), initial=lo))[0::2]
                starts = list(itertools.compress(offsets, parts[0::2]))
            self._paras[key] = (flat, starts, list(itertools.accumulate(map(len, words))))
        flat, starts, ends = self._paras[key]
        k = flat.find(want, self._cursor.get(key, 0))
        if k < 0:
            k = flat.find(want)
        if k < 0:
            return None
        self._cursor[key] = k
        last = k + len(want) - 1

        def at(f: int) -> int:  # the text offset of flat offset f
            r = bisect.bisect_right(ends, f)
            return lo + f + r if starts is None else starts[r] + f - (ends[r - 1] if r else 0)
        return at(k), at(last) + 1


def _sentence_finder(article: Text) -> Callable[[int], Sentence | None]:
    """A function giving the first of the article's sentences that holds an offset (None if none does)."""
    sentences = article.sentences
    if all(x.start < x.end for x in sentences) and all(a.end <= b.start for a, b in itertools.pairwise(sentences)):
        # in order and apart (as Text makes them): at most one holds the offset, found by bisection
        starts = [x.start for x in sentences]

        def find(offset: int) -> Sentence | None:
            i = bisect.bisect_right(starts, offset) - 1
            return sentences[i] if i >= 0 and offset < sentences[i].end else None
        return find
    return lambda offset: next((x for x in sentences if x.start <= offset < x.end), None)


def _make_attribution(article: Text, p: Paragraph, content: str | list[str], kind: str, src: Source | None,
                      verb_: str | None, chan: str | None,
                      sentence_at: Callable[[int], Sentence | None] | None = None, reason: str = "",
                      locator: _Locator | None = None) -> Attribution:
    """An :class:`Attribution` of *content* (found in paragraph *p*; text or frame tokens, whitespace ignored either
    way); an unattributed claim is its whole sentence."""
    span = (locator or _Locator(article.text)).find(p.start, p.end, content) or (p.start, p.end)
    start, end = span
    if kind == "unattributed":  # the whole sentence, quotes included, as the reader sees it
        sent = (sentence_at or _sentence_finder(article))(start)
        if sent is not None:
            start, end = sent.start, sent.end
    elif sentence_at is not None:  # reported speech holding quoted words runs to the end of its sentence
        sent = sentence_at(start)
        if sent is not None and sent.end > end and sent.end <= p.end:
            end = sent.end
    return Attribution(kind=kind, text=article.text[start:end], start=start, end=end, paragraph=p.index,  # type: ignore[arg-type]
                       speaker=src, verb=verb_, channel=chan, reason=reason)
