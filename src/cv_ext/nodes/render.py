"""Model objects to doctree nodes: the one place that decides how CV data reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from cv_ext.common.i18n import N_, _, date_text, duration_text
from cv_ext.core.dates import Date
from cv_ext.core.records import Entry
from cv_ext.nodes.elements import cv_date, cv_heading, cv_metric

if TYPE_CHECKING:
    from collections.abc import Iterable

    from cv_ext.core.dates import Period, Span
    from cv_ext.core.metrics import Metric
    from cv_ext.core.records import Record

SEPARATOR = " · "

#: the class Sphinx's search index skips: for lists that repeat what other pages say
NOT_SEARCHED = "no-search"

#: the display name of each entry kind, translated when shown
KIND_LABELS = {"work": N_("Work"), "education": N_("Education"), "volunteering": N_("Volunteering")}


def date_node(date: Date) -> cv_date:
    """A ``<time>`` for *date*."""
    text = date_text(date)
    return cv_date(text, text, datetime=date.iso())


def span_nodes(span: Span) -> list[nodes.Node]:
    """``Jun 2024 – Nov 2024``, ``2017 – Present``, ``from 17 Aug 2018`` or a single date."""
    if span.open_ended:
        # the start alone, said as a start: no end is claimed, neither a day nor "Present"
        before, _mark, after = _("from %(date)s").partition("%(date)s")
        words = [nodes.Text(before)] if before else []
        return [*words, date_node(span.start), *([nodes.Text(after)] if after else [])]
    result: list[nodes.Node] = [date_node(span.start)]
    if span.end == "present":
        result += [nodes.Text(" – "), present_node()]
    elif isinstance(span.end, Date):
        result += [nodes.Text(" – "), date_node(span.end)]
    return result


def present_node() -> nodes.inline:
    """The open end of a span: "Present" in the build's language."""
    present = _("Present")
    return nodes.inline(present, present, classes=["cv-present"])


def period_nodes(period: Period, today: Date) -> list[nodes.Node]:
    """Every span of *period*, then its computed duration."""
    result: list[nodes.Node] = []
    for index, span in enumerate(period.spans):
        if index:
            result.append(nodes.Text(", "))
        result += span_nodes(span)
    if duration := duration_text(period, today):
        result += [
            nodes.Text(SEPARATOR),
            nodes.inline(duration, duration, classes=["cv-duration"]),
        ]
    return result


def is_current(period: Period, today: Date) -> bool:
    """Whether *period* runs on *today*: ongoing, or ending after it (a fixed-term role)."""
    last, now = period.spans[-1], today.sort_tuple()
    return last.start.sort_tuple() <= now <= last.end_date(today).sort_tuple(last=True)


def entry_head(entry: Entry, today: Date) -> nodes.container:
    """One line that scans: "Role · Organisation" on the left, dates and place on the right."""
    head = nodes.container(classes=["cv-entry-head"])
    heading = cv_heading()
    position = entry.title or entry.org
    heading += nodes.inline(position, position, classes=["cv-position"])
    if entry.title and entry.org:
        heading += nodes.inline(SEPARATOR, SEPARATOR, classes=["cv-at"])
        org = nodes.inline(classes=["cv-org"])
        org += link(entry.org, entry.url)
        heading += org
    head += heading
    when = nodes.paragraph(classes=["cv-when"])
    if entry.period is not None:
        when += period_nodes(entry.period, today)
        if is_current(entry.period, today):
            current = _("Current")
            when += [nodes.Text(" "), nodes.inline(current, current, classes=["cv-badge"])]
    if entry.location:
        if len(when):
            when += nodes.Text(SEPARATOR)
        when += nodes.inline(entry.location, entry.location, classes=["cv-location"])
    if len(when):
        head += when
    return head


def range_nodes(oldest: Period, newest: Period) -> list[nodes.Node]:
    """From the start of *oldest* to the end of *newest*: the time at one organisation."""
    last = newest.spans[-1]
    result: list[nodes.Node] = [date_node(oldest.start), nodes.Text(" – ")]
    if last.end == "present":
        return [*result, present_node()]
    return [*result, date_node(last.end if isinstance(last.end, Date) else last.start)]


def link(text: str, url: str) -> nodes.Element:
    """An external link, or plain text without a URL."""
    if not url:
        return nodes.inline(text, text)
    return nodes.reference(text, text, refuri=url, internal=False)


def url_label(url: str, limit: int = 40) -> str:
    """A short readable label for a URL: no scheme; long paths keep host and last segment."""
    label = url.split("://", 1)[-1].rstrip("/")
    host, _, path = label.partition("/")
    if len(label) <= limit or "/" not in path:
        return label
    return f"{host}/…/{path.rsplit('/', 1)[-1]}"


def tag_nodes(tags: Iterable[str]) -> list[nodes.Element]:
    """A paragraph of tags, each linking to the skills index where the site has one."""
    tags = list(tags)
    if not tags:
        return []
    para = nodes.paragraph(classes=["cv-tags"])
    label = _("Tags: ")
    para += nodes.inline(label, label, classes=["cv-label"])
    for index, tag in enumerate(tags):
        if index:
            para += nodes.Text(", ")
        xref = addnodes.pending_xref(
            tag, refdomain="cv", reftype="skill", reftarget=tag, refexplicit=True, cv_tag=True
        )
        xref += nodes.inline(tag, tag, classes=["cv-tag"])
        para += xref
    return [para]


def source_link(url: str) -> nodes.Element:
    """A link to a primary source, labelled by its short URL."""
    return link(url_label(url), url)


def field(name: str, body: list[nodes.Node]) -> nodes.field:
    """One ``name: body`` line of a field list."""
    para = nodes.paragraph()
    para += body
    # cv_ext's own label, translated by its catalog: not a message of the page
    label = nodes.field_name(name, name, translatable=False)
    return nodes.field("", label, nodes.field_body("", para))


def metric_node(metric: Metric) -> cv_metric:
    """A before/after bar pair beside its sentence, which alone carries the meaning."""
    larger = max(metric.factor, 1.0)
    node = cv_metric(before=1.0 / larger, after=metric.factor / larger)
    text = nodes.paragraph(classes=["cv-metric-text"])
    text += nodes.inline(metric.label, metric.label, classes=["cv-metric-label"])
    text += nodes.Text(": ")
    if metric.before:
        text += nodes.inline(metric.before, metric.before, classes=["cv-before"])
        text += nodes.Text(" → ")
    text += nodes.inline(metric.after, metric.after, classes=["cv-after"])
    if metric.before and (factor := metric.factor_text()):
        text += nodes.Text(" ")
        text += nodes.inline(f"({factor})", f"({factor})", classes=["cv-factor"])
    node += text
    return node


def kind_label(kind: str) -> str:
    """The display name of an entry kind."""
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind.title()


#: what a record that is not a timeline entry is, in a word
RECORD_LABELS = {
    "Achievement": N_("Achievement"),
    "Project": N_("Project"),
    "Talk": N_("Talk"),
    "Publication": N_("Publication"),
}


def record_label(record: Record) -> str:
    """What a record is, in a word: "Job", "Contribution", "Education", "Project", "Talk"."""
    if isinstance(record, Entry):
        if record.contribution:
            return _("Contribution")
        return _("Job") if record.kind == "work" else kind_label(record.kind)
    return _(RECORD_LABELS.get(type(record).__name__, type(record).__name__))
