"""Directives that show other pages' data: overview, indices, audiences, the warning table.

Each leaves a placeholder node, filled from the domain once every page is read
(:mod:`cv_ext.writing`), and notes its page as an aggregate so that it is rewritten
when what it shows changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cv_ext.common.i18n import _
from cv_ext.common.warn import SUBTYPE_DOCS, log_warning
from cv_ext.core.records import KINDS
from cv_ext.core.values import parse_tags
from cv_ext.nodes.elements import (
    cv_audience,
    cv_index,
    cv_overview,
)
from cv_ext.reading.config import audiences
from cv_ext.reading.domain import get_domain

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

logger = logging.getLogger(__name__)


from cv_ext.reading.directives.options import CLASSES, TEXT

#: how the career overview may group its entries
GROUPS = ("kind", "none")


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
        # read as text and checked here: a bad value is a cv.option warning, not docutils'
        "group": TEXT,
        "class": CLASSES,
    }

    def run(self) -> list[nodes.Node]:
        """A placeholder, filled from the domain once every page is read."""
        kinds = parse_tags(self.options.get("kinds") or "")
        group = (self.options.get("group") or "kind").strip().lower()
        if group not in GROUPS:
            log_warning(
                logger,
                f"career-overview: unknown :group: {group!r}, expected one of "
                f"{', '.join(GROUPS)}; using 'kind'",
                "option",
                location=self.get_location(),
            )
            group = "kind"
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
            group=group,
            classes=self.options.get("class", []),
        )
        self.set_source_info(node)
        get_domain(self.env).note_aggregate(self.env.docname, "overview")
        return [node]


class WarningsDirective(SphinxDirective):
    """The catalogue of cv_ext's warnings, generated from :data:`cv_ext.common.warn.SUBTYPE_DOCS`.

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
        "class": CLASSES,
        "top": TEXT,
    }

    def top(self) -> int:
        """``:top: N``, a whole number from 0; a warning and 0 (everything) otherwise."""
        raw = (self.options.get("top") or "").strip()
        if not raw:
            return 0
        if not raw.isdigit():
            log_warning(
                logger,
                f"cv-index: :top: must be a whole number from 0, not {raw!r}; showing all",
                "option",
                location=self.get_location(),
            )
            return 0
        return int(raw)

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
        top = self.top()
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
    option_spec: ClassVar[OptionSpec] = {"class": CLASSES}

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
        # the page's link preview, in the build's language (front matter may say otherwise)
        title, person = known[name].title, self.config.author
        description = (
            _("The CV of %(person)s selected for %(audience)s.")
            % {"person": person, "audience": title}
            if person
            else _("A CV selected for %(audience)s.") % {"audience": title}
        )
        self.env.metadata[self.env.docname]["og:description"] = " ".join(
            (description, _("Every job is there, the selected ones in full."))
        )
        get_domain(self.env).note_aggregate(self.env.docname, f"audience:{name}")
        return [node]
