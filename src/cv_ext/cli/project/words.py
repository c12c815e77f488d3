"""cv_ext's catalog at the time a project is written: page titles and example text."""

from __future__ import annotations

import gettext

from babel import Locale, UnknownLocaleError

from cv_ext.common.i18n import CATALOG, LOCALE_DIR

#: the language cv_ext's messages are written in
SOURCE_LANGUAGE = "en"


def known_language(language: str) -> bool:
    """Whether babel (and so Sphinx's dates) knows *language*, a code like ``de`` or ``zh_CN``."""
    try:
        Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return False
    return True


def has_catalog(language: str) -> bool:
    """Whether cv_ext's labels exist in *language* (English is their own language)."""
    if language.split("_")[0] == SOURCE_LANGUAGE:
        return True
    return gettext.find(CATALOG, str(LOCALE_DIR), [language]) is not None


class Words:
    """cv_ext's messages in one language; English where its catalog has none."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._catalog = gettext.translation(CATALOG, str(LOCALE_DIR), [language], fallback=True)

    def __call__(self, message: str) -> str:
        """*message* (marked with ``N_``) in this language."""
        return self._catalog.gettext(message)
