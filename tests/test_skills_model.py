"""The Sphinx-free side of issue 22: skills apart by jobs and contributions, labels of tags,
open ends and single days, the order of dated records, mentions named by title."""

from __future__ import annotations

import pytest

from cv_ext.core.dates import Date, Period, Span, make_period, parse_end, parse_period
from cv_ext.core.errors import ParseError
from cv_ext.core.mentions import mention, resolve, resolved
from cv_ext.core.records import Entry, Item, Project, Records, Talk
from cv_ext.core.tags import default_label, label_id, labelled, tag_label, tag_labels
from cv_ext.core.views import (
    build_views,
    is_featured,
    newest_first,
    strongest_evidence,
)
from cv_ext.outputs.export.jsonresume import to_resume

TODAY = Date(2024, 9, 23)


def entry(name: str, start: str, end: str, *tags: str, employer: bool = True, **kw: str) -> Entry:
    return Entry(
        id=name,
        title="Engineer",
        org=kw.get("org", name.title()),
        period=make_period(start, end),
        kind=kw.get("kind", "work"),
        employer=employer,
        tags=tags,
        docname="jobs",
        lineno=len(name),
    )


# --- a contribution is not a job ---------------------------------------------------------------


def sites_records() -> Records:
    return Records(
        entries=[
            entry("mozilla", "2024-06", "2024-11", "quic", "rust"),
            entry("neqo", "2023-12", "2024-05", "quic", employer=False, org="Mozilla"),
            entry("parity", "2019-07", "2021-02", "rust", "hiring"),
            entry("ski", "2017", "present", "skiing", kind="volunteering"),
        ],
        projects=[
            Project(
                id="udp",
                title="Fast UDP",
                period=make_period("2024-06", "2024-11"),
                tags=("quic", "rust"),
                docname="projects/udp",
            )
        ],
        talks=[
            Talk(id="t", title="A talk", date=Date(2023, 2, 5), tags=("quic",), docname="talks")
        ],
        items=[
            Item(id=label_id("quic"), kind="tag", title="QUIC", fields=(("tag", "quic"),)),
        ],
    )


def test_contribution_time_is_counted_apart_from_job_time() -> None:
    views = build_views(sites_records(), {}, TODAY)
    assert views.skill_job_months["quic"] == 6  # the fixed-term job alone
    assert views.skill_contribution_months["quic"] == 6  # the neqo contribution, apart
    assert views.skill_job_months["rust"] == 6 + 20
    assert views.skill_contribution_months["rust"] == 0


def test_ranking_by_jobs_then_contributions_then_items() -> None:
    views = build_views(sites_records(), {}, TODAY)
    # rust: 26 months in jobs; hiring: 20; quic: 6 in jobs (and 6 contributing)
    assert views.work_skills == ["rust", "hiring", "quic"]
    assert views.other_skills == ["skiing"]


def test_featured_skills_have_time_and_more_than_one_item() -> None:
    views = build_views(sites_records(), {}, TODAY)
    assert is_featured(views, "rust") and is_featured(views, "quic")
    assert not is_featured(views, "hiring")  # one job's tag list alone
    assert not is_featured(views, "skiing")  # no time in jobs or contributions


def test_strongest_evidence_takes_one_of_each_kind_in_turn() -> None:
    views = build_views(sites_records(), {}, TODAY)
    quic = strongest_evidence(views, "quic", TODAY, count=4)
    assert [r.id for r in quic] == ["mozilla", "neqo", "udp", "t"]
    rust = strongest_evidence(views, "rust", TODAY)
    assert [r.id for r in rust] == ["parity", "udp"]  # the longest job, then a project


# --- labels ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "label"),
    [
        ("hole-punching", "hole punching"),
        ("lock_free", "lock free"),
        ("rust", "rust"),
        ("-", "-"),
        ("Testing-Library", "Testing-Library"),  # written as a label already
        ("Node.js", "Node.js"),
    ],
)
def test_default_label_is_the_tags_words(tag: str, label: str) -> None:
    assert default_label(tag) == label


