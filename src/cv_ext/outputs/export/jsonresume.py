"""JSON Resume (https://jsonresume.org/schema) from the domain's records. Free of Sphinx.

Records map onto the schema's sections as :mod:`cv_ext.cli.importer` maps them
back, so that import, build and export give back the same data.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from cv_ext.core.dates import Date
from cv_ext.core.tags import labelled
from cv_ext.core.values import parse_extra, parse_list, with_extra

if TYPE_CHECKING:
    from cv_ext.core.dates import Period, Span
    from cv_ext.core.records import Achievement, Entry, Item, Project, Records, Talk

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

#: person item fields -> JSON Resume ``basics.location`` keys
LOCATION = {
    "address": "address",
    "postal-code": "postalCode",
    "city": "city",
    "country-code": "countryCode",
    "region": "region",
}


def schema() -> dict[str, Any]:
    """The JSON Resume schema (v1.0.0), vendored with its licence."""
    text = resources.files("cv_ext.outputs.export").joinpath("resume-schema.json").read_text("utf8")
    return dict(json.loads(text))


def compact(value: Any) -> Any:
    """*value* without empty strings, lists and objects: what carries no data."""
    if isinstance(value, dict):
        pairs = ((key, compact(item)) for key, item in value.items())
        return {key: item for key, item in pairs if item not in ("", [], {}, None)}
    if isinstance(value, list):
        return [item for item in (compact(v) for v in value) if item not in ("", [], {}, None)]
    return value


def item(fields: dict[str, Any], extra: str = "") -> dict[str, Any]:
    """One item of a section: its *fields* without empty ones, then its ``:extra:`` fields.

    The extra fields are written as they are (empty ones too); an item left without any
    field stays, as ``{}``, so that every item of a section keeps its place.
    """
    compacted: dict[str, Any] = compact(fields)
    return dict(with_extra(compacted, parse_extra(extra))) if extra else compacted


def dates(period: Period | None) -> dict[str, str]:
    """``startDate``/``endDate`` of a one-span period (of its first span if it has several)."""
    return span_dates(period.spans[0]) if period is not None else {}


def span_dates(span: Span) -> dict[str, str]:
    """``startDate``/``endDate`` of one span; an ongoing one, or one whose end is unknown,
    has no end."""
    end = span.end if span.end is not None else span.start
    return {"startDate": span.start.iso(), "endDate": end.iso() if isinstance(end, Date) else ""}


def spans(period: Period | None) -> list[dict[str, str]]:
    """The dates of each span: a period with a gap is one item per span, as JSON Resume
    has one start and one end per item (so "2017 - 2020, 2022 - present" stays two spans)."""
    return [span_dates(span) for span in period.spans] if period is not None else [{}]


def achievement_line(achievement: Achievement) -> str:
    """An achievement as one highlight: ``Title (2023-11-23): metric; metric``."""
    text = achievement.title
    if achievement.date:
        text += f" ({achievement.date.iso()})"
    if achievement.metrics:
        text += ": " + "; ".join(metric.summary() for metric in achievement.metrics)
    return text


def to_resume(
    records: Records,
    *,
    canonical: str = "",
    last_modified: str = "",
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The JSON Resume document of *records*, their tags as keywords by their labels;
    *extra* adds top-level fields it lacks."""
    records = labelled(records)
    by_entry: dict[str, list[str]] = {}
    awards = []
    for achievement in records.achievements:
        if achievement.entry:
            by_entry.setdefault(achievement.entry, []).append(achievement_line(achievement))
        elif not achievement.project:
            awards.append(
                {
                    "title": achievement.title,
                    "date": achievement.date.iso() if achievement.date else "",
                    "awarder": achievement.awarder,
                    "summary": achievement.summary,
                }
            )

    def highlights(entry: Entry) -> list[str]:
        return [*entry.highlights, *by_entry.get(entry.id, [])]

    resume: dict[str, Any] = {
        "$schema": SCHEMA_URL,
        "basics": basics(records.of_kind("person")),
        "work": [
            item(
                {
                    "name": entry.org,
                    "position": entry.title,
                    "url": entry.url,
                    "location": entry.location,
                    "description": entry.description,
                    **when,
                    "summary": entry.summary,
                    "highlights": highlights(entry),
                    # beside the schema's fields, as resumes write an entry's tags
                    "keywords": list(entry.tags),
                },
                entry.extra,
            )
            for entry in records.entries
            if entry.kind == "work" and entry.employer
            for when in spans(entry.period)
        ],
        "volunteer": [
            item(
                {
                    "organization": entry.org,
                    "position": entry.title,
                    "url": entry.url,
                    **when,
                    "summary": entry.summary,
                    "highlights": highlights(entry),
                    "keywords": list(entry.tags),
                },
                entry.extra,
            )
            for entry in records.entries
            if entry.kind == "volunteering"
            for when in spans(entry.period)
        ],
        "education": [
            item(
                {
                    "institution": entry.org,
                    "url": entry.url,
                    "area": entry.area,
                    # a hand-written degree is often only a title; with an area given, the
                    # title is "type in area" and holds no type of its own to export
                    "studyType": entry.study_type or ("" if entry.area else entry.title),
                    **when,
                    "score": entry.score,
                    "courses": highlights(entry),
                    "keywords": list(entry.tags),
                },
                entry.extra,
            )
            for entry in records.entries
            if entry.kind == "education"
            for when in spans(entry.period)
        ],
        "awards": [item(award) for award in awards]
        + [
            item(
                {
                    "title": award.title,
                    "date": award.get("date"),
                    "awarder": award.get("awarder"),
                    "summary": award.summary,
                },
                award.extra,
            )
            for award in records.of_kind("award")
        ],
        "certificates": [
            item(
                {
                    "name": certificate.title,
                    "date": certificate.get("date"),
                    "issuer": certificate.get("issuer"),
                    "url": certificate.get("url"),
                },
                certificate.extra,
            )
            for certificate in records.of_kind("certificate")
        ],
        "publications": [
            item(
                {
                    "name": publication.title,
                    "publisher": publication.venue,
                    "releaseDate": publication.date.iso() if publication.date else "",
                    "url": publication.link,
                    "summary": publication.summary,
                },
                publication.extra,
            )
            for publication in records.publications
        ],
        "skills": skills(records),
        "languages": [
            item({"language": language.title, "fluency": language.get("fluency")}, language.extra)
            for language in records.of_kind("language")
        ],
        "interests": [
            item(
                {"name": interest.title, "keywords": list(parse_list(interest.get("keywords")))},
                interest.extra,
            )
            for interest in records.of_kind("interest")
        ],
        "references": [
            item({"name": reference.title, "reference": reference.summary}, reference.extra)
            for reference in records.of_kind("reference")
        ],
        # projects and talks in the order they are declared (page, then line)
        "projects": [
            record_json
            for _, record_json in sorted(
                # a project on separate days is one item per span, as an entry with a gap
                [
                    ((p.docname, p.lineno), item(project_json(p, when), p.extra))
                    for p in records.projects
                    for when in spans(p.period)
                ]
                + [((t.docname, t.lineno), item(talk_json(t), t.extra)) for t in records.talks],
                key=lambda pair: pair[0],
            )
        ]
        + [
            item(contribution_json(entry, when, highlights(entry)), entry.extra)
            for entry in records.entries
            if entry.contribution
            for when in spans(entry.period)
        ],
        "meta": compact(
            {"canonical": canonical, "version": "v1.0.0", "lastModified": last_modified}
        ),
    }
    # sections without items go; an item without fields ({}) keeps its place
    kept = {key: value for key, value in resume.items() if value not in ([], {})}
    return dict(with_extra(kept, extra)) if extra else kept


