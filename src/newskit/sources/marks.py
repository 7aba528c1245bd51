r"""Quote marks: pairing them into quotes, paragraph by paragraph, and telling speech from scare quotes.

The scanner is linear in the length of the text. It pairs double marks (straight, curly, mixed, low-9,
guillemets); a paragraph that opens a quote and does not close it, followed by a paragraph that reopens
it, gives one quote in several *pieces*. A paragraph with no double marks may quote with single ones.
A fragment in marks that nobody says (a title, a word talked about) is not speech (:func:`_is_mention`).

>>> import newskit
>>> [r.pieces for r in _scan(newskit.from_text('Head\n\n"Yes," she said. \u201cNo.\u201d'))]
[((7, 11),), ((24, 27),)]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..core.text import Text
from ..core.text import trim_span as _trim
from ..core.words import OPEN_QUOTES, QUOTE_CHARS
from .lexicon import MENTION_CUES, SPEECH_VERBS
from .tokens import _is_placeholder, _tag

#: The double marks among :data:`~newskit.core.words.QUOTE_CHARS` (straight, curly, low-9, guillemets): the marks
#: the scanner pairs. Openers and closers are told apart by :data:`~newskit.core.words.OPEN_QUOTES`; the straight
#: mark is either, by its neighbours.
_DOUBLES = "".join(c for c in QUOTE_CHARS if c == '"' or "DOUBLE" in unicodedata.name(c))
_OPENERS = "".join(c for c in _DOUBLES if c in OPEN_QUOTES and c != '"')  # “ „ «
_CLOSERS = "".join(c for c in _DOUBLES if c not in OPEN_QUOTES)          # ” »
_MARKS = '"' + _OPENERS + _CLOSERS


#: Characters that end a sentence inside a quote.
_SENT_END = ".!?\u2026"


_OPEN_CONTEXT = "([{\u2014\u2013-/:;,"  # characters after which a straight mark opens


# (an alternation of literals, not a character class and two pairs: the regex engine then skips ahead to the next
# character that may start one, several times faster on long texts; it finds the same marks)
_MARK_RE = re.compile("|".join(re.escape(c) for c in _MARKS) + "|\u2019\u2019|''")

#: Two single closing marks typed for one double ('...local creators,\u2019\u2019 says ...'): a closing mark of an
#: open quote, and nothing otherwise (a ditto or inch mark).
_PAIRED_SINGLES = ("\u2019\u2019", "''")


@dataclass(frozen=True)
class _Raw:
    """A quote found by the scanner: spans of the quoted characters, and where its marks stand."""

    pieces: tuple[tuple[int, int], ...]
    open_mark: int            # offset of the opening mark of the first piece
    close_mark: int | None    # offset of the closing mark of the last piece (None: ran to paragraph end)


def _mark_role(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'either' for the double quote mark at text[i] (paragraph bounds lo..hi)."""
    c = text[i]
    if c in _OPENERS:
        return "open"
    if c in _CLOSERS:
        return "close"
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    opens = (prev.isspace() or prev in _OPEN_CONTEXT or prev in _MARKS or prev == "\u2018") and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or not nxt.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _scan_paragraph(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int, int, int]], int | None]:
    """Quote runs in one paragraph: (open_mark, start, end, close_mark) closed runs, and the offset of an unclosed opener."""
    runs: list[tuple[int, int, int, int]] = []
    open_at: int | None = None
    for m in _MARK_RE.finditer(text, lo, hi):  # (only the marks, not every character)
        i = m.start()
        if m.group() in _PAIRED_SINGLES:
            if open_at is None or text[i - 1].isspace():
                continue
            role = "close"
        else:
            role = _mark_role(text, i, lo, hi)
        if open_at is not None and text[open_at] == "\u201e" and text[i] == "\u201c":
            role = "close"  # German: „Wir bleiben“
        if open_at is None:
            if role != "close":
                open_at = i
        elif role == "open" and text[i] not in _CLOSERS:
            # an opener while open. After a full stop it is the next piece of the same speech
            # ('...end. "Next ...'); otherwise the earlier quote was never closed: end it at its
            # last full stop, before the reporter's words that lead into this new quote.
            j = i - 1
            while j > open_at and text[j].isspace():
                j -= 1
            if text[j] in _SENT_END or text[j] in _MARKS:
                runs.append((open_at, open_at + 1, j + 1, -1))  # -1: continued by the next run
            else:
                cut = max(text.rfind(". ", open_at, i), text.rfind("? ", open_at, i), text.rfind("! ", open_at, i))
                runs.append((open_at, open_at + 1, cut + 1 if cut > open_at else j + 1, -2))  # -2: unclosed
            open_at = i
        else:
            runs.append((open_at, open_at + 1, i, i))
            open_at = None
    return runs, open_at


