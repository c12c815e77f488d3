"""Links that work from anywhere and last: labels in objects.inv, intersphinx from a plain
Sphinx project, old names through ``:aliases:`` and ``cv_redirects``, redirect pages, and
``python -m cv_ext links``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, TESTS, sphinx_build
from sphinx.util.console import strip_colors
from sphinx.util.inventory import InventoryFile

from cv_ext.cli.links import read_inventory
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

DOCS = REPO / "docs"
MAX = "https://max-inden.readthedocs.io/en/latest/"


def inventory(path: Path, base: str = "") -> dict[str, dict[str, tuple[str, str]]]:
    """``type -> name -> (uri, display name)`` of an ``objects.inv``."""
    with path.open("rb") as stream:
        loaded = InventoryFile.load(stream, base, lambda root, uri: root + uri)
    data = loaded.data if hasattr(loaded, "data") else loaded
    return {
        typ: {name: (item.uri, item.display_name) for name, item in items.items()}
        for typ, items in data.items()
    }


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf8"), "html.parser")


def warnings_of(app: SphinxTestApp) -> list[str]:
    return [line for line in strip_colors(app.warning.getvalue()).splitlines() if line.strip()]


@pytest.fixture(scope="module")
def docs_dirhtml(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docs/ built as Read the Docs builds it (dirhtml, -n -W)."""
    out = tmp_path_factory.mktemp("docs") / "dirhtml"
    sphinx_build(DOCS, out, builder="dirhtml")
    return out


# --- 1. every CV object is linkable from any Sphinx project -----------------------------------


def test_every_object_of_the_site_has_a_label(docs_dirhtml: Path) -> None:
    """Each project, talk, job and achievement of docs/ is a std:label with its title."""
    data = inventory(docs_dirhtml / "objects.inv")
    labels = data["std:label"]
    counted = 0
    for typ in ("cv:project", "cv:talk", "cv:entry", "cv:achievement"):
        assert data[typ], typ
        for name, (uri, title) in data[typ].items():
            label = f"cv-{typ[3:]}-{name}"
            assert label in labels, label
            label_uri, label_title = labels[label]
            # the same page; the label's anchor is the object's own
            assert label_uri.partition("#")[0] == uri.partition("#")[0], (label, label_uri, uri)
            assert label_title == title, (label, label_title, title)
            counted += 1
    assert counted >= 50
    assert labels["cv-project-hole-punching"] == (
        "projects/hole-punching/",
        "Decentralized hole punching",
    )
    assert labels["cv-entry-mozilla-2024"] == (
        "experience/#mozilla-2024",
        "Software Engineer (fixed-term), Mozilla",
    )
    # the site's labels hold nothing else of cv_ext's: no label of a skill, none of an item
    ours = [name for name in labels if name.startswith("cv-")]
    assert not [name for name in ours if name.startswith(("cv-skill-", "cv-item-"))]


def test_a_plain_sphinx_project_links_a_project_a_talk_and_a_job(
    docs_dirhtml: Path, tmp_path: Path
) -> None:
    """A Sphinx project without cv_ext, built with -n -W against the site's objects.inv."""
    plain = TESTS / "roots" / "test-intersphinx"
    assert "cv_ext" not in (plain / "conf.py").read_text(encoding="utf8").split("extensions")[1]
    out = tmp_path / "plain"
    sphinx_build(
        plain,
        out,
        builder="html",
        env={"CV_MAX_INVENTORY": str(docs_dirhtml / "objects.inv")},
    )
    assert not (out / "_static" / "cv_ext.css").exists()
    expected = {
        f"{MAX}projects/hole-punching/": "Decentralized hole punching",
        f"{MAX}talks/#fosdem-2023-hole-punching-in-the-wild": "Hole punching in the wild",
        f"{MAX}experience/#mozilla-2024": "Software Engineer (fixed-term), Mozilla",
    }
    # reStructuredText: :external+max:ref:, and plain :ref: that intersphinx resolves
    rst = {a["href"]: a.get_text() for a in soup(out / "index.html").select("a.external")}
    assert rst == expected | {f"{MAX}experience/#mozilla-2024": "Max’s job at Mozilla"}
    # MyST: {external+max:ref}
    myst = {a["href"]: a.get_text() for a in soup(out / "myst.html").select("a.external")}
    assert myst == expected


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


