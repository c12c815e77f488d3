"""JSON Resume to MyST pages that use cv_ext's directives: ``python -m cv_ext import``.

The mapping is the inverse of :mod:`cv_ext.export.jsonresume`, so that import,
build and export give back the same data. Everything is checked before the
first file is written: a bad file yields one :class:`ImportError_` naming the
field path, and nothing on disk.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cv_ext.export import schema_errors
from cv_ext.model import ParseError, make_period, parse_date, parse_email, parse_url, slugify

#: ASCII punctuation that Markdown may read as markup; a backslash keeps it literal
MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~^$&:\"'=%@;/,?])")


class ImportError_(Exception):  # noqa: N801, N818  (ImportError is Python's own)
    """A resume that cannot be imported, with the JSON path of the culprit."""


def md(text: str) -> str:
    """Plain text as MyST that renders to exactly that text."""
    return MARKUP.sub(r"\\\1", " ".join(text.split()))


def paragraphs(text: str) -> list[str]:
    """A summary as MyST paragraphs: blank lines separate them."""
    return [md(part) for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def bullets(items: list[str]) -> list[str]:
    """Highlights, courses, ... as a bullet list."""
    return [f"- {md(item)}" for item in items if item.strip()]


@dataclass
class Page:
    """One MyST page being written."""

    title: str
    blocks: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The page's MyST source."""
        return "\n\n".join([f"# {md(self.title)}", *self.blocks]) + "\n"


def directive(name: str, argument: str, options: dict[str, str], body: list[str]) -> str:
    """A colon-fenced directive with its options as YAML (JSON strings are YAML)."""
    fence = "::::" if any(line.startswith(":::") for line in body) else ":::"
    head = f"{fence}{{{name}}} {argument}".rstrip()
    opts = [
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in options.items() if value
    ]
    lines = [head, *(["---", *opts, "---"] if opts else []), *body, fence]
    return "\n".join(lines)


