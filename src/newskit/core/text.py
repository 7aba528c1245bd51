"""The text model: an article's original text and its parts, each a span into that text.

A :class:`Text` never changes. It keeps the text exactly as loaded
(``article.text``) and describes its parts by character offsets into it:
``headline_span``, ``paragraphs``, ``sentences`` and ``words``. So
``article.text[w.start:w.end] == w.text`` holds for every part, and any view
can highlight exactly what an analysis found.

Sentences and words are computed the first time you ask for them (with NLTK's
Punkt sentence splitter and its standard word tokenizer) and then cached, so
loading stays cheap.

>>> import newskit
>>> art = newskit.sample()
>>> art.headline[:21]
"Iraq's Army Abandoned"
>>> len(art.paragraphs)
15
>>> p = art.paragraphs[0]
>>> art.text[p.start:p.end] == p.text
True
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cached_property
from itertools import chain, compress, pairwise, repeat, starmap
from operator import attrgetter, is_
from typing import Any, TypeVar

from ..errors import EmptyArticleError
from .fmt import esc
from .words import CLITIC_TOKENS, CURLY_CLITIC_ENDINGS, is_quote_mark, is_word

__all__ = ["Text", "Paragraph", "Sentence", "Word", "MAX_BYTES", "split_paragraphs", "trim_span", "word_spans",
           "from_columns"]

#: The largest article newskit accepts, in bytes (or characters for pasted text): 20 MB.
MAX_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A body paragraph: its position (``index`` from 0, ``number`` from 1) and its span."""

    index: int
    start: int
    end: int
    text: str

    @property
    def number(self) -> int:
        """The paragraph's number as a reader counts: 1 for the first body paragraph."""
        return self.index + 1


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the body, as split by NLTK's Punkt model, never crossing a paragraph."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Word:
    """A token of the body (word, number or punctuation), as split by NLTK's word tokenizer."""

    index: int
    start: int
    end: int
    text: str
    sentence: int
    paragraph: int
    #: The token in lower case, with a curly apostrophe made straight (``Iraq’s`` -> ``iraq's``).
    lower: str = ""
    #: True when the token has a letter or digit in it (not bare punctuation).
    is_word: bool = False


_T = TypeVar("_T", bound="Text")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FALLBACK_WORD = re.compile(r"\w+(?:[-'\u2019.]\w+)*|[^\w\s]+")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``(start, end)`` so that ``text[start:end]`` has no surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str, has_headline: bool = True) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    """Find the headline span and the body paragraph spans of *text*.

    The first non-empty line is the headline (when *has_headline* and there is
    more than one non-empty line). Body paragraphs are separated by blank lines;
    a body without any blank line is read as one paragraph per line. Every span
    is trimmed of surrounding whitespace.
    """
    lines: list[tuple[int, int]] = []  # (start, end) of each line, newline excluded
    for m in _LINE.finditer(text):
        if m.start() == len(text) and m.end() == m.start():
            break
        s = m.start()
        e = m.end()
        while e > s and text[e - 1] in "\r\n":
            e -= 1
        lines.append((s, e))
    nonblank = [i for i, (s, e) in enumerate(lines) if text[s:e].strip()]
    if not nonblank:
        return None, []
    headline = None
    first_body_line = 0
    if has_headline and len(nonblank) > 1:
        i = nonblank[0]
        headline = trim_span(text, *lines[i])
        first_body_line = i + 1
    body = lines[first_body_line:]
    body_nonblank = [j for j, (s, e) in enumerate(body) if text[s:e].strip()]
    has_blank_separator = any(b - a > 1 for a, b in zip(body_nonblank, body_nonblank[1:], strict=False))
    blocks: list[tuple[int, int]] = []
    if has_blank_separator:
        current: list[int] = []
        for j in body_nonblank:
            if current and j != current[-1] + 1:
                blocks.append((body[current[0]][0], body[current[-1]][1]))
                current = []
            current.append(j)
        if current:
            blocks.append((body[current[0]][0], body[current[-1]][1]))
    else:
        blocks = [body[j] for j in body_nonblank]
    return headline, [trim_span(text, s, e) for s, e in blocks]


