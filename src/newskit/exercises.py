"""Self-check exercises for the notebooks: type an answer, get a friendly verdict and a hint.

Each exercise knows how to work out its own answer *from the article* with
newskit's analyses, so the same exercise works on the sample and on an article
a student brings. A wrong answer gets a hint (a different one on each try),
never the solution; an unanswered exercise (``answer = ...``) just says so, so
"Run All" always works::

    from newskit.exercises import check
    answer = 15
    check("00-paragraphs", answer)          # on the sample article
    check("04-paragraphs", 8, article=mine) # on your own article

Matching is tolerant: case and spaces do not matter, a surname is enough for a
person ("Earnest"), an outlet may go by any of its usual names ("AP" or
"Associated Press", see :data:`OUTLET_ALIASES`), numbers may be a little off
where the question says "about", and lists may come in any order. A ¶ number
one below the right one (Python's list position, counted from 0) gets a hint
that ¶ numbers start at 1.

In a notebook, importing this module also installs a small IPython hook
(:func:`install_notebook_hints`): ``answer = Nuri`` or ``answer = Mahmud Nuri``
(text without quote marks) shows a hint to put the text in quote marks instead
of a ``NameError`` or ``SyntaxError`` traceback. Any other error is shown as usual.
"""

from __future__ import annotations

import ast
import builtins
import keyword
import linecache
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from .core.fmt import esc, number
from .core.words import is_title
from .errors import NewskitError

if TYPE_CHECKING:  # pragma: no cover
    from .article import Article

__all__ = ["Exercise", "Verdict", "EXERCISES", "OUTLET_ALIASES", "check", "hint", "exercises", "reset",
           "unquoted_answer_verdict", "install_notebook_hints"]

AnswerKind = Literal["number", "name", "text", "choice", "set"]
Status = Literal["correct", "incorrect", "unanswered", "invalid", "unavailable"]


class _NoAnswer(Exception):
    """Raised by a solver when the article has nothing for this question (e.g. no quotes at all)."""


@dataclass(frozen=True)
class Exercise:
    """One self-check question: what is asked, how the truth is computed, and the hints.

    ``solve(article)`` returns the true answer (``pair=True``: ``solve((a, b))``);
    ``kind`` says how answers are compared; ``tolerance`` is absolute for
    ``number`` answers (``relative=True``: a fraction of the truth).
    ``choices`` maps the letters of a multiple-choice question to their text.
    ``close_note`` is said (instead of praise) when a ``number`` answer is right within the
    tolerance but not exact (``{truth}`` is replaced by the exact answer).
    ``mistakes(article)`` lists the wrong answers a common slip gives, each with the hint that
    explains the slip: ``[(answer, hint), ...]`` (e.g. counting only the people quoted by name).
    ``paragraph=True``: the answer is a ¶ number (from 1), so an answer one too low
    (a Python list position, from 0) gets a hint saying so.
    """

    id: str
    question: str
    kind: AnswerKind
    solve: Callable[[Any], Any]
    hints: tuple[str, ...]
    tolerance: float = 0.0
    relative: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    pair: bool = False
    example: str = "answer = ..."
    close_note: str = "Close enough: exact counts differ a little with how words are split."
    paragraph: bool = False
    mistakes: Callable[[Any], Sequence[tuple[Any, str]]] | None = None


