"""Redirects from old pages to where their content is now: paths and the plan. Free of Sphinx.

An old page is named by its docname (``projects/old-name``), whatever builder made its
URL; :func:`page_path` also takes the URL forms an author may paste instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cv_ext.core.errors import ParseError
from cv_ext.core.values import parse_list

if TYPE_CHECKING:
    from collections.abc import Iterable
    from collections.abc import Set as AbstractSet


@dataclass(frozen=True, slots=True)
class Redirect:
    """A page that moved: its old docname, the page it leads to now and the place there."""

    old: str
    docname: str
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Wanted:
    """A redirect someone asked for, with where they asked (a file and line, or a setting)."""

    redirect: Redirect
    where: tuple[str, int] | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a wanted redirect is not written, and where it was asked for."""

    message: str
    where: tuple[str, int] | None


def page_path(text: str) -> str:
    """A docname from ``projects/old``, ``/projects/old/`` or ``projects/old.html``.

    Only a path inside the site is accepted: no scheme, query, fragment, ``..`` or spaces.
    """
    path = text.strip().strip("/").removesuffix(".html").rstrip("/")
    if not path or re.search(r"[\s?#\\:]|(^|/)\.\.?(/|$)|//", path):
        raise ParseError(f"invalid page path {text!r}: expected a path such as 'projects/old-name'")
    return path


def parse_aliases(text: str) -> tuple[tuple[str, ...], tuple[str, ...], list[str]]:
    """``:aliases:``: (old ids, old pages, errors) of a comma-separated list.

    An entry with a ``/`` (or ending in ``.html``) is a page the object was on; any other
    is an id it had.
    """
    ids: dict[str, None] = {}
    pages: dict[str, None] = {}
    errors = []
    for entry in parse_list(text):
        if "/" not in entry and not entry.endswith(".html"):
            ids[entry] = None
            continue
        try:
            pages[page_path(entry)] = None
        except ParseError as error:
            errors.append(str(error))
    return tuple(ids), tuple(pages), errors


def page_target(text: str) -> tuple[str, str]:
    """(docname, anchor) from ``projects/new`` or ``talks#fosdem-2023``."""
    path, _, anchor = text.partition("#")
    return page_path(path), anchor.strip()


def plan(wanted: Iterable[Wanted], pages: AbstractSet[str]) -> tuple[list[Redirect], list[Problem]]:
    """The redirects to write, by old page, and what is wrong with the others.

    A redirect is refused when its old page is a page of the site (it would hide it), when
    it leads to no page, or when an earlier one already starts at the same old page.
    """
    planned: dict[str, Redirect] = {}
    problems: list[Problem] = []
    for want in wanted:
        redirect = want.redirect
        if redirect.old in pages:
            message = f"{redirect.old!r} is a page of the site; no redirect replaces it"
        elif redirect.docname not in pages:
            message = f"redirect from {redirect.old!r} leads to no page: {redirect.docname!r}"
        elif (earlier := planned.get(redirect.old)) is not None:
            if earlier == redirect:
                continue
            message = (
                f"{redirect.old!r} already redirects to {_where(earlier)}; "
                f"not to {_where(redirect)}"
            )
        else:
            planned[redirect.old] = redirect
            continue
        problems.append(Problem(message, want.where))
    return [planned[old] for old in sorted(planned)], problems


def _where(redirect: Redirect) -> str:
    return repr(redirect.docname + (f"#{redirect.anchor}" if redirect.anchor else ""))