def word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word spans in text[start:end] from NLTK's tokenizer, falling back to a regex when it cannot align.

    >>> word_spans("He said: no.", 0, 12)
    [(0, 2), (3, 7), (7, 8), (9, 11), (11, 12)]
    """
    from . import resources  # loaded when first needed: `import newskit` stays light

    chunk = text[start:end]
    try:
        spans = list(resources.word_tokenizer().span_tokenize(chunk))
    except Exception:  # noqa: BLE001 - NLTK's aligner gives up on some odd inputs
        spans = [m.span() for m in _FALLBACK_WORD.finditer(chunk)]
    if "\u2019" in chunk:
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            # NLTK splits "Iraq’s" into Iraq / ’ / s: join the curly-apostrophe clitic back as one token "’s"
            if (merged and merged[-1][1] == s and chunk[merged[-1][0]:s] == "\u2019"
                    and chunk[s:e].lower() in CURLY_CLITIC_ENDINGS):
                merged[-1] = (merged[-1][0], e)
                continue
            merged.append((s, e))
        spans = merged
    return [(start + s, start + e) for s, e in spans if e > s]


def _with_word_spans(text: str, spans: list[tuple[int, int]], counts: list[int],
                     found: tuple[list[int], list[int], list[str]]) -> tuple[list[int], list[int], list[str], list[int]]:
    """The token columns (starts, ends, texts) and counts of :meth:`Text.words`, with the spans whose count is -1
    tokenized by :func:`word_spans` and the others taken from *found* (their columns, one after another)."""
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    out: list[int] = []
    done = 0
    for (start, end), n in zip(spans, counts, strict=True):
        if n >= 0:
            starts += found[0][done:done + n]
            ends += found[1][done:done + n]
            texts += found[2][done:done + n]
            done += n
        else:
            pairs = word_spans(text, start, end)
            n = len(pairs)
            starts += [s for s, _ in pairs]
            ends += [e for _, e in pairs]
            texts += [text[s:e] for s, e in pairs]
        out.append(n)
    return starts, ends, texts, out


def _join_curly_clitics(text: str, columns: list[list]) -> list[list]:
    """The token *columns* (starts, ends, texts, then any others: sentence, paragraph ...) with each curly apostrophe
    token and the clitic right after it in its sentence joined into one token, as :func:`word_spans` does (NLTK
    splits "Iraq’s" into Iraq / ’ / s: "’s" is one token). Changes the starts, ends and texts in place."""
    starts, ends, texts, sentence_ids = columns[:4]
    joined: list[int] = []  # the tokens joined to the one before
    k = -1
    with contextlib.suppress(ValueError):  # each apostrophe token in turn (list.index: a C loop; ValueError: no more)
        while True:
            k = texts.index("\u2019", k + 1, len(texts) - 1)
            if (ends[k] == starts[k + 1] and sentence_ids[k] == sentence_ids[k + 1]
                    and texts[k + 1].lower() in CURLY_CLITIC_ENDINGS):
                # the token after an apostrophe is an ending, never an apostrophe: no token is joined twice
                ends[k] = ends[k + 1]
                texts[k] = text[starts[k]:ends[k]]
                joined.append(k + 1)
    if not joined:
        return columns
    out: list[list] = []
    for column in columns:  # each column without the joined tokens, copied a stretch at a time
        kept: list = []
        done = 0
        for k in joined:
            kept += column[done:k]
            done = k + 1
        kept += column[done:]
        out.append(kept)
    return out


def _make_words(starts: list[int], ends: list[int], texts: list[str], sentences: list[int],
                paragraphs: list[int]) -> tuple[Word, ...]:
    """The :class:`Word` objects for these columns, numbered from 0: ``Word(i, starts[i], ends[i], ...)``."""
    lower = {t: t.lower().replace("\u2019", "'") for t in set(texts)}  # worked out once per word form
    wordlike = {t: is_word(t) for t in lower}
    return tuple(from_columns(Word, (range(len(texts)), starts, ends, texts, sentences, paragraphs,
                                     map(lower.__getitem__, texts), map(wordlike.__getitem__, texts))))


_D = TypeVar("_D")


def from_columns(cls: type[_D], columns: Sequence[Iterable[Any]]) -> list[_D]:
    """``[cls(*row) for row in zip(*columns)]`` for a frozen dataclass with slots, about three times faster.

    *columns* holds one column per field, in field order; the first must have a length (it says how many
    objects), the others may be any iterables (a column with a length must have the same). Calling a frozen
    dataclass costs a Python call and one ``object.__setattr__`` per field; filling the slots of blank
    objects one field at a time, with map() over each field's slot descriptor, makes equal objects. The
    one builder of many result objects: the text model's words and sentences, the analyses' long lists.

    >>> from_columns(Sentence, [[0], [1], [3], ["It."], [0]]) == [Sentence(0, 1, 3, "It.", 0)]
    True
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if "__slots__" not in vars(cls) or len(columns) != len(names):
        raise TypeError(f"from_columns() needs a slotted dataclass and one column per field of {cls.__name__}")
    n = len(columns[0])  # type: ignore[arg-type]
    for name, column in zip(names, columns, strict=True):
        if hasattr(column, "__len__") and len(column) != n:  # type: ignore[arg-type]
            raise ValueError(f"column {name!r} has {len(column)} items, not {n}")  # type: ignore[arg-type]
    objects = list(map(object.__new__, repeat(cls, n)))
    for name, column in zip(names, columns, strict=True):
        deque(map(getattr(cls, name).__set__, objects, column), maxlen=0)
    return objects


