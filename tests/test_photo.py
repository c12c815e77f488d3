"""The person's photo: on the home page, in the exports, in the PDF only with cv_paper_photo."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import REPO
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="letters", freshenv=True)
def test_a_file_of_the_site_on_the_home_page_and_in_the_exports(app: SphinxTestApp) -> None:
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text("utf8"), "html.parser")
    photo = soup.select_one("div.cv-person img.cv-photo")
    assert photo is not None
    assert photo["src"] == "_images/photo.png"
    assert photo["alt"] == "Ada Example"
    assert (app.outdir / "_images" / "photo.png").is_file()
    assert json.loads((app.outdir / "cv.json").read_text("utf8"))["basics"]["image"] == (
        "_images/photo.png"
    )
    graph = json.loads(soup.select_one('script[type="application/ld+json"]').string)["@graph"]
    person = next(node for node in graph if node["@type"] == "Person")
    assert person["image"] == "_images/photo.png"
    # only the home page shows it
    assert "cv-photo" not in (app.outdir / "for-networking.html").read_text("utf8")


@pytest.mark.sphinx("latex", testroot="letters", freshenv=True)
def test_not_in_the_pdf_by_default(app: SphinxTestApp) -> None:
    app.build()
    assert r"\cvphoto" not in (app.outdir / "ada-cv.tex").read_text("utf8")


@pytest.mark.sphinx(
    "latex", testroot="letters", freshenv=True, confoverrides={"cv_paper_photo": True}
)
def test_in_the_pdf_with_the_setting(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "ada-cv.tex").read_text("utf8")
    header = tex.split(r"\begin{cvheader}", 1)[1].split(r"\end{cvheader}", 1)[0]
    # name, label and contacts first, the photo beside them
    assert header.index(r"\cvname{Ada Example}") < header.index(r"\cvphoto{photo.png}")
    assert (app.outdir / "photo.png").is_file()
    # a letter keeps the letterhead without it
    assert r"\cvphoto" not in (
        app.outdir / "ada-example-letter-letters-example-gmbh.tex"
    ).read_text("utf8")


@pytest.mark.sphinx(
    "latex", testroot="publications", freshenv=True, confoverrides={"cv_paper_photo": True}
)
def test_a_photo_at_a_url_is_for_the_web(app: SphinxTestApp) -> None:
    app.build()
    tex = (app.outdir / "ada-cv.tex").read_text("utf8")
    assert r"\cvphoto" not in tex
    assert "ada.jpg" not in tex
    warnings = strip_colors(app.warning.getvalue())
    assert re.search(r"index\.md:\d+: WARNING: cv_paper_photo: the photo is a URL", warnings)
    assert "[cv.config]" in warnings


@pytest.mark.sphinx("html", testroot="publications", freshenv=True)
def test_a_photo_at_a_url_on_the_web(app: SphinxTestApp) -> None:
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text("utf8"), "html.parser")
    photo = soup.select_one("img.cv-photo")
    assert photo is not None
    assert photo["src"] == "https://ada.example.org/ada.jpg"


def test_max_has_none() -> None:
    """Nothing is shown where there is none: Max's person has no :image:."""
    assert ":image:" not in (REPO / "docs" / "index.md").read_text("utf8")
    assert "image:" not in (REPO / "docs" / "index.md").read_text("utf8")
