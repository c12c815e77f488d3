"""``python -m cv_ext import resume.json DIR``: a JSON Resume as a buildable cv_ext site.

Four steps: :mod:`~cv_ext.cli.importer.normalise` turns any JSON object into the JSON
Resume 1.0 document cv_ext carries and reports every change;
:mod:`~cv_ext.cli.importer.language` tells the resume's language (or takes
``--language``); :mod:`~cv_ext.cli.importer.myst_writer` writes it as MyST pages; and
:mod:`cv_ext.cli.project` makes them the same complete project ``new`` writes (home
page, skills, the CV of the PDF, conf.py, README, Read the Docs configuration) in that
language, and writes everything at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pprint import pformat
from typing import TYPE_CHECKING, Any

from cv_ext.cli.importer.images import beside, copy_photo, what_happens
from cv_ext.cli.importer.language import Choice, choose
from cv_ext.cli.importer.myst_writer import Writer
from cv_ext.cli.importer.normalise import EXTRA, Change, exported, normalise, to_json
from cv_ext.cli.importer.site import site_pages
from cv_ext.cli.project import ProjectError, check_language, check_target, project_files, write_all
from cv_ext.cli.project.words import Words, has_catalog, known_language

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["Change", "Choice", "ImportError_", "Imported", "import_resume", "load"]

REPORT = "import-report.json"
#: what an imported site's conf.py says beyond a new one's
IMPORT_CONF = """
# keep the resume's quotes and dashes as they are, for a faithful cv.json
smartquotes = False
"""


class ImportError_(Exception):  # noqa: N801, N818  (ImportError is Python's own)
    """Input that is not a JSON object, or a folder that is not empty: nothing is written."""


@dataclass
class Imported:
    """What an import wrote and changed."""

    files: list[Path]
    #: the JSON Resume document the site's cv.json will hold
    resume: dict[str, Any]
    changes: list[Change]
    #: the language the site is written in, and why
    language: Choice
    #: whether cv_ext's labels exist in that language (else they stay English)
    translated: bool


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


def import_resume(
    source: Path,
    target: Path,
    language: str | None = None,
    requirements: list[str] | None = None,
) -> Imported:
    """Write the site of the resume in *source* into the new or empty folder *target*."""
    data = load(source)
    try:
        check_target(target)
        if language:
            language = check_language(language)
    except ProjectError as error:
        raise ImportError_(str(error)) from None
    resume, changes = normalise(data)
    chosen = choose(resume, language)
    if not known_language(chosen.code):
        chosen = Choice("en", f"{chosen.code!r} was detected, which babel does not know: English")
    name = str(resume.get("basics", {}).get("name") or "Curriculum vitae")
    image = str(resume.get("basics", {}).get("image", ""))
    relative = bool(image) and not image.lower().startswith(("http:", "https:"))
    if relative:
        # decided before writing: the report is one of the files written
        changes.append(Change("basics/image", image, what_happens(source, image)))
        if beside(source, image) is None:
            # a page naming a file that is not there fails the build: the export alone keeps it
            basics = resume["basics"]
            basics[EXTRA] = basics.get(EXTRA, {}) | {"image": basics.pop("image")}
    files = site_pages(resume, Writer(resume).pages(), Words(chosen.code))
    conf = IMPORT_CONF + (conf_extra(resume[EXTRA]) if resume.get(EXTRA) else "")
    files |= project_files(
        name,
        chosen.code,
        command="import",
        origin=f" from the JSON Resume {source.name}",
        requirements=requirements,
        extra=conf,
    )
    report = {
        "source": str(source),
        "language": {"code": chosen.code, "reason": chosen.reason},
        "changes": [change.as_json() for change in changes],
        "resume": exported(resume),
    }
    files[REPORT] = to_json(report, indent=2) + "\n"
    write_all(target, files)
    if relative:
        copy_photo(source, image, target)
    return Imported(
        [target / name for name in files],
        exported(resume),
        changes,
        chosen,
        has_catalog(chosen.code),
    )


def conf_extra(extra: dict[str, Any]) -> str:
    """The conf.py lines that keep the resume's top-level fields beside the schema's."""
    literal = pformat(extra, width=88, sort_dicts=False)
    return (
        "# fields of the resume beside JSON Resume's sections: the export writes them as they are\n"
        f"cv_json_resume_extra = {literal}\n"
    )
