"""MyST text that renders to exactly the text given: escaped prose, fenced directives, pages."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

#: ASCII punctuation that Markdown may read as markup; a backslash keeps it literal
MARKUP = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~^$&:\"'=%@;/,?])")
#: longest slug in a file name: names stay short on every file system
FILE_SLUG = 40


def md(text: str) -> str:
    """Plain text as MyST that renders to exactly that text."""
    return MARKUP.sub(r"\\\1", " ".join(text.split()))


def paragraphs(text: str) -> list[str]:
    """Paragraphs (separated by blank lines) as MyST paragraphs."""
    return [md(part) for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def bullets(items: list[str]) -> list[str]:
    """Highlights, courses, ... as one bullet list (a single block)."""
    lines = [f"- {md(item)}" for item in items if item.strip()]
    return ["\n".join(lines)] if lines else []


def directive(
    name: str, argument: str, options: dict[str, str], body: list[str], flags: tuple[str, ...] = ()
) -> str:
    """A colon-fenced directive with ``:key: "JSON string"`` options (MyST reads them as YAML).

    Not a ``---`` block: a title holding a ``|`` followed by a ``---`` line is a Markdown
    table, which would swallow the directive.
    """
    head = f":::{{{name}}} {' '.join(argument.split())}".rstrip()
    opts = [
        f":{key}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in options.items()
        if value
    ] + [f":{flag}:" for flag in flags]
    lines = [head, *opts]
    # blocks of escaped Markdown, so none of them can close the fence
    return "\n".join(lines) + "".join(f"\n\n{block}" for block in body) + "\n:::"


@dataclass
class Page:
    """One MyST page being written."""

    title: str
    blocks: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The page's MyST source."""
        return "\n\n".join([f"# {md(self.title)}", *self.blocks]) + "\n"
