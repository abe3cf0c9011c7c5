"""Manners towards the sites we crawl: robots.txt read strictly, Crawl-delay and Retry-After kept.

* ``StrictRobotsTxtMiddleware``: a robots.txt that answers 5xx or cannot be
  fetched at all (timeout, refused) means "disallow everything" until it can be
  read (RFC 9309, 2.3.1.4); the host is skipped for this run and counted. A 4xx
  robots.txt means no rules, as the RFC says.
* ``PolitenessMiddleware``: requests to one host start at least ``Crawl-delay``
  seconds apart, and a 429/503 with ``Retry-After`` holds back every request to
  that host for that long (at most ``NEWSCRAWL_RETRY_AFTER_MAX`` seconds).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import time
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider, signals
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import task

from newscrawl.config import ConfigError, NewscrawlConfig

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class _DisallowAll:
    """Stands in for a robots.txt that could not be read."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def allowed(self, url: str, user_agent: Any) -> bool:
        return False

    def crawl_delay(self, user_agent: Any) -> None:
        return None


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    def process_request_2(self, rp: Any, request: Request) -> None:
        if isinstance(rp, _DisallowAll):
            self._stats.inc_value("newscrawl/robotstxt/skipped_requests")
            raise IgnoreRequest(f"robots.txt unavailable ({rp.reason}): host skipped this run")
        super().process_request_2(rp, request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._disallow(netloc, f"HTTP {response.status}")
            return
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if isinstance(exc, IgnoreRequest):
            super()._robots_error(exc, netloc)  # our own guard refused it: nothing was asked
            return
        self._stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        self._disallow(netloc, type(exc).__name__)

    def _disallow(self, netloc: str, reason: str) -> None:
        self._stats.inc_value("newscrawl/robotstxt/unavailable")
        logger.warning("robots.txt of %s could not be read (%s): skipping the host this run", netloc, reason)
        waiting = self._parsers[netloc]
        self._parsers[netloc] = parser = _DisallowAll(reason)
        waiting.callback(parser)


def retry_after_seconds(value: bytes | str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for: delay-seconds or an HTTP date.

    >>> retry_after_seconds(b"7")
    7.0
    >>> retry_after_seconds("Wed, 21 Oct 2026 07:28:05 GMT", dt.datetime(2026, 10, 21, 7, 28, tzinfo=dt.UTC))
    5.0
    >>> retry_after_seconds("soon") is None
    True
    """
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


class PolitenessMiddleware:
    """Spaces requests per host by Crawl-delay and Retry-After."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        try:
            self.retry_after_max = NewscrawlConfig.from_settings(crawler.settings).retry_after_max
        except ConfigError:
            self.retry_after_max = NewscrawlConfig().retry_after_max
        self.user_agent = crawler.settings.get("ROBOTSTXT_USER_AGENT") or crawler.settings.get("USER_AGENT")
        self.crawl_delay: dict[str, float] = {}
        self.next_start: dict[str, float] = {}
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PolitenessMiddleware:
        return cls(crawler)

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if delay:
            netloc = urlparse_cached(request).netloc
            self.crawl_delay[netloc] = float(delay)
            self.crawler.stats.set_value(f"newscrawl/politeness/crawl_delay/{netloc}", float(delay))
            logger.info("robots.txt of %s asks for Crawl-delay: %s s", netloc, delay)

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        netloc = urlparse_cached(request).netloc
        now = time.monotonic()
        start = max(now, self.next_start.get(netloc, now))
        # Reserve this start time before waiting, so concurrent requests queue behind it.
        self.next_start[netloc] = start + self.crawl_delay.get(netloc, 0.0)
        if start > now:
            from twisted.internet import reactor

            await maybe_deferred_to_future(task.deferLater(reactor, start - now))

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        if response.status in (429, 503):
            wait = retry_after_seconds(response.headers.get(b"Retry-After"))
            if wait:
                wait = min(wait, self.retry_after_max)
                netloc = urlparse_cached(request).netloc
                self.next_start[netloc] = max(self.next_start.get(netloc, 0.0), time.monotonic() + wait)
                self.crawler.stats.inc_value("newscrawl/politeness/retry_after")
                logger.info("%s answered %d with Retry-After: waiting %.1f s", netloc, response.status, wait)
        return response
