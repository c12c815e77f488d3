"""Snapshots of the rendered HTML: one expected file for RST and MyST (parity)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from pathlib import Path

    from pytest_regressions.file_regression import FileRegressionFixture


def fragment(path: Path, selector: str) -> str:
    page = BeautifulSoup(path.read_text(encoding="utf8"), "html.parser")
    return "\n".join(node.prettify() for node in page.select(selector))


@pytest.mark.parametrize("root", ["basic", "myst"])
def test_html_fragments(
    make_app, rootdir: Path, tmp_path: Path, root: str, file_regression: FileRegressionFixture
) -> None:
    app = make_app("html", srcdir=rootdir / f"test-{root}", builddir=tmp_path)
    app.build()
    snapshot = "\n".join(
        [
            fragment(app.outdir / "jobs.html", "article.cv-entry"),
            fragment(app.outdir / "results.html", "article.cv-achievement"),
            fragment(app.outdir / "index.html", "div.cv-overview"),
            fragment(app.outdir / "projects" / "hole-punching.html", "div.cv-project"),
            fragment(app.outdir / "talks.html", "article.cv-talk"),
            fragment(app.outdir / "skills.html", "div.cv-index"),
        ]
    )
    file_regression.check(snapshot, basename="fragments", extension=".html", encoding="utf8")
