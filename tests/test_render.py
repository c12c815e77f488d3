"""The directives rendered: HTML structure, the overview, references, RST and MyST alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_colors

from cv_ext.domain import get_domain

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

ROOTS = ["basic", "myst"]


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{page}.html").read_text(encoding="utf8"), "html.parser")


@pytest.fixture(params=ROOTS)
def built(request: pytest.FixtureRequest, make_app, rootdir: Path, tmp_path: Path) -> SphinxTestApp:
    app = make_app("html", srcdir=rootdir / f"test-{request.param}", builddir=tmp_path / "_build")
    app.build()
    return app


def test_builds_without_warnings(built: SphinxTestApp) -> None:
    assert strip_colors(built.warning.getvalue()) == ""
    assert (built.outdir / "_static" / "cv_ext.css").is_file()
    assert "cv_ext.css" in (built.outdir / "index.html").read_text(encoding="utf8")


def test_timeline_entry(built: SphinxTestApp) -> None:
    entry = soup(built, "jobs").select_one("article#mozilla-2024")
    assert entry is not None
    assert entry["class"] == ["cv-entry", "cv-kind-work"]
    assert entry.select_one(".cv-heading").get_text() == "Software Engineer (fixed-term)"
    assert entry.select_one(".cv-heading").name == "h2"  # one below the page's h1
    org = entry.select_one(".cv-org a")
    assert (org.get_text(), org["href"]) == ("Mozilla", "https://www.mozilla.org")
    assert "Remote" in entry.select_one(".cv-org").get_text()
    times = entry.select(".cv-when time")
    assert [(t["datetime"], t.get_text()) for t in times] == [
        ("2024-06", "Jun 2024"),
        ("2024-11", "Nov 2024"),
    ]
    assert entry.select_one(".cv-duration").get_text() == "6 mos"
    assert [t.get_text() for t in entry.select(".cv-tag")] == ["rust", "quic", "http3"]
    assert (
        entry.select_one("li").get_text() == "Rewrite Firefox’s QUIC UDP IO path."
        or entry.select_one("li").get_text() == "Rewrite Firefox's QUIC UDP IO path."
    )


def test_period_and_present(built: SphinxTestApp) -> None:
    page = soup(built, "jobs")
    prometheus = page.find("h2", string="Core Member").find_parent("article")
    assert "cv-kind-volunteering" in prometheus["class"]
    when = prometheus.select_one(".cv-when").get_text()
    assert when == "2017 – 2020, 2022 – Present · 5 yrs"
    spacenet = page.find("h2", string="Network Engineer").find_parent("article")
    assert spacenet["id"] == "spacenet-ag-2019-06"  # slug of org and start
    assert spacenet.select_one(".cv-when").get_text() == "Jun 2019 · 1 mo"


def test_achievement(built: SphinxTestApp) -> None:
    page = soup(built, "results")
    yamux = page.select_one("article#yamux-auto-tuning")
    assert yamux.select_one(".cv-heading").get_text() == "Receive window auto-tuning for Yamux"
    assert yamux.select_one("time")["datetime"] == "2023-11-23"
    entry_link = yamux.select_one(".cv-when a.internal")
    assert entry_link.get_text() == "Software Engineer, Protocol Labs"
    assert entry_link["href"] == "jobs.html#protocol-labs"
    metric = yamux.select_one(".cv-metric")
    # "~30 Mbit/s" is approximate: the page states no factor ("×43") for it
    assert metric.select_one(".cv-metric-text").get_text() == (
        "peak throughput: ~30 Mbit/s → 1.3 Gbit/s"
    )
    assert metric.select_one(".cv-factor") is None
    assert metric.select_one(".cv-bars")["aria-hidden"] == "true"
    widths = [bar["style"] for bar in metric.select(".cv-bar")]
    assert widths == ["width:2.3%", "width:100.0%"]
    other = page.select_one("article#faster-metrics")
    assert [m.get_text() for m in other.select(".cv-metric-text")] == [
        "CPU usage: ÷6",
        "memory usage: ÷3",
    ]


def test_entry_lists_its_achievements(built: SphinxTestApp) -> None:
    entry = soup(built, "jobs").select_one("article#protocol-labs")
    backlinks = entry.select_one(".cv-backlinks")
    assert backlinks.select_one(".cv-backlinks-title").get_text() == "Referenced from"
    group = next(
        p for p in backlinks.select(".cv-backlinks-group") if p.get_text() == "Achievements"
    )
    items = [li.get_text() for li in group.find_next_sibling("ul").select("li")]
    assert items == ["23 Nov 2023 · Receive window auto-tuning for Yamux"]


def test_overview_groups_newest_first(built: SphinxTestApp) -> None:
    page = soup(built, "index")
    groups = page.select(".cv-overview")
    assert [g.select_one(".cv-overview-kind").get_text() for g in groups] == [
        "Work",
        "Education",
        "Volunteering",
    ]
    work = [li.select_one(".cv-what a").get_text() for li in groups[0].select("li.cv-item")]
    assert work == ["Software Engineer (fixed-term)", "Software Engineer", "Network Engineer"]
    first = groups[0].select_one("li.cv-item")
    assert first.select_one("a")["href"] == "jobs.html#mozilla-2024"
    assert first.select_one(".cv-when").get_text() == "Jun 2024 – Nov 2024 · 6 mos"


def test_roles(built: SphinxTestApp) -> None:
    links = soup(built, "results").select("p a.internal")
    texts = {(a.get_text(), a["href"]) for a in links}
    assert ("Software Engineer (fixed-term), Mozilla", "jobs.html#mozilla-2024") in texts
    assert ("Receive window auto-tuning for Yamux", "#yamux-auto-tuning") in texts
    assert ("Software Engineer, Protocol Labs", "jobs.html#protocol-labs") in texts


def test_domain_records(built: SphinxTestApp) -> None:
    domain = get_domain(built.env)
    assert sorted(domain.entries) == [
        "example-university-2013",
        "mozilla-2024",
        "prometheus-2017",
        "protocol-labs",
        "spacenet-ag-2019-06",
    ]
    assert sorted(domain.achievements) == ["faster-metrics", "yamux-auto-tuning"]
    objects = {(name, typ, doc) for name, _, typ, doc, _, _ in domain.get_objects()}
    assert ("mozilla-2024", "entry", "jobs") in objects
    assert ("yamux-auto-tuning", "achievement", "results") in objects


@pytest.mark.sphinx(
    "html", testroot="basic", freshenv=True, confoverrides={"cv_today": "2030-01-01"}
)
def test_cv_today_moves_present(app: SphinxTestApp) -> None:
    app.build()
    page = soup(app, "jobs")
    prometheus = page.find("h2", string="Core Member").find_parent("article")
    assert prometheus.select_one(".cv-duration").get_text() == "11 yrs"
