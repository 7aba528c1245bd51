"""Who is quoted, saying what, through which outlet.

The pipeline is rule-based and linear in the length of the text:

1. a scanner pairs double quote marks (straight, curly, mixed) paragraph by
   paragraph; a paragraph that opens a quote and does not close it, followed by
   a paragraph that reopens it, gives one quote in several pieces;
2. each paragraph becomes a *frame*, the reporter's words with every quote
   replaced by a placeholder, and attribution rules read it: ``"...", X said``,
   ``said X``, ``X, a resident, told AFP``, ``X said: "..."``, ``according to X``;
   a quote with none inherits the speaker of the paragraph's attribution or of
   the quote just before it;
3. a resolver turns the phrase into a :class:`Source`: titles go to the
   descriptor, a surname becomes the full name used elsewhere in the article,
   "he"/"she" becomes the last person named, and a phrase with no name is an
   unnamed source ("a resident") or an organisation ("the Home Office");
4. a fragment in marks with nobody saying it (a scare quote, a title) is not
   speech and is left out (see :func:`scare_quotes`).
"""

from __future__ import annotations

import bisect
import contextvars
import functools
import html
import itertools
import operator
import re
import sys
import types
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from .core.text import Paragraph, Sentence
from .core.text import Text as Article
from .core.text import trim_span as _trim

__all__ = ["Source", "Quote", "Attribution", "Outlet", "SourceRow", "SourceTable", "QuoteList", "AttributionList",
           "OutletList",
           "quotes", "sources", "attributions", "outlets", "scare_quotes", "quote_records", "format_quote_table",
           "SPEECH_VERBS", "OUTLETS", "CATEGORY_RULES"]

Kind = Literal["named", "unnamed", "organisation"]


@dataclass(frozen=True)
class Source:
    """A person or body the article quotes or reports: ``name`` (fullest form), ``descriptor`` (role), ``kind``, ``category``."""

    name: str
    descriptor: str = ""
    kind: Kind = "named"
    category: str = "unknown"


@dataclass(frozen=True)
class Quote:
    """A direct quote: the words between the marks.

    ``pieces`` are the spans of each run of quoted characters (more than one
    when a quote runs over paragraphs); ``start``/``end`` cover them all and
    ``text`` is the pieces joined by a space. ``paragraph`` is the index of the
    paragraph it starts in.
    """

    text: str
    start: int
    end: int
    paragraph: int
    pieces: tuple[tuple[int, int], ...]
    speaker: Source | None = None
    verb: str | None = None
    channel: str | None = None
    partial: bool = False

    @property
    def kind(self) -> str:
        """"partial" for a fragment woven into the reporter's sentence, else "direct"."""
        return "partial" if self.partial else "direct"

    @property
    def words(self) -> int:
        """Number of words in the quote."""
        return len(self.text.split())


@dataclass(frozen=True)
class Attribution:
    """Reported speech without quote marks (``kind="indirect"``) or a claim with no source (``"unattributed"``)."""

    kind: Literal["indirect", "unattributed"]
    text: str
    start: int
    end: int
    paragraph: int
    speaker: Source | None = None
    verb: str | None = None
    channel: str | None = None


@dataclass(frozen=True)
class Outlet:
    """A media outlet credited as the channel of quotes or reports."""

    name: str
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()


@dataclass(frozen=True)
class SourceRow:
    """One row of the sources table."""

    source: Source
    quotes: int
    quoted_words: int
    share: float
    first_paragraph: int


@dataclass(frozen=True)
class SourceTable:
    """One row per distinct source, in order of first appearance."""

    rows: tuple[SourceRow, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.rows)

    def __str__(self) -> str:
        if not self.rows:
            return "no quoted sources found"
        lines = [f"{'source':28} {'kind':12} {'category':24} quotes  words  share  first ¶", "-" * 96]
        for r in self.rows:
            share = "<1%" if 0 < r.share < 0.005 else f"{r.share:.0%}"
            lines.append(f"{r.source.name[:28]:28} {r.source.kind:12} {r.source.category[:24]:24} {r.quotes:>6} "
                         f"{r.quoted_words:>6} {share:>6} {r.first_paragraph + 1:>8}")
        return "\n".join(lines)

    def __iter__(self):  # noqa: ANN204
        return iter(self.rows)

    def _repr_html_(self) -> str:
        esc = html.escape
        head = "".join(f"<th>{h}</th>" for h in ("source", "descriptor", "kind", "category", "quotes",
                                                  "quoted words", "share", "first ¶"))
        body = "".join(
            f"<tr><td>{esc(r.source.name)}</td><td>{esc(r.source.descriptor)}</td><td>{r.source.kind}</td>"
            f"<td>{esc(r.source.category)}</td><td>{r.quotes}</td><td>{r.quoted_words}</td>"
            f"<td>{'&lt;1%' if 0 < r.share < 0.005 else f'{r.share:.0%}'}</td><td>{r.first_paragraph + 1}</td></tr>"
            for r in self.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _html_table(headers: tuple[str, ...], rows: list[tuple[str, ...]], empty: str) -> str:
    """An HTML table; *rows* hold cells already escaped (the last cell is left-aligned text)."""
    if not rows:
        return f"<p><em>{empty}</em></p>"
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r[:-1]) + f"<td style='text-align:left'>{r[-1]}</td></tr>"
                   for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _who(src: Source | None, nobody: str) -> str:
    return src.name if src else nobody


class QuoteList(list):
    """A list of :class:`Quote` that shows itself as a table in a notebook (and as text with ``print``)."""

    def __str__(self) -> str:
        return format_quote_table(quote_records_of(self))

    def _repr_html_(self) -> str:
        rows = [(str(q.paragraph + 1), _cell(_who(q.speaker, "?")), q.kind, _cell(q.verb), _cell(q.channel),
                 f"“{_cell(q.text)}”") for q in self]
        return _html_table(("¶", "speaker", "kind", "verb", "channel", "quote"), rows, "No direct quotes found.")


class AttributionList(list):
    """A list of :class:`Attribution` (reported speech, unattributed claims) that shows itself as a table."""

    def __str__(self) -> str:
        if not self:
            return "no reported speech or unattributed claims found"
        return "\n".join(f"¶{a.paragraph + 1:<3} {a.kind:12} {_who(a.speaker, '(nobody named)')[:24]:24} {a.text[:70]}"
                         for a in self)

    def _repr_html_(self) -> str:
        rows = [(str(a.paragraph + 1), a.kind, _cell(_who(a.speaker, "(nobody named)")), _cell(a.verb), _cell(a.channel),
                 _cell(a.text)) for a in self]
        return _html_table(("¶", "kind", "who", "verb", "channel", "what"), rows,
                           "No reported speech or unattributed claims found.")


class OutletList(list):
    """A list of :class:`Outlet` that shows itself as a table."""

    def __str__(self) -> str:
        if not self:
            return "no media outlets credited"
        return "\n".join(f"{o.name:24} {len(o.quotes)} quotes, {len(o.attributions)} reports" for o in self)

    def _repr_html_(self) -> str:
        rows = [(_cell(o.name), str(len(o.quotes)), str(len(o.attributions))) for o in self]
        return _html_table(("outlet", "quotes carried", "reports carried"), rows, "No media outlets credited.")


# ---------------------------------------------------------------------------------------------
# Finding quotes: a linear scan of the double quote marks, paragraph by paragraph.
# ---------------------------------------------------------------------------------------------

_OPENERS = "\u201c\u201e\u00ab"      # “ „ «
_CLOSERS = "\u201d\u00bb"            # ” »
_MARKS = '"' + _OPENERS + _CLOSERS
_SENT_END = ".!?\u2026"
_OPEN_CONTEXT = "([{\u2014\u2013-/:;,"  # characters after which a straight mark opens
_MARK_RE = re.compile("[" + _MARKS + "]")


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


_SINGLES = "'\u2018\u2019"
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


def _scan(article: Article) -> list[_Raw]:
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


# ---------------------------------------------------------------------------------------------
# Attribution: who said it. Each paragraph becomes a "frame" in which every quote (marks included)
# is replaced by a placeholder token, so that rules read the reporter's words only.
# ---------------------------------------------------------------------------------------------

#: Verbs that introduce speech ("X said", "said X", "X told ...", "according to X").
SPEECH_VERBS = frozenset("""
said says say saying told tells tell telling added adds adding asked asks asking explained explains explaining
stated states declared declares insisted insists insisting argued argues arguing warned warns warning
claimed claims claiming wrote writes writing noted notes continued continues replied replies responded responds
demanded demands urged urges urging suggested suggests reported reports admitted admits acknowledged acknowledges
announced announces
commented comments confirmed confirms recalled recalls remarked remarks observed observes predicted predicts
promised promises complained complains conceded concedes cautioned cautions tweeted tweets posted joked jokes
agreed agrees maintained maintains concluded concludes stressed stresses emphasised emphasized reiterated
countered counters boasted boasts vowed vows pledged pledges revealed reveals disclosed testified shouted cried
described describes describing called calls calling accused accuses accusing criticised criticized attacked
branded brands labelled labeled dubbed insisted added quipped wondered questioned asserted asserts contended
contends recounted recounts explained announced thundered lamented hailed praised rejected denied denies
blamed blames pressured chanted chanting referred refers mocked slammed
""".split())

#: Verbs that only introduce speech when a quote follows (a fragment such as calls it "a hoax").
_WEAK_VERBS = frozenset("""described describes describing called calls calling accused accuses accusing criticised
criticized attacked branded brands labelled labeled dubbed hailed praised rejected denied denies blamed blames pressured chanted
chanting referred refers mocked slammed""".split())