class Importer:
    """Turns one JSON Resume document into pages, checking every value on the way."""

    def __init__(self, resume: dict[str, Any]) -> None:
        self.resume = resume

    def section(self, name: str) -> list[tuple[str, dict[str, Any]]]:
        """(path, item) of each object of a top-level list."""
        return [
            (f"{name}/{index}", item)
            for index, item in enumerate(self.resume.get(name) or [])
            if isinstance(item, dict)
        ]

    @staticmethod
    def date(path: str, value: Any) -> str:
        """A date the directives take, or an error naming *path*."""
        try:
            return parse_date(str(value)).iso() if value else ""
        except ParseError as error:
            raise ImportError_(f"{path}: {error}") from None

    def dates(self, path: str, item: dict[str, Any], *, required: bool) -> dict[str, str]:
        """``start``/``end`` options: no end date means the entry is ongoing."""
        start = self.date(f"{path}/startDate", item.get("startDate"))
        end = self.date(f"{path}/endDate", item.get("endDate"))
        if not start:
            if end:
                raise ImportError_(f"{path}/endDate: an end date needs a startDate")
            if required:
                raise ImportError_(f"{path}/startDate: a start date is required")
            return {}
        try:
            make_period(start, end or None)
        except ParseError as error:
            raise ImportError_(f"{path}/endDate: {error}") from None
        return {"start": start, "end": end or "present"}

    @staticmethod
    def url(path: str, value: Any) -> str:
        """An http(s) URL, or an error naming *path*."""
        try:
            return parse_url(str(value)) if value else ""
        except ParseError as error:
            raise ImportError_(f"{path}: {error}") from None

    @staticmethod
    def words(path: str, values: Any) -> str:
        """A list of keywords as the comma-separated option value."""
        values = [str(value).strip() for value in values or []]
        for index, value in enumerate(values):
            if "," in value:
                raise ImportError_(f"{path}/{index}: a comma cannot be part of {value!r}")
        return ", ".join(value for value in values if value)

    def timeline(self, kind: str, path: str, item: dict[str, Any], org_key: str) -> str:
        """A job, volunteer role or school."""
        options = {
            "org": str(item.get(org_key) or ""),
            **self.dates(path, item, required=True),
            "kind": kind,
            "location": str(item.get("location") or ""),
            "url": self.url(f"{path}/url", item.get("url")),
            "description": str(item.get("description") or ""),
        }
        if not options["org"] and kind == "work":  # a volunteer role or school may stand alone
            raise ImportError_(f"{path}/{org_key}: the organisation is required")
        title = str(item.get("position") or "")
        if kind == "education":
            options |= {
                "study-type": str(item.get("studyType") or ""),
                "area": str(item.get("area") or ""),
                "score": str(item.get("score") or ""),
            }
            title = " in ".join(v for v in (options["study-type"], options["area"]) if v)
        body = paragraphs(str(item.get("summary") or ""))
        body += bullets(
            [str(v) for v in item.get("courses" if kind == "education" else "highlights") or []]
        )
        return directive("timeline", title, options, body)

    def basics(self) -> tuple[str, str]:
        """The person directive and their name."""
        basics = self.resume.get("basics") or {}
        name = str(basics.get("name") or "").strip() or "Curriculum vitae"
        email = str(basics.get("email") or "")
        try:
            email = parse_email(email) if email else ""
        except ParseError as error:
            raise ImportError_(f"basics/email: {error}") from None
        location = basics.get("location") or {}
        profiles = []
        for index, profile in enumerate(basics.get("profiles") or []):
            url = self.url(f"basics/profiles/{index}/url", profile.get("url"))
            parts = [str(profile.get("network") or ""), str(profile.get("username") or ""), url]
            if any("|" in part for part in parts) or not parts[0]:
                raise ImportError_(f"basics/profiles/{index}: needs a network, without '|'")
            profiles.append(" | ".join(parts))
        options = {
            "label": str(basics.get("label") or ""),
            "image": self.url("basics/image", basics.get("image")),
            "email": email,
            "phone": str(basics.get("phone") or ""),
            "url": self.url("basics/url", basics.get("url")),
            "address": str(location.get("address") or ""),
            "postal-code": str(location.get("postalCode") or ""),
            "city": str(location.get("city") or ""),
            "country-code": str(location.get("countryCode") or ""),
            "region": str(location.get("region") or ""),
            "profiles": "\n".join(profiles),
        }
        return directive(
            "person", name, options, paragraphs(str(basics.get("summary") or ""))
        ), name

    def item(
        self, kind: str, path: str, title: Any, options: dict[str, str], body: str = ""
    ) -> str:
        """A person-less item: language, skill, publication, ..."""
        if not str(title or "").strip():
            raise ImportError_(f"{path}: a name is required")
        return directive(kind, str(title), options, paragraphs(body))

    def pages(self) -> dict[str, str]:
        """Every page, by path relative to the source folder."""
        person, name = self.basics()
        home = Page(name, [person, ":::{career-overview}\n:::"])
        pages: dict[str, Page] = {}

        def add(filename: str, title: str, block: str) -> None:
            pages.setdefault(filename, Page(title)).blocks.append(block)

        for kind, section, filename, title, org in (
            ("work", "work", "experience.md", "Experience", "name"),
            ("volunteering", "volunteer", "volunteering.md", "Volunteering", "organization"),
            ("education", "education", "education.md", "Education", "institution"),
        ):
            for path, item in self.section(section):
                add(filename, title, self.timeline(kind, path, item, org))
        project_files: dict[str, str] = {}
        for path, item in self.section("projects"):
            if item.get("type") == "talk":
                add("talks.md", "Talks", self.talk(path, item))
            else:
                filename, page = self.project(path, item, project_files)
                pages[filename] = page
        if project_files:
            pages["projects/index.md"] = Page(
                "Projects",
                [
                    ":::{cv-index} projects\n:::",
                    "```{toctree}\n:hidden:\n\n" + "\n".join(project_files.values()) + "\n```",
                ],
            )
        for path, item in self.section("awards"):
            options = {
                "date": self.date(f"{path}/date", item.get("date")),
                "awarder": str(item.get("awarder") or ""),
            }
            if not options["date"]:
                raise ImportError_(f"{path}/date: an award needs its date")
            add(
                "awards.md",
                "Awards",
                directive(
                    "achievement",
                    str(item.get("title") or ""),
                    options,
                    paragraphs(str(item.get("summary") or "")),
                ),
            )
        simple: tuple[tuple[str, str, str, str, dict[str, str], str], ...] = (
            (
                "publications",
                "publication",
                "Publications",
                "name",
                {"publisher": "publisher", "date": "releaseDate", "url": "url"},
                "summary",
            ),
            (
                "certificates",
                "certificate",
                "Certificates",
                "name",
                {"issuer": "issuer", "date": "date", "url": "url"},
                "",
            ),
            ("skills", "skill", "Skills", "name", {"level": "level", "keywords": "keywords"}, ""),
            ("languages", "language", "Languages", "language", {"fluency": "fluency"}, ""),
            ("interests", "interest", "Interests", "name", {"keywords": "keywords"}, ""),
            ("references", "reference", "References", "name", {}, "reference"),
        )
        for section, kind, title, name_key, keys, body_key in simple:
            for path, item in self.section(section):
                options = {}
                for option, key in keys.items():
                    value = item.get(key)
                    if option == "date":
                        options[option] = self.date(f"{path}/{key}", value)
                    elif option == "url":
                        options[option] = self.url(f"{path}/{key}", value)
                    elif option == "keywords":
                        options[option] = self.words(f"{path}/{key}", value)
                    else:
                        options[option] = str(value or "")
                block = self.item(
                    kind,
                    f"{path}/{name_key}",
                    item.get(name_key),
                    options,
                    str(item.get(body_key) or "") if body_key else "",
                )
                add(f"{section}.md", title, block)
        order = [
            "experience.md",
            "projects/index.md",
            "talks.md",
            "awards.md",
            "publications.md",
            "certificates.md",
            "volunteering.md",
            "education.md",
            "skills.md",
            "languages.md",
            "interests.md",
            "references.md",
        ]
        toc = [name.removesuffix(".md") for name in order if name in pages]
        home.blocks.append("```{toctree}\n:hidden:\n\n" + "\n".join(toc) + "\n```")
        result = {"index.md": home.text()}
        result |= {filename: page.text() for filename, page in pages.items()}
        return result

    def project(self, path: str, item: dict[str, Any], files: dict[str, str]) -> tuple[str, Page]:
        """A project page, named after the project."""
        name = str(item.get("name") or "").strip()
        if not name:
            raise ImportError_(f"{path}/name: a project needs a name")
        try:
            slug = slugify(name)
        except ParseError:
            slug = "project"
        stem, number = slug, 2
        while stem in files:
            stem, number = f"{slug}-{number}", number + 1
        files[stem] = stem
        options = {
            **self.dates(path, item, required=False),
            "url": self.url(f"{path}/url", item.get("url")),
            "summary": str(item.get("description") or ""),
            "tags": self.words(f"{path}/keywords", item.get("keywords")),
            "roles": self.words(f"{path}/roles", item.get("roles")),
            "entity": str(item.get("entity") or ""),
            "type": str(item.get("type") or ""),
        }
        block = directive(
            "project", "", options, bullets([str(v) for v in item.get("highlights") or []])
        )
        return f"projects/{stem}.md", Page(name, [block])

    def talk(self, path: str, item: dict[str, Any]) -> str:
        """A project of type "talk", as a talk."""
        options = {
            "date": self.date(f"{path}/startDate", item.get("startDate")),
            "event": str(item.get("entity") or ""),
            "event-url": self.url(f"{path}/url", item.get("url")),
            "tags": self.words(f"{path}/keywords", item.get("keywords")),
        }
        if not options["date"]:
            raise ImportError_(f"{path}/startDate: a talk needs its date")
        if not options["event"]:
            raise ImportError_(f"{path}/entity: a talk needs its event in 'entity'")
        return directive(
            "talk",
            str(item.get("name") or ""),
            options,
            paragraphs(str(item.get("description") or "")),
        )


