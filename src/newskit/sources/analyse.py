"""The pipeline: scan the marks, frame each paragraph, attribute each quote and reported claim, and resolve
who speaks, in one linear pass per article (its result cached while the article lives).

The public functions below are what ``newskit.sources`` exports; each takes a
:class:`newskit.core.text.Text` (an ``Article`` is one).
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..core.text import Paragraph, Text
from .attribution import (
    _PASSIVE_CLAIM,
    _after_attribution,
    _Attr,
    _before_attribution,
    _find_channel,
    _Frame,
    _frame,
    _is_full,
    _make_attribution,
    _sentence_finder,
)
from .lexicon import DET_POSS, INTRO, PRONOUNS, SPEECH_VERBS, STRONG_VERBS, WEAK_VERBS
from .marks import _ends_sentence, _is_furniture, _is_mention, _looks_like_title, _Raw, _scan
from .phrases import _Mention, _names_someone, _np_backward, _sentence_subject
from .resolver import _Resolver
from .results import (
    Attribution,
    AttributionList,
    Outlet,
    OutletList,
    Quote,
    QuoteList,
    Source,
    SourceRow,
    SourceTable,
    quote_records_of,
)
from .tokens import (
    _PH,
    _PLACEHOLDER,
    _SENT_TOKS,
    _SUBJECT_WINDOW,
    _TAGGED,
    _WINDOW,
    _is_cap,
    _is_placeholder,
    _is_verb_at,
    _join,
    _sentences,
    _tag,
    _tag_runs,
    _tokens,
)

__all__ = ["quotes", "scare_quotes", "attributions", "sources", "outlets", "quote_records"]


@dataclass
class _Analysis:
    """Everything one pass finds: the quotes that are speech, the attributions, the spans that are not speech."""

    quotes: list[Quote]
    attributions: list[Attribution]
    not_speech: list[tuple[int, int]]


#: Each article's analysis, kept while the article lives.
_CACHE: weakref.WeakKeyDictionary[Text, _Analysis] = weakref.WeakKeyDictionary()


def _may_tag_before(before: list[str]) -> bool:
    """True when :func:`_before_attribution` may tag *before*: it holds a speech verb it would test."""
    partial = not _is_full(before)
    low = [t.lower() for t in before]
    n = len(before)
    return any(low[j] in SPEECH_VERBS and before[j][:1] != _PH and (partial or low[j] not in WEAK_VERBS or j >= n - 4)
               and not (j > 0 and low[j - 1] in DET_POSS) for j in range(n))


def _may_tag_after(after: list[str]) -> bool:
    """True when :func:`_after_attribution` may tag (the part after a comma of) *after*: a speech verb follows."""
    rest = after[1:] if after[:1] == [","] else after
    return any(t.lower() in STRONG_VERBS for t in rest[1:16])


def _runs_to_tag(split: list[tuple[list[str], list[tuple[int, int]], bool]]) -> Iterable[tuple[str, ...]]:
    """Token runs that :func:`_analyse` will (most likely) tag, so that they go in the one batch up front.

    Tags are a function of the run alone, so tagging a run that is then never read changes no result,
    it only costs a little time; these are the runs the attribution rules tag when a speech verb is there:
    a sentence's head (its words before the first quote) and the head up to that verb, the words on each
    side of a quote, and the words after a comma of a sentence without quotes.
    """
    for toks, sentences, _furniture in split:
        for s0, s1 in sentences:
            sent = toks[s0:s1]
            qpos = [i for i, t in enumerate(sent) if t[:1] == _PH]
            head = sent[:qpos[0]] if qpos else sent
            js = [j for j, t in enumerate(head[1:_WINDOW], 1) if t.lower() in STRONG_VERBS]
            if js:
                yield tuple(head)
                for j in js:
                    yield tuple(head[:j + 1])
            for qn, pos in enumerate(qpos):
                before = sent[max(0, pos - _WINDOW):pos]
                nxt = qpos[qn + 1] if qn + 1 < len(qpos) else len(sent)
                after = sent[pos + 1:min(nxt, pos + 1 + _WINDOW)]
                if _may_tag_after(after):
                    yield tuple(after[1:] if after[:1] == [","] else after)
                if _may_tag_before(before):
                    yield tuple(before)
            if not qpos:
                for c in [x for x in range(3, len(sent) - 1) if sent[x] == ","][:4]:
                    tail = sent[c:c + _WINDOW]
                    if _may_tag_after(tail):
                        yield tuple(tail[1:])


#: (tokens, sentences, furniture) of each paragraph's frame: its tokens, their sentence ranges, and whether
#: it is a line without final punctuation (caption, pull quote, its credit).
_Split = list[tuple[list[str], list[tuple[int, int]], bool]]


def _split(article: Text, frames: dict[int, _Frame], raws: list[_Raw]) -> _Split:
    """Each paragraph's frame tokens and sentences."""
    split: _Split = []
    for p in article.paragraphs:
        fr = frames[p.index]
        toks = _tokens(fr.text)
        closing = frozenset(qi for qi in fr.quote_ids if _ends_sentence(article.text, raws[qi]))
        # a line without final punctuation (caption, pull quote, its credit) does not change who "he" is
        split.append((toks, _sentences(toks, closing), _is_furniture(p.text)))
    return split


