"""The pre-pass: each paragraph's frame read once for every rule (tokens, their lower case, where its quotes stand,
its sentences), and the token runs the rules will tag, tagged in one batch up front.

>>> import newskit
>>> from newskit.sources.attribution import _frame
>>> from newskit.sources.marks import _scan
>>> art = newskit.from_text('Head\\n\\n"We are ready," Ben Ortiz said. He left.')
>>> raws = _scan(art)
>>> para = _split(art, _frame(art, raws), raws)[0]
>>> para.toks[:4], para.places, para.sentences, para.names
(['\\ue0000\\ue001', 'Ben', 'Ortiz', 'said'], [0], [(0, 5), (5, 8)], [False, True])
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
from collections.abc import Callable, Iterable

from ..core.text import Text
from .attribution import _AFTER_REACH, _Frame, _is_full
from .lexicon import DET_POSS, ROLE_HEADS, SPEECH_VERBS, STRONG_VERBS, WEAK_VERBS
from .marks import _FINITE_AUX, _MARKS, _SINGLES, _ends_sentence, _is_furniture, _Raw
from .phrases import _CAPITAL_NAME_TOK
from .tokens import _PH, _SUBJECT_WINDOW, _WINDOW, PARA_BREAK, _lows, _places, _sentences, _tag_runs, _tokens


class _Para:
    """A paragraph's frame, read once for every rule that reads it.

    ``toks`` its tokens and ``lows`` the same in lower case; ``places`` where its quote placeholders stand;
    ``sentences`` the token ranges of its sentences; ``furniture`` whether it is a line without final punctuation
    (caption, pull quote, its credit: it does not change who "he" is); ``names`` for each sentence whether its
    opening names someone (:func:`~newskit.sources.phrases._names_someone`; all False in furniture, which the
    resolver does not read).
    """

    __slots__ = ("toks", "lows", "places", "sentences", "furniture", "names")

    def __init__(self, toks: list[str], places: list[int], sentences: list[tuple[int, int]], furniture: bool) -> None:
        self.toks = toks
        self.lows = _lows(toks)
        self.places = places
        self.sentences = sentences
        self.furniture = furniture
        # (_names_someone of each sentence's opening, inlined: a sentence is never empty)
        self.names = [False] * len(sentences) if furniture else [
            toks[s0][:1] != _PH and any(map(_CAPITAL_NAME_TOK.__getitem__, toks[s0:min(s1, s0 + _SUBJECT_WINDOW)]))
            for s0, s1 in sentences]


def _opens_small(text: str, raw: _Raw) -> bool:
    """True when the quote's first letter is a small one ("and two belt loops"): it goes on a sentence."""
    start, end = raw.pieces[0]
    first = next((c for c in text[start:min(end, start + 8)] if c.isalpha()), "")
    return first.islower()


def _placeholders(toks: list[str], quote_ids: list[int]) -> list[int]:
    """:func:`~newskit.sources.tokens._places` of a frame's tokens, found by their text: the frame holds the
    placeholders of *quote_ids* in that order, each one token (list.index: a C loop over the tokens, once)."""
    places: list[int] = []
    i = 0
    try:
        for qi in quote_ids:
            i = toks.index(f"{_PH}{qi}\uE001", i)
            places.append(i)
            i += 1
    except ValueError:  # (never: a safeguard)
        return _places(toks)
    return places


def _split(article: Text, frames: dict[int, _Frame], raws: list[_Raw]) -> list[_Para]:
    """Each paragraph's frame, read (:class:`_Para`)."""
    split: list[_Para] = []
    text = article.text
    no_quotes: frozenset[int] = frozenset()
    for p in article.paragraphs:
        fr = frames[p.index]
        toks = _tokens(fr.text)
        if fr.quote_ids:
            closing = frozenset(qi for qi in fr.quote_ids if _ends_sentence(text, raws[qi]))
            continuing = frozenset(qi for qi in fr.quote_ids if _opens_small(text, raws[qi]))
            places = _placeholders(toks, fr.quote_ids)
        else:  # (a frame without quotes holds no placeholder: the article's own private-use marks became spaces)
            closing = continuing = no_quotes
            places = []
        split.append(_Para(toks, places, _sentences(toks, closing, continuing, places), _is_furniture(p.text)))
    return split


