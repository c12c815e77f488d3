"""The directives: thin translations of options into a model record and a node.

Options are read as plain text and validated here rather than by docutils
converters, so that a bad value becomes a located, suppressible ``cv.<subtype>``
warning while the rest of the object still renders.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from cv_ext import render
from cv_ext._logging import SUBTYPE_DOCS, CvSubtype, log_warning
from cv_ext.config import audiences, today
from cv_ext.domain import get_domain, search_anchor
from cv_ext.i18n import _, page_catalog
from cv_ext.model import (
    Date,
    Metric,
    ParseError,
    Period,
    Span,
    make_period,
    parse_date,
    parse_list,
    parse_metric,
    parse_period,
    parse_tags,
    parse_url,
    slug_or_digest,
    unique_id,
)
from cv_ext.nodes import (
    cv_achievement,
    cv_audience,
    cv_backlinks,
    cv_body,
    cv_entry,
    cv_heading,
    cv_index,
    cv_messages,
    cv_overview,
    cv_project,
    cv_talk,
)
from cv_ext.records import KINDS, Achievement, Entry, Project, Record, Talk

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.util.typing import OptionSpec

logger = logging.getLogger(__name__)

TEXT = directives.unchanged


class CVDirective(SphinxDirective):
    """Shared option handling: every problem is a located ``cv.<subtype>`` warning."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    #: the object type this directive declares
    objtype = ""
    #: options holding prose in the page's language: translated with the page (the title too)
    translatable: ClassVar[frozenset[str]] = frozenset()

    @property
    def messages(self) -> dict[str, str]:
        """Translated text -> the text as written, of every value translated so far."""
        return cast("dict[str, str]", self.__dict__.setdefault("_cv_messages", {}))

    def translate(self, text: str) -> str:
        """*text* from the page's message catalog, in the build's language.

        The value as written is kept for ``-b gettext`` (see :meth:`finish`) and for ids,
        which stay the same in every language so that references keep working.
        """
        if not text:
            return text
        catalog = page_catalog(self.env)
        translated = catalog.gettext(text) if catalog is not None else text
        self.messages.setdefault(translated, text)
        return translated

    def warn(self, message: str, subtype: CvSubtype) -> None:
        """Warn at this directive's file and line."""
        log_warning(logger, f"{self.name}: {message}", subtype, location=self.get_location())

    def text(self, option: str, *, required: bool = False) -> str:
        """A one-line text option, whitespace collapsed."""
        value = " ".join(str(self.options.get(option) or "").split())
        if required and not value:
            self.warn(f"the :{option}: option is required", "option")
        return self.translate(value) if option in self.translatable else value

    def title(self, *, required: bool = True) -> str:
        """The directive argument, or a warning."""
        value = " ".join(self.arguments[0].split()) if self.arguments else ""
        if required and not value:
            self.warn("a title is required (the text after the directive name)", "title")
        return self.translate(value)

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

    def date(self, option: str = "date") -> Date | None:
        """A required date option; None (with a warning) if missing or invalid."""
        if not (raw := self.text(option, required=True)):
            return None
        try:
            return parse_date(raw)
        except ParseError as error:
            self.warn(str(error), "date")
            return None

    def period(self, *, required: bool = True) -> Period | None:
        """``:period:``, or ``:start:``/``:end:``; None (with a warning) if invalid."""
        try:
            if "period" in self.options:
                if "start" in self.options or "end" in self.options:
                    self.warn(
                        ":period: replaces :start: and :end:; give one or the other", "option"
                    )
                return parse_period(self.text("period"))
            if not self.text("start"):
                if required:
                    self.warn("the :start: option (or :period:) is required", "option")
                return None
            return make_period(self.text("start"), self.text("end"))
        except ParseError as error:
            self.warn(str(error), "date" if "invalid date" in str(error) else "period")
            return None

    def object_id(self, *fallback: str) -> str:
        """The ``:name:`` option, else a slug of *fallback*; "" when there is nothing to go by.

        Text in other scripts is transliterated; text without letters or digits gets a
        stable digest of itself. A derived id already used on this page (two roles at one
        organisation starting the same month, one name twice, names differing in case)
        gets ``-2``, ``-3``, ... in document order: a document is always read whole by one
        process, so parallel and incremental builds give the same ids as a serial one.
        """
        explicit = self.text("name")
        # ids come from the text as written: the same in every language
        text = explicit or " ".join(self.messages.get(part, part) for part in fallback if part)
        if not text:
            return ""  # the missing title or option has been reported already
        base = slug_or_digest(text, self.objtype)
        # ids used on this page so far, per object type (temp_data lives for one document)
        per_type = cast("dict[str, set[str]]", self.env.temp_data.setdefault("cv_ids", {}))
        used = per_type.setdefault(self.objtype, set())
        object_id = base if explicit else unique_id(base, used)
        used.add(object_id)
        return object_id

    def where(self, anchor: str) -> dict[str, Any]:
        """The record fields that say where the object is declared."""
        return {"docname": self.env.docname, "anchor": anchor, "lineno": self.lineno}

    def anchor(self, object_id: str) -> str:
        """The HTML id: the object id itself unless the page already uses it."""
        if object_id and object_id not in self.state.document.ids:
            return object_id
        return make_id(self.env, self.state.document, f"cv-{self.objtype}", object_id or "")

    def xref(self, typ: str, target: str) -> addnodes.pending_xref:
        """A reference to another cv object, resolved (or warned about) once all is read."""
        xref = addnodes.pending_xref(
            target, refdomain="cv", reftype=typ, reftarget=target, refexplicit=False, refwarn=True
        )
        self.set_source_info(xref)
        xref += nodes.inline(target, target)
        return xref

    def container(
        self, node_class: type[nodes.Element], object_id: str, anchor: str, *classes: str
    ) -> nodes.Element:
        """The object's node, carrying its type and id for backlinks.

        Besides its anchor it gets the id the search index links to (see
        :func:`~cv_ext.domain.search_anchor`).
        """
        extra = search_anchor(self.objtype, object_id) if object_id else ""
        ids = [anchor] if anchor else []
        if extra and extra not in self.state.document.ids and extra != anchor:
            ids.append(extra)
        node = node_class(
            ids=ids,
            classes=[f"cv-{self.objtype}", *classes, *self.options.get("class", [])],
            cv_type=self.objtype,
            cv_id=object_id,
        )
        for node_id in ids:
            self.state.document.ids.setdefault(node_id, node)  # taken: make_id avoids them
        self.set_source_info(node)
        return node

    def note(self, record: Record) -> None:
        """Record the object in the domain; its page now shows aggregated data."""
        domain = get_domain(self.env)
        if record.id:
            domain.note(self.objtype, record)

    def body(self) -> tuple[list[nodes.Node], str, tuple[str, ...]]:
        """The content, parsed as ordinary MyST or reStructuredText, and its plain text.

        The text feeds the exports: top-level paragraphs are the summary, the items of
        bullet lists (nested ones too) are the highlights.
        """
        parsed = self.parse_content_to_nodes() if self.content else []
        return parsed, *plain_text(parsed)

    def finish(
        self, node: nodes.Element, tags: tuple[str, ...], body: list[nodes.Node], object_id: str
    ) -> nodes.Element:
        """Every object ends alike: its tags, its body, then where it is referenced from."""
        node += render.tag_nodes(tags)
        if body:
            node += cv_body("", *body)
        node += self.backlinks(object_id)
        node += self.message_nodes()
        return node

    def message_nodes(self) -> list[nodes.Node]:
        """The option values as written, for ``-b gettext`` to extract with file and line."""
        if not self.messages:
            return []
        messages = cv_messages(messages=list(dict.fromkeys(self.messages.values())))
        self.set_source_info(messages)
        return [messages]

    def backlinks(self, object_id: str) -> list[nodes.Node]:
        """A placeholder for the places that reference this object."""
        return [cv_backlinks(target_type=self.objtype, target=object_id)] if object_id else []

    def joined(self, parts: Sequence[Sequence[nodes.Node]], classes: list[str]) -> list[nodes.Node]:
        """A paragraph of the non-empty *parts*, separated by middle dots; or nothing."""
        parts = [part for part in parts if part]
        if not parts:
            return []
        para = nodes.paragraph(classes=classes)
        for index, part in enumerate(parts):
            if index:
                para += nodes.Text(render.SEPARATOR)
            para += part
        return [para]


