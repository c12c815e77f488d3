"""Build time with and without cv_link_previews, on docs/, interleaved in one run.

Each round builds docs/ with ``dirhtml`` into fresh folders twice, once with
``-D cv_link_previews=0`` and once with ``=1``; the medians and their ratio are
printed. The target (issue 11): the preview images cost at most 25 % build time.

    .venv/bin/python benchmarks/previews.py [--repeat 9]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
TARGET = 1.25


def build(flag: str) -> float:
    """Seconds for one clean ``dirhtml`` build of docs/."""
    folder = Path(tempfile.mkdtemp())
    try:
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-q",
                "-b",
                "dirhtml",
                "-D",
                f"cv_link_previews={flag}",
                "-d",
                str(folder / "doctrees"),
                str(DOCS),
                str(folder / "out"),
            ],
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - start
    finally:
        shutil.rmtree(folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"0": [], "1": []}
    for _ in range(args.repeat):
        for flag, spent in times.items():
            spent.append(build(flag))
    without, with_ = statistics.median(times["0"]), statistics.median(times["1"])
    ratio = with_ / without
    sys.stdout.write(
        f"without previews: median {without:.2f} s  {[round(t, 2) for t in times['0']]}\n"
        f"with previews:    median {with_:.2f} s  {[round(t, 2) for t in times['1']]}\n"
        f"ratio {ratio:.3f} (target ≤ {TARGET}): {'PASS' if ratio <= TARGET else 'MISS'}\n"
    )
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
