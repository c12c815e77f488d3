"""Real-browser tests of the built career site (docs/), driven by Playwright.

The site is built once per session with ``dirhtml`` into a temporary build folder and
served by an in-process HTTP server on 127.0.0.1. The browser is Debian's Chromium
(``/usr/bin/chromium``; ``CV_CHROMIUM`` overrides the path), never one that Playwright
downloads.

Without Chromium (or Playwright, Java, vnu.jar) these tests skip with the reason; with
``CI=true`` a missing tool fails the run instead, so that CI cannot pass by skipping.

The German site (``-D language=de``) is built and served the same way, for the tests that
look at both languages. Screenshots of each page type go into ``<build>/screenshots/``,
next to the built site; the path is printed at the end of the run. ``CV_BROWSER_BUILD=DIR``
keeps the build folder in DIR instead of a temporary folder.

The fixtures are package-scoped: built once for this folder, and the browser, its
Playwright driver and the server thread end before the rest of the suite runs. A process
that forks while they run (sphinx-sitemap starts a multiprocessing Manager during an
in-process build of docs/) deadlocks in the child, and pytest then hangs at exit.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import source_copy

from .support import CHROMIUM, CHROMIUM_ARGS, DOCS, REPO, REPORT, Server, missing

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: real-browser test of the built site (Chromium, Playwright)"
    )


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if REPORT["axe"]:
        terminalreporter.section("axe-core violations, WCAG 2.1 A and AA")
        for key, count in sorted(REPORT["axe"].items()):
            terminalreporter.write_line(f"{key}: {count}")
    for name, height in sorted(REPORT.get("heights", {}).items()):
        terminalreporter.write_line(f"height of {name}: {height} px")
    if REPORT["screenshots"]:
        terminalreporter.write_line(f"browser screenshots: {REPORT['screenshots']}")


@pytest.fixture(scope="package")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The build folder: the site in ``dirhtml/``, screenshots in ``screenshots/``.

    A temporary folder, or the folder named by ``CV_BROWSER_BUILD`` to keep them.
    """
    if keep := os.environ.get("CV_BROWSER_BUILD"):
        folder = Path(keep).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("site")


@pytest.fixture(scope="package")
def site(build_dir: Path) -> Path:
    """docs/ built once with ``dirhtml``, nitpicky and with warnings as errors."""
    out = build_dir / "dirhtml"
    doctrees = build_dir / "doctrees"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-n",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "dirhtml",
            "-d",
            str(doctrees),
            str(DOCS),
            str(out),
        ],
        check=True,
        # a public address, as on Read the Docs: without one there is no sitemap to check
        env={**os.environ, "CV_BASEURL": "https://max-inden.readthedocs.io/en/latest/"},
    )
    return out


@pytest.fixture(scope="package")
def server(site: Path) -> Iterator[Server]:
    """The built site, served by http.server on 127.0.0.1 at a free port."""
    log: list[tuple[str, int]] = []

    class Handler(SimpleHTTPRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            with contextlib.suppress(TypeError, ValueError):
                log.append((self.path, int(code)))

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet; the tests read the log above

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=site))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", log)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, through Playwright."""
    if importlib.util.find_spec("playwright") is None:
        missing("the Python package playwright is not installed (pip install -e '.[test]')")
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        missing(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="package")
def axe_source() -> str:
    """axe.min.js, as vendored by the PyPI package axe-playwright-python (MPL-2.0)."""
    if importlib.util.find_spec("axe_playwright_python") is None:
        missing("axe-playwright-python (which ships axe.min.js) is not installed")
    from importlib.resources import files

    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="package")
def vnu_command() -> list[str]:
    """``java -jar vnu.jar``: the W3C Nu HTML checker, from the npm package vnu-jar."""
    java = shutil.which("java")
    if java is None:
        missing("java is not on PATH (the Nu HTML checker needs Java 11 or newer)")
    candidates = [os.environ.get("VNU_JAR", "")] + [
        str(prefix / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
        for prefix in (REPO / ".ci", REPO)
    ]
    for jar in candidates:
        if jar and Path(jar).is_file():
            return [java, "-jar", jar]
    missing(
        "vnu.jar not found (npm install --no-save --ignore-scripts --prefix .ci vnu-jar, "
        "or set VNU_JAR)"
    )


GERMAN_URL = "https://max-inden.readthedocs.io/de/latest/"


@pytest.fixture(scope="package")
def german_site(build_dir: Path) -> Path:
    """docs/ in German, as the Read the Docs translation project builds it."""
    out = build_dir / "dirhtml-de"
    docs = source_copy(DOCS, build_dir)  # the German build compiles .mo files beside the .po
    subprocess.run(
        [
            *(sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-q", "-b", "dirhtml"),
            *("-D", "language=de", "-d", str(build_dir / "doctrees-de"), str(docs), str(out)),
        ],
        check=True,
        env={**os.environ, "CV_BASEURL": GERMAN_URL},
    )
    return out


@pytest.fixture(scope="package")
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
