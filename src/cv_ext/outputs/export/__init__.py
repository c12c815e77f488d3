"""Machine-readable exports of the domain: JSON Resume (``cv.json``), schema.org JSON-LD and
the publications' BibTeX (``cv.bib``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from sphinx.util import logging

from cv_ext.common.builders import SITE_BUILDERS
from cv_ext.common.warn import log_warning
from cv_ext.core.tags import relabel, tag_labels
from cv_ext.outputs.export import jsonld
from cv_ext.outputs.export.bibtex import setup_bibtex
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
    setup_bibtex(app)


def resume(app: Sphinx) -> dict[str, Any]:
    """The JSON Resume document of this build."""
    base = app.config.html_baseurl
    canonical = urljoin(base, app.config.cv_json_resume) if base else ""
    last_modified = app.config.cv_today or ""
    document = to_resume(
        get_domain(app.env).views().declared,
        canonical=canonical,
        last_modified=last_modified,
        extra=app.config.cv_json_resume_extra,
    )
    people = get_domain(app.env).views().declared.of_kind("person")
    if people and (image := people[0].get("image")):
        # the person's :image: is served by the site; one in :extra: stays as written
        document["basics"]["image"] = image_url(app, image, "")
    return document


def image_url(app: Sphinx, image: str, pagename: str) -> str:
    """Where the person's photo is served: its URL, or the copy Sphinx made of the file.

    Absolute with ``html_baseurl``; else relative to *pagename* ("" is the site root).
    """
    if "://" in image:
        return image
    people = get_domain(app.env).views().declared.of_kind("person")
    source = app.env.relfn2path(image, people[0].docname)[0] if people else image
    if source not in app.env.images:
        return ""  # Sphinx reported the missing file where the person is declared
    served = f"{app.builder.imagedir}/{app.env.images[source][1]}"
    if base := app.config.html_baseurl:
        return str(urljoin(base, served))
    depth = pagename.count("/") + (1 if app.builder.name == "dirhtml" and pagename else 0)
    return "../" * depth + served


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
    labels = tag_labels(views.declared)
    base = app.config.html_baseurl
    people = views.declared.of_kind("person")
    person = people[0] if people else None
    person_doc = person.docname if person else app.config.root_doc
    image = person.get("image") if person else ""
    graph = jsonld.page_graph(
        docname=pagename,
        person_id=_url(app.builder, base, pagename, person_doc, "person"),
        person=person,
        name=person.title if person else app.config.author or app.config.project,
        # keywords by the labels readers see
        records=[relabel(r, labels) for r in views.by_page.get(pagename, [])],
        entries=views.declared.entries,
        languages=views.declared.of_kind("language"),
        url_of=lambda record: _url(app.builder, base, pagename, record.docname, record.anchor),
        image=image_url(app, image, pagename) if image else "",
    )
    context["metatags"] = context.get("metatags", "") + "\n" + jsonld.script(graph)
