"""Machine-readable exports: JSON Resume (validated, counted, round-tripped), JSON-LD, OpenGraph."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from bs4 import BeautifulSoup
from conftest import REPO, TESTS, sphinx_build
from pyld import jsonld
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

from cv_ext.outputs.export import schema_errors
from cv_ext.outputs.export.jsonresume import schema
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

SCHEMA_ORG = "https://schema.org/"


def offline_loader(url: str, options: dict[str, Any]) -> dict[str, Any]:
    """pyld's document loader without a network: schema.org's context is its vocabulary."""
    assert url.rstrip("/") == SCHEMA_ORG.rstrip("/"), url
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA_ORG}},
    }


def graphs(html: str) -> list[dict[str, Any]]:
    """Every JSON-LD document of a page, parsed with the HTML parser a browser would use."""
    page = BeautifulSoup(html, "html.parser")
    return [
        json.loads(script.string) for script in page.select('script[type="application/ld+json"]')
    ]


def flatten(documents: list[dict[str, Any]], base: str) -> dict[str, dict[str, Any]]:
    """The nodes of all *documents* merged by @id, as JSON-LD processors merge them."""
    merged = {"@context": SCHEMA_ORG, "@graph": [n for doc in documents for n in doc["@graph"]]}
    flat = jsonld.flatten(merged, options={"documentLoader": offline_loader, "base": base})
    return {node["@id"]: node for node in flat}


def strict_validator() -> jsonschema.Draft7Validator:
    checker = jsonschema.FormatChecker()
    assert {"uri", "email"} <= set(checker.checkers)  # format checks really run
    return jsonschema.Draft7Validator(schema(), format_checker=checker)


# --- the career site ------------------------------------------------------------------------------


#: the address Read the Docs gives the site
RTD_URL = "https://max-inden.readthedocs.io/en/latest/"
#: what a build must not take from the environment unless a test says so
ADDRESS_VARIABLES = (
    "CV_BASEURL",
    "READTHEDOCS",
    "READTHEDOCS_CANONICAL_URL",
    "READTHEDOCS_LANGUAGE",
    "READTHEDOCS_VERSION",
    "READTHEDOCS_PROJECT",
    "READTHEDOCS_OUTPUT",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """docs/ built in-process with a public address (CV_BASEURL), as a host would."""
    with pytest.MonkeyPatch.context() as env:
        for name in ADDRESS_VARIABLES:
            env.delenv(name, raising=False)
        env.setenv("CV_BASEURL", RTD_URL)
        app = SphinxTestApp(
            "dirhtml", srcdir=REPO / "docs", builddir=tmp_path_factory.mktemp("site")
        )
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def site_resume(site: SphinxTestApp) -> dict[str, Any]:
    return dict(json.loads((site.outdir / "cv.json").read_text(encoding="utf8")))


def site_graph(site: SphinxTestApp) -> dict[str, dict[str, Any]]:
    """The JSON-LD of every page of the site, flattened."""
    documents = [
        doc
        for page in sorted(site.outdir.rglob("*.html"))
        for doc in graphs(page.read_text(encoding="utf8"))
    ]
    return flatten(documents, site.config.html_baseurl)


def values(node: dict[str, Any], prop: str) -> list[Any]:
    """The plain values of a flattened node's schema.org property."""
    return [item.get("@value", item.get("@id")) for item in node.get(SCHEMA_ORG + prop, [])]


def test_json_resume_is_valid_with_format_checking(site: SphinxTestApp) -> None:
    resume = json.loads((site.outdir / "cv.json").read_text(encoding="utf8"))
    errors = list(strict_validator().iter_errors(resume))
    assert errors == []
    assert resume["$schema"].endswith("/schema.json")


