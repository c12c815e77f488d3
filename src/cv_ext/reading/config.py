"""Configuration values of cv_ext (``cv_*`` in ``conf.py``)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sphinx.util import logging

from cv_ext.common.warn import log_warning
from cv_ext.core.audiences import Audience, parse_audiences
from cv_ext.core.dates import Date, parse_date
from cv_ext.core.errors import ParseError
from cv_ext.core.lexicon import parse_synonyms

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    """One ``cv_*`` value of ``conf.py``: its default, what it rebuilds, its types, its meaning."""

    name: str
    default: Any
    #: "env": a change re-reads every page; "html": rewrites web pages; "": rebuilds nothing
    rebuild: Literal["env", "html", ""]
    types: frozenset[type]
    description: str


#: every setting of cv_ext, declared in one place (README documents each)
SETTINGS = (
    Setting(
        "cv_today",
        "",
        "env",
        frozenset({str}),
        "reference date for 'present' (YYYY-MM-DD); default: the build date",
    ),
    Setting(
        "cv_audiences",
        {},
        "env",
        frozenset({dict}),
        "name -> {title, tags, kinds, since}: tailored CVs, one page each",
    ),
    Setting(
        "cv_match_synonyms",
        [],
        "",
        frozenset({list, tuple}),
        "groups of spellings that mean one thing to `python -m cv_ext match`",
    ),
    Setting(
        "cv_json_resume",
        "cv.json",
        "html",
        frozenset({str}),
        "file name of the JSON Resume export at the site root; empty: none",
    ),
    Setting(
        "cv_bibtex",
        "cv.bib",
        "html",
        frozenset({str}),
        "file name of the BibTeX of the publications at the site root; empty: none",
    ),
    Setting(
        "cv_letter_pdfs",
        True,
        "",
        frozenset({bool}),
        "one LaTeX document (a PDF with -M latexpdf) per page holding a cover-letter",
    ),
    Setting(
        "cv_paper_pages",
        0,
        "env",
        frozenset({int}),
        "condense the paper CV until it fits this many pages (older jobs first); 0: never",
    ),
    Setting(
        "cv_paper_photo",
        False,
        "env",
        frozenset({bool}),
        "show the person's photo (:image:, a file of the site) in the paper CV's header",
    ),
    Setting(
        "cv_json_resume_validate",
        False,
        "html",
        frozenset({bool}),
        "check the JSON Resume export against its schema on every build",
    ),
    Setting(
        "cv_json_resume_extra",
        {},
        "html",
        frozenset({dict}),
        "top-level fields the JSON Resume export writes as they are, beside its sections",
    ),
    Setting(
        "cv_pdf_url",
        "",
        "html",
        frozenset({str}),
        "where a PDF of the CV is published; the person's links then offer it",
    ),
    Setting(
        "cv_jsonld", True, "html", frozenset({bool}), "embed schema.org JSON-LD in every HTML page"
    ),
    Setting(
        "cv_paper",
        "a4",
        "",
        frozenset({str}),
        "paper size of the CV's PDF: 'a4', 'letter', or '' to leave LaTeX alone",
    ),
    Setting(
        "cv_link_previews",
        False,
        "env",
        frozenset({bool}),
        "draw a link-preview image (og:image) for each project page (needs Pillow)",
    ),
    Setting(
        "cv_languages",
        {},
        "html",
        frozenset({dict, list, tuple}),
        "language -> base URL of its build (or languages only, on Read the Docs)",
    ),
    Setting(
        "cv_redirects",
        {},
        "env",
        frozenset({dict}),
        "old page -> page (or page#anchor) it moved to: a redirect page for each",
    ),
    Setting(
        "cv_footer_pages",
        [],
        "html",
        frozenset({list, tuple}),
        "pages linked from every web page's footer instead of the navigation (a colophon)",
    ),
    Setting(
        "cv_baseurl_variables",
        ("READTHEDOCS_CANONICAL_URL", "CV_BASEURL"),
        "html",
        frozenset({list, tuple}),
        "environment variables naming the site's public address, the first set one wins; "
        "it is html_baseurl where conf.py sets none",
    ),
    Setting(
        "cv_address_extensions",
        ("sphinxext.opengraph", "sphinx_sitemap"),
        "env",
        frozenset({list, tuple}),
        "extensions loaded only when the site has a public address: link previews, sitemap",
    ),
    Setting(
        "cv_robots_txt",
        True,
        "",
        frozenset({bool}),
        "write robots.txt (naming the sitemap, if any) into html and dirhtml builds",
    ),
    Setting(
        "cv_pdf_file",
        "",
        "",
        frozenset({str}),
        "a PDF built beforehand that web builds copy to the site's root and link; "
        "default: the CV_PDF environment variable",
    ),
    Setting(
        "cv_read_the_docs_pdf",
        True,
        "html",
        frozenset({bool}),
        "on Read the Docs, link the PDF it builds beside the site (formats: [pdf])",
    ),
    Setting(
        "cv_pdf_documents",
        True,
        "",
        frozenset({bool}),
        "where conf.py names no latex_documents: one PDF per page holding cv-document "
        "(on Read the Docs, the whole CV's only)",
    ),
    Setting(
        "cv_document_titles",
        True,
        "",
        frozenset({bool}),
        "man page, texinfo, link-preview and footer-date settings in the build's language, "
        "where conf.py leaves Sphinx's defaults",
    ),
    Setting(
        "cv_freeze_heap",
        True,
        "",
        frozenset({bool}),
        "keep Python's cycle collector off what a build holds throughout (gc.freeze while "
        "reading and writing), which shortens large builds",
    ),
)


def setup_config(app: Sphinx) -> None:
    """Declare every ``cv_*`` value and validate them once the config is read."""
    for setting in SETTINGS:
        app.add_config_value(
            setting.name,
            setting.default,
            setting.rebuild,
            types=setting.types,
            description=setting.description,
        )
    app.connect("config-inited", _localise_audiences, priority=390)
    app.connect("config-inited", _check_today, priority=400)
    app.connect("config-inited", _check_audiences, priority=400)
    app.connect("config-inited", _check_synonyms, priority=400)


def _check_today(app: Sphinx, config: Config) -> None:
    if config.cv_today:
        try:
            parse_date(config.cv_today)
        except ParseError as error:
            log_warning(logger, f"cv_today: {error}; using the build date", "config", location=None)
            config.cv_today = ""


def _localise_audiences(app: Sphinx, config: Config) -> None:
    # conf.py is not translated like pages: an audience may give its title per language
    if not isinstance(config.cv_audiences, dict):
        return  # _check_audiences says what is wrong
    language = config.language or "en"
    localised = {}
    for name, spec in config.cv_audiences.items():
        title = spec.get("title") if isinstance(spec, dict) else None
        if isinstance(title, dict) and title:
            spec = {
                **spec,
                "title": title.get(language, title.get("en", next(iter(title.values())))),
            }
        localised[name] = spec
    config.cv_audiences = localised


def _check_audiences(app: Sphinx, config: Config) -> None:
    _, errors = parse_audiences(config.cv_audiences)
    for error in errors:
        log_warning(logger, error, "config", location=None)


def _check_synonyms(app: Sphinx, config: Config) -> None:
    for error in parse_synonyms(config.cv_match_synonyms)[1]:
        log_warning(logger, error, "config", location=None)


def match_synonyms(config: Config) -> list[tuple[str, ...]]:
    """The valid groups of ``cv_match_synonyms``."""
    return parse_synonyms(config.cv_match_synonyms)[0]


def left_default(config: Config, name: str) -> bool:
    """Whether conf.py (or ``-D``) left Sphinx's setting *name* at its default value."""
    default = config.values[name].default
    return bool(getattr(config, name) == (default(config) if callable(default) else default))


def audiences(config: Config) -> dict[str, Audience]:
    """The valid audiences of ``cv_audiences``, by name, in the declared order."""
    return {audience.name: audience for audience in parse_audiences(config.cv_audiences)[0]}


def today(config: Config) -> Date:
    """The date ``present`` counts up to: ``cv_today``, else ``SOURCE_DATE_EPOCH``, else now."""
    if config.cv_today:
        return parse_date(config.cv_today)
    if epoch := os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        try:
            return Date.from_date(dt.datetime.fromtimestamp(int(epoch), dt.UTC).date())
        except (ValueError, OverflowError, OSError):
            pass  # Sphinx itself warns about a bad SOURCE_DATE_EPOCH
    return Date.from_date(dt.datetime.now(dt.UTC).date())
