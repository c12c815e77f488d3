"""``python -m cv_ext``: the command line (:mod:`cv_ext.cli`)."""

from __future__ import annotations

import sys

from cv_ext.cli.commands import main

if __name__ == "__main__":
    sys.exit(main())
