"""The German site in the browser: screenshots of home and Experience, the switcher, search.

Screenshots go beside the English ones: ``<build>/screenshots/de-<page>-<mode>-<device>.png``.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import pytest

from .support import DOCS, REPORT, Server, goto, open_context, wait_for_search

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

GERMAN_URL = "https://max-inden.readthedocs.io/de/latest/"
ENGLISH_URL = "https://max-inden.readthedocs.io/en/latest/"


@pytest.fixture(scope="module")
def german_site(build_dir: Path) -> Path:
    """docs/ in German, as the Read the Docs translation project builds it."""
    out = build_dir / "dirhtml-de"
    subprocess.run(
        [
            *(sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-q", "-b", "dirhtml"),
            *("-D", "language=de", "-d", str(build_dir / "doctrees-de"), str(DOCS), str(out)),
        ],
        check=True,
        env={**os.environ, "CV_BASEURL": GERMAN_URL},
    )
    return out


@pytest.fixture(scope="module")
def german_server(german_site: Path) -> Iterator[Server]:
    """The German site on 127.0.0.1."""

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=german_site))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", [])
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


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
