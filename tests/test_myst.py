"""MyST as a person writes it: what ``import`` writes and ``fmt`` rewrites reads back unchanged,
with no backslash, quote or line a person would leave out."""

from __future__ import annotations

import json
import re
import shutil
from typing import TYPE_CHECKING

import pytest
from conftest import REPO, sphinx_build
from hypothesis import given
from hypothesis import strategies as st

from cv_ext.cli.fmt import format_folder, format_page, meaning_of
from cv_ext.cli.myst.directive import Directive
from cv_ext.cli.myst.oracle import reads_as
from cv_ext.cli.myst.prose import WIDTH, block
from cv_ext.cli.myst.values import read_back, written
from cv_ext.core.values import format_list, parse_list

if TYPE_CHECKING:
    from pathlib import Path

#: text as the importer has it: one line, single spaces, no control characters
LINE = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029"
        ),
        min_size=1,
        max_size=120,
    )
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)
#: text rich in what Markdown and YAML read as markup
MARKUP = (
    st.text(alphabet="ab 1.#-*_`:{}[]()<>$&|!\\'\"%+=~^@", min_size=1, max_size=60)
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)
TEXT = st.one_of(LINE, MARKUP)
SHAPES = st.sampled_from(["paragraph", "item", "heading"])


def escapes(markdown: str) -> list[int]:
    """The positions of the backslashes of *markdown* that escape the character after them."""
    found, index = [], 0
    while index < len(markdown):
        if markdown[index] == "\\" and index + 1 < len(markdown):
            found.append(index)
            index += 2
        else:
            index += 1
    return found


# --- 1. everything written reads back unchanged --------------------------------------------------


@given(TEXT, SHAPES)
def test_any_text_reads_back_as_itself(text: str, shape: str) -> None:
    markdown = block(text, shape)
    assert reads_as(markdown, text, shape)
    if shape != "heading":
        lines = markdown.split("\n")
        # a line is longer than the width only if it is one word, or text without spaces
        assert all(len(line) <= WIDTH or " " not in line.strip() for line in lines[1:])


@given(TEXT, st.sampled_from(["text", "list", "lines", "json"]))
def test_any_option_value_reads_back(value: str, kind: str) -> None:
    if kind == "list":
        value = format_list(value.split(" "))
    elif kind == "json":
        value = '{"x": ' + json.dumps(value) + "}"
    option = written("key", value, kind)
    text = "\n".join(option.yaml_lines() if option.block else [option.option_line()[1:]])
    read = read_back("key", text)
    assert read is not None
    if kind == "text":
        assert " ".join(read.split()) == value
    elif kind == "list":
        assert parse_list(read) == parse_list(value)
    elif kind == "json":
        assert json.loads(read) == json.loads(value)
    else:
        assert read.strip("\n") == value


# --- 2. no escape or quote a stricter rule would avoid -------------------------------------------


@given(TEXT, SHAPES)
def test_no_backslash_that_is_not_needed(text: str, shape: str) -> None:
    markdown = block(text, shape)
    for index in escapes(markdown):
        without = markdown[:index] + markdown[index + 1 :]
        assert not reads_as(without, text, shape), (markdown, index)


@given(TEXT)
def test_no_quotes_that_are_not_needed(value: str) -> None:
    option = written("key", value, "text")
    if option.block:
        return
    if option.head != value:  # quoted: bare would not read back as the value
        assert read_back("key", f"key: {value}") != value


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        (
            "Tokenized is a Bitcoin wallet for issuing, managing and trading digital tokens.",
            "Tokenized is a Bitcoin wallet for issuing, managing and trading digital tokens.",
        ),
        ("I'm a full stack web developer", "I'm a full stack web developer"),
        ("# leading hash", "\\# leading hash"),
        ("1. numbered", "1\\. numbered"),
        ("- dash", "\\- dash"),
        ("> quote", "\\> quote"),
        ("use `code` here", "use \\`code` here"),
        (":::{warning} boom :::", "\\:::{warning} boom :::"),
        ("{role}`x`", "{role}\\`x`"),
        ("a <b>bold</b> c", "a \\<b>bold\\</b> c"),
        ("costs $5 and $6", "costs \\$5 and $6"),
        ("*stars* and _under_ and snake_case", "\\*stars* and \\_under_ and snake_case"),
        ("a < b > c, (x) 'y' 3.5", "a < b > c, (x) 'y' 3.5"),
    ],
)
def test_escapes_only_what_changes_the_meaning(text: str, markdown: str) -> None:
    assert block(text) == markdown


