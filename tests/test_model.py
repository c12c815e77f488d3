"""Unit tests of the Sphinx-free model: dates, periods, durations, metrics, slugs."""

from __future__ import annotations

import pytest

from cv_ext.core.dates import (
    Date,
    Precision,
    Span,
    format_months,
    make_period,
    months_covered,
    parse_date,
    parse_end,
    parse_period,
)
from cv_ext.core.errors import ParseError
from cv_ext.core.ids import slugify
from cv_ext.core.metrics import parse_metric, parse_quantity
from cv_ext.core.values import parse_tags, parse_url

TODAY = Date(2024, 9, 23)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2024", Date(2024), Precision.YEAR),
        ("2024-06", Date(2024, 6), Precision.MONTH),
        ("2023-11-23", Date(2023, 11, 23), Precision.DAY),
        (" 2024-02-29 ", Date(2024, 2, 29), Precision.DAY),
    ],
)
def test_parse_date(text: str, expected: Date, precision: Precision) -> None:
    date = parse_date(text)
    assert date == expected
    assert date.precision is precision
    assert parse_date(date.iso()) == date


@pytest.mark.parametrize(
    "text", ["", "24", "2024-6", "2024/06", "June 2024", "2023-02-30", "2023-13", "2023-00", "0000"]
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_date(text)


def test_display() -> None:
    assert Date(2024).display() == "2024"
    assert Date(2024, 6).display() == "Jun 2024"
    assert Date(2023, 11, 23).display() == "23 Nov 2023"


@pytest.mark.parametrize("word", ["present", "Present", "now", "Now"])
def test_parse_end_present(word: str) -> None:
    assert parse_end(word) == "present"


@pytest.mark.parametrize(
    ("start", "end", "duration"),
    [
        ("2024-06", "2024-11", "6 mos"),  # both months count
        ("2021-03", "2023-12", "2 yrs 10 mos"),
        ("2019-07", "2021-02", "1 yr 8 mos"),
        ("2019-06", None, "1 mo"),  # a single month
        ("2013", "2016", "3 yrs"),  # years: the difference, not Jan-Dec
        ("2010", "2011", "1 yr"),
        ("2017", "present", "7 yrs"),  # counted up to TODAY
        ("2024-01", "present", "9 mos"),
        ("2023-11-01", "2023-11-30", "1 mo"),
    ],
)
def test_durations(start: str, end: str | None, duration: str) -> None:
    assert make_period(start, end).duration(TODAY) == duration


def test_single_year_has_no_duration() -> None:
    assert make_period("2015", None).duration(TODAY) == ""


def test_period_with_several_spans() -> None:
    period = parse_period("2017 - 2020, 2022 - present")
    assert [span.text() for span in period.spans] == ["2017 - 2020", "2022 - present"]
    assert period.ongoing
    assert period.duration(TODAY) == "5 yrs"
    assert parse_period(period.text()) == period
    assert parse_period("2017 - 2020 and 2022 - Now") == period


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2020 - 2019",  # reversed
        "2020-05 - 2020-04",
        "2020-05-02 - 2020-05-01",
        "2017 - 2020, 2019 - 2021",  # overlapping
        "2017 - present, 2022 - 2023",  # ongoing, then another
        "2017 - 2018 - 2019",
        "soon",
    ],
)
def test_parse_period_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_period(text)


def test_span_reversed() -> None:
    with pytest.raises(ParseError, match="before start"):
        Span(Date(2020, 5), Date(2019))


def test_sort_key_newest_first() -> None:
    periods = [
        make_period("2013", "2016"),
        make_period("2024-06", "2024-11"),
        make_period("2017", "present"),
    ]
    ordered = sorted(periods, key=lambda p: p.sort_key(TODAY), reverse=True)
    assert [p.text() for p in ordered] == ["2024-06 - 2024-11", "2017 - present", "2013 - 2016"]


@pytest.mark.parametrize(
    ("months", "text"),
    [(0, ""), (1, "1 mo"), (6, "6 mos"), (12, "1 yr"), (13, "1 yr 1 mo"), (34, "2 yrs 10 mos")],
)
def test_format_months(months: int, text: str) -> None:
    assert format_months(months) == text


@pytest.mark.parametrize(
    ("line", "summary", "factor"),
    [
        # an approximate value gives no factor: "×43" would state a ratio nobody measured
        (
            "peak throughput: ~30 Mbit/s -> 1.3 Gbit/s",
            "peak throughput: ~30 Mbit/s → 1.3 Gbit/s",
            "",
        ),
        (
            "peak throughput: 30 Mbit/s -> 1.3 Gbit/s",
            "peak throughput: 30 Mbit/s → 1.3 Gbit/s (×43)",
            "×43",
        ),
        ("latency: 120 ms → 30 ms", "latency: 120 ms → 30 ms (÷4)", "÷4"),
        ("errors: 10% -> 2.5%", "errors: 10% → 2.5% (÷4)", "÷4"),
        ("speed-up: 1× -> 6×", "speed-up: 1× → 6× (×6)", "×6"),
        ("requests: 200 -> 250", "requests: 200 → 250 (×1.25)", "×1.25"),
        ("CPU usage: ÷6", "CPU usage: ÷6", "÷6"),
        ("memory usage: /3", "memory usage: /3", "÷3"),
        ("throughput: ×2.5", "throughput: ×2.5", "×2.5"),
        ("performance in the wild: +25%", "performance in the wild: +25%", "×1.25"),
        ("cost: -50%", "cost: -50%", "÷2"),
        ("ratio: a: b: 1 -> 2", "ratio: a: b: 1 → 2 (×2)", "×2"),
    ],
)
def test_parse_metric(line: str, summary: str, factor: str) -> None:
    metric = parse_metric(line)
    assert metric.summary() == summary
    assert metric.factor_text() == factor
    assert parse_metric(metric.text()) == metric


