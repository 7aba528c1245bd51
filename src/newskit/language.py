"""What the words do: frequencies, concordance, keyness, tone, hedging, voice and naming.

Every function takes an :class:`~newskit.Article` and returns a small frozen
result that shows itself as a table in a notebook (``_repr_html_``) and turns
into plain JSON-ready data with ``to_dict()``. Spans are character offsets into
``article.text``, so a view can highlight exactly what was found.

What counts as "the words"
    The lexical analyses (frequencies, concordance, dispersion, collocations,
    keywords, vocabulary, n-grams, labels, hedges, loaded words, numbers) read the
    headline *and* the body: a headline hit has ``paragraph=None``. The analyses
    that need a part-of-speech tagger (``passives``, ``pos_profile``, modal verbs)
    read the body only, because a title-case headline confuses the tagger.
    Words are case-folded; curly apostrophes count as straight ones; clitics
    (``'s``, ``'re``, ...) are not words of their own, and ``n't`` counts as "not".
    Paragraph fields of hits are 0-based indexes (like ``Sentence.paragraph``);
    per-paragraph records carry a 1-based ``number`` as a reader counts.

The word lists (all lower case, documented here so students can criticise them)
    :data:`HEDGES`, :data:`BOOSTERS` and :data:`MODALS` (hedging and certainty),
    :data:`INTENSIFIERS` and :data:`EMOTIVE_WORDS` (loaded words, on top of Hu &
    Liu's opinion lexicon), :data:`GROUP_LABELS` (generic names for groups in the
    news), :data:`TITLES` (titles before a person's name),
    :data:`ARMED_GROUP_NAMES` (well-known armed groups, so that "the militants" can
    be tied to a named group) and :data:`APPROXIMATORS` (hedges before numbers).

>>> import newskit
>>> from newskit import language
>>> art = newskit.from_text("Storm hits coast\\n\\nThe storm hit the coast. Storm damage was reported by officials.")
>>> len(language.concordance(art, "storm"))
3
>>> language.frequencies(art, top=1).rows[0].word
'storm'
"""

from __future__ import annotations

import bisect
import copy
import html
import itertools
import math
import numbers as _numbers
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from weakref import WeakKeyDictionary

from .core.text import Text as Article
from .core.text import word_spans as _word_spans
from .core.words import is_word as _has_letter_or_digit
from .errors import QueryError

__all__ = [
    "frequencies", "concordance", "dispersion", "collocations", "keyness", "keywords", "word_counts",
    "vocabulary", "ngrams", "pos_profile", "sentiment", "labels", "passives", "hedges", "loaded_words", "numbers",
    "Frequencies", "WordCount", "Concordance", "KwicHit", "Dispersion", "Collocations", "Collocation",
    "Keyness", "KeynessRow", "Vocabulary", "StemRow", "NGrams", "NGram", "PosProfile", "TaggedWord",
    "Sentiment", "SentenceTone", "ParagraphTone", "Labels", "ActorGroup", "Label", "Passives", "Passive",
    "Hedges", "HedgeHit", "LoadedWords", "LoadedWord", "Numbers", "Quantity",
    "HEDGES", "BOOSTERS", "MODALS", "INTENSIFIERS", "EMOTIVE_WORDS", "GROUP_LABELS", "TITLES",
    "ARMED_GROUP_NAMES", "APPROXIMATORS",
]

# ------------------------------------------------------------------------------------------------
# Word lists
# ------------------------------------------------------------------------------------------------

#: Hedges: words and phrases by which a writer holds back from full commitment to a claim
#: (after Hyland's work on hedging). kind -> phrases. "may", "might" and "could" are hedging modal verbs
#: (counted only when the tagger sees a modal, so "May" the month is left alone).
HEDGES: dict[str, tuple[str, ...]] = {
    "reporting distance": ("reportedly", "allegedly", "alleged", "purportedly", "purported", "supposedly",
                           "according to", "said to be", "believed to", "thought to", "understood to",
                           "is understood", "it is understood", "claimed", "unconfirmed", "unverified"),
    "appearance": ("appears", "appear", "appeared", "apparently", "seems", "seem", "seemed", "seemingly",
                   "suggests", "suggest", "suggested", "indicates", "indicated"),
    "probability": ("perhaps", "possibly", "probably", "likely", "unlikely", "maybe", "presumably",
                    "it is possible", "unclear", "not clear"),
    "approximation": ("as many as", "as much as", "up to", "roughly", "approximately", "an estimated",
                      "estimated", "nearly", "almost", "some estimates", "more or less"),
    "partiality": ("for the most part", "largely", "mostly", "partly", "in part", "to some extent",
                   "somewhat", "relatively", "fairly", "sometimes", "sometimes referred to", "so-called",
                   "what they call", "what it calls"),
    "modal": ("may", "might", "could"),
}

#: Boosters: words and phrases that close down doubt and show conviction. kind -> phrases.
#: "must" is counted as a booster only when the tagger sees a modal verb.
BOOSTERS: dict[str, tuple[str, ...]] = {
    "certainty": ("clearly", "certainly", "definitely", "undoubtedly", "no doubt", "without doubt",
                  "beyond doubt", "surely", "of course", "obviously", "evidently", "undeniably",
                  "in fact", "indeed", "plainly", "there is no question"),
    "extremity": ("strongest possible", "in the strongest possible terms", "absolutely", "completely",
                  "entirely", "totally", "utterly", "fully", "always", "never", "all-out", "at all costs"),
    "evidence": ("proves", "proved", "proven", "demonstrates", "demonstrated", "shows that", "showed that",
                 "confirms", "confirmed"),
    "modal": ("must",),
}

#: Modal verbs (counted only when the tagger marks them MD), with the meaning they usually carry.
MODALS: dict[str, str] = {
    "may": "possibility", "might": "possibility", "could": "possibility", "can": "ability",
    "must": "necessity", "should": "obligation", "ought": "obligation", "shall": "prediction",
    "will": "prediction", "would": "prediction", "'ll": "prediction", "'d": "prediction",
}

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

#: Generic labels for groups of people in the news, by category. Multi-word entries win over shorter ones.
#: A label may carry a qualifier ("Iraqi troops", "Iraq's army", "the government of Iraq") that tells
#: which side it belongs to; unqualified "security forces" join the article's dominant qualified group.
GROUP_LABELS: dict[str, tuple[str, ...]] = {
    "armed group": ("militant", "militants", "insurgent", "insurgents", "insurgency", "rebel", "rebels",
                    "extremist", "extremists", "terrorist", "terrorists", "terrorist group", "terrorist groups",
                    "terror group", "terror groups", "terrorist organisation", "terrorist organization",
                    "jihadist", "jihadists", "jihadi", "jihadis", "fighters", "gunman", "gunmen", "militia",
                    "militias", "militiamen", "guerrilla", "guerrillas", "islamist", "islamists", "radicals",
                    "armed group", "armed groups"),
    "state forces": ("troops", "forces", "army", "soldiers", "soldier", "military", "police", "policemen",
                     "police officers", "security forces", "government forces", "army forces", "armed forces",
                     "security personnel", "servicemen", "national guard"),
    "government": ("government", "officials", "authorities", "administration", "ministry", "cabinet",
                   "regime", "government officials"),
}

#: Labels that count only when the tagger reads them as nouns ("the military", not "military bases").
_NOUN_ONLY_LABELS = frozenset({"military"})

#: Titles that may stand before a person's name (lower case; the longest match wins).
TITLES: tuple[str, ...] = (
    "prime minister", "deputy prime minister", "foreign minister", "defence minister", "defense minister",
    "interior minister", "minister", "president", "vice president", "vice-president", "secretary of state",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "speaker", "parliamentary speaker", "general",
    "gen", "gen.", "lieutenant", "colonel", "col", "col.", "major", "captain", "commander", "admiral",
    "senator", "sen", "sen.", "governor", "mayor", "chancellor", "ambassador", "king", "queen", "prince",
    "princess", "sheikh", "ayatollah", "imam", "pope", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
    "sir", "lord", "lady", "judge", "justice", "chief", "leader", "cleric", "director", "chairman",
    "chairwoman", "chief executive", "professor", "prof", "prof.", "rev", "rev.", "father", "bishop",
    "archbishop", "detective", "sergeant", "sgt", "sgt.", "officer", "rep", "rep.", "representative",
    "congressman", "congresswoman", "attorney general", "commissioner", "head",
)

#: Well-known armed groups (lower case). A named group that matches one of these (or whose expansion
#: contains one) is the one generic labels like "militants" are tied to when it is the most mentioned.
ARMED_GROUP_NAMES: frozenset[str] = frozenset({
    "isis", "isil", "is", "islamic state", "daesh", "al-qaeda", "al-qaida", "al qaeda", "aqap", "aqim",
    "taliban", "the taliban", "hamas", "hezbollah", "hizbollah", "boko haram", "al-shabaab", "al-shabab",
    "houthis", "houthi", "pkk", "farc", "ira", "eta", "al-nusra", "nusra front", "jabhat al-nusra", "hts",
    "lashkar-e-taiba", "islamic jihad", "free syrian army", "ypg",
})

#: Hedges before a number, with what they do to it.
APPROXIMATORS: dict[str, str] = {
    "as many as": "at most", "as much as": "at most", "up to": "at most", "as few as": "at least",
    "nearly": "at most", "almost": "at most", "close to": "at most", "just under": "at most",
    "under": "at most", "less than": "at most", "fewer than": "at most", "at most": "at most",
    "more than": "at least", "over": "at least", "at least": "at least", "upwards of": "at least",
    "in excess of": "at least", "just over": "at least", "well over": "at least",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "a reported": "about", "reportedly": "about",
    "an approximate": "about", "the best part of": "about",
}

_CLITICS = frozenset({"'s", "'re", "'ve", "'ll", "'d", "'m", "s", "'"})
_QUOTE_TOKENS = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''", "\u00ab", "\u00bb"})
_BE_FORMS = frozenset({"be", "am", "is", "are", "was", "were", "been", "being", "get", "gets", "got", "gotten",
                       "getting", "'re", "'m"})
_AUX_BEFORE = frozenset({"has", "have", "had", "having", "'ve", "'s", "'d", "not", "n't", "never", "to"})
_PASSIVE_PREPS = frozenset({"of", "to", "as", "with", "for", "about", "into", "from"})
_HYPHENS = "-\u2010\u2011\u2013"
_NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "abu-", "bin-", "ibn-")
_MAX_QUERY_WORDS = 12
_UNIT_BREAK = re.compile(f"[{re.escape(_HYPHENS)}/]")  # where _split_hyphens() cuts a token

# ------------------------------------------------------------------------------------------------
# Shared internals: one index of the article's tokens, built once per article
# ------------------------------------------------------------------------------------------------

_CACHE: WeakKeyDictionary[Article, dict[Any, Any]] = WeakKeyDictionary()


def _cached(article: Article, key: Any, build: Callable[[], Any]) -> Any:
    store = _CACHE.get(article)
    if store is None:
        store = {}
        _CACHE[article] = store
    if key not in store:
        store[key] = build()
    return store[key]


def _fold(text: str) -> str:
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def _norm(lower: str) -> str | None:
    """The word a token counts as, or None for clitics and punctuation."""
    if lower == "n't":
        return "not"
    if lower in _CLITICS:
        return None
    word = lower.strip("'\"`")
    if not word or not _has_letter_or_digit(word):
        return None
    return word


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    lower: str
    sentence: int  # -1 for the headline
    paragraph: int | None  # None for the headline
    is_word: bool
    body_index: int  # index into article.words, -1 for the headline


def _token_info(text: str) -> tuple[str, bool, str | None, tuple[tuple[int, int, str], ...]]:
    """(folded form, is a word, the word it counts as or None, its hyphen-split units) of one token's text."""
    low = _fold(text)
    is_word = _has_letter_or_digit(text)
    if not is_word:
        return low, False, None, ()
    if _UNIT_BREAK.search(text) is None:  # no hyphen or slash: the whole token is its one unit
        form = low[:len(text)]  # as _split_hyphens' span would cut it (lower() may lengthen a text)
        return low, True, _norm(low), ((0, len(text), "'s" if form == "'" else form),)
    units = []
    for s, e in _split_hyphens(text):
        form = low[s:e]
        units.append((s, e, "'s" if form == "'" else form))
    return low, True, _norm(low), tuple(units)