def _body_tokens(article: Text, frames: dict[int, _Frame], split: list[_Para]) -> list[str]:
    """The tokens of each paragraph of the body in turn (:func:`_tokens`), each paragraph's followed by
    :data:`PARA_BREAK` so that no name or description runs from one paragraph into the next (a pull quote's
    "... budgets. Justin Trudeau" then "Trudeau urged" is no "Justin Trudeau Trudeau"). A paragraph's tokens are
    its frame's with each placeholder's replaced by those of the quote it stands for, when each such quote starts
    and ends with a quote mark with no letter or digit beside an apostrophe-like mark ('"' + "word's"); otherwise,
    or with the private-use marks of placeholders in the text (a frame then differs from its text), the paragraph
    is tokenized.
    """
    text = article.text
    paras = article.paragraphs
    marked = "\uE000" in text or "\uE001" in text
    out: list[str] = []
    for p, para in zip(paras, split, strict=True):
        regions = frames[p.index].regions
        if marked:
            out += _tokens(text[p.start:p.end])
        elif not regions:
            out += para.toks
        elif len(regions) == len(para.places) and all(_clean_region(text, lo, hi, p.start, p.end) for lo, hi in regions):
            toks, prev = para.toks, 0
            for place, (lo, hi) in zip(para.places, regions, strict=True):
                out += toks[prev:place]
                out += _tokens(text[lo:hi])
                prev = place + 1
            out += toks[prev:]
        else:
            out += _tokens(text[p.start:p.end])
        out.append(PARA_BREAK)
    return out


#: Quote marks (double and single) that open or close a span replaced by a placeholder.
_SPAN_MARKS = frozenset(_MARKS + _SINGLES)


