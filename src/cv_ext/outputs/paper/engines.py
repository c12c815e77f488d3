"""The LaTeX engine and fonts that typeset the paper CV in the script of the build's language.

pdfLaTeX sets Latin script in TeX Gyre Heros, as it always did. Cyrillic and Greek need a
Unicode engine and a font that has their letters: XeLaTeX with GNU FreeSans, the font
Sphinx's documentation names for them, and a Helvetica like Heros. Chinese, Japanese and
Korean: XeLaTeX with xeCJK (Sphinx's own choice for Chinese) and Noto Sans CJK in the
region's glyph forms, the same set-up for all three (Sphinx's upLaTeX default for Japanese
needs Japanese classes and fonts of its own). What the site sets itself always wins:
``latex_engine``, ``latex_docclass`` and each key of ``latex_elements``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cv_ext.core.locales import script_of

if TYPE_CHECKING:
    from sphinx.config import Config

#: Debian packages of the classic set-up (``.ci/run`` installs them; Read the Docs has them)
PDFLATEX_PACKAGES = (
    "latexmk",
    "texlive-latex-recommended",
    "texlive-latex-extra",
    "texlive-fonts-recommended",
    "tex-gyre",
)
CJK_FONTS = {"Hans": "SC", "Hant": "TC", "Jpan": "JP", "Kore": "KR"}
#: scripts whose documents need a Unicode engine, with the Debian packages that set them
UNICODE_SCRIPTS = {
    "Cyrl": ("texlive-xetex", "fonts-freefont-otf", "texlive-lang-cyrillic"),
    "Grek": ("texlive-xetex", "fonts-freefont-otf", "texlive-lang-greek"),
    # xeCJK is in texlive-lang-cjk, the ctexhook.sty it loads in texlive-lang-chinese
    **dict.fromkeys(CJK_FONTS, ("texlive-xetex", "fonts-freefont-otf", "texlive-lang-cjk",
                                "texlive-lang-chinese", "fonts-noto-cjk")),
}  # fmt: skip

HEROS = (
    "\\usepackage{tgheros}\n\\renewcommand{\\familydefault}{\\sfdefault}\n"
    "\\renewcommand{\\ttdefault}{txtt}"
)
FREEFONT = (
    "\\setmainfont{FreeSans}[Extension=.otf, UprightFont=*, BoldFont=*Bold,"
    " ItalicFont=*Oblique, BoldItalicFont=*BoldOblique]\n"
    "\\setsansfont{FreeSans}[Extension=.otf, UprightFont=*, BoldFont=*Bold,"
    " ItalicFont=*Oblique, BoldItalicFont=*BoldOblique]\n"
    "\\setmonofont{FreeMono}[Scale=0.9, Extension=.otf, UprightFont=*, BoldFont=*Bold,"
    " ItalicFont=*Oblique, BoldItalicFont=*BoldOblique]\n"
    "\\renewcommand{\\familydefault}{\\sfdefault}"
)


@dataclass(frozen=True)
class Typesetting:
    """How one build's paper CV is typeset: its engine, its LaTeX defaults, what it needs."""

    engine: str
    elements: dict[str, str]
    #: the Debian packages a machine needs to make the PDF (``apt_packages`` on Read the Docs)
    packages: tuple[str, ...]


def default_engine(language: str) -> str:
    """The engine cv_ext picks for *language*: XeLaTeX where pdfLaTeX lacks the script."""
    return "xelatex" if script_of(language) in UNICODE_SCRIPTS else "pdflatex"


def typesetting(language: str, engine: str) -> Typesetting:
    """The fonts and packages that typeset *language* with *engine*."""
    script = script_of(language)
    if engine in {"xelatex", "lualatex"}:
        packages = UNICODE_SCRIPTS.get(script, ("texlive-xetex", "fonts-freefont-otf"))
        if engine == "lualatex":
            packages = tuple(p.replace("xetex", "luatex") for p in packages)
        return Typesetting(engine, _unicode_fonts(language, engine), (*PDFLATEX_PACKAGES,
                           *packages))  # fmt: skip
    elements = {"fontpkg": HEROS, "passoptionstopackages": ""}
    if engine == "pdflatex":
        # ligatures extract as their letters: applicant-tracking systems read "fi", not "ﬁ"
        elements["passoptionstopackages"] = "\\input{glyphtounicode}\\pdfgentounicode=1"
    elif script == "Jpan":  # pLaTeX or upLaTeX, chosen by the site: Japanese in Gothic
        elements["fontpkg"] += "\n\\renewcommand{\\kanjifamilydefault}{\\gtdefault}"
    extra = ("texlive-lang-japanese",) if engine in {"platex", "uplatex"} else ()
    return Typesetting(engine, elements, (*PDFLATEX_PACKAGES, *extra))


