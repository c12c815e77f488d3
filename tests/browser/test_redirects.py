"""Old URLs in a real browser: a renamed project's old page leads to its new one, and old
anchors land on their object.

The site is ``tests/roots/test-links`` (a project renamed from ``projects/router`` to
``projects/mesh-router``, a page ``jobs`` renamed ``experience``, a talk with an old id),
built with ``dirhtml`` under ``-n -W`` and served on 127.0.0.1 like the career site.
"""

from __future__ import annotations

import contextlib
import functools
import json
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

import pytest

from .support import REPO, Server, open_context

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

ROOT = REPO / "tests" / "roots" / "test-links"


@pytest.fixture(scope="module")
def links_site(build_dir: Path) -> Path:
    out = build_dir / "links-dirhtml"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-n",
            "-W",
            "--keep-going",
            "-q",
            "-E",
            "-b",
            "dirhtml",
            "-d",
            str(build_dir / "links-doctrees"),
            str(ROOT),
            str(out),
        ],
        check=True,
    )
    return out


@pytest.fixture(scope="module")
def links_server(links_site: Path) -> Iterator[Server]:
    log: list[tuple[str, int]] = []

    class Handler(SimpleHTTPRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            with contextlib.suppress(TypeError, ValueError):
                log.append((self.path, int(code)))

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=links_site))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", log)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def in_viewport(page: Page, selector: str) -> bool:
    """Whether the element's top is within the viewport: the browser scrolled to it."""
    top = page.locator(selector).first.evaluate("el => el.getBoundingClientRect().top")
    size = page.viewport_size
    assert size is not None
    return bool(0 <= top < size["height"] / 2)


@pytest.mark.parametrize("script", [True, False], ids=["script", "no-script"])
def test_renamed_projects_old_url_leads_to_its_new_page(
    browser: Browser, links_server: Server, build_dir: Path, script: bool
) -> None:
    """/projects/router/ (the project's URL before the rename) shows /projects/mesh-router/;
    without scripts, the meta refresh does it."""
    context = browser.new_context(
        java_script_enabled=script, viewport={"width": 1280, "height": 800}
    )
    try:
        page = context.new_page()
        page.goto(links_server.url("/projects/router/"))
        page.wait_for_url(links_server.url("/projects/mesh-router/"))
        assert page.locator("h1").first.inner_text().startswith("Mesh router")
        assert page.locator(".cv-summary").inner_text() == "A router for mesh networks."
        if script:
            shots = build_dir / "screenshots"
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / "redirect-renamed-project.png"))
    finally:
        context.close()
    assert ("/projects/router/", 200) in links_server.log
    # Chromium asks for /favicon.ico by itself; the test site has none
    assert [e for e in links_server.errors() if e[0] != "/favicon.ico"] == []


def test_a_moved_pages_old_anchor_lands_on_the_same_anchor(
    browser: Browser, links_server: Server
) -> None:
    """/jobs/ became /experience/: /jobs/#initech-2023 shows that job on /experience/."""
    with open_context(browser) as context:
        page = context.new_page()
        page.set_viewport_size({"width": 1280, "height": 300})  # short: scrolling shows
        page.goto(links_server.url("/jobs/#initech-2023"))
        page.wait_for_url(links_server.url("/experience/#initech-2023"))
        page.wait_for_load_state("load")
        assert in_viewport(page, "#initech-2023")
        assert page.evaluate("scrollY") > 0


def test_an_old_anchor_lands_on_its_object(browser: Browser, links_server: Server) -> None:
    """The talk's old id is still an anchor on the talks page: the talk is in view."""
    with open_context(browser) as context:
        page = context.new_page()
        page.set_viewport_size({"width": 1280, "height": 300})
        for old in ("exampleconf-2023-routing", "cv-talk-exampleconf-2023-routing"):
            page.goto(links_server.url(f"/talks/#{old}"))
            page.wait_for_load_state("load")
            assert in_viewport(page, "article#talk-2023"), old
            assert not in_viewport(page, "h1"), old
        # an old page of the talk: to the talk's own anchor
        page.goto(links_server.url("/archive/routing-talk/"))
        page.wait_for_url(links_server.url("/talks/#talk-2023"))


def test_redirect_pages_are_valid_html(vnu_command: list[str], links_site: Path) -> None:
    files = [
        str(links_site / old / "index.html")
        for old in ("projects/router", "jobs", "old-talks", "archive/routing-talk")
    ]
    proc = subprocess.run(
        [*vnu_command, "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    report = json.loads(proc.stderr or proc.stdout)
    assert report["messages"] == [], report["messages"]
