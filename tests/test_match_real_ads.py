"""``match`` on real job ads (tests/data/jobads): precision and recall of covered and missing.

Each ad's terms were labelled by hand against Max Inden's CV (labels.json, its rules at
the top). A reported term counts as right when it overlaps a label of its own verdict;
a label counts as found when a term of its verdict overlaps it. Every reported term must
be labelled, so an unlabelled report fails rather than passing unseen.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest
from conftest import REPO, TESTS

from cv_ext.cli.match import Site, read_site
from cv_ext.core.matching import Report, match

if TYPE_CHECKING:
    from pathlib import Path

ADS = TESTS / "data" / "jobads"
LABELS: dict[str, dict[str, list[str]]] = {
    name: value
    for name, value in json.loads((ADS / "labels.json").read_text(encoding="utf8")).items()
    if not name.startswith("_")
}
MANIFEST: dict[str, dict[str, str]] = tomllib.loads(
    (ADS / "MANIFEST.toml").read_text(encoding="utf8")
)
VERDICTS = ("covered", "missing")
#: the issue's bar, for each verdict's precision and recall
BAR = 0.95


@dataclass
class Tally:
    """Counts of one verdict over some ads."""

    reported: int = 0
    reported_right: int = 0
    labelled: int = 0
    labelled_found: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.reported_right / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        return self.labelled_found / self.labelled if self.labelled else 1.0


def places(ad: str, words: str) -> set[int]:
    """The characters of every occurrence of *words* in *ad*, case ignored."""
    return {
        i
        for found in re.finditer(re.escape(words), ad, re.IGNORECASE)
        for i in range(found.start(), found.end())
    }


def reported(report: Report) -> dict[str, list[tuple[str, set[int]]]]:
    """Verdict -> (term, its characters in the ad) of each reported term."""

    def chars(spans: list[tuple[int, int]]) -> set[int]:
        return {i for start, end in spans for i in range(start, end)}

    return {
        "covered": [(c.term, chars(c.spans)) for c in report.covered],
        "missing": [(term, chars(spans)) for term, spans in report.missing_spans.items()],
    }


def evaluate(name: str, ad: str, report: Report) -> tuple[dict[str, Tally], list[str]]:
    """The tallies of one ad, and the reported terms no label covers."""
    labels = {
        verdict: [(words, places(ad, words)) for words in LABELS[name].get(verdict, [])]
        for verdict in (*VERDICTS, "noise")
    }
    for verdict, entries in labels.items():
        for words, chars in entries:
            assert chars, f"{name}: label {words!r} ({verdict}) is not in the ad"
    terms = reported(report)
    tallies = {verdict: Tally() for verdict in VERDICTS}
    unlabelled = []
    for verdict in VERDICTS:
        tally = tallies[verdict]
        for term, chars in terms[verdict]:
            tally.reported += 1
            if any(chars & c for entries in labels.values() for _, c in entries):
                if any(chars & c for _, c in labels[verdict]):
                    tally.reported_right += 1
                else:
                    tally.wrong.append(f"{name}: {term!r} reported {verdict}")
            else:
                unlabelled.append(f"{name}: {term!r} ({verdict})")
        for words, chars in labels[verdict]:
            tally.labelled += 1
            if any(chars & c for _, c in terms[verdict]):
                tally.labelled_found += 1
            else:
                tally.wrong.append(f"{name}: {words!r} labelled {verdict}, not reported so")
    return tallies, unlabelled


@pytest.fixture(scope="module")
def site() -> Site:
    return read_site(REPO / "docs")


def run_all(site: Site) -> tuple[dict[str, dict[str, Tally]], list[str]]:
    """Tallies per ad and verdict over every labelled ad, and every unlabelled term."""
    results: dict[str, dict[str, Tally]] = {}
    unlabelled: list[str] = []
    for name in LABELS:
        ad = (ADS / f"{name}.txt").read_text(encoding="utf8")
        report = match(ad, site.records, site.audiences, today=site.today, url_of=site.url_of)
        results[name], missing_labels = evaluate(name, ad, report)
        unlabelled += missing_labels
    return results, unlabelled


def totals(
    results: dict[str, dict[str, Tally]], names: list[str] | None = None
) -> dict[str, Tally]:
    """The tallies of *names* (every ad) added up."""
    summed = {verdict: Tally() for verdict in VERDICTS}
    for name in names or list(results):
        for verdict, tally in results[name].items():
            total = summed[verdict]
            total.reported += tally.reported
            total.reported_right += tally.reported_right
            total.labelled += tally.labelled
            total.labelled_found += tally.labelled_found
            total.wrong += tally.wrong
    return summed


def table(results: dict[str, dict[str, Tally]]) -> str:
    """The Markdown table the guide shows: per kind of role, then all ads."""
    kinds: dict[str, list[str]] = {}
    for name in results:
        kinds.setdefault(MANIFEST[name]["kind"], []).append(name)
    rows = [
        (
            "| ads | labelled terms | covered: precision | covered: recall "
            "| missing: precision | missing: recall |"
        ),
        "|---|---|---|---|---|---|",
    ]
    for label, names in [*sorted(kinds.items()), ("all", list(results))]:
        tally = totals(results, names)
        count = f"{label} ({len(names)})"
        if label == "all":
            count = f"**all ({len(names)})**"
        labelled = tally["covered"].labelled + tally["missing"].labelled
        rows.append(
            f"| {count} | {labelled} | {tally['covered'].precision:.2f} "
            f"| {tally['covered'].recall:.2f} | {tally['missing'].precision:.2f} "
            f"| {tally['missing'].recall:.2f} |"
        )
    return "\n".join(rows) + "\n"


def test_the_set_is_real_varied_and_documented() -> None:
    ads = sorted(path.stem for path in ADS.glob("*.txt"))
    assert len(ads) >= 10
    assert sorted(LABELS) == ads == sorted(MANIFEST)
    for name, source in MANIFEST.items():
        assert source["url"].startswith("https://"), name
        assert {"company", "title", "posted", "kind", "fit"} <= source.keys(), name
    assert {s["kind"] for s in MANIFEST.values()} >= {
        "networking",
        "observability",
        "backend",
        "frontend",
    }
    assert {s["fit"] for s in MANIFEST.values()} >= {"good", "poor"}


def test_precision_and_recall_on_real_ads(site: Site) -> None:
    results, unlabelled = run_all(site)
    assert unlabelled == [], "label these terms in labels.json"
    summed = totals(results)
    figures = {
        f"{verdict} {measure}": getattr(summed[verdict], measure)
        for verdict in VERDICTS
        for measure in ("precision", "recall")
    }
    wrong = summed["covered"].wrong + summed["missing"].wrong
    assert all(value >= BAR for value in figures.values()), (figures, wrong)
    # the guide reports exactly these figures
    guide = (REPO / "guide" / "match.md").read_text(encoding="utf8")
    assert table(results) in guide, table(results)


def write_table(path: Path) -> None:
    """Print the table and the errors (for the guide): ``python tests/test_match_real_ads.py``."""
    results, unlabelled = run_all(read_site(REPO / "docs"))
    summed = totals(results)
    path.write_text(
        table(results)
        + "\n"
        + "\n".join(summed["covered"].wrong + summed["missing"].wrong + unlabelled)
        + "\n",
        encoding="utf8",
    )


if __name__ == "__main__":
    import sys
    from pathlib import Path as _Path

    write_table(_Path(sys.argv[1]))
