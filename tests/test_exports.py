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
from conftest import REPO, TESTS
from pyld import jsonld
from sphinx.testing.util import SphinxTestApp

from cv_ext.domain import get_domain
from cv_ext.export import schema_errors
from cv_ext.export.jsonresume import compact, schema

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

RESUMES = sorted((TESTS / "data" / "resumes").glob("*.json"))
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


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    app = SphinxTestApp("dirhtml", srcdir=REPO / "docs", builddir=tmp_path_factory.mktemp("site"))
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def test_json_resume_is_valid_with_format_checking(site: SphinxTestApp) -> None:
    resume = json.loads((site.outdir / "cv.json").read_text(encoding="utf8"))
    errors = list(strict_validator().iter_errors(resume))
    assert errors == []
    assert resume["$schema"].endswith("/schema.json")


def test_json_resume_counts_match_the_domain(site: SphinxTestApp) -> None:
    resume = json.loads((site.outdir / "cv.json").read_text(encoding="utf8"))
    domain = get_domain(site.env)
    kinds = [entry.kind for entry in domain.entries.values()]
    assert len(resume["work"]) == kinds.count("work") == 10
    assert len(resume["volunteer"]) == kinds.count("volunteering") == 6
    assert len(resume["education"]) == kinds.count("education") == 4
    talks = [p for p in resume["projects"] if p.get("type") == "talk"]
    projects = [p for p in resume["projects"] if p.get("type") != "talk"]
    assert len(projects) == len(domain.projects) == 10
    assert len(talks) == len(domain.talks) == 14
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
    assert home.select_one('.cv-contact a[href="cv.json"]').get_text() == "JSON Resume"


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
    assert len(person[SCHEMA_ORG + "worksFor"]) == 10
    assert len(person[SCHEMA_ORG + "alumniOf"]) == 4
    assert len(person[SCHEMA_ORG + "knowsLanguage"]) == 2
    created = [n for n in nodes.values() if n.get(SCHEMA_ORG + "creator") == [{"@id": person_id}]]
    performed = [
        n for n in nodes.values() if n.get(SCHEMA_ORG + "performer") == [{"@id": person_id}]
    ]
    assert len(created) == 10  # every project, on its own page
    assert len(performed) == 14  # every talk
    assert all(n["@id"].startswith(base + "projects/") for n in created)


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
    for name, tags in pages.items():
        if name.startswith("projects/") or name == "talks":
            assert tags["og:image"].endswith("/_static/og-card.png"), name
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
    assert project["creator"] == {"@id": "https://cv.example.org/index.html#person"}


@pytest.mark.sphinx("html", testroot="exports", freshenv=True)
def test_small_root_resume(app: SphinxTestApp) -> None:
    app.build()
    resume = json.loads((app.outdir / "cv.json").read_text(encoding="utf8"))
    assert schema_errors(resume) == []
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
        }
    ]
    assert resume["education"][0] | {} == {
        "institution": "Example University",
        "area": "Computing",
        "studyType": "Bachelor",
        "startDate": "2015",
        "endDate": "2019",
    }
    assert resume["projects"][-1] == {
        "name": "A talk",
        "startDate": "2023-02-05",
        "url": "https://conf.example.org/",
        "entity": "Conference 2023",
        "type": "talk",
    }


@pytest.mark.parametrize("builder", ["epub", "latex", "text"])
def test_no_export_outside_web_builds(
    make_app, rootdir: Path, tmp_path: Path, builder: str
) -> None:
    app = make_app(builder, srcdir=rootdir / "test-exports", builddir=tmp_path)
    app.build()
    assert not (app.outdir / "cv.json").exists()


# --- import --------------------------------------------------------------------------------------


def run_import(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cv_ext", "import", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def comparable(resume: dict[str, Any]) -> dict[str, Any]:
    """A resume without what an export adds (schema URL, meta), talks after projects."""
    data = {key: value for key, value in resume.items() if key not in {"$schema", "meta"}}
    if "projects" in data:
        data["projects"] = sorted(data["projects"], key=lambda p: p.get("type") == "talk")
    return dict(compact(data))


@pytest.mark.parametrize("resume", RESUMES, ids=[path.name for path in RESUMES])
def test_import_build_export_round_trip(resume: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run_import(str(resume), str(site))
    assert result.returncode == 0, result.stderr
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-n",
            "-W",
            "--keep-going",
            "-b",
            "dirhtml",
            str(site),
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    exported = json.loads((tmp_path / "out" / "cv.json").read_text(encoding="utf8"))
    original = json.loads(resume.read_text(encoding="utf8"))
    assert comparable(exported) == comparable(original)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "not a JSON Resume: the top level is not an object"),
        ('{"work": {"name": "x"}}', "not a JSON Resume: work: "),
        ('{"work": [{"name": "A", "startDate": "2023-13"}]}', "work/0/startDate: "),
        (
            '{"work": [{"name": "A", "startDate": "2023-02-30"}]}',
            "work/0/startDate: invalid date '2023-02-30'",
        ),
        (
            '{"work": [{"name": "A", "startDate": "2023-05", "endDate": "2022-01"}]}',
            "work/0/endDate: end 2022-01 is before start 2023-05",
        ),
        ('{"work": [{"position": "A", "startDate": "2023"}]}', "work/0/name: the organisation"),
        ('{"basics": {"url": "javascript:alert(1)"}}', "basics/url: "),
        ('{"projects": [{"name": "p", "type": "talk"}]}', "projects/0/startDate: a talk needs"),
        ('{"projects": [{"name": "p", "keywords": ["a, b"]}]}', "projects/0/keywords/0: a comma"),
    ],
)
def test_bad_import_fails_cleanly(content: str, message: str, tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text(content, encoding="utf8")
    result = run_import(str(source), str(tmp_path / "site"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()  # nothing half-written


def test_import_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "keep.md").write_text("mine", encoding="utf8")
    result = run_import(str(RESUMES[0]), str(tmp_path / "site"))
    assert result.returncode == 2
    assert "not an empty folder" in result.stderr
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["keep.md"]


@pytest.mark.sphinx(
    "html", testroot="exports", freshenv=True, confoverrides={"cv_json_resume_validate": True}
)
def test_opt_in_validation_passes_a_valid_export(app: SphinxTestApp) -> None:
    app.build()
    assert "cv.export" not in app.warning.getvalue()
    assert (app.outdir / "cv.json").is_file()
