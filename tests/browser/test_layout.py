"""On a phone no page scrolls sideways, and text keeps a margin from the right edge.

Every page of the build, in English and in German (tailored pages included), at 320 px
and 390 px, light and dark. "Sideways" is the page itself and anything inside it that
scrolls on its own (furo's content column does when something is too wide for it);
code blocks and tables (in their wrappers) may scroll, by design.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .support import PHONE, goto, open_context, site_pages

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser

    from .support import Server

pytestmark = pytest.mark.browser

#: the least room between text and the right edge of a phone's screen, in CSS pixels
MARGIN = 12

# What sticks out or scrolls sideways, and the text closest to the right edge.
LAYOUT = """(margin) => {
  const width = document.documentElement.clientWidth;
  const named = el => {
    const cls = typeof el.className === 'string' && el.className
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}`;
  };
  // furo's drawers wait off-screen until opened; code and tables may scroll by design
  const exempt = el => el.closest(
    '.toc-drawer, .sidebar-drawer, pre, .highlight, table, .table-wrapper');
  const scrollers = [];
  for (const el of document.querySelectorAll('body *')) {
    if (exempt(el)) continue;
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      scrollers.push(`${named(el)} ${el.scrollWidth}/${el.clientWidth}`);
    }
  }
  const tight = [];
  const main = document.querySelector('article[role=main]') || document.body;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim() || exempt(node.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width > 0.5 && rect.right > width - margin) {
        tight.push(`${named(node.parentElement)} "${node.textContent.trim().slice(0, 30)}"`
          + ` right=${Math.round(rect.right)}`);
      }
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: innerWidth,
    scrollers: scrollers.slice(0, 5),
    tight: tight.slice(0, 5),
  };
}"""


def check(browser: Browser, server: Server, site: Path, mode: str, width: int) -> list[str]:
    """The problems of every page of *site* at *width* px in *mode*."""
    pages = site_pages(site)
    assert len(pages) > 10, pages
    problems = []
    with open_context(browser, mode=mode, device="phone") as context:
        page = context.new_page()
        page.set_viewport_size({"width": width, "height": PHONE["viewport"]["height"]})
        for path in [*pages, "/search/?q=libp2p"]:
            goto(page, server.url(path), mode=mode)
            got = page.evaluate(LAYOUT, MARGIN)
            # a phone widens the layout viewport to fit content that overflows: check both
            if got["scrollWidth"] > got["innerWidth"] or got["innerWidth"] != width:
                problems.append(f"{path}: the page is {got['scrollWidth']} px wide")
            problems += [f"{path}: scrolls sideways: {s}" for s in got["scrollers"]]
            problems += [f"{path}: text within {MARGIN} px of the edge: {t}" for t in got["tight"]]
    return problems


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_sideways_scroll_on_phone(
    browser: Browser, server: Server, site: Path, mode: str, width: int
) -> None:
    problems = check(browser, server, site, mode, width)
    assert not problems, f"at {width} px, {mode}:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [320, 390])
def test_no_sideways_scroll_on_phone_in_german(
    browser: Browser, german_server: Server, german_site: Path, width: int
) -> None:
    problems = check(browser, german_server, german_site, "light", width)
    assert not problems, f"German, at {width} px:\n" + "\n".join(problems)
