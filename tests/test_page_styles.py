"""Each web page loads the rules of cv_ext.css its own markup can match, and no others."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
import tinycss2
from bs4 import BeautifulSoup
from conftest import source_copy
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.util.console import strip_colors
from tinycss2.ast import AtRule, QualifiedRule

from cv_ext.outputs import assets
from cv_ext.outputs.assets import STYLESHEET
from cv_ext.outputs.page_styles import classes_in, needs_styles, trim

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

ROOTS = ["basic", "myst"]
LINK = re.compile(r'href="(?:\.\./)*_static/(cv_ext-[0-9a-f]{12}\.css)\?v=[0-9a-f]+"')
# what soupsieve cannot match in a static page: pseudo-elements and states of the browser
STATE = re.compile(r"::?(?:before|after|-webkit-details-marker|target|hover|focus-visible)\b")


def selectors(css: str) -> Iterator[str]:
    """Every selector of *css*, inside @media blocks too, as written."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    while rules:
        rule = rules.pop()
        if isinstance(rule, QualifiedRule):
            for selector in tinycss2.serialize(rule.prelude).split(","):
                yield " ".join(selector.split())
        elif isinstance(rule, AtRule) and rule.lower_at_keyword == "media":
            rules.extend(tinycss2.parse_rule_list(rule.content, True, True))


def test_a_selector_goes_with_a_class_the_page_lacks() -> None:
    css = """
    body { --cv-line: grey }
    article.cv-entry, li.cv-item { border-left: 2px solid var(--cv-line) }
    .cv-skill-chip > summary { cursor: pointer }
    div.cv-record:not(.cv-person), article.cv-entry:has(.cv-present)::before { margin: 0 }
    @media print { .cv-skill { break-inside: avoid } @page { size: A4 } }
    @media (max-width: 40em) { .cv-metric { gap: 0 } }
    """
    kept = trim(css, {"cv-entry", "cv-record", "other"})
    assert kept == (
        "body{--cv-line:grey}\n"
        "article.cv-entry{border-left:2px solid var(--cv-line)}\n"
        "div.cv-record:not(.cv-person),article.cv-entry:has(.cv-present)::before{margin:0}\n"
        "@media print{@page{size:A4}}\n"
    )


def test_classes_are_read_from_class_attributes_only() -> None:
    html = '<p class="cv-tags x">cv-entry</p><span class = \'cv-tag\'></span><a title="class">'
    assert classes_in(html) == {"cv-tags", "x", "cv-tag"}
    assert needs_styles({"cv-tag"})
    assert not needs_styles({"highlight", "reference"})
    # an attribute whose name merely ends in "class" holds no classes
    assert classes_in('<x subclass="cv-a" data-class="cv-b" _class="cv-c">') == {"cv-b"}


#: the first reading of class attributes, a word boundary inside the pattern
WORD_BOUNDED = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")


ATTRIBUTES = st.builds(
    lambda before, space, quote, value, after: (
        f"{before}class{space}={space}{quote}{value}{quote}{after}"
    ),
    st.sampled_from(["", " ", "<p ", "sub", "data-", "_", "é", "1", '"']),
    st.sampled_from(["", " ", "\n"]),
    st.sampled_from(['"', "'"]),
    st.sampled_from(["", "cv-x", "y  z", "cv-x'"]),
    st.sampled_from(["", ">", "'", '"']),
)


@settings(deadline=None)
@given(st.lists(ATTRIBUTES))
def test_class_attributes_are_read_as_with_a_word_boundary(parts: list[str]) -> None:
    html = "".join(parts)
    expected = {
        name for pair in WORD_BOUNDED.findall(html) for value in pair for name in value.split()
    }
    assert classes_in(html) == expected


@pytest.fixture(params=ROOTS)
def built(request: pytest.FixtureRequest, make_app, rootdir: Path, tmp_path: Path) -> SphinxTestApp:
    app = make_app("html", srcdir=rootdir / f"test-{request.param}", builddir=tmp_path / "_build")
    app.build()
    assert strip_colors(app.warning.getvalue()) == ""
    return app


def stylesheet_of(app: SphinxTestApp, page: str) -> str | None:
    """The name of the cv_ext stylesheet *page* links, if any (never more than one)."""
    links = LINK.findall((app.outdir / f"{page}.html").read_text(encoding="utf8"))
    assert len(links) <= 1, (page, links)
    return links[0] if links else None


def test_each_page_gets_the_rules_for_its_own_markup(built: SphinxTestApp) -> None:
    jobs, skills, index = (stylesheet_of(built, page) for page in ("jobs", "skills", "index"))
    assert jobs and skills and index
    assert len({jobs, skills, index}) == 3
    jobs_css = (built.outdir / "_static" / jobs).read_text(encoding="utf8")
    skills_css = (built.outdir / "_static" / skills).read_text(encoding="utf8")
    assert "article.cv-entry{" in jobs_css
    assert ".cv-skill-chip" not in jobs_css and ".cv-audience" not in jobs_css
    assert ".cv-skill{" in skills_css and "article.cv-entry{" not in skills_css
    # a page of Sphinx's own without cv_ext markup loads no cv_ext stylesheet at all
    assert stylesheet_of(built, "genindex") is None
    assert stylesheet_of(built, "search") is None
    # after the theme's stylesheets, as cv_ext.css was
    head = (built.outdir / "jobs.html").read_text(encoding="utf8")
    assert head.index("_static/basic.css") < head.index(jobs)
    # the whole stylesheet stays in _static for templates of a site's own
    assert (built.outdir / "_static" / "cv_ext.css").is_file()


