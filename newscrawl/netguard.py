"""Where requests may go: the crawled site's host and port, and only public addresses.

Two checks, both on by default and weakened only by ``NEWSCRAWL_ALLOWED_ADDRESSES``
(the local copies of tests and ``make demo``):

* ``AddressGuardMiddleware`` (downloader middleware) sees every request, links,
  redirects, feeds and sitemaps alike: the scheme must be http(s), the host and
  port one the spider allows, and the host's address (resolved through the
  resolver below) public.
* ``GuardedResolver`` (``TWISTED_DNS_RESOLVER``) refuses to hand out a
  non-public address at connection time too, so nothing reaches an internal
  address through a name that the first check did not see.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from newscrawl.config import ConfigError, IPNetwork, NewscrawlConfig

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

DEFAULT_PORTS = {"http": 80, "https": 443}


class BlockedAddress(DNSLookupError):
    """A name resolved to an address the crawl must not connect to."""


def is_public(address: str, allowed: Iterable[IPNetwork] = ()) -> bool:
    """False for loopback, link-local, private, multicast, reserved and unspecified
    addresses, unless ``allowed`` lists them.

    >>> is_public("203.0.113.9"), is_public("127.0.0.2"), is_public("169.254.169.254")
    (False, False, False)
    >>> is_public("8.8.8.8"), is_public("::ffff:10.0.0.1")
    (True, False)
    >>> is_public("127.0.0.1", [ipaddress.ip_network("127.0.0.1/32")])
    True
    """
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in network for network in allowed):
        return True
    return ip.is_global and not ip.is_multicast


def is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, with pinned names and no non-public answers."""

    def __init__(self, reactor: Any, cache_size: int, timeout: float, config: NewscrawlConfig) -> None:
        super().__init__(reactor, cache_size, timeout)
        self.config = config

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> GuardedResolver:
        settings = crawler.settings
        try:
            config = NewscrawlConfig.from_settings(settings)
        except ConfigError:
            config = NewscrawlConfig()  # the run manager reports the bad setting and stops the run
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        return cls(reactor, cache_size, settings.getfloat("DNS_TIMEOUT"), config)

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred[str]:
        pinned = self.config.resolve.get(name.lower())
        answer = defer.succeed(pinned) if pinned else super().getHostByName(name, timeout)
        return answer.addCallback(self._refuse_non_public, name)

    def _refuse_non_public(self, address: str, name: str) -> str:
        if not is_public(address, self.config.allowed_addresses):
            raise BlockedAddress(f"{name} resolves to the non-public address {address}")
        return address


class AddressGuardMiddleware:
    """Drop every request that leaves the spider's hosts and ports or reaches a non-public address."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        try:
            self.config = NewscrawlConfig.from_settings(crawler.settings)
        except ConfigError:
            self.config = NewscrawlConfig()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        spider = self.crawler.spider
        parts = urlparse_cached(request)
        scheme = parts.scheme
        host = (parts.hostname or "").lower()
        try:
            port = parts.port or DEFAULT_PORTS.get(scheme)
        except ValueError:
            port = None
        if scheme not in DEFAULT_PORTS or not host or port is None:
            self._block(request, "scheme", f"not an http(s) URL with a valid port: {request.url}")
        allows = getattr(spider, "allows_origin", None)
        if allows is not None and not allows(scheme, host, port):
            self._block(request, "origin", f"{scheme}://{host}:{port} is not a host and port of this crawl")
        if is_ip_literal(host):
            address = host
        else:
            from twisted.internet import reactor

            try:
                address = await maybe_deferred_to_future(reactor.resolve(host))
            except BlockedAddress as exc:
                self._block(request, "address", str(exc))
            except DNSLookupError:
                return  # the download fails with the same error and is retried as usual
        if not is_public(address, self.config.allowed_addresses):
            self._block(request, "address", f"{host} is the non-public address {address}")

    def _block(self, request: Request, rule: str, reason: str) -> None:
        self.crawler.stats.inc_value(f"newscrawl/blocked/{rule}")
        logger.warning("Blocked request %s: %s", request.url, reason)
        raise IgnoreRequest(f"blocked ({rule}): {reason}")
