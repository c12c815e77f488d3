"""``talk``: a talk at an event, linked to the projects it presents."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from cv_ext.common.i18n import _
from cv_ext.core.dates import Date, Span, parse_date
from cv_ext.core.errors import ParseError
from cv_ext.core.records import Talk
from cv_ext.core.values import display_list
from cv_ext.nodes import render
from cv_ext.nodes.elements import (
    cv_heading,
    cv_talk,
)
from cv_ext.reading.directives.base import TEXT, CVDirective
from cv_ext.reading.directives.options import CLASSES

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec


class TalkDirective(CVDirective):
    """A talk at an event, linked to the projects it presents.

    .. code-block:: md

       :::{talk} Hole punching in the wild
       :date: 2023-02-05
       :event: FOSDEM 2023
       :projects: hole-punching
       :::
    """

    objtype = "talk"
    translatable = frozenset({"event", "roles"})
    option_spec: ClassVar[OptionSpec] = dict.fromkeys(
        (
            "date",
            "event",
            "event-url",
            "video",
            "slides",
            "projects",
            "with",
            "entry",
            "tags",
            "name",
            "end",
            "roles",
            "aliases",  # old ids and pages: links to them keep working
            "extra",
        ),
        TEXT,
    ) | {"class": CLASSES}

    def end(self, start: Date | None) -> Date | None:
        """``:end:``, the last day of a talk over several days; None if absent or invalid."""
        if not (raw := self.text("end")):
            return None
        try:
            end = parse_date(raw)
            if start is not None:
                Span(start, end)  # checks the order
        except ParseError as error:
            self.warn(str(error), "date" if "invalid date" in str(error) else "period")
            return None
        return end

    def run(self) -> list[nodes.Node]:
        """Record the talk in the domain and render it."""
        # an event that was not recorded is left out, never named "unknown"
        title, date, event = self.title(), self.date(), self.text("event")
        talk_id = self.object_id(event, title)
        anchor = self.anchor(talk_id)
        body, summary, highlights = self.body()
        talk = Talk(
            id=talk_id,
            title=title,
            date=date,
            event=event,
            event_url=self.url("event-url"),
            video=self.url("video"),
            slides=self.url("slides"),
            projects=self.items("projects"),
            speakers=self.items("with"),
            entry=self.text("entry"),
            tags=self.items("tags"),
            summary=summary,
            end=self.end(date),
            roles=self.items("roles"),
            highlights=highlights,
            extra=self.extra(),
            **self.where(anchor),
        )
        self.note(talk)

        node = self.container(cv_talk, talk_id, anchor)
        heading = title or _("Untitled talk")
        node += cv_heading(heading, heading)
        speakers = display_list(talk.speakers)
        with_speakers = _("with %(speakers)s") % {"speakers": speakers}
        node += self.joined(
            [
                [render.date_node(date)]
                + ([nodes.Text(" – "), render.date_node(talk.end)] if talk.end else [])
                if date
                else [],
                [render.link(event, talk.event_url)] if event else [],
                [nodes.inline(display_list(talk.roles), display_list(talk.roles))]
                if talk.roles
                else [],
                [nodes.inline(with_speakers, with_speakers)] if speakers else [],
            ],
            ["cv-when"],
        )
        links = [
            [render.link(label, url)]
            for label, url in ((_("Video"), talk.video), (_("Slides"), talk.slides))
            if url
        ]
        node += self.joined(links, ["cv-links"])
        presents: list[nodes.Node] = []
        for index, project in enumerate(talk.projects):
            presents += [nodes.Text(", ")] if index else []
            presents.append(self.xref("project", project))
        if presents:
            node += self.joined(
                [[nodes.inline(_("Presents: "), _("Presents: ")), *presents]], ["cv-presents"]
            )
        if talk.entry:
            node += self.joined(
                [[nodes.inline(_("Given as "), _("Given as ")), self.xref("entry", talk.entry)]],
                ["cv-role"],
            )
        return [self.finish(node, talk.tags, body, talk_id)]
