"""Random sites of entries, achievements, projects and talks: typed warnings, never a crash.

Hypothesis writes small sites from pools of good and bad option values: names shared by
several objects (duplicates), organisations shared by several roles (grouped roles),
missing and reversed dates, references to ids nobody declares, every option's bad values.
Each site is built serially, with ``-j 2`` and incrementally (after a first build of
another site). Every build must finish, every warning must be a typed ``cv.<subtype>``,
and the ``-j 2`` and incremental pages must equal the serial clean build's.

The examples are derandomized: a run is the same run every time, and a failure shows
the site that failed. ``CI=true`` runs more of them.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from conftest import in_ci
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from collections.abc import Callable

#: each example builds three sites: fewer than the profile's (conftest.py) examples
SETTINGS = settings(
    max_examples=30 if in_ci() else 6,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

CONF = """\
extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
cv_today = "2024-09-23"
exclude_patterns = ["_build"]
"""

# --- the pools ---------------------------------------------------------------------------------

DATES = ["2019", "2020-05", "2021-02-28", "2024-06", "2024-06-01"]
BAD_DATES = ["2020/01", "2023-02-30", "2020-13", "someday", "0000", "20"]
ENDS = [*DATES, *BAD_DATES, "present", "unknown"]
PERIODS = ["2017 - 2020, 2022 - present", "2017 - 2020, 2019 - 2021", "2020 - 2018", "and"]
#: explicit :name: values, shared on purpose: duplicates across types, pages and orgs
NAMES = ["alpha", "beta", "dup"]
REFS = [*NAMES, "ghost", "p0", "p1"]
ORGS = ["Acme", "ACME", "Beta GmbH", "株式会社"]
TAGS = ["rust", "Rust, quic", "hole-punching", "a, a, A", ",", "peer-to-peer, networking"]
URLS = ["https://example.org/x", "javascript:alert(1)", "ftp://example.org", "not a url"]
KINDS = ["work", "education", "volunteering", "job", "WORK"]
EMPLOYER = ["yes", "no", "maybe"]
METRICS = [
    "latency: 10 ms -> 5 ms",
    "throughput: +25%",
    "fast",
    "CPU usage: ÷6",
    "x: 5 -> ",
    "a: 1 -> 2\nb: nonsense",
]
TITLES = ["Engineer", "Senior Engineer", "", "<script>alert(1)</script>", "Ünïcode ☃"]
ROLES_TEXT = ["Creator, Maintainer", "Contributor", "Organizer", ","]
INDEX_KINDS = ["projects", "talks", "skills", "results", "nonsense"]
TOPS = ["3", "0", "x", "-1"]
OVERVIEW_KINDS = ["work, education", "volunteering", "job", ""]
GROUPS = ["kind", "none", "sideways"]
#: lines of cv-tag-labels: good, twice, not a pair, without a tag
LABEL_LINES = ["rust: Rust", "RUST: Rust again", "hole-punching: hole punching", "rust", ": x"]


def maybe(pool: list[str]) -> st.SearchStrategy[str | None]:
    """An option value from *pool*, or the option left out."""
    return st.none() | st.sampled_from(pool)


def options(**values: str | None) -> list[str]:
    """``:name: value`` lines of the options that are present (multi-line values indented)."""
    lines = []
    for name, value in values.items():
        if value is None:
            continue
        key = name.replace("_", "-")
        first, *rest = value.split("\n")
        lines.append(f":{key}: {first}".rstrip())
        lines += [f"  {line}" for line in rest]
    return lines


def block(directive: str, title: str, lines: list[str], body: str) -> str:
    if any("\n" in line for line in lines) or any(line.startswith(":metric:") for line in lines):
        # a multi-line option needs the YAML form of MyST options
        yaml = []
        for line in lines:
            key, _, value = line[1:].partition(": ")
            yaml.append(
                f"{key}: |\n  " + value.replace("\n", "\n  ") if "\n" in value else line[1:]
            )
        head = ["---", *yaml, "---"]
    else:
        head = lines
    content = ["", body] if body else []
    return "\n".join([f":::{{{directive}}} {title}".rstrip(), *head, *content, ":::", ""])


BODIES = st.sampled_from(
    [
        "",
        "A plain paragraph.",
        "Projects: {cv:project}`p0`, {cv:project}`ghost`.",
        "- worked on {cv:entry}`alpha`\n- and {cv:talk}`dup`",
        "See {cv:ach}`beta` and {cv:skill}`rust`.",
    ]
)


@st.composite
def entries(draw: st.DrawFn) -> str:
    period = draw(st.booleans())
    values = options(
        org=draw(maybe(ORGS)),
        start=None if period else draw(maybe(DATES + BAD_DATES)),
        end=None if period else draw(maybe(ENDS)),
        period=draw(maybe(PERIODS)) if period else None,
        kind=draw(maybe(KINDS)),
        employer=draw(maybe(EMPLOYER)),
        url=draw(maybe(URLS)),
        tags=draw(maybe(TAGS)),
        name=draw(maybe(NAMES)),
        location=draw(maybe(["Berlin", ""])),
    )
    return block("timeline", draw(st.sampled_from(TITLES)), values, draw(BODIES))


@st.composite
def achievements(draw: st.DrawFn) -> str:
    values = options(
        date=draw(maybe(DATES + BAD_DATES)),
        metric=draw(maybe(METRICS)),
        entry=draw(maybe(REFS)),
        project=draw(maybe(REFS)),
        url=draw(maybe(URLS)),
        tags=draw(maybe(TAGS)),
        name=draw(maybe(NAMES)),
    )
    return block("achievement", draw(st.sampled_from(TITLES)), values, draw(BODIES))


@st.composite
def talks(draw: st.DrawFn) -> str:
    values = options(
        date=draw(maybe(DATES + BAD_DATES)),
        end=draw(maybe(DATES + BAD_DATES)),
        event=draw(maybe(["FOSDEM", "", "<b>x</b>"])),
        event_url=draw(maybe(URLS)),
        video=draw(maybe(URLS)),
        projects=draw(maybe(["p0", "p0, ghost", "p1", ","])),
        entry=draw(maybe(REFS)),
        with_=draw(maybe(["Ada Lovelace", "A, B"])),
        tags=draw(maybe(TAGS)),
        name=draw(maybe(NAMES)),
        roles=draw(maybe(ROLES_TEXT)),
    )
    values = [line.replace(":with-:", ":with:") for line in values]
    return block("talk", draw(st.sampled_from(TITLES)), values, draw(BODIES))


@st.composite
def projects(draw: st.DrawFn, title: str) -> str:
    dated = draw(st.sampled_from(["date", "start", "period", "none"]))
    values = options(
        date=draw(st.sampled_from(DATES + BAD_DATES)) if dated == "date" else None,
        start=draw(st.sampled_from(DATES + BAD_DATES)) if dated == "start" else None,
        end=draw(maybe(ENDS)) if dated == "start" else None,
        period=draw(st.sampled_from(PERIODS)) if dated == "period" else None,
        entry=draw(maybe(REFS)),
        roles=draw(maybe(ROLES_TEXT)),
        url=draw(maybe(URLS)),
        tags=draw(maybe(TAGS)),
        summary=draw(maybe(["What it is.", ""])),
    )
    return f"# {title}\n\n" + block("project", "", values, draw(BODIES))


@st.composite
def aggregates(draw: st.DrawFn) -> str:
    parts = [
        block(
            "career-overview",
            "",
            options(kinds=draw(maybe(OVERVIEW_KINDS)), group=draw(maybe(GROUPS))),
            "",
        )
    ]
    kinds = draw(st.lists(st.sampled_from(INDEX_KINDS), max_size=3, unique=True))
    parts += [block("cv-index", kind, options(top=draw(maybe(TOPS))), "") for kind in kinds]
    if labels := draw(st.lists(st.sampled_from(LABEL_LINES), max_size=3)):
        parts.append(block("cv-tag-labels", "", [], "\n".join(labels)))
    return "\n".join(parts)


@dataclass(frozen=True)
class Site:
    """The pages of one random site: path (without .md) -> MyST source."""

    pages: dict[str, str]

    def write(self, src: Path) -> None:
        for path in src.glob("**/*.md"):
            path.unlink()
        (src / "conf.py").write_text(CONF, encoding="utf8")
        names = sorted(self.pages)
        toctree = "\n```{toctree}\n" + "\n".join(names) + "\n```\n"
        (src / "index.md").write_text("# Site\n" + toctree, encoding="utf8")
        for name, text in self.pages.items():
            path = src / f"{name}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf8")


@st.composite
def sites(draw: st.DrawFn) -> Site:
    pages: dict[str, str] = {}
    for index in range(draw(st.integers(2, 3))):
        objects = draw(
            st.lists(st.one_of(entries(), achievements(), talks()), min_size=1, max_size=5)
        )
        pages[f"page{index}"] = f"# Page {index}\n\n" + "\n".join(objects)
    for index in range(draw(st.integers(1, 2))):
        pages[f"projects/p{index}"] = draw(projects(f"Project {index}"))
    pages["aggregates"] = "# Aggregates\n\n" + draw(aggregates())
    # enough pages for Sphinx to read in parallel (it reads serially up to five)
    for index in range(6 - len(pages)):
        pages[f"filler{index}"] = f"# Filler {index}\n\nNothing here.\n"
    return Site(pages)


# --- building ----------------------------------------------------------------------------------

TYPED = re.compile(r"WARNING: .* \[cv\.[a-z]+\]$")


def build(src: Path, out: Path, *, parallel: int = 0, fresh: bool = True) -> str:
    """Build *src* into *out*; the warnings, each checked to be a typed ``cv.<subtype>``."""
    app = SphinxTestApp("html", srcdir=src, builddir=out, parallel=parallel, freshenv=fresh)
    try:
        app.build()
        warnings = strip_colors(app.warning.getvalue())
    finally:
        app.cleanup()
    assert "Traceback" not in warnings, warnings
    lines = [line for line in warnings.splitlines() if line.strip()]
    untyped = [line for line in lines if not TYPED.search(line)]
    assert not untyped, "\n".join(untyped)
    return warnings


def bodies(out: Path, site: Site) -> dict[str, str]:
    """Each page's body, as a reader sees it: what the builds must agree on.

    Only the site's own pages: Sphinx leaves the output of a removed page behind.
    """
    result = {}
    for name in ["index", *sorted(site.pages)]:
        path = out / "html" / f"{name}.html"
        body = BeautifulSoup(path.read_text(encoding="utf8"), "html.parser").select_one("div.body")
        result[name] = str(body)
    return result


def in_tmp(run: Callable[[Path], None]) -> None:
    with tempfile.TemporaryDirectory(prefix="cv-random-") as tmp:
        run(Path(tmp))


@SETTINGS
@given(site=sites())
def test_serial_and_parallel_builds_agree(site: Site) -> None:
    def run(tmp: Path) -> None:
        src = tmp / "src"
        src.mkdir()
        site.write(src)
        build(src, tmp / "serial")
        build(src, tmp / "parallel", parallel=2)
        assert bodies(tmp / "parallel", site) == bodies(tmp / "serial", site)

    in_tmp(run)


@SETTINGS
@given(first=sites(), second=sites())
def test_incremental_build_equals_clean(first: Site, second: Site) -> None:
    def run(tmp: Path) -> None:
        src = tmp / "src"
        src.mkdir()
        first.write(src)
        build(src, tmp / "incremental")
        second.write(src)
        build(src, tmp / "incremental", fresh=False)
        clean = tmp / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        build(src, clean)
        assert bodies(tmp / "incremental", second) == bodies(clean, second)

    in_tmp(run)
