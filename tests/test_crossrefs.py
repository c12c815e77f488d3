"""Projects, talks and skills as cross-referenced objects: roles, backlinks, indices, search."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_colors
from sphinx.util.inventory import InventoryFile

from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

PROJECTS = {"hole-punching", "metrics-work"}
TALKS = {"fosdem-2023-hole-punching", "meetup-intro-to-kubernetes"}


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{page}.html").read_text(encoding="utf8"), "html.parser")


@pytest.fixture(params=["basic", "myst"])
def built(request: pytest.FixtureRequest, make_app, rootdir: Path, tmp_path: Path) -> SphinxTestApp:
    app = make_app("html", srcdir=rootdir / f"test-{request.param}", builddir=tmp_path / "_build")
    app.build()
    assert strip_colors(app.warning.getvalue()) == ""
    return app


def test_domain_holds_every_object(built: SphinxTestApp) -> None:
    domain = get_domain(built.env)
    assert set(domain.projects) == PROJECTS
    assert set(domain.talks) == TALKS
    project = domain.projects["hole-punching"]
    assert project.title == "Decentralized hole punching"  # from the page heading
    assert project.docname == "projects/hole-punching"
    talk = domain.talks["fosdem-2023-hole-punching"]
    assert talk.projects == ("hole-punching",)
    assert talk.speakers == ("Jane Doe", "John Roe")


def test_roles_resolve_in_html(built: SphinxTestApp) -> None:
    links = {(a.get_text(), a["href"]) for a in soup(built, "results").select("p a.internal")}
    assert ("Decentralized hole punching", "projects/hole-punching.html") in links
    assert ("Metrics work", "projects/metrics.html") in links  # {cv:proj} alias
    assert ("Hole punching in the wild", "talks.html#fosdem-2023-hole-punching") in links
    assert ("libp2p", "skills.html#skill-libp2p") in links
    assert ("Faster metrics", "#faster-metrics") in links  # {cv:ach} alias
    assert ("the paper", "projects/hole-punching.html") in links  # explicit title


def test_roles_resolve_in_latex(make_app, rootdir: Path, tmp_path: Path) -> None:
    app = make_app("latex", srcdir=rootdir / "test-basic", builddir=tmp_path)
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf8")
    for target in (
        "projects/hole-punching::doc",
        "talks:fosdem-2023-hole-punching",
        "skills:skill-libp2p",
        "results:faster-metrics",
        "jobs:mozilla-2024",
    ):
        assert rf"\hyperref[\detokenize{{{target}}}]" in tex, target


def test_project_page_header(built: SphinxTestApp) -> None:
    page = soup(built, "projects/hole-punching")
    header = page.select_one("div.cv-project#hole-punching")
    assert header.select_one(".cv-heading") is None  # the page title already names it
    assert header.select_one(".cv-summary").get_text() == (
        "Hole punching for libp2p without central infrastructure."
    )
    facts = {
        dt.get_text(strip=True).rstrip(":"): dd.get_text(" ", strip=True)
        for dt, dd in zip(
            header.select("dl.cv-facts dt"), header.select("dl.cv-facts dd"), strict=True
        )
    }
    assert facts == {
        "When": "9 Feb 2022",
        "Role": "Software Engineer, Protocol Labs",
        "Source": "github.com/libp2p/rust-libp2p/pull/2438",
    }
    assert header.select_one("dl.cv-facts a.internal")["href"] == "../jobs.html#protocol-labs"
    assert [a["href"] for a in header.select(".cv-tags a")] == [
        "../skills.html#skill-rust",
        "../skills.html#skill-libp2p",
        "../skills.html#skill-nat-traversal",
    ]


def test_talk_rendering(built: SphinxTestApp) -> None:
    talk = soup(built, "talks").select_one("article.cv-talk#fosdem-2023-hole-punching")
    assert talk.select_one(".cv-heading").get_text() == "Hole punching in the wild"
    assert (
        talk.select_one(".cv-when").get_text()
        == "5 Feb 2023 · FOSDEM 2023 · with Jane Doe, John Roe"
    )
    assert talk.select_one(".cv-when a")["href"] == "https://fosdem.org/2023/"
    assert [(a.get_text(), a["href"]) for a in talk.select(".cv-links a")] == [
        ("Video", "https://video.example.org/1"),
        ("Slides", "https://slides.example.org/1"),
    ]
    presents = talk.select_one(".cv-presents a")
    assert (presents.get_text(), presents["href"]) == (
        "Decentralized hole punching",
        "projects/hole-punching.html",
    )
    assert talk.select_one(".cv-role a")["href"] == "jobs.html#protocol-labs"


def backlinks(app: SphinxTestApp, page: str, anchor: str) -> list[tuple[str, str, str]]:
    """(group, text, href) of every "Referenced from" item of one object."""
    block = soup(app, page).select_one(f"#{anchor} .cv-backlinks")
    if block is None:
        return []
    result = []
    for group in block.select(".cv-backlinks-group"):
        for li in group.find_next_sibling("ul").select("li"):
            link = li.select_one("a")
            result.append((group.get_text(), link.get_text(), link["href"]))
    return result


def test_backlinks_list_exactly_the_referencing_places(built: SphinxTestApp) -> None:
    # the project page says "Presented in <the talk>", and the talk names the project in
    # :projects:: what an object's own body links is never listed again
    assert backlinks(built, "projects/hole-punching", "hole-punching") == [
        ("Pages", "Results", "../results.html#results"),
    ]
    assert backlinks(built, "talks", "fosdem-2023-hole-punching") == [
        ("Pages", "Results", "results.html#results"),
    ]
    # the yamux achievement is measured: it is shown as a result above, not listed here
    assert backlinks(built, "jobs", "protocol-labs") == [
        ("Projects", "Decentralized hole punching", "projects/hole-punching.html"),
        ("Talks", "Hole punching in the wild", "talks.html#fosdem-2023-hole-punching"),
        ("Pages", "Results", "results.html#results"),  # the {any} reference
    ]
    # a section of a project's page counts as the project (pages merge into objects)
    assert backlinks(built, "jobs", "mozilla-2024") == [
        ("Projects", "Metrics work", "projects/metrics.html"),
        ("Pages", "Results", "results.html#results"),
    ]
    assert backlinks(built, "talks", "meetup-intro-to-kubernetes") == []


def test_backlinks_open_from_one_line_of_counts(built: SphinxTestApp) -> None:
    block = soup(built, "jobs").select_one("#protocol-labs details.cv-backlinks")
    assert block.select_one("summary").get_text() == ("Referenced from 1 project · 1 talk · 1 page")
    assert block.find_all(recursive=False)[0].name == "summary"


def test_project_index_lists_exactly_the_projects(built: SphinxTestApp) -> None:
    items = soup(built, "projects").select(".cv-index-projects li.cv-item")
    assert [li.select_one("a").get_text() for li in items] == [
        "Decentralized hole punching",
        "Metrics work",
    ]
    assert items[0].select_one(".cv-summary").get_text().startswith("Hole punching for libp2p")


def test_talk_index_by_year_with_event(built: SphinxTestApp) -> None:
    index = soup(built, "talks").select_one(".cv-index-talks")
    years = [rubric.get_text() for rubric in index.select(".cv-index-year")]
    assert years == ["2023", "2017"]
    lines = [li.get_text().strip() for li in index.select("li.cv-item")]
    assert lines == [
        "5 Feb 2023 · Hole punching in the wild · FOSDEM 2023",
        "2017 · Intro to Kubernetes · Meetup",
    ]


def test_skill_index(built: SphinxTestApp) -> None:
    index = soup(built, "skills").select_one(".cv-index-skills")
    skills = {block["id"]: block for block in index.select(".cv-skill")}
    # main skills first (time in jobs and more than one item), then the rest as chips, each
    # ranked by evidence: months in jobs, months of contributions, items, then label
    assert list(skills) == [
        "skill-rust",
        "skill-http3",
        "skill-quic",
        "skill-libp2p",
        "skill-flow-control",
        "skill-nat-traversal",
        "skill-prometheus",
    ]
    groups = [group.get_text() for group in index.select(".cv-skill-group")]
    assert groups == ["Main skills", "More skills"]
    assert skills["skill-rust"].name == "div"  # a card
    assert {block.name for key, block in skills.items() if key != "skill-rust"} == {"details"}
    # a card: its time in jobs, its strongest evidence (the job, then a project), all items
    rust = skills["skill-rust"]
    assert rust.select_one(".cv-skill-name").get_text() == "rust · 6 mos in jobs"
    evidence = [a.get_text() for a in rust.select("ul.cv-skill-evidence a")]
    assert evidence == ["Mozilla", "Decentralized hole punching"]
    assert rust.select_one("details.cv-skill-all > summary").get_text() == "All 3 items"
    # a chip: closed, its label (the tag's words), its time or its count, then its items
    libp2p = skills["skill-libp2p"]
    assert "open" not in libp2p.attrs
    assert libp2p.select_one("summary").get_text() == "libp2p 3 items"
    # newest first
    assert [a.get_text() for a in libp2p.select("li a")] == [
        "Receive window auto-tuning for Yamux",
        "Hole punching in the wild",
        "Decentralized hole punching",
    ]
    assert skills["skill-flow-control"].select_one("summary").get_text() == "flow control 1 item"


def test_inventory_holds_every_object(built: SphinxTestApp) -> None:
    with (built.outdir / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(
            stream, "https://example.org", lambda base, uri: f"{base}/{uri}"
        )
    data = inventory.data if hasattr(inventory, "data") else inventory  # Sphinx 9 / 8.2
    projects = set(data["cv:project"])
    talks = set(data["cv:talk"])
    assert projects == PROJECTS
    assert talks == TALKS
    assert "cv:entry" in data and "mozilla-2024" in data["cv:entry"]
    assert "libp2p" in data["cv:skill"]


def test_lists_of_other_pages_objects_stay_out_of_the_word_index(built: SphinxTestApp) -> None:
    """A word of a title is found on the page that says it, not on every page that lists
    that title again: the skills lists and "Referenced from" are left out of Sphinx's word
    index (its ``no-search`` class), and the pages' own text stays in."""
    text = (built.outdir / "searchindex.js").read_text(encoding="utf8")
    index = json.loads(re.search(r"Search\.setIndex\((.*)\)\s*$", text, re.DOTALL).group(1))

    def pages(term: str) -> set[str]:
        found = index["terms"][term]
        return {index["docnames"][i] for i in (found if isinstance(found, list) else [found])}

    # "Hole punching in the wild": the talks page; the project page's own text names it
    assert pages("wild") == {"talks", "projects/hole-punching", "results"}
    # "Receive window auto-tuning for Yamux": the results page, and the job that says it
    assert pages("yamux") == {"jobs", "results"}
    skills = soup(built, "skills")
    assert skills.select("ul.cv-skill-list.no-search")  # the lists are still shown
    assert "skills" in pages("libp2p")  # and the skills' own names are still found


