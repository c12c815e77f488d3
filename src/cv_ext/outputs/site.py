"""Where the site lives: its public address, the sitemap and link previews, robots.txt, 404.

The address (``html_baseurl``) is conf.py's, else the first environment variable of
``cv_baseurl_variables`` that is set: Read the Docs sets ``READTHEDOCS_CANONICAL_URL``,
any other host can set ``CV_BASEURL``. Canonical links, link previews
(sphinxext-opengraph), absolute JSON-LD ids and the sitemap (sphinx-sitemap) are made of
absolute URLs, so the extensions of ``cv_address_extensions`` are loaded only when there
is an address: better none than one that is wrong once the site is uploaded (a local
preview server's). A web build without an address says so, once.

Settings of those extensions that conf.py leaves at their defaults get the values a
career site needs; a value conf.py sets always wins.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from queue import Empty
from typing import TYPE_CHECKING

from sphinx.errors import ExtensionError
from sphinx.util import logging

from cv_ext.common.builders import PAGE_BUILDERS
from cv_ext.common.warn import log_warning
from cv_ext.reading.config import left_default

if TYPE_CHECKING:
    from queue import Queue

    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: pages of every Sphinx site that are no content: not in the sitemap (dirhtml and html)
NOT_IN_SITEMAP = ["search/", "genindex/", "404/", "search.html", "genindex.html", "404.html"]
#: the variable Read the Docs sets to the address it serves the build at
RTD_ADDRESS = "READTHEDOCS_CANONICAL_URL"
#: an address laid out as Read the Docs serves translations: <root>/<language>/<version>/
_LANGUAGE_IN_PATH = re.compile(r"(https?://[^/]+/)([^/]+)/(.*)")


def setup_site(app: Sphinx) -> None:
    """Take the address from the environment and load what needs one, before conf.py's
    other extensions read their settings; then fill in their defaults."""
    if not app.config.html_baseurl and (address := public_address(app.config)):
        app.config.html_baseurl = address
    if app.config.html_baseurl:
        for extension in app.config.cv_address_extensions:
            try:
                app.setup_extension(extension)
            except ExtensionError as error:
                log_warning(logger, f"cv_address_extensions: {error}", "config", location=None)
    app.connect("config-inited", _defaults_for_address, priority=450)
    app.connect("builder-inited", _say_where_the_site_lives)
    app.connect("build-finished", _write_robots_txt)
    app.connect("build-finished", _complete_sitemap, priority=400)  # sphinx-sitemap: 500


def public_address(config: Config) -> str:
    """The first address the variables of ``cv_baseurl_variables`` name, ending in ``/``."""
    for variable in config.cv_baseurl_variables:
        if address := os.environ.get(str(variable), "").strip():
            return address if address.endswith("/") else address + "/"
    return ""


def sitemap_defaults(address: str, languages: object) -> dict[str, object]:
    """sphinx-sitemap's settings for a site at *address* in *languages* (``cv_languages``).

    Each page is listed at the URL it is served at. Where the address has Read the Docs'
    layout and its language is one of the site's, each page's translations are listed
    too, at the same place under ``/<language>/``; otherwise none (sphinx-sitemap would
    guess them from ``locale_dirs``, at the wrong addresses).
    """
    defaults: dict[str, object] = {
        "sitemap_url_scheme": "{link}",
        "sitemap_locales": [None],
        "sitemap_excludes": NOT_IN_SITEMAP,
    }
    layout = _LANGUAGE_IN_PATH.fullmatch(address)
    if layout and isinstance(languages, list | tuple) and layout.group(2) in languages:
        defaults |= {
            "site_url": layout.group(1),
            "sitemap_url_scheme": "{lang}" + layout.group(3) + "{link}",
            "sitemap_locales": [str(language) for language in languages],
        }
    return defaults


def _defaults_for_address(app: Sphinx, config: Config) -> None:
    address = config.html_baseurl or ""
    defaults: dict[str, object] = {}
    if "sitemap_url_scheme" in config:
        defaults |= sitemap_defaults(address, config.cv_languages)
    if "ogp_site_url" in config:
        defaults["ogp_site_url"] = address
    if "notfound_urls_prefix" in config and not os.environ.get("READTHEDOCS"):
        # sphinx-notfound-page assumes Read the Docs' /<language>/<version>/: the 404
        # page's links must be absolute paths, and elsewhere the site is served at /
        defaults["notfound_urls_prefix"] = "/"
    for name, value in defaults.items():
        if left_default(config, name):
            setattr(config, name, value)


def _say_where_the_site_lives(app: Sphinx) -> None:
    """Once per web build without a public address: what is missing, and how to fix it."""
    if not app.config.html_baseurl and app.builder.format == "html":
        own = [str(name) for name in app.config.cv_baseurl_variables if name != RTD_ADDRESS]
        logger.info(
            "No public address (html_baseurl) set: canonical links, link previews "
            "(OpenGraph tags), absolute JSON-LD ids and the sitemap are left out. Set "
            "%s to the site's URL (Read the Docs sets %s).",
            " or ".join(own) or "html_baseurl",
            RTD_ADDRESS,
        )


def _complete_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """Every page in the sitemap, in the order of a clean build, whatever was rewritten.

    sphinx-sitemap lists the pages the build writes (its issue #13): an incremental build
    would list only the changed ones, a parallel one in the order workers finish. Its own
    link function, called for every page, keeps its URLs, exclusions and dates.
    """
    if exception is not None or app.builder.name not in PAGE_BUILDERS:
        return
    links: Queue[tuple[str, str | None]] | None = getattr(app, "sitemap_links", None)
    if "sphinx_sitemap" not in app.extensions or links is None:
        return
    from sphinx_sitemap import add_html_link

    written = _drain(links)
    for docname in sorted(app.env.found_docs):
        add_html_link(app, docname, "page.html", {}, None)
    pages = _drain(links)
    # then what is not a page of the source (genindex, search, 404), as it was written
    for link in pages + [link for link in written if link not in pages]:
        links.put(link)


def _drain(links: Queue[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    taken = []
    while True:
        try:
            taken.append(links.get_nowait())
        except Empty:
            return taken


def robots_txt(config: Config, sitemap: bool) -> str:
    """Every crawler may read every page; the sitemap's URL where there is one."""
    text = "User-agent: *\nAllow: /\n"
    if sitemap and config.html_baseurl:
        text += f"\nSitemap: {config.html_baseurl.rstrip('/')}/{config.sitemap_filename}\n"
    return text


def _write_robots_txt(app: Sphinx, exception: Exception | None) -> None:
    # web builds only: as an extra file of the EPUB it would make the EPUB builder warn
    if exception is not None or app.builder.name not in PAGE_BUILDERS:
        return
    if not app.config.cv_robots_txt or _site_has_its_own(app):
        return
    sitemap = "sphinx_sitemap" in app.extensions
    (Path(app.outdir) / "robots.txt").write_text(robots_txt(app.config, sitemap), encoding="utf8")


def _site_has_its_own(app: Sphinx) -> bool:
    return any(
        (Path(app.confdir) / folder / "robots.txt").is_file()
        for folder in app.config.html_extra_path
    )
