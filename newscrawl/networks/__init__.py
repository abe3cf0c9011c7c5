"""Every network's outlet table, by network name."""

from __future__ import annotations

from newscrawl.networks import detik, radar, times, tribun, varient, wordpress
from newscrawl.normalize.hints import OutletHint
from newscrawl.outlets import Outlet

# Sites whose own pages forbid crawling: no spider crawls them, a table row or outlet_url is refused.
DO_NOT_CRAWL: dict[str, str] = {
    "antaranews.com": "its articles forbid crawling and automated indexing for AI without written permission",
}


def forbidden(host: str) -> str | None:
    """Why ``host`` (or the site it belongs to) must not be crawled, or None.

    >>> forbidden("jatim.antaranews.com")[:25]
    'its articles forbid crawl'
    >>> forbidden("nusadaily.com") is None
    True
    """
    host = host.lower().removeprefix("www.")
    return next(
        (why for site, why in DO_NOT_CRAWL.items() if host == site or host.endswith("." + site)), None
    )


NETWORKS: dict[str, tuple[Outlet, ...]] = {
    "varient": varient.OUTLETS,
    "wordpress": wordpress.OUTLETS,
    "radar": radar.OUTLETS,
    "times": times.OUTLETS,
    "tribun": tribun.OUTLETS,
    "detik": detik.OUTLETS,
}


def all_outlets() -> list[Outlet]:
    return [outlet for outlets in NETWORKS.values() for outlet in outlets]


def outlet_for_host(host: str | None) -> Outlet | None:
    """The outlet whose host is ``host`` (``www.`` and case ignored), or None.

    >>> outlet_for_host("WWW.Nusadaily.com").name
    'Nusadaily'
    >>> outlet_for_host("example.com") is None
    True
    """
    wanted = (host or "").lower().removeprefix("www.")
    return next((o for o in all_outlets() if o.host == wanted), None)


def outlet_for_site(site: str | None) -> Outlet | None:
    """The outlet a ``site`` value names: its host, or a spider name that is its host's first label.

    >>> outlet_for_site("nusadaily.com").host, outlet_for_site("nusadaily").host
    ('nusadaily.com', 'nusadaily.com')
    >>> outlet_for_site("lombokkini.net") is None
    True
    """
    found = outlet_for_host(site)
    if found is None and site and "." not in site:
        found = next((o for o in all_outlets() if o.host.split(".")[0] == site.lower()), None)
    return found


def hint_for_site(site: str | None) -> OutletHint | None:
    """The normalizer's hint for a ``site``: the table row's names when the outlet is known,
    else what its host gives (``lombokkini.net`` -> ``lombokkini``); None without a host.

    >>> sorted(hint_for_site("nusadaily").keys), sorted(hint_for_site("lombokkini.net").keys)
    (['nusadaily'], ['lombokkini'])
    """
    outlet = outlet_for_site(site)
    if outlet is not None:
        return OutletHint.for_outlet(outlet.host, outlet.printed_names)
    if site and "." in site:
        return OutletHint.for_outlet(site)
    return None
