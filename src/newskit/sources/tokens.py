r"""The reporter's words as tokens: the tokenizer, quote placeholders, sentences and part-of-speech tags.

Each paragraph is read as a *frame* (see :mod:`newskit.sources.attribution`) in which every quote is one
placeholder token ``"\uE000<quote number>\uE001"``, so the rules below never read quoted words.

>>> _tokens("Mr. Smith said \uE0003\uE001.")
['Mr.', 'Smith', 'said', '\ue0003\ue001', '.']
>>> _tokens("Ann Lee, D-Mo., and Bo Sun (R-Calif.) said")
['Ann', 'Lee', ',', 'D-Mo.', ',', 'and', 'Bo', 'Sun', '(', 'R-Calif.', ')', 'said']
>>> _join(["Iraq", "'s", "army", ",", "(", "it", ")"])
"Iraq's army, (it)"
"""

from __future__ import annotations

import contextvars
import functools
import itertools
import re
from collections.abc import Callable, Iterable

from ..core.words import ABBREVIATED_TITLES
from .lexicon import AUX, PRON_SUBJ

#: First character of a quote placeholder token ("\uE000<quote number>\uE001").
_PH = "\uE000"


#: A quote placeholder token; its group is the quote's number.
_PLACEHOLDER = re.compile(r"\uE000(\d+)\uE001")


#: Abbreviations whose full stop belongs to the token (titles, initials, company endings).
_ABBREV = (r"(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Capt|Prof|Jr|Sr|No|Mt|Sgt|Rev|Gens|Reps|Sens|Maj|Adm|Inc|Ltd"
           r"|Corp|Co|Bros|Plc|" + "|".join(sorted(t.capitalize() for t in ABBREVIATED_TITLES)) + r")\."
           r"|(?:[A-Z]\.){2,}|[A-Z]\.(?= [A-Z])"
           # a US party and state ("D-N.Y.", "R-S.C."): one token; its last full stop ends a sentence unless a comma follows
           r"|[DRI]-(?:[A-Z]\.)+[A-Z]\.(?=\s*[,)])|[DRI]-(?:[A-Z]\.)+[A-Z](?=\.)"
           # (a state abbreviated as a word, "D-Mo.", "I-Vt.", "R-Calif.": the same, its full stop kept before a comma
           # or bracket, so that "Ann Lee, D-Mo., said" holds no sentence mark)
           r"|[DRI]-[A-Z][a-z]{1,4}\.(?=\s*[,)])")


# (the lookahead lets the engine skip the abbreviation list at every position not starting with a capital;
# the leading \s* eats the space before a token inside the match, cheaper than failing at each space, and
# every non-space character starts a token, so the tokens are the same)
_TOKEN = re.compile(r"\s*((?=[A-Z])(?:" + _ABBREV + r")|\uE000\d+\uE001"
                    r"|[A-Za-z\u00C0-\u024F0-9]+(?:(?:[-'’]|\.(?=[a-z0-9]|[A-Z]{2}))[A-Za-z\u00C0-\u024F0-9]+)*|[^\sA-Za-z0-9])")


#: The token that ends each paragraph in the resolver's tokens of the body: no name, role or appositive runs over it
#: (``_tokens`` never yields whitespace).
PARA_BREAK = "\n"


def _tokens(s: str) -> list[str]:
    """The tokens of a frame: words (hyphens and apostrophes inside), abbreviations, placeholders, punctuation."""
    return _TOKEN.findall(s)


class _TokenMemo(dict):  # type: ignore[type-arg]
    """A pure function of one token, memoised per distinct token: ``memo[tok]``, and ``map(memo.__getitem__, toks)``
    for many at C speed (half the time of an lru_cache: no order to keep). It starts afresh past *limit* tokens.

    >>> memo = _TokenMemo(str.isupper)
    >>> list(map(memo.__getitem__, ["AFP", "said", "AFP"])), len(memo)
    ([True, False, True], 2)
    """

    def __init__(self, fn: Callable[[str], object], limit: int = 1 << 17) -> None:
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, tok: str) -> object:
        if len(self) >= self.limit:
            self.clear()
        value = self[tok] = self.fn(tok)
        return value


def _is_cap(tok: str) -> bool:
    """True for a capitalised token or a name particle (al-, bin, de, van ...): it may start a sentence or name."""
    return tok[:1].isupper() or tok.lower().startswith(("al-", "el-", "bin", "ibn", "de", "van", "von", "der", "la", "du"))


@functools.lru_cache(maxsize=65536)
def _is_name_tok(tok: str) -> bool:
    """True when *tok* may be part of a name: a capitalised word or a particle (al-, bin, de, van ...)."""
    if not tok or not (tok[0].isalpha()):
        return False
    low = tok.lower()
    if tok[0].isupper():
        return True
    return low.startswith(("al-", "el-")) or low in {"bin", "ibn", "de", "van", "von", "der", "da", "du", "la"}


