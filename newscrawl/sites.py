"""Per-site facts that the normalizers need but cannot read from the text."""

from __future__ import annotations

import datetime as dt

from newscrawl.normalize.dates import WIB, WIT, WITA

# Spider name -> the zone its pages print times in when no zone is printed.
SITE_TIMEZONES: dict[str, dt.tzinfo] = {
    "nusadaily": WIB,
}
ZONE_NAMES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}


def site_timezone(site: str | None) -> dt.tzinfo:
    """The default zone for a spider name; WIB when the site is unknown.

    >>> site_timezone("nusadaily").tzname(None)
    'WIB'
    >>> site_timezone(None).tzname(None)
    'WIB'
    """
    return SITE_TIMEZONES.get(site or "", WIB)
