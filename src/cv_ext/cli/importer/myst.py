"""A MyST page being written: its title and its blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from cv_ext.cli.myst.prose import block

#: longest slug in a file name: names stay short on every file system
FILE_SLUG = 40


@dataclass
class Page:
    """One MyST page being written."""

    title: str
    blocks: list[str] = field(default_factory=list)

    def text(self) -> str:
        """The page's MyST source."""
        return "\n\n".join([block(self.title, "heading"), *self.blocks]) + "\n"
