"""Message catalogs of cv_ext and of the site: extract, update, compile, check, stats.

    python scripts/i18n.py extract   # cv_ext's messages -> src/cv_ext/locale/cv_ext.pot
    python scripts/i18n.py update    # merge the template into every cv_ext .po
    python scripts/i18n.py compile   # every cv_ext .po -> .mo
    python scripts/i18n.py check     # exit 1 if the .pot or a .mo is stale, or a .po is wrong
    python scripts/i18n.py stats     # translated / total per language and catalog
    python scripts/i18n.py table     # cv_ext's completeness as guide/languages.md shows it
    python scripts/i18n.py add LANG  # a new, empty catalog for LANG (e.g. it, pt_BR)

Languages are the folders of ``src/cv_ext/locale``: ``add`` makes one, with the plural
forms CLDR gives the language, and every other command finds it.

The site's own catalogs (``docs/locale/<lang>/LC_MESSAGES/*.po``) come from
``sphinx-build -b gettext docs docs/_build/gettext`` and ``sphinx-intl update``;
Sphinx compiles them itself. ``stats`` counts both. Output is deterministic: no
dates, no line numbers, messages sorted, so a rerun changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from babel.core import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "src" / "cv_ext"
LOCALE = PACKAGE / "locale"
POT = LOCALE / "cv_ext.pot"
SITE_LOCALE = REPO / "docs" / "locale"
#: gettext's own keywords, plus N_ (mark now, translate later), ngettext for plurals and
#: npgettext for plurals in a context (another grammatical case)
KEYWORDS = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "npgettext": ((1, "c"), 2, 3),
}
#: a fixed date keeps the files byte-stable between runs
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def template() -> Catalog:
    """Every message cv_ext writes into output, from its Python sources."""
    catalog = Catalog(
        project="cv_ext",
        version="0.1",
        copyright_holder="cv_ext developers",
        creation_date=EPOCH,
        revision_date=EPOCH,
        fuzzy=False,
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, [("**.py", "python")], keywords=KEYWORDS
    ):
        catalog.add(
            message, None, [(f"cv_ext/{filename}", lineno)], auto_comments=comments, context=context
        )
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    """A catalog as .po/.pot text: sorted, no line numbers, not wrapped."""
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=True, include_lineno=False)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    """A catalog compiled as gettext reads it."""
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def read(path: Path, locale: str | None = None) -> Catalog:
    """A .po or .pot file."""
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def package_catalogs() -> list[Path]:
    """cv_ext's .po files, one per language."""
    return sorted(LOCALE.glob("*/LC_MESSAGES/cv_ext.po"))


def extract() -> None:
    """Write the template."""
    POT.write_bytes(po_bytes(template()))


def update() -> None:
    """Merge the template into every cv_ext .po (new messages empty, gone ones dropped)."""
    pot = read(POT)
    for path in package_catalogs():
        catalog = read(path, path.parent.parent.name)
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.creation_date = catalog.revision_date = EPOCH
        catalog.fuzzy = False
        path.write_bytes(po_bytes(catalog))


def compile_all() -> None:
    """Compile every cv_ext .po into the .mo beside it."""
    for path in package_catalogs():
        path.with_suffix(".mo").write_bytes(mo_bytes(read(path, path.parent.parent.name)))


def add(language: str) -> Path:
    """A new catalog for *language*: every message of the template, none translated yet."""
    path = LOCALE / language / "LC_MESSAGES" / "cv_ext.po"
    if path.exists():
        raise SystemExit(f"{path.relative_to(REPO)} exists already")
    catalog = Catalog(
        locale=language,
        project="cv_ext",
        version="0.1",
        copyright_holder="cv_ext developers",
        creation_date=EPOCH,
        revision_date=EPOCH,
        last_translator="cv_ext developers",
        fuzzy=False,
    )
    catalog.update(read(POT), no_fuzzy_matching=True)
    path.parent.mkdir(parents=True)
    path.write_bytes(po_bytes(catalog))
    path.with_suffix(".mo").write_bytes(mo_bytes(catalog))
    return path


