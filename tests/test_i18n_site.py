"""The career site in German: every builder, German words, exports, switcher, search, RTD."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
import snowballstemmer
from bs4 import BeautifulSoup
from conftest import REPO, source_copy, sphinx_build
from test_exports import ADDRESS_VARIABLES, graphs
from test_i18n import I18N

if TYPE_CHECKING:
    from pathlib import Path

DOCS = REPO / "docs"
BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]
RTD_EN = "https://max-inden.readthedocs.io/en/latest/"
RTD_DE = "https://max-inden.readthedocs.io/de/latest/"


def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ADDRESS_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("builder", BUILDERS)
def test_german_site_builds_with_every_builder(
    builder: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clean_env(monkeypatch)
    docs = source_copy(DOCS, tmp_path)  # the German build compiles .mo files beside the .po
    sphinx_build(docs, tmp_path / builder, "-D", "language=de", builder=builder)
    if builder == "latex":  # the PDF is a German CV: German hyphenation, title, headings
        tex = (tmp_path / builder / "max-inden-cv.tex").read_text(encoding="utf8")
        assert "ngerman" in tex
        assert r"\title{Max Inden: Lebenslauf}" in tex
        assert "pdftitle={Max Inden: Lebenslauf}" in tex
        assert "Berufserfahrung" in tex and "Ausgewählte Erfolge" in tex


def read_the_docs_env(language: str, url: str) -> dict[str, str]:
    """The variables Read the Docs sets for a project in *language*."""
    return {
        "READTHEDOCS": "True",
        "READTHEDOCS_CANONICAL_URL": url,
        "READTHEDOCS_LANGUAGE": language,
        "READTHEDOCS_VERSION": "latest",
        "READTHEDOCS_PROJECT": "max-inden" if language == "en" else f"max-inden-{language}",
    }


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The German translation project as Read the Docs builds it: dirhtml, -W, its variables."""
    out = tmp_path_factory.mktemp("rtd-de") / "site"
    docs = source_copy(DOCS, out.parent)  # the German build compiles .mo files beside the .po
    with pytest.MonkeyPatch.context() as patch:
        clean_env(patch)
        sphinx_build(docs, out, "-D", "language=de", env=read_the_docs_env("de", RTD_DE))
    return out


def page(out: Path, name: str) -> str:
    return (out / name / "index.html").read_text(encoding="utf8")


def test_german_pages_speak_german(german: Path) -> None:
    home, experience = page(german, "."), page(german, "experience")
    assert '<html class="no-js" lang="de"' in home
    text = BeautifulSoup(experience, "html.parser").get_text(" ")
    # a six-month job, German plural forms and month names (babel's CLDR data)
    assert "6 Monate" in text and "6 mos" not in text
    assert re.search(r"\d+ Jahre?\b", text)
    assert "Juni 2024" in text and "Jun 2024" not in text
    volunteering = BeautifulSoup(page(german, "volunteering"), "html.parser").get_text(" ")
    assert re.search(r"–\s+heute", volunteering) and "Present" not in volunteering
    project = BeautifulSoup(page(german, "projects/hole-punching"), "html.parser").get_text(" ")
    assert "Verwiesen von" in project and "3 Vorträgen" in project


def test_german_exports(german: Path) -> None:
    resume = json.loads((german / "cv.json").read_text(encoding="utf8"))
    assert resume["languages"][0]["language"] == "Deutsch"
    assert resume["education"][0]["studyType"] == "Bachelor of Applied Science (B.A.Sc.)"
    summaries = " ".join(work.get("summary", "") for work in resume["work"])
    assert " und " in summaries and " and " not in summaries
    projects = {project["name"]: project for project in resume["projects"]}
    assert projects["Beiträge zu neqo"]["description"].startswith("89 Pull-Requests zu neqo")
    nodes = [node for document in graphs(page(german, ".")) for node in document["@graph"]]
    (person,) = [node for node in nodes if node["@type"] == "Person"]
    assert {language["name"] for language in person["knowsLanguage"]} == {"Deutsch", "Englisch"}
    assert person["@id"].startswith(RTD_DE)


def test_pages_link_their_translation(german: Path, tmp_path: Path) -> None:
    english = tmp_path / "en"
    with pytest.MonkeyPatch.context() as patch:
        clean_env(patch)
        sphinx_build(DOCS, english, env=read_the_docs_env("en", RTD_EN))
    for out, own, other in ((english, RTD_EN, RTD_DE), (german, RTD_DE, RTD_EN)):
        soup = BeautifulSoup(page(out, "experience"), "html.parser")
        links = {
            link["hreflang"]: link["href"]
            for link in soup.select('link[rel="alternate"][hreflang]')
        }
        assert links == {
            "en": RTD_EN + "experience/",
            "de": RTD_DE + "experience/",
            "x-default": RTD_EN + "experience/",
        }
        switch = soup.select_one("nav.cv-languages")
        assert switch is not None
        (link,) = switch.select("a")
        assert link["href"] == other + "experience/"
        assert switch.select_one('[aria-current="true"]').get_text() == (
            "English" if own == RTD_EN else "Deutsch"
        )
        sitemap = (out / "sitemap.xml").read_text(encoding="utf8")
        assert f'hreflang="de" href="{RTD_DE}projects/neqo/"' in sitemap
        assert f'hreflang="en" href="{RTD_EN}projects/neqo/"' in sitemap
        assert f"<loc>{own}projects/neqo/</loc>" in sitemap


