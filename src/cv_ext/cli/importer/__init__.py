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
from pprint import pformat
from typing import TYPE_CHECKING, Any

from cv_ext.cli.importer.images import copy_photo, what_happens
from cv_ext.cli.importer.myst_writer import Writer
from cv_ext.cli.importer.normalise import EXTRA, Change, exported, normalise, to_json
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
    if resume.get(EXTRA):
        files["conf.py"] += conf_extra(resume[EXTRA])
    image = str(resume.get("basics", {}).get("image", ""))
    relative = image and not image.lower().startswith(("http:", "https:"))
    if relative:
        # decided before writing: the report is one of the files written
        changes.append(Change("basics/image", image, what_happens(source, image)))
    report = {
        "source": str(source),
        "changes": [change.as_json() for change in changes],
        "resume": exported(resume),
    }
    files[REPORT] = to_json(report, indent=2) + "\n"
    write_all(target, files)
    if relative:
        copy_photo(source, image, target)
    return Imported([target / name for name in files], exported(resume), changes)


def conf_extra(extra: dict[str, Any]) -> str:
    """The conf.py lines that keep the resume's top-level fields beside the schema's."""
    literal = pformat(extra, width=88, sort_dicts=False)
    return (
        "# fields of the resume beside JSON Resume's sections: the export writes them as they are\n"
        f"cv_json_resume_extra = {literal}\n"
    )
