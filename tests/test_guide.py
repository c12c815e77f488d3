"""cv_ext's guide (guide/): it builds under -n -W and documents every setting."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, sphinx_build

from cv_ext.reading.config import SETTINGS

if TYPE_CHECKING:
    from pathlib import Path

GUIDE = REPO / "guide"

# what each directive page's live example must render: that directive's own element
LIVE = {
    "timeline": "article.cv-entry",
    "achievement": "article.cv-achievement",
    "project": "div.cv-project",
    "talk": "article.cv-talk",
    "publication": "article.cv-publication",
    "items": "div.cv-item.cv-skill",
    "career-overview": "div.cv-overview",
    "cv-index": "div.cv-index-projects",
}


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide, built once with dirhtml under -n -W."""
    out = tmp_path_factory.mktemp("guide") / "dirhtml"
    sphinx_build(GUIDE, out)
    return out


def page(guide: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((guide / name / "index.html").read_text(encoding="utf8"), "html.parser")


@pytest.mark.oldest
def test_guide_builds_without_warnings(guide: Path) -> None:
    assert (guide / "directives" / "timeline" / "index.html").is_file()


def test_every_directive_page_has_a_live_example(guide: Path) -> None:
    assert set(LIVE) == {path.stem for path in (GUIDE / "directives").glob("*.md")}
    for name, selector in LIVE.items():
        results = page(guide, f"directives/{name}").select(".guide-example > .guide-result")
        assert [r for r in results if r.select(selector)], (name, selector)


def test_example_shows_the_source_it_renders(guide: Path) -> None:
    source = (GUIDE / "directives" / "talk.md").read_text(encoding="utf8")
    inputs = re.findall(r"^```\{example\}\n(.*?)\n```$", source, re.DOTALL | re.MULTILINE)
    examples = page(guide, "directives/talk").select(".guide-example")
    assert len(inputs) == len(examples) == 2
    for text, example in zip(inputs, examples, strict=True):
        assert example.select_one(".guide-source pre").get_text() == text + "\n"
        # and the rendering below it is of that text: the talk it declares
        title = text.splitlines()[0].removeprefix(":::{talk} ")
        assert example.select_one(".guide-result .cv-talk .cv-heading").get_text() == title


def test_every_setting_is_documented() -> None:
    text = (GUIDE / "configuration.md").read_text(encoding="utf8")
    missing = [setting.name for setting in SETTINGS if f"`{setting.name}`" not in text]
    assert missing == []


def test_readme_is_short_and_links_the_guide() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf8")
    assert len(readme.encode("utf8")) <= 8 * 1024
    for page in ("guide/getting-started.md", "guide/configuration.md", "ARCHITECTURE.md"):
        assert f"]({page})" in readme
        assert (REPO / page).is_file()
