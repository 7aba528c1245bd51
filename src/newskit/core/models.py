"""NLTK's models run faster, from plain data: the word tokenizer, the Punkt sentence splitter, the tagger.

Each class here gives exactly what NLTK's own class gives (``tests/test_resources.py`` checks
tokens, sentences and tags against NLTK on real articles and generated text), but is built from
plain data — lists, dictionaries, numpy arrays and NLTK's regular expressions as (source, flags)
— so :mod:`newskit.core.resources` can keep that data in its cache (JSON and ``.npz``, never a
pickle) and a fresh process need not import NLTK nor read its data files to split and tag text.

Nothing here imports NLTK: the ``from_nltk``/``spec_of`` functions receive NLTK's objects.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["FastPunkt", "FastTagger", "FastWordTokenizer", "WordMemo", "compile_spec", "pattern_spec"]

_V = TypeVar("_V")


class WordMemo(dict[str, _V]):
    """A memo of a pure function of one word: ``memo[word]`` computes ``fn(word)`` the first time,
    later lookups run in C. With *limit* it empties itself when full, so it stays bounded.

    >>> lengths = WordMemo(len)
    >>> lengths["Mosul"], lengths
    (5, {'Mosul': 5})
    """

    def __init__(self, fn: Callable[[str], _V], *, limit: int | None = None) -> None:
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, word: str) -> _V:
        if self.limit is not None and len(self) >= self.limit:
            self.clear()
        value = self[word] = self.fn(word)
        return value


def unwrapped(pattern: Any) -> Any:
    """The compiled pattern inside NLTK >= 3.10's ``redos.TimedPattern`` (which times every match), else *pattern*."""
    return getattr(pattern, "_rx", pattern)


def pattern_spec(pattern: Any) -> list[Any]:
    """A compiled pattern (``re``, ``regex``, or NLTK's wrapper of one) as JSON data: ``[source, flags, engine]``.

    >>> pattern_spec(re.compile(r"\\d+", re.I))
    ['\\\\d+', 34, 're']
    """
    rx = unwrapped(pattern)
    engine = "regex" if type(rx).__module__.lstrip("_").startswith("regex") else "re"
    return [rx.pattern, int(rx.flags), engine]


def compile_spec(spec: list[Any]) -> Any:
    """Compile ``[source, flags, engine]`` (from :func:`pattern_spec`) again, with the same engine.

    >>> compile_spec(["a+", 2, "re"]).findall("AaB")
    ['Aa']
    """
    source, flags, engine = spec
    if engine == "regex":
        import regex

        return regex.compile(source, flags)
    return re.compile(source, flags)


# --- Punkt -------------------------------------------------------------------------------------------------------------

_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace, what Punkt looks for before a sentence end