@dataclass(frozen=True)
class Verdict:
    """The result of :func:`check`: ``status`` (correct, incorrect, unanswered, invalid, unavailable), a message and a hint.

    >>> from newskit.exercises import check
    >>> check("00-paragraphs", ...).status
    'unanswered'
    """

    exercise: str
    status: Status
    message: str
    hint: str = ""
    question: str = ""

    @property
    def correct(self) -> bool:
        """True when the answer was right."""
        return self.status == "correct"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data."""
        return {"exercise": self.exercise, "status": self.status, "correct": self.correct,
                "message": self.message, "hint": self.hint, "question": self.question}

    def __str__(self) -> str:
        icon = _ICONS[self.status][0]
        lines = [f"{icon} [{self.exercise}] {self.message}"]
        if self.hint:
            lines.append(f"   Hint: {self.hint}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        icon, colour, background = _ICONS[self.status]
        hint = (f"<div style='margin-top:4px'><b>Hint:</b> {esc(self.hint)}</div>" if self.hint else "")
        return (f"<div class='newskit-verdict newskit-verdict-{self.status}' style='border-left:4px solid {colour};"
                f"background:{background};padding:6px 10px;margin:4px 0;color:#222'>"
                f"<span style='font-size:1.1em'>{icon}</span> <b>{esc(self.exercise)}</b> · {esc(self.message)}{hint}</div>")


_ICONS: dict[str, tuple[str, str, str]] = {
    "correct": ("✅", "#2e7d32", "#edf7ee"),
    "incorrect": ("🤔", "#c77700", "#fff6e5"),
    "unanswered": ("✏️", "#607d8b", "#f1f4f6"),
    "invalid": ("🤔", "#c77700", "#fff6e5"),
    "unavailable": ("ℹ️", "#607d8b", "#f1f4f6"),
}

_PRAISE = ("Well done!", "Correct!", "Yes, that's right!", "Spot on!")


# ---------------------------------------------------------------------------------------------
# Normalising and comparing answers
# ---------------------------------------------------------------------------------------------

def _norm(s: Any) -> str:
    """Lower case, straight apostrophes, no accents, single spaces, no surrounding punctuation."""
    s = unicodedata.normalize("NFKD", str(s))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = " ".join(s.casefold().split())
    return s.strip(" .,;:!?\"'()[]")


def _name_tokens(name: str) -> list[str]:
    """Tokens of a person's name for matching: 'al-Nujaifi' -> 'nujaifi', possessive gone, and the titles
    before the name dropped ('Prime Minister Nouri al-Maliki' -> 'nouri maliki'; 'Martin Luther King' keeps 'king')."""
    out = []
    for t in re.split(r"[\s,]+", _norm(name)):
        t = t.removesuffix("'s").strip(".'\"")
        for pre in ("al-", "el-"):
            if t.startswith(pre) and len(t) > len(pre):
                t = t[len(pre):]
        if t:
            out.append(t)
    while len(out) > 1 and is_title(out[0]):
        out.pop(0)
    return out


def _same_name(answer: Any, truth: str) -> bool:
    """True when *answer* names *truth*: the full name, the surname alone, or the name without a title; a full
    name may spell the first name or the surname a little differently (:func:`_spelling_variant`).

    >>> _same_name("Mahmoud Nuri", "Mahmud Nuri"), _same_name("Nouri", "Mahmud Nuri")
    (True, False)
    """
    a, t = _name_tokens(str(answer)), _name_tokens(truth)
    if not a or not t:
        return _norm(answer) == _norm(truth)
    if a == t:
        return True
    # surname only ("Earnest"), or a longer form ending the same way ("Prime Minister Nouri al-Maliki" vs "al-Maliki")
    if a[-1] == t[-1] and (len(a) == 1 or len(t) == 1 or a[0] == t[0]):
        return True
    return _spelling_variant(a, t)


def _edits(a: str, b: str) -> int:
    """The Levenshtein distance between *a* and *b* (insertions, deletions, substitutions).

    >>> _edits("mahmoud", "mahmud"), _edits("muhammad", "mohammed")
    (1, 2)
    """
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _spelling_variant(a: Sequence[str], t: Sequence[str]) -> bool:
    """Two full names (first name and surname at least) that are the same person spelt two ways: the same
    surname and a first name within a small edit distance ("Mahmoud" / "Mahmud", "Mohammed" / "Muhammad"),
    or the same first name and a surname one letter off ("Nouri" / "Nuri"). A surname alone never is."""
    if len(a) < 2 or len(t) < 2:
        return False
    (af, al), (tf, tl) = (a[0], a[-1]), (t[0], t[-1])
    if al == tl:
        return af[0] == tf[0] and _edits(af, tf) <= (1 if min(len(af), len(tf)) <= 5 else 2)
    return af == tf and min(len(al), len(tl)) >= 4 and _edits(al, tl) <= 1


def _to_number(answer: Any) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, (int, float)):
        return float(answer)
    if isinstance(answer, str):
        # "15", "1,200", "25.5", "70%", "about 600 words": exactly one number in the text
        found = _NUMBER.findall(answer.replace(",", ""))
        return float(found[0]) if len(found) == 1 else None
    return None


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _is_unanswered(answer: Any) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str) and _norm(answer) in {"", "...", "?", "your answer", "your answer here"}:
        return True
    if isinstance(answer, (list, tuple, set, frozenset)) and not answer:
        return True
    return False


def _items(answer: Any) -> list[str]:
    """A list answer from a list/tuple/set, or from a string separated by commas, semicolons or 'and'."""
    if isinstance(answer, str):
        parts = re.split(r"[,;\n]|\band\b", answer)
    elif isinstance(answer, (list, tuple, set, frozenset)):
        parts = [str(x) for x in answer]
    else:
        parts = [str(answer)]
    return [p for p in (_norm(x) for x in parts) if p]


# ---------------------------------------------------------------------------------------------
# Solvers: each works out the truth from the article with newskit's own analyses
# ---------------------------------------------------------------------------------------------

def _paragraph_count(article: Article) -> int:
    return len(article.paragraphs)


def _word_count(article: Article) -> int:
    return len(article)


def _first_named_speaker(article: Article) -> str:
    for q in article.quotes():
        if q.speaker is not None and q.speaker.kind == "named":
            return q.speaker.name
    raise _NoAnswer("newskit finds nobody quoted by name in this article")


def _role_paragraph(role: str) -> Callable[[Article], int]:
    def solve(article: Article) -> int:
        from . import structure

        for p in structure.paragraph_roles(article):
            if p.role == role:
                return p.index + 1
        raise _NoAnswer(f"newskit finds no {role} in this article")

    solve.__name__ = f"_first_{role}"
    return solve


def _words_per_sentence(article: Article) -> float:
    r = article.readability()
    if not r.sentences:
        raise _NoAnswer("this article has no sentences")
    return round(r.words / r.sentences, 1)


def _source_count(article: Article) -> int:
    return len(article.sources())


def _named_only(article: Article) -> list[tuple[int, str]]:
    """The slip of counting only the people quoted by name, when the article also quotes groups or unnamed sources."""
    rows = list(article.sources())
    named = sum(r.source.kind == "named" for r in rows)
    others = [r.source.name for r in rows if r.source.kind != "named"]
    if not others:
        return []
    return [(named, f"That is the number of people quoted BY NAME. Groups and unnamed sources count too: "
                    f"'{others[0]}' is a source as well. Count every speaker in the quotes table once.")]


def _top_source(article: Article) -> str:
    rows = list(article.sources())
    if not rows:
        raise _NoAnswer("newskit finds no quoted sources in this article")
    return max(rows, key=lambda r: (r.quoted_words, -r.first_paragraph)).source.name


def _top_share(article: Article) -> float:
    rows = list(article.sources())
    if not rows:
        raise _NoAnswer("newskit finds no quoted sources in this article")
    return round(100 * max(r.share for r in rows), 1)


def _outlet_names(article: Article) -> list[str]:
    names = [o.name for o in article.outlets()]
    if not names:
        raise _NoAnswer("newskit finds no outlet credited in this article")
    return names


def _first_unattributed(article: Article) -> int:
    for a in article.attributions():
        if a.kind == "unattributed":
            return a.paragraph + 1
    raise _NoAnswer("newskit finds no unattributed claim in this article")


def _top_words(article: Article) -> list[str]:
    """The most frequent content word(s): every word tied for first place counts."""
    rows = article.frequencies(top=10).rows
    if not rows:
        raise _NoAnswer("this article has no words to count")
    return [r.word for r in rows if r.count == rows[0].count]


def _mentions(query: str) -> Callable[[Article], int]:
    def solve(article: Article) -> int:
        return len(article.concordance(query))

    solve.__name__ = "_mentions"
    return solve


def _label_count(actor: str) -> Callable[[Article], int]:
    def solve(article: Article) -> int:
        group = article.labels().find(actor)
        if group is None:
            raise _NoAnswer(f"newskit finds no label {actor!r} in this article")
        return len(group.labels)

    solve.__name__ = "_label_count"
    return solve


def _accused_by(article: Article) -> str:
    """'b' when the 'has been accused' passive names nobody; 'a' if it has a 'by ...' agent."""
    for p in article.passives():
        if p.verb.lower() == "accused":
            return "b" if p.agent is None else "a"
    raise _NoAnswer("newskit finds no 'accused' passive in this article")


def _more_sources(pair: tuple[Article, Article]) -> str:
    a, b = pair
    na, nb = len(a.sources()), len(b.sources())
    return "a" if na > nb else "b" if nb > na else "same"


# ---------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------

def _ex(*args: Any, **kwargs: Any) -> Exercise:
    ex = Exercise(*args, **kwargs)
    EXERCISES[ex.id] = ex
    return ex


#: Every exercise, by id. Ids start with the notebook number ("02-speakers" is in 02-sources.ipynb).
EXERCISES: dict[str, Exercise] = {}

_ex("00-paragraphs", "How many paragraphs (¶) does the article have, not counting the headline? "
    "Count every numbered paragraph, even the short odd ones.", "number",
    _paragraph_count,
    ("In the viewer every paragraph starts with a grey ¶ number. What is the last number?",
     "In a new cell, try len(article.paragraphs): len() counts the items in a list."),
    example="answer = 12")
_ex("00-words", "About how many words does the article have?", "number", _word_count,
    ("Python can count for you: len(article) gives the number of words.",
     "Type len(article) in a cell, run it, and copy the number into answer."),
    tolerance=0.05, relative=True, example="answer = 500")
_ex("00-first-speaker", "Who is the first person quoted BY NAME (in quote marks)?", "name", _first_named_speaker,
    ("Look for the first quote marks in the viewer. The first two quotes are by groups, not named people.",
     "Read paragraph 3 carefully: who 'told' a news agency what the army did?"),
    example='answer = "Firstname Surname"')

_ex("01-lede", "Which paragraph number is the lede (the opening paragraph that sums up the news)?", "number",
    _role_paragraph("lede"),
    ("The lede is usually the first paragraph of the body, right after the headline.",
     "Python counts from 0: the paragraph we read above, article.paragraphs[0], has which ¶ number?"),
    example="answer = 5", paragraph=True)
_ex("01-caption", "Which paragraph is really a photo caption?", "number", _role_paragraph("caption"),
    ("A caption describes a picture: it has no full stop at the end and does not continue the story.",
     "Look between Josh Earnest's quotes: one short 'paragraph' describes families at a checkpoint."),
    example="answer = 2", paragraph=True)
_ex("01-subhead", "Which paragraph is really a subheading?", "number", _role_paragraph("subhead"),
    ("A subheading is a very short line, often in Title Case, with no full stop.",
     "Look in the second half of the article for a line of three words."),
    example="answer = 4", paragraph=True)
_ex("01-sentence-length", "About how many words does an average sentence have (the headline does not count)?", "number",
    _words_per_sentence,
    ("Divide the number of words by the number of sentences: article.readability() shows both.",
     "News writing guides suggest 15-20 words. Is this article above or below? Compute it to check."),
    tolerance=2.0, example="answer = 20")

_ex("02-speakers", "How many different sources does newskit find quoted in quote marks?", "number", _source_count,
    ("In the quotes table, look at the 'speaker' column: count each speaker once, even if they are quoted several times.",
     "Groups such as 'militants' count as sources too. len(article.sources()) counts them for you."),
    example="answer = 4", mistakes=_named_only)
_ex("02-top-speaker", "Who gets the most quoted words?", "name", _top_source,
    ("In the quotes table, whose quotes are the longest, and who is quoted most often?",
     "One official speaks in several paragraphs in a row. Who is he?"),
    example='answer = "Surname"')
_ex("02-outlets", "Through which news outlets do people speak? List them all.", "set", _outlet_names,
    ("Look for 'told the ...' or 'speaking to ...' in the article, or at the 'channel' column of the quotes table: "
     "the name there is an outlet.",
     "Reported speech counts too: the residents in paragraph 2 told an outlet what they saw. article.outlets() lists them all."),
    example='answer = ["Outlet one", "Outlet two"]')
_ex("02-unattributed", "Which paragraph makes a claim without saying who makes it (an unattributed claim)?", "number",
    _first_unattributed,
    ("Look for a passive sentence ('something was done', 'someone has been blamed') with no 'by ...' that says who.",
     "Read the article from the top: stop at the first claim that is not in quote marks and has no 'said', 'told' or "
     "'according to'."),
    example="answer = 3", paragraph=True)

_ex("03-top-word", "Which content word (not 'the', 'of', ...) is the most frequent?", "name", _top_words,
    ("Run the frequency cell: the word at the top of the list is the answer.",
     "article.frequencies() leaves out the little words; look at its first row."),
    example='answer = "word"')
_ex("03-flee", "How many times does the article (headline included) use a word starting with 'flee' "
    "(flee, fleeing, ...)?", "number", _mentions("flee*"),
    ("article.concordance('flee*') shows every use, one per line: the star matches any ending.",
     "Count the lines of the concordance, or look at the number of hits above the table."),
    example="answer = 2")
_ex("03-labels", "How many different labels does newskit list for the ISIS group (the 'labels' column of its row)?",
    "number", _label_count("ISIS"),
    ("In the table of article.labels(), find the row whose actor is ISIS and read its 'labels' column.",
     "Count the labels between the commas: '×2' after a label means it is used twice, not that it is two labels."),
    tolerance=1.0, close_note="Close enough, but not exact: newskit's row lists {truth}. Count them once more, one at a time.",
    example="answer = 3")
_ex("03-accused-by", "'Iraq has been accused of abandoning [its] citizens.' By whom? "
    "(a) world leaders, as the article says  (b) the article does not say  (c) ISIS", "choice", _accused_by,
    ("A passive sentence can leave out who did the action. Is there a 'by ...' after 'accused'?",
     "article.passives() lists the passive sentences: what is in its 'agent (by ...)' column for 'accused'?"),
    choices=(("a", "world leaders"), ("b", "the article does not say"), ("c", "isis")),
    example='answer = "a"')

_ex("04-paragraphs", "How many paragraphs (¶) does YOUR article have, not counting the headline?", "number",
    _paragraph_count,
    ("Each row of the structure table is one paragraph, whatever its role (lede, body, ...): look at the last ¶ number.",
     "len(mine.paragraphs) counts them."),
    example="answer = 10")
_ex("04-top-source", "Who gets the most quoted words in YOUR article?", "name", _top_source,
    ("Look at the 'quoted words' column of your article's sources table.",
     "mine.sources() shows the table; pick the row with the most quoted words."),
    example='answer = "Surname"')
_ex("04-more-sources", "Which article quotes more different sources: 'a' (the first), 'b' (the second) or 'same'?",
    "choice", _more_sources,
    ("In the comparison above, compare the 'quoted sources' row of the two articles.",
     "len(other.sources()) and len(mine.sources()) give the two numbers; compare them."),
    choices=(("a", "the first"), ("b", "the second"), ("same", "the same")), pair=True,
    example='answer = "a"')


# ---------------------------------------------------------------------------------------------
# Checking
# ---------------------------------------------------------------------------------------------

_attempts: dict[str, int] = {}


def reset() -> None:
    """Forget how many times each exercise was tried (hints start again from the first)."""
    _attempts.clear()


def exercises(prefix: str = "") -> list[Exercise]:
    """The exercises whose id starts with *prefix* (e.g. ``"02"``), in order.

    >>> [e.id for e in exercises("00")]
    ['00-paragraphs', '00-words', '00-first-speaker']
    """
    return [e for k, e in EXERCISES.items() if k.startswith(prefix)]


def _lookup(exercise_id: str) -> Exercise:
    ex = EXERCISES.get(str(exercise_id).strip())
    if ex is None:
        close = [k for k in EXERCISES if k[:2] == str(exercise_id)[:2]] or list(EXERCISES)
        raise KeyError(f"there is no exercise {exercise_id!r}; exercises here are: {', '.join(close)}")
    return ex


def hint(exercise_id: str, number: int = 1) -> str:
    """The *number*-th hint of an exercise (from 1), without checking an answer.

    >>> hint("00-words").startswith("Python")
    True
    """
    ex = _lookup(exercise_id)
    return ex.hints[max(0, min(number, len(ex.hints)) - 1)]


def _next_hint(ex: Exercise) -> str:
    n = _attempts.get(ex.id, 0)
    _attempts[ex.id] = n + 1
    return ex.hints[n % len(ex.hints)]


def check(exercise_id: str, answer: Any, article: Article | Sequence[Article] | None = None) -> Verdict:
    """Check *answer* to an exercise and return a friendly :class:`Verdict` (shown nicely in a notebook).

    The truth is computed from *article* (default: the sample article; a pair
    ``(a, b)`` for comparison exercises). ``answer = ...`` or ``None`` means
    "not answered yet" and is never an error.

    >>> check("00-paragraphs", 15).correct
    True
    >>> check("00-paragraphs", 3).status
    'incorrect'
    """
    try:
        ex = _lookup(exercise_id)
    except KeyError as err:
        return Verdict(str(exercise_id), "unavailable", str(err.args[0]))
    if _is_unanswered(answer):
        return Verdict(ex.id, "unanswered", "Not answered yet: replace the ... after 'answer =' with your answer "
                       f"(for example {ex.example}) and run the cell again.", "", ex.question)
    try:
        truth = ex.solve(_article_for(ex, article))
    except _NoAnswer as err:
        return Verdict(ex.id, "unavailable", f"This exercise cannot be checked on this article: {err}.",
                       "Try it on the sample article, or skip it.", ex.question)
    except (ImportError, AttributeError) as err:
        return Verdict(ex.id, "unavailable", "This exercise needs a part of newskit that is not installed here "
                       f"({type(err).__name__}: {err}).", "Ask your instructor.", ex.question)
    except NewskitError as err:
        return Verdict(ex.id, "unavailable", f"newskit could not analyse the article: {err}", "", ex.question)
    verdict = _compare(ex, answer, truth)
    if verdict.status == "incorrect" and ex.mistakes is not None:
        for wrong, why in _mistakes(ex, _article_for(ex, article)):
            if _same_answer(ex, answer, wrong):
                return Verdict(ex.id, "incorrect", verdict.message, why, ex.question)
    return verdict


def _mistakes(ex: Exercise, article: Any) -> Sequence[tuple[Any, str]]:
    """The exercise's common slips on *article*; none when they cannot be worked out."""
    try:
        return ex.mistakes(article) if ex.mistakes is not None else ()
    except (_NoAnswer, NewskitError, ImportError, AttributeError):
        return ()


