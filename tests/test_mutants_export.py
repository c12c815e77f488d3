"""The JSON Resume export of every kind of record, compared whole with what this test
expects of its own records: found by mutation testing (scripts/mutation.py), where the
export's tests checked fields one by one and left the rest free to change."""

from __future__ import annotations

from typing import Any

from cv_ext.core.dates import Date, make_period, parse_period
from cv_ext.core.metrics import parse_metric
from cv_ext.core.records import Achievement, Entry, Item, Project, Publication, Records, Talk
from cv_ext.outputs.export.jsonresume import (
    SCHEMA_URL,
    compact,
    project_json,
    schema,
    to_resume,
)

PERSON = Item(
    id="me",
    kind="person",
    title="Ada Example",
    summary="Builds things.",
    fields=(
        ("label", "Engineer"),
        ("email", "ada@example.org"),
        ("url", "https://ada.example"),
        ("city", "Berlin"),
        ("country-code", "DE"),
        ("postal-code", "10115"),
        (
            "profiles",
            "GitHub | ada | https://github.com/ada\n\nMastodon|ada|https://m.example/@ada",
        ),
    ),
    extra='{"x-pronouns": "she/her"}',
)


def records() -> Records:
    """One of every kind, declared out of date order, on two pages."""
    return Records(
        entries=[
            Entry(
                id="acme",
                title="Engineer",
                org="Acme",
                period=make_period("2020-03", "present"),
                url="https://acme.example",
                location="Berlin",
                tags=("rust",),
                highlights=("Shipped it",),
                summary="Networking.",
                docname="jobs",
                lineno=1,
            ),
            Entry(
                id="gap",
                title="Tutor",
                org="Club",
                period=make_period("2015", "2016"),
                kind="volunteering",
                docname="jobs",
                lineno=2,
            ),
            Entry(
                id="neqo",
                title="",
                org="Mozilla",
                period=make_period("2023-01", "2023-06"),
                employer=False,
                tags=("quic",),
                docname="jobs",
                lineno=3,
            ),
            Entry(
                id="uni",
                title="BSc Computer Science",
                org="TU",
                period=make_period("2010", "2014"),
                kind="education",
                score="1.3",
                docname="jobs",
                lineno=4,
            ),
            Entry(
                id="msc",
                title="MSc in Networks",
                org="TU",
                period=make_period("2014", "2016"),
                kind="education",
                area="Networks",
                docname="jobs",
                lineno=5,
            ),
        ],
        achievements=[
            Achievement(
                id="fast",
                title="Faster",
                date=Date(2021, 5),
                metrics=(parse_metric("latency: 10 ms -> 5 ms"),),
                entry="acme",
            ),
            Achievement(id="prize", title="Prize", date=Date(2019), awarder="Jury", summary="Won."),
            Achievement(id="rel", title="Release", date=Date(2022), project="udp"),
        ],
        projects=[
            Project(
                id="udp",
                title="Fast UDP",
                period=make_period("2022-01", "2022-03"),
                summary="Batching.",
                roles=("author",),
                entity="Mozilla",
                type="library",
                tags=("quic",),
                docname="p",
                lineno=9,
            )
        ],
        talks=[
            Talk(
                id="t",
                title="A talk",
                date=Date(2023, 2, 5),
                end=Date(2023, 2, 6),
                event="FOSDEM",
                video="https://v.example/t",
                docname="p",
                lineno=3,
            )
        ],
        publications=[
            Publication(id="paper", title="Paper", date=Date(2020), venue="ACM", doi="10.1/x")
        ],
        items=[
            PERSON,
            Item(id="aw", kind="award", title="Medal", fields=(("date", "2018"),)),
            Item(id="c", kind="certificate", title="CCNA", fields=(("issuer", "Cisco"),)),
            Item(id="de", kind="language", title="German", fields=(("fluency", "Native"),)),
            Item(
                id="i", kind="interest", title="Skiing", fields=(("keywords", "alpine, touring"),)
            ),
            Item(id="r", kind="reference", title="Bob", summary="Great."),
        ],
    )


