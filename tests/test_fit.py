"""``cv_paper_pages``: a long paper CV condenses in the documented order, never dropping a job."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import REPO, need
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

ROOT = REPO / "tests" / "roots" / "test-fit"


def _entries(app: SphinxTestApp) -> list[tuple[str, bool]]:
    """Each entry of the paper: its role, and whether its text is shown."""
    app.build()
    body = (app.outdir / "ada-cv.tex").read_text("utf8").split(r"\begin{document}", 1)[1]
    entries = body.split(r"\begin{cventry}")[1:]
    return [
        (
            re.search(r"\\sphinxstylestrong\{([^}]*)\}", entry).group(1),  # type: ignore[union-attr]
            "Designed, built" in entry.split(r"\end{cventry}")[0],
        )
        for entry in entries
    ]


@pytest.mark.sphinx("latex", testroot="fit", freshenv=True)
def test_older_jobs_condense_first(app: SphinxTestApp) -> None:
    entries = _entries(app)
    # every job stays, newest first; the oldest show their header line alone
    assert [role for role, _ in entries] == [f"Engineer {n}" for n in range(1, 13)]
    shown = [full for _, full in entries]
    assert shown == [True] * 7 + [False] * 5
    status = strip_colors(app.status.getvalue())
    assert (
        "cv_paper_pages: condensed 5 older jobs to their header line; "
        "the paper now fits 2 pages (estimated)"
    ) in status
    tex = (app.outdir / "ada-cv.tex").read_text("utf8")
    assert tex.count(r"\sphinxstylestrong{Project ") == 8
    # a condensed job keeps its organisation, on a line of its own
    assert "Company L" in tex


@pytest.mark.sphinx("latex", testroot="fit", freshenv=True, confoverrides={"cv_paper_pages": 1})
def test_then_projects_then_talks_and_never_a_job(app: SphinxTestApp) -> None:
    entries = _entries(app)
    assert [role for role, _ in entries] == [f"Engineer {n}" for n in range(1, 13)]
    assert not any(full for _, full in entries)
    tex = (app.outdir / "ada-cv.tex").read_text("utf8")
    status = strip_colors(app.status.getvalue())
    assert "condensed 12 older jobs to their header line, " in status
    projects = tex.count(r"\sphinxstylestrong{Project ")
    assert projects < 8
    # the newest projects stay
    if projects:
        assert r"\sphinxstylestrong{Project 1}" in tex
    assert "still exceeds 1 pages" in status or "fits 1 pages" in status


@pytest.mark.sphinx("latex", testroot="fit", freshenv=True, confoverrides={"cv_paper_pages": 0})
def test_off_condenses_nothing(app: SphinxTestApp) -> None:
    assert all(full for _, full in _entries(app))
    assert "cv_paper_pages" not in strip_colors(app.status.getvalue())


def test_the_pdf_fits(tmp_path: Path) -> None:
    """LaTeX agrees with the estimate: two pages, three without the setting."""
    need(("latexmk", "pdfinfo"), ".ci/run installs TeX Live and poppler-utils")
    pages = []
    for setting in ("2", "0"):
        out = tmp_path / setting
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-M",
                "latexpdf",
                str(ROOT),
                str(out),
                "-q",
                "-D",
                f"cv_paper_pages={setting}",
            ],
            capture_output=True,
            check=True,
        )
        info = subprocess.run(
            ["pdfinfo", str(out / "latex" / "ada-cv.pdf")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages.append(int(re.search(r"Pages:\s+(\d+)", info).group(1)))  # type: ignore[union-attr]
    assert pages == [2, 3]
