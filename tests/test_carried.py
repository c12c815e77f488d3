"""What a page carries to the export beyond what it shows: quoted list items, ``:extra:``,
``:untitled:`` items, a relative photo; and what ``fmt`` does from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from conftest import sphinx_build

if TYPE_CHECKING:
    from pathlib import Path

CONF = """\
extensions = ["myst_parser", "cv_ext"]
myst_enable_extensions = ["colon_fence"]
cv_json_resume_extra = {"meta": {"theme": "even", "version": "mine"}, "language": "de"}
"""

INDEX = """\
# Ajax Davis

:::{person} Ajax Davis
---
image: ./photo.png
city: Berlin
country-code: DE
profiles: |
  GitHub | ajax | https://github.com/ajax
   | ajax2 | https://example.org/ajax2
extra: {"location": {"country": "Germany"}, "profiles": [{}, {"x-seen": true}], "x-a": ""}
---
:::

:::{timeline} Cloud engineer
:org: Example Cloud
:start: 2021-03
:tags: terraform, "AWS (EC2, Lambda)"
:extra: {"x-team": "infra", "startDate": "not this one"}
:::

:::{timeline}
:start: 2020
:untitled:
:::

:::{skill} Testing
---
keywords: |
  "Vitest, Mocha/Sinon", Jest,
  Cypress
---
:::

:::{interest}
:keywords: Chanter, Composer
:untitled:
:::

:::{interest}
:untitled:
:::
"""


def build(tmp_path: Path, index: str = INDEX) -> tuple[dict[str, object], BeautifulSoup]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf8")
    (src / "index.md").write_text(index, encoding="utf8")
    (src / "photo.png").write_bytes(b"\x89PNG photo")
    sphinx_build(src, tmp_path / "out", builder="html")
    resume = json.loads((tmp_path / "out" / "cv.json").read_text("utf8"))
    html = (tmp_path / "out" / "index.html").read_text("utf8")
    return resume, BeautifulSoup(html, "html.parser")


def test_the_page_shows_and_the_export_keeps_everything(tmp_path: Path) -> None:
    resume, page = build(tmp_path)
    assert resume["basics"] == {
        "name": "Ajax Davis",
        "image": "_images/photo.png",  # where the site serves it
        "location": {"city": "Berlin", "countryCode": "DE", "country": "Germany"},
        "profiles": [
            {"network": "GitHub", "username": "ajax", "url": "https://github.com/ajax"},
            {"username": "ajax2", "url": "https://example.org/ajax2", "x-seen": True},
        ],
        "x-a": "",  # an extra field is written as it is, empty or not
    }
    assert resume["work"] == [
        {
            "name": "Example Cloud",
            "position": "Cloud engineer",
            "startDate": "2021-03",
            "endDate": "2021-03",  # no :end:: the month of :start:
            "keywords": ["terraform", "AWS (EC2, Lambda)"],
            # the option's own date wins over an extra field of the same name
            "x-team": "infra",
        },
        {"startDate": "2020", "endDate": "2020"},
    ]
    assert resume["skills"] == [
        {"name": "Testing", "keywords": ["Vitest, Mocha/Sinon", "Jest", "Cypress"]}
    ]
    # every item keeps its place, the one without any field too
    assert resume["interests"] == [{"keywords": ["Chanter", "Composer"]}, {}]
    assert resume["language"] == "de"
    assert resume["meta"]["theme"] == "even"
    assert resume["meta"]["version"] == "v1.0.0"  # the export's own meta wins
    # one tag on the page for each item of the list, commas and all
    tags = [tag.get_text() for tag in page.select("article .cv-tag")]
    assert tags == ["terraform", "AWS (EC2, Lambda)"]
    # on the page too: a semicolon separates items when one holds a comma
    assert "Keywords: Vitest, Mocha/Sinon; Jest; Cypress" in page.get_text()
    # an untitled interest shows its keywords, under no made-up heading
    headings = [h.get_text() for h in page.select(".cv-interest .cv-heading")]
    assert headings == []


def test_a_bad_extra_warns_at_its_line(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf8")
    (src / "index.md").write_text(
        "# X\n\n:::{timeline} Job\n:org: O\n:start: 2020\n:extra: [1, 2]\n:::\n\n"
        ":::{skill} S\n:extra: {not json\n:::\n\n:::{person} P\n:image: javascript:alert(1)\n:::\n",
        encoding="utf8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 3, result.stderr
    assert (
        "index.md:3: WARNING: timeline: invalid :extra: '[1, 2]': expected a JSON object"
        in (warnings[0])
    )
    assert "index.md:9: WARNING: skill: invalid :extra:" in warnings[1]
    assert "[cv.option]" in warnings[1]
    assert (
        "index.md:13: WARNING: person: :image: refused image 'javascript:alert(1)'" in (warnings[2])
    )
    resume = json.loads((tmp_path / "out" / "cv.json").read_text("utf8"))
    assert "image" not in resume["basics"]


def fmt(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cv_ext", "fmt", *args], capture_output=True, text=True, check=False
    )


def test_fmt_from_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text(
        '# X\n\n:::{timeline} Job\n:start: "2020"\n:org: "O"\n:::\n', encoding="utf8"
    )
    (tmp_path / "_build").mkdir()
    (tmp_path / "_build" / "page.md").write_text(":::{timeline} J\n:org: 'O'\n:::\n", "utf8")
    checked = fmt("--check", str(tmp_path))
    assert checked.returncode == 1
    assert checked.stdout.strip() == f"would format {tmp_path / 'index.md'}"
    assert fmt(str(tmp_path)).returncode == 0
    assert (tmp_path / "index.md").read_text("utf8") == (
        "# X\n\n:::{timeline} Job\n:org: O\n:start: 2020\n:::\n"
    )
    assert "'O'" in (tmp_path / "_build" / "page.md").read_text("utf8")  # not a page
    assert fmt("--check", str(tmp_path)).returncode == 0
    missing = fmt(str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr
