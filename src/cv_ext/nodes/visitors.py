"""The visitors of cv_ext's nodes for every builder: html, latex, text, man and texinfo.

Block nodes render as semantic HTML (``<article>``, ``<ol>``, ``<time>``); every
other writer treats them as the standard docutils node they resemble, so text,
LaTeX, man and texinfo output stays readable without any colour or CSS.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes

from cv_ext.common.i18n import _
from cv_ext.nodes.elements import (
    cv_achievement,
    cv_audience,
    cv_backlinks,
    cv_body,
    cv_date,
    cv_details,
    cv_entry,
    cv_export_link,
    cv_heading,
    cv_index,
    cv_item,
    cv_letter,
    cv_letter_date,
    cv_messages,
    cv_metric,
    cv_overview,
    cv_paper,
    cv_paper_at,
    cv_paper_entry,
    cv_paper_head,
    cv_paper_header,
    cv_paper_name,
    cv_paper_photo,
    cv_paper_sep,
    cv_paper_when,
    cv_photo,
    cv_project,
    cv_publication,
    cv_record,
    cv_summary,
    cv_talk,
    cv_timeline,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

    Visitor = Callable[[Any, Any], None]


def _open(tag: str, suffix: str = "\n") -> Visitor:
    def visit(self: HTML5Translator, node: nodes.Element) -> None:
        classes = " ".join(node.get("classes", []))
        self.body.append(self.starttag(node, tag, suffix, CLASS=classes))

    return visit


def _latex(before: str, after: str) -> tuple[Visitor, Visitor]:
    """Visit and depart by writing fixed LaTeX around the node's children."""

    def visit(self: LaTeXTranslator, node: nodes.Element) -> None:
        self.body.append(before)

    def depart(self: LaTeXTranslator, node: nodes.Element) -> None:
        self.body.append(after)

    return visit, depart


def _close(tag: str, suffix: str = "\n") -> Visitor:
    def depart(self: HTML5Translator, node: nodes.Element) -> None:
        self.body.append(f"</{tag}>{suffix}")

    return depart


def visit_heading_html(self: HTML5Translator, node: cv_heading) -> None:
    # one level below the enclosing section, so screen readers get a sane outline
    level = min(self.section_level + 1, 6)
    self.body.append(self.starttag(node, f"h{level}", "", CLASS="cv-heading"))


def depart_heading_html(self: HTML5Translator, node: cv_heading) -> None:
    level = min(self.section_level + 1, 6)
    self.body.append(f"</h{level}>\n")


def visit_details_html(self: HTML5Translator, node: cv_details) -> None:
    tag = self.starttag(node, "details", CLASS=" ".join(node["classes"]))
    # a boolean attribute: present (open at first) or absent
    self.body.append(tag.replace("<details ", "<details open ", 1) if node.get("open") else tag)


def visit_date_html(self: HTML5Translator, node: cv_date) -> None:
    self.body.append(f'<time datetime="{escape(node["datetime"])}">')


def depart_date_html(self: HTML5Translator, node: cv_date) -> None:
    self.body.append("</time>")


def visit_metric_html(self: HTML5Translator, node: cv_metric) -> None:
    self.body.append(self.starttag(node, "div", CLASS="cv-metric"))
    # the bars repeat the sentence beside them, so assistive tech skips them
    labels = {"before": escape(_("before")), "after": escape(_("after"))}
    bars = "".join(
        f'<span class="cv-bar-label">{labels[which]}</span><span class="cv-bar-track">'
        f'<span class="cv-bar cv-bar-{which}" style="width:{max(node[which], 0.02):.1%}"></span>'
        "</span>"
        for which in ("before", "after")
    )
    self.body.append(f'<span class="cv-bars" aria-hidden="true">{bars}</span>')


def visit_metric_latex(self: LaTeXTranslator, node: cv_metric) -> None:
    # the same two bars as on screen, as rules: grey before, black after
    bars = (
        rf"\textcolor{{gray}}{{\rule{{{max(node['before'], 0.02) * 0.3:.3f}\linewidth}}{{0.6ex}}}}"
        rf"\newline\rule{{{max(node['after'], 0.02) * 0.3:.3f}\linewidth}}{{0.6ex}}"
    )
    self.body.append("\n\\par\\noindent " + bars + "\n")