def _places(toks: list[str]) -> list[int]:
    """Where the quote placeholders stand in *toks*, ``[i for i, t in enumerate(toks) if t[:1] == _PH]`` at C speed.

    >>> _places(["He", "said", "\uE0000\uE001", "."])
    [2]
    """
    return list(itertools.compress(range(len(toks)), map(str.startswith, toks, itertools.repeat(_PH))))


def _is_placeholder(tok: str) -> bool:
    """True for a quote placeholder token."""
    return tok[:1] == _PH  # (inlined as this test in the hottest loops)


_JOIN_FIXES = ((re.compile(r" ([’']s)\b"), r"\1"), (re.compile(r" ([’'])(?= )"), r"\1"),
               (re.compile(r" ([,.;:!?)\]])"), r"\1"), (re.compile(r"([(\[]) "), r"\1"))


_JOIN_NEEDED = re.compile(r" [’',.;:!?)\]]|[(\[] ")  # where one of the _JOIN_FIXES could apply


def _lows(toks: list[str]) -> list[str]:
    """The tokens in lower case, ``[t.lower() for t in toks]`` in one C-level pass.

    Equivalent because a frame token never holds a space (the tokenizer strips it), and lower-casing
    never looks across a space (only Greek final sigma depends on its neighbours, and a space stops it).

    >>> _lows(["Mr", "Blair", "SAID"])
    ['mr', 'blair', 'said']
    """
    return " ".join(toks).lower().split(" ") if toks else []


def _join(toks: list[str]) -> str:
    """Tokens back into text: no space before a clitic or punctuation, none inside brackets."""
    s = " ".join(toks)
    if _JOIN_NEEDED.search(s):  # else there is nothing to fix
        for pattern, repl in _JOIN_FIXES:
            s = pattern.sub(repl, s)
    return s.strip()


def _drop_possessive(tok: str) -> str:
    """ "Maliki's" -> "Maliki", "U.S." -> "U.S" (a trailing full stop goes too)."""
    tok = tok.rstrip(".")
    return tok[:-2] if tok.endswith(("'s", "\u2019s")) else tok


#: Tokens that end a sentence.
_SENT_TOKS = frozenset({".", "!", "?", "\u2026"})


#: How many tokens on each side of a quote or verb the attribution rules read (bounds the work per quote).
_WINDOW = 40


#: A sentence's subject is looked for in its first tokens (after an introductory phrase).
_SUBJECT_WINDOW = 22


#: Verbs of saying that, right after a quote ending in ! or ?, show that the quote's sentence goes on
#: ('"... you all saw it!" Okafor said.'): the forms of the commonest ones (the full lexicon is sources.lexicon's).
_SAID_AFTER = frozenset("said says told tells added adds asked asks wrote writes replied replies explained "
                        "explains recalled recalls continued continues shouted yelled exclaimed".split())


#: Words that open a clause of its own after a verb of saying ('"..." Police said they had ...'): the words said
#: are reported, so the verb is no attribution of the quote before.
_CLAUSE_OPENERS = PRON_SUBJ | frozenset("that there this these those who".split())


def _ends_soon(toks: list[str], k: int) -> bool:
    """True when the sentence ends within a few tokens of toks[k] and what comes before its end opens no clause
    of its own ("Okafor told reporters on Monday." does; "Police said they had recovered ..." does not).

    >>> _ends_soon(_tokens("told reporters on Monday. Next"), 0), _ends_soon(_tokens("said they had it."), 1)
    (True, False)
    """
    for t in toks[k:k + 10]:
        if t in _SENT_TOKS or t[:1] == _PH or t == ",":
            return True
        if t.lower() in _CLAUSE_OPENERS or t.lower() in AUX:
            return False
    return len(toks) - k < 10


def _attribution_follows(toks: list[str], i: int) -> bool:
    """True when toks[i:] opens with a short attribution ending its sentence: "Okafor said.", "said Mrs. Reyes."."""
    for k in range(i, min(len(toks), i + 6)):
        t = toks[k]
        if t.lower() in _SAID_AFTER:
            # ('"..." Said Mr Fogg: "..."': a capitalised verb opens a sentence; '"..." Ann Lee said, "..."': the
            # attribution introduces the next quote, so a sentence ends before it)
            nxt = toks[k + 1:k + 3]
            return (k > i and nxt[:1] != [":"] and not (len(nxt) == 2 and nxt[0] == "," and nxt[1][:1] == _PH)
                    and _ends_soon(toks, k + 1))
        if t[:1] == _PH or t in _SENT_TOKS or not (t[:1].isupper() or t in {"'s", "\u2019s", "-"}):
            return False
    return False


