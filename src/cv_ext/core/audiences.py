"""Audiences: named selections of the CV by evidence, kinds and a date horizon. Free of Sphinx.

Tailoring only selects and orders. It never rewrites a sentence or merges two
facts, and it never hides a job: every timeline entry of a section is in the
selection, in full when its evidence for the audience reaches the threshold
(:func:`score`), else condensed to one line, all in date order. The work history
is always a section.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from cv_ext.core.dates import Date, months_covered, parse_date
from cv_ext.core.errors import ParseError
from cv_ext.core.evidence import texts
from cv_ext.core.records import KINDS, Achievement, Entry, Project, Records, Talk
from cv_ext.core.terms import Lexicon, tokens
from cv_ext.core.values import parse_tags
from cv_ext.core.views import newest_first, record_date

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

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
KEYS = ("title", "tags", "kinds", "since", "threshold")
#: the score an object needs to be shown in full, unless the audience sets its own
THRESHOLD = 0.2
#: what a tag of the audience counts for when only an object's text says it
TEXT_WEIGHT = 0.5
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
    #: the score (:func:`score`) an object needs to be shown in full
    threshold: float = THRESHOLD

    def export_name(self) -> str:
        """The file name of this audience's JSON Resume export."""
        return f"cv.{self.name}.json"


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a tailored CV: its records newest first, some entries as one line."""

    kind: str
    #: every record the section shows, newest first, the one-line entries among them
    shown: tuple[Selected, ...] = ()
    #: ids of the timeline entries the audience does not select: one line each, never hidden
    brief: frozenset[str] = frozenset()

    @property
    def label(self) -> str:
        """The section's heading."""
        return SECTIONS[self.kind]

    @property
    def full(self) -> tuple[Selected, ...]:
        """The records shown in full, newest first."""
        return tuple(record for record in self.shown if record.id not in self.brief)

    @property
    def condensed(self) -> tuple[Entry, ...]:
        """The entries shown as one line, newest first."""
        return tuple(r for r in self.shown if isinstance(r, Entry) and r.id in self.brief)

    def is_condensed(self, record: Selected) -> bool:
        """Whether *record* is shown as one line."""
        return record.id in self.brief


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
                result.entries += [
                    dataclasses.replace(
                        entry, summary="", highlights=(), description="", tags=(), extra=""
                    )
                    if section.is_condensed(entry)
                    else entry
                    for entry in section.shown
                    if isinstance(entry, Entry)
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
        threshold = spec.get("threshold", THRESHOLD)
        if isinstance(threshold, bool) or not isinstance(threshold, int | float) or threshold < 0:
            errors.append(f"{where}: 'threshold' must be a number >= 0; using {THRESHOLD}")
            threshold = THRESHOLD
        audiences.append(Audience(name, title.strip(), tags, kinds, since, float(threshold)))
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


def score(
    record: Selected,
    audience: Audience,
    tied: Sequence[Selected] = (),
    lexicon: Lexicon | None = None,
) -> float:
    """How much of *record* is about *audience*: 0 for nothing, 1 and more for all of it.

    Each of the audience's tags counts 1 when the record, or a record *tied* to it (the
    projects, achievements and talks naming a job), carries it as a tag, and
    :data:`TEXT_WEIGHT` when only their text says it (title, body, organisation, event,
    in any spelling of its synonyms). The sum is divided by the number of the record's own
    tags (at least 1): a job with one matching tag among seven is about something else.
    """
    words = lexicon or _built_in()
    wanted = {key for tag in audience.tags if (key := words.key(tag))}
    own = {words.key(tag) for tag in record.tags}
    tagged = own | {words.key(tag) for r in tied for tag in r.tags}
    said: set[tuple[str, ...]] = set()
    for text in (text for r in (record, *tied) for text in texts(r) if text):
        merged = _merged(text) if lexicon is None else _stems_of(words, text)
        said |= {key for key in wanted - said if _holds(merged, key)}
    total = sum(1.0 if key in tagged else TEXT_WEIGHT if key in said else 0.0 for key in wanted)
    return total / max(1, len(own))


def _holds(stems: tuple[str, ...], key: tuple[str, ...]) -> bool:
    """Whether *key* is a run of *stems*."""
    return any(stems[i : i + len(key)] == key for i in range(len(stems) - len(key) + 1))


def _stems_of(lexicon: Lexicon, text: str) -> tuple[str, ...]:
    return tuple(token.stem for token in lexicon.canonical(tokens(text)))


@lru_cache(maxsize=8192)
def _merged(text: str) -> tuple[str, ...]:
    """The stems of *text*, built-in synonyms merged: every page of a build asks again."""
    return _stems_of(_built_in(), text)


@cache
def _built_in() -> Lexicon:
    """The built-in synonyms, read once: an audience's tags meet a text in any spelling."""
    return Lexicon.build()


def tied_records(records: Records) -> dict[str, list[Selected]]:
    """Entry id -> the projects, achievements and talks that name it as their job."""
    tied: dict[str, list[Selected]] = {}
    others: list[Achievement | Project | Talk] = [
        *records.projects,
        *records.achievements,
        *records.talks,
    ]
    for record in others:
        if record.entry:
            tied.setdefault(record.entry, []).append(record)
    return tied


def _recent(record: Selected, audience: Audience, today: Date) -> bool:
    if audience.since is None:
        return True
    return record_date(record, today)[0] >= audience.since.sort_tuple()


def select(records: Records, audience: Audience, today: Date) -> Selection:
    """The CV for *audience*: each section newest first, in full what it is about.

    A timeline entry whose :func:`score` reaches the audience's threshold (and that did
    not end before ``since``) is shown in full; every other entry of its kind is one line,
    in its place by date. Projects, achievements and talks are shown when their score
    reaches the threshold, and left out otherwise. Entries without valid dates are left
    out everywhere, as in every other aggregate.
    """
    tied = tied_records(records)

    def chosen(record: Selected) -> bool:
        relevance = score(
            record, audience, tied.get(record.id, []) if isinstance(record, Entry) else ()
        )
        return relevance >= audience.threshold and _recent(record, audience, today)

    sections = []
    for kind in audience.kinds:
        if kind in KINDS:
            entries = [e for e in records.entries if e.kind == kind and e.period is not None]
            ordered = [e for e in newest_first(entries, today) if isinstance(e, Entry)]
            brief = frozenset(e.id for e in ordered if not chosen(e))
            sections.append(Section(kind, tuple(ordered), brief))
            continue
        pool: list[Selected]
        if kind == "project":
            pool = [p for p in records.projects if p.period is not None]
        elif kind == "achievement":
            pool = [a for a in records.achievements if a.date is not None]
        else:
            pool = [t for t in records.talks if t.date is not None]
        shown = tuple(
            record
            for record in newest_first(pool, today)
            if isinstance(record, Selected) and chosen(record)
        )
        sections.append(Section(kind, shown))
    return Selection(audience, tuple(sections))


def skills(selection: Selection, today: Date) -> list[str]:
    """The tags of what *selection* shows in full, lowercased, ranked by its own evidence.

    How many of the records shown in full carry a tag first, then the months of the
    selected work carrying it (overlaps counted once), then the tag: the skills line of
    this audience's CV, where what runs through the selection comes before one job's tag.
    """
    full = [record for section in selection.sections for record in section.full]
    carriers: dict[str, list[Selected]] = {}
    for record in full:
        for tag in dict.fromkeys(tag.lower() for tag in record.tags):
            carriers.setdefault(tag, []).append(record)

    def months(tag: str) -> int:
        spans = [
            span
            for record in carriers[tag]
            if isinstance(record, Entry) and record.kind == "work" and record.period
            for span in record.period.spans
        ]
        return months_covered(spans, today)

    return sorted(carriers, key=lambda tag: (-len(carriers[tag]), -months(tag), tag))
