"""Voice: passive constructions in the body, with their agent ("by the Americans") or without one (who did
it is not said).

>>> import newskit
>>> [(p.verb, p.agent) for p in passives(newskit.from_text("Head\\n\\nThe bridge was destroyed by the storm."))]
[('destroyed', 'the storm')]
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import compress
from typing import Any

from ..core.fmt import Html, html_table, plural, text_table
from ..core.text import Text, Word
from ._common import _QUOTE_MARKS, _cached, _index, _sentence_tokens, _tags

#: The forms of "be" and "get" that can start a passive.
_BE_FORMS = frozenset({"be", "am", "is", "are", "was", "were", "been", "being", "get", "gets", "got", "gotten",
                       "getting", "'re", "'m"})
#: Auxiliaries (and "not", "never", "to") that belong to a passive when they stand before its "be".
_AUX_BEFORE = frozenset({"has", "have", "had", "having", "'ve", "'s", "'d", "not", "n't", "never", "to"})
#: Prepositions bound to a participle ("accused of"), taken into the passive's text.
_PASSIVE_PREPS = frozenset({"of", "to", "as", "with", "for", "about", "into", "from"})
#: Penn tags a noun phrase (an agent after "by") is made of.
_NP_TAGS = frozenset({"DT", "PDT", "PRP$", "PRP", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS"})
_HEADERS = ("where", "passive", "verb", "agent (by ...)")


@dataclass(frozen=True)
class Passive:
    """A passive construction: its words, the participle(s) ``verb``, and the ``agent`` ("by ...") or None.

    ``text`` runs from the first auxiliary to the agent (or to a bound preposition such as
    "accused of"); ``agent_span`` is the span of the agent's words.
    """

    text: str
    start: int
    end: int
    paragraph: int
    sentence: int
    verb: str
    auxiliary: str
    agent: str | None
    agent_span: tuple[int, int] | None

    @property
    def has_agent(self) -> bool:
        return self.agent is not None


@dataclass(frozen=True)
class Passives:
    """Passive constructions in the body, with an agent ("by the Americans") or agentless (who did it is not said)."""

    items: tuple[Passive, ...]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Passive]:
        return iter(self.items)

    def agentless(self) -> list[Passive]:
        return [p for p in self.items if p.agent is None]

    def with_agent(self) -> list[Passive]:
        return [p for p in self.items if p.agent is not None]

    def to_dict(self) -> dict[str, Any]:
        return {"count": len(self.items), "agentless": len(self.agentless()),
                "items": [{"text": p.text, "start": p.start, "end": p.end, "paragraph": p.paragraph,
                           "sentence": p.sentence, "verb": p.verb, "auxiliary": p.auxiliary, "agent": p.agent,
                           "agent_span": list(p.agent_span) if p.agent_span else None} for p in self.items]}

    def _caption(self) -> str:
        return f"{plural(len(self.items), 'passive')}, {len(self.agentless())} without an agent"

    def __str__(self) -> str:
        rows = [(f"¶{p.paragraph + 1}", p.text, p.verb, p.agent or "(no agent)") for p in self.items]
        return text_table(_HEADERS, rows, f"Passive voice: {self._caption()}", limit=40)

    def _repr_html_(self) -> str:
        rows = [(f"¶{p.paragraph + 1}", p.text, p.verb,
                 p.agent if p.agent else Html("<i style='color:#c62828'>no agent</i>")) for p in self.items]
        return html_table(_HEADERS, rows, caption=self._caption())


class _Sentence:
    """One body sentence for the passive scan: its words (quote marks left out), their tags and folded forms."""

    def __init__(self, index: int, words: list[Word], tags: list[str], lows: list[str]) -> None:
        self.index = index
        self.words = words
        self.tags = tags
        self.lows = lows


def _may_follow_be(tag: str, low: str) -> bool:
    """Can a passive's participles start after a "be" followed by this token? When not, :func:`_participles_at`
    finds none: it steps over adverbs, "not" and a comma-fenced aside, then needs a VBN (or a VBD)."""
    return tag.startswith("RB") or tag in ("VBN", "VBD") or low in ("not", "n't", ",")


def _participles_at(s: _Sentence, k: int) -> list[int] | None:
    """The participle positions of a passive whose "be" is at *k* ("trained and equipped": two), or None.

    Adverbs, "not" or one comma-fenced aside of up to 8 tokens may stand between ("were, for the most
    part, trained").
    """
    m = len(s.words)
    j = k + 1
    while j < m:
        if s.tags[j].startswith("RB") or s.lows[j] in ("not", "n't"):
            j += 1
            continue
        if s.lows[j] == ",":
            close = next((x for x in range(j + 1, min(m, j + 10)) if s.words[x].text == ","), None)
            if close is not None and close + 1 < m and s.tags[close + 1] in ("VBN", "RB"):
                j = close + 1
                continue
        break
    if j >= m or s.tags[j] != "VBN" and not (s.tags[j] == "VBD" and j == k + 1):
        return None
    verbs = [j]
    x = j + 1
    while x + 1 < m and s.lows[x] in ("and", "or", ",") and s.tags[x + 1] in ("VBN", "VBD"):
        verbs.append(x + 1)
        x += 2
    return verbs


def _agent_after(s: _Sentence, last: int) -> tuple[tuple[int, int] | None, int]:
    """(the agent's position span, or None) after the participle at *last*, and the passive's last position."""
    m = len(s.words)
    if last + 1 < m and s.lows[last + 1] == "by":
        y = last + 2
        while y < m and (s.tags[y] in _NP_TAGS or (s.lows[y] in ("of", "in") and y + 1 < m
                                                    and s.tags[y + 1] in _NP_TAGS)):
            y += 1
        if y > last + 2:
            return (last + 2, y - 1), y - 1
    elif last + 1 < m and s.lows[last + 1] in _PASSIVE_PREPS:
        return None, last + 1
    return None, last


def _passive_at(text: str, s: _Sentence, k: int) -> tuple[Passive, int] | None:
    """The passive whose "be" is at position *k* of *s*, and its last position; None when there is none."""
    verbs = _participles_at(s, k)
    if verbs is None:
        return None
    last = verbs[-1]
    # auxiliaries before "be": has/have/had, modals, "not", "to"
    first = k
    while first > 0 and (s.tags[first - 1] == "MD" or s.lows[first - 1] in _AUX_BEFORE):
        first -= 1
        if s.lows[first] == "to":
            break
    agent_pos, end_tok = _agent_after(s, last)
    agent = agent_span = None
    if agent_pos is not None:
        a0, a1 = s.words[agent_pos[0]].start, s.words[agent_pos[1]].end
        agent, agent_span = text[a0:a1], (a0, a1)
    vs, ve = s.words[verbs[0]].start, s.words[last].end
    start, end = s.words[first].start, s.words[end_tok].end
    aux = " ".join(s.words[a].text for a in range(first, k + 1))
    return Passive(text[start:end], start, end, s.words[k].paragraph, s.index, text[vs:ve], aux, agent,
                   agent_span), end_tok


def _find_passives(text: Text) -> Passives:
    """Every passive of the body, sentence by sentence; only sentences with a "be" or "get" are read.

    Which tokens are quote marks (left out of a sentence) or forms of "be" is worked out by numpy, once per
    distinct text; a sentence without a quote mark is read as slices of the columns, not token by token.
    """
    import numpy as np

    tags = _tags(text)
    words = text.words
    idx = _index(text)
    toks, n_head = idx.toks, idx.n_headline
    lows = idx.lowers[n_head:]  # the folded text of each body word
    ids = idx.ids[n_head:]
    # quote marks are left out (a quote mark is never a word)
    is_mark = (~idx.is_word_form & np.fromiter(map(_QUOTE_MARKS.__getitem__, idx.forms), bool, len(idx.forms)))[ids]
    is_be = np.fromiter(map(_BE_FORMS.__contains__, idx.folded_form.tolist()), bool, len(idx.forms))[ids] & ~is_mark
    marks_before = np.concatenate(([0], np.cumsum(is_mark, dtype=np.int64)))  # (numpy: no int object per token)
    unmarked = (~is_mark).tolist()
    be_list = is_be.tolist()
    be_at = np.flatnonzero(is_be).tolist()
    groups = [g for g in _sentence_tokens(text) if toks[g[0]].sentence >= 0]  # the headline left out
    stops = [g.stop - n_head for g in groups]
    items: list[Passive] = []
    done = 0  # the body tokens before it are in sentences already read
    for at, k0 in enumerate(be_at):  # in text order: the sentences holding a "be" or "get", each read once
        if k0 < done:
            continue
        g = bisect.bisect_right(stops, k0)
        a, b = groups[g].start - n_head, stops[g]
        done = b
        if marks_before[b] == marks_before[a]:  # no quote mark: the columns' slices, and the "be"s found above
            s = _Sentence(toks[a + n_head].sentence, list(words[a:b]), tags[a:b], lows[a:b])
            bes = [k - a for k in be_at[at:bisect.bisect_left(be_at, b, at)]]
        else:  # the same, quote marks left out
            keep = unmarked[a:b]
            s = _Sentence(toks[a + n_head].sentence, list(compress(words[a:b], keep)), list(compress(tags[a:b], keep)),
                          list(compress(lows[a:b], keep)))
            bes = list(compress(itertools.count(), compress(be_list[a:b], keep)))
        resume = 0  # the scan goes on from here: tokens before it belong to a passive already found
        m = len(s.words)
        for k in bes:  # only a "be" or "get" can start one
            if k < resume or s.tags[k] in ("NN", "NNP"):
                continue
            if k + 1 >= m or not _may_follow_be(s.tags[k + 1], s.lows[k + 1]):
                continue  # no participle can follow (see _participles_at)
            found = _passive_at(text.text, s, k)
            if found is not None:
                items.append(found[0])
                resume = found[1] + 1
    items.sort(key=lambda p: p.start)
    return Passives(tuple(items))


def passives(text: Text) -> Passives:
    """Passive constructions: a form of "be" or "get", optional adverbs or a comma-fenced aside, then a past participle.

    Found with NLTK's tagger (Penn tags). Coordinated participles ("trained and equipped")
    count as one construction; "by" + a noun phrase after it is the agent.

    >>> import newskit
    >>> [p.agent for p in passives(newskit.sample()) if p.verb == "trained and equipped"]
    ['the Americans']
    """
    return _cached(text, "passives", lambda: _find_passives(text))
