"""Serve a generated site on localhost (`warehouse docs --serve`), until Ctrl-C or SIGTERM.

The site also opens from `file://`; serving it is for a browser on another folder's
permissions, or a link to share on this machine. Only 127.0.0.1 is bound: the warehouse's
facts and documents are not published to the network by accident.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warehouse.errors import ProjectError

HOST = "127.0.0.1"


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):   # noqa: A002 - the base class's name
        """Quiet: one line per file fetched would bury the URL to open."""

    def end_headers(self):
        # a regenerated site is seen on reload, never an old site.js from the cache
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def serve(folder: str | Path, port: int = 8080, *, ready: Callable[[str], None] = print) -> None:
    """Serve `folder` at http://127.0.0.1:<port>/ (port 0: any free port); `ready` gets the URL
    line once the server listens. Returns when interrupted."""
    folder = Path(folder)
    if not (folder / "index.html").is_file():
        raise ProjectError(f"no site in {folder}", hint="run `warehouse docs` first")
    handler = functools.partial(_Handler, directory=str(folder))
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as exc:
        raise ProjectError(f"cannot serve on port {port}: {exc.strerror or exc}",
                           hint="pass --port with another number (0 picks a free one)") from None
    with server:
        ready(f"serving {folder} at http://{HOST}:{server.server_port}/ (Ctrl-C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:   # Ctrl-C and SIGTERM (warehouse.cli turns it into one) end it
            pass
