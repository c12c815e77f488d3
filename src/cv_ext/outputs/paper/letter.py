"""Cover letters: the letterhead filled from the person, a page search engines skip, a PDF each.

A ``cover-letter`` page becomes the letter as it is sent: the CV's letterhead (the
person's name and contact line), then the addressee, the date, the subject and the
text, and a link to the CV tailored to the audience it names. On the web the page asks
search engines not to index it and stays out of the sitemap; ``-M latexpdf`` makes
each letter a PDF of its own, ``<project>-letter-<page>.pdf`` (``cv_letter_pdfs``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import format_date
from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from cv_ext.common.i18n import _, language
from cv_ext.core.dates import parse_date
from cv_ext.core.ids import slug_or_digest
from cv_ext.nodes.elements import cv_body, cv_letter, cv_letter_date
from cv_ext.outputs.paper import sections
from cv_ext.reading.config import audiences
from cv_ext.reading.directives.letter import LETTER_KEY
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: how a page declares a letter, in MyST and in reStructuredText
LETTER_RE = re.compile(r"^\s*(?:[:`]{3,}\s*\{cover-letter\}|\.\.\s+cover-letter::)", re.MULTILINE)
#: a fenced code block of MyST: its fence, an info string that names no directive, its end
CODE_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?![ \t]*\{)[^\n]*\n.*?^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


def setup_letters(app: Sphinx) -> None:
    """Fill letters, keep their pages out of search engines and sitemaps, give each a PDF."""
    app.add_post_transform(FillLetter)
    # once the builder is known: finding the letters reads every source file, which only a
    # LaTeX build needs (and by then Sphinx has merged the parsers' suffixes, .md, in)
    app.connect("builder-inited", _letter_documents)
    # before sphinx-sitemap (500) collects the page's link
    app.connect("html-page-context", _private_page, priority=400)


class FillLetter(SphinxPostTransform):
    """Put the letterhead, addressee, date and subject around each letter's text."""

    default_priority = 5  # before references are resolved: the audience link resolves too

    def run(self, **kwargs: Any) -> None:
        """Fill every ``cv_letter`` not yet filled."""
        for node in list(self.document.findall(cv_letter)):
            if not node.get("filled"):
                self.fill(node)

    def fill(self, node: cv_letter) -> None:
        """The letter, top to bottom: sender, addressee, date, subject, text, the CV."""
        node["filled"] = True
        domain = get_domain(self.env)
        person = next(iter(domain.views().declared.of_kind("person")), None)
        head: list[nodes.Node] = sections.header(person) if person is not None else []
        if person is not None:
            node["pdfauthor"] = person.title
        node["pdftitle"] = node["subject"]
        if node["to"]:
            to = nodes.line_block(classes=["cv-letter-to"])
            to += [nodes.line(line, line) for line in node["to"]]
            head.append(to)
        if node["date"]:
            date = parse_date(node["date"])
            day = dt.date(date.year, date.month or 1, date.day or 1)
            text = format_date(day, "long", locale=language() or "en")
            head.append(cv_letter_date(text, text, classes=["cv-letter-date"]))
        subject = nodes.paragraph(classes=["cv-letter-subject"])
        subject += nodes.strong(node["subject"], node["subject"])
        head.append(subject)
        body = [child for child in node.children if isinstance(child, cv_body)]
        node.children = []
        node += [*head, *body, *self.audience_link(node["audience"])]

    def audience_link(self, name: str) -> list[nodes.Node]:
        """A paragraph linking the CV tailored to *name*, or nothing."""
        audience = audiences(self.config).get(name)
        pages = sorted(
            page
            for page, kinds in get_domain(self.env).aggregates.items()
            if f"audience:{name}" in kinds
        )
        if audience is None or not pages:
            return []
        para = nodes.paragraph(classes=["cv-letter-cv"])
        label = _("My CV for %(audience)s") % {"audience": audience.title}
        if _builder_format(self.env) == "html":
            xref = addnodes.pending_xref(
                "", refdomain="std", reftype="doc", reftarget=f"/{pages[0]}", refexplicit=True
            )
            xref += nodes.inline(label, label)
            para += xref
        elif base := self.config.html_baseurl:
            # on paper the site's pages are not part of the PDF: the public address, if any
            suffix = self.config.html_file_suffix or ".html"
            para += nodes.reference(label, label, refuri=f"{base}{pages[0]}{suffix}")
        else:
            para += nodes.Text(label)
        return [para]


def letter_pages(srcdir: Path, suffixes: list[str]) -> list[str]:
    """The docnames of the pages under *srcdir* that hold a ``cover-letter``, sorted."""
    found = []
    for path in sorted(srcdir.rglob("*")):
        parts = path.relative_to(srcdir).parts
        if path.suffix not in suffixes or any(p.startswith(("_", ".")) for p in parts[:-1]):
            continue
        text = path.read_text(encoding="utf8", errors="replace")
        # a cover letter shown as code (say, in documentation) makes no letter
        if LETTER_RE.search(CODE_RE.sub("", text)):
            found.append(path.relative_to(srcdir).with_suffix("").as_posix())
    return found


def _letter_documents(app: Sphinx) -> None:
    """One LaTeX document per letter, unless ``conf.py`` names it already."""
    config = app.config
    if not config.cv_letter_pdfs or app.builder.format != "latex":
        return
    named = {document[0] for document in config.latex_documents}
    project = slug_or_digest(config.project or "cv", "cv")
    for docname in letter_pages(Path(app.srcdir), list(config.source_suffix)):
        if docname not in named:
            target = f"{project}-letter-{slug_or_digest(docname.replace('/', '-'), 'letter')}.tex"
            author = config.author or config.project
            config.latex_documents = [
                *config.latex_documents,
                (docname, target, config.project, author, "howto"),
            ]


def _private_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """A letter's page: ``noindex`` for search engines, and no line in the sitemap."""
    if not app.env.metadata.get(pagename, {}).get(LETTER_KEY):
        return
    context["metatags"] = context.get("metatags", "") + '\n<meta name="robots" content="noindex">'
    if hasattr(app.config, "sitemap_excludes"):
        links = [f"{pagename}{app.config.html_file_suffix or '.html'}", f"{pagename}/"]
        app.config.sitemap_excludes = [*app.config.sitemap_excludes, *links]


def _builder_format(env: BuildEnvironment) -> str:
    """The format of the build's builder while pages are read (Sphinx 8.2 to 9)."""
    # Sphinx 9 keeps the builder's class on the environment, as its own transforms read
    # it; Sphinx 8 has only the application there, which Sphinx 9 deprecates
    builder_cls = getattr(env, "_builder_cls", None)
    if builder_cls is not None:
        return str(builder_cls.format)
    return str(env.app.builder.format)
