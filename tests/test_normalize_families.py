"""Dateline and credit families beyond the outlets the rules were written from (issue 9).

The cases live in ``newscrawl/dev/normalize_cases.jsonl`` (our own sentences, made-up
outlets), which ``make bench`` also scores: each family with the outlet's hint, without
one where the shape alone decides, and the texts that must stay untouched.
"""

from __future__ import annotations

from collections import Counter

import pytest

from newscrawl.dev.yardstick import load_cases, mismatches
from newscrawl.networks import hint_for_site
from newscrawl.normalize import normalize_body

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:45])
def test_case(case: dict) -> None:
    assert mismatches(case) == {}


def test_every_family_has_cases_and_untouched_texts() -> None:
    families = Counter(c["family"][:2] for c in CASES)
    assert all(families[f"{n}."] >= 1 for n in range(1, 8)), families
    assert families["st"] >= 10  # "stays text"


def test_without_a_hint_an_outlet_in_words_is_not_guessed_as_an_outlet() -> None:
    # The shape alone cannot tell "Lombok Kini" from a place: the hint is what knows.
    assert normalize_body("Lombok Kini – Pasar malam dibuka.").dateline_outlet is None
    assert normalize_body(
        "Lombok Kini – Pasar malam dibuka.", hint_for_site("lombokkini.net")
    ).dateline_outlet
