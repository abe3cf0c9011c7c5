"""A browser only where a page needs one: scrapy-playwright with Debian's Chromium.

A network spider whose table has an outlet marked ``render`` registers the
Playwright download handler (and only such a spider does); requests marked
``playwright`` go through the browser, every other request through Scrapy's own
handler. The handler keeps the crawl's rules for the browser's own requests: an
address outside the outlet's hosts and ports, or a non-public one, is aborted and
counted (``newscrawl/blocked/browser``). ``file:``, ``data:``, ``s3:`` and ``ftp:``
stay switched off: a spider's ``DOWNLOAD_HANDLERS`` is merged with Scrapy's base
handlers, so each is set to ``None`` again here.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from typing import Any
from urllib.parse import urlsplit

from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from newscrawl.config import ConfigError, NewscrawlConfig
from newscrawl.netguard import DEFAULT_PORTS, is_public

logger = logging.getLogger(__name__)

PLAYWRIGHT_HANDLER = "newscrawl.browser.GuardedPlaywrightHandler"


def launch_options(*extra_args: str) -> dict[str, Any]:
    """Debian's Chromium (Playwright cannot download a browser of its own here), headless,
    with its own background traffic off."""
    return {
        "executable_path": "/usr/bin/chromium",
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            *extra_args,
        ],
    }


BROWSER_SETTINGS: dict[str, Any] = {
    "DOWNLOAD_HANDLERS": {
        "http": PLAYWRIGHT_HANDLER,
        "https": PLAYWRIGHT_HANDLER,
        "file": None,
        "data": None,
        "s3": None,
        "ftp": None,
    },
    "PLAYWRIGHT_BROWSER_TYPE": "chromium",
    "PLAYWRIGHT_LAUNCH_OPTIONS": launch_options(),
    # One browser context with two pages at most: rendering is the exception, not the rule.
    "PLAYWRIGHT_MAX_CONTEXTS": 1,
    "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
}


class GuardedPlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    """scrapy-playwright's handler, with the crawl's address rules on every browser request."""

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        try:
            self.newscrawl = NewscrawlConfig.from_settings(crawler.settings)
        except ConfigError:
            self.newscrawl = NewscrawlConfig()
        self.abort_request = self.outside_the_crawl

    async def outside_the_crawl(self, request: Any) -> bool:
        parts = urlsplit(request.url)
        host = (parts.hostname or "").lower()
        spider = self._crawler.spider
        try:
            port = parts.port or DEFAULT_PORTS.get(parts.scheme)
        except ValueError:
            port = None
        allowed = (
            parts.scheme in DEFAULT_PORTS
            and port is not None
            and spider.allows_origin(parts.scheme, host, port)
        )
        if allowed:
            allowed = await self.public(host)
        if not allowed:
            self._crawler.stats.inc_value("newscrawl/blocked/browser")
            logger.warning("Browser request blocked: %s", request.url)
        return not allowed

    async def public(self, host: str) -> bool:
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            pinned = self.newscrawl.resolve.get(host)
            if pinned:
                addresses = [pinned]
            else:
                try:
                    infos = await asyncio.get_running_loop().getaddrinfo(host, None)
                except OSError:
                    return False
                addresses = [info[4][0] for info in infos]
        return bool(addresses) and all(is_public(a, self.newscrawl.allowed_addresses) for a in addresses)
