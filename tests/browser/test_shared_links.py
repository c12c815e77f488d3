"""A project URL opened directly shows what the project is about in the first viewport."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from .support import DOCS, goto, open_context

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

    from .support import Server

pytestmark = pytest.mark.browser

PROJECT = "hole-punching"


def project_options(name: str) -> dict[str, str]:
    """The ``:key: value`` options of the ``project`` directive in docs/projects/NAME.md."""
    text = (DOCS / "projects" / f"{name}.md").read_text(encoding="utf-8")
    block = re.search(r"^:::\{project\}[^\n]*\n(.*?)^:::", text, re.MULTILINE | re.DOTALL)
    assert block, f"no project directive in docs/projects/{name}.md"
    return dict(re.findall(r"^:([\w-]+):[ \t]*(.*?)\s*$", block.group(1), re.MULTILINE))


def outside_first_viewport(page: Page, what: str, locator: Locator) -> str | None:
    """None if *locator* is shown wholly within the first viewport, else why not."""
    if locator.count() == 0:
        return f"{what}: not on the page"
    element = locator.first
    if not element.is_visible():
        return f"{what}: not visible"
    rect = element.evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }"
    )
    size = page.viewport_size
    assert size is not None
    if rect["top"] < 0 or rect["bottom"] > size["height"]:
        return f"{what}: spans y={rect['top']:.0f}..{rect['bottom']:.0f}, viewport {size['height']}"
    if rect["left"] < 0 or rect["right"] > size["width"]:
        return f"{what}: spans x={rect['left']:.0f}..{rect['right']:.0f}, viewport {size['width']}"
    return None


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_project_page_above_the_fold(browser: Browser, server: Server, device: str) -> None:
    options = project_options(PROJECT)
    date = options.get("date") or options["start"]
    main = "article[role=main]"
    with open_context(browser, device=device) as context:
        page = context.new_page()
        goto(page, server.url(f"/projects/{PROJECT}/"))
        assert page.evaluate("scrollY") == 0
        title = page.locator(f"{main} h1")
        expected = {
            "title": title,
            "summary": page.locator(main).get_by_text(options["summary"], exact=True),
            "dates": page.locator(f"{main} time[datetime='{date}']"),
            "job": page.locator(f"{main} a[href$='/experience/#{options['entry']}']"),
            "talks": page.locator(f"{main} a[href*='/talks/#']"),
            "source link": page.locator(f"{main} a[href='{options['url']}']"),
        }
        problems = [
            why
            for what, locator in expected.items()
            if (why := outside_first_viewport(page, what, locator)) is not None
        ]
        assert not problems, f"/projects/{PROJECT}/ on {device}:\n" + "\n".join(problems)
        assert title.first.inner_text().strip().rstrip("¶").strip()
        assert page.title().startswith(title.first.inner_text().strip().rstrip("¶").strip())