def _same_answer(ex: Exercise, answer: Any, value: Any) -> bool:
    """True when *answer* is *value* as the exercise compares answers (a number exactly; a name or a text)."""
    if ex.kind == "number":
        got = _to_number(answer)
        return got is not None and abs(got - float(value)) < 1e-9
    if ex.kind == "name":
        return isinstance(answer, str) and (_same_name(answer, str(value)) or _same_text(answer, value))
    return _same_text(answer, value)


def _article_for(ex: Exercise, article: Any) -> Any:
    from .loaders import sample

    if ex.pair:
        if article is None:
            raise _NoAnswer("this exercise compares two articles: pass article=(first, second)")
        if not isinstance(article, (tuple, list)) or len(article) != 2:
            raise _NoAnswer("pass the two articles as a pair: article=(first, second)")
        return tuple(article)
    if isinstance(article, (tuple, list)):
        article = article[0] if article else None
    return sample() if article is None else article


def _correct(ex: Exercise, extra: str = "", *, close: str = "") -> Verdict:
    """A correct verdict: praise (and *extra*), or for an answer right only within the tolerance, *close* instead."""
    praise = close or _PRAISE[sum(map(ord, ex.id)) % len(_PRAISE)]
    _attempts.pop(ex.id, None)
    return Verdict(ex.id, "correct", f"{praise}{(' ' + extra) if extra else ''}", "", ex.question)


