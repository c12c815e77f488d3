"""Audiences: a page and a JSON Resume export per audience, selected and ordered, never rewritten."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, TESTS, need, sphinx_build
from hypothesis import given
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors
from test_builds import assert_same_as_clean, differences, edit, rebuild
from test_exports import strict_validator

from cv_ext.core.audiences import Audience, parse_audiences, score, select
from cv_ext.core.audiences import skills as audience_skills
from cv_ext.core.dates import Date, parse_period
from cv_ext.core.records import Entry, Talk
from cv_ext.reading.config import audiences, today
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

ROOT = TESTS / "roots" / "test-audiences"


#: how :func:`tailored` marks an entry shown as one line
LINE = " [line]"


def tailored(page: Path) -> list[tuple[str, list[str]]]:
    """(heading, [linked titles]) of each section of a page's tailored CV, in page order;
    an entry shown as its line alone ends in :data:`LINE`."""
    soup = BeautifulSoup(page.read_text(encoding="utf8"), "html.parser")
    container = soup.select_one("div.cv-audience")
    assert container is not None, page
    parts: list[tuple[str, list[str]]] = []
    for node in container.find_all(["p", "ol"], recursive=False):
        if "rubric" in node.get("class", []):
            parts.append((node.get_text(strip=True), []))
        elif node.name == "ol":
            for item in node.find_all("li", recursive=False):
                link = item.find("p").select_one("a.reference.internal")
                brief = "cv-brief" in item.get("class", [])
                parts[-1][1].append(link.get_text(strip=True) + (LINE if brief else ""))
    return parts


def load(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf8")))


# --- the configuration ---------------------------------------------------------------------------


def test_valid_audiences_parse_in_declared_order() -> None:
    parsed, errors = parse_audiences(
        {
            "net": {"title": "networking", "tags": ["QUIC", "peer-to-peer"]},
            "ops": {"title": "ops", "tags": "monitoring", "kinds": ["talk"], "since": "2018-05"},
        }
    )
    assert [a.name for a in parsed] == ["net", "ops"]
    assert parsed[0].tags == ("quic", "peer-to-peer")
    assert parsed[0].kinds == (
        "work",
        "project",
        "achievement",
        "talk",
        "volunteering",
        "education",
    )
    assert parsed[1].since == Date(2018, 5)
    # the work history is never hidden: a kinds list without work gets it back, with a warning
    assert parsed[1].kinds == ("work", "talk")
    assert errors == [
        "cv_audiences['ops']: 'kinds' must include 'work': the work history is never hidden"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([], "cv_audiences must be a dict of name -> audience, not list"),
        ({"Bad Name": {"title": "t", "tags": ["a"]}}, "the name must be lowercase"),
        ({"a": "quic"}, "must be a dict with 'title' and 'tags'"),
        ({"a": {"tags": ["x"]}}, "'title' must be a non-empty string"),
        ({"a": {"title": "t", "tags": []}}, "'tags' must be a non-empty list of tags"),
        ({"a": {"title": "t", "tags": [1]}}, "'tags' must be a non-empty list of tags"),
    ],
)
def test_bad_audiences_are_left_out_with_a_reason(value: object, message: str) -> None:
    parsed, errors = parse_audiences(value)
    assert parsed == []
    assert len(errors) == 1
    assert message in errors[0]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"kinds": ["work", "papers"]}, "unknown kind 'papers'"),
        ({"since": "2018-13"}, "'since': "),
        ({"colour": "red"}, "unknown key 'colour'"),
    ],
)
def test_bad_optional_keys_are_ignored_with_a_reason(extra: dict[str, Any], message: str) -> None:
    parsed, errors = parse_audiences({"a": {"title": "t", "tags": ["x"], **extra}})
    assert [a.name for a in parsed] == ["a"]
    assert len(errors) == 1
    assert message in errors[0]


def test_threshold_is_an_optional_number() -> None:
    parsed, errors = parse_audiences({"a": {"title": "t", "tags": ["x"], "threshold": 0.5}})
    assert parsed[0].threshold == 0.5
    assert errors == []
    parsed, errors = parse_audiences({"a": {"title": "t", "tags": ["x"], "threshold": "high"}})
    assert parsed[0].threshold == 0.2
    assert errors == ["cv_audiences['a']: 'threshold' must be a number >= 0; using 0.2"]


def test_score_weighs_tags_text_and_tied_records() -> None:
    net = Audience("net", "networking", ("quic", "peer-to-peer"))
    job = Entry("j", "Engineer", "Acme", parse_period("2020"), tags=("quic", "rust", "go", "sql"))
    # one tag of the audience among four
    assert score(job, net) == 0.25
    # "P2P" in its text counts half a tag, in any spelling
    said = dataclasses.replace(job, summary="Built P2P sync.")
    assert score(said, net) == (1 + 0.5) / 4
    # a talk tied to the job carries the other tag: a whole tag
    talk = Talk("t", "Talk", Date(2021), entry="j", tags=("peer-to-peer",))
    assert score(job, net, [talk]) == 2 / 4
    # one tag among seven is not what a job is about (the threshold is 0.2)
    busy = dataclasses.replace(job, tags=("quic", "a", "b", "c", "d", "e", "f"))
    assert score(busy, net) < net.threshold <= score(job, net)
    assert score(Entry("x", "Cook", "", parse_period("2020")), net) == 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_parse_audiences_never_raises(value: object) -> None:
    parsed, errors = parse_audiences(value)
    assert all(isinstance(a, Audience) and a.tags and "work" in a.kinds for a in parsed)
    assert all(isinstance(error, str) for error in errors)


@pytest.mark.sphinx(
    "html",
    testroot="audiences",
    freshenv=True,
    confoverrides={"cv_audiences": {"Net!": {"title": "t", "tags": ["quic"]}, "ops": 3}},
)
def test_bad_config_warns_cv_config(app: SphinxTestApp) -> None:
    warnings = strip_colors(app.warning.getvalue())
    assert "cv_audiences['Net!']: the name must be lowercase" in warnings
    assert "cv_audiences['ops']: must be a dict" in warnings
    assert warnings.count("[cv.config]") == 2
    app.build()
    # the pages now name audiences nobody declared: a located warning each, no traceback
    warnings = strip_colors(app.warning.getvalue())
    assert "for/net.md:3: WARNING: cv-audience: unknown audience 'net'" in warnings
    assert "for/ops.rst:4: WARNING: cv-audience: unknown audience 'ops'" in warnings
    assert "Traceback" not in warnings


# --- the small root: RST and MyST ----------------------------------------------------------------


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    app = SphinxTestApp("dirhtml", srcdir=ROOT, builddir=tmp_path_factory.mktemp("audiences"))
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


NET = [
    # in date order, newest first: the selected jobs in full, every other one as its line
    (
        "Work",
        [
            "Network Engineer, Acme Networks",
            # half its tags are about net: "QUIC" in its text counts half a tag (0.5 / 2)
            "Site Reliability Engineer, Beta Ops",
            "Developer, Gamma Web" + LINE,
            "Intern, Delta Peer",
        ],
    ),
    ("Projects", ["QUIC stack"]),
    ("Achievements", ["Lower QUIC latency"]),
    ("Talks", ["QUIC in practice", "Peer-to-peer basics"]),
    # nothing of the volunteering is about net: one line each, never hidden
    ("Volunteering", ["Mentor, Code Club" + LINE]),
    ("Education", ["BSc Computing, Example University"]),
]
OPS = [
    # since 2018: the 2015 internship carries the tag but is older, so it is one line
    (
        "Work",
        [
            "Network Engineer, Acme Networks" + LINE,
            "Site Reliability Engineer, Beta Ops",
            "Developer, Gamma Web",
            "Intern, Delta Peer" + LINE,
        ],
    ),
    # the audience's own order of kinds: talks before projects, no achievements
    ("Talks", ["Monitoring at scale"]),
    ("Projects", ["Dashboards"]),
]


@pytest.mark.parametrize(("name", "expected"), [("net", NET), ("ops", OPS)])
def test_audience_page_shows_exactly_the_selection_in_order(
    root: SphinxTestApp, name: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert root.warning.getvalue() == ""
    assert tailored(root.outdir / "for" / name / "index.html") == expected


def test_audience_page_links_the_full_cv_and_its_export(root: SphinxTestApp) -> None:
    page = BeautifulSoup(
        (root.outdir / "for" / "net" / "index.html").read_text(encoding="utf8"), "html.parser"
    )
    intro = page.select_one(".cv-audience-intro")
    links = {a.get_text(strip=True): a["href"] for a in intro.find_all("a")}
    assert links == {"The full CV": "../../", "JSON Resume (cv.net.json)": "../../cv.net.json"}
    # the entry's own body, as written, its links resolved from this page; its tags,
    # with the audience's own marked
    acme = page.select("ol.cv-selected")[0].find("li", recursive=False)
    body = acme.find_all(["p", "ul"], recursive=False)[1:-1]
    assert [node.get_text(" ", strip=True) for node in body] == [
        "Builds a QUIC stack: QUIC stack . See Talks .",
        "Ships HTTP/3. With quinn .",
    ]
    assert [a["href"] for a in body[0].find_all("a")] == [
        "../../projects/quic-stack/",
        "../../talks/",
    ]
    assert body[1].select_one("ul li code").get_text() == "quinn"  # nesting and markup kept
    assert [t.get_text() for t in acme.select(".cv-tag-match")] == ["quic"]
    # an achievement written in reStructuredText: its metric, then its body
    achievement = page.select("ol.cv-selected")[2].find("li", recursive=False)
    assert [p.get_text(" ", strip=True) for p in achievement.find_all("p", recursive=False)] == [
        "1 Jun 2023 · Lower QUIC latency",
        "latency: 100 ms → 20 ms (÷5)",
        "Part of QUIC stack .",
        "Tags: quic",
    ]


def test_every_job_is_on_every_audience_page(root: SphinxTestApp) -> None:
    jobs = [e for e in get_domain(root.env).entries.values() if e.kind == "work"]
    for name in ("net", "ops"):
        shown = [
            title.removesuffix(LINE)
            for heading, titles in tailored(root.outdir / "for" / name / "index.html")
            if "work" in heading.lower()
            for title in titles
        ]
        assert sorted(shown) == sorted(f"{job.title}, {job.org}" for job in jobs)


@pytest.mark.parametrize("name", ["net", "ops"])
def test_audience_export_is_valid_and_holds_the_selection(root: SphinxTestApp, name: str) -> None:
    resume = load(root.outdir / f"cv.{name}.json")
    assert list(strict_validator().iter_errors(resume)) == []
    assert resume["meta"]["canonical"] == f"https://cv.example.org/cv.{name}.json"
    expected = dict(NET if name == "net" else OPS)
    works = [work.removesuffix(LINE) for work in expected["Work"]]
    assert [f"{w['position']}, {w['name']}" for w in resume["work"]] == works  # date order
    # a job the audience does not select keeps position, organisation and dates: one line
    for job, shown in zip(resume["work"], expected["Work"], strict=True):
        if shown.endswith(LINE):
            assert set(job) == {"name", "position", "startDate", "endDate"} - (
                set() if "endDate" in job else {"endDate"}
            )
        else:
            assert "summary" in job
    projects = [p["name"] for p in resume.get("projects", []) if p.get("type") != "talk"]
    talks = [p["name"] for p in resume.get("projects", []) if p.get("type") == "talk"]
    assert projects == expected.get("Projects", [])
    assert talks == expected.get("Talks", [])
    assert resume["basics"]["name"] == "Alex Example"


def test_export_sentences_are_the_full_exports_sentences(root: SphinxTestApp) -> None:
    full = load(root.outdir / "cv.json")
    net = load(root.outdir / "cv.net.json")
    acme = next(job for job in full["work"] if job["name"] == "Acme Networks")
    assert net["work"][0] == acme  # selected in full: nothing rewritten, nothing added
    assert net["work"][0]["highlights"] == [
        "Ships HTTP/3.",
        "With quinn.",
        "Lower QUIC latency (2023-06-01): latency: 100 ms → 20 ms (÷5)",
    ]
    ops = load(root.outdir / "cv.ops.json")
    beta = next(job for job in ops["work"] if job["name"] == "Beta Ops")
    assert "highlights" not in beta  # ops shows no achievements, so none become highlights
    assert "volunteer" not in ops
    assert "education" not in ops


def test_select_is_the_function_the_paper_cv_calls(root: SphinxTestApp) -> None:
    declared = get_domain(root.env).views().declared
    net = audiences(root.config)["net"]
    selection = select(declared, net, today(root.config))
    work = selection.section("work")
    assert work is not None
    assert [e.id for e in work.full] == ["acme-2023", "beta-2020", "delta-2015"]
    assert [e.id for e in work.condensed] == ["gamma-2017"]
    assert [e.id for e in work.shown] == ["acme-2023", "beta-2020", "gamma-2017", "delta-2015"]
    volunteering = selection.section("volunteering")
    assert volunteering is not None
    assert volunteering.full == ()
    assert [e.id for e in volunteering.condensed] == ["code-club"]
    # every record's text is the record's own: selection never copies with changes
    records = {
        id(r)
        for r in [*declared.entries, *declared.projects, *declared.achievements, *declared.talks]
    }
    assert all(id(r) in records for s in selection.sections for r in s.full)


def test_audience_pages_are_in_the_sitemap_and_search(tmp_path: Path) -> None:
    out = tmp_path / "site"
    # the sitemap needs the site's public address
    sphinx_build(REPO / "docs", out, env={"CV_BASEURL": "http://localhost:8000/"})
    sitemap = (out / "sitemap.xml").read_text(encoding="utf8")
    index = (out / "searchindex.js").read_text(encoding="utf8")
    # the observability paper page opens with "Mozilla's" where sphinxext-opengraph cuts its
    # description: no entity is split there ("Mozilla&#x27...", an HTML error)
    html = (out / "for" / "observability-cv" / "index.html").read_text(encoding="utf8")
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description is not None
    assert re.search(r"&[#\w]*\.\.\.$", description.group(1)) is None, description.group(1)
    for name in audiences_of_docs():
        assert f"<loc>http://localhost:8000/for/{name}/</loc>" in sitemap
        assert f'"for/{name}"' in index
        assert (out / "for" / name / "index.html").is_file()


def audiences_of_docs() -> list[str]:
    namespace: dict[str, Any] = {"__file__": str(REPO / "docs" / "conf.py")}
    exec((REPO / "docs" / "conf.py").read_text(encoding="utf8"), namespace)  # noqa: S102
    return list(namespace["cv_audiences"])


# --- Max's site ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    app = SphinxTestApp("dirhtml", srcdir=REPO / "docs", builddir=tmp_path_factory.mktemp("site"))
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


#: every job of docs/ newest first, by the start dates of its sources (the order the
#: code under test must produce, so never taken from its views)
DOCS_JOBS = [
    "mozilla-2024",  # 2024-06
    "mozilla-neqo",  # 2023-12
    "protocol-labs",  # 2021-03
    "parity",  # 2019-07
    "spacenet",  # 2019-06
    "coreos",  # 2017-01
    "innoscale",  # 2014-08
    "contelligence",  # 2014-02
    "dhl-it-services",  # 2013-07
    "heuft",  # 2009-10
]


def docs_jobs(site: SphinxTestApp) -> list[Entry]:
    """The jobs of docs/ in the order of :data:`DOCS_JOBS`; no other job is declared."""
    entries = get_domain(site.env).entries
    assert {e.id for e in entries.values() if e.kind == "work"} == set(DOCS_JOBS)
    return [entries[job] for job in DOCS_JOBS]


#: the jobs each audience of docs/conf.py shows in full, newest first
DOCS_SELECTED = {
    "networking": ["mozilla-2024", "mozilla-neqo", "protocol-labs", "parity"],
    # not the Firefox QUIC job: one "glean" tag among its seven is not what it is about
    "observability": ["parity", "spacenet", "coreos"],
}


@pytest.mark.parametrize("name", list(DOCS_SELECTED))
def test_docs_audience_page_and_export(site: SphinxTestApp, name: str) -> None:
    assert audiences_of_docs() == list(DOCS_SELECTED)
    domain = get_domain(site.env)
    audience = audiences(site.config)[name]
    views = domain.views()
    jobs = docs_jobs(site)
    selection = select(views.declared, audience, today(site.config))
    work = selection.section("work")
    assert work is not None
    assert [e.id for e in work.full] == DOCS_SELECTED[name]
    # the page: every job in date order, newest first, the selected ones in full
    parts = dict(tailored(site.outdir / "for" / name / "index.html"))
    title = {e.id: f"{e.title}, {e.org}" for e in jobs}
    assert parts["Work"] == [
        title[e.id] + ("" if e.id in DOCS_SELECTED[name] else LINE) for e in jobs
    ]
    for kind, heading in (
        ("project", "Projects"),
        ("achievement", "Achievements"),
        ("talk", "Talks"),
    ):
        section = selection.section(kind)
        assert section is not None
        assert parts.get(heading, []) == [r.title for r in section.full], heading
    if name == "observability":
        assert "Fast UDP IO for Firefox" not in parts["Projects"]  # tagged glean only
    # the export: valid, every job in the page's order (a role without an employer is a
    # "contribution" among the projects, as in cv.json)
    resume = load(site.outdir / f"cv.{name}.json")
    assert list(strict_validator().iter_errors(resume)) == []
    assert [w["name"] + "/" + w["position"] for w in resume["work"]] == [
        f"{e.org}/{e.title}" for e in jobs if e.employer
    ]
    contributions = [p["name"] for p in resume["projects"] if p.get("type") == "contribution"]
    assert contributions == [e.title for e in jobs if not e.employer]
    # every job is the full export's, never reworded: the same fields, its highlights a
    # selection of the full ones in their order; a job not selected has no summary, no
    # tags (keywords) either: one line
    full = load(site.outdir / "cv.json")
    employed = [e for e in jobs if e.employer]
    for entry, job in zip(employed, resume["work"], strict=True):
        same = next(
            j for j in full["work"] if (j["name"], j["position"]) == (job["name"], job["position"])
        )
        highlights = job.pop("highlights", [])
        assert highlights == [h for h in same.pop("highlights", []) if h in highlights]
        if entry.id in DOCS_SELECTED[name]:
            assert job == same
        else:
            assert "summary" not in job
            condensed = {"summary", "keywords"}
            assert job == {key: value for key, value in same.items() if key not in condensed}


def test_docs_audience_skills_are_its_own(site: SphinxTestApp) -> None:
    declared = get_domain(site.env).views().declared
    lines = {
        name: audience_skills(select(declared, audience, today(site.config)), today(site.config))
        for name, audience in audiences(site.config).items()
    }
    assert lines["networking"][:8] == [
        "libp2p",
        "rust",
        "peer-to-peer",
        "hole-punching",
        "quic",
        "udp",
        "kademlia",
        "http3",
    ]
    assert lines["observability"][:4] == ["prometheus", "kubernetes", "rust", "monitoring"]


def test_intro_is_words_not_tag_slugs(site: SphinxTestApp) -> None:
    page = BeautifulSoup(
        (site.outdir / "for" / "networking" / "index.html").read_text(encoding="utf8"),
        "html.parser",
    )
    intro = page.select_one(".cv-audience-intro").get_text(" ", strip=True)
    assert intro.startswith(
        "This CV is selected for networking: QUIC, HTTP/3 and peer-to-peer. It shows in full "
        "the jobs, projects, achievements and talks that are mostly about this, and every "
        "other job in one line, each section newest first."
    )
    assert "quinn-udp" not in intro
    assert "flow-control" not in intro


# --- parallel and incremental builds -------------------------------------------------------------


def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    sphinx_build(ROOT, tmp_path / "serial")
    result = sphinx_build(ROOT, tmp_path / "parallel", "-j", "2")
    assert "doing serial read" not in result.stdout + result.stderr
    assert differences(tmp_path / "serial", tmp_path / "parallel") == []
    assert (tmp_path / "parallel" / "cv.ops.json").is_file()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the audiences root, built once."""
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    sphinx_build(src, tmp_path / "out")
    return src


