"""The project's own ``NEWSCRAWL_*`` settings, parsed and checked once."""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# Shares of valid records with these optional fields filled; a spider's own entries add to these.
DEFAULT_COVERAGE_MIN = {"published_at": 0.9}


class ConfigError(ValueError):
    """One or more NEWSCRAWL_* settings have values the crawl cannot use."""


def parse_networks(values: Any) -> tuple[IPNetwork, ...]:
    """Addresses or networks (``127.0.0.1``, ``10.0.0.0/8``) from a list or a comma-separated string.

    >>> parse_networks("127.0.0.1, ::1")
    (IPv4Network('127.0.0.1/32'), IPv6Network('::1/128'))
    """
    if isinstance(values, str):
        values = [v for v in values.split(",") if v.strip()]
    return tuple(ipaddress.ip_network(str(v).strip(), strict=False) for v in values or ())


def parse_resolve(values: Any) -> dict[str, str]:
    """Pinned name -> address pairs, from a dict or ``name=address,name=address``.

    >>> parse_resolve("nusadaily.com=127.0.0.2")
    {'nusadaily.com': '127.0.0.2'}
    """
    if isinstance(values, str):
        pairs = [v.split("=", 1) for v in values.split(",") if v.strip()]
        if any(len(p) != 2 for p in pairs):
            raise ValueError(f"expected name=address pairs, got {values!r}")
        values = dict(pairs)
    pinned = {}
    for name, address in dict(values or {}).items():
        pinned[str(name).strip().lower()] = str(ipaddress.ip_address(str(address).strip()))
    return pinned


def parse_bool(value: Any) -> bool:
    """``True``/``False``, ``1``/``0``, ``on``/``off``.

    >>> parse_bool("off"), parse_bool(True)
    (False, True)
    """
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"expected true or false, got {value!r}")


def load_backend(path: Any) -> str:
    """A seen-set class path that imports and opens state directories."""
    try:
        backend = load_object(str(path))
    except (ImportError, NameError, AttributeError) as exc:
        raise ValueError(f"cannot import {path!r}: {exc}") from None
    if not callable(getattr(backend, "open", None)):
        raise ValueError(f"{path!r} has no open(state_dir)")
    return str(path)


def parse_mirrors(values: Any) -> dict[str, str]:
    """Outlet host -> local origin, from a dict or ``host=origin,host=origin``.

    >>> parse_mirrors("nusadaily.com=http://127.0.0.1:8000")
    {'nusadaily.com': 'http://127.0.0.1:8000'}
    """
    if isinstance(values, str):
        values = (
            json.loads(values)
            if values.lstrip().startswith("{")
            else dict(v.split("=", 1) for v in values.split(",") if "=" in v)
        )
    return {str(host).strip().lower(): check_origin(str(origin)) for host, origin in dict(values).items()}


def check_origin(value: str) -> str:
    """An http(s) origin only: no other scheme, no credentials, no path, a real port.

    >>> check_origin("http://127.0.0.1:8000/")
    'http://127.0.0.1:8000'
    """
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"must be an http:// or https:// URL, got {value!r}")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:
        raise ValueError(f"has no valid port (1-65535): {value!r}")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError(f"must not carry credentials, a query or a fragment: {value!r}")
    if parts.path not in ("", "/"):
        raise ValueError(f"must be an origin without a path, got {value!r}")
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class NewscrawlConfig:
    """Every NEWSCRAWL_* setting; the defaults here are the only ones."""

    output_dir: Path = Path("output")
    batch_items: int = 200
    batch_seconds: float = 60.0
    min_articles: int = 1
    coverage_min: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_COVERAGE_MIN))
    coverage_min_items: int = 5
    max_invalid_share: float = 0.2
    # A run fails its monitors when more than this share of article fetches failed.
    max_failed_share: float = 0.25
    # An article that failed in this many runs is given up (logged, counted, in the manifest).
    give_up_after_runs: int = 5
    # Longest wait a Retry-After header may impose before a retry, in seconds.
    retry_after_max: float = 120.0
    # Addresses exempt from the private-address rule: only for local copies (tests, make demo).
    allowed_addresses: tuple[IPNetwork, ...] = ()
    # Names pinned to addresses, like curl --resolve.
    resolve: dict[str, str] = field(default_factory=dict)
    # The seen-set class (newscrawl.storage.SeenSet); a shared store replaces the local SQLite one.
    seen_backend: str = "newscrawl.storage.SqliteSeenSet"
    # Local copies to crawl instead of live outlets: host -> origin (``base_url`` sets one).
    mirrors: dict[str, str] = field(default_factory=dict)
    # False: no page goes through the browser, even for outlets marked to render.
    render: bool = True

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> NewscrawlConfig:
        """Parse every setting; raise ConfigError naming each bad one."""
        errors: list[str] = []
        values: dict[str, Any] = {}

        def read(name: str, attribute: str, parse: Callable[[Any], Any], ok: Callable[[Any], bool]) -> None:
            raw = settings.get(name)
            if raw is None or raw == "":
                return
            try:
                value = parse(raw)
            except (TypeError, ValueError) as exc:
                errors.append(f"{name}={raw!r}: {exc}")
                return
            if not ok(value):
                errors.append(f"{name}={raw!r} is out of range")
                return
            values[attribute] = value

        def positive(v: float) -> bool:
            return v > 0

        def share(v: float) -> bool:
            return 0 <= v <= 1

        def coverage(raw: Any) -> dict[str, float]:
            shares = json.loads(raw) if isinstance(raw, str) else dict(raw)
            return {**DEFAULT_COVERAGE_MIN, **{str(k): float(v) for k, v in shares.items()}}

        read("NEWSCRAWL_OUTPUT_DIR", "output_dir", lambda v: Path(str(v)), lambda v: True)
        read("NEWSCRAWL_BATCH_ITEMS", "batch_items", int, positive)
        read("NEWSCRAWL_BATCH_SECONDS", "batch_seconds", float, positive)
        read("NEWSCRAWL_MIN_ARTICLES", "min_articles", int, lambda v: v >= 0)
        read("NEWSCRAWL_COVERAGE_MIN", "coverage_min", coverage, lambda v: all(share(s) for s in v.values()))
        read("NEWSCRAWL_COVERAGE_MIN_ITEMS", "coverage_min_items", int, lambda v: v >= 1)
        read("NEWSCRAWL_MAX_INVALID_SHARE", "max_invalid_share", float, share)
        read("NEWSCRAWL_MAX_FAILED_SHARE", "max_failed_share", float, share)
        read("NEWSCRAWL_GIVE_UP_AFTER_RUNS", "give_up_after_runs", int, lambda v: v >= 1)
        read("NEWSCRAWL_RETRY_AFTER_MAX", "retry_after_max", float, lambda v: v >= 0)
        read("NEWSCRAWL_ALLOWED_ADDRESSES", "allowed_addresses", parse_networks, lambda v: True)
        read("NEWSCRAWL_RESOLVE", "resolve", parse_resolve, lambda v: True)
        read("NEWSCRAWL_SEEN_BACKEND", "seen_backend", load_backend, lambda v: True)
        read("NEWSCRAWL_MIRRORS", "mirrors", parse_mirrors, lambda v: True)
        read("NEWSCRAWL_RENDER", "render", parse_bool, lambda v: True)
        if errors:
            raise ConfigError("; ".join(errors))
        return cls(**values)
