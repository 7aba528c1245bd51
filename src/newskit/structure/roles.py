"""Paragraph roles: what each paragraph *is* (lede, body, quote-led, or page furniture), and the rule that decided it.

>>> import newskit
>>> roles = paragraph_roles(newskit.sample())
>>> [r.role for r in roles][:3], roles[6].role, roles[6].reason
(['lede', 'body', 'quote-led'], 'caption', '17 words without final punctuation that are neither subhead nor pull quote')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, islice
from typing import Any

from ..core.resources import WordMemo
from ..core.text import Text
from ..core.words import OPEN_QUOTES, QUOTE_CHARS, fold
from .base import BODY_ROLES, Lex, is_all_caps, lex, memo, quoted_mask, sentences_per_paragraph

__all__ = ["ParagraphRole", "paragraph_roles"]

# --- small text helpers (all linear) -----------------------------------------------------------

_TRAILING = "\"'\u201d\u2019\u00bb\u203a)]*\u00a0 \t"
_FINAL = ".!?\u2026:;"
#: Words after an opening apostrophe that are elisions, not quotations ("'Tis the season").
_ELISIONS = frozenset({"tis", "twas", "em", "cause", "til", "n", "round"})
_FUNCTION = frozenset(
    "a an the of in on at to for and or but nor by with from as into via vs v per than".split()
)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _ends_sentence(text: str) -> bool:
    """True when *text* ends like a sentence (``.``, ``!``, ``?``, ``…``, ``:``, ``;``), closing quotes aside."""
    t = text.rstrip(_TRAILING)
    return bool(t) and t[-1] in _FINAL


def _opens_with_quote(text: str) -> bool:
    if not text:
        return False
    c = text[0]
    if c in OPEN_QUOTES:
        return True
    if c == "'" and len(text) > 1 and text[1].isalpha():
        n = 1
        while n < len(text) and text[n].isalpha():
            n += 1
        return text[1:n].lower() not in _ELISIONS
    return False


def _has_finite_verb(tags: Sequence[str]) -> bool:
    return any(t in _FINITE for t in tags)


def _title_case(words: Sequence[str]) -> bool:
    """True when at least 3 in 4 of the content words start with a capital (and there are at least two)."""
    content = [w for w in words if any(c.isalpha() for c in w) and w.lower() not in _FUNCTION]
    if len(content) < 2:
        return False
    caps = sum(1 for w in content if w.lstrip(QUOTE_CHARS)[:1].isupper())
    return caps * 4 >= len(content) * 3


# --- the result ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParagraphRole:
    """The role of one paragraph and the rule that decided it: ``index`` (from 0), ``number`` (from 1),
    ``role``, ``reason`` (a short sentence naming the rule), span.

    >>> import newskit
    >>> r = paragraph_roles(newskit.sample())[10]
    >>> r.role, r.reason, r.is_body
    ('subhead', 'short (3 words), no final punctuation, no finite verb', False)
    """

    index: int
    number: int
    role: str
    reason: str
    start: int
    end: int

    @property
    def is_body(self) -> bool:
        """True for running text (lede, body, quote-led), False for page furniture."""
        return self.role in BODY_ROLES

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data."""
        return {"index": self.index, "number": self.number, "role": self.role, "reason": self.reason,
                "start": self.start, "end": self.end}


# --- the features of a paragraph ------------------------------------------------------------------

_CAPTION_MARKERS = ("Photograph:", "Photo:", "Photos:", "Photo by", "Photograph by", "(Photo", "Picture:",
                    "Image:", "Credit:", "Getty Images", "AP Photo", "Reuters/", "/AFP", "/Getty", "/Reuters",
                    "Play Video", "Video:", "Illustration:", "Pictured:", "PHOTO:")
_RELATED_STARTS = ("related:", "related coverage", "related stories", "related articles", "read more", "more:",
                   "see also", "also read", "read also", "recommended:", "watch:", "watch more", "click here",
                   "sign up", "subscribe", "follow us", "more on this", "further reading", "more from",
                   "you may also like", "also on", "listen:")
_SHARE_WORDS = frozenset({"facebook", "twitter", "pinterest", "linkedin", "whatsapp", "email", "e-mail", "share",
                          "reddit", "messenger", "print", "tumblr", "google+", "copy", "link", "x", "comments",
                          "save", "tweet", "flipboard", "sms"})

_MAX_FURNITURE_WORDS = 40
_CAPTION_MARKER = re.compile("|".join(map(re.escape, _CAPTION_MARKERS)))  # one search: is any of them in a text?