def _tag_ahead(split: _Split) -> None:
    """Tag, in one batch up front, the sentence openings the resolver will read and the runs the rules will."""
    openings = (tuple(toks[s0:s1][:_SUBJECT_WINDOW]) for toks, sents, furniture in split if not furniture
                for s0, s1 in sents if _names_someone(toks[s0:s1]))
    _tag_runs(itertools.chain(openings, _runs_to_tag(split)))


class _Reading:
    """One pass over an article's paragraphs: what each quote has got so far, and who is speaking now."""

    def __init__(self, article: Text, raws: list[_Raw], resolver: _Resolver) -> None:
        self.article = article
        self.text = article.text
        self.raws = raws
        self.resolver = resolver
        self.sentence_at = _sentence_finder(article)
        n = len(raws)
        self.speaker: list[Source | None] = [None] * n
        self.verb: list[str | None] = [None] * n
        self.channel: list[str | None] = [None] * n
        self.partial = [False] * n
        self.speech = [True] * n
        self.seen = [False] * n
        self.attributions: list[Attribution] = []
        self.mentions: set[int] = set()
        self.last_q: int | None = None
        self.para_attr: _Attr | None = None    # the last attribution statement in this paragraph ("X said ...")
        self.para_src: Source | None = None

    def paragraph(self, p: Paragraph, toks: list[str], sentences: list[tuple[int, int]], furniture: bool,
                  carried: tuple[_Attr, Source | None] | None) -> tuple[_Attr, Source | None] | None:
        """Read one paragraph, sentence by sentence; *carried* is the attribution a paragraph ending "X said:"
        passes to this one. Returns the one this paragraph passes to the next (or None)."""
        self.para_attr, self.para_src = carried if carried is not None else (None, None)
        sent: list[str] = []
        for s0, s1 in sentences:
            sent = toks[s0:s1]
            qpos = [i for i, t in enumerate(sent) if t[:1] == _PH]
            # reported speech (no marks) and unattributed claims; in a sentence with quotes, only the
            # reporter's words before the first quote count
            head = sent[:qpos[0]] if qpos else sent
            if not self._reported_before(p, sent, head, qpos) and not qpos:
                self._reported_after(p, sent)
            self._unattributed(p, head)
            for qn, pos in enumerate(qpos):
                self._quote(p, sent, qpos, qn, pos, furniture)
            if not furniture:
                self.resolver.note_subject(sent)
        if sent and sent[-1] == ":" and not any(_is_placeholder(t) for t in sent):
            intro = _before_attribution(sent[:-1][-_WINDOW:], False)
            if intro is not None:
                return intro, self.resolver.resolve(intro.mention)
        return None

    def _reported_before(self, p: Paragraph, sent: list[str], head: list[str], qpos: list[int]) -> bool:
        """Reported speech with its attribution first: "X said (that) ...". True when one is found."""
        low = [t.lower() for t in head[:_WINDOW]]   # the speech verb of reported speech comes early
        for j, t in enumerate(low):
            if t in SPEECH_VERBS and t not in WEAK_VERBS and 0 < j and _is_verb_at(head, j):
                np, appos = _np_backward(head[:j + 1], j)
                if not np or j + 2 >= len(head):
                    continue
                pos0 = max((i for i in range(j) if head[i] == np[0]), default=0)
                if (not qpos and pos0 > 1 and head[pos0 - 1] == "," and head[0].lower() not in INTRO
                        and _tag(tuple(head[:pos0]))[0] not in {"IN", "VBG", "RB", "CC"}):
                    return False  # "The plan was late, Lord Butler said ...": the reported words come first
                k = j + 1
                if k < len(head) and low[k] == "that":
                    k += 1
                elif t in {"told", "tells", "tell", "telling", "asked"}:
                    while k < len(head) and low[k] not in {"that", ",", "."} and k - j < 6 and (
                            _is_cap(head[k]) or low[k] in {"the", "reporters", "journalists", "a", "an"}):
                        k += 1
                    if k < len(head) and low[k] == "that":
                        k += 1
                stop = next((x for x in range(k, len(head) - 1) if head[x] == "," and head[x + 1].lower() in
                             {"with", "while", "as", "but", "according"}), len(head))
                content = [x for x in head[k:stop] if x not in _SENT_TOKS]
                if len(content) >= 3 and not (qpos and stop == len(head) and (len(content) < 6 or head[-1] in {':', ','})):
                    src = self.resolver.resolve(_Mention(np, appos, t))
                    chan = _find_channel(sent)
                    self.para_attr, self.para_src = _Attr(_Mention(np, appos, t), chan), src
                    self.attributions.append(_make_attribution(self.article, p, _join(content), "indirect", src, t, chan))
                    return True
                return False
        return False

    def _reported_after(self, p: Paragraph, sent: list[str]) -> None:
        """Reported speech with its attribution after: "The plan is late, Lord Butler said in an interview."."""
        commas = [x for x in range(3, len(sent) - 1) if sent[x] == ","][:4]
        for c in commas:
            tail_attr = _after_attribution(sent[c:c + _WINDOW])
            content = [x for x in sent[:c] if x not in _SENT_TOKS]
            if tail_attr is not None and len(content) >= 4:
                src = self.resolver.resolve(tail_attr.mention)
                self.para_attr, self.para_src = tail_attr, src
                self.attributions.append(_make_attribution(self.article, p, _join(content), "indirect", src,
                                                           tail_attr.mention.verb, tail_attr.channel))
                break

    def _unattributed(self, p: Paragraph, head: list[str]) -> None:
        """A claim in the passive with nobody named ("he has been accused of ...")."""
        # (_join only drops spaces next to punctuation, never inside a match, so a sentence whose
        # plainly spaced words do not match cannot match once joined: most are skipped cheaply)
        if _PASSIVE_CLAIM.search(" ".join(head)):
            sent_text = _join(head)
            if _PASSIVE_CLAIM.search(sent_text):
                self.attributions.append(_make_attribution(self.article, p, sent_text, "unattributed", None, None, None,
                                                           self.sentence_at))

    def _attribution_of(self, p: Paragraph, sent: list[str], pos: int, before: list[str], after: list[str],
                        is_partial: bool) -> tuple[_Attr | None, Source | None]:
        """Who says the quote at sent[pos]: the rules on each side, else the paragraph's speaker or the last quote's."""
        attr = _after_attribution(after, full=not is_partial)
        if attr is None:
            attr = _before_attribution(before, is_partial)
        if attr is None and any(t.lower() in SPEECH_VERBS for t in before):
            np_, appos_ = _sentence_subject(sent[:min(pos, _WINDOW)])
            if np_:
                attr = _Attr(_Mention(np_, appos_, next(t.lower() for t in reversed(before)
                                                         if t.lower() in SPEECH_VERBS)), _find_channel(before))
        src: Source | None = None
        if attr is not None:
            src = self.resolver.resolve(attr.mention)
            if attr.mention.np[0].lower() in PRONOUNS and src is None and self.para_src is not None:
                src = self.para_src
            # a group's or body's words quoted in passing ("Labour claims he used a "human shield"")
            # do not make it the one who goes on speaking in this paragraph
            if not is_partial or (src is not None and src.kind == "named"):
                self.para_attr, self.para_src = attr, src
        elif is_partial and any(t.lower() in SPEECH_VERBS and t.lower() not in WEAK_VERBS
                                and _is_verb_at(before, k) for k, t in enumerate(before)):
            src = self.para_src or self.resolver.last_person
            attr = _Attr(_Mention([], [], next(t.lower() for t in reversed(before) if t.lower() in SPEECH_VERBS)),
                         _find_channel(before))
        elif is_partial:
            pass  # a fragment nobody is said to say: not speech (src stays None, see _quote)
        elif self.para_attr is not None:
            attr, src = self.para_attr, self.para_src
        elif (last := self.last_q) is not None and self.speech[last] and self.speaker[last] is not None and (
                self.article.paragraph_at(self.raws[last].pieces[-1][0]) in (p.index, p.index - 1)):
            src, attr = self.speaker[last], _Attr(_Mention([], [], self.verb[last] or "said"), self.channel[last])
        return attr, src

    def _quote(self, p: Paragraph, sent: list[str], qpos: list[int], qn: int, pos: int, furniture: bool) -> None:
        """Attribute the quote at sent[pos] (the *qn*-th of its sentence), or judge it not speech."""
        qi = int(_PLACEHOLDER.match(sent[pos]).group(1))  # type: ignore[union-attr]
        # attribution is local: look at a bounded window on each side (keeps long sentences linear)
        before = sent[max(0, pos - _WINDOW):pos]
        nxt = qpos[qn + 1] if qn + 1 < len(qpos) else len(sent)
        after = sent[pos + 1:min(nxt, pos + 1 + _WINDOW)]
        if self.seen[qi]:
            return
        self.seen[qi] = True
        is_partial = not _is_full(before)
        attr, src = self._attribution_of(p, sent, pos, before, after, is_partial)
        self.speaker[qi] = src
        self.verb[qi] = attr.mention.verb if attr else None
        self.channel[qi] = attr.channel if attr else None
        self.partial[qi] = is_partial
        if is_partial and src is None:
            self.speech[qi] = False
        # "Fox News Sunday", "the Marshall Plan": title-case names in marks are not speech
        qtext = " ".join(self.text[s:e] for s, e in self.raws[qi].pieces)
        if (is_partial and _looks_like_title(qtext)) or _is_mention(qtext, before, after, self.mentions) or furniture:
            self.speech[qi] = False
            self.mentions.add(qi)
        if self.speech[qi]:
            self.last_q = qi

    def result(self) -> _Analysis:
        """The quotes that are speech, the attributions, and the spans of the quotes that are not speech."""
        quotes_out: list[Quote] = []
        not_speech: list[tuple[int, int]] = []
        for qi, r in enumerate(self.raws):
            if not self.speech[qi]:
                not_speech.append((r.pieces[0][0], r.pieces[-1][1]))
                continue
            qtext = " ".join(self.text[s:e] for s, e in r.pieces)
            para = self.article.paragraph_at(r.pieces[0][0])
            quotes_out.append(Quote(text=qtext, start=r.pieces[0][0], end=r.pieces[-1][1], paragraph=para or 0,
                                    pieces=r.pieces, speaker=self.speaker[qi], verb=self.verb[qi],
                                    channel=self.channel[qi], partial=self.partial[qi]))
        return _Analysis(quotes_out, self.attributions, not_speech)