def test_declared_labels_win_and_keep_the_tag_as_id() -> None:
    records = sites_records()
    labels = tag_labels(records)
    assert labels == {"quic": "QUIC"}
    assert tag_label("QUIC", labels) == "QUIC"
    assert tag_label("hole-punching", labels) == "hole punching"
    views = build_views(records, {}, TODAY)
    assert views.skill_names["quic"] == "QUIC"
    assert "quic" in views.skills  # the id stays the tag
    relabelled = labelled(records)
    assert relabelled.projects[0].tags == ("QUIC", "rust")
    assert relabelled.entries[0].id == "mozilla"


def test_cv_json_keywords_are_labels() -> None:
    resume = to_resume(sites_records())
    assert resume["projects"][0]["keywords"] == ["QUIC", "rust"]
    assert {"name": "QUIC"} in resume["skills"]


# --- open ends and single days ---------------------------------------------------------------


@pytest.mark.parametrize("word", ["unknown", "Unknown", "open"])
def test_an_end_can_be_unknown(word: str) -> None:
    assert parse_end(word) == "unknown"


def test_a_span_with_an_unknown_end_claims_only_its_start() -> None:
    period = make_period("2018-08-17", "unknown")
    span = period.spans[0]
    assert span.open_ended and not span.ongoing
    assert span.end_date(TODAY) == Date(2018, 8, 17)
    assert period.duration(TODAY) == ""  # no length is claimed
    assert period.text() == "2018-08-17 - unknown"
    assert parse_period(period.text()) == period


def test_an_unknown_end_must_be_the_last() -> None:
    with pytest.raises(ParseError, match="unknown end"):
        parse_period("2017 - unknown, 2019 - 2020")


def test_two_days_are_two_days_not_a_stretch() -> None:
    period = parse_period("2020-07-14, 2020-07-19")
    assert period.spans == (Span(Date(2020, 7, 14)), Span(Date(2020, 7, 19)))
    assert period.duration(TODAY) == ""
    with pytest.raises(ParseError, match="overlap"):
        parse_period("2020-07, 2020-07-19")  # the month holds the day


def test_exports_of_an_open_end_and_of_two_days() -> None:
    club = Project(id="club", title="Club", period=make_period("2018-08-17", "unknown"))
    days = Project(id="days", title="Days", period=parse_period("2020-07-14, 2020-07-19"))
    resume = to_resume(Records(projects=[club, days]))
    assert resume["projects"] == [
        {"name": "Club", "startDate": "2018-08-17"},
        {"name": "Days", "startDate": "2020-07-14", "endDate": "2020-07-14"},
        {"name": "Days", "startDate": "2020-07-19", "endDate": "2020-07-19"},
    ]


# --- one rule for dates known only to their year --------------------------------------------


def test_a_year_only_date_comes_after_the_precise_dates_of_its_year() -> None:
    talks = [
        Talk(id="year", title="2017", date=Date(2017), docname="t", lineno=1),
        Talk(id="day", title="22 Oct", date=Date(2017, 10, 22), docname="t", lineno=2),
        Talk(id="jan", title="Jan", date=Date(2017, 1), docname="t", lineno=3),
        Talk(id="next", title="2018", date=Date(2018), docname="t", lineno=4),
    ]
    assert [t.id for t in newest_first(talks, TODAY)] == ["next", "day", "jan", "year"]


# --- references inside text -------------------------------------------------------------------


def test_mentions_are_named_by_title_in_the_views() -> None:
    text = f"Projects: {mention('project', 'udp')}, {mention('project', 'ghost')}."
    assert resolve(text, lambda kind, target: None) == "Projects: udp, ghost."
    records = sites_records()
    job = records.entries[0]
    records.entries[0] = Entry(**{**_fields(job), "summary": text})
    views = build_views(records, {}, TODAY)
    assert views.declared.entries[0].summary == "Projects: Fast UDP, ghost."
    assert resolved(Records()).entries == []


def _fields(record: Entry) -> dict[str, object]:
    return {name: getattr(record, name) for name in record.__slots__}


def test_a_year_alone_still_says_no_length() -> None:
    assert Period((Span(Date(2020)),)).duration(TODAY) == ""
    assert Period((Span(Date(2020, 6)),)).duration(TODAY) == "1 mo"
