#!/usr/bin/env python3
"""Lighthouse scores of the career site: build docs/, serve it, measure three pages.

Usage (from the repository, with the project's virtual environment):

    .venv/bin/python scripts/lighthouse.py [--out DIR] [--runs 3] [PAGE ...]

It builds docs/ with ``dirhtml`` (as the README does), serves the build on 127.0.0.1 as Read
the Docs serves it (compressed with brotli or gzip, with cache headers: ``rtd_server.py``),
and runs Lighthouse 12.2.3 (npm; installed on first use into
``~/.cache/cv-ext-lighthouse``, or ``$LIGHTHOUSE_PREFIX``) with Debian's Chromium
(``CHROME_PATH``, default ``/usr/bin/chromium``) and Lighthouse's default mobile preset.
Pages default to the home page, the experience page and one project page.

Each page is measured ``--runs`` times (default 3): the run of median performance counts.
It prints the accessibility, best-practices, SEO and performance scores of each page, the
metrics behind performance, and every audit that lost points outside performance. It exits 1 if a page misses the target:
100 for accessibility, best practices, SEO and performance.
The JSON and HTML reports are written to ``DIR/lighthouse/`` (default: a temporary folder).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from rtd_server import serve

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = "lighthouse@12.2.3"
PAGES = ["/", "/experience/", "/projects/hole-punching/"]
CATEGORIES = ["accessibility", "best-practices", "seo", "performance"]
TARGET = {"accessibility": 100, "best-practices": 100, "seo": 100, "performance": 100}
# the metrics of the performance score, by the audit that measures each
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
}
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def lighthouse_bin() -> Path:
    """The lighthouse executable, installed with npm into a cache folder on first use."""
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cv-ext-lighthouse"
    prefix = Path(os.environ.get("LIGHTHOUSE_PREFIX", default))
    exe = prefix / "node_modules" / ".bin" / "lighthouse"
    version = prefix / "node_modules" / "lighthouse" / "package.json"
    wanted = LIGHTHOUSE.rpartition("@")[2]
    if not (exe.exists() and json.loads(version.read_text())["version"] == wanted):
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("npm is needed to install Lighthouse")
        prefix.mkdir(parents=True, exist_ok=True)
        say(f"installing {LIGHTHOUSE} into {prefix}")
        subprocess.run(
            [
                npm,
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "-E",
                "--prefix",
                str(prefix),
                LIGHTHOUSE,
            ],
            check=True,
        )
    return exe


def build(out: Path) -> Path:
    site = out / "dirhtml"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-n",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "dirhtml",
            "-d",
            str(out / "doctrees"),
            str(REPO / "docs"),
            str(site),
        ],
        check=True,
    )
    return site


def measure(exe: Path, url: str, report: Path, chrome: str) -> dict[str, Any]:
    env = {**os.environ, "CHROME_PATH": chrome}
    subprocess.run(
        [
            str(exe),
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            "--output=html",
            f"--output-path={report}",
        ],
        check=True,
        env=env,
    )
    result: dict[str, Any] = json.loads(report.with_suffix(".report.json").read_text())
    return result


def scores_of(result: dict[str, Any]) -> dict[str, int]:
    """The score of each category, 0 to 100."""
    return {c: round(100 * (result["categories"][c]["score"] or 0)) for c in CATEGORIES}


def metrics_of(result: dict[str, Any]) -> str:
    """The metrics the performance score is made of, as Lighthouse displays them."""
    return ", ".join(
        f"{name} {result['audits'][audit]['displayValue']}"
        for name, audit in METRICS.items()
        if audit in result["audits"]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", default=PAGES, help="URL paths (default: %(default)s)")
    parser.add_argument("--out", type=Path, help="build and report folder (default: temporary)")
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per page; the run of median performance counts"
    )
    args = parser.parse_args()

    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(chrome).exists():
        sys.exit(f"no Chromium at {chrome}: apt-get install chromium, or set CHROME_PATH")
    exe = lighthouse_bin()
    out = args.out.resolve() if args.out else Path(tempfile.mkdtemp(prefix="cv-lighthouse-"))
    site = build(out)
    reports = out / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)

    httpd, base = serve(site)
    missed = []
    rows = []
    try:
        for path in args.pages:
            name = path.strip("/").replace("/", "-") or "home"
            runs = [
                measure(exe, base + path, reports / f"{name}-{run + 1}", chrome)
                for run in range(args.runs)
            ]
            runs.sort(key=lambda result: scores_of(result)["performance"])
            result = runs[len(runs) // 2]
            scores = scores_of(result)
            every = [scores_of(run)["performance"] for run in runs]
            rows.append((path, scores, every, metrics_of(result)))
            for category in CATEGORIES:
                if scores[category] < TARGET[category]:
                    missed.append(f"{path} {category} {scores[category]} < {TARGET[category]}")
                if category == "performance":
                    continue
                for ref in result["categories"][category]["auditRefs"]:
                    audit = result["audits"][ref["id"]]
                    if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                        missed.append(f"{path} {category}: [{audit['id']}] {audit['title']}")
    finally:
        httpd.shutdown()
        httpd.server_close()

    say()
    say(f"{'page':<28}" + "".join(f"{c:>16}" for c in CATEGORIES) + "   performance of each run")
    for path, scores, every, _ in rows:
        say(f"{path:<28}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES) + f"   {every}")
    for path, _, _, metrics in rows:
        say(f"{path}: {metrics}")
    say(f"\nreports: {reports}")
    if missed:
        say("\nbelow target:\n  " + "\n  ".join(missed))
        return 1
    say("all pages meet the target (100 in every category)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