def _analyse(article: Text) -> _Analysis:
    """Find, attribute and sort an article's quotes and reported speech (once per article: the result is cached)."""
    if not isinstance(article, Text):
        raise TypeError(f"expected a newskit Article, not {type(article).__name__}; "
                        "make one with newskit.from_text(text) or newskit.load(path)")
    cached = _CACHE.get(article)
    if cached is not None:
        return cached
    raws = _scan(article)
    frames = _frame(article, raws)
    reading = _Reading(article, raws, _Resolver(article))
    _TAGGED.set({})  # this analysis's tags (see tokens._TAGGED)
    split = _split(article, frames, raws)
    _tag_ahead(split)
    carried: tuple[_Attr, Source | None] | None = None  # a paragraph ending "X said:" introduces the next one
    for p, (toks, sentences, furniture) in zip(article.paragraphs, split, strict=True):
        carried = reading.paragraph(p, toks, sentences, furniture, carried)
    result = reading.result()
    _CACHE[article] = result
    return result


def quotes(article: Text) -> QuoteList:
    """Direct quotes in text order, each with speaker, verb, channel and a partial flag.

    Handles straight, curly and mixed marks, a quote split around its
    attribution (two quotes), a quote running over paragraphs (one quote),
    colon-introduced quotes, and leaves out scare quotes and titles.

    >>> import newskit
    >>> qs = newskit.quotes(newskit.sample())
    >>> len(qs), qs[2].speaker.name, qs[2].channel
    (9, 'Mahmud Nuri', 'AFP')
    """
    return QuoteList(_analyse(article).quotes)


