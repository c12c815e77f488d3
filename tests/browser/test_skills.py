"""The skills page (issue 22): short at 1280 px in both languages, chips that open, tags that land.

It was 5,847 px tall before: every tag listed every object carrying it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .support import REPORT, goto, open_context

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from .support import Server

pytestmark = pytest.mark.browser

SKILLS_MAX_HEIGHT = 2500  # px at 1280 px wide


@pytest.mark.parametrize("language", ["en", "de"])
def test_skills_page_is_short(
    browser: Browser, server: Server, german_server: Server, language: str
) -> None:
    site = server if language == "en" else german_server
    with open_context(browser) as context:
        page = context.new_page()
        goto(page, site.url("/skills/"))
        height = page.evaluate("document.documentElement.scrollHeight")
        cards = page.locator(".cv-skill-cards > .cv-skill").count()
        chips = page.locator("details.cv-skill-chip").count()
    REPORT.setdefault("heights", {})[f"skills ({language}) at 1280 px"] = height
    assert cards >= 15 and chips >= 25, (cards, chips)  # every skill is still there
    assert height <= SKILLS_MAX_HEIGHT, f"Skills ({language}) is {height} px tall at 1280 px"


def test_a_chip_opens_to_its_items(browser: Browser, server: Server) -> None:
    with open_context(browser) as context:
        page = context.new_page()
        goto(page, server.url("/skills/"))
        chip = page.locator("details#skill-javascript")
        assert chip.get_attribute("open") is None
        assert not chip.locator("ul.cv-skill-list").is_visible()
        chip.locator("summary").click()
        assert chip.get_attribute("open") is not None
        items = chip.locator("ul.cv-skill-list a")
        assert items.first.is_visible()
        assert "Innoscale" in items.first.inner_text()


def test_a_tag_lands_on_its_skill(browser: Browser, server: Server) -> None:
    """A tag of a project links to its skill: a card or a chip, in view, highlighted."""
    with open_context(browser) as context:
        page = context.new_page()
        goto(page, server.url("/projects/hole-punching/"))
        tag = page.locator("p.cv-tags a", has_text="hole punching")
        assert tag.count() == 1  # the label, not "hole-punching"
        tag.click()
        page.wait_for_url("**/skills/#skill-hole-punching")
        target = page.locator("#skill-hole-punching")
        assert target.is_visible()
        assert target.evaluate("el => el.matches(':target')")
