"""The files around the pages that make a project Read the Docs builds, with its PDF.

``new`` and ``import`` write the same ones: conf.py with the settings of cv_ext's own
showcase site, a README with the two commands, ``.readthedocs.yaml``,
``requirements.txt`` and ``.gitignore``.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

from cv_ext.outputs.titles import file_stem

#: what cv_ext's users install: the first release that builds a project as written here
REQUIREMENT = "cv-ext>=0.2"
#: files beside the pages that are not pages
NOT_PAGES = [
    "_build",
    ".venv",
    "venv",
    "README.md",
    "import-report.json",
    "requirements.txt",
    "Thumbs.db",
    ".DS_Store",
]

CONF = '''"""Sphinx configuration of the career site of {name}, built with cv_ext."""

project = {name_json}
author = {name_json}
copyright = {name_json}  # noqa: A001
version = release = "{version}"  # the date of the CV's state: bump it when you update it
language = "{language}"

# cv_ext wires the rest from settings (its guide: "Configuration"): the public address
# from Read the Docs (READTHEDOCS_CANONICAL_URL) or CV_BASEURL, and with it canonical
# links, link previews and the sitemap; robots.txt; the PDF of cv.md, linked on Read the
# Docs, or elsewhere built first and named in CV_PDF (see README.md); and the titles of
# the PDF, man page and link previews in the site's language.
extensions = ["myst_parser", "sphinx_design", "notfound.extension", "cv_ext"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# "present" counts up to the day of the build; a fixed day makes builds reproducible:
# cv_today = "{today}"
{extra}
nitpicky = True
exclude_patterns = {excluded}
html_theme = "furo"
html_title = html_short_title = {name_json}
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {{"source_repository": "", "top_of_page_buttons": []}}

# Link previews: each project page gets a preview image of its own (drawn with Pillow).
ogp_social_cards = {{"enable": False}}
cv_link_previews = True
epub_show_urls = "no"
'''

README = """# {name}: career site

Written by `python -m cv_ext {command}`{origin}. {example}

The two commands, run in this folder with Python 3.11 or newer: install cv_ext and
build the site, then build the PDF (this one needs TeX Live: `latexmk` and the
`texlive-latex-extra` and `tex-gyre` packages, or their equivalents).

```sh
python3 -m venv .venv && .venv/bin/python -m pip install -q -r requirements.txt && .venv/bin/python -m sphinx -n -W -b dirhtml . _build/dirhtml
.venv/bin/python -m sphinx -M latexpdf . _build
```

The site is in `_build/dirhtml/` (look at it with
`python3 -m http.server -d _build/dirhtml`), the PDF is `_build/latex/{stem}-cv.pdf`.
To offer the PDF on a site you host yourself, name it when you build the site:
`CV_PDF=_build/latex/{stem}-cv.pdf .venv/bin/python -m sphinx -n -W -b dirhtml . _build/dirhtml`,
and set `CV_BASEURL` to the site's address for canonical links, link previews and a
sitemap.

To publish on Read the Docs, put this folder in a Git repository and import it on
readthedocs.org: `.readthedocs.yaml` builds the site and its PDF, and the home page
then links the PDF.

The directives (`timeline`, `achievement`, `project`, `talk`, ...) are described in
cv_ext's guide.
"""

READTHEDOCS = """# Read the Docs builds the site as you do, with -W, as dirhtml for clean URLs,
# and the CV as a PDF beside it: https://docs.readthedocs.io/en/stable/config-file/v2.html
version: 2
build:
  os: ubuntu-24.04
  tools:
    python: "3.12"
python:
  install:
    - requirements: requirements.txt
formats: [pdf]
sphinx:
  configuration: conf.py
  builder: dirhtml
  fail_on_warning: true
"""

REQUIREMENTS = """# What Read the Docs (and you) install to build this site.
{lines}
# Before cv-ext's first release on PyPI, install it from its Git repository instead:
# cv-ext @ git+{source}
"""

GITIGNORE = "_build/\n.venv/\n__pycache__/\n"


def source_repository() -> str:
    """Where cv_ext's source lives, as its package metadata says (else a placeholder)."""
    try:
        urls = metadata.metadata("cv-ext").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in map(str, urls):
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"source", "repository", "homepage"}:
            return url.strip()
    return "https://github.com/OWNER/cv_ext"


def project_files(
    name: str,
    language: str,
    *,
    command: str = "new",
    origin: str = "",
    requirements: list[str] | None = None,
    extra: str = "",
) -> dict[str, str]:
    """conf.py, README.md, .readthedocs.yaml, requirements.txt and .gitignore for *name*."""
    today = dt.datetime.now(dt.UTC).date()
    example = (
        "Every example on its pages says so: replace each with your own, or delete it."
        if command == "new"
        else "What the import changed or dropped is listed in `import-report.json`."
    )
    return {
        "conf.py": CONF.format(
            # in a docstring: no backslash escapes, no quote closing it
            name=" ".join(name.split()).replace("\\", "/").replace('"', "'"),
            name_json=json.dumps(name, ensure_ascii=False),
            version=today.strftime("%Y.%m"),
            today=today.isoformat(),
            language=language,
            excluded=NOT_PAGES,
            extra=extra,
        ),
        "README.md": README.format(
            name=" ".join(name.split()),
            command=command,
            origin=origin,
            example=example,
            stem=file_stem(name),
        ),
        ".readthedocs.yaml": READTHEDOCS,
        "requirements.txt": REQUIREMENTS.format(
            lines="\n".join(requirements or [REQUIREMENT]), source=source_repository()
        ),
        ".gitignore": GITIGNORE,
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
