"""Measuring Sphinx builds of the synthetic sites: wall and CPU time, memory, pages rewritten."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import synth

if TYPE_CHECKING:
    from pathlib import Path

VARIANTS = ("plain", "cv_ext")


@dataclass
class Build:
    """One Sphinx build: its times, its peak memory and its warnings."""

    seconds: float  # wall clock
    cpu_seconds: float  # user + system, the build and its workers: robust to a busy machine
    max_rss_mb: float
    warnings: list[str]


@dataclass
class Run:
    """One repeat of one variant at one size."""

    full: Build
    noop: Build  # the same build again, nothing changed: Sphinx's floor for a rebuild
    incremental: Build  # after changing one project's title (and its body text)
    parallel: Build | None
    rewritten: list[str]  # docnames whose HTML the incremental build rewrote
    rewritten_other: list[str]  # other HTML files it rewrote (genindex, search)
    noop_rewritten: list[str]  # docnames whose HTML the no-op build rewrote
    # after changing a sentence of the same project's body: the everyday edit
    prose: Build | None = None  # None in the JSON of runs that did not measure it
    prose_rewritten: list[str] = field(default_factory=list)
    # the plain site only: after the title edit, the pages showing the title touched and
    # built again, the work Sphinx alone does to show a new title everywhere
    same_pages: Build | None = None
    same_pages_rewritten: list[str] = field(default_factory=list)


@dataclass
class SizeResult:
    """Every repeat of both variants at one size N, and what the edit should rewrite."""

    n: int
    pages: int
    objects: int
    edited: str
    expected: list[str]
    expected_prose: list[str] = field(default_factory=list)
    runs: dict[str, list[Run]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SizeResult:
        """A result as ``dataclasses.asdict`` wrote it (``run.py --json``), read back."""

        def build(value: dict[str, Any] | None) -> Build | None:
            return None if value is None else Build(**value)

        runs = {
            variant: [
                Run(
                    **{
                        **run,
                        **{key: build(run[key]) for key in ("full", "noop", "incremental")},
                        "parallel": build(run["parallel"]),
                        "prose": build(run.get("prose")),
                        "same_pages": build(run.get("same_pages")),
                    }
                )
                for run in variant_runs
            ]
            for variant, variant_runs in data["runs"].items()
        }
        return cls(**{**data, "runs": runs})

    def median(self, variant: str, what: str, attr: str = "seconds") -> float | None:
        """The median *attr* of build *what* (full, noop, prose, incremental, parallel) of
        *variant*."""
        values = [
            getattr(getattr(run, what), attr)
            for run in self.runs.get(variant, [])
            if getattr(run, what) is not None
        ]
        return statistics.median(values) if values else None


def sphinx(
    srcdir: Path, outdir: Path, doctreedir: Path, jobs: int = 1, defines: tuple[str, ...] = ()
) -> Build:
    """Run one ``python -m sphinx -q -b html`` build in its own process (``-D`` *defines*)."""
    cmd = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(doctreedir)]
    cmd += ["-j", str(jobs)] if jobs > 1 else []
    cmd += [arg for define in defines for arg in ("-D", define)]
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


def steady(builds: list[Build]) -> Build:
    """The build of median CPU time among *builds* of the same thing."""
    return sorted(builds, key=lambda build: build.cpu_seconds)[len(builds) // 2]


def html_mtimes(outdir: Path) -> dict[str, int]:
    """The modification time of each page's HTML file in *outdir*, by its path there."""
    return {
        path.relative_to(outdir).as_posix(): path.stat().st_mtime_ns
        for path in outdir.rglob("*.html")
        if "_static" not in path.parts and "_sources" not in path.parts
    }


