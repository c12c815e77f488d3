extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
project = "publications"
author = "Ada Example"
version = release = "1.0"
cv_today = "2024-09-23"
nitpicky = True
exclude_patterns = ["_build"]
latex_documents = [("cv", "ada-cv.tex", "Ada Example: CV", "Ada Example", "howto")]