class FastPunkt:
    """NLTK's Punkt sentence splitter (``PunktTokenizer("english")``, punkt_tab): the same spans, from plain data.

    The model is four lists (abbreviations, collocations, frequent sentence starters, the
    orthographic context of each word) and NLTK's own regular expressions; the code is
    NLTK's ``span_tokenize`` (finding each candidate sentence end, deciding it from the
    tokens around it with Punkt's first and second annotation passes, then realigning
    closing quotes and brackets), ported line for line with the tokens as small lists
    instead of ``PunktToken`` objects. :meth:`spec_of` reads that data from NLTK's
    tokenizer; ``tests/test_resources.py`` checks the spans equal NLTK's.

    >>> spec = {"abbrev_types": ["dr"], "collocations": [], "sent_starters": [], "ortho_context": {},
    ...         "patterns": _DEMO_PATTERNS, "sent_end_chars": [".", "?", "!"], "punctuation": list(";:,.!?"),
    ...         "ortho": {"LC": 112, "UC": 14, "MID_UC": 4, "BEG_LC": 16}}
    >>> FastPunkt(spec).span_tokenize("Dr. Smith left. He won.")
    [(0, 15), (16, 23)]
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self.abbrev_types = frozenset(spec["abbrev_types"])
        self.collocations = frozenset(map(tuple, spec["collocations"]))
        self.sent_starters = frozenset(spec["sent_starters"])
        self.ortho_context: dict[str, int] = spec["ortho_context"]
        patterns = {name: compile_spec(p) for name, p in spec["patterns"].items()}
        self._words = patterns["word"].findall
        self._period_contexts = patterns["period_context"].finditer
        self._realignment = patterns["realign"].match
        self._numeric = patterns["numeric"].sub
        self._ellipsis = patterns["ellipsis"].match
        self._initial = patterns["initial"].match
        self.sent_end_chars = tuple(spec["sent_end_chars"])
        self.punctuation = tuple(spec["punctuation"])
        ortho = spec["ortho"]
        self._lc, self._uc, self._mid_uc, self._beg_lc = ortho["LC"], ortho["UC"], ortho["MID_UC"], ortho["BEG_LC"]
        # whether a candidate end's context (the word before, the end, what follows: "Dr. Smith", "left. He") ends
        # a sentence depends on that text alone and the model: decided once per context (bounded)
        self._breaks = WordMemo(self._contains_break, limit=65536)

    @staticmethod
    def spec_of(punkt: Any) -> dict[str, Any] | None:
        """The data of NLTK's English ``PunktTokenizer`` *punkt*, or None when it is not the plain Punkt this class ports."""
        from importlib import import_module

        p = import_module(type(punkt).__module__)  # nltk.tokenize.punkt, without naming NLTK here
        lang, params = punkt._lang_vars, punkt._params
        if type(lang) is not p.PunktLanguageVars or punkt._Token is not p.PunktToken:
            return None
        token = p.PunktToken
        return {
            "abbrev_types": sorted(params.abbrev_types),
            "collocations": sorted(map(list, params.collocations)),
            "sent_starters": sorted(params.sent_starters),
            "ortho_context": {k: int(v) for k, v in params.ortho_context.items()},
            "patterns": {"word": pattern_spec(lang._word_tokenizer_re()),
                         "period_context": pattern_spec(lang.period_context_re()),
                         "realign": pattern_spec(lang.re_boundary_realignment),
                         "numeric": pattern_spec(token._RE_NUMERIC), "ellipsis": pattern_spec(token._RE_ELLIPSIS),
                         "initial": pattern_spec(token._RE_INITIAL)},
            "sent_end_chars": list(lang.sent_end_chars),
            "punctuation": list(punkt.PUNCTUATION),
            "ortho": {"LC": p._ORTHO_LC, "UC": p._ORTHO_UC, "MID_UC": p._ORTHO_MID_UC, "BEG_LC": p._ORTHO_BEG_LC},
        }

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of *text*, exactly as NLTK's ``span_tokenize`` (realigned)."""
        slices: list[tuple[int, int]] = []
        last_break = 0
        breaks = self._breaks
        for match, context in self._end_contexts(text):
            if breaks[context]:
                slices.append((last_break, match.end()))
                last_break = match.start("next_tok") if match.group("next_tok") else match.end()
        slices.append((last_break, len(text.rstrip())))  # the last sentence, without trailing whitespace
        # realign: closing punctuation after a sentence end ("(Sent1.) Sent2.") stays with its sentence
        out: list[tuple[int, int]] = []
        realign = 0
        last = len(slices) - 1
        for k, (start, end) in enumerate(slices):
            start += realign
            if k < last:
                start2, end2 = slices[k + 1]
                m = self._realignment(text[start2:end2])
                if m:
                    out.append((start, start2 + len(m.group(0).rstrip())))
                    realign = m.end()
                    continue
                realign = 0
            if text[start:end]:
                out.append((start, end))
        return out

    def _end_contexts(self, text: str):  # noqa: ANN202 - iterator of (match, context)
        """Each candidate sentence end with its context (word before, the end, what follows), as Punkt's
        ``_match_potential_end_contexts``: of overlapping candidates only the last is kept."""
        prev_start = prev_stop = 0
        prev_match = None
        for match in self._period_contexts(text):
            before = text[prev_stop:match.start()]
            cut = max(map(before.rfind, _WHITESPACE))
            start = cut + prev_stop + 1 if cut > 0 else prev_start
            if prev_match is not None and prev_stop <= start:
                yield prev_match, text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")
            prev_match, prev_start, prev_stop = match, start, match.start()
        if prev_match is not None:
            yield prev_match, text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")

    def _contains_break(self, context: str) -> bool:
        """Punkt's ``text_contains_sentbreak``: does a token other than the last end a sentence?"""
        tokens = [self._first_pass(tok) for line in context.split("\n") if line.strip() for tok in self._words(line)]
        found = False
        for k, tok in enumerate(tokens):
            if k + 1 < len(tokens):
                self._second_pass(tok, tokens[k + 1])
            if found:
                return True
            if tok[2]:
                found = True
        return False

    # A token is [text, type, sentbreak, abbr, ellipsis], as PunktToken's attributes of those names.

    def _first_pass(self, tok: str) -> list[Any]:
        """Punkt's type-based annotation of one token."""
        info: list[Any] = [tok, self._numeric("##number##", tok.lower()), False, False, False]
        if tok in self.sent_end_chars:
            info[2] = True
        elif self._ellipsis(tok):
            info[4] = True
        elif tok.endswith(".") and not tok.endswith(".."):
            low = tok[:-1].lower()
            if low in self.abbrev_types or low.split("-")[-1] in self.abbrev_types:
                info[3] = True
            else:
                info[2] = True
        return info

    @staticmethod
    def _type_no_period(tok: list[Any]) -> str:
        typ = tok[1]
        return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ

    def _type_no_sentperiod(self, tok: list[Any]) -> str:
        return self._type_no_period(tok) if tok[2] else tok[1]

    def _second_pass(self, tok: list[Any], after: list[Any]) -> None:
        """Punkt's token-based reclassification of *tok* (ending in a period) given the token *after* it."""
        if not tok[0].endswith("."):
            return
        typ = self._type_no_period(tok)
        next_typ = self._type_no_sentperiod(after)
        initial = self._initial(tok[0])
        if (typ, next_typ) in self.collocations:
            tok[2], tok[3] = False, True
            return
        if (tok[3] or tok[4]) and not initial:
            starter = self._ortho_heuristic(after)
            if starter is True or (after[0][0].isupper() and next_typ in self.sent_starters):
                tok[2] = True
                return
        if initial or typ == "##number##":
            starter = self._ortho_heuristic(after)
            if starter is False or (starter == "unknown" and initial and after[0][0].isupper()
                                    and not (self.ortho_context.get(next_typ, 0) & self._lc)):
                tok[2], tok[3] = False, True

    def _ortho_heuristic(self, tok: list[Any]) -> bool | str:
        """Does *tok* start a sentence, by how its word is capitalised elsewhere: True, False or "unknown"."""
        if tok[0] in self.punctuation:
            return False
        context = self.ortho_context.get(self._type_no_sentperiod(tok), 0)
        if tok[0][0].isupper() and (context & self._lc) and not (context & self._mid_uc):
            return True
        if tok[0][0].islower() and ((context & self._uc) or not (context & self._beg_lc)):
            return False
        return "unknown"


_DEMO_PATTERNS = {  # the doctest's stand-in for NLTK's patterns (the real ones come from spec_of)
    "word": [r"(\.{2,}|(?=[^\(\"\`{\[:;&\#\*@\)}\]\-,])\S+?(?=\s|$|[)\";}\]\*:@\'\({\[?!]|,(?=$|\s))|\S)", 0, "re"],
    "period_context": [r"[.?!](?=(?P<after_tok>[)\";}\]\*:@\'\({\[?!]|\s+(?P<next_tok>\S+)))", 0, "re"],
    "realign": [r"[\"\')\]}]+?(?:\s+|(?=--)|$)", re.M, "re"],
    "numeric": [r"^-?[\.,]?\d[\d,\.-]*\.?$", 0, "re"], "ellipsis": [r"\.\.+$", 0, "re"],
    "initial": [r"[^\W\d]\.$", 0, "re"],
}


# --- the tagger --------------------------------------------------------------------------------------------------------


def perceptron_normalize(word: str) -> str:
    """NLTK's ``PerceptronTagger.normalize``: how the tagger sees a word (hyphenated, a year, digits, lower case).

    >>> [perceptron_normalize(w) for w in ("co-op", "1999", "42nd", "Mosul")]
    ['!HYPHEN', '!YEAR', '!DIGITS', 'mosul']
    """
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


