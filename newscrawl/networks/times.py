"""Outlets of the JatimTIMES network: one code base that picks the outlet by host name.

Lists on the sites are filled by JavaScript (``/news/loadMore``), so discovery uses
the RSS feed (``/rss/index``, the 150 newest) and the sitemap (``/sitemap.xml``, the
1,000 newest). Article URLs are ``/baca/{id}/{Ymd}/{his}/{slug}`` with the time on a
12-hour clock and no AM/PM: a date is never read from the URL. Text opens
``JATIMTIMES -``; credits are a ``Penulis : X - Editor : Y`` line.
"""

from __future__ import annotations

from newscrawl.outlets import Outlet


def times(name: str, host: str, origin: str, *printed: str) -> Outlet:
    return Outlet(
        name=name,
        host=host,
        origin=origin,
        network="times",
        discovery=("feed", "sitemap"),
        feed_path="/rss/index",
        sitemap_path="/sitemap.xml",
        layout="times",
        dates_in_url=False,
        printed_names=printed,
    )


OUTLETS: tuple[Outlet, ...] = (
    times("JatimTIMES", "jatimtimes.com", "https://jatimtimes.com", "JATIMTIMES"),
    times("MalangTIMES", "malangtimes.com", "https://www.malangtimes.com", "MALANGTIMES"),
)
