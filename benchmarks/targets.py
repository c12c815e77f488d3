"""The targets of the issue: their limits, and PASS, MISS or n/a for the measured results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from figures import fmt, ratio

if TYPE_CHECKING:
    from measure import SizeResult

# the targets of the issue
MAX_RATIO = {200: 1.15, 1000: 1.05}  # cv_ext full build / plain full build: at N, and above
MAX_EDIT_OVER_NOOP_S = 0.2  # one-page edit at N = 1000, over Sphinx's own no-op rebuild
MAX_SLOPE_GROWTH = 1.1  # seconds per added object, 1000 -> 5000 over 200 -> 1000
MAX_MEMORY_SLOPE_RATIO = 1.5  # memory per object, largest step / smaller steps
MAX_ASSETS_GZ = 8 * 1024
SEARCH_SCRIPTS = {"cv_search.js"}  # the only script cv_ext ships: its objects in search


def verdict(ok: bool | None) -> str:
    """PASS, MISS, or n/a when the runs cannot tell."""
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


# the targets are judged on CPU time: on a shared machine, wall-clock time measures the others
TIME = "cpu_seconds"


def full_ratio(r: SizeResult, attr: str = TIME) -> float | None:
    """cv_ext's full build over the plain one at one size: CPU time, or *attr*."""
    return ratio(r.median("cv_ext", "full", attr), r.median("plain", "full", attr))


def ratio_targets(results: list[SizeResult]) -> list[tuple[str, str, str]]:
    """The ratio of the full builds: at most 1.15 at N = 200, 1.05 at N = 1,000 and above."""
    targets = []
    limits = sorted(MAX_RATIO.items())
    for index, (n, limit) in enumerate(limits):
        upper = limits[index + 1][0] if index + 1 < len(limits) else None
        sizes = [r for r in results if r.n >= n and (upper is None or r.n < upper)]
        name = f"full build cv_ext / plain ≤ {limit} at N = {n:,}" + ("" if upper else " and above")
        if not sizes:
            targets.append((name, f"needs N = {n:,}", "n/a"))
            continue
        measured = ", ".join(
            f"N={r.n:,}: {fmt(full_ratio(r))}× (wall clock {fmt(full_ratio(r, 'seconds'))}×)"
            for r in sizes
        )
        values = [full_ratio(r) for r in sizes]
        ok = None if None in values else all(v is not None and v <= limit for v in values)
        targets.append((name, measured, verdict(ok)))
    return targets


# the two edits the benchmark makes to one project page: Run attribute, what it changed
EDITS = {
    "prose": "a sentence of its body text (the everyday edit)",
    "incremental": "its title, which every page showing the project must follow",
}


def edit_target(by_n: dict[int, SizeResult], what: str) -> tuple[str, str, str]:
    """One edit of a project page at N = 1,000 against Sphinx's own no-op rebuild."""
    name = (
        f"one-page edit at N = 1,000, changing {EDITS[what]}, within "
        f"{MAX_EDIT_OVER_NOOP_S:g} s of Sphinx's own no-op rebuild (the plain site's)"
    )
    if 1000 not in by_n:
        return name, "needs N = 1,000", "n/a"
    r = by_n[1000]
    edit, noop = r.median("cv_ext", what, TIME), r.median("plain", "noop", TIME)
    if edit is None or noop is None:
        return name, "not measured", "n/a"
    measured = (
        f"CPU: edit {fmt(edit, ' s')} − no-op {fmt(noop, ' s')} = {fmt(edit - noop, ' s')} "
        f"(cv_ext's own no-op {fmt(r.median('cv_ext', 'noop', TIME), ' s')}; plain edit "
        f"{fmt(r.median('plain', what, TIME), ' s')}; wall clock: edit "
        f"{fmt(r.median('cv_ext', what), ' s')}, no-op "
        f"{fmt(r.median('plain', 'noop'), ' s')})"
    )
    same = r.median("plain", "same_pages", TIME)
    if what == "incremental" and same is not None:
        measured += (
            f"; Sphinx alone, reading and writing the {len(r.expected)} pages that show "
            f"the title: {fmt(same, ' s')}"
        )
    return name, measured, verdict(edit - noop <= MAX_EDIT_OVER_NOOP_S)


