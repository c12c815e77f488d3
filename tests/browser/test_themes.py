"""cv_ext under other themes: alabaster, pydata-sphinx-theme and sphinx-book-theme.

A small root (tests/roots/test-basic) is built with each theme and shown with the OS in
light and in dark mode. The timeline markers keep a visible contrast with the page
(cv_ext's dark colours apply only where the theme itself goes dark), lists never hang
onto the timeline line, nothing scrolls sideways on a phone, and screenshots land in
``<build>/screenshots/theme-<theme>-<mode>.png``.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

import pytest

from .support import PHONE, REPO, REPORT

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

THEMES = ["alabaster", "pydata_sphinx_theme", "sphinx_book_theme"]
ROOT = REPO / "tests" / "roots" / "test-basic"

# The contrast of each timeline marker's ring against the page behind it (WCAG 1.4.11
# asks 3:1 for graphics), and how far each backlink list's bullets sit inside its entry.
MARKERS = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); };
  const markers = [...document.querySelectorAll('article.cv-entry, li.cv-item')].map(el => {
    const ring = rgb(getComputedStyle(el, '::before').borderTopColor).slice(0, 3);
    return [el.className, Math.round(ratio(ring, background(el)) * 100) / 100];
  });
  const lists = [...document.querySelectorAll('.cv-backlinks ul')].map(ul =>
    parseFloat(getComputedStyle(ul).paddingLeft));
  return {markers, lists, wide: document.documentElement.scrollWidth > innerWidth};
}"""


@pytest.fixture(scope="module")
def themed_sites(build_dir: Path) -> Iterator[dict[str, str]]:
    """test-basic built with each theme, each served on its own port."""
    servers: dict[str, str] = {}
    httpds = []
    for theme in THEMES:
        out = build_dir / "themes" / theme
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-q",
                "-E",
                "-b",
                "html",
                "-D",
                f"html_theme={theme}",
                str(ROOT),
                str(out),
            ],
            check=True,
        )

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

        httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=out))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        httpds.append(httpd)
        servers[theme] = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield servers
    finally:
        for httpd in httpds:
            httpd.shutdown()
            httpd.server_close()


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("theme", THEMES)
def test_timeline_renders_cleanly_under_other_themes(
    browser: Browser, themed_sites: dict[str, str], build_dir: Path, theme: str, mode: str
) -> None:
    folder = build_dir / "screenshots"
    folder.mkdir(exist_ok=True)
    REPORT["screenshots"] = folder
    problems = []
    for device, options in (
        ("desktop", {"viewport": {"width": 1280, "height": 800}}),
        ("phone", PHONE),
    ):
        context = browser.new_context(color_scheme=mode, **options)
        try:
            page = context.new_page()
            for name in ("index", "jobs"):
                page.goto(f"{themed_sites[theme]}/{name}.html", wait_until="load")
                found = page.evaluate(MARKERS)
                page.screenshot(
                    path=folder / f"theme-{theme}-{name}-{mode}-{device}.png", full_page=True
                )
                problems += [
                    f"{name} {device}: marker {cls!r} contrast {ratio}"
                    for cls, ratio in found["markers"]
                    if ratio < 3
                ]
                problems += [
                    f"{name} {device}: backlink bullets {pad}px from the line"
                    for pad in found["lists"]
                    if pad < 12
                ]
                if device == "phone" and found["wide"]:
                    problems.append(f"{name}: wider than the phone")
                assert found["markers"], f"{theme}: no timeline on {name}"
        finally:
            context.close()
    assert not problems, f"{theme}, OS in {mode} mode:\n" + "\n".join(problems)
