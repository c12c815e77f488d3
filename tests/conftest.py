"""Shared fixtures: sphinx.testing with the roots in tests/roots/."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

TESTS = Path(__file__).parent.resolve()
REPO = TESTS.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the ``test-*`` roots."""
    return TESTS / "roots"
