"""``python -m cv_ext``: command-line tools around cv_ext sites."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from cv_ext.cli.importer import REPORT, ImportError_, import_resume


def run_import(args: argparse.Namespace) -> int:
    """``import``: a JSON Resume file to a site; 2 on input that is not a JSON object."""
    try:
        imported = import_resume(args.resume, args.directory)
    except ImportError_ as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201
        return 2
    # a terminal that cannot show a name's script gets escapes, not a traceback
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    for change in imported.changes:
        print(change.line())  # noqa: T201
    print(  # noqa: T201
        f"{len(imported.changes)} changes, listed in {args.directory / REPORT} (nothing"
        " is lost: what the site does not show, its cv.json keeps);"
        f" wrote {len(imported.files)} files. Build the site with:\n"
        f"  python -m sphinx -n -W -b html {args.directory} {args.directory}/_build/html"
    )
    return 0


def run_match(args: argparse.Namespace) -> int:
    """``match``: a job ad's terms against the site's CV; 2 without an ad or a site."""
    from cv_ext.cli.match import run

    if not args.ad.is_file():
        print(f"error: no job ad at {args.ad}", file=sys.stderr)  # noqa: T201
        return 2
    if not (args.site / "conf.py").is_file():
        print(f"error: no Sphinx site (conf.py) in {args.site}", file=sys.stderr)  # noqa: T201
        return 2
    sys.stdout.write(run(args.ad, args.site, args.format, args.base))
    return 0


def run_fmt(args: argparse.Namespace) -> int:
    """``fmt``: cv_ext's directives in canonical form; 1 if ``--check`` finds work, 2 if no folder."""
    from cv_ext.cli.fmt import format_folder

    if not args.directory.is_dir():
        print(f"error: no folder {args.directory}", file=sys.stderr)  # noqa: T201
        return 2
    result = format_folder(args.directory, check=args.check)
    verb = "would format" if args.check else "formatted"
    for path in result.changed:
        print(f"{verb} {path}")  # noqa: T201
    for path in result.refused:
        print(f"left as it is (it would read differently): {path}")  # noqa: T201
    return 1 if args.check and result.changed else 0


def parser() -> argparse.ArgumentParser:
    """The command line: one subcommand per tool, each with its own ``run`` function."""
    main_parser = argparse.ArgumentParser(prog="python -m cv_ext", description=__doc__)
    commands = main_parser.add_subparsers(dest="command", required=True)
    importer = commands.add_parser(
        "import",
        help="write a cv_ext site (MyST pages, conf.py, Read the Docs config) from a JSON Resume",
    )
    importer.add_argument("resume", type=Path, help="a JSON Resume file (any JSON object)")
    importer.add_argument("directory", type=Path, help="a new or empty folder for the site")
    importer.set_defaults(run=run_import)
    formatter = commands.add_parser(
        "fmt", help="rewrite the cv_ext directives of a site's MyST pages in canonical form"
    )
    formatter.add_argument("directory", type=Path, help="the site's source folder")
    formatter.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a page would change"
    )
    formatter.set_defaults(run=run_fmt)
    matcher = commands.add_parser(
        "match", help="which terms of a job ad the CV covers, with the objects backing them"
    )
    matcher.add_argument("ad", type=Path, help="the job ad, as plain text")
    matcher.add_argument("--site", type=Path, default=Path("docs"), help="the site (default: docs)")
    matcher.add_argument("--format", choices=("text", "md", "json"), default="text")
    matcher.add_argument(
        "--base",
        help="the site's public address (default: html_baseurl; without it, paths from the root)",
    )
    matcher.set_defaults(run=run_match)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; 0 on success, 2 on bad input."""
    args = parser().parse_args(argv)
    return int(args.run(args))
