"""A directive in its canonical form: fence, name and title, options in order, body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cv_ext.cli.myst.order import kind_of, ordered
from cv_ext.cli.myst.values import option_lines, written

#: a fence of colons at the start of a line (up to three spaces in): it could close ours
_COLONS = re.compile(r"^ {0,3}(:{3,})", re.MULTILINE)


@dataclass
class Directive:
    """One directive to write: ``:::{name} argument``, its options, its body's blocks."""

    name: str
    argument: str = ""
    #: option -> value (None for a flag); written in the directive's canonical order
    options: dict[str, str | None] = field(default_factory=dict)
    #: the body: Markdown blocks, separated by blank lines when written
    body: list[str] = field(default_factory=list)
    #: the fence as opened (``:::``, ``::::``, or backticks); lengthened if it must be
    fence: str = ":::"

    def option_text(self) -> list[str]:
        """The options' lines, in canonical order and form."""
        keys = ordered(self.name, list(self.options))
        return option_lines(
            [written(key, self.options[key], kind_of(self.name, key)) for key in keys]
        )

    def text(self) -> str:
        """The directive as MyST."""
        options = self.option_text()
        body = "\n\n".join(block for block in self.body if block.strip())
        if body.startswith(":") and not options:
            body = "\\" + body  # else MyST would read the first line as an option
        inner = "\n".join([*options, *(["", body] if body else [])])
        fence = self.fence
        if fence.startswith(":"):
            longest = max((len(run) for run in _COLONS.findall(inner)), default=0)
            fence = ":" * max(len(fence), longest + 1)
        else:
            # a line of as many backticks would close it: one more than any in the text
            runs = re.findall(r"^ {0,3}(`{3,})", inner, re.MULTILINE)
            fence = "`" * max(len(fence), *(len(run) + 1 for run in runs))
        head = f"{fence}{{{self.name}}} {' '.join(self.argument.split())}".rstrip()
        return "\n".join([head, *([inner] if inner else []), fence])
