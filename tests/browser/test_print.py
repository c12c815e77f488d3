"""Printing: the CV on the home page fits at most three A4 pages, with its timeline whole."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from .support import goto, open_context

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser

    from .support import Server

pytestmark = pytest.mark.browser


def test_home_page_prints_on_at_most_three_a4_pages(
    browser: Browser, server: Server, build_dir: Path
) -> None:
    with open_context(browser, mode="light", device="desktop") as context:
        page = context.new_page()
        goto(page, server.url("/"), mode="light")
        # the link to the next page: on screen, and not on paper, where it leads nowhere
        navigation = page.locator(".related-pages a.next-page")
        assert navigation.count() == 1 and navigation.is_visible()
        page.emulate_media(media="print")
        # what paper shows: the person and every entry of the overview, no navigation
        assert page.locator("div.cv-person").is_visible()
        # roles at one organisation share an item: count the roles
        roles = "li.cv-item:not(.cv-org-item), ol.cv-roles > li"
        assert page.locator(roles).count() == 20
        assert not navigation.is_visible()
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    (build_dir / "home-print.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 3, pages
