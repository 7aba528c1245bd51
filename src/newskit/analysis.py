"""Everything at once: :func:`analyze` runs every analysis newskit has on one text.

The results (structure, readability, the language analyses, quotes and sources) are gathered in one
:class:`Analysis`, each field the analysis's own typed result. ``Analysis.to_dict()`` is the JSON
contract of ``newskit analyze --json``: each result's own ``to_dict()``, one JSON shape per result.
``Analysis.glance()`` (and, for a text not yet analysed, :func:`at_a_glance`) gives the
at-a-glance figures every view shows: the report, the widgets, the summary.

Many files at once: :func:`newskit.analyze_corpus` (in :mod:`newskit.corpus`).

>>> import newskit
>>> a = newskit.analyze(newskit.sample())
>>> sorted(a.to_dict())
['article', 'language', 'readability', 'sources', 'structure']
"""

from __future__ import annotations

import dataclasses
import enum
import math
import os
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .core.fmt import esc, html_table, number, percent
from .core.text import Text

if TYPE_CHECKING:  # pragma: no cover
    from .language import (
        Collocations,
        Frequencies,
        Hedges,
        Keyness,
        Labels,
        LoadedWords,
        Numbers,
        Passives,
        PosProfile,
        Sentiment,
        Vocabulary,
    )
    from .sources import Attribution, AttributionList, OutletList, QuoteList, SourceTable
    from .structure import Readability, Structure

__all__ = ["Analysis", "LanguageResults", "analyze", "at_a_glance", "LANGUAGE_ANALYSES", "plain"]

#: The language analyses :func:`analyze` runs, in the order they are reported.
#: (The concordance is not among them: it needs a query word.)
LANGUAGE_ANALYSES: tuple[str, ...] = (
    "frequencies", "keywords", "collocations", "labels", "loaded_words", "hedges", "passives",
    "sentiment", "numbers", "pos_profile", "vocabulary",
)


def plain(obj: Any) -> Any:
    """JSON-ready plain data: tuples and sets become lists, non-finite floats ``None``, a result its ``to_dict()``.

    >>> plain((1, 2.5, float("nan")))
    [1, 2.5, None]
    """
    if obj is None or isinstance(obj, (bool, int, str)):
        return obj
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, deque)):
        return [plain(v) for v in obj]
    if isinstance(obj, (set, frozenset)):
        return [plain(v) for v in sorted(obj, key=repr)]
    if isinstance(obj, enum.Enum):
        return plain(obj.value)
    to_dict = getattr(obj, "to_dict", None)
    if callable(to_dict) and not isinstance(obj, type):
        return plain(to_dict())
    if isinstance(obj, Text):
        return {"name": obj.name, "headline": obj.headline}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj) if not f.name.startswith("_")}
    if isinstance(obj, os.PathLike):
        return os.fspath(obj)
    return str(obj)


# ---------------------------------------------------------------------------------------------
# The results
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LanguageResults:
    """The language analyses of one text, one field per analysis (see :data:`LANGUAGE_ANALYSES`)."""

    frequencies: Frequencies
    keywords: Keyness
    collocations: Collocations
    labels: Labels
    loaded_words: LoadedWords
    hedges: Hedges
    passives: Passives
    sentiment: Sentiment
    numbers: Numbers
    pos_profile: PosProfile
    vocabulary: Vocabulary

    def items(self) -> list[tuple[str, Any]]:
        """``(name, result)`` pairs in report order."""
        return [(name, getattr(self, name)) for name in LANGUAGE_ANALYSES]

    def to_dict(self) -> dict[str, Any]:
        """Each analysis's own ``to_dict()``, keyed by analysis name."""
        return {name: result.to_dict() for name, result in self.items()}

    def _repr_html_(self) -> str:
        parts = [f"<h4>{esc(name.replace('_', ' '))}</h4>{result._repr_html_()}" for name, result in self.items()]
        return "<div class='newskit-language'>" + "".join(parts) + "</div>"


