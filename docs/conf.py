"""Sphinx configuration of Max Inden's career site, built with cv_ext."""

project = "Max Inden"
author = "Max Inden"
copyright = "Max Inden"  # noqa: A001
version = release = "2024.09"  # the CV snapshot this site shows (September 2024)
language = "en"

# cv_ext wires the rest from settings (guide/configuration.md, "The site"): the public
# address from Read the Docs (READTHEDOCS_CANONICAL_URL) or CV_BASEURL, and with it
# canonical links, link previews (sphinxext-opengraph) and the sitemap (sphinx-sitemap);
# robots.txt; the PDF: one per page holding cv-document (docs/cv.md, docs/for/*-cv.md),
# linked on Read the Docs, or, elsewhere, built first and named in CV_PDF:
#   sphinx-build -M latexpdf docs docs/_build
#   CV_PDF=docs/_build/latex/max-inden-cv.pdf sphinx-build -b dirhtml docs docs/_build/dirhtml
# and the titles of the PDF, man page, texinfo and link previews in the build's language.
extensions = ["sphinx.ext.extlinks", "myst_parser", "sphinx_design", "notfound.extension", "cv_ext"]

# The CV is a snapshot of September 2024: "present" counts up to that day, and
# builds are reproducible whatever day they run on.
cv_today = "2024-09-23"
cv_footer_pages = ["colophon"]  # "About this site": in every page's footer, not the navigation

# Tailored CVs (cv_ext's audiences): each has a page docs/for/<name>.md holding
# `{cv-audience} <name>`, a PDF docs/for/<name>-cv.md and an export cv.<name>.json.
# Every tag below is one the CV's objects already carry; an audience selects and
# orders, it never adds a claim. conf.py is not translated: titles give each language.
cv_audiences = {
    "networking": {
        "title": {
            "en": "networking: QUIC, HTTP/3 and peer-to-peer",
            "de": "Netzwerke: QUIC, HTTP/3 und Peer-to-Peer",
        },
        "tags": "quic, http3, udp, quinn-udp, ecn, libp2p, peer-to-peer, hole-punching, "
        "kademlia, yamux, flow-control",
    },
    "observability": {
        "title": {
            "en": "observability: Prometheus, monitoring and Kubernetes",
            "de": "Observability: Prometheus, Monitoring und Kubernetes",
        },
        "tags": ["prometheus", "monitoring", "alertmanager", "kubernetes", "glean"],
    },
}

# Shorthand links: {bugzilla}`1901295`, {gh}`mozilla/neqo#1868 <mozilla/neqo/pull/1868>`.
# CVE ids use Sphinx's own role: {cve}`2024-2613`.
extlinks = {
    "bugzilla": ("https://bugzilla.mozilla.org/show_bug.cgi?id=%s", "bugzilla#%s"),
    "gh": ("https://github.com/%s", "%s"),
}

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# The site in English and German: each page links its translation (a switcher on the page,
# hreflang links in its head and the sitemap), at the same place under /de/ instead of
# /en/ of the public address (Read the Docs serves translation projects so).
cv_languages = ["en", "de"]

# Translations (German: docs/locale/de/LC_MESSAGES/*.po, built with -D language=de). One
# catalog per page (gettext_compact = False): a translator works page by page, a changed
# page changes one file, and completeness is visible per page.
locale_dirs = ["locale/"]
gettext_compact = False

nitpicky = True
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
html_theme = "furo"
html_title = html_short_title = "Max Inden"
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {"source_repository": "", "top_of_page_buttons": []}
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
html_css_files = ["site.css"]

# Link previews: one card for the site; each project page gets a preview image of its
# own (cv_ext draws it with Pillow) and describes itself with its :summary:.
ogp_image = "_static/og-card.png"
ogp_social_cards = {"enable": False}
cv_link_previews = True

# `sphinx-build -b linkcheck docs out` where there is internet (Read the Docs, a laptop):
# GitHub's anchors are made by scripts.
linkcheck_anchors_ignore_for_url = [r"https://github\.com/.*"]
linkcheck_timeout = 30
linkcheck_retries = 2

# characters of the CV that pdflatex does not know by itself
latex_elements = {"preamble": r"\DeclareUnicodeCharacter{2248}{\ensuremath{\approx}}"}
epub_show_urls = "no"
