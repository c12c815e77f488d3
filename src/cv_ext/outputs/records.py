"""What a build leaves beside the doctrees for the next one: small JSON files of outputs.

An incremental build writes only some files; to remove what it no longer writes (an
unused stylesheet, a redirect taken out), it needs to know what earlier builds wrote.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


def read_record(path: Path) -> dict[str, Any]:
    """The JSON object at *path*; empty if there is none or it is unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_record(path: Path, data: dict[str, Any]) -> None:
    """Write *data* at *path* for the next build."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf8")
