"""Sphinx configuration of cv_ext's guide: how to write a career site with cv_ext."""

from __future__ import annotations

import cv_ext

project = "cv_ext"
author = "cv_ext developers"
copyright = "cv_ext developers"  # noqa: A001
version = release = cv_ext.__version__

extensions = ["myst_parser", "sphinx_design", "cv_ext"]
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

nitpicky = True
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = "cv_ext guide"
html_copy_source = False
# the live examples on these pages are examples, dated as of this day
cv_today = "2026-01-01"
# the guide has no person of its own: no JSON Resume of it
cv_json_resume = ""
cv_jsonld = False
