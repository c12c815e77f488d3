"""Claims no larger than the sources (issue 22): what docs/ ties to a job, dates and ends,
"Given as" lines, names in cv.json; and the order and small things a careful reader sees.

The sources are tests/data/cv.txt and tests/data/facts.md, copies of the only two sources
of facts about Max Inden.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from collections.abc import Iterator

from conftest import REPO, TESTS

DOCS = REPO / "docs"
CV = " ".join((TESTS / "data" / "cv.txt").read_text(encoding="utf8").split())
FACTS = (TESTS / "data" / "facts.md").read_text(encoding="utf8")

#: the only achievements and projects tied to a job: the job's own text in the CV names them
TIED = {
    ("achievement", "yamux-auto-tuning"): (
        "protocol-labs",
        "multiplexer receive window auto-tuning based on bandwidth-delay-product",
    ),
    ("achievement", "hole-punching"): (
        "protocol-labs",
        "decentralized hole punching without the reliance on central infrastructure",
    ),
    ("project", "yamux-auto-tuning"): (
        "protocol-labs",
        "multiplexer receive window auto-tuning based on bandwidth-delay-product",
    ),
    ("project", "hole-punching"): (
        "protocol-labs",
        "decentralized hole punching without the reliance on central infrastructure",
    ),
    ("project", "firefox-fast-udp"): ("mozilla-2024", "Rewrite Firefox’s QUIC UDP IO path"),
    ("project", "neqo"): ("mozilla-neqo", "89 pull requests to github.com/mozilla/neqo"),
}
#: the job paragraph of the CV, by entry id: where the sentence naming the work must stand
JOBS = {
    "protocol-labs": ("Software Engineer at Protocol Labs", "Software Engineer at Parity"),
    "mozilla-2024": ("Software Engineer at Mozilla", "External contributor"),
    "mozilla-neqo": ("External contributor", "Software Engineer at Protocol Labs"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    app = SphinxTestApp("html", srcdir=DOCS, builddir=tmp_path_factory.mktemp("claims"))
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def html(site: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup((site.outdir / name).read_text(encoding="utf8"), "html.parser")


def resume(site: SphinxTestApp) -> dict[str, object]:
    return dict(json.loads((site.outdir / "cv.json").read_text(encoding="utf8")))


def job_text(entry: str) -> str:
    start, end = JOBS[entry]
    return CV.split(start, 1)[1].split(end, 1)[0]


def test_work_is_tied_to_a_job_only_where_the_cv_says_so(site: SphinxTestApp) -> None:
    """Not because its date falls in a job: the CV's Achievements list names no employer."""
    domain = get_domain(site.env)
    tied = {
        (kind, record.id): record.entry
        for kind, records in (("achievement", domain.achievements), ("project", domain.projects))
        for record in records.values()
        if record.entry
    }
    assert tied == {key: entry for key, (entry, _) in TIED.items()}
    for (kind, name), (entry, sentence) in TIED.items():
        assert sentence.lower() in job_text(entry).lower(), (kind, name)


def test_no_job_lists_the_official_prometheus_client(site: SphinxTestApp) -> None:
    experience = html(site, "experience.html")
    for job in experience.select("article.cv-entry"):
        assert "Official Prometheus Rust client library" not in job.get_text(), job["id"]
    work = resume(site)["work"]
    assert isinstance(work, list)
    for item in work:
        assert "Prometheus Rust client" not in json.dumps(item), item["name"]


def test_the_book_club_has_a_start_and_no_end(site: SphinxTestApp) -> None:
    club = get_domain(site.env).projects["book-club"]
    assert club.period is not None
    assert club.period.spans[0].start.iso() == "2018-08-17"
    assert club.period.spans[0].open_ended
    projects = [p for p in resume(site)["projects"] if p["name"] == club.title]  # type: ignore[union-attr,index]
    assert projects == [{**projects[0], "startDate": "2018-08-17"}]
    assert "endDate" not in projects[0]
    when = html(site, "projects/book-club.html").select_one(".cv-facts").get_text(" ", strip=True)
    assert "from 17 Aug 2018" in when
    assert "2021" not in when