def test_search_page_holds_objects(built: SphinxTestApp) -> None:
    """Sphinx's name-only object search skips cv objects; the search page carries them,
    with label, summary, tags and text, for cv_search.js."""
    text = (built.outdir / "searchindex.js").read_text(encoding="utf8")
    index = json.loads(re.search(r"Search\.setIndex\((.*)\)\s*$", text, re.DOTALL).group(1))
    assert not any(key.startswith("cv:") for key in index["objtypes"].values())
    page = soup(built, "search")
    assert page.select_one('script[src*="cv_search.js"]') is not None
    objects = json.loads(page.select_one("script#cv-search-data").string)
    found = {(o["label"], o["title"]): o for o in objects}
    assert set(found) >= {
        ("Project", "Decentralized hole punching"),
        ("Talk", "Hole punching in the wild"),
        ("Job", "Software Engineer (fixed-term), Mozilla"),
        ("Achievement", "Receive window auto-tuning for Yamux"),
        ("Skill", "libp2p"),
        ("Skill", "flow control"),  # by its label
    }
    job = found[("Job", "Software Engineer (fixed-term), Mozilla")]
    assert job["tags"] == ["http3", "quic", "rust"]
    project = found[("Project", "Decentralized hole punching")]
    assert "nat traversal" in project["tags"] and "nat-traversal" in project["tags"]
    assert job["anchor"] == "cv-entry-mozilla-2024"
    assert job["summary"].startswith("Rewrite Firefox")
    # a project heading its page is the page
    assert found[("Project", "Decentralized hole punching")]["anchor"] == ""
    assert "<script" not in soup(built, "jobs").select_one("article").decode()  # no leak
