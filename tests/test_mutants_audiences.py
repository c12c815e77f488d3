"""Audiences without Sphinx, exactly: what mutation testing (scripts/mutation.py) found the
builds of a root left untested or too slow to run per mutant: the selection of each section,
the date horizon, the skills line, an export's records, and the parsing of ``cv_audiences``.

Every expected value is worked out by hand from the records below, not from the code.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from cv_ext.core.audiences import (
    SECTIONS,
    Audience,
    Section,
    Selection,
    _holds,
    _kinds,
    _recent,
    _stems_of,
    parse_audiences,
    score,
    select,
    skills,
    tied_records,
)
from cv_ext.core.dates import Date, parse_period
from cv_ext.core.records import Achievement, Entry, Item, Project, Records, Talk
from cv_ext.core.terms import Lexicon

TODAY = Date(2024, 9, 23)
#: an audience of two tags; the default threshold is 0.2
NET = Audience("net", "Networking", ("quic", "rust"))
#: the same, with a horizon: nothing that ended before 2018 is selected
RECENT = dataclasses.replace(NET, name="recent", since=Date(2018))


def job(key: str, period: str | None, *tags: str, kind: str = "work", **fields: Any) -> Entry:
    """A timeline entry titled after its id, at the organisation "Org"."""
    when = parse_period(period) if period else None
    return Entry(key, key.upper(), "Org", when, kind=kind, tags=tags, **fields)


def project(key: str, period: str | None, *tags: str, entry: str = "") -> Project:
    """A project titled after its id."""
    return Project(
        key, key.upper(), parse_period(period) if period else None, tags=tags, entry=entry
    )


# the work: "now" and "edge" carry a tag of the audience (1 of 1, and 1 of 5: the
# threshold exactly), "mid" none of its 4 but its talk does (1 of 4); "old" nothing
NOW = job("now", "2022-01 - present", "quic")
MID = job("mid", "2019 - 2021", "go", "sql", "c", "java")
EDGE = job("edge", "2017 - 2018", "quic", "go", "sql", "c", "java")
OLD = job(
    "old",
    "2012 - 2016",
    "baking",
    summary="Baked.",
    highlights=("Bread",),
    description="A bakery",
    extra='{"x": 1}',
    location="Berlin",
    url="https://old.example",
)
UNDATED = job("undated", None, "quic")
VOLUNTEERING = job("vol", "2010 - 2011", "rust", kind="volunteering")
SCHOOL = job("school", "2005 - 2009", "baking", kind="education")
# projects: two about the audience, one undated, one about something else, and one with
# the id of the job "mid" (ids are per type): the talk tied to the job is not its evidence
P_NOW = project("p-now", "2023-03 - present", "rust")
P_OLD = project("p-old", "2020", "rust")
P_UNDATED = project("p-undated", None, "rust")
P_OFF = project("p-off", "2021", "baking")
P_MID = project("mid", "2019", "go", "sql", "c", "java")
A_WIN = Achievement("a-win", "A-WIN", Date(2021, 6), entry="mid", tags=("quic",))
A_UNDATED = Achievement("a-undated", "A-UNDATED", None, tags=("quic",))
A_OFF = Achievement("a-off", "A-OFF", Date(2022), tags=("baking",))
T_MID = Talk("t-mid", "T-MID", Date(2020, 5, 14), entry="mid", tags=("quic",))
T_UNDATED = Talk("t-undated", "T-UNDATED", None, tags=("rust",))
T_OFF = Talk("t-off", "T-OFF", Date(2023), tags=("baking",))

CV = Records(
    entries=[OLD, SCHOOL, NOW, UNDATED, EDGE, VOLUNTEERING, MID],
    projects=[P_OLD, P_UNDATED, P_NOW, P_OFF, P_MID],
    achievements=[A_UNDATED, A_WIN, A_OFF],
    talks=[T_OFF, T_MID, T_UNDATED],
)


def sections(selection: Selection) -> list[tuple[str, list[str], list[str]]]:
    """(kind, ids shown in order, ids shown as one line) of each section, in order."""
    return [(s.kind, [r.id for r in s.shown], sorted(s.brief)) for s in selection.sections]


# --- the selection -------------------------------------------------------------------------------


def test_each_section_shows_its_dated_records_newest_first_entries_never_hidden() -> None:
    selection = select(CV, NET, TODAY)
    assert selection.audience == NET
    assert sections(selection) == [
        ("work", ["now", "mid", "edge", "old"], ["old"]),
        ("project", ["p-now", "p-old"], []),
        ("achievement", ["a-win"], []),
        ("talk", ["t-mid"], []),
        ("volunteering", ["vol"], []),
        ("education", ["school"], ["school"]),
    ]


def test_sections_follow_the_audiences_kinds() -> None:
    chosen = dataclasses.replace(NET, kinds=("talk", "work", "education"))
    assert sections(select(CV, chosen, TODAY)) == [
        ("talk", ["t-mid"], []),
        ("work", ["now", "mid", "edge", "old"], ["old"]),
        ("education", ["school"], ["school"]),
    ]


def test_a_higher_threshold_condenses_what_only_reaches_the_default() -> None:
    # now 1, mid 0.25, edge 0.2: at 0.25 edge is one line, at 0.3 mid too
    quarter = select(CV, dataclasses.replace(NET, threshold=0.25), TODAY)
    assert sorted(quarter.sections[0].brief) == ["edge", "old"]
    more = select(CV, dataclasses.replace(NET, threshold=0.3), TODAY)
    assert sorted(more.sections[0].brief) == ["edge", "mid", "old"]


def test_the_horizon_condenses_what_ended_before_it() -> None:
    # edge ended in 2018, after the horizon's first day, though it started before it
    assert sections(select(CV, RECENT, TODAY)) == [
        ("work", ["now", "mid", "edge", "old"], ["old"]),
        ("project", ["p-now", "p-old"], []),
        ("achievement", ["a-win"], []),
        ("talk", ["t-mid"], []),
        ("volunteering", ["vol"], ["vol"]),
        ("education", ["school"], ["school"]),
    ]
    later = dataclasses.replace(NET, since=Date(2021, 7))
    assert sections(select(CV, later, TODAY)) == [
        ("work", ["now", "mid", "edge", "old"], ["edge", "old"]),
        ("project", ["p-now"], []),
        ("achievement", [], []),
        ("talk", [], []),
        ("volunteering", ["vol"], ["vol"]),
        ("education", ["school"], ["school"]),
    ]


@pytest.mark.parametrize(
    ("record", "recent"),
    [
        (Talk("t", "T", Date(2018, 1, 1)), True),  # on the horizon's first day
        (Talk("t", "T", Date(2018)), True),  # the year of the horizon: its first day
        (Talk("t", "T", Date(2017, 12, 31)), False),
        (job("j", "2016 - 2018"), True),  # ended after the horizon, started before it
        (job("j", "2016 - 2017-12"), False),
        (job("j", "2010 - present"), True),  # ongoing: ends today
        (project("p", "2017-06 - present"), True),
    ],
)
def test_recent_is_ending_on_or_after_the_horizon(
    record: Talk | Entry | Project, recent: bool
) -> None:
    assert _recent(record, RECENT, TODAY) is recent
    assert _recent(record, NET, TODAY) is True  # no horizon: everything


def test_tied_records_are_the_projects_achievements_and_talks_naming_a_job() -> None:
    assert tied_records(CV) == {"mid": [A_WIN, T_MID]}
    tied_project = project("lib", "2020", entry="now")
    records = dataclasses.replace(CV, projects=[tied_project, *CV.projects])
    assert tied_records(records) == {"now": [tied_project], "mid": [A_WIN, T_MID]}
    assert tied_records(Records(entries=[NOW])) == {}


# --- the score -----------------------------------------------------------------------------------


def test_score_counts_tags_then_text_over_the_records_own_tags() -> None:
    assert score(NOW, NET) == 1.0  # one tag, the audience's: all of it
    assert score(EDGE, NET) == 1 / 5
    assert score(MID, NET) == 0.0
    assert score(MID, NET, [T_MID]) == 1 / 4  # its talk's tag counts whole
    assert score(MID, NET, [dataclasses.replace(T_MID, tags=(), summary="QUIC and Rust")]) == 1 / 4
    untagged = job("cook", "2020", summary="Wrote Rust.")
    assert score(untagged, NET) == 0.5  # said, not tagged: half, over at least one tag
    assert score(dataclasses.replace(untagged, summary=""), NET) == 0.0
    # a tag of the audience that has no words is nothing, not said by every text
    assert score(NOW, dataclasses.replace(NET, tags=("---", "quic"))) == 1.0


def test_score_reads_text_with_the_lexicon_given() -> None:
    words = Lexicon.build(extra_groups=[("zorblax", "frobnicator")])
    audience = Audience("z", "Z", ("zorblax",))
    said = job("j", "2020", summary="Wrote a frobnicator.")
    assert score(said, audience, lexicon=words) == 0.5
    # the built-in synonyms do not know the site's own group
    assert score(said, audience) == 0.0
    assert score(job("k", "2020", "frobnicator"), audience, lexicon=words) == 1.0


def test_a_multi_word_tag_is_said_as_a_run_of_words() -> None:
    audience = Audience("d", "D", ("distributed systems",))
    assert score(job("j", "2020", summary="Built distributed systems."), audience) == 0.5
    assert score(job("j", "2020", summary="Systems, distributed."), audience) == 0.0


def test_holds_finds_a_run_anywhere_only_whole() -> None:
    assert _holds(("a", "b", "c"), ("a", "b"))
    assert _holds(("a", "b", "c"), ("b", "c"))  # at the very end
    assert not _holds(("a", "b", "c"), ("c", "b"))
    assert not _holds(("a", "b"), ("b", "c"))  # runs past the end
    assert not _holds((), ("a",))


def test_stems_of_merges_the_lexicons_synonyms() -> None:
    words = Lexicon.build(extra_groups=[("zorblax", "frobnicator")])
    assert _stems_of(words, "The frobnicator") == ("the", "=zorblax")


# --- sections, selections, skills ----------------------------------------------------------------


def test_a_section_splits_what_it_shows_into_full_and_one_line() -> None:
    section = Section("work", (NOW, MID, OLD), frozenset({"old"}))
    assert section.label == "Work"
    assert section.full == (NOW, MID)
    assert section.condensed == (OLD,)
    assert section.is_condensed(OLD)
    assert not section.is_condensed(NOW)
    assert Section("talk").label == "Talks"
    assert Section("talk").full == Section("talk").condensed == ()


def test_a_selection_finds_its_section_by_kind() -> None:
    selection = select(CV, dataclasses.replace(NET, kinds=("work", "talk")), TODAY)
    found = selection.section("talk")
    assert found is not None
    assert found.kind == "talk"
    assert [r.id for r in found.shown] == ["t-mid"]
    assert selection.section("project") is None
    assert selection.section("work") is selection.sections[0]


def test_selection_records_keep_a_condensed_entrys_line_and_drop_its_text() -> None:
    person = Item("me", "person", "Me")
    records = select(CV, NET, TODAY).records([person])
    line_only = Entry(
        "old",
        "OLD",
        "Org",
        parse_period("2012 - 2016"),
        location="Berlin",
        url="https://old.example",
    )
    assert records.items == [person]
    assert records.entries == [
        NOW,
        MID,
        EDGE,
        line_only,
        VOLUNTEERING,
        Entry("school", "SCHOOL", "Org", parse_period("2005 - 2009"), kind="education"),
    ]
    assert records.projects == [P_NOW, P_OLD]
    assert records.achievements == [A_WIN]
    assert records.talks == [T_MID]
    assert records.publications == []
    assert select(CV, NET, TODAY).records() == dataclasses.replace(records, items=[])


def test_selection_records_of_a_hand_made_selection_take_what_is_shown_in_full() -> None:
    selection = Selection(
        NET,
        (
            Section("achievement", (A_WIN, A_OFF)),
            Section("project", (P_NOW,)),
            Section("talk", (T_MID, T_OFF)),
            Section("education", (SCHOOL,)),
        ),
    )
    records = selection.records()
    assert records.achievements == [A_WIN, A_OFF]
    assert records.projects == [P_NOW]
    assert records.talks == [T_MID, T_OFF]
    assert records.entries == [SCHOOL]
    assert records.items == []


def test_selection_records_join_the_sections_of_one_kind() -> None:
    # select makes one section per kind; a selection made by hand may have two of one
    selection = Selection(
        NET,
        (
            Section("project", (P_NOW,)),
            Section("achievement", (A_WIN,)),
            Section("talk", (T_MID,)),
            Section("project", (P_OLD,)),
            Section("achievement", (A_OFF,)),
            Section("talk", (T_OFF,)),
        ),
    )
    records = selection.records()
    assert records.projects == [P_NOW, P_OLD]
    assert records.achievements == [A_WIN, A_OFF]
    assert records.talks == [T_MID, T_OFF]


def test_skills_rank_by_records_in_full_then_months_of_work_then_name() -> None:
    long = job("long", "2010 - 2020", "Go", "go", "SQL")  # 10 years: 120 months
    short = job("short", "2021-01 - 2021-06", "rust", "sql")  # 6 months
    brief = job("brief", "2022", "cobol")
    tool = project("tool", "2021", "rust", "go", "yoga")
    helping = job("help", "2000 - 2010", "zen", kind="volunteering")  # months of no work
    selection = Selection(
        NET,
        (
            Section("work", (brief, short, long), frozenset({"brief"})),
            Section("project", (tool,)),
            Section("volunteering", (helping,)),
        ),
    )
    # sql, go, rust: two records each, then 126, 120 and 6 months of work; yoga and zen:
    # one record each and no work, by name; cobol only on a condensed entry
    assert skills(selection, TODAY) == ["sql", "go", "rust", "yoga", "zen"]


def test_skills_count_overlapping_work_once() -> None:
    first = job("first", "2020-01 - 2020-12", "a")
    overlap = job("overlap", "2020-07 - 2021-06", "a")  # with first: Jan 2020 - Jun 2021, 18
    one = job("one", "2015-01 - 2015-10", "c")
    two = job("two", "2016-01 - 2016-10", "c")  # with one: 20 months
    selection = Selection(NET, (Section("work", (overlap, first, two, one)),))
    assert skills(selection, TODAY) == ["c", "a"]


def test_skills_count_ongoing_work_to_today() -> None:
    ongoing = job("ongoing", "2024-01 - present", "b")  # Jan - Sep 2024: 9 months
    shorter = job("shorter", "2020-01 - 2020-08", "a")
    longer = job("longer", "2020-01 - 2020-10", "a")
    assert skills(Selection(NET, (Section("work", (ongoing, shorter)),)), TODAY) == ["b", "a"]
    assert skills(Selection(NET, (Section("work", (ongoing, longer)),)), TODAY) == ["a", "b"]


def test_the_export_is_named_after_the_audience() -> None:
    assert NET.export_name() == "cv.net.json"


# --- cv_audiences --------------------------------------------------------------------------------

GOOD = {"title": "Networking", "tags": ["QUIC"]}


@pytest.mark.parametrize(
    "bad",
    [
        {"Bad Name": GOOD},
        {"bad": "quic"},
        {"bad": {"title": " ", "tags": ["x"]}},
        {"bad": {"title": "t", "tags": []}},
    ],
)
def test_a_bad_audience_leaves_the_next_one_parsed(bad: dict[str, object]) -> None:
    parsed, errors = parse_audiences({**bad, "good": GOOD})
    assert [a.name for a in parsed] == ["good"]
    assert len(errors) == 1


def test_every_problem_of_every_audience_is_reported() -> None:
    parsed, errors = parse_audiences(
        {"Bad": GOOD, "good": {**GOOD, "colour": "red", "size": 2}, "other": {**GOOD, "x": 1}}
    )
    assert [a.name for a in parsed] == ["good", "other"]
    assert errors == [
        "cv_audiences['Bad']: the name must be lowercase letters, digits and hyphens",
        "cv_audiences['good']: unknown key 'colour'",
        "cv_audiences['good']: unknown key 'size'",
        "cv_audiences['other']: unknown key 'x'",
    ]


def test_an_audience_has_defaults_for_what_it_leaves_out() -> None:
    parsed, errors = parse_audiences({"net": {"title": "  Networking ", "tags": "QUIC, Rust"}})
    assert parsed == [Audience("net", "Networking", ("quic", "rust"), tuple(SECTIONS), None, 0.2)]
    assert errors == []


@pytest.mark.parametrize(
    ("given", "threshold", "errors"),
    [
        (0, 0.0, []),  # nothing needed: every record in full
        (1, 1.0, []),
        (0.75, 0.75, []),
        (-0.1, 0.2, ["cv_audiences['a']: 'threshold' must be a number >= 0; using 0.2"]),
        (True, 0.2, ["cv_audiences['a']: 'threshold' must be a number >= 0; using 0.2"]),
    ],
)
def test_the_threshold_is_a_number_at_least_zero(
    given: object, threshold: float, errors: list[str]
) -> None:
    parsed, found = parse_audiences({"a": {**GOOD, "threshold": given}})
    assert parsed[0].threshold == threshold
    assert isinstance(parsed[0].threshold, float)
    assert found == errors


def test_since_is_a_date_or_no_horizon() -> None:
    parsed, errors = parse_audiences({"a": {**GOOD, "since": 2018}, "b": {**GOOD, "since": "x"}})
    assert [a.since for a in parsed] == [Date(2018), None]
    assert len(errors) == 1
    assert errors[0].startswith("cv_audiences['b']: 'since': ")
    assert errors[0].endswith("; no horizon")


@pytest.mark.parametrize(
    ("value", "kinds", "errors"),
    [
        (None, tuple(SECTIONS), []),
        (["talk", "Work", "talk"], ("talk", "work"), []),
        ("work, project", ("work", "project"), []),
        (
            ["work", "papers", "talks"],
            ("work",),
            ["unknown kind 'papers' in 'kinds'", "unknown kind 'talks' in 'kinds'"],
        ),
        (
            ["project", "talk"],
            ("work", "project", "talk"),
            ["'kinds' must include 'work': the work history is never hidden"],
        ),
        (
            [],
            tuple(SECTIONS),
            ["'kinds' must be a list of work, project, achievement, talk, volunteering, education"],
        ),
        (
            [3],
            tuple(SECTIONS),
            ["'kinds' must be a list of work, project, achievement, talk, volunteering, education"],
        ),
    ],
)
def test_kinds_are_known_sections_in_order_work_always_among_them(
    value: object, kinds: tuple[str, ...], errors: list[str]
) -> None:
    assert _kinds(value) == (kinds, errors)
