"""What fills a page from other pages once every page is read (``doctree-resolved``).

:mod:`.page` finishes each page in one walk. The placeholders of :mod:`cv_ext.reading`
are filled by :mod:`.fill`: the career
overview (:mod:`.overview`), "Referenced from" and results (:mod:`.backlinks`), the
indices (:mod:`.indices`, :mod:`.skills`), tailored CVs (:mod:`.audience`) and the PDF
link (:mod:`.pdf_link`); :mod:`.tags` shows each tag by its label; :mod:`.roles` groups
roles at one organisation; :mod:`.head`
describes each web page in its head. :mod:`.context` is what they share.

May import: ``reading``, ``nodes``, ``common`` and ``core``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_writing(app: Sphinx) -> None:
    """Fill placeholders, label tags, group roles, trim repeated talk roles, describe pages."""
    from cv_ext.writing.head import setup_head
    from cv_ext.writing.page import finish_page

    app.connect("doctree-resolved", finish_page)
    setup_head(app)
