"""Time of ``python -m cv_ext match`` on docs/, against reading docs/ alone, interleaved.

Each round runs, each in its own process, ``python -m sphinx -b dummy`` on docs/ (what
``match`` has to read anyway) and ``python -m cv_ext match AD --site docs`` on the example
ad. It prints the medians, their ratio and the matching alone (in this process, on every
ad of tests/data/jobads). The targets (issue 21): ``match`` under 2 s, and at most 1.5
times the time of reading the site, so the matching itself stays small on any machine.

    .venv/bin/python benchmarks/match.py [--repeat 5]
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

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
AD = REPO / "tests" / "data" / "jobad-networking.txt"
ADS = REPO / "tests" / "data" / "jobads"
MAX_SECONDS = 2.0
MAX_RATIO = 1.5


def timed(command: list[str]) -> float:
    """Seconds one command takes, run to its end."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - start


def read_site() -> float:
    """Seconds of one clean ``dummy`` build of docs/: reading it, writing nothing."""
    folder = Path(tempfile.mkdtemp())
    try:
        return timed(
            [sys.executable, "-m", "sphinx", "-q", "-b", "dummy", "-E", str(DOCS), str(folder)]
        )
    finally:
        shutil.rmtree(folder)


def matching_alone() -> list[float]:
    """Seconds of ``core.matching.match`` per real ad, the site read once beforehand."""
    sys.path.insert(0, str(REPO / "src"))
    from cv_ext.cli.match import read_site as read
    from cv_ext.core.matching import match

    site = read(DOCS)
    spent = []
    for path in sorted(ADS.glob("*.txt")):
        ad = path.read_text(encoding="utf8")
        start = time.perf_counter()
        match(ad, site.records, site.audiences, today=site.today, url_of=site.url_of)
        spent.append(time.perf_counter() - start)
    return spent


def main(argv: list[str] | None = None) -> int:
    """Measure, print, and exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    reading: list[float] = []
    matching: list[float] = []
    for _ in range(args.repeat):
        reading.append(read_site())
        matching.append(timed([sys.executable, "-m", "cv_ext", "match", str(AD), "--site", "docs"]))
    read_median, match_median = statistics.median(reading), statistics.median(matching)
    ratio = match_median / read_median
    alone = matching_alone()
    fast = match_median < MAX_SECONDS
    small = ratio <= MAX_RATIO
    sys.stdout.write(
        f"read docs/ (dummy build): median {read_median:.2f} s  {[round(t, 2) for t in reading]}\n"
        f"match the example ad:     median {match_median:.2f} s  "
        f"{[round(t, 2) for t in matching]}\n"
        f"matching alone, {len(alone)} real ads: median {statistics.median(alone) * 1000:.0f} ms, "
        f"max {max(alone) * 1000:.0f} ms\n"
        f"match < {MAX_SECONDS:g} s: {'PASS' if fast else 'MISS'}\n"
        f"ratio match / read {ratio:.2f} (target <= {MAX_RATIO:g}): "
        f"{'PASS' if small else 'MISS'}\n"
    )
    return 0 if fast and small else 1


if __name__ == "__main__":
    sys.exit(main())