_TITLES = frozenset("""mr mrs ms miss dr prof professor sir lord lady dame rev reverend president prime minister
secretary senator sen rep representative gov governor gen general col colonel capt captain lt sgt chancellor
chief mayor judge justice king queen prince princess sheikh ayatollah pope bishop archbishop ambassador director
commissioner inspector detective officer deputy speaker chairman chairwoman chair leader spokesman spokeswoman
spokesperson vice under-secretary attorney""".split())

_ORG_WORDS = frozenset("""office ministry department party council commission committee association institute
university agency police army navy bank group union federation corporation inc ltd plc company firm board
court parliament congress senate government administration campaign team service services foundation trust
industry authority organisation organization club league network press times post journal news bureau fbi cia
nsa bbc bpi un nato eu labour conservatives tories democrats republicans research institution capital partners
associates labs media systems technologies solutions consulting holdings""".split())

_ORG_NAMES = frozenset({"downing street", "white house", "kremlin", "pentagon", "whitehall", "number 10", "no 10",
                        "state department", "home office", "foreign office", "treasury"})

#: Capitalised words that rarely belong to a person's name (places, bodies, days, sentence openers).
_NOT_PERSON = frozenset("""united states kingdom new york north south east west street city county republic union house
senate congress committee department american british iraqi russian chinese democratic republican party middle
washington london america europe european african asian national international federal monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september october november december
meanwhile instead similarly however also still then now so although while when after before since during according
asked speaking last next this that these those one two the a an it its his her their our we they he she i mr mrs
internet web online news world state states government amendment act constitution bill court hampshire jersey
""".split())

#: Things that can "say" something in an article but are not people ("the letter says").
_INANIMATE = frozenset("""letter report statement book study request warrant survey document poll email memo website
paper article law bill data figures research analysis review filing complaint lawsuit ruling decision order
announcement release""".split())

#: Nouns for people, beyond the category words: an unnamed source with one of these heads is a person.
_PERSON_NOUNS = frozenset("""man woman men women person people source sources aide aides adviser advisers advisor
friend friends member members officer officers worker workers resident residents witness witnesses spokesman
spokeswoman spokesperson official officials lawyer attorney analyst expert critic critics supporter supporters
colleague colleagues neighbour neighbor relative relatives son daughter mother father wife husband brother sister
boss employee employees leader leaders protester protesters activist activists doctor nurse teacher student
students fan fans voter voters insider insiders diplomat diplomats observer observers co-ordinator coordinator
director producer editor writer journalist author chairman chairwoman executive founder manager head chief
speaker adviser advisor campaigner organiser organizer researcher scientist professor economist analyst""".split())


def _is_person_noun(word: str) -> bool:
    w = word.lower()
    if w in _PERSON_NOUNS or w in _ROLE_HEADS:
        return True
    return any(w in keys or w.rstrip("s") in keys for _, keys in CATEGORY_RULES[:6])


#: Role nouns that, after "the", usually refer back to the person just named ("the senator said").
_ROLE_HEADS = frozenset("""minister president senator secretary chancellor governor leader mayor chairman chairwoman
developer businessman businesswoman candidate president-elect congressman congresswoman lawmaker executive director
chief founder author premier king queen pope general commander ambassador envoy mp""".split())

_PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "org", "we": "group", "i": "person"}

#: Media outlets credited as channels ("told the BBC", "Speaking to AP", "said on Twitter").
OUTLETS = (
    "BBC Radio 4", "BBC Radio Four", "Radio 4", "Radio Four", "BBC News website", "BBC News", "BBC One", "BBC Two",
    "BBC World Service", "BBC", "AFP", "Agence France-Presse", "Associated Press", "AP", "Reuters", "CNN", "Fox News",
    "MSNBC", "NBC", "CBS", "ABC", "NPR", "PBS", "Sky News", "ITV", "Channel 4", "Al Jazeera", "Bloomberg",
    "The Guardian", "the Guardian", "The Washington Post", "the Washington Post", "Washington Post",
    "The New York Times", "the New York Times", "New York Times", "The Wall Street Journal", "the Wall Street Journal",
    "Wall Street Journal", "USA TODAY", "USA Today", "The Times", "the Times", "The Telegraph", "the Telegraph",
    "Sunday Telegraph", "The Independent", "the Independent", "Financial Times", "The Economist", "the Economist",
    "The Spectator", "the Spectator", "Politico", "Axios", "Twitter", "Facebook", "Instagram", "YouTube",
    "New York Observer", "Texas Monthly", "Le Monde", "Der Spiegel",
    "CBC News", "CBC", "CTV News", "CTV", "Global News", "The Globe and Mail", "the Globe and Mail", "Globe and Mail",
    "Toronto Star", "National Post", "The Canadian Press", "the Canadian Press", "Canadian Press", "Radio-Canada",
    "CityNews", "Postmedia", "La Presse", "Le Devoir", "Maclean's", "CNBC", "Sky", "Daily Mail", "The Sun",
    "Bloomberg News", "Reuters news agency", "NHK", "Xinhua", "Yonhap", "Kyodo",
)
# (the lookahead, implied by the names, lets the engine skip most positions without trying each name)
_OUTLET_RE = re.compile(r"(?=[" + "".join(sorted({re.escape(o[0]) for o in OUTLETS})) + r"])(?<![\w-])("
                        + "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True)) + r")(?![\w-])")
_OUTLET_PATTERN = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w&'’.-]*\s+){0,4}?[A-Z][\w&'’.-]*)(?:'s|’s)?\s+(?:news agency|newspaper|magazine|radio|"
    r"television|TV|channel|programme|program|show|website|news website)\b")

#: Words one of which _OUTLET_PATTERN needs ("programme" holds "program", "news website" holds "website").
_OUTLET_WORDS = re.compile("news agency|newspaper|magazine|radio|television|TV|channel|program|show|website")

_PLACEHOLDER = re.compile(r"\uE000(\d+)\uE001")

_STOP_BACK = frozenset("""with and but while as when after before because since although though that which who
whom whose where if so yet or nor for to than then meanwhile however also whereas even""".split())
_DETERMINERS = frozenset("the a an his her its their our one two three four five several many some most all both "
                         "this these those another other".split())
_ADVERBS = frozenset("""also later then previously recently quickly reportedly earlier further repeatedly again
once has had have was were is are will would had been separately simply bluntly flatly publicly privately
yesterday today tonight""".split())
_APPOS_CUES = frozenset("a an the who whose his her its their one former".split())


@dataclass
class _Frame:
    """One paragraph with its quotes replaced by placeholders."""

    text: str
    quote_ids: list[int]


#: The article's own text may hold the private-use characters that mark placeholders; they become spaces.
_NO_PLACEHOLDER = str.maketrans("\uE000\uE001", "  ")


def _frame(article: Article, raws: list[_Raw]) -> dict[int, _Frame]:
    text = article.text
    spans_by_para: dict[int, list[tuple[int, int, int]]] = {}
    for qi, r in enumerate(raws):
        for n, (s, e) in enumerate(r.pieces):
            para = article.paragraph_at(s)
            if para is None:
                continue
            p = article.paragraphs[para]
            lo, hi = s, e
            while lo - 1 > p.start and text[lo - 1] == " ":
                lo -= 1
            lo = lo - 1 if lo - 1 >= p.start and text[lo - 1] in _MARKS + _SINGLES else s
            while hi < p.end - 1 and text[hi] == " ":
                hi += 1
            hi = hi + 1 if hi < p.end and text[hi] in _MARKS + _SINGLES else e
            if n == len(r.pieces) - 1 and r.close_mark is not None:
                hi = max(hi, r.close_mark + 1)
            spans_by_para.setdefault(para, []).append((lo, hi, qi))
    frames: dict[int, _Frame] = {}
    for p in article.paragraphs:
        spans = sorted(spans_by_para.get(p.index, []))
        out, pos, ids = [], p.start, []
        for lo, hi, qi in spans:
            if lo < pos:
                continue
            out.append(text[pos:lo].translate(_NO_PLACEHOLDER))
            out.append(f"\uE000{qi}\uE001")
            ids.append(qi)
            pos = hi
        out.append(text[pos:p.end].translate(_NO_PLACEHOLDER))
        frames[p.index] = _Frame("".join(out), ids)
    return frames


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or tok.lower().startswith(("al-", "el-", "bin", "ibn", "de", "van", "von", "der", "la", "du"))


@functools.lru_cache(maxsize=65536)
def _is_name_tok(tok: str) -> bool:
    if not tok or not (tok[0].isalpha()):
        return False
    low = tok.lower()
    if tok[0].isupper():
        return True
    return low.startswith(("al-", "el-")) or low in {"bin", "ibn", "de", "van", "von", "der", "da", "du", "la"}


#: First character of a quote placeholder token ("\uE000<quote number>\uE001").
_PH = "\uE000"


def _is_placeholder(tok: str) -> bool:
    return tok[:1] == _PH  # (inlined as this test in the hottest loops)


_AUX = frozenset("has had have was were is are will would could should can did do does may might must be been being "
                 "not n't".split())
_PRON_SUBJ = frozenset("he she they it we i".split())
_HONORIFICS = frozenset("mr mrs ms miss".split())
_PP_STOP = frozenset("at in on to into with against over about under through".split())
_ED_OK = frozenset("retired elected unnamed embattled respected detained veteran former united".split())


