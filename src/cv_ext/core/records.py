"""The records the ``cv`` domain holds: one frozen dataclass per object type, free of Sphinx.

They are pickled with the build environment and compared to detect changes,
so they hold only plain values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cv_ext.core.pickling import quick_pickle

if TYPE_CHECKING:
    from collections.abc import Callable

    from cv_ext.core.dates import Date, Period
    from cv_ext.core.metrics import Metric

#: timeline kinds and how they are shown
KINDS: dict[str, str] = {"work": "Work", "education": "Education", "volunteering": "Volunteering"}
#: how a person relates to a project, as :roles: may say; schema.org has a property for each
RELATIONSHIPS = ("creator", "maintainer", "contributor")


@quick_pickle
@dataclass(frozen=True, slots=True)
class Entry:
    """A timeline entry: a job, a degree, a volunteer role."""

    id: str
    title: str
    #: the employer, school or project; "" where the CV names none (volunteering, education)
    org: str
    #: None when the dates were invalid: the entry renders but is never aggregated
    period: Period | None
    kind: str = "work"
    #: work only: False when :org: is the organisation the role served, not an employer
    #: (an open-source contribution, say); the exports then claim no employment
    employer: bool = True
    location: str = ""
    url: str = ""
    tags: tuple[str, ...] = ()
    #: what the organisation is (JSON Resume ``description``)
    description: str = ""
    #: the body's paragraphs and bullet points, as plain text
    summary: str = ""
    highlights: tuple[str, ...] = ()
    #: education only: field of study, kind of degree, grade
    area: str = ""
    study_type: str = ""
    score: str = ""
    #: fields beside those cv_ext shows, as a JSON object: the export writes them as they are
    extra: str = ""
    docname: str = ""
    anchor: str = ""
    lineno: int = 0

    @property
    def contribution(self) -> bool:
        """Work for an organisation that did not employ the person."""
        return self.kind == "work" and not self.employer


@quick_pickle
@dataclass(frozen=True, slots=True)
class Achievement:
    """A dated, possibly measured result, optionally tied to an entry or a project."""

    id: str
    title: str
    #: None when the date was invalid: the achievement renders but is never aggregated
    date: Date | None
    metrics: tuple[Metric, ...] = ()
    entry: str = ""
    project: str = ""
    url: str = ""
    tags: tuple[str, ...] = ()
    #: who gave the award, for achievements that are awards
    awarder: str = ""
    summary: str = ""
    docname: str = ""
    anchor: str = ""
    lineno: int = 0


@quick_pickle
@dataclass(frozen=True, slots=True)
class Project:
    """A project with a page of its own: its id is also its URL."""

    id: str
    title: str
    #: None when the dates were invalid or missing
    period: Period | None
    summary: str = ""
    url: str = ""
    entry: str = ""
    tags: tuple[str, ...] = ()
    highlights: tuple[str, ...] = ()
    #: the author's roles in the project (in the page's language), the organisation
    #: behind it, and its type
    roles: tuple[str, ...] = ()
    entity: str = ""
    type: str = ""
    #: which of :data:`RELATIONSHIPS` the roles name as written, before translation
    related: tuple[str, ...] = ()
    #: fields beside those cv_ext shows, as a JSON object: the export writes them as they are
    extra: str = ""
    docname: str = ""
    anchor: str = ""
    lineno: int = 0

    def relationships(self) -> tuple[str, ...]:
        """Which of :data:`RELATIONSHIPS` :roles: names; "contributor" when it names none.

        Listing a project claims at least a contribution to it, and nothing more.
        """
        return self.related or relationships(self.roles) or ("contributor",)


def relationships(roles: tuple[str, ...]) -> tuple[str, ...]:
    """Which of :data:`RELATIONSHIPS` the English *roles* name."""
    named = {role.lower() for role in roles}
    return tuple(word for word in RELATIONSHIPS if word in named)


@quick_pickle
@dataclass(frozen=True, slots=True)
class Talk:
    """A talk given at an event, possibly presenting projects."""

    id: str
    title: str
    #: None when the date was invalid or missing
    date: Date | None
    event: str = ""
    event_url: str = ""
    #: the last day of a talk over several days (JSON Resume ``endDate``)
    end: Date | None = None
    #: the speaker's roles (JSON Resume ``roles``) and the points made (``highlights``)
    roles: tuple[str, ...] = ()
    highlights: tuple[str, ...] = ()
    video: str = ""
    slides: str = ""
    projects: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()  # co-speakers, from :with:
    entry: str = ""
    tags: tuple[str, ...] = ()
    summary: str = ""
    #: fields beside those cv_ext shows, as a JSON object: the export writes them as they are
    extra: str = ""
    docname: str = ""
    anchor: str = ""
    lineno: int = 0


@quick_pickle
@dataclass(frozen=True, slots=True)
class Publication:
    """A paper, article or book, with its authors as published."""

    id: str
    title: str
    #: None when the date was invalid or missing
    date: Date | None
    #: every author in the order published, the CV's owner among them
    authors: tuple[str, ...] = ()
    #: the conference, journal or publisher
    venue: str = ""
    doi: str = ""
    url: str = ""
    projects: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str = ""
    #: fields beside those cv_ext shows, as a JSON object: the export writes them as they are
    extra: str = ""
    docname: str = ""
    anchor: str = ""
    lineno: int = 0

    @property
    def link(self) -> str:
        """Where to read it: its URL, else its DOI's resolver, else ""."""
        return self.url or (f"https://doi.org/{self.doi}" if self.doi else "")


