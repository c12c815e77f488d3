"""Builds that must agree: parallel with serial, incremental with clean, one day with another."""

from __future__ import annotations

import filecmp
import re
import shutil
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, TESTS, sphinx_build

if TYPE_CHECKING:
    from pathlib import Path

DOCS = REPO / "docs"


def differences(left: Path, right: Path) -> list[str]:
    """Files that are missing on one side or differ byte for byte."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return sorted(found)


# --- parallel ---------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [DOCS, TESTS / "roots" / "test-myst"], ids=["docs", "test-myst"])
def test_parallel_build_writes_the_same_files(source: Path, tmp_path: Path) -> None:
    sphinx_build(source, tmp_path / "serial")
    result = sphinx_build(source, tmp_path / "parallel", "-j", "2")
    assert "doing serial read" not in result.stdout + result.stderr
    assert differences(tmp_path / "serial", tmp_path / "parallel") == []


# --- reproducible -----------------------------------------------------------------------------


def test_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    epoch = {"SOURCE_DATE_EPOCH": "1727049600"}  # 2024-09-23
    sphinx_build(DOCS, tmp_path / "first", env=epoch)
    sphinx_build(DOCS, tmp_path / "second", env=epoch)
    assert differences(tmp_path / "first", tmp_path / "second") == []


# --- incremental ------------------------------------------------------------------------------


def rebuild(src: Path, out: Path, *extra: str) -> set[str]:
    """Build again; return the pages Sphinx rewrote, by its own account (tests/written.py).

    A page is named as its folder in ``dirhtml`` ("projects" for projects/index). Sphinx
    itself also rewrites the toctree parents of every page it rewrites (here always
    "index"), since a child's title may show in their navigation.
    """
    log = out.with_name(out.name + "-written.txt")
    log.unlink(missing_ok=True)
    sphinx_build(src, out, *extra, written=log)
    names = log.read_text(encoding="utf8").split() if log.exists() else []
    generated = {"genindex", "search"}  # Sphinx writes these on every build
    return {name.removesuffix("/index") for name in names} - generated


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the MyST test root, built once."""
    src = tmp_path / "src"
    shutil.copytree(TESTS / "roots" / "test-myst", src)
    sphinx_build(src, tmp_path / "out")
    return src


def content(path: Path) -> str:
    """What cv_ext decides in an output file.

    Sphinx itself leaves two things stale on incremental builds, whatever the extension:
    the navigation of sibling pages (sidebar, previous/next links) and empty terms in
    the search index. Everything else must match a clean build exactly.
    """
    text = path.read_text(encoding="utf8")
    if path.suffix == ".html":
        soup = BeautifulSoup(text, "html.parser")
        body = soup.select_one("div.body")
        scripts = soup.select('script[type="application/ld+json"]')
        return "\n".join(str(node) for node in [body, *scripts] if node is not None)
    if path.name == "searchindex.js":
        return re.sub(r'"[^"]*":\[\],?', "", text)
    return text


def assert_same_as_clean(src: Path, tmp_path: Path) -> None:
    """The incremental output equals a clean build of the same sources."""
    sphinx_build(src, tmp_path / "clean")
    incremental, clean = tmp_path / "out", tmp_path / "clean"
    files = {p.relative_to(clean) for p in clean.rglob("*") if p.is_file()}
    assert files == {p.relative_to(incremental) for p in incremental.rglob("*") if p.is_file()}
    for name in sorted(files):
        if (clean / name).suffix in {".html", ".js", ".json", ".txt", ".xml"}:
            assert content(incremental / name) == content(clean / name), name


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf8")


def assert_byte_identical_to_clean(
    src: Path, out: Path, clean: Path, *extra: str, removed: str = ""
) -> None:
    """Every output file of the incremental build equals a clean build's, byte for byte.

    Sphinx never deletes the output of a *removed* page (its folder and its copied
    source); everything else must match.
    """
    sphinx_build(src, clean, *extra)
    leftovers = {removed, f"_sources/{removed}.md.txt"} if removed else set()
    assert [name for name in differences(out, clean) if name not in leftovers] == []


def every_page(out: Path) -> set[str]:
    return {
        str(path.parent.relative_to(out)).replace(".", "index", 1)
        for path in out.rglob("index.html")
    } - {"genindex", "search"}


def test_renamed_project_updates_every_page_that_shows_it(site: Path, tmp_path: Path) -> None:
    edit(
        site / "projects" / "hole-punching.md",
        "# Decentralized hole punching",
        "# Hole punching, renamed",
    )
    rewritten = rebuild(site, tmp_path / "out")
    # the title shows in the navigation of every page (the theme's sidebar), besides the
    # index listing it, the pages referencing it and those it references
    assert rewritten == every_page(tmp_path / "out")
    for page in ("projects", "results", "talks", "jobs", "skills"):
        html = (tmp_path / "out" / page / "index.html").read_text(encoding="utf8")
        assert "Hole punching, renamed" in html, page
        assert "Decentralized hole punching" not in html, page
    assert "Hole punching, renamed" in (tmp_path / "out" / "cv.json").read_text(encoding="utf8")
    assert_same_as_clean(site, tmp_path)
    assert_byte_identical_to_clean(site, tmp_path / "out", tmp_path / "clean-bytes")


