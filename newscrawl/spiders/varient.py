"""The Varient network: every outlet of ``newscrawl/networks/varient.py``."""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import urlsplit

from scrapy.http import Response

from newscrawl.discovery import Link, printed_day
from newscrawl.networks import varient
from newscrawl.outlets import Outlet
from newscrawl.spiders.base import NetworkSpider

# First path segments that are never an article on a Varient site.
RESERVED_PATHS = frozenset(
    [
        "tag",
        "profile",
        "search",
        "rss",
        "rss-feeds",
        "sitemap.xml",
        "page",
        "contact",
        "posts",
        "gallery",
        "register",
        "reading-list",
        "earnings",
        "preview",
    ]
)
# Varient splits its sitemap past this many URLs (sitemap.xml, sitemap-1.xml, ...) with no index.
SITEMAP_SPLIT = 49_000


class VarientSpider(NetworkSpider):
    name = "varient"
    outlet_table: ClassVar[tuple[Outlet, ...]] = varient.OUTLETS

    def list_url(self, outlet: Outlet, section: str) -> str:
        return outlet.origin + ("/" if section == "home" else f"/{section}")

    def list_in_date_order(self, section: str) -> bool:
        # The home page is blocks (a slider, category blocks, the newest posts), not a dated list.
        return section != "home"

    def list_links(self, response: Response, outlet: Outlet, section: str) -> list[Link]:
        """Entries of ``/posts``, a category or a tag list; on the home page, every block's cards."""
        links = []
        for entry in response.css("div.post-item, div.post-item-mid"):
            href = entry.css("h3.title a::attr(href)").get()
            if href:
                printed = entry.css("p.post-meta span::text, p.small-post-meta span::text").get()
                links.append(Link(response.urljoin(href), printed_day(printed)))
        return links

    def next_list_page(self, response: Response, outlet: Outlet, section: str, page: int) -> str | None:
        pagination = response.xpath('//ul[contains(@class, "pagination")]//a[contains(@class, "page-link")]')
        return pagination.xpath('self::*[normalize-space(.) = "›"]/@href').get()

    def is_article_url(self, outlet: Outlet, url: str) -> bool:
        # Posts are /{slug}; categories (/parent/child), tags (/tag/x) and site pages are not.
        path = urlsplit(url).path.strip("/")
        return bool(path) and "/" not in path and path not in RESERVED_PATHS

    def parse_sitemap(self, response: Response):
        yield from super().parse_sitemap(response)
        # No index file: the next part exists only when this one is full.
        if response.body.count(b"<loc>") >= SITEMAP_SPLIT:
            outlet = self.outlet_of(response)
            name = response.url.rsplit("/", 1)[-1].split("?")[0]
            number = int(name[len("sitemap-") : -len(".xml")]) + 1 if name.startswith("sitemap-") else 1
            yield self.discovery_request(outlet, f"{outlet.origin}/sitemap-{number}.xml", self.parse_sitemap)


class NusadailySpider(VarientSpider):
    """``scrapy crawl nusadaily``: the Varient spider for nusadaily.com alone (older cron lines)."""

    name = "nusadaily"
    alias_of = "varient"
    outlet_table: ClassVar[tuple[Outlet, ...]] = tuple(
        o for o in varient.OUTLETS if o.host == "nusadaily.com"
    )
