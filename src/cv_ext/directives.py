"""The directives: thin translations of options into a model record and a node.

Options are read as plain text and validated here rather than by docutils
converters, so that a bad value becomes a located, suppressible ``cv.<subtype>``
warning while the rest of the entry still renders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from cv_ext import render
from cv_ext._logging import CvSubtype, log_warning
from cv_ext.config import today
from cv_ext.domain import get_domain
from cv_ext.model import (
    KINDS,
    Achievement,
    Entry,
    Metric,
    ParseError,
    Period,
    make_period,
    parse_date,
    parse_metric,
    parse_period,
    parse_tags,
    parse_url,
    slugify,
)
from cv_ext.nodes import cv_achievement, cv_entry, cv_heading, cv_overview, cv_results

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

logger = logging.getLogger(__name__)


class CVDirective(SphinxDirective):
    """Shared option handling: every problem is a located ``cv.<subtype>`` warning."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def warn(self, message: str, subtype: CvSubtype) -> None:
        """Warn at this directive's file and line."""
        log_warning(logger, f"{self.name}: {message}", subtype, location=self.get_location())

    def text(self, option: str, *, required: bool = False) -> str:
        """A one-line text option, whitespace collapsed."""
        value = " ".join(str(self.options.get(option) or "").split())
        if required and not value:
            self.warn(f"the :{option}: option is required", "option")
        return value

    def title(self) -> str:
        """The directive argument, or a warning and a placeholder."""
        value = " ".join(self.arguments[0].split()) if self.arguments else ""
        if not value:
            self.warn("a title is required (the text after the directive name)", "title")
        return value

    def url(self, option: str = "url") -> str:
        """An http(s) URL option; anything else is refused and dropped."""
        value = self.text(option)
        if not value:
            return ""
        try:
            return parse_url(value)
        except ParseError as error:
            self.warn(f":{option}: {error}", "url")
            return ""

    def object_id(self, *fallback: str) -> str:
        """The ``:name:`` option, else a slug of *fallback*."""
        name = self.text("name")
        try:
            return slugify(name) if name else slugify(" ".join(part for part in fallback if part))
        except ParseError as error:
            self.warn(str(error), "option")
            return ""

    def anchor(self, object_id: str, prefix: str) -> str:
        """The HTML id: the object id itself unless the page already uses it."""
        if object_id and object_id not in self.state.document.ids:
            return object_id
        return make_id(self.env, self.state.document, prefix, object_id or prefix)

    def heading(self, title: str) -> cv_heading:
        """The entry's heading."""
        return cv_heading(title, title)

    def body(self) -> list[nodes.Node]:
        """The content, parsed as ordinary MyST or reStructuredText."""
        return self.parse_content_to_nodes() if self.content else []


