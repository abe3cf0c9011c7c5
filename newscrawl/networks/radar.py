"""Outlets of the Jawa Pos Radar platform (one JSON-backed code base, ``*.jawapos.com`` and more).

Pages are Inertia apps rendered on the server: the data is HTML-escaped JSON in the
``data-page`` attribute of the root element. Lists are ``/{category}?page=N``;
article URLs are ``/{category}/{article_id}/{slug}``, where the category may differ
from the list's. Dates print WIB without a zone. Datelines read
``KABUPATEN MALANG, RADAR MALANG –``; bodies end ``(yun/dan)``, ``Penulis: …`` or
``Disunting kembali oleh …``. Section slugs are the ones public scrapers used;
``-a sections=`` overrides them.
"""

from __future__ import annotations

from newscrawl.outlets import Outlet


def radar(name: str, host: str, sections: tuple[str, ...], *printed: str) -> Outlet:
    return Outlet(
        name=name,
        host=host,
        origin=f"https://{host}",
        network="radar",
        sections=sections,
        discovery=("list",),
        layout="radar",
        printed_names=printed,
    )


OUTLETS: tuple[Outlet, ...] = (
    radar("Radar Malang", "radarmalang.jawapos.com", ("malang-raya",), "RADAR MALANG"),
    radar("Radar Batu", "radarbatu.jawapos.com", ("ekonomi",), "RADAR BATU"),
    radar("Radar Jember", "radarjember.jawapos.com", ("jember",), "RADAR JEMBER"),
    radar("Kaltim Post", "kaltimpost.jawapos.com", ("samarinda",), "KALTIM POST", "KALTIMPOST"),
    radar("Cenderawasih Pos", "cenderawasihpos.jawapos.com", ("jayapura",), "CENDERAWASIH POS"),
    radar("Padang Ekspres", "padek.jawapos.com", ("padang",), "PADEK", "PADANG EKSPRES"),
)
