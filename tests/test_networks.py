"""The wordpress and radar spiders on their offline copies, as ``make demo`` crawls them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import scrapy
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newscrawl.dev.sites import build_networks
from newscrawl.dev.sites.network_articles import (
    DETIK,
    JATIMTIMES,
    MALANGPOSCO,
    MALANGTIMES,
    MEMOX,
    RADARBATU,
    RADARMALANG,
    SURYA,
    TRIBUNBALI,
)
from newscrawl.networks import outlet_for_host
from newscrawl.pages.radar import RadarArticlePage
from newscrawl.pages.times import TimesArticlePage
from newscrawl.run import ExitCode
from newscrawl.spiders.radar import RadarSpider
from tests.conftest import records, run_crawl

SITES = build_networks.HERE
COPIES = [
    pytest.param("wordpress", "malangposcomedia.id", "malangposcomedia", MALANGPOSCO, id="tagdiv"),
    pytest.param("wordpress", "memox.co.id", "memox", MEMOX, id="memox"),
    pytest.param("radar", "radarmalang.jawapos.com", "radarmalang", RADARMALANG, id="radarmalang"),
    pytest.param("radar", "radarbatu.jawapos.com", "radarbatu", RADARBATU, id="radarbatu"),
    pytest.param("times", "malangtimes.com", "malangtimes", MALANGTIMES, id="malangtimes"),
    pytest.param("times", "jatimtimes.com", "jatimtimes", JATIMTIMES, id="jatimtimes"),
    pytest.param("tribun", "bali.tribunnews.com", "tribunbali", TRIBUNBALI, id="tribunbali"),
    pytest.param("tribun", "surabaya.tribunnews.com", "surya", SURYA, id="surya"),
    pytest.param("detik", "detik.com", "detik", DETIK, id="detik"),
]
# The copies hold only these editions of detik.
ARGUMENTS = {"detik": ("sections=tag/jatim,tag/bali",)}


def crawl(serve, tmp_path: Path, spider: str, host: str, copy: str, *arguments: str):
    mirrors = {"NEWSCRAWL_MIRRORS": f"{host}={serve(SITES / copy)}"}
    return run_crawl(None, tmp_path, f"outlets={host}", *arguments, settings=mirrors, spider=spider)


@pytest.mark.parametrize(("spider", "host", "copy", "articles"), COPIES)
def test_every_article_of_the_copy_once_with_its_dateline_and_credit(
    serve, tmp_path: Path, spider: str, host: str, copy: str, articles: list[dict]
) -> None:
    result = crawl(serve, tmp_path, spider, host, copy, *ARGUMENTS.get(spider, ()))
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    published = {r["title"]: r for r in records(tmp_path, spider)}
    assert sorted(published) == sorted(a["title"] for a in articles)
    assert len(records(tmp_path, spider)) == len(articles)
    for article in articles:
        record = published[article["title"]]
        assert record["site"] == host
        assert record["dateline_location"] == article["expect"]["location"]
        assert record["editor_tag"] == article["expect"]["tag"]
        assert record["published_at"].startswith(article["published"].replace(" ", "T"))
        assert not record["body"].startswith(("MALANG POSCO", "MEMOX", "Kabar dari", "Ringkasan", "Laporan"))
        for furniture in ("Navigasi pos", "Tags:", "BACA BERITA", "Ikuti saluran", "Video:", "Penulis:"):
            assert furniture not in record["body"], furniture
    manifest = result.last_manifest()["outlets"][host]
    assert manifest["records_published"] == len(articles)
    if spider == "wordpress":
        # The copy has no REST API: the run says so and falls back to the feed.
        assert manifest["sources"] == ["feed", "rest", "rest/unavailable"]


@pytest.mark.parametrize("source", ["sitemap", "list"])
def test_the_wordpress_copy_by_sitemap_and_by_list(serve, tmp_path: Path, source: str) -> None:
    result = crawl(
        serve, tmp_path, "wordpress", "malangposcomedia.id", "malangposcomedia", f"discovery={source}"
    )
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    assert sorted(r["title"] for r in records(tmp_path, "wordpress")) == sorted(
        a["title"] for a in MALANGPOSCO
    )


def test_radar_lists_link_articles_of_other_categories_by_their_own() -> None:
    crawler = get_crawler(RadarSpider)
    spider = RadarSpider.from_crawler(crawler, outlets="radarmalang.jawapos.com")
    crawler.spider = spider
    outlet = outlet_for_host("radarmalang.jawapos.com")
    url = "https://radarmalang.jawapos.com/malang-raya"
    body = (SITES / "radarmalang" / "malang-raya" / "index.html").read_bytes()
    links = spider.list_links(HtmlResponse(url=url, body=body), outlet, "malang-raya")
    categories = {link.url.split("/")[3] for link in links}
    assert {"ekonomi", "malang-raya"} <= categories  # the list is malang-raya's, its articles are not all


def test_a_radar_page_without_data_is_read_from_its_markup() -> None:
    article = RADARMALANG[3]  # the copy renders this one without data-page
    path = next((SITES / "radarmalang").glob(f"*/*/{article['slug']}.html"))
    url = f"https://radarmalang.jawapos.com/{path.parent.parent.name}/{path.parent.name}/{article['slug']}"
    request = scrapy.Request(url)
    page = RadarArticlePage(
        HtmlResponse(url=url, body=path.read_bytes(), request=request),
        url,
        outlet_for_host("radarmalang.jawapos.com"),
    )
    item = dataclasses.asdict(page.to_item())
    assert page.provenance["body"] == "layout" and page.provenance["title"] == "layout"
    assert item["title"] == article["title"] and item["dateline_location"] == article["place"]


def test_network_copies_are_up_to_date_with_their_builder() -> None:
    for name, build in build_networks.COPIES.items():
        built = build()
        on_disk = {str(p.relative_to(SITES / name)) for p in (SITES / name).rglob("*") if p.is_file()}
        assert set(built) == on_disk, name
        assert all((SITES / name / path).read_text(encoding="utf-8") == text for path, text in built.items())


def test_a_times_url_never_gives_the_time() -> None:
    """``/baca/{id}/{Ymd}/{his}/`` prints 15:30 as 033000: without a printed time, only the day is known."""
    article = MALANGTIMES[1]  # published 15:30, its URL says 033000
    path = next((SITES / "malangtimes").glob(f"baca/*/*/*/{article['slug']}.html"))
    url = "https://www.malangtimes.com/" + str(path.relative_to(SITES / "malangtimes")).removesuffix(".html")
    assert "/033000/" in url
    undated = path.read_bytes().replace(b'class="float-right text-muted"', b'class="x"')
    page = TimesArticlePage(HtmlResponse(url=url, body=undated), url, outlet_for_host("malangtimes.com"))
    assert page.to_item().published_at == "2026-06-19"  # the JSON-LD day; never 03:30 from the URL
    dated = TimesArticlePage(
        HtmlResponse(url=url, body=path.read_bytes()), url, outlet_for_host("malangtimes.com")
    )
    assert dated.to_item().published_at == "2026-06-19T15:30:00+07:00"


def test_tribun_and_detik_fetch_the_whole_text_under_the_article_s_own_url(serve, tmp_path: Path) -> None:
    result = crawl(serve, tmp_path, "tribun", "bali.tribunnews.com", "tribunbali")
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    for record in records(tmp_path, "tribun"):
        assert "?page=all" not in record["url"] and record["canonical_url"].count("/") == 5
        assert record["body"].count("\n\n") == 1  # both paragraphs, also of the split articles
