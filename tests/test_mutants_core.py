"""Exact results of the core where mutation testing (scripts/mutation.py) found survivors:
dates shown in a language, metrics refused with their reason, ids, the one-per-object rule,
backlinks grouped by target, and the sort keys of records."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from cv_ext.core.dates import (
    Date,
    Span,
    make_period,
    months_covered,
    parse_date,
    parse_period,
    parse_span,
)
from cv_ext.core.errors import ParseError
from cv_ext.core.ids import (
    digest_id,
    object_label,
    skill_anchor,
    slug_or_digest,
    slugify,
    unique_id,
)
from cv_ext.core.metrics import UNITS, Metric, parse_metric, parse_quantity
from cv_ext.core.records import (
    Achievement,
    Backlink,
    Entry,
    Item,
    Project,
    Publication,
    Records,
    Talk,
    display_title,
    relationships,
)
from cv_ext.core.views import (
    Record,
    Views,
    build_views,
    is_featured,
    newest_first,
    one_per_object,
    record_date,
    strongest_evidence,
)

TODAY = Date(2024, 9, 23)

# --- dates in a language ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "locale", "shown"),
    [
        (Date(2023, 11, 23), None, "23 Nov 2023"),
        (Date(2024, 6), None, "Jun 2024"),
        (Date(2024), None, "2024"),
        (Date(2023, 11, 23), "en-GB", "23 Nov 2023"),
        (Date(2024, 6), "en_US", "Jun 2024"),
        (Date(2023, 11, 23), "de", "23. Nov. 2023"),
        (Date(2024, 6), "de", "Juni 2024"),
        (Date(2024), "de", "2024"),
        # a region after a hyphen, as Sphinx's language setting may spell it
        (Date(2023, 11, 23), "de-DE", "23. Nov. 2023"),
        (Date(2024, 6), "fr_FR", "juin 2024"),
    ],
)
def test_a_date_is_shown_in_the_builds_language(date: Date, locale: str | None, shown: str) -> None:
    assert date.display(locale) == shown


def test_sort_tuple_and_month_index_fill_a_missing_part_from_the_right_end() -> None:
    assert Date(2024).sort_tuple() == (2024, 1, 1)
    assert Date(2024).sort_tuple(last=True) == (2024, 12, 31)
    assert Date(2024, 2).sort_tuple(last=True) == (2024, 2, 31)
    assert Date(2024, 2, 5).sort_tuple(last=True) == (2024, 2, 5)
    assert Date(2024).month_index() == 2024 * 12
    assert Date(2024).month_index(last=True) == 2024 * 12 + 11
    assert Date(2024, 3).month_index() == 2024 * 12 + 2


def test_a_period_sorts_by_its_end_then_its_start() -> None:
    closed = make_period("2020-03", "2021")
    assert closed.sort_key(TODAY) == ((2021, 12, 31), (2020, 3, 1))
    ongoing = make_period("2023-05", "present")
    assert ongoing.sort_key(TODAY) == ((2024, 9, 23), (2023, 5, 1))
    open_end = make_period("2022-07", "unknown")
    assert open_end.sort_key(TODAY) == ((2022, 7, 1), (2, 0, 0))


def test_a_short_stretch_is_told_in_days_up_to_four_weeks() -> None:
    assert make_period("2024-01-01", "2024-01-27").duration(TODAY) == "27 days"
    assert make_period("2024-01-01", "2024-01-28").duration(TODAY) == "1 mo"


# --- metrics refused with their reason -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("no colon here", "expected 'LABEL: BEFORE -> AFTER'"),
        ("latency: -> 5 ms", "expected 'LABEL: BEFORE -> AFTER'"),
        ("latency: 5 ms -> 3 GB", "'5 ms' and '3 GB' are not in comparable units"),
        ("latency: 0 ms -> 3 ms", "the value before must be above zero"),
        ("latency: faster", "'LABEL: ×N', 'LABEL: ÷N' or 'LABEL: +N%'"),
        ("latency: ×0", "a factor must be above zero"),
        ("latency: X2", "'LABEL: ×N', 'LABEL: ÷N' or 'LABEL: +N%'"),
    ],
)
def test_a_bad_metric_says_why(text: str, reason: str) -> None:
    with pytest.raises(ParseError) as error:
        parse_metric(text)
    assert reason in str(error.value)
    assert repr(" ".join(text.split())) in str(error.value)


@pytest.mark.parametrize(
    ("text", "label", "factor"),
    [
        ("requests: x4", "requests", 4.0),
        ("requests: ×0.5", "requests", 0.5),
        ("memory: ÷4", "memory", 0.25),
        ("memory: /2", "memory", 0.5),
        # the last ": " separates the label, so a label may hold a colon without a space
        ("time to first byte:p99: ÷2", "time to first byte:p99", 0.5),
        ("a: b: 1 s -> 2 s", "a: b", 2.0),
        ("cache:1 s -> 3 s", "cache", 3.0),
    ],
)
def test_a_metric_keeps_its_label_and_factor(text: str, label: str, factor: float) -> None:
    metric = parse_metric(text)
    assert (metric.label, metric.factor) == (label, pytest.approx(factor))


def test_a_factor_under_two_is_not_refused() -> None:
    assert parse_metric("speed: ×1").factor == 1.0
    assert parse_metric("speed: ×0.5").factor_text() == "÷2"
    assert parse_metric("speed: 1 ms -> 9.5 ms").factor_text() == "×9.5"
    assert parse_metric("speed: 1 ms -> 10.4 ms").factor_text() == "×10"


# --- ids -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Straße", "strasse"),
        ("Ærø", "aero"),  # AE ligature has no decomposition: anyascii writes it
        ("-Ünïcödé-", "unicode"),
        ("x-", "x"),
        # NFKD gives "1⁄2", whose fraction slash has no ASCII: kept as the digits alone
        ("½ done", "12-done"),
        ("a ✓ b", "a-b"),  # a symbol vanishes
    ],
)
def test_slugs_of_letters_numbers_and_symbols(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_an_id_that_cannot_be_made_says_how_to_give_one() -> None:
    with pytest.raises(ParseError, match=r"cannot make an id from '✓✓': give one with :name:"):
        slugify("✓✓")


def test_an_item_field_missing_is_empty_text() -> None:
    item = Item(id="x", kind="language", title="German", fields=(("fluency", "native"),))
    assert item.get("fluency") == "native"
    assert item.get("level") == ""


def test_a_reference_reads_position_and_org_or_org_alone() -> None:
    job = Entry(id="j", title="Engineer", org="Acme", period=None)
    assert display_title(job) == "Engineer, Acme"
    assert display_title(Entry(id="j", title="", org="Acme", period=None)) == "Acme"
    assert display_title(Project(id="p", title="Proj", period=None)) == "Proj"


def test_map_passes_every_kind_of_record() -> None:
    records = Records(
        entries=[Entry(id="e", title="E", org="O", period=None)],
        achievements=[Achievement(id="a", title="A", date=None)],
        projects=[Project(id="p", title="P", period=None)],
        talks=[Talk(id="t", title="T", date=None)],
        publications=[Publication(id="b", title="B", date=None)],
        items=[Item(id="i", kind="skill", title="I")],
    )
    mapped = records.map(lambda record: type(record)(**{**_fields(record), "title": "new"}))
    every = [
        *mapped.entries,
        *mapped.achievements,
        *mapped.projects,
        *mapped.talks,
        *mapped.publications,
        *mapped.items,
    ]
    assert [(r.id, r.title) for r in every] == [(i, "new") for i in "eaptbi"]


def _fields(record: object) -> dict[str, object]:
    return {name: getattr(record, name) for name in record.__slots__}  # type: ignore[attr-defined]


# --- one object listed once ------------------------------------------------------------------


def _project(period: str | None, *, title: str = "Fast UDP", end: str | None = None) -> Project:
    return Project(id="udp", title=title, period=make_period(period, end) if period else None)


def _achievement(title: str, date: Date | None, project: str = "udp") -> Achievement:
    return Achievement(id=title.lower().replace(" ", "-"), title=title, date=date, project=project)


@pytest.mark.parametrize(
    ("project", "achievement", "kept"),
    [
        # the same title in another case is the same thing
        (_project("2024-06"), _achievement("fast udp", Date(2020)), False),
        # the same day as a project of one open-ended span
        (_project("2024-06"), _achievement("Released", Date(2024, 6)), False),
        (_project("2024-06", end="unknown"), _achievement("Released", Date(2024, 6)), False),
        # a project that ended, or an other day, or no period, or another project: two things
        (_project("2024-06", end="2024-08"), _achievement("Released", Date(2024, 6)), True),
        (_project("2024-06"), _achievement("Released", Date(2024, 7)), True),
        (_project(None), _achievement("Released", Date(2024, 6)), True),
        (_project("2024-06"), _achievement("Released", Date(2024, 6), project="other"), True),
        (_project("2024-06"), _achievement("fast udp", Date(2024, 6), project=""), True),
    ],
)
def test_an_achievement_that_is_its_project_is_listed_once(
    project: Project, achievement: Achievement, kept: bool
) -> None:
    after = Talk(id="t", title="Later", date=Date(2020))
    assert one_per_object([achievement, project, after]) == (
        [achievement, project, after] if kept else [project, after]
    )


def test_a_project_of_two_spans_is_not_its_release() -> None:
    project = Project(id="udp", title="Fast UDP", period=make_period("2024-06", None))
    two = Project(
        id="udp",
        title="Fast UDP",
        period=project.period and type(project.period)((*project.period.spans,) * 2),
    )
    released = _achievement("Released", Date(2024, 6))
    assert one_per_object([released, two]) == [released, two]


# --- sort keys of records --------------------------------------------------------------------


def test_records_without_a_date_sort_after_every_dated_one_and_keep_their_order() -> None:
    undated_job = Entry(id="u", title="U", org="O", period=None, docname="a", lineno=1)
    undated_talk = Talk(id="v", title="V", date=None, docname="a", lineno=2)
    old = Talk(id="o", title="O", date=Date(1, 1, 1), docname="a", lineno=3)
    assert record_date(undated_job, TODAY) == ((0, 0, 0),)
    assert record_date(undated_talk, TODAY) == ((0, 0, 0),)
    assert record_date(old, TODAY) == ((1, 1, 1), (3, 0, 0))
    assert newest_first([undated_job, undated_talk, old], TODAY) == [old, undated_job, undated_talk]


def test_a_year_talk_and_a_january_first_talk_sort_by_precision_alone() -> None:
    year = Talk(id="y", title="Y", date=Date(2020), docname="a", lineno=1)
    day = Talk(id="d", title="D", date=Date(2020, 1, 1), docname="a", lineno=2)
    assert newest_first([year, day], TODAY) == [day, year]
    assert record_date(year, TODAY) == ((2020, 1, 1), (1, 0, 0))


# --- views -----------------------------------------------------------------------------------


def _link(target_type: str, target: str, docname: str, order: int, **kw: str) -> Backlink:
    return Backlink(
        target_type=target_type,
        target=target,
        docname=docname,
        anchor=kw.get("anchor", ""),
        source_type=kw.get("source_type", ""),
        source=kw.get("source", ""),
        label=kw.get("label", ""),
        order=order,
    )


def _records() -> Records:
    return Records(
        entries=[
            Entry(
                id="acme", title="E", org="Acme", period=make_period("2020", "2021"), docname="jobs"
            ),
            Entry(id="noperiod", title="E", org="X", period=None, docname="jobs", lineno=2),
        ],
        achievements=[Achievement(id="win", title="Win", date=Date(2021), docname="awards")],
        projects=[
            Project(id="udp", title="UDP", period=make_period("2019", "2020"), docname="p/udp"),
            Project(id="new", title="New", period=make_period("2023", "2024"), docname="p/new"),
        ],
        talks=[
            Talk(id="old", title="Old", date=Date(2010), docname="talks"),
            Talk(id="newer", title="Newer", date=Date(2015), docname="talks", lineno=2),
        ],
        publications=[
            Publication(id="a", title="A", date=Date(2001), docname="pubs"),
            Publication(id="b", title="B", date=Date(2002), docname="pubs", lineno=2),
        ],
        items=[Item(id="udp", kind="skill", title="Skill named udp", docname="skills")],
    )


def test_views_list_each_kind_newest_first_and_pages_in_declaration_order() -> None:
    views = build_views(_records(), {}, TODAY)
    assert [e.id for e in views.entries] == ["acme"]  # an entry without a period is no view's
    assert [p.id for p in views.projects] == ["new", "udp"]
    assert [t.id for t in views.talks] == ["newer", "old"]
    assert [p.id for p in views.publications] == ["b", "a"]
    assert [a.id for a in views.achievements] == ["win"]
    assert {page: [r.id for r in records] for page, records in views.by_page.items()} == {
        "jobs": ["acme", "noperiod"],
        "awards": ["win"],
        "p/udp": ["udp"],
        "p/new": ["new"],
        "talks": ["old", "newer"],
        "pubs": ["a", "b"],
        "skills": ["udp"],
    }


def test_backlinks_are_grouped_by_target_once_per_place_in_document_order() -> None:
    backlinks = {
        "z": [_link("project", "udp", "z", 1, anchor="intro")],
        "jobs": [
            # the same object names the project twice: one place
            _link("project", "udp", "jobs", 5, source_type="entry", source="acme", label="2nd"),
            _link("project", "udp", "jobs", 2, source_type="entry", source="acme", label="1st"),
            # two sections of one page are two places; one section twice is one
            _link("project", "udp", "jobs", 3, anchor="a"),
            _link("project", "udp", "jobs", 4, anchor="b"),
            _link("project", "udp", "jobs", 6, anchor="a", label="again"),
            # {any} counts for every type with the id: a project, not the skill item
            _link("any", "udp", "jobs", 7, source_type="talk", source="old"),
            _link("any", "nothing", "jobs", 8, source_type="talk", source="old"),
            _link("talk", "old", "jobs", 9, anchor="talks"),
        ],
    }
    views = build_views(_records(), backlinks, TODAY)
    assert {
        target: [(b.docname, b.order, b.label) for b in places]
        for target, places in views.backlinks.items()
    } == {
        ("project", "udp"): [
            ("jobs", 2, "1st"),
            ("jobs", 3, ""),
            ("jobs", 4, ""),
            ("jobs", 7, ""),
            ("z", 1, ""),
        ],
        ("talk", "old"): [("jobs", 9, "")],
    }
    assert views.references[("entry", "acme")] == {("project", "udp")}
    assert set(views.references) == {("entry", "acme"), ("talk", "old")}


# --- second round: what the first round of tests left alive ----------------------------------


def test_only_english_is_shown_without_babel() -> None:
    # babel would write "Nov 23, 2023" for American English: cv_ext writes its own form
    assert Date(2023, 11, 23).display("en-US") == "23 Nov 2023"
    assert Date(2023, 11, 23).display("EN") == "23 Nov 2023"
    assert Date(2023, 11, 23).display("de_AT") == "23. Nov. 2023"


def test_an_ongoing_stretch_counts_days_up_to_today() -> None:
    assert make_period("2024-09-01", "present").duration(TODAY) == "23 days"


def test_a_duration_of_years_and_months_is_joined_in_the_readers_language() -> None:
    period = make_period("2020-01", "2022-03")
    assert period.duration(TODAY, gettext=lambda message: message.replace(" ", " und ")) == (
        "2 yrs und 3 mos"
    )


def test_a_period_needs_a_start() -> None:
    with pytest.raises(ParseError, match=r"^a start date is required$"):
        make_period("", "2020")


def test_a_factor_of_one_and_factors_that_say_nothing() -> None:
    assert Metric("same", "1 ms", "1 ms", 1.0).factor_text() == "×1"
    assert Metric("zero", "1 ms", "0 ms", 0.0).factor_text() == ""
    assert Metric("inf", "0 ms", "1 ms", math.inf).factor_text() == ""
    assert Metric("rough", "~1 ms", "2 ms", 2.0, exact=False).factor_text() == ""


def test_ongoing_records_sort_and_count_up_to_today() -> None:
    records = Records(
        entries=[
            Entry(
                id="job", title="E", org="A", period=make_period("2024-01", "present"), tags=("x",)
            ),
            Entry(
                id="oss",
                title="E",
                org="B",
                period=make_period("2023-09", "present"),
                employer=False,
                tags=("x",),
            ),
        ],
        # the ongoing project is declared on the page that sorts first by name
        projects=[
            Project(id="now", title="Now", period=make_period("2024-02", "present"), docname="b"),
            Project(id="then", title="Then", period=make_period("2010", "2011"), docname="a"),
        ],
    )
    views = build_views(records, {}, TODAY)
    assert [p.id for p in views.projects] == ["now", "then"]
    assert views.skill_job_months["x"] == 9
    assert views.skill_contribution_months["x"] == 13
    assert views.skill_months["x"] == 13


def test_skills_of_volunteering_and_studies_alone_are_apart_from_work() -> None:
    records = Records(
        entries=[
            Entry(
                id="club",
                title="Coach",
                org="Club",
                period=make_period("2015", "2016"),
                kind="volunteering",
            ),
            Entry(id="job", title="Dev", org="Acme", period=make_period("2017", "2018")),
        ],
        projects=[
            Project(id="ski", title="Ski", period=None, entry="club", tags=("skiing",)),
            Project(id="tool", title="Tool", period=None, entry="job", tags=("rust",)),
            Project(id="own", title="Own", period=None, tags=("go",)),
        ],
        publications=[Publication(id="p", title="P", date=Date(2019), tags=("maths",))],
    )
    views = build_views(records, {}, TODAY)
    assert views.work_skills == ["go", "maths", "rust"]
    assert views.other_skills == ["skiing"]


# --- third round: parsers' reasons, boundaries of spans, ranks of skills ----------------------


def test_a_quantity_says_why_it_is_refused_and_reads_a_decimal_comma() -> None:
    with pytest.raises(ParseError) as error:
        parse_quantity("fast")
    assert str(error.value) == "invalid quantity 'fast': expected a number and a unit"
    with pytest.raises(ParseError) as error:
        parse_quantity("5 parsecs")
    known = ", ".join(sorted(unit for unit in UNITS if unit))
    assert str(error.value) == f"unknown unit 'parsecs' in '5 parsecs': known units are {known}"
    assert parse_quantity("1,3 Gbit/s").value == pytest.approx(1.3e9)


def test_a_metric_label_ends_at_the_last_colon_and_space() -> None:
    with pytest.raises(ParseError):
        parse_metric("a: b:×2")  # "b:×2" is no change
    assert parse_metric("a:b:×2").label == "a:b"
    assert parse_metric("a: ×2").before == ""
    with pytest.raises(ParseError, match="invalid quantity '2 s -> 3 s'"):
        parse_metric("t: 1 s -> 2 s -> 3 s")
    with pytest.raises(ParseError) as error:
        parse_metric("t: -100%")
    assert str(error.value) == "invalid metric 't: -100%': a decrease must be below 100%"
    with pytest.raises(ParseError) as error:
        parse_metric("t: faster")
    assert str(error.value) == (
        "invalid metric 't: faster': expected 'LABEL: BEFORE -> AFTER', "
        "'LABEL: ×N', 'LABEL: ÷N' or 'LABEL: +N%'"
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("20x0", "invalid date '20x0': expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("0000", "invalid date '0000': year 0000 does not exist"),
        ("2020-13", "invalid date '2020-13': month 13 does not exist"),
    ],
)
def test_a_bad_date_says_why(text: str, reason: str) -> None:
    with pytest.raises(ParseError) as error:
        parse_date(text)
    assert str(error.value) == reason


def test_year_one_is_a_year() -> None:
    assert parse_date("0001") == Date(1)


def test_spans_ending_in_a_year_count_years() -> None:
    assert parse_span("2020-05 - 2020").months(TODAY) == 0  # ends in its own year
    assert parse_span("2020-05 - 2021").months(TODAY) == 12
    assert parse_span("2020 - 2020").months(TODAY) == 0


def test_overlapping_spans_count_once_and_a_day_twice_is_an_overlap() -> None:
    spans = [parse_span("2020-01 - 2020-12"), parse_span("2020-03 - 2020-05")]
    assert months_covered(spans, TODAY) == 12
    with pytest.raises(ParseError, match="overlap"):
        parse_period("2020-07-14, 2020-07-14")
    with pytest.raises(ParseError) as error:
        parse_period(" ")
    assert str(error.value) == "empty period: expected e.g. '2017 - 2020, 2022 - present'"


def _ranked() -> Records:
    return Records(
        entries=[
            Entry(
                id="j", title="T", org="A", period=make_period("2020-01", "2020-06"), tags=("job",)
            ),
            Entry(
                id="c1",
                title="T",
                org="B",
                period=make_period("2021-01", "2021-02"),
                employer=False,
                tags=("short", "long"),
            ),
            Entry(
                id="c2",
                title="T",
                org="C",
                period=make_period("2022-01", "present"),
                employer=False,
                tags=("long",),
            ),
        ],
        projects=[
            Project(id="p1", title="P1", period=None, tags=("many", "short")),
            Project(id="p2", title="P2", period=None, tags=("many",)),
            Project(id="p3", title="P3", period=None, tags=("one", "job")),
        ],
        publications=[Publication(id="pub", title="Pub", date=Date(2019), tags=("job",))],
    )


def test_skills_rank_by_job_months_then_contribution_months_then_items() -> None:
    views = build_views(_ranked(), {}, TODAY)
    assert views.work_skills == ["job", "long", "short", "many", "one"]


def test_featured_skills_need_backing_time_and_two_items() -> None:
    views = build_views(_ranked(), {}, TODAY)
    featured = {tag for tag in [*views.skills, "missing"] if is_featured(views, tag)}
    # "long": contributions alone back it; "many": two items but no time; "one": one item
    assert featured == {"job", "long", "short"}


def test_strongest_evidence_takes_each_kind_in_turn_then_the_rest() -> None:
    views = build_views(_ranked(), {}, TODAY)
    assert strongest_evidence(views, "missing", TODAY) == []
    assert [r.id for r in strongest_evidence(views, "job", TODAY, count=5)] == ["j", "p3", "pub"]
    assert [r.id for r in strongest_evidence(views, "long", TODAY, count=1)] == ["c2"]
    assert [r.id for r in strongest_evidence(views, "long", TODAY, count=5)] == ["c2", "c1"]


def test_a_typed_backlink_to_an_unknown_id_is_kept_under_its_type() -> None:
    views = build_views(_records(), {"a": [_link("entry", "ghost", "a", 1, anchor="x")]}, TODAY)
    assert list(views.backlinks) == [("entry", "ghost")]


# --- fourth round ----------------------------------------------------------------------------


def test_a_bad_day_or_span_says_why() -> None:
    with pytest.raises(ParseError) as error:
        parse_date("2023-02-30")
    assert str(error.value) == "invalid date '2023-02-30': day 30 does not exist"
    with pytest.raises(ParseError) as error:
        parse_span("2020 - 2021 - 2022")
    assert str(error.value) == "invalid span '2020 - 2021 - 2022': expected START - END"


def test_strongest_evidence_stops_at_its_count() -> None:
    views = build_views(_ranked(), {}, TODAY)
    assert [r.id for r in strongest_evidence(views, "job", TODAY, count=1)] == ["j"]
    assert [r.id for r in strongest_evidence(views, "job", TODAY, count=2)] == ["j", "p3"]


def test_skills_of_volunteering_rank_by_their_months_then_items_then_name() -> None:
    def volunteering(name: str, start: str, end: str, *tags: str) -> Entry:
        return Entry(
            id=name,
            title="T",
            org=name,
            period=make_period(start, end),
            kind="volunteering",
            tags=tags,
        )

    records = Records(
        entries=[
            volunteering("a", "2010", "2011", "short"),
            volunteering("b", "2012", "2016", "long"),
            volunteering("c", "2017", "2018", "short", "twice", "once"),
            volunteering("d", "2019", "2020", "twice"),
            volunteering("e", "2021", "2023", "mono"),
        ]
    )
    views = build_views(records, {}, TODAY)
    # 48 months; then 24 months each, in two items, two items, one; then 12 months
    assert views.other_skills == ["long", "short", "twice", "mono", "once"]


# --- fifth round: the survivors the core's tests could still kill -------------------------------


def test_a_span_starting_after_today_has_lasted_no_month_yet() -> None:
    # a job accepted and entered before its first day: "2024-10 - present" on 23 Sep 2024
    assert Span(Date(2024, 10), "present").months(TODAY) == 0
    assert Span(Date(2024, 11), "present").months(TODAY) == 0
    assert Span(Date(2024, 9), "present").months(TODAY) == 1


def test_a_skill_without_months_recorded_is_not_backed() -> None:
    two: list[Record] = [Talk("a", "A", Date(2020)), Talk("b", "B", Date(2021))]
    # views made by hand: months recorded for one kind of work only, or for none
    assert not is_featured(Views(skills={"t": two}), "t")
    assert not is_featured(Views(skills={"t": two}, skill_job_months={"t": 0}), "t")
    assert not is_featured(Views(skills={"t": two}, skill_contribution_months={"t": 0}), "t")
    assert is_featured(Views(skills={"t": two}, skill_contribution_months={"t": 3}), "t")
    assert is_featured(Views(skills={"t": two}, skill_job_months={"t": 3}), "t")


def test_results_are_an_entrys_measured_achievements_newest_first() -> None:
    faster = Metric("latency", "", "÷2", 0.5)

    def achievement(key: str, day: Date, entry: str, *metrics: Metric) -> Achievement:
        return Achievement(key, key, day, metrics=metrics, entry=entry)

    older = achievement("older", Date(2020, 3), "job", faster)
    newer = achievement("newer", Date(2022, 1), "job", faster)
    elsewhere = achievement("elsewhere", Date(2021), "other", faster)
    records = Records(
        achievements=[
            older,
            achievement("unmeasured", Date(2023), "job"),  # no metrics: no result
            newer,
            achievement("untied", Date(2023), "", faster),  # no entry: nobody's result
            elsewhere,
        ]
    )
    views = build_views(records, {}, TODAY)
    assert views.results == {"job": [newer, older], "other": [elsewhere]}


# --- what only builds reached: ids, labels, a day from the calendar, a project's relationships ---


def test_text_without_letters_gets_a_digest_of_itself() -> None:
    # the first ten hex digits of the text's SHA-256 (hashlib.sha256("★★".encode()))
    assert digest_id("talk", "★★") == "talk-d36e84cc98"
    assert digest_id("entry", "\ud800") == "entry-91a681b998"  # a lone surrogate is text too
    assert slug_or_digest("★★", "talk") == "talk-d36e84cc98"
    assert slug_or_digest("Mozilla Corp.", "entry") == "mozilla-corp"


def test_a_taken_id_gets_the_first_free_number_from_two() -> None:
    assert unique_id("job", set()) == "job"
    assert unique_id("job", {"job"}) == "job-2"
    assert unique_id("job", {"job", "job-2"}) == "job-3"
    assert unique_id("job", {"job", "job-2", "job-3"}) == "job-4"
    assert unique_id("job", {"job-2": 1}) == "job"
    assert unique_id("job", {"job": 1, "job-3": 1}) == "job-2"


def test_labels_and_skill_anchors() -> None:
    assert object_label("entry", "Acme  2020") == "cv-entry-acme 2020"
    assert skill_anchor("Rust & C++") == "skill-rust-c"
    assert skill_anchor("★") == "skill-26c57b0854"


def test_a_day_from_the_calendar_is_day_precise() -> None:
    assert Date.from_date(dt.date(2024, 2, 29)) == Date(2024, 2, 29)


def test_a_projects_relationships_claim_what_its_roles_say_at_least_a_contribution() -> None:
    assert relationships(("Maintainer", "author")) == ("maintainer",)
    assert relationships(("contributor", "CREATOR")) == ("creator", "contributor")
    assert relationships(()) == ()
    project = Project("p", "P", None, roles=("Maintainer",))
    assert project.relationships() == ("maintainer",)
    assert Project("p", "P", None, roles=("Autor",), related=("creator",)).relationships() == (
        "creator",
    )
    assert Project("p", "P", None, roles=("Author",)).relationships() == ("contributor",)
