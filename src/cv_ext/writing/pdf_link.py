"""The person's "Download PDF" link, where a PDF is published (``cv_pdf_url``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from cv_ext.common.builders import SITE_BUILDERS
from cv_ext.common.i18n import _
from cv_ext.nodes import render

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from cv_ext.nodes.elements import cv_export_link


def pdf_link(app: Sphinx, docname: str, node: cv_export_link) -> None:
    """ "Download PDF" where a PDF is published (``cv_pdf_url``); elsewhere drop the link.

    The JSON Resume export means nothing to a reader: it is announced to machines in
    each page's head instead (:func:`cv_ext.writing.head.head_links`).
    """
    pdf = app.config.cv_pdf_url
    if app.builder.name not in SITE_BUILDERS or not pdf:
        parent = node.parent
        # by identity: docutils compares Text by value, and every separator is equal
        index = next(i for i, child in enumerate(parent.children) if child is node)
        previous = parent[index - 1] if index else None
        if isinstance(previous, nodes.Text) and previous.astext() == render.SEPARATOR:
            del parent[index - 1 : index + 1]
        else:
            del parent[index]
        if isinstance(parent, nodes.paragraph) and not parent.astext().strip():
            parent.parent.remove(parent)
        return
    # a file at the site's root (relative, like the JSON Resume) is linked from each page
    if "://" not in pdf and not pdf.startswith("/"):
        root = app.builder.get_relative_uri(docname, app.config.root_doc)
        pdf = (root.rsplit("/", 1)[0] + "/" if "/" in root else "") + pdf
    node.replace_self(nodes.reference("", _("Download PDF"), refuri=pdf, classes=["cv-pdf"]))
