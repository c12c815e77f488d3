"""``python -m cv_ext new NAME DIR``: a complete project that builds at once, in a language."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from conftest import REPO, need, sphinx_build

from cv_ext.cli.commands import main

if TYPE_CHECKING:
    from pathlib import Path

BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]


def run_new(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cv_ext", "new", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def settings(conf: Path) -> dict[str, Any]:
    """What a conf.py sets, as Sphinx reads it."""
    namespace: dict[str, Any] = {"__file__": str(conf)}
    exec(conf.read_text(encoding="utf8"), namespace)  # noqa: S102
    return {key: value for key, value in namespace.items() if not key.startswith("__")}


@pytest.fixture(scope="module")
def jane(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("new") / "jane"
    result = run_new("Jane Doe", str(site))
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def jana(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("neu") / "jana"
    assert main(["new", "Jana Beispiel", str(site), "--language", "de"]) == 0
    return site


def test_new_writes_a_complete_project(jane: Path) -> None:
    files = sorted(str(path.relative_to(jane)) for path in jane.rglob("*") if path.is_file())
    assert files == [
        ".gitignore",
        ".readthedocs.yaml",
        "README.md",
        "conf.py",
        "cv.md",
        "experience.md",
        "index.md",
        "projects/example-project.md",
        "projects/index.md",
        "requirements.txt",
        "skills.md",
        "talks.md",
    ]
    experience = (jane / "experience.md").read_text(encoding="utf8")
    assert experience.count(":::{timeline}") == 1
    assert experience.count(":::{achievement}") == 1
    assert ":::{talk}" in (jane / "talks.md").read_text(encoding="utf8")
    assert ":::{project}" in (jane / "projects" / "example-project.md").read_text("utf8")
    assert ":::{cv-document}" in (jane / "cv.md").read_text(encoding="utf8")
    assert ":::{cv-index} skills" in (jane / "skills.md").read_text(encoding="utf8")
    home = (jane / "index.md").read_text(encoding="utf8")
    assert home.startswith("# Jane Doe\n")
    assert "::::{person} Jane Doe" in home


def test_every_example_says_it_is_one(jane: Path) -> None:
    """Example content is plainly marked: each object's title and text say "example"."""
    text = "\n".join(
        (jane / page).read_text(encoding="utf8")
        for page in ["index.md", "experience.md", "projects/example-project.md", "talks.md"]
    )
    objects = re.findall(
        r"^:::+\{(person|timeline|achievement|project|talk)\}(.*?)^:::+$",
        text,
        re.MULTILINE | re.DOTALL,
    )
    assert sorted(kind for kind, _ in objects) == [
        "achievement",
        "person",
        "project",
        "talk",
        "timeline",
    ]
    ids = (":name:", ":entry:", ":tags:", ":project:", ":projects:")
    for kind, body in objects:
        # the words a reader sees, not the ids that tie the examples together
        shown = [line for line in body.splitlines() if not line.startswith(ids)]
        assert "example" in " ".join(shown).lower(), (kind, body)
    assert "# Example project" in text


def test_project_files_for_read_the_docs(jane: Path) -> None:
    config = yaml.safe_load((jane / ".readthedocs.yaml").read_text(encoding="utf8"))
    assert config["formats"] == ["pdf"]
    assert config["sphinx"] == {
        "configuration": "conf.py",
        "builder": "dirhtml",
        "fail_on_warning": True,
    }
    assert config["python"]["install"] == [{"requirements": "requirements.txt"}]
    requirements = (jane / "requirements.txt").read_text(encoding="utf8").splitlines()
    assert [line for line in requirements if not line.startswith("#")] == ["cv-ext>=0.2"]
    assert any(line.startswith("# cv-ext @ git+") for line in requirements)
    assert (jane / ".gitignore").read_text(encoding="utf8").splitlines() == [
        "_build/",
        ".venv/",
        "__pycache__/",
    ]
    readme = (jane / "README.md").read_text(encoding="utf8")
    assert "pip install -q -r requirements.txt" in readme
    assert ".venv/bin/python -m sphinx -M latexpdf . _build" in readme


def test_conf_py_has_the_settings_of_docs(jane: Path) -> None:
    mine, docs = settings(jane / "conf.py"), settings(REPO / "docs" / "conf.py")
    assert mine["project"] == mine["author"] == mine["html_title"] == "Jane Doe"
    assert mine["language"] == "en"
    assert set(mine["extensions"]) <= set(docs["extensions"])
    for name in [
        "myst_enable_extensions",
        "myst_heading_anchors",
        "nitpicky",
        "html_theme",
        "html_copy_source",
        "html_show_sourcelink",
        "html_theme_options",
        "ogp_social_cards",
        "cv_link_previews",
        "epub_show_urls",
    ]:
        assert mine[name] == docs[name], name
    # conf.py holds settings only, like docs/conf.py
    assert not any(callable(value) for value in mine.values())


