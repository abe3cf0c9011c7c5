"""Live origin <-> local copy: the one place that maps URLs between them.

Outlets print absolute links with their live origin (list entries, pagination,
feeds, sitemaps, ``rel=canonical``). A crawl of a local copy must follow them to
the copy, while every record keeps the live URL as the article's identity.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit


@dataclass(frozen=True)
class Mirror:
    """``host``'s live pages served from ``local`` (an origin), or from the live site when None."""

    host: str  # the outlet's host: nusadaily.com
    live: str  # its live origin: https://www.nusadaily.com
    local: str | None = None  # http://127.0.0.1:8000

    def on_live_site(self, url: str) -> bool:
        """Any scheme, ``www.`` or not, any subdomain.

        >>> Mirror("nusadaily.com", "https://www.nusadaily.com").on_live_site("http://NUSADAILY.com/a")
        True
        """
        host = (urlsplit(url).hostname or "").lower()
        return host == self.host or host.endswith("." + self.host)

    def to_local(self, url: str) -> str:
        """The URL to fetch for a URL of the live site.

        >>> m = Mirror("nusadaily.com", "https://www.nusadaily.com", "http://127.0.0.1:8000")
        >>> m.to_local("https://www.nusadaily.com/posts?page=2")
        'http://127.0.0.1:8000/posts?page=2'
        >>> m.to_local("https://example.com/x")
        'https://example.com/x'
        """
        if self.local is None or not self.on_live_site(url):
            return url
        local = urlsplit(self.local)
        parts = urlsplit(url)
        return urlunsplit((local.scheme, local.netloc, parts.path, parts.query, parts.fragment))

    def to_live(self, url: str) -> str:
        """The live site's URL for a URL fetched from the local copy.

        >>> m = Mirror("nusadaily.com", "https://www.nusadaily.com", "http://127.0.0.1:8000")
        >>> m.to_live("http://127.0.0.1:8000/kim-jong-un")
        'https://www.nusadaily.com/kim-jong-un'
        """
        if self.local is None:
            return url
        local = urlsplit(self.local)
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != (local.scheme, local.netloc):
            return url
        live = urlsplit(self.live)
        return urlunsplit((live.scheme, live.netloc, parts.path, parts.query, parts.fragment))