class _Index:
    """Tokens (headline first, then body), their word forms, and the units a concordance matches on.

    Built column by column (list comprehensions rather than a call per token); what depends only on a
    token's text is worked out once per distinct text.
    """

    def __init__(self, article: Article) -> None:
        text = article.text
        # the tokens as columns: headline tokens first (sentence -1, paragraph None, body index -1), then the body's
        starts: list[int] = []
        ends: list[int] = []
        if article.headline_span is not None:
            hs, he = article.headline_span
            for s, e in _word_spans(text, hs, he):
                starts.append(s)
                ends.append(e)
        n_head = len(starts)
        words = article.words
        starts += [w.start for w in words]
        ends += [w.end for w in words]
        texts = [text[s:e] for s, e in zip(starts[:n_head], ends[:n_head], strict=True)]
        texts += [w.text for w in words]
        sentences = [-1] * n_head + [w.sentence for w in words]
        paragraphs: list[int | None] = [None] * n_head
        paragraphs += [w.paragraph for w in words]
        # what depends only on a token's text is worked out once per distinct text
        infos = {t: _token_info(t) for t in set(texts)}
        info = [infos[t] for t in texts]
        lowers = [x[0] for x in info]
        norms: list[str | None] = [x[2] for x in info]
        self.toks = list(map(_Tok, starts, ends, texts, lowers, sentences, paragraphs, [x[1] for x in info],
                             [-1] * n_head + [w.index for w in words]))
        self.n_headline = n_head
        # words: the normalised word forms, with the token each comes from
        self.norms = norms
        self.word_tok = [i for i, norm in enumerate(norms) if norm is not None]
        self.word_forms: list[str] = [norm for norm in norms if norm is not None]
        self.headline_words = sum(1 for norm in norms[:n_head] if norm is not None)  # the first of word_forms
        # units: alphanumeric pieces of tokens, split at hyphens ("al-Maliki" -> al, Maliki)
        units = [(i, start + s, start + e, form) for i, start, x in zip(itertools.count(), starts, info)
                 for s, e, form in x[3]]
        self.u_tok: list[int] = [u[0] for u in units]
        self.u_start: list[int] = [u[1] for u in units]
        self.u_end: list[int] = [u[2] for u in units]
        self.u_form: list[str] = [u[3] for u in units]

    # Only the concordance needs these: they are built the first time it asks.

    @cached_property
    def word_offset_of_tok(self) -> list[int]:
        """For each token, how many words come before it."""
        norms = self.norms
        return list(itertools.accumulate((norm is not None for norm in norms[:-1]), initial=0)) if norms else []

    @cached_property
    def postings(self) -> dict[str, list[int]]:
        """Unit form -> the units of that form, in text order."""
        postings: dict[str, list[int]] = defaultdict(list)
        for u, form in enumerate(self.u_form):
            postings[form].append(u)
        return dict(postings)

    @cached_property
    def vocab(self) -> list[str]:
        """The distinct unit forms, sorted (for prefix queries)."""
        return sorted(self.postings)

    def unit_sentence(self, u: int) -> int:
        return self.toks[self.u_tok[u]].sentence

    def adjacent(self, u: int) -> bool:
        """True when unit u follows unit u-1 with nothing but a hyphen or space between (same sentence)."""
        a, b = self.u_tok[u - 1], self.u_tok[u]
        return (b == a or b == a + 1) and self.toks[a].sentence == self.toks[b].sentence


def _split_hyphens(token: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for i, c in enumerate(token + "-"):
        if c in _HYPHENS or c == "/" or i == len(token):
            if i > start and _has_letter_or_digit(token[start:i]):
                out.append((start, i))
            start = i + 1
    return out


def _index(article: Article) -> _Index:
    return _cached(article, "index", lambda: _Index(article))


def _tags(article: Article) -> list[str]:
    """Penn tags for article.words (``Article.tags``, one tagger pass per article); quote-mark tokens get "``"."""

    def build() -> list[str]:
        tags = list(article.tags)
        for w in article.words:
            if w.text in _QUOTE_TOKENS:
                tags[w.index] = "``"
        return tags

    return _cached(article, "tags", build)


def _quoted_spans(article: Article) -> list[tuple[int, int]]:
    def build() -> list[tuple[int, int]]:
        from . import sources

        spans = sorted(p for q in sources.quotes(article) for p in q.pieces)
        return spans

    return _cached(article, "quoted", build)


def _is_quoted(article: Article, pos: int) -> bool:
    return _quote_test(article)(pos)


def _quote_test(article: Article) -> Callable[[int], bool]:
    """``lambda pos: _is_quoted(article, pos)``, with the quoted spans looked up once (for loops over many hits)."""
    spans = _quoted_spans(article)
    bisect_right = bisect.bisect_right
    inf = math.inf

    def quoted(pos: int) -> bool:
        i = bisect_right(spans, (pos, inf)) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    return quoted


def _esc(value: Any) -> str:
    return html.escape(str(value))


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]], caption: str = "") -> str:
    """An HTML table; cells must already be escaped."""
    head = "".join(f"<th style='text-align:left'>{_esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{c}</td>" for c in r) + "</tr>" for r in rows)
    cap = f"<p style='color:#555;margin:0'>{caption}</p>" if caption else ""
    return f"<div class='newskit-language'>{cap}<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"


def _plain(headers: Iterable[str], rows: Iterable[Iterable[str]], title: str = "", limit: int = 20,
           width: int = 60) -> str:
    """A small plain-text table for ``print()``: a title line, then at most *limit* rows, cells cut to *width*."""
    heads = list(headers)
    every = [[str(c) for c in r] for r in rows]
    shown = [[c if len(c) <= width else c[:width - 1] + "…" for c in r] for r in every[:limit]]
    lines = [title] if title else []
    if shown:
        widths = [max([len(h)] + [len(r[i]) for r in shown]) for i, h in enumerate(heads)]
        lines.append("  ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)).rstrip())
        lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in shown]
        if len(every) > limit:
            lines.append(f"... and {len(every) - limit} more")
    else:
        lines.append("(none found)")
    return "\n".join(lines)


def _n(count: int, word: str, plural: str | None = None) -> str:
    """``"1 hedge"``, ``"3 hedges"``."""
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _whole(name: str, value: Any, minimum: int = 0) -> int:
    """Check a count argument (``top``, ``width``, ``n``...) early; raise :class:`QueryError` with a clear message."""
    if isinstance(value, bool) or not isinstance(value, _numbers.Integral):
        shown = f"the text {value!r}" if isinstance(value, str) else repr(value)
        raise QueryError(f"{name} must be a whole number such as 10, not {shown}")
    if value < minimum:
        raise QueryError(f"{name} must be {minimum} or more, not {value}")
    return int(value)


def _words_caption(total: int, headline: int) -> str:
    """``"611 words incl. headline"`` when the headline's words are part of *total*."""
    return f"{_n(total, 'word')} incl. headline" if headline else _n(total, "word")


def _para_label(paragraph: int | None) -> str:
    return "headline" if paragraph is None else f"¶{paragraph + 1}"


def _sentence_tokens(article: Article) -> list[list[int]]:
    """Token positions (in the index) grouped by sentence; the headline is the first group."""

    def build() -> list[list[int]]:
        groups: list[list[int]] = []
        last = None
        for i, t in enumerate(_index(article).toks):
            if t.sentence != last:
                groups.append([])
                last = t.sentence
            groups[-1].append(i)
        return groups

    return _cached(article, "sentence_tokens", build)


# ------------------------------------------------------------------------------------------------
# Frequencies
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordCount:
    """A word and how often it occurs; ``share`` is its count over all words of the article."""

    word: str
    count: int
    share: float


@dataclass(frozen=True)
class Frequencies:
    """The most frequent words (case-folded, punctuation left out)."""

    rows: tuple[WordCount, ...]
    total_words: int
    stopwords_included: bool
    headline_words: int = 0

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):  # noqa: ANN204
        return iter(self.rows)

    def as_dict(self) -> dict[str, int]:
        """``{word: count}`` in rank order."""
        return {r.word: r.count for r in self.rows}

    def to_dict(self) -> dict[str, Any]:
        return {"total_words": self.total_words, "headline_words": self.headline_words,
                "stopwords_included": self.stopwords_included,
                "rows": [{"word": r.word, "count": r.count, "share": round(r.share, 5)} for r in self.rows]}

    def _caption(self) -> str:
        return (f"{_words_caption(self.total_words, self.headline_words)}; "
                f"stopwords {'included' if self.stopwords_included else 'left out'}")

    def __str__(self) -> str:
        return _plain(("word", "count", "share"), [(r.word, str(r.count), f"{r.share:.1%}") for r in self.rows],
                      f"Most frequent words ({self._caption()})", limit=50)

    def _repr_html_(self) -> str:
        top = max((r.count for r in self.rows), default=1)
        rows = [(_esc(r.word), str(r.count),
                 f"<span style='display:inline-block;background:#4c78a8;height:0.8em;"
                 f"width:{100 * r.count / top:.0f}px'></span> {r.share:.1%}") for r in self.rows]
        return _table(("word", "count", "share"), rows, self._caption())


def word_counts(source: Article | Iterable[Article], *, stopwords: bool = True) -> Counter[str]:
    """Case-folded word counts of an article or of several articles together (e.g. a folder).

    >>> import newskit
    >>> word_counts(newskit.from_text("Rain. Rain again."))["rain"]
    2
    """
    articles = [source] if isinstance(source, Article) else list(source)
    total: Counter[str] = Counter()
    for art in articles:
        if not isinstance(art, Article):
            raise TypeError(f"word_counts() expects Articles, not {type(art).__name__}")
        total.update(_cached(art, "counts", lambda a=art: Counter(_index(a).word_forms)))
    if not stopwords:
        from .core import resources

        sw = resources.stopwords()
        total = Counter({w: c for w, c in total.items() if w not in sw})
    return total


def frequencies(article: Article, top: int = 20, stopwords: bool = False) -> Frequencies:
    """The *top* most frequent words; ``stopwords=False`` leaves out "the", "of", ... (NLTK's English list).

    The words counted are the headline's *and* the body's: ``total_words`` says how many, the
    ``headline_words`` included, and a share is a count over that total. A clitic is no word of its
    own ("Iraq's" counts once, as "iraq"), except that "n't" counts as "not". On the seed that makes
    611 words: the 600 body words of :func:`newskit.structure.readability` plus the headline's 11
    (``len(article)`` says 603: it leaves the headline out but counts each "'s" as a word).
    Raises :class:`newskit.QueryError` when *top* is not a whole number of 0 or more.

    >>> import newskit
    >>> frequencies(newskit.sample(), top=3).rows[0].word
    'mosul'
    """
    top = _whole("top", top)

    def build() -> Frequencies:
        counts = word_counts(article, stopwords=stopwords)
        idx = _index(article)
        total = len(idx.word_forms)
        order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        rows = tuple(WordCount(w, c, c / total if total else 0.0) for w, c in order[:top])
        return Frequencies(rows, total, stopwords, idx.headline_words)

    return _cached(article, ("frequencies", top, stopwords), build)


# ------------------------------------------------------------------------------------------------
# Concordance and dispersion
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KwicHit:
    """One occurrence: its span, paragraph index (None in the headline), and ``width`` characters either side."""

    start: int
    end: int
    paragraph: int | None
    sentence: int | None
    word_offset: int
    left: str
    match: str
    right: str


@dataclass(frozen=True)
class Concordance:
    """Every occurrence of a query in context (keyword in context, KWIC)."""

    query: str
    width: int
    hits: tuple[KwicHit, ...]
    total_words: int

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self):  # noqa: ANN204
        return iter(self.hits)

    def __getitem__(self, i: int) -> KwicHit:
        return self.hits[i]

    def lines(self) -> list[str]:
        """Plain-text KWIC lines, aligned on the match."""
        return [f"{h.left:>{self.width}} [{h.match}] {h.right}" for h in self.hits]

    def __str__(self) -> str:
        return "\n".join([f"{len(self.hits)} hits for {self.query!r}", *self.lines()])

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "width": self.width, "count": len(self.hits), "total_words": self.total_words,
                "hits": [{"start": h.start, "end": h.end, "paragraph": h.paragraph, "sentence": h.sentence,
                          "word_offset": h.word_offset, "left": h.left, "match": h.match, "right": h.right}
                         for h in self.hits]}

    def _repr_html_(self) -> str:
        shown = self.hits[:500]
        rows = "".join(
            "<tr><td style='color:#888'>" + _para_label(h.paragraph) + "</td>"
            f"<td style='text-align:right;white-space:pre;font-family:monospace'>{_esc(h.left)}</td>"
            f"<td style='text-align:center;white-space:pre;font-family:monospace'><mark><b>{_esc(h.match)}</b></mark></td>"
            f"<td style='text-align:left;white-space:pre;font-family:monospace'>{_esc(h.right)}</td></tr>"
            for h in shown)
        more = f"<p>... and {len(self.hits) - len(shown)} more</p>" if len(self.hits) > len(shown) else ""
        return (f"<div class='newskit-kwic'><p style='color:#555;margin:0'>{len(self.hits)} hits for "
                f"<b>{_esc(self.query)}</b></p><table>{rows}</table>{more}</div>")


def _parse_query(query: Any) -> list[tuple[str, bool]]:
    """Split a query into (form, is_prefix) terms, matching the article's units; raise QueryError when unusable."""
    if not isinstance(query, str):
        raise QueryError(f"the query must be text, not {type(query).__name__}")
    q = query.strip()
    if not q:
        raise QueryError("the query is empty: type a word (e.g. 'Mosul'), a phrase ('prime minister') "
                         "or a prefix with * ('flee*')")
    if len(q) > 200:
        raise QueryError("the query is too long (over 200 characters): search for a word or a short phrase")
    from .core import resources

    terms: list[tuple[str, bool]] = []
    for chunk in q.split():
        prefix = chunk.endswith("*")
        core = chunk.rstrip("*")
        if "*" in core:
            raise QueryError(f"'*' may only end a word (as in 'flee*'), not stand inside {chunk!r}")
        if prefix and not _has_letter_or_digit(core):
            raise QueryError(f"{chunk!r}: put at least one letter before '*', e.g. 'flee*'")
        try:
            toks = resources.word_tokenizer().tokenize(core) if core else []
        except Exception:  # noqa: BLE001
            toks = core.split()
        units: list[str] = []
        for tok in toks:
            low = _fold(tok)
            if low in ("'s", "'"):
                units.append("'s")
                continue
            for s, e in _split_hyphens(low):
                units.append(low[s:e])
        for k, u in enumerate(units):
            terms.append((u, prefix and k == len(units) - 1))
    if not terms:
        raise QueryError(f"the query {query!r} has no letters or digits: search for a word, e.g. 'Mosul'")
    if len(terms) > _MAX_QUERY_WORDS:
        raise QueryError(f"the query has {len(terms)} words; search for at most {_MAX_QUERY_WORDS}")
    return terms