#: Tags of the token runs read during the current analysis. A context variable, so that analyses running
#: in different threads (analyze_corpus with a thread pool) each have their own; _analyse starts a new one.
_TAGGED: contextvars.ContextVar[dict[tuple[str, ...], tuple[str, ...]]] = contextvars.ContextVar("newskit_tags")


def _tag_memo() -> dict[tuple[str, ...], tuple[str, ...]]:
    try:
        return _TAGGED.get()
    except LookupError:  # a helper called outside an analysis (tests)
        memo: dict[tuple[str, ...], tuple[str, ...]] = {}
        _TAGGED.set(memo)
        return memo


def _tag_runs(runs: Iterable[tuple[str, ...]]) -> None:
    """Tag many runs of frame tokens in one batch (far faster than one by one) and remember them."""
    from .core import resources

    memo = _tag_memo()
    todo = [r for r in dict.fromkeys(runs) if r and r not in memo]
    if todo:
        words = [["it" if t[:1] == _PH else t for t in run] for run in todo]
        for run, tags in zip(todo, resources.pos_tagger().tag_sents(words), strict=True):
            memo[run] = tuple(tags)


def _tag(toks: tuple[str, ...]) -> tuple[str, ...]:
    """Penn Treebank tags of a run of frame tokens (a quote placeholder is read as "it")."""
    if not toks:
        return ()
    memo = _tag_memo()
    tags = memo.get(toks)
    if tags is None:
        _tag_runs([toks])
        tags = memo[toks]
    return tags


def _is_verb_at(toks: list[str], j: int) -> bool:
    """True when toks[j] is used as a verb here ("claims" in "he claims", not in "the claims")."""
    return _tag(tuple(toks))[j].startswith("VB") or toks[j].lower() in {"said", "told", "says", "added", "asked"}


def _np_backward(toks: list[str], end: int) -> tuple[list[str], list[str]]:
    """The noun phrase ending just before toks[end] (the verb): (np tokens, appositive tokens).

    Skips adverbs ("X also said"), an appositive between commas or dashes
    ("X, a resident, said"), and a relative clause ("the lawyer who requested it says").
    """
    tags = _tag(tuple(toks))
    i = end - 1
    while i >= 0 and (toks[i].lower() in _ADVERBS or (toks[i][:1].islower() and tags[i].startswith("RB"))):
        i -= 1
    appos: list[str] = []
    # "X, a resident fleeing Mosul, told" / "X – a native of Mosul – told" / "X, analyst at Y, agreed"
    if i >= 0 and toks[i] in {",", "\u2013", "\u2014", "-"}:
        closer = toks[i]
        j = i - 1
        while j >= 0 and toks[j] != closer and not _is_placeholder(toks[j]) and i - j < 30:
            j -= 1
        inner = toks[j + 1:i]
        if (j >= 1 and toks[j] == closer and inner
                and (inner[0].lower() in _APPOS_CUES or closer != "," or all(_is_name_tok(t) for t in inner)
                     or (_is_name_tok(toks[j - 1]) and (j >= 2 and _is_name_tok(toks[j - 2]))))):
            appos = inner
            i = j - 1
        else:
            return [], []
    np: list[str] = []
    stopped_at = -1
    while i >= 0:
        t = toks[i]
        low = t.lower()
        tag = tags[i]
        if _is_placeholder(t) or t in {",", ";", ":", "(", ")", "\u2013", "\u2014", "!", "?", "."}:
            break
        if low in _STOP_BACK and low not in {"of", "for"} and not (t.isupper() and len(t) > 1):  # "WHO" is a name
            stopped_at = i
            break
        if low in _PP_STOP and not (i > 0 and tags[i - 1].startswith("NN")):  # "Panel on Climate Change" goes on
            if np and np[0][:1].isupper() and not any(x[:1].islower() for x in np):
                return [], []  # "hit back at Labour claims ...": a noun after a preposition, not a subject and verb
            stopped_at = i
            break
        if low in _PRON_SUBJ:
            if i > 0 and toks[i - 1][:1].islower() and tags[i - 1].startswith("VB") and not np:
                stopped_at = i - 1  # "the lawyer who requested it says": "it" is an object
                break
            if not np:
                np.insert(0, t)
            break
        if low in _AUX or (low in SPEECH_VERBS and np) or (
                t[0].islower() and (tag.startswith("VB") or tag in {"MD", "PRP", "TO", "WDT", "WP"}) and low not in _ED_OK):
            stopped_at = i
            break
        if not t[0].isalnum() and t not in {"'", "\u2019", "&"}:
            break
        np.insert(0, t)
        i -= 1
        if len(np) > 9:
            return [], []
    # a relative clause: "the lawyer who requested it says", "A businessman who co-chaired X said"
    if stopped_at >= 0 and toks[stopped_at].lower() not in {"who", "which", "that"}:
        for k in range(stopped_at, max(-1, stopped_at - 12), -1):
            if toks[k] in {",", ";", ":", ".", "!", "?"} or _is_placeholder(toks[k]):
                break
            if toks[k].lower() in {"who", "which"}:
                rel_np, _ = _np_backward(toks, k)
                if rel_np:
                    return rel_np, appos
                break
    elif stopped_at >= 0 and toks[stopped_at].lower() in {"who", "which"} and not np:
        return _np_backward(toks, stopped_at)
    # a phrase cannot start with a bare preposition, nor be only determiners or a possessive
    while np and np[0].lower() in {"of", "for", "in", "at", "on", "by", "from"}:
        np.pop(0)
    # "Mr Peston the prime minister said": two phrases run together; keep the last
    for k in range(len(np) - 1, 0, -1):
        if np[k].lower() in {"the", "a", "an"} and _is_name_tok(np[k - 1]) and np[k - 1].lower() not in _DETERMINERS:
            np = np[k:]
            break
    if np in (["One"], ["Another"]):
        return np, appos  # "One noted that ...": one of the group just named
    if np and (all(x.lower() in _DETERMINERS or x.lower() in {"his", "her", "its", "their", "my", "your", "our"} for x in np)
               or np[-1].lower().endswith(("'s", "\u2019s", "s'"))):
        return [], []
    return np, appos


def _np_forward(toks: list[str], start: int) -> tuple[list[str], list[str]]:
    """The noun phrase starting at toks[start] (after "said"): (np tokens, appositive tokens)."""
    np: list[str] = []
    i = start
    while i < len(toks):
        t = toks[i]
        low = t.lower()
        if _is_placeholder(t) or not (t[0].isalnum() or t in {"'", "’", "-"}):
            break
        if np and low in {"who", "that", "which", "in", "on", "at", "during", "when", "after", "before", "as", "and",
                          "to", "while", "but", "because", "adding", "saying", "referring", "told", "said"}:
            if low in {"and"} and i + 1 < len(toks) and _is_cap(toks[i + 1]) and all(_is_cap(x) for x in np):
                pass
            else:
                break
        if np and low in SPEECH_VERBS:
            break
        np.append(t)
        i += 1
        if len(np) > 9:
            break
    appos: list[str] = []
    if i < len(toks) and toks[i] == "," and i + 1 < len(toks) and toks[i + 1].lower() in _APPOS_CUES:
        j = i + 1
        while j < len(toks) and toks[j] not in {",", ".", ";", ":"} and not _is_placeholder(toks[j]):
            j += 1
        appos = toks[i + 1:j]
    return np, appos


_JOIN_FIXES = ((re.compile(r" ([’']s)\b"), r"\1"), (re.compile(r" ([’'])(?= )"), r"\1"),
               (re.compile(r" ([,.;:!?)\]])"), r"\1"), (re.compile(r"([(\[]) "), r"\1"))


_JOIN_NEEDED = re.compile(r" [’',.;:!?)\]]|[(\[] ")  # where one of the _JOIN_FIXES could apply


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


_NOT_IN_NAME_RUN = _TITLES | {"the", "a", "an", "but", "and", "in", "on", "at", "he", "she", "it", "we", "i"}


@functools.lru_cache(maxsize=65536)
def _name_part(tok: str) -> str | None:
    """*tok* as part of a run of name tokens when building full names (possessive dropped), else None."""
    return _drop_possessive(tok) if _is_name_tok(tok) and tok.lower() not in _NOT_IN_NAME_RUN else None


@functools.lru_cache(maxsize=65536)
def _person_part(tok: str) -> str | None:
    """*tok* as part of a run naming a person in a sentence (possessive dropped), else None."""
    low = tok.lower()
    return _drop_possessive(tok) if _is_name_tok(tok) and low not in _TITLES and low not in _NOT_PERSON else None


@dataclass
class _Mention:
    """A speaker phrase found in the reporter's words, before resolution."""

    np: list[str]
    appos: list[str]
    verb: str


