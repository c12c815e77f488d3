"""Screenshots of each page type, light and dark, desktop and phone, for a person to review.

They are written into the build folder: ``<build>/screenshots/<page>-<mode>-<device>.png``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PIL import Image

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
            assert_shows_the_page(target, mode, device)


def assert_shows_the_page(png: Path, mode: str, device: str) -> None:
    """The screenshot is the whole page at the device's width, in *mode*'s colours, not blank."""
    viewport, scale = DEVICES[device]["viewport"], DEVICES[device].get("device_scale_factor", 1)
    with Image.open(png) as image:
        assert image.width == viewport["width"] * scale, png
        assert image.height >= viewport["height"] * scale, png
        pixels = image.convert("L")
        colours = pixels.getcolors(maxcolors=256) or []
    # the most common shade is the page's background: dark in dark mode, light in light
    _, background = max(colours)
    assert (background < 80) if mode == "dark" else (background > 180), (png, background)
    # text is drawn with many shades of grey; a blank or single-colour page has few
    assert len(colours) > 32, (png, len(colours))
