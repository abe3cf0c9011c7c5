"""``make demo``: crawl every bundled offline copy over 127.0.0.1 and print a line per outlet.

Each copy is served on a free port; each network spider runs once (``scrapy run``)
over its outlets, their copies named through ``NEWSCRAWL_MIRRORS``. State is kept
in ``demo-output/`` so that a second run shows incremental crawling.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from newscrawl.dev.siteserver import crawl_command, server_url, start_server

ROOT = Path(__file__).resolve().parents[2]
SITES = ROOT / "newscrawl" / "dev" / "sites"
OUTPUT = ROOT / "demo-output"
# spider -> (outlet host, its offline copy)
COPIES: dict[str, list[tuple[str, str]]] = {
    "varient": [("nusadaily.com", "nusadaily")],
    "wordpress": [("malangposcomedia.id", "malangposcomedia"), ("memox.co.id", "memox")],
    "radar": [("radarmalang.jawapos.com", "radarmalang"), ("radarbatu.jawapos.com", "radarbatu")],
    "times": [("malangtimes.com", "malangtimes"), ("jatimtimes.com", "jatimtimes")],
    "tribun": [("bali.tribunnews.com", "tribunbali"), ("surabaya.tribunnews.com", "surya")],
    "detik": [("detik.com", "detik")],
    # A made-up outlet whose pages are built by JavaScript: rendered by Chromium.
    "varient-rendered": [("kabarkota.id", "kabarkota")],
}


# The copy of detik holds two of its editions.
ARGUMENTS = {"detik": ("sections=tag/jatim,tag/bali",)}


def crawl(spider: str, copies: list[tuple[str, str]]) -> tuple[int, dict | None, float]:
    servers = [start_server(SITES / copy) for _, copy in copies]
    mirrors = ",".join(f"{host}={server_url(s)}" for (host, _), s in zip(copies, servers, strict=True))
    settings = {"NEWSCRAWL_MIRRORS": mirrors, "LOG_FILE": str(OUTPUT / f"last-run-{spider}.log")}
    outlets = ["outlets=" + ",".join(host for host, _ in copies), *ARGUMENTS.get(spider, ())]
    start = time.perf_counter()
    try:
        status = subprocess.run(
            crawl_command(spider, None, OUTPUT, outlets, settings), cwd=ROOT, check=False
        ).returncode
    finally:
        for server in servers:
            server.shutdown()
    manifests = sorted((OUTPUT / spider).glob("*.manifest.json"))
    manifest = json.loads(manifests[-1].read_text(encoding="utf-8")) if manifests else None
    return status, manifest, time.perf_counter() - start


def outlet_line(host: str, spider: str, status: int, counts: dict) -> str:
    coverage = counts["coverage"]
    fields = ("published_at", "authors", "dateline_location", "editor_tag", "image_url")
    shown = " ".join(f"{name}={coverage.get(name, 0):.0%}" for name in fields) if coverage else "-"
    used = [s for s in counts["sources"] if not s.endswith("/unavailable")]
    blocked = [s.split("/")[0] for s in counts["sources"] if s.endswith("/unavailable")]
    sources = ",".join(used) + (f" ({','.join(blocked)} unavailable)" if blocked else "")
    new, requests = counts["records_published"], counts["requests"]
    return f"{host:<26} {spider:<17} {status:>4} {new:>4} {requests:>8}  {sources:<24} {shown}"


def main() -> int:
    OUTPUT.mkdir(exist_ok=True)
    worst = 0
    print(f"{'outlet':<26} {'spider':<17} {'exit':>4} {'new':>4} {'requests':>8}  {'sources':<24} coverage")
    for spider, copies in COPIES.items():
        status, manifest, seconds = crawl(spider, copies)
        worst = max(worst, status)
        if manifest is None:
            print(f"{spider}: no manifest (exit status {status}); see {OUTPUT / f'last-run-{spider}.log'}")
            continue
        for host, counts in manifest["outlets"].items():
            print(outlet_line(host, spider, status, counts))
        files = len(manifest["files"])
        print(f"{'':<26} {spider:<17} run {manifest['run_id']} in {seconds:.1f} s, {files} file(s)")
    print(f"Output in {OUTPUT} (one folder per spider, logs last-run-<spider>.log).")
    print("Run 'make demo' again to see an incremental run, 'make demo-reset' to start over.")
    return worst


if __name__ == "__main__":
    sys.exit(main())
