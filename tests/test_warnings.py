"""Bad input: located, typed ``cv.<subtype>`` warnings, escaped output, never a traceback."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp

EXPECTED = [
    ("index.md", 3, "cv.date", "invalid date '2023-02-30': day 30 does not exist"),
    ("index.md", 9, "cv.period", "end 2019-01 is before start 2020-05"),
    # neither a title nor an organisation (one of them alone is enough)
    ("index.md", 16, "cv.title", "timeline: a title is required"),
    ("index.md", 21, "cv.option", "the :start: option (or :period:) is required"),
    ("index.md", 26, "cv.kind", "unknown :kind: 'hobby'"),
    ("index.md", 33, "cv.url", "refused URL 'javascript:alert(1)'"),
    (
        "index.md",
        42,
        "cv.duplicate",
        "duplicate entry id 'reversed', first defined in 'index', line 9",
    ),
    ("index.md", 48, "cv.metric", "invalid metric 'throughput goes up'"),
    ("index.md", 48, "cv.ref", "unknown entry id 'nowhere'"),
    ("index.md", 55, "cv.option", "the :date: option is required"),
    ("index.md", 59, "cv.period", "spans '2017 - 2020' and '2019 - 2021' overlap"),
    ("index.md", 65, "cv.ref", "unknown entry id 'missing-entry'"),
    ("index.md", 99, "cv.title", "achievement: a title is required"),
    ("index.md", 79, "cv.ref", "unknown project id 'no-such-project'"),
    (
        "index.md",
        81,
        "cv.ref",
        "unknown project id 'reversed' ('reversed' is a timeline entry, not a project)",
    ),
    ("index.md", 87, "cv.title", "talk: a title is required"),
    ("index.md", 91, "cv.date", "project: invalid date '2022-13-01'"),
    ("index.md", 96, "cv.option", "cv-index: unknown index 'bogus'"),
    ("rst.rst", 4, "cv.date", "invalid date '2023-13': month 13 does not exist"),
    ("rst.rst", 9, "cv.url", "refused URL 'ftp://example.org'"),
    ("rst.rst", 9, "cv.metric", "are not in comparable units"),
]


def warnings_of(app: SphinxTestApp) -> list[str]:
    return [line for line in strip_colors(app.warning.getvalue()).splitlines() if line.strip()]


@pytest.mark.sphinx("html", testroot="warnings", freshenv=True)
def test_every_bad_input_warns_once_with_location_and_type(app: SphinxTestApp) -> None:
    app.build()
    lines = warnings_of(app)
    for filename, line, subtype, message in EXPECTED:
        pattern = re.compile(
            rf"{re.escape(filename)}:{line}: WARNING: .*{re.escape(message)}.* \[{re.escape(subtype)}\]$"
        )
        assert sum(bool(pattern.search(warning)) for warning in lines) == 1, (
            filename,
            line,
            message,
            lines,
        )
    assert len(lines) == len(EXPECTED), lines
    assert "Traceback" not in app.warning.getvalue()
    assert all(re.search(r"\[cv\.[a-z]+\]$", line) for line in lines)


@pytest.mark.sphinx(
    "html", testroot="warnings", freshenv=True, confoverrides={"suppress_warnings": ["cv"]}
)
def test_all_suppressible(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []


@pytest.mark.sphinx(
    "html", testroot="warnings", freshenv=True, confoverrides={"suppress_warnings": ["cv.date"]}
)
def test_one_subtype_suppressible(app: SphinxTestApp) -> None:
    app.build()
    lines = warnings_of(app)
    assert not any("[cv.date]" in line for line in lines)
    assert len(lines) == len([case for case in EXPECTED if case[2] != "cv.date"])


@pytest.mark.sphinx("html", testroot="warnings", freshenv=True)
def test_bad_entries_still_render_escaped(app: SphinxTestApp) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf8")
    page = BeautifulSoup(html, "html.parser")
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "javascript:" not in html
    escaped = page.select_one("article#escaped")
    assert escaped.select_one(".cv-position").get_text() == "<script>alert(1)</script>"
    assert escaped.select_one(".cv-org").get_text().startswith("<b>Org E</b>")
    assert escaped.select_one(".cv-org a") is None  # the refused URL is not linked
    assert [t.get_text() for t in escaped.select(".cv-tag")] == ["<i>tag</i>"]
    # an entry whose date is wrong still shows its title and organisation
    bad_date = page.select_one("article#bad-date")
    assert bad_date.select_one(".cv-position").get_text() == "Bad date"
    assert bad_date.select_one(".cv-when") is None
    assert page.select_one("article#bad-metric .cv-metric") is None
    assert page.select_one("article#untitled .cv-heading").get_text() == "Untitled Org"


@pytest.mark.sphinx("html", testroot="warnings", freshenv=True, warningiserror=True)
def test_warnings_fail_under_w(app: SphinxTestApp) -> None:
    app.build()
    assert app.statuscode == 1


def test_catalogue_documents_every_subtype() -> None:
    """``log_warning`` takes a ``CvSubtype``, so mypy --strict keeps the code to these."""
    from typing import get_args

    from cv_ext.common.warn import SUBTYPE_DOCS, CvSubtype

    assert set(SUBTYPE_DOCS) == set(get_args(CvSubtype))
    assert all(text.endswith(".") for text in SUBTYPE_DOCS.values())