def test_json_resume_counts_match_the_domain(site: SphinxTestApp) -> None:
    resume = json.loads((site.outdir / "cv.json").read_text(encoding="utf8"))
    domain = get_domain(site.env)
    kinds = [entry.kind for entry in domain.entries.values()]
    contributions = [entry for entry in domain.entries.values() if entry.contribution]
    assert len(resume["work"]) == kinds.count("work") - len(contributions) == 9
    # one item per span: the Prometheus core membership has two
    assert len(resume["volunteer"]) == kinds.count("volunteering") + 1 == 7
    assert len(resume["education"]) == kinds.count("education") == 4
    talks = [p for p in resume["projects"] if p.get("type") == "talk"]
    exported = [p for p in resume["projects"] if p.get("type") == "contribution"]
    projects = [p for p in resume["projects"] if p.get("type") not in {"talk", "contribution"}]
    # one item per span: the community client is two contributions on two days
    assert len(projects) == len(domain.projects) + 1 == 11
    assert len(talks) == len(domain.talks) == 14
    assert len(exported) == len(contributions) == 1
    assert [lang["language"] for lang in resume["languages"]] == ["German", "English"]
    assert resume["basics"]["name"] == "Max Inden"
    assert {p["network"] for p in resume["basics"]["profiles"]} == {"GitHub", "Mastodon"}
    protocol_labs = next(job for job in resume["work"] if job["name"] == "Protocol Labs")
    assert any(
        h.startswith("Receive window auto-tuning for Yamux (2023-11-23)")
        for h in protocol_labs["highlights"]
    )


def test_json_resume_is_linked_from_the_site(site: SphinxTestApp) -> None:
    home = BeautifulSoup((site.outdir / "index.html").read_text(encoding="utf8"), "html.parser")
    # announced to machines in the head; a reader's contact row has no "JSON Resume"
    link = home.select_one('head link[rel="alternate"][type="application/json"]')
    assert (link["href"], link["title"]) == ("cv.json", "JSON Resume")
    assert "JSON Resume" not in home.select_one(".cv-contact").get_text()


def test_jsonld_is_one_connected_graph(site: SphinxTestApp) -> None:
    base = site.config.html_baseurl
    documents = [
        doc
        for page in sorted(site.outdir.rglob("*.html"))
        for doc in graphs(page.read_text(encoding="utf8"))
    ]
    nodes = flatten(documents, base)
    person_id = base + "#person"
    person = nodes[person_id]
    assert person["@type"] == [SCHEMA_ORG + "Person"]
    assert person[SCHEMA_ORG + "name"] == [{"@value": "Max Inden"}]
    assert len(person[SCHEMA_ORG + "worksFor"]) == 9
    assert len(person[SCHEMA_ORG + "memberOf"]) == 7  # one role per span
    assert len(person[SCHEMA_ORG + "alumniOf"]) == 4
    assert len(person[SCHEMA_ORG + "knowsLanguage"]) == 2

    def related(prop: str) -> list[dict[str, Any]]:
        return [n for n in nodes.values() if n.get(SCHEMA_ORG + prop) == [{"@id": person_id}]]

    performed = related("performer")
    projects = [n for n in nodes.values() if n["@id"].startswith(base + "projects/")]
    assert len(projects) == 10  # every project, on its own page
    assert all(n in projects for n in related("creator") + related("contributor"))
    assert len(related("creator")) + len(related("contributor")) == 10  # each says which
    assert len(performed) == 14  # every talk


def test_periods_with_several_spans_export_one_item_per_span(site: SphinxTestApp) -> None:
    """ "2017 - 2020, 2022 - present": the gap survives in cv.json and in JSON-LD."""
    core = [
        (item.get("startDate"), item.get("endDate"))
        for item in site_resume(site)["volunteer"]
        if item["position"] == "Prometheus Core Member"
    ]
    assert core == [("2017", "2020"), ("2022", None)]
    nodes = site_graph(site)
    person = nodes[site.config.html_baseurl + "#person"]
    roles = [nodes[ref["@id"]] for ref in person[SCHEMA_ORG + "memberOf"]]
    core_roles = sorted(
        (values(role, "startDate"), values(role, "endDate"))
        for role in roles
        if values(role, "roleName") == ["Prometheus Core Member"]
    )
    assert core_roles == [(["2017"], ["2020"]), (["2022"], [])]


