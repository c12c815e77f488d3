"""``python -m cv_ext fmt DIR``: cv_ext's directives in every page, in their canonical form.

Options in the directive's order, bare where MyST reads them back so, quoted or as YAML
blocks where not; a blank line before the body; body lines longer than
:data:`~cv_ext.cli.myst.prose.WIDTH` broken at a safe space. The words stay as they are:
each page is checked to read as before (:func:`meaning`), or is left as it was.
Formatting a formatted page changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cv_ext.cli.myst.breaks import WIDTH, break_line
from cv_ext.cli.myst.directive import Directive
from cv_ext.cli.myst.oracle import parse
from cv_ext.cli.myst.order import ORDER
from cv_ext.cli.myst.source import INFO, directives, meaning, read_options, split_options

if TYPE_CHECKING:
    from pathlib import Path

#: folders that hold no pages of the site
SKIPPED = frozenset({"_build", "node_modules", "__pycache__"})


@dataclass
class Formatted:
    """What ``fmt`` did to a folder."""

    changed: list[Path]
    #: pages that would read differently once formatted: left as they were
    refused: list[Path]


def format_body(markdown: str) -> str:
    """A directive's body: directives in it formatted, paragraph lines too long broken."""
    markdown = format_directives(markdown)
    lines = markdown.split("\n")
    tokens = parse(markdown)
    items = {token.map[0] for token in tokens if token.type == "list_item_open" and token.map}
    quoted = [token.map for token in tokens if token.type == "blockquote_open" and token.map]
    for token in reversed(tokens):
        if token.type != "paragraph_open" or token.map is None:
            continue
        start, end = token.map
        if any(a <= start < b for a, b in quoted):
            continue  # a quotation keeps its lines
        for number in reversed(range(start, end)):
            if len(lines[number]) > WIDTH:
                lines[number : number + 1] = break_line(lines[number], number in items)
    return "\n".join(lines)


def format_directives(markdown: str) -> str:
    """*markdown* with each of cv_ext's directives at its top level in canonical form."""
    lines = markdown.split("\n")
    for written in reversed(directives(markdown)):
        if written.name not in ORDER or written.options is None:
            continue  # not cv_ext's, or options MyST's reader would not take as they are
        body = format_body(written.body.strip("\n"))
        text = Directive(
            written.name,
            written.argument,
            dict(written.options),
            [body] if body.strip() else [],
            fence=written.fence,
        ).text()
        lines[written.start : written.end] = text.split("\n")
    return "\n".join(lines)


def meaning_of(markdown: str) -> list[Any]:
    """What *markdown* says, whatever its layout: blocks, text, directives and their options."""
    result: list[Any] = []
    for token in parse(markdown):
        match = INFO.fullmatch(token.info.strip()) if token.type.endswith("fence") else None
        if match is not None and match.group(1) in ORDER:
            block, body = split_options(token.content)
            options = read_options(block) if block is not None else {}
            name = match.group(1)
            result.append(
                (
                    name,
                    " ".join((match.group(2) or "").split()),
                    None
                    if options is None
                    else {key: meaning(name, key, value) for key, value in options.items()},
                    meaning_of(body),
                )
            )
        elif token.type == "inline":
            parts: list[tuple[str, str]] = []
            for child in token.children or []:
                kind, text = child.type, child.content
                if kind == "softbreak":
                    kind, text = "text", " "
                if parts and kind == "text" and parts[-1][0] == "text":
                    parts[-1] = ("text", parts[-1][1] + text)
                else:
                    parts.append((kind, " ".join(text.split()) if kind == "code_inline" else text))
            result.append(parts)
        else:
            result.append((token.type, token.tag, token.info, token.content))
    return result


def format_page(markdown: str) -> str | None:
    """The page *markdown* formatted, or None if formatting would change what it says."""
    formatted = format_directives(markdown)
    if formatted != markdown and meaning_of(formatted) != meaning_of(markdown):
        return None
    return formatted


def pages(folder: Path) -> list[Path]:
    """The MyST pages under *folder*, in a stable order."""
    return sorted(
        path
        for path in folder.rglob("*.md")
        if not any(
            part in SKIPPED or part.startswith(".") for part in path.relative_to(folder).parts
        )
    )


def format_folder(folder: Path, *, check: bool = False) -> Formatted:
    """Format every page under *folder* in place (with *check*, only say which would change)."""
    result = Formatted([], [])
    for path in pages(folder):
        text = path.read_text(encoding="utf8")
        formatted = format_page(text)
        if formatted is None:
            result.refused.append(path)
        elif formatted != text:
            result.changed.append(path)
            if not check:
                path.write_text(formatted, encoding="utf8")
    return result
