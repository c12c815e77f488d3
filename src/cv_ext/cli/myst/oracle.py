"""What Markdown reads as: MyST's own parser, with every syntax extension that could apply.

Text written for a site must read back as itself whatever extensions the site turns on,
so the check parses with all of them that change the meaning of plain text (math,
substitutions, attributes, definition and field lists, task lists, strikethrough).
Escaping for a syntax that is off is harmless: a backslash before ASCII punctuation is
always an escape in CommonMark.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

#: the myst-parser extensions under which written text must keep its meaning
EXTENSIONS = frozenset(
    {
        "amsmath",
        "attrs_block",
        "attrs_inline",
        "colon_fence",
        "deflist",
        "dollarmath",
        "fieldlist",
        "strikethrough",
        "substitution",
        "tasklist",
    }
)
#: the block tokens around one paragraph, one list item and one heading
SHAPES = {
    "paragraph": ["paragraph_open", "inline", "paragraph_close"],
    "item": [
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "list_item_close",
        "bullet_list_close",
    ],
    "heading": ["heading_open", "inline", "heading_close"],
}


@cache
def parser() -> MarkdownIt:
    """MyST's Markdown parser with :data:`EXTENSIONS` on."""
    return create_md_parser(MdParserConfig(enable_extensions=set(EXTENSIONS)), RendererHTML)


def parse(markdown: str) -> list[Token]:
    """The block tokens of *markdown*."""
    return parser().parse(markdown)


def plain(inline: Token) -> str | None:
    """The text of an inline token if it is plain text (line breaks read as spaces), else None."""
    parts = []
    for child in inline.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        else:
            return None
    return "".join(parts)


def reads_as(markdown: str, text: str, shape: str) -> bool:
    """Whether *markdown* is one block of *shape* holding exactly the plain *text*."""
    tokens = parse(markdown)
    if [token.type for token in tokens] != SHAPES[shape]:
        return False
    if shape == "heading" and tokens[0].tag != "h1":
        return False
    inline = next(token for token in tokens if token.type == "inline")
    return plain(inline) == text
