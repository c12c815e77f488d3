"""Sphinx configuration of Max Inden's career site, built with cv_ext."""

from __future__ import annotations

project = "Max Inden"
author = "Max Inden"
copyright = "Max Inden"  # noqa: A001
version = release = "2024.09"  # the CV snapshot this site shows (September 2024)
language = "en"

extensions = [
    "sphinx.ext.extlinks",
    "myst_parser",
    "sphinx_design",
    "cv_ext",
]

# The CV is a snapshot of September 2024: "present" counts up to that day, and
# builds are reproducible whatever day they run on.
cv_today = "2024-09-23"

# Shorthand links: {bugzilla}`1901295`, {gh}`mozilla/neqo#1868 <mozilla/neqo/pull/1868>`.
# CVE ids use Sphinx's own role: {cve}`2024-2613`.
extlinks = {
    "bugzilla": ("https://bugzilla.mozilla.org/show_bug.cgi?id=%s", "bugzilla#%s"),
    "gh": ("https://github.com/%s", "%s"),
}

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

nitpicky = True
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
html_theme = "furo"
html_title = "Max Inden"
html_short_title = "Max Inden"
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "source_repository": "",
    "top_of_page_buttons": [],
}

latex_documents = [("index", "max-inden-cv.tex", "Max Inden", author, "howto")]
man_pages = [("index", "max-inden", "Max Inden: career", [author], 7)]
texinfo_documents = [
    ("index", "max-inden", "Max Inden", author, "max-inden", "Career of Max Inden.", "Miscellaneous")
]
epub_show_urls = "no"
