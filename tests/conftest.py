"""Shared fixtures: sphinx.testing with the roots in tests/roots/; ``need``; hypothesis profiles."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from collections.abc import Iterable

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

TESTS = Path(__file__).parent.resolve()
REPO = TESTS.parent


def in_ci() -> bool:
    """Whether this is a CI run (``CI=true``), where nothing may be skipped for a missing tool."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def need(available: bool | str | Iterable[str], why: str) -> None:
    """Go on if *available*; else skip the test here, or fail it under ``CI=true``.

    *available* is a condition, a command name looked up on ``PATH``, or several such names.
    """
    if isinstance(available, str):
        available = [available]
    if not isinstance(available, bool):
        lacking = [tool for tool in available if shutil.which(tool) is None]
        why = f"{', '.join(lacking)} not installed: {why}"
        available = not lacking
    if available:
        return
    if in_ci():
        pytest.fail(f"CI=true and {why}", pytrace=False)
    pytest.skip(why)


# One place for hypothesis's settings: CI (a slow, shared 2-core machine) has no deadline
# and tries more examples; a local run stays quick. A test may still ask for fewer examples
# (each of those builds a whole site), never for a deadline.
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=300,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile("ci" if in_ci() else "dev")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the ``test-*`` roots."""
    return TESTS / "roots"


def source_copy(source: Path, parent: Path) -> Path:
    """A copy of the Sphinx project *source* under *parent*, to build or edit there.

    A build may write into its source folder (a German build compiles each ``.po`` into a
    ``.mo`` beside it); a test never does that to the repository's own files.
    """
    copy = parent / f"{source.name}-source"
    if not copy.exists():
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("_build", "*.mo"))
    return copy


def sphinx_build(
    src: Path,
    out: Path,
    *extra: str,
    builder: str = "dirhtml",
    env: dict[str, str] | None = None,
    written: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """``sphinx-build -n -W --keep-going`` as the README runs it, doctrees beside *out*.

    Fails the calling test on any warning or error, with sphinx-build's own words. With
    *written*, the names of the pages Sphinx renders are appended to that file
    (tests/written.py).
    """
    if written is not None:
        command = [sys.executable, str(TESTS / "written.py")]
        env = {**(env or {}), "CV_TEST_WRITTEN": str(written)}
    else:
        command = [sys.executable, "-m", "sphinx"]
    result = subprocess.run(
        [
            *command,
            "-n",
            "-W",
            "--keep-going",
            "-b",
            builder,
            "-d",
            str(out.with_name(out.name + "-doctrees")),
            *extra,
            str(src),
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr[-3000:]
    return result


#: test modules whose tests take more than ~20 s each on a busy 2-core machine: they build
#: docs/ or the guide (often under every builder), run LaTeX, Chromium, a fresh virtual
#: environment, the benchmark or a corpus of real CVs; or, like test_duplicate_ids.py, a
#: clean, an incremental and a parallel build of one root in every test
SLOW_MODULES = frozenset(
    {
        "test_audiences.py",
        "test_benchmark.py",
        "test_bibtex_import.py",
        "test_builders.py",
        "test_builds.py",
        "test_claims.py",
        "test_docs.py",
        "test_duplicate_ids.py",
        "test_exports.py",
        "test_fit.py",
        "test_guide.py",
        "test_i18n_site.py",
        "test_import_corpus.py",
        "test_import_site.py",
        "test_languages.py",
        "test_letters.py",
        "test_new.py",
        "test_package.py",
        "test_paper.py",
        "test_pdf.py",
        "test_random_sites.py",
    }
)
#: single slow tests in otherwise quick modules (parallel builds, whole-site commands)
SLOW_TESTS = frozenset(
    {
        "tests/test_import.py::test_any_string_survives_page_build_and_export",
        "tests/test_import.py::test_hand_written_collisions_get_distinct_ids_serial_and_parallel",
        "tests/test_import.py::test_import_writes_a_project_read_the_docs_builds",
        "tests/test_import.py::test_hostile_strings_import_build_and_come_back",
        "tests/test_links.py::test_labels_of_parallel_and_incremental_builds_equal_a_clean_build",
        "tests/test_links.py::test_links_command_builds_the_site",
        "tests/test_match.py::test_runs_are_deterministic",
        "tests/test_match_real_ads.py::test_precision_and_recall_on_real_ads",
        "tests/test_match.py::test_benchmark_reports_the_ratio",
        "tests/test_myst.py::test_fmt_on_docs_keeps_every_html_page_byte_for_byte",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow tests ``slow``: ``pytest -m "not slow"`` is the quick inner loop, and
    the full suite still runs every test."""
    for item in items:
        if (
            item.path.name in SLOW_MODULES
            or item.nodeid.partition("[")[0] in SLOW_TESTS
            or item.get_closest_marker("browser") is not None
        ):
            item.add_marker(pytest.mark.slow)
