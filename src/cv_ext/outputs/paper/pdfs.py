"""Which PDFs a build makes, and where a reader of the web site finds the CV's.

**Documents.** Where conf.py names no ``latex_documents``, every page holding
``cv-document`` becomes one (``cv_pdf_documents``): ``<person>-cv.pdf`` for the whole
CV, ``<person>-cv-<audience>.pdf`` for each audience, titled in the build's language.
Read the Docs serves one PDF per version and runs latexmk with a fixed ``-jobname``,
which fails on a second ``.tex`` file: there the whole CV alone is the PDF.

**The link.** On Read the Docs (with ``formats: [pdf]``) the PDF is served under
``/_/downloads/<language>/<version>/pdf/``; elsewhere a PDF built beforehand
(``cv_pdf_file``, else the ``CV_PDF`` environment variable) is copied to the web
site's root. Either becomes ``cv_pdf_url`` where conf.py sets none, which the person's
links offer as "Download PDF".
"""

from __future__ import annotations

import os
import shutil
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from cv_ext.common.builders import SITE_BUILDERS
from cv_ext.common.i18n import _
from cv_ext.common.warn import log_warning
from cv_ext.outputs.titles import file_stem
from cv_ext.reading.config import audiences, left_default
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: the characters LaTeX reads as commands in a title; each as it is printed
_TEX_SPECIALS = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "#": r"\#",
        "$": r"\$",
        "%": r"\%",
        "&": r"\&",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def setup_pdfs(app: Sphinx) -> None:
    """Name the PDFs once the pages are read; link and copy the CV's PDF for the web."""
    app.connect("config-inited", _pdf_settings, priority=450)
    app.connect("build-finished", _copy_pdf)


def on_read_the_docs() -> bool:
    """Whether this build runs on Read the Docs."""
    return bool(os.environ.get("READTHEDOCS"))


def read_the_docs_pdf() -> str:
    """Where Read the Docs serves the PDF it builds for this build's language and version."""
    language = os.environ.get("READTHEDOCS_LANGUAGE", "en")
    return f"/_/downloads/{language}/{os.environ.get('READTHEDOCS_VERSION', 'latest')}/pdf/"


def _pdf_settings(app: Sphinx, config: Config) -> None:
    if config.cv_pdf_documents and left_default(config, "latex_documents"):
        # which pages hold a paper CV is known once they are read
        app.connect("env-updated", partial(_name_documents, whole_cv_only=on_read_the_docs()))
    if on_read_the_docs():
        if not config.cv_pdf_url and config.cv_read_the_docs_pdf:
            config.cv_pdf_url = read_the_docs_pdf()
        config.cv_pdf_file = ""  # Read the Docs builds the PDF itself
        return
    pdf = config.cv_pdf_file or os.environ.get("CV_PDF", "")
    if not pdf:
        return
    # conf.py's path is relative to conf.py, the variable's to where sphinx-build runs
    path = (Path(app.confdir) / pdf) if config.cv_pdf_file else Path(pdf)
    if not path.is_file():
        log_warning(
            logger, f"cv_pdf_file: no PDF at {path}; the site links none", "config", location=None
        )
        config.cv_pdf_file = ""
        return
    config.cv_pdf_file = str(path.resolve())
    if not config.cv_pdf_url:
        config.cv_pdf_url = path.name


def _copy_pdf(app: Sphinx, exception: Exception | None) -> None:
    """The PDF of ``cv_pdf_file`` beside the web site's home page."""
    if exception is None and app.config.cv_pdf_file and app.builder.name in SITE_BUILDERS:
        shutil.copyfile(
            app.config.cv_pdf_file, Path(app.outdir) / Path(app.config.cv_pdf_file).name
        )


def tex_text(text: str) -> str:
    """*text* as LaTeX that prints it: ``latex_documents`` titles are LaTeX markup."""
    return text.translate(_TEX_SPECIALS)


def latex_documents(
    config: Config, papers: dict[str, str], person: str, whole_cv_only: bool
) -> list[tuple[str, str, str, str, str]]:
    """One LaTeX document per paper CV: the whole CV's first, then one per audience.

    *papers* maps each page holding ``cv-document`` to its audience (``""``: the whole CV).
    """
    stem = file_stem(person) + "-cv"
    whole = sorted(page for page, audience in papers.items() if not audience)
    words = {"person": person}
    documents = (
        [(whole[0], f"{stem}.tex", tex_text(_("%(person)s: Curriculum vitae") % words))]
        if whole
        else []
    )
    if not whole_cv_only:
        for name, audience in audiences(config).items():
            pages = sorted(page for page, shown in papers.items() if shown == name)
            if pages:
                title = _("%(person)s: Curriculum vitae for %(audience)s") % (
                    words | {"audience": audience.title}
                )
                documents.append((pages[0], f"{stem}-{name}.tex", tex_text(title)))
    return [
        (page, target, title, tex_text(config.author), "howto") for page, target, title in documents
    ]


def _name_documents(app: Sphinx, env: BuildEnvironment, *, whole_cv_only: bool) -> list[str]:
    domain = get_domain(env)
    person = next(iter(domain.declared().of_kind("person")), None)
    name = person.title if person is not None else app.config.project
    if documents := latex_documents(app.config, domain.papers, name, whole_cv_only):
        app.config.latex_documents = documents
    # else Sphinx's default stays: the whole site as one document
    return []