@dataclass
class _Para:
    """Working features of one paragraph while roles are decided (internal). Its counted words (the texts of
    tokens ``a:b`` of :func:`.base.lex` that are words, not clitics) are read when a rule asks for them."""

    index: int
    text: str
    n: int  # how many counted words
    tags: list[str]
    sentences: int
    punctuated: bool
    cols: Lex
    a: int
    b: int
    role: str | None = None
    reason: str = ""

    @cached_property
    def words(self) -> list[str]:
        """The paragraph's counted words."""
        return list(compress(self.cols.text[self.a:self.b], self.cols.counted[self.a:self.b].tolist()))

    def mark(self, role: str, reason: str) -> None:
        """Give the paragraph *role* unless an earlier rule already gave it one."""
        if self.role is None:
            self.role, self.reason = role, reason


def _features(text: Text) -> list[_Para]:
    cols = lex(text)
    counted, bounds = cols.counted, cols.para_start
    n_words = cols.per_paragraph(counted)
    n_sent = sentences_per_paragraph(text)
    out = []
    for p in text.paragraphs:
        a, b = bounds[p.index], bounds[p.index + 1]
        para = _Para(p.index, p.text, n_words[p.index], [], n_sent[p.index], _ends_sentence(p.text), cols, a, b)
        if not para.punctuated and 0 < para.n <= _MAX_FURNITURE_WORDS:  # only furniture candidates need tags
            para.tags = list(compress(text.tags[a:b], counted[a:b].tolist()))
        out.append(para)
    return out


def _uses_full_stops(paras: list[_Para]) -> bool:
    """Does the article end its paragraphs with sentence punctuation? (Judged on paragraphs of 12+ words.)"""
    pool = [p for p in paras if p.n >= 12] or paras
    return bool(pool) and sum(p.punctuated for p in pool) * 2 >= len(pool)


def _is_related_marker(p: _Para) -> bool:
    return p.n <= 25 and p.text.lower().lstrip(QUOTE_CHARS + " ").startswith(_RELATED_STARTS)


def _is_share_line(p: _Para) -> bool:
    head = p.text.split(None, 1)[:1]  # cheap test first: the first token must be a share button too
    if not head or head[0].lower().strip("|·•,") not in _SHARE_WORDS:
        return False
    toks = p.text.lower().split()
    return len(toks) >= 2 and all(t.strip("|·•,") in _SHARE_WORDS for t in toks)


def _has_credit(p: _Para) -> bool:
    return p.n <= 60 and _CAPTION_MARKER.search(p.text) is not None


def _is_attribution_line(p: _Para) -> bool:
    """``Name, descriptor`` on a line of its own: short, a comma, a capital first, no full stop, no verb."""
    return (0 < p.n <= 8 and not p.punctuated and "," in p.text and p.text.lstrip(QUOTE_CHARS)[:1].isupper()
            and not _has_finite_verb(p.tags))


# --- pull quotes: lines repeating words quoted elsewhere -------------------------------------------


def _ngrams(words: Sequence[str], n: int = 4, norm: Mapping[str, str] | None = None) -> set[tuple[str, ...]]:
    """The *n*-word sequences of *words* (n >= 1), folded (*norm* maps a token text to its :func:`fold`)."""
    low = [fold(w) for w in words] if norm is None else list(map(norm.__getitem__, words))
    # zip stops at the shortest slice: the windows of n consecutive words
    return set(zip(*(low[k:] for k in range(n)), strict=False))


_FOLDED = WordMemo(fold, limit=65536)  # token text -> fold(text), kept for the process


