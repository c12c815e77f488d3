"""The one error of the core: text that is not a valid date, period, metric, id or URL."""

from __future__ import annotations


class ParseError(ValueError):
    """Text that is not a valid date, period, metric, slug or URL.

    Every parser of :mod:`cv_ext.core` raises it with a message fit to show an author,
    and nothing else.
    """
