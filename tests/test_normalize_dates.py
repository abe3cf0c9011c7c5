"""Date parsing tables: every month name, day name, zone and printed format."""

from __future__ import annotations

import datetime as dt

import pytest

from newscrawl.normalize.dates import WIB, WIT, WITA, date_from_url, parse_date, parse_relative, to_iso

MONTH_NAMES = [
    (1, ["Januari", "Jan", "January"]),
    (2, ["Februari", "Feb", "Pebruari", "Peb", "February"]),
    (3, ["Maret", "Mar", "March"]),
    (4, ["April", "Apr"]),
    (5, ["Mei", "May"]),
    (6, ["Juni", "Jun", "June"]),
    (7, ["Juli", "Jul", "July"]),
    (8, ["Agustus", "Agu", "Agt", "Ags", "Aug", "August"]),
    (9, ["September", "Sep", "Sept"]),
    (10, ["Oktober", "Okt", "Oct", "October"]),
    (11, ["November", "Nov", "Nopember", "Nop"]),
    (12, ["Desember", "Des", "Dec", "December"]),
]
MONTH_CASES = [(number, name) for number, names in MONTH_NAMES for name in names]


@pytest.mark.parametrize(("number", "name"), MONTH_CASES)
def test_every_month_name_day_first(number: int, name: str) -> None:
    assert parse_date(f"7 {name} 2026") == dt.date(2026, number, 7)
    assert parse_date(f"7 {name.upper()} 2026") == dt.date(2026, number, 7)


@pytest.mark.parametrize(("number", "name"), MONTH_CASES)
def test_every_month_name_month_first(number: int, name: str) -> None:
    assert parse_date(f"{name} 7, 2026 - 09:30") == dt.datetime(2026, number, 7, 9, 30, tzinfo=WIB)


DAY_NAMES = [
    "Senin",
    "Selasa",
    "Rabu",
    "Kamis",
    "Jumat",
    "Jum'at",
    "Sabtu",
    "Minggu",
    "Ahad",
    "Monday",
    "Sun",
]


@pytest.mark.parametrize("day", DAY_NAMES)
def test_every_day_name_is_ignored(day: str) -> None:
    assert to_iso(parse_date(f"{day}, 12 Januari 2026 07:03 WIB")) == "2026-01-12T07:03:00+07:00"