def _wrong(ex: Exercise, message: str, hint: str = "") -> Verdict:
    """An incorrect verdict with the next hint (or *hint*, which still counts as a try)."""
    next_hint = _next_hint(ex)
    return Verdict(ex.id, "incorrect", message, hint or next_hint, ex.question)


def _compare(ex: Exercise, answer: Any, truth: Any) -> Verdict:
    return _COMPARE[ex.kind](ex, answer, truth)


def _whole(x: float) -> int | float:
    """15.0 -> 15, so a count reads as a count ("15", not "15.0") in :func:`newskit.core.fmt.number`."""
    return int(x) if float(x).is_integer() else x


_PARAGRAPH_HINT = ("¶ numbers start at 1, but Python counts the positions in a list from 0: article.paragraphs[0] "
                   "is ¶1. Did you give the position in the list instead of the ¶ number?")


def _compare_number(ex: Exercise, answer: Any, truth: Any) -> Verdict:
    value = _to_number(answer)
    if value is None:
        return Verdict(ex.id, "invalid", f"Please answer with a number, like {ex.example!s}.",
                       "Write just the number, without quote marks.", ex.question)
    tol = ex.tolerance * abs(float(truth)) if ex.relative else ex.tolerance
    if abs(value - float(truth)) <= max(tol, 1e-9):
        if value != truth and tol:  # right within the tolerance, not exact: say so, without "Spot on!"
            return _correct(ex, close=ex.close_note.replace("{truth}", number(_whole(float(truth)))))
        return _correct(ex)
    if ex.paragraph and value == 0:
        return _wrong(ex, "Not quite: there is no ¶0.", _PARAGRAPH_HINT)
    if ex.paragraph and value == float(truth) - 1:
        return _wrong(ex, f"Not quite: {number(_whole(value))} is too low.", _PARAGRAPH_HINT)
    direction = "too high" if value > truth else "too low"
    return _wrong(ex, f"Not quite: {number(_whole(value))} is {direction}.")


