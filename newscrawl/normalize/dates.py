"""Dates as Indonesian news sites print them, parsed without guessing.

Every parser returns an aware ``datetime`` when a time of day is printed, a
``date`` when only the day is known, and ``None`` when nothing trustworthy is
found. ``dateutil``'s fuzzy mode is deliberately not used: it invents days from
stray numbers in Indonesian text.
"""

from __future__ import annotations

import datetime as dt
import re

from newscrawl.normalize.text import clean_text

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
WITA = dt.timezone(dt.timedelta(hours=8), "WITA")
WIT = dt.timezone(dt.timedelta(hours=9), "WIT")
ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "januari jan january",
        "februari feb pebruari peb february",
        "maret mar march",
        "april apr",
        "mei may",
        "juni jun june",
        "juli jul july",
        "agustus agu agt ags aug august",
        "september sep sept",
        "oktober okt oct october",
        "november nov nopember nop",
        "desember des dec december",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

DAY_NAMES = [
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "jum'at",
    "jum’at",
    "sabtu",
    "minggu",
    "ahad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
]

Parsed = dt.datetime | dt.date | None

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_YEAR = r"(?P<year>\d{4}|\d{2})"
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:\s+|-){_MONTH}(?:\s+|-){_YEAR}\b")
_MDY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b")
_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})\b")
_YMD = re.compile(r"\b(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})\b")
_ISO = re.compile(
    r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
)
_TIME = re.compile(
    r"(?<![\d/.-])(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?(?![\d/])"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?"
)
_ZONE = re.compile(r"\b(?P<zone>WITA|WIB|WIT)\b|\b(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})\b")
_RELATIVE = re.compile(
    r"\b(?P<amount>\d+)\s*(?P<unit>detik|menit|jam|hari|minggu|pekan)\s+(?:yang\s+)?lalu\b",
    re.IGNORECASE,
)
_URL_DAY = re.compile(r"/(?P<year>20\d{2}|19\d{2})/(?P<month>\d{2})/(?P<day>\d{2})(?:/|$)")
_URL_STAMP = re.compile(
    r"/(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})/(?P<hour>\d{2})(?P<minute>\d{2})(?P<second>\d{2})(?:/|$)"
)


