"""Pages linked from every web page's footer, not from the navigation: a colophon, say.

``cv_footer_pages = ["colophon"]`` names them; the pages themselves stay out of every
toctree (``orphan`` in their front matter). A theme with footer links of its own (furo's
``footer_icons``) shows them there; any other theme gets them at the end of the page.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from cv_ext.common.builders import SITE_BUILDERS
from cv_ext.common.warn import log_warning

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def setup_footer(app: Sphinx) -> None:
    """Link the footer pages from every web page; warn about one that does not exist."""
    app.connect("env-check-consistency", check_footer_pages)
    app.connect("html-page-context", footer_links)


def footer_pages(app: Sphinx) -> list[str]:
    """The pages of ``cv_footer_pages`` that the build has."""
    return [doc for doc in app.config.cv_footer_pages if doc in app.env.found_docs]


def check_footer_pages(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn about every name of ``cv_footer_pages`` that is no page of the build."""
    for doc in app.config.cv_footer_pages:
        if not isinstance(doc, str) or doc not in env.found_docs:
            log_warning(
                logger, f"cv_footer_pages: no page {doc!r} in this build", "config", location=None
            )


def footer_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """The footer pages' links, in the theme's footer where it has a place for links."""
    pages = footer_pages(app)
    if not pages or app.builder.name not in SITE_BUILDERS or "pathto" not in context:
        return
    links = [(context["pathto"](doc), _title(app.env, doc)) for doc in pages]
    if "theme_footer_icons" in context:  # furo: links at the right of its footer
        icons = list(context.get("theme_footer_icons") or [])
        context["theme_footer_icons"] = icons + [
            {"name": title, "url": url, "html": escape(title), "class": "cv-footer-link"}
            for url, title in links
        ]
        return
    items = " · ".join(f'<a href="{escape(url)}">{escape(title)}</a>' for url, title in links)
    context["body"] = context.get("body", "") + f'\n<p class="cv-footer-links">{items}</p>\n'


def _title(env: BuildEnvironment, doc: str) -> str:
    return env.titles[doc].astext() if doc in env.titles else doc
