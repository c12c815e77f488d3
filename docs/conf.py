"""Sphinx configuration of Max Inden's career site, built with cv_ext."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

project = "Max Inden"
author = "Max Inden"
copyright = "Max Inden"  # noqa: A001
version = release = "2024.09"  # the CV snapshot this site shows (September 2024)
language = "en"

# The public address of the site. Read the Docs says where it serves the site; on any
# other host, set CV_BASEURL (e.g. CV_BASEURL=https://example.org/cv/). Canonical links,
# link previews (OpenGraph tags), absolute JSON-LD ids and the sitemap need it. Without
# it the build writes none of them, rather than an address that is wrong once the site
# is uploaded (such as a local preview server's), and says so once.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL") or os.environ.get("CV_BASEURL", "")
if html_baseurl and not html_baseurl.endswith("/"):
    html_baseurl += "/"

extensions = [
    "sphinx.ext.extlinks",
    "myst_parser",
    "sphinx_design",
    # link previews and a sitemap are made of absolute URLs: only with a public address
    *(["sphinxext.opengraph", "sphinx_sitemap"] if html_baseurl else []),
    "notfound.extension",
    "cv_ext",
]

# Read the Docs builds the PDF beside the site (formats: [pdf] in .readthedocs.yaml) and
# serves it under /_/downloads/; the person's links on the home page then offer it.
if os.environ.get("READTHEDOCS"):
    cv_pdf_url = "/_/downloads/{}/{}/pdf/".format(
        os.environ.get("READTHEDOCS_LANGUAGE", "en"), os.environ.get("READTHEDOCS_VERSION", "latest")
    )
# Elsewhere, build the PDF first and name it in CV_PDF: the web build then copies it to the
# site's root and links it, e.g.
#   sphinx-build -M latexpdf docs docs/_build
#   CV_PDF=docs/_build/latex/max-inden-cv.pdf sphinx-build -b dirhtml docs docs/_build/dirhtml
elif os.environ.get("CV_PDF"):
    cv_pdf_url = Path(os.environ["CV_PDF"]).name

# The CV is a snapshot of September 2024: "present" counts up to that day, and
# builds are reproducible whatever day they run on.
cv_today = "2024-09-23"
cv_footer_pages = ["colophon"]  # "About this site": in every page's footer, not the navigation

# Tailored CVs (cv_ext's audiences): each has a page docs/for/<name>.md holding
# `{cv-audience} <name>` and an export cv.<name>.json. Every tag below is one the CV's
# objects already carry; an audience selects and orders, it never adds a claim.
cv_audiences = {
    "networking": {
        "title": "networking: QUIC, HTTP/3 and peer-to-peer",
        "tags": [
            "quic",
            "http3",
            "udp",
            "quinn-udp",
            "ecn",
            "libp2p",
            "peer-to-peer",
            "hole-punching",
            "kademlia",
            "yamux",
            "flow-control",
        ],
    },
    "observability": {
        "title": "observability: Prometheus, monitoring and Kubernetes",
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
# hreflang links in its head), at the same place under /de/ instead of /en/ of the public
# address (Read the Docs serves translation projects so). Without an address: no links.
cv_languages = ["en", "de"]

# Translations (German: docs/locale/de/LC_MESSAGES/*.po, built with -D language=de). One
# catalog per page (gettext_compact = False): a translator works page by page, a changed
# page changes one file, and completeness is visible per page.
locale_dirs = ["locale/"]
gettext_compact = False

nitpicky = True
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
html_theme = "furo"
html_title = "Max Inden"
# furo's footer says "Last updated on …": cv_ext gives the day of cv_today, the CV's date
html_last_updated_fmt = "%d %B %Y"
html_short_title = "Max Inden"
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "source_repository": "",
    "top_of_page_buttons": [],
}
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"
html_css_files = ["site.css"]

# Link previews (sphinxext-opengraph). Project pages describe themselves with their
# :summary:; the person's page is an og:type "profile" (both set by cv_ext).
ogp_site_url = html_baseurl
ogp_site_name = "Max Inden"
ogp_image = "_static/og-card.png"
ogp_image_alt = "Max Inden: career site"
ogp_social_cards = {"enable": False}
# ...and each project page gets a preview image of its own (cv_ext draws it with Pillow)
cv_link_previews = True

# sphinx-sitemap: one <url> per page, at the URL the page is served at.
sitemap_url_scheme = "{link}"
# Where the address has Read the Docs' layout, <root>/<language>/<version>/, the sitemap
# lists each page's translations too, at the same place under /<language>/. Otherwise it
# lists none (sphinx-sitemap would guess them from locale_dirs, at the wrong addresses).
sitemap_locales = [None]
_rtd = re.fullmatch(r"(https?://[^/]+/)([^/]+)/(.*)", html_baseurl)
if _rtd and _rtd.group(2) in cv_languages:
    site_url = _rtd.group(1)
    sitemap_url_scheme = "{lang}" + _rtd.group(3) + "{link}"
    sitemap_locales = list(cv_languages)
sitemap_excludes = ["search/", "genindex/", "404/"]

# sphinx-notfound-page: Read the Docs serves 404.html for unknown URLs. Its links must
# be absolute paths: under /<language>/<version>/ on Read the Docs, at / locally.
if not os.environ.get("READTHEDOCS"):
    notfound_urls_prefix = "/"

# `sphinx-build -b linkcheck docs out` where there is internet (Read the Docs, a laptop):
# GitHub's anchors are made by scripts.
linkcheck_anchors_ignore_for_url = [r"https://github\.com/.*"]
linkcheck_timeout = 30
linkcheck_retries = 2

latex_elements = {
    # characters of the CV that pdflatex does not know by itself
    "preamble": r"\DeclareUnicodeCharacter{2248}{\ensuremath{\approx}}",
}
# The PDF is the CV a person sends: docs/cv.md holds cv_ext's paper CV (cv-document),
# typeset on A4 (cv_paper = "letter" switches to US letter).
latex_documents = [("cv", "max-inden-cv.tex", "Max Inden: Curriculum vitae", author, "howto")]
# One PDF per audience too (docs/for/<name>-cv.md), wherever LaTeX runs from Sphinx's own
# Makefile (`sphinx-build -M latexpdf`). Read the Docs serves one PDF per version and runs
# latexmk with a fixed -jobname and no file name, which fails on a second .tex file: there
# the whole CV is the PDF.
if not os.environ.get("READTHEDOCS"):
    latex_documents += [
        (
            f"for/{name}-cv",
            f"max-inden-cv-{name}.tex",
            f"Max Inden: Curriculum vitae for {audience['title']}",
            author,
            "howto",
        )
        for name, audience in cv_audiences.items()
    ]
man_pages = [("index", "max-inden", "Max Inden: career", [author], 7)]
texinfo_documents = [
    ("index", "max-inden", "Max Inden", author, "max-inden", "Career of Max Inden.", "Miscellaneous")
]
epub_show_urls = "no"


def _write_robots_txt(app: Sphinx, exception: Exception | None) -> None:
    """robots.txt for web builds only: as an extra file it would make the EPUB warn."""
    if exception is None and app.builder.name in {"html", "dirhtml"}:
        text = "User-agent: *\nAllow: /\n"
        if base := app.config.html_baseurl:  # the sitemap exists only with an address
            text += f"\nSitemap: {base.rstrip('/')}/sitemap.xml\n"
        (Path(app.outdir) / "robots.txt").write_text(text, encoding="utf8")


def _say_where_the_site_lives(app: Sphinx) -> None:
    """Once per web build without a public address: what is missing, and how to fix it."""
    if not app.config.html_baseurl and app.builder.format == "html":
        logging.getLogger(__name__).info(
            "No public address (html_baseurl) set: canonical links, link previews "
            "(OpenGraph tags), absolute JSON-LD ids and the sitemap are left out. Set "
            "CV_BASEURL to the site's URL (Read the Docs sets READTHEDOCS_CANONICAL_URL)."
        )


def _copy_pdf(app: Sphinx, exception: Exception | None) -> None:
    """The PDF named by CV_PDF, beside the web site's home page (web builds only)."""
    pdf = os.environ.get("CV_PDF")
    if exception is None and pdf and not os.environ.get("READTHEDOCS"):
        if app.builder.name in {"html", "dirhtml"}:
            shutil.copyfile(pdf, Path(app.outdir) / Path(pdf).name)


