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
from .lexicon import ADVERBS, CLAIM_NOUNS, DETERMINERS, OUTLET_PATTERN, OUTLET_RE, OUTLET_WORDS, SPEECH_VERBS, WEAK_VERBS
from .marks import _MARKS, _SINGLES, _Raw
from .phrases import _clause_subject, _Mention, _np_backward, _np_forward, _sentence_subject
from .results import Attribution, Source
from .tokens import _PH, _is_name_tok, _is_placeholder, _is_verb_at, _join


@dataclass
class _Frame:
    """One paragraph with its quotes replaced by placeholders."""

    text: str
    quote_ids: list[int]


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
            spans_by_para.setdefault(para, []).append((lo, hi, qi))
    frames: dict[int, _Frame] = {}
    for p in article.paragraphs:
        spans = sorted(spans_by_para.get(p.index, []))
        out, pos, ids = [], p.start, []
        for lo, hi, qi in spans:
            if lo < pos:
                continue
            out.append(text[pos:lo].translate(_NO_PLACEHOLDER))
            out.append(f"\uE000{qi}\uE001")
            ids.append(qi)
            pos = hi
        out.append(text[pos:p.end].translate(_NO_PLACEHOLDER))
        frames[p.index] = _Frame("".join(out), ids)
    return frames


@dataclass
class _Attr:
    """An attribution found by the rules: the speaker phrase (with its verb) and the outlet credited."""

    mention: _Mention
    channel: str | None


def _find_channel(toks: list[str]) -> str | None:
    """The media outlet credited in these tokens ("told AFP", "the Ottawa Citizen newspaper"), or None."""
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
    return None


def _intro_channel(toks: list[str]) -> str | None:
    """An outlet named in an introductory phrase: "Speaking to AP, ...", "In an interview with CNN, ..."."""
    low = [t.lower() for t in toks]
    for k, t in enumerate(low):
        if t in {"to", "with", "on"} and k > 0 and low[k - 1] in {"speaking", "interview", "talking", "appearing"}:
            return _find_channel(toks[k + 1:k + 6])
    return None


def _after_attribution(after: list[str], full: bool = False) -> _Attr | None:
    """'..., said Earnest.' / '..., Mahmud Nuri, a resident, told AFP.' / '..., according to X.'"""
    i = 1 if after[:1] == [","] else 0
    rest = after[i:]
    if not rest:
        return None
    low = [t.lower() for t in rest]
    if low[0] in SPEECH_VERBS and low[0] not in WEAK_VERBS:
        np, appos = _np_forward(rest, 1)
        if np:
            return _Attr(_Mention(np, appos, low[0]), _find_channel(rest))
    if low[:2] == ["according", "to"]:
        np, appos = _np_forward(rest, 2)
        if np:
            return _Attr(_Mention(np, appos, "according to"), _find_channel(rest))
    for j, t in enumerate(low[:16]):
        if _is_placeholder(rest[j]):
            break
        if t in SPEECH_VERBS and t not in WEAK_VERBS and j > 0 and _is_verb_at(rest, j):
            np, appos = _np_backward(rest, j)
            used = len(np) + (len(appos) + 2 if appos else 0)
            skipped = sum(1 for x in low[:j] if x in ADVERBS or (x.endswith("ly") and len(x) > 4))
            if np and (used + skipped >= j or (full and j - used - skipped - 1 >= 0 and rest[j - used - skipped - 1] == ",")):
                return _Attr(_Mention(np, appos, t), _find_channel(rest))
            break
    return None


