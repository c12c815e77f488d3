extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
project = "cv_ext audiences"
copyright = "cv_ext"
author = "cv_ext"
version = release = "1.0"
cv_today = "2024-09-23"
html_baseurl = "https://cv.example.org/"
nitpicky = True
exclude_patterns = ["_build"]
man_pages = [("index", "cvtest", "cv test", ["A"], 7)]
cv_audiences = {
    "net": {"title": "networking", "tags": ["quic", "peer-to-peer"]},
    "ops": {
        "title": "operations",
        "tags": "monitoring",
        "kinds": ["work", "talk", "project"],
        "since": "2018",
    },
}