def _glance(text: Text, structure: Structure, readability: Readability, quotes: QuoteList, table: SourceTable,
            attributions: AttributionList, outlets: OutletList) -> list[tuple[str, str]]:
    """The one builder of the at-a-glance rows (see :meth:`Analysis.glance`)."""
    words = len(text)
    kinds = [r.source.kind for r in table.rows]
    top = max(table.rows, key=lambda r: r.quoted_words, default=None)
    rows = [
        ("words", str(words)),
        ("paragraphs", str(len(text.paragraphs))),
        ("sentences", str(len(text.sentences))),
        ("direct quotes", str(len(quotes))),
        ("quoted sources", str(len(table))),
        ("share of words in quotes", percent(sum(q.words for q in quotes) / words) if words else "–"),
        ("most quoted source", top.source.name if top else "–"),
        ("named / unnamed / organisation sources", " / ".join(str(kinds.count(k)) for k in ("named", "unnamed",
                                                                                             "organisation"))),
        ("reported speech", str(sum(1 for a in attributions if a.kind == "indirect"))),
        ("unattributed claims", str(sum(1 for a in attributions if a.kind == "unattributed"))),
        ("outlets credited", ", ".join(o.name for o in outlets) or "none"),
        ("Flesch reading ease", number(readability.flesch_reading_ease)),
        ("Flesch-Kincaid grade", number(readability.flesch_kincaid_grade)),
        ("reading level", readability.verdict),
        ("inverted pyramid", structure.pyramid.verdict),
    ]
    return rows


def at_a_glance(text: Text) -> list[tuple[str, str]]:
    """The at-a-glance figures of *text* without running the language analyses (see :meth:`Analysis.glance`).

    >>> import newskit
    >>> dict(at_a_glance(newskit.sample()))["direct quotes"]
    '9'
    """
    from . import sources, structure

    return _glance(text, structure.structure(text), structure.readability(text), sources.quotes(text),
                   sources.sources(text), sources.attributions(text), sources.outlets(text))


