"""Shared fixtures: the offline site copy served on 127.0.0.1 and a crawl runner."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newscrawl.dev.siteserver import crawl_command as local_crawl_command
from newscrawl.dev.siteserver import server_url, start_server

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "newscrawl" / "dev" / "sites" / "nusadaily"
LIVE = "https://www.nusadaily.com"


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    server = start_server(SITE)
    yield server_url(server)
    server.shutdown()


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """A private, editable copy of the offline site."""
    target = tmp_path / "site"
    shutil.copytree(SITE, target)
    return target


@pytest.fixture
def serve():
    """Serve any site directory; every server is stopped after the test."""
    servers = []

    def _serve(root: Path, delay: float = 0.0) -> str:
        server = start_server(root, delay=delay)
        servers.append(server)
        return server_url(server)

    yield _serve
    for server in servers:
        server.shutdown()


HOLD_LOCK = """
import sys, time
from pathlib import Path
from newscrawl.storage import RunLock
lock = RunLock(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
time.sleep(120)
"""


def lock_holder(path: Path) -> subprocess.Popen:
    """Another process that takes the run lock at ``path`` and keeps it until killed."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


@dataclass
class Crawl:
    returncode: int
    log: str
    output: Path

    spider: str = "nusadaily"

    def manifests(self) -> list[dict]:
        return [
            json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((self.output / self.spider).glob("*.manifest.json"))
        ]

    def last_manifest(self) -> dict:
        return self.manifests()[-1]


def records(output: Path, spider: str = "nusadaily") -> list[dict]:
    """Every record of every published batch."""
    found = []
    for batch in sorted((output / spider).glob("*.jsonl")):
        found += [json.loads(line) for line in batch.read_text(encoding="utf-8").splitlines()]
    return found


def crawl_command(
    base_url: str | None, output: Path, *args: str, settings: dict | None = None, spider: str = "nusadaily"
) -> list[str]:
    return local_crawl_command(spider, base_url, output, args, settings)


def run_crawl(
    base_url: str | None, output: Path, *args: str, settings: dict | None = None, spider: str = "nusadaily"
) -> Crawl:
    """``scrapy run SPIDER`` as a subprocess, the way cron runs it."""
    proc = subprocess.run(
        crawl_command(base_url, output, *args, settings=settings, spider=spider),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    return Crawl(proc.returncode, proc.stderr + proc.stdout, output, spider)
