"""Sphinx configuration of cv_ext's guide: how to write a career site with cv_ext."""

from __future__ import annotations

import sys
from pathlib import Path

import cv_ext

# the guide's own directive for live examples (not part of cv_ext)
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "cv_ext"
author = "cv_ext developers"
copyright = "cv_ext developers"  # noqa: A001
version = release = cv_ext.__version__

extensions = ["myst_parser", "sphinx_design", "cv_ext", "example"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

nitpicky = True
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = "cv_ext guide"
html_copy_source = False
html_static_path = ["_static"]
# the live examples on these pages are examples, dated as of this day
cv_today = "2026-01-01"
# the guide has no person of its own: no JSON Resume of it
cv_json_resume = ""
cv_bibtex = ""
cv_jsonld = False
