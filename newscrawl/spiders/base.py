"""What every news spider shares: checked arguments, article identity, seen checks."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import AsyncIterator, Iterable
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from lxml import etree
from scrapy.crawler import Crawler
from scrapy.utils._compression import _DecompressionMaxSizeExceeded
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from newscrawl.netguard import DEFAULT_PORTS
from newscrawl.run import ARTICLE_META, RunManager
from newscrawl.urls import canonicalize, same_site, strip_tracking, url_hash

logger = logging.getLogger(__name__)

DISCOVERY_MODES = ("list", "feed", "sitemap")
_SECTION = re.compile(r"^(?:home|[a-z0-9][a-z0-9-]{0,79}(?:/[a-z0-9][a-z0-9-]{0,79})?)$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_base_url(value: str) -> str:
    """An http(s) origin only: no other scheme, no credentials, no path, a real port."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"base_url must be an http:// or https:// URL, got {value!r}")
    try:
        parts.port  # noqa: B018 - raises ValueError for a port outside 0-65535
    except ValueError:
        raise ValueError(f"base_url has no valid port (1-65535): {value!r}") from None
    if parts.port == 0:
        raise ValueError(f"base_url has no valid port (1-65535): {value!r}")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError(f"base_url must not carry credentials, a query or a fragment: {value!r}")
    if parts.path not in ("", "/"):
        raise ValueError(f"base_url must be an origin without a path, got {value!r}")
    return f"{parts.scheme}://{parts.netloc}"


def _day(name: str, value: str) -> dt.date:
    if not _DAY.match(value):
        raise ValueError(f"{name} must be YYYY-MM-DD, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name} is not a real day: {value!r}") from None


def as_day(value: dt.date | None) -> dt.date | None:
    """The calendar day of a parsed date or moment (paging compares days only).

    >>> as_day(dt.datetime(2026, 6, 5, 23, 16))
    datetime.date(2026, 6, 5)
    """
    return value.date() if isinstance(value, dt.datetime) else value


