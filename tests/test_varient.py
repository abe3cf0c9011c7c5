"""The Varient network: its page object on the offline copy, discovery callbacks, arguments."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
from pathlib import Path

import jsonschema
import pytest
import scrapy
from scrapy.http import HtmlResponse, XmlResponse
from scrapy.utils.test import get_crawler

from newscrawl.dev.sites import build_nusadaily
from newscrawl.dev.sites.nusadaily_articles import ARTICLES, AUTHORS, BROKEN
from newscrawl.networks.varient import OUTLETS
from newscrawl.pages.varient import VarientArticlePage
from newscrawl.spiders.base import OUTLET_META
from newscrawl.spiders.varient import NusadailySpider, VarientSpider
from tests.conftest import LIVE, ROOT, SITE

SCHEMA = json.loads((ROOT / "newscrawl" / "article.schema.json").read_text(encoding="utf-8"))
NUSADAILY = OUTLETS[0]


def make_spider(cls: type = NusadailySpider, **arguments: str) -> VarientSpider:
    crawler = get_crawler(cls)
    spider = cls.from_crawler(crawler, **arguments)
    crawler.spider = spider
    return spider


def page(path: str, url: str, cls: type = HtmlResponse) -> HtmlResponse:
    request = scrapy.Request(url, meta={OUTLET_META: "nusadaily.com"})
    return cls(url=url, body=(SITE / path).read_bytes(), encoding="utf-8", request=request)


def article(slug: str) -> tuple[VarientArticlePage, dict]:
    response = page(f"{slug}.html", f"{LIVE}/{slug}")
    article_page = VarientArticlePage(response, f"{LIVE}/{slug}", NUSADAILY)
    return article_page, dataclasses.asdict(article_page.to_item())


@pytest.mark.parametrize("source", ARTICLES, ids=lambda a: a["slug"][:40])
def test_every_article_of_the_copy(source: dict) -> None:
    _, record = article(source["slug"])
    record["spider"] = "nusadaily"
    jsonschema.validate(record, SCHEMA)
    expect = source["expect"]
    assert record["dateline_location"] == expect["location"]
    assert record["editor_tag"] == expect["tag"]
    assert record["canonical_url"] == f"https://nusadaily.com/{source['slug']}"
    assert record["title"] == source["title"]
    # The byline, never the site's name from meta[name=author].
    assert record["authors"] == [AUTHORS[source["author"]]]
    assert (record["image_url"] is None) == (source.get("image") is False)
    last_paragraph = html.unescape(source["paragraphs"][-1])
    last_sentence = last_paragraph.split(".")[0] if last_paragraph != "(wan)" else None
    assert "NUSADA" not in record["body"] and "(" + expect["tag"] not in record["body"]
    assert "Pasang iklan" not in record["body"] and "Advertisement" not in record["body"]
    assert not record["body"].startswith(("-", "–", "MALANG"))
    if last_sentence:
        assert last_sentence.split(">")[-1][:20] in record["body"].split("\n\n")[-1]
    if "published_at" in expect:
        assert record["published_at"] == expect["published_at"]
    else:
        assert record["published_at"].startswith(source["published"][:10])
    assert record["modified_at"] == (
        None
        if not source.get("modified")
        else dt.datetime.fromisoformat(source["modified"] + "+07:00").isoformat()
    )


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


def test_provenance_names_the_layer_of_each_field() -> None:
    article_page, _ = article("car-free-day-ijen-kembali-dibuka")
    assert article_page.provenance["title"] == "layout"
    assert article_page.provenance["modified_at"] == "layout"
    assert article_page.provenance["language"] == "meta"
    # Without the layout's markup, JSON-LD and meta still give what they carry.
    response = page("car-free-day-ijen-kembali-dibuka.html", f"{LIVE}/car-free-day-ijen-kembali-dibuka")
    bare = response.replace(body=response.body.replace(b"post-title", b"x").replace(b"item-meta-date", b"x"))
    fallback = VarientArticlePage(bare, response.url, NUSADAILY)
    item = fallback.to_item()
    assert (fallback.provenance["title"], fallback.provenance["published_at"]) == ("jsonld", "jsonld")
    assert item.published_at == "2026-11-02T06:45:00+07:00"


def test_article_without_a_date_gets_null_and_a_problem() -> None:
    _, record = article("atlet-sepatu-roda-kepanjen-latihan-di-gor-baru")
    assert record["published_at"] is None
    response = page("harga-cabai-rawit-di-malang-turun.html", f"{LIVE}/harga-cabai-rawit-di-malang-turun")
    broken = response.replace(
        body=response.body.replace(b"Nov 19, 2026&nbsp;-&nbsp;07:50", b"tanggal tidak tercantum")
    )
    broken_page = VarientArticlePage(broken, response.url, NUSADAILY)
    assert broken_page.to_item().published_at == "2026-11-19T07:50:00+07:00"  # JSON-LD takes over
    assert broken_page.problems == ["dates/unparseable"]


def test_broken_page_yields_an_item_that_fails_the_schema() -> None:
    _, record = article(BROKEN["slug"])
    assert record["title"] is None and record["body"] is None
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, SCHEMA)


def test_rel_canonical_wins_within_the_outlet_only() -> None:
    response = page("harga-cabai-rawit-di-malang-turun.html", f"{LIVE}/a?utm_source=x")
    assert VarientArticlePage(response, f"{LIVE}/a?utm_source=x", NUSADAILY).canonical_url() == (
        "https://nusadaily.com/harga-cabai-rawit-di-malang-turun"
    )
    elsewhere = response.replace(
        body=response.body.replace(
            b'href="https://www.nusadaily.com/harga', b'href="https://example.com/harga'
        )
    )
    assert VarientArticlePage(elsewhere, f"{LIVE}/a", NUSADAILY).canonical_url() == "https://nusadaily.com/a"


def test_posts_list_requests_articles_and_the_next_page() -> None:
    spider = make_spider()
    out = list(spider.parse_list(page("posts/index.html", f"{LIVE}/posts"), section="posts", page=1))
    urls = [r.url for r in out]
    assert all(isinstance(r, scrapy.Request) for r in out)
    assert f"{LIVE}/festival-kopi-dampit-hadirkan-70-petani-lokal" in urls  # utm_ parameters dropped
    assert not any("utm_" in u for u in urls)
    assert urls[-1] == f"{LIVE}/posts?page=2"
    assert out[-1].cb_kwargs == {"section": "posts", "page": 2}
    assert spider.crawler.stats.get_value("newscrawl/articles/found") == 9  # eight entries and the pinned one


def test_list_paging_stops_at_max_pages_and_since() -> None:
    spider = make_spider(max_pages="2")
    out = list(spider.parse_list(page("posts/page-2.html", f"{LIVE}/posts?page=2"), section="posts", page=2))
    assert not any(r.callback == spider.parse_list for r in out)
    spider = make_spider(since="2026-11-14")
    first = list(spider.parse_list(page("posts/index.html", f"{LIVE}/posts"), section="posts", page=1))
    # The pinned entry of 2 Nov is older than since, but the list itself goes on.
    assert len([r for r in first if r.callback == spider.parse_article]) == 8
    assert first[-1].callback == spider.parse_list
    second = list(
        spider.parse_list(page("posts/page-2.html", f"{LIVE}/posts?page=2"), section="posts", page=2)
    )
    # 14 Nov and later only; the page ends older than since: no further page.
    assert [r.url.rsplit("/", 1)[-1][:20] for r in second] == ["siswa-smp-di-batu-pa"]


def test_a_category_page_past_its_end_stops_quietly() -> None:
    spider = make_spider()
    out = list(
        spider.parse_list(page("ekonomi/page-3.html", f"{LIVE}/ekonomi?page=3"), section="ekonomi", page=3)
    )
    assert out == []
    assert (
        spider.crawler.stats.get_value("newscrawl/list/empty") is None
    )  # the end of a list, not a layout change


def test_empty_first_list_page_is_counted_as_a_layout_problem() -> None:
    spider = make_spider()
    response = HtmlResponse(
        url=f"{LIVE}/posts",
        body=b"<html><body><p>Maintenance</p></body></html>",
        request=scrapy.Request(f"{LIVE}/posts", meta={OUTLET_META: "nusadaily.com"}),
    )
    assert list(spider.parse_list(response, section="posts")) == []
    assert spider.crawler.stats.get_value("newscrawl/list/empty") == 1


def test_home_page_blocks_give_links_but_no_paging() -> None:
    spider = make_spider(sections="home")
    out = list(spider.parse_list(page("index.html", f"{LIVE}/"), section="home", page=1))
    assert len(out) == 12 + 9  # the twelve newest and three cards per category block
    assert all(r.callback == spider.parse_article for r in out)


def test_feed_skips_an_imported_post_that_points_off_site() -> None:
    spider = make_spider()
    feed = list(spider.parse_feed(page("rss/latest-posts.xml", f"{LIVE}/rss/latest-posts", XmlResponse)))
    assert len(feed) == len(ARTICLES) + 1  # every article and the broken page
    assert not any("example.org" in r.url for r in feed)
    assert spider.crawler.stats.get_value("newscrawl/articles/offsite_links") == 1


def test_sitemap_ignores_its_lastmod_and_tag_and_subcategory_urls() -> None:
    spider = make_spider(since="2026-11-01", until="2026-11-10")
    sitemap = list(spider.parse_sitemap(page("sitemap.xml", f"{LIVE}/sitemap.xml", XmlResponse)))
    # lastmod is the file's day (21 Nov): trusting it would skip the whole window. Site pages and
    # categories look like posts in a URL; their pages say og:type website and are skipped then.
    single_segment = ["terms-conditions", "malang-raya", "nasional", "ekonomi"]  # gallery is reserved
    expected = [a["slug"] for a in [*ARTICLES, BROKEN]] + single_segment
    assert sorted(r.url for r in sitemap) == sorted(f"{LIVE}/{slug}" for slug in expected)


def test_a_page_that_says_it_is_no_article_is_skipped() -> None:
    spider = make_spider()
    request = spider.article_request(NUSADAILY, f"{LIVE}/gallery")
    response = HtmlResponse(url=request.url, body=(SITE / "gallery.html").read_bytes(), request=request)
    assert list(spider.parse_article(response)) == []
    assert spider.crawler.stats.get_value("newscrawl/articles/not_article") == 1


def test_article_outside_the_window_is_dropped_by_its_page_date() -> None:
    spider = make_spider(since="2026-11-01", until="2026-11-10")
    slug = "harga-cabai-rawit-di-malang-turun"  # 19 Nov
    request = spider.article_request(NUSADAILY, f"{LIVE}/{slug}")
    response = HtmlResponse(url=request.url, body=(SITE / f"{slug}.html").read_bytes(), request=request)
    assert list(spider.parse_article(response)) == []
    assert spider.crawler.stats.get_value("newscrawl/articles/outside_window") == 1


GOOD_ARGUMENTS = [
    ({}, {"sections": None, "max_pages": 5, "discovery": None, "outlets": (NUSADAILY,)}),
    ({"sections": "home,nasional/daerah"}, {"sections": ("home", "nasional/daerah")}),
    ({"max_pages": "12"}, {"max_pages": 12}),
    ({"since": "2026-01-31"}, {"since": dt.date(2026, 1, 31)}),
    ({"until": "2026-01-31"}, {"max_pages": 500}),
    ({"discovery": "feed"}, {"discovery": "feed"}),
    ({"base_url": "http://127.0.0.1:8000/"}, {"base_url": "http://127.0.0.1:8000"}),
    ({"outlets": "WWW.nusadaily.com"}, {"outlets": (NUSADAILY,)}),
]


@pytest.mark.parametrize(("arguments", "expected"), GOOD_ARGUMENTS)
def test_good_arguments(arguments: dict, expected: dict) -> None:
    spider = make_spider(VarientSpider, **arguments)
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
    ({"base_url": "http://127.0.0.1:99999"}, "port"),
    ({"outlets": "example.com"}, "outlets"),
    ({"colour": "blue"}, "unknown argument"),
]


@pytest.mark.parametrize(("arguments", "message"), BAD_ARGUMENTS)
def test_bad_arguments_are_reported(arguments: dict, message: str) -> None:
    spider = make_spider(VarientSpider, **arguments)
    assert len(spider.argument_errors) == 1 and message in spider.argument_errors[0]


def test_a_site_that_forbids_crawling_is_refused() -> None:
    from newscrawl.spiders.wordpress import WordPressSpider

    spider = make_spider(WordPressSpider, outlet_url="https://jatim.antaranews.com")
    assert len(spider.argument_errors) == 1 and "not crawled" in spider.argument_errors[0]


def test_mirror_maps_live_links_and_keeps_live_identity() -> None:
    spider = make_spider(base_url="http://127.0.0.1:8123")
    request = spider.article_request(NUSADAILY, f"{LIVE}/a?utm_source=x")
    assert request.url == "http://127.0.0.1:8123/a"
    assert request.meta["newscrawl_article"]["url"] == f"{LIVE}/a"
    assert spider.allows_origin("http", "127.0.0.1", 8123)
    assert not spider.allows_origin("http", "127.0.0.1", 8124)


def test_copy_is_up_to_date_with_its_builder(tmp_path: Path) -> None:
    built = build_nusadaily.build()
    on_disk = {str(p.relative_to(SITE)) for p in SITE.rglob("*") if p.is_file()}
    assert set(built) == on_disk
    assert all((SITE / name).read_text(encoding="utf-8") == text for name, text in built.items())