def depart_metric_latex(self: LaTeXTranslator, node: cv_metric) -> None:
    self.body.append("\n")


def visit_paper_latex(self: LaTeXTranslator, node: nodes.Element) -> None:
    # document metadata for PDF readers and applicant-tracking systems
    meta = ",".join(
        f"{key}={{{self.encode(node[key])}}}"
        for key in ("pdftitle", "pdfauthor", "pdfsubject", "pdfkeywords")
        if node.get(key)
    )
    if meta:
        self.body.append(f"\n\\hypersetup{{{meta}}}\n")
    self.body.append("\n\\begin{cvpaper}\n")


def visit_letter_latex(self: LaTeXTranslator, node: cv_letter) -> None:
    # the letter's subject and sender for PDF readers, as the CV's title and author
    visit_paper_latex(self, node)
    self.body[-1] = "\n\\begin{cvletter}\n"


def visit_paper_entry_latex(self: LaTeXTranslator, node: cv_paper_entry) -> None:
    self.body.append("\n\\begin{cventry}")
    # each entry is a link target: the paper's own cross-references point here
    self.body.extend(self.hypertarget(node_id, anchor=True) for node_id in node["ids"])
    self.body.append("\n")


def depart_paper_head_latex(self: LaTeXTranslator, node: cv_paper_head) -> None:
    # \cvhead takes two arguments: a header line without dates gets an empty second
    dated = any(isinstance(child, cv_paper_when) for child in node.children)
    self.body.append("}\n" if dated else "}{}\n")


def visit_paper_when_text(self: Any, node: cv_paper_when) -> None:
    """A separator before the dates, where there is no right margin to align them to."""
    self.visit_Text(nodes.Text(" · "))


def visit_photo_html(self: HTML5Translator, node: cv_photo) -> None:
    """A photo at an https URL: an ``<img>`` with its alternative text."""
    self.body.append(
        f'<img class="cv-photo" src="{escape(node["uri"])}" alt="{escape(node["alt"])}">'
    )
    raise nodes.SkipNode


def visit_paper_photo_latex(self: LaTeXTranslator, node: cv_paper_photo) -> None:
    """The photo beside the name: the file LaTeX gets as Sphinx copied it."""
    path = self.builder.images.get(node["uri"], node["uri"])
    self.body.append(f"\n\\cvphoto{{{path}}}\n")
    raise nodes.SkipNode


