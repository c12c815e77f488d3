"""The career site in docs/: builds clean with every builder, and holds every CV item."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from cv_ext.core.dates import Date, parse_date
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from cv_ext.core.records import Entry

from conftest import REPO, TESTS, sphinx_build

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


@pytest.mark.oldest
@pytest.mark.parametrize("builder", BUILDERS)
def test_docs_build_without_warnings(builder: str, tmp_path: Path) -> None:
    """The exact command of the README and of Read the Docs, for every builder."""
    sphinx_build(DOCS, tmp_path / builder, builder=builder)
    if builder == "singlehtml":
        # on a single-page CV no "Referenced from" link leads into the object it sits in
        page = BeautifulSoup((tmp_path / builder / "index.html").read_text("utf8"), "html.parser")
        links = page.select(".cv-backlinks a[href*='#']")
        assert len(links) > 20
        for link in links:
            target = page.find(id=link["href"].split("#", 1)[1])
            assert target is None or link not in target.descendants, link


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
    """The CV's Experience: its jobs, and the one contribution that names no employer."""
    assert _periods(site, "work") == sorted(cv_job_periods())
    contributions = [e for e in get_domain(site.env).entries.values() if e.contribution]
    assert [(e.id, e.org) for e in contributions] == [("mozilla-neqo", "Mozilla")]


def test_every_volunteer_role_is_a_timeline_entry(site: SphinxTestApp) -> None:
    assert _periods(site, "volunteering") == sorted(cv_year_periods("Volunteer Work", "Education"))


def test_every_school_is_a_timeline_entry(site: SphinxTestApp) -> None:
    assert _periods(site, "education") == sorted(cv_year_periods("Education", "Languages"))


def test_every_dated_achievement_is_an_object(site: SphinxTestApp) -> None:
    expected = sorted(parse_date(d) for d in re.findall(r"\((\d{4}-\d{2}-\d{2})\)", CV))
    achievements = get_domain(site.env).achievements.values()
    assert sorted(a.date for a in achievements) == expected


def test_achievements_of_a_job_fall_in_its_time(site: SphinxTestApp) -> None:
    """The few achievements tied to a job (tests/test_claims.py says which) fall in it."""
    domain = get_domain(site.env)
    tied = [a for a in domain.achievements.values() if a.entry]
    assert tied
    for achievement in tied:
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
    # roles at one organisation share one item: each role is linked once
    links = home.select(".cv-overview li.cv-item > .cv-what a, .cv-overview ol.cv-roles a")
    assert len(links) == len(get_domain(site.env).entries) == 20


# --- projects and talks ------------------------------------------------------------------------

FACTS = (TESTS / "data" / "facts.md").read_text(encoding="utf8")
PROJECT_PAGES = {
    "yamux-auto-tuning",
    "prometheus-client-rust",
    "prometheus-rust-community",
    "hole-punching",
    "kademlia-disjoint-paths",
    "kube-state-metrics",
    "alertmanager-api-v2",
    "book-club",
    "firefox-fast-udp",
    "neqo",
}