def test_newly_tagged_job_is_shown_in_full_in_its_place(copy: Path, tmp_path: Path) -> None:
    edit(copy / "jobs.md", ":tags: javascript, monitoring", ":tags: javascript, monitoring, quic")
    # the job's page, the page of the talk naming it (as for any edit of a record), and
    # both audience pages: net now shows it in full, ops shows its new tag
    assert rebuild(copy, tmp_path / "out") == {"jobs", "talks", "for/net", "for/ops", "index"}
    parts = dict(tailored(tmp_path / "out" / "for" / "net" / "index.html"))
    assert parts["Work"] == [
        "Network Engineer, Acme Networks",
        "Site Reliability Engineer, Beta Ops",
        "Developer, Gamma Web",
        "Intern, Delta Peer",
    ]
    assert "Builds web pages" in (tmp_path / "out" / "cv.net.json").read_text(encoding="utf8")
    assert_same_as_clean(copy, tmp_path)


def test_renamed_project_updates_the_bodies_that_name_it(copy: Path, tmp_path: Path) -> None:
    edit(copy / "projects" / "quic-stack.md", "# QUIC stack", "# Renamed stack")
    rewritten = rebuild(copy, tmp_path / "out")
    assert {"for/net", "projects/quic-stack", "jobs", "results"} <= rewritten
    # ops does not select the project, but shows the body of a job naming it
    assert "for/ops" in rewritten
    ops = (tmp_path / "out" / "for" / "ops" / "index.html").read_text(encoding="utf8")
    assert "Runs the monitoring of Renamed stack" in BeautifulSoup(ops, "html.parser").get_text()
    page = BeautifulSoup(
        (tmp_path / "out" / "for" / "net" / "index.html").read_text(encoding="utf8"), "html.parser"
    )
    links = [a.get_text() for a in page.select("div.cv-audience a.reference.internal")]
    # a job's body, the project itself, the achievement's body; the job that runs the
    # monitoring no longer says "QUIC" once the project it names is renamed, and shrinks to
    # its one line here (a clean build agrees: assert_same_as_clean)
    assert links.count("Renamed stack") == 3, links
    assert "Runs the monitoring" not in page.select_one("div.cv-audience").get_text()
    assert "QUIC stack" not in links
    assert_same_as_clean(copy, tmp_path)


