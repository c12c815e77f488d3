extensions = ["myst_parser", "notfound.extension", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
project = "Jane Example"
author = "Jane Example"
copyright = "Jane Example"
version = release = "1.0"
cv_today = "2024-09-23"
nitpicky = True
exclude_patterns = ["_build"]
epub_show_urls = "no"
cv_languages = ["en", "de"]
cv_audiences = {
    "net": {
        "title": {"en": "networking & QUIC", "de": "Netzwerke & QUIC"},
        "tags": ["quic"],
    },
    "ops": {"title": "operations", "tags": ["monitoring"]},
}
