"""The paper CV: the whole career as one document for print, built from the domain.

A page holding ``cv-document`` is the CV a person sends. On the web it is a one-page
CV; named in ``latex_documents`` it is the PDF (the one Read the Docs builds), with
none of a manual's furniture. Every line comes from the domain's records, and each
entry's text is copied from the object's own page, so no fact is written twice.

Modules: :mod:`.transforms` fills the page (post-transforms), :mod:`.context` holds one
paper's state, :mod:`.sections` makes each section, :mod:`.latex` sets paper and fonts
and ships ``texinputs/cv_ext.sty``, :mod:`.characters` makes every character printable
by pdflatex, :mod:`.pdfs` names the PDFs and links the CV's from the web site, :mod:`.letter` makes cover letters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cv_ext.outputs.paper.characters import make_printable
from cv_ext.outputs.paper.latex import setup_latex
from cv_ext.outputs.paper.letter import setup_letters
from cv_ext.outputs.paper.transforms import FillPaper, PaperForPrint

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_paper(app: Sphinx) -> None:
    """The transforms that fill each ``cv-document``, and the LaTeX set-up of its PDF."""
    app.add_post_transform(FillPaper)
    app.add_post_transform(PaperForPrint)
    app.connect("doctree-resolved", make_printable, priority=900)
    setup_latex(app)
    setup_letters(app)