def _find(article: Article, terms: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Matches of the query terms as (first unit, last unit), in text order."""
    idx = _index(article)
    form, prefix = terms[0]
    if prefix:
        lo = bisect.bisect_left(idx.vocab, form)
        cands: list[int] = []
        for v in idx.vocab[lo:]:
            if not v.startswith(form):
                break
            cands.extend(idx.postings[v])
        cands.sort()
    else:
        cands = idx.postings.get(form, [])
    out: list[tuple[int, int]] = []
    n = len(idx.u_form)
    for u in cands:
        last = u + len(terms) - 1
        if last >= n:
            continue
        ok = True
        for k in range(1, len(terms)):
            v = u + k
            f, p = terms[k]
            if not idx.adjacent(v) or not (idx.u_form[v].startswith(f) if p else idx.u_form[v] == f):
                ok = False
                break
        if ok:
            out.append((u, last))
    return out


def _context(text: str, start: int, end: int) -> str:
    return text[start:end].replace("\r", " ").replace("\n", " ").replace("\t", " ")


def concordance(article: Article, query: str, width: int = 40) -> Concordance:
    """Every occurrence of *query* with *width* characters of context either side (KWIC).

    Case does not matter; a phrase matches consecutive words (``"prime minister"``); a
    trailing ``*`` matches every word that starts so (``"flee*"`` finds flee, flees, fleeing).
    A part of a hyphenated name matches too (``"Maliki"`` finds ``al-Maliki``).
    Raises :class:`newskit.QueryError` for an empty or unusable query, or a *width* that is not a
    whole number of 0 or more.

    >>> import newskit
    >>> len(concordance(newskit.sample(), "prime minister"))
    4
    """
    terms = _parse_query(query)
    width = _whole("width", width)

    def build() -> Concordance:
        idx = _index(article)
        text = article.text
        hits = []
        for u, last in _find(article, terms):
            s, e = idx.u_start[u], idx.u_end[last]
            tok = idx.toks[idx.u_tok[u]]
            hits.append(KwicHit(s, e, tok.paragraph, None if tok.sentence < 0 else tok.sentence,
                                idx.word_offset_of_tok[idx.u_tok[u]], _context(text, max(0, s - width), s),
                                text[s:e], _context(text, e, e + width)))
        return Concordance(query.strip(), width, tuple(hits), len(idx.word_forms))

    return build()  # fast once the index exists; not cached, so a widget's keystrokes do not pile up


@dataclass(frozen=True)
class Dispersion:
    """Where a query's hits fall: word offsets, relative positions (0 = start, 1 = end) and paragraphs.

    ``paragraph_starts`` are the word offsets where each body paragraph begins (for drawing
    boundaries in a dispersion plot); ``per_paragraph`` counts hits per paragraph (numbers from 1;
    0 is the headline).
    """

    query: str
    total_words: int
    offsets: tuple[int, ...]
    positions: tuple[float, ...]
    paragraphs: tuple[int | None, ...]
    spans: tuple[tuple[int, int], ...]
    paragraph_starts: tuple[int, ...]
    per_paragraph: tuple[tuple[int, int], ...]

    def __len__(self) -> int:
        return len(self.offsets)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total_words": self.total_words, "offsets": list(self.offsets),
                "positions": [round(p, 5) for p in self.positions], "paragraphs": list(self.paragraphs),
                "spans": [list(s) for s in self.spans], "paragraph_starts": list(self.paragraph_starts),
                "per_paragraph": [{"number": n, "count": c} for n, c in self.per_paragraph]}

    def __str__(self) -> str:
        per = ", ".join(f"{'headline' if n == 0 else f'¶{n}'}: {c}" for n, c in self.per_paragraph if c)
        return f"{self.query!r}: {_n(len(self), 'hit')} in {_n(self.total_words, 'word')}" + (f" ({per})" if per else "")

    def _repr_html_(self) -> str:
        marks = "".join(f"<span style='position:absolute;left:{100 * p:.2f}%;top:0;width:2px;height:100%;"
                        f"background:#c0392b'></span>" for p in self.positions)
        bar = f"<div style='position:relative;height:1.2em;background:#eee;width:100%'>{marks}</div>"
        per = ", ".join(f"{'headline' if n == 0 else f'¶{n}'}: {c}" for n, c in self.per_paragraph if c)
        return (f"<div class='newskit-dispersion'><p style='margin:0'><b>{_esc(self.query)}</b>: {len(self)} hits "
                f"in {self.total_words} words</p>{bar}<p style='color:#555;margin:0'>{_esc(per)}</p></div>")


def dispersion(article: Article, query: str) -> Dispersion:
    """Where *query* occurs across the article, for a dispersion plot (same query rules as :func:`concordance`).

    >>> import newskit
    >>> d = dispersion(newskit.sample(), "Mosul")
    >>> 0.0 <= min(d.positions) and max(d.positions) <= 1.0
    True
    """
    conc = concordance(article, query)
    idx = _index(article)
    total = len(idx.word_forms)
    offsets = tuple(h.word_offset for h in conc.hits)
    positions = tuple(o / (total - 1) if total > 1 else 0.0 for o in offsets)
    starts: list[int] = []
    for p in article.paragraphs:
        words = article.words_between(p.start, p.end)
        if words:
            starts.append(idx.word_offset_of_tok[idx.n_headline + words[0].index])
    counts = Counter(0 if h.paragraph is None else h.paragraph + 1 for h in conc.hits)
    numbers_ = ([0] if article.headline_span else []) + [p.number for p in article.paragraphs]
    return Dispersion(conc.query, total, offsets, positions, tuple(h.paragraph for h in conc.hits),
                      tuple((h.start, h.end) for h in conc.hits), tuple(starts),
                      tuple((n, counts.get(n, 0)) for n in numbers_))


# ------------------------------------------------------------------------------------------------
# N-grams and collocations
# ------------------------------------------------------------------------------------------------


def _word_runs(article: Article) -> list[list[str]]:
    """Runs of word forms not interrupted by punctuation, clitics or sentence ends."""

    def build() -> list[list[str]]:
        idx = _index(article)
        runs: list[list[str]] = []
        norms = idx.norms
        for group in _sentence_tokens(article):
            run: list[str] = []
            for i in group:
                n = norms[i]
                if n is None:
                    if run:
                        runs.append(run)
                    run = []
                else:
                    run.append(n)
            if run:
                runs.append(run)
        return runs

    return _cached(article, "runs", build)


@dataclass(frozen=True)
class NGram:
    """A sequence of *n* words and how often it occurs."""

    words: tuple[str, ...]
    count: int

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class NGrams:
    """The most frequent n-grams (never across punctuation or sentence ends)."""

    n: int
    rows: tuple[NGram, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):  # noqa: ANN204
        return iter(self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "rows": [{"words": list(r.words), "count": r.count} for r in self.rows]}

    def __str__(self) -> str:
        return _plain((f"{self.n}-gram", "count"), [(r.text, str(r.count)) for r in self.rows],
                      f"Most frequent sequences of {self.n} words", limit=50)

    def _repr_html_(self) -> str:
        return _table((f"{self.n}-gram", "count"), [(_esc(r.text), str(r.count)) for r in self.rows])


def ngrams(article: Article, n: int, top: int = 20, stopwords: bool = True) -> NGrams:
    """The *top* most frequent sequences of *n* words; ``stopwords=False`` drops n-grams made only of stopwords.

    >>> import newskit
    >>> ngrams(newskit.sample(), 2, stopwords=False).rows[0]
    NGram(words=('the', 'city'), count=5)
    """
    n = _whole("n (the number of words in a sequence)", n, 1)
    top = _whole("top", top)

    def build() -> NGrams:
        from .core import resources

        sw = resources.stopwords() if not stopwords else frozenset()
        counts: Counter[tuple[str, ...]] = Counter()
        for run in _word_runs(article):
            for i in range(len(run) - n + 1):
                g = tuple(run[i:i + n])
                if sw and all(w in sw for w in g):
                    continue
                counts[g] += 1
        order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        return NGrams(n, tuple(NGram(g, c) for g, c in order))

    return _cached(article, ("ngrams", n, top, stopwords), build)


@dataclass(frozen=True)
class Collocation:
    """Words that go together: how often, and the association ``score`` under the stated measure."""

    words: tuple[str, ...]
    count: int
    score: float

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Collocations:
    """Bigram or trigram collocations ranked by ``measure`` ("pmi" or "likelihood"), seen at least ``min_count`` times."""

    n: int
    measure: str
    min_count: int
    rows: tuple[Collocation, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):  # noqa: ANN204
        return iter(self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "measure": self.measure, "min_count": self.min_count,
                "rows": [{"words": list(r.words), "count": r.count, "score": round(r.score, 4)} for r in self.rows]}

    def __str__(self) -> str:
        label = {"pmi": "PMI", "likelihood": "log-likelihood"}[self.measure]
        return _plain(("words", "count", label), [(r.text, str(r.count), f"{r.score:.2f}") for r in self.rows],
                      f"Word {'pairs' if self.n == 2 else 'triples'} seen at least {self.min_count} times, "
                      f"ranked by {label}")

    def _repr_html_(self) -> str:
        label = {"pmi": "PMI", "likelihood": "log-likelihood"}[self.measure]
        return _table(("words", "count", label), [(_esc(r.text), str(r.count), f"{r.score:.2f}") for r in self.rows],
                      f"{'pairs' if self.n == 2 else 'triples'} seen at least {self.min_count} times, ranked by {label}")


def collocations(article: Article, n: int = 2, top: int = 10, measure: str = "pmi", min_count: int = 2) -> Collocations:
    """Pairs (``n=2``) or triples (``n=3``) of words that occur together more than chance predicts.

    Uses NLTK's collocation finders. ``measure="pmi"`` (pointwise mutual information, only
    n-grams seen at least *min_count* times: PMI overrates rare pairs) or ``"likelihood"``
    (Dunning's log-likelihood ratio). N-grams made only of stopwords are left out, and none
    crosses punctuation or a sentence end. Raises :class:`newskit.QueryError` for another *n* or
    *measure*, or a *top* / *min_count* that is not a whole number of 0 or more.

    >>> import newskit
    >>> ("prime", "minister") in [c.words for c in collocations(newskit.sample())]
    True
    """
    if isinstance(n, bool) or n not in (2, 3):
        raise QueryError(f"collocations are pairs (n=2) or triples (n=3), not n={n!r}")
    if measure not in ("pmi", "likelihood"):
        raise QueryError(f"measure must be 'pmi' or 'likelihood', not {measure!r}")
    top = _whole("top", top)
    min_count = _whole("min_count", min_count)

    def build() -> Collocations:
        from nltk.collocations import BigramAssocMeasures, TrigramAssocMeasures

        from .core import resources

        sw = resources.stopwords()
        runs = _word_runs(article)
        # The counts NLTK's Bigram/TrigramCollocationFinder.from_documents would make, counted with Counter:
        # words, and the n-grams (and for trigrams the (w1, w3) pairs) inside each run. As in NLTK, n - 1
        # Nones after each run keep every n-gram and pair inside one run; the scores are NLTK's measures.
        pad = [None] * (n - 1)
        stream: list[str | None] = []
        for run in runs:
            stream += run
            stream += pad
        word_fd = Counter(stream)
        del word_fd[None]
        n_all = len(stream) - len(runs) * (n - 1)
        pairs = Counter(zip(stream, stream[1:], strict=False))
        if n == 3:
            grams = Counter(zip(stream, stream[1:], stream[2:], strict=False))
            wild = Counter(zip(stream, stream[2:], strict=False))
        else:
            grams = pairs
        keep = max(1, min_count)
        freq = {g: c for g, c in grams.items() if c >= keep and None not in g and not sw.issuperset(g)}
        measures = BigramAssocMeasures if n == 2 else TrigramAssocMeasures
        fn = measures.pmi if measure == "pmi" else measures.likelihood_ratio
        try:
            if n == 2:
                # NLTK scales a pair's count by 1 / (window_size - 1): a float
                scored = [(g, fn(c / 1.0, (word_fd[g[0]], word_fd[g[1]]), n_all)) for g, c in freq.items()]
            else:
                scored = [(g, fn(c, (pairs[g[:2]], wild[g[::2]], pairs[g[1:]]),
                                 (word_fd[g[0]], word_fd[g[1]], word_fd[g[2]]), n_all)) for g, c in freq.items()]
        except (ValueError, ZeroDivisionError):
            scored = []
        # a total order (no score is NaN, every n-gram differs), so NLTK's own first sort would change nothing
        scored.sort(key=lambda gs: (-gs[1], -freq[gs[0]], gs[0]))
        rows = tuple(Collocation(tuple(g), freq[g], float(s)) for g, s in scored[:top])
        return Collocations(n, measure, min_count, rows)

    return _cached(article, ("collocations", n, top, measure, min_count), build)


# ------------------------------------------------------------------------------------------------
# Keyness
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeynessRow:
    """One word: its count here and in the reference, the count expected here, log-likelihood and log ratio."""

    word: str
    count: int
    reference_count: int
    expected: float
    ll: float
    log_ratio: float


@dataclass(frozen=True)
class Keyness:
    """Key words: ``positive`` are overused here compared with the reference, ``negative`` underused.

    ``ll`` is Dunning's log-likelihood as computed by Rayson & Garside (3.84 means p < 0.05,
    6.63 p < 0.01, 15.13 p < 0.0001); ``log_ratio`` (Hardie) is the effect size: the binary
    log of the ratio of relative frequencies (1 = twice as frequent; a zero count counts as 0.5).
    """

    positive: tuple[KeynessRow, ...]
    negative: tuple[KeynessRow, ...]
    target_total: int
    reference_total: int
    min_count: int
    reference: str
    stopwords_included: bool = True
    headline_words: int = 0

    def to_dict(self) -> dict[str, Any]:
        def rows(rs: tuple[KeynessRow, ...]) -> list[dict[str, Any]]:
            return [{"word": r.word, "count": r.count, "reference_count": r.reference_count,
                     "expected": round(r.expected, 3), "ll": round(r.ll, 3), "log_ratio": round(r.log_ratio, 3)}
                    for r in rs]

        return {"reference": self.reference, "target_total": self.target_total,
                "headline_words": self.headline_words, "reference_total": self.reference_total,
                "min_count": self.min_count, "stopwords_included": self.stopwords_included,
                "positive": rows(self.positive), "negative": rows(self.negative)}

    def words(self) -> list[str]:
        """The positive key words, most key first."""
        return [r.word for r in self.positive]

    def _caption(self) -> str:
        return (f"compared with {self.reference} ({_words_caption(self.target_total, self.headline_words)} vs "
                f"{_n(self.reference_total, 'word')}; stopwords {'included' if self.stopwords_included else 'left out'})")

    def __str__(self) -> str:
        def rows(rs: tuple[KeynessRow, ...]) -> list[tuple[str, ...]]:
            return [(r.word, str(r.count), str(r.reference_count), f"{r.expected:.2f}", f"{r.ll:.1f}",
                     f"{r.log_ratio:+.2f}") for r in rs]

        head = ("word", "here", "reference", "expected", "LL", "log ratio")
        return "\n".join([_plain(head, rows(self.positive), f"Overused {self._caption()}"),
                          _plain(head, rows(self.negative), "Underused")])

    def _repr_html_(self) -> str:
        def part(title: str, rs: tuple[KeynessRow, ...]) -> str:
            return _table(("word", "here", "reference", "expected", "LL", "log ratio"),
                          [(_esc(r.word), str(r.count), str(r.reference_count), f"{r.expected:.2f}", f"{r.ll:.1f}",
                            f"{r.log_ratio:+.2f}") for r in rs], title)

        return part(f"Overused {_esc(self._caption())}", self.positive) + part("Underused", self.negative)


def _as_counts(source: Mapping[str, int] | Article | Iterable[Article]) -> tuple[Mapping[str, int], int]:
    """The word counts of *source*, and how many of its words are headline words (0 for plain counts)."""
    if isinstance(source, Mapping):
        return source, 0
    articles = [source] if isinstance(source, Article) else list(source)
    counts = word_counts(articles)  # checks that every item is an Article
    return counts, sum(_index(a).headline_words for a in articles)


def keyness(target_counts: Mapping[str, int] | Article | Iterable[Article],
            reference_counts: Mapping[str, int] | Article | Iterable[Article], *, top: int = 20,
            min_count: int = 2, min_ll: float = 3.84, reference: str = "the reference",
            stopwords: bool = True) -> Keyness:
    """Compare word counts of a target (an article, a folder of articles, or counts) with a reference.

    Each side may be a ``{word: count}`` mapping, an Article, or a list of Articles (e.g.
    ``newskit.load_folder(...)``); an Article's words include its headline's. Words seen fewer
    than *min_count* times (in the target for positive keywords, in the reference for negative
    ones) or with log-likelihood below *min_ll* are left out. ``stopwords=False`` leaves NLTK's
    English stopwords out of both lists; the totals, and so every other word's figures, do not
    change. Raises :class:`newskit.QueryError` when *top* or *min_count* is not a whole number of
    0 or more.

    >>> keyness({"storm": 5, "the": 10}, {"storm": 1, "the": 100}, min_count=1).positive[0].word
    'storm'
    """
    top = _whole("top", top)
    min_count = _whole("min_count", min_count)
    t, head = _as_counts(target_counts)
    r, _ = _as_counts(reference_counts)
    return _keyness(t, r, sum(t.values()), sum(r.values()), set(t) | set(r), top=top, min_count=min_count,
                    min_ll=min_ll, reference=reference, skip=_skipped(stopwords), headline_words=head)


def _skipped(stopwords: bool) -> frozenset[str]:
    """The words a keyness list leaves out: none, or NLTK's English stopwords."""
    if stopwords:
        return frozenset()
    from .core import resources

    return frozenset(resources.stopwords())


