"""Build-speed benchmark: cv_ext against the same CV written as plain MyST.

For each size N it generates a synthetic CV of N objects twice (see synth.py),
once with cv_ext's directives and roles and once as plain MyST, and builds both
in the same run, interleaved, several times:

* a full ``html`` build into a fresh output and doctree directory,
* an incremental rebuild after editing one project page (its title and its body),
  counting the pages whose HTML file was rewritten,
* a full ``-j 2`` build,

each as ``python -m sphinx -q -b html`` in its own process, whose peak memory
comes from ``os.wait4``. It reports medians, ratios against the plain build and
the targets, PASS or MISS.

    python benchmarks/run.py --sizes 100,500,1000,5000 --repeat 3 --write-docs
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import synth

VARIANTS = ("plain", "cv_ext")
DOCS_PAGE = REPO / "docs" / "benchmarks.md"

# the targets of the issue
MAX_RATIO = 1.25  # cv_ext full build / plain full build, at every N
MAX_SCALING = 11.0  # time(5000) / time(500)
MAX_INCREMENTAL_S = 2.0  # at N = 1000
MAX_MEMORY_SLOPE_RATIO = 1.5  # memory per object, largest step / smaller steps
MAX_ASSETS_GZ = 8 * 1024


@dataclass
class Build:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system, the build and its workers: robust to a busy machine
    max_rss_mb: float
    warnings: list[str]


@dataclass
class Run:
    """One repeat of one variant at one size."""

    full: Build
    incremental: Build
    parallel: Build | None
    rewritten: list[str]  # docnames whose HTML the incremental build rewrote
    rewritten_other: list[str]  # other HTML files it rewrote (genindex, search)


@dataclass
class SizeResult:
    n: int
    pages: int
    objects: int
    edited: str
    expected: list[str]
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def median(self, variant: str, what: str, attr: str = "seconds") -> float | None:
        values = [
            getattr(getattr(run, what), attr)
            for run in self.runs.get(variant, [])
            if getattr(run, what) is not None
        ]
        return statistics.median(values) if values else None


def sphinx(srcdir: Path, outdir: Path, doctreedir: Path, jobs: int = 1) -> Build:
    """Run one ``python -m sphinx -q -b html`` build in its own process."""
    cmd = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(doctreedir)]
    cmd += ["-j", str(jobs)] if jobs > 1 else []
    cmd += [str(srcdir), str(outdir)]
    log = outdir.parent / f"{outdir.name}.log"
    outdir.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a", encoding="utf8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        # wait4 gives this build's own peak RSS (and its -j workers'), not the max of all builds
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf8")
    if process.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({process.returncode}):\n{text[-3000:]}")
    warnings = [line for line in text.splitlines() if "WARNING" in line or "ERROR" in line]
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, warnings)


def html_mtimes(outdir: Path) -> dict[str, int]:
    return {
        path.relative_to(outdir).as_posix(): path.stat().st_mtime_ns
        for path in outdir.rglob("*.html")
        if "_static" not in path.parts and "_sources" not in path.parts
    }


def run_once(site: synth.Site, variant: str, srcdir: Path, workdir: Path, *, jobs: int) -> Run:
    """Full build, incremental rebuild after the edit, then (if jobs > 1) a -j full build."""
    if workdir.exists():
        shutil.rmtree(workdir)
    out, doctrees = workdir / "html", workdir / "doctrees"
    full = sphinx(srcdir, out, doctrees)
    before = html_mtimes(out)
    project = site.edit_target()
    original = synth.edit_project(srcdir, project)
    try:
        incremental = sphinx(srcdir, out, doctrees)
    finally:
        (srcdir / f"{project.docname}.md").write_text(original, encoding="utf8")
    after = html_mtimes(out)
    changed = sorted(path for path, mtime in after.items() if before.get(path) != mtime)
    docs = {f"{docname}.html": docname for docname in site.pages}
    parallel = None
    if jobs > 1:
        parallel = sphinx(srcdir, workdir / "html-j", workdir / "doctrees-j", jobs=jobs)
    shutil.rmtree(workdir)  # keep the work directory small at N = 5000
    return Run(
        full=full,
        incremental=incremental,
        parallel=parallel,
        rewritten=sorted(docs[path] for path in changed if path in docs),
        rewritten_other=[path for path in changed if path not in docs],
    )


def bench_size(
    n: int, repeat: int, work: Path, *, jobs: int, theme: str, seed: int, quiet: bool
) -> SizeResult:
    site = synth.generate(n, seed=seed)
    project = site.edit_target()
    result = SizeResult(
        n=n,
        pages=len(site.pages),
        objects=len(site.objects),
        edited=project.docname,
        expected=sorted(site.expected_rewrites(project)),
    )
    srcdirs = {}
    for variant in VARIANTS:
        srcdirs[variant] = work / f"n{n}" / variant / "src"
        synth.WRITERS[variant](site).write(srcdirs[variant], theme)
    for index in range(repeat):
        for variant in VARIANTS:  # interleaved, so drift affects both alike
            run = run_once(
                site, variant, srcdirs[variant], work / f"n{n}" / variant / "build", jobs=jobs
            )
            result.runs.setdefault(variant, []).append(run)
            if not quiet:
                sys.stderr.write(
                    f"  N={n} #{index + 1} {variant:7} full {run.full.seconds:6.2f}s "
                    f"incr {run.incremental.seconds:5.2f}s ({len(run.rewritten)} pages) "
                    + (f"-j{jobs} {run.parallel.seconds:6.2f}s " if run.parallel else "")
                    + f"{run.full.max_rss_mb:6.0f} MB\n"
                )
                sys.stderr.flush()
    shutil.rmtree(work / f"n{n}")
    return result


# --- reporting -----------------------------------------------------------------------------------


def cv_ext_dir() -> Path:
    """The cv_ext package the builds import (the working tree, or whatever PYTHONPATH names)."""
    spec = importlib.util.find_spec("cv_ext")
    assert spec is not None and spec.origin is not None, "cv_ext is not installed"
    return Path(spec.origin).parent


def cv_ext_digest() -> str:
    """A short digest of cv_ext's sources, to tell which code a report measured."""
    digest = hashlib.sha256()
    for path in sorted(cv_ext_dir().rglob("*")):
        if path.is_file() and path.suffix in (".py", ".css", ".js"):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def assets() -> dict[str, int]:
    """gzip -9 size of each of cv_ext's own CSS and JS files (src/cv_ext/static/)."""
    return {
        path.name: len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
        for path in sorted((cv_ext_dir() / "static").iterdir())
        if path.suffix in (".css", ".js")
    }


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        memory = "?"
    versions = {}
    for package in ("sphinx", "myst-parser", "docutils", "cv-ext"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "?"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        **versions,
        "cv_ext_sources": cv_ext_digest(),
    }


