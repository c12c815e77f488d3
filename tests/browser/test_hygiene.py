"""Every page loads without console errors or failed requests, and is valid HTML."""

from __future__ import annotations

import json
import subprocess
from typing import TYPE_CHECKING
from urllib.request import urlopen

import pytest
from defusedxml import ElementTree

from .support import goto, open_context, site_pages, wait_for_search

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, ConsoleMessage, Request, Response

    from .support import Server

pytestmark = pytest.mark.browser

# The icon a browser shows in the tab: the page's <link rel=icon>, else /favicon.ico.
ICON = """() => {
  const link = document.querySelector('link[rel~="icon"]');
  return link ? link.href : new URL('/favicon.ico', location.href).href;
}"""


def test_no_console_errors_or_failed_requests(browser: Browser, server: Server, site: Path) -> None:
    """Each page of the site, in a fresh browser context; and each page's favicon."""
    problems: list[str] = []
    for path in [*site_pages(site), "/search/?q=libp2p"]:
        found: list[str] = []

        def on_console(msg: ConsoleMessage, found: list[str] = found) -> None:
            if msg.type in {"error", "assert"}:
                where = msg.location.get("url", "")
                found.append(f"console {msg.type}: {msg.text} ({where})")

        def on_failed(request: Request, found: list[str] = found) -> None:
            found.append(f"request failed: {request.url} ({request.failure})")

        def on_response(response: Response, found: list[str] = found) -> None:
            if response.status >= 400:
                found.append(f"HTTP {response.status}: {response.url}")

        with open_context(browser) as context:
            page = context.new_page()
            page.on("console", on_console)
            page.on("pageerror", lambda exc, found=found: found.append(f"page error: {exc}"))
            page.on("requestfailed", on_failed)
            page.on("response", on_response)
            server.log.clear()
            page.goto(server.url(path), wait_until="load")
            if "?q=" in path:
                wait_for_search(page)
                page.wait_for_load_state("networkidle")
            # What the browser asks for by itself (the favicon) shows only on the server.
            found += [f"server answered {status}: {url}" for url, status in server.errors()]
            # Chromium asks for the favicon once per run, whichever test is first: ask here.
            icon = page.evaluate(ICON)
            status = page.request.get(icon).status
            if status != 200:
                found.append(f"favicon {icon} answers HTTP {status}")
        problems += [f"{path}: {problem}" for problem in found]
    assert not problems, "\n".join(problems)


def test_html_is_valid(vnu_command: list[str], site: Path) -> None:
    """The W3C Nu HTML checker finds no error in any page."""
    files = sorted(str(index) for index in site.rglob("*.html"))
    assert files
    proc = subprocess.run(
        [*vnu_command, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    # vnu writes its JSON report to stderr; it exits 1 when it found errors.
    report = json.loads(proc.stderr or proc.stdout)
    errors = [
        f"{m.get('url', '').removeprefix('file:' + str(site))}:{m.get('lastLine', '?')}: "
        f"{m.get('type')}: {m.get('message')}  [{m.get('extract', '').strip()[:120]}]"
        for m in report["messages"]
        if m.get("type") in {"error", "non-document-error"}
    ]
    assert not errors, "\n".join(errors)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_sitemap_lists_served_pages(server: Server, site: Path) -> None:
    """The build has a sitemap.xml (the site fixture gives an address), and its URLs are pages."""
    sitemap = site / "sitemap.xml"
    assert sitemap.is_file(), "CV_BASEURL is set: cv_ext must have sphinx-sitemap write one"
    root = ElementTree.fromstring(sitemap.read_bytes())
    locs = [el.text or "" for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs, "sitemap.xml lists no URL"
    base = min(locs, key=len)  # the home page: html_baseurl
    pages = set(site_pages(site))
    unknown = [loc for loc in locs if "/" + loc.removeprefix(base) not in pages]
    assert not unknown, f"sitemap.xml lists URLs that are no page of the build: {unknown}"
    for loc in locs:
        with urlopen(server.url("/" + loc.removeprefix(base))) as response:
            assert response.status == 200, loc


def test_pages_open_at_their_address(browser: Browser, server: Server, site: Path) -> None:
    """Every page in the build folder is served and has a title and a main landmark."""
    with open_context(browser) as context:
        page = context.new_page()
        for path in site_pages(site):
            goto(page, server.url(path))
            assert page.title().strip(), path
            assert page.locator("[role=main], main").count() == 1, path