def _keyness_row(word: str, a: int, b: int, c: int, d: int) -> KeynessRow:
    """The keyness of one word: *a* and *b* its counts in the target and the reference, *c* and *d* their sizes."""
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    ll = 2 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))
    lr = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
    return KeynessRow(word, a, b, e1, ll, lr)


def _keyness(t: Mapping[str, int], r: Mapping[str, int], c: int, d: int, words: Iterable[str], *, top: int,
             min_count: int, min_ll: float, reference: str,
             absent: Iterable[tuple[str, int]] = (), skip: frozenset[str] = frozenset(),
             headline_words: int = 0) -> Keyness:
    """Keyness of *words*; *absent* (optional) lists reference words missing from the target, most frequent first.

    A word the target lacks can only be underused, and its log-likelihood grows with its reference count,
    so only the first *top* of *absent* that pass the filters can make the list: the scan stops there.
    Words in *skip* (stopwords) are left out of both lists; the totals *c* and *d* keep them.
    """
    pos: list[KeynessRow] = []
    neg: list[KeynessRow] = []
    if c and d:
        for word in words:
            if word in skip:
                continue
            row = _keyness_row(word, t.get(word, 0), r.get(word, 0), c, d)
            if row.ll < min_ll:
                continue
            if row.count > row.expected and row.count >= min_count:
                pos.append(row)
            elif row.count < row.expected and row.reference_count >= min_count:
                neg.append(row)
        taken = 0
        for word, b in absent:
            if taken >= top or b < min_count:
                break
            if word in t or word in skip:
                continue
            row = _keyness_row(word, 0, b, c, d)
            if row.ll < min_ll:
                break
            neg.append(row)
            taken += 1
    pos.sort(key=lambda x: (-x.ll, x.word))
    neg.sort(key=lambda x: (-x.ll, x.word))
    return Keyness(tuple(pos[:max(0, top)]), tuple(neg[:max(0, top)]), c, d, min_count, reference, not skip,
                   headline_words)


def _brown_reference() -> Counter[str]:
    from .core import resources

    store = _brown_reference.__dict__
    if "counts" not in store:
        counts: Counter[str] = Counter()
        for w, n in resources.brown_news_counts().items():
            w = w.replace("\u2019", "'")
            if w.endswith("'s"):
                w = w[:-2]
            elif w.endswith("n't"):
                counts["not"] += n
                w = w[:-3]
            w = w.strip("'")
            if w:
                counts[w] += n
        store["counts"] = counts
    return store["counts"]


def _brown_ranked() -> tuple[int, list[tuple[str, int]]]:
    """The Brown reference's total and its (word, count) pairs, most frequent first: worked out once per process."""
    store = _brown_ranked.__dict__
    if "r" not in store:
        ref = _brown_reference()
        store["r"] = (sum(ref.values()), sorted(ref.items(), key=lambda kv: (-kv[1], kv[0])))
    return store["r"]


def keywords(article: Article, top: int = 20, *, stopwords: bool = False) -> Keyness:
    """Words unusually frequent in *article* compared with ordinary news (the Brown corpus, news section).

    ``positive`` lists the words used more often here than in ordinary news, ``negative`` those used
    less often (see :func:`keyness` for the statistics; at least 2 occurrences, LL 3.84 or more).
    The article's words include its headline's.

    By default (``stopwords=False``) NLTK's English stopwords ("the", "on", "and", "he" ...) are
    left out of both lists, so the list reads as what the article is about. They still count in
    the totals, so every other word's figures are the same either way. ``stopwords=True`` keeps
    them: a little word is then "key" when the article uses it unusually often or rarely (a story
    that never says "he" has it underused). Raises :class:`newskit.QueryError` when *top* is not a
    whole number of 0 or more.

    >>> import newskit
    >>> kw = keywords(newskit.sample())
    >>> "mosul" in kw.words(), "the" in kw.words() + [r.word for r in kw.negative]
    (True, False)
    """
    top = _whole("top", top)

    def build() -> Keyness:
        ref = _brown_reference()
        total, ranked = _brown_ranked()
        counts = word_counts(article)
        return _keyness(counts, ref, sum(counts.values()), total, list(counts), top=top, min_count=2, min_ll=3.84,
                        reference="Brown news (1961)", absent=ranked, skip=_skipped(stopwords),
                        headline_words=_index(article).headline_words)

    return _cached(article, ("keywords", top, bool(stopwords)), build)


# ------------------------------------------------------------------------------------------------
# Vocabulary
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StemRow:
    """A stem (Porter) with its count and the word forms that share it."""

    stem: str
    count: int
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """Lexical variety: tokens, types, type/token ratio, MTLD, hapaxes and stems.

    MTLD (McCarthy & Jarvis 2010) is the mean length of word runs that keep a type/token ratio
    above 0.72, read forwards and backwards; unlike the TTR it hardly depends on length
    (about 70-100 for news). ``stems`` counts distinct Porter stems (flee, fled, fleeing: flee, fled).
    """

    tokens: int
    types: int
    ttr: float
    mtld: float
    hapaxes: int
    stems: int
    mean_word_length: float
    top_stems: tuple[StemRow, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"tokens": self.tokens, "types": self.types, "ttr": round(self.ttr, 4), "mtld": round(self.mtld, 2),
                "hapaxes": self.hapaxes, "stems": self.stems, "mean_word_length": round(self.mean_word_length, 3),
                "top_stems": [{"stem": s.stem, "count": s.count, "forms": list(s.forms)} for s in self.top_stems]}

    def _facts(self) -> list[tuple[str, str]]:
        return [("words (tokens)", str(self.tokens)), ("different words (types)", str(self.types)),
                ("type/token ratio", f"{self.ttr:.2f}"), ("MTLD", f"{self.mtld:.1f}"),
                ("words used once", str(self.hapaxes)), ("stems", str(self.stems)),
                ("mean word length", f"{self.mean_word_length:.1f}")]

    def __str__(self) -> str:
        return "\n".join([_plain(("measure", "value"), self._facts(), "Vocabulary"),
                          _plain(("stem", "count", "forms"),
                                 [(s.stem, str(s.count), ", ".join(s.forms)) for s in self.top_stems],
                                 "Most frequent stems")])

    def _repr_html_(self) -> str:
        facts = self._facts()
        stems = [(_esc(s.stem), str(s.count), _esc(", ".join(s.forms))) for s in self.top_stems]
        return _table(("measure", "value"), facts) + _table(("stem", "count", "forms"), stems, "Most frequent stems")


def _mtld_pass(words: list[str], threshold: float = 0.72) -> float:
    factors = 0.0
    types: set[str] = set()
    count = 0
    for w in words:
        count += 1
        types.add(w)
        if len(types) / count <= threshold:
            factors += 1
            types = set()
            count = 0
    if count:
        ttr = len(types) / count
        factors += (1 - ttr) / (1 - threshold)
    return len(words) / factors if factors else float(len(words))


def vocabulary(article: Article, top: int = 10) -> Vocabulary:
    """How varied the vocabulary is (see :class:`Vocabulary`).

    >>> import newskit
    >>> v = vocabulary(newskit.from_text("Rain and rain and rain."))
    >>> v.tokens, v.types
    (5, 2)
    """
    top = _whole("top", top)

    def build() -> Vocabulary:
        from .core import resources

        words = _index(article).word_forms
        counts = Counter(words)
        stem_counts: Counter[str] = Counter()
        forms: dict[str, set[str]] = defaultdict(set)
        for w, c in counts.items():
            s = resources.stem(w)
            stem_counts[s] += c
            forms[s].add(w)
        n = len(words)
        mtld = (_mtld_pass(words) + _mtld_pass(words[::-1])) / 2 if words else 0.0
        sw = resources.stopwords()
        content = [(s, c) for s, c in stem_counts.items() if not forms[s] <= sw]
        order = sorted(content, key=lambda kv: (-kv[1], kv[0]))[:top]
        return Vocabulary(
            tokens=n, types=len(counts), ttr=len(counts) / n if n else 0.0, mtld=mtld,
            hapaxes=sum(1 for c in counts.values() if c == 1), stems=len(stem_counts),
            mean_word_length=sum(len(w) for w in words) / n if n else 0.0,
            top_stems=tuple(StemRow(s, c, tuple(sorted(forms[s]))) for s, c in order))

    return _cached(article, ("vocabulary", top), build)


# ------------------------------------------------------------------------------------------------
# Parts of speech
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaggedWord:
    """A body word with its Penn tag, universal tag and whether it lies inside a quote."""

    text: str
    start: int
    end: int
    paragraph: int
    tag: str
    universal: str
    quoted: bool


@dataclass(frozen=True)
class PosProfile:
    """Shares of universal parts of speech (NOUN, VERB, ADJ, ...) in the body, and its adjectives and adverbs.

    ``adjectives`` and ``adverbs`` outside quotes are the reporter's own colour; ``quoted`` tells.
    """

    counts: tuple[tuple[str, int], ...]
    total: int
    adjectives: tuple[TaggedWord, ...]
    adverbs: tuple[TaggedWord, ...]

    @property
    def shares(self) -> dict[str, float]:
        return {t: c / self.total for t, c in self.counts} if self.total else {}

    def reporter_adjectives(self) -> list[str]:
        """Adjectives outside quotes, as written."""
        return [w.text for w in self.adjectives if not w.quoted]

    def to_dict(self) -> dict[str, Any]:
        def words(ws: tuple[TaggedWord, ...]) -> list[dict[str, Any]]:
            return [{"text": w.text, "start": w.start, "end": w.end, "paragraph": w.paragraph, "tag": w.tag,
                     "quoted": w.quoted} for w in ws]

        return {"total": self.total, "counts": dict(self.counts),
                "shares": {k: round(v, 4) for k, v in self.shares.items()},
                "adjectives": words(self.adjectives), "adverbs": words(self.adverbs)}

    def __str__(self) -> str:
        shares = self.shares
        table = _plain(("part of speech", "count", "share"), [(t, str(c), f"{shares[t]:.1%}") for t, c in self.counts],
                       f"Parts of speech ({_n(self.total, 'word')} in the body)")
        return "\n".join([table, "Adjectives (* = inside a quote): "
                           + ", ".join(w.text + "*" * w.quoted for w in self.adjectives),
                           "Adverbs: " + ", ".join(w.text + "*" * w.quoted for w in self.adverbs)])

    def _repr_html_(self) -> str:
        shares = self.shares
        rows = [(_esc(t), str(c), f"{shares[t]:.1%}") for t, c in self.counts]

        def listing(ws: tuple[TaggedWord, ...]) -> str:
            return ", ".join(_esc(w.text) if w.quoted else f"<b>{_esc(w.text)}</b>" for w in ws)

        return (_table(("part of speech", "count", "share"), rows, f"{self.total} words in the body")
                + f"<p><b>Adjectives</b> (bold = reporter's own words): {listing(self.adjectives)}</p>"
                + f"<p><b>Adverbs</b>: {listing(self.adverbs)}</p>")


