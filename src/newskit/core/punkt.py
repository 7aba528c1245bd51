"""NLTK's Punkt sentence splitter (English, punkt_tab) rebuilt from plain data: :class:`FastPunkt`.

It gives exactly the sentence spans of NLTK's ``PunktTokenizer("english").span_tokenize`` (``tests/test_resources.py``
checks them against NLTK on real articles and generated text), from four lists and NLTK's own regular expressions
that :mod:`newskit.core.resources` keeps in its cache. Nothing here imports NLTK: :meth:`FastPunkt.spec_of`
receives NLTK's tokenizer.
"""

from __future__ import annotations

import re
from typing import Any

from .models import WordMemo, compile_spec, pattern_spec

__all__ = ["FastPunkt"]

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
