"""cv_ext's own words in the build's language: its message catalog, dates and durations.

Labels go through the ``cv_ext`` gettext catalog shipped in ``locale/``; dates and
month names come from babel's CLDR data, so any language gets its own month names
even before anyone translates cv_ext's labels. English keeps the model's own code
path, byte for byte.
"""

from __future__ import annotations

from gettext import NullTranslations
from pathlib import Path
from typing import TYPE_CHECKING, cast

from sphinx.locale import get_translation, get_translator, init, is_translator_registered
from sphinx.util.i18n import docname_to_domain

from cv_ext.core.locales import matching_catalog

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from cv_ext.core.dates import Date, Period

CATALOG = "cv_ext"
LOCALE_DIR = Path(__file__).parent.parent / "locale"

#: translate a message of cv_ext's catalog into the build's language
_ = get_translation(CATALOG)

#: the build's ``language``; set when the configuration is read (the translators
#: Sphinx keeps are process-wide too)
_state: dict[str, str] = {"language": "en"}


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "mark, translate later")
    """Mark *message* for extraction; translate it later with :data:`_`."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for *n*, in the build's language."""
    if is_translator_registered(CATALOG):
        return get_translator(CATALOG).ngettext(singular, plural, n)
    return singular if n == 1 else plural


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """:func:`ngettext` for a message in *context*: the same words may need another case
    there ("Referenced from 2 achievements" is "Verwiesen von 2 Erfolgen", in the dative)."""
    if is_translator_registered(CATALOG):
        return get_translator(CATALOG).npgettext(context, singular, plural, n)
    return singular if n == 1 else plural


def language() -> str:
    """The build's language, as ``conf.py`` or ``-D language=`` set it."""
    return _state["language"]


def date_text(date: Date) -> str:
    """*date* as a reader of the build's language writes it: ``Jun 2024``, ``Juni 2024``."""
    return date.display(language())


def duration_text(period: Period, today: Date) -> str:
    """How long *period* lasted, with the build's language's plural forms."""
    return period.duration(today, ngettext, _)


def months_text(months: int) -> str:
    """A number of months as years and months in the build's language."""
    from cv_ext.core.dates import format_months

    return format_months(months, ngettext, _)


def items_text(count: int) -> str:
    """``17 items``: how many CV objects carry something."""
    return ngettext("%(n)d item", "%(n)d items", count) % {"n": count}


def catalogs() -> list[str]:
    """The languages cv_ext has a catalog for, as their folders in ``locale/`` name them."""
    return sorted(
        path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{CATALOG}.mo")
    )


def catalog_for(language: str) -> str | None:
    """Which of cv_ext's catalogs speaks *language* (``zh_Hans`` reads ``zh_CN``); ``None``:
    its labels stay English, while its dates still come from babel."""
    return matching_catalog(language, catalogs())


def setup_i18n(app: Sphinx) -> None:
    """Register cv_ext's message catalog and follow the build's language."""
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    found = get_translator(CATALOG).__class__ is not NullTranslations
    if not found and (name := catalog_for(app.config.language or "en")):
        # a name gettext does not expand to the catalog's (zh_Hans for zh_CN): that one
        init([str(LOCALE_DIR)], name, CATALOG)
    app.connect("config-inited", _set_language, priority=100)
    app.connect("source-read", _depend_on_catalog)
    _set_language(app, app.config)


def _depend_on_catalog(app: Sphinx, docname: str, source: list[str]) -> None:
    # every page shows cv_ext's words: a changed catalog makes Sphinx read them again
    if name := catalog_for(language()):
        app.env.note_dependency(LOCALE_DIR / name / "LC_MESSAGES" / f"{CATALOG}.mo")


def _set_language(app: Sphinx, config: Config) -> None:
    _state["language"] = config.language or "en"


def page_catalog(env: BuildEnvironment) -> NullTranslations | None:
    """The message catalog of the page being read, as Sphinx's ``Locale`` transform finds it.

    Directives read option values before that transform runs over the doctree; they
    translate them through the same catalog, so the records carry the page's language.
    Looked up once per page: each lookup chains another fallback onto the catalog.
    """
    cached = env.temp_data.get("cv_catalog")
    if cached is None:
        catalog: NullTranslations | None = None
        if env.config.language and env.config.locale_dirs:
            textdomain = docname_to_domain(env.docname, env.config.gettext_compact)
            dirs = [env.srcdir / directory for directory in env.config.locale_dirs]
            found, has_catalog = init(dirs, env.config.language, textdomain)
            catalog = found if has_catalog else None
        cached = env.temp_data["cv_catalog"] = (catalog,)
    return cast("tuple[NullTranslations | None]", cached)[0]
