# One site, built in every language cv_ext speaks (tests/test_languages.py): -D language=...
extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
project = "Ada Example"
author = "Ada Example"
version = release = "1.0"
cv_today = "2024-09-23"
nitpicky = True
exclude_patterns = ["_build"]
cv_audiences = {"net": {"title": "networking", "tags": ["quic"], "since": "2019-06"}}
latex_documents = [("cv", "ada-cv.tex", "Ada Example", "Ada Example", "howto")]
