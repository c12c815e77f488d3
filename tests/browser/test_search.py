"""Sphinx's search finds the CV's projects, technologies, employers and conferences."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from .support import goto, open_context, site_pages, wait_for_search

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, Locator, Page

    from .support import Server

pytestmark = pytest.mark.browser

TOP = 5  # "among the first results"

# query -> the page it must list among the first results
QUERIES = {
    "hole punching": "/projects/hole-punching/",  # a project
    "QUIC": "/experience/",  # a technology (Mozilla's QUIC stack)
    "Protocol Labs": "/experience/",  # an employer
    "FOSDEM": "/talks/",  # a conference
    "yamux": "/projects/yamux-auto-tuning/",  # a project, by its technology
}


def on_screen(page: Page, locator: Locator) -> bool:
    """Whether *locator* is visible and wholly inside the viewport."""
    box = locator.bounding_box()
    size = page.viewport_size
    return (
        locator.is_visible()
        and box is not None
        and size is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"]
        and box["y"] + box["height"] <= size["height"]
    )


def search(page: Page, server: Server, query: str) -> tuple[str, list[tuple[str, str]]]:
    """Run *query* on the search page; return its summary and (absolute href, text) list."""
    goto(page, server.url(f"/search/?q={quote(query)}"))
    summary = wait_for_search(page)
    results = page.eval_on_selector_all(
        "#search-results ul.search li",
        "items => items.map(li => { const a = li.querySelector('a');"
        " return a ? [a.href, a.textContent] : ['', li.textContent]; })",
    )
    return summary, [(href, text) for href, text in results]


@pytest.mark.parametrize(("query", "expected"), QUERIES.items(), ids=list(QUERIES))
def test_search_lists_expected_page(
    browser: Browser, server: Server, query: str, expected: str
) -> None:
    with open_context(browser) as context:
        summary, results = search(context.new_page(), server, query)
    paths = [urlsplit(href).path for href, _ in results[:TOP]]
    assert expected in paths, (
        f"search {query!r}: {expected} is not among the first {TOP} results\n"
        f"summary: {summary}\nresults: {results[:TOP]}"
    )
    assert re.search(r"found \d+ page", summary), summary


def test_search_without_match_says_so(browser: Browser, server: Server) -> None:
    with open_context(browser) as context:
        summary, results = search(context.new_page(), server, "xyzzyplughquux")
    assert results == []
    assert "did not match any documents" in summary, summary


def test_search_result_links_land_on_their_target(
    browser: Browser, server: Server, site: Path
) -> None:
    """Each result's #fragment is an id on its page, so a click lands on the object."""
    broken = []
    with open_context(browser) as context:
        page = context.new_page()
        for query in QUERIES:
            _, results = search(page, server, query)
            for href, text in results:
                parts = urlsplit(href)
                if not parts.fragment:
                    continue
                html = (site / parts.path.lstrip("/") / "index.html").read_text(encoding="utf-8")
                anchor = unquote(parts.fragment)
                if BeautifulSoup(html, "html.parser").find(id=anchor) is None:
                    broken.append(f"{query!r}: {text!r} -> {parts.path}#{anchor}")
    assert not broken, "search results link to ids that are not on the page:\n" + "\n".join(
        sorted(set(broken))
    )


def test_search_result_titles_are_plain_text(browser: Browser, server: Server) -> None:
    """A result reads as text: no HTML character reference such as ``&#x27;`` shows."""
    shown = []
    with open_context(browser) as context:
        page = context.new_page()
        for query in QUERIES:
            _, results = search(page, server, query)
            shown += [f"{query!r}: {text!r}" for _, text in results if re.search(r"&#?\w+;", text)]
    assert not shown, "search results show escaped HTML:\n" + "\n".join(sorted(set(shown)))


def test_search_box_on_every_page(browser: Browser, server: Server, site: Path) -> None:
    """Every page has a visible search box (desktop) that leads to the search page."""
    missing = []
    with open_context(browser) as context:
        page = context.new_page()
        for path in site_pages(site):
            goto(page, server.url(path))
            box = page.locator("form[role=search] input[name=q]")
            if box.count() == 0 or not box.first.is_visible() or not box.first.is_editable():
                missing.append(path)
                continue
            action = page.eval_on_selector("form[role=search]", "f => f.action")
            if urlsplit(action).path != "/search/":
                missing.append(f"{path} (form action {action})")
    assert not missing, f"no usable search box on: {missing}"


@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("path", ["/", "/projects/hole-punching/"])
def test_search_box_submits(browser: Browser, server: Server, path: str, device: str) -> None:
    """Typing a query and pressing Enter shows results; on a phone, via the menu."""
    with open_context(browser, device=device) as context:
        page = context.new_page()
        goto(page, server.url(path))
        box = page.locator("form[role=search] input[name=q]").first
        if device == "phone":
            assert not on_screen(page, box)  # in the navigation drawer, behind the menu
            page.locator("label.nav-overlay-icon").click()
            page.wait_for_function(
                "el => { const r = el.getBoundingClientRect();"
                " return r.left >= 0 && r.right <= innerWidth; }",
                arg=box.element_handle(),
            )
        assert on_screen(page, box)
        box.fill("hole punching")
        with page.expect_navigation():
            box.press("Enter")
        assert urlsplit(page.url).path == "/search/"
        summary = wait_for_search(page)
        assert re.search(r"found \d+ page", summary), summary
        first = page.locator("#search-results ul.search li a").first
        assert first.is_visible()
