extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
project = "exports"
author = "Jane Doe"
cv_today = "2024-09-23"
html_baseurl = "https://cv.example.org/"
exclude_patterns = ["_build"]
