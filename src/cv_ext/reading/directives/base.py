"""The shared base of the object directives: ids, anchors, records, bodies and backlinks."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.util.nodes import make_id

from cv_ext.core.ids import search_anchor, slug_or_digest, unique_id
from cv_ext.core.mentions import mention
from cv_ext.core.records import Alias
from cv_ext.core.redirects import parse_aliases
from cv_ext.core.tags import tag_key
from cv_ext.nodes import render
from cv_ext.nodes.elements import (
    cv_backlinks,
    cv_body,
    cv_messages,
)
from cv_ext.reading.directives.options import OptionsDirective
from cv_ext.reading.domain import get_domain
from cv_ext.reading.store import ALIASES, LINKABLE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cv_ext.core.records import Record


from cv_ext.reading.directives.options import TEXT

__all__ = ["TEXT", "CVDirective", "plain_text"]


class CVDirective(OptionsDirective):
    """A CV object's directive: its id and anchor, its domain record, its node and body."""

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
        :func:`~cv_ext.core.ids.search_anchor`).
        """
        extra = search_anchor(self.objtype, object_id) if object_id else ""
        ids = [anchor] if anchor else []
        # old links keep landing here: the old id and its search anchor, where still free
        old = [
            name
            for alias in self.aliases()[0]
            for name in (alias, search_anchor(self.objtype, alias))
        ]
        for node_id in (extra, *old) if object_id else ():
            if node_id and node_id not in self.state.document.ids and node_id not in ids:
                ids.append(node_id)
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
        if not record.id:
            return
        domain.note(self.objtype, record)
        old_ids, old_pages = self.aliases()
        for old in old_ids:
            domain.note_alias(Alias(self.objtype, old, record.id, record.docname, record.lineno))
        page = PurePosixPath(record.docname)
        if page.name == record.id:
            # an object named after its page (a project) is that page: its old id was a page
            old_pages = (*old_pages, *(str(page.with_name(old)) for old in old_ids))
        for old in old_pages:
            domain.note_moved(Alias(self.objtype, old, record.id, record.docname, record.lineno))

    def aliases(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """``:aliases:``, the object's old names: (old ids, old pages), read once.

        A directive takes them by listing ``aliases`` among its options; the rest
        (references, labels, anchors, redirects) follows from here.
        """
        if "_cv_aliases" not in self.__dict__:
            ids, pages, errors = parse_aliases(self.text("aliases"))
            for error in errors:
                self.warn(f":aliases: {error}", "option")
            self.__dict__["_cv_aliases"] = (ids, pages)
        return cast("tuple[tuple[str, ...], tuple[str, ...]]", self.__dict__["_cv_aliases"])

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
        for tag in tags:  # shown by its label, which another page may declare
            get_domain(self.env).note_aggregate(self.env.docname, f"tag:{tag_key(tag)}")
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
    """(summary, highlights) of a parsed body: its paragraphs, and its list items.

    A reference to another CV object without a title of its own becomes a mention
    (:mod:`cv_ext.core.mentions`), named by the object's title once every page is read.
    """
    paragraphs = [_squash(_text(node)) for node in parsed if isinstance(node, nodes.paragraph)]
    highlights = [
        _squash(_text(item[0]))
        for node in parsed
        if isinstance(node, nodes.bullet_list | nodes.enumerated_list)
        for item in node.findall(nodes.list_item)
        if len(item) and isinstance(item[0], nodes.paragraph)
    ]
    return "\n\n".join(p for p in paragraphs if p), tuple(h for h in highlights if h)


def _text(node: nodes.Node) -> str:
    """``node.astext()``, with a mention for each untitled reference to a CV object."""
    if isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "cv":
        objtype = ALIASES.get(node.get("reftype", ""), node.get("reftype", ""))
        if objtype in LINKABLE and not node.get("refexplicit"):
            return mention(objtype, node["reftarget"])
    if isinstance(node, nodes.Element) and not isinstance(node, nodes.image):
        return node.child_text_separator.join(_text(child) for child in node.children)
    return node.astext()


def _squash(text: str) -> str:
    return " ".join(text.split())
