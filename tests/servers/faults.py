"""A misbehaving web server in front of an offline site copy, for every spider's tests.

Modelled on Scrapy's ``tests/mockserver/http_resources.py``: each path (with its
query, as requested) can be given a ``Fault``; every other path is served from
the copy as ``newscrawl.dev.siteserver`` serves it. The server records every request
(path and arrival time) so tests can assert what was and was not asked.

    server = FaultServer(SITE)            # started on 127.0.0.1, a free port
    server.fault("/robots.txt", Fault(statuses=[503]))
    server.fault("/some-article", Fault(statuses=[503, 503, 503]))
    ... crawl server.url ...
    server.hits("/some-article")          # how many times it was asked for
    server.stop()
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli

from newscrawl.dev.siteserver import CONTENT_TYPES, resolve

# Enough decompressed bytes to trip any sane size limit (DOWNLOAD_MAXSIZE is 8 MiB).
BOMB_SIZE = 64 * 1024 * 1024


def bomb(encoding: str) -> bytes:
    """A small body that decompresses to BOMB_SIZE zero bytes."""
    zeros = b"\0" * BOMB_SIZE
    if encoding == "gzip":
        return gzip.compress(zeros, compresslevel=9)
    if encoding == "deflate":
        return zlib.compress(zeros, 9)
    if encoding == "br":
        return brotli.compress(zeros)
    raise ValueError(f"no bomb for {encoding}")


@dataclass
class Fault:
    """What a path does instead of (or on top of) serving its page.

    ``statuses`` are answered in turn, one per request; when they run out the page is
    served normally, unless ``sticky`` repeats the last one forever.
    """

    statuses: list[int] = field(default_factory=list)
    sticky: bool = False
    retry_after: str | None = None
    delay: float = 0.0  # seconds before answering
    hang: bool = False  # never answer (until the server stops)
    short_body: bool = False  # Content-Length promises more than is sent
    broken_chunking: bool = False  # a chunk shorter than its size line, then the end
    endless: bool = False  # chunked, never ends
    bomb: str | None = None  # Content-Encoding of a compression bomb
    redirect: str | None = None  # Location to answer with (302)
    body: bytes | None = None  # served instead of the copy's file
    content_type: str | None = None  # replaces the Content-Type header ("" drops it)
    headers: dict[str, str] = field(default_factory=dict)
    transform: Callable[[bytes], bytes] | None = None  # rewrites the copy's page


class _Handler(BaseHTTPRequestHandler):
    server: FaultServer._HTTPServer
    protocol_version = "HTTP/1.1"

    def handle(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()  # the crawler gave up on us, as it should

    def do_GET(self) -> None:
        owner = self.server.owner
        owner._record(self.path)
        fault = owner.faults.get(self.path) or owner.faults.get(self.path.split("?")[0]) or Fault()
        self._answer(owner, fault)

    def _answer(self, owner: FaultServer, fault: Fault) -> None:
        if fault.hang:
            owner.stopping.wait()
            return
        if fault.delay:
            time.sleep(fault.delay)
        count = owner.hits(self.path)
        if fault.statuses and (count <= len(fault.statuses) or fault.sticky):
            status = fault.statuses[min(count, len(fault.statuses)) - 1]
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            self._send(status, f"<html><body>Error {status}</body></html>".encode(), "text/html", headers)
            return
        if fault.redirect:
            self._send(302, b"", "text/html", {"Location": fault.redirect})
            return
        body = fault.body
        content_type = fault.content_type
        if body is None:
            target = resolve(owner.root, self.path)
            if target is None:
                self._send(404, b"<html><body>Not Found</body></html>", "text/html")
                return
            body = target.read_bytes()
            if content_type is None:
                content_type = CONTENT_TYPES.get(target.suffix, "application/octet-stream")
        if fault.transform:
            body = fault.transform(body)
        headers = dict(fault.headers)
        if fault.bomb:
            body = bomb(fault.bomb)
            headers["Content-Encoding"] = fault.bomb
        if fault.endless or fault.broken_chunking:
            self._send_chunked(body, content_type, endless=fault.endless)
            return
        if fault.short_body:
            self._send_head(200, content_type, {**headers, "Content-Length": str(len(body) + 5000)})
            self.wfile.write(body)
            self.wfile.flush()
            self.close_connection = True
            return
        self._send(200, body, content_type, headers)

    def _send_head(self, status: int, content_type: str | None, headers: dict[str, str]) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def _send(self, status: int, body: bytes, content_type: str | None, headers: dict | None = None) -> None:
        self._send_head(status, content_type, {**(headers or {}), "Content-Length": str(len(body))})
        self.wfile.write(body)

    def _send_chunked(self, body: bytes, content_type: str | None, endless: bool) -> None:
        self._send_head(200, content_type, {"Transfer-Encoding": "chunked"})
        self.close_connection = True
        if endless:
            chunk = b"<p>" + b"tanpa akhir " * 5000 + b"</p>\n"
            while not self.server.owner.stopping.is_set():
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            return
        half = body[: len(body) // 2]
        self.wfile.write(b"%x\r\n%s\r\n" % (len(body), half))  # promises the whole body, sends half
        self.wfile.write(b"zz\r\n")  # not a chunk size at all
        self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:
        pass


class FaultServer:
    """The offline copy at ``root`` on ``host``, with per-path faults; starts at once."""

    class _HTTPServer(ThreadingHTTPServer):
        daemon_threads = True
        owner: FaultServer

    def __init__(self, root: Path, host: str = "127.0.0.1") -> None:
        self.root = root
        self.faults: dict[str, Fault] = {}
        self.requests: list[tuple[str, float]] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._server = self._HTTPServer((host, 0), _Handler)
        self._server.owner = self
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def fault(self, path: str, fault: Fault) -> None:
        self.faults[path] = fault

    def _record(self, path: str) -> None:
        with self._lock:
            self.requests.append((path, time.monotonic()))

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for p, _ in self.requests if p == path)

    def paths(self) -> list[str]:
        with self._lock:
            return [p for p, _ in self.requests]

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
