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
        "cv_json_resume",
        "cv.json",
        "html",
        frozenset({str}),
        "file name of the JSON Resume export at the site root; empty: none",
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
    app.connect("config-inited", _check_today, priority=400)
    app.connect("config-inited", _check_audiences, priority=400)


def _check_today(app: Sphinx, config: Config) -> None:
    if config.cv_today:
        try:
            parse_date(config.cv_today)
        except ParseError as error:
            log_warning(logger, f"cv_today: {error}; using the build date", "config", location=None)
            config.cv_today = ""


def _check_audiences(app: Sphinx, config: Config) -> None:
    _, errors = parse_audiences(config.cv_audiences)
    for error in errors:
        log_warning(logger, error, "config", location=None)


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
