"""A normalised JSON Resume as MyST pages of cv_ext's directives. Free of Sphinx.

Every string reaches the page as text and comes back out unchanged: titles go into
directive arguments (read as plain text), option values are written bare where MyST
reads them back so and quoted or as YAML blocks where not (:mod:`cv_ext.cli.myst`),
and body text is Markdown with only the backslashes it needs, wrapped as a person
wraps it. What the site cannot show goes into ``:extra:``, which the export writes back.
"""

from __future__ import annotations

import json
from typing import Any

from cv_ext.cli.importer.fields import EXTRA, TITLES
from cv_ext.cli.importer.myst import FILE_SLUG, Page
from cv_ext.cli.myst.directive import Directive
from cv_ext.cli.myst.prose import bullets, paragraphs
from cv_ext.core.ids import slug_or_digest, unique_id
from cv_ext.core.values import format_list

#: section -> (file, page title)
PAGES = {
    "work": ("experience.md", "Experience"),
    "volunteer": ("volunteering.md", "Volunteering"),
    "education": ("education.md", "Education"),
    "awards": ("awards.md", "Awards"),
    "certificates": ("certificates.md", "Certificates"),
    "publications": ("publications.md", "Publications"),
    "skills": ("skills.md", "Skills"),
    "languages": ("languages.md", "Languages"),
    "interests": ("interests.md", "Interests"),
    "references": ("references.md", "References"),
}
TIMELINE = {"work": "work", "volunteer": "volunteering", "education": "education"}
ITEMS = {
    "awards": ("award", "title", {"date": "date", "awarder": "awarder"}, "summary"),
    "certificates": ("certificate", "name", {"issuer": "issuer", "date": "date", "url": "url"}, ""),
    "publications": (
        "publication",
        "name",
        {"venue": "publisher", "date": "releaseDate", "url": "url"},
        "summary",
    ),
    "skills": ("skill", "name", {"level": "level", "keywords": "keywords"}, ""),
    "languages": ("language", "language", {"fluency": "fluency"}, ""),
    "interests": ("interest", "name", {"keywords": "keywords"}, ""),
    "references": ("reference", "name", {}, "reference"),
}


def is_talk(project: dict[str, Any]) -> bool:
    """A project cv_ext shows as a talk: of type "talk", with its name, date and event."""
    return project.get("type") == "talk" and all(
        key in project for key in ("name", "startDate", "entity")
    )


def joined(values: Any) -> str:
    """A list option value: ``a, "b, c"``."""
    return format_list(values) if isinstance(values, list) else str(values or "")


def extra(item: dict[str, Any]) -> dict[str, str | None]:
    """``:extra:``: what only the export keeps, as a JSON object."""
    kept = item.get(EXTRA)
    return {"extra": json.dumps(kept, ensure_ascii=False)} if kept else {}


def untitled(section: str, item: dict[str, Any]) -> dict[str, str | None]:
    """``:untitled:`` for an item the resume gives without anything naming it."""
    return {} if any(item.get(key) for key in TITLES[section]) else {"untitled": None}


def person(basics: dict[str, Any]) -> str:
    """The person directive of a resume's ``basics``."""
    location = basics.get("location", {})
    profiles = [
        " | ".join(profile.get(key, "") for key in ("network", "username", "url"))
        for profile in basics.get("profiles", [])
    ]
    options = {
        "label": basics.get("label", ""),
        "image": basics.get("image", ""),
        "email": basics.get("email", ""),
        "phone": basics.get("phone", ""),
        "url": basics.get("url", ""),
        "address": location.get("address", ""),
        "postal-code": location.get("postalCode", ""),
        "city": location.get("city", ""),
        "country-code": location.get("countryCode", ""),
        "region": location.get("region", ""),
        "profiles": "\n".join(profiles),
    }
    return Directive(
        "person",
        basics.get("name", ""),
        {key: value for key, value in options.items() if value} | extra(basics),
        paragraphs(basics.get("summary", "")),
    ).text()


