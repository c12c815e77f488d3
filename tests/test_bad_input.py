"""The bad-input corpus: every directive, option and role, fed what an author gets wrong.

Each case is a page of its own. Each must give exactly the expected ``cv.<subtype>``
warning at its file and line, no traceback, the rest of the page still rendered,
and its text escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

if TYPE_CHECKING:
    from collections.abc import Iterator

SCRIPT = "<script>alert(1)</script>"
GOOD_ENTRY = ":::{timeline} Engineer\n:org: Base Corp\n:start: 2020\n:name: base\n:::\n"
GOOD_PROJECT = "# Base project\n\n:::{project}\n:date: 2020\n:::\n"


@dataclass(frozen=True)
class Case:
    """A page whose directive (at line 3) or text is wrong in one way."""

    name: str
    source: str
    subtype: str
    message: str
    line: int = 3


def directive(name: str, argument: str, *options: str, body: str = "") -> str:
    return "\n".join([f":::{{{name}}} {argument}".rstrip(), *options, "", body, ":::"])


T, A, P, K = "timeline", "achievement", "project", "talk"
CASES = [
    # timeline: dates and periods
    Case(
        "tl-malformed-date",
        directive(T, "X", ":org: O", ":start: 2023/01"),
        "date",
        "invalid date '2023/01'",
    ),
    Case(
        "tl-impossible-date",
        directive(T, "X", ":org: O", ":start: 2023-02-30"),
        "date",
        "day 30 does not exist",
    ),
    Case(
        "tl-impossible-month", directive(T, "X", ":org: O", ":start: 2023-13"), "date", "month 13"
    ),
    Case(
        "tl-bad-end",
        directive(T, "X", ":org: O", ":start: 2020", ":end: someday"),
        "date",
        "invalid date 'someday'",
    ),
    Case(
        "tl-reversed",
        directive(T, "X", ":org: O", ":start: 2020-05", ":end: 2019-01"),
        "period",
        "before start",
    ),
    Case(
        "tl-reversed-days",
        directive(T, "X", ":org: O", ":start: 2020-05-02", ":end: 2020-05-01"),
        "period",
        "before start",
    ),
    Case(
        "tl-overlap",
        directive(T, "X", ":org: O", ":period: 2017 - 2020, 2019 - 2021"),
        "period",
        "overlap",
    ),
    Case(
        "tl-ongoing-then-more",
        directive(T, "X", ":org: O", ":period: 2017 - present, 2019 - 2020"),
        "period",
        "overlap",
    ),
    Case(
        "tl-bad-period",
        directive(T, "X", ":org: O", ":period: spring to autumn"),
        "date",
        "invalid date",
    ),
    Case(
        "tl-period-and-start",
        directive(T, "X", ":org: O", ":period: 2017 - 2018", ":start: 2017"),
        "option",
        ":period: replaces",
    ),
    # timeline: required options, kinds, URLs, ids
    # neither a title nor an organisation: one of them is enough
    Case("tl-no-org", directive(T, "", ":start: 2020"), "title", "a title is required"),
    Case(
        "tl-unknown-employer",
        directive(T, "X", ":org: O", ":start: 2020", ":employer: maybe"),
        "option",
        "unknown :employer: 'maybe'",
    ),
    Case(
        "tl-no-start",
        directive(T, "X", ":org: O"),
        "option",
        "the :start: option (or :period:) is required",
    ),
    Case(
        "tl-unknown-kind",
        directive(T, "X", ":org: O", ":start: 2020", ":kind: hobby"),
        "kind",
        "unknown :kind: 'hobby'",
    ),
    Case(
        "tl-javascript-url",
        directive(T, "X", ":org: O", ":start: 2020", ":url: javascript:alert(1)"),
        "url",
        "refused URL",
    ),
    Case(
        "tl-data-url",
        directive(T, "X", ":org: O", ":start: 2020", ":url: data:text/html,<b>x</b>"),
        "url",
        "refused URL",
    ),
    Case(
        "tl-relative-url",
        directive(T, "X", ":org: O", ":start: 2020", ":url: /elsewhere"),
        "url",
        "refused URL",
    ),
    Case(
        "tl-duplicate-on-page",
        GOOD_ENTRY + "\n" + directive(T, "Y", ":org: O", ":start: 2021", ":name: base"),
        "duplicate",
        "duplicate entry id 'base'",
        line=9,
    ),
    # two roles at one organisation, one after the other, sharing a :name: (they would be
    # grouped under the organisation): a warning, not a crash of the grouping
    Case(
        "tl-duplicate-at-one-org",
        directive(T, "X", ":org: Acme", ":start: 2020", ":end: 2021", ":name: dup")
        + "\n\n"
        + directive(T, "Y", ":org: Acme", ":start: 2018", ":end: 2019", ":name: dup"),
        "duplicate",
        "duplicate entry id 'dup', first defined in 'tl-duplicate-at-one-org', line 3",
        line=12,
    ),
    # "index" declares the entry "base" first: a later page reusing the id is the duplicate
    Case(
        "zz-duplicate-across-pages",
        directive(T, "Y", ":org: O", ":start: 2021", ":name: base"),
        "duplicate",
        "duplicate entry id 'base', first defined in 'index', line 3",
    ),
    Case("tl-empty", directive(T, ""), "title", "a title is required"),
    Case(
        "tl-undated-with-a-value",
        directive(T, "X", ":org: O", ":undated: yes"),
        "option",
        ":undated: takes no value",
    ),
    Case(
        "tl-end-unknown-not-last",
        directive(T, "X", ":org: O", ":period: 2017 - unknown, 2019 - 2020"),
        "period",
        "has an unknown end: it must be the last",
    ),
    Case("ix-bad-top", directive("cv-index", "skills", ":top: x"), "option", ":top: must be"),
    Case(
        "ov-bad-group",
        directive("career-overview", "", ":group: sideways"),
        "option",
        "unknown :group: 'sideways'",
    ),
    Case(
        "labels-not-a-pair",
        directive("cv-tag-labels", "", body="rust"),
        "option",
        "expected 'tag: label', not 'rust'",
        line=5,
    ),
    Case(
        "labels-twice",
        directive("cv-tag-labels", "", body="rust: Rust\nRUST: Rust again"),
        "duplicate",
        "tag 'RUST' is labelled twice; line 5 wins",
        line=6,
    ),
    # HTML in every option and title: escaped; each case also warns about its URL
    Case(
        "tl-html-everywhere",
        directive(
            T,
            SCRIPT,
            f":org: {SCRIPT}",
            ":start: 2020",
            f":location: {SCRIPT}",
            f":tags: {SCRIPT}",
            f":description: {SCRIPT}",
            f":area: {SCRIPT}",
            f":study-type: {SCRIPT}",
            f":score: {SCRIPT}",
            ":url: javascript:x",
        ),
        "url",
        "refused URL",
    ),
    Case(
        "ach-html-everywhere",
        directive(
            A,
            SCRIPT,
            ":date: 2020",
            f":metric: {SCRIPT}: 1 -> 2",
            f":tags: {SCRIPT}",
            f":awarder: {SCRIPT}",
            ":url: javascript:x",
        ),
        "url",
        "refused URL",
    ),
    Case(
        "talk-html-everywhere",
        directive(
            K,
            SCRIPT,
            ":date: 2020",
            f":event: {SCRIPT}",
            f":with: {SCRIPT}",
            f":tags: {SCRIPT}",
            ":video: javascript:x",
        ),
        "url",
        "refused URL",
    ),
    Case(
        "project-html-everywhere",
        "# Project\n\n"
        + directive(
            P,
            SCRIPT,
            ":date: 2020",
            f":summary: {SCRIPT}",
            f":roles: {SCRIPT}",
            f":entity: {SCRIPT}",
            f":type: {SCRIPT}",
            ":url: vbscript:x",
        ),
        "url",
        "refused URL",
    ),
    # achievement
    Case("ach-no-date", directive(A, "X"), "option", "the :date: option is required"),
    Case("ach-bad-date", directive(A, "X", ":date: 23-11-2023"), "date", "invalid date"),
    Case(
        "ach-malformed-metric",
        directive(A, "X", ":date: 2020", ":metric: throughput goes up"),
        "metric",
        "invalid metric",
    ),
    Case(
        "ach-incomparable-units",
        directive(A, "X", ":date: 2020", ":metric: speed: 1 Mbit/s -> 2 ms"),
        "metric",
        "not in comparable units",
    ),
    Case(
        "ach-unknown-unit",
        directive(A, "X", ":date: 2020", ":metric: speed: 1 furlong -> 2 furlong"),
        "metric",
        "unknown unit",
    ),
    Case(
        "ach-zero-before",
        directive(A, "X", ":date: 2020", ":metric: errors: 0 -> 5"),
        "metric",
        "above zero",
    ),
    Case(
        "ach-unknown-entry",
        directive(A, "X", ":date: 2020", ":entry: nowhere"),
        "ref",
        "unknown entry id 'nowhere'",
    ),
    Case(
        "ach-unknown-project",
        directive(A, "X", ":date: 2020", ":project: nothing"),
        "ref",
        "unknown project id 'nothing'",
    ),
    Case("ach-no-title", directive(A, "", ":date: 2020"), "title", "a title is required"),
    # project
    Case("project-bad-date", "# P\n\n" + directive(P, "", ":date: 2022-13-01"), "date", "month 13"),
    Case(
        "project-reversed",
        "# P\n\n" + directive(P, "", ":start: 2022-05", ":end: 2021-01"),
        "period",
        "before start",
    ),
    Case(
        "project-unknown-entry",
        "# P\n\n" + directive(P, "", ":date: 2020", ":entry: nobody"),
        "ref",
        "unknown entry id 'nobody'",
    ),
    Case(
        "project-ftp-url",
        "# P\n\n" + directive(P, "", ":date: 2020", ":url: ftp://example.org/x"),
        "url",
        "refused URL",
    ),
    Case(
        "project-date-and-start",
        "# P\n\n" + directive(P, "", ":date: 2020", ":start: 2020"),
        "option",
        ":date: and :start:",
    ),
    # talk
    # a talk whose event is not recorded is shown without one: :event: is optional
    Case(
        "talk-no-title",
        directive(K, "", ":date: 2020"),
        "title",
        "a title is required",
    ),
    Case("talk-no-date", directive(K, "X", ":event: E"), "option", "the :date: option is required"),
    Case("talk-bad-date", directive(K, "X", ":date: 2020-02-31", ":event: E"), "date", "day 31"),
    Case(
        "talk-projects-names-entry",
        directive(K, "X", ":date: 2020", ":event: E", ":projects: base"),
        "ref",
        "'base' is a timeline entry, not a project",
    ),
    Case(
        "talk-unknown-project",
        directive(K, "X", ":date: 2020", ":event: E", ":projects: ghost"),
        "ref",
        "unknown project id 'ghost'",
    ),
    Case(
        "talk-bad-event-url",
        directive(K, "X", ":date: 2020", ":event: E", ":event-url: example.org"),
        "url",
        "refused URL",
    ),
    Case(
        "talk-bad-slides",
        directive(K, "X", ":date: 2020", ":event: E", ":slides: file:///etc/passwd"),
        "url",
        "refused URL",
    ),
    Case(
        "talk-unknown-entry",
        directive(K, "X", ":date: 2020", ":event: E", ":entry: ghost-job"),
        "ref",
        "unknown entry id 'ghost-job'",
    ),
    # the simpler items
    Case(
        "person-bad-email",
        directive("person", "Jane", ":email: jane at example"),
        "option",
        "invalid e-mail address",
    ),
    Case(
        "person-javascript-url",
        directive("person", "Jane", ":url: javascript:alert(1)"),
        "url",
        "refused URL",
    ),
    Case(
        "person-bad-profile",
        directive("person", "Jane", "---", "profiles: GitHub", "---"),
        "url",
        "invalid profile 'GitHub'",
    ),
    Case(
        "publication-bad-date",
        directive("publication", "Paper", ":date: 2021-00"),
        "date",
        "month 0",
    ),
    Case(
        "publication-bad-doi",
        directive("publication", "Paper", ":doi: 10.12/x y"),
        "option",
        "invalid DOI",
    ),
    Case(
        "person-image-outside-the-site",
        directive("person", "Jane", ":image: ../secret.png"),
        "url",
        "refused image",
    ),
    Case(
        "cover-letter-bad-date",
        directive("cover-letter", "Application", ":date: 2024-13-01"),
        "date",
        "month 13",
    ),
    Case(
        "certificate-bad-url",
        directive("certificate", "Cert", ":url: javascript:x"),
        "url",
        "refused URL",
    ),
    # roles
    Case(
        "role-unknown-entry", "Text {cv:entry}`ghost`.", "ref", "unknown entry id 'ghost'", line=3
    ),
    Case("role-unknown-talk", "Text {cv:talk}`ghost`.", "ref", "unknown talk id 'ghost'"),
    Case("role-unknown-project", "Text {cv:proj}`ghost`.", "ref", "unknown project id 'ghost'"),
    Case(
        "role-unknown-achievement", "Text {cv:ach}`ghost`.", "ref", "unknown achievement id 'ghost'"
    ),
    # aggregates
    Case(
        "overview-unknown-kind",
        ":::{career-overview}\n:kinds: work, hobbies\n:::",
        "kind",
        "unknown kind 'hobbies'",
    ),
    Case("index-unknown", ":::{cv-index} people\n:::", "option", "unknown index 'people'"),
    Case(
        "audience-unknown",
        ":::{cv-audience} hiring\n:::",
        "ref",
        "unknown audience 'hiring'; cv_audiences declares none",
    ),
    # size and scripts
    Case(
        "huge-body",
        directive(
            T,
            "X",
            ":org: O",
            ":start: 2020-02-30",
            body="\n\n".join(f"Paragraph {i} of a long body." for i in range(3000)),
        ),
        "date",
        "day 30",
    ),
    Case(
        "non-latin",
        directive(T, "ソフトウェアエンジニア", ":org: 株式会社", ":start: 2020", ":end: 2019"),
        "period",
        "before start",
    ),
    Case(
        "right-to-left",
        directive(T, "مهندس برمجيات", ":org: شركة", ":start: 2020", ":url: javascript:x"),
        "url",
        "refused URL",
    ),
]


def page(case: Case) -> str:
    """The case's page: a title unless it brings its own, then a marker after it."""
    head = "" if case.source.startswith("# ") else f"# {case.name}\n\n"
    source = case.source.replace("} X\n", f"}} {case.name}\n")  # ids differ per case
    return f"{head}{source}\n\nAFTER-{case.name}\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    src = tmp_path_factory.mktemp("corpus")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "cv_ext"]\nmyst_enable_extensions = ["colon_fence"]\n'
        'cv_today = "2024-09-23"\nexclude_patterns = ["_build"]\n',
        encoding="utf8",
    )
    names = [case.name for case in CASES]
    (src / "index.md").write_text(
        "# Corpus\n\n"
        + GOOD_ENTRY
        + "\n```{toctree}\n"
        + "\n".join(["base-project", *names])
        + "\n```\n",
        encoding="utf8",
    )
    (src / "base-project.md").write_text(GOOD_PROJECT, encoding="utf8")
    for case in CASES:
        (src / f"{case.name}.md").write_text(page(case), encoding="utf8")
    app = SphinxTestApp("html", srcdir=src, builddir=src / "_build")
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def test_corpus_is_large_and_covers_every_directive() -> None:
    assert len(CASES) >= 40
    for name in (
        "timeline",
        "achievement",
        "project",
        "talk",
        "person",
        "publication",
        "certificate",
        "career-overview",
        "cv-index",
        "cv-audience",
        "cv:entry",
        "cv:talk",
    ):
        assert any(name in case.source for case in CASES), name


