"""A complete cv_ext project, as ``new`` and ``import`` write it: one template for both.

:mod:`.files` holds conf.py, the README with the two commands, ``.readthedocs.yaml``,
``requirements.txt`` and ``.gitignore``; :mod:`.pages` the pages every project has
(home, skills, the CV of the PDF) and the examples ``new`` starts with; :mod:`.words`
cv_ext's catalog in the project's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cv_ext.cli.project.files import project_files, write_all
from cv_ext.cli.project.pages import example_pages
from cv_ext.cli.project.words import Words, has_catalog, known_language

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["NewProject", "ProjectError", "new_project", "project_files", "write_all"]


class ProjectError(Exception):
    """A folder that is not empty, or a language nobody knows: nothing is written."""


@dataclass(frozen=True)
class NewProject:
    """What ``new`` wrote."""

    files: list[Path]
    language: str
    #: whether cv_ext's labels exist in the language (else they stay English)
    translated: bool


def check_target(target: Path) -> None:
    """Refuse a file, or a folder that is not empty."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ProjectError(f"{target}: not an empty folder; nothing was written")


def check_language(language: str) -> str:
    """*language* as conf.py writes it (``de``, ``zh_CN``), if babel knows it."""
    code = language.strip().replace("-", "_")
    if not code or not known_language(code):
        raise ProjectError(f"{language!r}: not a language code babel knows (e.g. en, de, zh_CN)")
    return code


def new_project(
    name: str, target: Path, language: str = "en", requirements: list[str] | None = None
) -> NewProject:
    """Write the example project of *name* into the new or empty folder *target*."""
    name = " ".join(name.split())
    if not name:
        raise ProjectError("the name is empty")
    language = check_language(language)
    check_target(target)
    files = example_pages(name, Words(language))
    files |= project_files(name, language, requirements=requirements)
    write_all(target, files)
    return NewProject([target / path for path in files], language, has_catalog(language))