def test_added_and_removed_pages_reach_every_navigation(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (site / "extra.md").write_text("# An extra page\n\nHello.\n", encoding="utf8")
    edit(site / "index.md", "talks\n", "talks\nextra\n")
    assert rebuild(site, out) == every_page(out)
    assert "An extra page" in (out / "jobs" / "index.html").read_text(encoding="utf8")
    assert_byte_identical_to_clean(site, out, tmp_path / "clean-added")
    (site / "extra.md").unlink()
    edit(site / "index.md", "talks\nextra\n", "talks\n")
    rebuild(site, out)
    assert "An extra page" not in (out / "jobs" / "index.html").read_text(encoding="utf8")
    assert_byte_identical_to_clean(site, out, tmp_path / "clean-removed", removed="extra")


def test_renamed_page_with_local_navigation(tmp_path: Path) -> None:
    """Sphinx's basic theme shows a title only to its neighbours (previous/next), the
    pages below it and its parent: those are rewritten, and no other page."""
    src, out, basic = tmp_path / "src", tmp_path / "out", ("-D", "html_theme=basic")
    shutil.copytree(TESTS / "roots" / "test-myst", src)
    (src / "notes.md").write_text("# Notes\n\nUnrelated.\n", encoding="utf8")
    edit(src / "index.md", "skills\n", "skills\nnotes\n")
    sphinx_build(src, out, *basic)
    edit(src / "talks.md", "# Talks", "# Talks, renamed")
    # talks is re-read; index is its parent; projects/metrics and skills are its previous
    # and next pages (Sphinx adds projects, the parent of a page it writes); notes is far away
    rewritten = rebuild(src, out, *basic)
    assert rewritten == {"talks", "index", "projects/metrics", "skills", "projects"}
    assert_byte_identical_to_clean(src, out, tmp_path / "clean", *basic)


def test_renamed_project_on_the_career_site(tmp_path: Path) -> None:
    """docs/ with furo: after a title rename, every output file equals a clean build's."""
    src = tmp_path / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build"))
    sphinx_build(src, tmp_path / "out")
    edit(src / "projects" / "neqo.md", "# Contributions to neqo", "# neqo, renamed")
    assert rebuild(src, tmp_path / "out") == every_page(tmp_path / "out")
    assert_byte_identical_to_clean(src, tmp_path / "out", tmp_path / "clean")


def test_deleted_talk_leaves_no_trace(site: Path, tmp_path: Path) -> None:
    talks = site / "talks.md"
    text = talks.read_text(encoding="utf8")
    start = text.index(":::{talk} Hole punching in the wild")
    talks.write_text(text[:start] + text[text.index(":::\n", start + 10) + 4 :], encoding="utf8")
    edit(site / "results.md", "{cv:talk}`fosdem-2023-hole-punching`,", "")
    edit(
        site / "projects" / "hole-punching.md",
        "Presented in {cv:talk}`fosdem-2023-hole-punching`.",
        "",
    )
    sphinx_build(site, tmp_path / "out")
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".js", ".xml"}:
            assert "Hole punching in the wild" not in path.read_text(encoding="utf8"), path
    assert_same_as_clean(site, tmp_path)


def test_new_achievement_appears_in_its_job(site: Path, tmp_path: Path) -> None:
    with (site / "results.md").open("a", encoding="utf8") as stream:
        stream.write(
            "\n:::{achievement} Brand new result\n:date: 2023-06-01\n:entry: protocol-labs\n:::\n"
        )
    assert rebuild(site, tmp_path / "out") == {"results", "jobs", "index"}
    jobs = BeautifulSoup(
        (tmp_path / "out" / "jobs" / "index.html").read_text(encoding="utf8"), "html.parser"
    )
    assert "Brand new result" in jobs.select_one("article#protocol-labs .cv-backlinks").get_text()
    assert "Brand new result" in (tmp_path / "out" / "cv.json").read_text(encoding="utf8")
    assert_same_as_clean(site, tmp_path)


def test_new_entry_appears_in_the_overview(site: Path, tmp_path: Path) -> None:
    with (site / "jobs.md").open("a", encoding="utf8") as stream:
        stream.write(
            "\n:::{timeline} Brand new job\n:org: New Org\n:start: 2024-12\n:end: present\n:::\n"
        )
    assert rebuild(site, tmp_path / "out") == {"jobs", "index"}
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf8")
    assert "Brand new job" in home
    assert_same_as_clean(site, tmp_path)


def test_a_changed_tag_label_reaches_every_page_showing_the_tag(site: Path, tmp_path: Path) -> None:
    """Labels are declared on one page and shown on many: a new label rewrites them all."""
    with (site / "skills.md").open("a", encoding="utf8") as stream:
        stream.write("\n:::{cv-tag-labels}\nlibp2p: the libp2p library\n:::\n")
    # the skills page declares it; the pages whose objects carry libp2p show it, and no
    # other page with tags (jobs carries rust, quic and http3); Sphinx adds the toctree
    # parents of what it writes (index, projects)
    assert rebuild(site, tmp_path / "out") == {
        "skills",
        "results",
        "talks",
        "projects/hole-punching",
        "projects",
        "index",
    }
    talks = (tmp_path / "out" / "talks" / "index.html").read_text(encoding="utf8")
    assert ">the libp2p library</span>" in talks
    assert_same_as_clean(site, tmp_path)


