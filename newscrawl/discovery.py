"""Where article links come from, shared by every network: list paging, feeds, sitemaps.

A network says how to read its list pages (``NetworkSpider.list_links`` and
``next_list_page``); everything else is here, once: the rules that stop a list,
RSS 2.0 and Atom feeds, sitemaps and sitemap indexes (gzipped or not, with or
without dates).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
from dataclasses import dataclass

from lxml import etree
from scrapy.http import Response
from scrapy.utils._compression import _DecompressionMaxSizeExceeded
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from newscrawl.normalize.dates import parse_date

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Link:
    """An article link as a discovery page shows it: its URL and, when printed, its day."""

    url: str
    day: dt.date | None = None


def as_day(value: dt.date | None) -> dt.date | None:
    """The calendar day of a parsed date or moment (windows compare days only).

    >>> as_day(dt.datetime(2026, 6, 5, 23, 16))
    datetime.date(2026, 6, 5)
    """
    return value.date() if isinstance(value, dt.datetime) else value


def printed_day(text: str | None) -> dt.date | None:
    return as_day(parse_date(text)) if text else None


@dataclass(frozen=True)
class Paging:
    """What decides whether a list goes on to its next page."""

    limit: int  # max_pages (or the backfill limit)
    since: dt.date | None  # stop once the list is older than this (since, or a catch-up boundary)
    exhaustive: bool  # a backfill or catch-up: page through stored articles instead of stopping at them
    in_date_order: bool = True  # False for block pages (a home page) that are not newest-first


def stop_reason(paging: Paging, page: int, links: list[Link], new: int, old: int) -> str | None:
    """Why a list stops after ``page`` (None: go on). ``new`` links were worth fetching,
    ``old`` were outside the window.

    >>> p = Paging(limit=5, since=None, exhaustive=False)
    >>> stop_reason(p, 1, [Link("a")], new=0, old=0)
    'every article on the page is already stored'
    >>> stop_reason(p, 5, [Link("a")], new=1, old=0)
    'max_pages=5'
    """
    if not links:
        return "the list is empty"
    if page >= paging.limit:
        return f"max_pages={paging.limit}"
    if not paging.in_date_order:
        return "not a dated list"
    days = [link.day for link in links if link.day is not None]
    # Lists run newest first; a pinned old entry at the top must not stop them.
    if paging.since and days and days[-1] < paging.since:
        return f"articles older than {paging.since}"
    if not new and not paging.exhaustive and old < len(links):
        return "every article on the page is already stored"
    return None


def feed_links(response: Response) -> list[Link]:
    """Items of an RSS 2.0 or Atom feed, with their publication day."""
    links = []
    for item in response.xpath("//*[local-name()='item' or local-name()='entry']"):
        url = (
            item.xpath("./*[local-name()='link']/text()").get()
            or item.xpath("./*[local-name()='link'][not(@rel) or @rel='alternate']/@href").get()
            or ""
        ).strip()
        if not url:
            continue
        stamp = item.xpath(
            "./*[local-name()='pubDate' or local-name()='published' or local-name()='updated']/text()"
        ).get()
        links.append(Link(response.urljoin(url), feed_day(stamp, response.url)))
    return links


def feed_day(stamp: str | None, where: str) -> dt.date | None:
    if not stamp:
        return None
    try:
        return email.utils.parsedate_to_datetime(stamp).date()  # RFC 822, as RSS prints it
    except (TypeError, ValueError):
        day = printed_day(stamp)  # ISO 8601, as Atom prints it
        if day is None:
            logger.warning("Unparseable feed date %r in %s", stamp, where)
        return day


class UnreadableSitemap(ValueError):
    """The body is not a sitemap (or not one we can open)."""


@dataclass(frozen=True)
class SitemapDocument:
    is_index: bool
    entries: list[dict[str, str]]  # loc, and lastmod when printed


def read_sitemap(body: bytes, max_size: int) -> SitemapDocument:
    """A sitemap or sitemap index, gzipped or not, whatever its Content-Type."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=max_size)
        except (OSError, EOFError, _DecompressionMaxSizeExceeded) as exc:
            raise UnreadableSitemap(f"gzip: {exc or type(exc).__name__}") from None
    try:
        sitemap = Sitemap(body)
        entries = [dict(e) for e in sitemap]
    except (StopIteration, etree.LxmlError, ValueError) as exc:
        raise UnreadableSitemap(f"not a sitemap: {exc or type(exc).__name__}") from None
    return SitemapDocument(sitemap.type == "sitemapindex", entries)