def fmt(value: float | None, unit: str = "", digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}{unit}"


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def evaluate(results: list[SizeResult], static: dict[str, int]) -> list[tuple[str, str, str]]:
    """(target, measured, PASS/MISS/n/a) for each target of the issue."""
    targets = []
    by_n = {r.n: r for r in results}
    ratios = {r.n: ratio(r.median("cv_ext", "full"), r.median("plain", "full")) for r in results}
    cpu = {
        r.n: ratio(
            r.median("cv_ext", "full", "cpu_seconds"), r.median("plain", "full", "cpu_seconds")
        )
        for r in results
    }
    worst = max((value for value in ratios.values() if value is not None), default=None)
    targets.append(
        (
            f"full build cv_ext / plain ≤ {MAX_RATIO} at every N",
            ", ".join(f"N={n}: {fmt(value)}× (CPU {fmt(cpu[n])}×)" for n, value in ratios.items()),
            verdict(None if worst is None else worst <= MAX_RATIO),
        )
    )
    if 500 in by_n and 5000 in by_n:
        scale = ratio(by_n[5000].median("cv_ext", "full"), by_n[500].median("cv_ext", "full"))
        plain = ratio(by_n[5000].median("plain", "full"), by_n[500].median("plain", "full"))
        scale_cpu = ratio(
            by_n[5000].median("cv_ext", "full", "cpu_seconds"),
            by_n[500].median("cv_ext", "full", "cpu_seconds"),
        )
        targets.append(
            (
                f"cv_ext full build time(5000) / time(500) ≤ {MAX_SCALING:g}",
                f"{fmt(scale)} (CPU {fmt(scale_cpu)}; plain: {fmt(plain)})",
                verdict(None if scale is None else scale <= MAX_SCALING),
            )
        )
    else:
        targets.append((f"time(5000) / time(500) ≤ {MAX_SCALING:g}", "needs N=500 and 5000", "n/a"))
    exact = {
        r.n: all(sorted(run.rewritten) == r.expected for run in r.runs["cv_ext"]) for r in results
    }
    counts = ", ".join(
        f"N={r.n}: {len(r.runs['cv_ext'][0].rewritten)}/{len(r.expected)}" for r in results
    )
    targets.append(
        (
            "incremental rebuild rewrites exactly the edited project and the pages showing it",
            f"rewritten/expected pages {counts}",
            verdict(all(exact.values())),
        )
    )
    if 1000 in by_n:
        seconds = by_n[1000].median("cv_ext", "incremental")
        targets.append(
            (
                f"incremental rebuild at N=1000 ≤ {MAX_INCREMENTAL_S:g} s",
                (
                    f"{fmt(seconds, ' s')} "
                    f"(CPU {fmt(by_n[1000].median('cv_ext', 'incremental', 'cpu_seconds'), ' s')}; "
                    f"plain: {fmt(by_n[1000].median('plain', 'incremental'), ' s')})"
                ),
                verdict(seconds is not None and seconds <= MAX_INCREMENTAL_S),
            )
        )
    else:
        targets.append(
            (f"incremental rebuild at N=1000 ≤ {MAX_INCREMENTAL_S:g} s", "needs N=1000", "n/a")
        )
    targets.append(memory_target(results))
    total = sum(static.values())
    targets.append(
        (
            "cv_ext CSS + JS ≤ 8 KB gzipped; no JavaScript needed for the timeline",
            (
                f"{total} B gzip -9 ({', '.join(f'{k}: {v} B' for k, v in static.items())}); "
                f"{sum(name.endswith('.js') for name in static)} JS files"
            ),
            verdict(total <= MAX_ASSETS_GZ and not any(n.endswith(".js") for n in static)),
        )
    )
    return targets