@dataclass(frozen=True, eq=False)
class Analysis:
    """Every analysis of one text: ``structure``, ``readability``, ``language``, and the sources side.

    ``quotes``, ``attributions`` (reported speech and unattributed claims) and ``outlets``
    are the :mod:`newskit.sources` lists; ``sources`` is the :class:`~newskit.sources.SourceTable`.
    ``to_dict()`` gives JSON-ready data, ``glance()`` the at-a-glance figures, ``summary()`` text.
    """

    article: Text
    structure: Structure
    readability: Readability
    language: LanguageResults
    quotes: QuoteList
    sources: SourceTable
    attributions: AttributionList
    outlets: OutletList

    @property
    def words(self) -> int:
        """Number of words in the body."""
        return len(self.article)

    @property
    def reported_speech(self) -> tuple[Attribution, ...]:
        """Reported (indirect) speech: someone's words given without quote marks."""
        return tuple(a for a in self.attributions if a.kind == "indirect")

    @property
    def unattributed(self) -> tuple[Attribution, ...]:
        """Claims the article makes with no source given."""
        return tuple(a for a in self.attributions if a.kind == "unattributed")

    def glance(self) -> list[tuple[str, str]]:
        """The at-a-glance figures, ``(label, value as text)``: the one list the report, the widgets and the summary show.

        >>> import newskit
        >>> dict(newskit.analyze(newskit.sample()).glance())["quoted sources"]
        '6'
        """
        return _glance(self.article, self.structure, self.readability, self.quotes, self.sources, self.attributions,
                       self.outlets)

    def article_dict(self) -> dict[str, Any]:
        """The article's metadata: name, path, headline, paragraphs, sentences, words, characters."""
        art = self.article
        return {"name": art.name, "path": art.path, "headline": art.headline, "paragraphs": len(art.paragraphs),
                "sentences": len(art.sentences), "words": len(art), "characters": len(art.text)}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data with the top-level keys ``article``, ``structure``, ``readability``, ``language``, ``sources``.

        Each result gives its own ``to_dict()``. ``sources`` holds ``quotes`` (one record per
        direct quote, in text order), ``table`` (one row per source), ``outlets`` and
        ``attributions`` (reported speech and unattributed claims).

        >>> import json, newskit
        >>> d = newskit.analyze(newskit.sample()).to_dict()
        >>> d["article"]["paragraphs"], len(json.dumps(d)) > 1000
        (15, True)
        """
        return plain({
            "article": self.article_dict(),
            "structure": self.structure.to_dict(),
            "readability": self.readability.to_dict(),
            "language": self.language.to_dict(),
            "sources": {
                "quotes": [q.to_dict() for q in self.quotes],
                "table": self.sources.records(),
                "outlets": [o.to_dict() for o in self.outlets],
                "attributions": [a.to_dict() for a in self.attributions],
            },
        })

    def summary(self) -> str:
        """A readable multi-line plain-text summary (what ``newskit analyze`` prints)."""
        art = self.article
        title = art.headline or art.name
        lines = [title, "=" * min(78, len(title)), f"file: {art.name}"]
        lines += [f"{label}: {value}" for label, value in self.glance()]
        if self.sources.rows:
            lines.append("sources (quotes, share of quoted words):")
            for r in self.sources.rows[:10]:
                desc = f", {r.source.descriptor}" if r.source.descriptor else ""
                lines.append(f"  - {r.source.name}{desc} [{r.source.kind}]: {r.quotes}, {percent(r.share)}")
        lang = self.language
        for name, rows in (("keywords", lang.keywords.positive), ("frequencies", lang.frequencies.rows)):
            if rows:
                lines.append(f"{name}: " + ", ".join(r.word for r in rows[:10]))
        lines.append(f"loaded words: {len(lang.loaded_words.hits)}   hedges: {len(lang.hedges.hits)}   "
                     f"passives: {len(lang.passives.items)}   numbers: {len(lang.numbers.items)}")
        tone = lang.sentiment
        parts = [f"{k} {v:+.2f}" for k, v in (("overall", tone.overall), ("reporter", tone.reporter),
                                               ("quoted", tone.quoted)) if v is not None]
        if tone.reporter is not None or tone.quoted is not None:
            lines.append("tone (VADER compound, -1 to +1): " + ", ".join(parts))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def __repr__(self) -> str:
        return (f"<Analysis of {self.article.name!r}: {self.words} words, {len(self.quotes)} quotes, "
                f"{len(self.sources)} sources>")

    def _repr_html_(self) -> str:
        art = self.article
        table = html_table(("measure", "value"), self.glance())
        return (f"<div class='newskit-analysis'><h3>{esc(art.headline or art.name)}</h3>"
                f"<p style='opacity:0.75'>{esc(art.name)}</p>{table}"
                f"<p style='opacity:0.75'>See <code>.structure</code>, <code>.readability</code>, <code>.language</code>, "
                f"<code>.sources</code>, <code>.quotes</code>; <code>newskit.report.write_report(article, 'report.html')"
                f"</code> writes all of it to one page.</p></div>")


def analyze(text: Text) -> Analysis:
    """Run every newskit analysis on *text* (a :class:`newskit.Article` or any ``core.text.Text``) and gather the results.

    Each analysis caches its work per text, so calling this after single analyses is cheap.
    For a file, load it first: ``analyze(newskit.load(path))``.

    >>> import newskit
    >>> a = newskit.analyze(newskit.sample())
    >>> len(a.quotes), a.to_dict()["article"]["headline"][:21]
    (9, "Iraq's Army Abandoned")
    """
    if not isinstance(text, Text):
        hint = ": load a file with newskit.load(path) first" if isinstance(text, (str, os.PathLike)) else ""
        raise TypeError(f"analyze() needs a newskit.Article (a core.text.Text), not {type(text).__name__}{hint}")
    from . import language, sources, structure
    from .core import resources

    with resources.gc_paused():
        return Analysis(
            article=text,
            structure=structure.structure(text),
            readability=structure.readability(text),
            language=LanguageResults(**{name: getattr(language, name)(text) for name in LANGUAGE_ANALYSES}),
            quotes=sources.quotes(text),
            sources=sources.sources(text),
            attributions=sources.attributions(text),
            outlets=sources.outlets(text),
        )
