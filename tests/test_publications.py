"""Publications: the directive, its page, references both ways, the PDF and the exports."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from pybtex.database import parse_string
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_publication_page_and_backlinks(app: SphinxTestApp) -> None:
    app.build()
    soup = BeautifulSoup((app.outdir / "papers.html").read_text("utf8"), "html.parser")
    paper = soup.select_one("article.cv-publication#fast-routing")
    assert paper is not None
    text = " ".join(paper.get_text(" ").split())
    assert "Fast Routing in Rust" in text
    assert "Grace Hopper, Ada Example, Alan Turing" in text
    assert "Example Workshop on Networks 2023, Berlin" in text
    # the DOI as written with its resolver's prefix is kept as the DOI alone, linked
    doi = paper.select_one('a[href="https://doi.org/10.1000/example.2023.42"]')
    assert doi is not None
    assert doi.get_text() == "10.1000/example.2023.42"
    assert paper.select_one('a[href="https://papers.example.org/fast-routing.pdf"]')
    project = paper.select_one(".cv-presents a")
    assert project is not None
    assert project["href"].startswith("router.html")
    # the reStructuredText page references it (:cv:pub:): listed under it; the project,
    # which it names itself already, is not listed twice
    referenced = " ".join(paper.select_one(".cv-backlinks").get_text(" ").split())
    assert "More papers" in referenced
    # and the project's page lists the publication among what references it
    router = BeautifulSoup((app.outdir / "router.html").read_text("utf8"), "html.parser")
    assert "Fast Routing in Rust" in router.select_one(".cv-backlinks").get_text()


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_bad_values_warn_with_file_and_line(app: SphinxTestApp) -> None:
    app.build()
    warnings = strip_colors(app.warning.getvalue())
    assert re.search(r"papers\.md:\d+: WARNING: publication: .*month 13.* \[cv\.date\]", warnings)
    assert re.search(r"papers\.md:\d+: WARNING: publication: :doi: invalid DOI '11\.1/", warnings)
    assert re.search(r"papers\.md:\d+: WARNING: publication: :url: refused URL", warnings)
    assert "Traceback" not in warnings
    html = (app.outdir / "papers.html").read_text("utf8")
    assert "javascript:" not in html


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_exports(app: SphinxTestApp) -> None:
    app.build()
    resume = json.loads((app.outdir / "cv.json").read_text("utf8"))
    fast = next(p for p in resume["publications"] if p["name"] == "Fast Routing in Rust")
    assert fast == {
        "name": "Fast Routing in Rust",
        "publisher": "Example Workshop on Networks 2023, Berlin",
        "releaseDate": "2023-06",
        "url": "https://papers.example.org/fast-routing.pdf",
        "summary": "How the router forwards packets.",
    }
    # BibTeX that pybtex reads back, authors as published and in order
    bib = parse_string((app.outdir / "cv.bib").read_text("utf8"), "bibtex")
    entry = bib.entries["fast-routing"]
    assert entry.type == "inproceedings"
    assert [str(p) for p in entry.persons["author"]] == [
        "Hopper, Grace",
        "Example, Ada",
        "Turing, Alan",
    ]
    assert entry.fields["doi"] == "10.1000/example.2023.42"
    assert entry.fields["year"] == "2023"
    again = bib.entries["routing-again"]
    assert again.type == "misc"
    assert [str(p) for p in again.persons["author"]] == ["Example, Ada", "Hopper, Grace"]
    # JSON-LD: a ScholarlyArticle whose authors keep their order, the owner as the Person
    soup = BeautifulSoup((app.outdir / "papers.html").read_text("utf8"), "html.parser")
    graph = json.loads(soup.select_one('script[type="application/ld+json"]').string)["@graph"]
    article = next(node for node in graph if node["@type"] == "ScholarlyArticle")
    person = next(node for node in graph if node["@type"] == "Person")
    assert article["author"][0] == {"@type": "Person", "name": "Grace Hopper"}
    assert article["author"][1] == {"@id": person["@id"]}
    assert article["identifier"]["value"] == "10.1000/example.2023.42"
    assert article["sameAs"] == "https://doi.org/10.1000/example.2023.42"


@pytest.mark.sphinx("latex", testroot="publications", freshenv=True)
def test_paper_lists_publications(app: SphinxTestApp) -> None:
    app.build()
    body = (app.outdir / "ada-cv.tex").read_text("utf8").split(r"\begin{document}", 1)[1]
    sections = re.findall(r"\\section\{([^}]*)\}", body)
    assert "Publications" in sections
    part = body.split(r"\section{Publications}", 1)[1]
    assert "Grace Hopper, Ada Example, Alan Turing" in part
    assert "DOI 10.1000/example.2023.42" in part
    assert r"\sphinxhref{https://papers.example.org/fast-routing.pdf}" in part


@pytest.mark.parametrize("builder", ["text", "man", "texinfo"])
def test_every_builder_renders_it(
    make_app: type[SphinxTestApp], builder: str, rootdir: object, tmp_path: object
) -> None:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp as App

    src = Path(str(rootdir)) / "test-publications"
    app = App(builder, srcdir=src, builddir=Path(str(tmp_path)) / "_build", freshenv=True)
    try:
        app.build()
        output = "".join(
            path.read_text("utf8", errors="replace")
            for path in Path(app.outdir).rglob("*")
            if (path.is_file() and path.suffix in {".txt", ".7", ".1", ".texi", ".man"})
            or (path.suffix == "" and path.is_file())
        )
        assert "Fast Routing in Rust" in output
        assert "Grace Hopper, Ada Example, Alan Turing" in output
    finally:
        app.cleanup()


def test_json_resume_publications_import_as_publication_directives(tmp_path: Path) -> None:
    """A real resume's publications (tests/data/resumes) become ``publication`` directives."""
    from conftest import REPO

    from cv_ext.cli.importer import import_resume

    site = tmp_path / "site"
    import_resume(REPO / "tests" / "data" / "resumes" / "en-5c077m4n.json", site)
    page = (site / "publications.md").read_text("utf8")
    # in the canonical form of `fmt` (tests/test_fmt.py): options as written, the id last
    assert (
        ":::{publication} Http Responder\n:venue: NPM\n:date: 2018-04-01\n"
        ":url: https://www.npmjs.com/package/http-responder\n:name: publication-http-responder\n:::"
    ) in page
