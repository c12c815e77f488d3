extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
project = "経歴"
author = "山田太郎"
language = "ja"
cv_today = "2024-09-23"
nitpicky = True
exclude_patterns = ["_build"]
