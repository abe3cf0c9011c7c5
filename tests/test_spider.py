"""nusadaily callbacks on saved pages of the offline copy, with the live site's URLs."""

from __future__ import annotations

import dataclasses
import html
import json
import sys
from pathlib import Path

import jsonschema
import pytest
import scrapy
from scrapy.http import HtmlResponse, XmlResponse
from scrapy.utils.test import get_crawler

from newscrawl.spiders.nusadaily import NusadailySpider
from tests.conftest import LIVE, ROOT, SITE

sys.path.insert(0, str(ROOT / "sites"))
from nusadaily_articles import ARTICLES, BROKEN

SCHEMA = json.loads((ROOT / "newscrawl" / "article.schema.json").read_text(encoding="utf-8"))


def make_spider(**arguments: str) -> NusadailySpider:
    crawler = get_crawler(NusadailySpider)
    spider = NusadailySpider.from_crawler(crawler, **arguments)
    crawler.spider = spider
    return spider


def page(path: str, url: str, cls: type = HtmlResponse) -> HtmlResponse:
    return cls(url=url, body=(SITE / path).read_bytes(), encoding="utf-8")


def article(slug: str) -> tuple[NusadailySpider, dict]:
    spider = make_spider()
    items = list(spider.parse_article(page(f"{slug}.html", f"{LIVE}/{slug}")))
    assert len(items) == 1
    return spider, dataclasses.asdict(items[0])


@pytest.mark.parametrize("source", ARTICLES, ids=lambda a: a["slug"][:40])
def test_every_article_of_the_copy(source: dict) -> None:
    _, record = article(source["slug"])
    jsonschema.validate(record, SCHEMA)
    expect = source["expect"]
    assert record["dateline_location"] == expect["location"]
    assert record["editor_tag"] == expect["tag"]
    assert record["canonical_url"] == f"https://nusadaily.com/{source['slug']}"
    assert record["title"] == source["title"]
    last_paragraph = html.unescape(source["paragraphs"][-1])
    last_sentence = last_paragraph.split(".")[0] if last_paragraph != "(wan)" else None
    assert "NUSADA" not in record["body"] and "(" + expect["tag"] not in record["body"]
    assert not record["body"].startswith(("-", "–", "MALANG"))
    if last_sentence:
        assert last_sentence.split(">")[-1][:20] in record["body"].split("\n\n")[-1]
    if "published_at" in expect:
        assert record["published_at"] == expect["published_at"]
    else:
        assert record["published_at"].startswith(source["published"][:10])


def test_the_seed_shaped_article() -> None:
    _, record = article("kim-jong-un-dijadwalkan-temui-putin-bawa-pejabat-militer")
    assert (record["dateline_location"], record["dateline_outlet"]) == ("MOSKOW", "NUSADAILY.COM")
    assert record["editor_tag"] == "han"
    assert record["published_at"] == "2023-09-12T23:16:00+07:00"
    assert record["body"].startswith("Pemerintah Rusia membenarkan")
    assert record["body"].endswith("di tengah sanksi internasional.")
    assert record["authors"] == ["Hanif Maulana"]
    assert record["tags"] == ["Rusia", "Korea Utara"]
    assert record["category"] == "Nasional"
    assert record["image_url"].startswith("https://www.nusadaily.com/uploads/")
    assert record["language"] == "id"


def test_updated_article_has_both_dates() -> None:
    _, record = article("car-free-day-ijen-kembali-dibuka")
    assert (record["published_at"], record["modified_at"]) == (
        "2026-11-02T06:45:00+07:00",
        "2026-11-03T08:20:00+07:00",
    )


def test_article_without_lead_or_image() -> None:
    _, record = article("kampung-warna-warni-jodipan-dicat-ulang")
    assert (record["lead"], record["image_url"], record["image_caption"]) == (None, None, None)


def test_article_without_a_date_gets_null_and_a_stat() -> None:
    spider, record = article("atlet-sepatu-roda-kepanjen-latihan-di-gor-baru")
    assert record["published_at"] is None
    assert spider.crawler.stats.get_value("newscrawl/fields/missing/published_at") == 1


def test_furniture_paragraph_is_not_in_the_body() -> None:
    _, record = article("lomba-perahu-hias-meriahkan-pantai-sendang-biru")
    assert "Baca Juga" not in record["body"] and "Advertisement" not in record["body"]
    assert record["body"].endswith("dari pemerintah desa.")


def test_broken_page_yields_an_item_that_fails_the_schema() -> None:
    _, record = article(BROKEN["slug"])
    assert record["title"] is None and record["body"] is None
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, SCHEMA)


def test_rel_canonical_wins_within_the_site_only() -> None:
    spider = make_spider()
    assert spider.canonical_url(f"{LIVE}/a?utm_source=x", f"{LIVE}/b") == "https://nusadaily.com/b"
    assert spider.canonical_url(f"{LIVE}/a", "https://example.com/b") == "https://nusadaily.com/a"
    mirror = make_spider(base_url="http://127.0.0.1:8123")
    assert mirror.canonical_url("http://127.0.0.1:8123/a", None) == "https://nusadaily.com/a"


def test_list_page_requests_articles_and_the_next_page() -> None:
    spider = make_spider()
    out = list(spider.parse_list(page("index.html", f"{LIVE}/"), section="home", page=1))
    urls = [r.url for r in out]
    assert all(isinstance(r, scrapy.Request) for r in out)
    assert f"{LIVE}/festival-kopi-dampit-hadirkan-70-petani-lokal" in urls  # utm_ parameters dropped
    assert not any("utm_" in u for u in urls)
    assert urls[-1] == f"{LIVE}/?page=2"
    assert out[-1].cb_kwargs == {"section": "home", "page": 2}
    assert spider.crawler.stats.get_value("newscrawl/articles/found") == 5  # four entries and the pinned one


