"""What a build hands to readers and machines beyond the pages themselves.

The exports (:mod:`.export`: JSON Resume, schema.org JSON-LD, one export per
audience), the paper CV and its LaTeX (:mod:`.paper`), the search page's data
(:mod:`.search`), link-preview images (:mod:`.previews`), links between the site's
languages (:mod:`.languages`), footer links (:mod:`.footer`), cv_ext's CSS and
scripts (:mod:`.assets`), redirect pages at moved pages' old URLs (:mod:`.redirects`),
what a build leaves beside the doctrees for the next (:mod:`.records`), where the site
lives (:mod:`.site`: its address, sitemap, link previews, robots.txt) and the titles of
its documents in the build's language (:mod:`.titles`).

May import: ``writing``, ``reading``, ``nodes``, ``common`` and ``core``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_outputs(app: Sphinx) -> None:
    """Connect every output; the order is the order of their tags in a page's head."""
    from cv_ext.outputs.assets import setup_assets
    from cv_ext.outputs.export import setup_export
    from cv_ext.outputs.export.tailored import setup_tailored
    from cv_ext.outputs.footer import setup_footer
    from cv_ext.outputs.languages import setup_languages
    from cv_ext.outputs.paper import setup_paper
    from cv_ext.outputs.paper.pdfs import setup_pdfs
    from cv_ext.outputs.previews import setup_previews
    from cv_ext.outputs.redirects import setup_redirects
    from cv_ext.outputs.search import setup_search
    from cv_ext.outputs.site import setup_site
    from cv_ext.outputs.titles import setup_titles

    # first: it loads the extensions a public address enables
    setup_site(app)
    setup_titles(app)
    setup_paper(app)
    setup_pdfs(app)
    setup_languages(app)
    setup_export(app)
    setup_tailored(app)
    setup_search(app)
    setup_previews(app)
    setup_assets(app)
    setup_redirects(app)
    setup_footer(app)