class _QuotedGrams:
    """The 4-word sequences inside direct quotes (tokens tested by :func:`.base.quoted_mask`), per paragraph,
    and how many paragraphs quote each: what the pull-quote rule asks of a line's own 4-word sequences.

    A quoted sequence is 4 consecutive counted words of a paragraph (clitics and punctuation skipped), all inside
    quotes: the 4-word windows of the paragraph's runs of quoted words. Worked out by numpy on numbers, not
    tuples of words: each folded word form has a number (``code``), a pair of words the number ``first * V +
    second``, and a sequence the rank of its first pair among all pairs (``pairs``) times their count plus the
    rank of its second pair; ``spread`` counts the paragraphs quoting each sequence and ``_by_paragraph`` holds
    each paragraph's own sequences.
    """

    def __init__(self, text: Text) -> None:
        import numpy as np

        cols = lex(text)
        self.code: dict[str, int] = {}
        form_code = np.array([self.code.setdefault(w, len(self.code)) for w in map(_FOLDED.__getitem__, cols.forms)]
                             or [0], np.int64)
        words = np.flatnonzero(cols.counted)
        quoted = quoted_mask(text)[words]
        paragraph = np.repeat(np.arange(len(text.paragraphs)), np.diff(cols.para_start))[words]
        window = np.flatnonzero(quoted[:-3] & quoted[1:-2] & quoted[2:-1] & quoted[3:] & (paragraph[:-3] == paragraph[3:]))
        w = form_code[cols.ids[words]]
        self.v = max(1, len(self.code))
        first, second = w[window] * self.v + w[window + 1], w[window + 2] * self.v + w[window + 3]
        self.pairs, rank = np.unique(np.concatenate((first, second)), return_inverse=True)
        grams = rank[:len(first)] * len(self.pairs) + rank[len(first):]
        # each paragraph's distinct sequences (the windows come in text order, so paragraph by paragraph)
        order = np.lexsort((grams, paragraph[window]))
        para_sorted, grams_sorted = paragraph[window][order], grams[order]
        new = np.ones(len(order), bool)
        new[1:] = (para_sorted[1:] != para_sorted[:-1]) | (grams_sorted[1:] != grams_sorted[:-1])
        self.para_of, self.grams_of = para_sorted[new], grams_sorted[new]
        numbers, counts = np.unique(self.grams_of, return_counts=True)
        self.spread = dict(zip(numbers.tolist(), counts.tolist(), strict=True))

    def _number(self, gram: tuple[str, ...]) -> int | None:
        """The number of a sequence of folded words, None when no quoted sequence has its pairs."""
        import numpy as np

        numbers = [self.code[w] for w in gram]
        ranks = []
        for pair in (numbers[0] * self.v + numbers[1], numbers[2] * self.v + numbers[3]):
            r = int(np.searchsorted(self.pairs, pair))
            if r == len(self.pairs) or self.pairs[r] != pair:
                return None
            ranks.append(r)
        return ranks[0] * len(self.pairs) + ranks[1]

    def repeats_a_quote(self, p: _Para) -> bool:
        """At least half of the line's 4-word sequences occur inside a quote of another paragraph."""
        import numpy as np

        grams = _ngrams(p.words)
        if not grams:
            return False
        a, b = np.searchsorted(self.para_of, [p.index, p.index + 1])
        own = set(self.grams_of[a:b].tolist())
        hits = 0
        for g in grams:
            k = self._number(g)
            hits += k is not None and self.spread.get(k, 0) - (k in own) > 0
        return hits * 2 >= len(grams)


# --- the rules, in order -------------------------------------------------------------------------


def _mark_markers(paras: list[_Para]) -> None:
    """Rule 1: explicit markers (credits, "Read more", share buttons), the link lists around a bare marker,
    and a caption repeated with its credit ("Crowds gather." then "Crowds gather. Photograph: ...")."""
    bare: list[int] = []  # the paragraphs that are a marker alone
    for i, p in enumerate(paras):
        related = _is_related_marker(p)
        if related and p.n <= 4:
            bare.append(i)
        if _has_credit(p):
            p.mark("caption", "has a photo/video credit or marker (e.g. 'Photograph:', 'Play Video')")
        elif related:
            p.mark("related", "starts with a link marker such as 'Related:' or 'Read more'")
        elif _is_share_line(p):
            p.mark("related", "a row of social-media share buttons")
    for i in bare:
        p = paras[i]
        if p.text.rstrip().endswith(":"):  # "Read more:" then one link title per line
            for q in islice(paras, i + 1, None):  # (islice: no copy of the list's tail)
                if q.role is not None or q.punctuated or q.n > 20 or q.n == 0:
                    break
                q.mark("related", f"a link title listed under '{p.text.strip()}' (¶{p.index + 1})")
        elif i > 0:  # link title, then "Read more" under it
            q = paras[i - 1]
            if not q.punctuated and 0 < q.n <= 20:
                q.mark("related", f"a link title followed by '{p.text.strip()}' (¶{p.index + 1})")
    for i, p in enumerate(paras):
        if p.role is not None or p.n < 3 or p.n > _MAX_FURNITURE_WORDS:
            continue
        head = p.text.rstrip(_TRAILING + ".")
        for q in paras[i + 1:i + 3]:
            if q.role == "caption" and q.text.startswith(head):
                p.mark("caption", f"repeats the start of the caption ¶{q.index + 1}")
                break


