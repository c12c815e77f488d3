"""Helpers of the browser tests: devices, themes, the page list, skipping and failing."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from conftest import need

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, BrowserContext, Page

HERE = Path(__file__).parent.resolve()
REPO = HERE.parents[1]
DOCS = REPO / "docs"

CHROMIUM = os.environ.get("CV_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}}
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
DEVICES = {"desktop": DESKTOP, "phone": PHONE}
MODES = ("light", "dark")

# One page of each type; the search page with a query that finds results.
PAGE_TYPES = {
    "home": "/",
    "experience": "/experience/",
    "project": "/projects/hole-punching/",
    "talks": "/talks/",
    "education": "/education/",
    "achievements": "/achievements/",
    "skills": "/skills/",
    "projects": "/projects/",
    "audience": "/for/networking/",
    "search": "/search/?q=libp2p",
}

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Filled by the tests, printed at the end of the run by conftest.pytest_terminal_summary.
REPORT: dict[str, Any] = {"axe": {}, "screenshots": None}


def missing(reason: str) -> NoReturn:
    """Skip the test for a missing tool, or fail it under ``CI=true`` (conftest.need)."""
    need(False, reason)
    raise AssertionError(reason)  # need() never returns when nothing is available


def site_pages(out: Path) -> list[str]:
    """Every page of the built site as a URL path: the site's own sitemap."""
    pages = []
    for index in out.rglob("index.html"):
        rel = index.parent.relative_to(out)
        if rel.parts and rel.parts[0].startswith("_"):
            continue  # _static, _sources, _images
        pages.append("/" + "".join(f"{part}/" for part in rel.parts))
    return sorted(pages)


@dataclass
class Server:
    """The built site on 127.0.0.1, with a log of every request it answered."""

    base: str
    log: list[tuple[str, int]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def errors(self) -> list[tuple[str, int]]:
        return [(path, status) for path, status in list(self.log) if status >= 400]


@contextlib.contextmanager
def open_context(
    browser: Browser, *, mode: str = "light", device: str = "desktop"
) -> Iterator[BrowserContext]:
    """A fresh browser context with furo's theme set to *mode* before any page loads."""
    assert mode in MODES, mode
    context = browser.new_context(color_scheme=mode, **DEVICES[device])
    context.set_default_timeout(15_000)
    # furo reads localStorage "theme" in an inline script at the top of <body>.
    context.add_init_script(
        f"try {{ localStorage.setItem('theme', {json.dumps(mode)}); }} catch {{}}"
    )
    try:
        yield context
    finally:
        context.close()


def goto(page: Page, url: str, *, mode: str | None = None) -> None:
    """Open *url* and wait until it has settled; check that furo shows theme *mode*."""
    page.goto(url, wait_until="load")
    if "/search/" in url and "?q=" in url:
        wait_for_search(page)
    if mode is not None:
        theme = page.evaluate("document.body.dataset.theme")
        assert theme == mode, f"{url}: body[data-theme] is {theme!r}, expected {mode!r}"


def wait_for_search(page: Page) -> str:
    """Wait until Sphinx's search has finished; return its summary sentence.

    Results arrive one at a time, and the summary paragraph stays empty until the end.
    """
    page.wait_for_function(
        """() => {
          const p = document.querySelector('#search-results p.search-summary');
          return p !== null && p.textContent.trim() !== '';
        }""",
        timeout=15_000,
    )
    return page.locator("#search-results p.search-summary").inner_text().strip()
