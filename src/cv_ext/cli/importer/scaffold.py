"""The files around the pages that make an imported resume a project Read the Docs builds."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

#: files beside the pages that are not pages
NOT_PAGES = ["_build", "README.md", "import-report.json", "requirements.txt"]

CONF = '''"""Sphinx configuration written by `python -m cv_ext import`."""

project = {name}
author = {name}
extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
html_theme = "furo"
html_title = {name}
# the resume says nothing of a copyright: no line rather than an empty one
html_show_copyright = False
# keep the resume's quotes and dashes as they are, for a faithful cv.json
smartquotes = False
exclude_patterns = {excluded}
'''

README = """# {name}: career site

Written by `python -m cv_ext import` from a JSON Resume. Build it with:

```sh
python -m pip install cv-ext
python -m sphinx -n -W -b html . _build/html
```

The site exports the resume again as `_build/html/cv.json`. What the import changed
or dropped is listed in `import-report.json`. Edit the Markdown pages from here on:
the directives are described in cv_ext's README.

To publish it on Read the Docs, put this folder in a Git repository and import that
repository on readthedocs.org: `.readthedocs.yaml` is already here.
"""

READTHEDOCS = """# Read the Docs configuration: https://docs.readthedocs.io/en/stable/config-file/v2.html
version: 2
build:
  os: ubuntu-24.04
  tools:
    python: "3.12"
sphinx:
  configuration: conf.py
  fail_on_warning: true
python:
  install:
    - requirements: requirements.txt
"""

REQUIREMENTS = """# what Read the Docs installs to build the site: cv_ext (the distribution "cv-ext");
# if you install it from elsewhere (a Git repository, say), name that here instead
cv-ext
"""


def project_files(name: str) -> dict[str, str]:
    """conf.py, README.md, .readthedocs.yaml and requirements.txt for the site of *name*."""
    return {
        "conf.py": CONF.format(name=json.dumps(name, ensure_ascii=False), excluded=NOT_PAGES),
        "README.md": README.format(name=name.replace("\n", " ")),
        ".readthedocs.yaml": READTHEDOCS,
        "requirements.txt": REQUIREMENTS,
    }


def write_all(target: Path, files: dict[str, str]) -> None:
    """Write *files* into the new or empty folder *target*: all of them, or none."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as staging:
        for relative, text in files.items():
            path = Path(staging) / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf8")
        if target.exists():
            target.rmdir()
        shutil.move(staging, target)
        Path(staging).mkdir()  # TemporaryDirectory cleans up what is now an empty folder