def _mark_unpunctuated(text: Text, paras: list[_Para]) -> None:
    """Rule 2: short lines without final punctuation, in an article that otherwise uses full stops."""
    caps = is_all_caps(text)
    quoted: _QuotedGrams | None = None
    for i, p in enumerate(paras):
        if p.role is not None or p.punctuated or p.n == 0:
            continue
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        prev = paras[i - 1] if i > 0 else None
        if p.n > _MAX_FURNITURE_WORDS or p.sentences > 3:
            continue  # too long for furniture: body text that lost its full stop
        if prev is not None and prev.role == "pull-quote" and _is_attribution_line(p):
            p.mark("pull-quote", f"the attribution line of the pull quote ¶{prev.index + 1}")
            continue
        if p.n >= 5 and quoted is None:
            quoted = _QuotedGrams(text)
        if p.n >= 5 and quoted is not None and quoted.repeats_a_quote(p):
            p.mark("pull-quote", "no final punctuation and repeats words quoted elsewhere in the article")
            continue
        if p.n >= 5 and nxt is not None and nxt.role is None and _is_attribution_line(nxt):
            p.mark("pull-quote", "no final punctuation and followed by a 'Name, role' attribution line")
            continue
        finite = _has_finite_verb(p.tags)
        colon = p.text.find(":")
        if not finite and p.n <= 12:
            p.mark("subhead", f"short ({p.n} words), no final punctuation, no finite verb")
        elif not caps and p.n <= 12 and _title_case(p.words):
            p.mark("subhead", f"short ({p.n} words), no final punctuation, in title case")
        elif finite and 0 < colon and p.text[:colon].count(" ") <= 3:
            p.mark("related", "a headline-style line ('Name: claim') without final punctuation: a link")
        elif p.n >= 4:
            p.mark("caption", f"{p.n} words without final punctuation that are neither subhead nor pull quote")
        else:
            p.mark("subhead", f"short ({p.n} words), no final punctuation")


def _mark_running_text(paras: list[_Para], stops: bool) -> None:
    """Rule 3: the first remaining paragraph is the lede, then quote-led or body."""
    lede_done = False
    for p in paras:
        if p.role is not None:
            continue
        opens = _opens_with_quote(p.text)
        if not lede_done:
            lede_done = True
            p.mark("lede", "first paragraph of running text" + (" (opens with a quote)" if opens else ""))
        elif opens:
            p.mark("quote-led", "opens with a quote mark")
        else:
            p.mark("body", "running text" if p.punctuated or not stops else "running text (long, no final stop)")


def _classify(text: Text) -> tuple[ParagraphRole, ...]:
    paras = _features(text)
    stops = _uses_full_stops(paras)
    _mark_markers(paras)
    if stops:
        _mark_unpunctuated(text, paras)
    _mark_running_text(paras, stops)
    return tuple(
        ParagraphRole(p.index, p.index + 1, p.role or "body", p.reason, text.paragraphs[p.index].start,
                      text.paragraphs[p.index].end)
        for p in paras
    )


def paragraph_roles(text: Text) -> list[ParagraphRole]:
    """The role of every paragraph, with the reason for it.

    Roles (see :data:`~newskit.structure.ROLES`): ``"lede"`` (the first paragraph of running text),
    ``"body"``, ``"quote-led"`` (running text opening with a quote mark),
    and page furniture that survived copy-and-paste: ``"caption"``,
    ``"subhead"``, ``"pull-quote"`` and ``"related"``. The headline is not a
    paragraph: see ``article.headline`` / :attr:`~newskit.structure.Structure.headline`.

    The rules, applied in this order (the first that fits wins):

    1. *Markers.* A line with a photo or video credit ("Photograph:", "(Photo",
       "Getty Images", "Play Video", ...) is a **caption**; a short line starting
       "Related:", "Read more", "See also", ... or made only of share buttons
       ("Facebook Twitter Pinterest") is **related**. Link titles listed under a
       bare "Read more:" line, or standing just above a bare "Read more", are
       **related** too; a line repeating the start of a credited caption is a
       **caption**.
    2. *Lines without final punctuation* (no ``. ! ? … : ;`` at the end, closing
       quotes aside) of at most 40 words and 3 sentences. These rules apply only
       when the article otherwise ends its paragraphs with full stops (at least
       half of its paragraphs of 12+ words do); an article written without full
       stops has no furniture found this way. Such a line is a **pull-quote**
       when at least half of its 4-word sequences occur inside a direct quote of
       another paragraph, or when it is followed by a ``Name, role`` attribution
       line (short, with a comma, no verb) - that attribution line is a
       **pull-quote** too. Otherwise it is a **subhead** when short (12 words at
       most) and either without a finite verb (POS tagger: no VBD/VBZ/VBP/MD) or
       in title case; a **related** link when it reads like a headline
       ("Trump: claim ..."); else a **caption** (4+ words: photo captions are
       descriptive lines without a full stop).
    3. *Running text.* The first remaining paragraph is the **lede**; the others
       are **quote-led** when they open with a quote mark, else **body**.

    In an all-capitals article title case tells nothing and is not used. These
    are heuristics: the ``reason`` says which rule fired, so a student can judge.

    >>> import newskit
    >>> roles = paragraph_roles(newskit.sample())
    >>> roles[6].role, roles[10].role
    ('caption', 'subhead')
    """
    return list(memo(text, "roles", lambda: _classify(text)))