class _Resolver:
    """Turns speaker phrases into :class:`Source` objects: full names, titles, pronouns, organisations."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.full_names: dict[str, str] = {}     # surname key -> fullest name
        self.descriptors: dict[str, str] = {}
        self.sources: dict[str, Source] = {}
        # salience of each person (name -> [source, score]): who "he" or "the senator" most likely is.
        # A speaker gains 100, a sentence's subject 80, any other mention 50; every sentence halves all.
        self.salience: dict[str, list] = {}
        self._pending: dict[str, float] = {}
        self._tick = 0
        self.last_group: Source | None = None
        self.last_org: Source | None = None
        # a run seen again changes nothing (same key, same name), so each distinct run is read once
        for distinct in dict.fromkeys(tuple(r) for r in self._name_runs(article.body) if len(r) >= 2):
            run = list(distinct)
            key = self._key(run[-1])
            full = _join(run)
            if len(full) > len(self.full_names.get(key, "")) and not self._is_org(run):
                self.full_names[key] = full

    @property
    def last_person(self) -> Source | None:
        """The most salient person so far."""
        if not self.salience:
            return None
        return max(self.salience.values(), key=lambda v: v[1])[0]

    def boost(self, src: Source | None, weight: float) -> None:
        """Note that *src* was a speaker (100), a subject (80) or named (60) in the current sentence."""
        if src is None or src.kind == "organisation":
            return
        entry = self.salience.setdefault(src.name, [src, 0.0])
        if src.descriptor or not entry[0].descriptor:
            entry[0] = src
        self._tick += 1
        self._pending[src.name] = max(self._pending.get(src.name, 0.0), weight + self._tick * 1e-3)

    def decay(self) -> None:
        """End of a sentence: older salience halves; a person's role in this sentence sets it anew if higher."""
        for v in self.salience.values():
            v[1] *= 0.5
        for name, w in self._pending.items():
            self.salience[name][1] = max(self.salience[name][1], w)
        self._pending.clear()

    def _by_role(self, np: list[str]) -> Source | None:
        """The person a role phrase ("the prime minister") names: one described so, else the most salient."""
        role = " ".join(t.lower() for t in np if t.lower() not in {"the", "a", "an"})
        for src, _score in sorted(self.salience.values(), key=lambda v: -v[1]):
            d = src.descriptor.lower()
            if src.kind == "named" and d and (d.endswith(role) or f"{role}," in d) and not any(
                    w in d.split() and w not in role.split() for w in ("deputy", "vice", "former", "shadow")):
                return src
        top = self.last_person
        return top if top is not None and top.kind == "named" else None

    @staticmethod
    def _key(surname: str) -> str:
        s = surname.lower().replace("’s", "").replace("'s", "")
        for pre in ("al-", "el-"):
            if s.startswith(pre):
                s = s[len(pre):]
        return s

    def _name_runs(self, text: str) -> list[list[str]]:
        # each token's name part (None if it is not one), grouped into runs without None at C speed
        toks = _tokens(text)
        part = {t: _name_part(t) for t in set(toks)}  # (once per distinct token)
        parts = map(part.__getitem__, toks)
        return [list(g) for not_name, g in itertools.groupby(parts, operator.not_) if not not_name]

    @staticmethod
    def _is_org(run: list[str]) -> bool:
        low = " ".join(run).lower()
        return any(w.lower().strip(".") in _ORG_WORDS for w in run) or low in _ORG_NAMES

    def resolve(self, m: _Mention) -> Source | None:
        np = list(m.np)
        if not np:
            return None
        if m.appos and all(_is_name_tok(t) for t in m.appos) and (
                not any(_is_name_tok(t) for t in np[1:]) or np[0].lower() in {"the", "a", "an", "his", "her", "their"}):
            m = _Mention(m.appos, np, m.verb)  # "The minister, Carla Diaz, said": the name is the appositive
            np = list(m.np)
        low0 = np[0].lower()
        if len(np) == 1 and low0 in {"one", "another"} and self.last_group is not None:
            return self.last_group  # "Two officers told the Guardian ... One noted that ..."
        if len(np) == 1 and low0 in _PRONOUNS:
            kind = _PRONOUNS[low0]
            if kind == "person":
                top = self.last_person
                self.boost(top, 100)
                return top
            if kind == "group":
                return self.last_group or self.last_org
            return self.last_org or self.last_group
        whole = _join(np)
        # "a spokesman for the Oxford University Press": a person described by where they work
        prep = next((k for k in range(1, len(np)) if np[k].lower() in {"for", "of", "at", "with", "from"}), None)
        if prep is not None and np[prep - 1][:1].islower() and np[prep - 1].lower() not in {"one"}:
            key = "unnamed:" + whole.lower()
            src = self.sources.get(key) or Source(whole, _join(m.appos), "unnamed", _category(whole, "unnamed"))
            self.sources[key] = src
            if np[prep - 1].lower().endswith("s") and not np[prep - 1].lower().endswith("ss"):
                self.last_group = src
            else:
                self.boost(src, 100)
            return src
        # "Dr Ann Lee of the WHO": a person, then where they work (goes to the descriptor)
        of = next((k for k in range(1, len(np) - 1) if np[k].lower() in {"of", "at", "from", "with"}), None)
        if of is not None and _is_name_tok(np[of - 1]) and np[of - 1][:1].isupper() and not self._is_org(np[:of]):
            np, m = np[:of], _Mention(np[:of], [*np[of:], *([","] if m.appos else []), *m.appos], m.verb)
        # a capitalised common noun opening a sentence: "Residents told the BBC ..."
        if len(np) == 1 and _is_person_noun(np[0]) and np[0][:1].isupper() and np[0].lower() not in _TITLES:
            key = "unnamed:" + np[0].lower()
            src = self.sources.get(key) or Source(np[0], _join(m.appos), "unnamed", _category(np[0], "unnamed"))
            self.sources[key] = src
            if np[0].lower().endswith("s"):
                self.last_group = src
            else:
                self.boost(src, 100)
            return src
        # split "White House spokesman Josh Earnest": the name is the trailing run of name tokens
        k = len(np)
        while k > 0 and _is_name_tok(np[k - 1]) and np[k - 1].lower() not in _TITLES:
            k -= 1
        # "During the interview Mr Blair said": words before a name that are not a role are not the speaker
        t0 = k
        while t0 > 0 and np[t0 - 1].lower().rstrip(".") in _TITLES:
            t0 -= 1
        if 0 < t0 < len(np) and np[t0 - 1][:1].islower() and np[t0 - 1].lower() not in _DETERMINERS and not (
                _is_person_noun(np[t0 - 1])):
            np = np[t0:]
            k -= t0
        name_toks = np[k:]
        desc_toks = [t for t in np[:k] if t.lower().rstrip(".") not in _HONORIFICS]
        descriptor = _join(desc_toks + ([","] if desc_toks and m.appos else []) + m.appos) if (desc_toks or m.appos) else ""
        if name_toks and name_toks[0].lower() in {"the", "a", "an"}:
            name_toks = name_toks[1:]
        has_det = bool(desc_toks) and desc_toks[0].lower() in _DETERMINERS and all(
            not t[0].isupper() or t.lower() in _TITLES for t in desc_toks[1:])
        whole = _join(np)
        if (name_toks and not has_det and not self._is_org(name_toks) and not any(t.lower() in _ORG_WORDS for t in desc_toks)
                and not any(t.lower() in _NOT_PERSON for t in name_toks)):
            key = self._key(name_toks[-1])
            name = _join(name_toks)
            if len(name_toks) == 1 or len(self.full_names.get(key, "")) > len(name):
                name = self.full_names.get(key, name)
            known = self.sources.get(key)
            if known is not None:
                src = known if (known.descriptor or not descriptor) else Source(known.name, descriptor, "named",
                                                                               _category(descriptor, "named"))
            else:
                src = Source(name, descriptor, "named", _category(descriptor, "named"))
            self.sources[key] = src
            self.boost(src, 100)
            return src
        # "Lord Butler's report said": a document speaks for its author
        if np[-1].lower() in _INANIMATE or (len(np) > 2 and any(t.lower() in _INANIMATE for t in np[:4])):
            author = self._document_author(np, m)
            if author is not None:
                return author
        if self._is_org(np) or (name_toks and len(name_toks) >= 1 and desc_toks[:1] and desc_toks[0].lower() == "the"
                                and all(_is_name_tok(t) or t.lower() in {"of", "on", "for", "and"} for t in np[1:])):
            name = whole
            key = "org:" + name.lower().removeprefix("the ")
            src = self.sources.get(key) or Source(name, descriptor if desc_toks and not has_det else "", "organisation",
                                                  "organisation" if not _is_media(name) else "media")
            self.sources[key] = src
            self.last_org = src
            return src
        # "the prime minister", "the former cabinet secretary": a role, most likely the person just named
        if np[0].lower() == "the" and np[-1].lower() in _ROLE_HEADS and not any(t in {"'s", "\u2019s"} for t in np):
            person = self._by_role(np)
            if person is not None:
                if not person.descriptor:
                    person = Source(person.name, whole, "named", _category(whole, "named"))
                    self.sources[self._key(person.name.split()[-1])] = person
                self.boost(person, 100)
                return person
        # an unnamed source: "a resident", "officials", "furious world leaders"
        name = whole
        key = "unnamed:" + np[-1].lower()
        src = self.sources.get(key) or Source(name, _join(m.appos) if m.appos else "", "unnamed",
                                              _category(name + " " + _join(m.appos), "unnamed"))
        self.sources[key] = src
        head = np[-1].lower()
        if head in _INANIMATE or not _is_person_noun(head):
            pass
        elif head.endswith("s") and not head.endswith("ss"):
            self.last_group = src
        else:
            self.boost(src, 100)
        return src

    def _document_author(self, np: list[str], m: _Mention) -> Source | None:
        """Who speaks through a document: "Lord Butler's report said", "The book, by X, said", "The FBI request"."""
        owner = next((k for k, t in enumerate(np) if re.search(r"['\u2019]s$", t) and _is_name_tok(t)), None)
        if owner is not None:
            j = owner
            while j > 0 and _is_name_tok(np[j - 1]):
                j -= 1
            author = self._person(np[j:owner + 1])
            if author is not None:
                self.boost(author, 100)
                return author
        for seq in (m.appos, np):
            by = next((k for k in range(len(seq) - 1) if seq[k].lower() in {"by", "from"} and _is_name_tok(seq[k + 1])), None)
            if by is not None:
                by_np, by_appos = _np_forward(list(seq), by + 1)  # "The book, by journalist Robert Peston, said"
                author = self.resolve(_Mention(by_np, by_appos, m.verb)) if by_np else None
                if author is not None and author.kind == "named":
                    return author
        names = [t for t in np[1:] if _is_name_tok(t)]
        if names and self._is_org(names):
            return self.resolve(_Mention(["the", *names], [], m.verb))  # "The FBI request concludes": the FBI
        if not names and self.last_person is not None:
            return self.last_person  # "that statement ripped ...": the statement's author
        return None

    def _person(self, run: list[str]) -> Source | None:
        """The named person a run of name tokens refers to, or None when it looks like a place or body."""
        run = [t.rstrip(".") for t in run if t.lower().rstrip(".") not in _TITLES]
        if not run or self._is_org(run) or any(t.lower() in _NOT_PERSON for t in run):
            return None
        key = self._key(run[-1])
        if key in self.sources and self.sources[key].kind == "named":
            return self.sources[key]
        if len(run) >= 2 or key in self.full_names:
            return Source(self.full_names.get(key, _join(run)), "", "named", "unknown")
        return None

    def note_subject(self, sent: list[str]) -> None:
        """After a sentence: its subject (if a person) and the other people named in it gain salience."""
        if _names_someone(sent):
            np, appos = _sentence_subject(sent[:_SUBJECT_WINDOW])
            subject = None
            if np and np[0].lower() not in _PRON_SUBJ:
                k = len(np)
                while k > 0 and _is_name_tok(np[k - 1]):
                    k -= 1
                if not (k > 0 and np[k - 1].lower() in {"the", "a", "an"}):
                    subject = self._person(np[k:])
                if subject is None and appos and all(_is_name_tok(t) for t in appos):
                    subject = self._person(appos)   # "McCain's former chief of staff, Mark Salter, was ..."
            self.boost(subject, 80)
            words = [t for t in sent if t[:1] != _PH]
            for run, prev in self._name_runs_with_prev(words):
                other = self._person(run)
                if other is not None and (subject is None or other.name != subject.name):
                    # "One dissenting opinion came from X", "led by X": an introduction, the next "he"
                    self.boost(other, 110 if prev in {"from", "by"} else 60)
        self.decay()

    def _name_runs_with_prev(self, words: list[str]) -> list[tuple[list[str], str]]:
        out, cur, prev, before = [], [], "", ""
        part = _person_part
        for t in words:
            name = part(t)
            if name is not None:
                if not cur:
                    before = prev
                cur.append(name)
            elif cur:
                out.append((cur, before.lower()))
                cur = []
            prev = t
        if cur:
            out.append((cur, before.lower()))
        return out