def project_node(site: SphinxTestApp, name: str) -> dict[str, Any]:
    nodes = site_graph(site)
    return nodes[f"{site.config.html_baseurl}projects/{name}/"]


def test_project_period_and_relationship(site: SphinxTestApp) -> None:
    """A project's period and the person's part in it, in cv.json and in JSON-LD."""
    by_name = {item["name"]: item for item in site_resume(site)["projects"]}
    client = by_name["Official Prometheus Rust client library"]
    assert (client["startDate"], client.get("endDate")) == ("2020-12-12", None)  # to present
    assert client["roles"] == ["Creator", "Maintainer"]
    club = by_name["Distributed systems book club"]
    # a start and no end: the last public post is not the club's end
    assert (club["startDate"], club.get("endDate")) == ("2018-08-17", None)
    for name in (
        "Contributions to neqo",
        "kube-state-metrics performance optimization",
        "Community Prometheus Rust client library",
    ):
        assert by_name[name]["roles"] == ["Contributor"], name

    person = [{"@id": site.config.html_baseurl + "#person"}]
    node = project_node(site, "prometheus-client-rust")
    assert node[SCHEMA_ORG + "creator"] == node[SCHEMA_ORG + "maintainer"] == person
    assert SCHEMA_ORG + "contributor" not in node
    assert values(node, "dateCreated") == ["2020-12-12"]  # the first commit
    for name in ("neqo", "kube-state-metrics", "prometheus-rust-community"):
        node = project_node(site, name)
        assert node[SCHEMA_ORG + "contributor"] == person, name
        assert SCHEMA_ORG + "creator" not in node, name
        assert SCHEMA_ORG + "dateCreated" not in node, name  # he did not create it


def test_contribution_claims_no_employer(site: SphinxTestApp) -> None:
    """The neqo contribution names Mozilla as the organisation served, not as employer."""
    title = "External contributor to Mozilla\u2019s HTTP3/QUIC stack"
    resume = site_resume(site)
    assert [job["position"] for job in resume["work"] if job["name"] == "Mozilla"] == [
        "Software Engineer (fixed-term)"
    ]
    (contribution,) = [p for p in resume["projects"] if p.get("type") == "contribution"]
    assert contribution["name"].replace("'", "\u2019") == title
    assert (contribution["entity"], contribution["startDate"], contribution["endDate"]) == (
        "Mozilla",
        "2023-12",
        "2024-05",
    )
    assert "89 pull requests to github.com/mozilla/neqo." in contribution["highlights"]
    nodes = site_graph(site)
    person = nodes[site.config.html_baseurl + "#person"]
    role_names = [
        name.replace("'", "\u2019")
        for prop in ("worksFor", "memberOf", "alumniOf")
        for ref in person[SCHEMA_ORG + prop]
        for name in values(nodes[ref["@id"]], "roleName")
    ]
    assert title not in role_names
    assert "Software Engineer (fixed-term)" in role_names


#: every organisation the CV names (cv.txt), as the site spells it
CV_TEXT = (TESTS / "data" / "cv.txt").read_text(encoding="utf8")


def in_cv(name: str) -> bool:
    def squash(text: str) -> str:
        return re.sub(r"\W", "", text).lower()

    return squash(name) in squash(CV_TEXT)