def test_the_community_client_work_is_two_dated_contributions(site: SphinxTestApp) -> None:
    project = get_domain(site.env).projects["prometheus-rust-community"]
    assert project.period is not None
    assert [span.text() for span in project.period.spans] == ["2020-07-14", "2020-07-19"]
    page = html(site, "projects/prometheus-rust-community.html")
    when = page.select_one(".cv-facts").get_text()
    assert "14 Jul 2020, 19 Jul 2020" in when
    assert "days" not in when  # not a stretch of six days
    dates = [
        (p.get("startDate"), p.get("endDate"))
        for p in resume(site)["projects"]  # type: ignore[union-attr]
        if p["name"] == project.title  # type: ignore[index]
    ]
    assert dates == [("2020-07-14", "2020-07-14"), ("2020-07-19", "2020-07-19")]


def medium_talks() -> set[str]:
    """Titles of the talks facts.md records with medium confidence (the owner's site only)."""
    titles = set()
    for line in FACTS.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[4] == "medium":
            titles.add(re.sub(r"\s*\(.*\)$", "", cells[1]))
    return titles


def test_medium_confidence_talks_name_no_employer(site: SphinxTestApp) -> None:
    medium = medium_talks()
    assert len(medium) == 5
    talks = get_domain(site.env).talks.values()
    assert {t.title for t in talks if not t.entry} == medium
    page = html(site, "talks.html")
    for article in page.select("article.cv-talk"):
        title = article.select_one(".cv-heading").get_text(strip=True)
        role = article.select_one(".cv-role")
        if title in medium:
            assert role is None, title


def test_co_presented_is_part_of_the_talks_line(site: SphinxTestApp) -> None:
    page = html(site, "talks.html")
    talk = page.select_one("#fosdem-2023-hole-punching-in-the-wild")
    assert "co-presenter" in talk.select_one(".cv-when").get_text()
    assert "Co-presented." not in talk.get_text()


def test_cv_json_names_projects_by_their_titles(site: SphinxTestApp) -> None:
    text = json.dumps(resume(site))
    assert "Projects: Fast UDP IO for Firefox." in text
    assert "Projects: Contributions to neqo." in text
    assert "\ue000" not in text  # no mention left unresolved
    for project in get_domain(site.env).projects:
        assert f"Projects: {project}" not in text, project


def test_networking_is_on_the_jobs_the_cv_calls_networking(site: SphinxTestApp) -> None:
    entries = get_domain(site.env).entries
    networking = {name for name, entry in entries.items() if "networking" in entry.tags}
    assert {"protocol-labs", "parity"} <= networking
    assert "peer-to-peer networking library libp2p" in job_text("protocol-labs")


# --- order and small things -----------------------------------------------------------------


def test_projects_are_newest_first_in_the_index_and_the_sidebar(site: SphinxTestApp) -> None:
    page = html(site, "projects/index.html")
    index = [a["href"] for a in page.select(".cv-index-projects a.reference")]
    assert [p.removesuffix(".html") for p in index] == [
        p.docname.removeprefix("projects/") for p in get_domain(site.env).views().projects
    ]
    sidebar = [
        a["href"]
        for a in page.select(".sidebar-tree a.reference")
        if not a["href"].startswith(("..", "#", "index"))
    ]
    assert sidebar == index
    assert index != sorted(index)  # not the order of the file names
    # previous/next follow the same order
    first = html(site, "projects/" + index[0])
    assert first.select_one("a.next-page")["href"] == index[1]


def test_the_colophon_is_in_the_footer_not_the_navigation(site: SphinxTestApp) -> None:
    for name in ("index.html", "skills.html", "projects/hole-punching.html"):
        page = html(site, name)
        nav = [a.get_text(strip=True) for a in page.select(".sidebar-tree a")]
        assert "About this site" not in nav, name
        footer = page.select_one("footer .bottom-of-page a.cv-footer-link")
        assert footer is not None and footer.get_text(strip=True) == "About this site", name


def test_achievement_lines_do_not_repeat_their_title(site: SphinxTestApp) -> None:
    page = html(site, "achievements.html")
    for article in page.select("article.cv-achievement"):
        title = article.select_one(".cv-heading").get_text(strip=True)
        links = [a.get_text(strip=True) for a in article.select(".cv-when a")]
        assert title not in links, title
    official = page.select_one("#prometheus-client-rust .cv-when")
    assert "Project page" in official.get_text()
