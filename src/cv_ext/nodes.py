"""Doctree nodes of cv_ext and their visitors for every builder.

Block nodes render as semantic HTML (``<article>``, ``<ol>``, ``<time>``); every
other writer treats them as the standard docutils node they resemble, so text,
LaTeX, man and texinfo output stays readable without any colour or CSS.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator

    Visitor = Callable[[Any, Any], None]


class cv_entry(nodes.General, nodes.Element):  # noqa: N801
    """One timeline entry (job, degree, volunteer role), a marker on the visual line."""


class cv_achievement(nodes.General, nodes.Element):  # noqa: N801
    """One dated achievement."""


class cv_heading(nodes.paragraph):  # noqa: N801
    """The title line of an entry or achievement: a real heading in HTML."""


class cv_date(nodes.inline):  # noqa: N801
    """A date or period end, machine-readable in ``datetime``."""


class cv_metric(nodes.General, nodes.Element):  # noqa: N801
    """A before/after measurement; ``before`` and ``after`` are bar lengths (0-1)."""


class cv_timeline(nodes.General, nodes.Element):  # noqa: N801
    """An ordered, newest-first list of :class:`cv_item` (the career overview)."""


class cv_item(nodes.General, nodes.Element):  # noqa: N801
    """One compact line of a :class:`cv_timeline`."""


class cv_overview(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for the career overview, filled in at ``doctree-resolved``."""


class cv_project(nodes.General, nodes.Element):  # noqa: N801
    """The header of a project page: summary, dates, role, links, talks."""


class cv_talk(nodes.General, nodes.Element):  # noqa: N801
    """One talk."""


class cv_record(nodes.General, nodes.Element):  # noqa: N801
    """A simpler CV item: the person, a language, a skill, a publication, ..."""


class cv_export_link(nodes.Inline, nodes.Element):  # noqa: N801
    """Placeholder for a link to the JSON Resume export, on web builds only."""


class cv_backlinks(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for "Referenced from" of one object, filled in at ``doctree-resolved``."""


class cv_index(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for a projects, talks or skills index, filled in at ``doctree-resolved``."""


class cv_audience(nodes.General, nodes.Element):  # noqa: N801
    """Placeholder for the CV tailored to an audience, filled in at ``doctree-resolved``."""


def _open(tag: str) -> Visitor:
    def visit(self: HTML5Translator, node: nodes.Element) -> None:
        self.body.append(self.starttag(node, tag, CLASS=" ".join(node.get("classes", []))))

    return visit


def _close(tag: str) -> Visitor:
    def depart(self: HTML5Translator, node: nodes.Element) -> None:
        self.body.append(f"</{tag}>\n")

    return depart


def visit_heading_html(self: HTML5Translator, node: cv_heading) -> None:
    # one level below the enclosing section, so screen readers get a sane outline
    level = min(self.section_level + 1, 6)
    self.body.append(self.starttag(node, f"h{level}", "", CLASS="cv-heading"))


def depart_heading_html(self: HTML5Translator, node: cv_heading) -> None:
    level = min(self.section_level + 1, 6)
    self.body.append(f"</h{level}>\n")


def visit_date_html(self: HTML5Translator, node: cv_date) -> None:
    self.body.append(f'<time datetime="{escape(node["datetime"])}">')


def depart_date_html(self: HTML5Translator, node: cv_date) -> None:
    self.body.append("</time>")


def visit_metric_html(self: HTML5Translator, node: cv_metric) -> None:
    self.body.append(self.starttag(node, "div", CLASS="cv-metric"))
    # the bars repeat the sentence beside them, so assistive tech skips them
    bars = "".join(
        f'<span class="cv-bar cv-bar-{which}" style="width:{max(node[which], 0.02):.1%}"></span>'
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
    app: Sphinx, node: type[nodes.Element], html: tuple[Visitor, Visitor | None], base: str
) -> None:
    like = _like(base)
    app.add_node(node, html=html, latex=like, text=like, man=like, texinfo=like)


def setup_nodes(app: Sphinx) -> None:
    """Register every node with visitors for html, latex, text, man and texinfo."""
    _register(app, cv_entry, (_open("article"), _close("article")), "container")
    _register(app, cv_achievement, (_open("article"), _close("article")), "container")
    _register(app, cv_talk, (_open("article"), _close("article")), "container")
    _register(app, cv_project, (_open("div"), _close("div")), "container")
    _register(app, cv_record, (_open("div"), _close("div")), "container")
    _register(app, cv_timeline, (_open("ol"), _close("ol")), "container")
    _register(app, cv_item, (_open("li"), _close("li")), "container")
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
    for placeholder in (cv_overview, cv_backlinks, cv_index, cv_export_link, cv_audience):
        dropped = (skip, None)
        app.add_node(
            placeholder, html=dropped, latex=dropped, text=dropped, man=dropped, texinfo=dropped
        )