def test_removing_the_last_reference_on_a_page_drops_its_backlink(
    site: Path, tmp_path: Path
) -> None:
    """The metrics project's page names its job once; without it the job lists no project."""
    jobs = tmp_path / "out" / "jobs" / "index.html"
    assert "Metrics work" in backlinks_of(jobs, "mozilla-2024")
    edit(site / "projects" / "metrics.md", "Part of {cv:entry}`mozilla-2024`.", "")
    rebuild(site, tmp_path / "out")
    assert "Metrics work" not in backlinks_of(jobs, "mozilla-2024")
    assert_same_as_clean(site, tmp_path)


def test_removing_the_last_tag_of_a_skill_drops_the_skill(site: Path, tmp_path: Path) -> None:
    """Only the metrics project carries prometheus: untagged, the skill leaves the skills page."""
    skills = tmp_path / "out" / "skills" / "index.html"
    assert 'id="skill-prometheus"' in skills.read_text(encoding="utf8")
    edit(site / "projects" / "metrics.md", ":tags: prometheus\n", "")
    rebuild(site, tmp_path / "out")
    assert 'id="skill-prometheus"' not in skills.read_text(encoding="utf8")
    assert_same_as_clean(site, tmp_path)


def backlinks_of(page: Path, anchor: str) -> str:
    """The text of the "Referenced from" list of the object *anchor* on *page* ("" if none)."""
    soup = BeautifulSoup(page.read_text(encoding="utf8"), "html.parser")
    found = soup.select_one(f"#{anchor} .cv-backlinks")
    return found.get_text(" ", strip=True) if found is not None else ""


def test_unrelated_edit_rewrites_only_its_page(site: Path, tmp_path: Path) -> None:
    edit(site / "talks.md", "# Talks", "# Talks\n\nA new sentence.")
    assert rebuild(site, tmp_path / "out") == {"talks", "index"}


def test_no_change_rewrites_nothing(site: Path, tmp_path: Path) -> None:
    assert rebuild(site, tmp_path / "out") == set()


# --- link integrity ----------------------------------------------------------------------------

#: http:// URLs the sources give without an https:// alternative
PLAIN_HTTP: set[str] = set()


def test_every_link_resolves(tmp_path: Path) -> None:
    out = tmp_path / "site"
    sphinx_build(DOCS, out)
    ids: dict[Path, set[str]] = {}

    def anchors(path: Path) -> set[str]:
        if path not in ids:
            soup = BeautifulSoup(path.read_text(encoding="utf8"), "html.parser")
            ids[path] = {tag["id"] for tag in soup.select("[id]")}
        return ids[path]

    checked = 0
    for page in sorted(out.rglob("*.html")):
        url = "http://site/" + page.relative_to(out).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")):
            for element in soup.select(f"{tag}[{attr}]"):
                target = element[attr]
                parsed = urlparse(urljoin(url, target))
                if parsed.scheme == "mailto":
                    continue
                if parsed.netloc != "site":
                    assert parsed.scheme == "https" or target in PLAIN_HTTP, (page, target)
                    assert parsed.netloc and " " not in target, (page, target)
                    continue
                path = out / unquote(parsed.path).lstrip("/")
                if path.is_dir() or parsed.path.endswith("/"):
                    path = path / "index.html"
                assert path.is_file(), (page, target)
                if parsed.fragment and path.suffix == ".html":
                    assert parsed.fragment in anchors(path), (page, target)
                checked += 1
    assert checked > 500


# --- which pages navigation reaches (cv_ext.rewrites, no Sphinx) --------------------------------

#: index > (a > (a1, a2), b): previous/next in reading order
RELATIONS: dict[str, list[str | None]] = {
    "index": [None, None, "a"],
    "a": ["index", "index", "a1"],
    "a1": ["a", "a", "a2"],
    "a2": ["a", "a1", "b"],
    "b": ["index", "a2", None],
}


@pytest.mark.parametrize(
    ("changed", "global_navigation", "pages"),
    [
        (set(), True, set()),
        ({"title:b"}, True, set(RELATIONS)),  # a sidebar on every page shows every title
        ({""}, False, set(RELATIONS)),  # a page added, removed or moved: every page
        ({"title:b"}, False, {"a2", "index"}),  # its previous page and its parent
        ({"title:a1"}, False, {"a", "a2"}),  # parent (also previous), next
        ({"title:a"}, False, {"index", "a1", "a2"}),  # neighbours, pages below it
        ({"toc:a"}, False, set()),  # its sections show on its own page only
    ],
)
def test_navigation_pages(changed: set[str], global_navigation: bool, pages: set[str]) -> None:
    from cv_ext.reading.digests import navigation_pages

    found = navigation_pages(changed, RELATIONS, RELATIONS, global_navigation=global_navigation)
    assert found == pages