def _compare_name(ex: Exercise, answer: Any, truth: Any) -> Verdict:
    truths = truth if isinstance(truth, (list, tuple)) else [truth]
    if not isinstance(answer, str):
        return Verdict(ex.id, "invalid", "Please answer with a name or a word in quote marks, like "
                       f"{ex.example}.", "", ex.question)
    if any(_same_text(answer, t) or _name_tokens(answer) == _name_tokens(t) for t in truths):
        return _correct(ex)
    for t in truths:
        if _same_name(answer, t):
            a, w = _name_tokens(answer), _name_tokens(t)
            exact = a[-1:] == w[-1:] and (len(a) == 1 or len(w) == 1 or a[0] == w[0])
            return _correct(ex, "" if exact else f"(newskit spells the name {t!r}.)")
    return _wrong(ex, f"Not quite: {answer.strip()!r} is not the answer newskit finds.")


def _compare_choice(ex: Exercise, answer: Any, truth: Any) -> Verdict:
    got = _choice(ex, answer)
    if got is None:
        letters = ", ".join(repr(k) for k, _ in ex.choices)
        return Verdict(ex.id, "invalid", f"Please answer with one of {letters}.", "", ex.question)
    if got == truth:
        return _correct(ex)
    return _wrong(ex, f"Not quite: {got!r} is not the answer.")