def test_build_finishes_without_traceback(built: SphinxTestApp) -> None:
    text = strip_colors(built.warning.getvalue())
    assert "Traceback" not in text
    assert "Exception" not in text
    assert built.statuscode == 0


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_warns_once_where_it_is(built: SphinxTestApp, case: Case) -> None:
    lines = [
        line
        for line in strip_colors(built.warning.getvalue()).splitlines()
        if f"/{case.name}.md:" in line
    ]
    pattern = re.compile(
        rf"/{re.escape(case.name)}\.md:{case.line}: WARNING: .*"
        rf"{re.escape(case.message)}.* \[cv\.{case.subtype}\]$"
    )
    # exactly once: a second reader of the same option must not warn again (other
    # problems on the page, e.g. an empty title besides an empty :start:, have their own lines)
    assert len([line for line in lines if pattern.search(line)]) == 1, lines
    assert all(re.search(r"\[cv\.[a-z]+\]$", line) for line in lines), lines


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_page_still_renders_escaped(built: SphinxTestApp, case: Case) -> None:
    html = (built.outdir / f"{case.name}.html").read_text(encoding="utf8")
    assert f"AFTER-{case.name}" in html
    assert "<script>alert" not in html
    assert 'href="javascript:' not in html and 'href="vbscript:' not in html
    assert 'href="data:' not in html and 'href="file:' not in html
    if SCRIPT in case.source:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
