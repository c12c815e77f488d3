extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
project = "duplicates test"
copyright = "cv_ext"
author = "cv_ext"
version = release = "1.0"
cv_today = "2024-09-23"
nitpicky = True
exclude_patterns = ["_build"]
