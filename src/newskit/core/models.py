"""What newskit's rebuilds of NLTK's models share: a memo of a function of one word, and NLTK's regular
expressions as plain data.

newskit runs three of NLTK's models from plain data — lists, dictionaries, numpy arrays and NLTK's regular
expressions as ``[source, flags, engine]`` — each in its own module and each giving exactly what NLTK's own
class gives (``tests/test_resources.py`` and ``tests/test_models.py`` check it against NLTK):

* :mod:`newskit.core.word_tokenizer` — the Treebank word tokenizer (what ``nltk.word_tokenize`` uses);
* :mod:`newskit.core.punkt` — the Punkt sentence splitter;
* :mod:`newskit.core.tagger` — the averaged perceptron part-of-speech tagger.

:mod:`newskit.core.resources` keeps that data in its cache (JSON and ``.npz``, never a pickle), so a fresh
process need not import NLTK nor read its data files to split and tag text. This module holds what the three
share: :class:`WordMemo` and :func:`pattern_spec` / :func:`compile_spec`. Nothing here imports NLTK.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["WordMemo", "compile_spec", "pattern_spec", "unwrapped"]

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
