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