def test_no_organisation_the_cv_does_not_name(site: SphinxTestApp) -> None:
    """Volunteer roles the CV gives alone stay alone: on the page, in cv.json, in JSON-LD."""
    resume = site_resume(site)
    orgs = [
        *(job["name"] for job in resume["work"]),
        *(item["organization"] for item in resume["volunteer"] if "organization" in item),
        *(school["institution"] for school in resume["education"]),
    ]
    assert orgs and all(in_cv(org) for org in orgs), [o for o in orgs if not in_cv(o)]
    alone = {item["position"] for item in resume["volunteer"] if "organization" not in item}
    assert alone == {
        "Tutor and Mentor for a refugee family",
        "(Certified) Ski Instructor",
        "Math, Physics and English Tutor",
    }
    nodes = site_graph(site)
    organisations = [
        name
        for node in nodes.values()
        if {SCHEMA_ORG + "Organization", SCHEMA_ORG + "EducationalOrganization"}
        & set(node.get("@type", []))
        for name in values(node, "name")
    ]
    assert organisations and all(in_cv(org) for org in organisations), organisations
    page = BeautifulSoup(
        (site.outdir / "volunteering" / "index.html").read_text(encoding="utf8"), "html.parser"
    )
    for anchor in ("refugee-mentor", "ski-instructor", "tutor"):
        assert page.select_one(f"article#{anchor} .cv-org") is None, anchor


def test_no_factor_on_approximate_metrics(site: SphinxTestApp) -> None:
    """ "~30 Mbit/s -> 1.3 Gbit/s" is self-reported and approximate: no "×43" anywhere."""
    for path in site.outdir.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".js", ".txt"}:
            assert "×43" not in path.read_text(encoding="utf8"), path
    page = BeautifulSoup(
        (site.outdir / "achievements" / "index.html").read_text(encoding="utf8"), "html.parser"
    )
    assert page.select_one("#yamux-auto-tuning .cv-metric") is not None
    assert page.select_one("#yamux-auto-tuning .cv-factor") is None
    labs = next(job for job in site_resume(site)["work"] if job["name"] == "Protocol Labs")
    assert (
        "Receive window auto-tuning for Yamux (2023-11-23): "
        "peak throughput: ~30 Mbit/s → 1.3 Gbit/s" in labs["highlights"]
    )


def test_every_page_carries_jsonld(site: SphinxTestApp) -> None:
    for page in site.outdir.rglob("*.html"):
        if page.parent.name in {"search", "genindex"}:
            continue
        assert len(graphs(page.read_text(encoding="utf8"))) == 1, page


def opengraph(page: Path) -> dict[str, str]:
    soup = BeautifulSoup(page.read_text(encoding="utf8"), "html.parser")
    return {tag["property"]: tag["content"] for tag in soup.select("meta[property^='og:']")}


def test_opengraph_on_every_page(site: SphinxTestApp) -> None:
    pages = {
        str(page.relative_to(site.outdir).parent): opengraph(page)
        for page in site.outdir.rglob("index.html")
        if page.parent.name not in {"search", "genindex", "404"}
    }
    assert len(pages) >= 18
    descriptions = [tags["og:description"] for tags in pages.values()]
    assert len(set(descriptions)) == len(descriptions), "og:description must differ per page"
    for name, tags in pages.items():
        assert tags["og:title"], name
        assert tags["og:url"].startswith(("https://", "http://")), name
        assert tags["og:url"].endswith("/"), name
    assert pages["."]["og:type"] == "profile"
    assert pages["projects/neqo"]["og:url"] == RTD_URL + "projects/neqo/"
    # each project page has a preview of its own, naming project and person; the rest
    # keep the site's card
    images = set()
    for name, tags in pages.items():
        if name.startswith("projects/") and name != "projects":
            assert "/_static/cv-previews/" in tags["og:image"], name
            assert tags["og:image:alt"].endswith(": a project of Max Inden"), name
            image = site.outdir / "_static" / tags["og:image"].split("/_static/", 1)[1]
            assert image.read_bytes().startswith(b"\x89PNG"), name
            images.add(tags["og:image"])
        else:
            assert tags["og:image"].endswith("/_static/og-card.png"), name
    assert len(images) == 10
    assert pages["projects/hole-punching"]["og:description"] == (
        "Hole punching for libp2p without central infrastructure, with a paper at DINPS 2022."
    )


