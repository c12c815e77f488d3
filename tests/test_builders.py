"""Every builder renders every node of every test root: html, dirhtml, singlehtml, epub,
latex, text, man, texinfo.

Marked ``oldest``: .ci/run runs these on the oldest versions pyproject.toml allows too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from conftest import TESTS
from sphinx.util.console import strip_colors
from test_warnings import EXPECTED

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]
# every root that uses cv_ext (test-intersphinx is a plain project that links a built site)
ROOTS = sorted(
    path.name.removeprefix("test-")
    for path in (TESTS / "roots").glob("test-*")
    if '"cv_ext"' in (path / "conf.py").read_text(encoding="utf8")
)
# the warnings a root is made to give, (file, line, type), alike under every builder
MEANT = {
    "warnings": {(filename, line, subtype) for filename, line, subtype, _ in EXPECTED},
    "paper": {("bad.md", 7, "cv.option")},  # a section the paper CV does not know
    # a letter with an impossible date and an unknown audience
    "letters": {("bad.rst", 4, "cv.date"), ("bad.rst", 4, "cv.ref")},
    # a publication with a bad date, DOI and URL
    "publications": {
        ("papers.md", 16, "cv.date"),
        ("papers.md", 16, "cv.option"),
        ("papers.md", 16, "cv.url"),
    },
    # one project id on two pages, twice, and one old id and old page claimed by two
    # projects: the later page's declaration loses
    "duplicates": {
        ("beta.rst", 4, "cv.duplicate"),
        ("delta.md", 3, "cv.duplicate"),
        ("foxtrot.rst", 4, "cv.duplicate"),
    },
}
WARNING = re.compile(
    r"^.*[/\\](?P<file>[^/\\]+):(?P<line>\d+): WARNING: .* \[(?P<type>cv\.[a-z]+)\]$"
)
# EPUB3 wants a copyright and a version, which most roots leave out: Sphinx's, not cv_ext's
EPUB = {"copyright": "cv_ext", "version": "1.0"}


@pytest.mark.oldest
@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("builder", BUILDERS)
def test_builder_is_clean(make_app, rootdir: Path, tmp_path: Path, builder: str, root: str) -> None:
    """No warning but those the root is made to give: typed cv_ext warnings, located."""
    app: SphinxTestApp = make_app(
        builder,
        srcdir=rootdir / f"test-{root}",
        builddir=tmp_path,
        confoverrides=EPUB if builder == "epub" else {},
    )
    app.build()
    lines = [line for line in strip_colors(app.warning.getvalue()).splitlines() if line.strip()]
    untyped = [line for line in lines if not WARNING.match(line)]
    assert untyped == []
    warned = set()
    for line in lines:
        match = WARNING.match(line)
        assert match is not None
        warned.add((match["file"], int(match["line"]), match["type"]))
    assert warned == MEANT.get(root, set())


def test_text_output_reads_without_css(make_app, rootdir: Path, tmp_path: Path) -> None:
    app: SphinxTestApp = make_app("text", srcdir=rootdir / "test-basic", builddir=tmp_path)
    app.build()
    jobs = (app.outdir / "jobs.txt").read_text(encoding="utf8")
    assert "Software Engineer (fixed-term)" in jobs
    assert "Software Engineer (fixed-term) · Mozilla" in jobs  # one line: role · org
    assert "6 mos Current · Remote" in jobs
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
