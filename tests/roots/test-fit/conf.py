extensions = ["cv_ext"]
project = "Fit"
author = "Ada Example"
version = release = "1.0"
cv_today = "2024-09-23"
exclude_patterns = ["_build"]
cv_paper_pages = 2
latex_documents = [("cv", "ada-cv.tex", "Ada Example: CV", "Ada Example", "howto")]
