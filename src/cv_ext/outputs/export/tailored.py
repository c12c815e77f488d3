"""``cv.<audience>.json``: the JSON Resume export of each audience's selection.

The document comes from the same exporter as ``cv.json``; only the records it is
given differ, so the tailored exports can never drift from the full one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from sphinx.util import logging

from cv_ext.common.builders import SITE_BUILDERS
from cv_ext.common.warn import log_warning
from cv_ext.core.audiences import Audience, select
from cv_ext.outputs.export import schema_errors
from cv_ext.outputs.export.jsonresume import to_resume
from cv_ext.reading.config import audiences, today
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


def setup_tailored(app: Sphinx) -> None:
    """Write each audience's export after every web build."""
    app.connect("build-finished", _write)


def tailored_resume(app: Sphinx, audience: Audience) -> dict[str, Any]:
    """The JSON Resume document of *audience*'s selection."""
    declared = get_domain(app.env).views().declared
    # the person, languages and the other items are not selected by tags: they stay
    records = select(declared, audience, today(app.config)).records(declared.items)
    base = app.config.html_baseurl
    return to_resume(
        records,
        canonical=urljoin(base, audience.export_name()) if base else "",
        last_modified=app.config.cv_today or "",
        extra=app.config.cv_json_resume_extra,
    )


def _write(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in SITE_BUILDERS:
        return
    if not app.config.cv_json_resume:
        return  # exports are off
    for audience in audiences(app.config).values():
        document = tailored_resume(app, audience)
        if app.config.cv_json_resume_validate:
            for error in schema_errors(document):
                log_warning(
                    logger,
                    f"{audience.export_name()} is invalid: {error}",
                    "export",
                    location=None,
                )
        target = app.builder.outdir / audience.export_name()
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        target.write_text(text, encoding="utf8")
