"""The person's photo, when a resume names it by a path: copied into the site if it is there."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

#: the largest photo copied: a resume's photo is small; anything larger is not one
LARGEST = 10 * 1024 * 1024


def beside(source: Path, image: str) -> tuple[str, Path] | None:
    """(path in the site, file) of the relative *image* if it lies beside the resume *source*.

    ``photo.jpg``, ``./photo.jpg`` and ``/photo.jpg`` (the root of the resume's own site)
    all name ``photo.jpg`` beside the resume; a path leading out of its folder names nothing.
    """
    if not image or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", image) or image.startswith("//"):
        return None
    parts = [
        part for part in PurePosixPath(unquote(re.split(r"[?#]", image)[0])).parts
        if part not in ("/", ".")
    ]  # fmt: skip
    if not parts or ".." in parts:
        return None
    folder = source.parent.resolve()
    file = folder.joinpath(*parts)
    try:
        inside = file.resolve().is_relative_to(folder)
    except OSError:
        return None
    if not inside or not file.is_file() or file.stat().st_size > LARGEST:
        return None
    return "/".join(parts), file


def what_happens(source: Path, image: str) -> str:
    """What the import does with the photo *image* of the resume *source*, for the report."""
    found = beside(source, image)
    if found is None:
        return (
            "kept in the export as written; no such file beside the resume to copy: put "
            "the photo in the site and name it as the person's :image: to show it"
        )
    return f"kept as written; the file beside the resume is copied into the site as {found[0]}"


def copy_photo(source: Path, image: str, site: Path) -> None:
    """Copy the photo *image* beside the resume *source* into *site*, if it is there."""
    if (found := beside(source, image)) is not None:
        relative, file = found
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_bytes(file.read_bytes())
