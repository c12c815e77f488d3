"""The titles Sphinx gives a site's documents, in the build's language.

Sphinx translates pages, not conf.py: a man page's title, the texinfo description, the
alt text of the link-preview image and the footer's date format would stay in the
language conf.py is written in. Where conf.py leaves them at Sphinx's (or
sphinxext-opengraph's) defaults, cv_ext words them from its catalog for the person the
site is about, its ``project`` (``cv_document_titles``). The PDFs' titles are named
with their documents (:mod:`cv_ext.outputs.paper.pdfs`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cv_ext.common.i18n import _
from cv_ext.core.errors import ParseError
from cv_ext.core.ids import slugify
from cv_ext.reading.config import left_default

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def setup_titles(app: Sphinx) -> None:
    """Word the documents' titles once the build's language is known."""
    app.connect("config-inited", _titles, priority=450)


def file_stem(name: str) -> str:
    """A file name for the documents of *name*: ``Max Inden`` gives ``max-inden``."""
    try:
        return slugify(name)
    except ParseError:
        return "cv"


def titles(config: Config) -> dict[str, object]:
    """The settings cv_ext words for the site's person, in the build's language."""
    person = config.project
    stem = file_stem(person)
    words = {"person": person}
    values: dict[str, object] = {
        # section 7: "miscellaneous", where a document that is not a program's belongs
        "man_pages": [(config.root_doc, stem, _("%(person)s: career") % words, [config.author], 7)],
        "texinfo_documents": [
            (
                config.root_doc,
                stem,
                person,
                config.author,
                stem,
                _("Career of %(person)s.") % words,
                "Miscellaneous",
            )
        ],
        # the footer's "Last updated on": the day the CV speaks of (cv_today), spelled out
        "html_last_updated_fmt": _("%d %B %Y"),
    }
    if "ogp_image_alt" in config:
        values["ogp_image_alt"] = _("%(person)s: career site") % words
    return values


def _titles(app: Sphinx, config: Config) -> None:
    if not config.cv_document_titles:
        return
    for name, value in titles(config).items():
        if left_default(config, name):
            setattr(config, name, value)
