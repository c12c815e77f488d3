"""sphinx-build that lists the pages its HTML builder writes: Sphinx's own account of a rebuild.

Run as ``python tests/written.py SPHINX-BUILD-ARGS`` with ``CV_TEST_WRITTEN=FILE``: it loads
this module as one more extension, which appends the name of each page Sphinx renders
(its ``html-page-context`` event, in parallel writers too) to FILE, one a line. The rebuild
tests judge what a build rewrote by this list, never by file times.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: the environment variable naming the file the written pages are appended to
TARGET = "CV_TEST_WRITTEN"


def _note(app: Sphinx, pagename: str, *_: object) -> None:
    # one short line per write: appends of a few bytes do not interleave across workers
    with Path(os.environ[TARGET]).open("a", encoding="utf8") as stream:
        stream.write(pagename + "\n")


def setup(app: Sphinx) -> dict[str, Any]:
    """Note every page the HTML builders render, when ``CV_TEST_WRITTEN`` names a file."""
    if os.environ.get(TARGET):
        app.connect("html-page-context", _note)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    import sphinx.application
    from sphinx.cmd.build import main

    # a built-in extension for this run: the project's conf.py stays as it is
    sphinx.application.builtin_extensions += ("written",)
    sys.exit(main(sys.argv[1:]))
