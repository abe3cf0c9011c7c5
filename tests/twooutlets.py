"""A Varient spider over two outlets, for the per-outlet monitor test (loaded with SPIDER_MODULES)."""

from __future__ import annotations

from typing import ClassVar

from newscrawl.networks.varient import OUTLETS
from newscrawl.outlets import Outlet
from newscrawl.spiders.varient import VarientSpider

SECOND = Outlet(
    name="Kabar Lereng",
    host="kabarlereng.id",
    origin="https://www.kabarlereng.id",
    network="varient",
    sections=("posts",),
    layout="varient",
)


class TwoOutletSpider(VarientSpider):
    name = "two-outlets"
    outlet_table: ClassVar[tuple[Outlet, ...]] = (*OUTLETS, SECOND)