def run_once(
    site: synth.Site,
    variant: str,
    srcdir: Path,
    workdir: Path,
    *,
    jobs: int,
    defines: tuple[str, ...] = (),
    edit_repeat: int = 1,
) -> Run:
    """Full build, no-op rebuild, rebuild after a prose edit, then after a title edit, then
    (if jobs > 1) a -j full build. The no-op and the prose edit, short builds that a busy
    machine disturbs most, are made *edit_repeat* times, and their median kept."""
    if workdir.exists():
        shutil.rmtree(workdir)
    out, doctrees = workdir / "html", workdir / "doctrees"
    full = sphinx(srcdir, out, doctrees, defines=defines)
    built = html_mtimes(out)
    noop = steady([sphinx(srcdir, out, doctrees, defines=defines) for _ in range(edit_repeat)])
    before = html_mtimes(out)
    project = site.edit_target()
    source = srcdir / f"{project.docname}.md"
    original = synth.edit_project(srcdir, project, title=False)
    try:
        proses = [sphinx(srcdir, out, doctrees, defines=defines)]
        after_prose = html_mtimes(out)
        prose_changed = [path for path, mtime in after_prose.items() if before.get(path) != mtime]
        for _ in range(edit_repeat - 1):
            source.write_text(original, encoding="utf8")
            sphinx(srcdir, out, doctrees, defines=defines)  # back to the original, unmeasured
            synth.edit_project(srcdir, project, title=False)
            proses.append(sphinx(srcdir, out, doctrees, defines=defines))
        prose = steady(proses)
        after_prose = html_mtimes(out)  # what the title edit starts from
        # from the prose edit, the title edit changes the title alone
        source.write_text(original, encoding="utf8")
        synth.edit_project(srcdir, project)
        incremental = sphinx(srcdir, out, doctrees, defines=defines)
        after = html_mtimes(out)
        same_pages, after_same = None, after
        if variant == "plain":
            for page in site.expected_rewrites(project):
                os.utime(srcdir / f"{page}.md")
            same_pages = sphinx(srcdir, out, doctrees, defines=defines)
            after_same = html_mtimes(out)
    finally:
        source.write_text(original, encoding="utf8")
    changed = sorted(path for path, mtime in after.items() if after_prose.get(path) != mtime)
    docs = {f"{docname}.html": docname for docname in site.pages}
    parallel = None
    if jobs > 1:
        parallel = sphinx(
            srcdir, workdir / "html-j", workdir / "doctrees-j", jobs=jobs, defines=defines
        )
    shutil.rmtree(workdir)  # keep the work directory small at N = 5000
    return Run(
        full=full,
        noop=noop,
        incremental=incremental,
        parallel=parallel,
        rewritten=sorted(docs[path] for path in changed if path in docs),
        prose=prose,
        prose_rewritten=sorted(docs[path] for path in prose_changed if path in docs),
        same_pages=same_pages,
        same_pages_rewritten=sorted(
            docs[path]
            for path, mtime in after_same.items()
            if path in docs and after.get(path) != mtime
        ),
        rewritten_other=[path for path in changed if path not in docs],
        noop_rewritten=sorted(
            docs[path] for path, mtime in before.items() if path in docs and built[path] != mtime
        ),
    )


def bench_size(
    n: int,
    repeat: int,
    work: Path,
    *,
    jobs: int,
    theme: str,
    seed: int,
    quiet: bool,
    defines: tuple[str, ...] = (),
    edit_repeat: int = 1,
) -> SizeResult:
    """Generate the site of size *n*, write both variants, build each *repeat* times
    (the cv_ext variant with ``-D`` *defines*)."""
    site = synth.generate(n, seed=seed)
    project = site.edit_target()
    result = SizeResult(
        n=n,
        pages=len(site.pages),
        objects=len(site.objects),
        edited=project.docname,
        expected=sorted(site.expected_rewrites(project)),
        expected_prose=sorted(site.expected_prose_rewrites(project)),
    )
    srcdirs = {}
    for variant in VARIANTS:
        srcdirs[variant] = work / f"n{n}" / variant / "src"
        synth.WRITERS[variant](site).write(srcdirs[variant], theme)
    for index in range(repeat):
        for variant in VARIANTS:  # interleaved, so drift affects both alike
            run = run_once(
                site,
                variant,
                srcdirs[variant],
                work / f"n{n}" / variant / "build",
                jobs=jobs,
                defines=defines if variant == "cv_ext" else (),
                edit_repeat=edit_repeat,
            )
            result.runs.setdefault(variant, []).append(run)
            if not quiet:
                sys.stderr.write(
                    f"  N={n} #{index + 1} {variant:7} full {run.full.seconds:6.2f}s "
                    f"no-op {run.noop.seconds:5.2f}s prose {run.prose.seconds if run.prose else 0:5.2f}s "
                    f"({len(run.prose_rewritten)} pages) title {run.incremental.seconds:5.2f}s "
                    f"({len(run.rewritten)} pages) "
                    + (f"-j{jobs} {run.parallel.seconds:6.2f}s " if run.parallel else "")
                    + f"{run.full.max_rss_mb:6.0f} MB\n"
                )
                sys.stderr.flush()
    shutil.rmtree(work / f"n{n}")
    return result
