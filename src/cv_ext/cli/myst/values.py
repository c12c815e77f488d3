"""Option values as a person writes them: bare where MyST reads them back, else quoted or blocks.

MyST reads a directive's options with a small YAML reader of its own
(:func:`myst_parser.parsers.options.options_to_tokens`); every form chosen here is checked
with it, so a value is written bare whenever that reads back as the same text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import yaml

from cv_ext.cli.myst.breaks import WIDTH
from cv_ext.cli.myst.reader import TokenizeError, options_to_tokens
from cv_ext.core.values import parse_list, quote_item

#: how block scalars are indented under their key, as in the site's own pages
INDENT = "  "


@dataclass(frozen=True)
class Written:
    """One option as written: a flow scalar after ``key:``, or a block scalar's lines."""

    key: str
    #: the text after ``key: ``: a scalar, ``|`` or ``>``; "" for a flag
    head: str
    #: the block scalar's lines (without indentation); empty for a flow scalar
    lines: tuple[str, ...] = ()

    @property
    def block(self) -> bool:
        """Whether the value needs a YAML option block (``---``)."""
        return bool(self.lines)

    def option_line(self) -> str:
        """``:key: value``, the form of an option line."""
        return f":{self.key}: {self.head}".rstrip()

    def yaml_lines(self) -> list[str]:
        """``key: value``, or ``key: |`` and the indented lines, the form of a YAML block."""
        return [f"{self.key}: {self.head}".rstrip(), *(INDENT + line for line in self.lines)]


def read_back(key: str, text: str) -> str | None:
    """The value MyST reads for *key* from the option text *text*, or None if it cannot,
    or if YAML itself would not read that text (values untyped: ``no`` is a text here)."""
    try:
        tokens, state = options_to_tokens(text)
        # BaseLoader: every value a string, as MyST reads them; nothing is run
        as_yaml = yaml.load(text, Loader=yaml.BaseLoader)
    except (TokenizeError, yaml.YAMLError):
        return None
    if state.has_comments or len(tokens) != 1 or tokens[0][0].value != key:
        return None
    value = tokens[0][1].value if tokens[0][1] is not None else ""
    return value if as_yaml == {key: value} else None


def scalar(key: str, value: str) -> str | None:
    """*value* as a one-line scalar: bare if possible, else quoted as a person would."""
    # double quotes as YAML is mostly written, single ones to avoid backslashes
    candidates = [value]
    if '"' not in value and "\\" not in value:
        candidates.append(f'"{value}"')
    candidates += ["'" + value.replace("'", "''") + "'", json.dumps(value, ensure_ascii=False)]
    for candidate in candidates:
        if "\n" not in candidate and read_back(key, f"{key}: {candidate}") == value:
            return candidate
    return None


def block(key: str, style: str, lines: list[str], value: str) -> Written | None:
    """A block scalar (``|`` keeps lines, ``>`` folds them), if MyST reads it as *value*."""
    written = Written(key, style, tuple(lines))
    read = read_back(key, "\n".join(written.yaml_lines()))
    if read is None:
        return None
    if style == ">":
        return written if " ".join(read.split()) == value else None
    return written if read.rstrip("\n") == value else None


def fill(words: list[str], width: int, joiner: str = " ") -> list[str]:
    """*words* in lines of at most *width* characters (a longer word stands alone)."""
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + len(joiner) + len(word) <= width:
            lines[-1] += joiner + word
        else:
            lines.append(word)
    return lines


def text(key: str, value: str) -> Written:
    """A one-line text (the directive collapses its spaces): one line, or folded with ``>``."""
    value = " ".join(value.split())
    flow = scalar(key, value)
    if flow is not None and len(f":{key}: {flow}") <= WIDTH:
        return Written(key, flow)
    folded = block(key, ">", fill(value.split(" "), WIDTH - len(INDENT)), value)
    if folded is not None and (len(folded.lines) > 1 or len(INDENT + value) <= WIDTH):
        return folded
    if flow is not None:
        return Written(key, flow)  # one long word: a longer line is all there is
    return literal(key, value)


def literal(key: str, value: str) -> Written:
    """Lines kept as they are (profiles, metrics): a ``|`` block, or one line if one."""
    flow = scalar(key, value) if "\n" not in value else None
    if flow is not None and len(f":{key}: {flow}") <= WIDTH:
        return Written(key, flow)
    lines = value.split("\n")
    written = block(key, "|", lines, value)
    if written is not None:
        return written
    # a line MyST would misread inside a block (one of only spaces, say): JSON quoting
    return Written(key, json.dumps(value, ensure_ascii=False))


def items(key: str, value: str) -> Written:
    """A list (tags, keywords, roles): ``a, "b, c"`` on one line, else a ``|`` block filled
    with whole items (a line break separates items as a comma does)."""
    parsed = parse_list(value)
    one_line = ", ".join(quote_item(item) for item in parsed)
    flow = scalar(key, one_line)
    if flow == one_line and len(f":{key}: {flow}") <= WIDTH:
        return Written(key, flow)
    quoted = [quote_item(item) for item in parsed]
    lines = [line + "," for line in fill(quoted, WIDTH - len(INDENT) - 1, ", ")]
    lines[-1] = lines[-1].removesuffix(",")
    written = block(key, "|", lines, "\n".join(lines))
    if written is not None and parse_list("\n".join(lines)) == parsed:
        return written
    return literal(key, one_line)


def json_object(key: str, value: str) -> Written:
    """``:extra:``: compact JSON on one line if it fits, else indented in a ``|`` block."""
    try:
        data = json.loads(value)
    except ValueError:
        return literal(key, value)  # not JSON: kept as written; the build will say so
    compact = json.dumps(data, ensure_ascii=False)
    flow = scalar(key, compact)
    if flow == compact and len(f":{key}: {flow}") <= WIDTH:
        return Written(key, flow)
    pretty = json.dumps(data, ensure_ascii=False, indent=2)
    return literal(key, pretty if len(compact) + len(INDENT) > WIDTH else compact)


def flag(key: str) -> Written:
    """A flag such as ``:undated:``: the key alone."""
    return Written(key, "")


#: how each kind of value is written
WRITERS = {"text": text, "lines": literal, "list": items, "json": json_object}


def written(key: str, value: str | None, kind: str) -> Written:
    """Option *key* with *value* of *kind* (``text``, ``lines``, ``list``, ``json``, ``flag``)."""
    if kind == "flag" or value is None:
        return flag(key)
    # a block scalar's last line break, or the spaces around a value, mean nothing
    return WRITERS[kind](key, value if kind == "text" else value.strip("\n"))


def option_lines(options: list[Written]) -> list[str]:
    """The options as ``:key: value`` lines, or as a ``---`` YAML block if one needs it."""
    if not options:
        return []
    if any(option.block for option in options):
        return ["---", *(line for option in options for line in option.yaml_lines()), "---"]
    return [option.option_line() for option in options]