class Writer:
    """Pages for one normalised resume; every object gets an explicit, site-wide unique id."""

    def __init__(self, resume: dict[str, Any]) -> None:
        self.resume = resume
        #: ids per domain store, as the directives note them
        self.ids: dict[str, set[str]] = {
            "entry": set(),
            "item": set(),
            "project": set(),
            "talk": set(),
        }

    def new_id(self, store: str, text: str) -> str:
        """A readable id for *text*, unique in *store*."""
        object_id = unique_id(slug_or_digest(text, store), self.ids[store])
        self.ids[store].add(object_id)
        return object_id

    def timeline(self, section: str, item: dict[str, Any]) -> str:
        """A job, a volunteer role or a school."""
        kind = TIMELINE[section]
        org = item.get(
            {"work": "name", "volunteer": "organization"}.get(section, "institution"), ""
        )
        start, end = item.get("startDate", ""), item.get("endDate", "")
        title = item.get("position", "")
        if section == "education":
            title = " in ".join(v for v in (item.get("studyType"), item.get("area")) if v)
        options: dict[str, str | None] = {
            "name": self.new_id("entry", f"{org or title or kind} {start}"),
            "org": org,
            "start": start,
            "end": (end or "present") if start else "",
            "kind": kind,
            "location": item.get("location", ""),
            "url": item.get("url", ""),
            "description": item.get("description", ""),
            "tags": joined(item.get("keywords")),
        }
        if section == "education":
            options |= {
                "study-type": item.get("studyType", ""),
                "area": item.get("area", ""),
                "score": item.get("score", ""),
            }
        options = {key: value for key, value in options.items() if value}
        # a resume may give no dates: the entry is then shown, but not on the timeline
        options |= {} if start else {"undated": None}
        options |= untitled(section, item) | extra(item)
        body = paragraphs(item.get("summary", ""))
        body += bullets(item.get("courses" if section == "education" else "highlights", []))
        return Directive("timeline", title, options, body).text()

    def item(self, section: str, item: dict[str, Any]) -> str:
        """An award, certificate, publication, skill, language, interest or reference."""
        kind, title_key, keys, body_key = ITEMS[section]
        title = item.get(title_key, "")
        options: dict[str, str | None] = {"name": self.new_id("item", f"{kind} {title}")}
        options |= {option: joined(item.get(key)) for option, key in keys.items()}
        options = {key: value for key, value in options.items() if value}
        options |= untitled(section, item) | extra(item)
        body = paragraphs(item.get(body_key, "")) if body_key else []
        return Directive(kind, title, options, body).text()

    def project(self, item: dict[str, Any]) -> str:
        """A project's own page, or a talk's."""
        start, end = item.get("startDate", ""), item.get("endDate", "")
        options: dict[str, str | None]
        if is_talk(item):
            options = {
                "name": self.new_id("talk", f"{item['entity']} {item['name']}"),
                "date": start,
                "end": end,
                "event": item["entity"],
                "event-url": item.get("url", ""),
                "tags": joined(item.get("keywords")),
                "roles": joined(item.get("roles")),
            }
            options = {key: value for key, value in options.items() if value}
            options |= extra(item)
            body = paragraphs(item.get("description", "")) + bullets(item.get("highlights", []))
            return Directive("talk", item["name"], options, body).text()
        options = {
            "name": self.new_id("project", item.get("name") or "project"),
            "start": start,
            # a project without an end date is ongoing, as in JSON Resume
            "end": (end or "present") if start else "",
            "url": item.get("url", ""),
            "summary": item.get("description", ""),
            "tags": joined(item.get("keywords")),
            "roles": joined(item.get("roles")),
            "entity": item.get("entity", ""),
            "type": item.get("type", ""),
        }
        options = {key: value for key, value in options.items() if value}
        options |= untitled("projects", item) | extra(item)
        return Directive("project", "", options, bullets(item.get("highlights", []))).text()

    def pages(self) -> dict[str, str]:
        """Every page, by path relative to the source folder."""
        basics = self.resume.get("basics", {})
        home = Page(basics.get("name") or "Curriculum vitae")
        if basics:
            home.blocks.append(person(basics))
        if any(section in self.resume for section in TIMELINE):
            home.blocks.append(":::{career-overview}\n:::")
        pages: dict[str, Page] = {}
        toc: list[str] = []
        for section, items in self.resume.items():
            if section in PAGES:
                filename, title = PAGES[section]
                page = pages.setdefault(filename, Page(title))
                for item in items:
                    block = (
                        self.timeline(section, item)
                        if section in TIMELINE
                        else self.item(section, item)
                    )
                    page.blocks.append(block)
                toc.append(filename.removesuffix(".md"))
            elif section == "projects":
                toc.append("projects/index")
                pages |= self.project_pages(items)
        home.blocks.append("```{toctree}\n:hidden:\n\n" + "\n".join(toc) + "\n```")
        return {"index.md": home.text()} | {name: page.text() for name, page in pages.items()}

    def project_pages(self, projects: list[dict[str, Any]]) -> dict[str, Page]:
        """One page per project or talk, named ``NN-slug``: short, in the file's order."""
        width = len(str(len(projects)))
        pages: dict[str, Page] = {}
        for number, project in enumerate(projects, start=1):
            name = project.get("name", "")
            slug = slug_or_digest(name or "project", "project")[:FILE_SLUG].rstrip("-")
            # a project without a name still needs a page title: its number, not a name
            pages[f"projects/{number:0{width}d}-{slug}.md"] = Page(
                name or f"Project {number}", [self.project(project)]
            )
        indices = [":::{cv-index} projects\n:::"] if not all(map(is_talk, projects)) else []
        if any(map(is_talk, projects)):
            indices.append(":::{cv-index} talks\n:::")
        toc = "\n".join(name.removeprefix("projects/").removesuffix(".md") for name in pages)
        index = Page("Projects", [*indices, "```{toctree}\n:hidden:\n\n" + toc + "\n```"])
        return {"projects/index.md": index, **pages}
