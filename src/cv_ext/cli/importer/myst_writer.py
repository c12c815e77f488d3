"""A normalised JSON Resume as MyST pages of cv_ext's directives. Free of Sphinx.

Every string reaches the page as text and comes back out unchanged: titles go
into directive arguments (read as plain text), option values into a YAML block
as JSON strings, and body text is Markdown with all ASCII punctuation escaped.
"""

from __future__ import annotations

from typing import Any

from cv_ext.cli.importer.myst import FILE_SLUG, Page, bullets, directive, paragraphs
from cv_ext.core.ids import slug_or_digest, unique_id

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
    """A project cv_ext shows as a talk: of type "talk", with its date and its event."""
    return project.get("type") == "talk" and "startDate" in project and "entity" in project


def joined(values: Any) -> str:
    """A list option value: ``a, b``."""
    return ", ".join(values) if isinstance(values, list) else str(values or "")


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
    return directive(
        "person", basics.get("name", ""), options, paragraphs(basics.get("summary", ""))
    )


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
        options = {
            "name": self.new_id("entry", f"{org or title} {start}"),
            "org": org,
            "start": start,
            "end": (end or "present") if start else "",
            "kind": kind,
            "location": item.get("location", ""),
            "url": item.get("url", ""),
            "description": item.get("description", ""),
            "tags": joined(item.get("x-cv-tags")),
        }
        if section == "education":
            options |= {
                "study-type": item.get("studyType", ""),
                "area": item.get("area", ""),
                "score": item.get("score", ""),
            }
        body = paragraphs(item.get("summary", ""))
        body += bullets(item.get("courses" if section == "education" else "highlights", []))
        # a resume may give no dates: the entry is then shown, but not on the timeline
        return directive("timeline", title, options, body, () if start else ("undated",))

    def item(self, section: str, item: dict[str, Any]) -> str:
        """An award, certificate, publication, skill, language, interest or reference."""
        kind, title_key, keys, body_key = ITEMS[section]
        title = item[title_key]
        options = {"name": self.new_id("item", f"{kind} {title}")}
        options |= {option: joined(item.get(key)) for option, key in keys.items()}
        return directive(
            kind, title, options, paragraphs(item.get(body_key, "")) if body_key else []
        )

    def project(self, item: dict[str, Any]) -> str:
        """A project's own page, or a talk's."""
        start, end = item.get("startDate", ""), item.get("endDate", "")
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
            body = paragraphs(item.get("description", "")) + bullets(item.get("highlights", []))
            return directive("talk", item["name"], options, body)
        options = {
            "name": self.new_id("project", item["name"]),
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
        return directive("project", "", options, bullets(item.get("highlights", [])))

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
            slug = slug_or_digest(project["name"], "project")[:FILE_SLUG].rstrip("-")
            pages[f"projects/{number:0{width}d}-{slug}.md"] = Page(
                project["name"], [self.project(project)]
            )
        indices = [":::{cv-index} projects\n:::"] if not all(map(is_talk, projects)) else []
        if any(map(is_talk, projects)):
            indices.append(":::{cv-index} talks\n:::")
        toc = "\n".join(name.removeprefix("projects/").removesuffix(".md") for name in pages)
        index = Page("Projects", [*indices, "```{toctree}\n:hidden:\n\n" + toc + "\n```"])
        return {"projects/index.md": index, **pages}
