"""Breaking a line of hand-written Markdown that is too long: at a space, never inside a
link, a code span, a role, math or HTML, and never before a word that would start a block."""

from __future__ import annotations

import re

#: the longest line of prose written, as in the site's hand-written pages
WIDTH = 88
#: how a line can start a block of its own, ending the paragraph above or changing it
_BLOCK_START = re.compile(
    r"""
    \#{1,6}(?:\s|$)     # a heading
    | [-+*](?:\s|$)      # a bullet
    | [-*_]{3,}          # a thematic break, a setext underline
    | =+$                # a setext underline
    | [>|%:<{\\]         # a quote, a table, a comment, a definition, a field, a fence of
                         # colons, HTML, attributes, an escape (amsmath's \begin)
    | `{3,} | ~{3,}      # a fence of code
    | \d{1,9}[.)]        # a numbered item
    | \$\$ | \+\+\+       # a math block, a block break
    | \(.*\)=            # a target
    | \[\^               # a footnote
    """,
    re.VERBOSE,
)


def can_start_line(word: str) -> bool:
    """Whether a line may start with *word* without starting a block of its own."""
    return bool(word) and not word[0].isspace() and not _BLOCK_START.match(word)


#: a list item's marker and the spaces after it
_MARKER = re.compile(r"( *)([-+*]|\d{1,9}[.)])( +)")


def _closing(line: str, start: int, opening: str, closing: str) -> int:
    """The index after the bracket closing the one at *start*, or -1."""
    depth = 0
    index = start
    while index < len(line):
        char = line[index]
        if char == "\\":
            index += 2
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return -1


def protected(line: str) -> list[tuple[int, int]]:
    """The spans of *line* that must stay on one line: code, links, roles, math, HTML."""
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(line):
        char = line[index]
        if char == "\\":
            index += 2
            continue
        end = -1
        if char == "`":
            run = re.match(r"`+", line[index:])
            assert run is not None
            ticks = run.group()
            closing = re.compile(rf"(?<!`){ticks}(?!`)")
            found = closing.search(line, index + len(ticks))
            end = found.end() if found else index + len(ticks)
        elif char == "[":
            end = _closing(line, index, "[", "]")
            if end > 0 and line[end : end + 1] in ("(", "["):
                pair = {"(": ")", "[": "]"}[line[end]]
                end = max(end, _closing(line, end, line[end], pair))
        elif char == "<":
            end = line.find(">", index) + 1 or -1
        elif char == "$":
            end = line.find("$", index + 1) + 1 or -1
        elif char == "{":
            end = line.find("}", index) + 1 or -1
        if end > index:
            spans.append((index, end))
            index = end
        else:
            index += 1
    return spans


def break_line(line: str, first: bool, width: int = WIDTH) -> list[str]:
    """*line* as lines of at most *width* where a safe break allows it (else longer).

    *first* says the line opens a list item (its marker sets the indentation of the rest).
    """
    marker = _MARKER.match(line) if first else None
    indent = len(marker.group()) if marker else len(line) - len(line.lstrip(" "))
    spans = protected(line)
    result = []
    while len(line) > width:
        cut = -1
        for match in re.finditer(" ", line):
            position = match.start()
            if position <= indent or any(a < position < b for a, b in spans):
                continue
            if position > width:
                break
            if can_start_line(line[position + 1 :]):
                cut = position
        if cut < 0:
            break
        result.append(line[:cut].rstrip())
        rest = line[cut + 1 :].lstrip(" ")
        shift = len(line) - len(rest) - indent
        spans = [(a - shift, b - shift) for a, b in spans if a > cut]
        line = " " * indent + rest
    return [*result, line]
