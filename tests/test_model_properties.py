"""Property tests of every parser: only ParseError is raised, and what parses prints back."""

from __future__ import annotations

import datetime as dt
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from cv_ext.core.dates import Date, parse_date, parse_period
from cv_ext.core.errors import ParseError
from cv_ext.core.ids import slugify
from cv_ext.core.metrics import parse_metric
from cv_ext.core.values import (
    display_list,
    format_list,
    parse_email,
    parse_extra,
    parse_image,
    parse_list,
    parse_tags,
    parse_url,
    with_extra,
)

TODAY = Date(2024, 9, 23)
DATEISH = st.text(alphabet="0123456789-/ .:,;and–present", max_size=40)


@given(st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(["year", "month", "day"]))
def test_date_roundtrip(value: dt.date, precision: str) -> None:
    date = Date(
        value.year,
        value.month if precision != "year" else 0,
        value.day if precision == "day" else 0,
    )
    assert parse_date(date.iso()) == date


@given(st.one_of(st.text(max_size=30), DATEISH))
def test_parse_date_only_raises_parse_error(text: str) -> None:
    try:
        date = parse_date(text)
    except ParseError:
        return
    assert parse_date(date.iso()) == date


@given(st.one_of(st.text(max_size=60), DATEISH))
def test_parse_period_only_raises_parse_error(text: str) -> None:
    try:
        period = parse_period(text)
    except ParseError:
        return
    assert parse_period(period.text()) == period
    assert period.months(TODAY) >= 0


@given(
    st.lists(st.integers(min_value=1990, max_value=2030), min_size=2, max_size=8, unique=True).map(
        sorted
    )
)
def test_generated_periods_roundtrip(years: list[int]) -> None:
    pairs = list(zip(years[::2], years[1::2], strict=False))
    # the years are unique and sorted: the spans never overlap, so each must parse
    text = ", ".join(f"{start}-01 - {end}-12" for start, end in pairs)
    period = parse_period(text)
    assert parse_period(period.text()) == period
    assert period.months(TODAY) == sum((end - start + 1) * 12 for start, end in pairs)


METRICISH = st.text(alphabet="abc :->→0123456789.%×÷/+~ MGbit/sms", max_size=40)


@given(st.one_of(st.text(max_size=60), METRICISH))
def test_parse_metric_only_raises_parse_error(text: str) -> None:
    try:
        metric = parse_metric(text)
    except ParseError:
        return
    assert parse_metric(metric.text()) == metric
    assert metric.factor > 0


@given(
    st.text(alphabet="abcdefgh ", min_size=1, max_size=12).filter(str.strip),
    st.floats(min_value=0.001, max_value=1e6),
    st.floats(min_value=0, max_value=1e6),
    st.sampled_from(["", "%", "ms", "Mbit/s", "Gbit/s", "KB"]),
)
def test_generated_metrics(label: str, before: float, after: float, unit: str) -> None:
    # "before" is never 0 (no factor from nothing): each line must parse
    line = f"{label}: {before:.3f} {unit} -> {after:.3f} {unit}".replace("  ", " ")
    metric = parse_metric(line)
    assert parse_metric(metric.text()) == metric


@given(st.text(max_size=40))
def test_slugify(text: str) -> None:
    try:
        slug = slugify(text)
    except ParseError:
        return
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert slugify(slug) == slug


@given(st.text(max_size=60))
def test_parse_tags(text: str) -> None:
    tags = parse_tags(text)
    assert len(set(tags)) == len(tags)
    assert parse_tags(format_list(tags)) == tags


#: items with the characters the list syntax uses, and any others
ITEMS = st.lists(
    st.one_of(st.text(max_size=20), st.text(alphabet=' ,"\n\tab', max_size=12)), max_size=8
)


def as_read(items: list[str]) -> tuple[str, ...]:
    """*items* as a list option keeps them: spaces collapsed, empty ones and repeats gone."""
    return tuple(dict.fromkeys(item for item in (" ".join(i.split()) for i in items) if item))


