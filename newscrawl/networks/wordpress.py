"""Outlets on WordPress: one row each.

Every WordPress site offers, unless a plugin blocks it, the REST API
(``/wp-json/wp/v2/posts``: 100 posts a request, whole articles, dates in UTC), an
RSS feed (``/feed/``), the core sitemap (``/wp-sitemap.xml``) and category lists
(``/category/{slug}/page/N/``); the spider tries them in the row's order.
Dateline and credit as each prints them: malangposcomedia.id ``MALANG POSCO MEDIA,
MALANG –`` … ``(den/van)``; malangvoice.com ``MALANGVOICE –`` … ``(der)``;
memox.co.id ``MEMOX.CO.ID –`` … ``(fik/hms )``; beritajatim.com
``Malang (beritajatim.com) –`` … ``(luc/ian)``.
"""

from __future__ import annotations

from newscrawl.outlets import Outlet

SOURCES = ("rest", "feed", "sitemap", "list")


def wordpress(name: str, host: str, layout: str, sections: tuple[str, ...], *printed: str) -> Outlet:
    """A row with the WordPress defaults."""
    return Outlet(
        name=name,
        host=host,
        origin=f"https://{host}",
        network="wordpress",
        sections=sections,
        discovery=SOURCES,
        feed_path="/feed/",
        sitemap_path="/wp-sitemap.xml",
        layout=layout,
        printed_names=printed,
    )


OUTLETS: tuple[Outlet, ...] = (
    wordpress("Malang Posco Media", "malangposcomedia.id", "tagdiv", ("malang-raya",), "MALANG POSCO MEDIA"),
    wordpress(
        "MalangVoice", "malangvoice.com", "tagdiv", ("kanal/malang-raya/kabupaten-malang",), "MALANGVOICE"
    ),
    wordpress("Memox", "memox.co.id", "memox", ("tag/malang",), "MEMOX.CO.ID"),
    wordpress("Beritajatim", "beritajatim.com", "wordpress", ("peristiwa",), "beritajatim.com"),
)
