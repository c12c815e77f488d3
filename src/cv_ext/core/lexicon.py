"""The words ``match`` knows besides a CV's own: synonym groups and engineering terms.

Both lists are text files beside this module (``lexicon/synonyms.txt``,
``lexicon/terms.txt``), documented in the guide; a site extends the synonyms with
``cv_match_synonyms``. Free of Sphinx.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

#: a term written with this first counts only in that case ("!Go": the language, not "go")
CASED = "!"
#: what separates the spellings of one synonym group on its line
SEPARATOR = " = "


def _lines(name: str) -> tuple[str, ...]:
    """The lines of a lexicon file that are neither blank nor comments."""
    text = resources.files("cv_ext.core").joinpath("lexicon", name).read_text(encoding="utf8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("# "))


@cache
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """The built-in synonym groups: each a tuple of spellings, the first naming the group."""
    groups = (
        tuple(part.strip() for part in line.split(SEPARATOR)) for line in _lines("synonyms.txt")
    )
    return tuple(group for group in groups if len(group) > 1)


@cache
def terms() -> tuple[str, ...]:
    """The built-in engineering terms, ``!`` marking those that count in their case only."""
    return _lines("terms.txt")


def parse_synonyms(value: object) -> tuple[list[tuple[str, ...]], list[str]]:
    """The groups of a ``cv_match_synonyms`` value, and one message per problem.

    The value is a list of groups, each a list of two or more spellings (or one string
    with the spellings separated by ``=``).
    """
    if not isinstance(value, list | tuple):
        return [], [f"cv_match_synonyms must be a list of groups, not {type(value).__name__}"]
    groups: list[tuple[str, ...]] = []
    errors: list[str] = []
    for index, group in enumerate(value):
        spellings: list[object] = [*group.split("=")] if isinstance(group, str) else [*group]
        if not isinstance(group, str | list | tuple) or not all(
            isinstance(s, str) and s.strip() for s in spellings
        ):
            errors.append(f"cv_match_synonyms[{index}]: a group is a list of non-empty strings")
            continue
        cleaned = tuple(str(s).strip() for s in spellings)
        if len(cleaned) < 2:
            errors.append(f"cv_match_synonyms[{index}]: a group needs two or more spellings")
            continue
        groups.append(cleaned)
    return groups, errors
