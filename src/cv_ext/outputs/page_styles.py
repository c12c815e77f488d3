"""The rules of a stylesheet that a page's own markup can match, by its ``cv-`` classes.

A selector that names a ``cv-`` class the page does not have can match nothing there, so
it goes; a rule with no selector left goes, and so does an ``@media`` block left empty.
Everything else stays as written: selectors without ``cv-`` classes (``body``), classes
inside ``:has()`` or ``:not()`` (what they need is not a class the element must carry),
``@page`` and any other at-rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

import tinycss2
from tinycss2.ast import AtRule, Declaration, IdentToken, LiteralToken, QualifiedRule

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from tinycss2.ast import Node

PREFIX = "cv-"
# no leading \b: a pattern that starts with a literal is searched for as one, ten times
# as fast on a long page; classes_in checks the word boundary itself
_CLASS_ATTRIBUTE = re.compile(r"""class\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def classes_in(html: str) -> set[str]:
    """Every class name in *html*'s ``class`` attributes, however a raw HTML block quotes them."""
    names: set[str] = set()
    for match in _CLASS_ATTRIBUTE.finditer(html):
        start = match.start()
        before = html[start - 1] if start else " "
        if before.isalnum() or before == "_":  # "subclass=" is no class attribute
            continue
        names.update((match[1] or match[2] or "").split())
    return names


def trim(css: str, classes: Iterable[str]) -> str:
    """The rules of *css* a page whose markup carries *classes* can match, compactly written."""
    have = frozenset(name for name in classes if name.startswith(PREFIX))
    return "\n".join(_kept(_parsed(css), have)) + "\n"


def needs_styles(classes: Iterable[str]) -> bool:
    """Whether markup with *classes* is cv_ext's at all: a page without any needs none."""
    return any(name.startswith(PREFIX) for name in classes)


@dataclass(frozen=True)
class _Rule:
    """A style rule: each selector with the classes it needs, and the declarations."""

    selectors: tuple[tuple[str, frozenset[str]], ...]
    body: str


@dataclass(frozen=True)
class _Media:
    """An ``@media`` block and the rules inside it."""

    prelude: str
    rules: tuple[_Rule | _Media | str, ...]


@cache
def _parsed(css: str) -> tuple[_Rule | _Media | str, ...]:
    """*css* read once per build, however many pages trim it; other at-rules as text."""
    return tuple(_read(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)))


def _read(rules: Iterable[Node]) -> Iterator[_Rule | _Media | str]:
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = tuple(
                (tinycss2.serialize(s).strip(), frozenset(_required(s)))
                for s in _selectors(rule.prelude)
            )
            yield _Rule(selectors, ";".join(_declarations(rule.content)))
        elif isinstance(rule, AtRule):
            prelude = " ".join(tinycss2.serialize(rule.prelude).split())
            if rule.content is None:
                yield f"@{rule.at_keyword} {prelude};"
            elif rule.lower_at_keyword == "media":
                inner = tinycss2.parse_rule_list(rule.content, True, True)
                yield _Media(prelude, tuple(_read(inner)))
            elif rule.lower_at_keyword == "page":
                space = " " if prelude else ""
                yield f"@page{space}{prelude}{{{';'.join(_declarations(rule.content))}}}"
            else:  # anything else (@supports, @font-face, ...) as written
                yield rule.serialize()


def _kept(rules: Iterable[_Rule | _Media | str], have: frozenset[str]) -> Iterator[str]:
    for rule in rules:
        if isinstance(rule, _Rule):
            if selectors := [text for text, needed in rule.selectors if needed <= have]:
                yield f"{','.join(selectors)}{{{rule.body}}}"
        elif isinstance(rule, _Media):
            if kept := list(_kept(rule.rules, have)):
                yield f"@media {rule.prelude}{{{''.join(kept)}}}"
        else:
            yield rule


def _declarations(content: list[Node] | None) -> Iterator[str]:
    parsed = tinycss2.parse_blocks_contents(content or [], skip_comments=True, skip_whitespace=True)
    for item in parsed:
        if isinstance(item, Declaration):
            value = " ".join(tinycss2.serialize(item.value).split())
            yield f"{item.name}:{value}{'!important' if item.important else ''}"
        elif isinstance(item, QualifiedRule | AtRule):  # nested CSS: kept as written
            yield item.serialize()


def _selectors(prelude: list[Node]) -> Iterator[list[Node]]:
    """The selectors of a selector list (commas inside ``:is()`` and the like stay)."""
    current: list[Node] = []
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            yield current
            current = []
        else:
            current.append(token)
    yield current


def _required(selector: list[Node]) -> set[str]:
    """The ``cv-`` classes an element must carry for *selector* to match."""
    return {
        token.value
        for dot, token in pairwise(selector)
        if isinstance(dot, LiteralToken) and dot.value == "." and isinstance(token, IdentToken)
        if token.value.startswith(PREFIX)
    }