@pytest.mark.parametrize("builder", BUILDERS)
def test_new_project_builds_with_every_builder(jane: Path, tmp_path: Path, builder: str) -> None:
    sphinx_build(jane, tmp_path / builder, builder=builder)


@pytest.mark.parametrize("builder", ["dirhtml", "latex", "man"])
def test_german_project_builds(jana: Path, tmp_path: Path, builder: str) -> None:
    sphinx_build(jana, tmp_path / builder, builder=builder)


def test_german_project_speaks_german(jana: Path, tmp_path: Path) -> None:
    assert settings(jana / "conf.py")["language"] == "de"
    assert (jana / "experience.md").read_text(encoding="utf8").startswith("# Berufserfahrung\n")
    assert ":label: Beispiel: Ihre Rolle" in (jana / "index.md").read_text(encoding="utf8")
    out = tmp_path / "site"
    sphinx_build(jana, out, builder="dirhtml")
    experience = (out / "experience" / "index.html").read_text(encoding="utf8")
    assert "März 2021" in experience  # babel's month names
    assert "Beispielfirma" in experience


def _need(tool: str) -> None:
    need(tool, ".ci/run installs TeX Live and poppler-utils")


@pytest.mark.parametrize(("fixture", "first"), [("jane", "Jane Doe"), ("jana", "Jana Beispiel")])
def test_pdf_starts_with_the_name(
    request: pytest.FixtureRequest, tmp_path: Path, fixture: str, first: str
) -> None:
    for tool in ("latexmk", "pdftotext"):
        _need(tool)
    site: Path = request.getfixturevalue(fixture)
    build = tmp_path / "build"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(site), str(build), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    stem = first.lower().replace(" ", "-")
    pdfs = sorted(path.name for path in (build / "latex").glob("*.pdf"))
    assert pdfs == [f"{stem}-cv.pdf"]
    text = subprocess.run(
        ["pdftotext", str(build / "latex" / pdfs[0]), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert text.lstrip().startswith(first)
    heading = "Berufserfahrung" if fixture == "jana" else "Experience"
    assert heading.upper() in text  # the paper CV sets section headings in capitals


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("mine", encoding="utf8")
    result = run_new("Jane Doe", str(tmp_path))
    assert result.returncode == 2
    assert "not an empty folder" in result.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["mine.txt"]


def test_refuses_an_unknown_language(tmp_path: Path) -> None:
    result = run_new("Jane Doe", str(tmp_path / "x"), "--language", "klingon")
    assert result.returncode == 2
    assert "not a language code" in result.stderr
    assert not (tmp_path / "x").exists()


def test_language_without_catalog_says_labels_stay_english(tmp_path: Path) -> None:
    result = run_new("Joana Exemplo", str(tmp_path / "pt"), "--language", "pt")
    assert result.returncode == 0, result.stderr
    assert "no catalog for 'pt': its labels stay English" in result.stdout
    assert settings(tmp_path / "pt" / "conf.py")["language"] == "pt"
    sphinx_build(tmp_path / "pt", tmp_path / "out", builder="html")
    assert "mar. de 2021" in (tmp_path / "out" / "experience.html").read_text("utf8")


def test_requirement_lines(tmp_path: Path) -> None:
    line = "cv-ext @ git+https://example.org/cv_ext.git@main"
    result = run_new("Jane Doe", str(tmp_path / "j"), "--requirement", line, "--requirement", "x")
    assert result.returncode == 0, result.stderr
    requirements = (tmp_path / "j" / "requirements.txt").read_text(encoding="utf8").splitlines()
    assert [r for r in requirements if not r.startswith("#")] == [line, "x"]


def test_names_are_text(tmp_path: Path) -> None:
    """A name with Markdown and Python in it comes out as written."""
    name = 'Ada "*Lovelace*" <b>`x`</b> \\ [y](z)'
    assert main(["new", name, str(tmp_path / "ada")]) == 0
    out = tmp_path / "out"
    sphinx_build(tmp_path / "ada", out, builder="text")
    assert (out / "index.txt").read_text(encoding="utf8").startswith(name)
    assert settings(tmp_path / "ada" / "conf.py")["project"] == name