def scare_quotes(article: Text) -> list[tuple[int, int]]:
    """Spans of quote-marked text that is not speech (scare quotes, titles, words mentioned as words)."""
    return list(_analyse(article).not_speech)


def attributions(article: Text) -> AttributionList:
    """Reported speech without quote marks (``kind="indirect"``) and claims with no source (``"unattributed"``).

    >>> import newskit
    >>> [a.kind for a in newskit.sample().attributions()][:2]
    ['unattributed', 'indirect']
    """
    return AttributionList(_analyse(article).attributions)


def sources(article: Text) -> SourceTable:
    """One row per distinct source of direct quotes: quotes, quoted words, share, first paragraph.

    >>> import newskit
    >>> table = newskit.sources(newskit.sample())
    >>> [row.source.name for row in table][:3]
    ['furious world leaders', 'militants', 'Mahmud Nuri']
    """
    qs = _analyse(article).quotes
    total = sum(q.words for q in qs) or 1
    order: dict[str, list[Quote]] = {}
    first: dict[str, Source] = {}
    for q in qs:
        if q.speaker is None:
            continue
        key = q.speaker.name.lower()
        order.setdefault(key, []).append(q)
        best = first.get(key)
        if best is None or (not best.descriptor and q.speaker.descriptor):
            first[key] = q.speaker
    rows = tuple(
        SourceRow(source=first[k], quotes=len(v), quoted_words=sum(q.words for q in v),
                  share=sum(q.words for q in v) / total, first_paragraph=min(q.paragraph for q in v))
        for k, v in order.items()
    )
    return SourceTable(rows)


