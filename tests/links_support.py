"""Helpers of the tests of links: inventories, pages, warnings, apps on a copy of test-links."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from conftest import TESTS
from sphinx.util.console import strip_colors
from sphinx.util.inventory import InventoryFile

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


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
