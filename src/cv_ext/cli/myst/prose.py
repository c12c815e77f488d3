"""Plain text as MyST a person would write: few backslashes, lines of at most :data:`WIDTH`.

A backslash goes only before a character that would otherwise change what the text
reads as (a leading ``#``, ``-``, ``>`` or ``1.``, backticks, ``:::``, ``{role}``, ``<``
that starts HTML, ``$`` of math, ``*``/``_`` pairs that emphasise, ...). Which ones do is
not guessed: :mod:`~cv_ext.cli.myst.oracle` parses each candidate, and an escape stays
only if leaving it out changes the text read back. Lines break at spaces before a word
that cannot start a Markdown block, so a break never changes the meaning either.
"""

from __future__ import annotations

import re
import string

from cv_ext.cli.myst.breaks import WIDTH, break_line
from cv_ext.cli.myst.oracle import reads_as

__all__ = ["WIDTH", "block", "bullets", "paragraphs"]

#: ASCII punctuation a backslash may escape in CommonMark
PUNCTUATION = frozenset(string.punctuation)
#: punctuation that means nothing in any position of MyST text: never escaped
INERT = frozenset(",;?'\"/@")
#: what the first line of each kind of block starts with
PREFIXES = {"paragraph": "", "item": "- ", "heading": "# "}


def wrap(text: str, first: str, width: int = WIDTH) -> str:
    """*text* after *first* (a bullet's ``- ``), in lines of at most *width* characters,
    broken only where safe: as ``fmt`` breaks a line, so that it leaves this one alone."""
    return "\n".join(break_line(first + text, first=bool(first), width=width))


def _render(text: str, escaped: frozenset[int], shape: str, width: int) -> str:
    """*text* with a backslash before the characters at *escaped*, laid out as *shape*."""
    marked = "".join(f"\\{char}" if index in escaped else char for index, char in enumerate(text))
    first = PREFIXES[shape]
    if shape == "heading":
        return first + marked
    return wrap(marked, first, width)


def block(text: str, shape: str = "paragraph", width: int = WIDTH) -> str:
    """*text* (one line, single spaces) as one MyST block of *shape* that reads back as it.

    *shape* is ``paragraph``, ``item`` (a bullet) or ``heading`` (a page title).
    """
    if not text:
        raise ValueError("no text to write")

    def reads(escaped: frozenset[int]) -> bool:
        return reads_as(_render(text, escaped, shape, width), text, shape)

    escaped: frozenset[int] = frozenset()
    if not reads(escaped):
        escaped = frozenset(i for i, c in enumerate(text) if c in PUNCTUATION - INERT)
        if not reads(escaped):
            # every character escaped: correct whatever the layout; never seen to happen
            escaped = frozenset(i for i, c in enumerate(text) if c in PUNCTUATION)
            return _render(text, escaped, shape, width=len(text) + 100)
        # leave out each backslash that is not needed, until none can go; from the end,
        # so that the one kept is the first of a pair, as a person escapes `\*not*`
        changed = True
        while changed:
            changed = False
            for index in sorted(escaped, reverse=True):
                fewer = escaped - {index}
                if reads(fewer):
                    escaped, changed = fewer, True
    return _render(text, escaped, shape, width)


def paragraphs(text: str) -> list[str]:
    """Paragraphs (separated by blank lines, whitespace collapsed) as MyST blocks."""
    parts = (" ".join(part.split()) for part in re.split(r"\n\s*\n", text or ""))
    return [block(part) for part in parts if part]


def bullets(items: list[str]) -> list[str]:
    """Highlights, courses, ...: one bullet list, a single block."""
    lines = [block(" ".join(item.split()), "item") for item in items if item.strip()]
    return ["\n".join(lines)] if lines else []
