"""Mutation testing of cv_ext's core, the domain's store, the importer and the JSON Resume export.

Runs mutmut 3 once per group of modules, each in its own work folder under ``.mutation/``
(git-ignored), so that each group's mutants run only the fast tests named for it below,
and each group keeps its own cache. Prints, per module, killed / survived / timeout /
no tests and the kill rate ``killed / (killed + survived)``, then the total, and lists
the survivors (``mutmut show NAME`` in the group's folder shows one).

    .venv/bin/python scripts/mutation.py                 # every group, fresh
    .venv/bin/python scripts/mutation.py core --keep     # one group, reusing its cache
    .venv/bin/python scripts/mutation.py --report        # the last results, no run
    .venv/bin/python scripts/mutation.py --before        # without tests/test_mutants_*.py

Too slow for every CI run (tens of minutes on two cores); run it by hand after changing
a module it covers. ``--max-children`` is 2 by default: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / ".mutation"

# Tests that build nothing: the core's own unit and property tests.
CORE_TESTS = ["tests/test_model.py", "tests/test_model_properties.py", "tests/test_skills_model.py"]


@dataclass(frozen=True)
class Group:
    """Modules mutated together, and the only tests their mutants run."""

    modules: list[str]
    tests: list[str]
    extra_args: list[str] = field(default_factory=list)


# Smallest and fastest first. A test file named here runs only where mutmut's own
# coverage pass saw it call the mutated function.
GROUPS: dict[str, Group] = {
    "core": Group(
        modules=[
            "src/cv_ext/core/ids.py",
            "src/cv_ext/core/metrics.py",
            "src/cv_ext/core/dates.py",
            "src/cv_ext/core/views.py",
            "src/cv_ext/core/records.py",
        ],
        tests=[*CORE_TESTS, "tests/test_mutants_core.py"],
    ),
    "audiences": Group(
        modules=["src/cv_ext/core/audiences.py"],
        # the builds of a root are too slow per mutant: the selection, the skills line and
        # an export's records are tested without Sphinx in test_mutants_audiences.py
        tests=[
            *(
                f"tests/test_audiences.py::test_{name}"
                for name in (
                    "valid_audiences_parse_in_declared_order",
                    "bad_audiences_are_left_out_with_a_reason",
                    "bad_optional_keys_are_ignored_with_a_reason",
                    "threshold_is_an_optional_number",
                    "score_weighs_tags_text_and_tied_records",
                    "parse_audiences_never_raises",
                )
            ),
            "tests/test_match.py::test_suggested_audience_is_the_one_whose_selection_backs_most_terms",
            "tests/test_mutants_audiences.py",
        ],
    ),
    "store": Group(
        modules=[
            "src/cv_ext/reading/store.py",
            "src/cv_ext/reading/duplicates.py",
            "src/cv_ext/reading/aliases.py",
        ],
        # the domain's record store and old names, built directly: no Sphinx project is read
        tests=["tests/test_mutants_store.py", "tests/test_mutants_aliases.py"],
    ),
    "normalise": Group(
        modules=["src/cv_ext/cli/importer/normalise.py", "src/cv_ext/cli/importer/changes.py"],
        tests=["tests/test_import.py", "tests/test_mutants_normalise.py"],
        # the tests that build a site run Sphinx in a subprocess, which never sees a mutant
        extra_args=["-k", "not build and not photo and not conf_py and not project_read"],
    ),
    "jsonresume": Group(
        modules=["src/cv_ext/outputs/export/jsonresume.py"],
        # Sphinx-free: the export's tests that build a root take seconds per mutant, and
        # mutmut's forked workers do not always exit after a Sphinx build
        tests=["tests/test_skills_model.py", "tests/test_mutants_export.py"],
    ),
}

STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 36: "timeout"}
STATUS |= dict.fromkeys((-24, 24, 152, 255), "timeout")


def pyproject(group: Group, *, before: bool = False) -> str:
    """The repository's pyproject.toml with the group's ``[tool.mutmut]`` section."""
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    text = re.sub(r"\n\[tool\.mutmut\].*?(?=\n\[|\Z)", "", text, flags=re.DOTALL)
    section = {
        "source_paths": ["src"],
        "only_mutate": group.modules,
        "pytest_add_cli_args_test_selection": [
            path
            for path in group.tests
            if (REPO / path.split("::")[0]).exists()
            and not (before and path.startswith("tests/test_mutants_"))
        ]
        + group.extra_args,
        # the cache would carry results between folders; xdist would fight mutmut's workers
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-p", "no:xdist"],
        "use_setproctitle": False,
    }
    lines = [f"{key} = {json.dumps(value)}" for key, value in section.items()]
    return text + "\n[tool.mutmut]\n" + "\n".join(lines) + "\n"


def prepare(name: str, group: Group, *, keep: bool, before: bool) -> Path:
    """The group's work folder: links to src/ and tests/, and its own pyproject.toml."""
    folder = WORK / name
    if not keep and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for link in ("src", "tests"):
        if not (folder / link).exists():
            (folder / link).symlink_to(REPO / link)
    (folder / "pyproject.toml").write_text(pyproject(group, before=before), encoding="utf-8")
    return folder


