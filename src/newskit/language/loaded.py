"""Loaded words: evaluative and emotive vocabulary (Hu & Liu's opinion lexicon, intensifiers, emotive news words),
with the reporter's own choices and the quoted ones apart.

>>> import newskit
>>> [(h.text, h.category) for h in loaded_words(newskit.from_text("Head\\n\\nA very shocking failure."))]
[('very', 'intensifier'), ('shocking', 'emotive'), ('failure', 'negative')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..core.fmt import html_table, text_table
from ..core.text import Text
from ._common import _cached, _index, _para_label, _quoted, _tags

#: Intensifiers: adverbs that turn the volume up (Quirk et al.'s "amplifiers", trimmed).
INTENSIFIERS: frozenset[str] = frozenset({
    "very", "extremely", "highly", "deeply", "utterly", "totally", "completely", "absolutely", "incredibly",
    "hugely", "massively", "enormously", "immensely", "terribly", "awfully", "really", "truly", "so", "too",
    "particularly", "especially", "exceptionally", "remarkably", "seriously", "gravely", "fiercely",
    "desperately", "dramatically", "sharply", "strongest", "entirely", "thoroughly", "bitterly",
})

#: Emotive news words: vocabulary that dramatises events (shock, fury, chaos), whether or not Hu & Liu list it.
EMOTIVE_WORDS: frozenset[str] = frozenset({
    "furious", "fury", "rage", "outrage", "outraged", "outrageous", "shock", "shocked", "shocking", "stunned",
    "stunning", "despicable", "horror", "horrific", "horrifying", "atrocity", "atrocities", "brutal",
    "barbaric", "savage", "slaughter", "massacre", "carnage", "bloodbath", "chaos", "chaotic", "panic",
    "terror", "terrified", "terrifying", "catastrophe", "catastrophic", "disaster", "disastrous",
    "devastating", "devastated", "tragedy", "tragic", "nightmare", "humiliating", "humiliation",
    "embarrassed", "embarrassing", "slammed", "blasted", "lashed", "storming", "stormed", "overrun",
    "onslaught", "rampage", "sudden", "dramatic", "crisis", "fled", "fleeing", "flee", "abandoned",
    "abandoning", "aggression", "threatens", "innocent", "heroic", "hero", "evil",
})

_HEADERS = ("where", "word", "category", "polarity", "voice")


@dataclass(frozen=True)
class LoadedWord:
    """An evaluative word: ``category`` ("emotive", "intensifier", "negative", "positive"), its Hu & Liu ``polarity``."""

    text: str
    start: int
    end: int
    paragraph: int | None
    category: str
    polarity: str | None
    quoted: bool


@dataclass(frozen=True)
class LoadedWords:
    """Evaluative and emotive vocabulary, in text order, with the reporter's words and quoted words apart."""

    hits: tuple[LoadedWord, ...]

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[LoadedWord]:
        return iter(self.hits)

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(h.category for h in self.hits)
        return {k: c.get(k, 0) for k in ("emotive", "intensifier", "negative", "positive")}

    def reporter(self) -> list[LoadedWord]:
        """The loaded words outside quotes: the reporter's own choices."""
        return [h for h in self.hits if not h.quoted]

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts,
                "hits": [{"text": h.text, "start": h.start, "end": h.end, "paragraph": h.paragraph,
                          "category": h.category, "polarity": h.polarity, "quoted": h.quoted} for h in self.hits]}

    def _rows(self) -> list[tuple[str, ...]]:
        return [(_para_label(h.paragraph), h.text, h.category, h.polarity or "", "quoted" if h.quoted else "reporter")
                for h in self.hits]

    def _counts_line(self) -> str:
        return ", ".join(f"{v} {k}" for k, v in self.counts.items())

    def __str__(self) -> str:
        return text_table(_HEADERS, self._rows(), f"Loaded words: {self._counts_line()}", limit=40)

    def _repr_html_(self) -> str:
        return html_table(_HEADERS, self._rows(), caption=self._counts_line())


def loaded_words(text: Text) -> LoadedWords:
    """Loaded words: Hu & Liu's opinion lexicon plus :data:`INTENSIFIERS` and :data:`EMOTIVE_WORDS`.

    A word in several lists gets the first of: emotive, intensifier, negative, positive
    (its Hu & Liu polarity is kept in ``polarity``). Names the tagger reads as proper nouns
    ("Josh Earnest") are no opinions.

    >>> import newskit
    >>> "despicable" in [h.text for h in loaded_words(newskit.sample())]
    True
    """
    def build() -> LoadedWords:
        import numpy as np

        from ..core import resources

        positive, negative = resources.opinion_words()
        idx = _index(text)
        tags = _tags(text)
        toks, norms = idx.toks, idx.norms  # norms[i] is the word token i counts as
        quoted = _quoted(text)
        # (category, polarity) of each distinct word form that is loaded at all
        loaded: dict[str, tuple[str, str | None]] = {}
        for w in idx.norm_list:
            pol = "negative" if w in negative else "positive" if w in positive else None
            if w in EMOTIVE_WORDS:
                loaded[w] = ("emotive", pol)
            elif w in INTENSIFIERS:
                loaded[w] = ("intensifier", pol)
            elif pol:
                loaded[w] = (pol, pol)
        # the tokens counting as a loaded word (found by numpy on the word numbers), the names among them left out
        is_loaded = np.array([w in loaded for w in idx.norm_list] + [False])  # (the last: number -1, no word)
        found: list[int] = []  # token positions
        for i in np.flatnonzero(is_loaded[idx.nids]).tolist():
            t = toks[i]
            if t.index >= 0 and tags[t.index] in ("NNP", "NNPS") and t.text[:1].isupper():
                continue  # names ("Josh Earnest") are not opinions
            found.append(i)
        quoted_ = quoted.many([toks[i].start for i in found])
        hits = [LoadedWord(toks[i].text, toks[i].start, toks[i].end, toks[i].paragraph, *loaded[norms[i]], q)  # type: ignore[index]
                for i, q in zip(found, quoted_, strict=True)]
        return LoadedWords(tuple(hits))

    return _cached(text, "loaded_words", build)