@given(ITEMS)
def test_any_list_of_strings_round_trips(items: list[str]) -> None:
    written = format_list(items)
    assert "\n" not in written
    assert parse_list(written) == as_read(items)
    # a line break separates items as a comma does: a list may be wrapped between items
    assert parse_list(",\n".join(format_list([item]) for item in items)) == as_read(items)


@given(st.text(max_size=60))
def test_parse_list_reads_anything(text: str) -> None:
    items = parse_list(text)
    assert all(item and item == " ".join(item.split()) for item in items)
    assert parse_list(format_list(items)) == items


def test_list_quoting_by_example() -> None:
    assert parse_list('Docker, "AWS (EC2, Lambda)", "Vitest, Mocha/Sinon"') == (
        "Docker",
        "AWS (EC2, Lambda)",
        "Vitest, Mocha/Sinon",
    )
    assert (
        format_list(["AWS (EC2, Lambda)", 'a "b"', '"q"']) == '"AWS (EC2, Lambda)", a "b", """q"""'
    )
    assert parse_list('5" floppy, "unclosed, quote') == ('5" floppy', "unclosed, quote")
    assert parse_list("rust\nquic, http3,\n") == ("rust", "quic", "http3")
    assert display_list(["rust", "quic"]) == "rust, quic"
    assert display_list(["AWS (EC2, Lambda)", "Go"]) == "AWS (EC2, Lambda); Go"


@given(st.text(max_size=40))
def test_parse_image(text: str) -> None:
    try:
        image = parse_image(text)
    except ParseError:
        return
    assert parse_image(image) == image
    assert image.startswith(("http://", "https://")) or not re.match(r"[A-Za-z][\w+.-]*:", image)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=8,
)


@given(
    st.dictionaries(st.text(max_size=4), JSON, max_size=4),
    st.dictionaries(st.text(max_size=4), JSON, max_size=4),
)
def test_extra_fields_fill_what_is_missing(
    computed: dict[str, object], extra: dict[str, object]
) -> None:
    merged = with_extra(computed, extra)
    assert {key: merged[key] for key in computed} == {
        key: with_extra(value, extra.get(key)) for key, value in computed.items()
    }
    assert all(merged[key] == value for key, value in extra.items() if key not in computed)
    assert parse_extra(json.dumps(extra)) == extra


@given(st.one_of(st.text(max_size=40), st.emails(), st.from_regex(r"[^@]{0,10}@[^@]{0,10}")))
def test_parse_email(text: str) -> None:
    try:
        email = parse_email(text)
    except ParseError:
        return
    assert parse_email(email) == email
    assert email.count("@") == 1 and not re.search(r"[\s<>\"'`]", email)


@given(st.one_of(st.text(max_size=40), st.from_regex(r"(https?|javascript|data|ftp):[^\n]{0,30}")))
def test_parse_url(text: str) -> None:
    try:
        url = parse_url(text)
    except ParseError:
        return
    assert url.startswith(("http://", "https://"))
    assert not re.search(r"[\s<>\"'`]", url)


@given(
    st.text(alphabet="abcdefgh ", min_size=1, max_size=12).filter(str.strip),
    st.floats(min_value=0.001, max_value=1e6),
    st.floats(min_value=0.001, max_value=1e6),
    st.sampled_from(["", "%", "ms", "Mbit/s"]),
    st.sampled_from(["", "~", "≈", ">", "<", ">=", "<="]),
    st.sampled_from(["", "~", "≈", ">", "<", ">=", "<="]),
)
def test_factor_only_for_exact_values(
    label: str, before: float, after: float, unit: str, first: str, second: str
) -> None:
    line = f"{label}: {first}{before:.3f} {unit} -> {second}{after:.3f} {unit}"
    try:
        metric = parse_metric(line)
    except ParseError:
        return  # a value that rounds to zero
    assert metric.exact == (not first and not second)
    if not metric.exact:
        assert metric.factor_text() == ""
        assert not re.search(r"\([×÷]", metric.summary())
    assert parse_metric(metric.text()) == metric
