"""MyST's own reader of a directive's option block, on every myst-parser cv_ext supports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from myst_parser.parsers.options import State, TokenizeError

if TYPE_CHECKING:
    from myst_parser.parsers.options import KeyToken, ValueToken

__all__ = ["TokenizeError", "is_option_line", "options_to_tokens"]


def is_option_line(line: str) -> bool:
    """Whether MyST reads *line* of an options block as a ``:key: value`` option.

    myst-parser 5.2's rule (``myst_parser.parsers.directives.is_option_line``), which
    earlier versions do not offer: a colon fence (``:::``) is a nested directive.
    """
    stripped = line.lstrip()
    return stripped.startswith(":") and not stripped.startswith(":::")


def options_to_tokens(text: str) -> tuple[list[tuple[KeyToken, ValueToken | None]], State]:
    """The (key, value) token pairs MyST reads from *text*, and what it noticed (comments).

    myst-parser 5 offers this as ``options_to_tokens``; myst-parser 4 has the same reader
    under a private name only, which is used there.
    """
    try:
        from myst_parser.parsers.options import options_to_tokens as read
    except ImportError:  # myst-parser 4
        from myst_parser.parsers.options import _to_tokens

        state = State()
        return list(_to_tokens(text, state)), state
    return read(text)
