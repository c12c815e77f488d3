"""Directives as written in a page: where they are, their title, options and body."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from cv_ext.cli.myst.oracle import parse
from cv_ext.cli.myst.order import kind_of
from cv_ext.cli.myst.reader import TokenizeError, is_option_line, options_to_tokens
from cv_ext.core.values import parse_list

#: the info string of a directive's fence: ``{name} argument``
INFO = re.compile(r"\{([\w:.-]+)\}(?:[ \t]+(.*))?")


@dataclass(frozen=True)
class Written:
    """One directive as a page has it."""

    #: the lines it spans, [start, end): from its opening fence to its closing one
    start: int
    end: int
    fence: str
    name: str
    argument: str
    #: its options, or None if they are not plain ``key: value`` text (comments, say)
    options: dict[str, str | None] | None
    body: str


def directives(markdown: str) -> list[Written]:
    """The closed, unindented directives at the top level of *markdown*, in order."""
    lines = markdown.splitlines()
    found = []
    for token in parse(markdown):
        if token.type not in ("colon_fence", "fence") or token.map is None or token.level:
            continue
        start, end = token.map
        match = INFO.fullmatch(token.info.strip())
        closing = lines[end - 1].strip() if end - 1 > start else ""
        if (
            match is None
            or not lines[start].startswith(token.markup)
            or not closing
            or closing.strip(token.markup[0])
            or len(closing) < len(token.markup)
        ):
            continue
        options, body = split_options(token.content)
        found.append(
            Written(
                start,
                end,
                token.markup,
                match.group(1),
                " ".join((match.group(2) or "").split()),
                read_options(options) if options is not None else {},
                body,
            )
        )
    return found


def split_options(content: str) -> tuple[str | None, str]:
    """(the option block, or None; the body), as MyST splits a directive's content."""
    lines = content.splitlines()
    if lines and lines[0].startswith("---"):
        for index, line in enumerate(lines[1:], start=1):
            if line.startswith("---"):
                if line.strip("-").strip():
                    break  # text after the closing dashes: left as written
                return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :])
        return None, content
    if content.lstrip().startswith(":"):
        count = 0
        while count < len(lines) and is_option_line(lines[count]):
            count += 1
        block = "\n".join(line.lstrip()[1:] for line in lines[:count])
        return block, "\n".join(lines[count:])
    return None, content


def read_options(block: str) -> dict[str, str | None] | None:
    """Option name -> value (None for a bare key), or None if MyST's reader objects."""
    try:
        tokens, state = options_to_tokens(block)
    except TokenizeError:
        return None
    if state.has_comments:
        return None
    return {key.value: value.value if value is not None else None for key, value in tokens}


def meaning(directive: str, key: str, value: str | None) -> object:
    """What the directive reads from *value*: spaces, quotes and line breaks aside."""
    if value is None:
        return None
    kind = kind_of(directive, key)
    if kind == "flag":
        return None
    if kind == "list":
        return parse_list(value)
    if kind == "lines":
        return tuple(line.strip() for line in value.strip().splitlines() if line.strip())
    if kind == "json":
        try:
            return json.dumps(json.loads(value))
        except ValueError:
            return value.strip()
    return " ".join(value.split())
