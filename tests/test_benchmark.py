"""The build-speed benchmark (benchmarks/run.py) runs, its two sites say the same, and
incremental builds rewrite the right pages.

Only page sets and words are asserted, never wall-clock times: those are the benchmark's to
report.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

RUN = REPO / "benchmarks" / "run.py"
sys.path.insert(0, str(REPO / "benchmarks"))

import equivalence  # benchmarks/ is a folder of scripts, not a package
import synth


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One small run: N=40, one repeat (with the no-op and the prose edit twice), no -j
    build."""
    tmp: Path = tmp_path_factory.mktemp("bench")
    result = subprocess.run(
        [
            sys.executable,
            str(RUN),
            *("--sizes", "40", "--repeat", "1", "--edit-repeat", "2", "--no-parallel"),
            "--quiet",
            *("--work-dir", str(tmp / "work"), "--json", str(tmp / "bench.json")),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert "# Build speed" in result.stdout
    data: dict[str, Any] = json.loads((tmp / "bench.json").read_text(encoding="utf8"))
    return data


def test_benchmark_runs(bench: dict[str, Any]) -> None:
    """Both variants build without warnings; the plain build rewrites only the edited page."""
    (size,) = bench["results"]
    assert size["n"] == 40
    assert size["objects"] == 40
    assert set(size["runs"]) == {"plain", "cv_ext"}
    edited = size["edited"]
    assert edited.startswith("projects/")
    assert edited in size["expected"]
    for runs in size["runs"].values():
        (run,) = runs
        assert run["parallel"] is None
        for build in (run["full"], run["noop"], run["prose"], run["incremental"]):
            assert build["warnings"] == []
            assert build["max_rss_mb"] > 0
        assert run["noop_rewritten"] == []  # nothing changed, no page written
    # Sphinx rewrites what it re-read, and the page whose toctree lists it
    (plain,) = size["runs"]["plain"]
    assert plain["rewritten"] == sorted([edited, "projects"])
    assert plain["prose_rewritten"] == sorted([edited, "projects"])
    # the baseline of a title edit: Sphinx alone, made to write every page showing it
    assert plain["same_pages"]["warnings"] == []
    assert plain["same_pages_rewritten"] == size["expected"]
    assert size["runs"]["cv_ext"][0]["same_pages"] is None


def test_a_prose_edit_rewrites_the_edited_page_alone(bench: dict[str, Any]) -> None:
    """A change to a project's body text shows on its own page only: cv_ext rewrites it
    and the toctree parent Sphinx always writes with it, and nothing else."""
    (size,) = bench["results"]
    (run,) = size["runs"]["cv_ext"]
    assert size["expected_prose"] == sorted([size["edited"], "projects"])
    assert run["prose_rewritten"] == size["expected_prose"]


def test_incremental_rewrites_exactly_the_pages_showing_the_project(
    bench: dict[str, Any],
) -> None:
    """After editing one project's title and body, cv_ext rewrites that page and the pages
    showing it (projects and skills indices, pages referencing it, pages it references),
    computed from the generated cross-references, and no other page."""
    (size,) = bench["results"]
    (run,) = size["runs"]["cv_ext"]
    rewritten, expected = set(run["rewritten"]), set(size["expected"])
    stale, needless = sorted(expected - rewritten), sorted(rewritten - expected)
    assert not stale, f"not rewritten though they show the edited {size['edited']}: {stale}"
    assert not needless, f"rewritten needlessly after editing {size['edited']}: {needless}"


def test_both_variants_say_the_same_on_every_page(tmp_path: Path) -> None:
    """The plain site carries every word cv_ext's site shows, page by page, and no other:
    otherwise the ratio of their build times compares different sites."""
    assert equivalence.differences(40, tmp_path) == {}


def test_the_site_is_shaped_like_a_cv() -> None:
    """Entries with several paragraphs and nested lists, measured results under entries,
    tags everywhere, and projects and talks that reference each other both ways."""
    site = synth.generate(200)
    entries = site.of_type("entry")
    assert all(entry.body.count("\n\n") >= 2 for entry in entries)  # paragraphs, then a list
    assert all("\n  - " in entry.body for entry in entries)  # a nested list
    results = [a for a in site.of_type("achievement") if a.metric and a.entry]
    assert len(results) >= 0.4 * len(site.of_type("achievement"))
    assert all(obj.tags for obj in site.objects.values())
    talks_to_projects = {(t.id, p) for t in site.of_type("talk") for p in t.projects}
    projects_to_talks = {
        (target, project.id)
        for project in site.of_type("project")
        for typ, target in project.body_refs
        if typ == "talk"
    }
    assert talks_to_projects
    assert talks_to_projects == projects_to_talks
