"""A development spider for the offline copy of a client-rendered outlet (``make demo``, tests).

``kabarkota.id`` is made up: its copy sends a shell and a script that builds the
list and the article from JSON, in Varient's markup, so that the browser path is
crawled end to end. Loaded only through ``SPIDER_MODULES`` (the local crawl command).
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from newscrawl.outlets import Outlet
from newscrawl.spiders.varient import VarientSpider

KABARKOTA = Outlet(
    name="Kabar Kota",
    host="kabarkota.id",
    origin="https://kabarkota.id",
    network="varient",
    sections=("posts",),
    discovery=("list",),
    layout="varient",
    render=True,
    printed_names=("KABARKOTA.ID",),
)


class ClientRenderedSpider(VarientSpider):
    name = "varient-rendered"
    outlet_table: ClassVar[tuple[Outlet, ...]] = (KABARKOTA,)


class ShellRetrySpider(VarientSpider):
    """The same copy with the outlet not marked to render: its shells are retried through the browser."""

    name = "varient-shells"
    renders_shells = True
    outlet_table: ClassVar[tuple[Outlet, ...]] = (dataclasses.replace(KABARKOTA, render=False),)