def facts_talks() -> list[tuple[str, str, list[str]]]:
    """(date, title, links) of every row of the talks table in facts.md."""
    section = FACTS.split("## Talks", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", cells[0]):
            title = re.sub(r"\s*\(.*\)$", "", cells[1])  # "(co-presented)", "(part of …)"
            rows.append((cells[0], title, re.findall(r"https?://\S+", cells[3])))
    return rows


def test_a_page_per_project(site: SphinxTestApp) -> None:
    domain = get_domain(site.env)
    assert set(domain.projects) == PROJECT_PAGES
    for project_id, project in domain.projects.items():
        assert project.docname == f"projects/{project_id}"  # the URL comes from the id
        assert project.anchor == ""  # the project is its page: links carry no fragment
        assert project.summary, project_id
    summaries = [project.summary for project in domain.projects.values()]
    assert len(set(summaries)) == len(summaries)


def test_every_talk_of_the_facts_is_a_talk(site: SphinxTestApp) -> None:
    rows = facts_talks()
    assert len(rows) == 14
    talks = get_domain(site.env).talks.values()
    assert sorted((t.date.iso(), t.title) for t in talks) == sorted(
        (d, title) for d, title, _ in rows
    )
    page = (site.outdir / "talks.html").read_text(encoding="utf8")
    for _, title, links in rows:
        for url in links:
            assert f'href="{url}"' in page, (title, url)


def test_talks_link_the_projects_they_present(site: SphinxTestApp) -> None:
    by_title = {talk.title: talk for talk in get_domain(site.env).talks.values()}
    assert by_title["Peer-to-peer hole punching without centralized infrastructure"].projects == (
        "hole-punching",
    )
    assert by_title["Hole punching in the wild"].projects == ("hole-punching",)
    assert by_title["Optimizing Metric Rendering in kube-state-metrics"].projects == (
        "kube-state-metrics",
    )
    assert by_title["Optimizing Metric Rendering in kube-state-metrics"].speakers == (
        "Frederic Branczyk",
    )


def test_jobs_link_their_projects_and_talks(site: SphinxTestApp) -> None:
    page = BeautifulSoup(
        (site.outdir / "experience.html").read_text(encoding="utf8"), "html.parser"
    )
    protocol_labs = page.select_one("article#protocol-labs")
    backlinks = protocol_labs.select_one(".cv-backlinks")
    groups = [group.get_text() for group in backlinks.select(".cv-backlinks-group")]
    assert groups == ["Achievements", "Talks", "Pages"]
    # the body links its projects: "Referenced from" does not repeat them
    assert "projects/hole-punching.html" in {a["href"] for a in protocol_labs.select("a")}
    assert "projects/hole-punching.html" not in {a["href"] for a in backlinks.select("a")}
    assert len(backlinks.select("li")) <= 12


def test_warning_catalogue_on_the_site(site: SphinxTestApp) -> None:
    from cv_ext.common.warn import SUBTYPE_DOCS

    page = BeautifulSoup((site.outdir / "colophon.html").read_text(encoding="utf8"), "html.parser")
    rows = [row.select("td") for row in page.select("table.cv-warnings tbody tr")]
    assert [cells[0].get_text() for cells in rows] == [f"cv.{name}" for name in SUBTYPE_DOCS]
    assert all(cells[2].get_text().startswith("suppress_warnings") for cells in rows)


def test_skills_rank_by_evidence_and_keep_activities_apart(site: SphinxTestApp) -> None:
    page = BeautifulSoup((site.outdir / "skills.html").read_text(encoding="utf8"), "html.parser")
    index = page.select_one(".cv-index-skills")
    groups = [g.get_text() for g in index.select(".cv-skill-group")]
    assert groups == ["Main skills", "More skills", "Volunteering and education"]
    cards = [b["id"] for b in index.select(".cv-skill-cards > div.cv-skill")]
    chips = [b["id"] for b in index.select("details.cv-skill-chip")]
    assert cards[0] == "skill-rust"  # the longest in jobs
    apart = index.select(".cv-skill-group")[2]
    other = [b["id"] for b in apart.find_all_next("details", class_="cv-skill-chip")]
    assert {"skill-skiing", "skill-tutoring", "skill-web-administration"} <= set(other)
    assert not {"skill-skiing", "skill-tutoring"} & set(cards)
    assert {"skill-javascript", "skill-yamux"} <= set(chips) - set(other)  # the long tail
    # a contribution is not a job: quic's time is said apart
    quic = index.select_one("#skill-quic .cv-skill-name").get_text()
    assert quic == "QUIC · 6 mos in jobs · 6 mos contributing"
    # one entry per object: the hole punching achievement is its project, listed once
    rust = [a.get_text() for a in index.select_one("#skill-rust").select(".cv-skill-list a")]
    assert rust.count("Decentralized hole punching") == 1
    home = BeautifulSoup((site.outdir / "index.html").read_text(encoding="utf8"), "html.parser")
    top = [a.get_text() for a in home.select(".cv-top-skills a")]
    labels = [b.select_one(".cv-skill-name strong").get_text() for b in index.select(".cv-skill")]
    assert top == labels[:8]
    assert all(a["href"].startswith("skills.html#skill-") for a in home.select(".cv-top-skills a"))


def test_every_tag_lands_on_its_skill(site: SphinxTestApp) -> None:
    """Tags on every page link to an anchor that the skills page has, and show labels."""
    skills = BeautifulSoup((site.outdir / "skills.html").read_text(encoding="utf8"), "html.parser")
    ids = {element["id"] for element in skills.select("[id]")}
    links, shown = 0, set()
    for path in site.outdir.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf8"), "html.parser")
        for link in page.select("a[href*='skills.html#skill-']"):
            assert link["href"].split("#", 1)[1] in ids, (path.name, link["href"])
            links += 1
        shown |= {tag.get_text() for tag in page.select(".cv-tag")}
    assert links > 100
    labels = set(get_domain(site.env).views().skill_names.values())
    assert shown <= labels
    assert {"hole punching", "HTTP/3", "distributed systems"} <= shown
    assert not {"hole-punching", "http3", "distributed-systems"} & shown


def test_home_is_a_landing_page(site: SphinxTestApp) -> None:
    """Name, label, summary, contact row, key results, top skills, the career: no cards."""
    home = BeautifulSoup((site.outdir / "index.html").read_text(encoding="utf8"), "html.parser")
    assert home.select(".sd-card") == []
    contact = [a.get_text() for a in home.select(".cv-contact a")]
    assert contact == ["max-inden.de", "GitHub", "Mastodon"]  # no PDF configured locally
    results = home.select(".cv-index-results .cv-result")
    assert all(result.select(".cv-metric") for result in results)
    assert len(results) == 3
    assert "Last updated on 23 September 2024" in home.get_text()
