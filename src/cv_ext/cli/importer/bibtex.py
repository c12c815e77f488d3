"""``python -m cv_ext bibtex refs.bib``: BibTeX entries as ``publication`` directives.

pybtex reads the file; LaTeX in the values (``{\\"u}``, braces) becomes text through
pybtex's own rich text (latexcodec underneath). Authors keep their order and are written as
"First Last". The venue is the ``booktitle``, else the ``journal``, else the
``publisher``; the date is the ``year`` (and ``month``, when it is a month).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from pybtex.database import parse_string
from pybtex.richtext import Text
from pybtex.scanner import PybtexError

from cv_ext.cli.myst.directive import Directive
from cv_ext.core.ids import slug_or_digest

if TYPE_CHECKING:
    from pybtex.database import Entry, Person

#: LaTeX accents as combining characters
ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
}
#: commands that only format their argument
FORMATTING = frozenset(
    {"mbox", "emph", "textbf", "textit", "textsc", "textrm", "textsf", "texttt", "em", "bf"}
    | {"it", "sc", "rm", "sf", "tt", "url", "hbox", "relax", "protect"}
)
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class BibtexError(Exception):
    """A file pybtex cannot read: nothing is written."""


def text(value: str) -> str:
    """A BibTeX value as plain text: LaTeX decoded, grouping braces dropped."""
    plain = str(Text.from_latex(value).render_as("text"))
    # what latexcodec leaves: an accent it has no letter for (\\=P), a spacing command
    # (\\!), a formatting command (\\mbox), a command that is a word (\\log)
    plain = re.sub(r"\\([=`'^\"~.])\s*(\w)", lambda m: m.group(2) + ACCENTS[m.group(1)], plain)
    plain = re.sub(r"\\[!,;:> ]", "", plain)
    plain = re.sub(
        r"\\([A-Za-z]+)\*?(\s*)",
        lambda m: "" if m.group(1) in FORMATTING else m.group(1) + m.group(2),
        plain,
    )
    return " ".join(unicodedata.normalize("NFC", plain).split())


def author(person: Person) -> str:
    """ "First Middle von Last, Jr." as one name, as published."""
    parts = [*person.first_names, *person.middle_names, *person.prelast_names, *person.last_names]
    name = text(" ".join(parts))
    return f"{name}, {text(' '.join(person.lineage_names))}" if person.lineage_names else name


def date(fields: Any) -> str:
    """``YYYY`` or ``YYYY-MM`` from ``year`` and ``month``; "" without a year."""
    year = re.search(r"\d{4}", fields.get("year", ""))
    if year is None:
        return ""
    month = fields.get("month", "").strip().lower()
    number = MONTHS.index(month[:3]) + 1 if month[:3] in MONTHS else 0
    if month.isdigit() and 1 <= int(month) <= 12:
        number = int(month)
    return f"{year.group()}-{number:02d}" if number else year.group()


def publication(key: str, entry: Entry) -> str:
    """One entry as a ``publication`` directive."""
    fields = entry.fields
    venue = next(
        (fields[name] for name in ("booktitle", "journal", "publisher") if name in fields), ""
    )
    authors = [author(person) for person in entry.persons.get("author", [])]
    # "Name, Jr." holds a comma: the names are then separated by semicolons
    separator = "; " if any("," in name for name in authors) else ", "
    options = {
        "authors": separator.join(authors),
        "venue": text(venue),
        "date": date(fields),
        "doi": text(fields.get("doi", "")),
        "url": text(fields.get("url", "")),
        "name": slug_or_digest(key, "publication"),
    }
    kept: dict[str, str | None] = {name: value for name, value in options.items() if value}
    return Directive("publication", text(fields.get("title", key)), kept).text()


def to_myst(source: str) -> str:
    """A MyST page of every entry of *source*, in the file's order."""
    try:
        data = parse_string(source, "bibtex")
    except (PybtexError, UnicodeDecodeError) as error:
        raise BibtexError(f"not BibTeX: {error}") from None
    blocks = [publication(key, entry) for key, entry in data.entries.items()]
    return "# Publications\n\n" + "\n\n".join(blocks) + "\n"
