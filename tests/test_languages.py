"""One site in every language cv_ext speaks: its words, plural forms, dates, and its PDF.

``tests/roots/test-languages`` is built with ``-D language=...`` for each catalog cv_ext
ships, and for Italian, which has none. The PDF is made as ``sphinx-build -M latexpdf``
makes it, with the engine and fonts cv_ext picks for the language (engines.py). The builds
are marked ``oldest``: .ci/run runs them on the oldest versions pyproject.toml allows too.
"""

from __future__ import annotations

import re
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, need

from cv_ext.common.i18n import catalog_for
from cv_ext.core.dates import Date
from cv_ext.outputs.paper.engines import default_engine, typesetting

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

ROOT = REPO / "tests" / "roots" / "test-languages"

#: what a reader of each language sees on the jobs page: "Present", durations with their
#: plural forms (1, 2, 5, 21 years; 1, 6, 9, 10 months; 5 days), the backlink counts
JOBS = {
    "de": ["heute", "2 Jahre 10 Monate", "1 Jahr 1 Monat", "21 Jahre 9 Monate", "5 Tage",
           "Verwiesen von", "2 Projekte", "1 Vortrag", "1 Erfolg"],
    "fr": ["aujourd’hui", "2 ans 10 mois", "1 an 1 mois", "21 ans 9 mois", "5 jours",
           "Apparaît dans", "2 projets", "1 conférence", "1 réalisation", "En cours"],
    "es": ["actualidad", "2 años 10 meses", "1 año 1 mes", "21 años 9 meses", "5 días",
           "Aparece en", "2 proyectos", "1 charla", "1 logro", "En curso"],
    "ru": ["настоящее время", "2 года 10 месяцев", "1 год 1 месяц", "21 год 9 месяцев",
           "5 лет", "5 дней", "6 месяцев", "Упоминания:", "2 проекта", "1 доклад",
           "1 достижение", "1 проект"],
    "zh_CN": ["至今", "2年10个月", "1年1个月", "21年9个月", "5天", "被引用于", "2个项目",
              "1场演讲", "1项成就", "当前"],
    "ja": ["現在", "2年10か月", "1年1か月", "21年9か月", "5日間", "参照元", "プロジェクト2件",
           "講演1件", "実績1件", "在籍中"],
    "ko": ["현재", "2년 10개월", "1년 1개월", "21년 9개월", "5일", "참조된 곳", "프로젝트 2개",
           "발표 1건", "성과 1건", "진행 중"],
}  # fmt: skip
ENGLISH = ["Present", "Referenced from", "2 yrs 10 mos", "5 days", "Current"]
#: the paper CV's first section heading and one of its dates
PAPER = {
    "de": ("Berufserfahrung", "Juni 2024"),
    "fr": ("Expérience professionnelle", "juin 2024"),
    "es": ("Experiencia profesional", "jun 2024"),
    "ru": ("Опыт работы", "июнь 2024"),
    "zh_CN": ("工作经历", "2024年6月"),
    "ja": ("職歴", "2024年6月"),
    "ko": ("경력", "2024년 6월"),
}


def build(make_app, tmp_path: Path, builder: str, language: str) -> SphinxTestApp:
    app: SphinxTestApp = make_app(
        builder, srcdir=ROOT, builddir=tmp_path, confoverrides={"language": language}
    )
    app.build()
    assert app.warning.getvalue() == ""
    return app


@pytest.mark.oldest
@pytest.mark.parametrize("language", sorted(JOBS))
def test_a_site_reads_in_its_language(make_app, tmp_path: Path, language: str) -> None:
    app = build(make_app, tmp_path, "html", language)
    html = (app.outdir / "jobs.html").read_text(encoding="utf8")
    soup = BeautifulSoup(html, "html.parser")
    text = soup.get_text(" ")
    assert soup.html is not None
    assert soup.html["lang"] == language.replace("_", "-")
    assert [word for word in JOBS[language] if word not in text] == []
    assert [word for word in ENGLISH if word in text] == []
    assert Date(2024, 6).display(language) in {time.get_text() for time in soup.select("time")}
    # a skill's evidence and the tailored CV's introduction are in the language too
    skills = (app.outdir / "skills.html").read_text(encoding="utf8")
    assert " of work" not in skills and " items" not in skills
    audience = BeautifulSoup(
        (app.outdir / "for-net.html").read_text(encoding="utf8"), "html.parser"
    )
    intro = audience.select_one(".cv-audience-intro")
    assert intro is not None and "This CV is selected" not in intro.get_text()
    assert Date(2019, 6).display(language) in intro.get_text()


@pytest.mark.oldest
def test_a_language_without_a_catalog_keeps_english_labels(make_app, tmp_path: Path) -> None:
    assert catalog_for("it") is None
    app = build(make_app, tmp_path, "html", "it")
    soup = BeautifulSoup((app.outdir / "jobs.html").read_text(encoding="utf8"), "html.parser")
    assert soup.html is not None and soup.html["lang"] == "it"
    text = soup.get_text(" ")
    assert "giu 2024" in text and "mag 2019" in text  # babel's Italian month names
    assert "Present" in text and "2 yrs 10 mos" in text and "Referenced from" in text


