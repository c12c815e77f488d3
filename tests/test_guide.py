"""cv_ext's guide (guide/): it builds under -n -W and documents every setting."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import REPO, sphinx_build

from cv_ext.reading.config import SETTINGS

if TYPE_CHECKING:
    from pathlib import Path

GUIDE = REPO / "guide"


@pytest.mark.oldest
def test_guide_builds_without_warnings(tmp_path: Path) -> None:
    sphinx_build(GUIDE, tmp_path / "dirhtml")
    assert (tmp_path / "dirhtml" / "directives" / "timeline" / "index.html").is_file()


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