def test_site_hygiene(site: SphinxTestApp) -> None:
    sitemap = (site.outdir / "sitemap.xml").read_text(encoding="utf8")
    assert "projects/hole-punching/</loc>" in sitemap
    assert "search/" not in sitemap
    robots = (site.outdir / "robots.txt").read_text(encoding="utf8")
    assert f"Sitemap: {site.config.html_baseurl}sitemap.xml" in robots
    assert (site.outdir / "404" / "index.html").is_file() or (site.outdir / "404.html").is_file()
    assert (site.outdir / "_static" / "favicon.svg").is_file()
    assert 'icon" href="_static/favicon.svg"' in (site.outdir / "index.html").read_text(
        encoding="utf8"
    )


# --- the public address ---------------------------------------------------------------------------

LOOPBACK = re.compile(r"localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0")


def build_docs(out: Path, monkeypatch: pytest.MonkeyPatch, **env: str) -> str:
    """docs/ built as the README says, with exactly the address variables *env*; its log."""
    for name in ADDRESS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    result = sphinx_build(REPO / "docs", out, env=env)
    return result.stdout + result.stderr


def output_files(out: Path) -> list[Path]:
    return [path for path in sorted(out.rglob("*")) if path.is_file()]


def test_no_address_without_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A local build names no loopback address anywhere, and no absolute URL of its own."""
    log = build_docs(tmp_path / "site", monkeypatch)
    assert log.count("No public address (html_baseurl) set") == 1
    for path in output_files(tmp_path / "site"):
        text = path.read_bytes().decode("utf8", errors="replace")
        assert LOOPBACK.search(text) is None, path
    assert not (tmp_path / "site" / "sitemap.xml").exists()
    assert "Sitemap" not in (tmp_path / "site" / "robots.txt").read_text(encoding="utf8")
    resume = json.loads((tmp_path / "site" / "cv.json").read_text(encoding="utf8"))
    assert "canonical" not in resume["meta"]
    for page in (tmp_path / "site").rglob("index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf8"), "html.parser")
        assert soup.select_one('link[rel="canonical"]') is None, page
        assert soup.select_one('meta[property="og:url"]') is None, page
        for document in graphs(str(soup)):
            for node in document["@graph"]:
                assert not node["@id"].startswith(("http:", "https:")), (page, node["@id"])


def expect_absolute_urls(out: Path, base: str) -> None:
    """Canonical links, og:url, JSON-LD ids, the sitemap and robots.txt all under *base*."""
    pages = sorted(out.rglob("index.html"))
    assert len(pages) >= 20
    for page in pages:
        path = page.parent.relative_to(out).as_posix()
        url = base if path == "." else f"{base}{path}/"
        soup = BeautifulSoup(page.read_text(encoding="utf8"), "html.parser")
        assert soup.select_one('link[rel="canonical"]')["href"] == url, page
        if path not in {"search", "genindex", "404"}:
            assert soup.select_one('meta[property="og:url"]')["content"] == url, page
        for document in graphs(str(soup)):
            for node in document["@graph"]:
                assert node["@id"].startswith(base), (page, node["@id"])
    sitemap = (out / "sitemap.xml").read_text(encoding="utf8")
    locs = re.findall(r"<loc>([^<]*)</loc>", sitemap)
    assert f"{base}projects/neqo/" in locs
    assert all(loc.startswith(base) for loc in locs)
    assert f"Sitemap: {base}sitemap.xml" in (out / "robots.txt").read_text(encoding="utf8")
    resume = json.loads((out / "cv.json").read_text(encoding="utf8"))
    assert resume["meta"]["canonical"] == base + "cv.json"
    for path in output_files(out):
        assert LOOPBACK.search(path.read_bytes().decode("utf8", errors="replace")) is None, path


def test_absolute_urls_with_cv_baseurl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = "https://cv.example.org/max/"
    log = build_docs(tmp_path / "site", monkeypatch, CV_BASEURL=base.rstrip("/"))
    assert "No public address" not in log
    expect_absolute_urls(tmp_path / "site", base)


def test_absolute_urls_on_read_the_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the variables Read the Docs sets, the site lives at its canonical URL."""
    build_docs(
        tmp_path / "site",
        monkeypatch,
        READTHEDOCS="True",
        READTHEDOCS_CANONICAL_URL=RTD_URL,
        READTHEDOCS_LANGUAGE="en",
        READTHEDOCS_VERSION="latest",
        READTHEDOCS_PROJECT="max-inden",
        CV_BASEURL="https://elsewhere.example.org/",  # Read the Docs' own address wins
    )
    expect_absolute_urls(tmp_path / "site", RTD_URL)
    home = BeautifulSoup(
        (tmp_path / "site" / "index.html").read_text(encoding="utf8"), "html.parser"
    )
    assert home.select_one('.cv-contact a[href="/_/downloads/en/latest/pdf/"]') is not None


