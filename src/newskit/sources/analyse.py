"""The pipeline: scan the marks, frame each paragraph, attribute each quote and reported claim, and resolve
who speaks, in one linear pass per article (its result cached while the article lives).

The public functions below are what ``newskit.sources`` exports; each takes a
:class:`newskit.core.text.Text` (an ``Article`` is one).
"""

from __future__ import annotations

import bisect
import itertools
import weakref
from dataclasses import dataclass
from typing import Any

from ..core.text import Paragraph, Text
from ..core.words import OPEN_QUOTES
from .attribution import (
    _AFTER_CUES,
    _PASSIVE_CLAIM,
    _after_attribution,
    _Attr,
    _before_attribution,
    _find_channel,
    _frame,
    _is_full,
    _Locator,
    _make_attribution,
    _may_claim,
    _named_past_marks,
    _sentence_finder,
)
from .lexicon import (
    DET_POSS,
    INANIMATE,
    INTRO,
    MASTHEADS,
    NOT_PERSON,
    PRONOUNS,
    SPEECH_VERBS,
    STRONG_VERBS,
    TIME_WORDS,
    _is_media,
    _is_person_noun,
    is_saying_verb,
)
from .marks import _is_furniture, _is_mention, _looks_like_title, _Raw, _scan
from .names import _PRONOUN_GENDER, _first_name, _is_title, _surname_key
from .phrases import _author_from, _Mention, _np_backward, _sentence_subject
from .prepass import _body_tokens, _commas, _Para, _split, _tag_ahead
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
    _TAGGED,
    _WINDOW,
    _is_cap,
    _is_name_tok,
    _is_placeholder,
    _is_verb_at,
    _join,
    _lows,
    _tag,
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


#: Participles of saying that open reported speech after a comma ('..., he said, adding that ...').
_PARTICIPLES = frozenset("adding saying noting insisting arguing explaining warning stressing suggesting claiming "
                         "acknowledging admitting".split())


def _speaks(src: Source | None) -> bool:
    """True when *src* can go on speaking in the next sentences: a person, a group of people or a body, not a
    phrase the rules misread as a speaker ("The four-seater", "inside his factory built")."""
    if src is None:
        return False
    if src.kind != "unnamed":
        return not (src.kind == "named" and src.name[:1].isupper() and len(src.name.split()) > 4)
    return _is_person_noun(src.name.split()[-1]) or src.name.split()[-1].lower() in PRONOUNS


def _not_speech_use(low: list[str], j: int) -> bool:
    """True when the verb of saying at low[j] is not used of speech here: "the index added 18 points",
    "her husband asked for an autograph", "asked to leave"."""
    nxt = low[j + 1] if j + 1 < len(low) else ""
    if low[j] in {"added", "adds"} and (nxt[:1].isdigit() or nxt in {"a", "an", "another", "more", "to", "up"}):
        return True
    if low[j] in {"added", "adds"} and nxt in DET_POSS and "to" in low[j + 2:j + 8] and "that" not in low[j + 1:j + 8]:
        return True  # "Nova Scotia added the drug group to its program": adding a thing to another
    return low[j] in {"asked", "asks", "asking", "ask"} and nxt in {"for", "to"}


def _is_outlet(name: str) -> bool:
    """A news outlet by list (:func:`_is_media`) or by its masthead: capitalised words ending in a masthead noun
    ("the Indianapolis Star", "The Daily Ledger").

    >>> _is_outlet("the Indianapolis Star"), _is_outlet("Reuters"), _is_outlet("the North Star")
    (True, True, True)
    >>> _is_outlet("Ann Star"), _is_outlet("the star")
    (False, False)
    """
    if _is_media(name):
        return True
    words = name.split()
    if words[:1] in (["the"], ["The"]):
        words = words[1:]
    return len(words) >= 2 and words[-1] in MASTHEADS and all(w[:1].isupper() for w in words) and (
        name.split()[0].lower() == "the" or len(words) >= 3 or words[0] in {"Daily", "Evening", "Sunday", "Morning"})


def _why(rule: str, np: list[str], src: Source | None) -> str:
    """The reason a speaker phrase gives: the rule, and what a pronoun, a surname or a role was taken to mean."""
    if src is None:
        return rule + ": nobody resolved"
    said = _join(np)
    if np and np[0].lower() in PRONOUNS and len(np) == 1:
        who = "most salient person" if PRONOUNS[np[0].lower()] == "person" else "last group or body"
        return f"pronoun '{np[0]}' -> {who} {src.name}"
    if said and src.name not in said and src.name.removeprefix("the ") not in said and src.kind != "unnamed":
        return f"{rule} -> {src.name}"  # ("the statement said" -> the Nova Scotia Health Authority)
    return rule


def _saying_verb_at(before: list[str]) -> int | None:
    """The index of the last verb of saying, judging or characterising in *before*, in the quote's own clause
    (after its last quote or sentence mark), used as a verb (not "the claims"); None when there is none."""
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        if _is_placeholder(t) or t in _SENT_TOKS or t == ";":
            return None
        if (k > 0 and t[:1].islower() and is_saying_verb(t) and before[k - 1].lower() not in DET_POSS
                and _is_verb_at(before, k)):
            return k
    return None


#: What "said in/on ... that" names before "that" when the reported words follow it: a medium or a document.
_MEDIA_NOUNS = INANIMATE | {"interview", "interviews", "twitter", "facebook", "instagram", "website", "blog", "post", "briefing",
                            "conference", "speech", "hearing", "call", "email", "emails", "broadcast", "podcast", "show"}


