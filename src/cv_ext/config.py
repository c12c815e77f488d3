"""Configuration values of cv_ext (``cv_*`` in ``conf.py``)."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

from sphinx.util import logging

from cv_ext._logging import log_warning
from cv_ext.audiences import Audience, parse_audiences
from cv_ext.model import Date, ParseError, parse_date

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


def setup_config(app: Sphinx) -> None:
    """Declare every ``cv_*`` value and validate them once the config is read."""
    app.add_config_value(
        "cv_today",
        "",
        "env",
        types=frozenset({str}),
        description="reference date for 'present' (YYYY-MM-DD); default: the build date",
    )
    app.add_config_value(
        "cv_audiences",
        {},
        "env",
        types=frozenset({dict}),
        description="name -> {title, tags, kinds, since}: tailored CVs, one page each",
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
