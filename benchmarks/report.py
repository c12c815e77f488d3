"""The benchmark's report as a MyST page: its text, the targets and the tables of medians."""

from __future__ import annotations

from typing import TYPE_CHECKING

from figures import fmt, ratio
from machine import assets, machine
from targets import evaluate

if TYPE_CHECKING:
    import argparse

    from measure import SizeResult


def times(value: float | None) -> str:
    """A ratio as ``1.05×``, or a dash if it was not measured."""
    return fmt(value) + ("×" if value is not None else "")


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
            f"{times(ratio(cf, pf))} | {fmt(pc, ' s')} | {fmt(cc, ' s')} | {times(ratio(cc, pc))} | "
            f"{fmt(pj, ' s')} | {fmt(cj, ' s')} | {times(ratio(cj, pj))} |"
        )
    lines += [
        "",
        (
            "Rebuilds: a no-op rebuild (nothing changed), then a rebuild after changing a "
            "sentence of one project page's body (prose), then one after changing its title; "
            "wall clock (CPU time), the differences in CPU time. Pages are the documents whose "
            "HTML file the edit rewrote (genindex and search, which Sphinx always rewrites, "
            "not counted). A title shows on every page that links to the project, lists it or "
            "is listed by it, and cv_ext rewrites them all; the plain site, built by Sphinx "
            "alone, rewrites two pages and leaves the old title on the others. To show the new "
            "title everywhere, Sphinx alone must read and write those pages again: *plain, "
            "same pages* is the plain build after touching them:"
        ),
        "",
        (
            "| N | edited page | plain no-op | cv_ext no-op | plain prose | cv_ext prose | "
            "cv_ext prose − plain no-op | plain title | cv_ext title | "
            "cv_ext title − plain no-op | plain, same pages | "
            "pages rewritten: prose, plain / cv_ext | "
            "title, plain / cv_ext | expected: prose / title | exact |"
        ),
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:

        def both(variant: str, what: str, r: SizeResult = r) -> str:
            wall, cpu = r.median(variant, what), r.median(variant, what, "cpu_seconds")
            return f"{fmt(wall, ' s')} ({fmt(cpu, ' s')})"

        def over(what: str, r: SizeResult = r) -> str:
            edit = r.median("cv_ext", what, "cpu_seconds")
            noop = r.median("plain", "noop", "cpu_seconds")
            return fmt(None if edit is None or noop is None else edit - noop, " s")

        plain, cv_runs = r.runs["plain"][0], r.runs["cv_ext"]
        exact = all(
            sorted(run.rewritten) == r.expected and sorted(run.prose_rewritten) == r.expected_prose
            for run in cv_runs
        )
        lines.append(
            f"| {r.n:,} | `{r.edited}` | {both('plain', 'noop')} | {both('cv_ext', 'noop')} | "
            f"{both('plain', 'prose')} | {both('cv_ext', 'prose')} | {over('prose')} | "
            f"{both('plain', 'incremental')} | {both('cv_ext', 'incremental')} | "
            f"{over('incremental')} | {both('plain', 'same_pages')} | "
            f"{len(plain.prose_rewritten)} / {len(cv_runs[0].prose_rewritten)} | "
            f"{len(plain.rewritten)} / {len(cv_runs[0].rewritten)} | "
            f"{len(r.expected_prose)} / {len(r.expected)} | {'yes' if exact else 'no'} |"
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
            f"{times(ratio(cm, pm))} | {fmt(pj, ' MB', 0)} | {fmt(cj, ' MB', 0)} |"
        )
    return lines


def report(
    results: list[SizeResult],
    args: argparse.Namespace,
    command: str,
    elapsed: float | None,
    load: tuple[float, ...],
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
            "written as plain MyST. Each site has N objects shaped like a real CV: 10% timeline "
            "entries with bodies of several paragraphs and a bullet list with nested items; 45% "
            "achievements, most with a metric and an entry, so that entries show their results; "
            "25% projects with a page each; 20% talks; every object with tags, and projects and "
            "talks referencing each other both ways. The plain site has the same pages, "
            "headings and text: what `cv_ext` computes (dates and durations, results, "
            '"Referenced from" with its counts, the overview, the indices, the skills ranked '
            "by evidence) is written out by hand, with `{doc}` and `{ref}` links "
            "(`tests/test_benchmark.py` checks that both text builds hold the same words on "
            "every page). Both variants are built in one run, interleaved; times are medians "
            f"of separate `python -m sphinx -q -b html` processes (repeats: {repeats}; in "
            f"each, the no-op rebuild and the prose edit {getattr(args, 'edit_repeat', 1)} "
            "times, as short builds are the most disturbed by other work); cv_ext's bytecode "
            "is written before the first build, as a wheel install writes it; the "
            f"HTML theme is `{args.theme}`. "
            + (
                f"The cv_ext site was built with `{'`, `'.join(args.define)}`."
                if getattr(args, "define", None)
                else "cv_ext's builds freeze the heap they hold throughout out of the cycle "
                "collector's sight (`cv_freeze_heap`, on by default); the plain builds are "
                "Sphinx's own. `--define cv_freeze_heap=0` measures cv_ext without it."
            )
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
        (
            "Judged on CPU time (user + system of the build process and its workers), which "
            "other work on a shared machine disturbs far less than wall-clock time; wall-clock "
            "figures are in the tables below."
        ),
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
            f"(sources digest `{info['cv_ext_sources']}`)."
            + (f" The whole run took {elapsed / 60:.0f} min." if elapsed is not None else "")
            + (
                f" Load average at its start and end: {load[0]:.1f} and {load[1]:.1f} (other "
                "work on the machine: this is why the targets are judged on CPU time)."
                if len(load) == 2
                else ""
            )
        ),
        "",
    ]
    return "\n".join(lines)
