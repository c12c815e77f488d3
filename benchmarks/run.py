"""Build-speed benchmark: cv_ext against the same CV written as plain MyST.

For each size N it generates a synthetic CV of N objects twice (see synth.py),
once with cv_ext's directives and roles and once as plain MyST, and builds both
in the same run, interleaved, several times:

* a full ``html`` build into a fresh output and doctree directory,
* a no-op rebuild (nothing changed: Sphinx's own floor for a rebuild),
* a rebuild after changing a sentence of one project page, then one after changing its
  title (which every page showing the project must follow),
  counting the pages whose HTML file was rewritten,
* a full ``-j 2`` build,

each as ``python -m sphinx -q -b html`` in its own process, whose peak memory
comes from ``os.wait4``. It reports medians, ratios against the plain build and
the targets, PASS or MISS.

    python benchmarks/run.py --sizes 50,200,1000,5000 --repeat 5 --repeat-at 5000=2 --write-docs
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))  # the modules next to this script, from any working directory

from machine import assets, byte_compile, machine
from measure import SizeResult, bench_size
from report import report
from targets import evaluate

DOCS_PAGE = REPO / "guide" / "benchmarks.md"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line's options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50,200,1000,5000", help="comma-separated N")
    parser.add_argument("--repeat", type=int, default=5, help="builds per variant and N")
    parser.add_argument(
        "--repeat-at",
        default="",
        help="per-N override of --repeat, e.g. 5000=1",
    )
    parser.add_argument(
        "--edit-repeat",
        type=int,
        default=5,
        help="no-op and prose-edit builds per repeat, their median kept",
    )
    parser.add_argument("--jobs", type=int, default=2, help="-j of the parallel build")
    parser.add_argument("--no-parallel", action="store_true", help="skip the -j build")
    parser.add_argument("--theme", default="basic", help="html_theme of both sites")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work-dir", type=Path, help="where to generate and build (default: temp)")
    parser.add_argument("--json", type=Path, help="write every measurement to this file")
    parser.add_argument(
        "--write-docs", action="store_true", help=f"write {DOCS_PAGE.relative_to(REPO)}"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument(
        "--define",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting of the cv_ext site's builds (sphinx -D), e.g. cv_freeze_heap=0",
    )
    parser.add_argument(
        "--from-json",
        type=Path,
        help="report the measurements of an earlier run's --json instead of measuring",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the report; 1 if a build warned."""
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    repeat_at = {
        int(n): int(r) for n, r in (item.split("=") for item in args.repeat_at.split(",") if item)
    }
    jobs = 1 if args.no_parallel else args.jobs
    command = "python benchmarks/run.py " + " ".join(
        [f"--sizes {','.join(map(str, sizes))}", f"--repeat {args.repeat}"]
        + ([f"--repeat-at {args.repeat_at}"] if args.repeat_at else [])
        + ([f"--edit-repeat {args.edit_repeat}"] if args.edit_repeat != 5 else [])
        + (["--no-parallel"] if args.no_parallel else [])
        + ([f"--theme {args.theme}"] if args.theme != "basic" else [])
        + [f"--define {define}" for define in args.define]
        + ["--write-docs"]
    )
    if args.from_json:
        saved = json.loads(args.from_json.read_text(encoding="utf8"))
        results = [SizeResult.from_dict(result) for result in saved["results"]]
        elapsed, load = saved.get("elapsed_s"), tuple(saved.get("load", ()))
    else:
        byte_compile()
        started, load_before = time.perf_counter(), os.getloadavg()[0]
        with tempfile.TemporaryDirectory(prefix="cv-bench-") as temp:
            work = args.work_dir or Path(temp)
            results = [
                bench_size(
                    n,
                    repeat_at.get(n, args.repeat),
                    work,
                    jobs=jobs,
                    theme=args.theme,
                    seed=args.seed,
                    quiet=args.quiet,
                    defines=tuple(args.define),
                    edit_repeat=args.edit_repeat,
                )
                for n in sizes
            ]
        elapsed, load = time.perf_counter() - started, (load_before, os.getloadavg()[0])
    text = report(results, args, command, elapsed, load)
    sys.stdout.write(text)
    if args.json and not args.from_json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": machine(),
                    "assets_gzip": assets(),
                    "targets": evaluate(results, assets()),
                    "elapsed_s": elapsed,
                    "load": load,
                    "results": [asdict(r) for r in results],
                },
                indent=1,
            ),
            encoding="utf8",
        )
    if args.write_docs:
        DOCS_PAGE.write_text(text, encoding="utf8")
    for r in results:
        for variant, runs in r.runs.items():
            for run in runs:
                builds = (run.full, run.noop, run.prose, run.incremental, run.same_pages)
                for build in (*builds, run.parallel):
                    if build is not None and build.warnings:
                        sys.stderr.write(f"N={r.n} {variant}: warnings: {build.warnings[:5]}\n")
                        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
