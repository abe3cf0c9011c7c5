"""Dateline tables: every family, separator and noise shape, plus false positives."""

from __future__ import annotations

import pytest

from newscrawl.normalize.dateline import split_dateline

REST = "Warga berkumpul di balai desa."

# (printed body start, location, outlet)
FAMILIES = [
    # outlet, place
    ("NUSADAILY.COM – MALANG –", "MALANG", "NUSADAILY.COM"),
    ("NUSADAILY.COM – MOSKOW –", "MOSKOW", "NUSADAILY.COM"),
    ("TRIBUNJATIM.COM, MALANG -", "MALANG", "TRIBUNJATIM.COM"),
    ("TIMESINDONESIA, MALANG –", "MALANG", "TIMESINDONESIA"),
    ("MALANG POSCO MEDIA, MALANG –", "MALANG", "MALANG POSCO MEDIA"),
    ("Beritasatu.com, Kota Batu –", "Kota Batu", "Beritasatu.com"),
    ("NUSADALY.COM - MALANG -", "MALANG", "NUSADALY.COM"),
    ("TABLOIDJAWATIMUR. COM, SURABAYA –", "SURABAYA", "TABLOIDJAWATIMUR. COM"),
    # place, outlet
    ("KEPANJEN, RADAR MALANG –", "KEPANJEN", "RADAR MALANG"),
    ("MALANG, KOMPAS.com –", "MALANG", "KOMPAS.com"),
    ("KABUPATEN MALANG, RADAR MALANG -", "KABUPATEN MALANG", "RADAR MALANG"),
    ("TEMPO.CO, Jakarta -", "Jakarta", "TEMPO.CO"),
    ("Liputan6.com, Jakarta -", "Jakarta", "Liputan6.com"),
    ("REPUBLIKA.CO.ID, JAKARTA --", "JAKARTA", "REPUBLIKA.CO.ID"),
    ("Solopos, SOLO -", "SOLO", "Solopos"),
    ("Jakarta, CNN Indonesia --", "Jakarta", "CNN Indonesia"),
    ("SEMARANG, suaramerdeka.com -", "SEMARANG", "suaramerdeka.com"),
    ("MALANG | NUSADAILY.COM –", "MALANG", "NUSADAILY.COM"),
    ("Malang, Jawa Timur – KOMPAS.com –", "Malang, Jawa Timur", "KOMPAS.com"),
    # place (outlet)
    ("Malang Raya (ANTARA) -", "Malang Raya", "ANTARA"),
    ("Surabaya (beritajatim.com) –", "Surabaya", "beritajatim.com"),
    ("Malang, Jawa Timur (ANTARA) -", "Malang, Jawa Timur", "ANTARA"),
    # place only
    ("KEPANJEN –", "KEPANJEN", None),
    ("Malang -", "Malang", None),
    ("Kota Batu —", "Kota Batu", None),
    ("DKI Jakarta -", "DKI Jakarta", None),
    ("SOLOPOS.COM -", None, "SOLOPOS.COM"),
    # outlet only
    ("JATIMTIMES -", None, "JATIMTIMES"),
    ("MALANGVOICE —", None, "MALANGVOICE"),
    ("RADAR MALANG –", None, "RADAR MALANG"),
    ("MALANG POSCO MEDIA –", None, "MALANG POSCO MEDIA"),
    ("MEMOX.CO.ID –", None, "MEMOX.CO.ID"),
    ("SeputarMalang.Com –", None, "SeputarMalang.Com"),
    ("(ANTARA) -", None, "ANTARA"),
    # a date inside the dateline
    ("SURABAYA, 25 JUNI 2026 –", "SURABAYA", None),
    ("Jakarta, 1 Juli 2026 -", "Jakarta", None),
    ("JAKARTA, Senin (12/9/2023) -", "JAKARTA", None),
    ("Surabaya, Kamis (5/3) -", "Surabaya", None),
    ("NUSADAILY.COM – MALANG, 3 Agustus 2026 –", "MALANG", "NUSADAILY.COM"),
]


@pytest.mark.parametrize(("printed", "location", "outlet"), FAMILIES)
def test_dateline_families(printed: str, location: str | None, outlet: str | None) -> None:
    dateline, rest, _ = split_dateline(f"{printed} {REST}")
    assert (dateline.location, dateline.outlet, rest) == (location, outlet, REST)


