"""``python -m cv_ext import resume.json DIR``: a JSON Resume as MyST pages;
``python -m cv_ext match JOBAD.txt``: the job ad's terms the CV covers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cv_ext.resume_import import ImportError_, import_resume


def main(argv: list[str] | None = None) -> int:
    """Run the command line; 0 on success, 2 on bad input."""
    parser = argparse.ArgumentParser(prog="python -m cv_ext", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    importer = commands.add_parser(
        "import", help="write a cv_ext site (MyST pages and conf.py) from a JSON Resume file"
    )
    importer.add_argument("resume", type=Path, help="a JSON Resume file")
    importer.add_argument("directory", type=Path, help="a new or empty folder for the site")
    matcher = commands.add_parser(
        "match", help="which terms of a job ad the CV covers, with the objects backing them"
    )
    matcher.add_argument("ad", type=Path, help="the job ad, as plain text")
    matcher.add_argument("--site", type=Path, default=Path("docs"), help="the site (default: docs)")
    matcher.add_argument("--format", choices=("text", "md", "json"), default="text")
    args = parser.parse_args(argv)
    if args.command == "match":
        return _match(args.ad, args.site, args.format)
    try:
        written = import_resume(args.resume, args.directory)
    except ImportError_ as error:
        print(f"error: {error}", file=sys.stderr)  # noqa: T201
        return 2
    print(f"wrote {len(written)} files to {args.directory}; build them with:")  # noqa: T201
    print(f"  python -m sphinx -b dirhtml {args.directory} {args.directory}/_build")  # noqa: T201
    return 0


def _match(ad: Path, site: Path, fmt: str) -> int:
    from cv_ext.match import run

    if not ad.is_file():
        print(f"error: no job ad at {ad}", file=sys.stderr)  # noqa: T201
        return 2
    if not (site / "conf.py").is_file():
        print(f"error: no Sphinx site (conf.py) in {site}", file=sys.stderr)  # noqa: T201
        return 2
    sys.stdout.write(run(ad, site, fmt))
    return 0


if __name__ == "__main__":
    sys.exit(main())