def run(name: str, group: Group, *, keep: bool, before: bool, max_children: int) -> None:
    """mutmut run in the group's folder; its own summary goes to the terminal."""
    folder = prepare(name, group, keep=keep, before=before)
    mutmut = Path(sys.executable).with_name("mutmut")
    print(f"== {name}: {', '.join(group.modules)}", flush=True)  # noqa: T201
    subprocess.run([mutmut, "run", "--max-children", str(max_children)], cwd=folder, check=True)


def results(name: str, group: Group) -> dict[str, dict[str, list[str]]]:
    """Per module of *group*: mutant names by status, from mutmut's meta files."""
    found: dict[str, dict[str, list[str]]] = {}
    for module in group.modules:
        meta = WORK / name / "mutants" / (module + ".meta")
        by_status: dict[str, list[str]] = {}
        if meta.exists():
            codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
            for key, code in sorted(codes.items()):
                by_status.setdefault(STATUS.get(code, "other"), []).append(key)
        found[module] = by_status
    return found


def report(names: list[str]) -> str:
    """A table of kill rates per module and in total, then every survivor."""
    total: dict[str, int] = {}
    survivors: list[str] = []
    lines = [f"{'module':40} killed survived timeout no-tests  score"]
    for name in names:
        for module, by_status in results(name, GROUPS[name]).items():
            counts = {status: len(keys) for status, keys in by_status.items()}
            for status, count in counts.items():
                total[status] = total.get(status, 0) + count
            survivors += [f"  {name:10} {key}" for key in by_status.get("survived", [])]
            lines.append(_row(module.removeprefix("src/cv_ext/"), counts))
    lines.append(_row("total", total))
    if survivors:
        lines += ["", "survivors (mutmut show NAME, in .mutation/GROUP):", *survivors]
    return "\n".join(lines)


def _row(label: str, counts: dict[str, int]) -> str:
    killed, survived = counts.get("killed", 0), counts.get("survived", 0)
    score = f"{100 * killed / (killed + survived):5.1f} %" if killed + survived else "    -"
    others = f"{counts.get('timeout', 0):7} {counts.get('no tests', 0):8}"
    return f"{label:40} {killed:6} {survived:8} {others}  {score}"


def main() -> None:
    """Run the chosen groups (all by default) and report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", metavar="GROUP", help=", ".join(GROUPS))
    parser.add_argument("--keep", action="store_true", help="reuse the group's earlier mutants")
    parser.add_argument("--report", action="store_true", help="only report the last results")
    parser.add_argument(
        "--before",
        action="store_true",
        help="without tests/test_mutants_*.py: the score before the tests mutation testing added",
    )
    parser.add_argument("--max-children", type=int, default=2)
    args = parser.parse_args()
    names = args.groups or list(GROUPS)
    if unknown := set(names) - set(GROUPS):
        parser.error(f"no such group: {', '.join(sorted(unknown))}")
    if not args.report:
        for name in names:
            options = {"keep": args.keep, "before": args.before}
            run(name, GROUPS[name], **options, max_children=args.max_children)
    print(report(names))  # noqa: T201


if __name__ == "__main__":
    main()