def memory_slopes(results: list[SizeResult], variant: str) -> tuple[float, float] | None:
    """MB per 1,000 objects: from the smallest to the second-largest N, and the last step."""
    points = sorted((r.objects, r.median(variant, "full", "max_rss_mb")) for r in results)
    if len(points) < 3 or any(mb is None for _, mb in points):
        return None
    (n0, m0), (n1, m1), (n2, m2) = points[0], points[-2], points[-1]
    assert m0 is not None and m1 is not None and m2 is not None
    return (m1 - m0) / (n1 - n0) * 1000, (m2 - m1) / (n2 - n1) * 1000


def memory_target(results: list[SizeResult]) -> tuple[str, str, str]:
    name = (
        f"peak memory grows linearly: MB per 1,000 objects of the last step "
        f"≤ {MAX_MEMORY_SLOPE_RATIO}× that of the steps before"
    )
    cv, plain = memory_slopes(results, "cv_ext"), memory_slopes(results, "plain")
    if cv is None or plain is None:
        return name, "needs 3 sizes", "n/a"
    measured = (
        f"cv_ext {cv[0]:.1f} → {cv[1]:.1f} MB/1k objects; plain {plain[0]:.1f} → {plain[1]:.1f}"
    )
    return name, measured, verdict(cv[1] <= MAX_MEMORY_SLOPE_RATIO * max(cv[0], 0.1))