def _compare_set(ex: Exercise, answer: Any, truth: Any) -> Verdict:
    want = [_norm(t) for t in truth]
    got = _items(answer)
    matched = {w for w in want if any(_same_text(g, w) for g in got)}
    extra = [g for g in got if not any(_same_text(g, w) for w in want)]
    if len(matched) == len(want) and not extra:
        return _correct(ex)
    parts = []
    if matched:
        parts.append(f"{len(matched)} of your answers {'is' if len(matched) == 1 else 'are'} right")
    if extra:
        parts.append(f"{', '.join(repr(x) for x in extra)} {'is' if len(extra) == 1 else 'are'} not on newskit's list")
    if len(matched) < len(want):
        parts.append(f"{len(want) - len(matched)} {'is' if len(want) - len(matched) == 1 else 'are'} missing")
    return _wrong(ex, "Not quite: " + "; ".join(parts) + ".")


def _compare_text(ex: Exercise, answer: Any, truth: Any) -> Verdict:
    if _same_text(answer, truth):
        return _correct(ex)
    return _wrong(ex, "Not quite.")


_COMPARE: dict[str, Callable[[Exercise, Any, Any], Verdict]] = {
    "number": _compare_number, "name": _compare_name, "choice": _compare_choice, "set": _compare_set,
    "text": _compare_text,
}


