"""``python -m newscrawl.normalize``: re-normalize JSON Lines from stdin to stdout.

Each input line is an object with ``body`` and optionally ``date_string``, ``url``,
``site`` (the outlet's host, ``nusadaily.com``, or a spider name; used for the outlet's
default time zone) and ``reference_time``
(ISO 8601, for relative dates). Each output line has the cleaned ``body`` and the
fields split from it. A bad line yields ``{"error": …}`` in its place; the exit
status is 1 when any line failed.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any, TextIO

from newscrawl.networks import outlet_for_site
from newscrawl.normalize import NORMALIZED_FIELDS, WIB, normalize_body, published_at, to_iso


def normalize_record(record: Any) -> dict[str, Any]:
    """One input object to one output object; raises ValueError on bad input."""
    if not isinstance(record, dict):
        raise ValueError("line is not a JSON object")
    body = record.get("body")
    if not isinstance(body, str):
        raise ValueError("missing 'body' (a string)")
    reference = record.get("reference_time")
    reference_time = None
    if reference:
        try:
            reference_time = dt.datetime.fromisoformat(str(reference))
        except ValueError as exc:
            raise ValueError(f"reference_time is not ISO 8601: {reference!r}") from exc
    outlet = outlet_for_site(record.get("site"))
    tz = outlet.timezone if outlet else WIB
    normalized = normalize_body(body)
    result = {name: getattr(normalized, name) for name in NORMALIZED_FIELDS}
    result["published_at"] = to_iso(
        published_at(record.get("date_string"), record.get("url"), tz, reference_time)
    )
    return result


def run(stdin: TextIO, stdout: TextIO) -> int:
    failed = 0
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        try:
            result = normalize_record(json.loads(line))
        except (ValueError, TypeError) as exc:
            failed += 1
            result = {"error": f"line {number}: {exc}"}
        stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stdin.reconfigure(encoding="utf-8")
    sys.exit(run(sys.stdin, sys.stdout))
