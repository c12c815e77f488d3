"""The targets of the issue: their limits, and PASS, MISS or n/a for the measured results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from figures import fmt, ratio

if TYPE_CHECKING:
    from measure import SizeResult

# the targets of the issue
MAX_RATIO = 1.25  # cv_ext full build / plain full build, at every N
MAX_SCALING = 11.0  # time(5000) / time(500)
MAX_INCREMENTAL_S = 2.0  # at N = 1000
MAX_MEMORY_SLOPE_RATIO = 1.5  # memory per object, largest step / smaller steps
MAX_ASSETS_GZ = 8 * 1024


def verdict(ok: bool | None) -> str:
    """PASS, MISS, or n/a when the runs cannot tell."""
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