def slopes(by_n: dict[int, SizeResult], variant: str) -> tuple[float, float] | None:
    """CPU seconds per 1,000 added objects of *variant*'s full build: 200 -> 1000 -> 5000."""
    points = [(by_n[n].objects, by_n[n].median(variant, "full", TIME)) for n in (200, 1000, 5000)]
    if any(seconds is None for _, seconds in points):
        return None
    (n0, t0), (n1, t1), (n2, t2) = points
    assert t0 is not None and t1 is not None and t2 is not None
    return (t1 - t0) / (n1 - n0) * 1000, (t2 - t1) / (n2 - n1) * 1000


def linear_target(by_n: dict[int, SizeResult]) -> tuple[str, str, str]:
    """Linear growth: an object costs as much at N = 5,000 as at N = 1,000."""
    name = (
        "linear growth: full-build CPU seconds per 1,000 added objects, N = 1,000 → 5,000, "
        f"≤ {MAX_SLOPE_GROWTH:g}× those of N = 200 → 1,000"
    )
    if not all(n in by_n for n in (200, 1000, 5000)):
        return name, "needs N = 200, 1,000 and 5,000", "n/a"
    cv, plain = slopes(by_n, "cv_ext"), slopes(by_n, "plain")
    if cv is None or plain is None:
        return name, "not measured", "n/a"
    growth, plain_growth = cv[1] / cv[0], plain[1] / plain[0]
    measured = (
        f"cv_ext {cv[0]:.2f} → {cv[1]:.2f} s ({growth:.2f}×); "
        f"plain {plain[0]:.2f} → {plain[1]:.2f} s ({plain_growth:.2f}×)"
    )
    return name, measured, verdict(growth <= MAX_SLOPE_GROWTH)


def evaluate(results: list[SizeResult], static: dict[str, int]) -> list[tuple[str, str, str]]:
    """(target, measured, PASS/MISS/n/a) for each target of the issue."""
    by_n = {r.n: r for r in results}
    targets = [
        *ratio_targets(results),
        *(edit_target(by_n, what) for what in EDITS),
        linear_target(by_n),
    ]
    exact = all(
        sorted(run.rewritten) == r.expected
        and sorted(run.prose_rewritten) == r.expected_prose
        and not run.noop_rewritten
        for r in results
        for run in r.runs["cv_ext"]
    )
    counts = ", ".join(
        f"N={r.n:,}: prose {len(r.runs['cv_ext'][0].prose_rewritten)}/{len(r.expected_prose)}, "
        f"title {len(r.runs['cv_ext'][0].rewritten)}/{len(r.expected)}"
        for r in results
    )
    noop = max((len(run.noop_rewritten) for r in results for run in r.runs["cv_ext"]), default=0)
    targets.append(
        (
            (
                "a prose edit rewrites exactly the edited project (and its toctree parent); a "
                "title edit, it and the pages showing it; a no-op rebuild rewrites nothing"
            ),
            f"rewritten/expected pages {counts}; at most {noop} pages rewritten by a no-op",
            verdict(exact),
        )
    )
    targets.append(memory_target(results))
    total = sum(static.values())
    scripts = sorted(name for name in static if name.endswith(".js"))
    targets.append(
        (
            "cv_ext CSS + JS ≤ 8 KB gzipped; JavaScript only for search, none for the timeline",
            (
                f"{total} B gzip -9 ({', '.join(f'{k}: {v} B' for k, v in static.items())}); "
                f"JS: {', '.join(scripts) or 'none'}"
            ),
            verdict(total <= MAX_ASSETS_GZ and set(scripts) <= SEARCH_SCRIPTS),
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
    """(target, measured, verdict) for the linear growth of peak memory."""
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