EXPECTED: dict[str, Any] = {
    "$schema": SCHEMA_URL,
    "basics": {
        "name": "Ada Example",
        "label": "Engineer",
        "email": "ada@example.org",
        "url": "https://ada.example",
        "summary": "Builds things.",
        "location": {"postalCode": "10115", "city": "Berlin", "countryCode": "DE"},
        "profiles": [
            {"network": "GitHub", "username": "ada", "url": "https://github.com/ada"},
            {"network": "Mastodon", "username": "ada", "url": "https://m.example/@ada"},
        ],
        "x-pronouns": "she/her",
    },
    "work": [
        {
            "name": "Acme",
            "position": "Engineer",
            "url": "https://acme.example",
            "location": "Berlin",
            "startDate": "2020-03",
            "summary": "Networking.",
            "highlights": ["Shipped it", "Faster (2021-05): latency: 10 ms → 5 ms (÷2)"],
            "keywords": ["rust"],
        }
    ],
    "volunteer": [
        {
            "organization": "Club",
            "position": "Tutor",
            "startDate": "2015",
            "endDate": "2016",
        }
    ],
    "education": [
        {
            "institution": "TU",
            "studyType": "BSc Computer Science",
            "startDate": "2010",
            "endDate": "2014",
            "score": "1.3",
        },
        {"institution": "TU", "area": "Networks", "startDate": "2014", "endDate": "2016"},
    ],
    "awards": [
        {"title": "Prize", "date": "2019", "awarder": "Jury", "summary": "Won."},
        {"title": "Medal", "date": "2018"},
    ],
    "certificates": [{"name": "CCNA", "issuer": "Cisco"}],
    "publications": [
        {
            "name": "Paper",
            "publisher": "ACM",
            "releaseDate": "2020",
            "url": "https://doi.org/10.1/x",
        }
    ],
    "skills": [{"name": "quic"}, {"name": "rust"}],
    "languages": [{"language": "German", "fluency": "Native"}],
    "interests": [{"name": "Skiing", "keywords": ["alpine", "touring"]}],
    "references": [{"name": "Bob", "reference": "Great."}],
    "projects": [
        {
            "name": "A talk",
            "startDate": "2023-02-05",
            "endDate": "2023-02-06",
            "url": "https://v.example/t",
            "entity": "FOSDEM",
            "type": "talk",
        },
        {
            "name": "Fast UDP",
            "description": "Batching.",
            "keywords": ["quic"],
            "startDate": "2022-01",
            "endDate": "2022-03",
            "roles": ["author"],
            "entity": "Mozilla",
            "type": "library",
        },
        {
            "name": "Mozilla",
            "keywords": ["quic"],
            "startDate": "2023-01",
            "endDate": "2023-06",
            "entity": "Mozilla",
            "type": "contribution",
        },
    ],
    "meta": {"canonical": "https://ada.example/", "version": "v1.0.0"},
}


def test_every_kind_of_record_is_exported_exactly() -> None:
    resume = to_resume(records(), canonical="https://ada.example/")
    assert resume == EXPECTED
    assert list(resume) == list(EXPECTED)


def test_declared_skills_replace_the_tags_and_extra_fields_are_added() -> None:
    declared = records()
    declared.items.append(
        Item(
            id="s",
            kind="skill",
            title="Networking",
            fields=(("level", "Expert"), ("keywords", "QUIC, TCP")),
            extra='{"x-years": 9}',
        )
    )
    resume = to_resume(declared, last_modified="2024-09-23", extra={"x-site": 1, "meta": {}})
    assert resume["skills"] == [
        {"name": "Networking", "level": "Expert", "keywords": ["QUIC", "TCP"], "x-years": 9}
    ]
    assert resume["meta"] == {"version": "v1.0.0", "lastModified": "2024-09-23"}
    assert resume["x-site"] == 1


def test_an_empty_cv_exports_only_the_schema_and_version() -> None:
    assert to_resume(Records()) == {"$schema": SCHEMA_URL, "meta": {"version": "v1.0.0"}}


