"""Any JSON object to the JSON Resume 1.0 document cv_ext will carry, with every change reported.

The result is exactly what the generated site exports again: the importer writes
pages from it, and the round-trip test compares the site's ``cv.json`` with it.
Nothing is made up: a value cv_ext cannot carry is dropped and reported, never
guessed at. Free of Sphinx.
"""

from __future__ import annotations

from typing import Any

from cv_ext.cli.importer.changes import Change, ChangeLog, to_json
from cv_ext.cli.importer.fields import RENAMES, SECTIONS, SITE_TAGS
from cv_ext.cli.importer.sections import read_resume

__all__ = ["RENAMES", "SECTIONS", "Change", "exported", "normalise", "to_json"]


def normalise(data: dict[str, Any]) -> tuple[dict[str, Any], list[Change]]:
    """The JSON Resume 1.0 document cv_ext carries for *data*, and every change made."""
    log = ChangeLog()
    return read_resume(log, data), log.changes


def exported(resume: dict[str, Any]) -> dict[str, Any]:
    """*resume* without what only the site shows: what the site's ``cv.json`` holds."""
    if isinstance(resume, dict):
        return {k: exported(v) for k, v in resume.items() if k != SITE_TAGS}
    if isinstance(resume, list):
        return [exported(v) for v in resume]
    return resume
