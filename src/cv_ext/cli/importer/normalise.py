"""Any JSON object to the JSON Resume 1.0 document cv_ext will carry, with every change reported.

The result is what the site shows, plus, under :data:`~cv_ext.cli.importer.fields.EXTRA`
in each object, what the export alone keeps; :func:`exported` merges the two exactly as
the export does, so the round-trip test compares the site's ``cv.json`` with it.
Nothing is made up: every change is reported. Free of Sphinx.
"""

from __future__ import annotations

from typing import Any

from cv_ext.cli.importer.changes import Change, ChangeLog, to_json
from cv_ext.cli.importer.fields import EXTRA, RENAMES, SECTIONS
from cv_ext.cli.importer.sections import read_resume
from cv_ext.core.values import with_extra

__all__ = ["EXTRA", "RENAMES", "SECTIONS", "Change", "exported", "normalise", "to_json"]


def normalise(data: dict[str, Any]) -> tuple[dict[str, Any], list[Change]]:
    """The document cv_ext carries for *data*, and every change made."""
    log = ChangeLog()
    return read_resume(log, data), log.changes


def exported(resume: Any) -> Any:
    """*resume* as the site's ``cv.json`` holds it: each object's extra fields merged in."""
    if isinstance(resume, dict):
        shown = {key: exported(value) for key, value in resume.items() if key != EXTRA}
        return with_extra(shown, resume[EXTRA]) if EXTRA in resume else shown
    if isinstance(resume, list):
        return [exported(value) for value in resume]
    return resume
