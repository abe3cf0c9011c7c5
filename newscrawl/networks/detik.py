"""detik.com's regional editions (detikJatim, detikJateng, detikJabar, detikBali, detikSulsel,
detikSumut…): one outlet, ``detik.com``, with an edition per section.

Tag lists ``/tag/{slug}/?page=N`` show ``article`` cards with ``h2.title`` and a ``.date``
like ``detikJatim Selasa, 16 Jun 2026 13:00 WIB``; articles are
``/{edition}/{section}/d-{id}/{slug}`` and the spider fetches ``?single=1``, the whole
text on one page. Section slugs are not confirmed: ``-a sections=`` overrides them.
"""

from __future__ import annotations

from newscrawl.outlets import Outlet

EDITIONS = ("jatim", "jateng", "jabar", "bali", "sulsel", "sumut")

OUTLETS: tuple[Outlet, ...] = (
    Outlet(
        name="detik",
        host="detik.com",
        origin="https://www.detik.com",
        network="detik",
        sections=tuple(f"tag/{edition}" for edition in EDITIONS),
        discovery=("list",),
        layout="detik",
        printed_names=("detikcom", *(f"detik{e.title()}" for e in EDITIONS)),
    ),
)
