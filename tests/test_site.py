"""Where a site lives and what it hands out: cv_ext's site wiring (outputs/site.py,
titles.py, paper/pdfs.py) on a small root, with and without a public address."""

from __future__ import annotations

import shutil
from io import StringIO
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup

from cv_ext.outputs.paper.pdfs import tex_text
from cv_ext.outputs.site import public_address, sitemap_defaults

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

#: what a build must not take from the environment unless a test says so
VARIABLES = (
    "CV_BASEURL",
    "CV_PDF",
    "READTHEDOCS",
    "READTHEDOCS_CANONICAL_URL",
    "READTHEDOCS_LANGUAGE",
    "READTHEDOCS_VERSION",
)
RTD_DE = "https://jane.readthedocs.io/de/stable/"


@pytest.fixture
def site(
    make_app: Callable[..., SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[..., SphinxTestApp]:
    """The test-site root built by *builder* with exactly the environment *env*."""

    def build(
        builder: str = "dirhtml", env: dict[str, str] | None = None, **overrides: Any
    ) -> SphinxTestApp:
        for name in VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        app = make_app(
            builder,
            srcdir=rootdir / "test-site",
            builddir=tmp_path / builder,
            confoverrides=overrides,
            status=StringIO(),
            freshenv=True,
        )
        app.build()
        return app

    return build


def warnings(app: SphinxTestApp) -> str:
    return str(app._warning.getvalue())


def status(app: SphinxTestApp) -> str:
    return str(app._status.getvalue())


# --- the public address ---------------------------------------------------------------------------


def test_no_address_loads_nothing_that_needs_one(site: Callable[..., SphinxTestApp]) -> None:
    app = site()
    assert app.config.html_baseurl == ""
    assert "sphinx_sitemap" not in app.extensions
    assert "sphinxext.opengraph" not in app.extensions
    assert not (app.outdir / "sitemap.xml").exists()
    assert (app.outdir / "robots.txt").read_text(encoding="utf8") == "User-agent: *\nAllow: /\n"
    assert status(app).count("No public address (html_baseurl) set") == 1
    assert "Set CV_BASEURL to the site's URL" in status(app)
    assert warnings(app) == ""


def test_cv_baseurl_is_the_address(site: Callable[..., SphinxTestApp]) -> None:
    app = site(env={"CV_BASEURL": "https://cv.example.org/jane"})
    base = "https://cv.example.org/jane/"
    assert app.config.html_baseurl == base
    assert {"sphinx_sitemap", "sphinxext.opengraph"} <= set(app.extensions)
    assert app.config.ogp_site_url == base
    sitemap = (app.outdir / "sitemap.xml").read_text(encoding="utf8")
    assert f"<loc>{base}jobs/</loc>" in sitemap
    for page in ("search/", "genindex/", "404/"):
        assert f"<loc>{base}{page}</loc>" not in sitemap
    assert "hreflang" not in sitemap  # not Read the Docs' layout: no translations to list
    robots = (app.outdir / "robots.txt").read_text(encoding="utf8")
    assert robots == f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\n"
    home = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf8"), "html.parser")
    assert home.select_one('link[rel="canonical"]')["href"] == base
    assert home.select_one('meta[property="og:url"]')["content"] == base
    assert "No public address" not in status(app)
    assert warnings(app) == ""


def test_read_the_docs_address_wins_and_lists_translations(
    site: Callable[..., SphinxTestApp],
) -> None:
    env = {
        "READTHEDOCS": "True",
        "READTHEDOCS_CANONICAL_URL": RTD_DE,
        "READTHEDOCS_LANGUAGE": "de",
        "READTHEDOCS_VERSION": "stable",
        "CV_BASEURL": "https://elsewhere.example.org/",
    }
    app = site(env=env, language="de")
    assert app.config.html_baseurl == RTD_DE
    assert app.config.site_url == "https://jane.readthedocs.io/"
    assert app.config.sitemap_url_scheme == "{lang}stable/{link}"
    sitemap = (app.outdir / "sitemap.xml").read_text(encoding="utf8")
    assert f"<loc>{RTD_DE}jobs/</loc>" in sitemap
    assert 'hreflang="en" href="https://jane.readthedocs.io/en/stable/jobs/"' in sitemap
    # the PDF Read the Docs builds beside the site, for this language and version
    assert app.config.cv_pdf_url == "/_/downloads/de/stable/pdf/"
    home = (app.outdir / "index.html").read_text(encoding="utf8")
    assert 'href="/_/downloads/de/stable/pdf/"' in home
    # sphinx-notfound-page's own default: Read the Docs' /<language>/<version>/
    assert app.config.notfound_urls_prefix == "/de/stable/"


def test_conf_py_address_wins_over_the_environment(site: Callable[..., SphinxTestApp]) -> None:
    app = site(
        env={"CV_BASEURL": "https://env.example.org/"}, html_baseurl="https://conf.example.org/"
    )
    assert app.config.html_baseurl == "https://conf.example.org/"
    assert "sphinx_sitemap" in app.extensions


def test_extensions_can_be_switched_off(site: Callable[..., SphinxTestApp]) -> None:
    app = site(env={"CV_BASEURL": "https://cv.example.org/"}, cv_address_extensions=[])
    assert "sphinx_sitemap" not in app.extensions
    assert not (app.outdir / "sitemap.xml").exists()
    assert "Sitemap" not in (app.outdir / "robots.txt").read_text(encoding="utf8")


def test_unknown_extension_warns(site: Callable[..., SphinxTestApp]) -> None:
    app = site(
        env={"CV_BASEURL": "https://cv.example.org/"}, cv_address_extensions=["no_such_extension"]
    )
    assert "cv_address_extensions" in warnings(app)
    assert "[cv.config]" in warnings(app)


def test_public_address_reads_the_variables_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    class Config:
        cv_baseurl_variables = ("FIRST", "SECOND")

    monkeypatch.delenv("FIRST", raising=False)
    monkeypatch.setenv("SECOND", "https://b.example.org/x")
    assert public_address(Config()) == "https://b.example.org/x/"  # type: ignore[arg-type]
    monkeypatch.setenv("FIRST", " https://a.example.org/ ")
    assert public_address(Config()) == "https://a.example.org/"  # type: ignore[arg-type]


def test_sitemap_lists_translations_only_for_read_the_docs_layout() -> None:
    assert sitemap_defaults("https://x.org/cv/", ["en", "de"])["sitemap_url_scheme"] == "{link}"
    assert sitemap_defaults("https://x.org/en/latest/", {"en": "https://x.org/"})[
        "sitemap_locales"
    ] == [None]
    layout = sitemap_defaults("https://x.org/en/latest/", ["en", "de"])
    assert layout["sitemap_locales"] == ["en", "de"]
    assert layout["site_url"] == "https://x.org/"


# --- robots.txt -----------------------------------------------------------------------------------


def test_no_robots_txt_in_an_epub(site: Callable[..., SphinxTestApp]) -> None:
    app = site("epub", env={"CV_BASEURL": "https://cv.example.org/"})
    assert not (app.outdir / "robots.txt").exists()
    assert warnings(app) == ""


def test_the_site_own_robots_txt_wins(site: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "robots.txt").write_text("User-agent: *\nDisallow: /\n", encoding="utf8")
    app = site(html_extra_path=[str(extra)])
    assert (app.outdir / "robots.txt").read_text(encoding="utf8") == "User-agent: *\nDisallow: /\n"


# --- the PDF: documents, link, local copy ---------------------------------------------------------


def test_one_latex_document_per_paper(site: Callable[..., SphinxTestApp]) -> None:
    app = site("latex")
    assert app.config.latex_documents == [
        ("cv", "jane-example-cv.tex", "Jane Example: Curriculum vitae", "Jane Example", "howto"),
        (
            "for/net-cv",
            "jane-example-cv-net.tex",
            r"Jane Example: Curriculum vitae for networking \& QUIC",
            "Jane Example",
            "howto",
        ),
    ]
    assert sorted(path.name for path in app.outdir.glob("*.tex")) == [
        "jane-example-cv-net.tex",
        "jane-example-cv.tex",
    ]
    tex = (app.outdir / "jane-example-cv-net.tex").read_text(encoding="utf8")
    assert r"\title{Jane Example: Curriculum vitae for networking \& QUIC}" in tex
    assert warnings(app) == ""


def test_latex_documents_in_the_build_language(site: Callable[..., SphinxTestApp]) -> None:
    app = site("latex", language="de")
    titles = [document[2] for document in app.config.latex_documents]
    assert titles == ["Jane Example: Lebenslauf", r"Jane Example: Lebenslauf für Netzwerke \& QUIC"]


def test_read_the_docs_builds_the_whole_cv_only(site: Callable[..., SphinxTestApp]) -> None:
    app = site("latex", env={"READTHEDOCS": "True"})
    assert [document[0] for document in app.config.latex_documents] == ["cv"]


def test_conf_py_latex_documents_win(site: Callable[..., SphinxTestApp]) -> None:
    mine = [("cv", "mine.tex", "Mine", "Jane Example", "howto")]
    app = site("latex", latex_documents=mine)
    assert app.config.latex_documents == mine


def test_local_pdf_is_copied_and_linked(site: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    pdf = tmp_path / "jane-example-cv.pdf"
    pdf.write_bytes(b"%PDF-1.5 example")
    app = site(env={"CV_PDF": str(pdf)})
    assert (app.outdir / pdf.name).read_bytes() == pdf.read_bytes()
    home = (app.outdir / "index.html").read_text(encoding="utf8")
    assert f'href="{pdf.name}">Download PDF</a>' in home
    jobs = (app.outdir / "jobs" / "index.html").read_text(encoding="utf8")
    assert "Download PDF" not in jobs or f'href="../{pdf.name}"' in jobs


def test_missing_pdf_warns_and_links_none(
    site: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = site(cv_pdf_file=str(tmp_path / "nowhere.pdf"))
    assert "cv_pdf_file: no PDF at" in warnings(app)
    assert "[cv.config]" in warnings(app)
    assert "Download PDF" not in (app.outdir / "index.html").read_text(encoding="utf8")


def test_tex_text_prints_what_it_is_given() -> None:
    assert tex_text("A & B: 100% of #1_x {y} ~ ^ \\") == (
        r"A \& B: 100\% of \#1\_x \{y\} \textasciitilde{} \textasciicircum{} \textbackslash{}"
    )
    assert tex_text("peer-to-peer, HTTP/3") == "peer-to-peer, HTTP/3"


# --- titles in the build's language ----------------------------------------------------------------


def test_titles_in_german(site: Callable[..., SphinxTestApp]) -> None:
    app = site("man", env={"CV_BASEURL": "https://cv.example.org/"}, language="de")
    assert app.config.man_pages == [
        ("index", "jane-example", "Jane Example: Werdegang", ["Jane Example"], 7)
    ]
    assert app.config.texinfo_documents[0][5] == "Werdegang von Jane Example."
    assert app.config.ogp_image_alt == "Jane Example: Karriere-Website"
    assert app.config.html_last_updated_fmt == "%d. %B %Y"
    assert (app.outdir / "jane-example.7").is_file()


def test_titles_in_english_and_footer_date(site: Callable[..., SphinxTestApp]) -> None:
    app = site("html")
    assert app.config.man_pages[0][2] == "Jane Example: career"
    assert app.config.texinfo_documents[0][5] == "Career of Jane Example."
    assert "Last updated on 23 September 2024" in (app.outdir / "index.html").read_text("utf8")


def test_titles_conf_py_sets_stay(site: Callable[..., SphinxTestApp]) -> None:
    mine = [("index", "jane", "Jane", ["Jane"], 1)]
    app = site("man", man_pages=mine, cv_document_titles=False)
    assert app.config.man_pages == mine
    assert app.config.html_last_updated_fmt is None


def test_audience_title_per_language_falls_back_to_english(
    site: Callable[..., SphinxTestApp],
) -> None:
    app = site("html", language="fr")
    assert app.config.cv_audiences["net"]["title"] == "networking & QUIC"
    assert app.config.cv_audiences["ops"]["title"] == "operations"


def test_sitemap_is_whole_after_an_incremental_build(
    make_app: Callable[..., SphinxTestApp],
    rootdir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """sphinx-sitemap alone lists only the pages a build rewrites; cv_ext lists every one."""
    monkeypatch.setenv("CV_BASEURL", "https://cv.example.org/")
    src = tmp_path / "src"
    shutil.copytree(rootdir / "test-site", src)

    def build(builddir: Path, *, parallel: int = 0) -> str:
        app = make_app("dirhtml", srcdir=src, builddir=builddir, parallel=parallel)
        app.build()
        return (app.outdir / "sitemap.xml").read_text(encoding="utf8")

    clean = build(tmp_path / "one")
    assert clean.count("<loc>") == 5  # index, jobs, cv, for/net, for/net-cv
    jobs = src / "jobs.md"
    jobs.write_text(jobs.read_text(encoding="utf8") + "\nMore.\n", encoding="utf8")
    assert build(tmp_path / "one") == clean
    assert build(tmp_path / "two", parallel=2) == clean