def _choice(ex: Exercise, answer: Any) -> str | None:
    if not isinstance(answer, str):
        return None
    a = _norm(answer).strip("() ")
    for key, text in ex.choices:
        if a == key or a.startswith(f"{key})") or a == _norm(text):
            return key
    for key, text in ex.choices:  # "(b) the article does not say"
        if a.startswith(key + " ") and _norm(text) in a:
            return key
    return None


# ---------------------------------------------------------------------------------------------
# Text and outlet answers: one key per way of writing a name
# ---------------------------------------------------------------------------------------------

#: The usual other names of news outlets (the name newskit credits first, then what else people call it),
#: so "Associated Press" is right where newskit says "AP". Names are compared without case, accents,
#: full stops, hyphens or a leading "the": "The Associated Press", "A.P." and "Al-Jazeera" need no entry.
#: From the outlets' own names (about pages and style guides); add a row for an outlet your articles use.
OUTLET_ALIASES: dict[str, tuple[str, ...]] = {
    "AP": ("Associated Press", "AP news agency"),
    "AFP": ("Agence France-Presse", "France-Presse", "AFP news agency"),
    "BBC": ("British Broadcasting Corporation", "BBC News"),
    "Reuters": ("Reuters news agency", "Thomson Reuters"),
    "CNN": ("Cable News Network",),
    "NYT": ("New York Times",),
    "WSJ": ("Wall Street Journal",),
    "Washington Post": ("WaPo",),
    "FT": ("Financial Times",),
    "NPR": ("National Public Radio",),
    "PBS": ("Public Broadcasting Service",),
    "CBC": ("Canadian Broadcasting Corporation",),
    "Al Jazeera": ("Aljazeera",),
    "Xinhua": ("Xinhua News Agency",),
}


def _plain_key(s: Any) -> str:
    """How two texts are compared: :func:`_norm`, then no full stops or hyphens and no leading article."""
    k = " ".join(_norm(s).replace(".", "").replace("-", " ").split())
    for article in ("the ", "a ", "an "):
        if k.startswith(article):
            return k[len(article):]
    return k


_ALIAS_KEY: dict[str, str] = {_plain_key(name): _plain_key(first)
                              for first, others in OUTLET_ALIASES.items() for name in (first, *others)}


def _text_key(s: Any) -> str:
    """The comparison key of a text answer: "The Associated Press" and "AP" have the same key.

    >>> _text_key("The Associated Press") == _text_key("AP") == _text_key("a.p.")
    True
    """
    k = _plain_key(s)
    return _ALIAS_KEY.get(k, k)


def _same_text(a: Any, b: Any) -> bool:
    return _text_key(a) == _text_key(b)


# ---------------------------------------------------------------------------------------------
# In a notebook: text without quote marks gets a hint, not a traceback
# ---------------------------------------------------------------------------------------------

_ANSWER_LINE = re.compile(r"^\s*answer\s*=\s*(?P<value>\S.*?)\s*(?:#.*)?$")
_CHECK_ID = re.compile(r"""\bcheck\(\s*["']([0-9]{2}-[a-z0-9-]+)["']""")
#: A run of words without quote marks, as a student types a name: letters first, then letters, digits,
#: spaces, apostrophes, hyphens and full stops ("Nuri", "Mahmud Nuri", "Agence France-Presse", "Mr. Earnest").
_BARE = re.compile(r"[^\W\d_][\w'’.\-]*(?: +[\w'’.\-]+)*")
_PIECES = re.compile(r"([\[\](){},])")
_HANDLED = (NameError, SyntaxError)


def _quote_bare_text(value: str, known: Iterable[str] = ()) -> str:
    """*value* with each run of bare words between brackets and commas put in quote marks; names in *known*
    (variables, builtins) are left alone: ``[AP, BBC]`` -> ``["AP", "BBC"]``, ``len(article)`` stays."""
    names = set(known) | set(keyword.kwlist) | set(dir(builtins))
    out = []
    for piece in _PIECES.split(value):
        core = piece.strip()
        first = re.match(r"[^\W\d]\w*", core)
        if core and _BARE.fullmatch(core) and not (first and first.group() in names):
            piece = piece.replace(core, '"' + core.replace('"', "'") + '"', 1)
        out.append(piece)
    return "".join(out)


