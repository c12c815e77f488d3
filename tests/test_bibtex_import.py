"""``python -m cv_ext bibtex``: a real BibTeX file as publication directives that build.

The file is ``xampl.bib``, BibTeX's own example database as TeX Live ships it (Debian's
texlive-base, which the PDF tests need anyway): every entry type, @string macros,
cross-references, accents and commands in values.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import need
from pybtex.database import parse_file

XAMPL = Path("/usr/share/texlive/texmf-dist/bibtex/bib/base/xampl.bib")


@pytest.fixture(scope="module")
def xampl() -> Path:
    """BibTeX's example database, from TeX Live."""
    need(XAMPL.is_file(), f"{XAMPL} is missing: .ci/run installs TeX Live")
    return XAMPL


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cv_ext", "bibtex", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_entry_becomes_a_publication_that_builds(xampl: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "conf.py").write_text(
        'extensions = ["myst_parser", "cv_ext"]\nmyst_enable_extensions = ["colon_fence"]\n'
        'project = "x"\nauthor = "Donald E. Knuth"\n',
        encoding="utf8",
    )
    (site / "index.md").write_text("# Home\n\n```{toctree}\npublications\n```\n", encoding="utf8")
    result = _cli(str(xampl), "-o", str(site / "publications.md"))
    assert result.returncode == 0, result.stderr
    page = (site / "publications.md").read_text("utf8")
    entries = parse_file(str(xampl)).entries
    assert page.count(":::{publication}") == len(entries) == 36
    assert ":::{publication} Fundamental Algorithms\n" in page
    assert ":authors: Donald E. Knuth\n" in page
    assert "\\\\" not in page  # no LaTeX left: \\mbox and accents became text
    # the page builds without a warning, and cv.bib gives every author back in order
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-W",
            "-b",
            "html",
            str(site),
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    exported = parse_file(str(tmp_path / "out" / "cv.bib")).entries
    assert [str(p) for p in exported["inbook-full"].persons["author"]] == ["Knuth, Donald E."]
    assert len(exported) == 36


def test_refuses_to_overwrite_and_reports_bad_input(xampl: Path, tmp_path: Path) -> None:
    target = tmp_path / "publications.md"
    target.write_text("mine", encoding="utf8")
    result = _cli(str(xampl), "-o", str(target))
    assert result.returncode == 2
    assert "exists" in result.stderr
    assert target.read_text("utf8") == "mine"
    broken = tmp_path / "broken.bib"
    broken.write_text("@article{a, title = {unclosed", encoding="utf8")
    result = _cli(str(broken))
    assert result.returncode == 2
    assert "not BibTeX" in result.stderr
    assert "Traceback" not in result.stderr
