"""The Tribun network and detik's regional editions: list pages, and one request per article
for its whole text (``?page=all`` on Tribun, ``?single=1`` on detik), through the request hook."""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import urlencode, urlsplit, urlunsplit

import scrapy
from scrapy.http import Response

from newscrawl.discovery import Link, printed_day
from newscrawl.networks import detik, tribun
from newscrawl.outlets import Outlet
from newscrawl.spiders.base import NetworkSpider


def with_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(params), ""))


class TribunSpider(NetworkSpider):
    name = "tribun"
    outlet_table: ClassVar[tuple[Outlet, ...]] = tribun.OUTLETS
    whole_text: ClassVar[dict[str, str]] = {"page": "all"}

    def list_links(self, response: Response, outlet: Outlet, section: str) -> list[Link]:
        links = []
        for entry in response.css("ul.lpk li, ul.lsi > li"):
            href = entry.css("h3 a::attr(href)").get()
            if href:
                day = printed_day((entry.css("div.grey::text").get() or "").strip())
                links.append(Link(response.urljoin(href), day))
        return links

    def next_list_page(self, response: Response, outlet: Outlet, section: str, page: int) -> str | None:
        return response.css("div.paging a[rel=next]::attr(href), a.next::attr(href)").get()

    def article_request(self, outlet: Outlet, live: str) -> scrapy.Request:
        """The article's identity stays its own URL; the request asks for the whole text."""
        request = super().article_request(outlet, live)
        return request.replace(url=with_query(request.url, **self.whole_text))


class DetikSpider(TribunSpider):
    name = "detik"
    outlet_table: ClassVar[tuple[Outlet, ...]] = detik.OUTLETS
    whole_text: ClassVar[dict[str, str]] = {"single": "1"}

    def list_links(self, response: Response, outlet: Outlet, section: str) -> list[Link]:
        links = []
        for card in response.css("article"):
            href = card.css("h2.title a::attr(href), a::attr(href)").get()
            if href:
                printed = " ".join(card.css(".date::text").getall())
                links.append(Link(response.urljoin(href), printed_day(printed.split(" ", 1)[-1])))
        return links

    def list_url(self, outlet: Outlet, section: str) -> str:
        return f"{outlet.origin}/{section}/"

    def next_list_page(self, response: Response, outlet: Outlet, section: str, page: int) -> str | None:
        return response.css("a.pagination__item[rel=next]::attr(href), a[rel=next]::attr(href)").get()