def test_no_rule_an_element_matches_is_left_out(built: SphinxTestApp) -> None:
    # the rules for cv_ext's markup (those for body only declare the colours they use)
    every = {s for s in selectors(STYLESHEET.read_text(encoding="utf8")) if ".cv-" in s}
    pages = sorted(built.outdir.rglob("*.html"))
    assert len(pages) > 8
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf8"), "html.parser")
        name = stylesheet_of(built, str(path.relative_to(built.outdir).with_suffix("")))
        kept = (
            set(selectors((built.outdir / "_static" / name).read_text("utf8"))) if name else set()
        )
        for selector in every - kept:
            assert not page.select(STATE.sub("", selector)), (path.name, selector)


def test_stylesheets_no_page_links_are_removed(make_app, rootdir: Path, tmp_path: Path) -> None:
    app = make_app("html", srcdir=rootdir / "test-basic", builddir=tmp_path / "_build")
    app.build()
    stale = app.outdir / "_static" / "cv_ext-000000000000.css"
    stale.write_text("body{}", encoding="utf8")
    again = make_app("html", srcdir=rootdir / "test-basic", builddir=tmp_path / "_build")
    again.build()
    assert not stale.exists()
    linked = {stylesheet_of(again, page) for page in ("index", "jobs", "skills", "talks")}
    assert all(name and (again.outdir / "_static" / name).is_file() for name in linked)


def test_epub_pages_keep_their_stylesheets(make_app, rootdir: Path, tmp_path: Path) -> None:
    app = make_app("epub", srcdir=rootdir / "test-basic", builddir=tmp_path / "_build")
    app.build()
    page = (app.outdir / "jobs.xhtml").read_text(encoding="utf8")
    (name,) = re.findall(r'href="_static/(cv_ext-[0-9a-f]{12}\.css)"', page)
    assert (app.outdir / "_static" / name).is_file()
    assert name in (app.outdir / "content.opf").read_text(encoding="utf8")


def test_an_incremental_build_keeps_the_stylesheets_a_clean_build_has(
    make_app, rootdir: Path, tmp_path: Path
) -> None:
    """A page whose markup changes links another stylesheet; the one it linked goes if no
    page links it any more, while pages the build did not write keep theirs."""
    source = source_copy(rootdir / "test-basic", tmp_path)
    app = make_app("html", srcdir=source, builddir=tmp_path / "_build")
    app.build()
    before = stylesheet_of(app, "talks")
    talks = source / "talks.rst"
    talks.write_text(talks.read_text("utf8").replace(".. cv-index:: talks\n", ""), "utf8")
    again = make_app("html", srcdir=source, builddir=tmp_path / "_build")
    again.build()
    clean = make_app("html", srcdir=source, builddir=tmp_path / "_clean")
    clean.build()

    def bundles(app: SphinxTestApp) -> set[str]:
        return {path.name for path in (app.outdir / "_static").glob("cv_ext-*.css")}

    assert stylesheet_of(again, "talks") != before
    assert before not in bundles(clean)  # only the talks page needed it ...
    assert bundles(again) == bundles(clean)  # ... so it went, and nothing else did


def test_a_rebuild_cuts_no_stylesheet_it_cut_before(
    make_app, rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundles made for each set of classes are kept beside the doctrees: a rebuild
    that writes pages of the same markup links them without parsing cv_ext.css."""
    source = source_copy(rootdir / "test-basic", tmp_path)
    make_app("html", srcdir=source, builddir=tmp_path / "_build").build()
    cut: list[frozenset[str]] = []
    real_trim = assets.trim

    def counted(css: str, classes: frozenset[str]) -> str:
        cut.append(classes)
        return real_trim(css, classes)

    monkeypatch.setattr(assets, "trim", counted)
    assets._styles_for.cache_clear()  # as in a new process
    again = make_app("html", srcdir=source, builddir=tmp_path / "_build", freshenv=False)
    for page in ("jobs.rst", "skills.rst", "index.rst"):
        (source / page).touch()
    again.build()
    assert not cut
    linked = {stylesheet_of(again, page) for page in ("jobs", "skills", "index")}
    assert all(name and (again.outdir / "_static" / name).is_file() for name in linked)

    # a stylesheet gone from _static, or another cv_ext.css, is cut anew
    (again.outdir / "_static" / stylesheet_of(again, "jobs")).unlink()
    record = tmp_path / "_build" / "doctrees" / assets.BUNDLES_FILE
    known = json.loads(record.read_text("utf8"))
    record.write_text(json.dumps({**known, "stylesheet": "another"}), "utf8")
    assets._styles_for.cache_clear()
    third = make_app("html", srcdir=source, builddir=tmp_path / "_build")
    (source / "jobs.rst").touch()
    third.build()
    assert cut  # every page written is cut anew: jobs and the pages showing its records
    assert (third.outdir / "_static" / stylesheet_of(third, "jobs")).is_file()