def unquoted_answer_verdict(line: str, cell: str = "", missing: str | None = None,
                            known: Iterable[str] = ()) -> Verdict | None:
    """The hint for an exercise line ``answer = Nuri`` whose text has no quote marks, or None if *line* is not one.

    *cell* is the whole cell (for the exercise id of its ``check("...")``); *missing* is the name Python
    did not know (a ``NameError``), None for a ``SyntaxError``; names in *known* are the notebook's variables.

    >>> v = unquoted_answer_verdict("answer = Mahmud Nuri", 'answer = Mahmud Nuri\\ncheck("00-first-speaker", answer)')
    >>> v.exercise, v.status, 'answer = "Mahmud Nuri"' in v.message
    ('00-first-speaker', 'invalid', True)
    >>> unquoted_answer_verdict("answer = 12") is None
    True
    """
    m = _ANSWER_LINE.match(line or "")
    if not m:
        return None
    value = m.group("value")
    fixed = _quote_bare_text(value, known)
    if fixed == value or (missing is not None and f'"{missing}' not in fixed and f'{missing}"' not in fixed):
        return None
    try:
        ast.parse(f"answer = {fixed}")
    except SyntaxError:
        return None
    found = _CHECK_ID.search(cell or "")
    ex = EXERCISES.get(found.group(1)) if found else None
    read = (f"Python read {missing} as the name of a variable, and there is no such variable" if missing
            else f"Python cannot read {value} without quote marks")
    message = f"{read}. Text (names, words) goes in quote marks: answer = {fixed}"
    hint = ("Numbers go without quote marks (answer = 12), text inside them (answer = \"Smith\")"
            + (f". For this question, for example: {ex.example}" if ex else "") + ".")
    return Verdict(ex.id if ex else "answer", "invalid", message, hint, ex.question if ex else "")


def _verdict_for(shell: Any, value: BaseException, tb: Any) -> Verdict | None:
    """The hint for an exception in a notebook cell, if it is an answer without quote marks."""
    known = set(getattr(shell, "user_ns", {}) or {})
    if isinstance(value, SyntaxError):
        cell = "".join(linecache.getlines(value.filename)) if value.filename else ""
        return unquoted_answer_verdict((value.text or "").rstrip("\n"), cell, None, known)
    if not isinstance(value, NameError) or not getattr(value, "name", None) or tb is None:
        return None
    while tb.tb_next is not None:  # the innermost frame: the error must come from the cell itself
        tb = tb.tb_next
    frame = tb.tb_frame
    if frame.f_code.co_name != "<module>" or frame.f_globals is not getattr(shell, "user_global_ns", None):
        return None
    filename = frame.f_code.co_filename
    line = linecache.getline(filename, tb.tb_lineno)
    return unquoted_answer_verdict(line, "".join(linecache.getlines(filename)), value.name, known)


def _notebook_exception(shell: Any, etype: type[BaseException], value: BaseException, tb: Any,
                        tb_offset: int | None = None) -> None:
    """IPython's custom exception handler: a hint for an answer without quote marks, else the usual traceback."""
    try:
        verdict = _verdict_for(shell, value, tb)
    except Exception:  # noqa: BLE001 - never hide the real error behind a failing hint
        verdict = None
    if verdict is None:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return
    from IPython.display import display

    display(verdict)


def install_notebook_hints(shell: Any = None) -> bool:
    """In IPython or Jupyter, show a hint instead of a traceback for ``answer = Nuri`` (text without quote marks).

    Importing :mod:`newskit.exercises` calls it. It uses IPython's custom exception handler for
    ``NameError`` and ``SyntaxError``: an error on an ``answer = ...`` line whose text lacks quote marks
    shows a :class:`Verdict` saying how to write it; every other error shows its usual traceback. The cell
    still counts as failed, so "Run All" stops there, at the hint. Returns False (and does nothing) outside
    IPython or when another custom handler is already installed.

    >>> install_notebook_hints()  # not in a notebook: nothing to do
    False
    """
    if shell is None:
        if "IPython" not in sys.modules:  # not imported: certainly not running in IPython
            return False
        from IPython import get_ipython

        shell = get_ipython()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False
    current = tuple(getattr(shell, "custom_exceptions", ()) or ())
    if current and current != _HANDLED:
        return False
    shell.set_custom_exc(_HANDLED, _notebook_exception)
    return True


try:
    install_notebook_hints()
except Exception:  # noqa: BLE001 - a hint is a nicety: never break the import
    pass