def test_the_vendored_schema_is_json_resume_1_0() -> None:
    assert schema()["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "basics" in schema()["properties"]


# --- second round: every field filled, every record with extra fields, dates left out -------


def full_records() -> Records:
    """Every field the export writes, filled; each record with one extra field."""
    return Records(
        entries=[
            Entry(
                id="w",
                title="Dev",
                org="W",
                period=make_period("2020", "2021"),
                description="Desc",
                url="https://w.example",
                summary="Sum",
                highlights=("H",),
                tags=("ss", "ß"),
                extra='{"x-w": 1}',
            ),
            Entry(
                id="v",
                title="Coach",
                org="V",
                period=make_period("2015", "2016"),
                kind="volunteering",
                url="https://v.example",
                summary="Sum",
                highlights=("H",),
                tags=("t",),
                extra='{"x-v": 1}',
            ),
            Entry(
                id="e",
                title="BSc",
                org="E",
                period=make_period("2010", "2014"),
                kind="education",
                url="https://e.example",
                study_type="Bachelor",
                highlights=("Course",),
                tags=("k",),
                extra='{"x-e": 1}',
            ),
            Entry(
                id="c",
                title="Maintainer",
                org="C",
                period=make_period("2022", "2023"),
                employer=False,
                summary="Sum",
                url="https://c.example",
                highlights=("H",),
                extra='{"x-c": 1}',
            ),
        ],
        achievements=[
            Achievement(
                id="a",
                title="Two",
                date=Date(2021),
                entry="w",
                metrics=(parse_metric("p50: ×2"), parse_metric("p99: ÷2")),
            ),
            Achievement(id="u", title="Undated", date=None),
        ],
        projects=[
            Project(
                id="p",
                title="P",
                period=make_period("2019", "2020"),
                highlights=("H",),
                url="https://p.example",
                extra='{"x-p": 1}',
                docname="a",
            )
        ],
        talks=[
            Talk(
                id="t",
                title="T",
                date=None,
                summary="Sum",
                tags=("t",),
                highlights=("H",),
                extra='{"x-t": 1}',
                docname="b",
            )
        ],
        publications=[
            Publication(
                id="b",
                title="B",
                date=None,
                summary="Sum",
                url="https://b.example",
                extra='{"x-b": 1}',
            )
        ],
        items=[
            Item(
                id="me",
                kind="person",
                title="Me",
                fields=(("image", "me.png"), ("phone", "+49 1")),
            ),
            Item(
                id="aw",
                kind="award",
                title="Medal",
                summary="Sum",
                fields=(("date", "2018"), ("awarder", "Jury")),
                extra='{"x-aw": 1}',
            ),
            Item(
                id="ce",
                kind="certificate",
                title="Cert",
                fields=(("date", "2019"), ("url", "https://ce.example")),
                extra='{"x-ce": 1}',
            ),
            Item(id="de", kind="language", title="German", extra='{"x-l": 1}'),
            Item(id="in", kind="interest", title="Ski", extra='{"x-i": 1}'),
            Item(id="re", kind="reference", title="Bob", extra='{"x-r": 1}'),
        ],
    )


FULL: dict[str, Any] = {
    "$schema": SCHEMA_URL,
    "basics": {"name": "Me", "image": "me.png", "phone": "+49 1"},
    "work": [
        {
            "name": "W",
            "position": "Dev",
            "url": "https://w.example",
            "description": "Desc",
            "startDate": "2020",
            "endDate": "2021",
            "summary": "Sum",
            "highlights": ["H", "Two (2021): p50: ×2; p99: ÷2"],
            "keywords": ["ss", "ß"],
            "x-w": 1,
        }
    ],
    "volunteer": [
        {
            "organization": "V",
            "position": "Coach",
            "url": "https://v.example",
            "startDate": "2015",
            "endDate": "2016",
            "summary": "Sum",
            "highlights": ["H"],
            "keywords": ["t"],
            "x-v": 1,
        }
    ],
    "education": [
        {
            "institution": "E",
            "url": "https://e.example",
            "studyType": "Bachelor",
            "startDate": "2010",
            "endDate": "2014",
            "courses": ["Course"],
            "keywords": ["k"],
            "x-e": 1,
        }
    ],
    "awards": [
        {"title": "Undated"},
        {"title": "Medal", "date": "2018", "awarder": "Jury", "summary": "Sum", "x-aw": 1},
    ],
    "certificates": [{"name": "Cert", "date": "2019", "url": "https://ce.example", "x-ce": 1}],
    "publications": [{"name": "B", "url": "https://b.example", "summary": "Sum", "x-b": 1}],
    # one skill per tag in lowercase ("SS" would be both of the first two)
    "skills": [{"name": "k"}, {"name": "ss"}, {"name": "t"}, {"name": "ß"}],
    "languages": [{"language": "German", "x-l": 1}],
    "interests": [{"name": "Ski", "x-i": 1}],
    "references": [{"name": "Bob", "x-r": 1}],
    "projects": [
        {
            "name": "P",
            "highlights": ["H"],
            "startDate": "2019",
            "endDate": "2020",
            "url": "https://p.example",
            "x-p": 1,
        },
        {
            "name": "T",
            "description": "Sum",
            "keywords": ["t"],
            "highlights": ["H"],
            "type": "talk",
            "x-t": 1,
        },
        {
            "name": "Maintainer",
            "description": "Sum",
            "highlights": ["H"],
            "startDate": "2022",
            "endDate": "2023",
            "url": "https://c.example",
            "entity": "C",
            "type": "contribution",
            "x-c": 1,
        },
    ],
    "meta": {"version": "v1.0.0"},
}


def test_every_field_and_every_extra_field_is_exported() -> None:
    assert to_resume(full_records()) == FULL


def test_a_project_alone_is_dated_by_its_first_span() -> None:
    project = Project(id="p", title="P", period=parse_period("2019 - 2020, 2022 - present"))
    assert project_json(project)["startDate"] == "2019"
    assert project_json(project)["endDate"] == "2020"
    assert project_json(project, {"startDate": "2022"})["startDate"] == "2022"


def test_compact_drops_empty_list_items() -> None:
    assert compact(["", "a", [], {}, None, {"b": ""}]) == ["a"]


def test_records_without_a_period_and_a_talks_roles() -> None:
    records = Records(
        entries=[Entry(id="w", title="Dev", org="W", period=None)],
        projects=[Project(id="p", title="P", period=None)],
        talks=[Talk(id="t", title="T", date=None, roles=("speaker",))],
    )
    resume = to_resume(records)
    assert resume["work"] == [{"name": "W", "position": "Dev"}]
    assert resume["projects"] == [
        {"name": "P"},
        {"name": "T", "roles": ["speaker"], "type": "talk"},
    ]
    assert "startDate" not in project_json(records.projects[0])
