"""The JatimTIMES network: every outlet of ``newscrawl/networks/times.py``, by feed or sitemap."""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import urlsplit

from newscrawl.networks import times
from newscrawl.outlets import Outlet
from newscrawl.spiders.base import NetworkSpider


class TimesSpider(NetworkSpider):
    name = "times"
    outlet_table: ClassVar[tuple[Outlet, ...]] = times.OUTLETS

    def is_article_url(self, outlet: Outlet, url: str) -> bool:
        return urlsplit(url).path.startswith("/baca/")