# --- labels: collisions, parallel and incremental builds ---------------------------------------


_last: list[SphinxTestApp] = []


def build_copy(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, name: str, **kwargs: object
) -> SphinxTestApp:
    """An app on a copy of the test-links root (copied once), built into ``<name>-out``.

    The app before it is cleaned up first: one process, one set of registered nodes.
    """
    while _last:
        _last.pop().cleanup()
    srcdir = tmp_path / name
    if not srcdir.exists():
        shutil.copytree(TESTS / "roots" / "test-links", srcdir)
    app = make_app("html", srcdir=srcdir, builddir=tmp_path / f"{name}-out", **kwargs)
    _last.append(app)
    return app


def cv_labels(app: SphinxTestApp) -> dict[str, object]:
    std = app.env.domains.standard_domain
    return {
        name: (std.labels.get(name), std.anonlabels.get(name))
        for name in std.anonlabels
        if name.startswith("cv-")
    }


def test_a_site_label_keeps_its_name(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    """A label of the site named like an object's stays the site's: cv.label, once."""
    src = tmp_path / "site"
    shutil.copytree(TESTS / "roots" / "test-links", src)
    (src / "experience.md").write_text(
        "(cv-entry-acme-2020)=\n"
        + (src / "experience.md").read_text(encoding="utf8")
        + "\n(cv-talk-talk-2023)=\n## Later\n",
        encoding="utf8",
    )
    app = build_copy(make_app, tmp_path, "site", freshenv=True)
    app.build()
    lines = warnings_of(app)
    assert len(lines) == 2, lines
    assert re.search(
        r"experience\.md:4: WARNING: label 'cv-entry-acme-2020' of entry 'acme-2020' is a "
        r"label of the site already \(in 'experience'\).*\[cv\.label\]$",
        lines[0],
    ), lines
    assert re.search(r"talks\.md:3: .*'cv-talk-talk-2023'.*\[cv\.label\]$", lines[1]), lines
    std = app.env.domains.standard_domain
    assert std.labels["cv-talk-talk-2023"] == ("experience", "cv-talk-talk-2023", "Later")
    # the object keeps its other labels and its role
    assert std.labels["cv-talk-exampleconf-2023-routing"][0] == "talks"
    # an incremental build that reads the site's page again says the same, no more: the
    # objects' labels are out of the std domain while pages are read, so Sphinx finds no
    # duplicate of its own there
    (src / "experience.md").write_text(
        (src / "experience.md").read_text(encoding="utf8") + "\nMore.\n", encoding="utf8"
    )
    again = build_copy(make_app, tmp_path, "site")
    again.build()
    assert [line.partition("WARNING")[2] for line in warnings_of(again)] == [
        line.partition("WARNING")[2] for line in lines
    ]


def test_sphinx_still_warns_about_its_own_duplicate_labels(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    src = tmp_path / "dup"
    shutil.copytree(TESTS / "roots" / "test-links", src)
    for page in ("experience.md", "talks.md"):
        text = (src / page).read_text(encoding="utf8")
        (src / page).write_text(text + "\n(shared-label)=\n## Notes\n", encoding="utf8")
    app = build_copy(make_app, tmp_path, "dup", freshenv=True)
    app.build()
    lines = warnings_of(app)
    assert len(lines) == 1, lines
    assert "duplicate label shared-label" in lines[0], lines
    # an incremental build that reads the first page again: Sphinx's warning, as ever
    (src / "experience.md").write_text(
        (src / "experience.md").read_text(encoding="utf8") + "\nMore.\n", encoding="utf8"
    )
    again = build_copy(make_app, tmp_path, "dup")
    again.build()
    lines = warnings_of(again)
    assert len(lines) == 1, lines
    assert "duplicate label shared-label" in lines[0], lines


@pytest.mark.parametrize("parallel", [0, 2])
def test_labels_of_parallel_and_incremental_builds_equal_a_clean_build(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, parallel: int
) -> None:
    clean = build_copy(make_app, tmp_path, "clean", freshenv=True)
    clean.build()
    expected = cv_labels(clean)
    assert "cv-project-router" in expected
    assert "cv-entry-initech-2023" in expected
    built = build_copy(make_app, tmp_path, "other", freshenv=True, parallel=parallel)
    built.build()
    assert cv_labels(built) == expected
    # an unrelated page changes: the objects' labels stay as they are
    src = tmp_path / "other"
    (src / "experience.md").write_text(
        (src / "experience.md").read_text(encoding="utf8") + "\nMore.\n", encoding="utf8"
    )
    again = build_copy(make_app, tmp_path, "other", parallel=parallel)
    again.build()
    assert warnings_of(again) == []
    assert cv_labels(again) == expected
    # an old id is dropped: its label goes, the object's stays
    talks = (src / "talks.md").read_text(encoding="utf8")
    (src / "talks.md").write_text(
        talks.replace(":aliases: exampleconf-2023-routing, archive/routing-talk\n", ""),
        encoding="utf8",
    )
    (src / "index.md").write_text(
        (src / "index.md")
        .read_text(encoding="utf8")
        .replace("exampleconf-2023-routing", "talk-2023"),
        encoding="utf8",
    )
    (src / "references.rst").write_text(
        (src / "references.rst")
        .read_text(encoding="utf8")
        .replace("exampleconf-2023-routing", "talk-2023"),
        encoding="utf8",
    )
    last = build_copy(make_app, tmp_path, "other", parallel=parallel)
    last.build()
    assert warnings_of(last) == []
    labels = cv_labels(last)
    assert "cv-talk-exampleconf-2023-routing" not in labels
    assert labels["cv-talk-talk-2023"] == expected["cv-talk-talk-2023"]
    assert get_domain(last.env).lookup("talk", "exampleconf-2023-routing") is None


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


# --- 3. share links that read well --------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cv_ext", "links", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )


def test_links_command_prints_every_object(docs_dirhtml: Path) -> None:
    result = run_cli("--inventory", str(docs_dirhtml / "objects.inv"), "--base", MAX)
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.strip().split("\n\n")
    data = inventory(docs_dirhtml / "objects.inv")
    objects = sum(len(data[f"cv:{t}"]) for t in ("entry", "achievement", "project", "talk"))
    assert len(blocks) == objects
    assert (
        "Decentralized hole punching (project)\n"
        f"  URL       {MAX}projects/hole-punching/\n"
        "  label     cv-project-hole-punching\n"
        f"  Markdown  [Decentralized hole punching]({MAX}projects/hole-punching/)"
    ) in blocks
    as_json = json.loads(
        run_cli("--inventory", str(docs_dirhtml / "objects.inv"), "--format", "json").stdout
    )
    job = next(row for row in as_json if row["label"] == "cv-entry-mozilla-2024")
    assert job == {
        "type": "entry",
        "id": "mozilla-2024",
        "title": "Software Engineer (fixed-term), Mozilla",
        "url": "experience/#mozilla-2024",
        "label": "cv-entry-mozilla-2024",
        "markdown": "[Software Engineer (fixed-term), Mozilla](experience/#mozilla-2024)",
    }
    assert {row["type"] for row in as_json} == {"entry", "achievement", "project", "talk"}


def test_links_command_builds_the_site(tmp_path: Path) -> None:
    """Without --inventory it builds the site with dirhtml; URLs start at html_baseurl."""
    result = run_cli("--site", str(TESTS / "roots" / "test-links"), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {row["label"]: row for row in json.loads(result.stdout)}
    assert rows["cv-project-mesh-router"]["url"] == "https://example.org/cv/projects/mesh-router/"
    assert "cv-project-router" not in rows  # an old name is no object of its own
    assert run_cli("--site", str(tmp_path)).returncode == 2


def test_the_guide_shows_what_the_command_prints(docs_dirhtml: Path) -> None:
    """guide/links.md and README show hole-punching's URL, label and Markdown link as they are."""
    links = {link.label: link for link in read_inventory(docs_dirhtml / "objects.inv", MAX)}
    project = links["cv-project-hole-punching"]
    for page in (REPO / "guide" / "links.md", REPO / "README.md"):
        text = page.read_text(encoding="utf8")
        for shown in (project.url, project.label, project.markdown):
            assert shown in text, (page.name, shown)


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