# --- a small root: escaping and shape --------------------------------------------------------------


@pytest.mark.sphinx("html", testroot="exports", freshenv=True)
def test_jsonld_cannot_close_its_script(app: SphinxTestApp) -> None:
    app.build()
    html = (app.outdir / "projects" / "evil.html").read_text(encoding="utf8")
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert "<" not in script and ">" not in script
    (document,) = graphs(html)
    project = document["@graph"][1]
    assert project["name"] == "Evil </script><script>alert(1)</script>"
    assert project["description"] == "A summary with </script> and <!-- in it & more."
    # no :roles: claims the least: a contribution
    assert project["contributor"] == {"@id": "https://cv.example.org/index.html#person"}
    assert "creator" not in project


@pytest.mark.sphinx("html", testroot="exports", freshenv=True)
def test_small_root_resume(app: SphinxTestApp) -> None:
    app.build()
    resume = json.loads((app.outdir / "cv.json").read_text(encoding="utf8"))
    assert schema_errors(resume) == []
    faster = BeautifulSoup(
        (app.outdir / "jobs.html").read_text(encoding="utf8"), "html.parser"
    ).select_one("#faster .cv-factor")
    assert faster.get_text() == "(÷10)"  # exact values: the factor is shown
    assert resume["work"] == [
        {
            "name": "Example Corp",
            "position": "Engineer",
            "startDate": "2020-01",
            "summary": "Builds things.",
            "highlights": [
                "Shipped a thing.",
                "Faster (2021-05-01): latency: 100 ms → 10 ms (÷10)",
            ],
            # the entry's tags, beside the schema's fields, as resumes write them
            "keywords": ["rust"],
        }
    ]
    assert resume["education"][0] | {} == {
        "institution": "Example University",
        "area": "Computing",
        "studyType": "Bachelor",
        "startDate": "2015",
        "endDate": "2019",
    }
    assert resume["projects"][-2] == {
        "name": "A talk",
        "startDate": "2023-02-05",
        "url": "https://conf.example.org/",
        "entity": "Conference 2023",
        "type": "talk",
    }
    # a contribution: a project for the organisation served, never a job there
    assert resume["projects"][-1] == {
        "name": "External contributor",
        "highlights": ["Many pull requests."],
        "startDate": "2023-12",
        "endDate": "2024-05",
        "entity": "Other Corp",
        "type": "contribution",
    }
    assert [job["name"] for job in resume["work"]] == ["Example Corp"]
    # several spans: one item each; no organisation: none exported
    assert resume["volunteer"] == [
        {
            "organization": "Example Project",
            "position": "Core team member",
            "startDate": "2017",
            "endDate": "2020",
        },
        {"organization": "Example Project", "position": "Core team member", "startDate": "2022"},
        {"position": "Ski instructor", "startDate": "2017"},
    ]
    library = next(p for p in resume["projects"] if p["name"] == "A library")
    assert library == {
        "name": "A library",
        "startDate": "2020-12-12",
        "url": "https://github.com/jane/library",
        "roles": ["Creator", "Maintainer"],
    }


