"""An imported resume's pages as a project like ``new`` writes: in the resume's language,
with the home page, the skills index and the CV of the PDF every project has."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from cv_ext.cli.importer.myst_writer import PAGES, person
from cv_ext.cli.project.pages import cv_page, home, md, skills_index
from cv_ext.common.i18n import N_

if TYPE_CHECKING:
    from cv_ext.cli.project.words import Words

#: the page titles of the import that the catalog holds beside cv_ext's labels
TITLES = (
    N_("Experience"),
    N_("Volunteering"),
    N_("Education"),
    N_("Awards"),
    N_("Certificates"),
    N_("Publications"),
    N_("Skills"),
    N_("Languages"),
    N_("Interests"),
    N_("References"),
    N_("Projects"),
)
_TAGGED = re.compile(r"^:?tags:\s*\S", re.MULTILINE)
_RESULT = re.compile(r"^:::+\{achievement\}", re.MULTILINE)


def translated_title(text: str, words: Words) -> str:
    """A page whose first line is one of the import's titles, with it in *words*' language."""
    first, newline, rest = text.partition("\n")
    english = {title for _, title in PAGES.values()} | {"Projects"}
    title = first.removeprefix("# ")
    if first.startswith("# ") and title in english:
        return f"# {md(words(title))}{newline}{rest}"
    return text


def site_pages(resume: dict[str, Any], pages: dict[str, str], words: Words) -> dict[str, str]:
    """*pages* (the writer's) with translated titles, the project's home, skills and CV."""
    pages = {path: translated_title(text, words) for path, text in pages.items()}
    text = "\n".join(pages.values())
    tagged = bool(_TAGGED.search(text))
    toc = [
        path.removesuffix(".md")
        for path in pages
        if path != "index.md" and (not path.startswith("projects/") or path == "projects/index.md")
    ]
    if tagged:
        if "skills.md" in pages:
            # the resume's own skills first, then every tag with what carries it
            pages["skills.md"] += "\n" + skills_index(words)
        else:
            pages["skills.md"] = f"# {md(words('Skills'))}\n\n" + skills_index(words)
            toc.append("skills")
    basics = resume.get("basics", {})
    name = str(basics.get("name") or words(N_("Curriculum vitae")))
    pages["index.md"] = home(
        name,
        person(basics) if basics else "",
        words,
        toc,
        results=bool(_RESULT.search(text)),
        skills=tagged,
    )
    pages["cv.md"] = cv_page(words)
    return pages
