"""What runs while pages are read: the settings (:mod:`.config`), the directives
(:mod:`.directives`), the ``cv`` domain that holds every record (:mod:`.domain`,
:mod:`.store`, :mod:`.aliases`), the objects' labels for ``:ref:`` and intersphinx
(:mod:`.labels`), what a read page tells (:mod:`.doctree`), and which other pages an
incremental build must rewrite (:mod:`.digests`, :mod:`.rewrites`); globbed toctrees of
project pages in date order (:mod:`.toctrees`); the build's long-lived heap kept from
the cycle collector (:mod:`.heap`).

May import: ``nodes``, ``common`` and ``core``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_reading(app: Sphinx) -> None:
    """Settings, the domain, every directive, and the events around reading."""
    from cv_ext.reading.config import setup_config
    from cv_ext.reading.directives import setup_directives
    from cv_ext.reading.doctree import setup_doctree
    from cv_ext.reading.domain import CVDomain
    from cv_ext.reading.heap import setup_heap
    from cv_ext.reading.labels import setup_labels
    from cv_ext.reading.rewrites import setup_rewrites
    from cv_ext.reading.toctrees import setup_toctrees

    setup_config(app)
    app.add_domain(CVDomain)
    setup_directives(app)
    setup_doctree(app)
    setup_labels(app)
    setup_rewrites(app)
    setup_toctrees(app)
    setup_heap(app)