def parse_offset(text: str) -> dt.tzinfo | None:
    """Read a printed time zone.

    >>> parse_offset("23:16 WITA")
    datetime.timezone(datetime.timedelta(seconds=28800), 'WITA')
    >>> parse_offset("+0700")
    datetime.timezone(datetime.timedelta(seconds=25200))
    >>> parse_offset("Z")
    datetime.timezone.utc
    >>> parse_offset("tanpa zona") is None
    True
    """
    text = text.strip()
    if text == "Z":
        return dt.UTC
    numeric = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", text)
    if numeric:
        sign = 1 if numeric[1] == "+" else -1
        return dt.timezone(sign * dt.timedelta(hours=int(numeric[2]), minutes=int(numeric[3])))
    zone = _ZONE.search(text)
    if not zone:
        return None
    if zone["zone"]:
        return ZONES[zone["zone"]]
    sign = 1 if zone["sign"] == "+" else -1
    return dt.timezone(sign * dt.timedelta(hours=int(zone["hours"])))


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _build(
    year: int,
    month: int,
    day: int,
    time: re.Match[str] | None,
    tz: dt.tzinfo,
) -> Parsed:
    try:
        day_value = dt.date(year, month, day)
        if time is None:
            return day_value
        hour, minute = int(time["hour"]), int(time["minute"])
        ampm = (time["ampm"] or "").replace(".", "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        return dt.datetime(year, month, day, hour, minute, int(time["second"] or 0), tzinfo=tz)
    except ValueError:
        return None


def _strip_day_name(text: str) -> str:
    words = re.split(r"(\s+)", text)
    return "".join(w for w in words if w.strip(",. ").lower() not in DAY_NAMES)


def parse_iso(text: str, default_tz: dt.tzinfo = WIB) -> Parsed:
    """ISO 8601 as found in ``<time datetime>``, meta tags and JSON-LD.

    >>> parse_iso("2023-09-12T23:16:00+0700").isoformat()
    '2023-09-12T23:16:00+07:00'
    >>> parse_iso("2026-03-03 11:29:42").isoformat()
    '2026-03-03T11:29:42+07:00'
    >>> parse_iso("2026-06-05")
    datetime.date(2026, 6, 5)
    """
    match = _ISO.search(text)
    if not match:
        return None
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if match["hour"] is None:
        return _build(year, month, day, None, default_tz)
    tz = parse_offset(match["offset"]) if match["offset"] else None
    tz = tz or parse_offset(text[match.end() :]) or default_tz
    time = _TIME.match(f"{match['hour']}:{match['minute']}:{match['second'] or '00'}")
    return _build(year, month, day, time, tz)


def parse_relative(text: str, reference_time: dt.datetime | None) -> Parsed:
    """``5 menit lalu``, ``13 jam yang lalu``, ``kemarin`` against a known clock.

    Minutes and hours give a time; days and weeks give only a day, because the
    time of day is not printed. Months and years are too vague and give None.

    >>> ref = dt.datetime(2026, 6, 5, 10, 0, tzinfo=WIB)
    >>> parse_relative("13 jam yang lalu", ref).isoformat()
    '2026-06-04T21:00:00+07:00'
    >>> parse_relative("kemarin", ref)
    datetime.date(2026, 6, 4)
    >>> parse_relative("5 menit lalu", None) is None
    True
    """
    if reference_time is None or reference_time.tzinfo is None:
        return None
    lowered = text.lower()
    if re.search(r"\bbaru saja\b", lowered):
        return reference_time.replace(second=0, microsecond=0)
    if re.search(r"\bkemarin\b", lowered):
        return reference_time.date() - dt.timedelta(days=1)
    if re.search(r"\bhari ini\b", lowered):
        return reference_time.date()
    match = _RELATIVE.search(text)
    if not match:
        return None
    amount, unit = int(match["amount"]), match["unit"].lower()
    if unit in ("detik", "menit", "jam"):
        delta = {"detik": dt.timedelta(seconds=amount), "menit": dt.timedelta(minutes=amount)}
        moment = reference_time - delta.get(unit, dt.timedelta(hours=amount))
        return moment.replace(second=0, microsecond=0)
    days = amount * (7 if unit in ("minggu", "pekan") else 1)
    return reference_time.date() - dt.timedelta(days=days)


def parse_date(
    text: str | None,
    default_tz: dt.tzinfo = WIB,
    reference_time: dt.datetime | None = None,
) -> Parsed:
    """Parse a printed date in any of the regional formats.

    >>> parse_date("Sep 12, 2023\\xa0-\\xa023:16").isoformat()
    '2023-09-12T23:16:00+07:00'
    >>> parse_date("Tayang: Selasa, 31 Maret 2026 22:05 WIB").isoformat()
    '2026-03-31T22:05:00+07:00'
    >>> parse_date("Rabu, 4 Nopember 2026 pukul 06.45 WITA").isoformat()
    '2026-11-04T06:45:00+08:00'
    >>> parse_date("24 April 2026 2:53 PM").isoformat()
    '2026-04-24T14:53:00+07:00'
    >>> parse_date("Jun 5, 2026")
    datetime.date(2026, 6, 5)
    >>> parse_date("12/09/2023 08:00").isoformat()
    '2023-09-12T08:00:00+07:00'
    >>> parse_date("30 Februari 2026") is None
    True
    """
    if not text:
        return None
    text = clean_text(text)
    if _ISO.search(text):
        return parse_iso(text, default_tz)
    for pattern in (_DMY, _MDY, _NUMERIC, _YMD):
        match = pattern.search(text)
        if not match:
            continue
        month_text = match["month"]
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
        if month is None:
            continue
        rest = _strip_day_name(text[match.end() :])
        time = _TIME.search(rest)
        tz = parse_offset(rest) or default_tz
        return _build(_year(match["year"]), month, int(match["day"]), time, tz)
    return parse_relative(text, reference_time)


def date_from_url(url: str | None, default_tz: dt.tzinfo = WIB) -> Parsed:
    """Publication date encoded in an article URL's path.

    >>> date_from_url("https://example.id/berita/2024/01/29/judul")
    datetime.date(2024, 1, 29)
    >>> date_from_url("https://example.id/baca/20260513/014100/judul").isoformat()
    '2026-05-13T01:41:00+07:00'
    >>> date_from_url("https://www.nusadaily.com/judul-berita") is None
    True
    """
    if not url:
        return None
    stamp = _URL_STAMP.search(url)
    if stamp:
        time = _TIME.match(f"{stamp['hour']}:{stamp['minute']}:{stamp['second']}")
        return _build(int(stamp["year"]), int(stamp["month"]), int(stamp["day"]), time, default_tz)
    day = _URL_DAY.search(url)
    if day:
        return _build(int(day["year"]), int(day["month"]), int(day["day"]), None, default_tz)
    return None


def to_iso(value: Parsed) -> str | None:
    """ISO 8601 text: with offset for a moment, ``YYYY-MM-DD`` for a day.

    >>> to_iso(dt.datetime(2023, 9, 12, 23, 16, tzinfo=WIB))
    '2023-09-12T23:16:00+07:00'
    >>> to_iso(dt.date(2026, 6, 5))
    '2026-06-05'
    """
    return None if value is None else value.isoformat()