def plain_text(parsed: list[nodes.Node]) -> tuple[str, tuple[str, ...]]:
    """(summary, highlights) of a parsed body: its paragraphs, and its list items."""
    paragraphs = [_squash(node.astext()) for node in parsed if isinstance(node, nodes.paragraph)]
    highlights = [
        _squash(item[0].astext())
        for node in parsed
        if isinstance(node, nodes.bullet_list | nodes.enumerated_list)
        for item in node.findall(nodes.list_item)
        if len(item) and isinstance(item[0], nodes.paragraph)
    ]
    return "\n\n".join(p for p in paragraphs if p), tuple(h for h in highlights if h)


def _squash(text: str) -> str:
    return " ".join(text.split())


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
        ),
        TEXT,
    ) | {"class": directives.class_option, "undated": directives.flag}

    def kind(self) -> str:
        """``:kind:``, one of :data:`~cv_ext.model.KINDS`; ``work`` by default."""
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
        kind = self.kind()
        # a volunteer role or a school may stand alone: nothing is shown or exported for it
        org = self.text("org", required=kind == "work")
        # the organisation can stand in for a missing position
        # an undated entry (JSON Resume allows one) is shown, but not on the timeline
        title, period = (
            self.title(required=not org),
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
            tags=parse_tags(self.text("tags")),
            description=self.text("description"),
            summary=summary,
            highlights=highlights,
            area=self.text("area"),
            study_type=self.text("study-type"),
            score=self.text("score"),
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
    ) | {"class": directives.class_option}

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
            tags=parse_tags(self.text("tags")),
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
                [self.xref("project", achievement.project)] if achievement.project else [],
                [render.source_link(achievement.url)] if achievement.url else [],
            ],
            ["cv-when"],
        )
        node += [render.metric_node(metric) for metric in achievement.metrics]
        return [self.finish(node, achievement.tags, body, achievement_id)]