def outlets(article: Text) -> OutletList:
    """Media outlets credited as the channel of a quote or a report, in order of first credit.

    >>> import newskit
    >>> [o.name for o in newskit.sample().outlets()]
    ['BBC', 'AFP', 'AP']
    """
    an = _analyse(article)
    items: list[tuple[int, str, Quote | None, Attribution | None]] = []
    for q in an.quotes:
        if q.channel:
            items.append((q.start, q.channel, q, None))
    for a in an.attributions:
        if a.channel:
            items.append((a.start, a.channel, None, a))
    items.sort(key=lambda x: x[0])
    byname: dict[str, tuple[list[Quote], list[Attribution]]] = {}
    for _, name, q, a in items:
        qs, ats = byname.setdefault(name, ([], []))
        if q is not None:
            qs.append(q)
        if a is not None:
            ats.append(a)
    return OutletList(Outlet(name, tuple(qs), tuple(ats)) for name, (qs, ats) in byname.items())


def quote_records(article: Text, include_indirect: bool = False) -> list[dict[str, Any]]:
    """Quotes as JSON-ready dicts, in text order (the ``newskit quotes --json`` contract).

    Each is :meth:`Quote.to_dict` (with *include_indirect*, :meth:`Attribution.to_dict` of the reported
    speech too): text, speaker (fullest name or the unnamed source's phrase, or None), kind ("direct",
    "partial" or "indirect"), partial, start, end, paragraph (from 0), verb, channel, the speaker's
    descriptor, source_kind and category, and for quotes words and pieces.

    >>> import newskit
    >>> [r["kind"] for r in quote_records(newskit.sample(), include_indirect=True)][:3]
    ['partial', 'indirect', 'partial']
    """
    recs = quote_records_of(quotes(article))
    if include_indirect:
        for a in attributions(article):
            if a.kind == "indirect":
                recs.append(a.to_dict())
        recs.sort(key=lambda r: r["start"])
    return recs
