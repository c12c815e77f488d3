"""``timeline``: one dated career entry, a job, a degree or a volunteer role."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from cv_ext.common.i18n import _
from cv_ext.core.records import KINDS, Entry
from cv_ext.nodes import render
from cv_ext.nodes.elements import (
    cv_entry,
)
from cv_ext.reading.config import today
from cv_ext.reading.directives.base import TEXT, CVDirective
from cv_ext.reading.directives.options import CLASSES

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec


class TimelineDirective(CVDirective):
    """One dated career entry: a job, a degree or a volunteer role.

    .. code-block:: md

       :::{timeline} Software Engineer
       :org: Mozilla
       :start: 2024-06
       :end: 2024-11
       :::
    """

    objtype = "entry"
    translatable = frozenset({"org", "location", "description", "area", "study-type"})
    option_spec: ClassVar[OptionSpec] = dict.fromkeys(
        (
            "org",
            "start",
            "end",
            "period",
            "kind",
            "employer",
            "location",
            "url",
            "tags",
            "name",
            "description",
            "area",
            "study-type",
            "score",
            "extra",
        ),
        TEXT,
    ) | {"class": CLASSES, "undated": TEXT, "untitled": TEXT}

    def kind(self) -> str:
        """``:kind:``, one of :data:`~cv_ext.core.records.KINDS`; ``work`` by default."""
        kind = self.text("kind").lower() or "work"
        if kind not in KINDS:
            self.warn(f"unknown :kind: {kind!r}, expected one of {', '.join(KINDS)}", "kind")
            return "work"
        return kind

    def employer(self) -> bool:
        """``:employer:`` ``yes`` (default) or ``no``: whether :org: employed the person."""
        value = self.text("employer").lower() or "yes"
        if value not in {"yes", "no"}:
            self.warn(f"unknown :employer: {value!r}, expected yes or no", "option")
        return value != "no"

    def run(self) -> list[nodes.Node]:
        """Record the entry in the domain and render it."""
        if (self.options.get("undated") or "").strip():
            self.warn(":undated: takes no value; the entry is undated", "option")
        kind = self.kind()
        # a freelance job, a volunteer role or a school may stand without an organisation,
        # and the organisation can stand in for a missing position; an entry a resume gives
        # without either says so with :untitled:
        org = self.text("org")
        # an undated entry (JSON Resume allows one) is shown, but not on the timeline
        title, period = (
            self.title(required=not org and "untitled" not in self.options),
            self.period(required="undated" not in self.options),
        )
        entry_id = self.object_id(
            org or title, period.start.iso() if period else self.text("start")
        )
        anchor = self.anchor(entry_id)
        body, summary, highlights = self.body()
        entry = Entry(
            id=entry_id,
            title=title,
            org=org,
            period=period,
            kind=kind,
            employer=self.employer(),
            location=self.text("location"),
            url=self.url(),
            tags=self.items("tags", tags=True),
            description=self.text("description"),
            summary=summary,
            highlights=highlights,
            area=self.text("area"),
            study_type=self.text("study-type"),
            score=self.text("score"),
            extra=self.extra(),
            **self.where(anchor),
        )
        self.note(entry)

        current = period is not None and render.is_current(period, today(self.config))
        node = self.container(
            cv_entry,
            entry_id,
            anchor,
            f"cv-kind-{entry.kind}",
            *(["cv-current"] if current else []),
        )
        node += render.entry_head(entry, today(self.config))
        if entry.description:
            node += nodes.paragraph(
                entry.description, entry.description, classes=["cv-description"]
            )
        if entry.score:
            score = _("Score: %(score)s") % {"score": entry.score}
            node += nodes.paragraph(score, score, classes=["cv-score"])
        return [self.finish(node, entry.tags, body, entry_id)]
