"""Which builders make what: web sites, pages with a URL of their own."""

from __future__ import annotations

#: builders whose output is a web site (EPUB is HTML too, but a book)
SITE_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})
#: web builders whose pages have a URL of their own
PAGE_BUILDERS = frozenset({"html", "dirhtml"})
