"""A handler that keeps what one logger of cv_ext warns, for tests that run no Sphinx build."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator


class Warnings(logging.Handler):
    """Every warning seen: (message, type, subtype, location)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen: list[tuple[str, str, str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        where = getattr(record, "location", None)
        kind, subtype = getattr(record, "type", ""), getattr(record, "subtype", "")
        self.seen.append((record.getMessage(), kind, subtype, where))


@contextlib.contextmanager
def watching(logger: logging.Logger) -> Iterator[Warnings]:
    """The warnings *logger* itself logs meanwhile, whatever Sphinx's logging set up."""
    handler = Warnings()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