def test_untagged_talk_leaves_audience_pages_alone(copy: Path, tmp_path: Path) -> None:
    edit(copy / "talks.md", ":event: Somewhere", ":event: Somewhere else")
    assert rebuild(copy, tmp_path / "out") == {"talks", "index"}
    assert_same_as_clean(copy, tmp_path)


def test_no_change_rewrites_no_audience_page(copy: Path, tmp_path: Path) -> None:
    assert rebuild(copy, tmp_path / "out") == set()


# --- the paper CV per audience -------------------------------------------------------------------


def test_paper_cv_takes_an_audience(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    (src / "paper.md").write_text(
        "---\norphan: true\n---\n\n# CV\n\n:::{cv-document}\n:audience: net\n:::\n"
        "\n:::{cv-document}\n:audience: nobody\n:::\n",
        encoding="utf8",
    )
    app = SphinxTestApp("text", srcdir=src, builddir=tmp_path / "out")
    try:
        app.build()
        warnings = strip_colors(app.warning.getvalue())
        text = (app.outdir / "paper.txt").read_text(encoding="utf8")
    finally:
        app.cleanup()
    assert "paper.md:11: WARNING: cv-document: unknown audience 'nobody'" in warnings
    assert "[cv.ref]" in warnings
    tailored, whole = text.split("Alex Example", 2)[1:]
    # every job newest first: the audience's jobs with their text, the others as headers
    # alone; each header's role is a bold run of its own
    work = re.split(r"\n(?!Experience)\w[^\n]*\n=+\n", tailored.split("Experience\n", 1)[1])[0]
    heads = re.findall(r"^\*\*([^*\n]+)\*\*", work, re.MULTILINE)
    assert heads == ["Network Engineer", "Site Reliability Engineer", "Developer", "Intern"]
    assert "Builds a QUIC stack" in tailored
    assert "Learns peer-to-peer" in tailored
    assert "Runs the monitoring" in tailored  # Beta Ops: "QUIC stack" in its text
    assert "Builds web pages" not in tailored  # Gamma Web: one line
    assert "Lower QUIC latency" in tailored
    assert "Fewer alerts" not in tailored
    assert "Monitoring at scale" not in tailored
    # an unknown audience: a warning, and the whole CV rather than a wrong selection
    assert "Runs the monitoring" in whole
    assert "Monitoring at scale" in whole


def _pdf_text(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def _pdf_info(pdf: Path) -> dict[str, str]:
    result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``sphinx-build -M latexpdf docs``: the whole CV and one PDF per audience."""
    need(("latexmk", "pdftotext", "pdfinfo"), ".ci/run installs TeX Live and poppler-utils")
    out = tmp_path_factory.mktemp("pdfs")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-M",
            "latexpdf",
            str(REPO / "docs"),
            str(out),
            "-n",
            "-W",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out / "latex"


@pytest.mark.parametrize("name", list(DOCS_SELECTED))
def test_pdf_per_audience(site: SphinxTestApp, pdfs: Path, name: str) -> None:
    assert sorted(p.name for p in pdfs.glob("*.pdf")) == [
        "max-inden-cv-networking.pdf",
        "max-inden-cv-observability.pdf",
        "max-inden-cv.pdf",
    ]
    pdf = pdfs / f"max-inden-cv-{name}.pdf"
    info = _pdf_info(pdf)
    audience = audiences(site.config)[name]
    assert info["Title"] == f"Max Inden: Curriculum vitae for {audience.title}"
    assert int(info["Pages"]) <= 3
    assert "(A4)" in info["Page size"]
    text = " ".join(_pdf_text(pdf).split())
    views = get_domain(site.env).views()
    jobs = docs_jobs(site)
    # every job is there, at least as its header line, newest first: no date runs back;
    # a role, then its organisation (a contribution names none: that would read as
    # employment) and its dates, as runs of their own on the header line
    at = 0
    for entry in jobs:
        at = text.index(f"{entry.title} ", at)
        near = text[at : at + len(entry.title) + len(entry.org) + 30]
        if not entry.contribution:
            assert entry.org in near, entry.id
        at += len(entry.title)
    # the selected jobs with their text, the others without it
    first_sentence = {
        "coreos": "Systems engineer working on the open source monitoring project",
        "innoscale": "Development of a master data management web application",
        "spacenet": "Work on a multiplexed fiber-optic setup",
        "protocol-labs": "Co-lead of the open source peer-to-peer networking library",
    }
    for job, sentence in first_sentence.items():
        assert (sentence in text) == (job in DOCS_SELECTED[name]), job
    # talks: exactly those the audience selects
    talks = select(views.declared, audience, today(site.config)).section("talk")
    assert talks is not None
    for talk in views.talks:
        assert (" ".join(talk.title.split()) in text) == (talk in talks.full), talk.title
    # its own skills line, not the whole CV's
    skills = audience_skills(
        select(views.declared, audience, today(site.config)), today(site.config)
    )
    assert " · ".join(views.skill_names[tag] for tag in skills[:8]) in text