_ABBREV = (r"(?:Mr|Mrs|Ms|Dr|St|Gov|Sen|Rep|Gen|Lt|Col|Capt|Prof|Jr|Sr|No|Mt|Sgt|Rev|Gens|Reps|Sens|Maj|Adm|Inc|Ltd"
           r"|Corp|Co|Bros|Plc)\."
           r"|(?:[A-Z]\.){2,}|[A-Z]\.(?= [A-Z])")
# (the lookahead lets the engine skip the abbreviation list at every position not starting with a capital;
# the leading \s* eats the space before a token inside the match, cheaper than failing at each space, and
# every non-space character starts a token, so the tokens are the same)
_TOKEN = re.compile(r"\s*((?=[A-Z])(?:" + _ABBREV + r")|\uE000\d+\uE001"
                    r"|[A-Za-z\u00C0-\u024F0-9]+(?:[-'’][A-Za-z\u00C0-\u024F0-9]+)*|[^\sA-Za-z0-9])")
_SENT_TOKS = frozenset({".", "!", "?", "\u2026"})
#: How many tokens on each side of a quote or verb the attribution rules read (bounds the work per quote).
_WINDOW = 40
#: A sentence's subject is looked for in its first tokens (after an introductory phrase).
_SUBJECT_WINDOW = 22


def _names_someone(sent: list[str]) -> bool:
    """True when a sentence's opening names someone (the resolver then reads its subject)."""
    return bool(sent) and not _is_placeholder(sent[0]) and any(
        _is_name_tok(t) and t[:1].isupper() for t in sent[:_SUBJECT_WINDOW])


