"""At phone width no page scrolls sideways."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .support import PHONE, goto, open_context, site_pages

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser

    from .support import Server

pytestmark = pytest.mark.browser

# The widest elements that stick out to the right, to name the culprit in a failure.
OVERFLOW = """() => {
  const width = innerWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5) {
      const cls = typeof el.className === 'string' && el.className
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
      out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}`
        + ` right=${Math.round(r.right)}`);
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: width,
    culprits: out.slice(-8),
  };
}"""


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_no_sideways_scroll_on_phone(
    browser: Browser, server: Server, site: Path, mode: str
) -> None:
    pages = site_pages(site)
    assert len(pages) > 10, pages
    wide = []
    with open_context(browser, mode=mode, device="phone") as context:
        page = context.new_page()
        for path in [*pages, "/search/?q=libp2p"]:
            goto(page, server.url(path), mode=mode)
            got = page.evaluate(OVERFLOW)
            # A phone widens the layout viewport to fit content that overflows: check both.
            if (
                got["scrollWidth"] > got["innerWidth"]
                or got["innerWidth"] != PHONE["viewport"]["width"]
            ):
                wide.append(f"{path}: {got}")
    assert not wide, "pages wider than the phone (390 px):\n" + "\n".join(wide)
