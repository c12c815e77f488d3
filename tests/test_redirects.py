"""Links that last: old ids and pages in ``:aliases:``, ``cv_redirects``, redirect pages under
``html`` and ``dirhtml``, old anchors, and what stays out of search and the sitemap.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import TESTS
from hypothesis import given
from hypothesis import strategies as st
from links_support import build_copy, inventory, soup, warnings_of

from cv_ext.core.errors import ParseError
from cv_ext.core.redirects import Redirect, Wanted, page_path, page_target, parse_aliases, plan
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp


# --- 2. old links keep working ----------------------------------------------------------------

REDIRECTS = {
    # old docname -> (new page, anchor)
    "projects/router": ("projects/mesh-router", ""),
    "archive/routing-talk": ("talks", "talk-2023"),
    "jobs": ("experience", ""),
    "old-talks": ("talks", "talk-2023"),
}


def out_file(builder: str, docname: str) -> str:
    return f"{docname}.html" if builder == "html" else f"{docname}/index.html"


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_redirect_pages(
    make_app: Callable[..., SphinxTestApp], builder: str, tmp_path: Path
) -> None:
    """Each old page is a small HTML page: canonical link, meta refresh, script, plain link."""
    srcdir = tmp_path / "src"
    shutil.copytree(TESTS / "roots" / "test-links", srcdir)
    app = make_app(builder, srcdir=srcdir, builddir=tmp_path / "out", freshenv=True)
    app.build()
    assert warnings_of(app) == []
    out = Path(app.outdir)
    for old, (new, anchor) in REDIRECTS.items():
        page = out / out_file(builder, old)
        html = soup(page)
        target = html.select_one('meta[http-equiv="refresh"]')["content"].partition("url=")[2]
        link = html.select_one("body a")
        assert link["href"] == target
        # the relative target is the new page's file, from the old page's place
        path, _, fragment = target.partition("#")
        landed = (page.parent / path).resolve()
        landed = landed / "index.html" if builder == "dirhtml" else landed
        assert landed == (out / out_file(builder, new)).resolve(), (old, target)
        assert fragment == anchor
        uri = f"{new}.html" if builder == "html" else f"{new}/"
        assert html.select_one('link[rel="canonical"]')["href"] == f"https://example.org/cv/{uri}"
        script = html.select_one("script").string
        # an old #fragment is kept where the redirect names no anchor of its own
        assert ("location.hash" in script) == (not anchor)
        assert html.html["lang"] == "en"
    assert soup(out / out_file(builder, "projects/router")).title.string == "Mesh router"
    assert soup(out / out_file(builder, "jobs")).select_one("body a").get_text() == "Experience"


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_redirect_taken_out_takes_its_page_with_it(
    make_app: Callable[..., SphinxTestApp], builder: str, tmp_path: Path
) -> None:
    """Rebuilt after an old page leaves ``:aliases:`` and ``cv_redirects``, the output holds
    the files a clean build writes: the old pages and their emptied folders are gone, the
    other redirects stay."""
    srcdir = tmp_path / "src"
    shutil.copytree(TESTS / "roots" / "test-links", srcdir)
    first = make_app(builder, srcdir=srcdir, builddir=tmp_path / "out", freshenv=True)
    first.build()
    out = Path(first.outdir)
    gone = ["archive/routing-talk", "jobs"]
    assert all((out / out_file(builder, old)).is_file() for old in gone)
    talks = srcdir / "talks.md"
    text = talks.read_text(encoding="utf8")
    talks.write_text(text.replace(", archive/routing-talk", ""), encoding="utf8")
    conf = srcdir / "conf.py"
    text = conf.read_text(encoding="utf8")
    conf.write_text(text.replace('"jobs": "experience", ', ""), encoding="utf8")
    first.cleanup()
    again = make_app(builder, srcdir=srcdir, builddir=tmp_path / "out")
    again.build()
    assert warnings_of(again) == []
    assert not any((out / out_file(builder, old)).exists() for old in gone)
    assert not (out / "archive").exists()
    assert soup(out / out_file(builder, "projects/router")).title.string == "Mesh router"
    again.cleanup()
    clean = make_app(builder, srcdir=srcdir, builddir=tmp_path / "clean", freshenv=True)
    clean.build()

    def files(root: Path) -> set[str]:
        return {
            p.relative_to(root).as_posix() for p in root.rglob("*") if ".doctrees" not in p.parts
        }

    assert files(out) == files(Path(clean.outdir))


@pytest.mark.sphinx("html", testroot="links", freshenv=True)
def test_old_names_resolve_as_references(app: SphinxTestApp) -> None:
    app.build()
    assert warnings_of(app) == []
    index = soup(Path(app.outdir) / "index.html")
    links = [(a["href"], a.get_text()) for a in index.select("p a.reference")]
    assert links == [
        ("projects/mesh-router.html", "Mesh router"),  # {cv:project}`router`
        ("talks.html#talk-2023", "Routing at scale"),  # {cv:talk}`exampleconf-2023-routing`
        ("projects/mesh-router.html", "Mesh router"),  # {ref}`cv-project-router`
        ("talks.html#talk-2023", "Routing at scale"),  # {ref}`cv-talk-exampleconf-2023-routing`
        ("projects/mesh-router.html", "Mesh router"),
        ("experience.html#acme-2020", "Engineer, Acme"),
    ]
    rst = soup(Path(app.outdir) / "references.html")
    assert [(a["href"], a.get_text()) for a in rst.select("p a.reference")] == [
        ("projects/mesh-router.html", "Mesh router"),
        ("talks.html#talk-2023", "Routing at scale"),
        ("projects/mesh-router.html", "Mesh router"),
        ("talks.html#talk-2023", "Routing at scale"),
        ("experience.html#initech-2023", "the job"),
    ]
    # a reference by an old name counts where the object lists its references
    project = soup(Path(app.outdir) / "projects" / "mesh-router.html")
    places = [a["href"] for a in project.select(".cv-backlinks a")]
    assert any(href.startswith("../index.html") for href in places), places
    assert any(href.startswith("../references.html") for href in places), places
    # the old names are labels in objects.inv, leading to the object's new place
    labels = inventory(Path(app.outdir) / "objects.inv")["std:label"]
    assert labels["cv-project-router"] == ("projects/mesh-router.html", "Mesh router")
    assert labels["cv-project-mesh-router"] == ("projects/mesh-router.html", "Mesh router")
    assert labels["cv-talk-exampleconf-2023-routing"] == (
        "talks.html#talk-2023",
        "Routing at scale",
    )


@pytest.mark.sphinx("html", testroot="links", freshenv=True)
def test_old_anchors_land_on_the_object(app: SphinxTestApp) -> None:
    """An old id is still an id on the object's page, inside the object."""
    app.build()
    talks = soup(Path(app.outdir) / "talks.html")
    talk = talks.select_one("article#talk-2023")
    for old in ("exampleconf-2023-routing", "cv-talk-exampleconf-2023-routing"):
        assert talks.find(id=old) in talk.descendants, old
    assert len(talks.select("[id]")) == len({node["id"] for node in talks.select("[id]")})