#: Verbs of saying that also take a thing as their object ("posted a video", "suggested a cut", "agreed to talks",
#: "continued to fight", "San Jose replied 17 seconds later"): what follows them is no reported speech when it
#: opens with a determiner, a number, a preposition or "to" (a pronoun, a name or "that" opens a clause:
#: "Tesla posted that it ...", "the PBO suggested costs would rise").
_OBJECT_VERBS = frozenset("""suggested suggests suggest posted posts concluded concludes agreed agrees wrote writes
vowed vows responded responds replied replies reported reports pledged pledges continued continues boasts boasted
announced announces""".split())

#: Verbs of telling someone to do something ("urged people to vote", "warned them that ..."): only a preposition
#: after them ("warns of a rise", "asked about the plan") opens no reported words.
_DIRECTIVE_VERBS = frozenset("urged urges warned warns warn asked asks".split())

#: What opens a verb's object or an adjunct, not a clause (see :data:`_OBJECT_VERBS`).
_PREPOSITIONS = frozenset("of about over for against on in at with by from into after before during".split())
_NOT_A_CLAUSE = _PREPOSITIONS | frozenset("""a an the this these those its their his her our my some any no every each
several many few more most much just also still only to""".split())


def _object_not_clause(verb: str, first: str) -> bool:
    """True when *first*, the word after the verb of saying *verb*, opens its object, not reported words."""
    if verb in _DIRECTIVE_VERBS:
        return first in _PREPOSITIONS
    return verb in _OBJECT_VERBS and (first in _NOT_A_CLAUSE or first[:1].isdigit())


