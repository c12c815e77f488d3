"""Sphinx directives, a domain and exports for writing a career site in MyST or reST."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"
STATIC_DIR = Path(__file__).parent / "static"


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register cv_ext's config, nodes, directives, domain, events and assets."""
    # imported here so that `import cv_ext` stays cheap (sphinx-design, MyST do the same)
    from cv_ext import (
        collect,
        config,
        directives,
        domain,
        export,
        i18n,
        items,
        languages,
        latex,
        nodes,
        paper,
        previews,
        search,
    )
    from cv_ext.export import tailored

    i18n.setup_i18n(app)
    config.setup_config(app)
    nodes.setup_nodes(app)
    app.add_domain(domain.CVDomain)
    app.add_directive("timeline", directives.TimelineDirective)
    app.add_directive("achievement", directives.AchievementDirective)
    app.add_directive("project", directives.ProjectDirective)
    app.add_directive("talk", directives.TalkDirective)
    app.add_directive("career-overview", directives.CareerOverviewDirective)
    app.add_directive("cv-index", directives.IndexDirective)
    app.add_directive("cv-warnings", directives.WarningsDirective)
    app.add_directive("cv-audience", directives.AudienceDirective)
    items.setup_items(app)
    paper.setup_paper(app)
    languages.setup_languages(app)
    latex.setup_latex(app)
    export.setup_export(app)
    tailored.setup_tailored(app)
    collect.setup_collect(app)
    search.setup_search(app)
    previews.setup_previews(app)
    app.connect("builder-inited", _add_static_path)
    app.add_css_file("cv_ext.css")
    return {
        "version": __version__,
        "env_version": 3,  # bump whenever the records stored in the environment change shape
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _add_static_path(app: Sphinx) -> None:
    # app.add_static_dir() only exists from Sphinx 9.1; never mutate the user's own list
    if app.builder.format == "html":
        app.config.html_static_path = [*app.config.html_static_path, str(STATIC_DIR)]