def pos_profile(article: Article) -> PosProfile:
    """Universal-tagset shares of the body's words, and its adjectives and adverbs with spans.

    >>> import newskit
    >>> "despicable" in [w.text for w in pos_profile(newskit.sample()).adjectives]
    True
    """
    def build() -> PosProfile:
        from .core import resources

        mapping = resources.universal_tag_map()
        tags = _tags(article)
        idx = _index(article)
        norms = idx.norms[idx.n_headline:]  # None for punctuation and clitics
        words = article.words
        quoted = _quote_test(article)
        # count the Penn tags of the words, then map each distinct tag to its universal tag
        tagged = [tag for tag, norm in zip(tags, norms, strict=False) if norm is not None]
        counts: Counter[str] = Counter()
        for tag, c in Counter(tagged).items():
            counts[mapping.get(tag, "X")] += c
        adjs: list[TaggedWord] = []
        advs: list[TaggedWord] = []
        wanted = {tag for tag in set(tagged) if mapping.get(tag, "X") in ("ADJ", "ADV")}
        for k in [k for k, tag in enumerate(tags[:len(norms)]) if tag in wanted and norms[k] is not None]:
            w, tag = words[k], tags[k]
            uni = mapping.get(tag, "X")
            tw = TaggedWord(w.text, w.start, w.end, w.paragraph, tag, uni, quoted(w.start))
            (adjs if uni == "ADJ" else advs).append(tw)
        total = sum(counts.values())
        return PosProfile(tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))), total, tuple(adjs), tuple(advs))

    return _cached(article, "pos_profile", build)


# ------------------------------------------------------------------------------------------------
# Tone (VADER)
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceTone:
    """VADER scores of one body sentence; ``quoted_share`` is the share of its characters inside quotes."""

    index: int
    start: int
    end: int
    paragraph: int
    compound: float
    positive: float
    negative: float
    neutral: float
    quoted_share: float


@dataclass(frozen=True)
class ParagraphTone:
    """VADER compound score (-1 .. +1) of a paragraph: all of it, the reporter's words, the quoted words (None if none)."""

    number: int
    start: int
    end: int
    compound_all: float
    compound_reporter: float | None
    compound_quoted: float | None
    reporter_chars: int
    quoted_chars: int


@dataclass(frozen=True)
class Sentiment:
    """Tone per sentence and per paragraph, with the reporter's text and quoted text scored apart.

    ``reporter`` and ``quoted`` are the means of the paragraph scores (None when there is no such text).
    """

    headline: float | None
    paragraphs: tuple[ParagraphTone, ...]
    sentences: tuple[SentenceTone, ...]
    reporter: float | None
    quoted: float | None
    overall: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"headline": self.headline, "overall": self.overall, "reporter": self.reporter, "quoted": self.quoted,
                "paragraphs": [{"number": p.number, "start": p.start, "end": p.end, "compound_all": p.compound_all,
                                "compound_reporter": p.compound_reporter, "compound_quoted": p.compound_quoted,
                                "reporter_chars": p.reporter_chars, "quoted_chars": p.quoted_chars}
                               for p in self.paragraphs],
                "sentences": [{"index": s.index, "start": s.start, "end": s.end, "paragraph": s.paragraph,
                               "compound": s.compound, "positive": s.positive, "negative": s.negative,
                               "neutral": s.neutral, "quoted_share": round(s.quoted_share, 4)}
                              for s in self.sentences]}

    def __str__(self) -> str:
        def f(v: float | None) -> str:
            return "–" if v is None else f"{v:+.2f}"

        title = (f"Tone (VADER compound, -1 negative to +1 positive): headline {f(self.headline)}, "
                 f"overall {f(self.overall)}, reporter's words {f(self.reporter)}, quoted words {f(self.quoted)}")
        rows = [(f"¶{p.number}", f(p.compound_all), f(p.compound_reporter), f(p.compound_quoted))
                for p in self.paragraphs]
        return _plain(("paragraph", "all", "reporter", "quoted"), rows, title, limit=40)

    def _repr_html_(self) -> str:
        def cell(v: float | None) -> str:
            if v is None:
                return "<span style='color:#aaa'>–</span>"
            colour = "#2e7d32" if v >= 0.05 else "#c62828" if v <= -0.05 else "#555"
            return f"<span style='color:{colour}'>{v:+.2f}</span>"

        rows = [(f"¶{p.number}", cell(p.compound_all), cell(p.compound_reporter), cell(p.compound_quoted))
                for p in self.paragraphs]
        cap = (f"VADER compound, -1 (negative) to +1 (positive). Headline {cell(self.headline)}; "
               f"reporter's words {cell(self.reporter)}; quoted words {cell(self.quoted)}")
        return _table(("paragraph", "all", "reporter", "quoted"), rows, cap)


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _vader_scorer(analyser: Any) -> Callable[[str], dict[str, float]]:
    """``analyser.polarity_scores``, made cheaper for news text with exactly the same results.

    Before scoring, VADER pairs every distinct word of the text with each of its 17 punctuation
    marks (",word", "word!!", ...) to recognise tokens such as "word," - most of its time goes
    there. A token can only be a word plus the punctuation run at its edge, so the scorer gives
    VADER (a private copy of it, for this text) only the punctuation runs that the text's tokens
    really begin or end with. If this VADER does not look as expected, the plain method is used.
    """
    constants = getattr(analyser, "constants", None)
    marks = getattr(constants, "PUNC_LIST", None)
    strip = getattr(constants, "REGEX_REMOVE_PUNCTUATION", None)
    if not (isinstance(marks, list) and all(isinstance(m, str) and m for m in marks) and hasattr(strip, "sub")):
        return analyser.polarity_scores
    try:  # the argument needs every mark's characters to be stripped from the words
        if strip.sub("", "".join(marks)):
            return analyser.polarity_scores
    except Exception:  # noqa: BLE001
        return analyser.polarity_scores
    chars = frozenset("".join(marks))
    view = copy.copy(analyser)
    view.constants = copy.copy(constants)

    def scores(text: str) -> dict[str, float]:
        edges: set[str] = set()
        for tok in set(text.split()):
            i, j = 0, len(tok)
            while i < j and tok[i] in chars:
                i += 1
            while j > i and tok[j - 1] in chars:
                j -= 1
            edges.add(tok[:i])
            edges.add(tok[j:])
        view.constants.PUNC_LIST = [m for m in marks if m in edges]
        return view.polarity_scores(text)

    return scores


class _SpanIndex:
    """Spans sorted by start, with the running maximum of their ends, to find those meeting a range by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.reach = list(itertools.accumulate((e for _, e in spans), max))

    def meeting(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that may overlap [start, end), in order (a superset: the caller clips)."""
        lo = bisect.bisect_right(self.reach, start)  # every span before lo ends at or before start
        hi = bisect.bisect_left(self.starts, end, lo)  # every span from hi on starts at or after end
        return self.spans[lo:hi]


