"""Cover letters: a page per letter under the CV's letterhead, private on the web, a PDF each."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, need
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

ROOT = REPO / "tests" / "roots" / "test-letters"


@pytest.mark.sphinx(
    "html",
    testroot="letters",
    freshenv=True,
    confoverrides={
        "extensions": ["myst_parser", "cv_ext", "sphinx_sitemap"],
        "html_baseurl": "https://ada.example.org/",
        "sitemap_url_scheme": "{link}",
    },
)
def test_letter_page(app: SphinxTestApp) -> None:
    app.build()
    soup = BeautifulSoup(
        (app.outdir / "letters" / "example-gmbh.html").read_text("utf8"), "html.parser"
    )
    letter = soup.select_one("div.cv-letter")
    assert letter is not None
    lines = [
        " ".join(p.get_text(" ").split()) for p in letter.find_all(["p", "div"], recursive=False)
    ]
    # the letterhead (name first), then the addressee, the date, the subject, the text
    assert lines[0] == "Ada Example"
    # (Sphinx wraps a mail address's "@" and "." in spans of their own)
    assert lines[2].replace(" ", "") == "ada.example.org·ada@example.org·Berlin"
    assert lines[3] == "Example GmbH Hiring team Musterstraße 1 10115 Berlin"
    assert lines[4] == "September 23, 2024"
    assert lines[5] == "Application: Senior Network Engineer"
    assert lines[6] == "Dear hiring team,"
    # the audience's tailored CV is linked
    cv = letter.select_one(".cv-letter-cv a")
    assert cv is not None
    assert cv["href"] == "../for-networking.html"
    # search engines are asked to skip it; the site's search, sitemap and navigation do
    assert soup.select_one('meta[name="robots"][content="noindex"]') is not None
    assert "hiring" not in (app.outdir / "searchindex.js").read_text("utf8").lower()
    sitemap = (app.outdir / "sitemap.xml").read_text("utf8")
    assert "for-networking.html" in sitemap
    assert "letters/" not in sitemap
    home = (app.outdir / "index.html").read_text("utf8")
    # nothing public points at it: not the navigation, not the entry it names
    assert "letters/" not in home
    warnings = strip_colors(app.warning.getvalue())
    assert re.search(
        r"bad\.rst:4: WARNING: cover-letter: invalid date '2024-02-30'.*\[cv\.date\]", warnings
    )
    assert re.search(
        r"bad\.rst:4: WARNING: cover-letter: unknown audience 'sales'.*\[cv\.ref\]", warnings
    )
    assert "toctree" not in warnings


LETTER = "letters/example-gmbh"


@pytest.mark.parametrize(
    ("builder", "overrides"),
    [
        ("text", {}),
        ("latex", {}),
        ("man", {"man_pages": [(LETTER, "letter", "Letter", ["Ada Example"], 1)]}),
        ("texinfo", {"texinfo_documents": [(LETTER, "letter", "Letter", "Ada", "letter", "", "")]}),
    ],
)
def test_every_builder_writes_the_letter(
    make_app: Callable[..., SphinxTestApp],
    tmp_path: Path,
    builder: str,
    overrides: dict[str, object],
) -> None:
    app = make_app(builder, srcdir=_copy(tmp_path), confoverrides=overrides, freshenv=True)
    app.build()
    written = "".join(
        p.read_text("utf8", errors="replace")
        for p in Path(app.outdir).rglob("*")
        if p.is_file() and p.suffix in {".txt", ".tex", ".texi", ".1"}
    )
    assert "Application: Senior Network Engineer" in written
    assert "Example GmbH" in written


def _copy(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    return src


def test_each_letter_is_a_one_page_pdf(tmp_path: Path) -> None:
    """``-M latexpdf``: a PDF per letter, ``letter`` in its name, the letterhead first."""
    need(("latexmk", "pdftotext", "pdfinfo"), ".ci/run installs TeX Live and poppler-utils")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(ROOT), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    pdfs = sorted(p.name for p in (tmp_path / "latex").glob("*letter*.pdf"))
    assert pdfs == [
        "ada-example-letter-letters-bad.pdf",
        "ada-example-letter-letters-example-gmbh.pdf",
    ]
    pdf = tmp_path / "latex" / pdfs[1]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+1\n", info)
    assert re.search(r"Title:\s+Application: Senior Network Engineer\n", info)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    lines = [line for line in text.stdout.splitlines() if line.strip()]
    order = [
        "Ada Example",
        "Example GmbH",
        "September 23, 2024",
        "Application: Senior Network Engineer",
        "Dear hiring team,",
    ]
    assert [lines.index(line) for line in order] == sorted(lines.index(line) for line in order)
    assert lines[0] == "Ada Example"
    # a reference to the CV's entry reads as the entry, not its id
    assert "Network Engineer, Example Labs" in " ".join(text.stdout.split())


def test_incremental_build_rewrites_a_letter_whose_entry_changed(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    """A letter is private, yet rewritten when an object it names changes."""
    src = _copy(tmp_path)
    app = make_app("html", srcdir=src)
    app.build()
    letter = app.outdir / "letters" / "example-gmbh.html"
    assert "Network Engineer, Example Labs" in letter.read_text("utf8")
    index = src / "index.md"
    index.write_text(
        index.read_text("utf8").replace(
            ":::{timeline} Network Engineer", ":::{timeline} Router Whisperer"
        ),
        encoding="utf8",
    )
    again = make_app("html", srcdir=src)
    again.build()
    assert "Router Whisperer, Example Labs" in letter.read_text("utf8")
    # the entry's page still lists nothing private under "Referenced from"
    assert "letters/" not in (again.outdir / "index.html").read_text("utf8")


def test_a_letter_shown_as_code_makes_no_letter(tmp_path: Path) -> None:
    """Documentation that shows a cover-letter in a code block gets no letter PDF."""
    from cv_ext.outputs.paper.letter import letter_pages

    (tmp_path / "shown.md").write_text(
        "# How\n\n````md\n:::{cover-letter} To Example\n:::\n````\n\n"
        "~~~\n.. cover-letter:: To Example\n~~~\n",
        encoding="utf8",
    )
    (tmp_path / "sent.md").write_text(":::{cover-letter} To Example\n:::\n", encoding="utf8")
    (tmp_path / "fenced.md").write_text("```{cover-letter} To Example\n```\n", encoding="utf8")
    assert letter_pages(tmp_path, [".md"]) == ["fenced", "sent"]


@pytest.mark.parametrize(("builder", "letters"), [("latex", 2), ("html", 0)])
def test_only_a_latex_build_looks_for_letters(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, builder: str, letters: int
) -> None:
    """Finding the letters reads every source file: a LaTeX build does it and gives each
    letter a document; other builders, which make no PDF, are spared the reading."""
    app = make_app(builder, srcdir=_copy(tmp_path), freshenv=True)
    documents = [doc for doc in app.config.latex_documents if "-letter-" in doc[1]]
    assert len(documents) == letters