@pytest.mark.parametrize(
    ("zone", "offset"),
    [("WIB", "+07:00"), ("WITA", "+08:00"), ("WIT", "+09:00"), ("GMT+7", "+07:00"), ("UTC+8", "+08:00")],
)
def test_every_zone(zone: str, offset: str) -> None:
    assert to_iso(parse_date(f"Selasa, 12 September 2023 23:16 {zone}")) == f"2023-09-12T23:16:00{offset}"


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        (WIB, "2026-03-30T15:58:00+07:00"),
        (WITA, "2026-03-30T15:58:00+08:00"),
        (WIT, "2026-03-30T15:58:00+09:00"),
    ],
)
def test_site_default_zone_applies_when_none_is_printed(zone: dt.tzinfo, expected: str) -> None:
    assert to_iso(parse_date("30 Mar 2026 15:58", zone)) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Sep 12, 2023\xa0-\xa023:16", "2023-09-12T23:16:00+07:00"),
        ("Sep 12, 2023&nbsp;-&nbsp;23:16", "2023-09-12T23:16:00+07:00"),
        ("Selasa, 12 September 2023 23:16 WIB", "2023-09-12T23:16:00+07:00"),
        ("Senin, 30 Mar 2026 15:58 WIB", "2026-03-30T15:58:00+07:00"),
        ("Tayang: Selasa, 31 Maret 2026 22:05 WIB", "2026-03-31T22:05:00+07:00"),
        ("28 Februari 2026 16:45", "2026-02-28T16:45:00+07:00"),
        ("Senin, 26 Mei 2025 – 07:03 WIB", "2025-05-26T07:03:00+07:00"),
        ("24 April 2026 2:53 PM", "2026-04-24T14:53:00+07:00"),
        ("22 May 2026 10:52 AM", "2026-05-22T10:52:00+07:00"),
        ("12 Mei 2026 12:05 AM", "2026-05-12T00:05:00+07:00"),
        ("Rabu, 4 Nopember 2026 pukul 06.45 WIB", "2026-11-04T06:45:00+07:00"),
        ("23 June 26, 14:11", "2026-06-23T14:11:00+07:00"),
        ("12/09/2023 08:00", "2023-09-12T08:00:00+07:00"),
        ("05-03-2026", "2026-03-05"),
        ("2023/09/12 10:00", "2023-09-12T10:00:00+07:00"),
        ("12-Sep-2023 10:00", "2023-09-12T10:00:00+07:00"),
        ("Minggu, 03 Desember 2023 | 20:00 WIB", "2023-12-03T20:00:00+07:00"),
        ("Sep 12 2023", "2023-09-12"),
        ("Diperbarui 12 Sept. 2023, 23.16 WITA", "2023-09-12T23:16:00+08:00"),
        ("Jun 5, 2026", "2026-06-05"),
        ("June 2, 2026", "2026-06-02"),
        ("29 Mei 2026", "2026-05-29"),
        ("2023-09-12T23:16:00+07:00", "2023-09-12T23:16:00+07:00"),
        ("2023-09-12T23:16:00+0700", "2023-09-12T23:16:00+07:00"),
        ("2023-09-12T16:16:00Z", "2023-09-12T16:16:00+00:00"),
        ("2026-03-03 11:29:42", "2026-03-03T11:29:42+07:00"),
        ("2026-04-20T22:08:20.123+07:00", "2026-04-20T22:08:20+07:00"),
    ],
)
def test_printed_formats(printed: str, expected: str) -> None:
    assert to_iso(parse_date(printed)) == expected


@pytest.mark.parametrize(
    "broken",
    [
        "",
        "kemarin sore",
        "30 Februari 2026",
        "31/04/2026",
        "Sep 45, 2023",
        "32 Mei 2026 10:00",
        "25:61 WIB",
        "Selasa, 12 Bulan 2023",
        "13 PM 12 Juni 2026 13:00 PM",
    ],
)
def test_broken_dates_give_none_not_a_guess(broken: str) -> None:
    assert parse_date(broken) is None


REF = dt.datetime(2026, 6, 5, 10, 0, tzinfo=WIB)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("5 menit lalu", "2026-06-05T09:55:00+07:00"),
        ("13 jam yang lalu", "2026-06-04T21:00:00+07:00"),
        ("30 detik lalu", "2026-06-05T09:59:00+07:00"),
        ("baru saja", "2026-06-05T10:00:00+07:00"),
        ("kemarin", "2026-06-04"),
        ("hari ini", "2026-06-05"),
        ("2 hari lalu", "2026-06-03"),
        ("1 minggu lalu", "2026-05-29"),
        ("3 bulan lalu", None),
    ],
)
def test_relative_dates_against_reference_time(printed: str, expected: str | None) -> None:
    assert to_iso(parse_date(printed, reference_time=REF)) == expected


def test_relative_dates_need_a_reference_time() -> None:
    assert parse_relative("5 menit lalu", None) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://jatim.example.id/berita/2024/01/29/judul-berita", "2024-01-29"),
        ("https://example.id/baca/20260513/014100/judul", "2026-05-13T01:41:00+07:00"),
        ("https://example.id/2026/02/30/tanggal-mustahil", None),
        ("https://www.nusadaily.com/judul-tanpa-tanggal", None),
        (None, None),
    ],
)
def test_dates_in_urls(url: str | None, expected: str | None) -> None:
    assert to_iso(date_from_url(url)) == expected