class FastTagger:
    """NLTK's averaged perceptron tagger: the same model and the same tags, about 10x faster (Brown sentences).

    ``nltk.tag.PerceptronTagger.tag`` builds a dictionary of 14 features per word and
    adds their weights label by label in Python; tagging is most of the time of a
    long article. The model's weights are multiples of 0.001 (NLTK rounds them when it
    averages), so this class keeps them as integers in one numpy matrix and:

    * sums the ten features that do not depend on earlier tags for every word of a
      batch of sentences at once (a few gathers and sums in numpy; the four features
      of a word alone once per distinct word);
    * walks the batch position by position, the words at position *i* of all its
      sentences at once, adding the four features that depend on the previous tags:
      three of them come from one precomputed table indexed by (previous tag, tag
      before that), the fourth ("previous tag + this word") from a table of the
      model's rows by (word, previous tag);
    * picks the best tag with one ``argmax``. Each weight is stored times 64 with the
      tag's alphabetical rank added once, so the largest integer is NLTK's choice,
      including its rule of taking the alphabetically last tag on a tie.

    Integer sums are exact, so the result is NLTK's (but where two tags tie exactly:
    NLTK adds floats, and their rounding may pick the other one; a rare case).
    ``tests/test_resources.py``
    checks identical tags on the seed, odd tokens and real articles. :meth:`from_nltk`
    builds it from NLTK's tagger; :meth:`to_data` and :meth:`from_data` give and take
    its plain data (what the cache keeps).
    """

    # The feature rows of a word form: its own features, and what it adds as a neighbour.
    _CACHE_LIMIT = 200_000

    def __init__(self, *, tagdict: dict[str, str], labels: list[str], start: list[str], end: list[str],
                 features: list[str], matrix: Any, pair_table: Any,
                 normalize: Callable[[str], str] = perceptron_normalize) -> None:
        import numpy as np

        self._np = np
        self.tagdict = tagdict
        self.labels = labels  # rank = alphabetical order, NLTK's tie-break
        self.start, self.end = list(start), list(end)
        self.features = features
        # one row per feature; row 0 is all zeros (a feature the model never saw)
        self.rows: dict[str, int] = dict(zip(features, range(1, len(features) + 1), strict=True))
        self.matrix = matrix
        self.pair_table = pair_table  # [prev, prev2, label]: the three features of the two previous tags
        self.ranks = np.arange(len(labels), dtype=np.int32)
        self.prev_index = {t: k for k, t in enumerate(labels + self.start)}  # previous tags: labels + start symbols
        self.normalize = normalize
        # worked out once per word form (bounded: a long-running process may see any number of words)
        self._normals = WordMemo(normalize, limit=self._CACHE_LIMIT)
        self._word_rows = WordMemo(self._rows_of_word, limit=self._CACHE_LIMIT)
        self._context_rows = WordMemo(self._rows_of_context, limit=self._CACHE_LIMIT)
        # the tag dictionary's tags as indexes into labels + START (a falsy tag, as in NLTK, is no tag; NLTK's
        # tag dictionary and labels come from the same training sentences: every tag is a label)
        self._known_tags = {word: self.prev_index[tag] for word, tag in tagdict.items() if tag}
        self._prev_word: tuple[dict[str, int], Any] | None = None  # see _index_prev_word

    @classmethod
    def from_nltk(cls, tagger: Any) -> FastTagger:
        """Build it from an NLTK ``PerceptronTagger`` (its model, tag dictionary, classes and ``normalize``)."""
        import numpy as np

        weights = tagger.model.weights
        labels = sorted(tagger.classes)
        label_index = {label: k for k, label in enumerate(labels)}
        features = list(weights)
        rows = dict(zip(features, range(1, len(features) + 1), strict=True))
        # every weight as (row, label, value), gathered at C speed (the model has ~270,000 of them)
        per_feature = list(weights.values())
        at_row = np.repeat(np.arange(1, len(per_feature) + 1), np.fromiter(map(len, per_feature), dtype=np.intp))
        at_label = np.fromiter(map(label_index.__getitem__, itertools.chain.from_iterable(per_feature)), dtype=np.intp)
        values = np.fromiter(itertools.chain.from_iterable(map(dict.values, per_feature)), dtype=np.float64)
        matrix = np.zeros((len(features) + 1, len(labels)), dtype=np.int32)
        matrix[at_row, at_label] = np.rint(values * 1000).astype(np.int32) * 64
        prevs = labels + list(tagger.START)
        t1 = matrix[[rows.get("i-1 tag " + p, 0) for p in prevs]]
        t2 = matrix[[rows.get("i-2 tag " + p, 0) for p in prevs]]
        t12 = matrix[[[rows.get("i tag+i-2 tag " + p + " " + p2, 0) for p2 in prevs] for p in prevs]]
        return cls(tagdict=dict(tagger.tagdict), labels=labels, start=list(tagger.START), end=list(tagger.END),
                   features=features, matrix=matrix, pair_table=t1[:, None, :] + t2[None, :, :] + t12,
                   normalize=tagger.normalize)

    def to_data(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """Its plain data: (JSON-able dictionary, numpy arrays) for :meth:`from_data`. The weights matrix is
        mostly zeros (each feature has weights for a few tags), so it goes as its non-zero cells: 2 MB, not 14."""
        np = self._np
        info = {"tagdict": self.tagdict, "labels": self.labels, "start": self.start, "end": self.end,
                "features": self.features, "shape": list(self.matrix.shape)}
        rows, cols = np.nonzero(self.matrix)
        return info, {"rows": rows.astype(np.int32), "cols": cols.astype(np.uint8 if len(self.labels) < 256 else np.int32),
                      "values": self.matrix[rows, cols].astype(np.int32), "pair_table": self.pair_table}

    @classmethod
    def from_data(cls, info: dict[str, Any], arrays: dict[str, Any]) -> FastTagger:
        """Build it again from :meth:`to_data`'s data (with NLTK's ``normalize`` rule, :func:`perceptron_normalize`)."""
        import numpy as np

        matrix = np.zeros(tuple(info["shape"]), dtype=np.int32)
        matrix[arrays["rows"], arrays["cols"]] = arrays["values"]
        return cls(tagdict=info["tagdict"], labels=info["labels"], start=info["start"], end=info["end"],
                   features=info["features"], matrix=matrix, pair_table=arrays["pair_table"])

    def tag(self, tokens: list[str]) -> list[tuple[str, str]]:
        """Tag one sentence: a list of ``(word, tag)`` pairs, like NLTK's ``tag``."""
        return list(zip(tokens, self.tag_flat(tokens, [len(tokens)]), strict=True))

    #: Sentences are tagged in batches of about this many words: big enough for numpy to pay, small enough
    #: that the batch's score matrix (45 tags x 4 bytes a word, and a temporary as big) stays a few MB.
    BATCH_WORDS = 32768
    #: When fewer sentences than this are still being tagged at a position, the rest go word by word.
    _FEW_SENTENCES = 8

    def tag_sents(self, sentences: list[list[str]]) -> list[list[str]]:
        """Tag several sentences at once (faster than one at a time): one list of tags per sentence.

        >>> from newskit.core.resources import pos_tagger
        >>> pos_tagger().tag_sents([["The", "army", "left", "."], ["Go", "!"]])
        [['DT', 'NN', 'VBD', '.'], ['VB', '.']]
        """
        lengths = list(map(len, sentences))
        tags = self.tag_flat(list(itertools.chain.from_iterable(sentences)), lengths)
        ends = list(itertools.accumulate(lengths))
        return [tags[end - n:end] for n, end in zip(lengths, ends, strict=True)]

    def tag_flat(self, tokens: list[str], lengths: list[int]) -> list[str]:
        """The tags of sentences given one after another: *tokens* of them all, *lengths* the words of each.

        >>> from newskit.core.resources import pos_tagger
        >>> pos_tagger().tag_flat(["The", "army", "left", ".", "Go", "!"], [4, 2])
        ['DT', 'NN', 'VBD', '.', 'VB', '.']
        """
        if sum(lengths) != len(tokens):
            raise ValueError("the sentence lengths do not add up to the number of tokens")
        out: list[str] = []
        first = done = size = 0  # the batch's first sentence, the words tagged before it, its words
        for k, n in enumerate(lengths):
            size += n
            if size >= self.BATCH_WORDS:  # a batch ends with a sentence: no sentence is cut
                out += self._tag_batch(tokens[done:done + size], lengths[first:k + 1])
                first, done, size = k + 1, done + size, 0
        if size:
            out += self._tag_batch(tokens[done:], lengths[first:])
        return out

    # How a batch is laid out: sentence j takes len_j + 4 slots of a "padded" line, two before its words and two
    # after, as NLTK's context ``START + words + END``: slot b_j + 2 + i is word i. The slots before a sentence's
    # first word hold, in the tag column, the two START symbols NLTK uses as "previous tags" (prev2, prev).

    def _tag_batch(self, tokens: list[str], lengths: list[int]) -> list[str]:
        """Tag a batch of sentences (flat *tokens*, *lengths*): as NLTK does word by word, but position by position.

        NLTK tags a sentence left to right, each word's score needing the tags of the two words before
        it. Word *i* of every sentence depends only on words before it in its own sentence, so all the
        batch's words at position *i* are scored together (numpy), then those at *i* + 1 ... The sums and
        the ``argmax`` are the same integers as word by word, so the tags are NLTK's.
        """
        np = self._np
        n = len(tokens)
        lens = np.array(lengths, dtype=np.intp)
        sent_base = np.cumsum(lens + 4) - (lens + 4)  # b_j
        word_pos = np.arange(n) + np.repeat(4 * np.arange(len(lens)) + 2, lens)  # the slot of each word
        # each distinct token is worked out once: its normalised form, its tag in the tag dictionary
        distinct = list(dict.fromkeys(tokens))
        token_ids = np.fromiter(map(dict(zip(distinct, range(len(distinct)), strict=True)).__getitem__, tokens),
                                dtype=np.intp, count=n)
        normals = list(map(self._normals.__getitem__, distinct))
        # the context column: each slot's normalised word form, as an index into this batch's distinct forms
        forms = list(dict.fromkeys([*self.start, *self.end, *normals]))
        form_index = dict(zip(forms, range(len(forms)), strict=True))
        context = np.empty(int(sent_base[-1] + lens[-1] + 4), dtype=np.intp)
        token_form = np.array(list(map(form_index.__getitem__, normals)), dtype=np.intp)  # of each distinct token
        context[word_pos] = token_form[token_ids]
        for offset, form in ((0, self.start[0]), (1, self.start[1]), (2, self.end[0]), (3, self.end[1])):
            context[sent_base + offset + (lens if offset >= 2 else 0)] = form_index[form]
        # the tag column: the tag dictionary's tags (as indexes into labels + START), -1 where the model decides
        tags = np.full(len(context), -1, dtype=np.intp)
        tags[sent_base] = self.prev_index[self.start[1]]
        tags[sent_base + 1] = self.prev_index[self.start[0]]
        tags[word_pos] = np.array([self._known_tags.get(t, -1) for t in distinct], dtype=np.intp)[token_ids]
        model_words = np.flatnonzero(tags[word_pos] < 0)
        if len(model_words):
            model_pos = word_pos[model_words]
            static = self._static_scores(distinct, token_form, token_ids[model_words], model_pos, context, forms)
            static_row = np.zeros(len(context), dtype=np.intp)
            static_row[model_pos] = np.arange(len(model_pos))
            form_ids, prev_word = self._prev_word_rows(forms)
            self._decide(tags, lens, sent_base + 2, static, static_row, form_ids[context], prev_word)
        names = self.labels + self.start
        return list(map(names.__getitem__, tags[word_pos].tolist()))

    def _static_scores(self, distinct: list[str], token_form: Any, model_tokens: Any, model_pos: Any, context: Any,
                       forms: list[str]) -> Any:
        """The scores of the ten features that do not depend on earlier tags, one row per word the model tags
        (*model_tokens*: indexes into *distinct*, whose forms are *token_form*, at slots *model_pos*), with the
        labels' ranks added once (the tie-break). Integer sums: in any order, the same."""
        np = self._np
        matrix = self.matrix
        rows = np.array(list(map(self._context_rows.__getitem__, forms)), dtype=np.intp).reshape(-1, 7)  # [form, feature]
        # the four features of a word alone (bias, its suffix and first letter, the normalised word), once per token
        tokens, which = np.unique(model_tokens, return_inverse=True)
        token_list = list(map(distinct.__getitem__, tokens.tolist()))
        own = np.array(list(map(self._word_rows.__getitem__, token_list)), dtype=np.intp).reshape(-1, 2)
        alone = matrix[own[:, 0]] + matrix[own[:, 1]] + (matrix[self.rows.get("bias", 0)] + self.ranks)
        alone += matrix[rows[token_form[tokens], 0]]
        static = alone[which]
        before, after = context[model_pos - 1], context[model_pos + 1]
        for r in (rows[before, 1], rows[before, 2], rows[context[model_pos - 2], 3], rows[after, 4], rows[after, 5],
                  rows[context[model_pos + 2], 6]):
            static += matrix[r]
        return static

    def _prev_word_rows(self, forms: list[str]) -> tuple[Any, Any]:
        """The rows of feature "i-1 tag+i word" for *forms*: (an index per form, the table [index, previous tag]).
        Row 0 of the table, for the forms the feature never names, is all 0 (the matrix's row of zeros)."""
        if self._prev_word is None:
            self._prev_word = self._index_prev_word()
        index, table = self._prev_word
        return self._np.fromiter(map(index.get, forms, itertools.repeat(0)), dtype=self._np.intp, count=len(forms)), table

    def _index_prev_word(self) -> tuple[dict[str, int], Any]:
        """The model's features "i-1 tag+i word <tag> <word>" as ``({word: index}, table[index, tag] = row)``."""
        np = self._np
        prefix = "i-1 tag+i word "
        spaced = [(tag + " ", k) for tag, k in self.prev_index.items()]
        plain = not any(" " in tag for tag in self.prev_index)  # then the tag is what comes before the first space
        index: dict[str, int] = {}
        cells: list[tuple[int, int, int]] = []
        for feature, row in self.rows.items():
            if not feature.startswith(prefix):
                continue
            rest = feature[len(prefix):]
            if plain:
                tag, space, word = rest.partition(" ")
                named = [(self.prev_index[tag], word)] if space and tag in self.prev_index else []
            else:  # every tag the name can start with
                named = [(k, rest[len(tag):]) for tag, k in spaced if rest.startswith(tag)]
            for k, word in named:
                cells.append((index.setdefault(word, len(index) + 1), k, row))
        table = np.zeros((len(index) + 1, len(self.prev_index)), dtype=np.intp)
        if cells:
            at, tags, rows = zip(*cells, strict=True)
            table[list(at), list(tags)] = rows
        return index, table

    def _decide(self, tags: Any, lens: Any, firsts: Any, static: Any, static_row: Any, prev_word_id: Any,
                prev_word: Any) -> None:
        """Fill in the model's tags (-1 in *tags*): at each position, every sentence that reaches it at once.

        A word's score is its static row + the table of its two previous tags + the "i-1 tag+i word" row
        (row 0, all zeros, when the model has none); the best is the largest, as in NLTK.
        """
        np = self._np
        order = np.argsort(-lens, kind="stable")  # longest first: the sentences reaching position i are a prefix
        lens, firsts = lens[order], firsts[order]
        going = np.searchsorted(-lens, -np.arange(int(lens[0])), side="left").tolist()  # sentences longer than i
        pair_table, matrix = self.pair_table, self.matrix
        for i, active in enumerate(going):
            if active < self._FEW_SENTENCES:  # a few long sentences left: word by word costs less than a numpy step
                break
            pos = firsts[:active] + i
            pos = pos[tags[pos] < 0]
            if len(pos):
                prev = tags[pos - 1]
                scores = static[static_row[pos]] + pair_table[prev, tags[pos - 2]] + matrix[prev_word[prev_word_id[pos], prev]]
                tags[pos] = scores.argmax(axis=1)
        else:
            return
        for first, length in zip(firsts[:active].tolist(), lens[:active].tolist(), strict=True):
            for p in range(first + i, first + length):
                if tags[p] < 0:
                    prev = tags[p - 1]
                    scores = static[static_row[p]] + pair_table[prev, tags[p - 2]] + matrix[prev_word[prev_word_id[p], prev]]
                    tags[p] = scores.argmax()

    def _rows_of_word(self, word: str) -> tuple[int, int]:
        """Rows of token *word*'s own features: its suffix, its first letter."""
        row = self.rows.get
        return row("i suffix " + word[-3:], 0), row("i pref1 " + (word[0] if word else ""), 0)

    def _rows_of_context(self, c: str) -> tuple[int, ...]:
        """Rows of normalised word *c* as: this word, previous word (and its suffix), the one before,
        next word (and its suffix), the one after."""
        row = self.rows.get
        return (row("i word " + c, 0), row("i-1 word " + c, 0), row("i-1 suffix " + c[-3:], 0), row("i-2 word " + c, 0),
                row("i+1 word " + c, 0), row("i+1 suffix " + c[-3:], 0), row("i+2 word " + c, 0))


# --- the word tokenizer ------------------------------------------------------------------------------------------------

#: The names of NLTKWordTokenizer's rule lists, in the order it applies them.
WORD_RULES = ("STARTING_QUOTES", "PUNCTUATION", "PARENS_BRACKETS", "DOUBLE_DASHES", "ENDING_QUOTES",
              "CONTRACTIONS2", "CONTRACTIONS3")


def word_rules_spec(tokenizer: Any) -> dict[str, Any] | None:
    """NLTKWordTokenizer's rules as JSON data: each (pattern, replacement) as ``[[source, flags, engine], replacement]``,
    the contraction patterns as ``[source, flags, engine]``; None when a replacement is not plain text."""
    spec: dict[str, Any] = {}
    for name in WORD_RULES:
        rules = getattr(tokenizer, name)
        if name.startswith("CONTRACTIONS"):
            spec[name] = [pattern_spec(p) for p in rules]
            continue
        pairs = [rules] if name in ("PARENS_BRACKETS", "DOUBLE_DASHES") else list(rules)
        if not all(isinstance(sub, str) for _, sub in pairs):
            return None
        spec[name] = [[pattern_spec(p), sub] for p, sub in pairs]
    return spec


#: The bytes a text's "gate" leaves out of its UTF-8: ASCII letters, digits and space (see FastWordTokenizer.tokenize).
_PLAIN_BYTES = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "


def _has(present: frozenset[int], char: str) -> bool:
    """Can a text whose gate is *present* contain *char*? Only if all its UTF-8 bytes are there (exactly so for
    an ASCII mark); of a byte the gate leaves out nothing can be told."""
    return present.issuperset(char.encode("utf-8", "surrogatepass").translate(None, _PLAIN_BYTES))


class _WordRules:
    """NLTKWordTokenizer's rule lists compiled from :func:`word_rules_spec` data (what FastWordTokenizer reads)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        for name in WORD_RULES:
            if name.startswith("CONTRACTIONS"):
                setattr(self, name, [compile_spec(p) for p in spec[name]])
            else:
                pairs = [(compile_spec(p), sub) for p, sub in spec[name]]
                setattr(self, name, pairs[0] if name in ("PARENS_BRACKETS", "DOUBLE_DASHES") else pairs)


class FastWordTokenizer:
    """NLTK's word tokenizer (what ``nltk.word_tokenize`` uses): its own rules, the same tokens, faster.

    ``NLTKWordTokenizer.tokenize`` runs about 25 regular-expression substitutions
    over every sentence; most of them cannot match (a sentence without a colon, a
    dash, a bracket or a quote mark). This class runs NLTK's own rules in NLTK's
    order but:

    * skips the rules a sentence cannot need: one pass over the sentence's bytes
      gives its punctuation, which picks the rules worth trying (a plan, worked out
      once per set of marks); a rule whose need could appear on the way (a quote
      NLTK makes) is still checked with ``in`` before it runs;
    * runs a rule that pads single characters or one literal text (``[?!]``, ``--``)
      as ``str.replace``, and two common ones (commas, opening quotes) as
      ``str.replace`` when the text is plain enough for that to be the same (see
      ``_pad_separators`` and ``_open_quotes``);
    * aligns the tokens of many sentences with the text at once (:meth:`columns`).

    ``tests/test_resources.py`` checks identical tokens and spans.
    """

    # What each substitution needs in the text before it can match (any one of these substrings).
    # NLTK's class attributes, in its order: STARTING_QUOTES, PUNCTUATION, PARENS_BRACKETS,
    # DOUBLE_DASHES, then (after padding with spaces) ENDING_QUOTES, CONTRACTIONS2, CONTRACTIONS3.
    _STARTING_NEEDS = (tuple("\u00ab\u201c\u2018\u201e`"), ('"',), ("``",), ('"', "''"), ("'",))
    _PUNCTUATION_NEEDS = ((".",), (":", ","), (":", ","), ("..",), tuple(";@#$%&"), tuple("\u2012\u2013\u2014\u2015"),
                          (".",), ("?", "!"), ("' ",), ("*",))
    _ENDING_NEEDS = (tuple("\u00bb\u201d\u2019"), ("''",), ('"',), None,
                     ("' ", "'s ", "'S ", "'m ", "'M ", "'d ", "'D "),
                     ("'ll ", "'LL ", "'re ", "'RE ", "'ve ", "'VE ", "n't ", "N'T "))
    # Every contraction rule (case-insensitive) needs one of these in the lower-cased text: "cannot",
    # "d'ye", "gimme", "gonna", "gotta", "lemme", "more'n", "wanna", " 'tis", " 'twas" (letters chosen to
    # have no other case-insensitive match than their capital, unlike "i" and "s").
    _CONTRACTION_HINTS = ("nno", "'ye", "mme", "nna", "tta", "e'n", " 't")
    # Rules whose pattern is one of a few characters (or one literal text), each match replaced by itself
    # between spaces: str.replace, character by character, replaces every occurrence left to right, never
    # overlapping, as the substitution does. By NLTK's pattern source; the replacement is what NLTK's rule makes
    # of a match. The first also pads runs of backticks: it is a replacement only for a text without one.
    _PADDED_CHARS = {"([\u00ab\u201c\u2018\u201e]|[`]+)": "\u00ab\u201c\u2018\u201e", "[;@#$%&]": ";@#$%&",
                     "[\\u2012-\\u2015]": "\u2012\u2013\u2014\u2015", "[?!]": "?!", "[*]": "*",
                     "[\\]\\[\\(\\)\\{\\}\\<\\>]": "[](){}<>", "([\u00bb\u201d\u2019])": "\u00bb\u201d\u2019"}
    _LITERALS = ("(``)", "--", "''", '"')
    # The characters the rules make from others: `` from " (and from ''), '' from ".
    _MADE_FROM = {"`": "`\"'", "'": "'\""}

    def __init__(self, tokenizer) -> None:  # noqa: ANN001 - an nltk NLTKWordTokenizer
        def steps(pairs, needs, tails=None):  # noqa: ANN001, ANN202
            pairs = list(pairs)
            if len(pairs) != len(needs):
                raise ValueError("this NLTK's word tokenizer has different rules")
            tails = tails or {}
            return [(unwrapped(p), sub, need, tails.get(k)) for k, ((p, sub), need) in enumerate(zip(pairs, needs, strict=True))]

        # The rules anchored at the end of the text ("." then closing marks and whitespace; a final ":" or
        # ","), indexed like PUNCTUATION, can only match in the last characters, so they run on that tail:
        # (characters to strip from the end, how many characters before the stripped end a match starts).
        squeeze = unwrapped(list(tokenizer.ENDING_QUOTES)[3][0])
        chars = "".join(map(chr, range(0x3001)))  # U+3000 is the last whitespace character
        rule_spaces = set("".join(squeeze.findall(chars)))  # NLTK's \s ("regex" module: not \x1c-\x1f)
        split_spaces = {c for c in chars if c.isspace()}  # str.split()'s whitespace
        if not rule_spaces <= split_spaces:
            raise ValueError("this NLTK's word tokenizer has different rules")
        closers = "]})>\"'\u00bb\u201d\u2019" + "".join(sorted(split_spaces))
        tails = {0: (closers, 2), 2: ("\n", 1), 6: (closers, 2)}
        first = (steps(tokenizer.STARTING_QUOTES, self._STARTING_NEEDS)
                 + steps(tokenizer.PUNCTUATION, self._PUNCTUATION_NEEDS, tails)
                 + steps([tokenizer.PARENS_BRACKETS], (tuple("[](){}<>"),))
                 + steps([tokenizer.DOUBLE_DASHES], (("--",),)))
        ending = steps(tokenizer.ENDING_QUOTES, self._ENDING_NEEDS)
        if (ending[3][0].pattern, ending[3][1]) != (r"\s+", " "):
            raise ValueError("this NLTK's word tokenizer has different rules")
        # the fourth ending rule squeezes whitespace to one space: str.split() does it faster when the text
        # has no character that str.split() takes for whitespace and NLTK's \s does not
        self.squeeze, self.ending_clitics = ending[3][0], ending[4:]
        self.not_squeezed = tuple(sorted(split_spaces - rule_spaces))
        self.contractions = [unwrapped(p) for p in (*tokenizer.CONTRACTIONS2, *tokenizer.CONTRACTIONS3)]
        # one search for the words the contraction rules split decides whether any can apply (same engine, flags)
        self.any_contraction = re.compile(r"(?i)cannot|d'ye|gimme|gonna|gotta|lemme|more'n|wanna| 't(?:is|was)")
        self.quotes = re.compile(r"``|'{2}|\"")
        self._space_codes = sorted(map(ord, split_spaces))
        self._spaces: Any = None  # see _align
        # Each rule as (gate, unless, steps), see _rule; a text's plan (_plan) has the steps of the rules it may need.
        opening = first[0]  # the opening quotes, and runs of backticks: a replacement when the text has no backtick
        self._first_rules = [self._rule(*opening, gate=opening[2][:-1], unless="`"),
                             self._rule(*opening, gate="`", plain=False), *(self._rule(*rule) for rule in first[1:])]
        self._ending_rules = [self._rule(*rule) for rule in ending[:3]]
        self._clitic_gate = self._gate_of([piece for _, _, need, _ in self.ending_clitics for piece in need])
        self._plans = WordMemo(self._plan, limit=4096)  # type: ignore[arg-type] - keyed by a text's gate (tokenize)

    def _gate_of(self, need: tuple[str, ...]) -> frozenset[str]:
        """Characters a text must have one of for a piece of *need* to appear in it as the rules go: of each piece,
        its first character that is no letter, digit or space (else its first), and what the rules make it from."""
        gate: set[str] = set()
        for piece in need:
            marks = [c for c in piece if not c.isalnum() and c != " "] or [c for c in piece if c != " "]
            gate.update(self._MADE_FROM.get(marks[0], marks[0]))
        return frozenset(gate)

    def _rule(self, pattern: Any, sub: str, need: tuple[str, ...], tail: tuple[str, int] | None, *, gate: Any = None,
              unless: str = "", plain: bool = True) -> tuple[frozenset[str], frozenset[str], Callable[[frozenset[int]], Any]]:
        """One of NLTK's rules as (gate, unless, steps) for :meth:`_plan`: it can only apply to a text with a character
        of *gate* (and none of *unless*); ``steps(present)`` are then its (step, need) pairs, a step running when the
        text at that point has a piece of *need* (None: no need to look). *plain*: it may run as str.replace.
        *unless* must be ASCII marks (the gate tells exactly whether a text has one)."""
        gate = self._gate_of(need) if gate is None else frozenset(gate)
        # The gate holds for every text that has a piece of the need when the rule's turn comes; a step runs with
        # no other look (need None) when the gate says about as much: a need of single characters that no rule
        # removes or makes. Else the step runs only if the text then has a piece of the need (a plain `in`).
        stable = all(len(piece) == 1 and piece not in " `'\"" for piece in need)
        plain = plain and not pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)
        source, regex_sub = pattern.pattern, functools.partial(pattern.sub, sub)
        step: Callable[[str], str] = regex_sub
        if tail is not None:
            # a rule run on the tail of the text gives the same result for the same tail (a few characters, such
            # as 'ds."'), and nearly every sentence ends in a period: the result is worked out once per tail
            memo, (strip, back) = WordMemo(regex_sub, limit=4096), tail

            def step(text: str) -> str:
                cut = max(0, len(text.rstrip(strip)) - back)
                tail = text[cut:]
                done = memo[tail]
                return text if done == tail else text[:cut] + done
        elif plain and source in self._PADDED_CHARS:
            pads = [(c, pattern.sub(sub, c)) for c in self._PADDED_CHARS[source]]
            return gate, frozenset(unless), lambda present: tuple(
                (operator.methodcaller("replace", c, pad), None) for c, pad in pads if _has(present, c))
        elif plain and source in self._LITERALS:
            piece = source.strip("()")
            step, stable = operator.methodcaller("replace", piece, pattern.sub(sub, piece)), True  # absent: no change
        elif plain and (source, sub) == ('^\\"', "``"):

            def step(text: str) -> str:  # only at the very start of the text
                return "``" + text[1:] if text.startswith('"') else text
            stable = True
        elif plain and (source, sub) == (r"([:,])([^\d])", r" \1 \2"):
            step = functools.partial(self._pad_separators, regex_sub, pattern.sub(sub, ", "), pattern.sub(sub, ": "))
        elif plain and (source, sub) == ("([ \\(\\[{<])(\\\"|\\'{2})", r"\1 `` "):
            step = functools.partial(self._open_quotes, regex_sub, [(c + '"', pattern.sub(sub, c + '"')) for c in " ([{<"])
        pair = ((step, None if stable else need),)
        return gate, frozenset(unless), lambda present: pair

    @staticmethod
    def _pad_separators(regex_sub: Callable[[str], str], comma: str, colon: str, text: str) -> str:
        r"""NLTK's ``([:,])([^\d])`` -> `` \1 \2``: when every comma and colon is followed by a space, the matches
        are exactly those pairs (never overlapping, a space being no comma) and str.replace makes the same text."""
        if text.count(",") == text.count(", ") and text.count(":") == text.count(": "):
            return text.replace(", ", comma).replace(": ", colon)
        return regex_sub(text)

    @staticmethod
    def _open_quotes(regex_sub: Callable[[str], str], pairs: list[tuple[str, str]], text: str) -> str:
        r"""NLTK's ``([ \(\[{<])(\"|\'{2})`` -> ``\1 `` ``: in a text without '', each match is one of the pairs
        (space or bracket, then "), which never overlap (each has its own "), so str.replace makes the same text."""
        if "''" in text:
            return regex_sub(text)
        for pair, padded in pairs:
            text = text.replace(pair, padded)
        return text

    def _plan(self, present: frozenset[int]) -> tuple[tuple[Any, ...], tuple[Any, ...], bool, bool]:
        """For a text whose gate (see tokenize) is *present*: (the steps of the rules before the padding, those of
        the ending quotes, whether NLTK's rule must squeeze whitespace, whether a clitic rule can apply)."""
        def steps(rules):  # noqa: ANN001, ANN202
            return tuple(itertools.chain.from_iterable(
                make(present) for gate, unless, make in rules
                if any(_has(present, c) for c in gate) and not any(_has(present, c) for c in unless)))

        return (steps(self._first_rules), steps(self._ending_rules), any(_has(present, c) for c in self.not_squeezed),
                any(_has(present, c) for c in self._clitic_gate))

    def tokenize(self, text: str) -> list[str]:
        """Tokens of *text* (one sentence), exactly as ``NLTKWordTokenizer().tokenize(text)``."""
        # The text's gate: the bytes of its UTF-8 but ASCII letters, digits and space, in a few C calls. A rule
        # cannot apply when each of its gate characters lacks a byte there; the plan of the rules that may apply
        # is worked out once per gate (see _rule, _plan).
        gate = frozenset(text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_BYTES))
        first, ending, squeeze, clitics = self._plans[gate]
        for step, need in first:
            if need is None or any(map(text.__contains__, need)):
                text = step(text)
        text = " " + text + " "
        for step, need in ending:
            if need is None or any(map(text.__contains__, need)):
                text = step(text)
        tokens: list[str] | None = None
        if squeeze:
            text = self.squeeze.sub(" ", text)
        else:
            tokens = text.split()
            # no clitic rule can apply, nor a contraction rule (each needs a hint, without its space, in the text)
            if not clitics and not any(map(text.lower().__contains__, ("nno", "'ye", "mme", "nna", "tta", "e'n", "'t"))):
                return tokens
            text = " " + " ".join(tokens) + " " if tokens else " "  # the text starts and ends with a space
        changed = False
        if clitics:
            for pattern, sub, need, _ in self.ending_clitics:
                if any(map(text.__contains__, need)):
                    text, n = pattern.subn(sub, text)
                    changed = changed or n > 0
        lower = text.lower()
        if any(map(lower.__contains__, self._CONTRACTION_HINTS)) and self.any_contraction.search(text):
            for pattern in self.contractions:
                text = pattern.sub(r" \1 \2 ", text)
            changed = True
        return text.split() if changed or tokens is None else tokens

    def span_tokenize(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each token of *text*, exactly as ``NLTKWordTokenizer().span_tokenize(text)``."""
        starts, ends = self.span_columns(text)
        return list(zip(starts, ends, strict=True))

    def span_columns(self, text: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[int]]:
        """The tokens of ``text[start:end]`` as :meth:`span_tokenize` finds them, but as offsets into *text*, in two
        lists (starts, ends; no tuple per token). A token that starts where the one before ends shares its int.

        >>> from newskit.core.resources import word_tokenizer
        >>> word_tokenizer().span_columns("So. He left.", 4)
        ([4, 7, 11], [6, 11, 12])
        """
        end = len(text) if end is None else end
        starts: list[int] = []
        ends: list[int] = []
        point = start
        find = text.index
        for token in self._span_tokens(text[start:end]):
            at = find(token, point, end)  # ValueError when the text cannot be aligned, as in NLTK
            if at == point:
                at = point
            point = at + len(token)
            starts.append(at)
            ends.append(point)
        return starts, ends

    def _span_tokens(self, chunk: str) -> list[str]:
        """The tokens of *chunk* as its text has them: NLTK's quote tokens `` and '' given back as the marks they replaced
        (StopIteration when there are more than the text has, where NLTK's ``span_tokenize`` fails)."""
        tokens = self.tokenize(chunk)
        if '"' in chunk or "''" in chunk:  # NLTK turned " into `` or '': put back what the text has
            found = iter(self.quotes.findall(chunk))
            tokens = [next(found) if tok in ('"', "``", "''") else tok for tok in tokens]
        return tokens

    def _span_tokens_or_none(self, chunk: str) -> list[str] | None:
        """:meth:`_span_tokens`, or None where it fails."""
        try:
            return self._span_tokens(chunk)
        except Exception:  # noqa: BLE001 - as span_columns would: columns tries it again, and gives -1
            return None

    def columns(self, text: str, spans: list[tuple[int, int]]) -> tuple[list[int], list[int], list[str], list[int]]:
        """The tokens of each ``text[start:end]`` of *spans* (in order, not overlapping) as :meth:`span_columns` finds
        them, all at once: flat columns (starts, ends, token texts) and the number of tokens of each span, -1 for a
        span :meth:`span_columns` cannot align (it raises), which adds no tokens.

        >>> from newskit.core.resources import word_tokenizer
        >>> word_tokenizer().columns("So. He left.", [(0, 3), (4, 12)])
        ([0, 2, 4, 7, 11], [2, 3, 6, 11, 12], ['So', '.', 'He', 'left', '.'], [2, 3])
        """
        # NLTK aligns each token by searching the text from the end of the one before. When a span's tokens,
        # joined, are exactly its characters less whitespace (the usual case: NLTK's rules only insert spaces,
        # and every whitespace character of the text stays a token boundary), each token is found at the next
        # non-space character, so the offsets follow from the token lengths alone (see _align, which checks
        # it). The other spans are aligned by searching, as NLTK does.
        found = list(map(self._span_tokens_or_none, map(text.__getitem__, itertools.starmap(slice, spans))))
        counts = [-1 if tokens is None else len(tokens) for tokens in found]
        tokens = list(itertools.chain.from_iterable(filter(None, found)))
        starts, ends, bad = self._align(text, spans, counts, tokens)
        if not bad and -1 not in counts:
            return starts, ends, tokens, counts
        return self._with_searched(text, spans, counts, bad, (starts, ends, tokens))

    #: Spans are aligned in blocks of about this many characters (a block's characters make one numpy array).
    ALIGN_CHARS = 1 << 20

    def _align(self, text: str, spans: list[tuple[int, int]], counts: list[int],
               tokens: list[str]) -> tuple[list[int], list[int], set[int]]:
        """The offsets of *tokens*, the tokens of the spans whose count is not -1 one after another, taking each span's
        tokens for its characters less whitespace: the token after *n* characters of its span's tokens starts at the
        span's (*n* + 1)-th non-space character. Returns (starts, ends, the spans where that is not so).

        Where a span's tokens have as many characters as it has non-space ones, and each token is the text at
        its offsets (which then hold no whitespace), NLTK's search finds each token at those offsets: between
        the end of one token and the start of the next there is only whitespace, which cannot start a token.
        """
        import numpy as np

        if self._spaces is None:  # str.split()'s whitespace by code point (none above U+3000), and one more: not space
            self._spaces = np.zeros(0x3002, dtype=bool)
            self._spaces[self._space_codes] = True
        aligned = [k for k, n in enumerate(counts) if n >= 0]
        lengths = np.fromiter(map(len, tokens), dtype=np.intp, count=len(tokens))
        place = np.concatenate(([0], np.cumsum(lengths)))  # characters of the tokens before each token
        per_span = np.array([counts[k] for k in aligned], dtype=np.intp)
        first_token = np.concatenate(([0], np.cumsum(per_span)))
        lows = np.array([spans[k][0] for k in aligned], dtype=np.intp)
        highs = np.array([spans[k][1] for k in aligned], dtype=np.intp)
        starts = np.zeros(len(tokens), dtype=np.intp)
        ends = np.zeros(len(tokens), dtype=np.intp)
        wrong = np.zeros(len(aligned), dtype=bool)
        sizes = np.cumsum(highs - lows)  # blocks: up to the span that passes the next multiple of ALIGN_CHARS
        cuts = np.searchsorted(sizes, np.arange(self.ALIGN_CHARS, int(sizes[-1]) if len(sizes) else 0, self.ALIGN_CHARS))
        for j, stop in itertools.pairwise(dict.fromkeys([0, *(cuts + 1).tolist(), len(aligned)])):
            low, high = int(lows[j:stop].min()), int(highs[j:stop].max())
            code = np.frombuffer(text[low:high].encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            nonspace = np.flatnonzero(~self._spaces[np.minimum(code, len(self._spaces) - 1)])  # offsets from low
            t0, t1 = first_token[j], first_token[stop]
            # each span's count of non-space characters must be its tokens' characters ...
            before = np.searchsorted(nonspace, lows[j:stop] - low)
            wrong[j:stop] = np.searchsorted(nonspace, highs[j:stop] - low) - before != np.diff(place[first_token[j:stop + 1]])
            if t0 == t1 or not len(nonspace):  # (no non-space character: a span with tokens has its count wrong)
                continue
            # ... then a token's place among them is its span's first one + its place in the span's tokens
            at = place[t0:t1] + np.repeat(before - place[first_token[j:stop]], per_span[j:stop])
            last = len(nonspace) - 1  # (indexes past it only where a count is wrong)
            starts[t0:t1] = nonspace[np.minimum(at, last)] + low
            ends[t0:t1] = nonspace[np.minimum(at + lengths[t0:t1] - 1, last)] + (low + 1)
        starts_list, ends_list = starts.tolist(), ends.tolist()
        # ... and each token the text at its offsets
        found = list(map(text.__getitem__, map(slice, starts_list, ends_list)))
        if found != tokens:
            differ = [k for k, (a, b) in enumerate(zip(found, tokens, strict=True)) if a != b]
            wrong[np.searchsorted(first_token, differ, side="right") - 1] = True
        return starts_list, ends_list, {aligned[k] for k in np.flatnonzero(wrong).tolist()}

    def _with_searched(self, text: str, spans: list[tuple[int, int]], counts: list[int], bad: set[int],
                       aligned: tuple[list[int], list[int], list[str]]) -> tuple[list[int], list[int], list[str], list[int]]:
        """:meth:`columns` when some spans could not be aligned by their token lengths: those are aligned by
        :meth:`span_columns` (searching, as NLTK), the others keep their *aligned* columns."""
        starts: list[int] = []
        ends: list[int] = []
        tokens: list[str] = []
        out: list[int] = []
        done = 0
        for k, (start, end) in enumerate(spans):
            n = counts[k]
            if n >= 0 and k not in bad:
                starts += aligned[0][done:done + n]
                ends += aligned[1][done:done + n]
                tokens += aligned[2][done:done + n]
                out.append(n)
            else:
                try:
                    found = self.span_columns(text, start, end)
                except Exception:  # noqa: BLE001 - NLTK cannot align this span's tokens: the caller falls back
                    out.append(-1)
                else:
                    starts += found[0]
                    ends += found[1]
                    tokens += map(text.__getitem__, map(slice, *found))
                    out.append(len(found[0]))
            done += max(n, 0)
        return starts, ends, tokens, out

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> FastWordTokenizer:
        """Build it from NLTK's rules as data (:func:`word_rules_spec`), without NLTK."""
        return cls(_WordRules(spec))
