"""Machine-readable exports of the domain: JSON Resume (``cv.json``) and schema.org JSON-LD."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from sphinx.util import logging

from cv_ext.common.builders import SITE_BUILDERS
from cv_ext.common.warn import log_warning
from cv_ext.outputs.export import jsonld
from cv_ext.outputs.export.jsonresume import schema, to_resume
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

logger = logging.getLogger(__name__)


def setup_export(app: Sphinx) -> None:
    """Write the JSON Resume after each web build, and JSON-LD into each web page."""
    app.connect("html-page-context", _add_jsonld)
    app.connect("build-finished", _write_json_resume)


def resume(app: Sphinx) -> dict[str, Any]:
    """The JSON Resume document of this build."""
    base = app.config.html_baseurl
    canonical = urljoin(base, app.config.cv_json_resume) if base else ""
    last_modified = app.config.cv_today or ""
    return to_resume(
        get_domain(app.env).views().declared,
        canonical=canonical,
        last_modified=last_modified,
        extra=app.config.cv_json_resume_extra,
    )


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Where *document* breaks the JSON Resume schema, as ``path: message`` lines."""
    import jsonschema

    validator = jsonschema.Draft7Validator(schema(), format_checker=jsonschema.FormatChecker())
    return [
        f"{'/'.join(str(part) for part in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    ]


def _write_json_resume(app: Sphinx, exception: Exception | None) -> None:
    if (
        exception is not None
        or app.builder.name not in SITE_BUILDERS
        or not app.config.cv_json_resume
    ):
        return
    document = resume(app)
    # opt-in: importing jsonschema alone costs about a second, on every incremental build
    if app.config.cv_json_resume_validate:
        for error in schema_errors(document):
            log_warning(logger, f"JSON Resume export is invalid: {error}", "export", location=None)
    target = app.builder.outdir / app.config.cv_json_resume
    target.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf8")


def _url(builder: Builder, base: str, fromdoc: str, docname: str, anchor: str = "") -> str:
    """Absolute with ``html_baseurl``, else relative to the page (JSON-LD resolves both)."""
    if base:
        uri = urljoin(base, builder.get_target_uri(docname))
    else:
        # a page's own URL, relative to itself: its file name, or "./" for a folder URL
        own = builder.get_target_uri(docname)
        uri = builder.get_relative_uri(fromdoc, docname) or own.rsplit("/", 1)[-1] or "./"
    return f"{uri.split('#')[0]}#{anchor}" if anchor else uri


def _add_jsonld(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if not app.config.cv_jsonld or app.builder.name not in SITE_BUILDERS:
        return
    views = get_domain(app.env).views()
    base = app.config.html_baseurl
    people = views.declared.of_kind("person")
    person = people[0] if people else None
    person_doc = person.docname if person else app.config.root_doc
    graph = jsonld.page_graph(
        docname=pagename,
        person_id=_url(app.builder, base, pagename, person_doc, "person"),
        person=person,
        name=person.title if person else app.config.author or app.config.project,
        records=views.by_page.get(pagename, []),
        entries=views.declared.entries,
        languages=views.declared.of_kind("language"),
        url_of=lambda record: _url(app.builder, base, pagename, record.docname, record.anchor),
    )
    context["metatags"] = context.get("metatags", "") + "\n" + jsonld.script(graph)
