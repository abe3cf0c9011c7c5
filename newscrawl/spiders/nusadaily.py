"""nusadaily.com (Varient 2.x "magazine" theme): list pages, RSS and sitemap to articles."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from newscrawl.loaders import ArticleLoader
from newscrawl.normalize import WIB, parse_date
from newscrawl.spiders.base import NewsSpider, as_day
from newscrawl.urls import url_hash

logger = logging.getLogger(__name__)

# First path segments that are never an article on a Varient site.
RESERVED_PATHS = {"tag", "profile", "search", "rss", "rss-feeds", "sitemap.xml", "page", "contact"}


class NusadailySpider(NewsSpider):
    name = "nusadaily"
    site = "nusadaily.com"
    site_url = "https://www.nusadaily.com"
    default_sections = ("home", "malang-raya", "nasional", "ekonomi")
    custom_settings: ClassVar[dict[str, Any]] = {
        "NEWSCRAWL_COVERAGE_MIN": {
            "published_at": 0.9,
            "dateline_location": 0.5,
            "editor_tag": 0.5,
        },
    }

    def start_points(self) -> Iterable[scrapy.Request]:
        if self.discovery == "feed":
            yield scrapy.Request(
                f"{self.base_url}/rss/latest-posts", callback=self.parse_feed, errback=self.discovery_failed
            )
        elif self.discovery == "sitemap":
            yield scrapy.Request(
                f"{self.base_url}/sitemap.xml", callback=self.parse_sitemap, errback=self.discovery_failed
            )
        else:
            for section in self.sections:
                path = "/" if section == "home" else f"/{section}"
                yield scrapy.Request(
                    f"{self.base_url}{path}",
                    callback=self.parse_list,
                    errback=self.discovery_failed,
                    cb_kwargs={"section": section, "page": 1},
                )

    # -- discovery ---------------------------------------------------------------

    def parse_list(self, response: Response, section: str = "home", page: int = 1) -> Iterator[Any]:
        """A home, category or tag list page: article links, then maybe the next page.

        @url https://www.nusadaily.com/
        @returns requests 1
        """
        entries = response.css("div.post-item")
        links = []
        for entry in entries:
            href = entry.css("h3.title a::attr(href)").get()
            if not href:
                continue
            printed = entry.css("p.post-meta span::text").get()
            links.append((response.urljoin(href), as_day(parse_date(printed)) if printed else None))
        found = self.discovered(response, links, self.parse_article)
        if found is None:
            return
        requests, old = found
        yield from requests
        stop = self._stop_reason(section, page, links, requests, old)
        if stop:
            logger.info("Section %s: stop after page %d (%s)", section, page, stop)
            return
        next_href = response.xpath(
            '//ul[contains(@class, "pagination")]//a[contains(@class, "page-link")]'
            '[normalize-space(.) = "›"]/@href'
        ).get()
        if next_href:
            yield response.follow(
                next_href,
                callback=self.parse_list,
                errback=self.discovery_failed,
                cb_kwargs={"section": section, "page": page + 1},
            )

    def _stop_reason(
        self, section: str, page: int, links: list[tuple[str, dt.date | None]], requests: list[Any], old: int
    ) -> str | None:
        catch_up, catch_up_since = self.catch_up()
        explicit_pages = "max_pages" in self.arguments
        limit = self.max_pages if explicit_pages or not catch_up else self.backfill_max_pages
        if page >= limit:
            if requests:
                self.crawler.stats.inc_value("newscrawl/list/truncated")
                logger.warning(
                    "List %s cut off at max_pages=%d with new articles on its last page; if no other "
                    "section lists the older ones, raise max_pages or run a backfill",
                    section,
                    limit,
                )
            return f"max_pages={limit}"
        days = [d for _, d in links if d is not None]
        boundary = self.since or catch_up_since
        # Lists run newest first; a pinned old entry at the top must not stop them.
        if boundary and days and days[-1] < boundary:
            return f"articles older than {boundary}"
        if not requests and not (self.backfill or catch_up) and old < len(links):
            return "every article on the page is already stored"
        return None

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """RSS 2.0 feed of the newest posts.

        @url https://www.nusadaily.com/rss/latest-posts
        @returns requests 1
        """
        links = []
        for entry in response.xpath("//item"):
            link = (entry.xpath("link/text()").get() or "").strip()
            if not link:
                continue
            day = None
            pub_date = entry.xpath("pubDate/text()").get()
            if pub_date:
                try:
                    day = email.utils.parsedate_to_datetime(pub_date).date()
                except (TypeError, ValueError):
                    logger.warning("Unparseable pubDate %r in %s", pub_date, response.url)
            links.append((response.urljoin(self.mirror_link(link)), day))
        found = self.discovered(response, links, self.parse_article)
        if found is None:
            return
        requests, _ = found
        if len(requests) == len(links):
            logger.warning(
                "Every item of %s is new: articles older than the feed may be missed; "
                "run with -a discovery=list to catch up",
                response.url,
            )
        yield from requests

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        """sitemap.xml: every article, for backfills.

        @url https://www.nusadaily.com/sitemap.xml
        @returns requests 1
        """
        links = []
        for entry in self.sitemap_entries(response):
            loc = entry.get("loc", "").strip()
            path = urlsplit(loc).path.strip("/")
            if not path or "/" in path or path in RESERVED_PATHS or path in self.default_sections:
                continue
            day = as_day(parse_date(entry.get("lastmod", "")))
            links.append((response.urljoin(self.mirror_link(loc)), day))
        found = self.discovered(response, links, self.parse_article)
        if found is not None:
            yield from found[0]

    # -- articles ----------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[Any]:
        """An article page.

        @url https://www.nusadaily.com/kim-jong-un-akan-kunjungi-putin-di-rusia-boyong-delegasi-senjata
        @returns items 1 1
        @scrapes url canonical_url url_hash title body published_at
        """
        loader = ArticleLoader(
            response=response, crawl_stats=self.crawler.stats, default_tz=WIB, url=response.url
        )
        rel_canonical = response.css('link[rel="canonical"]::attr(href)').get()
        canonical = self.canonical_url(response.url, rel_canonical)
        loader.add_value("url", response.url)
        loader.add_value("canonical_url", canonical)
        loader.add_value("url_hash", url_hash(canonical))
        loader.add_value("site", self.site)
        loader.add_value("spider", self.name)
        loader.add_css("title", "h1.post-title")
        loader.add_css("title", 'meta[property="og:title"]::attr(content)')
        loader.add_css("lead", "h2.post-summary")
        body = response.css("div.post-text.mt-4")
        paragraphs = body.css("p")
        loader.add_value("body", paragraphs.getall() or body.getall())
        loader.add_css("authors", ".post-details-meta .item-meta-author span")
        loader.add_css("authors", 'meta[name="author"]::attr(content)')
        loader.add_css("authors", 'meta[property="article:author"]::attr(content)')
        dates = response.css(".item-meta-date span")
        jsonld = self._json_ld(response)
        loader.add_value("published_at", dates[0].get() if dates else None)
        loader.add_css("published_at", 'meta[property="article:published_time"]::attr(content)')
        loader.add_value("published_at", jsonld.get("datePublished"))
        loader.add_value("modified_at", dates[1].get() if len(dates) > 1 else None)
        loader.add_css("modified_at", 'meta[property="article:modified_time"]::attr(content)')
        loader.add_value("modified_at", jsonld.get("dateModified"))
        loader.add_css("category", "span.badge.badge-category")
        loader.add_css("tags", ".post-tags ul li a")
        loader.add_css("tags", 'meta[property="article:tag"]::attr(content)')
        image = response.css(".post-image-inner img.center-image::attr(src)").get()
        loader.add_value("image_url", response.urljoin(image) if image else None)
        loader.add_css("image_url", 'meta[property="og:image"]::attr(content)')
        loader.add_css("image_caption", "figcaption.img-description")
        loader.add_value("language", (response.css("html::attr(lang)").get() or "id")[:2].lower())
        item = loader.load_item()
        if item.published_at is None:
            self.crawler.stats.inc_value("newscrawl/fields/missing/published_at")
            logger.warning("No publication date on %s: published_at is null", response.url)
        yield item

    @staticmethod
    def _json_ld(response: Response) -> dict[str, Any]:
        """The NewsArticle object of the page's JSON-LD, or an empty dict."""
        for block in response.css('script[type="application/ld+json"]::text').getall():
            try:
                data = json.loads(block)
            except ValueError:
                continue
            for node in data if isinstance(data, list) else [data]:
                if isinstance(node, dict) and node.get("@type") in ("NewsArticle", "Article"):
                    return node
        return {}
