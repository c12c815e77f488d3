"""``achievement``: a dated, possibly measured result."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from cv_ext.common.i18n import _
from cv_ext.core.errors import ParseError
from cv_ext.core.metrics import Metric, parse_metric
from cv_ext.core.records import Achievement
from cv_ext.nodes import render
from cv_ext.nodes.elements import (
    cv_achievement,
    cv_heading,
)
from cv_ext.reading.directives.base import TEXT, CVDirective
from cv_ext.reading.directives.options import CLASSES

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec


class AchievementDirective(CVDirective):
    """A dated, possibly measured result, optionally tied to an entry and a project.

    .. code-block:: md

       :::{achievement} Receive window auto-tuning
       :date: 2023-11-23
       :metric: peak throughput: 30 Mbit/s -> 1.3 Gbit/s
       :entry: protocol-labs
       :::
    """

    objtype = "achievement"
    translatable = frozenset({"awarder"})
    option_spec: ClassVar[OptionSpec] = dict.fromkeys(
        ("date", "metric", "entry", "project", "url", "tags", "name", "awarder"), TEXT
    ) | {"class": CLASSES}

    def metrics(self) -> tuple[Metric, ...]:
        """Every valid line of ``:metric:``; a warning for each invalid one."""
        result = []
        for line in str(self.options.get("metric") or "").splitlines():
            if not line.strip():
                continue
            try:
                result.append(parse_metric(self.translate(" ".join(line.split()))))
            except ParseError as error:
                self.warn(str(error), "metric")
        return tuple(result)

    def project_link(self, achievement: Achievement) -> nodes.Node:
        """A link to the achievement's project; "Project page" where the project has the
        achievement's own title (the line would otherwise repeat it)."""
        xref = self.xref("project", achievement.project)
        xref["cv_unless_titled"] = achievement.title
        return xref

    def run(self) -> list[nodes.Node]:
        """Record the achievement in the domain and render it."""
        title, date = self.title(), self.date()
        achievement_id = self.object_id(title)
        anchor = self.anchor(achievement_id)
        body, summary, _highlights = self.body()
        achievement = Achievement(
            id=achievement_id,
            title=title,
            date=date,
            metrics=self.metrics(),
            entry=self.text("entry"),
            project=self.text("project"),
            url=self.url(),
            tags=self.items("tags", tags=True),
            awarder=self.text("awarder"),
            summary=summary,
            **self.where(anchor),
        )
        self.note(achievement)

        node = self.container(cv_achievement, achievement_id, anchor)
        heading = title or _("Untitled achievement")
        node += cv_heading(heading, heading)
        node += self.joined(
            [
                [render.date_node(date)] if date else [],
                [nodes.inline(achievement.awarder, achievement.awarder)]
                if achievement.awarder
                else [],
                [self.xref("entry", achievement.entry)] if achievement.entry else [],
                [self.project_link(achievement)] if achievement.project else [],
                [render.source_link(achievement.url)] if achievement.url else [],
            ],
            ["cv-when"],
        )
        node += [render.metric_node(metric) for metric in achievement.metrics]
        return [self.finish(node, achievement.tags, body, achievement_id)]
