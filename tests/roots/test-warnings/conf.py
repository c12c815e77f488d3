extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
project = "cv_ext warnings"
cv_today = "2024-09-23"
nitpicky = True
exclude_patterns = ["_build"]
