"""Every builder renders every node: html, dirhtml, singlehtml, epub, latex, text, man, texinfo."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]


@pytest.mark.parametrize("root", ["basic", "myst"])
@pytest.mark.parametrize("builder", BUILDERS)
def test_builder_is_clean(make_app, rootdir: Path, tmp_path: Path, builder: str, root: str) -> None:
    app: SphinxTestApp = make_app(builder, srcdir=rootdir / f"test-{root}", builddir=tmp_path)
    app.build()
    assert strip_colors(app.warning.getvalue()) == ""


def test_text_output_reads_without_css(make_app, rootdir: Path, tmp_path: Path) -> None:
    app: SphinxTestApp = make_app("text", srcdir=rootdir / "test-basic", builddir=tmp_path)
    app.build()
    jobs = (app.outdir / "jobs.txt").read_text(encoding="utf8")
    assert "Software Engineer (fixed-term)" in jobs
    assert "Mozilla · Remote" in jobs
    assert "Jun 2024 – Nov 2024 · 6 mos" in jobs
    assert "Tags: rust, quic, http3" in jobs
    assert "2017 – 2020, 2022 – Present · 5 yrs" in jobs
    results = (app.outdir / "results.txt").read_text(encoding="utf8")
    assert "peak throughput: ~30 Mbit/s → 1.3 Gbit/s\n" in results  # approximate: no factor
    index = (app.outdir / "index.txt").read_text(encoding="utf8")
    assert "Jun 2024 – Nov 2024 · 6 mos" in index
    assert "Software Engineer (fixed-term) · Mozilla" in index


def test_latex_output(make_app, rootdir: Path, tmp_path: Path) -> None:
    app: SphinxTestApp = make_app("latex", srcdir=rootdir / "test-basic", builddir=tmp_path)
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf8")
    assert r"\begin{sphinxuseclass}{cv-entry}" in tex
    assert r"Receive window auto\sphinxhyphen{}tuning for Yamux" in tex
    assert r"\(\rightarrow\)" in tex  # the metric arrow, escaped for pdflatex
    assert "<article" not in tex
