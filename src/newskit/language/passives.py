"""Voice: passive constructions in the body, with their agent ("by the Americans") or without one (who did
it is not said).

>>> import newskit
>>> [(p.verb, p.agent) for p in passives(newskit.from_text("Head\\n\\nThe bridge was destroyed by the storm."))]
[('destroyed', 'the storm')]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.fmt import Html, html_table, plural, text_table
from ..core.text import Text, Word
from ..core.words import is_quote_mark
from ._common import _cached, _index, _sentence_tokens, _tags

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

    def __init__(self, index: int, ids: list[int], words: Sequence[Word], tags: list[str], lows: list[str]) -> None:
        self.index = index
        self.words = [words[b] for b in ids]
        self.tags = [tags[b] for b in ids]
        self.lows = [lows[b] for b in ids]


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
    tags = _tags(text)
    words = text.words
    idx = _index(text)
    toks, n_head = idx.toks, idx.n_headline
    lows = [t.lower for t in toks[n_head:]]  # the folded text of each body word
    marks = {t for t in {t.text for t in toks if not t.is_word} if is_quote_mark(t)}  # quote marks are left out
    items: list[Passive] = []
    for group in _sentence_tokens(text):
        if toks[group[0]].sentence < 0:
            continue  # the headline
        ids = [i - n_head for i in group if toks[i].text not in marks]
        if not any(lows[b] in _BE_FORMS for b in ids):
            continue  # only a "be" or "get" can start a passive
        s = _Sentence(toks[group[0]].sentence, ids, words, tags, lows)
        resume = 0  # the scan goes on from here: tokens before it belong to a passive already found
        for k in [k for k, low in enumerate(s.lows) if low in _BE_FORMS]:  # only a "be" or "get" can start one
            if k < resume or s.tags[k] in ("NN", "NNP"):
                continue
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
