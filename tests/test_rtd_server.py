"""scripts/rtd_server.py serves a site as Read the Docs does: compressed, with cache headers."""

from __future__ import annotations

import gzip
import sys
import urllib.error
import urllib.request
from typing import TYPE_CHECKING

import brotli
import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))

import rtd_server  # scripts/ is a folder of scripts, not a package

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

PAGE = "<!DOCTYPE html><title>Experience</title>" + "<p>Software Engineer at Mozilla.</p>" * 50
CSS = "body { color: #111; }\n" * 100


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site: Path = tmp_path_factory.mktemp("site")
    (site / "experience").mkdir()
    (site / "experience" / "index.html").write_text(PAGE, encoding="utf8")
    (site / "_static").mkdir()
    (site / "_static" / "cv_ext.css").write_text(CSS, encoding="utf8")
    server, url = rtd_server.serve(site)
    yield url
    server.shutdown()
    server.server_close()


def get(url: str, encoding: str = "") -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return dict(response.headers), response.read()


def test_pages_are_compressed_as_the_browser_accepts(base: str) -> None:
    headers, body = get(f"{base}/experience/", "gzip, deflate, br")
    assert headers["Content-Encoding"] == "br"
    assert brotli.decompress(body).decode() == PAGE
    assert "Accept-Encoding" in headers["Vary"]
    headers, body = get(f"{base}/experience/", "gzip")
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).decode() == PAGE
    headers, body = get(f"{base}/experience/")
    assert "Content-Encoding" not in headers
    assert body.decode() == PAGE


def test_pages_are_cached_briefly_and_static_files_for_long(base: str) -> None:
    page, _ = get(f"{base}/experience/", "br")
    assert page["Cache-Control"] == "public, max-age=1200"
    assert "ETag" in page and "Last-Modified" in page
    css, body = get(f"{base}/_static/cv_ext.css?v=1234", "gzip")
    assert css["Cache-Control"] == "public, max-age=31536000, immutable"
    assert gzip.decompress(body).decode() == CSS


def test_unknown_paths_are_not_found(base: str) -> None:
    with pytest.raises(urllib.error.HTTPError) as error:
        get(f"{base}/nowhere/")
    assert error.value.code == 404
