"""Per-site facts that the normalizers need but cannot read from the text."""

from __future__ import annotations

import datetime as dt

from newscrawl.normalize.dates import WIB

# Spider name -> the zone its pages print times in when no zone is printed
# (WITA or WIT from newscrawl.normalize.dates for sites in central or eastern Indonesia).
SITE_TIMEZONES: dict[str, dt.tzinfo] = {
    "nusadaily": WIB,
}


def site_timezone(site: str | None) -> dt.tzinfo:
    """The default zone for a spider name; WIB when the site is unknown.

    >>> site_timezone("nusadaily").tzname(None)
    'WIB'
    >>> site_timezone(None).tzname(None)
    'WIB'
    """
    return SITE_TIMEZONES.get(site or "", WIB)
