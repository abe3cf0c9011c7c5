"""``make bench``: speed figures, printed rather than asserted.

1. The normalizer over every article body of the offline copy, repeated.
2. A full crawl of the offline copy, then an incremental one, as subprocesses.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path

from scrapy.http import HtmlResponse

from newscrawl.dev.siteserver import crawl_command, server_url, start_server
from newscrawl.dev.yardstick import CASES_FILE, load_cases, score
from newscrawl.normalize import normalize_body, published_at

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "newscrawl" / "dev" / "sites" / "nusadaily"


def bodies() -> list[str]:
    found = []
    for page in sorted(SITE.glob("*.html")):
        response = HtmlResponse(url="https://www.nusadaily.com/x", body=page.read_bytes(), encoding="utf-8")
        paragraphs = response.css("div.post-text.mt-4 p").xpath("string()").getall()
        if paragraphs:
            found.append("\n".join(paragraphs))
    return found


def bench_normalizer(rounds: int = 200) -> None:
    texts = bodies()
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            normalize_body(text)
            published_at("Sep 12, 2023 - 23:16")
    elapsed = time.perf_counter() - start
    count = rounds * len(texts)
    print(f"normalizer: {count} bodies in {elapsed:.2f} s = {count / elapsed:,.0f} bodies/s")
    right, total = score(load_cases())
    print(
        f"normalizer on our own cases ({CASES_FILE.name}): {right}/{total} right ({100 * right / total:.1f}%)"
    )


def bench_crawl() -> None:
    server = start_server(SITE)
    try:
        with tempfile.TemporaryDirectory() as output:
            for label in ("full crawl", "incremental crawl"):
                command = crawl_command(
                    "nusadaily", server_url(server), Path(output), settings={"LOG_LEVEL": "WARNING"}
                )
                start = time.perf_counter()
                status = subprocess.run(command, cwd=ROOT, capture_output=True, check=False).returncode
                elapsed = time.perf_counter() - start
                newest = sorted(Path(output, "nusadaily").glob("*.manifest.json"))[-1]
                manifest = json.loads(newest.read_text(encoding="utf-8"))
                counts = manifest["counts"]
                print(
                    f"{label}: {elapsed:.2f} s wall (process start included), exit {status}, "
                    f"{counts['requests']} requests, {counts['records_published']} records"
                )
    finally:
        server.shutdown()


if __name__ == "__main__":
    bench_normalizer()
    bench_crawl()