SEPARATORS = [
    "NUSADAILY.COM – MALANG – ",
    "NUSADAILY.COM - MALANG - ",
    "NUSADAILY.COM — MALANG — ",
    "NUSADAILY.COM – MALANG-",
    "NUSADAILY.COM – MALANG- ",
    "NUSADAILY.COM – MALANG –",
    "NUSADAILY.COM - MALANG -",
    "NUSADAILY.COM | MALANG | ",
    "NUSADAILY.COM || MALANG || ",
    "NUSADAILY.COM|MALANG|",
    "NUSADAILY.COM – MALANG\n- ",
    "NUSADAILY.COM – MALANG\n\n– ",
    "MALANG: ",
    "MALANG. ",
    "MALANG, ",
    "MALANG | ",
    "MALANG-",
]


@pytest.mark.parametrize("printed", SEPARATORS)
def test_every_separator(printed: str) -> None:
    dateline, rest, _ = split_dateline(f"{printed}{REST}")
    assert (dateline.location, rest) == ("MALANG", REST)


def test_outlet_with_place_in_its_name_glued_to_text() -> None:
    dateline, rest, _ = split_dateline("MALANG POSCO MEDIA-Atap gedung sekolah ambruk.")
    assert (dateline.location, dateline.outlet, rest) == (
        None,
        "MALANG POSCO MEDIA",
        "Atap gedung sekolah ambruk.",
    )


NOISE = [
    ("Ringkasan Berita: Harga naik. Pasokan turun. SURYA.CO.ID, MALANG - ", "MALANG", []),
    (
        "Ringkasan Berita: Harga naik. Laporan: Siti Aminah SURYA.CO.ID, BATU - ",
        "BATU",
        ["Siti Aminah"],
    ),
    (
        "Laporan wartawan TribunJatim.com, Budi Santoso\nTRIBUNJATIM.COM, MALANG - ",
        "MALANG",
        ["Budi Santoso"],
    ),
    ("Laporan Reporter : Dian Puspita\nMALANG - ", "MALANG", ["Dian Puspita"]),
    ("Laporan Wartawan Tribun Jatim, Sri Wahyuni\nTRIBUNJATIM.COM, BATU - ", "BATU", ["Sri Wahyuni"]),
    ("Foto: Warga antre minyak goreng (Dok. Humas)\nKEPANJEN – ", "KEPANJEN", []),
    ("Jelang Hari Bhayangkara ke-80 MEMOX.CO.ID – ", None, []),
    ("Oleh: Budi Santoso\nMALANG - ", "MALANG", ["Budi Santoso"]),
    ("Suasana rapat di kantor bupati. (Foto: Humas Pemkab) KEPANJEN – ", "KEPANJEN", []),
    ("Foto: Warga antre sembako di balai desa. Kota Batu - ", "Kota Batu", []),
    ("Bupati meninjau lokasi (Dok. Pribadi) MALANG - ", "MALANG", []),
]


@pytest.mark.parametrize(("printed", "location", "authors"), NOISE)
def test_noise_before_the_dateline_is_removed(printed: str, location: str | None, authors: list[str]) -> None:
    dateline, rest, reporters = split_dateline(f"{printed}{REST}")
    assert (dateline.location, rest, reporters) == (location, REST, authors)


NOT_DATELINES = [
    "Dinas Komunikasi dan Informatika Kabupaten Malang menggelar bimtek.",
    "Alun-Alun Kota Batu ramai pengunjung pada malam tahun baru.",
    "COVID-19 kembali muncul di beberapa daerah.",
    "Harga cabai naik - kata pedagang - sejak pekan lalu.",
    "Penulis: Siapa pun boleh mengirim opini.",
    "Kabupaten Malang segera memiliki alun-alun baru.",
    "Ketua RT 05 yang ditemui, mengatakan warga - terutama lansia - antusias.",
    "KPK, Polri dan Kejaksaan menandatangani nota kesepahaman.",
    "Pada 1 Juli 2026 - tepat pukul tujuh - sirene berbunyi.",
]


@pytest.mark.parametrize("body", NOT_DATELINES)
def test_ordinary_openings_are_not_datelines(body: str) -> None:
    dateline, rest, _ = split_dateline(body)
    assert (dateline.location, dateline.outlet, rest) == (None, None, body)
