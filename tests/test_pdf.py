"""The PDF of docs/: Max Inden's CV typeset as a CV, as a recruiter and an ATS read it.

The PDF is built once, as ``sphinx-build -M latexpdf`` builds it. Its pages go as
PNG screenshots into ``<build>/pdf-pages/`` (``CV_PDF_BUILD`` names a folder to
keep them). A second build replays Read the Docs' own commands.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ats_parser import glyphs, parse, recall
from conftest import REPO, need
from pdfminer.high_level import extract_pages

#: every job of ../shared/seed/cv.txt, newest first, with its dates as the PDF gives them
JOBS = [
    ("Software Engineer (fixed-term), Mozilla", "Jun 2024 – Nov 2024"),
    # no employer: the CV names none for this role
    ("External contributor to Mozilla's HTTP3/QUIC stack", "Dec 2023 – May 2024"),
    ("Software Engineer, Protocol Labs", "Mar 2021 – Dec 2023"),
    ("Software Engineer, Parity", "Jul 2019 – Feb 2021"),
    ("Freelance Network Engineer, SpaceNet AG", "Jun 2019"),
    ("Senior Software Engineer, CoreOS / Red Hat", "Jan 2017 – May 2019"),
    ("Software Engineer, Innoscale", "Aug 2014 – Dec 2016"),
    ("Software Engineer / Sales Engineer, Contelligence", "Feb 2014 – Jul 2014"),
    ("Associate System Support Analyst, DHL IT-Services", "Jul 2013 – Sep 2013"),
    ("System Administrator, Heuft Systemtechnik", "Oct 2009 – Nov 2009"),
]

#: the same jobs as an applicant-tracking system should read them: title, employer, dates
JOBS_APART = [
    (title, org, dates)
    for (head, dates) in JOBS
    for title, _, org in [head.rpartition(", ") if ", " in head else (head, "", "")]
]
#: every education entry: title, school, dates
EDUCATION = [
    (
        "Bachelor of Applied Science (B.A.Sc.) in Information Systems",
        "Westfälische Wilhelms-Universität Münster",
        "2013 – 2016",
    ),
    ("Exchange semester", "Universitetet i Agder", "2015"),
    ("Abitur", "Amos Comenius Gymnasium Bonn", "2004 – 2013"),
    ("Exchange year", "Lugoff-Elgin High School", "2010 – 2011"),
]


def pdf_skills(pdf: Path) -> list[str]:
    """The skills the PDF lists, as poppler's pdftotext reads its last section."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = text.stdout
    # the heading in capitals, as now, or as it was set before (for the recall before)
    heading = "SKILLS" if "\nSKILLS\n" in text else "\nSkills\n"
    line = text.split(heading, 1)[1].strip().split("\n", 1)[0]
    return [skill.strip() for skill in line.split("·")]


def _need(tool: str) -> None:
    need(tool, ".ci/run installs TeX Live and poppler-utils")


