"""Page objects against saved pages, web-poet style: ``inputs/`` and a hand-written ``output.json``.

    tests/fixtures/<page class import path>/<case>/inputs/HttpResponse-body.html
                                                  /inputs/HttpResponse-info.json   (url, status, headers)
                                                  /meta.json                       (the outlet's host)
                                                  /output.json                     (the expected item)

The expected outputs are written from what each page prints, never produced by our code.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.misc import load_object

from newscrawl.networks import outlet_for_host

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(p for p in FIXTURES.glob("*/*") if (p / "output.json").is_file())


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name.rsplit('.', 1)[-1]}/{p.name}")
def test_page_object_fixture(case: Path) -> None:
    info = json.loads((case / "inputs" / "HttpResponse-info.json").read_text(encoding="utf-8"))
    response = HtmlResponse(
        url=info["url"],
        status=info["status"],
        headers=info["headers"],
        body=(case / "inputs" / "HttpResponse-body.html").read_bytes(),
    )
    outlet = outlet_for_host(json.loads((case / "meta.json").read_text(encoding="utf-8"))["outlet"])
    page_class = load_object(case.parent.name)
    item = dataclasses.asdict(page_class(response, info["url"], outlet).to_item())
    assert item.pop("crawled_at")  # the only value that depends on when the test runs
    assert item == json.loads((case / "output.json").read_text(encoding="utf-8"))


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 3
