"""What every network spider shares: outlets, checked arguments, discovery, article requests.

A network spider (one module per publishing network) names its outlet table and
says how its list pages read (``list_links``, ``next_list_page``) and, when it
must, how an article link becomes a request (``article_request``). Paging rules,
feeds, sitemaps, the seen filter, identity, failure bookkeeping and per-outlet
stats come from here.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy.crawler import Crawler
from scrapy.http import Response

from newscrawl.browser import BROWSER_SETTINGS, PLAYWRIGHT_HANDLER
from newscrawl.config import ConfigError, NewscrawlConfig, check_origin
from newscrawl.discovery import (
    Link,
    Paging,
    UnreadableSitemap,
    feed_links,
    printed_day,
    read_sitemap,
    stop_reason,
)
from newscrawl.items import ArticleItem
from newscrawl.mirror import Mirror
from newscrawl.netguard import DEFAULT_PORTS
from newscrawl.networks import forbidden
from newscrawl.outlets import DISCOVERY_SOURCES, Outlet
from newscrawl.pages import LAYOUTS
from newscrawl.pages.base import ArticlePage
from newscrawl.run import ARTICLE_META, OUTLET_META, RENDER_AGAIN_META, RunManager, count
from newscrawl.urls import canonicalize, strip_tracking, url_hash

logger = logging.getLogger(__name__)

_SECTION = re.compile(r"^(?:home|[a-z0-9][a-z0-9-]{0,79}(?:/[a-z0-9][a-z0-9-]{0,79}){0,2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Request meta key of a discovery source's first request: its failure may fall back to the next source.
SOURCE_META = "newscrawl_source"


def _day(name: str, value: str) -> dt.date:
    if not _DAY.match(value):
        raise ValueError(f"{name} must be YYYY-MM-DD, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name} is not a real day: {value!r}") from None


class NetworkSpider(scrapy.Spider):
    """Base class of the network spiders.

    Arguments (``-a name=value``), all checked before any request: ``outlets``
    (comma-separated hosts of the network's table; default all), ``sections``
    (list slugs, ``home`` for the front page; default each outlet's own),
    ``max_pages``, ``since``/``until`` (YYYY-MM-DD), ``discovery`` (list, feed or
    sitemap; default each outlet's first) and ``base_url`` (a local copy's origin,
    with one outlet).
    """

    outlet_table: ClassVar[tuple[Outlet, ...]] = ()
    default_max_pages: ClassVar[int] = 5
    backfill_max_pages: ClassVar[int] = 500
    known_arguments: ClassVar[tuple[str, ...]] = (
        "outlets",
        "sections",
        "max_pages",
        "since",
        "until",
        "discovery",
        "base_url",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        arguments = {k: v for k, v in kwargs.items() if k not in ("_job",)}
        super().__init__(*args)
        self.arguments = dict(arguments)
        self.argument_errors: list[str] = []
        unknown = sorted(set(arguments) - set(self.known_arguments))
        if unknown:
            self.argument_errors.append(
                f"unknown argument(s) {', '.join(unknown)} (known: {', '.join(self.known_arguments)})"
            )
        self.outlets: tuple[Outlet, ...] = self._check("outlets", arguments, self._outlets, self.outlet_table)
        self.sections: tuple[str, ...] | None = self._check("sections", arguments, self._sections, None)
        self.since: dt.date | None = self._check("since", arguments, lambda v: _day("since", v), None)
        self.until: dt.date | None = self._check("until", arguments, lambda v: _day("until", v), None)
        if self.since and self.until and self.since > self.until:
            self.argument_errors.append(f"since ({self.since}) is after until ({self.until})")
        default_pages = self.backfill_max_pages if self.backfill else self.default_max_pages
        self.max_pages: int = self._check("max_pages", arguments, self._max_pages, default_pages)
        self.discovery: str | None = self._check("discovery", arguments, self._discovery, None)
        self.base_url: str | None = self._check("base_url", arguments, self._base_url, None)
        if self.base_url and len(self.outlets) != 1:
            self.argument_errors.append("base_url serves one outlet: pick it with -a outlets=HOST")
        for outlet in self.outlets:
            why = forbidden(outlet.host)
            if why:
                self.argument_errors.append(
                    f"{outlet.host} is not crawled: {why} (README, 'Sites we do not crawl')"
                )
        unsupported = [o.host for o in self.outlets if self.discovery and self.discovery not in o.discovery]
        if unsupported:
            self.argument_errors.append(
                f"discovery={self.discovery} is not offered by {', '.join(unsupported)}"
            )
        self.mirrors: dict[str, Mirror] = {}
        self.allowed_domains = [o.host for o in self.outlets]

    # True: a browser is at hand for pages that come back as client-side shells (see render_shell).
    renders_shells: ClassVar[bool] = False

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        super().update_settings(settings)
        # The Playwright handler is registered only where it is used.
        if cls.renders_shells or any(outlet.render for outlet in cls.outlet_table):
            settings.setdict(BROWSER_SETTINGS, priority="spider")

    @property
    def can_render(self) -> bool:
        """Whether this crawl has a browser, and may use it (``NEWSCRAWL_RENDER``, on by default)."""
        handlers = self.crawler.settings.getdict("DOWNLOAD_HANDLERS")
        return handlers.get("https") == PLAYWRIGHT_HANDLER and self.crawler.settings.getbool(
            "NEWSCRAWL_RENDER", True
        )

    def render(self, request: scrapy.Request, outlet: Outlet) -> scrapy.Request:
        """Mark a request for the browser when its outlet is built by JavaScript."""
        if outlet.render and self.can_render:
            request.meta["playwright"] = True
        return request

    def render_shell(self, response: Response, outlet: Outlet) -> scrapy.Request | None:
        """A page that came back as a client-side shell, once more through the browser (or None)."""
        text = " ".join(response.xpath("//body//text()[not(ancestor::script)]").getall()).strip()
        if len(text) > 200 or not response.css("script") or response.meta.get("playwright"):
            return None
        if not self.can_render:
            count(self.crawler.stats, "rendered/unavailable", outlet.host)
            logger.warning("%s looks built by JavaScript, and this crawl renders nothing", response.url)
            return None
        count(self.crawler.stats, "rendered/retried", outlet.host)
        logger.info("%s looks built by JavaScript: fetching it once more through the browser", response.url)
        meta = {**response.meta, "playwright": True, RENDER_AGAIN_META: True}
        return response.request.replace(meta=meta, dont_filter=True)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NetworkSpider:
        mirror = crawler.settings.get("NEWSCRAWL_BASE_URL")
        if mirror and "base_url" not in kwargs:
            kwargs["base_url"] = mirror
        spider = super().from_crawler(crawler, *args, **kwargs)
        try:
            local = NewscrawlConfig.from_settings(crawler.settings).mirrors
        except ConfigError:
            local = {}  # the run manager reports the bad setting and stops the run
        for outlet in spider.outlets:
            origin = spider.base_url or local.get(outlet.host)
            spider.mirrors[outlet.host] = Mirror(outlet.host, outlet.origin, origin)
            if origin:
                spider.allowed_domains.append(urlsplit(origin).hostname or outlet.host)
        return spider

    # -- arguments -----------------------------------------------------------------

    def _check(self, name: str, arguments: dict[str, Any], parse: Any, default: Any) -> Any:
        if name not in arguments:
            return default
        try:
            return parse(str(arguments[name]).strip())
        except ValueError as exc:
            self.argument_errors.append(str(exc))
            return default

    def _outlets(self, value: str) -> tuple[Outlet, ...]:
        by_host = {o.host: o for o in self.outlet_table}
        wanted = [h.strip().lower().removeprefix("www.") for h in value.split(",") if h.strip()]
        unknown = [h for h in wanted if h not in by_host]
        if not wanted or unknown:
            raise ValueError(
                f"outlets must be hosts of the {self.name} table ({', '.join(by_host)}), got {value!r}"
            )
        return tuple(by_host[h] for h in dict.fromkeys(wanted))

    @staticmethod
    def _sections(value: str) -> tuple[str, ...]:
        sections = tuple(s.strip() for s in value.split(",") if s.strip())
        bad = [s for s in sections if not _SECTION.match(s)]
        if not sections or bad:
            raise ValueError(
                f"sections must be comma-separated slugs like home,nasional or parent/child, got {value!r}"
            )
        return sections

    @staticmethod
    def _max_pages(value: str) -> int:
        if not value.isdigit() or not 1 <= int(value) <= 1000:
            raise ValueError(f"max_pages must be a whole number from 1 to 1000, got {value!r}")
        return int(value)

    @staticmethod
    def _discovery(value: str) -> str:
        if value not in DISCOVERY_SOURCES:
            raise ValueError(f"discovery must be one of {', '.join(DISCOVERY_SOURCES)}, got {value!r}")
        return value

    @staticmethod
    def _base_url(value: str) -> str:
        try:
            return check_origin(value)
        except ValueError as exc:
            raise ValueError(f"base_url {exc}") from None

    @property
    def backfill(self) -> bool:
        """``until`` asks for history: page through stored articles instead of stopping."""
        return self.until is not None

    # -- where requests may go ------------------------------------------------------

    def allows_origin(self, scheme: str, host: str, port: int) -> bool:
        """An outlet's host (any subdomain) on its scheme's port, or a local copy's exact origin."""
        for mirror in self.mirrors.values():
            if mirror.local:
                local = urlsplit(mirror.local)
                if (scheme, host, port) == (
                    local.scheme,
                    local.hostname,
                    local.port or DEFAULT_PORTS[local.scheme],
                ):
                    return True
            elif mirror.on_live_site(f"{scheme}://{host}/"):
                live = urlsplit(mirror.live)
                if port in (DEFAULT_PORTS.get(scheme), live.port or DEFAULT_PORTS[live.scheme]):
                    return True
        return False

    def outlet_of(self, response_or_request: Any) -> Outlet:
        host = response_or_request.meta[OUTLET_META]
        return next(o for o in self.outlets if o.host == host)

    def fetch_url(self, outlet: Outlet, url: str) -> str:
        """The URL to request for a live URL of ``outlet`` (its local copy's, when crawling one)."""
        return self.mirrors[outlet.host].to_local(url)

    def live_url(self, outlet: Outlet, url: str) -> str:
        return self.mirrors[outlet.host].to_live(url)

    # -- state -----------------------------------------------------------------------

    @property
    def run_manager(self) -> RunManager | None:
        return self.crawler.get_extension(RunManager)

    @property
    def config(self) -> NewscrawlConfig:
        manager = self.run_manager
        return manager.config if manager is not None else NewscrawlConfig()

    def paging(self, outlet: Outlet, in_date_order: bool = True) -> Paging:
        manager = self.run_manager
        catch_up = manager is not None and manager.catch_up
        explicit_pages = "max_pages" in self.arguments
        limit = self.max_pages if explicit_pages or not catch_up else self.backfill_max_pages
        return Paging(
            limit=limit,
            since=self.since or (manager.catch_up_since if catch_up and manager else None),
            exhaustive=self.backfill or catch_up,
            in_date_order=in_date_order,
        )

    def in_window(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return not (self.since and day < self.since) and not (self.until and day > self.until)

    # -- starting -----------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        for outlet in self.outlets:
            for request in self.start_points(outlet):
                yield request
        # Articles that failed in earlier runs come back whatever the lists show now.
        manager = self.run_manager
        pending = manager.pending_failures() if manager is not None else []
        by_host = {o.host: o for o in self.outlets}
        pending = [entry for entry in pending if entry.outlet in by_host]
        if pending:
            logger.info("Fetching %d article(s) that failed in earlier runs", len(pending))
        for entry in pending:
            count(self.crawler.stats, "articles/retried", entry.outlet)
            yield self.article_request(by_host[entry.outlet], entry.url)

    def start_points(self, outlet: Outlet) -> Iterator[scrapy.Request]:
        yield from self.source_requests(outlet, self.discovery or outlet.discovery[0])

    def source_requests(self, outlet: Outlet, source: str) -> Iterator[scrapy.Request]:
        """The first requests of one discovery source; counted, so stats say which source each outlet used."""
        count(self.crawler.stats, f"source/{source}", outlet.host)
        meta = {SOURCE_META: source}
        if source == "feed" and outlet.feed_path:
            yield self.discovery_request(outlet, outlet.origin + outlet.feed_path, self.parse_feed, meta=meta)
        elif source == "sitemap" and outlet.sitemap_path:
            yield self.discovery_request(
                outlet, outlet.origin + outlet.sitemap_path, self.parse_sitemap, meta=meta
            )
        else:
            for section in self.sections or outlet.sections:
                yield self.discovery_request(
                    outlet,
                    self.list_url(outlet, section),
                    self.parse_list,
                    cb_kwargs={"section": section, "page": 1},
                    meta=meta,
                )

    def discovery_request(
        self, outlet: Outlet, live: str, callback: Any, meta: dict[str, Any] | None = None, **kwargs: Any
    ) -> scrapy.Request:
        request = scrapy.Request(
            self.fetch_url(outlet, live),
            callback=callback,
            errback=self.discovery_failed,
            meta={OUTLET_META: outlet.host, **(meta or {})},
            **kwargs,
        )
        return self.render(request, outlet)

    # -- what a network says -------------------------------------------------------------

    def list_url(self, outlet: Outlet, section: str) -> str:
        """The live URL of a section's first list page."""
        return outlet.origin + ("/" if section == "home" else f"/{section}")

    def list_links(self, response: Response, outlet: Outlet, section: str) -> list[Link]:
        raise NotImplementedError

    def next_list_page(self, response: Response, outlet: Outlet, section: str, page: int) -> str | None:
        """The live URL of the next list page, or None at the end."""
        raise NotImplementedError

    def list_in_date_order(self, section: str) -> bool:
        return True

    def article_request(self, outlet: Outlet, live: str) -> scrapy.Request:
        """The request for an article: its live URL travels with it as the article's identity.

        A network overrides this to fetch a JSON endpoint, a ``?page=all`` view or a
        rendered page instead; ``parse_article`` still sees the article's own URL.
        """
        live = strip_tracking(live)
        request = scrapy.Request(
            self.fetch_url(outlet, live),
            callback=self.parse_article,
            errback=self.article_failed,
            meta={
                OUTLET_META: outlet.host,
                ARTICLE_META: {"url": live, "url_hash": url_hash(canonicalize(live)), "outlet": outlet.host},
            },
        )
        return self.render(request, outlet)

    # -- discovery -----------------------------------------------------------------------

    def parse_list(self, response: Response, section: str = "home", page: int = 1) -> Iterator[Any]:
        """A list page: its article links, then maybe the next page."""
        outlet = self.outlet_of(response)
        links = [
            Link(self.live_url(outlet, link.url), link.day)
            for link in self.list_links(response, outlet, section)
        ]
        if not links:
            again = self.render_shell(response, outlet)
            if again is not None:
                yield again
                return
        requests, new, old = self.discovered(response, outlet, links, first_page=page == 1)
        yield from requests
        stop = stop_reason(self.paging(outlet, self.list_in_date_order(section)), page, links, new, old)
        if stop and page >= self.paging(outlet).limit and new:
            count(self.crawler.stats, "list/truncated", outlet.host)
            logger.warning(
                "List %s of %s cut off at max_pages=%d with new articles on its last page; if no other "
                "section lists the older ones, raise max_pages or run a backfill",
                section,
                outlet.host,
                page,
            )
        if stop:
            logger.info("%s %s: stop after page %d (%s)", outlet.host, section, page, stop)
            return
        next_page = self.next_list_page(response, outlet, section, page)
        if next_page:
            yield self.discovery_request(
                outlet,
                self.live_url(outlet, response.urljoin(next_page)),
                self.parse_list,
                cb_kwargs={"section": section, "page": page + 1},
            )

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """An RSS or Atom feed of the newest articles."""
        outlet = self.outlet_of(response)
        links = [Link(self.live_url(outlet, link.url), link.day) for link in feed_links(response)]
        requests, new, _ = self.discovered(response, outlet, links)
        if links and new == len(links):
            logger.warning(
                "Every item of %s is new: articles older than the feed may be missed; "
                "run with -a discovery=list to catch up",
                response.url,
            )
        yield from requests

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        """A sitemap or sitemap index: every article, for backfills."""
        outlet = self.outlet_of(response)
        try:
            document = read_sitemap(response.body, self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        except UnreadableSitemap as exc:
            count(self.crawler.stats, "list/unreadable", outlet.host)
            logger.warning("Cannot read %s (%s)", response.url, exc)
            document = None
        if document is not None and document.is_index:
            for entry in document.entries:
                loc = entry.get("loc", "").strip()
                if loc:
                    live = self.live_url(outlet, response.urljoin(loc))
                    yield self.discovery_request(outlet, live, self.parse_sitemap)
            return
        links = []
        for entry in document.entries if document else []:
            live = self.live_url(outlet, response.urljoin(entry.get("loc", "").strip()))
            if not self.is_article_url(outlet, live):
                continue
            # A lastmod that is not the article's date must not decide the window: the page's date will.
            day = printed_day(entry.get("lastmod")) if outlet.sitemap_has_dates else None
            links.append(Link(live, day))
        requests, _, _ = self.discovered(response, outlet, links)
        yield from requests

    def is_article_url(self, outlet: Outlet, url: str) -> bool:
        """Whether a sitemap URL can be an article (networks exclude their own page kinds)."""
        return bool(urlsplit(url).path.strip("/"))

    def discovered(
        self, response: Response, outlet: Outlet, links: list[Link], first_page: bool = True
    ) -> tuple[list[scrapy.Request], int, int]:
        """Requests for a discovery page's in-window links not already done; how many were new
        and how many were outside the window. An empty first page is logged and counted."""
        stats = self.crawler.stats
        if not links:
            if first_page:
                count(stats, "list/empty", outlet.host)
                logger.warning("No article links on %s: layout change?", response.url)
            return [], 0, 0
        mirror = self.mirrors[outlet.host]
        offsite = [link for link in links if not mirror.on_live_site(link.url)]
        if offsite:
            # Imported posts in feeds point elsewhere: not this outlet's articles.
            count(stats, "articles/offsite_links", outlet.host, len(offsite))
            logger.info("%d link(s) of %s lead off %s, not followed", len(offsite), response.url, outlet.host)
            links = [link for link in links if link not in offsite]
        count(stats, "articles/found", outlet.host, len(links))
        in_window = [link for link in links if self.in_window(link.day)]
        manager = self.run_manager
        hashes = [url_hash(canonicalize(link.url)) for link in in_window]
        done = manager.done(hashes) if manager is not None else set()
        new = [link for link, h in zip(in_window, hashes, strict=True) if h not in done]
        # Done links are requested too: the seen filter drops and counts them in one place.
        requests = [self.article_request(outlet, link.url) for link in in_window]
        return requests, len(new), len(links) - len(in_window)

    def discovery_failed(self, failure: Any) -> None:
        """A list page, feed or sitemap that could not be fetched (404, timeout…)."""
        host = failure.request.meta.get(OUTLET_META)
        count(self.crawler.stats, "list/fetch_failed", host)
        logger.warning("Discovery page not fetched: %s (%s)", failure.request.url, failure.getErrorMessage())

    # -- articles ------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[ArticleItem]:
        """An article page, read by its outlet's page object."""
        outlet = self.outlet_of(response)
        article = response.meta[ARTICLE_META]
        page = LAYOUTS[outlet.layout](response, article["url"], outlet)
        if page.declares_non_article():
            count(self.crawler.stats, "articles/not_article", outlet.host)
            logger.info("%s says it is no article (og:type): skipped", response.url)
            return
        item = self.item_from(page)
        if item is not None and item.body is None:
            again = self.render_shell(response, outlet)
            if again is not None:
                yield again
                return
        if item is not None:
            yield item

    def item_from(self, page: ArticlePage) -> ArticleItem | None:
        """The page's item, its provenance and problems counted; None when outside the window."""
        outlet = page.outlet
        item = page.to_item()
        item.spider = self.name
        stats = self.crawler.stats
        for field, layer in page.provenance.items():
            count(stats, f"fields/{field}/{layer}", outlet.host)
        for problem in page.problems:
            count(stats, problem, outlet.host)
        if item.published_at is None:
            count(stats, "fields/published_at/missing", outlet.host)
            logger.warning("No publication date on %s: published_at is null", page.url)
        elif (self.since or self.until) and not self.in_window(dt.date.fromisoformat(item.published_at[:10])):
            # Links without a printed day (a sitemap without dates) are judged by the page's own date.
            count(stats, "articles/outside_window", outlet.host)
            return None
        return item

    def article_failed(self, failure: Any) -> None:
        manager = self.run_manager
        if manager is not None:
            manager.article_failed(failure.request, failure.value)
        else:
            logger.warning("Article not fetched: %s (%s)", failure.request.url, failure.getErrorMessage())