def _run(args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        args,
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``sphinx-build -M latexpdf docs <build>`` once; the PDF's pages as PNGs beside it."""
    for tool in ("latexmk", "pdftotext", "pdfinfo", "pdftoppm"):
        _need(tool)
    if keep := os.environ.get("CV_PDF_BUILD"):
        out = Path(keep).resolve()
        shutil.rmtree(out, ignore_errors=True)
    else:
        out = tmp_path_factory.mktemp("pdf")
    stdout = _run(
        [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(REPO / "docs"), str(out), "-n", "-W"]
    )
    assert "WARNING" not in stdout
    pages = out / "pdf-pages"
    pages.mkdir()
    _run(["pdftoppm", "-png", "-r", "80", str(out / "latex" / "max-inden-cv.pdf"), "page"], pages)
    return out


@pytest.fixture(scope="module")
def pdf(build: Path) -> Path:
    """The PDF."""
    return build / "latex" / "max-inden-cv.pdf"


@pytest.fixture(scope="module")
def text(pdf: Path) -> str:
    """What an applicant-tracking system reads: ``pdftotext`` in reading order."""
    return _run(["pdftotext", str(pdf), "-"])


@pytest.fixture(scope="module")
def info(pdf: Path) -> dict[str, str]:
    """``pdfinfo``'s fields."""
    lines = _run(["pdfinfo", str(pdf)]).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def test_at_most_three_a4_pages(info: dict[str, str], build: Path) -> None:
    assert int(info["Pages"]) <= 3
    assert "(A4)" in info["Page size"]
    assert len(list((build / "pdf-pages").glob("page-*.png"))) == int(info["Pages"])


def test_metadata(info: dict[str, str]) -> None:
    assert info["Title"] == "Max Inden: Curriculum vitae"
    assert info["Author"] == "Max Inden"
    assert info["Subject"] == "Software Engineer"
    assert "Rust" in info["Keywords"]  # skills by their labels


def test_no_manual_furniture(text: str) -> None:
    for word in ("Contents", "Release", "Index", "2024.09", "Referenced from", "About this site"):
        assert word not in text
    # nothing of the web site's navigation or cards
    for word in ("Career at a glance", "Skip to content", "Every tag, with what carries it"):
        assert word not in text


def test_ats_reading_order(text: str) -> None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[:3] == [
        "Max Inden",
        "Software Engineer",
        "max-inden.de · github.com/mxinden · mastodon.social/@mxinden",
    ]
    flat = " ".join(lines)
    positions = []
    at = 0
    for title, org, dates in JOBS_APART:
        # the role, then its employer (if any) and its dates before anything else
        at = flat.index(f"{title} ", at)
        near = flat[at + len(title) : at + len(title) + len(org) + len(dates) + 3]
        assert dates in near, title
        assert org in near, title
        positions.append(at)
        at += len(title)
    assert positions == sorted(positions)
    # a role without an employer names none
    assert "External contributor to Mozilla's HTTP3/QUIC stack Mozilla" not in flat
    sections = ["EXPERIENCE", "SELECTED ACHIEVEMENTS", "PROJECTS", "TALKS", "PUBLICATIONS"]
    sections += ["VOLUNTEERING", "EDUCATION", "LANGUAGES", "SKILLS"]
    # each section heading is a line of its own, in the paper's order
    assert [lines.index(s) for s in sections] == sorted(lines.index(s) for s in sections)


@pytest.mark.parametrize("name", ["max-inden-cv.pdf", "max-inden-cv-networking.pdf"])
def test_an_ats_parser_reads_every_job(build: Path, name: str) -> None:
    """A rule-based resume parser (tests/ats_parser.py) recovers the CV's facts, tailored too."""
    pdf = build / "latex" / name
    resume = parse(pdf)
    scores = recall(resume, "Max Inden", JOBS_APART, EDUCATION, pdf_skills(pdf))
    # the one role without an employer holds no job-title word the parser knows
    # ("External contributor ..."): it is read as an entry of its own with its dates
    assert scores == {
        "name": 1.0,
        "job title": 9 / 10,
        "job organisation": 1.0,
        "job dates": 1.0,
        "education": 1.0,
        "skills": 1.0,
    }
    assert len(pdf_skills(pdf)) >= 8


def test_text_layer_has_real_spaces_and_no_ligatures(pdf: Path) -> None:
    """Words extract apart and whole, whatever the extractor's spacing heuristics."""
    chars = [char.get_text() for page in extract_pages(pdf) for char in glyphs(page)]
    # pdfTeX writes a space character between words (\\pdfinterwordspaceon), not a gap alone
    assert chars.count(" ") > 1000
    assert not re.search("[\ufb00-\ufb06]", "".join(chars))  # ﬁ, ﬂ, ... ligature glyphs
    assert "infrastructure" in _run(["pdftotext", "-raw", str(pdf), "-"])


def test_talks_compact(text: str) -> None:
    talks = text.split("TALKS", 1)[1].split("PUBLICATIONS", 1)[0]
    assert talks.count("•") == 14  # every talk of facts.md, one line (item) each


def test_latex_log_clean(build: Path) -> None:
    log = (build / "latex" / "max-inden-cv.log").read_text(encoding="latin-1")
    assert "undefined" not in log.lower().replace("undefined control sequence", "!!")
    overfull = [float(pt) for pt in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide", log)]
    assert [pt for pt in overfull if pt > 10] == []


def test_links_clickable(pdf: Path) -> None:
    urls = [line.split()[-1] for line in _run(["pdfinfo", "-url", str(pdf)]).splitlines()[1:]]
    # the contact line first, then the links of the jobs' own text
    assert urls[:3] == [
        "https://max-inden.de/",
        "https://github.com/mxinden",
        "https://mastodon.social/@mxinden",
    ]
    assert "https://bugzilla.mozilla.org/show_bug.cgi?id=1901295" in urls


def test_read_the_docs_build_gives_the_same_pdf(
    tmp_path: Path, text: str, info: dict[str, str]
) -> None:
    """Read the Docs' commands, from docs/, one doctree folder for HTML and LaTeX."""
    docs = tmp_path / "docs"
    shutil.copytree(REPO / "docs", docs, ignore=shutil.ignore_patterns("_build"))
    output = tmp_path / "output"
    env = {
        "READTHEDOCS": "True",
        "READTHEDOCS_VERSION": "latest",
        "READTHEDOCS_LANGUAGE": "en",
        "READTHEDOCS_PROJECT": "max-inden",
        "READTHEDOCS_OUTPUT": str(output),
        "READTHEDOCS_CANONICAL_URL": "https://max-inden.readthedocs.io/en/latest/",
    }
    sphinx = [sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going"]
    common = ["-d", "_build/doctrees", "-D", "language=en", "."]
    _run([*sphinx, "-b", "dirhtml", *common, str(output / "html")], docs, env)
    _run([*sphinx, "-b", "latex", *common, str(output / "pdf")], docs, env)
    latexmk = ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-"]
    _run([*latexmk, "-jobname=max-inden", "-interaction=nonstopmode"], output / "pdf", env)
    rtd_pdf = output / "pdf" / "max-inden.pdf"
    assert _run(["pdftotext", str(rtd_pdf), "-"]) == text
    rtd_info = _run(["pdfinfo", str(rtd_pdf)])
    for key in ("Title", "Author", "Pages", "Page size"):
        assert f"{key}:" in rtd_info
        assert re.search(rf"{key}:\s+{re.escape(info[key])}\n", rtd_info), key


def test_local_site_links_its_pdf(tmp_path: Path, pdf: Path) -> None:
    """``CV_PDF=...`` on a build outside Read the Docs: the PDF is copied and linked."""
    out = tmp_path / "site"
    sphinx = [sys.executable, "-m", "sphinx", "-q", "-n", "-W", "-b", "dirhtml"]
    _run(
        [*sphinx, "-d", str(tmp_path / "doctrees"), str(REPO / "docs"), str(out)],
        env={"CV_PDF": str(pdf)},
    )
    assert (out / "max-inden-cv.pdf").read_bytes() == pdf.read_bytes()
    assert 'href="max-inden-cv.pdf">Download PDF</a>' in (out / "index.html").read_text("utf8")