@quick_pickle
@dataclass(frozen=True, slots=True)
class Item:
    """A simpler CV item: the person, a language, a skill, a publication, a certificate, ...

    *kind* names the directive that declared it; *fields* are its options in order.
    """

    id: str
    kind: str
    title: str
    fields: tuple[tuple[str, str], ...] = ()
    summary: str = ""
    #: fields beside those cv_ext shows, as a JSON object: the export writes them as they are
    extra: str = ""
    docname: str = ""
    anchor: str = ""
    lineno: int = 0

    def get(self, name: str) -> str:
        """The value of field *name*, or ""."""
        return next((value for key, value in self.fields if key == name), "")


@quick_pickle
@dataclass(frozen=True, slots=True)
class Backlink:
    """One place that references an object: another object, or a section of a page."""

    target_type: str
    target: str
    docname: str
    anchor: str
    #: the referencing object's type, or "" for a plain section of a page
    source_type: str
    source: str
    label: str
    order: int  # position in its document, for a stable order


@quick_pickle
@dataclass(frozen=True, slots=True)
class Alias:
    """An old name of an object: an id that references may still use, or a page it was on.

    *old* is the old id (in ``aliases``) or the old page's docname (in ``moved``); the
    object is now *target* of type *objtype*, declared at *docname*, *lineno*.
    """

    objtype: str
    old: str
    target: str
    docname: str
    lineno: int


#: objects with a role, a search entry and an intersphinx entry
Linkable = Entry | Achievement | Project | Talk | Publication
#: the domain's name of each record class
OBJECT_TYPES: dict[type, str] = {
    Entry: "entry",
    Achievement: "achievement",
    Project: "project",
    Talk: "talk",
    Publication: "publication",
    Item: "item",
}
Record = Linkable | Item


@dataclass
class Records:
    """Every record of a build, each list in declaration order (page, then line)."""

    entries: list[Entry] = field(default_factory=list)
    achievements: list[Achievement] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    talks: list[Talk] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Item]:
        """Items declared by the ``kind`` directive."""
        return [item for item in self.items if item.kind == kind]

    def map(self, change: Callable[[Any], Any]) -> Records:
        """Every record passed through *change*, which returns a record of the same type.

        One place lists the kinds, so that a new kind of record reaches every copy.
        """
        return Records(
            entries=[change(r) for r in self.entries],
            achievements=[change(r) for r in self.achievements],
            projects=[change(r) for r in self.projects],
            talks=[change(r) for r in self.talks],
            publications=[change(r) for r in self.publications],
            items=[change(r) for r in self.items],
        )


def display_title(record: Record) -> str:
    """How a reference to *record* reads: "Position, Org" or the object's title."""
    if isinstance(record, Entry) and record.org:
        return f"{record.title}, {record.org}" if record.title else record.org
    return record.title