#: The single marks the scanner pairs when a paragraph has no double ones: straight and curly (the low-9 and
#: angle singles and the backtick of QUOTE_CHARS are not read as single quotes).
_SINGLES = "".join(c for c in QUOTE_CHARS if c == "'" or unicodedata.name(c).startswith(("LEFT SINGLE", "RIGHT SINGLE")))


_SINGLE_RE = re.compile("[" + _SINGLES + "]")


def _scan_single(text: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """Single-mark quotes ('I am here,' said Tom) in a paragraph that has no double marks.

    An opening mark follows a space and precedes a letter; a closing mark follows a
    non-space and is not followed by a letter, so apostrophes (don't, Iraq's) never
    count. A run longer than 80 words is taken for a stray apostrophe and dropped.
    """
    runs: list[tuple[int, int, int, int]] = []
    open_at: int | None = None
    for m in _SINGLE_RE.finditer(text, lo, hi):  # (only the marks, not every character)
        i = m.start()
        c = text[i]
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        opens = c != "\u2019" and (prev.isspace() or prev in "([{\u2014\u2013-/") and nxt.isalnum()
        closes = c != "\u2018" and not prev.isspace() and not nxt.isalnum()
        if open_at is not None and closes and i > open_at + 1:
            if len(text[open_at + 1:i].split()) <= 80:
                runs.append((open_at, open_at + 1, i, i))
            open_at = None
        elif opens:
            open_at = i
    return runs


def _scan(article: Text) -> list[_Raw]:
    """All direct-quote candidates in the body, each with its pieces (several when it runs on)."""
    text = article.text
    paras = article.paragraphs
    out: list[_Raw] = []
    carry: list[tuple[int, int]] = []
    carry_open = -1
    for k, p in enumerate(paras):
        runs, open_at = _scan_paragraph(text, p.start, p.end)
        if not runs and open_at is None and not carry and not _MARK_RE.search(p.text):
            runs = _scan_single(text, p.start, p.end)
        pending: list[tuple[int, int, int, int]] = []
        for run in runs:
            pending.append(run)
        # join continued runs: a run with no closing mark followed by the next run in the same paragraph
        for om, s, e, cm in pending:
            if carry:
                carry.append((s, e))
            else:
                carry = [(s, e)]
                carry_open = om
            if cm != -1:
                out.append(_Raw(tuple(carry), carry_open, cm if cm >= 0 else None))
                carry = []
        if open_at is not None:
            s, e = _trim(text, open_at + 1, p.end)
            if carry:
                carry.append((s, e))
            else:
                carry, carry_open = [(s, e)], open_at
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            if nxt is None or text[nxt.start] not in '"' + _OPENERS:
                out.append(_Raw(tuple(carry), carry_open, None))
                carry = []
        elif carry:  # a continued run whose next piece never came
            out.append(_Raw(tuple(carry), carry_open, None))
            carry = []
    if carry:
        out.append(_Raw(tuple(carry), carry_open, None))
    # trim spaces inside the marks (French « ... »), drop empty pieces ('""') and quotes left with none
    kept = []
    for r in out:
        pieces = tuple((s, e) for s, e in (_trim(text, s0, e0) for s0, e0 in r.pieces) if e > s)
        if pieces:
            kept.append(_Raw(pieces, r.open_mark, r.close_mark))
    return kept


def _ends_sentence(text: str, raw: _Raw) -> bool:
    """True when the quote's last piece ends with its own full stop (or ! ? …), spaces and single marks aside."""
    s, e = raw.pieces[-1]
    while e > s and text[e - 1] in " '\u2019":  # (the piece's rstrip, without copying the piece)
        e -= 1
    return e > s and text[e - 1] in ".!?\u2026"


#: Captions, subheads and credits are short: a line without final punctuation longer than this, holding
#: sentences of its own, is a paragraph whose end is a tag ("Email: desk@paper.com", "[Speech, 4/18/13]").
_FURNITURE_WORDS = 40

_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+[\"'\u201c\u2018(\[]*[A-Z]")


#: A verb of saying with its reported words after it ("said that", "said the ..."): a reporter's sentence.
_REPORTS = re.compile(r"\b(?:said|says|told)\b(?: [a-z]+){0,2} (?:that|the|it|he|she|they)\b")


#: A page's label opening a line: "READ MORE:", "WATCH:", "Related:" (a link's title follows).
_LABEL = re.compile(r"(?:[A-Z][A-Z ]{1,20}|Related|Read more|Watch|Photo|Video):")


def _is_furniture(text: str) -> bool:
    """A line without final punctuation (caption, subhead, pull quote or its credit, link title), and short.

    >>> _is_furniture("Mayor Ann Lee at the opening (Photo: J. Doe)"), _is_furniture("He left. [Speech to bankers.]")
    (True, False)
    """
    if text.rstrip().rstrip("\"'\u201d\u2019)]").endswith((".", "!", "?", "\u2026", ":")):
        return False
    if (len(text.split()) >= 12 and not text.rstrip().endswith((")", "]")) and _REPORTS.search(text)
            and not _LABEL.match(text)):
        return False  # ('Director Bong Joon Ho said backstage that no-one could predict ... on Feb. 9': a sentence
        # that lost its full stop to an abbreviation, not a caption; a caption's credit ends it in brackets)
    return len(text.split()) <= _FURNITURE_WORDS or len(_SENTENCE_END.findall(text)) < 2


#: Verbs that, right after a word in marks, make it their subject ('"blog" is ...') without asking the tagger.
_FINITE_AUX = frozenset({"is", "was", "has", "had", "were", "are"})


#: The people of a work (a film, book, show, song, game): a capitalised title in marks right before one of them
#: names the work ('"Parasite" director Bong Joon Ho', '"Fleabag" creator', '"Joker" star').
_WORK_PEOPLE = frozenset("""director directors star stars actor actors actress actresses author authors creator
creators singer singers producer producers writer writers host hosts co-star co-stars showrunner composer rapper
band frontman frontwoman novelist filmmaker publisher cast""".split())


def _is_mention(q: str, before: list[str], after: list[str], mentions: set[int]) -> bool:
    """A word in marks that is talked about, not quoted: the word "blog", terms such as "affect" and "effect".

    *mentions* holds the quotes already judged to be mentions, for lists ("incumbent", "electoral" and "partisan").
    """
    if after and after[0] in _WORK_PEOPLE and q[:1].isupper() and len(q.split()) <= 6:
        return True  # '"Parasite" director Bong Joon Ho': the work's title
    # ('"Parasite," the Korean social satire about ..., was the first film': a title, its description, then what it
    # is; a verb of saying instead says who spoke: '"Yes," the minister said')
    desc = after[1:] if after[:1] == [","] else after if q.rstrip().endswith(",") else []
    if not before and len(desc) > 3 and desc[0].lower() in {"the", "a", "an"} and q[:1].isupper() and len(q.split()) <= 4:
        k = next((x for x in range(1, min(len(desc) - 1, 30)) if desc[x] == ","), None)
        if k is not None and desc[k + 1].lower() in _FINITE_AUX and SPEECH_VERBS.isdisjoint(t.lower() for t in desc[:k]):
            return True
    if len(q.split(None, 2)) > 2:  # (more than two words)
        return False
    prev = before[-1].lower() if before else ""
    if prev in MENTION_CUES or (prev == "as" and len(before) >= 2 and before[-2].lower() == "such"):
        return True
    # the next item of a list of marked words
    if (len(before) >= 2 and before[-1].lower() in {",", "and", "or"} and _is_placeholder(before[-2])
            and int(before[-2][1:-1]) in mentions):
        return True
    # the marked word is the subject of a verb: '"blog" headed the list' (not of a verb of saying: 'are "very
    # exciting," says X' is X's)
    if after and before and before[-1] not in {":", ","} and after[0][:1].islower() and after[0].lower() not in SPEECH_VERBS and (
            after[0].lower() in _FINITE_AUX or _tag(tuple(after[:4]))[0] in {"VBD", "VBZ", "VBP"}):
        return True
    return bool(after) and after[0] in {",", "and", "or"} and len(after) >= 2 and _is_placeholder(after[1]) and (
        len(before) >= 1 and before[-1].lower() in MENTION_CUES | {"as"})


def _looks_like_title(q: str) -> bool:
    """Two to six title-case words ("Fox News Sunday", "the Marshall Plan"): a name in marks, not speech."""
    words = q.strip(" ,.").split()
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w.lower() in {"of", "the", "and", "in", "on", "for", "a"}
                                        for w in words) and len(words) >= 2
