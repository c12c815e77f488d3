"""The other languages of the site: a visible switcher and ``hreflang`` links on each page.

``cv_languages`` maps each language to the base URL of its build, or lists the
languages only: then each base URL is the site's own address (``html_baseurl``) with
its language's path segment replaced, as Read the Docs serves translations
(``/en/latest/`` and ``/de/latest/`` of one domain).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from babel import Locale, UnknownLocaleError
from sphinx.util import logging

from cv_ext.common.builders import PAGE_BUILDERS
from cv_ext.common.i18n import _
from cv_ext.common.warn import log_warning

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


def setup_languages(app: Sphinx) -> None:
    """Add the links to the other languages (``cv_languages``) to every web page."""
    app.connect("html-page-context", _page_links)


def base_urls(config: Config) -> dict[str, str]:
    """Language -> base URL (ending in ``/``) of every build of the site; {} if unknown."""
    setting = config.cv_languages
    if isinstance(setting, dict):
        return {str(lang): _slash(str(url)) for lang, url in setting.items() if url}
    own, base = config.language or "en", config.html_baseurl or ""
    scheme, sep, rest = base.partition("://")
    segments = rest.split("/")
    if not base or own not in segments[1:]:
        return {}  # no address, or none with a language in its path: nothing to derive
    at = segments.index(own, 1)
    return {
        str(lang): _slash(scheme + sep + "/".join([*segments[:at], str(lang), *segments[at + 1 :]]))
        for lang in setting
    }


def _slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def language_name(lang: str) -> str:
    """A language's name in that language: ``Deutsch``, ``English``, ``日本語``."""
    try:
        name = Locale.parse(lang.replace("-", "_")).get_display_name(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return lang
    return (name[:1].upper() + name[1:]) if name else lang


def _page_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    if app.builder.name not in PAGE_BUILDERS or not app.config.cv_languages:
        return
    bases = base_urls(app.config)
    own = app.config.language or "en"
    if own not in bases:
        # languages only, and an address without a language in its path (a local
        # preview, a host of one language): there is nothing to link to
        if isinstance(app.config.cv_languages, dict) and pagename == app.config.root_doc:
            log_warning(
                logger,
                f"cv_languages: no base URL for this build's language {own!r}",
                "config",
                location=None,
            )
        return
    page = app.builder.get_target_uri(pagename)
    links = [
        f'<link rel="alternate" hreflang="{escape(lang)}" href="{escape(base + page)}" />'
        for lang, base in bases.items()
    ]
    first = next(iter(bases.values()))
    links.append(f'<link rel="alternate" hreflang="x-default" href="{escape(first + page)}" />')
    context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(links) + "\n"
    if "body" in context and len(bases) > 1:
        context["body"] = switcher(bases, own, page) + context["body"]


def switcher(bases: dict[str, str], own: str, page: str) -> str:
    """A line of language names, each linking the same page in its language."""
    items = []
    for lang, base in bases.items():
        name = escape(language_name(lang))
        if lang == own:
            items.append(f'<span lang="{escape(lang)}" aria-current="true">{name}</span>')
        else:
            items.append(
                f'<a href="{escape(base + page)}" hreflang="{escape(lang)}" '
                f'lang="{escape(lang)}">{name}</a>'
            )
    label = escape(_("Language"))
    return f'<nav class="cv-languages" aria-label="{label}">{" · ".join(items)}</nav>\n'
