"""A plain Sphinx project, without cv_ext, that links Max Inden's site through intersphinx."""

import os

project = "A friend's documentation"
extensions = ["sphinx.ext.intersphinx", "myst_parser"]
# the site's public address, and the objects.inv of a local build of it (a file path works)
intersphinx_mapping = {
    "max": ("https://max-inden.readthedocs.io/en/latest/", os.environ["CV_MAX_INVENTORY"])
}
nitpicky = True
exclude_patterns = ["_build"]
