"""One progress bar for long work: a folder analysed, a corpus report written, NLTK data downloaded.

:func:`progress` wraps an iterable. In a notebook it draws ``tqdm``'s widget bar; in a terminal a
text bar on stderr; nowhere else (stderr redirected to a file or a pipe, a test run) it draws
nothing and simply yields the items. :func:`quiet` turns every bar off for a block of code, which
is what ``newskit --quiet`` does. Without tqdm installed the bars are silently left out.

>>> list(progress(range(3), desc="counting", enabled=False))
[0, 1, 2]
>>> with quiet():
...     sum(progress([1, 2, 3]))
6
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import TypeVar

__all__ = ["progress", "quiet", "wanted"]

_T = TypeVar("_T")

#: False inside :func:`quiet`: no bar is drawn, whatever the caller asks for.
_ALLOWED: ContextVar[bool] = ContextVar("newskit_progress_allowed", default=True)


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Within this block no progress bar is drawn (``newskit --quiet``); the work itself is unchanged.

    >>> with quiet():
    ...     wanted(True)
    False
    """
    token = _ALLOWED.set(False)
    try:
        yield
    finally:
        _ALLOWED.reset(token)


def _in_notebook() -> bool:
    """True in a Jupyter kernel (where stderr is not a terminal but a bar is still welcome)."""
    if "IPython" not in sys.modules:
        return False
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except Exception:  # noqa: BLE001 - a broken IPython only means "not a notebook"
        return False
    return shell is not None and getattr(shell, "kernel", None) is not None


def _stderr_is_terminal() -> bool:
    try:
        return bool(sys.stderr is not None and sys.stderr.isatty())
    except (AttributeError, ValueError, OSError):  # replaced or closed stderr
        return False


def _size() -> tuple[int, int]:
    """The terminal's (columns, rows) for the bar: 80 x 24 when it reports none (a bare pseudo-terminal), at most 120 wide."""
    try:
        cols, rows = os.get_terminal_size(sys.stderr.fileno())
    except (AttributeError, ValueError, OSError):
        cols, rows = 0, 0
    if cols <= 0:
        env = os.environ.get("COLUMNS", "")
        cols = int(env) if env.isdigit() and int(env) > 0 else 80
    return min(cols, 120), rows if rows > 0 else 24


def wanted(enabled: bool | None = None) -> bool:
    """Whether a bar would be drawn: never inside :func:`quiet` or with ``NEWSKIT_QUIET`` set; else
    *enabled* when given, or (None) only in a notebook or when stderr is a terminal.

    >>> wanted(False)
    False
    """
    if not _ALLOWED.get() or os.environ.get("NEWSKIT_QUIET"):
        return False
    if enabled is not None:
        return bool(enabled)
    return _in_notebook() or _stderr_is_terminal()


def progress(iterable: Iterable[_T], *, total: int | None = None, desc: str = "", unit: str = "it",
             enabled: bool | None = None) -> Iterator[_T]:
    """Yield the items of *iterable*, drawing a progress bar as they go (see :func:`wanted` for when).

    *total* is the number of items when *iterable* has no ``len()`` (a generator); *desc* labels
    the bar ("analysing"); *unit* names one item ("file", "B"). The bar closes when the loop ends,
    breaks or fails.

    >>> [x * 2 for x in progress([1, 2], desc="doubling", unit="number", enabled=False)]
    [2, 4]
    """
    if not wanted(enabled):
        yield from iterable
        return
    try:
        if _in_notebook():
            from tqdm.auto import tqdm
        else:
            from tqdm import tqdm
    except ImportError:
        yield from iterable
        return
    if total is None:
        try:
            total = len(iterable)  # type: ignore[arg-type]
        except TypeError:
            total = None
    # monitor_interval = 0: no monitor thread, so a process pool started during the loop forks a single-threaded process
    bar_class = type("NewskitBar", (tqdm,), {"monitor_interval": 0})
    cols, rows = _size()
    bar = bar_class(iterable, total=total, desc=desc or None, unit=unit, file=sys.stderr, ncols=cols, nrows=rows,
                    leave=False)
    try:
        yield from bar
    finally:
        bar.close()
