"""The career site in docs/: builds clean with every builder, and holds every CV item."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from cv_ext.domain import get_domain
from cv_ext.model import Date, Entry, parse_date

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

from conftest import REPO, TESTS

DOCS = REPO / "docs"
BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]
MONTHS = {
    name: index
    for index, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}


@pytest.mark.parametrize("builder", BUILDERS)
def test_docs_build_without_warnings(builder: str, tmp_path: Path) -> None:
    """The exact command of the README and of Read the Docs, for every builder."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-n",
            "-W",
            "--keep-going",
            "-b",
            builder,
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(tmp_path / builder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    app = SphinxTestApp("html", srcdir=DOCS, builddir=tmp_path_factory.mktemp("site"))
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


# --- the CV, read from its text ----------------------------------------------------------------

CV = (TESTS / "data" / "cv.txt").read_text(encoding="utf8")


def _month_date(text: str, year: str) -> Date:
    return Date(int(year), MONTHS[text.strip().lower()])


def cv_job_periods() -> list[str]:
    """Every job span of the CV's Experience section, as ``start - end`` ISO text."""
    section = CV.split("Experience", 1)[1].split("Projects & Achievements", 1)[0]
    spans = []
    for line in section.splitlines():
        line = line.strip()
        if m := re.fullmatch(r"([A-Z][a-z]+) (\d{4}) - ([A-Z][a-z]+) (\d{4})", line):
            spans.append(f"{_month_date(m[1], m[2]).iso()} - {_month_date(m[3], m[4]).iso()}")
        elif m := re.fullmatch(r"([A-Z][a-z]+) - ([A-Z][a-z]+) (\d{4})", line):
            spans.append(f"{_month_date(m[1], m[3]).iso()} - {_month_date(m[2], m[3]).iso()}")
        elif m := re.fullmatch(r"([A-Z][a-z]+) (\d{4})", line):
            spans.append(_month_date(m[1], m[2]).iso())
    return spans


def cv_year_periods(heading: str, next_heading: str) -> list[str]:
    """Every ``| 2013 - 2016`` style period of a CV section."""
    section = CV.split(heading, 1)[1].split(next_heading, 1)[0]
    periods = []
    for match in re.finditer(
        r"\|\s*(\d{4})(?:\s*[-–]\s*(\d{4}|Now))?(?:\s+and\s+(\d{4})\s*-\s*(Now|\d{4}))?", section
    ):
        first = (
            f"{match[1]} - {match[2].lower().replace('now', 'present')}" if match[2] else match[1]
        )
        if match[3]:
            first += f", {match[3]} - {match[4].lower().replace('now', 'present')}"
        periods.append(first)
    return periods


def test_cv_reader_sees_every_item() -> None:
    """Guard the reader itself: the CV has 10 jobs, 6 volunteer roles, 4 schools, 10 dates."""
    assert len(cv_job_periods()) == 10
    assert len(cv_year_periods("Volunteer Work", "Education")) == 6
    assert len(cv_year_periods("Education", "Languages")) == 4
    assert len(re.findall(r"\((\d{4}-\d{2}-\d{2})\)", CV)) == 10


def _periods(site: SphinxTestApp, kind: str) -> list[str]:
    entries: list[Entry] = [e for e in get_domain(site.env).entries.values() if e.kind == kind]
    return sorted(e.period.text() for e in entries)


def test_every_job_is_a_timeline_entry(site: SphinxTestApp) -> None:
    assert _periods(site, "work") == sorted(cv_job_periods())


def test_every_volunteer_role_is_a_timeline_entry(site: SphinxTestApp) -> None:
    assert _periods(site, "volunteering") == sorted(cv_year_periods("Volunteer Work", "Education"))


def test_every_school_is_a_timeline_entry(site: SphinxTestApp) -> None:
    assert _periods(site, "education") == sorted(cv_year_periods("Education", "Languages"))


def test_every_dated_achievement_is_an_object(site: SphinxTestApp) -> None:
    expected = sorted(parse_date(d) for d in re.findall(r"\((\d{4}-\d{2}-\d{2})\)", CV))
    achievements = get_domain(site.env).achievements.values()
    assert sorted(a.date for a in achievements) == expected


def test_achievements_belong_to_the_job_of_their_date(site: SphinxTestApp) -> None:
    domain = get_domain(site.env)
    for achievement in domain.achievements.values():
        if not achievement.entry:
            continue
        entry = domain.entries[achievement.entry]
        span = entry.period.spans[0]
        assert (
            span.start.month_index()
            <= achievement.date.month_index()
            <= span.end_date(Date(2024, 9, 23)).month_index()
        ), achievement.id


def test_languages_page(site: SphinxTestApp) -> None:
    text = BeautifulSoup(
        (site.outdir / "languages.html").read_text(encoding="utf8"), "html.parser"
    ).get_text()
    assert "German" in text
    assert "English" in text
    assert re.search(r"[Bb]usiness fluent", text)


def test_overview_on_home_page_lists_every_entry(site: SphinxTestApp) -> None:
    home = BeautifulSoup((site.outdir / "index.html").read_text(encoding="utf8"), "html.parser")
    items = home.select(".cv-overview li.cv-item")
    assert len(items) == len(get_domain(site.env).entries) == 20