#: what conf.py says in words, per language: Sphinx translates pages, not configuration
SITE_WORDS = {
    "de": {
        "latex_title": "Max Inden: Lebenslauf",
        "man_title": "Max Inden: Werdegang",
        "texinfo_description": "Werdegang von Max Inden.",
        "ogp_image_alt": "Max Inden: Karriere-Website",
        "html_last_updated_fmt": "%d. %B %Y",
        "audience_pdf_title": "Max Inden: Lebenslauf für {title}",
        "networking": "Netzwerke: QUIC, HTTP/3 und Peer-to-Peer",
        "observability": "Observability: Prometheus, Monitoring und Kubernetes",
    },
}


def _words_in_language(app: Sphinx, config: Config) -> None:
    """The PDF's title, man and texinfo descriptions, link preview text in the build's language."""
    words = SITE_WORDS.get(config.language)
    if not words:
        return
    for name, audience in config.cv_audiences.items():
        audience["title"] = words.get(name, audience["title"])
    documents = []
    for start, target, _title, *rest in config.latex_documents:
        name = start.removeprefix("for/").removesuffix("-cv")
        if name in config.cv_audiences:
            title = words["audience_pdf_title"].format(title=config.cv_audiences[name]["title"])
        else:
            title = words["latex_title"]
        documents.append((start, target, title, *rest))
    config.latex_documents = documents
    (start, name, _title, *rest) = config.man_pages[0]
    config.man_pages = [(start, name, words["man_title"], *rest)]
    (start, target, title, author_, name, _description, *rest) = config.texinfo_documents[0]
    config.texinfo_documents = [
        (start, target, title, author_, name, words["texinfo_description"], *rest)
    ]
    config.ogp_image_alt = words["ogp_image_alt"]
    config.html_last_updated_fmt = words["html_last_updated_fmt"]


def setup(app: Sphinx) -> None:
    """Site-specific wiring."""
    app.connect("config-inited", _words_in_language)
    app.connect("builder-inited", _say_where_the_site_lives)
    app.connect("build-finished", _write_robots_txt)
    app.connect("build-finished", _copy_pdf)