CONF = '''"""Sphinx configuration written by `python -m cv_ext import`."""

project = {name!r}
author = {name!r}
extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
html_theme = "furo"
smartquotes = False  # keep the resume's quotes as they are, for a faithful export
exclude_patterns = ["_build"]
'''


def load(source: Path) -> dict[str, Any]:
    """Read and validate a JSON Resume file."""
    try:
        resume = json.loads(source.read_text(encoding="utf8"))
    except OSError as error:
        raise ImportError_(f"{source}: cannot read: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ImportError_(f"{source}: not JSON: {error}") from None
    if not isinstance(resume, dict):
        raise ImportError_(f"{source}: not a JSON Resume: the top level is not an object")
    if errors := schema_errors(resume):
        raise ImportError_(f"{source}: not a JSON Resume: {errors[0]}")
    return resume


def import_resume(source: Path, target: Path) -> list[Path]:
    """Write the MyST site of the resume in *source* into the new or empty folder *target*."""
    resume = load(source)
    try:
        pages = Importer(resume).pages()
    except ImportError_ as error:
        raise ImportError_(f"{source}: {error}") from None
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ImportError_(f"{target}: not an empty folder; nothing was written")
    name = str((resume.get("basics") or {}).get("name") or "Curriculum vitae")
    files = {"conf.py": CONF.format(name=name), **pages}
    # write everything next to the target first, then move it in: all or nothing
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as staging:
        for relative, text in files.items():
            path = Path(staging) / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf8")
        if target.exists():
            target.rmdir()
        shutil.move(staging, target)
        Path(staging).mkdir()  # TemporaryDirectory cleans up what is now an empty folder
    return [target / relative for relative in files]