def test_redirects_stay_out_of_search_and_sitemap(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(TESTS / "roots" / "test-links", srcdir)
    overrides = {
        "extensions": ["myst_parser", "cv_ext", "sphinx_sitemap"],
        "sitemap_url_scheme": "{link}",
    }
    app = make_app("dirhtml", srcdir=srcdir, confoverrides=overrides, freshenv=True)
    app.build()
    out = Path(app.outdir)
    assert (out / "jobs" / "index.html").is_file()
    sitemap = (out / "sitemap.xml").read_text(encoding="utf8")
    urls = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert "https://example.org/cv/experience/" in urls
    for old in REDIRECTS:
        assert not [url for url in urls if old in url], (old, urls)
    text = (out / "searchindex.js").read_text(encoding="utf8")
    index = json.loads(re.search(r"Search\.setIndex\((.*)\)\s*$", text, re.DOTALL).group(1))
    assert sorted(index["docnames"]) == [
        "experience",
        "index",
        "projects/mesh-router",
        "references",
        "talks",
    ]


# --- bad input: located, typed warnings ---------------------------------------------------------


def test_bad_aliases_and_redirects_warn(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    src = tmp_path / "bad"
    shutil.copytree(TESTS / "roots" / "test-links", src)
    (src / "talks.md").write_text(
        (src / "talks.md")
        .read_text(encoding="utf8")
        .replace(
            ":aliases: exampleconf-2023-routing, archive/routing-talk",
            # an old id that is another talk's id now; a path that leaves the site
            ":aliases: meshcamp-2021-meshes-for-everyone, ../outside/page.html",
        ),
        encoding="utf8",
    )
    overrides = {
        "cv_redirects": {
            "talks": "experience",  # a page of the site
            "gone": "nowhere",  # to no page
            "jobs": "experience",
            "jobs/": "talks",  # the same old page again, elsewhere
        }
    }
    app = build_copy(make_app, tmp_path, "bad", freshenv=True, confoverrides=overrides)
    app.build()
    lines = warnings_of(app)
    expected = [
        (r"talks\.md:3: .*:aliases: invalid page path '\.\./outside/page\.html'", "option"),
        (
            (
                r"talks\.md:3: .*old talk id 'meshcamp-2021-meshes-for-everyone' of 'talk-2023' "
                r"is the id of the talk in 'talks', line 11"
            ),
            "duplicate",
        ),
        (r"'talks' is a page of the site; no redirect replaces it", "redirect"),
        (r"redirect from 'gone' leads to no page: 'nowhere'", "redirect"),
        (r"'jobs' already redirects to 'experience'; not to 'talks'", "redirect"),
    ]
    for pattern, subtype in expected:
        found = [line for line in lines if re.search(pattern, line)]
        assert len(found) == 1, (pattern, lines)
        assert found[0].endswith(f"[cv.{subtype}]"), found
    # the references to the dropped old id now warn: two cv roles, and Sphinx's :ref:
    assert len(lines) == len(expected) + 3, lines
    out = Path(app.outdir)
    assert not (out / "gone.html").exists()
    assert "<article" in (out / "talks.html").read_text(encoding="utf8")  # not replaced
    assert soup(out / "jobs.html").select_one("body a")["href"] == "experience.html"


def test_a_redirect_never_replaces_a_page_the_build_wrote(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = build_copy(
        make_app,
        tmp_path,
        "index",
        freshenv=True,
        confoverrides={"cv_redirects": {"search": "talks"}},
    )
    app.build()
    lines = warnings_of(app)
    assert len(lines) == 1, lines
    assert "would replace 'search.html'" in lines[0] and lines[0].endswith("[cv.redirect]")
    assert "cv_ext redirect" not in (Path(app.outdir) / "search.html").read_text(encoding="utf8")


def test_two_objects_claiming_one_old_id(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    """The first (by file, then line) keeps the old id; the other warns cv.duplicate."""
    src = tmp_path / "claim"
    shutil.copytree(TESTS / "roots" / "test-links", src)
    talks = (src / "talks.md").read_text(encoding="utf8")
    (src / "talks.md").write_text(
        talks.replace(
            ":event: MeshCamp 2021\n", ":event: MeshCamp 2021\n:aliases: router-talk\n"
        ).replace(
            ":aliases: exampleconf-2023-routing,",
            ":aliases: router-talk, exampleconf-2023-routing,",
        ),
        encoding="utf8",
    )
    app = build_copy(make_app, tmp_path, "claim", freshenv=True, parallel=2)
    app.build()
    lines = warnings_of(app)
    assert len(lines) == 1, lines
    assert re.search(
        r"talks\.md:11: WARNING: old talk id 'router-talk' already names talk 'talk-2023' "
        r"\(in 'talks', line 3\); not talk 'meshcamp-2021-meshes-for-everyone' \[cv\.duplicate\]$",
        lines[0],
    ), lines
    assert get_domain(app.env).lookup("talk", "router-talk").id == "talk-2023"


def test_redirect_pages_speak_the_builds_language(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = build_copy(make_app, tmp_path, "de", freshenv=True, confoverrides={"language": "de"})
    app.build()
    page = soup(Path(app.outdir) / "projects" / "router.html")
    assert page.html["lang"] == "de"
    assert page.body.get_text(" ", strip=True) == "Diese Seite ist umgezogen: Mesh router ."


def test_an_old_id_added_later_rewrites_the_pages_naming_it(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    """An incremental build: a page that named an unknown id links once it is an alias."""
    src = tmp_path / "late"
    shutil.copytree(TESTS / "roots" / "test-links", src)
    project = src / "projects" / "mesh-router.md"
    project.write_text(
        project.read_text(encoding="utf8").replace(":aliases: router\n", ""), encoding="utf8"
    )
    first = build_copy(make_app, tmp_path, "late", freshenv=True)
    first.build()
    assert any("unknown project id 'router'" in line for line in warnings_of(first))
    # not the index page: Sphinx rewrites a changed page's toctree parent anyway
    page = Path(first.outdir) / "references.html"
    assert soup(page).select_one("p a.reference")["href"] == "talks.html#talk-2023"
    project.write_text(
        project.read_text(encoding="utf8").replace(":entry:", ":aliases: router\n:entry:"),
        encoding="utf8",
    )
    second = build_copy(make_app, tmp_path, "late")
    second.build()
    assert warnings_of(second) == []
    first_link = soup(page).select_one("p a.reference")
    assert (first_link["href"], first_link.get_text()) == (
        "projects/mesh-router.html",
        "Mesh router",
    )


# --- the core: paths, aliases, the plan ----------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "docname"),
    [
        ("projects/old", "projects/old"),
        ("/projects/old/", "projects/old"),
        ("projects/old.html", "projects/old"),
        ("projects/old/index.html", "projects/old/index"),
        ("jobs", "jobs"),
    ],
)
def test_page_path_takes_what_an_author_pastes(written: str, docname: str) -> None:
    assert page_path(written) == docname


@pytest.mark.parametrize(
    "bad", ["", "/", "../up", "a/../b", "a b", "https://example.org/x", "x?y=1", "x#y", "a//b"]
)
def test_page_path_refuses_what_is_no_page_of_the_site(bad: str) -> None:
    with pytest.raises(ParseError):
        page_path(bad)


@given(st.text(max_size=40))
def test_page_path_gives_a_clean_docname_or_refuses(text: str) -> None:
    try:
        path = page_path(text)
    except ParseError:
        return
    assert path and path == path.strip("/") and not path.endswith(".html")
    assert ".." not in path.split("/") and not any(ch.isspace() for ch in path)
    assert page_path(path) == path  # stable


def test_parse_aliases_tells_ids_from_pages() -> None:
    ids, pages, errors = parse_aliases("router, archive/router.html, router, ../x/y, old")
    assert ids == ("router", "old")
    assert pages == ("archive/router",)
    assert len(errors) == 1 and "'../x/y'" in errors[0]
    assert page_target("talks#talk-2023") == ("talks", "talk-2023")


def test_plan_keeps_the_first_and_refuses_the_rest() -> None:
    pages = {"experience", "talks", "index"}
    wanted = [
        Wanted(Redirect("jobs", "experience")),
        Wanted(Redirect("jobs", "experience")),  # the same again: nothing to say
        Wanted(Redirect("jobs", "talks"), ("talks", 3)),
        Wanted(Redirect("talks", "index")),
        Wanted(Redirect("gone", "nowhere")),
        Wanted(Redirect("old-talks", "talks", "talk-2023")),
    ]
    redirects, problems = plan(wanted, pages)
    assert redirects == [
        Redirect("jobs", "experience"),
        Redirect("old-talks", "talks", "talk-2023"),
    ]
    assert [(p.message, p.where) for p in problems] == [
        ("'jobs' already redirects to 'experience'; not to 'talks'", ("talks", 3)),
        ("'talks' is a page of the site; no redirect replaces it", None),
        ("redirect from 'gone' leads to no page: 'nowhere'", None),
    ]