@dataclass(frozen=True, eq=False)
class Text:
    """A text: its original ``text``, ``headline`` and body ``paragraphs``, and lazily its ``sentences``, ``words`` and ``tags``.

    This is what every analysis reads. :class:`newskit.Article` is a ``Text`` with the
    verbs a student calls (``quotes()``, ``sources()``, ``concordance()`` ...) on top.

    Attributes:
        text: the article exactly as loaded (after decoding); every span points into it.
        headline_span: ``(start, end)`` of the headline in ``text``, or None.
        paragraphs: the body paragraphs, in order.
        name: a short name for display (the file name, or "pasted text").
        path: the file it was loaded from, or None.
        meta: what a web page says about the article besides its text (keys such as "byline",
            "date", "site", "url"), or None. Never counted as body text or as a source.
        warnings: what went wrong while reading it but did not stop it (bad bytes replaced ...).

    >>> t = Text.parse("Storm hits coast\\n\\nThe storm hit the coast on Monday.")
    >>> t.headline, len(t.paragraphs), [w.text for w in t.words][:3], len(t)
    ('Storm hits coast', 1, ['The', 'storm', 'hit'], 7)
    """

    text: str
    headline_span: tuple[int, int] | None
    paragraphs: tuple[Paragraph, ...]
    name: str = "article"
    path: str | None = None
    meta: Mapping[str, str] | None = None
    warnings: tuple[str, ...] = ()

    # --- construction -------------------------------------------------------------------

    @classmethod
    def parse(cls: type[_T], text: str, *, name: str = "article", path: str | None = None,
              has_headline: bool = True, meta: Mapping[str, str] | None = None,
              warnings: tuple[str, ...] = ()) -> _T:
        """Split *text* into headline and paragraphs (see :func:`split_paragraphs`) without changing it."""
        if not isinstance(text, str):
            raise TypeError(f"article text must be a str, not {type(text).__name__}")
        if not text.strip():
            raise EmptyArticleError(f"{name}: the text is empty (or only whitespace); there is nothing to analyse")
        head, spans = split_paragraphs(text, has_headline)
        paras = tuple(Paragraph(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans))
        return cls(text=text, headline_span=head, paragraphs=paras, name=name, path=path,
                   meta=dict(meta) if meta else None, warnings=tuple(warnings))

    # --- parts ------------------------------------------------------------------------------

    @property
    def headline(self) -> str | None:
        """The headline (the first line of a file), or None when there is none."""
        if self.headline_span is None:
            return None
        return self.text[self.headline_span[0]:self.headline_span[1]]

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The body's sentences (NLTK Punkt), in order; a sentence never crosses a paragraph break."""
        from . import resources  # loaded when first needed: `import newskit` stays light

        punkt = resources.sentence_tokenizer()
        text = self.text
        spans: list[tuple[int, int]] = []
        paragraphs: list[int] = []
        for p in self.paragraphs:
            for s, e in punkt.span_tokenize(p.text):
                s, e = p.start + s, p.start + e
                if s < e and (text[s].isspace() or text[e - 1].isspace()):  # Punkt's spans rarely need trimming
                    s, e = trim_span(text, s, e)
                if e > s:
                    spans.append((s, e))
                    paragraphs.append(p.index)
        starts, ends = [s for s, _ in spans], [e for _, e in spans]
        return tuple(from_columns(Sentence, (range(len(spans)), starts, ends,
                                             list(map(text.__getitem__, starmap(slice, spans))), paragraphs)))

    @cached_property
    def words(self) -> tuple[Word, ...]:
        """The body's tokens (NLTK's word tokenizer), each with its span, sentence and paragraph."""
        from . import resources  # loaded when first needed: `import newskit` stays light

        text = self.text
        sentences = self.sentences
        spans = [(s.start, s.end) for s in sentences]
        columns = getattr(resources.word_tokenizer(), "columns", None)  # FastWordTokenizer: every sentence at once
        if columns is not None:
            starts, ends, texts, counts = columns(text, spans)
        else:
            starts, ends, texts, counts = [], [], [], [-1] * len(spans)
        if -1 in counts:  # sentences NLTK cannot align (or NLTK's own tokenizer): word_spans, which falls back to a regex
            starts, ends, texts, counts = _with_word_spans(text, spans, counts, (starts, ends, texts))
        sentence_ids = list(chain.from_iterable(map(repeat, range(len(sentences)), counts)))
        paragraph_ids = list(chain.from_iterable(map(repeat, map(attrgetter("paragraph"), sentences), counts)))
        if "\u2019" in texts:
            starts, ends, texts, sentence_ids, paragraph_ids = _join_curly_clitics(
                text, [starts, ends, texts, sentence_ids, paragraph_ids])
        forms: dict[str, str] = {}  # one string object per distinct token text, shared by its words
        texts = list(map(forms.setdefault, texts, texts))
        return _make_words(starts, ends, texts, sentence_ids, paragraph_ids)

    @cached_property
    def tags(self) -> tuple[str, ...]:
        """Penn Treebank part-of-speech tags of ``words``, one per word (NLTK's perceptron tagger).

        Tagged one sentence at a time, once per article. Quote marks are shown to the
        tagger as PTB's quote tokens, curly apostrophes as straight ones, and an
        all-capitals text in lower case (the tagger reads capitals as names).
        """
        from . import resources  # loaded when first needed: `import newskit` stays light

        letters = [c for c in self.body[:20000] if c.isalpha()]
        caps = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
        words = self.words
        texts = list(map(attrgetter("text"), words))
        # the words come sentence by sentence, inside their sentence: each sentence's first word by bisection
        bounds = [*map(bisect.bisect_left, repeat(self._word_starts), map(attrgetter("start"), self.sentences)), len(words)]
        shown: dict[str, str | None] = {}  # once per word form: what the tagger sees, None for a quote mark
        for t in set(texts):
            tok = t.replace("\u2019", "'").replace("\u2018", "'")
            shown[t] = None if is_quote_mark(tok) else tok
        tokens = list(map(shown.__getitem__, texts))
        firsts = set(bounds)  # the index of each sentence's first word
        if caps:
            tokens = [tok if tok is None or len(tok) < 2 else tok.capitalize() if k in firsts else tok.lower()
                      for k, tok in enumerate(tokens)]
        if None in shown.values():
            for k in compress(range(len(tokens)), map(is_, tokens, repeat(None))):
                tokens[k] = "``" if k in firsts or self.text[words[k].start - 1].isspace() else "''"
        lengths = [b - a for a, b in pairwise(bounds)]
        return tuple(resources.pos_tagger().tag_flat(tokens, lengths))  # type: ignore[arg-type]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> int | None:
        """Index of the paragraph containing character *offset*, or None (headline, blank lines)."""
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and self.paragraphs[i].start <= offset < max(self.paragraphs[i].end, self.paragraphs[i].start + 1):
            return i
        return None

    def words_between(self, start: int, end: int) -> list[Word]:
        """The tokens lying inside the character range [start, end)."""
        starts = self._word_starts
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end)
        return [w for w in self.words[i:j] if w.end <= end]

    @cached_property
    def _word_starts(self) -> list[int]:
        return list(map(attrgetter("start"), self.words))

    @property
    def body(self) -> str:
        """The body text: from the first paragraph to the end of the last (a slice of ``text``)."""
        if not self.paragraphs:
            return ""
        return self.text[self.paragraphs[0].start:self.paragraphs[-1].end]

    def iter_paragraph_text(self) -> Iterator[tuple[Paragraph, str]]:
        """Yield ``(paragraph, text)`` pairs; handy in a for-loop."""
        for p in self.paragraphs:
            yield p, p.text

    def __len__(self) -> int:
        """Number of words in the body, counted as a reader does ("Iraq's" and "don't" are one word each).

        The tokens ``'s``, ``n't``, ``'re`` ... that the tokenizer splits off are not counted, so
        this matches :func:`newskit.readability` and word processors.
        """
        words = self.words  # the word tokens less the clitics (each clitic has a letter: it is a word token)
        return sum(map(attrgetter("is_word"), words)) - sum(map(CLITIC_TOKENS.__contains__, map(attrgetter("lower"), words)))

    def __repr__(self) -> str:
        head = self.headline or (self.paragraphs[0].text[:60] if self.paragraphs else "")
        n = len(self.paragraphs)
        return f"<{type(self).__name__} {self.name!r}: {head[:70]!r}, {n} paragraph{'' if n == 1 else 's'}>"

    def byline(self) -> str:
        """One line of what the page says about the article: byline · date · site (empty without ``meta``).

        >>> Text.parse("Head\\n\\nBody.", meta={"byline": "A. Writer", "site": "The Paper"}).byline()
        'A. Writer · The Paper'
        """
        meta = self.meta or {}
        return " · ".join(meta[k] for k in ("byline", "date", "site") if meta.get(k))

    def _repr_html_(self) -> str:
        n = len(self.paragraphs)
        parts = [f"<div class='newskit-article'><p style='opacity:0.75'>{esc(self.name)} · "
                 f"{n} paragraph{'' if n == 1 else 's'}</p>"]
        if self.headline:
            parts.append(f"<h3>{esc(self.headline)}</h3>")
        if self.byline():
            parts.append(f"<p style='opacity:0.75'><em>{esc(self.byline())}</em></p>")
        parts += [f"<p style='color:#b35900'>⚠ {esc(w)}</p>" for w in self.warnings]
        for p in self.paragraphs:
            parts.append(f"<p><span style='opacity:0.6'>¶{p.number}</span> {esc(p.text)}</p>")
        parts.append("</div>")
        return "".join(parts)
