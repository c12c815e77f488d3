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
        f"{len(imported.changes)} values changed or dropped (listed in "
        f"{args.directory / REPORT}); wrote {len(imported.files)} files. Build the site with:\n"
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


def run_bibtex(args: argparse.Namespace) -> int:
    """``bibtex``: a BibTeX file as ``publication`` directives; 2 on a file that is not BibTeX."""
    from cv_ext.cli.importer.bibtex import BibtexError, to_myst

    try:
        page = to_myst(args.bib.read_text(encoding="utf-8-sig"))
    except (OSError, BibtexError) as error:
        print(f"error: {args.bib}: {error}", file=sys.stderr)  # noqa: T201
        return 2
    if args.output is None:
        sys.stdout.write(page)
    elif args.output.exists():
        print(f"error: {args.output} exists; nothing written", file=sys.stderr)  # noqa: T201
        return 2
    else:
        args.output.write_text(page, encoding="utf8")
    return 0


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
    bibtex = commands.add_parser(
        "bibtex", help="write the entries of a BibTeX file as publication directives (MyST)"
    )
    bibtex.add_argument("bib", type=Path, help="a BibTeX file")
    bibtex.add_argument(
        "-o", "--output", type=Path, help="a new page to write (default: standard output)"
    )
    bibtex.set_defaults(run=run_bibtex)
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
