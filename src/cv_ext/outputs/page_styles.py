"""The rules of a stylesheet that a page's own markup can match, by its ``cv-`` classes.

A selector that names a ``cv-`` class the page does not have can match nothing there, so
it goes; a rule with no selector left goes, and so does an ``@media`` block left empty.
Everything else stays as written: selectors without ``cv-`` classes (``body``), classes
inside ``:has()`` or ``:not()`` (what they need is not a class the element must carry),
``@page`` and any other at-rule.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

import tinycss2
from tinycss2.ast import AtRule, Declaration, IdentToken, LiteralToken, QualifiedRule

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from tinycss2.ast import Node

PREFIX = "cv-"
_CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')


def classes_in(html: str) -> set[str]:
    """Every class name in *html*'s ``class`` attributes (Sphinx and cv_ext quote them so)."""
    return {name for value in _CLASS_ATTRIBUTE.findall(html) for name in value.split()}


def trim(css: str, classes: Iterable[str]) -> str:
    """The rules of *css* a page whose markup carries *classes* can match, compactly written."""
    have = {name for name in classes if name.startswith(PREFIX)}
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(_kept(rules, have)) + "\n"


def needs_styles(classes: Iterable[str]) -> bool:
    """Whether markup with *classes* is cv_ext's at all: a page without any needs none."""
    return any(name.startswith(PREFIX) for name in classes)


def _kept(rules: Iterable[Node], have: set[str]) -> Iterator[str]:
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = [s for s in _selectors(rule.prelude) if _required(s) <= have]
            if selectors:
                body = ";".join(_declarations(rule.content))
                yield f"{','.join(tinycss2.serialize(s).strip() for s in selectors)}{{{body}}}"
        elif isinstance(rule, AtRule):
            yield from _at_rule(rule, have)


def _at_rule(rule: AtRule, have: set[str]) -> Iterator[str]:
    prelude = " ".join(tinycss2.serialize(rule.prelude).split())
    if rule.content is None:
        yield f"@{rule.at_keyword} {prelude};"
    elif rule.lower_at_keyword == "media":
        inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
        if kept := list(_kept(inner, have)):
            yield f"@media {prelude}{{{''.join(kept)}}}"
    elif rule.lower_at_keyword == "page":
        yield f"@page{' ' + prelude if prelude else ''}{{{';'.join(_declarations(rule.content))}}}"
    else:  # anything else (@supports, @font-face, ...) as written
        yield rule.serialize()


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
