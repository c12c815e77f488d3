"""LaTeX set-up of the paper CV: paper size, engine, fonts, and none of a manual's furniture.

``cv_paper`` (``"a4"``, ``"letter"``, or ``""`` to leave LaTeX alone) fills in
``latex_elements`` defaults and picks the engine for the build's language (engines.py);
what the site sets itself always wins. The macros the
paper's LaTeX visitors write live in ``cv_ext.sty``, copied beside the ``.tex`` file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging
from sphinx.util.fileutil import copy_asset_file

from cv_ext.common.warn import log_warning
from cv_ext.outputs.paper.engines import choose_engine, typesetting

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

STYLE = Path(__file__).parent / "texinputs" / "cv_ext.sty"
PAPER_SIZES = {"a4": "a4paper", "letter": "letterpaper"}
LINK_COLOUR = "{rgb}{0.08,0.24,0.47}"  # dark blue: a link on screen, legible on paper


def setup_latex(app: Sphinx) -> None:
    """Load ``cv_ext.sty``, copy it where LaTeX finds it, and set paper and fonts (``cv_paper``)."""
    app.add_latex_package("cv_ext")
    app.connect("config-inited", _latex_defaults, priority=500)
    app.connect("build-finished", _copy_style)


def latex_defaults(paper: str, language: str = "en", engine: str = "pdflatex") -> dict[str, str]:
    """The ``latex_elements`` that make a Sphinx LaTeX document a CV on *paper*, in one
    sans-serif family that has the letters of *language* under *engine* (engines.py)."""
    return {
        "papersize": PAPER_SIZES[paper],
        "pointsize": "10pt",
        **typesetting(language, engine).elements,
        "sphinxsetup": f"{_margins(engine)}, "
        f"InnerLinkColor={LINK_COLOUR}, OuterLinkColor={LINK_COLOUR}, TitleColor={{rgb}}{{0,0,0}}",
        "fncychap": "",
        "releasename": "",
        "maketitle": "\\cvpaperstyle",
        "tableofcontents": "",
        "makeindex": "",
        "printindex": "",
        "secnumdepth": "\\setcounter{secnumdepth}{0}",
    }


def _margins(engine: str) -> str:
    # Sphinx's geometry set-up for pLaTeX and upLaTeX takes one length each, centred
    if engine in {"platex", "uplatex"}:
        return "hmargin=1.8cm, vmargin=1.65cm"
    return "hmargin={1.8cm,1.8cm}, vmargin={1.5cm,1.8cm}"


def _latex_defaults(app: Sphinx, config: Config) -> None:
    paper = config.cv_paper.strip().lower()
    if not paper:
        return
    if paper not in PAPER_SIZES:
        log_warning(
            logger,
            f"cv_paper: unknown paper size {config.cv_paper!r}, expected "
            f"{', '.join(map(repr, PAPER_SIZES))} or ''; using 'a4'",
            "config",
            location=None,
        )
        paper = "a4"
    engine = choose_engine(config).engine
    defaults = latex_defaults(paper, config.language or "en", engine)
    # a new dict: the default value of latex_elements is shared by every app in a process
    config.latex_elements = {**defaults, **config.latex_elements}


def _copy_style(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "latex":
        copy_asset_file(STYLE, app.outdir)