@pytest.mark.parametrize(
    "line",
    [
        "no colon here",
        ": 1 -> 2",
        "label:",
        "label: 1 ->",
        "label: -> 2",
        "label: 30 Mbit/s -> 2 ms",  # incomparable units
        "label: 1 furlong -> 2 furlongs",
        "label: 0 -> 5",
        "label: ÷0",
        "label: -100%",
        "label: fast -> faster",
    ],
)
def test_parse_metric_rejects(line: str) -> None:
    with pytest.raises(ParseError):
        parse_metric(line)


@pytest.mark.parametrize("qualifier", ["~", "≈", ">", "<", ">=", "<="])
@pytest.mark.parametrize("side", ["before", "after"])
def test_inexact_values_give_no_factor(qualifier: str, side: str) -> None:
    before, after = ("30 Mbit/s", "1.3 Gbit/s")
    if side == "before":
        before = qualifier + before
    else:
        after = qualifier + after
    metric = parse_metric(f"peak throughput: {before} -> {after}")
    assert not metric.exact
    assert metric.factor_text() == ""
    assert "×" not in metric.summary() and "÷" not in metric.summary()
    assert metric.factor == pytest.approx(1.3e9 / 30e6)  # the bars still have a length
    assert parse_metric(metric.text()) == metric


def test_exactness_of_values() -> None:
    assert parse_quantity("30 Mbit/s").exact
    assert parse_quantity("~30 Mbit/s").qualifier == "~"
    assert not parse_quantity("≈ 30 Mbit/s").exact
    assert not parse_quantity(">10").exact
    assert parse_metric("latency: 120 ms -> 30 ms").exact
    assert parse_metric("CPU usage: ÷6").exact  # a stated factor is the claim itself


def test_quantity_units() -> None:
    assert parse_quantity("1.3 Gbit/s").value == pytest.approx(1.3e9)
    assert parse_quantity("~30 Mbit/s").value == pytest.approx(30e6)
    assert parse_quantity("25%").dimension == "percent"
    assert parse_quantity("6×").dimension == "times"
    assert parse_quantity("42").dimension == "number"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Protocol Labs 2021-03", "protocol-labs-2021-03"),
        ("Westfälische Wilhelms-Universität Münster", "westfalische-wilhelms-universitat-munster"),
        ("  CoreOS / Red Hat ", "coreos-red-hat"),
        ("Straße", "strasse"),
        # other scripts are transliterated (anyascii), so ids stay readable
        ("東京", "dongjing"),
        ("Москва", "moskva"),
        # Latin letters without a decomposition are transliterated too, symbols vanish
        ("Łódź – Øresund", "lodz-oresund"),
        ("Max’s talk", "maxs-talk"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize("text", ["", "---", "★★", "!!!"])
def test_slugify_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        slugify(text)


def test_parse_tags() -> None:
    assert parse_tags("Rust, quic,,  HTTP3 , rust") == ("Rust", "quic", "HTTP3")
    assert parse_tags("") == ()


@pytest.mark.parametrize("url", ["https://example.org", "http://example.org/a?b=c#d"])
def test_parse_url(url: str) -> None:
    assert parse_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://example.org",
        "/relative",
        "https://",
        "https://a b",
        "data:text/html,x",
    ],
)
def test_parse_url_rejects(url: str) -> None:
    with pytest.raises(ParseError):
        parse_url(url)


def test_short_spans_count_days() -> None:
    assert make_period("2020-07-14", "2020-07-19").duration(TODAY) == "6 days"
    assert make_period("2020-07-14", "2020-07-14").duration(TODAY) == "1 day"
    assert make_period("2020-07-01", "2020-08-15").duration(TODAY) == "2 mos"
    assert make_period("2022-02-09", None).duration(TODAY) == ""


def test_overlaps_counted_once_across_precisions() -> None:
    spans = [
        *parse_period("2017 - 2020, 2022 - present").spans,  # Jan 2017-Dec 2019, then 2 years
        *make_period("2017-01", "2019-05").spans,  # inside the first span
        *make_period("2019-07", "2021-02").spans,  # Jan 2020 - Feb 2021 is new
    ]
    assert months_covered(spans, TODAY) == 36 + 14 + 24


def test_newest_first_within_a_month() -> None:
    later, earlier = make_period("2022-02-09", None), parse_period("2022-02-06")
    assert later.sort_key(TODAY) > earlier.sort_key(TODAY)