def basics(people: list[Item]) -> dict[str, Any]:
    """``basics`` from the first ``person`` item."""
    if not people:
        return {}
    person = people[0]
    return item(
        {
            "name": person.title,
            **{key: person.get(key) for key in ("label", "image", "email", "phone", "url")},
            "summary": person.summary,
            "location": {key: person.get(name) for name, key in LOCATION.items()},
            "profiles": [
                {"network": network, "username": username, "url": url}
                for network, username, url in (
                    (part.strip() for part in line.split("|"))
                    for line in person.get("profiles").splitlines()
                    if line.strip()
                )
            ],
        },
        person.extra,
    )


def skills(records: Records) -> list[dict[str, Any]]:
    """Declared ``skill`` items; without any, one skill per tag used on the site."""
    declared = records.of_kind("skill")
    if declared:
        return [
            item(
                {
                    "name": skill.title,
                    "level": skill.get("level"),
                    "keywords": list(parse_list(skill.get("keywords"))),
                },
                skill.extra,
            )
            for skill in declared
        ]
    names: dict[str, str] = {}
    every: list[Entry | Achievement | Project | Talk] = [
        *records.entries,
        *records.achievements,
        *records.projects,
        *records.talks,
    ]
    for record in every:
        for tag in record.tags:
            names.setdefault(tag.lower(), tag)
    return [{"name": names[key]} for key in sorted(names)]


def project_json(project: Project, when: dict[str, str] | None = None) -> dict[str, Any]:
    """A project, in the dates *when* of one of its spans (its first span by default)."""
    return {
        "name": project.title,
        "description": project.summary,
        "highlights": list(project.highlights),
        "keywords": list(project.tags),
        **(dates(project.period) if when is None else when),
        "url": project.url,
        "roles": list(project.roles),
        "entity": project.entity,
        "type": project.type,
    }


def talk_json(talk: Talk) -> dict[str, Any]:
    """A talk, as the schema's maintainers advise: a project of type "talk"."""
    return {
        "name": talk.title,
        "description": talk.summary,
        "keywords": list(talk.tags),
        "highlights": list(talk.highlights),
        "startDate": talk.date.iso() if talk.date else "",
        "endDate": talk.end.iso() if talk.end else "",
        "url": talk.event_url or talk.video or talk.slides,
        "roles": list(talk.roles),
        "entity": talk.event,
        "type": "talk",
    }


def contribution_json(entry: Entry, when: dict[str, str], highlights: list[str]) -> dict[str, Any]:
    """Work with ``:employer: no``: a project of type "contribution" for its organisation
    (the ``entity``), not a job, so the export names no employer the CV does not name."""
    return {
        "name": entry.title or entry.org,
        "description": entry.summary,
        "highlights": highlights,
        "keywords": list(entry.tags),
        **when,
        "url": entry.url,
        "entity": entry.org,
        "type": "contribution",
    }
