"""Sphinx directives, a domain and exports for writing a career site in MyST or reST.

The package is layered; each layer may import only the ones below it (ARCHITECTURE.md,
and the import-linter contracts in pyproject.toml): ``cli`` and ``outputs`` over
``writing`` over ``reading`` over ``nodes`` over ``common`` over ``core``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.2.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Wire each layer: words, reading, nodes, writing, outputs."""
    # imported here so that `import cv_ext` stays cheap (sphinx-design, MyST do the same)
    from cv_ext.common.i18n import setup_i18n
    from cv_ext.nodes.visitors import setup_nodes
    from cv_ext.outputs import setup_outputs
    from cv_ext.reading import setup_reading
    from cv_ext.writing import setup_writing

    setup_i18n(app)
    setup_reading(app)
    setup_nodes(app)
    setup_writing(app)
    setup_outputs(app)
    return {
        "version": __version__,
        "env_version": 7,  # bump whenever the records stored in the environment change shape
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
