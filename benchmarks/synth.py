"""Synthetic career sites for the build-speed benchmark: one CV, written with cv_ext and without."""

from __future__ import annotations

from synth_cv_writer import CVWriter  # directives and roles
from synth_generate import generate  # a random CV of n objects
from synth_model import Obj, Site  # objects, pages, cross-references, expected rewrites
from synth_plain_writer import PlainWriter  # the same pages and text as plain MyST
from synth_writer import Writer, edit_project  # conf.py, shared page frame, the edit

__all__ = [
    "WRITERS",
    "CVWriter",
    "Obj",
    "PlainWriter",
    "Site",
    "Writer",
    "edit_project",
    "generate",
]

# the variants the benchmark builds, by name
WRITERS: dict[str, type[Writer]] = {"plain": PlainWriter, "cv_ext": CVWriter}
