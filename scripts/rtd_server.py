"""Serve a built site on 127.0.0.1 as a static host such as Read the Docs serves it.

Unlike ``http.server``: every text file goes out compressed (brotli where the browser
accepts it, else gzip; WhiteNoise picks the variant by ``Accept-Encoding``), with
``Vary: Accept-Encoding``, an ``ETag`` and ``Last-Modified``; pages are cached briefly
(``max-age`` of 20 minutes), while ``_static/`` files, which Sphinx links with a
``?v=<checksum>`` query that changes with their content, are cached for a year.
Directory URLs serve their ``index.html`` (``dirhtml``); an unknown path is a 404.

    .venv/bin/python scripts/rtd_server.py BUILD_DIR [--port 8000]
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING, Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

if TYPE_CHECKING:
    from collections.abc import Callable
    from wsgiref.headers import Headers

PAGE_MAX_AGE = 20 * 60  # seconds: a page changes with every build
STATIC_MAX_AGE = 365 * 24 * 3600  # versioned by Sphinx's ?v= query


class ThreadingServer(ThreadingMixIn, WSGIServer):
    """A WSGI server answering requests in parallel, as a browser expects."""

    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    """No log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


def compress(site: Path) -> None:
    """Write the ``.br`` and ``.gz`` variant beside each text file, as a CDN would send it."""
    compressor = Compressor(quiet=True)
    for path in sorted(site.rglob("*")):
        if path.is_file() and compressor.should_compress(str(path)):
            for _ in compressor.compress(str(path)):
                pass


def cache_headers(headers: Headers, path: str, url: str) -> None:
    """Long-lived caching for versioned static files, a short one for everything else."""
    static = "/_static/" in url
    age = STATIC_MAX_AGE if static else PAGE_MAX_AGE
    headers["Cache-Control"] = f"public, max-age={age}" + (", immutable" if static else "")


def not_found(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    """404 for any path that is not a file of the site."""
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not found"]


def application(site: Path) -> WhiteNoise:
    """The WSGI application serving *site*, compressed variants written first."""
    compress(site)
    return WhiteNoise(
        not_found, root=str(site), index_file=True, add_headers_function=cache_headers
    )


def serve(site: Path, port: int = 0) -> tuple[ThreadingServer, str]:
    """Start serving *site* in a background thread; the server and its base URL."""
    server = make_server(
        "127.0.0.1",
        port,
        application(site),
        server_class=ThreadingServer,
        handler_class=QuietHandler,
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site, e.g. docs/_build/dirhtml")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server, base = serve(args.site.resolve(), args.port)
    sys.stdout.write(f"serving {args.site} at {base}/ (Ctrl-C stops)\n")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