class TimelineDirective(CVDirective):
    """One dated career entry: a job, a degree or a volunteer role.

    .. code-block:: md

       :::{timeline} Software Engineer
       :org: Mozilla
       :start: 2024-06
       :end: 2024-11
       :::
    """

    option_spec: ClassVar[OptionSpec] = {
        "org": directives.unchanged,
        "start": directives.unchanged,
        "end": directives.unchanged,
        "period": directives.unchanged,
        "kind": directives.unchanged,
        "location": directives.unchanged,
        "url": directives.unchanged,
        "tags": directives.unchanged,
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def period(self) -> Period | None:
        """``:period:``, or ``:start:``/``:end:``; None (with a warning) if invalid."""
        try:
            if "period" in self.options:
                if "start" in self.options or "end" in self.options:
                    self.warn(
                        ":period: replaces :start: and :end:; give one or the other", "option"
                    )
                return parse_period(self.text("period"))
            if not self.text("start"):
                self.warn("the :start: option (or :period:) is required", "option")
                return None
            return make_period(self.text("start"), self.text("end"))
        except ParseError as error:
            self.warn(str(error), "date" if "invalid date" in str(error) else "period")
            return None

    def kind(self) -> str:
        """``:kind:``, one of :data:`~cv_ext.model.KINDS`; ``work`` by default."""
        kind = self.text("kind").lower() or "work"
        if kind not in KINDS:
            self.warn(f"unknown :kind: {kind!r}, expected one of {', '.join(KINDS)}", "kind")
            return "work"
        return kind

    def run(self) -> list[nodes.Node]:
        """Record the entry in the domain and render it."""
        title, org, period = self.title(), self.text("org", required=True), self.period()
        start = period.start.iso() if period else self.text("start")
        entry_id = self.object_id(org or title, start)
        kind = self.kind()
        anchor = self.anchor(entry_id, "cv-entry")
        entry = Entry(
            id=entry_id,
            title=title,
            org=org,
            period=period,
            kind=kind,
            location=self.text("location"),
            url=self.url(),
            tags=parse_tags(self.text("tags")),
            docname=self.env.docname,
            anchor=anchor,
            lineno=self.lineno,
        )
        if entry_id:
            get_domain(self.env).note("entry", entry)
        get_domain(self.env).note_aggregate(self.env.docname)

        node = cv_entry(
            ids=[anchor], classes=["cv-entry", f"cv-kind-{kind}", *self.options.get("class", [])]
        )
        self.set_source_info(node)
        node += self.heading(title or org)
        where = nodes.paragraph(classes=["cv-org"])
        where += render.link(org, entry.url)
        if entry.location:
            where += [nodes.Text(render.SEPARATOR), nodes.inline(entry.location, entry.location)]
        node += where
        if period is not None:
            when = nodes.paragraph(classes=["cv-when"])
            when += render.period_nodes(period, today(self.config))
            node += when
        node += render.tag_nodes(entry.tags)
        node += self.body()
        node += cv_results(entry=entry_id)
        return [node]


class AchievementDirective(CVDirective):
    """A dated, possibly measured result, optionally tied to a timeline entry.

    .. code-block:: md

       :::{achievement} Receive window auto-tuning
       :date: 2023-11-23
       :metric: peak throughput: 30 Mbit/s -> 1.3 Gbit/s
       :entry: protocol-labs
       :::
    """

    option_spec: ClassVar[OptionSpec] = {
        "date": directives.unchanged,
        "metric": directives.unchanged,
        "entry": directives.unchanged,
        "url": directives.unchanged,
        "tags": directives.unchanged,
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def metrics(self) -> tuple[Metric, ...]:
        """Every valid line of ``:metric:``; a warning for each invalid one."""
        result = []
        for line in str(self.options.get("metric") or "").splitlines():
            if not line.strip():
                continue
            try:
                result.append(parse_metric(line))
            except ParseError as error:
                self.warn(str(error), "metric")
        return tuple(result)

    def run(self) -> list[nodes.Node]:
        """Record the achievement in the domain and render it."""
        title = self.title()
        date = None
        if raw_date := self.text("date", required=True):
            try:
                date = parse_date(raw_date)
            except ParseError as error:
                self.warn(str(error), "date")
        achievement_id = self.object_id(title)
        anchor = self.anchor(achievement_id, "cv-achievement")
        entry_ref = self.text("entry")
        achievement = Achievement(
            id=achievement_id,
            title=title,
            date=date,
            metrics=self.metrics(),
            entry=entry_ref,
            url=self.url(),
            tags=parse_tags(self.text("tags")),
            docname=self.env.docname,
            anchor=anchor,
            lineno=self.lineno,
        )
        if achievement_id:
            get_domain(self.env).note("achievement", achievement)

        node = cv_achievement(
            ids=[anchor], classes=["cv-achievement", *self.options.get("class", [])]
        )
        self.set_source_info(node)
        node += self.heading(title or "Untitled achievement")
        meta = nodes.paragraph(classes=["cv-when"])
        if date is not None:
            meta += render.date_node(date)
        if entry_ref:
            if len(meta):
                meta += nodes.Text(render.SEPARATOR)
            xref = addnodes.pending_xref(
                entry_ref,
                refdomain="cv",
                reftype="entry",
                reftarget=entry_ref,
                refexplicit=False,
                refwarn=True,
            )
            self.set_source_info(xref)
            xref += nodes.inline(entry_ref, entry_ref)
            meta += xref
        if achievement.url:
            if len(meta):
                meta += nodes.Text(render.SEPARATOR)
            meta += render.link(render.url_label(achievement.url), achievement.url)
        if len(meta):
            node += meta
        node += [render.metric_node(metric) for metric in achievement.metrics]
        node += render.tag_nodes(achievement.tags)
        node += self.body()
        return [node]


class CareerOverviewDirective(SphinxDirective):
    """The whole career at a glance, gathered from every ``timeline`` entry of the site.

    .. code-block:: md

       :::{career-overview}
       :kinds: work, education
       :group: kind
       :::
    """

    has_content = False
    option_spec: ClassVar[OptionSpec] = {
        "kinds": directives.unchanged,
        "group": lambda argument: directives.choice(argument, ("kind", "none")),
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        """A placeholder, filled from the domain once every page is read."""
        kinds = parse_tags(self.options.get("kinds") or "")
        for kind in kinds:
            if kind not in KINDS:
                log_warning(
                    logger,
                    f"career-overview: unknown kind {kind!r} in :kinds:, "
                    f"expected {', '.join(KINDS)}",
                    "kind",
                    location=self.get_location(),
                )
        node = cv_overview(
            kinds=[kind for kind in kinds if kind in KINDS] or list(KINDS),
            group=self.options.get("group", "kind"),
            classes=self.options.get("class", []),
        )
        self.set_source_info(node)
        get_domain(self.env).note_aggregate(self.env.docname)
        return [node]
