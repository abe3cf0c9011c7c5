"""``python -m newscrawl.normalize``: re-normalize JSON Lines from stdin to stdout.

Two kinds of input line, one object each:

* **a stored record** (schema version 2, with ``body_raw``): the whole record comes
  back with ``body``, ``dateline_location``, ``dateline_outlet``, ``editor_tag``,
  ``authors``, ``editor`` and ``published_at`` computed again from ``body_raw``,
  ``published_printed`` and ``url``, for the outlet in ``site``, with ``crawled_at``
  as the reference time of relative dates. Records of schema version 1 kept
  neither and give an error line.
* **a text**: ``body`` and optionally ``date_string``, ``url``, ``site`` (the
  outlet's host, ``nusadaily.com``, or a spider name) and ``reference_time``
  (ISO 8601, for relative dates); the output line has those seven fields.

A bad line yields ``{"error": …}`` in its place; the exit status is 1 when any
line failed.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any, TextIO

from newscrawl.networks import hint_for_site, outlet_for_site
from newscrawl.normalize import WIB, record_fields


def _moment(record: dict[str, Any], key: str) -> dt.datetime | None:
    value = record.get(key)
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"{key} is not ISO 8601: {value!r}") from exc


def normalize_record(record: Any) -> dict[str, Any]:
    """One input object to one output object; raises ValueError on bad input."""
    if not isinstance(record, dict):
        raise ValueError("line is not a JSON object")
    site = record.get("site")
    outlet = outlet_for_site(site)
    context = {"hint": hint_for_site(site), "default_tz": outlet.timezone if outlet else WIB}
    if "body_raw" in record:  # a stored record
        return record | record_fields(
            record["body_raw"],
            record.get("published_printed"),
            record.get("url") if outlet is None or outlet.dates_in_url else None,
            reference_time=_moment(record, "crawled_at"),
            authors=list(record.get("authors") or []),
            editor=record.get("editor"),
            **context,
        )
    if record.get("schema_version") == 1:
        raise ValueError("a schema version 1 record keeps no body_raw: crawl it again to re-normalize it")
    body = record.get("body")
    if not isinstance(body, str):
        raise ValueError("missing 'body' (a string)")
    return record_fields(
        body,
        record.get("date_string"),
        record.get("url"),
        reference_time=_moment(record, "reference_time"),
        **context,
    )


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