def _segments(start: int, end: int, holes: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Split [start, end) into (outside holes, inside holes) spans."""
    outside: list[tuple[int, int]] = []
    inside: list[tuple[int, int]] = []
    pos = start
    for s, e in holes:
        s, e = max(s, start), min(e, end)
        if e <= s:
            continue
        if s > pos:
            outside.append((pos, s))
        inside.append((s, e))
        pos = max(pos, e)
    if pos < end:
        outside.append((pos, end))
    return outside, inside


def sentiment(article: Article) -> Sentiment:
    """VADER tone per sentence and per paragraph, with the reporter's words and quoted words apart.

    Quotes come from :func:`newskit.sources.quotes`; a paragraph's reporter text is what lies
    outside the quoted pieces.

    >>> import newskit
    >>> s = sentiment(newskit.sample())
    >>> len(s.paragraphs), s.paragraphs[0].number
    (15, 1)
    """
    def build() -> Sentiment:
        from .core import resources

        vader = _vader_scorer(resources.vader())
        text = article.text
        quoted = _SpanIndex(_quoted_spans(article))
        scored: dict[str, dict[str, float]] = {}

        def polarity(s: str) -> dict[str, float]:
            # the same text (a one-sentence paragraph, a paragraph without quotes) is scored once
            sc = scored.get(s)
            if sc is None:
                sc = scored[s] = vader(s)
            return sc

        def score(s: str) -> float | None:
            if not any(c.isalpha() for c in s):
                return None
            return round(float(polarity(s)["compound"]), 4)

        paras: list[ParagraphTone] = []
        for p in article.paragraphs:
            out, ins = _segments(p.start, p.end, quoted.meeting(p.start, p.end))
            rep = " ".join(text[s:e] for s, e in out)
            quo = " ".join(text[s:e] for s, e in ins)
            paras.append(ParagraphTone(p.number, p.start, p.end, score(p.text) or 0.0, score(rep), score(quo),
                                       sum(e - s for s, e in out), sum(e - s for s, e in ins)))
        sents: list[SentenceTone] = []
        for s in article.sentences:
            sc = polarity(s.text)
            _, ins = _segments(s.start, s.end, quoted.meeting(s.start, s.end))
            share = sum(e - b for b, e in ins) / max(1, s.end - s.start)
            sents.append(SentenceTone(s.index, s.start, s.end, s.paragraph, round(float(sc["compound"]), 4),
                                      float(sc["pos"]), float(sc["neg"]), float(sc["neu"]), share))
        head = score(article.headline) if article.headline else None
        return Sentiment(head, tuple(paras), tuple(sents),
                         _mean([p.compound_reporter for p in paras if p.compound_reporter is not None]),
                         _mean([p.compound_quoted for p in paras if p.compound_quoted is not None]),
                         _mean([p.compound_all for p in paras]))

    return _cached(article, "sentiment", build)


# ------------------------------------------------------------------------------------------------
# Phrase matching over the index (hedges, loaded words, group labels)
# ------------------------------------------------------------------------------------------------


def _phrase_table(phrases: Iterable[tuple[str, Any]]) -> dict[str, list[tuple[tuple[str, ...], Any]]]:
    """First unit -> [(units, payload)], longest first."""
    table: dict[str, list[tuple[tuple[str, ...], Any]]] = defaultdict(list)
    for phrase, payload in phrases:
        units: list[str] = []
        for part in phrase.split():
            units.extend(part[s:e] for s, e in _split_hyphens(part))
        if units:
            table[units[0]].append((tuple(units), payload))
    for v in table.values():
        v.sort(key=lambda x: -len(x[0]))
    return dict(table)


def _match_phrases(idx: _Index, table: dict[str, list[tuple[tuple[str, ...], Any]]]) -> list[tuple[int, int, Any]]:
    """Non-overlapping longest matches as (first unit, last unit, payload), in text order."""
    out: list[tuple[int, int, Any]] = []
    forms = idx.u_form
    n = len(forms)
    resume = 0  # units before this one are part of a match already
    for u in [u for u, form in enumerate(forms) if form in table]:  # only units that may start a phrase
        if u < resume:
            continue
        for units, payload in table[forms[u]]:
            last = u + len(units) - 1
            if last >= n:
                continue
            if last == u or forms[u + 1] == units[1] and \
                    all(forms[u + k] == units[k] and idx.adjacent(u + k) for k in range(1, len(units))):
                out.append((u, last, payload))
                resume = last + 1
                break
    return out


# ------------------------------------------------------------------------------------------------
# Hedges, boosters, modals
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HedgeHit:
    """A hedge, booster or modal verb: ``category`` ("hedge", "booster", "modal"), ``kind`` (its sub-type)."""

    text: str
    start: int
    end: int
    paragraph: int | None
    category: str
    kind: str
    quoted: bool


@dataclass(frozen=True)
class Hedges:
    """Hedging and certainty: every hedge, booster and modal verb, in text order."""

    hits: tuple[HedgeHit, ...]

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self):  # noqa: ANN204
        return iter(self.hits)

    def by_category(self, category: str) -> list[HedgeHit]:
        return [h for h in self.hits if h.category == category]

    @property
    def counts(self) -> dict[str, int]:
        c = Counter(h.category for h in self.hits)
        return {k: c.get(k, 0) for k in ("hedge", "booster", "modal")}

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts,
                "hits": [{"text": h.text, "start": h.start, "end": h.end, "paragraph": h.paragraph,
                          "category": h.category, "kind": h.kind, "quoted": h.quoted} for h in self.hits]}

    def _caption(self) -> str:
        c = self.counts
        return (f"{_n(c['hedge'], 'hedge')}, {_n(c['booster'], 'booster')}, "
                f"{_n(c['modal'], 'other modal verb')}")

    def __str__(self) -> str:
        rows = [(_para_label(h.paragraph), h.text, h.category, h.kind, "quoted" if h.quoted else "reporter")
                for h in self.hits]
        return _plain(("where", "words", "category", "kind", "voice"), rows, f"Hedging and certainty: {self._caption()}",
                      limit=40)

    def _repr_html_(self) -> str:
        colours = {"hedge": "#fff3c4", "booster": "#ffd6d6", "modal": "#dde8ff"}
        rows = [(_para_label(h.paragraph), f"<span style='background:{colours[h.category]}'>{_esc(h.text)}</span>",
                 _esc(h.category), _esc(h.kind), "quoted" if h.quoted else "reporter") for h in self.hits]
        return _table(("where", "words", "category", "kind", "voice"), rows, self._caption())


#: Approximators that hedge only when a number follows ("up to 300", not "step up to the plate").
_BEFORE_NUMBER = frozenset({"up to", "as many as", "as much as", "an estimated", "estimated"})


def _number_follows(idx: _Index, last: int) -> bool:
    if last + 1 >= len(idx.u_form) or not idx.adjacent(last + 1):
        return False
    nxt = idx.u_form[last + 1]
    return nxt in _UNITS or nxt in _SCALES or nxt in _VAGUE or nxt in ("a", "an") or _numeric(nxt) is not None


def _hedge_table() -> dict[str, list[tuple[tuple[str, ...], Any]]]:
    store = _hedge_table.__dict__
    if "t" not in store:
        items = [(p, ("hedge", k)) for k, ps in HEDGES.items() for p in ps]
        items += [(p, ("booster", k)) for k, ps in BOOSTERS.items() for p in ps]
        items += [(m, ("modal", kind)) for m, kind in MODALS.items() if m not in ("may", "might", "could", "must")]
        store["t"] = _phrase_table(items)
    return store["t"]


def hedges(article: Article) -> Hedges:
    """Hedges (reportedly, as many as, may...), boosters (clearly, strongest possible...) and modal verbs.

    Word lists: :data:`HEDGES`, :data:`BOOSTERS`, :data:`MODALS`. One-word modal verbs count only
    when the tagger reads them as modals (MD), so they are found in the body, not the headline.

    >>> import newskit
    >>> [h.text for h in hedges(newskit.sample()).by_category("booster")]
    ['clearly', 'in the strongest possible terms']
    """
    def build() -> Hedges:
        idx = _index(article)
        tags = _tags(article)
        text = article.text
        quoted = _quote_test(article)
        hits: list[HedgeHit] = []
        for u, last, (category, kind) in _match_phrases(idx, _hedge_table()):
            tok = idx.toks[idx.u_tok[u]]
            if kind == "modal" and u == last:
                if tok.body_index < 0 or tags[tok.body_index] != "MD":
                    continue
            if " ".join(idx.u_form[u:last + 1]) in _BEFORE_NUMBER and not _number_follows(idx, last):
                continue
            s, e = idx.u_start[u], idx.u_end[last]
            hits.append(HedgeHit(text[s:e], s, e, tok.paragraph, category, kind, quoted(s)))
        return Hedges(tuple(hits))

    return _cached(article, "hedges", build)


# ------------------------------------------------------------------------------------------------
# Loaded words
# ------------------------------------------------------------------------------------------------


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

    def __iter__(self):  # noqa: ANN204
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

    def __str__(self) -> str:
        rows = [(_para_label(h.paragraph), h.text, h.category, h.polarity or "", "quoted" if h.quoted else "reporter")
                for h in self.hits]
        counts = ", ".join(f"{v} {k}" for k, v in self.counts.items())
        return _plain(("where", "word", "category", "polarity", "voice"), rows, f"Loaded words: {counts}", limit=40)

    def _repr_html_(self) -> str:
        rows = [(_para_label(h.paragraph), _esc(h.text), _esc(h.category), _esc(h.polarity or ""),
                 "quoted" if h.quoted else "reporter") for h in self.hits]
        c = self.counts
        return _table(("where", "word", "category", "polarity", "voice"), rows,
                      ", ".join(f"{v} {k}" for k, v in c.items()))


def loaded_words(article: Article) -> LoadedWords:
    """Loaded words: Hu & Liu's opinion lexicon plus :data:`INTENSIFIERS` and :data:`EMOTIVE_WORDS`.

    A word in several lists gets the first of: emotive, intensifier, negative, positive
    (its Hu & Liu polarity is kept in ``polarity``).

    >>> import newskit
    >>> "despicable" in [h.text for h in loaded_words(newskit.sample())]
    True
    """
    def build() -> LoadedWords:
        from .core import resources

        positive, negative = resources.opinion_words()
        idx = _index(article)
        tags = _tags(article)
        toks, norms = idx.toks, idx.norms  # norms[i] is the word token i counts as (_norm of its folded text)
        quoted = _quote_test(article)
        # (category, polarity) of each distinct word form that is loaded at all
        loaded: dict[str, tuple[str, str | None]] = {}
        for w in set(idx.word_forms):
            pol = "negative" if w in negative else "positive" if w in positive else None
            if w in EMOTIVE_WORDS:
                loaded[w] = ("emotive", pol)
            elif w in INTENSIFIERS:
                loaded[w] = ("intensifier", pol)
            elif pol:
                loaded[w] = (pol, pol)
        hits: list[LoadedWord] = []
        for i in [i for i in idx.word_tok if norms[i] in loaded]:
            t = toks[i]
            if t.body_index >= 0 and tags[t.body_index] in ("NNP", "NNPS") and t.text[:1].isupper():
                continue  # names ("Josh Earnest") are not opinions
            cat, pol = loaded[norms[i]]  # type: ignore[index]
            hits.append(LoadedWord(t.text, t.start, t.end, t.paragraph, cat, pol, quoted(t.start)))
        return LoadedWords(tuple(hits))

    return _cached(article, "loaded_words", build)


# ------------------------------------------------------------------------------------------------
# Numbers
# ------------------------------------------------------------------------------------------------

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
          "half": 0.5, "quarter": 0.25, "dozen": 12}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"})
_PERCENT = frozenset({"%", "percent", "per cent"})


def _numeric(word: str) -> float | None:
    w = word.replace(",", "")
    if w.endswith("%"):
        w = w[:-1]
    try:
        return float(w) if any(c.isdigit() for c in w) else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Quantity:
    """A number in the text: its words, ``value`` (None when vague: "thousands"), the ``hedge`` before it.

    ``hedge_kind`` says what the hedge does ("at most", "at least", "about"); ``kind`` is
    "quantity", "percent", "money", "year" or "vague"; ``noun`` is the word counted, if it follows.
    """

    text: str
    start: int
    end: int
    paragraph: int | None
    value: float | None
    kind: str
    hedge: str | None
    hedge_kind: str | None
    hedge_start: int | None
    noun: str | None


@dataclass(frozen=True)
class Numbers:
    """The quantities an article gives, with their hedges."""

    items: tuple[Quantity, ...]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):  # noqa: ANN204
        return iter(self.items)

    def hedged(self) -> list[Quantity]:
        return [q for q in self.items if q.hedge]

    def to_dict(self) -> dict[str, Any]:
        return {"items": [{"text": q.text, "start": q.start, "end": q.end, "paragraph": q.paragraph,
                           "value": q.value, "kind": q.kind, "hedge": q.hedge, "hedge_kind": q.hedge_kind,
                           "hedge_start": q.hedge_start, "noun": q.noun} for q in self.items]}

    def __str__(self) -> str:
        rows = [(_para_label(q.paragraph), q.hedge or "", q.text, q.noun or "",
                 "" if q.value is None else f"{q.value:,.10g}", q.kind) for q in self.items]
        return _plain(("where", "hedge", "number", "of what", "value", "kind"), rows,
                      f"{_n(len(self.items), 'number')}, {len(self.hedged())} hedged", limit=40)

    def _repr_html_(self) -> str:
        rows = [(_para_label(q.paragraph), _esc(q.hedge or ""), f"<b>{_esc(q.text)}</b>", _esc(q.noun or ""),
                 "" if q.value is None else f"{q.value:,.10g}", _esc(q.kind)) for q in self.items]
        return _table(("where", "hedge", "number", "of what", "value", "kind"), rows,
                      f"{_n(len(self.items), 'number')}, {len(self.hedged())} hedged")


def _approximator_table() -> dict[str, list[tuple[tuple[str, ...], Any]]]:
    store = _approximator_table.__dict__
    if "t" not in store:
        store["t"] = {}
        for phrase, kind in APPROXIMATORS.items():
            words = tuple(phrase.split())
            store["t"].setdefault(words[-1], []).append((words, kind))
        for v in store["t"].values():
            v.sort(key=lambda x: -len(x[0]))
    return store["t"]


def numbers(article: Article) -> Numbers:
    """Quantities ("half a million", "3,000", "40%", "thousands") with the hedges before them ("as many as").

    >>> import newskit
    >>> q = numbers(newskit.sample()).items[0]
    >>> q.hedge, q.text, q.value
    ('As many as', 'half a million', 500000.0)
    """
    def build() -> Numbers:
        from .core import resources

        sw = resources.stopwords()
        idx = _index(article)
        toks = idx.toks
        text = article.text
        items: list[Quantity] = []
        n = len(toks)
        # _numeric of each distinct token, and the tokens that may start a number (all others are skipped)
        lowers = [t.lower for t in toks]
        numeric = {low: _numeric(low) for low in set(lowers)}
        starters = {low for low, num in numeric.items() if low in _UNITS or low in _SCALES or low in _VAGUE or
                    num is not None or low in ("a", "an")}
        resume = 0  # the scan goes on from here: tokens before it belong to a number already read
        for i in [i for i, low in enumerate(lowers) if low in starters]:
            if i < resume:
                continue
            low = toks[i].lower
            is_num = low in _UNITS or low in _SCALES or low in _VAGUE or numeric[low] is not None
            nxt_low = toks[i + 1].lower if i + 1 < n else ""
            starts_a = low in ("a", "an") and (nxt_low in _SCALES or nxt_low in ("dozen", "half", "quarter"))
            if not (is_num or starts_a) or (low in ("half", "quarter") and not (i + 1 < n and toks[i + 1].lower in
                                                                                ("a", "an", *_SCALES))):
                continue
            j = i
            while j + 1 < n and toks[j + 1].sentence == toks[i].sentence:
                nxt = toks[j + 1].lower
                if nxt in _UNITS or nxt in _SCALES or numeric[nxt] is not None:
                    j += 1
                elif nxt in ("a", "an", "and") and j + 2 < n and (toks[j + 2].lower in _SCALES or
                                                                  toks[j + 2].lower in _UNITS):
                    j += 1
                elif nxt == "of" and toks[j].lower in _VAGUE and j + 2 < n and toks[j + 2].lower in _VAGUE:
                    j += 1
                elif nxt in _VAGUE and toks[j].lower in ("of",):
                    j += 1
                else:
                    break
            words = lowers[i:j + 1]
            if words == ["one"] and not (i > 0 and toks[i - 1].lower in ("just", "only")):
                resume = j + 1
                continue
            # value
            value: float | None = 0.0
            total = 0.0
            current = 0.0
            vague = False
            for w in words:
                num = numeric[w]
                if num is not None:
                    current += num
                elif w in _UNITS:
                    current = current * 12 if w == "dozen" and current else current + _UNITS[w]
                elif w == "hundred":
                    current = (current or 1) * 100
                elif w in _SCALES:
                    total += (current or 1) * _SCALES[w]
                    current = 0.0
                elif w in _VAGUE:
                    vague = True
            value = None if vague else total + current
            kind = "vague" if vague else "quantity"
            end_tok = j
            if j + 1 < n and (toks[j + 1].lower in _PERCENT or (toks[j + 1].lower == "per" and j + 2 < n
                                                               and toks[j + 2].lower == "cent")):
                kind = "percent"
                end_tok = j + 1 if toks[j + 1].lower != "per" else j + 2
            elif words[-1].endswith("%"):
                kind = "percent"
            elif i > 0 and toks[i - 1].text in ("$", "£", "€") and toks[i - 1].sentence == toks[i].sentence:
                kind = "money"
            elif len(words) == 1 and words[0].isdigit() and len(words[0]) == 4 and 1800 <= int(words[0]) <= 2100:
                kind = "year"
            # hedge before
            hedge = hedge_kind = None
            hedge_start = None
            k = i - 1
            if k >= 0 and toks[k].text in ("$", "£", "€"):
                k -= 1
            if k >= 0:
                for phrase, hk in _approximator_table().get(toks[k].lower, ()):
                    first = k - len(phrase) + 1
                    if first >= 0 and tuple(t.lower for t in toks[first:k + 1]) == phrase and \
                            toks[first].sentence == toks[i].sentence:
                        hedge_start = toks[first].start
                        hedge = text[hedge_start:toks[k].end]
                        hedge_kind = hk
                        break
            if kind == "year" and hedge is None:
                pass
            elif kind == "year":
                kind = "quantity"
            noun = None
            if end_tok + 1 < n and toks[end_tok + 1].sentence == toks[i].sentence:
                nxt = toks[end_tok + 1]
                if nxt.text.isalpha() and nxt.lower not in sw:
                    noun = nxt.text
                elif nxt.lower == "of" and end_tok + 2 < n and toks[end_tok + 2].text.isalpha() and \
                        toks[end_tok + 2].lower not in sw:
                    noun = toks[end_tok + 2].text
            s, e = toks[i].start, toks[end_tok].end
            items.append(Quantity(text[s:e], s, e, toks[i].paragraph, value, kind, hedge, hedge_kind, hedge_start,
                                  noun))
            resume = end_tok + 1
        return Numbers(tuple(items))

    return _cached(article, "numbers", build)


# ------------------------------------------------------------------------------------------------
# Voice: passives
# ------------------------------------------------------------------------------------------------


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

    def __iter__(self):  # noqa: ANN204
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
        return f"{_n(len(self.items), 'passive')}, {len(self.agentless())} without an agent"

    def __str__(self) -> str:
        rows = [(f"¶{p.paragraph + 1}", p.text, p.verb, p.agent or "(no agent)") for p in self.items]
        return _plain(("where", "passive", "verb", "agent (by ...)"), rows, f"Passive voice: {self._caption()}",
                      limit=40)

    def _repr_html_(self) -> str:
        rows = [(f"¶{p.paragraph + 1}", _esc(p.text), _esc(p.verb),
                 _esc(p.agent) if p.agent else "<i style='color:#c62828'>no agent</i>") for p in self.items]
        return _table(("where", "passive", "verb", "agent (by ...)"), rows, self._caption())


_NP_TAGS = frozenset({"DT", "PDT", "PRP$", "PRP", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS"})


def passives(article: Article) -> Passives:
    """Passive constructions: a form of "be" or "get", optional adverbs or a comma-fenced aside, then a past participle.

    Found with NLTK's tagger (Penn tags). Coordinated participles ("trained and equipped")
    count as one construction; "by" + a noun phrase after it is the agent.

    >>> import newskit
    >>> [p.agent for p in passives(newskit.sample()) if p.verb == "trained and equipped"]
    ['the Americans']
    """
    def build() -> Passives:
        tags = _tags(article)
        words = article.words
        text = article.text
        idx = _index(article)
        toks, n_head = idx.toks, idx.n_headline
        lows = [t.lower for t in toks[n_head:]]  # _fold(w.text) of each body word
        # each body sentence's words (their indexes in article.words), quote marks left out
        by_sentence: dict[int, list[int]] = {}
        for group in _sentence_tokens(article):
            if toks[group[0]].sentence >= 0:
                by_sentence[toks[group[0]].sentence] = [i - n_head for i in group if toks[i].text not in _QUOTE_TOKENS]
        items: list[Passive] = []
        for sent, idxs in by_sentence.items():
            m = len(idxs)
            resume = 0  # the scan goes on from here: tokens before it belong to a passive already found
            for k in [k for k, b in enumerate(idxs) if lows[b] in _BE_FORMS]:  # only a "be" or "get" can start one
                if k < resume or tags[idxs[k]] in ("NN", "NNP"):
                    continue
                w = words[idxs[k]]
                j = k + 1
                # adverbs, "not", or one comma-fenced aside of up to 8 tokens
                while j < m:
                    tg = tags[idxs[j]]
                    low = lows[idxs[j]]
                    if tg.startswith("RB") or low in ("not", "n't"):
                        j += 1
                        continue
                    if low == ",":
                        close = next((x for x in range(j + 1, min(m, j + 10)) if words[idxs[x]].text == ","), None)
                        if close is not None and close + 1 < m and tags[idxs[close + 1]] in ("VBN", "RB"):
                            j = close + 1
                            continue
                    break
                if j >= m or tags[idxs[j]] != "VBN" and not (tags[idxs[j]] == "VBD" and j == k + 1):
                    continue
                verbs = [j]
                x = j + 1
                while x + 1 < m and lows[idxs[x]] in ("and", "or", ",") and tags[idxs[x + 1]] in ("VBN", "VBD"):
                    verbs.append(x + 1)
                    x += 2
                last = verbs[-1]
                # auxiliaries before "be": has/have/had, modals, "not", "to"
                first = k
                while first > 0 and (tags[idxs[first - 1]] == "MD" or lows[idxs[first - 1]] in _AUX_BEFORE):
                    first -= 1
                    if lows[idxs[first]] == "to":
                        break
                agent = agent_span = None
                end_tok = last
                if last + 1 < m and lows[idxs[last + 1]] == "by":
                    y = last + 2
                    while y < m and (tags[idxs[y]] in _NP_TAGS or (lows[idxs[y]] in ("of", "in") and y + 1 < m
                                                                  and tags[idxs[y + 1]] in _NP_TAGS)):
                        y += 1
                    if y > last + 2:
                        a0, a1 = words[idxs[last + 2]].start, words[idxs[y - 1]].end
                        agent, agent_span = text[a0:a1], (a0, a1)
                        end_tok = y - 1
                elif last + 1 < m and lows[idxs[last + 1]] in _PASSIVE_PREPS:
                    end_tok = last + 1
                vs = words[idxs[verbs[0]]].start
                ve = words[idxs[last]].end
                s, e = words[idxs[first]].start, words[idxs[end_tok]].end
                aux = " ".join(words[idxs[a]].text for a in range(first, k + 1))
                items.append(Passive(text[s:e], s, e, w.paragraph, sent, text[vs:ve], aux, agent, agent_span))
                resume = end_tok + 1
        items.sort(key=lambda p: p.start)
        return Passives(tuple(items))

    return _cached(article, "passives", build)


# ------------------------------------------------------------------------------------------------
# Naming and labels
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    """One way of naming an actor: the words (apostrophes made straight), how often, and where."""

    text: str
    count: int
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class ActorGroup:
    """One actor and every label the article uses for it.

    ``kind``: "person", "organisation" (acronyms and their expansions, known groups), "group"
    (only generic labels such as "militants"), or "name" (other multi-word names). ``category``
    is the :data:`GROUP_LABELS` category of its generic labels, if any.
    """

    name: str
    kind: str
    category: str | None
    labels: tuple[Label, ...]

    @property
    def count(self) -> int:
        return sum(lb.count for lb in self.labels)

    @property
    def texts(self) -> list[str]:
        return [lb.text for lb in self.labels]

    def label(self, text: str) -> Label | None:
        """The label written exactly *text* (straight apostrophes), or None."""
        return next((lb for lb in self.labels if lb.text == text), None)


@dataclass(frozen=True)
class Labels:
    """How the article names each actor: one group per actor, most mentioned first."""

    groups: tuple[ActorGroup, ...]

    def __len__(self) -> int:
        return len(self.groups)

    def __iter__(self):  # noqa: ANN204
        return iter(self.groups)

    def find(self, label: str) -> ActorGroup | None:
        """The group that has a label written *label* (case-insensitive), or None."""
        want = _fold(label)
        return next((g for g in self.groups if any(_fold(lb.text) == want for lb in g.labels)), None)

    def to_dict(self) -> dict[str, Any]:
        return {"groups": [{"name": g.name, "kind": g.kind, "category": g.category, "count": g.count,
                            "labels": [{"text": lb.text, "count": lb.count, "spans": [list(s) for s in lb.spans]}
                                       for lb in g.labels]} for g in self.groups]}

    def __str__(self) -> str:
        rows = [(g.name, g.kind + (f" ({g.category})" if g.category else ""), str(g.count),
                 ", ".join(f"{lb.text} ×{lb.count}" for lb in g.labels)) for g in self.groups]
        return _plain(("actor", "kind", "mentions", "labels"), rows, "How the article names each actor", limit=30,
                      width=90)

    def _repr_html_(self) -> str:
        rows = [(f"<b>{_esc(g.name)}</b>", _esc(g.kind + (f" ({g.category})" if g.category else "")), str(g.count),
                 ", ".join(f"{_esc(lb.text)}&nbsp;×{lb.count}" for lb in g.labels)) for g in self.groups]
        return _table(("actor", "kind", "mentions", "labels"), rows, "How the article names each actor")


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    key: str  # union-find key
    source: str  # "acronym", "name", "person", "lexicon"
    category: str | None = None
    qualifier: str | None = None
    tokens: tuple[int, int] = (0, 0)  # first, last token position in the index
    parts: tuple[str, str | None] | None = None  # a person's (surname key, first name)


def _label_text(s: str) -> str:
    return " ".join(s.replace("\u2019", "'").replace("\u2018", "'").split())


def _is_acronym(t: str) -> bool:
    letters = t.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _is_cap(t: str) -> bool:
    if not t or not t[0].isalpha():
        return False
    low = t.lower()
    for p in _NAME_PREFIXES:
        if low.startswith(p) and len(t) > len(p) and t[len(p)].isupper():
            return True
    return t[0].isupper()


def _surname_key(name_tokens: list[str]) -> str:
    last = _fold(name_tokens[-1])
    for p in _NAME_PREFIXES:
        if last.startswith(p) and len(last) > len(p):
            return last[len(p):]
    return last


_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "april", "june", "july", "august", "september", "october", "november",
                       "december"})


def _person_parts(name_tokens: list[str]) -> tuple[str, str | None]:
    """(surname key, first name or None) of a name's words."""
    first = _fold(name_tokens[0]) if len(name_tokens) > 1 else None
    return _surname_key(name_tokens), first


def _same_nation(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short[:-1] if short.endswith("a") else short)


def _heading_like(article: Article) -> set[int]:
    """Indexes of body paragraphs that read like a caption or subhead (title case, no sentence ending)."""
    out: set[int] = set()
    for p in article.paragraphs:
        words = p.text.split()
        if not words or p.text.rstrip()[-1:] in ".!?\"'”’…:;":
            continue
        long_words = [w for w in words if len(w) > 3]
        if long_words and sum(1 for w in long_words if w[0].isupper()) >= 2 * len(long_words) / 3:
            out.add(p.index)
    return out


def _shouting(idx: _Index, groups: list[list[int]]) -> list[bool]:
    """For each sentence group: is it written in capitals (most of its words, at least 3 of them, upper case)?"""
    # per token: 1 when it is a word with a letter in it, and 1 when that word is also upper case
    # (worked out once per distinct token text, then summed per sentence)
    texts = [t.text for t in idx.toks]
    lettered_text: dict[str, int] = {}
    upper_text: dict[str, int] = {}
    for t in {t.text: t for t in idx.toks}.values():
        has_letter = t.is_word and any(c.isalpha() for c in t.text)
        lettered_text[t.text] = int(has_letter)
        upper_text[t.text] = int(has_letter and t.text.isupper())
    lettered = [lettered_text[t] for t in texts]
    upper_case = [upper_text[t] for t in texts]
    out: list[bool] = []
    for group in groups:
        words = sum(map(lettered.__getitem__, group))
        upper = sum(map(upper_case.__getitem__, group))
        out.append(words >= 3 and upper > words / 2)
    return out


def _title_tables() -> tuple[dict[str, list[tuple[str, ...]]], dict[str, list[tuple[str, ...]]]]:
    store = _title_tables.__dict__
    if "t" not in store:
        t: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        lab: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for title in TITLES:
            words = tuple(title.split())
            t[words[0]].append(words)
        for cat, ls in GROUP_LABELS.items():
            for label in ls:
                words = tuple(label.split())
                lab[words[0]].append(words + (cat,))
        for d in (t, lab):
            for v in d.values():
                v.sort(key=lambda x: -len(x))
        store["t"] = (dict(t), dict(lab))
    return store["t"]


def labels(article: Article) -> Labels:
    """How the article names each actor, grouped into one entry per actor with every label and its count.

    Grouping rules (general, documented): an acronym joins the name it stands for when it follows
    it in brackets ("Islamic State of Iraq in Syria (ISIS ...)"), and other acronyms in the same
    brackets ("sometimes referred to ISIL") join too; a person's names and titles join on the
    surname ("Prime Minister Maliki", "al-Maliki"); generic labels from :data:`GROUP_LABELS`
    join by category: "armed group" labels ("militants", "extremists") go to the most mentioned
    named armed group (:data:`ARMED_GROUP_NAMES`), "state forces" and "government" labels group
    by their qualifier ("Iraqi troops", "Iraq's Army"; unqualified ones join the most mentioned
    qualifier). Single one-word names with a single form (places, mostly) are left out.

    >>> import newskit
    >>> sorted(newskit.sample().labels().find("ISIL").texts)[:3]
    ['ISIL', 'ISIS', 'Islamic State of Iraq in Syria']
    """
    return _cached(article, "labels", lambda: _build_labels(article))


def _build_labels(article: Article) -> Labels:  # noqa: C901 - one pass per rule, kept together for reading
    from .core import resources

    sw = resources.stopwords()
    idx = _index(article)
    toks = idx.toks
    tags = _tags(article)
    titles, lexicon = _title_tables()
    headings = _heading_like(article)
    groups_by_sentence = _sentence_tokens(article)
    shouting_groups = _shouting(idx, groups_by_sentence)
    text = article.text

    capitalised: dict[str, bool] = {}

    def is_cap(t: str) -> bool:  # _is_cap, worked out once per distinct token text
        v = capitalised.get(t)
        if v is None:
            v = capitalised[t] = _is_cap(t)
        return v

    def tag(i: int) -> str | None:
        b = toks[i].body_index
        return tags[b] if b >= 0 else None

    def is_heading(i: int) -> bool:
        return toks[i].paragraph is None or toks[i].paragraph in headings

    lowers = [t.lower for t in toks]
    mentions: list[_Mention] = []
    # 1. generic labels from the lexicon (case-insensitive), with qualifiers
    for group, shouting in zip(groups_by_sentence, shouting_groups, strict=True):
        for pos in [pos for pos, i in enumerate(group) if lowers[i] in lexicon]:  # the tokens that may start a label
            i = group[pos]
            low = lowers[i]
            for entry in lexicon[low]:
                words, cat = entry[:-1], entry[-1]
                if pos + len(words) > len(group):
                    continue
                if tuple(toks[group[pos + k]].lower for k in range(len(words))) != words:
                    continue
                last = group[pos + len(words) - 1]
                if words[-1] in _NOUN_ONLY_LABELS and (tag(last) or "") not in ("NN", "NNS"):
                    continue
                first = i
                qualifier = None
                fp = pos
                heading = is_heading(i) or shouting
                # one capitalised or hyphenated modifier right before ("Iraqi troops", "Shiite-led government")
                if fp > 0:
                    prev = toks[group[fp - 1]]
                    if prev.is_word and prev.lower not in sw and not heading and (
                            is_cap(prev.text) and (fp - 1 > 0 or tag(group[fp - 1]) in ("NNP", "NNPS", "JJ"))
                            and not (cat == "armed group" and _is_acronym(prev.text))
                            or any(h in prev.text for h in _HYPHENS)):
                        fp -= 1
                        first = group[fp]
                        if is_cap(prev.text) and not any(h in prev.text for h in _HYPHENS):
                            qualifier = prev.text
                # a possessive proper name before that ("Iraq's Army")
                if fp > 1 and toks[group[fp - 1]].lower == "'s" and is_cap(toks[group[fp - 2]].text):
                    fp -= 2
                    first = group[fp]
                    qualifier = toks[first].text
                # "government of Iraq"
                end = last
                lp = pos + len(words) - 1
                if cat != "armed group" and lp + 2 < len(group) and toks[group[lp + 1]].lower == "of" and \
                        is_cap(toks[group[lp + 2]].text) and not heading:
                    end = group[lp + 2]
                    qualifier = toks[end].text
                s, e = toks[first].start, toks[end].end
                surface = _label_text(text[s:e])
                if qualifier is None and not (first != i and is_cap(toks[first].text)):
                    surface = surface.lower()
                mentions.append(_Mention(s, e, surface, f"lex:{cat}", "lexicon", cat, qualifier, (first, end)))
                break
    # 2. names: acronyms and runs of capitalised words (body sentences that are not headings)
    title_prefixes = {t[:k] for ts in titles.values() for t in ts for k in range(1, len(t) + 1)}
    # the part of starts_name() that depends only on a token's text, once per distinct text
    name_like_text = {tt.text: tt.is_word and tt.text != "I" and is_cap(tt.text) and tt.lower not in sw and
                      tt.lower not in _CALENDAR for tt in {tt.text: tt for tt in toks}.values()}
    name_like = [name_like_text[tt.text] for tt in toks]
    names: list[_Mention] = []
    for group, shouting in zip(groups_by_sentence, shouting_groups, strict=True):
        if not group or is_heading(group[0]) or shouting:
            continue
        candidates = [pos for pos, i in enumerate(group) if name_like[i]]  # only these can start a name
        if not candidates:
            continue
        first_word = next((i for i in group if toks[i].is_word), None)

        def starts_name(i: int, first_word: int | None = first_word) -> bool:
            if not name_like[i]:
                return False
            if i == first_word:
                return tag(i) in ("NNP", "NNPS") or _is_acronym(toks[i].text)
            return True

        resume = 0  # tokens before this position are part of a name already read
        for pos in candidates:
            if pos < resume:
                continue
            i = group[pos]
            if not starts_name(i):
                continue
            run = [pos]
            caps = 1
            q = pos + 1
            while q < len(group):
                j = group[q]
                low = toks[j].lower
                if starts_name(j):
                    if (low,) in title_prefixes and \
                            tuple(lowers[group[r]] for r in run) + (low,) not in title_prefixes:
                        break  # "Said Mr Fogg": a title starts a new name
                    run.append(q)
                    caps += 1
                    q += 1
                    continue
                step = 2 if low in ("of", "for", "in", "and") and q + 1 < len(group) and toks[group[q + 1]].lower == "the" \
                    else 1
                need = 1 if low in ("of", "for") else 2 if low in ("in", "and") else None
                nxt = q + step
                if need and caps >= need and nxt < len(group) and starts_name(group[nxt]) and \
                        (toks[group[nxt]].lower,) not in title_prefixes and \
                        not (need == 2 and _is_acronym(toks[group[nxt]].text)):
                    run.extend(range(q, nxt))
                    q = nxt
                    continue
                break
            tok_ids = [group[r] for r in run]
            # a title inside the run ("Prime Minister Maliki") or in lower case just before it ("prime minister Maliki")
            run_words = [toks[j].lower for j in tok_ids]
            title_len = 0
            for cand in titles.get(run_words[0], ()):
                if tuple(run_words[:len(cand)]) == cand and len(cand) < len(run_words):
                    title_len = len(cand)
                    break
            start_tok = tok_ids[0]
            before_len = 0
            if not title_len and pos > 0:
                for back in (3, 2, 1):
                    if pos - back < 0 or lowers[group[pos - back]] not in titles:
                        continue
                    before = tuple(toks[group[pos - b]].lower for b in range(back, 0, -1))
                    if before in titles.get(before[0], ()):
                        start_tok = group[pos - back]
                        before_len = back
                        break
            name_ids = tok_ids[title_len:]
            s, e = toks[start_tok].start, toks[tok_ids[-1]].end
            surface = _label_text(text[s:e])
            connectors = any(toks[j].lower in ("of", "for", "in", "and", "the") for j in name_ids)
            if len(tok_ids) == 1 and _is_acronym(toks[i].text) and start_tok == i:
                names.append(_Mention(s, e, surface, f"acr:{toks[i].text.replace('.', '')}", "acronym", tokens=(i, i)))
            elif (title_len or before_len) and not connectors:
                m = _Mention(s, e, surface, "", "person", tokens=(start_tok, tok_ids[-1]))
                m.parts = _person_parts([toks[j].text for j in name_ids])
                names.append(m)
            else:
                m = _Mention(s, e, surface, "name:" + " ".join(run_words), "name", tokens=(start_tok, tok_ids[-1]))
                if len(name_ids) <= 3 and not connectors:
                    m.parts = _person_parts([toks[j].text for j in name_ids])
                names.append(m)
            resume = run[-1] + 1
    # 2b. headline and captions: only names already met in the body (title case there tells nothing)
    known: dict[tuple[str, ...], _Mention] = {}
    for m in names:
        seq = tuple(lowers[m.tokens[0]:m.tokens[1] + 1])
        known.setdefault(seq, m)
    longest = max((len(k) for k in known), default=0)
    for group in groups_by_sentence:
        if not group or not is_heading(group[0]):
            continue
        pos = 0
        while pos < len(group):
            hit = None
            for size in range(min(longest, len(group) - pos), 0, -1):
                seq = tuple(toks[group[pos + k]].lower for k in range(size))
                m = known.get(seq)
                if m is not None and all(is_cap(toks[group[pos + k]].text) for k in range(size) if
                                         toks[group[pos + k]].lower not in ("of", "for", "in", "and", "the")) and \
                        (m.source != "acronym" or toks[group[pos]].text.replace(".", "").isupper()):
                    hit = (size, m)
                    break
            if hit is None:
                pos += 1
                continue
            size, m = hit
            a, b = group[pos], group[pos + size - 1]
            names.append(_Mention(toks[a].start, toks[b].end, _label_text(text[toks[a].start:toks[b].end]), m.key,
                                  m.source, tokens=(a, b), parts=m.parts))
            pos += size
    # 3. overlaps: a longer span wins; equal spans: the lexicon wins
    everything = sorted(mentions + names, key=lambda m: (m.start, -(m.end - m.start), m.source != "lexicon"))
    kept: list[_Mention] = []
    for m in everything:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    # 4. union-find over keys
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    for m in kept:
        find(m.key)
    # people: names sharing a surname join, unless their first names differ ("Bill Clinton", "Hillary Clinton")
    person_like = [m for m in kept if m.source in ("person", "name") and m.parts]
    by_surname: dict[str, list[_Mention]] = defaultdict(list)
    for m in person_like:
        by_surname[m.parts[0]].append(m)  # type: ignore[index]
    for sur, ms in by_surname.items():
        richer = [m for m in ms if m.source == "person" or m.tokens[1] > m.tokens[0]]
        if not richer:
            continue  # only one-word names: places, mostly
        firsts = Counter(m.parts[1] for m in ms if m.parts[1])  # type: ignore[index]
        top_first = firsts.most_common(1)[0][0] if firsts else None
        for m in ms:
            if m.tokens[0] == m.tokens[1] and m.source == "name" and tag(m.tokens[0]) == "JJ" and \
                    not toks[m.tokens[0]].lower.startswith(_NAME_PREFIXES):
                continue  # "African" after "South African" is an adjective, not a surname
            first = m.parts[1] if len(firsts) > 1 else None  # type: ignore[index]
            if len(firsts) > 1 and first is None:
                first = top_first
            m.key = f"pers:{sur}" + (f":{first}" if first else "")
            find(m.key)
    # acronyms in brackets after a name (or a name in brackets after an acronym), and aliases in the same brackets
    by_first_tok = {m.tokens[0]: m for m in kept}
    for m in kept:
        if m.source not in ("name", "acronym", "person"):
            continue
        after = m.tokens[1] + 1
        if after < len(toks) and toks[after].text == "(" and toks[after].sentence == toks[m.tokens[0]].sentence:
            inside: list[_Mention] = []
            x = after + 1
            while x < len(toks) and toks[x].text != ")" and x - after < 15 and toks[x].sentence == toks[after].sentence:
                if x in by_first_tok and by_first_tok[x].source in ("acronym", "name"):
                    inside.append(by_first_tok[x])
                x += 1
            if inside and _expands(m, inside[0], toks):
                for other in inside:
                    union(m.key, other.key)
        # "X, also known as Y"
        y = after + (1 if after < len(toks) and toks[after].text == "," else 0)
        if y >= len(toks) or lowers[y] not in ("also", "known", "referred", "aka"):
            continue  # no cue can match
        for cue in (("also", "known", "as"), ("known", "as"), ("referred", "to", "as"), ("aka",)):
            if tuple(toks[z].lower for z in range(y, min(len(toks), y + len(cue)))) == cue:
                nxt = by_first_tok.get(y + len(cue))
                if nxt is not None and nxt.source in ("acronym", "name"):
                    union(m.key, nxt.key)
                break
    # armed-group names: gazetteer
    long_names = [g for g in ARMED_GROUP_NAMES if len(g) > 4]
    armed_roots: set[str] = set()
    armed_text: dict[str, bool] = {}  # worked out once per distinct label text
    for x in kept:
        if x.source != "lexicon":
            is_armed = armed_text.get(x.text)
            if is_armed is None:
                low = _fold(x.text)
                is_armed = armed_text[x.text] = low in ARMED_GROUP_NAMES or any(g in low for g in long_names)
            if is_armed:
                armed_roots.add(find(x.key))

    def armed(key_root: str) -> bool:
        return key_root in armed_roots

    root_counts = Counter(find(m.key) for m in kept if m.source != "lexicon")
    # generic labels
    lex = [m for m in kept if m.source == "lexicon"]
    armed_lex = [m for m in lex if m.category == "armed group"]
    if armed_lex:
        candidates = [r for r, _ in root_counts.most_common() if armed(r)]
        target = candidates[0] if candidates else "lex:armed group"
        for m in armed_lex:
            m.key = target
            find(target)
    for cat in ("state forces", "government"):
        ms = [m for m in lex if m.category == cat]
        nations: list[str] = []
        for m in ms:
            if m.qualifier:
                q = m.qualifier
                match = next((n for n in nations if _same_nation(n, q)), None)
                if match is None:
                    nations.append(q)
                    match = q
                m.key = f"lex:{cat}:{match.lower()}"
        counts = Counter(m.key for m in ms if m.qualifier)
        default = counts.most_common(1)[0][0] if counts else f"lex:{cat}"
        for m in ms:
            if not m.qualifier:
                m.key = default
            find(m.key)
    # 5. build the groups
    members: dict[str, list[_Mention]] = defaultdict(list)
    for m in kept:
        members[find(m.key)].append(m)
    result: list[tuple[int, int, ActorGroup]] = []
    for root, ms in members.items():
        sources_ = {m.source for m in ms}
        label_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in ms:
            label_spans[m.text].append((m.start, m.end))
        if sources_ == {"name"} and len(label_spans) == 1:
            only = ms[0]
            if only.tokens[0] == only.tokens[1] and not armed(root):
                continue  # a one-word name with one form: nothing to compare
        cats = [m.category for m in ms if m.category]
        category = Counter(cats).most_common(1)[0][0] if cats else None
        if "acronym" in sources_ or armed(root):
            kind = "organisation"
        elif "person" in sources_ or (root.startswith("pers:") and len(label_spans) > 1):
            kind = "person"
        elif sources_ == {"lexicon"}:
            kind = "group"
        else:
            kind = "name"
        first_pos = {t: min(sp)[0] for t, sp in label_spans.items()}
        lab = tuple(sorted((Label(t, len(sp), tuple(sorted(sp))) for t, sp in label_spans.items()),
                           key=lambda lb: (-lb.count, first_pos[lb.text])))
        name = _group_name(kind, ms, lab, first_pos, toks, titles)
        total = sum(lb.count for lb in lab)
        result.append((total, min(first_pos.values()), ActorGroup(name, kind, category, lab)))
    result.sort(key=lambda x: (-x[0], x[1]))
    return Labels(tuple(g for _, _, g in result))


def _expands(name: _Mention, other: _Mention, toks: list[_Tok]) -> bool:
    """True when one of the two is an acronym of the other (initials of the capitalised words)."""
    if name.source == "acronym" and other.source in ("name", "person"):
        name, other = other, name
    if other.source != "acronym" or name.source == "acronym":
        return False
    acr = other.text.replace(".", "").upper()
    words = [toks[i].text for i in range(name.tokens[0], name.tokens[1] + 1) if toks[i].is_word]
    caps = "".join(w[0].upper() for w in words if _is_cap(w) and w.lower() not in ("of", "in", "and", "the", "for"))
    every = "".join(w[0].upper() for w in words)
    return acr in (caps, every) or (len(acr) >= 2 and acr[0] == caps[:1] and _subsequence(acr, caps))


def _subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(c in it for c in short)


def _group_name(kind: str, ms: list[_Mention], lab: tuple[Label, ...], first_pos: dict[str, int], toks: list[_Tok],
                titles: dict[str, list[tuple[str, ...]]]) -> str:
    if kind == "person":
        forms: Counter[str] = Counter()
        for m in ms:
            words = [toks[i].text for i in range(m.tokens[0], m.tokens[1] + 1)]
            lows = [w.lower() for w in words]
            cut = 0
            for n in range(len(words) - 1, 0, -1):
                if tuple(lows[:n]) in titles.get(lows[0], ()):
                    cut = n
                    break
            forms[_label_text(" ".join(words[cut:]))] += 1
        multi = [f for f in forms if " " in f]
        if multi:
            return max(multi, key=lambda f: (forms[f], len(f)))
        return max(forms, key=lambda f: (forms[f], -len(f)))
    proper = [lb for lb in lab if any(_is_cap(w) for w in lb.text.split())]
    if kind == "organisation":
        proper = [lb for lb in lab if any(m.text == lb.text and m.source != "lexicon" for m in ms)] or proper
    pool = proper or list(lab)
    return min(pool, key=lambda lb: (-lb.count, first_pos[lb.text])).text
