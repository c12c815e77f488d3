"""Screenshots of each page type, light and dark, desktop and phone, for a person to review.

They are written into the build folder: ``<build>/screenshots/<page>-<mode>-<device>.png``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .support import DEVICES, MODES, PAGE_TYPES, REPORT, goto, open_context

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser

    from .support import Server

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("mode", MODES)
def test_screenshots(
    browser: Browser, server: Server, build_dir: Path, mode: str, device: str
) -> None:
    folder = build_dir / "screenshots"
    folder.mkdir(exist_ok=True)
    REPORT["screenshots"] = folder
    with open_context(browser, mode=mode, device=device) as context:
        page = context.new_page()
        for name, path in PAGE_TYPES.items():
            goto(page, server.url(path), mode=mode)
            target = folder / f"{name}-{mode}-{device}.png"
            page.screenshot(path=target, full_page=True, animations="disabled")
            assert target.stat().st_size > 10_000, target
