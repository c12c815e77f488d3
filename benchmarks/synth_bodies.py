"""The bodies of a synthetic CV's objects: paragraphs, nested lists, inline markup and roles.

A body is MyST text in which each reference to another object is a marker ``⟨i⟩``, the
*i*-th of the object's ``body_refs``; each writer puts its own link there (a cv_ext role,
or a ``{doc}``/``{ref}`` link written by hand), so both variants carry the same text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from synth_vocabulary import WORDS

if TYPE_CHECKING:
    import random
    from collections.abc import Callable

    from synth_model import Obj

MARKER = re.compile(r"⟨(\d+)⟩")


class Body:
    """Draws the text of one object's body, with its references."""

    def __init__(self, rng: random.Random, obj: Obj) -> None:
        self.rng, self.obj = rng, obj
        self.blocks: list[str] = []

    def words(self, count: int) -> str:
        """*count* random words, one of them sometimes as inline code."""
        words = [self.rng.choice(WORDS) for _ in range(count)]
        if count > 6 and self.rng.random() < 0.3:
            at = self.rng.randrange(count)
            words[at] = f"`{words[at]}`"
        return " ".join(words)

    def sentence(self, low: int, high: int, lead: str = "") -> str:
        """A sentence of *low* to *high* words, starting with *lead* if given."""
        text = self.words(self.rng.randint(low, high))
        return f"{lead} {text}." if lead else f"{text[0].upper()}{text[1:]}."

    def ref(self, typ: str, target: str) -> str:
        """The marker of a reference to the object (*typ*, *target*)."""
        self.obj.body_refs.append((typ, target))
        return f"⟨{len(self.obj.body_refs) - 1}⟩"

    def paragraph(self, sentences: int, lead: str = "") -> None:
        """A paragraph of *sentences* sentences, the first starting with *lead*."""
        parts = [self.sentence(8, 18, lead)] + [self.sentence(8, 18) for _ in range(sentences - 1)]
        if self.rng.random() < 0.25:
            parts.append(f"See [the notes](https://example.org/notes/{self.obj.id}).")
        self.blocks.append(" ".join(parts))

    def bullets(self, items: int, nested: int) -> None:
        """A list of *items* items, the first *nested* of them with two or three sub-items."""
        lines = []
        for index in range(items):
            lines.append(f"- {self.sentence(5, 12)}")
            if index < nested:
                lines += [f"  - {self.sentence(4, 10)}" for _ in range(self.rng.randint(2, 3))]
        self.blocks.append("\n".join(lines))

    def line(self, text: str) -> None:
        """One paragraph of *text* as given (references already turned into markers)."""
        self.blocks.append(text)

    def text(self) -> str:
        """The whole body."""
        return "\n\n".join(self.blocks)


def render(body: str, refs: list[tuple[str, str]], link: Callable[[str, str], str]) -> str:
    """*body* with each marker replaced by *link* (type, id) of its reference."""
    return MARKER.sub(lambda match: link(*refs[int(match[1])]), body)
