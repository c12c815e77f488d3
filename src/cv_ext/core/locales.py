"""Language names as Sphinx, gettext and CLDR spell them: their script, and which catalog fits.

Sphinx's ``language`` takes gettext names (``zh_CN``, ``pt_BR``); an importer or a reader
may write CLDR's (``zh_Hans``, ``zh-Hant-TW``). CLDR's likely subtags (through babel) say
which script each one is written in, which decides both whether one of cv_ext's catalogs
fits a language and how LaTeX must typeset it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.core import get_global, parse_locale

if TYPE_CHECKING:
    from collections.abc import Iterable


def _parts(language: str) -> tuple[str, str, str]:
    """(language, script, territory) of *language*, the script filled in by CLDR when missing."""
    try:
        code, territory, script, *_ = parse_locale(language.replace("-", "_"))
    except ValueError:
        return language.lower(), "", ""
    if not script:
        likely = get_global("likely_subtags")
        for key in (f"{code}_{territory}", code):
            if maximal := likely.get(key):
                script = parse_locale(maximal)[2] or ""
                break
    return code, script or "", territory or ""


def script_of(language: str) -> str:
    """The ISO 15924 script *language* is written in: ``Latn``, ``Cyrl``, ``Hans``, ``Jpan``, ...

    Empty for a name CLDR does not know.
    """
    return _parts(language)[1]


def matching_catalog(language: str, catalogs: Iterable[str]) -> str | None:
    """The catalog among *catalogs* (their languages' names) written for *language*'s readers.

    The same language in the same script: ``zh_Hans`` and ``zh_SG`` read the ``zh_CN``
    catalog, ``zh_TW`` (Traditional) does not; ``ko_KR`` reads ``ko``. A catalog for the
    very territory wins over another one.
    """
    code, script, territory = _parts(language)
    fits = []
    for catalog in catalogs:
        other_code, other_script, other_territory = _parts(catalog)
        if other_code == code and other_script == script:
            fits.append((other_territory != territory, catalog))
    return min(fits)[1] if fits else None
