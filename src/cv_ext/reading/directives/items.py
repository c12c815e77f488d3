"""Directives for the simpler CV items: the person, languages, skills, certificates, ...

Each declares an :class:`~cv_ext.core.records.Item` with a handful of text fields, so
that every section of a JSON Resume has a home in MyST and in the exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes

from cv_ext.common.i18n import N_, _
from cv_ext.core.dates import parse_date
from cv_ext.core.errors import ParseError
from cv_ext.core.records import Item
from cv_ext.core.values import (
    display_list,
    format_list,
    parse_email,
    parse_image,
    parse_list,
    parse_profiles,
    parse_url,
)
from cv_ext.nodes import render
from cv_ext.nodes.elements import cv_body, cv_export_link, cv_heading, cv_photo, cv_record
from cv_ext.reading.directives.base import TEXT, CVDirective
from cv_ext.reading.directives.options import CLASSES
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from cv_ext.common.warn import CvSubtype


@dataclass(frozen=True)
class ItemKind:
    """What one item directive accepts."""

    name: str
    fields: tuple[str, ...]
    required: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()  # comma-separated values, kept as 'a, "b, c"'


PERSON_FIELDS = (
    "label",
    "image",
    "email",
    "phone",
    "url",
    "address",
    "postal-code",
    "city",
    "country-code",
    "region",
    "profiles",
)

#: fields holding prose in the page's language: translated with the page, like the title
TRANSLATABLE_FIELDS = frozenset(
    {"label", "summary", "fluency", "level", "keywords", "issuer", "awarder"}
)
#: how a field of an item is labelled where it is shown
FIELD_LABELS = {
    "level": N_("Level: "),
    "keywords": N_("Keywords: "),
    "issuer": N_("Issuer: "),
    "awarder": N_("Awarder: "),
}

ITEM_KINDS: dict[str, ItemKind] = {
    kind.name: kind
    for kind in (
        ItemKind("person", PERSON_FIELDS, urls=("url",)),
        ItemKind("language", ("fluency",)),
        ItemKind("skill", ("level", "keywords"), lists=("keywords",)),
        ItemKind("certificate", ("issuer", "date", "url"), dates=("date",), urls=("url",)),
        ItemKind("interest", ("keywords",), lists=("keywords",)),
        ItemKind("reference", ()),
        # a JSON Resume award: unlike an achievement, its date may be unknown
        ItemKind("award", ("date", "awarder"), dates=("date",)),
    )
}


class ItemDirective(CVDirective):
    """Base of the item directives; :attr:`kind` says which one."""

    objtype = "item"
    kind: ClassVar[ItemKind]

    def fields(self) -> tuple[tuple[str, str], ...]:
        """The valid, non-empty fields; a located warning for each invalid one."""
        result = []
        for name in self.kind.fields:
            raw = self.options.get(name) or ""
            value = raw.strip() if name == "profiles" else " ".join(raw.split())
            if not value:
                continue
            try:
                if name in self.kind.dates:
                    value = parse_date(value).iso()
                elif name in self.kind.urls:
                    value = parse_url(value)
                elif name == "image":
                    # a relative path is kept as written: the site shows it, the export keeps it
                    value = parse_image(value)
                elif name in self.kind.lists:
                    # from the value as written: a line break separates items too
                    value = format_list(parse_list(raw))
                elif name == "profiles":
                    value = "\n".join(" | ".join(p) for p in parse_profiles(value))
                elif name == "email":
                    value = parse_email(value)
                elif name == "image":
                    value = parse_image(value)
            except ParseError as error:
                subtype: CvSubtype = (
                    "date" if name in self.kind.dates else "option" if name == "email" else "url"
                )
                self.warn(f":{name}: {error}", subtype)
                continue
            if name in TRANSLATABLE_FIELDS:
                value = self.translate(value)
            result.append((name, value))
        return tuple(result)

    def run(self) -> list[nodes.Node]:
        """Record the item in the domain and render it."""
        # a resume may leave out the person's name; an item without one says :untitled:
        title = self.title(required=self.kind.name != "person" and "untitled" not in self.options)
        item_id = self.object_id(self.kind.name, title)
        anchor = self.anchor(item_id)
        body, summary, _ = self.body()
        item = Item(
            id=item_id,
            kind=self.kind.name,
            title=title,
            fields=self.fields(),
            summary=summary,
            extra=self.extra(),
            **self.where(anchor),
        )
        self.note(item)
        if self.kind.name == "person":
            get_domain(self.env).note_aggregate(self.env.docname, "person")
        node = self.container(cv_record, item_id, anchor, f"cv-{self.kind.name}")
        if self.kind.name == "person":
            node += self.person_nodes(item, body)
        else:
            if title or "untitled" not in self.options:
                heading = title or self.kind.name.title()
                node += cv_heading(heading, heading)
            node += self.joined(
                [self.field_nodes(name, value) for name, value in item.fields], ["cv-when"]
            )
            node += [cv_body("", *body)] if body else []
        node += self.message_nodes()
        return [node]

    def field_nodes(self, name: str, value: str) -> list[nodes.Node]:
        """One field as shown: dates as ``<time>``, URLs as links, the rest as text."""
        if name in self.kind.dates:
            return [render.date_node(parse_date(value))]
        if name in self.kind.urls:
            return [render.source_link(value)]
        if name in self.kind.lists:
            # as read, without the quotes that keep items whole
            value = display_list(parse_list(value))
        label = _(FIELD_LABELS[name]) if name in FIELD_LABELS else ""
        if not label and name != "fluency":
            label = f"{name.replace('-', ' ').capitalize()}: "
        return [nodes.inline(label + value, label + value)]

    def person_nodes(self, item: Item, body: list[nodes.Node]) -> list[nodes.Node]:
        """The person: their photo if any, headline, summary, then how to reach them."""
        result: list[nodes.Node] = []
        if image := item.get("image"):
            result.append(photo(image, item.title or _("Photo")))
        if label := item.get("label"):
            result.append(nodes.paragraph(label, label, classes=["cv-summary"]))
        result += [cv_body("", *body)] if body else []
        place = ", ".join(
            v for v in (item.get("city"), item.get("region"), item.get("country-code")) if v
        )
        contact: list[list[nodes.Node]] = [[nodes.inline(place, place)]] if place else []
        if url := item.get("url"):
            contact.append([render.source_link(url)])
        if email := item.get("email"):
            contact.append([nodes.reference(email, email, refuri=f"mailto:{email}")])
        if phone := item.get("phone"):
            contact.append([nodes.inline(phone, phone)])
        for network, user, url in parse_profiles(item.get("profiles")):
            contact.append([render.link(network or user or render.url_label(url), url)])
        contact.append([cv_export_link()])
        result += self.joined(contact, ["cv-contact"])
        # link previews of the person's page describe a person (sphinxext-opengraph reads this)
        self.env.metadata[self.env.docname]["og:type"] = "profile"
        return result


def photo(image: str, alt: str) -> nodes.Element:
    """The person's photo: a file of the site (copied by Sphinx) or an https URL."""
    if "://" in image:
        # a remote photo is shown on the web only: LaTeX would try to download it
        return cv_photo(uri=image, alt=alt, classes=["cv-photo"])
    return nodes.image(uri=image, alt=alt, classes=["cv-photo"], width="9em")


def setup_items(app: Sphinx) -> None:
    """Register one directive per item kind."""
    for kind in ITEM_KINDS.values():
        option_spec: OptionSpec = dict.fromkeys(
            (*kind.fields, "name", "extra", "untitled"), TEXT
        ) | {"class": CLASSES}
        directive = type(
            f"{kind.name.title()}Directive",
            (ItemDirective,),
            {"kind": kind, "option_spec": option_spec, "__doc__": f"A {kind.name} of the CV."},
        )
        app.add_directive(kind.name, directive)
