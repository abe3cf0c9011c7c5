"""``make demo``: crawl the bundled offline copy of nusadaily.com over 127.0.0.1.

Starts the copy's server on a free port, runs ``scrapy run nusadaily`` against
it, prints a summary from the run's manifest and stops the server. State is kept
in ``demo-output/`` so that a second run shows incremental crawling.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newscrawl.dev.siteserver import crawl_command, server_url, start_server

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "newscrawl" / "dev" / "sites" / "nusadaily"
OUTPUT = ROOT / "demo-output"


def main() -> int:
    server = start_server(SITE)
    url = server_url(server)
    print(f"Serving the offline copy of nusadaily.com at {url}")
    command = crawl_command("nusadaily", url, OUTPUT, settings={"LOG_FILE": str(OUTPUT / "last-run.log")})
    OUTPUT.mkdir(exist_ok=True)
    try:
        status = subprocess.run(command, cwd=ROOT, check=False).returncode
    finally:
        server.shutdown()
    manifests = sorted((OUTPUT / "nusadaily").glob("*.manifest.json"))
    if not manifests:
        print(f"The crawl wrote no manifest (exit status {status}); see {OUTPUT / 'last-run.log'}")
        return status or 1
    manifest = json.loads(manifests[-1].read_text(encoding="utf-8"))
    counts = manifest["counts"]
    files = [OUTPUT / "nusadaily" / f["file"] for f in manifest["files"]]
    total = sum(1 for _ in (OUTPUT / "nusadaily").glob("*.jsonl"))
    print(f"Run {manifest['run_id']} finished ({manifest['finish_reason']}), exit status {status}")
    print(f"  requests made:       {counts['requests']}")
    print(f"  new records written: {counts['records_published']}")
    print(
        f"  duplicates dropped:  {counts['duplicates_dropped']} records, "
        f"{counts['duplicate_links_skipped']} repeated links not fetched"
    )
    print(f"  invalid pages:       {counts['invalid_dropped']}")
    for path in files:
        print(f"  output:              {path}")
    if not files:
        print("  output:              nothing new; every article is already stored")
    print(f"  all output files:    {total} in {OUTPUT / 'nusadaily'} (log: {OUTPUT / 'last-run.log'})")
    print("Run 'make demo' again to see an incremental run, 'make demo-reset' to start over.")
    return status


if __name__ == "__main__":
    sys.exit(main())