@pytest.mark.parametrize(
    ("language", "catalog"),
    [("zh_Hans", "zh_CN"), ("zh-Hans-CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh_TW", None),
     ("zh_Hant", None), ("ko_KR", "ko"), ("ja_JP", "ja"), ("ru_RU", "ru"), ("de_AT", "de"),
     ("pt_BR", None), ("en", None)],
)  # fmt: skip
def test_cldr_names_find_the_catalog_of_their_script(language: str, catalog: str | None) -> None:
    assert catalog_for(language) == catalog


@pytest.mark.oldest
def test_zh_hans_site_reads_the_simplified_chinese_catalog(make_app, tmp_path: Path) -> None:
    app = build(make_app, tmp_path, "html", "zh_Hans")
    html = (app.outdir / "jobs.html").read_text(encoding="utf8")
    assert '<html lang="zh-Hans"' in html
    assert "至今" in html and "2年10个月" in html and "Present" not in html


# --- the PDF ----------------------------------------------------------------------------------


def test_engine_and_fonts_follow_the_script() -> None:
    assert {lang: default_engine(lang) for lang in ["de", "fr", "es", "it", "en"]} == dict.fromkeys(
        ["de", "fr", "es", "it", "en"], "pdflatex"
    )
    assert {default_engine(lang) for lang in ["ru", "uk", "el", "zh_CN", "ja", "ko"]} == {"xelatex"}
    fonts = {lang: typesetting(lang, "xelatex").elements["fontpkg"] for lang in JOBS}
    assert "Noto Sans CJK SC" in fonts["zh_CN"] and "Noto Sans CJK JP" in fonts["ja"]
    assert "Noto Sans CJK KR" in fonts["ko"] and "CJKspace=true" in fonts["ko"]
    assert "Noto Sans CJK TC" in typesetting("zh_TW", "xelatex").elements["fontpkg"]
    assert "Noto Sans CJK HK" in typesetting("zh_HK", "xelatex").elements["fontpkg"]
    assert "FreeSans" in fonts["ru"] and "cyrillicfont" in fonts["ru"]
    # pdfLaTeX alone reads glyphtounicode; the Unicode engines map glyphs to text themselves
    assert "glyphtounicode" in typesetting("de", "pdflatex").elements["passoptionstopackages"]
    assert typesetting("ru", "xelatex").elements["passoptionstopackages"] == ""


def test_ci_installs_what_every_language_needs() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf8")
    needed = {p for lang in JOBS for p in typesetting(lang, default_engine(lang)).packages}
    assert [package for package in sorted(needed) if package not in ci] == []


def test_the_site_chooses_its_engine(make_app, tmp_path: Path) -> None:
    app: SphinxTestApp = make_app(
        "latex",
        srcdir=ROOT,
        builddir=tmp_path,
        confoverrides={"language": "ja", "latex_engine": "uplatex"},
    )
    assert app.config.latex_engine == "uplatex"
    elements = app.config.latex_elements
    assert "glyphtounicode" not in elements["passoptionstopackages"]
    assert "xeCJK" not in elements.get("fontenc", "") and "gtdefault" in elements["fontpkg"]
    assert "hmargin=1.8cm" in elements["sphinxsetup"]  # one length: Sphinx's pLaTeX geometry


def _need(tool: str) -> None:
    need(tool, ".ci/run installs TeX Live and poppler-utils")


def _run(args: list[str]) -> str:
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


@pytest.mark.oldest
@pytest.mark.parametrize("language", sorted(PAPER))
def test_the_pdf_is_typeset_in_the_language(tmp_path: Path, language: str) -> None:
    for tool in ("latexmk", "xelatex", "pdftotext", "pdffonts"):
        _need(tool)
    out = tmp_path / "build"
    stdout = _run(
        [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(ROOT), str(out), "-n", "-W",
         "-D", f"language={language}"]
    )  # fmt: skip
    assert "WARNING" not in stdout
    pdf = out / "latex" / "ada-cv.pdf"
    text = _run(["pdftotext", "-layout", str(pdf), "-"])
    heading, date = PAPER[language]
    # the paper CV sets section headings in capitals (scripts without case keep theirs)
    assert heading.upper() in text and date in text and "Ada Example" in text
    log = (out / "latex" / "ada-cv.log").read_text(encoding="utf8", errors="replace")
    assert "Missing character" not in log
    # every font in the file: a recruiter's viewer substitutes none
    fonts = _run(["pdffonts", str(pdf)]).splitlines()[2:]
    assert (
        fonts
        and [line for line in fonts if re.search(r"\bno\s+\w+\s+\w+\s+\d+\s+\d+$", line)] == []
    )


def test_a_japanese_site_makes_its_pdf(tmp_path: Path) -> None:
    """Japanese text in the pages (test-ja), not only cv_ext's words: XeLaTeX sets it."""
    for tool in ("latexmk", "xelatex", "pdftotext"):
        _need(tool)
    out = tmp_path / "build"
    root = REPO / "tests" / "roots" / "test-ja"
    assert "WARNING" not in _run(
        [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(root), str(out), "-n", "-W"]
    )
    text = _run(["pdftotext", str(out / "latex" / "sphinx.pdf"), "-"])
    assert "東京電力" in text and "大阪ガス" in text and "在籍中" in text