class ProjectDirective(CVDirective):
    """A project, declared at the top of its own page; its id is the page's name.

    .. code-block:: md

       # Decentralized hole punching

       :::{project}
       :date: 2022-02-09
       :url: https://github.com/libp2p/rust-libp2p/pull/2438
       :entry: protocol-labs
       :summary: Hole punching for libp2p without central infrastructure.
       :::
    """

    objtype = "project"
    translatable = frozenset({"summary", "entity"})
    option_spec: ClassVar[OptionSpec] = dict.fromkeys(
        (
            "date",
            "start",
            "end",
            "url",
            "entry",
            "tags",
            "summary",
            "name",
            "roles",
            "entity",
            "type",
        ),
        TEXT,
    ) | {"class": directives.class_option}

    def project_period(self) -> Period | None:
        """``:date:`` for a day's work, or ``:start:``/``:end:`` for longer projects."""
        if "date" in self.options:
            if "start" in self.options:
                self.warn(":date: and :start: exclude each other; :date: is used", "option")
            date = self.date()
            return Period((Span(date),)) if date else None
        if "start" not in self.options:
            return None  # an undated project is shown without dates
        return self.period()

    def run(self) -> list[nodes.Node]:
        """Record the project in the domain and render its header."""
        # an empty title is taken from the page's heading once the page is read
        title = self.title(required=False)
        period = self.project_period()
        project_id = self.object_id(PurePosixPath(self.env.docname).name)
        anchor = self.anchor(project_id)
        body, _summary, highlights = self.body()
        project = Project(
            id=project_id,
            title=title,
            period=period,
            summary=self.text("summary"),
            url=self.url(),
            entry=self.text("entry"),
            # keywords as written: "Go" and "go" both stay (skills group them anyway)
            tags=parse_list(self.text("tags")),
            highlights=highlights,
            roles=parse_list(self.text("roles")),
            entity=self.text("entity"),
            type=self.text("type"),
            **self.where(anchor),
        )
        self.note(project)

        if project.summary:
            # the page's link preview (sphinxext-opengraph reads page metadata)
            self.env.metadata[self.env.docname]["og:description"] = project.summary
        node = self.container(cv_project, project_id, anchor)
        if title:
            node += cv_heading(title, title)
        if project.summary:
            node += nodes.paragraph(project.summary, project.summary, classes=["cv-summary"])
        fields = nodes.field_list(classes=["cv-facts"])
        if period is not None:
            fields += render.field(_("When"), render.period_nodes(period, today(self.config)))
        if project.entry:
            fields += render.field(_("Role"), [self.xref("entry", project.entry)])
        if project.roles:
            fields += render.field(_("Roles"), [nodes.Text(", ".join(project.roles))])
        if project.entity:
            fields += render.field(_("For"), [nodes.Text(project.entity)])
        if project.url:
            fields += render.field(_("Source"), [render.source_link(project.url)])
        if len(fields):
            node += fields
        return [self.finish(node, project.tags, body, project_id)]


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
        ),
        TEXT,
    ) | {"class": directives.class_option}

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
            projects=parse_list(self.text("projects")),
            speakers=parse_list(self.text("with")),
            entry=self.text("entry"),
            tags=parse_list(self.text("tags")),
            summary=summary,
            end=self.end(date),
            roles=parse_list(self.text("roles")),
            highlights=highlights,
            **self.where(anchor),
        )
        self.note(talk)

        node = self.container(cv_talk, talk_id, anchor)
        heading = title or _("Untitled talk")
        node += cv_heading(heading, heading)
        speakers = ", ".join(talk.speakers)
        with_speakers = _("with %(speakers)s") % {"speakers": speakers}
        node += self.joined(
            [
                [render.date_node(date)]
                + ([nodes.Text(" – "), render.date_node(talk.end)] if talk.end else [])
                if date
                else [],
                [render.link(event, talk.event_url)] if event else [],
                [nodes.inline(", ".join(talk.roles), ", ".join(talk.roles))] if talk.roles else [],
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
        "kinds": TEXT,
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
        get_domain(self.env).note_aggregate(self.env.docname, "overview")
        return [node]


class WarningsDirective(SphinxDirective):
    """The catalogue of cv_ext's warnings, generated from :data:`cv_ext._logging.SUBTYPE_DOCS`.

    .. code-block:: md

       :::{cv-warnings}
       :::
    """

    has_content = False

    def run(self) -> list[nodes.Node]:
        """A table: warning type, meaning, how to silence it."""
        table = nodes.table(classes=["cv-warnings"])
        group = nodes.tgroup(cols=3)
        table += group
        group += [nodes.colspec(colwidth=width) for width in (2, 6, 4)]
        head = nodes.thead()
        group += head
        head += self._row(["Warning", "Meaning", "Silence it with"])
        body = nodes.tbody()
        group += body
        for subtype, meaning in SUBTYPE_DOCS.items():
            body += self._row(
                [f"cv.{subtype}", meaning, f'suppress_warnings = ["cv.{subtype}"]'], literal=(0, 2)
            )
        return [table]

    @staticmethod
    def _row(cells: list[str], literal: tuple[int, ...] = ()) -> nodes.row:
        row = nodes.row()
        for index, text in enumerate(cells):
            para = nodes.paragraph()
            para += nodes.literal(text, text) if index in literal else nodes.Text(text)
            row += nodes.entry("", para)
        return row


INDEX_KINDS = ("projects", "talks", "skills", "results")


class IndexDirective(SphinxDirective):
    """An index generated from the domain: ``projects``, ``talks``, ``skills`` or ``results``.

    ``:top: N`` shows only the first N: the skills with the most evidence, or the
    newest measured results.

    .. code-block:: md

       :::{cv-index} skills
       :::
    """

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[OptionSpec] = {
        "class": directives.class_option,
        "top": directives.nonnegative_int,
    }

    def run(self) -> list[nodes.Node]:
        """A placeholder, filled from the domain once every page is read."""
        kind = self.arguments[0].strip().lower()
        if kind not in INDEX_KINDS:
            log_warning(
                logger,
                f"cv-index: unknown index {kind!r}, expected one of {', '.join(INDEX_KINDS)}",
                "option",
                location=self.get_location(),
            )
            return []
        top = self.options.get("top", 0)
        classes = [f"cv-index-{kind}", *(["cv-index-top"] if top else [])]
        node = cv_index(index=kind, top=top, classes=[*classes, *self.options.get("class", [])])
        self.set_source_info(node)
        # a page with the top skills only is not the skills index that tags link to
        aggregate = "top-skills" if top and kind == "skills" else kind
        get_domain(self.env).note_aggregate(self.env.docname, aggregate)
        return [node]


class AudienceDirective(SphinxDirective):
    """The CV selected and ordered for one audience of ``cv_audiences``.

    .. code-block:: md

       :::{cv-audience} networking
       :::
    """

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[OptionSpec] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        """A placeholder, filled from the domain once every page is read."""
        name = self.arguments[0].strip()
        known = audiences(self.config)
        if name not in known:
            log_warning(
                logger,
                f"cv-audience: unknown audience {name!r}; cv_audiences declares "
                f"{', '.join(known) or 'none'}",
                "ref",
                location=self.get_location(),
            )
            return []
        node = cv_audience(audience=name, classes=self.options.get("class", []))
        self.set_source_info(node)
        get_domain(self.env).note_aggregate(self.env.docname, f"audience:{name}")
        return [node]
