"""The ``newskit`` command line.

    newskit setup                     install the NLTK data newskit needs
    newskit quotes ARTICLE [--json]   direct quotes and their speakers
    newskit analyze ARTICLE [--json]  structure, readability, language, sources
    newskit report PATH -o FILE.html  a self-contained HTML report (a folder: FILE.html + FILE-pages/)

``--quiet`` (before or after the command) hides the progress bars of long work. Errors print
one line (``newskit: error: ...``) and exit with status 1; Ctrl-C exits with status 130.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .errors import NewskitError

__all__ = ["main", "build_parser"]

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Command] = {}


def _cmd_setup(args: argparse.Namespace) -> int:
    from .core import resources

    still = resources.setup(download=not args.check)
    return 1 if still else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newskit",
        description="Read a news article the way a media analyst does: structure, sources, language.",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    _add_subparser = sub.add_parser

    def add_parser(*args: Any, **kwargs: Any) -> argparse.ArgumentParser:
        p = _add_subparser(*args, **kwargs)
        p.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="no progress bars")
        return p

    sub.add_parser = add_parser  # type: ignore[method-assign]

    p = sub.add_parser("setup", help="install the NLTK data newskit needs (safe to run again)",
                       description="Check which NLTK data packages are present (respecting NLTK_DATA), "
                                   "download the missing ones with progress, and verify them.")
    p.add_argument("--check", action="store_true", help="only check, download nothing (exit 1 if any is missing)")
    p.set_defaults(func=_cmd_setup)

    for register in _REGISTER:
        register(sub)
    return parser


def _add_article_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="an article: a .txt file (first line = headline) or a saved web page; "
                                 "for analyze and report also a folder")
    p.add_argument("--no-headline", action="store_true", help="the file has no headline line: all of it is body text")


def _load_arg(args: argparse.Namespace):  # noqa: ANN202
    from .loaders import load

    return load(args.path, has_headline=not args.no_headline)


_REGISTER: list[Callable[[argparse._SubParsersAction], None]] = []


def subcommand(fn: Callable[[argparse._SubParsersAction], None]) -> Callable[[argparse._SubParsersAction], None]:
    """Register a function that adds one subcommand to the parser."""
    _REGISTER.append(fn)
    return fn


@subcommand
def _quotes_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("quotes", help="list the direct quotes and who said them",
                       description="Direct quotes in text order with speaker, verb, channel and offsets.")
    _add_article_args(p)
    p.add_argument("--json", action="store_true", help="print a JSON list, one object per quote")
    p.add_argument("--all", action="store_true", help="also list reported (indirect) speech, kind 'indirect'")
    p.set_defaults(func=_cmd_quotes)


def _cmd_quotes(args: argparse.Namespace) -> int:

    art = _load_arg(args)
    from . import sources

    records = sources.quote_records(art, include_indirect=args.all)
    if args.json:
        _print_json(records)
    else:
        print(sources.format_quote_table(records))
    return 0


@subcommand
def _analyze_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="structure, readability, language and sources of an article",
                       description="Run every analysis on an article and print a readable summary, or with --json one "
                                   "JSON object with the keys article, structure, readability, language, sources. "
                                   "For a folder: one line (or, with --json, one JSON object per line) per article file "
                                   "(.txt, .html, .htm).")
    _add_article_args(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of the readable summary")
    p.set_defaults(func=_cmd_analyze)


def _cmd_analyze(args: argparse.Namespace) -> int:
    import json

    from . import analysis

    if Path(args.path).is_dir():
        from .corpus import analyze_corpus

        status = 0
        for r in analyze_corpus(args.path, has_headline=not args.no_headline):
            if args.json:
                print(json.dumps(r.to_dict(), ensure_ascii=not _stdout_is_unicode()), flush=True)
            elif r.ok:
                print(f"{r.name}: {r.words} words, {r.quotes} quotes, {r.sources} sources: {r.headline or ''}", flush=True)
            else:
                print(f"{r.name}: error: {r.error}", flush=True)
            status = status if r.ok else 1
        return status
    result = analysis.analyze(_load_arg(args))
    if args.json:
        _print_json(result.to_dict())
    else:
        print(result.summary())
    return 0


@subcommand
def _report_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write a self-contained HTML report (one file, no JavaScript) to hand out",
                       description="Write the highlighted article and every analysis, with charts embedded, to ONE "
                                   "HTML file that opens offline. PATH may be a folder of articles (.txt, .html): then -o "
                                   "names the index (an -o ending in .html, e.g. summary.html) or the OUTPUT FOLDER that "
                                   "gets index.html; the article pages and the sorted tables go to a folder of their "
                                   "own beside the index (summary-pages/, or index-pages/ in the output folder). A "
                                   "folder report never replaces a file newskit did not write: it stops with an error "
                                   "naming the file.")
    _add_article_args(p)
    p.add_argument("-o", "--output", metavar="OUT",
                   help="the report file (default: the article's name with .html, in the current folder, or "
                        "<name>-report.html when that is the article itself; never an input); "
                        "for a folder PATH, the index file (.html) or the output folder (default: <folder>-report)")
    p.add_argument("--charts", action="store_true",
                   help="for a folder PATH: embed the charts in every article's page too (slower, bigger)")
    p.set_defaults(func=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    from . import report

    src = Path(args.path)
    if src.is_dir():
        out = args.output or f"{src.resolve().name}-report"
        index = report.write_corpus_report(src, out, has_headline=not args.no_headline, charts=args.charts)
        print(f"wrote {index} (the article pages are in {report.pages_folder(index)}{os.sep})")
        return 0
    art = _load_arg(args)
    out = args.output or _default_output(src)
    written = report.write_report(art, out)
    print(f"wrote {written}")
    return 0


def _default_output(src: Path) -> str:
    """``<name>.html`` in the current folder, or ``<name>-report.html`` when that is the input itself."""
    stem = src.stem or "article"
    out = f"{stem}.html"
    try:
        same = Path(out).exists() and Path(out).samefile(src)
    except OSError:
        same = False
    return f"{stem}-report.html" if same else out


def _print_json(data: object) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=not _stdout_is_unicode(), indent=1)
    sys.stdout.write("\n")


def _stdout_is_unicode() -> bool:
    """True when stdout can take any character (UTF-8 or UTF-16/32): else JSON goes out as ASCII escapes."""
    enc = (getattr(sys.stdout, "encoding", None) or "").lower().replace("_", "-")
    return enc.startswith(("utf-8", "utf8", "utf-16", "utf-32"))


def _forgiving_streams() -> None:
    """Let stdout and stderr print any text: a character their encoding lacks becomes an escape, not a crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if callable(reconfigure) and getattr(stream, "errors", "strict") == "strict":
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or odd stream: leave it alone
                pass


def _os_error(err: OSError, path: str | None) -> str:
    """One line for an operating-system error: which file, and why (e.g. "Permission denied")."""
    what = err.strerror or str(err) or type(err).__name__
    name = err.filename if err.filename is not None else path
    if name is None:
        return what
    return f"{os.fsdecode(name) if isinstance(name, bytes) else str(name)!r}: {what}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 done, 1 an error, 130 interrupted with Ctrl-C)."""
    _forgiving_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    from .core.progress import quiet

    try:
        if getattr(args, "quiet", False):
            with quiet():
                return args.func(args)
        return args.func(args)
    except NewskitError as err:
        print(f"newskit: error: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `newskit quotes x | head`
        _silence_stdout()
        return 0
    except OSError as err:  # an unreadable file, a name too long, an I/O error
        print(f"newskit: error: {_os_error(err, getattr(args, 'path', None))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, with the shell's status for SIGINT
        return 130


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that Python's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