def _before_attribution(before: list[str], partial: bool) -> _Attr | None:
    """'X said: "..."', 'X told reporters that the US was "..."', 'with leaders telling them to "..."'."""
    low = [t.lower() for t in before]
    for j in range(len(before) - 1, -1, -1):
        t = low[j]
        if _is_placeholder(before[j]):
            continue
        if (t in {"by", "from"} and j > 0 and low[j - 1] in CLAIM_NOUNS and j + 1 < len(before) and _is_name_tok(before[j + 1])
                and not any(_is_placeholder(x) for x in before[j:])):
            np, appos = _np_forward(before, j + 1)  # "a claim by Peter Hain that ..."
            if np:
                return _Attr(_Mention(np, appos, low[j - 1]), None)
        if t in SPEECH_VERBS and (partial or t not in WEAK_VERBS or j >= len(before) - 4):
            if (j > 0 and low[j - 1] in DETERMINERS | {"his", "her", "its", "their"}) or not _is_verb_at(before, j):
                continue  # "the claims were ...": a noun, not a verb
            k = j
            if j >= 2 and low[j - 1] in {"who", "which"} and before[j - 2] == ",":
                k = j - 2  # "Trump's transition team, which called ..."
            if t.endswith("ing") and j >= 1 and before[j - 1] == ",":
                # "Paladino claimed ..., telling X that ...": the subject of the main clause
                np, appos = _sentence_subject(before[:j - 1])
                if not np:
                    np, appos = _clause_subject(before, j - 1)
            else:
                np, appos = _np_backward(before, k)
            if np:
                return _Attr(_Mention(np, appos, t), _find_channel(before[j:]) or _intro_channel(before[:j]))
        if t == "to" and j > 0 and low[j - 1] == "according":
            np, appos = _np_forward(before, j + 1)
            if np:
                return _Attr(_Mention(np, appos, "according to"), _find_channel(before))
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
    # '"I never said that," said Smith, "and I never will."': the second half of a split quote
    if last == ",":
        q = max((k for k, t in enumerate(before) if _is_placeholder(t)), default=-1)
        if q >= 0 and any(t.lower() in SPEECH_VERBS for t in before[q + 1:]):
            return True
    return False


#: A claim in the passive with nobody named ("he has been accused of", "it is believed").
_PASSIVE_CLAIM = re.compile(
    r"\b(?:has|have|had|is|are|was|were|been|being|be)\s+(?:(?:widely|reportedly|also|now|long)\s+)?(?:been\s+)?"
    r"(accused|blamed|criticised|criticized|alleged|believed|thought|understood|claimed|suspected|rumou?red|said|"
    r"reported|feared|condemned|described)\b(?!\s+by\b)")


_NON_SPACE = re.compile(r"\S+")


def _locate(text: str, lo: int, hi: int, content: str) -> tuple[int, int] | None:
    """Find *content* in text[lo:hi] ignoring whitespace differences; its span, or None."""
    want = "".join(content.split())
    if not want:
        return None
    seg = text[lo:hi]
    words = seg.split()  # the text's non-space runs; joined, they are `flat`
    k = "".join(words).find(want)
    if k < 0:
        return None
    last = k + len(want) - 1
    if " ".join(words) == seg:
        # single spaces only (the usual case): flat offset j is text offset lo + j + the runs ending at or before j
        ends = list(itertools.accumulate(map(len, words)))  # flat offset where each run ends
        return lo + k + bisect.bisect_right(ends, k), lo + last + bisect.bisect_right(ends, last) + 1
    start, pos = -1, 0  # pos: flat offset where the current run starts
    for m in _NON_SPACE.finditer(text, lo, hi):
        s, e = m.span()
        nxt = pos + e - s
        if start < 0 and k < nxt:
            start = s + k - pos
        if last < nxt:
            return start, s + last - pos + 1
        pos = nxt
    return None  # (not reached: `last` lies in the flat text)


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


def _make_attribution(article: Text, p: Paragraph, content: str, kind: str, src: Source | None,
                      verb_: str | None, chan: str | None,
                      sentence_at: Callable[[int], Sentence | None] | None = None) -> Attribution:
    """An :class:`Attribution` of *content* (found in paragraph *p*); an unattributed claim is its whole sentence."""
    span = _locate(article.text, p.start, p.end, content) or (p.start, p.end)
    start, end = span
    if kind == "unattributed":  # the whole sentence, quotes included, as the reader sees it
        sent = (sentence_at or _sentence_finder(article))(start)
        if sent is not None:
            start, end = sent.start, sent.end
    return Attribution(kind=kind, text=article.text[start:end], start=start, end=end, paragraph=p.index,  # type: ignore[arg-type]
                       speaker=src, verb=verb_, channel=chan)
