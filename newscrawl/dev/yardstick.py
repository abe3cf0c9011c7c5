"""Our own yardstick for the text normalizer: ``normalize_cases.jsonl``, one case a line.

Every case is our own sentence in the shape of a family of datelines or credits
(issue 9), including texts that must stay untouched. A dateline case gives
``location``, ``outlet`` and the start of the ``rest``; a credit case gives
``authors``, ``editor`` and the body's ``end``. ``site`` is the outlet's host as a
crawl would know it, or null. The tests check every case; ``make bench`` prints
the score.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newscrawl.networks import hint_for_site
from newscrawl.normalize import normalize_body

CASES_FILE = Path(__file__).with_name("normalize_cases.jsonl")


def load_cases(path: Path = CASES_FILE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def mismatches(case: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """What the normalizer got wrong on a case, as field -> (got, wanted); empty when right."""
    normalized = normalize_body(case["text"], hint_for_site(case.get("site")))
    got: dict[str, Any] = {}
    if "rest" in case:
        got["location"] = normalized.dateline_location
        got["outlet"] = normalized.dateline_outlet
        got["rest"] = (
            normalized.body if case["rest"] == case["text"] else normalized.body[: len(case["rest"])]
        )
    if "end" in case:
        got["authors"] = normalized.authors
        got["editor"] = normalized.editor
        untouched = case["end"] == case["text"]
        got["end"] = normalized.body if untouched else normalized.body[-len(case["end"]) :]
    return {k: (v, case[k]) for k, v in got.items() if v != case[k]}


def score(cases: list[dict[str, Any]]) -> tuple[int, int]:
    return sum(not mismatches(c) for c in cases), len(cases)
