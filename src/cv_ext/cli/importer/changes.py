"""Every value an import changed or dropped, reported: a :class:`ChangeLog` of :class:`Change`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

SURROGATE = re.compile(r"[\ud800-\udfff]")


def to_json(value: Any, indent: int | None = None) -> str:
    """*value* as JSON text that UTF-8 can hold: an unpaired surrogate stays escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


@dataclass(frozen=True)
class Change:
    """One value the import changed or dropped."""

    path: str
    value: Any
    action: str
    result: Any = None

    def line(self) -> str:
        """One line for the terminal: ``work/0/endDate: "Present": ongoing: no endDate``."""
        value = to_json(self.value)
        if len(value) > 80:
            value = value[:77] + "..."
        return f"{self.path}: {value}: {self.action}"

    def as_json(self) -> dict[str, Any]:
        """The change as a JSON object for ``import-report.json``."""
        record = {"path": self.path, "value": self.value, "action": self.action}
        if self.result is not None:
            record["result"] = self.result
        return record


@dataclass
class ChangeLog:
    """The changes an import made, in order: nothing is changed or dropped unreported."""

    changes: list[Change] = field(default_factory=list)

    def note(self, path: str, value: Any, action: str, result: Any = None) -> None:
        """Report one change."""
        self.changes.append(Change(path, value, action, result))
