extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
project = "links test"
copyright = "cv_ext"
author = "cv_ext"
version = release = "1.0"
cv_today = "2024-09-23"
nitpicky = True
exclude_patterns = ["_build"]
html_baseurl = "https://example.org/cv/"
# the page "jobs" became "experience"; "old-talks" held the talk now on "talks"
cv_redirects = {"jobs": "experience", "old-talks.html": "talks#talk-2023"}
