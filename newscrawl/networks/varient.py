"""Outlets on Varient (a PHP news CMS): one row each.

What every Varient site does (checked on Varient 2.2 with our own posts):
``/posts?page=N`` lists every post newest first (the home page is blocks, not a
list), categories at ``/{slug}`` and ``/{parent}/{child}`` answer 200 with an
empty list past their end, ``/rss/latest-posts`` has the 50 newest, and
``/sitemap.xml`` lists posts oldest first with a ``<lastmod>`` that is never the
post's date.
"""

from __future__ import annotations

from types import MappingProxyType

from newscrawl.outlets import Outlet

OUTLETS: tuple[Outlet, ...] = (
    Outlet(
        name="Nusadaily",
        host="nusadaily.com",
        origin="https://www.nusadaily.com",
        network="varient",
        # The category slugs of the live site are not confirmed: `posts` lists everything.
        sections=("posts",),
        feed_path="/rss/latest-posts",
        sitemap_path="/sitemap.xml",
        sitemap_has_dates=False,
        coverage_min=MappingProxyType({"dateline_location": 0.5, "editor_tag": 0.5, "authors": 0.9}),
        layout="varient",
        printed_names=("NUSADAILY.COM", "Nusadaily"),
    ),
)