def test_search_stems_german(german: Path) -> None:
    """Sphinx picks its German stemmer: a German word's stem finds the German page."""
    assert "GermanStemmer" in (german / "_static" / "language_data.js").read_text(encoding="utf8")
    index = json.loads(
        re.fullmatch(
            r"Search\.setIndex\((.*)\)",
            (german / "searchindex.js").read_text(encoding="utf8").strip(),
        ).group(1)
    )
    stem = snowballstemmer.stemmer("german").stemWord("verteilten")
    assert stem == "verteilt"
    pages = index["terms"][stem]
    pages = pages if isinstance(pages, list) else [pages]
    assert index["docnames"].index("achievements") in pages


def test_completeness_figures() -> None:
    stats = I18N.stats()
    done, total = stats["de", "cv_ext"]
    assert done == total
    done, total = stats["de", "site"]
    assert total > 200  # every page of docs/ (the build-speed page moved to guide/)
    assert done / total >= 0.98, f"German site: {done}/{total}"


def every_page(out: Path) -> list[Path]:
    return [p for p in out.rglob("index.html") if not p.relative_to(out).parts[0].startswith("_")]


def test_counts_after_verwiesen_von_are_in_the_dative(german: Path) -> None:
    """ "Verwiesen von 2 Erfolgen", never "2 Erfolge": every count line of the site."""
    dative = re.compile(
        r"1 (Erfolg|Projekt|Vortrag|Rolle|Seite)|\d+ (Erfolgen|Projekten|Vorträgen|Rollen|Seiten)"
    )
    counts = [
        part
        for path in every_page(german)
        for line in BeautifulSoup(path.read_text("utf8"), "html.parser").select(
            ".cv-backlinks-counts"
        )
        for part in line.get_text().split(" · ")
    ]
    assert len(counts) > 10
    assert any(dative.fullmatch(c) and not c.startswith("1 ") for c in counts)
    assert [c for c in counts if not dative.fullmatch(c)] == []


def test_tailored_pages_describe_themselves_in_german(german: Path) -> None:
    for name, title in (
        ("networking", "Netzwerke: QUIC, HTTP/3 und Peer-to-Peer"),
        ("observability", "Observability: Prometheus, Monitoring und Kubernetes"),
    ):
        head = BeautifulSoup(page(german, f"for/{name}"), "html.parser")
        description = head.select_one('meta[property="og:description"]')["content"]
        assert description == (
            f"Der Lebenslauf von Max Inden, ausgewählt für {title}. "
            "Jede Stelle ist dabei, die ausgewählten vollständig."
        )


def test_project_roles_are_german(german: Path) -> None:
    roles = {
        "projects/prometheus-client-rust": "Autor, Maintainer",
        "projects/book-club": "Autor, Organisator",
        "projects/neqo": "Mitwirkender",
    }
    for name, expected in roles.items():
        facts = BeautifulSoup(page(german, name), "html.parser").select_one(".cv-facts")
        assert f"Rollen{expected}" in facts.get_text().replace(":", "").replace("\n", ""), name
        assert not {"Creator", "Maintainer,", "Contributor", "Organizer"} & set(
            facts.get_text().split()
        )


def test_german_keeps_who_did_what(german: Path) -> None:
    text = BeautifulSoup(page(german, "experience"), "html.parser").get_text(" ")
    text = " ".join(text.split())
    # "Providing company wide ReactJS workshops" (Innoscale): he gave them
    assert "Durchführung unternehmensweiter ReactJS-Workshops" in text
    # "... and give >10 peer-to-peer related talks" (Protocol Labs): he gave them
    assert "Halten von >10 Vorträgen zu Peer-to-Peer-Themen" in text


def test_tags_show_german_labels(german: Path) -> None:
    skills = BeautifulSoup(page(german, "skills"), "html.parser")
    names = [strong.get_text() for strong in skills.select(".cv-skill-name strong")]
    assert {"Verteilte Systeme", "Netzwerktechnik", "Hole Punching"} <= set(names)
    assert not {"distributed systems", "hole-punching", "networking"} & set(names)
    project = BeautifulSoup(page(german, "projects/hole-punching"), "html.parser")
    tags = [tag.get_text() for tag in project.select(".cv-tag")]
    assert "Hole Punching" in tags and "hole-punching" not in tags
