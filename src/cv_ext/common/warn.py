"""Typed, suppressible warnings: every problem cv_ext reports is ``cv.<subtype>``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.logging import SphinxLoggerAdapter

WARNING_TYPE = "cv"

CvSubtype = Literal[
    "date",
    "period",
    "metric",
    "kind",
    "url",
    "option",
    "title",
    "duplicate",
    "ref",
    "config",
    "export",
    "label",
    "redirect",
]

#: Every subtype with its meaning; rendered into the docs' warning catalogue.
SUBTYPE_DOCS: dict[CvSubtype, str] = {
    "date": "A date is malformed or impossible (expected YYYY, YYYY-MM or YYYY-MM-DD).",
    "period": "A period is malformed, reversed (end before start) or has overlapping spans.",
    "metric": "A :metric: line is not LABEL: BEFORE -> AFTER or a relative change (×N, ÷N, +N%).",
    "kind": "A :kind: (or an overview's :kinds:) is unknown; the entry is shown as work.",
    "url": "A URL option is not an absolute http(s) URL; it is dropped, never linked.",
    "option": "A required option is missing, two options exclude each other, or a value is invalid.",
    "title": "A directive has no title argument.",
    "duplicate": "Two objects of the same type share an id; the first one wins.",
    "ref": "A reference (:entry:, :project:, :projects:, a cv role, cv-audience) names an unknown id.",
    "config": "A cv_* configuration value is invalid; the default is used.",
    "export": "With cv_json_resume_validate, the JSON Resume export does not match its schema.",
    "label": "An object's label (cv-<type>-<id>) is a label of the site already; the site's stays.",
    "redirect": "A redirect starts at a page of the site, leads to no page, or repeats another.",
}


def log_warning(
    logger: SphinxLoggerAdapter,
    msg: str,
    subtype: CvSubtype,
    /,
    *,
    location: str | tuple[str | None, int | None] | Node | None,
) -> None:
    """Warn as ``cv.<subtype>``; Sphinx appends the ``[cv.<subtype>]`` tag itself."""
    logger.warning(msg, type=WARNING_TYPE, subtype=subtype, location=location)