class NewsSpider(scrapy.Spider):
    """Base class: subclasses set the site facts and write the callbacks.

    Arguments (``-a name=value``), all checked before any request:
    ``sections`` (comma-separated list slugs, ``home`` for the front page),
    ``max_pages`` (list pages per section), ``since``/``until`` (YYYY-MM-DD),
    ``discovery`` (list, feed or sitemap) and ``base_url`` (a mirror's origin).
    """

    site: ClassVar[str]  # the site's host, e.g. nusadaily.com
    site_url: ClassVar[str]  # the live origin, e.g. https://www.nusadaily.com
    default_sections: ClassVar[tuple[str, ...]] = ("home",)
    default_max_pages: ClassVar[int] = 5
    backfill_max_pages: ClassVar[int] = 500
    known_arguments: ClassVar[tuple[str, ...]] = (
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
        self.sections = self._check("sections", arguments, self._sections, self.default_sections)
        self.since: dt.date | None = self._check("since", arguments, lambda v: _day("since", v), None)
        self.until: dt.date | None = self._check("until", arguments, lambda v: _day("until", v), None)
        if self.since and self.until and self.since > self.until:
            self.argument_errors.append(f"since ({self.since}) is after until ({self.until})")
        default_pages = self.backfill_max_pages if self.backfill else self.default_max_pages
        self.max_pages: int = self._check("max_pages", arguments, self._max_pages, default_pages)
        self.discovery: str = self._check("discovery", arguments, self._discovery, "list")
        self.base_url: str = self._check("base_url", arguments, check_base_url, self.site_url)
        # Requests may go to the site and, when one is given, to its mirror only.
        self.allowed_domains = [self.site, urlsplit(self.base_url).hostname or self.site]

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        mirror = crawler.settings.get("NEWSCRAWL_BASE_URL")
        if mirror and "base_url" not in kwargs:
            kwargs["base_url"] = mirror
        return super().from_crawler(crawler, *args, **kwargs)

    def _check(self, name: str, arguments: dict[str, Any], parse: Any, default: Any) -> Any:
        if name not in arguments:
            return default
        try:
            return parse(str(arguments[name]).strip())
        except ValueError as exc:
            self.argument_errors.append(str(exc))
            return default

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
        if value not in DISCOVERY_MODES:
            raise ValueError(f"discovery must be one of {', '.join(DISCOVERY_MODES)}, got {value!r}")
        return value

    @property
    def backfill(self) -> bool:
        """``until`` asks for history: page through seen articles instead of stopping."""
        return self.until is not None

    # -- identity and state ------------------------------------------------------

    def allows_origin(self, scheme: str, host: str, port: int) -> bool:
        """Requests go to the site (any subdomain) on its scheme's port, or to the mirror's exact origin."""
        mirror = urlsplit(self.base_url)
        if self.base_url != self.site_url and (scheme, host, port) == (
            mirror.scheme,
            mirror.hostname,
            mirror.port or DEFAULT_PORTS[mirror.scheme],
        ):
            return True
        on_site = host == self.site or host.endswith("." + self.site)
        return on_site and port == DEFAULT_PORTS.get(scheme)

    def site_link(self, url: str) -> str:
        """The live site's URL for a URL fetched from a mirror."""
        if self.base_url != self.site_url and url.startswith(self.base_url):
            return self.site_url + url[len(self.base_url) :]
        return url

    def mirror_link(self, url: str) -> str:
        """The mirror's URL for a live-site URL printed in a feed or sitemap."""
        if self.base_url != self.site_url and url.startswith(self.site_url):
            return self.base_url + url[len(self.site_url) :]
        return url

    def canonical_url(self, url: str, rel_canonical: str | None = None) -> str:
        """The page's own rel=canonical wins when it points into the same site."""
        if rel_canonical:
            rel_canonical = self.site_link(rel_canonical)
            if same_site(rel_canonical, self.site_url):
                return canonicalize(rel_canonical)
        return canonicalize(self.site_link(url))

    def catch_up(self) -> tuple[bool, dt.date | None]:
        """Whether this run must fill a gap left by an incomplete run, and back to when."""
        manager = self.crawler.get_extension(RunManager)
        if manager is None:
            return False, None
        return manager.catch_up, manager.catch_up_since

    def is_done(self, url: str) -> bool:
        """True when an earlier run published the article at ``url``, or gave up on it."""
        manager = self.crawler.get_extension(RunManager)
        return manager is not None and manager.is_done(url_hash(self.canonical_url(url)))

    def in_window(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return not (self.since and day < self.since) and not (self.until and day > self.until)

    def article_requests(
        self, links: Iterable[tuple[str, dt.date | None]], callback: Any
    ) -> tuple[list[scrapy.Request], int, int]:
        """Requests for the links worth fetching; also how many were seen or too old."""
        stats = self.crawler.stats
        requests, seen, old = [], 0, 0
        for link, day in links:
            stats.inc_value("newscrawl/articles/found")
            if not self.in_window(day):
                old += 1
                continue
            if self.is_done(link):
                seen += 1
                stats.inc_value("newscrawl/articles/skipped_seen")
                continue
            requests.append(self.article_request(link, callback))
        return requests, seen, old

    def article_request(self, link: str, callback: Any) -> scrapy.Request:
        """The request for an article link; its identity travels with it for the failure ledger."""
        live = self.site_link(strip_tracking(link))
        return scrapy.Request(
            self.mirror_link(live),
            callback=callback,
            errback=self.article_failed,
            meta={ARTICLE_META: {"url": live, "url_hash": url_hash(self.canonical_url(live))}},
        )

    def discovered(
        self, response: Any, links: list[tuple[str, dt.date | None]], callback: Any
    ) -> tuple[list[scrapy.Request], int] | None:
        """Requests for a discovery page's links; None, logged and counted, when it has none."""
        if not links:
            self.crawler.stats.inc_value("newscrawl/list/empty")
            logger.warning("No article links on %s: layout change?", response.url)
            return None
        requests, _, old = self.article_requests(links, callback)
        return requests, old

    def sitemap_entries(self, response: Any) -> list[dict[str, Any]]:
        """The entries of a sitemap, gzipped or not, whatever its Content-Type; [] (logged,
        counted) when the body is no sitemap."""
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gunzip(body, max_size=self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
            except (OSError, EOFError, _DecompressionMaxSizeExceeded) as exc:
                return self._unreadable(response, f"gzip: {exc or type(exc).__name__}")
        try:
            return list(Sitemap(body))
        except (StopIteration, etree.LxmlError, ValueError) as exc:
            return self._unreadable(response, f"not a sitemap: {exc or type(exc).__name__}")

    def _unreadable(self, response: Any, reason: str) -> list[dict[str, Any]]:
        self.crawler.stats.inc_value("newscrawl/list/unreadable")
        logger.warning("Cannot read %s (%s)", response.url, reason)
        return []

    def discovery_failed(self, failure: Any) -> None:
        """A list page, feed or sitemap that could not be fetched (404, timeout…)."""
        self.crawler.stats.inc_value("newscrawl/list/fetch_failed")
        logger.warning("Discovery page not fetched: %s (%s)", failure.request.url, failure.getErrorMessage())

    def article_failed(self, failure: Any) -> None:
        manager = self.crawler.get_extension(RunManager)
        if manager is not None:
            manager.article_failed(failure.request, failure.value)
        else:
            logger.warning("Article not fetched: %s (%s)", failure.request.url, failure.getErrorMessage())

    async def start(self) -> AsyncIterator[Any]:
        for request in self.start_points():
            yield request
        # Articles that failed in earlier runs come back whatever the lists show now.
        manager = self.crawler.get_extension(RunManager)
        pending = manager.pending_failures() if manager is not None else []
        if pending:
            logger.info("Fetching %d article(s) that failed in earlier runs", len(pending))
        for entry in pending:
            self.crawler.stats.inc_value("newscrawl/articles/retried")
            yield self.article_request(entry.url, self.parse_article)

    def start_points(self) -> Iterable[scrapy.Request]:
        raise NotImplementedError

    def parse_article(self, response: Any) -> Iterable[Any]:
        raise NotImplementedError