def _clean_region(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """True when text[lo:hi] lies in the paragraph text[start:end] (a quote closed in the next paragraph goes beyond
    it), starts and ends with a quote mark, and a letter or digit stands beside neither when it is an
    apostrophe-like mark (a word may go on through one: "Iraq's")."""
    if lo < start or hi > end or hi - lo < 2 or text[lo] not in _SPAN_MARKS or text[hi - 1] not in _SPAN_MARKS:
        return False
    if text[lo] in "'\u2019" and lo > start and text[lo - 1].isalnum():
        return False
    return not (text[hi - 1] in "'\u2019" and hi < end and text[hi].isalnum())


def _may_tag_before(before: list[str], low: list[str]) -> bool:
    """True when :func:`~newskit.sources.attribution._before_attribution` may tag *before*: it holds a speech verb
    it would test (*low*: its tokens in lower case)."""
    if SPEECH_VERBS.isdisjoint(low):
        return False
    partial = not _is_full(before)
    n = len(before)
    return any(low[j] in SPEECH_VERBS and before[j][:1] != _PH and (partial or low[j] not in WEAK_VERBS or j >= n - 4)
               and not (j > 0 and low[j - 1] in DET_POSS) for j in range(n))


def _commas(sent: list[str], limit: int = 4) -> list[int]:
    """Where the first *limit* commas of *sent* are, from its fourth token to its last but one (list.index: a C loop).

    >>> _commas("Yes , the plan , he said , is late .".split())
    [4, 7]
    """
    out: list[int] = []
    i = 2
    with contextlib.suppress(ValueError):  # (no more commas)
        while len(out) < limit:
            i = sent.index(",", i + 1, len(sent) - 1)
            out.append(i)
    return out


def _runs_to_tag(split: list[_Para], quote_text: Callable[[int], str]) -> Iterable[tuple[str, ...]]:
    """Token runs that :func:`~newskit.sources.analyse._analyse` will (most likely) tag, so that they go in the one
    batch up front.

    Tags are a function of the run alone, so tagging a run that is then never read changes no result,
    it only costs a little time; these are the runs the attribution rules tag when a speech verb is there:
    a sentence's head (its words before the first quote) and the head up to that verb, the words on each
    side of a quote (those after it, a leading comma left out, when a speech verb follows within
    :data:`~newskit.sources.attribution._AFTER_REACH`), the first words after a short quote (*quote_text*: a quote's
    text by its number), and the words after a comma of a sentence without quotes.
    Offsets below are into the paragraph's tokens (a sentence's run ``sent[a:b]`` is ``toks[s0 + a:s0 + b]``).
    """
    for para in split:
        toks, lows, places = para.toks, para.lows, para.places
        # (STRONG_VERBS is part of SPEECH_VERBS: with no verb of saying in the paragraph no rule below yields a run,
        # and with no strong one only the words before a quote are tested)
        if SPEECH_VERBS.isdisjoint(lows):
            continue
        strong = STRONG_VERBS.isdisjoint(lows)  # True: no verb here makes an attribution worth tagging
        if strong and not places:
            continue
        for s0, s1 in para.sentences:
            # (the paragraph's quote positions are sorted: bisection keeps a one-paragraph article linear)
            qpos = [i - s0 for i in places[bisect.bisect_left(places, s0):bisect.bisect_left(places, s1)]] if places else []
            end = s0 + qpos[0] if qpos else s1  # the end of the sentence's head (its words before the first quote)
            if not strong:
                opening = lows[s0 + 1:min(end, s0 + _WINDOW)]
                if not STRONG_VERBS.isdisjoint(opening):
                    head = toks[s0:end]
                    yield tuple(head)
                    for j, t in enumerate(opening, 1):
                        if t in STRONG_VERBS:
                            yield tuple(head[:j + 1])
            for qn, pos in enumerate(qpos):
                b0 = s0 + max(0, pos - _WINDOW)
                if not strong:
                    # the words after the quote (up to the next one), a leading comma left out
                    a1 = s0 + min(qpos[qn + 1] if qn + 1 < len(qpos) else s1 - s0, pos + 1 + _WINDOW)
                    r0 = s0 + pos + 1
                    if r0 < a1 and toks[r0] == ",":
                        r0 += 1
                    if not STRONG_VERBS.isdisjoint(lows[r0 + 1:min(a1, r0 + _AFTER_REACH)]):
                        yield tuple(toks[r0:a1])
                if _may_tag_before(toks[b0:s0 + pos], lows[b0:s0 + pos]):
                    yield tuple(toks[b0:s0 + pos])
                # the first words after a quote of one or two words, when they may be its verb (marks._is_mention)
                a, nxt = s0 + pos + 1, s0 + (qpos[qn + 1] if qn + 1 < len(qpos) else s1 - s0)
                if (pos > 0 and a < nxt and toks[a - 2] not in {":", ","} and toks[a][:1].islower()
                        and lows[a] not in SPEECH_VERBS and lows[a] not in _FINITE_AUX
                        and len(quote_text(int(toks[a - 1][1:-1])).split(None, 2)) <= 2):
                    yield tuple(toks[a:min(nxt, a + 4)])
            # (each comma's window lies inside the sentence: a sentence with no strong verb yields none)
            if not qpos and not strong and not STRONG_VERBS.isdisjoint(lows[s0:s1]):
                for c in _commas(toks[s0:s1]):
                    c += s0
                    if not STRONG_VERBS.isdisjoint(lows[c + 2:min(s1, c + 1 + _AFTER_REACH)]):
                        yield tuple(toks[c + 1:min(s1, c + _WINDOW)])


def _tag_ahead(split: list[_Para], quote_text: Callable[[int], str]) -> None:
    """Tag, in one batch up front, the sentence openings the resolver will read (those naming someone or holding a
    role) and the runs the rules will (*quote_text*: a quote's text by its number)."""
    openings = (tuple(para.toks[s0:min(s1, s0 + _SUBJECT_WINDOW)]) for para in split
                for (s0, s1), names in zip(para.sentences, para.names, strict=True)
                if names or not (para.furniture or ROLE_HEADS.isdisjoint(para.lows[s0:min(s1, s0 + _SUBJECT_WINDOW)])))
    _tag_runs(itertools.chain(openings, _runs_to_tag(split, quote_text)))
