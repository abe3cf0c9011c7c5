"""The WordPress network: the outlets of ``newscrawl/networks/wordpress.py``, or any
WordPress site given as ``-a outlet_url=https://…``.

Discovery tries the REST API first (whole articles, 100 a request: no article page
is fetched), then the feed, the sitemap and the category lists, falling back when
a source is blocked (401/403, or a security plugin's HTML instead of JSON). Stats
``newscrawl/outlets/<host>/source/<source>`` say which sources each outlet used.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any, ClassVar
from urllib.parse import urlencode, urlsplit

import scrapy
from scrapy.http import Response

from newscrawl.config import check_origin
from newscrawl.discovery import Link, printed_day, stop_reason
from newscrawl.networks import wordpress
from newscrawl.outlets import Outlet
from newscrawl.pages.wordpress import WordPressPostPage
from newscrawl.run import count
from newscrawl.spiders.base import SOURCE_META, NetworkSpider

logger = logging.getLogger(__name__)

# List entries of the block themes, tagDiv "Newspaper" and GeneratePress/memox.
_ENTRY = "li.wp-block-post, div.tdb_module_loop, div.td_module_wrap, article"
_ENTRY_LINK = ", ".join(
    f"{title} a::attr(href)"
    for title in ("h2.wp-block-post-title", "p.entry-title", ".td-module-title", "h2.entry-title")
)
_NEXT_PAGE = (
    "a.wp-block-query-pagination-next::attr(href), a.next.page-numbers::attr(href), "
    ".page-nav a[aria-label='next-page']::attr(href), link[rel=next]::attr(href)"
)


class WordPressSpider(NetworkSpider):
    name = "wordpress"
    outlet_table: ClassVar[tuple[Outlet, ...]] = wordpress.OUTLETS
    known_arguments = (*NetworkSpider.known_arguments, "outlet_url")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        url = kwargs.get("outlet_url")
        if url is not None:
            # An outlet without a table row: its host and origin come from the URL.
            try:
                origin = check_origin(str(url))
                host = (urlsplit(origin).hostname or "").removeprefix("www.")
                self.outlet_table = (
                    Outlet(
                        name=host,
                        host=host,
                        origin=origin,
                        network="wordpress",
                        discovery=wordpress.SOURCES,
                        feed_path="/feed/",
                        sitemap_path="/wp-sitemap.xml",
                        layout="wordpress",
                    ),
                )
                kwargs.setdefault("outlets", host)
            except ValueError as exc:
                kwargs["outlet_url"] = url
                self._outlet_url_error = f"outlet_url {exc}"
        super().__init__(*args, **kwargs)
        if getattr(self, "_outlet_url_error", None):
            self.argument_errors.append(self._outlet_url_error)

    # -- sources -------------------------------------------------------------------

    def source_requests(self, outlet: Outlet, source: str) -> Iterator[scrapy.Request]:
        if source != "rest":
            yield from super().source_requests(outlet, source)
            return
        count(self.crawler.stats, "source/rest", outlet.host)
        yield self.rest_request(outlet, 1, meta={SOURCE_META: "rest"})

    def rest_request(self, outlet: Outlet, page: int, meta: dict[str, Any] | None = None) -> scrapy.Request:
        query = {"per_page": 100, "page": page, "_embed": 1, "orderby": "date", "order": "desc"}
        if self.since:
            query["after"] = f"{self.since}T00:00:00"
        if self.until:
            query["before"] = f"{self.until}T23:59:59"
        url = f"{outlet.origin}/wp-json/wp/v2/posts?{urlencode(query)}"
        return self.discovery_request(outlet, url, self.parse_rest, meta=meta, cb_kwargs={"page": page})

    def discovery_failed(self, failure: Any) -> Iterator[scrapy.Request]:
        """A source that is blocked or missing falls back to the next one the outlet offers."""
        request = failure.request
        source = request.meta.get(SOURCE_META)
        if source and self.discovery is None:
            yield from self.fall_back(self.outlet_of(request), source, failure.getErrorMessage())
            return
        super().discovery_failed(failure)

    def fall_back(self, outlet: Outlet, source: str, why: str) -> Iterator[scrapy.Request]:
        count(self.crawler.stats, f"source/{source}/unavailable", outlet.host)
        following = outlet.discovery[outlet.discovery.index(source) + 1 :]
        logger.warning(
            "%s: %s unavailable (%s); falling back to %s",
            outlet.host,
            source,
            why,
            next(iter(following), "nothing"),
        )
        if following:
            yield from self.source_requests(outlet, following[0])
        else:
            count(self.crawler.stats, "list/fetch_failed", outlet.host)

    # -- the REST API ----------------------------------------------------------------

    def parse_rest(self, response: Response, page: int = 1) -> Iterator[Any]:
        """A page of ``/wp-json/wp/v2/posts``: each post becomes a record without another request."""
        outlet = self.outlet_of(response)
        try:
            posts = json.loads(response.text)
        except ValueError:
            posts = None
        if not isinstance(posts, list):
            # A security plugin's HTML page with status 200 instead of the API.
            if page == 1 and self.discovery is None:
                yield from self.fall_back(outlet, "rest", "not JSON")
            else:
                count(self.crawler.stats, "list/unreadable", outlet.host)
            return
        if not posts and page == 1:
            count(self.crawler.stats, "list/empty", outlet.host)
            return
        stats = self.crawler.stats
        manager = self.run_manager
        links, new = [], 0
        for post in posts:
            if not isinstance(post, dict) or not post.get("link"):
                continue
            post_page = WordPressPostPage(response, post, outlet)
            live = self.live_url(outlet, post_page.url)
            post_page.url = live
            links.append(Link(live, printed_day(post.get("date"))))
            count(stats, "articles/found", outlet.host)
            count(stats, "articles/fetched", outlet.host)
            item = self.item_from(post_page)
            if item is None:
                continue
            article = {"url": live, "url_hash": item.url_hash, "outlet": outlet.host}
            if manager is not None and not manager.claim(article):
                continue
            new += 1
            yield item
        stop = stop_reason(self.paging(outlet), page, links, new, 0)
        total = int(response.headers.get(b"X-WP-TotalPages", b"1") or 1)
        if not stop and page < total:
            yield self.rest_request(outlet, page + 1)

    # -- lists -----------------------------------------------------------------------

    def list_url(self, outlet: Outlet, section: str) -> str:
        # A bare slug is a category; a path (kanal/…, tag/…) is taken as it is.
        path = section if "/" in section else f"category/{section}"
        return f"{outlet.origin}/{path}/"

    def list_links(self, response: Response, outlet: Outlet, section: str) -> list[Link]:
        links = []
        for entry in response.css(_ENTRY):
            href = entry.css(_ENTRY_LINK).get()
            if not href:
                continue
            stamp = entry.css("time::attr(datetime)").get() or entry.css("time::text").get()
            links.append(Link(response.urljoin(href), printed_day(stamp)))
        return links

    def next_list_page(self, response: Response, outlet: Outlet, section: str, page: int) -> str | None:
        return response.css(_NEXT_PAGE).get()

    def is_article_url(self, outlet: Outlet, url: str) -> bool:
        path = urlsplit(url).path.strip("/")
        first = path.split("/", 1)[0]
        return bool(path) and first not in {"category", "tag", "author", "page", "kanal", "feed"}
