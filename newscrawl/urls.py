"""URL identity: the canonical form that decides whether two links are one article."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid"}


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name.startswith("utm_") or name in TRACKING_PARAMS


def strip_tracking(url: str) -> str:
    """The URL to request: tracking parameters and fragment removed, nothing else.

    >>> strip_tracking("https://www.nusadaily.com/a?utm_source=fb&page=2#top")
    'https://www.nusadaily.com/a?page=2'
    """
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def canonicalize(url: str) -> str:
    """The article's identity: scheme, ``www.``, host case, fragment, tracking
    parameters, parameter order and a trailing slash make no difference.

    >>> canonicalize("http://WWW.NusaDaily.com/Kim-Jong-Un/?utm_medium=x&b=2&a=1#c")
    'https://nusadaily.com/Kim-Jong-Un?a=1&b=2'
    >>> canonicalize("https://nusadaily.com/")
    'https://nusadaily.com/'
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k))
    return urlunsplit(("https", host, path, urlencode(query), ""))


def same_site(a: str, b: str) -> bool:
    """True when both URLs are on the same host, ignoring ``www.`` and case.

    >>> same_site("https://www.nusadaily.com/a", "http://nusadaily.com/b")
    True
    >>> same_site("https://www.nusadaily.com/a", "https://example.com/a")
    False
    """
    return urlsplit(canonicalize(a)).netloc == urlsplit(canonicalize(b)).netloc


def url_hash(canonical_url: str) -> str:
    """Hex SHA-1 of the canonical URL, the key of the seen-store."""
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()
