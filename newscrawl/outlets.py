"""Outlets and networks: one table row per outlet, one module per publishing network.

In the spirit of Fundus' publisher tables: a network module
(``newscrawl/networks/<network>.py``) lists its outlets as ``Outlet`` rows; the
network's spider (``newscrawl/spiders/<network>.py``) crawls any of them, and
adding an outlet of a known network is adding a row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from urllib.parse import urlsplit

from newscrawl.normalize.dates import WIB

DISCOVERY_SOURCES = ("rest", "list", "feed", "sitemap")


@dataclass(frozen=True)
class Outlet:
    """One news outlet: what a crawl needs to know that its pages do not say."""

    name: str  # as the outlet calls itself: "Nusadaily"
    host: str  # the outlet's identity, ``site`` in every record: "nusadaily.com"
    origin: str  # the live origin its pages are fetched from: "https://www.nusadaily.com"
    network: str  # the module and spider that crawl it: "varient"
    timezone: dt.tzinfo = WIB  # the zone of times printed without one
    sections: tuple[str, ...] = ()  # default list sections (slugs)
    discovery: tuple[str, ...] = (
        "list",
        "feed",
        "sitemap",
    )  # the sources it offers, the first is the default
    feed_path: str | None = None
    sitemap_path: str | None = None
    sitemap_has_dates: bool = True  # False: <lastmod> is not the article's date, read dates from the pages
    layout: str = "default"  # the page layout its article pages use
    # True: its pages are built by JavaScript, every request goes through the browser.
    render: bool = False
    dates_in_url: bool = True  # False: its URLs print a date that must not be read (a 12-hour time)
    coverage_min: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    # Names the outlet prints in datelines besides its host: "NUSADAILY.COM", "Nusa Daily".
    printed_names: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        parts = urlsplit(self.origin)
        if parts.scheme not in ("http", "https") or parts.path not in ("", "/"):
            raise ValueError(f"{self.host}: origin must be an http(s) origin, got {self.origin!r}")
        if not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", self.host):
            raise ValueError(f"{self.host!r} is not a lower-case host name")
        unknown = set(self.discovery) - set(DISCOVERY_SOURCES)
        if unknown or not self.discovery:
            raise ValueError(f"{self.host}: unknown discovery sources {sorted(unknown)}")

    @property
    def slug(self) -> str:
        """A name safe in stats keys and paths: the host with dots as dashes.

        >>> Outlet("Nusadaily", "nusadaily.com", "https://www.nusadaily.com", "varient").slug
        'nusadaily-com'
        """
        return self.host.replace(".", "-")
