"""Outlets of the Tribun network: regional subdomains of tribunnews.com, one template.

Section lists (``/{section}?page=N``, ``ul.lpk li``) and tag lists (``ul.lsi > li``)
show ``h3 a`` links with ``div.grey`` dates; articles are ``/{section}/{id}/{slug}``
and long ones are split into pages, so the spider fetches ``?page=all``. Section
slugs differ per outlet and are not confirmed: ``-a sections=`` overrides them.
"""

from __future__ import annotations

from newscrawl.normalize.dates import WIB, WIT, WITA
from newscrawl.outlets import Outlet

# (subdomain, the outlet's name, its province, the zone it prints times in)
REGIONS = (
    ("surabaya", "Surya", "Jawa Timur", WIB),
    ("jatim", "Tribun Jatim", "Jawa Timur", WIB),
    ("jogja", "Tribun Jogja", "DI Yogyakarta", WIB),
    ("jateng", "Tribun Jateng", "Jawa Tengah", WIB),
    ("jabar", "Tribun Jabar", "Jawa Barat", WIB),
    ("bali", "Tribun Bali", "Bali", WITA),
    ("kupang", "Pos Kupang", "Nusa Tenggara Timur", WITA),
    ("makassar", "Tribun Timur", "Sulawesi Selatan", WITA),
    ("manado", "Tribun Manado", "Sulawesi Utara", WITA),
    ("kaltim", "Tribun Kaltim", "Kalimantan Timur", WITA),
    ("banjarmasin", "Banjarmasin Post", "Kalimantan Selatan", WITA),
    ("pontianak", "Tribun Pontianak", "Kalimantan Barat", WIB),
    ("medan", "Tribun Medan", "Sumatera Utara", WIB),
    ("aceh", "Serambi Indonesia", "Aceh", WIB),
    ("palembang", "Tribun Sumsel", "Sumatera Selatan", WIB),
    ("papua", "Tribun Papua", "Papua", WIT),
)


def tribun(subdomain: str, name: str, zone: object) -> Outlet:
    host = f"{subdomain}.tribunnews.com"
    return Outlet(
        name=name,
        host=host,
        origin=f"https://{host}",
        network="tribun",
        timezone=zone,  # type: ignore[arg-type]
        sections=("berita",),
        discovery=("list",),
        layout="tribun",
        printed_names=(f"TRIBUN-{subdomain.upper()}.COM", f"Tribun{subdomain.title()}.com", name),
    )


OUTLETS: tuple[Outlet, ...] = tuple(tribun(sub, name, zone) for sub, name, _, zone in REGIONS)