def _unicode_fonts(language: str, engine: str) -> dict[str, str]:
    """FreeSans for Latin, Cyrillic and Greek; for CJK xeCJK with Noto Sans CJK beside it."""
    script = script_of(language)
    fontpkg = FREEFONT
    if script == "Cyrl":
        fontpkg += "\n\\newfontfamily\\cyrillicfont{FreeSans}[Extension=.otf, UprightFont=*,"
        fontpkg += " BoldFont=*Bold, ItalicFont=*Oblique, BoldItalicFont=*BoldOblique]"
    elif script == "Grek":
        fontpkg += "\n\\newfontfamily\\greekfont{FreeSans}[Extension=.otf, UprightFont=*,"
        fontpkg += " BoldFont=*Bold, ItalicFont=*Oblique, BoldItalicFont=*BoldOblique]"
    # cmap is for pdfTeX; Unicode engines map their glyphs to text themselves
    elements = {"fontpkg": fontpkg, "passoptionstopackages": "", "cmappkg": ""}
    if script in CJK_FONTS and engine == "xelatex":
        region = CJK_FONTS[script]
        if language.replace("-", "_").upper().endswith("_HK"):
            region = "HK"
        elements["fontenc"] = "\\usepackage{xeCJK}"
        elements["fontpkg"] += (
            f"\n\\setCJKmainfont{{Noto Sans CJK {region}}}"
            f"\n\\setCJKsansfont{{Noto Sans CJK {region}}}"
            f"\n\\setCJKmonofont{{Noto Sans Mono CJK {region}}}"
        )
        # cv_ext's separator "·" stays a Latin middle dot (xeCJK would set it full width and
        # eat the space after it); no glue between CJK and Latin letters or digits, as on
        # the web: "2024年6月", which text extraction (an applicant-tracking system) reads
        # as written, not "2024 年 6 月"
        elements["fontpkg"] += '\n\\xeCJKDeclareCharClass{Default}{"00B7}'
        elements["fontpkg"] += "\n\\xeCJKsetup{CJKecglue={}}"
        if script == "Kore":
            # Korean parts its words with spaces, which xeCJK would drop between CJK letters
            elements["fontpkg"] += "\n\\xeCJKsetup{CJKspace=true}"
        # no babel or polyglossia: neither has Japanese or Korean for XeLaTeX; English
        # hyphenation serves the Latin words
        elements |= {"babel": "", "polyglossia": ""}
    return elements


def site_sets(config: Config, name: str) -> bool:
    """Whether ``conf.py`` or ``-D`` sets *name* (Sphinx offers no public way to ask)."""
    return name in config.overrides or name in getattr(config, "_raw_config", {})


def choose_engine(config: Config) -> Typesetting:
    """Set the engine for the build's language unless the site chose one; its typesetting."""
    language = config.language or "en"
    if not site_sets(config, "latex_engine"):
        config.latex_engine = default_engine(language)
        if script_of(language) == "Jpan" and not site_sets(config, "latex_docclass"):
            config.latex_docclass = {}  # Sphinx's default names pLaTeX's classes for Japanese
    if script_of(language) == "Kore":
        _quiet_korean_babel_warning()
    return typesetting(language, config.latex_engine)


class _KoreanBabel(logging.Filter):
    """Sphinx warns that docutils knows no Babel name for Korean; cv_ext's set-up uses none."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            str(record.msg) == "no Babel option known for language %r"
            and str(record.args[0] if isinstance(record.args, tuple) else "").startswith("ko")
        )


_KOREAN = _KoreanBabel()


def _quiet_korean_babel_warning() -> None:
    # the LaTeX builder and writer both say it, each to its logger as sphinx.util.logging
    # names them; the filter stays for the process, and lets any other warning through
    for module in ("sphinx.builders.latex", "sphinx.writers.latex"):
        logging.getLogger(f"sphinx.{module}").addFilter(_KOREAN)
