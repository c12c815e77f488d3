"""The package as PyPI would serve it: the wheel, installed without ``-e`` into a fresh
virtual environment, runs ``new`` and builds that site. Slow (minutes: it installs
cv-ext's dependencies from the package index); never skipped."""

from __future__ import annotations

import subprocess
import sys
import venv
from typing import TYPE_CHECKING

import pytest
from conftest import REPO

import cv_ext

if TYPE_CHECKING:
    from pathlib import Path


def run(args: list[str], cwd: Path) -> str:
    result = subprocess.run(args, capture_output=True, text=True, check=False, cwd=cwd)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_runs_new_and_builds(tmp_path: Path) -> None:
    run([sys.executable, "-m", "build", "--wheel", "-o", str(tmp_path / "dist"), str(REPO)], REPO)
    (wheel,) = (tmp_path / "dist").glob("cv_ext-*.whl")
    assert wheel.name == f"cv_ext-{cv_ext.__version__}-py3-none-any.whl"
    venv.create(tmp_path / "venv", with_pip=True)
    python = str(tmp_path / "venv" / "bin" / "python")
    run([python, "-m", "pip", "install", "-q", str(wheel)], tmp_path)
    where = run([python, "-c", "import cv_ext; print(cv_ext.__file__)"], tmp_path)
    assert where.startswith(str(tmp_path / "venv")), where  # not the repository's source
    run([python, "-m", "cv_ext", "new", "Jane Doe", "site", "--requirement", str(wheel)], tmp_path)
    assert (tmp_path / "site" / "requirements.txt").read_text("utf8").count(str(wheel)) == 1
    run([python, "-m", "sphinx", "-n", "-W", "-b", "dirhtml", "site", "out"], tmp_path)
    home = (tmp_path / "out" / "index.html").read_text("utf8")
    assert "Jane Doe" in home
    assert (tmp_path / "out" / "robots.txt").is_file()
    # the package's data came with it: catalogs, the LaTeX style, the schema
    run([python, "-m", "cv_ext", "new", "Jana", "de", "--language", "de"], tmp_path)
    run([python, "-m", "sphinx", "-n", "-W", "-b", "latex", "de", "latex"], tmp_path)
    assert (tmp_path / "latex" / "cv_ext.sty").is_file()
    assert "Berufserfahrung" in (tmp_path / "latex" / "jana-cv.tex").read_text("utf8")
