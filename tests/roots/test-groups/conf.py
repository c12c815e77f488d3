extensions = ["cv_ext"]
project = "cv_ext groups"
copyright = "cv_ext"
author = "cv_ext"
version = release = "1.0"
cv_today = "2024-09-23"
nitpicky = True
exclude_patterns = ["_build"]
