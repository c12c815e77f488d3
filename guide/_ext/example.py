"""``example``: a guide example, shown as its MyST source and then as cv_ext renders it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata, OptionSpec


class Example(SphinxDirective):
    """The content as a highlighted ``md`` block, then the same content parsed.

    One text feeds both, so the source a reader copies is exactly what made the result.
    """

    has_content = True
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        """Show the source, then its rendering, in one box."""
        source = "\n".join(self.content)
        literal = nodes.literal_block(source, source, language="md", classes=["guide-source"])
        self.set_source_info(literal)
        result = nodes.container(classes=["guide-result"])
        result += self.parse_content_to_nodes()
        box = nodes.container(classes=["guide-example"])
        box += [literal, result]
        return [box]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register ``example`` and the style of its box."""
    app.add_directive("example", Example)
    app.add_css_file("example.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