class _Reading:
    """One pass over an article's paragraphs: what each quote has got so far, and who is speaking now."""

    def __init__(self, article: Text, raws: list[_Raw], resolver: _Resolver) -> None:
        self.article = article
        self.text = article.text
        self.raws = raws
        self.resolver = resolver
        self.sentence_at = _sentence_finder(article)
        self.locator = _Locator(article.text)
        n = len(raws)
        self.speaker: list[Source | None] = [None] * n
        self.verb: list[str | None] = [None] * n
        self.channel: list[str | None] = [None] * n
        self.partial = [False] * n
        self.reason = [""] * n
        self.speech = [True] * n
        self.seen = [False] * n
        self.qtext: list[str | None] = [None] * n  # each quote's text, once read (see _quote_text)
        self.current = -1                      # the quote being attributed
        self.asked: int | None = None          # the paragraph of the last interviewer's question (see _turn)
        self.attributions: list[Attribution] = []
        self.mentions: set[int] = set()
        self.last_q: int | None = None
        self.para_attr: _Attr | None = None    # the last attribution statement in this paragraph ("X said ...")
        self.para_src: Source | None = None
        self.last_speaker: Source | None = None  # the speaker of the last full quote or reported speech
        self.para_why = ""                     # how para_attr was found (for the reason of quotes inheriting it)
        # the last attribution of the paragraph before: a paragraph that is only a quote goes on with it
        self.prev_para: tuple[int, _Attr, Source | None, str] | None = None
        self.narrated: Source | None = None    # the person the paragraph's last sentence (no quote in it) is about
        self.prev_narrated: tuple[int, Source] | None = None  # (paragraph, person its last sentence was about)
        self.sent_no = 0  # the number of the sentence being read in its paragraph
        self.turns: dict[int, tuple[Source, bool]] = {}  # paragraph -> (speaker of its last full quote, a question?)

    def paragraph(self, p: Paragraph, para: _Para,
                  carried: tuple[_Attr, Source | None] | None) -> tuple[_Attr, Source | None] | None:
        """Read one paragraph (its frame read once: *para*), sentence by sentence; *carried* is the attribution a
        paragraph ending "X said:" passes to this one. Returns the one this paragraph passes to the next (or None)."""
        self.para_attr, self.para_src = carried if carried is not None else (None, None)
        self.narrated = None
        self.resolver.paragraph = p.index
        self.para_why = f"introduced by ¶{p.index} ending with ':'" if carried is not None else ""
        toks, lows, places, furniture = para.toks, para.lows, para.places, para.furniture
        sent: list[str] = []
        for self.sent_no, ((s0, s1), names) in enumerate(zip(para.sentences, para.names, strict=True)):
            sent = toks[s0:s1]
            low = lows[s0:s1]
            # (the paragraph's quote positions are sorted: bisection keeps a one-paragraph article linear)
            qpos = [i - s0 for i in places[bisect.bisect_left(places, s0):bisect.bisect_left(places, s1)]] if places else []
            # reported speech (no marks) and unattributed claims; in a sentence with quotes, only the
            # reporter's words before the first quote count
            head = sent[:qpos[0]] if qpos else sent
            attr_before = self.para_attr  # (a participle clause goes with an attribution of this sentence)
            reported = self._reported_before(p, sent, head, qpos, low)
            if not reported and not qpos:
                self._reported_after(p, sent, low)
            self._unattributed(p, head)
            for qn, pos in enumerate(qpos):
                self._quote(p, sent, low, qpos, qn, pos, furniture)
            if qpos and not reported and not furniture:
                self._reported_across(p, sent, qpos)
            if self.para_attr is not None and self.para_attr is not attr_before:
                self._participle(p, sent)
            if not furniture:
                self.resolver.note_subject(sent, low, names, bool(qpos))
            # (the person a sentence of narration is about, for a quote opening the next one: see _attribution_of)
            self.narrated = self.resolver.last_subject if not qpos and not furniture else None
        # (the person the paragraph's last sentence, one of narration, is about: a quote-only paragraph next is theirs)
        self.prev_narrated = (p.index, self.narrated) if self.narrated is not None else None
        if self.para_attr is not None and not furniture and _speaks(self.para_src):
            self.prev_para = (p.index, self.para_attr, self.para_src, self.para_why)
        elif not furniture:
            self.prev_para = None
        if sent and sent[-1] == ":" and not any(_is_placeholder(t) for t in sent):
            intro = _before_attribution(sent[:-1][-_WINDOW:], False)
            if intro is not None:
                return intro, self.resolver.resolve(intro.mention)
        return None

    def _reported_before(self, p: Paragraph, sent: list[str], head: list[str], qpos: list[int], sent_low: list[str]) -> bool:
        """Reported speech with its attribution first: "X said (that) ...". True when one is found (*sent_low*: the
        sentence in lower case)."""
        low = sent_low[:min(len(head), _WINDOW)]   # the speech verb of reported speech comes early
        if STRONG_VERBS.isdisjoint(low):
            return False  # (STRONG_VERBS: the speech verbs that are not weak, those the loop reads)
        for j in itertools.compress(range(len(low)), map(STRONG_VERBS.__contains__, low)):  # (the verbs, C-level)
            t = low[j]
            if 0 < j and low[j - 1] not in {"who", "which"} \
                    and _is_verb_at(head, j) and not _not_speech_use(low, j):  # (not 'an expert who writes about ...')
                np, appos = _np_backward(head[:j + 1], j)
                if not np and "and" in low[max(0, j - 6):j] and j >= 4:
                    # 'Pompeo praised China's support and said he ...': a second verb shares the sentence's subject
                    np, appos = _sentence_subject(head[:j])
                if not np or j + 2 >= len(head):
                    continue
                pos0 = max((i for i in range(j) if head[i] == np[0]), default=0)
                # (an opening phrase of time is no reported words: "Earlier in the day, Trudeau said ...")
                if (not qpos and pos0 > 1 and head[pos0 - 1] == "," and head[0].lower() not in INTRO
                        and _tag(tuple(head[:pos0]))[0] not in {"IN", "VBG", "RB", "RBR", "RBS", "CC", "TO"}
                        and not (pos0 <= 6 and any(x in TIME_WORDS for x in low[:pos0]))):
                    return False  # "The plan was late, Lord Butler said ...": the reported words come first
                k = j + 1
                framed = 0  # the words of "said in a statement that" (counted in the length test below)
                if k < len(low) and low[k] in {"in", "on", "during", "at"}:
                    # 'said in a statement that ...', 'said on Twitter that ...': the words start after "that"
                    that = next((x for x in range(k + 2, min(len(low), k + 9)) if low[x] == "that"), None)
                    # (only after a medium or a time: "in a statement", "on Twitter", "in July"; not "in his area a
                    # drug bust that ...", where "that" opens a relative clause)
                    if that is not None and not any(x in {",", ";", ":"} or x[:1] == _PH for x in low[k:that]) and (
                            low[that - 1] in _MEDIA_NOUNS or low[that - 1] in TIME_WORDS or head[that - 1][:1].isupper()):
                        framed, k = that - k, that
                if k < len(low) and low[k] == "that":
                    k += 1
                elif t in {"told", "tells", "tell", "telling", "asked"}:
                    while k < len(low) and low[k] not in {"that", ",", "."} and k - j < 6 and (
                            _is_cap(head[k]) or low[k] in {"the", "reporters", "journalists", "a", "an"}):
                        k += 1
                    if k < len(low) and low[k] == "that":
                        k += 1
                if k < len(low) and low[k - 1] != "that" and _object_not_clause(t, low[k]):
                    return False  # "Tesla posted a video", "the PBO suggested a cut", "RCMP warns of a rise": no clause
                stop = next((x for x in range(k, len(head) - 1) if head[x] == "," and head[x + 1].lower() in
                             {"with", "while", "as", "but", "according"} | _PARTICIPLES), len(head))
                content = [x for x in head[k:stop] if x not in _SENT_TOKS]
                # ('X said: "..."' introduces a direct quote; 'X said police were "very committed" to ...' is reported
                # speech holding a fragment of the speaker's words, and runs to the end of its sentence)
                long_enough = len(content) >= 3 or (qpos and framed and len(content) >= 1 and len(content) + framed >= 3)
                if long_enough and not (qpos and stop == len(head) and head[-1] in {':', ','}):
                    src = self.resolver.resolve(_Mention(np, appos, t))
                    chan = _find_channel(sent)
                    self.para_attr, self.para_src = _Attr(_Mention(np, appos, t), chan), src
                    why = _why(f"reported speech: '{_join(np)} {t} ...'", np, src)
                    self.para_why = why
                    self.last_speaker = src if _speaks(src) else self.last_speaker
                    self.attributions.append(_make_attribution(self.article, p, content, "indirect", src, t, chan,
                                                               self.sentence_at if qpos else None, reason=why,
                                                               locator=self.locator))
                    return True
                return False
        return False

    def _reported_across(self, p: Paragraph, sent: list[str], qpos: list[int]) -> None:
        """Reported speech whose subject's relative clause holds a fragment in marks: 'Doug Purdy, who lost 16 lbs.
        "and two belt loops" this year, says the program changed his life.' The verb follows the last quote, after
        the comma that closes the clause; the words after it (no quote among them) are the subject's."""
        if any(not self.partial[int(_PLACEHOLDER.match(sent[x]).group(1))] for x in qpos):  # type: ignore[union-attr]
            return  # (a full quote has its own attribution)
        rest = sent[qpos[-1] + 1:]
        low = _lows(rest)
        # (the clause's closing comma may sit inside the marks: 'Ryan, who called it "textbook racism," said ...')
        j = next((x for x in range(min(len(rest), 14)) if (x == 0 or rest[x - 1] == ",") and low[x] in STRONG_VERBS), None)
        if j is None or "who" not in _lows(sent[:qpos[0]]):
            return
        k = j + 1 + (j + 1 < len(low) and low[j + 1] == "that")
        content = [x for x in rest[k:] if x not in _SENT_TOKS]
        np, appos = _sentence_subject(sent[:qpos[0]])
        if len(content) < 3 or not np or np[0].lower() in PRONOUNS:
            return
        src = self.resolver.resolve(_Mention(np, appos, low[j]))
        if not _speaks(src):
            return
        why = _why(f"reported speech: '{_join(np)}, who ..., {low[j]} ...'", np, src)
        self.para_attr, self.para_src, self.para_why = _Attr(_Mention(np, appos, low[j]), None), src, why
        self.last_speaker = src
        for x in qpos:  # the fragment in the clause is the subject's own words (unless a title or a word mentioned)
            qi = int(_PLACEHOLDER.match(sent[x]).group(1))  # type: ignore[union-attr]
            if self.speaker[qi] is None and qi not in self.mentions:
                self.speaker[qi], self.verb[qi], self.speech[qi] = src, low[j], True
                self.reason[qi] = f"a fragment in the clause of {src.name}, who {low[j]} ..."
                self.last_q = qi
        self.attributions.append(_make_attribution(self.article, p, content, "indirect", src, low[j], None,
                                                   reason=why, locator=self.locator))

    def _reported_after(self, p: Paragraph, sent: list[str], low: list[str]) -> None:
        """Reported speech with its attribution after: "The plan is late, Lord Butler said in an interview." (*low*:
        the sentence in lower case)."""
        if _AFTER_CUES.isdisjoint(low[4:]):
            return  # (what _after_attribution reads after a comma, the earliest its fourth token, needs one)
        for c in _commas(sent):
            tail_attr = _after_attribution(sent[c:c + _WINDOW], low=low[c:c + _WINDOW])
            if tail_attr is None:
                continue
            content = [x for x in sent[:c] if x not in _SENT_TOKS]
            if len(content) >= 4:
                src = self.resolver.resolve(tail_attr.mention)
                self.para_attr, self.para_src = tail_attr, src
                why = _why(f"reported speech: '..., {_join(tail_attr.mention.np)} {tail_attr.mention.verb}'",
                           tail_attr.mention.np, src)
                self.para_why = why
                self.last_speaker = src if _speaks(src) else self.last_speaker
                self.attributions.append(_make_attribution(self.article, p, content, "indirect", src,
                                                           tail_attr.mention.verb, tail_attr.channel, reason=why,
                                                           locator=self.locator))
                break

    def _participle(self, p: Paragraph, sent: list[str]) -> None:
        """Reported speech in a participle clause: '"...," he said, adding that police fired back', 'X has said the
        plan stands, insisting it will not change': the words after the participle, said by the sentence's speaker."""
        for c in range(1, len(sent) - 4):
            if sent[c] != "," or sent[c + 1].lower() not in _PARTICIPLES:
                continue
            k = c + 2 + (sent[c + 2].lower() == "that")
            end = next((x for x in range(k, len(sent)) if _is_placeholder(sent[x]) or sent[x] in {";", ":"}), len(sent))
            content = [x for x in sent[k:end] if x not in _SENT_TOKS]
            if len(content) < 3 or content[0] in {",", "\u2014"} or end < len(sent) and _is_placeholder(sent[end]):
                continue  # (a quote inside the clause is the speaker's own words, attributed as a quote)
            verb, src = sent[c + 1].lower(), self.para_src
            why = f"reported speech: '..., {verb} ...' after {self.para_why or 'the sentence'}"
            self.attributions.append(_make_attribution(self.article, p, content, "indirect", src, verb,
                                                       self.para_attr.channel if self.para_attr else None, reason=why,
                                                       locator=self.locator))
            return

    def _unattributed(self, p: Paragraph, head: list[str]) -> None:
        """A claim in the passive with nobody named ("he has been accused of ...")."""
        # (_join only drops spaces next to punctuation, never inside a match, so a sentence whose
        # plainly spaced words do not match cannot match once joined: most are skipped cheaply)
        if _may_claim(head) and _PASSIVE_CLAIM.search(" ".join(head)):
            sent_text = _join(head)
            if _PASSIVE_CLAIM.search(sent_text):
                self.attributions.append(_make_attribution(self.article, p, sent_text, "unattributed", None, None, None,
                                                           self.sentence_at, reason="a claim in the passive, nobody named",
                                                           locator=self.locator))

    def _attribution_of(self, p: Paragraph, sent: list[str], pos: int, before: list[str], after: list[str],
                        is_partial: bool, prev_q: int | None = None, lows: tuple[list[str], list[str]] | None = None,
                        ) -> tuple[_Attr | None, Source | None, str]:
        """Who says the quote at sent[pos], and the rule that decided it: the rules on each side, else the
        paragraph's speaker, the previous paragraph's or the last quote's (*prev_q*: the quote before it in
        its sentence, if any; *lows*: *before* and *after* in lower case)."""
        before_low, after_low = lows if lows is not None else (_lows(before), _lows(after))
        if before[-1:] == [":"] and (author := _author_from(before[:-1])):
            # 'The clerk read a statement from Mayor Pat Greer: "..."': the author speaks, not the one reading
            src = self.resolver.resolve(_Mention(author, [], "statement"))
            if src is not None:
                return (_Attr(_Mention(author, [], "statement"), None), src,
                        _why(f"'a statement from {_join(author)}:' introduces the quote", author, src))
        attr = _after_attribution(after, full=not is_partial, low=after_low)
        rule = "after the quote"
        cut = pos + 1 + len(after)  # (where the words after the quote stop: the next quote, if any)
        if attr is None and not is_partial and after and cut < len(sent) and _is_placeholder(sent[cut]):
            # '"...," Curtis Bellamy, who leads the "landing team", wrote': the next quote is inside the appositive
            start = pos + 1 + (after[0] == ",")
            rest = sent[start:start + _WINDOW]
            attr = _named_past_marks(rest, _lows(rest))
        if attr is None:
            attr, rule = _before_attribution(before, is_partial, before_low), "before the quote"
        if attr is None and prev_q is not None and self.speaker[prev_q] is not None and self.speech[prev_q] and (
                not SPEECH_VERBS.isdisjoint(before_low)):
            # '"Very exciting," says Erin Kim, who leads the "Activate" project': the verb between the two quotes
            # attributes the first; the second, with none of its own, has the same speaker (not the sentence's subject)
            src = self.speaker[prev_q]
            return (_Attr(_Mention([], [], self.verb[prev_q] or "said"), self.channel[prev_q]), src,
                    f"same sentence as the quote before it: {src.name}")
        if attr is None and not SPEECH_VERBS.isdisjoint(before_low):
            np_, appos_ = _sentence_subject(sent[:min(pos, _WINDOW)])
            if np_:
                attr = _Attr(_Mention(np_, appos_, next(t.lower() for t in reversed(before)
                                                         if t.lower() in SPEECH_VERBS)), _find_channel(before))
                rule = "subject of the sentence"
        src: Source | None = None
        if attr is not None:
            src = self.resolver.resolve(attr.mention)
            why = _why(f"'{_join(attr.mention.np)} {attr.mention.verb}' {rule}", attr.mention.np, src)
            if attr.mention.verb == "according to" and src is not None and _is_outlet(src.name):
                # '"...," according to CNBC': the outlet carries the words; the speaker is the one the sentence is about
                np_, appos_ = _sentence_subject(sent[:min(pos, _WINDOW)])
                person = self.resolver.resolve(_Mention(np_, appos_, "said")) if np_ else None
                person = person if _speaks(person) and person.kind == "named" else self.para_src or self.resolver.last_person
                if person is not None:
                    attr = _Attr(attr.mention, src.name)
                    src, why = person, f"'according to {src.name}': the outlet; the speaker is {person.name}"
            if is_partial and src is not None and _is_outlet(src.name) and "that" in before:
                # 'The Globe and Mail reported that Lee was "furious"': the outlet carries the words of the person
                # its clause is about
                that = len(before) - 1 - before[::-1].index("that")
                np_, appos_ = _sentence_subject(before[that + 1:])
                person = self.resolver.resolve(_Mention(np_, appos_, "said")) if np_ else None
                if person is not None and person.kind == "named":
                    attr = _Attr(attr.mention, src.name)
                    why = f"'{src.name} {attr.mention.verb} that {_join(np_)} ...': the outlet; the words are {person.name}'s"
                    src = person
            if attr.mention.np[0].lower() in PRONOUNS and src is None and self.para_src is not None:
                src = self.para_src
                why = f"pronoun '{attr.mention.np[0]}' -> the paragraph's speaker"
            pronoun = attr.mention.np[0].lower()
            if pronoun in {"he", "she"} and len(attr.mention.np) == 1 and pos > 0:
                # 'Cruz was booed after he told delegates to "..."', 'Doug Prentiss said the Senate had rejected
                # what he called "..."': "he" inside a sentence whose subject is a person named before it is that
                # person (when nobody came before; or when that person's first name is the pronoun's gender and
                # nobody else known to be a person is named between them: 'Meghan Andrade asked Trump what he ...')
                np_, appos_ = _sentence_subject(sent[:min(pos, _WINDOW)])
                named = bool(np_) and np_[0].lower() not in PRONOUNS and np_[0] in sent
                at = sent.index(np_[0]) if named else pos
                named = named and at < pos and (src is None or (
                    _first_name(_join([t for t in np_ if not _is_title(t)])) in (_PRONOUN_GENDER[pronoun], "either")
                    and not any(
                        (k := _surname_key(t)) in self.resolver.person_keys or k in self.resolver.full_names
                        for t in sent[at + len(np_):pos]
                        if t[:1].isupper() and _is_name_tok(t) and t.lower() not in NOT_PERSON)))
                # (resolved only then: resolving makes the subject salient)
                subj = self.resolver.resolve(_Mention(np_, appos_, attr.mention.verb)) if named else None
                if subj is not None and subj.kind == "named" and subj is not src:
                    src, why = subj, f"pronoun '{attr.mention.np[0]}' -> the subject of its sentence, {subj.name}"
            elif pronoun in {"he", "she"} and len(attr.mention.np) == 1 and not before:
                src, why = self._narrated_pronoun(p, pronoun, src, why)
            # a group's or body's words quoted in passing ("Labour claims he used a "human shield"")
            # do not make it the one who goes on speaking in this paragraph
            if not is_partial or (src is not None and src.kind == "named"):
                self.para_attr, self.para_src, self.para_why = attr, src, why
            return attr, src, why
        if is_partial and any(t in STRONG_VERBS and _is_verb_at(before, k) for k, t in enumerate(before_low)):
            verb_ = next(t.lower() for t in reversed(before) if t.lower() in SPEECH_VERBS)
            src = self.para_src or self.resolver.last_person
            return _Attr(_Mention([], [], verb_), _find_channel(before)), src, f"'{verb_}' with no subject: last speaker"
        if is_partial and (k := _saying_verb_at(before)) is not None:
            # 'Reyes assured donors the audit would "reach the same conclusion"', 'He dismissed it as "idle
            # chatter"': a verb of saying, judging or characterising links the fragment to its subject
            verb_ = before[k].lower()
            np_, appos_ = _np_backward(before, k)
            src = self.resolver.resolve(_Mention(np_, appos_, verb_)) if np_ else None
            why = _why(f"'{_join(np_)} {verb_}': a verb of saying or judging", np_, src) if src else ""
            if src is None:
                src = self.para_src or self.resolver.last_person
                why = f"'{verb_}': a verb of saying or judging; its subject is the last speaker"
            return _Attr(_Mention(np_, appos_, verb_), _find_channel(before)), src, why
        if is_partial:
            return None, None, ""  # a fragment nobody is said to say: not speech (see _quote)
        return self._inherited(p, before, prev_q)

    def _named_next(self, p: Paragraph) -> Source | None:
        """The person the next paragraph opens on, by full name ("Hank Olsen, a local contractor, has ...", "That is
        how Gerald Whitlock, president of ..., responds"), or None."""
        nxt = self.article.paragraphs[p.index + 1] if p.index + 1 < len(self.article.paragraphs) else None
        if nxt is None or _is_furniture(nxt.text) or nxt.text[:1] in OPEN_QUOTES or nxt.text[:1] == '"':
            return None
        toks = _tokens(nxt.text[:300])
        if [t.lower() for t in toks[:3]] in (["that", "is", "how"], ["that", "was", "how"], ["so", "says", "the"]):
            toks = toks[3:]
        n = 0
        while n < len(toks) and _is_name_tok(toks[n]) and toks[n][:1].isupper() and not _is_title(toks[n]):
            n += 1
        if n < 2 or n >= len(toks) or toks[n] not in {",", "says", "said"} and not toks[n][:1].islower():
            return None
        src = self.resolver.resolve(_Mention(toks[:n], [], "said"))
        return src if src is not None and src.kind == "named" and _speaks(src) else None

    def _surely_a_person(self, src: Source) -> bool:
        """A full name, or one word the article or the first names give a gender ("Portlink" may be a body)."""
        return len(src.name.split()) >= 2 or self.resolver.gender_of(src) is not None

    def _narrated_pronoun(self, p: Paragraph, pronoun: str, src: Source | None, why: str) -> tuple[Source | None, str]:
        """'Elisapee Qaunaq made a difficult double takeout.' then '"I just threw it and prayed," she said.': "he" or
        "she" after a quote opening its sentence is the person the sentence of narration just before (in this
        paragraph, or ending the one before) is about, unless the article or the first name gives that person the
        other gender. Else (*src*, *why*) unchanged."""
        person = self.narrated
        if person is None and self.sent_no == 0 and self.prev_narrated is not None and self.prev_narrated[0] == p.index - 1:
            person = self.prev_narrated[1]  # (only for a quote opening its paragraph)
        if person is None or (src is not None and person.name == src.name) or not self._surely_a_person(person):
            return src, why
        if self.resolver.gender_of(person) not in (_PRONOUN_GENDER[pronoun], "either", None):
            return src, why
        return person, f"pronoun '{pronoun}' -> {person.name}, whom the sentence before is about"

    def _inherited(self, p: Paragraph, before: list[str], prev_q: int | None) -> tuple[_Attr | None, Source | None, str]:
        """Who says a full quote with no attribution of its own (*before*: the words before it in its sentence):
        an interview's turn, the paragraph's attribution, the person the sentence before is about, the previous
        paragraph's attribution, the speaker of the quote before, the subject before a colon, the last speaker."""
        alone = not before and self.para_attr is None and self.current >= 0 and self._only_quote(p, self.current)
        told = self.prev_narrated
        if alone and told is not None and told[0] == p.index - 1 and self._surely_a_person(told[1]):
            # 'Ashworth pressed Pruett on how many veterans it contained.' then '"How many names, doctor?"', or 'Mr
            # Ashdown rejected the criticism.' then a paragraph that is only a quote: the person the paragraph before
            # ended on (more recent than any attribution before it)
            return (_Attr(_Mention([], [], "said"), None), told[1],
                    f"the paragraph before ends on {told[1].name}; this one is only a quote")
        if (turn := self._turn(p, before, prev_q)) is not None:
            return turn
        if alone and self.turns.get(p.index - 1) is None and (self.prev_para is None or self.prev_para[0] != p.index - 1) and (
                named := self._named_next(p)) is not None:
            # a quote standing alone after narration, its speaker introduced right after it: '"We are not the
            # villains here." / That is how Gerald Whitlock, president of the landlords' association, ...'
            return _Attr(_Mention([], [], "said"), None), named, f"named at the start of the next paragraph: {named.name}"
        if self.para_attr is not None:
            return self.para_attr, self.para_src, f"same paragraph: {self.para_why or 'its attribution'}"
        if alone and (person := self._exchange(p)) is not None:
            return (_Attr(_Mention([], [], "said"), None), person,
                    f"an exchange of questions and answers: the turn of {person.name}")
        if not before and (person := self.narrated) is not None:
            # 'Dennis Oyelaran, chairman of the party, disagreed with the critics. "He talks like people talk."': a
            # quote opening a sentence right after one about a person, in the same paragraph, is theirs
            return (_Attr(_Mention([], [], "said"), None), person,
                    f"the sentence before is about {person.name}; the quote follows it")
        prev = self.prev_para
        if prev is not None and prev[0] == p.index - 1 and prev[2] is not None and not before:
            # a paragraph that opens with a quote and names nobody goes on with the last attribution before it
            return prev[1], prev[2], f"follow-on paragraph: speaker of ¶{prev[0] + 1}"
        if before[-1:] == [":"]:
            # 'Martell, the addictions doctor, is more blunt: "..."': the person the sentence is about
            np_, appos_ = _sentence_subject(before[:-1])
            src = self.resolver.resolve(_Mention(np_, appos_, ":")) if np_ else None
            if src is not None and src.kind != "organisation" and _speaks(src):
                return _Attr(_Mention(np_, appos_, ":"), None), src, _why(f"'{_join(np_)} ...:' introduces the quote",
                                                                        np_, src)
        if (last := self.last_q) is not None and self.speech[last] and self.speaker[last] is not None and (
                (lp := self.article.paragraph_at(self.raws[last].pieces[-1][0])) in (p.index, p.index - 1)):
            return (_Attr(_Mention([], [], self.verb[last] or "said"), self.channel[last]), self.speaker[last],
                    f"follow-on: speaker of the quote before (¶{(lp or 0) + 1})")
        if self.last_speaker is not None:
            # a full quote nobody is said to say: the last one who spoke goes on (salience prefers speakers)
            return (_Attr(_Mention([], [], "said"), None), self.last_speaker,
                    f"no attribution: the last speaker, {self.last_speaker.name}")
        return None, None, ""

    def _only_quote(self, p: Paragraph, qi: int) -> bool:
        """True when quote *qi* is the whole of paragraph *p* (its marks aside)."""
        pieces = self.raws[qi].pieces
        return pieces[0][0] - p.start <= 1 and p.end - pieces[-1][1] <= 1

    def _turn(self, p: Paragraph, before: list[str], prev_q: int | None) -> tuple[_Attr, Source | None, str] | None:
        """A turn in an interview: 'Q:' / 'A:' or a speaker's label ('Dunn: "..."'); or, with no labels, a paragraph
        that is only a question, with no attribution to carry on from and a paragraph that is only a quote after
        it, is the interviewer's, and that next paragraph the answer of the one interviewed. None otherwise."""
        if before in (["Q", ":"], ["A", ":"]):
            src = self.resolver.resolve(_Mention(before[:1], [], ":"))
            who = "the interviewer" if before[0] == "Q" else "the one interviewed, " + (src.name if src else "nobody")
            return _Attr(_Mention(before[:1], [], ":"), None), src, f"'{before[0]}:' in a Q&A: {who}"
        if 2 <= len(before) <= 4 and before[-1] == ":" and all(t[:1].isupper() and _is_name_tok(t) for t in before[:-1]) and (
                self.resolver.knows(before[-2])):
            label = before[:-1]  # a transcript's label naming someone the article names: 'Dunn: "..."' (not 'WATCH:')
            src = self.resolver.resolve(_Mention(label, [], ":"))
            return _Attr(_Mention(label, [], ":"), None), src, _why(f"'{_join(label)}:' labels a turn", label, src)
        qi = self.current
        if before or prev_q is not None or qi < 0 or not self._only_quote(p, qi):
            return None
        if self.asked == p.index - 1:
            src = self.resolver.resolve(_Mention(["A"], [], ":"))
            return _Attr(_Mention(["A"], [], ":"), None), src, "the answer to the question before: the one interviewed"
        nxt = self.article.paragraphs[p.index + 1] if p.index + 1 < len(self.article.paragraphs) else None
        question = " ".join(self.text[s:e] for s, e in self.raws[qi].pieces).rstrip(" ,").endswith("?")
        if question and self.prev_para is None and self.para_attr is None and nxt is not None and (
                nxt.text[:1] in OPEN_QUOTES or nxt.text[:1] == '"'):
            self.asked = p.index
            src = self.resolver.resolve(_Mention(["Q"], [], ":"))
            return _Attr(_Mention(["Q"], [], ":"), None), src, "a question alone, a quote answering it: the interviewer"
        return None

    def _quote(self, p: Paragraph, sent: list[str], low: list[str], qpos: list[int], qn: int, pos: int,
               furniture: bool) -> None:
        """Attribute the quote at sent[pos] (the *qn*-th of its sentence; *low*: the sentence in lower case), or judge
        it not speech."""
        qi = int(sent[pos][1:-1])  # (a placeholder is its mark, the quote's number, its closing mark)
        if self.seen[qi]:
            return
        self.seen[qi] = True
        # attribution is local: look at a bounded window on each side (keeps long sentences linear)
        b0 = max(0, pos - _WINDOW)
        before = sent[b0:pos]
        nxt = qpos[qn + 1] if qn + 1 < len(qpos) else len(sent)
        a1 = min(nxt, pos + 1 + _WINDOW)
        after = sent[pos + 1:a1]
        is_partial = not _is_full(before)
        prev_q = int(sent[qpos[qn - 1]][1:-1]) if qn > 0 else None
        self.current = qi
        if furniture:  # (a caption's or a link's words in marks: nobody is resolved, so nobody gains salience)
            attr, src, why = None, None, ""
        else:
            attr, src, why = self._attribution_of(p, sent, pos, before, after, is_partial, prev_q,
                                                  (low[b0:pos], low[pos + 1:a1]))
        self.speaker[qi] = src
        self.reason[qi] = why if src is not None else ""
        if _speaks(src) and not is_partial:
            self.last_speaker = src
        self.verb[qi] = attr.mention.verb if attr else None
        self.channel[qi] = attr.channel if attr else None
        self.partial[qi] = is_partial
        if is_partial and src is None:
            self.speech[qi] = False
        # "Fox News Sunday", "the Marshall Plan": title-case names in marks are not speech
        qtext = self._quote_text(qi)
        # ('"The Kid Who Would Be King" really is ...': a title that opens its sentence, and nobody says it)
        title = (is_partial or src is None) and _looks_like_title(qtext)
        if title or _is_mention(qtext, before, after, self.mentions) or furniture:
            self.speech[qi] = False
            self.mentions.add(qi)
        if self.speech[qi]:
            self.last_q = qi
            if not is_partial and src is not None:
                # (the last full quote of each paragraph, for exchanges: see _exchange)
                self.turns[p.index] = (src, qtext.rstrip(" ,").endswith("?"))

    def _exchange(self, p: Paragraph) -> Source | None:
        """In an exchange of questions and answers with no attribution ('"Have you read the report?"' / '"I have read
        the report."' / '"Then you know the number."'): paragraph *p*, only a quote, after two paragraphs of quotes
        by two people of which one asked a question, is the turn of the one before the last (the answer to a
        question goes to the one asked; the one answered asks on). None otherwise."""
        last, earlier = self.turns.get(p.index - 1), self.turns.get(p.index - 2)
        if last is None or earlier is None or last[0] is earlier[0] or last[0].name == earlier[0].name:
            return None
        if not (last[1] or earlier[1]) or last[0].kind != "named" or earlier[0].kind != "named":
            return None
        return earlier[0]

    def _quote_text(self, qi: int) -> str:
        """Quote *qi*'s words, its pieces joined by a space (made once)."""
        qtext = self.qtext[qi]
        if qtext is None:
            qtext = self.qtext[qi] = " ".join(self.text[s:e] for s, e in self.raws[qi].pieces)
        return qtext

    def result(self) -> _Analysis:
        """The quotes that are speech, the attributions, and the spans of the quotes that are not speech."""
        quotes_out: list[Quote] = []
        not_speech: list[tuple[int, int]] = []
        for qi, r in enumerate(self.raws):
            if not self.speech[qi]:
                not_speech.append((r.pieces[0][0], r.pieces[-1][1]))
                continue
            qtext = self._quote_text(qi)
            para = self.article.paragraph_at(r.pieces[0][0])
            quotes_out.append(Quote(text=qtext, start=r.pieces[0][0], end=r.pieces[-1][1], paragraph=para or 0,
                                    pieces=r.pieces, speaker=self.speaker[qi], verb=self.verb[qi],
                                    channel=self.channel[qi], partial=self.partial[qi], reason=self.reason[qi]))
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
    split = _split(article, frames, raws)
    reading = _Reading(article, raws, _Resolver(article, _body_tokens(article, frames, split)))
    _TAGGED.set({})  # this analysis's tags (see tokens._TAGGED)
    _tag_ahead(split, reading._quote_text)
    carried: tuple[_Attr, Source | None] | None = None  # a paragraph ending "X said:" introduces the next one
    for p, para in zip(article.paragraphs, split, strict=True):
        carried = reading.paragraph(p, para, carried)
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
    qs = quotes(article)
    if not include_indirect:
        return quote_records_of(qs)
    reported = [a for a in attributions(article) if a.kind == "indirect"]
    # a fragment of the speaker's own words quoted inside their reported speech ('she said police were "very
    # committed" to it') is part of that one claim, as a reader (and the Gender Gap Tracker's annotators) counts
    # it: it is not listed twice. Another source's words inside it stay a quote of their own.
    spans = sorted(((a.start, a.end, a.speaker) for a in reported), key=lambda x: x[0])
    starts = [x[0] for x in spans]
    recs = []
    for q in qs:
        i = bisect.bisect_right(starts, q.start) - 1
        if not (q.partial and i >= 0 and q.end <= spans[i][1] and spans[i][2] == q.speaker):
            recs.append(q.to_dict())
    recs.extend(a.to_dict() for a in reported)
    recs.sort(key=lambda r: r["start"])
    return recs
