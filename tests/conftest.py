"""Shared fixtures: sphinx.testing with the roots in tests/roots/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.util.i18n import CatalogRepository

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

TESTS = Path(__file__).parent.resolve()
REPO = TESTS.parent


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the translation catalogs of docs/ and the roots once, before xdist's workers
    start: two workers building German pages would otherwise write the same .mo file."""
    if hasattr(session.config, "workerinput"):  # a worker: the controller has done it
        return
    for locale in [REPO / "docs" / "locale", *TESTS.glob("roots/*/locale")]:
        for language in sorted(path.name for path in locale.iterdir() if path.is_dir()):
            repository = CatalogRepository(locale.parent, [locale.name], language, "utf-8")
            for catalog in repository.catalogs:
                if catalog.is_outdated():
                    catalog.write_mo(language)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the ``test-*`` roots."""
    return TESTS / "roots"


def sphinx_build(
    src: Path, out: Path, *extra: str, builder: str = "dirhtml", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``sphinx-build -n -W --keep-going`` as the README runs it, doctrees beside *out*.

    Fails the calling test on any warning or error, with sphinx-build's own words.
    """
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
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
#: environment, the benchmark or a corpus of real CVs
SLOW_MODULES = frozenset(
    {
        "test_audiences.py",
        "test_benchmark.py",
        "test_bibtex_import.py",
        "test_builders.py",
        "test_builds.py",
        "test_claims.py",
        "test_docs.py",
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
#: single slow tests in otherwise quick modules
SLOW_TESTS = frozenset(
    {
        "tests/test_import.py::test_any_string_survives_page_build_and_export",
        "tests/test_import.py::test_hand_written_collisions_get_distinct_ids_serial_and_parallel",
        "tests/test_import.py::test_import_writes_a_project_read_the_docs_builds",
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
