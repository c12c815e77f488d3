"""cv_ext's own CSS and scripts (``cv_ext/static``), added to every web build."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent.parent / "static"


def setup_assets(app: Sphinx) -> None:
    """Make ``cv_ext/static`` a static folder and load ``cv_ext.css`` on every page."""
    app.connect("builder-inited", _add_static_path)
    app.add_css_file("cv_ext.css")


def _add_static_path(app: Sphinx) -> None:
    # app.add_static_dir() only exists from Sphinx 9.1; never mutate the user's own list
    if app.builder.format == "html":
        app.config.html_static_path = [*app.config.html_static_path, str(STATIC_DIR)]