@pytest.mark.sphinx("html", testroot="exports", freshenv=True)
def test_small_root_jsonld(app: SphinxTestApp) -> None:
    app.build()
    person_id = "https://cv.example.org/index.html#person"
    (home,) = graphs((app.outdir / "index.html").read_text(encoding="utf8"))
    person = home["@graph"][0]
    assert person["@id"] == person_id
    assert [(r["roleName"], r["worksFor"]["name"]) for r in person["worksFor"]] == [
        ("Engineer", "Example Corp")
    ]  # the contribution is no employment
    assert person["memberOf"] == [
        {
            "@type": "Role",
            "roleName": "Core team member",
            "startDate": "2017",
            "endDate": "2020",
            "memberOf": {"@type": "Organization", "name": "Example Project"},
        },
        {
            "@type": "Role",
            "roleName": "Core team member",
            "startDate": "2022",
            "memberOf": {"@type": "Organization", "name": "Example Project"},
        },
        {"@type": "Role", "roleName": "Ski instructor", "startDate": "2017"},
    ]
    (page,) = graphs((app.outdir / "projects" / "library.html").read_text(encoding="utf8"))
    library = page["@graph"][1]
    assert library["creator"] == library["maintainer"] == {"@id": person_id}
    assert "contributor" not in library
    assert library["dateCreated"] == "2020-12-12"
    html = (app.outdir / "jobs.html").read_text(encoding="utf8")
    ski = BeautifulSoup(html, "html.parser").select_one("article#ski")
    assert ski.select_one(".cv-org") is None
    assert ":org:" not in app.warning.getvalue()  # a volunteer role may stand alone


@pytest.mark.parametrize("builder", ["epub", "latex", "text"])
def test_no_export_outside_web_builds(
    make_app, rootdir: Path, tmp_path: Path, builder: str
) -> None:
    app = make_app(builder, srcdir=rootdir / "test-exports", builddir=tmp_path)
    app.build()
    assert not (app.outdir / "cv.json").exists()


# --- the importer reads the export back ---------------------------------------------------


def run_import(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cv_ext", "import", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.sphinx("html", testroot="exports", freshenv=True)
def test_import_reads_back_spans_contributions_and_roles(
    app: SphinxTestApp, tmp_path: Path
) -> None:
    """What this change exports (one item per span, a volunteer role without an
    organisation, a contribution, project roles) comes back the same through the importer."""
    app.build()
    exported = app.outdir / "cv.json"
    site = tmp_path / "site"
    assert run_import(str(exported), str(site)).returncode == 0
    sphinx_build(site, tmp_path / "out")
    again = json.loads((tmp_path / "out" / "cv.json").read_text(encoding="utf8"))
    original = json.loads(exported.read_text(encoding="utf8"))
    assert again["volunteer"] == original["volunteer"]
    by_name = {item["name"]: item for item in original["projects"]}
    assert {item["name"]: item for item in again["projects"]} == by_name


@pytest.mark.sphinx(
    "html", testroot="exports", freshenv=True, confoverrides={"cv_json_resume_validate": True}
)
def test_opt_in_validation_passes_a_valid_export(app: SphinxTestApp) -> None:
    app.build()
    assert "cv.export" not in app.warning.getvalue()
    assert (app.outdir / "cv.json").is_file()


@pytest.mark.sphinx(
    "html",
    testroot="exports",
    freshenv=True,
    confoverrides={
        "cv_json_resume_validate": True,
        # a field the export lacks, written as given: the schema wants a list of interests
        "cv_json_resume_extra": {"interests": "networking"},
    },
)
def test_opt_in_validation_locates_the_error_of_an_invalid_export(app: SphinxTestApp) -> None:
    app.build()
    warnings = strip_colors(app.warning.getvalue()).splitlines()
    invalid = [line for line in warnings if "JSON Resume export is invalid" in line]
    assert len(invalid) == 1, warnings
    assert invalid[0].endswith(
        "JSON Resume export is invalid: interests: 'networking' is not of type 'array' [cv.export]"
    ), invalid
    # the warning says what is wrong; the export is written all the same
    exported = json.loads((app.outdir / "cv.json").read_text(encoding="utf8"))
    assert exported["interests"] == "networking"
