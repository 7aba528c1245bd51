"""The ``newskit`` command line.

    newskit setup                     install the NLTK data newskit needs
    newskit quotes ARTICLE [--json]   direct quotes and their speakers
    newskit analyze ARTICLE [--json]  structure, readability, language, sources
    newskit report PATH -o FILE.html  a self-contained HTML report

Errors print one line (``newskit: error: ...``) and exit with status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("setup", help="install the NLTK data newskit needs (safe to run again)",
                       description="Check which NLTK data packages are present (respecting NLTK_DATA), "
                                   "download the missing ones with progress, and verify them.")
    p.add_argument("--check", action="store_true", help="only check, download nothing (exit 1 if any is missing)")
    p.set_defaults(func=_cmd_setup)

    for register in _REGISTER:
        register(sub)
    return parser


def _add_article_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", help="an article: a .txt file (first line = headline)")
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
                                   "For a folder: one line (or, with --json, one JSON object per line) per .txt file.")
    _add_article_args(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of the readable summary")
    p.set_defaults(func=_cmd_analyze)


def _cmd_analyze(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from . import analysis

    if Path(args.path).is_dir():
        status = 0
        for r in analysis.analyze_corpus(args.path, has_headline=not args.no_headline):
            if args.json:
                print(json.dumps(r.to_dict(), ensure_ascii=False), flush=True)
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
                                   "HTML file that opens offline. PATH may be a folder of .txt articles: then -o "
                                   "names the OUTPUT FOLDER, which gets index.html (one row per article) and one "
                                   "report per article (an -o ending in .html is taken as the index file instead).")
    _add_article_args(p)
    p.add_argument("-o", "--output", metavar="OUT",
                   help="the report file (default: the article's name with .html, in the current folder); "
                        "for a folder PATH, the output folder (default: <folder>-report)")
    p.set_defaults(func=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from . import report

    src = Path(args.path)
    if src.is_dir():
        out = args.output or f"{src.resolve().name}-report"
        index = report.write_corpus_report(src, out, has_headline=not args.no_headline)
        print(f"wrote {index}")
        return 0
    art = _load_arg(args)
    out = args.output or f"{src.stem or 'article'}.html"
    written = report.write_report(art, out)
    print(f"wrote {written}")
    return 0


def _print_json(data: object) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except NewskitError as err:
        print(f"newskit: error: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `newskit quotes x | head`
        return 0