def visit_transparent(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Render nothing of the node itself, only its children."""


def depart_transparent(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Close nothing: :func:`visit_transparent` opened nothing."""


def skip(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Drop a node and its children (an unfilled placeholder)."""
    raise nodes.SkipNode


def _like(base: str) -> tuple[Visitor, Visitor]:
    """Visit and depart as the writer's own ``base`` node (container, paragraph, inline)."""

    def visit(self: Any, node: nodes.Element) -> None:
        getattr(self, f"visit_{base}")(node)

    def depart(self: Any, node: nodes.Element) -> None:
        getattr(self, f"depart_{base}")(node)

    return visit, depart


def _register(
    app: Sphinx,
    node: type[nodes.Element],
    html: tuple[Visitor, Visitor | None],
    base: str,
    latex: tuple[Visitor, Visitor] | None = None,
) -> None:
    """HTML as given; LaTeX as given or like *base*; text, man and texinfo like *base*."""
    like = _like(base)
    app.add_node(node, html=html, latex=latex or like, text=like, man=like, texinfo=like)


def setup_nodes(app: Sphinx) -> None:
    """Register every node with visitors for html, latex, text, man and texinfo."""
    _register(app, cv_entry, (_open("article"), _close("article")), "container")
    _register(app, cv_achievement, (_open("article"), _close("article")), "container")
    _register(app, cv_talk, (_open("article"), _close("article")), "container")
    _register(app, cv_publication, (_open("article"), _close("article")), "container")
    _register(app, cv_project, (_open("div"), _close("div")), "container")
    _register(app, cv_record, (_open("div"), _close("div")), "container")
    _register(app, cv_timeline, (_open("ol"), _close("ol")), "container")
    _register(app, cv_item, (_open("li"), _close("li")), "container")
    _register(app, cv_details, (visit_details_html, _close("details")), "container")
    _register(app, cv_summary, (_open("summary", ""), _close("summary")), "paragraph")
    like = _like("container")
    app.add_node(
        cv_metric,
        html=(visit_metric_html, _close("div")),
        latex=(visit_metric_latex, depart_metric_latex),
        text=like,
        man=like,
        texinfo=like,
    )
    _register(app, cv_heading, (visit_heading_html, depart_heading_html), "paragraph")
    _register(app, cv_date, (visit_date_html, depart_date_html), "inline")
    transparent = (visit_transparent, depart_transparent)
    app.add_node(
        cv_body,
        html=transparent,
        latex=transparent,
        text=transparent,
        man=transparent,
        texinfo=transparent,
    )
    _setup_paper_nodes(app)
    dropped = (skip, None)
    app.add_node(
        cv_photo,
        html=(visit_photo_html, None),
        latex=dropped,
        text=dropped,
        man=dropped,
        texinfo=dropped,
    )
    _register(
        app,
        cv_paper_header,
        (_open("div"), _close("div")),
        "container",
        _latex("\n\\begin{cvheader}\n", "\n\\end{cvheader}\n"),
    )
    image = _like("image")
    app.add_node(
        cv_paper_photo,
        html=image,
        latex=(visit_paper_photo_latex, None),
        text=dropped,
        man=dropped,
        texinfo=dropped,
    )
    for placeholder in (
        cv_overview,
        cv_backlinks,
        cv_index,
        cv_export_link,
        cv_messages,
        cv_audience,
    ):
        dropped = (skip, None)
        app.add_node(
            placeholder, html=dropped, latex=dropped, text=dropped, man=dropped, texinfo=dropped
        )


def _setup_paper_nodes(app: Sphinx) -> None:
    """The paper CV's nodes: LaTeX typesets them as a CV, other writers as plain text."""
    div = (_open("div"), _close("div"))
    paper_latex = (visit_paper_latex, _latex("", "\n\\end{cvpaper}\n")[1])
    _register(app, cv_paper, div, "container", paper_latex)
    entry_latex = (visit_paper_entry_latex, _latex("", "\n\\end{cventry}\n")[1])
    _register(app, cv_paper_entry, div, "container", entry_latex)
    head_latex = (_latex("\n\\cvhead{", "")[0], depart_paper_head_latex)
    _register(app, cv_paper_head, (_open("p"), _close("p")), "paragraph", head_latex)
    letter_latex = (visit_letter_latex, _latex("", "\n\\end{cvletter}\n")[1])
    _register(app, cv_letter, div, "container", letter_latex)
    date_latex = _latex("\n\\cvletterdate{", "}\n")
    _register(app, cv_letter_date, (_open("p"), _close("p")), "paragraph", date_latex)
    at_html = (_open("span", ""), _close("span", ""))
    at_text = (visit_paper_when_text, depart_transparent)
    app.add_node(
        cv_paper_at,
        html=at_html,
        latex=_latex("\\cvat{", "}"),
        text=at_text,
        man=at_text,
        texinfo=at_text,
    )
    sep_html = (_open("span", ""), _close("span", ""))
    _register(app, cv_paper_sep, sep_html, "inline", _latex("\\cvsep{", "}"))
    name_html = (_open("p", ""), _close("p"))
    _register(app, cv_paper_name, name_html, "paragraph", _latex("\n\\cvname{", "}\n"))
    # text, man and texinfo have no right margin to align the dates to: a separator instead
    text_when = (visit_paper_when_text, depart_transparent)
    app.add_node(
        cv_paper_when,
        html=(_open("span", ""), _close("span", "")),
        # the dates are \cvhead's second argument, at the right margin
        latex=_latex("}{", ""),
        text=text_when,
        man=text_when,
        texinfo=text_when,
    )