def test_options_are_bare_quoted_or_blocks_as_a_person_writes_them() -> None:
    directive = Directive(
        "person",
        "Ajax Davis",
        {
            "label": "Full stack developer",
            "url": "https://ajaxdavis.dev",
            "profiles": "twitter | ajaxdavis | https://twitter.com/ajaxdavis\n"
            "github | ajaxdavis | https://github.com/ajaxdavis",
            "city": "Berlin: Mitte",
            "region": "# not a comment",
        },
    )
    assert directive.text() == (
        ":::{person} Ajax Davis\n"
        "---\n"
        "label: Full stack developer\n"
        "url: https://ajaxdavis.dev\n"
        'city: "Berlin: Mitte"\n'
        'region: "# not a comment"\n'
        "profiles: |\n"
        "  twitter | ajaxdavis | https://twitter.com/ajaxdavis\n"
        "  github | ajaxdavis | https://github.com/ajaxdavis\n"
        "---\n"
        ":::"
    )
    tags = Directive("timeline", "Dev", {"org": "Tokenized", "start": "2020-05-05"})
    tags.options["tags"] = format_list(["Docker", "AWS (EC2, Lambda)"])
    assert ':tags: Docker, "AWS (EC2, Lambda)"' in tags.text()
    tags.options["tags"] = format_list(["Vitest, Mocha/Sinon", "Go"])
    assert 'tags: |\n  "Vitest, Mocha/Sinon", Go\n' in tags.text()


# --- 3. fmt ---------------------------------------------------------------------------------------


HAND_WRITTEN = """\
# Jobs

Prose outside directives stays as it is, however long its lines are, since fmt formats directives only.

:::{timeline} Engineer
:name: acme
:tags: go, "AWS (EC2, Lambda)"
:start: 2020
:org: "Acme"
:summary-like: unknown options keep their place after the known ones
Built things. A line far longer than the width of the page, with `a code span that is long` and [a link with words](https://example.org/a/very/long/path) in it.

- An item that is also far too long for one line of the page, and it goes on and on and on.
:::

```{code-block} python
a_line_of_code = "that is far too long to fit on one line of the page, and must stay as it is"
```
"""


def test_fmt_by_example() -> None:
    formatted = format_page(HAND_WRITTEN)
    assert formatted is not None
    assert meaning_of(formatted) == meaning_of(HAND_WRITTEN)
    head, rest = HAND_WRITTEN.split(":::{timeline}")
    assert formatted.startswith(head)  # prose outside directives: as it was
    assert formatted.split(":::{timeline}")[1].split("\n:::\n")[0] == (
        " Engineer\n"
        ":org: Acme\n"
        ":start: 2020\n"
        ':tags: go, "AWS (EC2, Lambda)"\n'
        ":name: acme\n"
        ":summary-like: unknown options keep their place after the known ones\n"
        "\n"
        "Built things. A line far longer than the width of the page, with\n"
        "`a code span that is long` and [a link with words](https://example.org/a/very/long/path)\n"
        "in it.\n"
        "\n"
        "- An item that is also far too long for one line of the page, and it goes on and on and\n"
        "  on."
    )
    assert rest.split(":::\n", 1)[1] in formatted  # code stays as it is
    assert format_page(formatted) == formatted


DIRECTIVES = st.builds(
    lambda name, argument, org, tags, body: (
        f":::{{{name}}} {argument}\n:org: {org}\n:tags: {tags}\n\n{body}\n:::\n"
    ),
    st.sampled_from(["timeline", "skill", "interest"]),
    st.text(alphabet="ab :#", max_size=20),
    st.text(alphabet="ab :'\"#", max_size=30),
    st.lists(st.text(alphabet='ab ,"', max_size=8), max_size=4).map(format_list),
    st.lists(TEXT.map(block), max_size=3).map("\n\n".join),
)


@given(DIRECTIVES)
def test_fmt_keeps_the_meaning_and_is_idempotent(page: str) -> None:
    formatted = format_page(page)
    if formatted is None:
        return  # a page fmt would change the meaning of is left alone
    assert meaning_of(formatted) == meaning_of(page)
    assert format_page(formatted) == formatted


def test_fmt_on_docs_keeps_every_html_page_byte_for_byte(tmp_path: Path) -> None:
    before, after = tmp_path / "before" / "docs", tmp_path / "after" / "docs"
    shutil.copytree(REPO / "docs", before)
    shutil.copytree(REPO / "docs", after)
    result = format_folder(after)
    assert result.changed and not result.refused
    assert format_folder(after, check=True).changed == []  # idempotent
    for site in (before, after):
        sphinx_build(site, site.with_name("html"), builder="html")
    pages = sorted(
        path.relative_to(before.with_name("html"))
        for path in before.with_name("html").rglob("*.html")
    )
    assert len(pages) > 20
    for page in pages:
        assert (before.with_name("html") / page).read_bytes() == (
            after.with_name("html") / page
        ).read_bytes(), page
    # and the formatted pages read as a person writes them: no line of options over the width
    for path in after.rglob("*.md"):
        for line in path.read_text("utf8").split("\n"):
            if re.match(r":?[\w-]+: ", line):
                assert len(line) <= WIDTH or " " not in line.split(": ", 1)[1], (path, line)
