"""NLTK's averaged perceptron part-of-speech tagger rebuilt from plain data: :class:`FastTagger`.

It gives exactly NLTK's ``PerceptronTagger`` tags (Penn Treebank; ``tests/test_resources.py`` and
``tests/test_models.py`` check them against NLTK), from the model's weights as one integer numpy matrix and its
tag dictionary, which :mod:`newskit.core.resources` keeps in its cache, and tags many sentences at once
(:meth:`FastTagger.tag_flat`). Nothing here imports NLTK: :meth:`FastTagger.from_nltk` receives NLTK's tagger.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from .models import WordMemo

__all__ = ["FastTagger", "perceptron_normalize"]


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