def _sentences(toks: list[str], closing: frozenset[int] = frozenset(), continuing: frozenset[int] = frozenset(),
               places: list[int] | None = None) -> list[tuple[int, int]]:
    """Token ranges of the frame's sentences (quotes are single placeholder tokens, so never split).

    A quote in *closing* ends with its own full stop: a capitalised word after it starts a new sentence.
    A quote in *continuing* opens with a small letter, so a full stop before it ended an abbreviation
    ('who lost 16 lbs. "and two belt loops" this year'), not a sentence. *places*: :func:`_places` of *toks*,
    when the caller has it.
    """
    out, start = [], 0
    n = len(toks)
    # only a placeholder or a sentence mark can end a sentence: those are visited, in order (found by C-level maps)
    marks = itertools.compress(range(n), map(_SENT_TOKS.__contains__, toks))
    for i in sorted(itertools.chain(marks, _places(toks) if places is None else places)):
        t = toks[i]
        if (t[:1] == _PH and i + 1 < n and toks[i + 1][:1].isupper()
                and int(t[1:-1]) in closing and not _attribution_follows(toks, i + 1)):
            out.append((start, i + 1))
            start = i + 1
        elif t in _SENT_TOKS and (i + 1 == n or _is_cap(toks[i + 1]) or toks[i + 1] in {'"', "\u201c"} or (
                _is_placeholder(toks[i + 1]) and not (t == "." and int(toks[i + 1][1:-1]) in continuing))):
            out.append((start, i + 1))
            start = i + 1
    if start < len(toks):
        out.append((start, len(toks)))
    return out


#: Tags of the token runs read during the current analysis. A context variable, so that analyses running
#: in different threads (analyze_corpus with a thread pool) each have their own; _analyse starts a new one.
_TAGGED: contextvars.ContextVar[dict[tuple[str, ...], tuple[str, ...]]] = contextvars.ContextVar("newskit_tags")


def _tag_memo() -> dict[tuple[str, ...], tuple[str, ...]]:
    """The tags remembered by the current analysis (a new memo outside one)."""
    try:
        return _TAGGED.get()
    except LookupError:  # a helper called outside an analysis (tests)
        memo: dict[tuple[str, ...], tuple[str, ...]] = {}
        _TAGGED.set(memo)
        return memo


def _tag_runs(runs: Iterable[tuple[str, ...]]) -> None:
    """Tag many runs of frame tokens in one batch (far faster than one by one) and remember them."""
    from ..core import resources

    memo = _tag_memo()
    todo = [r for r in dict.fromkeys(runs) if r and r not in memo]
    if todo:
        # a placeholder is read as "it"; a token holding the placeholder mark is always a placeholder (the
        # frame tokenizer keeps it apart), so one C-level test per run skips the per-token work for most runs
        words = [["it" if t[:1] == _PH else t for t in run] if _PH in "".join(run) else list(run) for run in todo]
        for run, tags in zip(todo, resources.pos_tagger().tag_sents(words), strict=True):
            if "n't" in (joined := " ".join(run).replace("\u2019", "'")) or "N'T" in joined:
                # a negated auxiliary kept whole ("didn't", "wasn’t": the frame tokenizer does not split it, the
                # tagger was trained on "did" + "n't") is no noun: "Mulder didn’t hesitate" has the subject Mulder
                tags = ["MD" if t.replace("\u2019", "'").lower().endswith("n't") else g for t, g in zip(run, tags, strict=True)]
            memo[run] = tuple(tags)


def _tag(toks: tuple[str, ...]) -> tuple[str, ...]:
    """Penn Treebank tags of a run of frame tokens (a quote placeholder is read as "it")."""
    if not toks:
        return ()
    try:
        memo = _TAGGED.get()
    except LookupError:  # (outside an analysis: see _tag_memo)
        memo = _tag_memo()
    tags = memo.get(toks)
    if tags is None:
        _tag_runs([toks])
        tags = memo[toks]
    return tags


def _is_verb_at(toks: list[str], j: int) -> bool:
    """True when toks[j] is used as a verb here ("claims" in "he claims", not in "the claims")."""
    low = toks[j].lower()
    # (the commonest verbs first: no tags needed; the tags are the same whenever read)
    if low in {"said", "told", "says", "added", "asked"} or _tag(tuple(toks))[j].startswith("VB"):
        return True
    # "Patel writes.", "Patel concludes that ...": a verb the tagger reads as a plural noun after a name that no
    # determiner opens ("the Patel claims were ..." stays a noun) and before the end of a clause
    if not (low.endswith("s") and j > 0 and _is_cap(toks[j - 1]) and toks[j - 1][:1].isupper()):
        return False
    k = j - 1
    while k > 0 and _is_cap(toks[k - 1]) and toks[k - 1][:1].isupper():
        k -= 1
    opener = toks[k - 1].lower() if k > 0 else ""
    nxt = toks[j + 1].lower() if j + 1 < len(toks) else "."
    return opener not in {"the", "a", "an", "his", "her", "its", "their", "our", "these", "those", "this"} and (
        nxt in {".", ",", ";", ":", "that", "in", "on", "of"} or nxt[:1] == _PH)
