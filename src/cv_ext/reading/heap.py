"""Keep Python's cycle collector off what a build holds from start to end.

A Sphinx build keeps a large, long-lived heap: the imported modules, the environment,
the records of every page. Each full collection of the cycle collector walks all of it
again: about a quarter of the CPU time of a build of a thousand objects. :func:`gc.freeze`
moves the objects alive at that moment out of the collector's sight; objects made later
are collected as usual, and reference counting frees even frozen objects. The heap is
frozen while the pickled environment of an earlier build loads (the tens of thousands of
objects it makes set off a full collection of everything imported, 0.05 s of a rebuild
of a thousand objects), before pages are read and again before they are
written, and given back to the collector when the builder is ready and when the build
ends, so that a process running several builds (tests, a live server), or making an
application it never builds, collects what each left. The price is memory: a written page's
doctree, frozen with the rest, waits for the end of the build (at a thousand objects,
188 MB at the peak instead of 147).
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

#: set on the application while cv_ext holds objects frozen
FROZEN = "_cv_heap_frozen"


def setup_heap(app: Sphinx) -> None:
    """Freeze while the environment loads, before reading and before writing; unfreeze
    once the builder is ready and when the build finishes."""
    # config-inited comes last before Sphinx loads the environment, builder-inited after
    app.connect("config-inited", _before_loading)
    app.connect("builder-inited", _thaw)
    app.connect("env-before-read-docs", _before_reading)
    app.connect("write-started", _before_writing)
    app.connect("build-finished", _after_build)


def _before_loading(app: Sphinx, config: Config) -> None:
    _freeze(app)


def _before_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _freeze(app)


def _before_writing(app: Sphinx, builder: Builder) -> None:
    _freeze(app)


def _freeze(app: Sphinx) -> None:
    if not app.config.cv_freeze_heap:
        return
    # a process that froze objects itself keeps them so: thawing them is not ours to do
    # (counted only when needed: counting walks every frozen object)
    if not getattr(app, FROZEN, False) and gc.get_freeze_count():
        return
    gc.freeze()
    setattr(app, FROZEN, True)


def _thaw(app: Sphinx) -> None:
    if getattr(app, FROZEN, False):
        gc.unfreeze()
        setattr(app, FROZEN, False)


def _after_build(app: Sphinx, exception: BaseException | None) -> None:
    _thaw(app)
