"""``python -m cv_ext``: command-line tools around cv_ext sites."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from cv_ext.import_ import REPORT, ImportError_, import_resume


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
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; 0 on success, 2 on bad input."""
    args = parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
