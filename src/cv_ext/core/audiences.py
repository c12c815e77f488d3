"""Audiences: named selections of the CV by tags, kinds and a date horizon. Free of Sphinx.

Tailoring only selects and orders. It never rewrites a sentence or merges two
facts, and it never hides a job: every timeline entry of a section is in the
selection, in full when it carries one of the audience's tags, else condensed to
one line. The work history is always a section.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cv_ext.core.dates import Date, parse_date
from cv_ext.core.errors import ParseError
from cv_ext.core.records import KINDS, Achievement, Entry, Project, Records, Talk
from cv_ext.core.values import parse_tags
from cv_ext.core.views import newest_first, record_date

if TYPE_CHECKING:
    from collections.abc import Iterable

#: the sections of a tailored CV, in their default order: timeline kinds and object types
SECTIONS: dict[str, str] = {
    "work": "Work",
    "project": "Projects",
    "achievement": "Achievements",
    "talk": "Talks",
    "volunteering": "Volunteering",
    "education": "Education",
}
#: the keys an audience may declare
KEYS = ("title", "tags", "kinds", "since")
_NAME_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

Selected = Entry | Achievement | Project | Talk


@dataclass(frozen=True, slots=True)
class Audience:
    """A named audience: its title, the tags it selects, its sections and date horizon."""

    name: str
    title: str
    tags: tuple[str, ...]
    #: the sections shown, in this order; "work" is always one of them
    kinds: tuple[str, ...] = tuple(SECTIONS)
    #: objects older than this are not selected (entries are condensed, never dropped)
    since: Date | None = None

    def export_name(self) -> str:
        """The file name of this audience's JSON Resume export."""
        return f"cv.{self.name}.json"


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a tailored CV: the records shown in full, then entries as one line."""

    kind: str
    full: tuple[Selected, ...] = ()
    #: timeline entries the audience does not select: one line each, never hidden
    condensed: tuple[Entry, ...] = ()

    @property
    def label(self) -> str:
        """The section's heading."""
        return SECTIONS[self.kind]


@dataclass(frozen=True, slots=True)
class Selection:
    """What an audience sees: its sections, in the order it declared them."""

    audience: Audience
    sections: tuple[Section, ...]

    def section(self, kind: str) -> Section | None:
        """The section of *kind*, if the audience shows it."""
        return next((section for section in self.sections if section.kind == kind), None)

    def records(self, items: Iterable[Any] = ()) -> Records:
        """The selection as records for an export, condensed entries without their text.

        A condensed entry keeps its position, organisation and dates (the one line the
        page shows); *items* (person, languages, ...) pass through unchanged.
        """
        result = Records(items=list(items))
        for section in self.sections:
            if section.kind in KINDS:
                result.entries += [r for r in section.full if isinstance(r, Entry)]
                result.entries += [
                    dataclasses.replace(
                        entry, summary="", highlights=(), description="", tags=(), extra=""
                    )
                    for entry in section.condensed
                ]
            elif section.kind == "project":
                result.projects += [r for r in section.full if isinstance(r, Project)]
            elif section.kind == "achievement":
                result.achievements += [r for r in section.full if isinstance(r, Achievement)]
            else:
                result.talks += [r for r in section.full if isinstance(r, Talk)]
        return result


def parse_audiences(value: object) -> tuple[list[Audience], list[str]]:
    """The valid audiences of a ``cv_audiences`` value, and one message per problem.

    An audience with a bad name, title or tags is left out; a bad ``kinds`` entry or
    ``since`` is ignored and the rest of the audience kept.
    """
    if not isinstance(value, dict):
        return [], [f"cv_audiences must be a dict of name -> audience, not {type(value).__name__}"]
    audiences, errors = [], []
    for name, spec in value.items():
        where = f"cv_audiences[{name!r}]"
        if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
            errors.append(f"{where}: the name must be lowercase letters, digits and hyphens")
            continue
        if not isinstance(spec, dict):
            errors.append(f"{where}: must be a dict with 'title' and 'tags'")
            continue
        errors += [f"{where}: unknown key {key!r}" for key in spec if key not in KEYS]
        title = spec.get("title")
        if not isinstance(title, str) or not title.strip():
            errors.append(f"{where}: 'title' must be a non-empty string")
            continue
        tags = _strings(spec.get("tags"))
        if not tags:
            errors.append(f"{where}: 'tags' must be a non-empty list of tags")
            continue
        kinds, kind_errors = _kinds(spec.get("kinds"))
        errors += [f"{where}: {error}" for error in kind_errors]
        since = None
        if spec.get("since") is not None:
            try:
                since = parse_date(str(spec["since"]))
            except ParseError as error:
                errors.append(f"{where}: 'since': {error}; no horizon")
        audiences.append(Audience(name, title.strip(), tags, kinds, since))
    return audiences, errors


def _strings(value: object) -> tuple[str, ...]:
    """A comma-separated string or a list of strings, as lowercase tags; () if neither."""
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        value = ", ".join(value)
    if not isinstance(value, str):
        return ()
    return tuple(tag.lower() for tag in parse_tags(value))


def _kinds(value: object) -> tuple[tuple[str, ...], list[str]]:
    if value is None:
        return tuple(SECTIONS), []
    given = _strings(value)
    if not given:
        return tuple(SECTIONS), [f"'kinds' must be a list of {', '.join(SECTIONS)}"]
    errors = [f"unknown kind {kind!r} in 'kinds'" for kind in given if kind not in SECTIONS]
    kinds = tuple(dict.fromkeys(kind for kind in given if kind in SECTIONS))
    if "work" not in kinds:
        # a tailored CV may leave out projects or talks, never the work history
        errors.append("'kinds' must include 'work': the work history is never hidden")
        kinds = ("work", *kinds)
    return kinds, errors


def matches(record: Selected, audience: Audience) -> bool:
    """Whether *record* carries one of the audience's tags."""
    return any(tag.lower() in audience.tags for tag in record.tags)


def _recent(record: Selected, audience: Audience, today: Date) -> bool:
    if audience.since is None:
        return True
    return record_date(record, today)[0] >= audience.since.sort_tuple()


def select(records: Records, audience: Audience, today: Date) -> Selection:
    """The CV for *audience*: each section newest first, entries it selects before the rest.

    A timeline entry carrying one of its tags (and not ended before ``since``) is shown
    in full; every other entry of its kind is condensed to one line. Projects,
    achievements and talks are shown when they carry one of its tags, and left out
    otherwise. Entries without valid dates are left out everywhere, as in every other
    aggregate.
    """
    sections = []
    for kind in audience.kinds:
        if kind in KINDS:
            entries = [e for e in records.entries if e.kind == kind and e.period is not None]
            ordered = [e for e in newest_first(entries, today) if isinstance(e, Entry)]
            chosen = tuple(
                e for e in ordered if matches(e, audience) and _recent(e, audience, today)
            )
            rest = tuple(e for e in ordered if e not in chosen)
            sections.append(Section(kind, chosen, rest))
            continue
        pool: list[Selected]
        if kind == "project":
            pool = [p for p in records.projects if p.period is not None]
        elif kind == "achievement":
            pool = [a for a in records.achievements if a.date is not None]
        else:
            pool = [t for t in records.talks if t.date is not None]
        chosen_objects = tuple(
            record
            for record in newest_first(pool, today)
            if matches(record, audience) and _recent(record, audience, today)
        )
        sections.append(Section(kind, chosen_objects))
    return Selection(audience, tuple(sections))
