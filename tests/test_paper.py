"""The paper CV (``cv-document``): what it contains, and how LaTeX and text render it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from sphinx.testing.util import SphinxTestApp


def _tex(app: SphinxTestApp) -> str:
    app.build()
    return (app.outdir / "ada-cv.tex").read_text(encoding="utf8")


def _body(tex: str) -> str:
    return tex.split(r"\begin{document}", 1)[1]


def _class_options(tex: str) -> list[str]:
    """The options of ``\\documentclass``, where LaTeX takes the paper size from."""
    found = re.search(r"\\documentclass\[([^\]]*)\]", tex)
    assert found, tex[:500]
    return found.group(1).split(",")


@pytest.mark.sphinx("latex", testroot="paper", freshenv=True)
def test_latex_is_a_cv_not_a_manual(app: SphinxTestApp) -> None:
    tex = _tex(app)
    body = _body(tex)
    for furniture in (r"\sphinxmaketitle", r"\sphinxtableofcontents", r"\printindex"):
        assert furniture not in body
    assert "Release" not in body
    assert r"\cvpaperstyle" in body
    assert r"\usepackage{cv_ext}" in tex
    assert "a4paper" in _class_options(tex)
    assert (app.outdir / "cv_ext.sty").is_file()
    # the page's own heading is Sphinx's document title, never printed
    assert r"\section{Curriculum vitae}" not in body
    assert r"\cvname{Ada Example}" in body


@pytest.mark.sphinx("latex", testroot="paper", freshenv=True)
def test_sections_in_order_and_jobs_newest_first(app: SphinxTestApp) -> None:
    body = _body(_tex(app))
    sections = re.findall(r"\\section\{([^}]*)\}", body)
    assert sections == [
        "Experience",
        "Selected achievements",
        "Projects",
        "Talks",
        "Volunteering",
        "Education",
        "Languages",
        "Skills",
    ]
    heads = re.findall(r"\\cvhead\{\\sphinxstylestrong\{([^}]*)", body)
    assert heads[:2] == ["Software Engineer", "Network Engineer"]
    # the role bold, organisation and place as runs of their own, dates the second argument
    assert (
        r"\cvhead{\sphinxstylestrong{Network Engineer}\cvat{Example Networks}\cvat{Berlin}}"
        r"{Jun 2019 \textendash{} Feb 2021}"
    ) in body
    # work without an employer names no organisation
    assert r"\cvhead{\sphinxstylestrong{Contributor to Example OSS}}{" in body
    assert "Present" in body


@pytest.mark.sphinx("latex", testroot="paper", freshenv=True)
def test_links_stay_on_paper(app: SphinxTestApp) -> None:
    body = _body(_tex(app))
    # a reference to a project the paper lists points at it, inside the document
    assert r"\hyperref[\detokenize{cv:cv-paper-project-router}]" in body
    assert r"\label{\detokenize{cv:cv-paper-project-router}}" in body
    # a reference to another page of the site becomes its text: no dangling \hyperref
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", body))
    for target in re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", body):
        assert target in labels
    # external links stay clickable
    assert r"\sphinxhref{https://blog.example.org/}" in body
    assert r"\sphinxhref{https://github.com/ada}{github.com/ada}" in body
    assert "pdfauthor={Ada Example}" in body


@pytest.mark.sphinx("latex", testroot="paper", freshenv=True, confoverrides={"cv_paper": "letter"})
def test_letter_paper(app: SphinxTestApp) -> None:
    tex = _tex(app)
    assert "letterpaper" in _class_options(tex)
    assert "a4paper" not in tex


@pytest.mark.sphinx("latex", testroot="paper", freshenv=True, confoverrides={"cv_paper": ""})
def test_cv_paper_off_leaves_latex_alone(app: SphinxTestApp) -> None:
    body = _body(_tex(app))
    assert r"\cvpaperstyle" not in body
    assert r"\sphinxmaketitle" in body


@pytest.mark.sphinx("latex", testroot="paper", freshenv=True, confoverrides={"cv_paper": "A3"})
def test_unknown_paper_size_warns(app: SphinxTestApp) -> None:
    tex = _tex(app)
    assert "a4paper" in _class_options(tex)
    assert "cv_paper: unknown paper size 'A3'" in strip_colors(app.warning.getvalue())
    assert "[cv.config]" in strip_colors(app.warning.getvalue())


@pytest.mark.sphinx(
    "latex",
    testroot="paper",
    freshenv=True,
    confoverrides={"latex_elements": {"pointsize": "11pt"}},
)
def test_site_latex_elements_win(app: SphinxTestApp) -> None:
    tex = _tex(app)
    assert "11pt" in tex
    assert r"\cvpaperstyle" in tex


@pytest.mark.sphinx("text", testroot="paper", freshenv=True)
def test_text_paper(app: SphinxTestApp) -> None:
    app.build()
    text = (app.outdir / "cv.txt").read_text(encoding="utf8")
    assert text.index("Ada Example") < text.index("Experience") < text.index("Education")
    assert "**Software Engineer** · Example Labs · Mar 2021 – Present" in text
    assert "**Network Engineer** · Example Networks · Berlin · Jun 2019 – Feb 2021" in text
    # work without an employer names no organisation on its header line
    assert "**Contributor to Example OSS** · Jan 2018 – Jun 2018" in text
    assert "ada.example.org · ada@example.org · github.com/ada" in text
    assert "**Faster routing** (1 May 2020): latency: 30 ms → 10 ms (÷3)" in text
    assert "Sep 2020: Routing in Rust, RustConf" in text
    assert "English (Native)" in text
    warnings = strip_colors(app.warning.getvalue())
    assert "cv-document: unknown section 'hobbies'" in warnings
    assert "bad.md:7" in warnings
    assert "[cv.option]" in warnings


@pytest.mark.sphinx("html", testroot="paper", freshenv=True)
def test_html_paper(app: SphinxTestApp) -> None:
    app.build()
    html = (app.outdir / "cv.html").read_text(encoding="utf8")
    assert '<p class="cv-paper-name">Ada Example</p>' in html
    assert '<span class="cv-paper-when">' in html
    # on the web, references lead to the site's pages
    assert '<a class="reference internal" href="jobs.html" title="Router">' in html
