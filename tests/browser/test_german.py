"""The German site in the browser: screenshots, the switcher, search, the skills page.

The German build and its server are fixtures of ``conftest.py`` (the layout tests check
its pages too). Screenshots go beside the English ones:
``<build>/screenshots/de-<page>-<mode>-<device>.png``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

import pytest

from .support import MODES, REPORT, goto, open_context, wait_for_search

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser

    from .support import Server

pytestmark = pytest.mark.browser

ENGLISH_URL = "https://max-inden.readthedocs.io/en/latest/"
#: the pages a phone reader of issue 22 looked at, light and dark
PHONE_PAGES = {"skills": "/skills/", "talks": "/talks/", "education": "/education/"}


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_german_screenshots(
    browser: Browser, german_server: Server, build_dir: Path, device: str
) -> None:
    folder = build_dir / "screenshots"
    folder.mkdir(exist_ok=True)
    REPORT["screenshots"] = folder
    with open_context(browser, mode="light", device=device) as context:
        page = context.new_page()
        for name, path in {"home": "/", "experience": "/experience/"}.items():
            goto(page, german_server.url(path), mode="light")
            assert page.evaluate("document.documentElement.lang") == "de"
            switch = page.locator("nav.cv-languages")
            assert switch.is_visible()
            link = switch.locator("a")
            assert link.inner_text() == "English"
            assert link.get_attribute("href") == ENGLISH_URL + path.lstrip("/")
            target = folder / f"de-{name}-light-{device}.png"
            page.screenshot(path=target, full_page=True, animations="disabled")
            assert target.stat().st_size > 10_000, target


def test_german_query_finds_the_german_page(browser: Browser, german_server: Server) -> None:
    """Sphinx's German stemmer: "verteilten" (inflected) finds the book club's pages."""
    with open_context(browser) as context:
        page = context.new_page()
        goto(page, german_server.url("/search/?q=" + quote("verteilten Systemen")))
        summary = wait_for_search(page)
        hrefs = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
        paths = [urlsplit(href).path for href in hrefs]
        assert "/projects/book-club/" in paths, (summary, paths)


@pytest.mark.parametrize("mode", MODES)
def test_german_phone_screenshots(
    browser: Browser, german_server: Server, build_dir: Path, mode: str
) -> None:
    """Skills, Talks and Education in German on a phone, light and dark, for a person to see."""
    folder = build_dir / "screenshots"
    folder.mkdir(exist_ok=True)
    REPORT["screenshots"] = folder
    with open_context(browser, mode=mode, device="phone") as context:
        page = context.new_page()
        for name, path in PHONE_PAGES.items():
            goto(page, german_server.url(path), mode=mode)
            target = folder / f"de-{name}-{mode}-phone.png"
            page.screenshot(path=target, full_page=True, animations="disabled")
            assert target.stat().st_size > 10_000, target
