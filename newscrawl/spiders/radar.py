"""The Jawa Pos Radar network: every outlet of ``newscrawl/networks/radar.py``."""

from __future__ import annotations

from typing import ClassVar

from scrapy.http import Response

from newscrawl.discovery import Link, printed_day
from newscrawl.networks import radar
from newscrawl.outlets import Outlet
from newscrawl.pages.radar import data_page
from newscrawl.spiders.base import NetworkSpider


class RadarSpider(NetworkSpider):
    name = "radar"
    outlet_table: ClassVar[tuple[Outlet, ...]] = radar.OUTLETS

    @staticmethod
    def articles(response: Response) -> dict:
        category = data_page(response).get("props", {}).get("category") or {}
        articles = category.get("articles") if isinstance(category, dict) else None
        return articles if isinstance(articles, dict) else {}

    def list_links(self, response: Response, outlet: Outlet, section: str) -> list[Link]:
        """``props.category.articles.data``: each entry's own category builds its URL, never the list's."""
        links = []
        for entry in self.articles(response).get("data") or []:
            if not isinstance(entry, dict) or not entry.get("article_id") or not entry.get("slug"):
                continue
            category = entry.get("category") if isinstance(entry.get("category"), dict) else {}
            slug = category.get("slug") or section
            url = f"{outlet.origin}/{slug}/{entry['article_id']}/{entry['slug']}"
            links.append(Link(url, printed_day(entry.get("date"))))
        return links

    def next_list_page(self, response: Response, outlet: Outlet, section: str, page: int) -> str | None:
        return self.articles(response).get("next_page_url")
