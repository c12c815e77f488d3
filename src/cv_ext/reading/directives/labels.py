"""``cv-tag-labels``: what readers see for each tag, translated with the page.

.. code-block:: md

   :::{cv-tag-labels}
   hole-punching: hole punching
   http3: HTTP/3
   :::

Each line names a tag as the pages write it, then its label. The labels are messages of
the page that declares them (``-b gettext`` extracts them), so a translated site shows
them in its language; the tags stay ids, the same in every language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from sphinx.util import logging

from cv_ext.common.warn import log_warning
from cv_ext.core.records import Item
from cv_ext.core.tags import LABEL_KIND, label_id, tag_key
from cv_ext.reading.directives.base import CVDirective

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.util.typing import OptionSpec

    from cv_ext.common.warn import CvSubtype

logger = logging.getLogger(__name__)


class TagLabelsDirective(CVDirective):
    """Labels of tags, one ``tag: label`` per line; shows nothing where it stands."""

    objtype = "item"
    optional_arguments = 0
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        """Note one ``tag`` item per line; a located warning for each line that is not one."""
        seen: dict[str, int] = {}
        for offset, raw in enumerate(self.content):
            line = " ".join(raw.split())
            lineno = self.first_content_line() + offset
            if not line:
                continue
            tag, colon, label = (part.strip() for part in line.partition(":"))
            if not (colon and tag and label):
                self.warn_at(f"expected 'tag: label', not {line!r}", lineno, "option")
                continue
            key = tag_key(tag)
            if key in seen:
                message = f"tag {tag!r} is labelled twice; line {seen[key]} wins"
                self.warn_at(message, lineno, "duplicate")
                continue
            seen[key] = lineno
            self.note(
                Item(
                    id=label_id(key),
                    kind=LABEL_KIND,
                    title=self.translate(label),
                    fields=(("tag", key),),
                    docname=self.env.docname,
                    lineno=lineno,
                )
            )
        return self.message_nodes()

    def first_content_line(self) -> int:
        """The line of the page holding the first line of the content.

        docutils counts ``content_offset`` from the top of the page, MyST from the
        directive's own line.
        """
        if type(self.state).__name__ == "MockState":  # myst_parser.mocking
            return self.lineno + self.content_offset + 1
        return self.content_offset + 1

    def warn_at(self, message: str, lineno: int, subtype: CvSubtype) -> None:
        """Warn at line *lineno* of this page."""
        location = (self.env.docname, lineno)
        log_warning(logger, f"{self.name}: {message}", subtype, location=location)