def test_list_paging_stops_at_max_pages_and_since() -> None:
    spider = make_spider(max_pages="2")
    out = list(spider.parse_list(page("page-2.html", f"{LIVE}/?page=2"), section="home", page=2))
    assert not any(r.callback == spider.parse_list for r in out)
    spider = make_spider(since="2026-11-15")
    first = list(spider.parse_list(page("index.html", f"{LIVE}/"), section="home", page=1))
    # The pinned entry of 2 Nov is older than since, but the list itself goes on.
    assert len([r for r in first if r.callback == spider.parse_article]) == 4
    assert first[-1].callback == spider.parse_list
    second = list(spider.parse_list(page("page-2.html", f"{LIVE}/?page=2"), section="home", page=2))
    assert [r.url.rsplit("/", 1)[-1][:20] for r in second] == [
        "pemerintah-siapkan-p",
        "inflasi-jawa-timur-t",
        "jalan-berlubang-di-t",
        "pelabuhan-tanjung-pe",
        "?page=3",
    ]
    third = list(spider.parse_list(page("page-3.html", f"{LIVE}/?page=3"), section="home", page=3))
    assert third == []  # 14 Nov and older: nothing fetched, no further page


def test_list_dates_with_a_time_compare_as_days() -> None:
    spider = make_spider(since="2026-11-15")
    html_page = (
        (SITE / "index.html")
        .read_text(encoding="utf-8")
        .replace("<span>Nov 20, 2026</span>", "<span>Nov 20, 2026 - 09:15 WIB</span>")
    )
    response = HtmlResponse(url=f"{LIVE}/", body=html_page.encode(), encoding="utf-8")
    out = list(spider.parse_list(response, section="home", page=1))
    assert f"{LIVE}/pasar-besar-malang-mulai-direnovasi-pedagang-dipindah-sementara" in [r.url for r in out]


def test_empty_list_page_is_counted_as_a_layout_problem() -> None:
    spider = make_spider()
    response = HtmlResponse(url=f"{LIVE}/", body=b"<html><body><p>Maintenance</p></body></html>")
    assert list(spider.parse_list(response)) == []
    assert spider.crawler.stats.get_value("newscrawl/list/empty") == 1


def test_feed_and_sitemap() -> None:
    spider = make_spider()
    feed = list(spider.parse_feed(page("rss/latest-posts.xml", f"{LIVE}/rss/latest-posts", XmlResponse)))
    assert len(feed) == len(ARTICLES) + 1
    spider = make_spider(since="2026-11-01", until="2026-11-10")
    sitemap = list(spider.parse_sitemap(page("sitemap.xml", f"{LIVE}/sitemap.xml", XmlResponse)))
    expected = [
        a for a in ARTICLES if "2026-11-01" <= (a.get("modified") or a["published"])[:10] <= "2026-11-10"
    ]
    assert sorted(r.url for r in sitemap) == sorted(f"{LIVE}/{a['slug']}" for a in expected)


GOOD_ARGUMENTS = [
    ({}, {"sections": ("home", "malang-raya", "nasional", "ekonomi"), "max_pages": 5, "discovery": "list"}),
    ({"sections": "home,nasional/daerah"}, {"sections": ("home", "nasional/daerah")}),
    ({"max_pages": "12"}, {"max_pages": 12}),
    ({"since": "2026-01-31"}, {"since": __import__("datetime").date(2026, 1, 31)}),
    ({"until": "2026-01-31"}, {"max_pages": 500}),
    ({"discovery": "feed"}, {"discovery": "feed"}),
    ({"base_url": "http://127.0.0.1:8000/"}, {"base_url": "http://127.0.0.1:8000"}),
]


@pytest.mark.parametrize(("arguments", "expected"), GOOD_ARGUMENTS)
def test_good_arguments(arguments: dict, expected: dict) -> None:
    spider = make_spider(**arguments)
    assert spider.argument_errors == []
    assert {k: getattr(spider, k) for k in expected} == expected


BAD_ARGUMENTS = [
    ({"sections": "../etc"}, "sections"),
    ({"sections": "home,Nasional"}, "sections"),
    ({"sections": ""}, "sections"),
    ({"max_pages": "0"}, "max_pages"),
    ({"max_pages": "lots"}, "max_pages"),
    ({"since": "12-09-2023"}, "since"),
    ({"since": "2026-02-30"}, "since"),
    ({"since": "2026-05-01", "until": "2026-04-01"}, "after until"),
    ({"discovery": "crawl-everything"}, "discovery"),
    ({"base_url": "file:///etc/passwd"}, "base_url"),
    ({"base_url": "data:text/html,hi"}, "base_url"),
    ({"base_url": "http://user:pw@127.0.0.1"}, "credentials"),
    ({"base_url": "http://127.0.0.1/path"}, "without a path"),
    ({"colour": "blue"}, "unknown argument"),
]


@pytest.mark.parametrize(("arguments", "message"), BAD_ARGUMENTS)
def test_bad_arguments_are_reported(arguments: dict, message: str) -> None:
    spider = make_spider(**arguments)
    assert len(spider.argument_errors) == 1 and message in spider.argument_errors[0]


def test_copy_is_up_to_date_with_its_builder(tmp_path: Path) -> None:
    import build_nusadaily

    built = build_nusadaily.build()
    on_disk = {str(p.relative_to(SITE)) for p in SITE.rglob("*") if p.is_file()}
    assert set(built) == on_disk
    assert all((SITE / name).read_text(encoding="utf-8") == text for name, text in built.items())
