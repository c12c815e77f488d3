"""Links that work from anywhere: every object a label in objects.inv, linked from a plain
Sphinx project through intersphinx; labels beside the site's own, in parallel and incremental
builds; ``python -m cv_ext links``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import REPO, TESTS, sphinx_build
from links_support import build_copy, cv_labels, inventory, soup, warnings_of

from cv_ext.cli.links import read_inventory
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

DOCS = REPO / "docs"
MAX = "https://max-inden.readthedocs.io/en/latest/"


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


# --- labels beside the site's own ---------------------------------------------------------------


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
    kinds = ("entry", "achievement", "project", "talk", "publication")
    objects = sum(len(data.get(f"cv:{t}", {})) for t in kinds)
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
    assert {row["type"] for row in as_json} == set(kinds)


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
