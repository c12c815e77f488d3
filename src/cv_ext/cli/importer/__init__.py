"""``python -m cv_ext import resume.json DIR``: a JSON Resume as a buildable cv_ext site.

Three steps, one module each: :mod:`~cv_ext.cli.importer.normalise` turns any JSON object
into the JSON Resume 1.0 document cv_ext carries and reports every change;
:mod:`~cv_ext.cli.importer.myst_writer` writes it as MyST pages;
:mod:`~cv_ext.cli.importer.scaffold` adds conf.py, a README and the Read the Docs
configuration and writes everything at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cv_ext.cli.importer.myst_writer import Writer
from cv_ext.cli.importer.normalise import Change, exported, normalise, to_json
from cv_ext.cli.importer.scaffold import project_files, write_all

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["Change", "ImportError_", "Imported", "import_resume", "load"]

REPORT = "import-report.json"


class ImportError_(Exception):  # noqa: N801, N818  (ImportError is Python's own)
    """Input that is not a JSON object, or a folder that is not empty: nothing is written."""


@dataclass
class Imported:
    """What an import wrote and changed."""

    files: list[Path]
    #: the JSON Resume document the site's cv.json will hold
    resume: dict[str, Any]
    changes: list[Change]


def load(source: Path) -> dict[str, Any]:
    """The JSON object in *source* (a UTF-8 byte-order mark is allowed)."""
    try:
        data = json.loads(source.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ImportError_(f"{source}: cannot read: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ImportError_(f"{source}: not JSON: {error}") from None
    except RecursionError:
        raise ImportError_(f"{source}: not JSON this program can read: nested too deep") from None
    if not isinstance(data, dict):
        raise ImportError_(f"{source}: not a JSON Resume: the top level is not an object")
    return data


def import_resume(source: Path, target: Path) -> Imported:
    """Write the site of the resume in *source* into the new or empty folder *target*."""
    data = load(source)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ImportError_(f"{target}: not an empty folder; nothing was written")
    resume, changes = normalise(data)
    files = Writer(resume).pages()
    files |= project_files(str(resume.get("basics", {}).get("name") or "Curriculum vitae"))
    report = {
        "source": str(source),
        "changes": [change.as_json() for change in changes],
        "resume": exported(resume),
    }
    files[REPORT] = to_json(report, indent=2) + "\n"
    write_all(target, files)
    return Imported([target / name for name in files], exported(resume), changes)
