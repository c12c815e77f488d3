"""The JSON Resume export of every kind of record, compared whole with what this test
expects of its own records: found by mutation testing (scripts/mutation.py), where the
export's tests checked fields one by one and left the rest free to change."""

from __future__ import annotations

from typing import Any

from cv_ext.core.dates import Date, make_period
from cv_ext.core.metrics import parse_metric
from cv_ext.core.records import Achievement, Entry, Item, Project, Publication, Records, Talk
from cv_ext.outputs.export.jsonresume import SCHEMA_URL, schema, to_resume

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
