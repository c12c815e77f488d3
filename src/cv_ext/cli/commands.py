"""``python -m cv_ext``: command-line tools around cv_ext sites."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from cv_ext.cli.importer import REPORT, ImportError_, import_resume
from cv_ext.cli.links import add_links_command


def _plain_output() -> None:
    # a terminal that cannot show a name's script gets escapes, not a traceback
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")


def _untranslated(language: str) -> str:
    return (
        f"cv_ext has no catalog for {language!r}: its labels stay English; dates are "
        f"written in {language!r} (babel).\n"
    )


def _build_commands(directory: Path) -> str:
    return (
        f"Build the site and its PDF with (see {directory / 'README.md'}):\n"
        f"  cd {directory}\n"
        "  python3 -m venv .venv && .venv/bin/python -m pip install -q -r requirements.txt "
        "&& .venv/bin/python -m sphinx -n -W -b dirhtml . _build/dirhtml\n"
        "  .venv/bin/python -m sphinx -M latexpdf . _build"
    )


def run_new(args: argparse.Namespace) -> int:
    """``new``: an example project for a person; 2 on a folder that is not empty."""
    from cv_ext.cli.project import ProjectError, new_project

    try:
        made = new_project(args.name, args.directory, args.language, args.requirement)
    except ProjectError as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201
        return 2
    _plain_output()
    print(  # noqa: T201
        f"Wrote {len(made.files)} files into {args.directory}, in the language "
        f"{made.language!r}. Every example on the pages says so: replace it with your own.\n"
        + ("" if made.translated else _untranslated(made.language))
        + _build_commands(args.directory)
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    """``import``: a JSON Resume file to a site; 2 on input that is not a JSON object."""
    try:
        imported = import_resume(args.resume, args.directory, args.language, args.requirement)
    except ImportError_ as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201
        return 2
    _plain_output()
    for change in imported.changes:
        print(change.line())  # noqa: T201
    print(  # noqa: T201
        f"Language: {imported.language.code}, {imported.language.reason}.\n"
        + ("" if imported.translated else _untranslated(imported.language.code))
        + f"{len(imported.changes)} changes, listed in {args.directory / REPORT} (nothing"
        " is lost: what the site does not show, its cv.json keeps);"
        f" wrote {len(imported.files)} files.\n" + _build_commands(args.directory)
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
    sys.stdout.write(run(args.ad, args.site, args.format, args.base, args.evidence))
    return 0


def _requirement_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--requirement",
        action="append",
        metavar="LINE",
        help="a line for requirements.txt instead of cv-ext>=0.2, such as a Git URL or a "
        "wheel (may be given more than once)",
    )


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
    maker = commands.add_parser(
        "new",
        help="write a complete cv_ext project for a person, with example pages to replace",
    )
    maker.add_argument("name", help="the person's name, as the site shows it")
    maker.add_argument("directory", type=Path, help="a new or empty folder for the project")
    maker.add_argument(
        "--language",
        default="en",
        help="the site's language (en, de, fr, ja, zh_CN, ...): page titles, labels, dates",
    )
    _requirement_option(maker)
    maker.set_defaults(run=run_new)
    importer = commands.add_parser(
        "import",
        help="write a complete cv_ext project (pages, conf.py, Read the Docs, PDF) from a "
        "JSON Resume, in the resume's language",
    )
    importer.add_argument("resume", type=Path, help="a JSON Resume file (any JSON object)")
    importer.add_argument("directory", type=Path, help="a new or empty folder for the site")
    importer.add_argument(
        "--language",
        help="the site's language (default: detected from the resume's text)",
    )
    _requirement_option(importer)
    importer.set_defaults(run=run_import)
    bibtex = commands.add_parser(
        "bibtex", help="write the entries of a BibTeX file as publication directives (MyST)"
    )
    bibtex.add_argument("bib", type=Path, help="a BibTeX file")
    bibtex.add_argument(
        "-o", "--output", type=Path, help="a new page to write (default: standard output)"
    )
    bibtex.set_defaults(run=run_bibtex)
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
    matcher.add_argument(
        "--evidence",
        type=int,
        default=3,
        metavar="N",
        help="objects shown per covered term, the strongest first (default: 3; 0: all)",
    )
    matcher.set_defaults(run=run_match)
    add_links_command(commands)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; 0 on success, 2 on bad input."""
    args = parser().parse_args(argv)
    return int(args.run(args))
