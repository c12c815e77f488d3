"""``import`` writes the same complete project as ``new``, in the resume's language."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from conftest import TESTS, need, sphinx_build

from cv_ext.cli.commands import main
from cv_ext.cli.importer import import_resume, load
from cv_ext.cli.importer.language import choose, detect
from cv_ext.cli.importer.normalise import normalise

if TYPE_CHECKING:
    from pathlib import Path

CORPUS = TESTS / "data" / "resumes"
BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]
#: resumes whose text is not in the language their file name says (read by hand)
WRITTEN_IN = {
    "en-abdelmounhim.json": "fr",  # French throughout, in a file named as the English one
    "es-j-benjumea.json": "en",  # JSON Resume's English sample text in resume-es.json
    "es-rmgtv.json": "en",  # placeholders ("asd", "tttt"): no prose to tell, so English
    "it-rmgtv.json": "en",  # the same placeholders
    "zh-azusachino.json": "en",  # every sentence in English
    "zh-ekil1100.json": "en",  # one Chinese paragraph among 3,500 characters of English
}
#: the language of each resume of the corpus: its file name's prefix, else English
LANGUAGES = {
    path.name: WRITTEN_IN.get(path.name, path.name[:2] if path.name[2] == "-" else "en")
    for path in sorted(CORPUS.glob("*.json"))
}


def resume(name: str) -> dict[str, Any]:
    return normalise(load(CORPUS / name))[0]


@pytest.mark.parametrize(("name", "language"), sorted(LANGUAGES.items()))
def test_language_of_every_resume_of_the_corpus(name: str, language: str) -> None:
    expected = "zh_CN" if language == "zh" else language
    assert detect(resume(name)).code == expected


def test_references_and_keywords_do_not_count() -> None:
    """A German resume with English references by others and English keywords is German."""
    german = {
        "basics": {"summary": "Ich entwickle seit zehn Jahren Software für kleine Firmen."},
        "work": [{"highlights": ["Die Datenbank wurde doppelt so schnell."] * 2}],
        "skills": [{"name": "Web", "keywords": ["Continuous Integration and Delivery"] * 9}],
        "references": [{"reference": "He is a great engineer and colleague to work with. " * 9}],
    }
    assert detect(german).code == "de"


def test_too_little_text_is_english() -> None:
    choice = detect({"basics": {"name": "Jo"}})
    assert choice.code == "en"
    assert "too little prose" in choice.reason


def test_language_option_wins() -> None:
    choice = choose(resume("de-schickli.json"), "fr")
    assert (choice.code, choice.reason) == ("fr", "given with --language")


def test_import_says_which_language_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(CORPUS / "de-schickli.json"), str(tmp_path / "de")]) == 0
    out = capsys.readouterr().out
    assert "Language: de, detected by py3langid in " in out
    report = json.loads((tmp_path / "de" / "import-report.json").read_text(encoding="utf8"))
    assert report["language"]["code"] == "de"
    assert report["language"]["reason"].startswith("detected by py3langid")
    assert (
        main(["import", str(CORPUS / "de-schickli.json"), str(tmp_path / "en"), "--language", "en"])
        == 0
    )
    assert "Language: en, given with --language." in capsys.readouterr().out


def test_import_writes_the_files_new_writes(tmp_path: Path) -> None:
    import_resume(CORPUS / "sample.resume.json", tmp_path / "imported")
    assert main(["new", "Richard Hendriks", str(tmp_path / "new")]) == 0
    for name in (".gitignore", ".readthedocs.yaml", "requirements.txt"):
        assert (tmp_path / "imported" / name).read_text("utf8") == (
            tmp_path / "new" / name
        ).read_text("utf8"), name
    imported = (tmp_path / "imported" / "conf.py").read_text("utf8").splitlines()
    new = (tmp_path / "new" / "conf.py").read_text("utf8").splitlines()
    # the same settings, and the import's one more: smartquotes, for a faithful cv.json
    assert [line for line in imported if line not in new] == [
        "# keep the resume's quotes and dashes as they are, for a faithful cv.json",
        "smartquotes = False",
    ]
    for page in ("index.md", "cv.md", "skills.md"):
        assert (tmp_path / "imported" / page).is_file(), page
    home = (tmp_path / "imported" / "index.md").read_text("utf8")
    assert ":::{cv-index} skills\n:top: 8" in home
    assert ":::{career-overview}" in home


def test_requirement_option_on_import(tmp_path: Path) -> None:
    line = "cv-ext @ git+https://example.org/cv_ext.git"
    assert (
        main(
            [
                "import",
                str(CORPUS / "sample.resume.json"),
                str(tmp_path / "s"),
                "--requirement",
                line,
            ]
        )
        == 0
    )
    requirements = (tmp_path / "s" / "requirements.txt").read_text("utf8").splitlines()
    assert [r for r in requirements if not r.startswith("#")] == [line]


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The German resume with a heart in a talk's title, which stopped pdflatex."""
    site = tmp_path_factory.mktemp("import") / "de"
    import_resume(CORPUS / "de-roschaefer.json", site)
    return site


def test_german_site_is_german(german: Path) -> None:
    assert 'language = "de"' in (german / "conf.py").read_text("utf8")
    assert (german / "education.md").read_text("utf8").startswith("# Ausbildung\n")
    assert (german / "skills.md").read_text("utf8").startswith("# Kenntnisse\n")
    assert "## Wichtigste Kenntnisse" in (german / "index.md").read_text("utf8")


@pytest.mark.parametrize("builder", BUILDERS)
def test_german_site_builds_with_every_builder(german: Path, tmp_path: Path, builder: str) -> None:
    sphinx_build(german, tmp_path / builder, builder=builder)


def _need(*tools: str) -> None:
    need(tools, ".ci/run installs TeX Live and poppler-utils")


def pdf_text(site: Path, build: Path) -> tuple[list[str], str]:
    """``sphinx-build -M latexpdf``: the PDFs' names and the first one's text."""
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(site), str(build), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    pdfs = sorted(path.name for path in (build / "latex").glob("*.pdf"))
    text = subprocess.run(
        ["pdftotext", str(build / "latex" / pdfs[0]), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return pdfs, text


def test_german_site_builds_its_pdf(german: Path, tmp_path: Path) -> None:
    _need("latexmk", "pdflatex", "pdftotext")
    pdfs, text = pdf_text(german, tmp_path / "build")
    assert pdfs == ["robert-schafer-cv.pdf"]
    assert text.lstrip().startswith("Robert Schäfer")
    assert "AUSBILDUNG" in text  # the paper CV sets section headings in capitals
    # the heart becomes LaTeX's own; nothing else of the title is lost
    assert "Ember.js + Rails + Capybara = ♡" in text


def test_japanese_site_builds_its_pdf(tmp_path: Path) -> None:
    _need("latexmk", "xelatex", "pdftotext")
    site = tmp_path / "ja"
    imported = import_resume(CORPUS / "ja-riankawahara.json", site)
    assert imported.language.code == "ja"
    sphinx_build(site, tmp_path / "html", builder="html")
    pdfs, text = pdf_text(site, tmp_path / "build")
    assert pdfs == ["heyuanlian-cv.pdf"]
    assert text.lstrip().startswith("河原理安")
    assert "2025年4月" in text  # no glue between digits and kanji, as on the web