def tables(results: list[SizeResult], jobs: int) -> list[str]:
    """Markdown tables of the medians."""
    lines = [
        (
            "| N | pages | plain full | cv_ext full | ratio | CPU plain | CPU cv_ext | CPU ratio | "
            f"plain -j {jobs} | cv_ext -j {jobs} | ratio -j |"
        ),
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        pf, cf = r.median("plain", "full"), r.median("cv_ext", "full")
        pc = r.median("plain", "full", "cpu_seconds")
        cc = r.median("cv_ext", "full", "cpu_seconds")
        pj, cj = r.median("plain", "parallel"), r.median("cv_ext", "parallel")
        lines.append(
            f"| {r.n:,} | {r.pages:,} | {fmt(pf, ' s')} | {fmt(cf, ' s')} | "
            f"{fmt(ratio(cf, pf))}× | {fmt(pc, ' s')} | {fmt(cc, ' s')} | {fmt(ratio(cc, pc))}× | "
            f"{fmt(pj, ' s')} | {fmt(cj, ' s')} | {fmt(ratio(cj, pj))}× |"
        )
    lines += [
        "",
        (
            "Incremental rebuild after editing one project page (its title and its body text); "
            "pages are the documents whose HTML file was rewritten (genindex and search, which "
            "Sphinx always rewrites, not counted):"
        ),
        "",
        (
            "| N | edited page | plain | cv_ext | ratio | pages rewritten, plain | "
            "pages rewritten, cv_ext | expected | exact |"
        ),
        "|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        pi, ci = r.median("plain", "incremental"), r.median("cv_ext", "incremental")
        cv_runs = r.runs["cv_ext"]
        exact = all(sorted(run.rewritten) == r.expected for run in cv_runs)
        lines.append(
            f"| {r.n:,} | `{r.edited}` | {fmt(pi, ' s')} | {fmt(ci, ' s')} | "
            f"{fmt(ratio(ci, pi))}× | {len(r.runs['plain'][0].rewritten)} | "
            f"{len(cv_runs[0].rewritten)} | {len(r.expected)} | {'yes' if exact else 'no'} |"
        )
    lines += [
        "",
        "Peak memory (maximum resident set size of the build process and its workers):",
        "",
        f"| N | objects | plain full | cv_ext full | ratio | plain -j {jobs} | cv_ext -j {jobs} |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        pm, cm = r.median("plain", "full", "max_rss_mb"), r.median("cv_ext", "full", "max_rss_mb")
        pj = r.median("plain", "parallel", "max_rss_mb")
        cj = r.median("cv_ext", "parallel", "max_rss_mb")
        lines.append(
            f"| {r.n:,} | {r.objects:,} | {fmt(pm, ' MB', 0)} | {fmt(cm, ' MB', 0)} | "
            f"{fmt(ratio(cm, pm))}× | {fmt(pj, ' MB', 0)} | {fmt(cj, ' MB', 0)} |"
        )
    return lines


def report(
    results: list[SizeResult],
    args: argparse.Namespace,
    command: str,
    elapsed: float,
    load: tuple[float, float],
) -> str:
    """The whole report as a MyST page."""
    static = assets()
    info = machine()
    repeats = ", ".join(f"N={r.n}: {len(r.runs['cv_ext'])}" for r in results)
    lines = [
        "---",
        "orphan: true",
        "---",
        "",
        "# Build speed",
        "",
        (
            "How long Sphinx takes to build a career site with `cv_ext`, against the same site "
            "written as plain MyST: the same pages and the same text, with headings, paragraphs "
            "and links written out by hand where `cv_ext` has directives, roles, overviews, "
            "indices and backlinks. Each site has N objects (10% timeline entries, 45% "
            "achievements, 25% projects with a page each, 20% talks), with tags and "
            "cross-references. Times are medians of separate `python -m sphinx -q -b html` "
            f"processes (repeats: {repeats}); the HTML theme is `{args.theme}`."
        ),
        "",
        "This page is written by the benchmark. To regenerate it, run from the repository root:",
        "",
        "```sh",
        command,
        "```",
        "",
        "## Targets",
        "",
        "| target | measured | result |",
        "|---|---|---|",
        *(
            f"| {name} | {measured} | {result} |"
            for name, measured, result in evaluate(results, static)
        ),
        "",
        "## Results",
        "",
        (
            "Full builds (fresh output and environment); wall-clock medians, then CPU time "
            "(user + system) medians, which a busy machine disturbs less:"
        ),
        "",
        *tables(results, args.jobs),
        "",
        "## Machine",
        "",
        (
            f"{info['cpu']}, {info['cores']} cores, {info['memory']}; {info['os']}; "
            f"Python {info['python']}, Sphinx {info['sphinx']}, MyST-Parser {info['myst-parser']}, "
            f"docutils {info['docutils']}, cv_ext {info['cv-ext']} "
            f"(sources digest `{info['cv_ext_sources']}`). "
            f"The whole run took {elapsed / 60:.0f} min."
        ),
        "",
    ]
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,500,1000,5000", help="comma-separated N")
    parser.add_argument("--repeat", type=int, default=3, help="builds per variant and N")
    parser.add_argument(
        "--repeat-at",
        default="",
        help="per-N override of --repeat, e.g. 5000=1",
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
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    repeat_at = {
        int(n): int(r) for n, r in (item.split("=") for item in args.repeat_at.split(",") if item)
    }
    jobs = 1 if args.no_parallel else args.jobs
    command = "python benchmarks/run.py " + " ".join(
        [f"--sizes {','.join(map(str, sizes))}", f"--repeat {args.repeat}"]
        + ([f"--repeat-at {args.repeat_at}"] if args.repeat_at else [])
        + (["--no-parallel"] if args.no_parallel else [])
        + ([f"--theme {args.theme}"] if args.theme != "basic" else [])
        + ["--write-docs"]
    )
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
            )
            for n in sizes
        ]
    load = (load_before, os.getloadavg()[0])
    text = report(results, args, command, time.perf_counter() - started, load)
    sys.stdout.write(text)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": machine(),
                    "assets_gzip": assets(),
                    "targets": evaluate(results, assets()),
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
                for build in (run.full, run.incremental, run.parallel):
                    if build is not None and build.warnings:
                        sys.stderr.write(f"N={r.n} {variant}: warnings: {build.warnings[:5]}\n")
                        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
