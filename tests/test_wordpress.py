"""The wordpress spider against Debian's WordPress, run on 127.0.0.1 with our own posts.

``make test`` installs the Debian packages when it runs as root; elsewhere these
tests are skipped with the reason (what to install), never passed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawl.run import ExitCode
from tests.conftest import records, run_crawl
from tests.servers.wp import HOST, POSTS, WordPressServer, missing

pytestmark = pytest.mark.skipif(missing() is not None, reason=f"no real WordPress here: {missing()}")

FIELDS = ("canonical_url", "title", "body", "dateline_location", "dateline_outlet", "editor_tag", "authors",
          "published_at", "category", "tags", "image_url", "image_caption")  # fmt: skip


@pytest.fixture(scope="module")
def wp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPressServer]:
    if os.geteuid() != 0:
        pytest.skip("the WordPress config lives in /etc/wordpress: run as root")
    server = WordPressServer(tmp_path_factory.mktemp("wordpress"))
    yield server
    server.stop()


def crawl(wp: WordPressServer, output: Path, *arguments: str):
    settings = {"NEWSCRAWL_RESOLVE": f"{HOST}=127.0.0.1"}
    return run_crawl(
        None, output, f"outlet_url={wp.origin}", *arguments, settings=settings, spider="wordpress"
    )


def expected(wp: WordPressServer) -> dict[str, dict]:
    """What every post must come out as, from what we put in (posts.json)."""
    out = {}
    for post in POSTS["posts"]:
        day = post["date"][:10].replace("-", "/")
        moment = dt.datetime.fromisoformat(post["date"]).replace(tzinfo=dt.timezone(dt.timedelta(hours=7)))
        out[f"https://{HOST}:{wp.port}/{day}/{post['slug']}"] = {
            "title": post["title"],
            "authors": [POSTS["authors"][post["author"]]],
            "category": POSTS["categories"][post["category"]],
            "tags": post["tags"],
            "image": bool(post["image"]),
            "moment": moment,
            "tag": post["content"].rsplit("(", 1)[1].split(")")[0],
        }
    return out


def check(wp: WordPressServer, published: list[dict]) -> None:
    want = expected(wp)
    assert sorted(r["canonical_url"] for r in published) == sorted(want)  # every post, once
    for record in published:
        post = want[record["canonical_url"]]
        assert record["title"] == post["title"]
        assert record["authors"] == post["authors"]
        assert record["category"] == post["category"] and sorted(record["tags"]) == sorted(post["tags"])
        assert (record["image_url"] is not None) == post["image"]
        assert dt.datetime.fromisoformat(record["published_at"]) == post["moment"]
        # WordPress prints " - " as an en dash: the dateline is found all the same.
        assert record["dateline_outlet"] == "KABAR LERENG" and record["dateline_location"]
        assert record["editor_tag"] == post["tag"].strip()
        assert not record["body"].startswith("KABAR") and "(" + post["tag"] not in record["body"]
        assert record["site"] == HOST


@pytest.mark.parametrize("source", ["rest", "feed", "sitemap", "list"])
def test_every_source_gives_every_post_once(wp: WordPressServer, tmp_path: Path, source: str) -> None:
    arguments = [f"discovery={source}"] + (["sections=malang-raya,ekonomi"] if source == "list" else [])
    result = crawl(wp, tmp_path, *arguments)
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    check(wp, records(tmp_path, "wordpress"))
    if source == "rest":
        # robots.txt and one page of the API: no article page is fetched.
        assert result.last_manifest()["counts"]["requests"] == 2


def test_a_second_rest_run_fetches_one_page_and_writes_nothing(wp: WordPressServer, tmp_path: Path) -> None:
    assert crawl(wp, tmp_path).returncode == ExitCode.OK
    second = crawl(wp, tmp_path)
    assert second.returncode == ExitCode.OK, second.log[-3000:]
    manifest = second.last_manifest()
    assert manifest["counts"]["records_published"] == 0 and manifest["counts"]["requests"] <= 2


def test_with_the_rest_api_blocked_the_feed_gives_the_same_records(
    wp: WordPressServer, tmp_path: Path
) -> None:
    by_rest = crawl(wp, tmp_path / "rest")
    assert by_rest.returncode == ExitCode.OK, by_rest.log[-3000:]
    wp.block_rest()
    try:
        fallback = crawl(wp, tmp_path / "fallback")
    finally:
        wp.unblock_rest()
    assert fallback.returncode == ExitCode.OK, fallback.log[-3000:]
    assert "rest unavailable" in fallback.log.lower() or fallback.last_manifest()["counts"]["requests"] > 2
    rest_records = {r["canonical_url"]: r for r in records(tmp_path / "rest", "wordpress")}
    feed_records = {r["canonical_url"]: r for r in records(tmp_path / "fallback", "wordpress")}
    assert rest_records.keys() == feed_records.keys() and len(rest_records) == len(POSTS["posts"])
    for url, record in rest_records.items():
        other = feed_records[url]
        same = {f: (record[f], other[f]) for f in FIELDS if f not in ("published_at", "image_caption")}
        assert all(a == b for a, b in same.values()), {f: v for f, v in same.items() if v[0] != v[1]}
        assert dt.datetime.fromisoformat(record["published_at"]) == dt.datetime.fromisoformat(
            other["published_at"]
        )
