"""Development helpers: serve an offline copy of a site on 127.0.0.1 and crawl it
(``make demo``, ``make bench`` and the tests). Not used by a production crawl.

    python -m newscrawl.dev.siteserver newscrawl/dev/sites/nusadaily [--port 0] [--delay 0.2]

URL mapping, as the live site's URLs look: ``/`` → ``index.html``,
``/{path}`` → ``{path}.html`` or ``{path}/index.html`` (or the file itself),
``?page=N`` → ``page-N.html`` beside it, ``?page=all`` or ``?single=1`` →
``{path}.all.html``, ``/rss/…`` → ``….xml``. Any other query
parameter (``utm_source``…) is ignored, as a real server would.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from collections.abc import Iterable
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from newscrawl.browser import launch_options

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


def resolve(root: Path, raw_path: str) -> Path | None:
    """The file for a request path, or None; never a file outside ``root``."""
    parts = urlsplit(raw_path)
    path = unquote(parts.path).strip("/")
    query = parse_qs(parts.query)
    page = query.get("page", ["1"])[0]
    if page == "all" or query.get("single") == ["1"]:
        page = "all"  # the whole text of an article split into pages (Tribun ?page=all, detik ?single=1)
    elif not page.isdigit():
        return None
    candidates = []
    if page == "all":
        candidates.append(f"{path}.all.html")
    elif page != "1":
        candidates.append(f"{path}/page-{page}.html" if path else f"page-{page}.html")
    else:
        candidates += [path, f"{path}.html", f"{path}.xml", f"{path}/index.html" if path else "index.html"]
    base = root.resolve()
    for candidate in candidates:
        target = (base / candidate).resolve()
        if target.is_file() and target.is_relative_to(base):
            return target
    return None


class SiteHandler(BaseHTTPRequestHandler):
    server_version = "newscrawl-siteserver"

    def __init__(self, *args, root: Path, delay: float, **kwargs) -> None:
        self.root = root
        self.delay = delay
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        target = resolve(self.root, self.path)
        if target is None:
            self.send_error(404, "Not Found")
            return
        if self.delay and target.suffix == ".html":
            time.sleep(self.delay)
        data = target.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", CONTENT_TYPES.get(target.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(data)))
        try:
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler went away (killed or shut down): nothing to report

    def log_message(self, format: str, *args) -> None:
        pass  # the crawler logs every request already


def start_server(root: Path, port: int = 0, delay: float = 0.0) -> ThreadingHTTPServer:
    """Start serving ``root`` on 127.0.0.1 in a daemon thread; port 0 picks a free one."""
    if not (root / "index.html").is_file():
        raise FileNotFoundError(f"{root} has no index.html: not a site copy")
    handler = partial(SiteHandler, root=root, delay=delay)
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def server_url(server: ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


# What a crawl of a local copy changes: the copy answers at once and lives on 127.0.0.1,
# which the address rules refuse unless told otherwise (never set these for a live site).
LOCAL_COPY_SETTINGS = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "4",
    "NEWSCRAWL_ALLOWED_ADDRESSES": "127.0.0.1",
    # The browser, when a spider has one, looks up no name but 127.0.0.1 and localhost.
    "PLAYWRIGHT_LAUNCH_OPTIONS": json.dumps(
        launch_options("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost")
    ),
    # Development spiders (the client-rendered copy's) beside the project's own.
    "SPIDER_MODULES": "newscrawl.spiders,newscrawl.dev.spiders",
}


def crawl_command(
    spider: str,
    base_url: str | None,
    output: Path,
    arguments: Iterable[str] = (),
    settings: dict | None = None,
) -> list[str]:
    """``scrapy run SPIDER`` against a local copy (``base_url``, or NEWSCRAWL_MIRRORS in
    ``settings``), writing to ``output``."""
    command = [sys.executable, "-m", "scrapy", "run", spider]
    if base_url:
        command += ["-a", f"base_url={base_url}"]
    for argument in arguments:
        command += ["-a", argument]
    merged = {**LOCAL_COPY_SETTINGS, "NEWSCRAWL_OUTPUT_DIR": str(output), **(settings or {})}
    for name, value in merged.items():
        command += ["-s", f"{name}={value}"]
    return command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before each page")
    args = parser.parse_args(argv)
    server = start_server(args.root, args.port, args.delay)
    print(server_url(server), flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