def _sentences(toks: list[str], closing: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Token ranges of the frame's sentences (quotes are single placeholder tokens, so never split).

    A quote in *closing* ends with its own full stop: a capitalised word after it starts a new sentence.
    """
    out, start = [], 0
    for i, t in enumerate(toks):
        if (t[:1] == _PH and i + 1 < len(toks) and toks[i + 1][:1].isupper()
                and int(t[1:-1]) in closing):
            out.append((start, i + 1))
            start = i + 1
        elif t in _SENT_TOKS and (i + 1 == len(toks) or _is_cap(toks[i + 1]) or _is_placeholder(toks[i + 1])
                                or toks[i + 1] in {'"', "\u201c"}):
            out.append((start, i + 1))
            start = i + 1
    if start < len(toks):
        out.append((start, len(toks)))
    return out


def _find_channel(toks: list[str]) -> str | None:
    words = [t for t in toks if t[:1] != _PH]
    # Quick rejection on the words joined by plain spaces (most calls find nothing): _join only drops a
    # space next to punctuation, which an outlet name does not hold, and keeps an outlet word whole, so a
    # text with no outlet and none of those words here has none once joined either.
    plain = " ".join(words)
    if not _OUTLET_RE.search(plain) and not _OUTLET_WORDS.search(plain):
        return None
    text = _join(words)
    m = _OUTLET_RE.search(text)
    if m:
        name = m.group(1)
        return name[4:] if name.startswith("the ") else name
    m = _OUTLET_PATTERN.search(text)
    if m:
        return m.group(1)
    return None


def _intro_channel(toks: list[str]) -> str | None:
    """An outlet named in an introductory phrase: "Speaking to AP, ...", "In an interview with CNN, ..."."""
    low = [t.lower() for t in toks]
    for k, t in enumerate(low):
        if t in {"to", "with", "on"} and k > 0 and low[k - 1] in {"speaking", "interview", "talking", "appearing"}:
            return _find_channel(toks[k + 1:k + 6])
    return None


@dataclass
class _Attr:
    mention: _Mention
    channel: str | None


def _after_attribution(after: list[str], full: bool = False) -> _Attr | None:
    """'..., said Earnest.' / '..., Mahmud Nuri, a resident, told AFP.' / '..., according to X.'"""
    i = 1 if after[:1] == [","] else 0
    rest = after[i:]
    if not rest:
        return None
    low = [t.lower() for t in rest]
    if low[0] in SPEECH_VERBS and low[0] not in _WEAK_VERBS:
        np, appos = _np_forward(rest, 1)
        if np:
            return _Attr(_Mention(np, appos, low[0]), _find_channel(rest))
    if low[:2] == ["according", "to"]:
        np, appos = _np_forward(rest, 2)
        if np:
            return _Attr(_Mention(np, appos, "according to"), _find_channel(rest))
    for j, t in enumerate(low[:16]):
        if _is_placeholder(rest[j]):
            break
        if t in SPEECH_VERBS and t not in _WEAK_VERBS and j > 0 and _is_verb_at(rest, j):
            np, appos = _np_backward(rest, j)
            used = len(np) + (len(appos) + 2 if appos else 0)
            skipped = sum(1 for x in low[:j] if x in _ADVERBS or (x.endswith("ly") and len(x) > 4))
            if np and (used + skipped >= j or (full and j - used - skipped - 1 >= 0 and rest[j - used - skipped - 1] == ",")):
                return _Attr(_Mention(np, appos, t), _find_channel(rest))
            break
    return None


def _clause_subject(toks: list[str], end: int) -> tuple[list[str], list[str]]:
    """The subject of the clause ending at toks[end]: the nearest pronoun or phrase before a finite verb."""
    tags = _tag(tuple(toks))
    for k in range(end - 1, max(-1, end - 25), -1):
        if _is_placeholder(toks[k]) or toks[k] in _SENT_TOKS:
            break
        if tags[k].startswith("VB") and tags[k] not in {"VBG", "VBN"} and k > 0:
            np, appos = _np_backward(toks, k)
            if np:
                return np, appos
    return [], []


_CLAIM_NOUNS = frozenset("claim claims accusation accusations remark remarks comment comments suggestion warning "
                         "charge jibe attack criticism".split())


def _before_attribution(before: list[str], partial: bool) -> _Attr | None:
    """'X said: "..."', 'X told reporters that the US was "..."', 'with leaders telling them to "..."'."""
    low = [t.lower() for t in before]
    for j in range(len(before) - 1, -1, -1):
        t = low[j]
        if _is_placeholder(before[j]):
            continue
        if (t in {"by", "from"} and j > 0 and low[j - 1] in _CLAIM_NOUNS and j + 1 < len(before) and _is_name_tok(before[j + 1])
                and not any(_is_placeholder(x) for x in before[j:])):
            np, appos = _np_forward(before, j + 1)  # "a claim by Peter Hain that ..."
            if np:
                return _Attr(_Mention(np, appos, low[j - 1]), None)
        if t in SPEECH_VERBS and (partial or t not in _WEAK_VERBS or j >= len(before) - 4):
            if (j > 0 and low[j - 1] in _DETERMINERS | {"his", "her", "its", "their"}) or not _is_verb_at(before, j):
                continue  # "the claims were ...": a noun, not a verb
            k = j
            if j >= 2 and low[j - 1] in {"who", "which"} and before[j - 2] == ",":
                k = j - 2  # "Trump's transition team, which called ..."
            if t.endswith("ing") and j >= 1 and before[j - 1] == ",":
                # "Paladino claimed ..., telling X that ...": the subject of the main clause
                np, appos = _sentence_subject(before[:j - 1])
                if not np:
                    np, appos = _clause_subject(before, j - 1)
            else:
                np, appos = _np_backward(before, k)
            if np:
                return _Attr(_Mention(np, appos, t), _find_channel(before[j:]) or _intro_channel(before[:j]))
        if t == "to" and j > 0 and low[j - 1] == "according":
            np, appos = _np_forward(before, j + 1)
            if np:
                return _Attr(_Mention(np, appos, "according to"), _find_channel(before))
    return None


_INTRO = frozenset("""on in at after before during when while as since although though with without asked
speaking following despite under according eleven""".split())


_NP_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "POS", "CD", "PRP$"})


def _sentence_subject(sent: list[str]) -> tuple[list[str], list[str]]:
    """The subject noun phrase of a sentence, found with the part-of-speech tagger.

    Leading conjunctions, adverbs and an introductory phrase up to its comma are skipped
    ("But, in a wide interview, Mr Blair said ..." gives Mr Blair).
    """
    sent = sent[:_WINDOW]
    words = [t if t[:1] != _PH else "it" for t in sent]
    if not words:
        return [], []
    tags = _tag(tuple(sent))
    i = 0
    while i < len(words):
        if tags[i] in {"CC", "RB", ","} or words[i].lower() in {"however", "meanwhile"}:
            i += 1
        elif tags[i] in {"IN", "VBG", "TO", "WRB"} or words[i].lower() in _INTRO:
            comma = next((k for k in range(i, min(len(words), i + 20)) if words[k] == ","), None)
            if comma is None:
                return [], []
            i = comma + 1
        else:
            break
    if i < len(words) and tags[i] == "PRP" and words[i].lower() in _PRON_SUBJ:
        return [words[i]], []
    np: list[str] = []
    while (i < len(words) and (tags[i] in _NP_TAGS or (np and words[i].lower() == "of")) and not _is_placeholder(sent[i])
           and not (np and words[i].lower() in SPEECH_VERBS)):
        np.append(sent[i])
        i += 1
    while np and np[-1].lower() in {"of", "the", "a", "an"}:
        np.pop()
    if not np or not any(tags[k].startswith("NN") for k in range(i - len(np), i)):
        return [], []
    appos: list[str] = []
    if i < len(sent) and sent[i] == ",":
        j = i + 1
        while j < len(sent) and sent[j] not in {",", ".", ";", ":"} and not _is_placeholder(sent[j]):
            j += 1
        if j < len(sent) and sent[j] == ",":
            appos = sent[i + 1:j]
    return np, appos


def _is_full(before: list[str]) -> bool:
    """A quote is a full utterance when it opens its sentence or follows a colon or "said,"."""
    if not before:
        return True
    last = before[-1]
    if last in {":", "\u2014", "\u2013"}:
        return True
    if last == "," and len(before) >= 2 and (before[-2].lower() in SPEECH_VERBS or _is_placeholder(before[-2])):
        return True
    # '"I never said that," said Smith, "and I never will."': the second half of a split quote
    if last == ",":
        q = max((k for k, t in enumerate(before) if _is_placeholder(t)), default=-1)
        if q >= 0 and any(t.lower() in SPEECH_VERBS for t in before[q + 1:]):
            return True
    return False


@dataclass
class _Analysis:
    quotes: list[Quote]
    attributions: list[Attribution]
    not_speech: list[tuple[int, int]]


_CACHE: weakref.WeakKeyDictionary[Article, _Analysis] = weakref.WeakKeyDictionary()

_STRONG_VERBS = SPEECH_VERBS - _WEAK_VERBS
_DET_POSS = _DETERMINERS | {"his", "her", "its", "their"}


def _may_tag_before(before: list[str]) -> bool:
    """True when :func:`_before_attribution` may tag *before*: it holds a speech verb it would test."""
    partial = not _is_full(before)
    low = [t.lower() for t in before]
    n = len(before)
    return any(low[j] in SPEECH_VERBS and before[j][:1] != _PH and (partial or low[j] not in _WEAK_VERBS or j >= n - 4)
               and not (j > 0 and low[j - 1] in _DET_POSS) for j in range(n))


def _may_tag_after(after: list[str]) -> bool:
    """True when :func:`_after_attribution` may tag (the part after a comma of) *after*: a speech verb follows."""
    rest = after[1:] if after[:1] == [","] else after
    return any(t.lower() in _STRONG_VERBS for t in rest[1:16])


def _runs_to_tag(split: list[tuple[list[str], list[tuple[int, int]], bool]]) -> Iterable[tuple[str, ...]]:
    """Token runs that :func:`_analyse` will (most likely) tag, so that they go in the one batch up front.

    Tags are a function of the run alone, so tagging a run that is then never read changes no result,
    it only costs a little time; these are the runs the attribution rules tag when a speech verb is there:
    a sentence's head (its words before the first quote) and the head up to that verb, the words on each
    side of a quote, and the words after a comma of a sentence without quotes.
    """
    for toks, sentences, _furniture in split:
        for s0, s1 in sentences:
            sent = toks[s0:s1]
            qpos = [i for i, t in enumerate(sent) if t[:1] == _PH]
            head = sent[:qpos[0]] if qpos else sent
            js = [j for j, t in enumerate(head[1:_WINDOW], 1) if t.lower() in _STRONG_VERBS]
            if js:
                yield tuple(head)
                for j in js:
                    yield tuple(head[:j + 1])
            for qn, pos in enumerate(qpos):
                before = sent[max(0, pos - _WINDOW):pos]
                nxt = qpos[qn + 1] if qn + 1 < len(qpos) else len(sent)
                after = sent[pos + 1:min(nxt, pos + 1 + _WINDOW)]
                if _may_tag_after(after):
                    yield tuple(after[1:] if after[:1] == [","] else after)
                if _may_tag_before(before):
                    yield tuple(before)
            if not qpos:
                for c in [x for x in range(3, len(sent) - 1) if sent[x] == ","][:4]:
                    tail = sent[c:c + _WINDOW]
                    if _may_tag_after(tail):
                        yield tuple(tail[1:])


_PASSIVE_CLAIM = re.compile(
    r"\b(?:has|have|had|is|are|was|were|been|being|be)\s+(?:(?:widely|reportedly|also|now|long)\s+)?(?:been\s+)?"
    r"(accused|blamed|criticised|criticized|alleged|believed|thought|understood|claimed|suspected|rumou?red|said|"
    r"reported|feared|condemned|described)\b(?!\s+by\b)")


def _analyse(article: Article) -> _Analysis:
    if not isinstance(article, Article):
        raise TypeError(f"expected a newskit Article, not {type(article).__name__}; "
                        "make one with newskit.from_text(text) or newskit.load(path)")
    cached = _CACHE.get(article)
    if cached is not None:
        return cached
    text = article.text
    raws = _scan(article)
    frames = _frame(article, raws)
    resolver = _Resolver(article)
    sentence_at = _sentence_finder(article)
    n = len(raws)
    speaker: list[Source | None] = [None] * n
    verb: list[str | None] = [None] * n
    channel: list[str | None] = [None] * n
    partial = [False] * n
    speech = [True] * n
    seen = [False] * n
    attributions: list[Attribution] = []
    mentions: set[int] = set()
    last_q: int | None = None
    carried: tuple[_Attr, Source | None] | None = None  # a paragraph ending "X said:" introduces the next one
    # each paragraph's frame tokens and sentences; the sentence openings the resolver will read
    # are tagged in one batch up front
    _TAGGED.set({})  # this analysis's tags (see _TAGGED)
    split: list[tuple[list[str], list[tuple[int, int]], bool]] = []
    for p in article.paragraphs:
        fr = frames[p.index]
        toks = _tokens(fr.text)
        closing = frozenset(qi for qi in fr.quote_ids if _ends_sentence(text, raws[qi]))
        # a line without final punctuation (caption, pull quote, its credit) does not change who "he" is
        split.append((toks, _sentences(toks, closing), _is_furniture(p.text)))
    openings = (tuple(toks[s0:s1][:_SUBJECT_WINDOW]) for toks, sents, furniture in split if not furniture
                for s0, s1 in sents if _names_someone(toks[s0:s1]))
    _tag_runs(itertools.chain(openings, _runs_to_tag(split)))
    for p, (toks, sentences, furniture) in zip(article.paragraphs, split, strict=True):
        para_attr: _Attr | None = None    # the last attribution statement in this paragraph ("X said ...")
        para_src: Source | None = None
        if carried is not None:
            para_attr, para_src = carried
            carried = None
        sent: list[str] = []
        for s0, s1 in sentences:
            sent = toks[s0:s1]
            qpos = [i for i, t in enumerate(sent) if t[:1] == _PH]
            # reported speech (no marks) and unattributed claims; in a sentence with quotes, only the
            # reporter's words before the first quote count
            head = sent[:qpos[0]] if qpos else sent
            low = [t.lower() for t in head[:_WINDOW]]   # the speech verb of reported speech comes early
            found = False
            for j, t in enumerate(low):
                if t in SPEECH_VERBS and t not in _WEAK_VERBS and 0 < j and _is_verb_at(head, j):
                    np, appos = _np_backward(head[:j + 1], j)
                    if not np or j + 2 >= len(head):
                        continue
                    pos0 = max((i for i in range(j) if head[i] == np[0]), default=0)
                    if (not qpos and pos0 > 1 and head[pos0 - 1] == "," and head[0].lower() not in _INTRO
                            and _tag(tuple(head[:pos0]))[0] not in {"IN", "VBG", "RB", "CC"}):
                        break  # "The plan was late, Lord Butler said ...": the reported words come first

                    k = j + 1
                    if k < len(head) and low[k] == "that":
                        k += 1
                    elif t in {"told", "tells", "tell", "telling", "asked"}:
                        while k < len(head) and low[k] not in {"that", ",", "."} and k - j < 6 and (
                                _is_cap(head[k]) or low[k] in {"the", "reporters", "journalists", "a", "an"}):
                            k += 1
                        if k < len(head) and low[k] == "that":
                            k += 1
                    stop = next((x for x in range(k, len(head) - 1) if head[x] == "," and head[x + 1].lower() in
                                 {"with", "while", "as", "but", "according"}), len(head))
                    content = [x for x in head[k:stop] if x not in _SENT_TOKS]
                    if len(content) >= 3 and not (qpos and stop == len(head) and (len(content) < 6 or head[-1] in {':', ','})):
                        src = resolver.resolve(_Mention(np, appos, t))
                        chan = _find_channel(sent)
                        para_attr, para_src = _Attr(_Mention(np, appos, t), chan), src
                        attributions.append(_make_attribution(article, p, _join(content), "indirect", src, t, chan))
                        found = True
                    break
            if not found and not qpos:
                # the attribution after the reported words: "The plan is late, Lord Butler said in an interview."
                commas = [x for x in range(3, len(sent) - 1) if sent[x] == ","][:4]
                for c in commas:
                    tail_attr = _after_attribution(sent[c:c + _WINDOW])
                    content = [x for x in sent[:c] if x not in _SENT_TOKS]
                    if tail_attr is not None and len(content) >= 4:
                        src = resolver.resolve(tail_attr.mention)
                        para_attr, para_src = tail_attr, src
                        attributions.append(_make_attribution(article, p, _join(content), "indirect", src,
                                                              tail_attr.mention.verb, tail_attr.channel))
                        break
            # (_join only drops spaces next to punctuation, never inside a match, so a sentence whose
            # plainly spaced words do not match cannot match once joined: most are skipped cheaply)
            if _PASSIVE_CLAIM.search(" ".join(head)):
                sent_text = _join(head)
                if _PASSIVE_CLAIM.search(sent_text):
                    attributions.append(_make_attribution(article, p, sent_text, "unattributed", None, None, None,
                                                          sentence_at))
            for qn, pos in enumerate(qpos):
                qi = int(_PLACEHOLDER.match(sent[pos]).group(1))  # type: ignore[union-attr]
                # attribution is local: look at a bounded window on each side (keeps long sentences linear)
                before = sent[max(0, pos - _WINDOW):pos]
                nxt = qpos[qn + 1] if qn + 1 < len(qpos) else len(sent)
                after = sent[pos + 1:min(nxt, pos + 1 + _WINDOW)]
                if seen[qi]:
                    continue
                seen[qi] = True
                is_partial = not _is_full(before)
                attr = _after_attribution(after, full=not is_partial)
                if attr is None:
                    attr = _before_attribution(before, is_partial)
                if attr is None and any(t.lower() in SPEECH_VERBS for t in before):
                    np_, appos_ = _sentence_subject(sent[:min(pos, _WINDOW)])
                    if np_:
                        attr = _Attr(_Mention(np_, appos_, next(t.lower() for t in reversed(before)
                                                                 if t.lower() in SPEECH_VERBS)), _find_channel(before))
                src: Source | None = None
                if attr is not None:
                    src = resolver.resolve(attr.mention)
                    if attr.mention.np[0].lower() in _PRONOUNS and src is None and para_src is not None:
                        src = para_src
                    # a group's or body's words quoted in passing ("Labour claims he used a "human shield"")
                    # do not make it the one who goes on speaking in this paragraph
                    if not is_partial or (src is not None and src.kind == "named"):
                        para_attr, para_src = attr, src
                elif is_partial and any(t.lower() in SPEECH_VERBS and t.lower() not in _WEAK_VERBS
                                        and _is_verb_at(before, k) for k, t in enumerate(before)):
                    src = para_src or resolver.last_person
                    attr = _Attr(_Mention([], [], next(t.lower() for t in reversed(before) if t.lower() in SPEECH_VERBS)),
                                 _find_channel(before))
                elif is_partial:
                    speech[qi] = False
                elif para_attr is not None:
                    attr, src = para_attr, para_src
                elif last_q is not None and speech[last_q] and speaker[last_q] is not None and (
                        article.paragraph_at(raws[last_q].pieces[-1][0]) in (p.index, p.index - 1)):
                    src, attr = speaker[last_q], _Attr(_Mention([], [], verb[last_q] or "said"), channel[last_q])
                speaker[qi] = src
                verb[qi] = attr.mention.verb if attr else None
                channel[qi] = attr.channel if attr else None
                partial[qi] = is_partial
                if is_partial and src is None:
                    speech[qi] = False
                # "Fox News Sunday", "the Marshall Plan": title-case names in marks are not speech
                qtext = " ".join(text[s:e] for s, e in raws[qi].pieces)
                if (is_partial and _looks_like_title(qtext)) or _is_mention(qtext, before, after, mentions) or furniture:
                    speech[qi] = False
                    mentions.add(qi)
                if speech[qi]:
                    last_q = qi
            if not furniture:
                resolver.note_subject(sent)
        if sent and sent[-1] == ":" and not any(_is_placeholder(t) for t in sent):
            intro = _before_attribution(sent[:-1][-_WINDOW:], False)
            if intro is not None:
                carried = (intro, resolver.resolve(intro.mention))
    quotes_out: list[Quote] = []
    not_speech: list[tuple[int, int]] = []
    for qi, r in enumerate(raws):
        if not speech[qi]:
            not_speech.append((r.pieces[0][0], r.pieces[-1][1]))
            continue
        qtext = " ".join(text[s:e] for s, e in r.pieces)
        para = article.paragraph_at(r.pieces[0][0])
        quotes_out.append(Quote(text=qtext, start=r.pieces[0][0], end=r.pieces[-1][1], paragraph=para or 0,
                                pieces=r.pieces, speaker=speaker[qi], verb=verb[qi], channel=channel[qi],
                                partial=partial[qi]))
    result = _Analysis(quotes_out, attributions, not_speech)
    _CACHE[article] = result
    return result


def _is_furniture(text: str) -> bool:
    """A line without final punctuation (caption, subhead, pull quote or its credit, link title)."""
    return not text.rstrip().rstrip("\"'\u201d\u2019)").endswith((".", "!", "?", "\u2026", ":"))


def _ends_sentence(text: str, raw: _Raw) -> bool:
    s, e = raw.pieces[-1]
    tail = text[s:e].rstrip(" '\u2019")
    return tail.endswith((".", "!", "?", "\u2026"))


_MENTION_CUES = frozenset("term terms word words phrase phrases such like hashtag slogan label nickname".split())


def _is_mention(q: str, before: list[str], after: list[str], mentions: set[int]) -> bool:
    """A word in marks that is talked about, not quoted: the word "blog", terms such as "affect" and "effect".

    *mentions* holds the quotes already judged to be mentions, for lists ("incumbent", "electoral" and "partisan").
    """
    if len(q.split()) > 2:
        return False
    prev = before[-1].lower() if before else ""
    if prev in _MENTION_CUES or (prev == "as" and len(before) >= 2 and before[-2].lower() == "such"):
        return True
    # the next item of a list of marked words
    if (len(before) >= 2 and before[-1].lower() in {",", "and", "or"} and _is_placeholder(before[-2])
            and int(before[-2][1:-1]) in mentions):
        return True
    # the marked word is the subject of a verb: '"blog" headed the list'
    if after and before and before[-1] not in {":", ","} and after[0][:1].islower() and (
            after[0].lower() in {"is", "was", "has", "had", "were", "are"} or _tag(tuple(after[:4]))[0] in {"VBD", "VBZ", "VBP"}):
        return True
    return bool(after) and after[0] in {",", "and", "or"} and len(after) >= 2 and _is_placeholder(after[1]) and (
        len(before) >= 1 and before[-1].lower() in _MENTION_CUES | {"as"})


def _looks_like_title(q: str) -> bool:
    words = q.strip(" ,.").split()
    return 1 <= len(words) <= 6 and all(w[:1].isupper() or w.lower() in {"of", "the", "and", "in", "on", "for", "a"}
                                        for w in words) and len(words) >= 2


_NON_SPACE = re.compile(r"\S+")


def _locate(text: str, lo: int, hi: int, content: str) -> tuple[int, int] | None:
    """Find *content* in text[lo:hi] ignoring whitespace differences; its span, or None."""
    want = "".join(content.split())
    if not want:
        return None
    seg = text[lo:hi]
    words = seg.split()  # the text's non-space runs; joined, they are `flat`
    k = "".join(words).find(want)
    if k < 0:
        return None
    last = k + len(want) - 1
    if " ".join(words) == seg:
        # single spaces only (the usual case): flat offset j is text offset lo + j + the runs ending at or before j
        ends = list(itertools.accumulate(map(len, words)))  # flat offset where each run ends
        return lo + k + bisect.bisect_right(ends, k), lo + last + bisect.bisect_right(ends, last) + 1
    start, pos = -1, 0  # pos: flat offset where the current run starts
    for m in _NON_SPACE.finditer(text, lo, hi):
        s, e = m.span()
        nxt = pos + e - s
        if start < 0 and k < nxt:
            start = s + k - pos
        if last < nxt:
            return start, s + last - pos + 1
        pos = nxt
    return None  # (not reached: `last` lies in the flat text)


def _sentence_finder(article: Article) -> Callable[[int], Sentence | None]:
    """A function giving the first of the article's sentences that holds an offset (None if none does)."""
    sentences = article.sentences
    if all(x.start < x.end for x in sentences) and all(a.end <= b.start for a, b in itertools.pairwise(sentences)):
        # in order and apart (as Article makes them): at most one holds the offset, found by bisection
        starts = [x.start for x in sentences]

        def find(offset: int) -> Sentence | None:
            i = bisect.bisect_right(starts, offset) - 1
            return sentences[i] if i >= 0 and offset < sentences[i].end else None
        return find
    return lambda offset: next((x for x in sentences if x.start <= offset < x.end), None)


def _make_attribution(article: Article, p: Paragraph, content: str, kind: str, src: Source | None,
                      verb_: str | None, chan: str | None,
                      sentence_at: Callable[[int], Sentence | None] | None = None) -> Attribution:
    span = _locate(article.text, p.start, p.end, content) or (p.start, p.end)
    start, end = span
    if kind == "unattributed":  # the whole sentence, quotes included, as the reader sees it
        sent = (sentence_at or _sentence_finder(article))(start)
        if sent is not None:
            start, end = sent.start, sent.end
    return Attribution(kind=kind, text=article.text[start:end], start=start, end=end, paragraph=p.index,  # type: ignore[arg-type]
                       speaker=src, verb=verb_, channel=chan)


# ---------------------------------------------------------------------------------------------
# Categories a student can discuss
# ---------------------------------------------------------------------------------------------

#: Category rules, tried in order: the first whose words appear in a source's name or descriptor wins.
CATEGORY_RULES: tuple[tuple[str, frozenset[str]], ...] = (
    ("militant or armed group", frozenset("militant militants insurgent insurgents rebel rebels jihadist jihadists "
                                          "fighter fighters extremist extremists gunmen isis isil taliban".split())),
    ("media", frozenset("journalist reporter editor correspondent columnist newspaper broadcaster "
                        "bbc cnn afp reuters".split())),
    ("politician", frozenset("mp mps senator senators congressman congresswoman democrat democrats republican "
                             "republicans tory tories labour conservative liberal candidate leader speaker "
                             "parliamentary lawmaker lawmakers legislator legislators president-elect politician "
                             "chancellor".split())),
    ("official or government", frozenset("spokesman spokeswoman spokesperson official officials minister ministers "
                                         "secretary president government ministry department police army military "
                                         "officer officers commander general ambassador governor mayor white house "
                                         "administration agency director treasury cabinet".split())),
    ("expert", frozenset("professor analyst analysts expert experts researcher researchers economist scientist "
                         "scientists academic lawyer statistician historian author".split())),
    ("civilian or witness", frozenset("resident residents witness witnesses local locals villager villagers mother "
                                      "father student students refugee refugees survivor survivors worker workers "
                                      "voter voters neighbour neighbor shopkeeper family families citizen citizens "
                                      "farmer farmers "
                                      "people".split())),
    ("organisation", frozenset("company firm group charity organisation organization association union "
                               "institute foundation board".split())),
)


def _category(descriptor: str, kind: str) -> str:
    words = set(re.findall(r"[a-z][a-z-]*", descriptor.lower()))
    words |= {w[:-1] for w in words if w.endswith("s")}  # "leaders" -> "leader"
    for cat, keys in CATEGORY_RULES:
        if words & keys:
            return cat
    return "organisation" if kind == "organisation" else "unknown"


def _is_media(name: str) -> bool:
    return bool(_OUTLET_RE.fullmatch(name) or _OUTLET_RE.fullmatch(name.removeprefix("the ")))


# ---------------------------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------------------------


def quotes(article: Article) -> QuoteList:
    """Direct quotes in text order, each with speaker, verb, channel and a partial flag.

    Handles straight, curly and mixed marks, a quote split around its
    attribution (two quotes), a quote running over paragraphs (one quote),
    colon-introduced quotes, and leaves out scare quotes and titles.

    >>> import newskit
    >>> qs = newskit.quotes(newskit.sample())
    >>> len(qs), qs[2].speaker.name, qs[2].channel
    (9, 'Mahmud Nuri', 'AFP')
    """
    return QuoteList(_analyse(article).quotes)


def scare_quotes(article: Article) -> list[tuple[int, int]]:
    """Spans of quote-marked text that is not speech (scare quotes, titles, words mentioned as words)."""
    return list(_analyse(article).not_speech)


def attributions(article: Article) -> AttributionList:
    """Reported speech without quote marks (``kind="indirect"``) and claims with no source (``"unattributed"``).

    >>> import newskit
    >>> [a.kind for a in newskit.sample().attributions()][:2]
    ['unattributed', 'indirect']
    """
    return AttributionList(_analyse(article).attributions)


def sources(article: Article) -> SourceTable:
    """One row per distinct source of direct quotes: quotes, quoted words, share, first paragraph.

    >>> import newskit
    >>> table = newskit.sources(newskit.sample())
    >>> [row.source.name for row in table][:3]
    ['furious world leaders', 'militants', 'Mahmud Nuri']
    """
    qs = _analyse(article).quotes
    total = sum(q.words for q in qs) or 1
    order: dict[str, list[Quote]] = {}
    first: dict[str, Source] = {}
    for q in qs:
        if q.speaker is None:
            continue
        key = q.speaker.name.lower()
        order.setdefault(key, []).append(q)
        best = first.get(key)
        if best is None or (not best.descriptor and q.speaker.descriptor):
            first[key] = q.speaker
    rows = tuple(
        SourceRow(source=first[k], quotes=len(v), quoted_words=sum(q.words for q in v),
                  share=sum(q.words for q in v) / total, first_paragraph=min(q.paragraph for q in v))
        for k, v in order.items()
    )
    return SourceTable(rows)


def outlets(article: Article) -> OutletList:
    """Media outlets credited as the channel of a quote or a report, in order of first credit.

    >>> import newskit
    >>> [o.name for o in newskit.sample().outlets()]
    ['BBC', 'AFP', 'AP']
    """
    an = _analyse(article)
    items: list[tuple[int, str, Quote | None, Attribution | None]] = []
    for q in an.quotes:
        if q.channel:
            items.append((q.start, q.channel, q, None))
    for a in an.attributions:
        if a.channel:
            items.append((a.start, a.channel, None, a))
    items.sort(key=lambda x: x[0])
    byname: dict[str, tuple[list[Quote], list[Attribution]]] = {}
    for _, name, q, a in items:
        qs, ats = byname.setdefault(name, ([], []))
        if q is not None:
            qs.append(q)
        if a is not None:
            ats.append(a)
    return OutletList(Outlet(name, tuple(qs), tuple(ats)) for name, (qs, ats) in byname.items())


def quote_records_of(qs: list[Quote]) -> list[dict[str, Any]]:
    """JSON-ready dicts of the given quotes (see :func:`quote_records`)."""
    return [_record(q.text, q.speaker, q.kind, q.partial, q.start, q.end, q.paragraph, q.verb, q.channel) for q in qs]


def quote_records(article: Article, include_indirect: bool = False) -> list[dict[str, Any]]:
    """Quotes as JSON-ready dicts, in text order (the ``newskit quotes --json`` contract).

    Keys: text, speaker (fullest name or the unnamed source's phrase, or None), kind
    ("direct", "partial" or, with *include_indirect*, "indirect"), partial, start, end,
    paragraph (from 0), verb, channel, plus descriptor and source_kind of the speaker.
    """
    recs = quote_records_of(quotes(article))
    if include_indirect:
        for a in attributions(article):
            if a.kind == "indirect":
                recs.append(_record(a.text, a.speaker, "indirect", False, a.start, a.end, a.paragraph, a.verb, a.channel))
        recs.sort(key=lambda r: r["start"])
    return recs


def _record(text: str, src: Source | None, kind: str, partial: bool, start: int, end: int, para: int,
            verb_: str | None, chan: str | None) -> dict[str, Any]:
    return {"text": text, "speaker": src.name if src else None, "kind": kind, "partial": partial,
            "start": start, "end": end, "paragraph": para, "verb": verb_, "channel": chan,
            "descriptor": src.descriptor if src else None, "source_kind": src.kind if src else None}


def format_quote_table(records: list[dict[str, Any]]) -> str:
    """A readable plain-text table of quote records (what ``newskit quotes`` prints)."""
    if not records:
        return "no quotes found"
    lines = [f"{'¶':>3}  {'speaker':26} {'kind':8} {'verb':9} {'channel':10} text", "-" * 100]
    for r in records:
        text = r["text"] if len(r["text"]) <= 60 else r["text"][:57] + "..."
        lines.append(f"{r['paragraph'] + 1:>3}  {str(r['speaker'] or '?')[:26]:26} {r['kind']:8} "
                     f"{str(r['verb'] or '')[:9]:9} {str(r['channel'] or '')[:10]:10} {text}")
    return "\n".join(lines)


class _CallableModule(types.ModuleType):
    """Lets ``newskit.sources(article)`` work although ``newskit.sources`` is also this module's name."""

    def __call__(self, article: Article) -> SourceTable:
        return sources(article)


sys.modules[__name__].__class__ = _CallableModule