def mistakes(path: Path) -> list[str]:
    """What is wrong in one .po: placeholders unlike the message's, a plural form too many
    or too few for its Plural-Forms header (which ``update`` keeps as the file has it)."""
    catalog = read(path, path.parent.parent.name)
    shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    found = [
        f"{shown}: {message.id!r}: {error}"
        for message, errors in catalog.check()
        for error in errors
    ]
    # a form left empty beside translated ones: the .mo would print nothing for its numbers
    found += [
        f"{shown}: {message.id!r}: plural form {index} is empty"
        for message in catalog
        if isinstance(message.string, tuple) and any(message.string)
        for index, form in enumerate(message.string)
        if not form
    ]
    return found


def check() -> list[str]:
    """What is stale or wrong: the template, a .mo that is not its .po compiled, a .po's
    placeholders and plural forms."""
    problems = []
    if POT.read_bytes() != po_bytes(template()):
        problems.append(f"{POT.relative_to(REPO)} is stale: run scripts/i18n.py extract")
    pot_ids = {message.id for message in read(POT) if message.id}
    for path in package_catalogs():
        language = path.parent.parent.name
        if {message.id for message in read(path, language) if message.id} != pot_ids:
            problems.append(f"{path.relative_to(REPO)} is stale: run scripts/i18n.py update")
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(read(path, language)):
            problems.append(f"{mo.relative_to(REPO)} is stale: run scripts/i18n.py compile")
        problems += mistakes(path)
    return problems


def completeness(path: Path) -> tuple[int, int]:
    """(translated, total) messages of one .po; fuzzy ones count as untranslated."""
    catalog = read(path)
    messages = [message for message in catalog if message.id]
    done = [
        message
        for message in messages
        if not message.fuzzy
        and (all(message.string) if isinstance(message.string, tuple) else message.string)
    ]
    return len(done), len(messages)


def stats() -> dict[tuple[str, str], tuple[int, int]]:
    """(language, catalog) -> (translated, total), for cv_ext and for the site."""
    result = {}
    for path in package_catalogs():
        result[path.parent.parent.name, "cv_ext"] = completeness(path)
    for lang_dir in sorted(SITE_LOCALE.glob("*/LC_MESSAGES")) if SITE_LOCALE.exists() else []:
        done = total = 0
        for path in sorted(lang_dir.rglob("*.po")):
            translated, count = completeness(path)
            done, total = done + translated, total + count
        result[lang_dir.parent.name, "site"] = (done, total)
    return result


def table() -> str:
    """cv_ext's completeness per language as a Markdown table, English first."""
    rows = ["| Language | Code | Translated | Complete |", "| --- | --- | --- | --- |"]
    rows.append("| English | `en` | (the source) | 100 % |")
    for (language, kind), (done, total) in stats().items():
        if kind == "cv_ext":
            name = Locale.parse(language).get_display_name("en")
            share = 100 * done / total if total else 100.0
            rows.append(f"| {name} | `{language}` | {done} / {total} | {share:.0f} % |")
    return "\n".join(rows) + "\n"


def main(argv: list[str]) -> int:
    """Run one command."""
    command = argv[1] if len(argv) > 1 else "stats"
    if command == "extract":
        extract()
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        problems = check()
        print("\n".join(problems) or "catalogs are current")  # noqa: T201
        return 1 if problems else 0
    elif command == "add" and len(argv) == 3:
        print(f"{add(argv[2]).relative_to(REPO)}: translate it, then compile")  # noqa: T201
    elif command == "table":
        print(table(), end="")  # noqa: T201
    elif command == "stats":
        for (language, catalog), (done, total) in stats().items():
            share = 100 * done / total if total else 100.0
            print(f"{language}\t{catalog}\t{done}/{total}\t{share:.1f} %")  # noqa: T201
    else:
        print(__doc__)  # noqa: T201
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
