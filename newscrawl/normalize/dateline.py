"""The dateline at the start of an article body, and the noise printed before it.

A dateline is a short header that ends in a separator: ``NUSADAILY.COM – MALANG –``,
``KEPANJEN, RADAR MALANG –``, ``Malang Raya (ANTARA) -``, ``JATIMTIMES -``. The rules
tell an outlet from a place by its shape (a domain, a word built on a media word
such as TIMES or RADAR, a name in brackets), never by a list of outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newscrawl.normalize.dates import MONTHS
from newscrawl.normalize.hints import OutletHint

# Words that make a token an outlet name when it is, starts or ends with one
# (JATIMTIMES, MALANGVOICE, TIMESINDONESIA, NUSADAILY, BERITAJATIM).
MEDIA_WORDS = [
    "TIMES",
    "VOICE",
    "NEWS",
    "POST",
    "DAILY",
    "MEDIA",
    "RADAR",
    "TRIBUN",
    "BERITA",
    "KABAR",
    "WARTA",
    "ONLINE",
    "ANTARA",
    "KOMPAS",
    "DETIK",
    "SURYA",
    "JAWAPOS",
    "OKEZONE",
    "LIPUTAN",
    "SUARA",
    "REPUBLIKA",
    "TEMPO",
    "SINDO",
    "HARIAN",
    "KORAN",
    "TABLOID",
    "MAJALAH",
    "JURNAL",
    "PORTAL",
    "TERKINI",
    "POSCO",
    "INEWS",
    "CNN",
    "CNBC",
    "BBC",
    "VOA",
    "RRI",
    "TVRI",
    "KONTAN",
    "BISNIS",
]
# A broadcaster's call sign: letters then digits (RADIO88H, SUARA99FM); no place is spelt so.
_CALL_SIGN = re.compile(r"^[A-Z]{3,}\d{2,}[A-Z]{0,3}$")
# Media words that only count as the whole token (POSO and METRO are places).
MEDIA_TOKENS = {"POS", "TV", "FM", "PERS", "PRESS"}
# Media words that count at the end of a token too (SOLOPOS, INDOPOS).
MEDIA_SUFFIXES = ("POS",)

# A domain, also respaced before its ending (``TABLOIDJAWATIMUR. COM``).
_DOMAIN = re.compile(
    r"^[A-Za-z][\w-]*(?:\.[\w-]+)*\.\s?(?:com|co\.id|id|net|org|media|news|tv|online|info|co|web\.id|or\.id)$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*(?:\|\|?|[-–—]+|:)\s*")
_WORD = re.compile(r"[^\s,()]+")
_TITLE_WORD = re.compile(r"^[A-Z][\w'’.&-]*$")
_DATE_TAIL = re.compile(
    r",\s*\d{1,2}\s+(?P<month>[A-Za-z]{3,9})\.?\s+\d{4}\s*$",
)
# ``JAKARTA, Senin (12/9/2023) -``: the day and date of older wire-style datelines.
_DAY_TAIL = re.compile(
    r",\s*(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\b\s*(?:\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\))?\s*$",
    re.IGNORECASE,
)
_HEAD_MAX = 90
_NOISE_LABEL = re.compile(
    r"^(?:Ringkasan\s+Berita|Ringkasan|Rangkuman\s+Berita|Poin\s+Penting|Intisari)\s*:",
    re.IGNORECASE,
)
_REPORTER = re.compile(
    r"^Laporan\s*(?:wartawan|reporter|jurnalis|koresponden|kontributor)?\s*"
    r"(?P<outlet>[\w.-]+\.(?:com|id|co\.id|net))?\s*:?\s*,?\s*",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:Oleh|Penulis|Reporter|Wartawan|Kontributor)\s*:\s*(?P<name>.+)$", re.IGNORECASE)
_CAPTION = re.compile(
    r"^(?:foto|ilustrasi|dok(?:umentasi)?|keterangan\s+foto|caption)\b\.?\s*:|"
    r"\((?:foto|dok(?:umentasi)?|ilustrasi)\b[^)]*\)\s*$",
    re.IGNORECASE,
)
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}")
# A part that opens with an office is a person's title (``Wali Kota Batu``, ``KETUA DPRD``), not a place.
_OFFICE = re.compile(
    r"^(?:Wali\s*Kota|Walikota|Wakil|Bupati|Gubernur|Ketua|Kepala|Menteri|Presiden|Camat|Lurah|Kades"
    r"|Kapol(?:res|da|sek|ri)|Dandim|Danrem|Pangdam|Rektor|Direktur|Sekda|Sekretaris|Kadis|Kabid|Anggota"
    r"|Jaksa|Hakim|Ustaz|Kiai|Pak|Bu|Ibu|Bapak)\b",
    re.IGNORECASE,
)


@dataclass
class Dateline:
    location: str | None = None
    outlet: str | None = None


def is_outlet(part: str, hint: OutletHint | None = None) -> bool:
    """True when a dateline part names the outlet rather than a place.

    >>> [is_outlet(p) for p in ("NUSADAILY.COM", "TABLOIDJAWATIMUR. COM", "RADAR MALANG")]
    [True, True, True]
    >>> [is_outlet(p) for p in ("MALANGVOICE", "Malang Posco Media", "KABUPATEN MALANG", "POSO")]
    [True, True, False, False]
    >>> lombok = OutletHint.for_outlet("lombokkini.net")
    >>> is_outlet("RADIO88H"), is_outlet("Lombok Kini"), is_outlet("Lombok Kini", lombok)
    (True, False, True)
    """
    part = part.strip()
    if _DOMAIN.match(part) or _CALL_SIGN.match(part) or (hint is not None and hint.names(part)):
        return True
    for word in part.upper().split():
        word = word.strip(".")
        if word in MEDIA_TOKENS or word in MEDIA_WORDS:
            return True
        if any(word.startswith(m) or word.endswith(m) for m in MEDIA_WORDS if len(word) > len(m)):
            return True
        if any(word.endswith(m) for m in MEDIA_SUFFIXES if len(word) > len(m) + 2):
            return True
    return False


def _name_part(part: str) -> bool:
    """A dateline part is one domain, or capitalised words (``Malang Raya``, ``DKI Jakarta``).

    A domain never shares a part with other words: ``Siti Aminah SURYA.CO.ID`` is
    a reporter's name followed by the dateline, not an outlet.
    """
    words = part.split()
    if not words:
        return False
    if _DOMAIN.match(part):  # also a respaced domain such as ``TABLOIDJAWATIMUR. COM``
        return True
    if len(words) > 1 and any(_DOMAIN.match(w) for w in words):
        return False
    return all(_TITLE_WORD.match(w) for w in words)


def parse_head(head: str, hint: OutletHint | None = None) -> Dateline | None:
    """Split a dateline header (without its final separator) into place and outlet.

    >>> parse_head("KEPANJEN, RADAR MALANG")
    Dateline(location='KEPANJEN', outlet='RADAR MALANG')
    >>> parse_head("Malang, Jawa Timur (ANTARA)")
    Dateline(location='Malang, Jawa Timur', outlet='ANTARA')
    >>> parse_head("SURABAYA, 25 JUNI 2026")
    Dateline(location='SURABAYA', outlet=None)
    >>> parse_head("MALANG POSCO MEDIA")
    Dateline(location=None, outlet='MALANG POSCO MEDIA')
    >>> parse_head("Ketua dan anggota") is None
    True
    """
    head = re.sub(r"\s+", " ", head).strip(" ,")
    if not head or len(head) > _HEAD_MAX:
        return None
    date = _DATE_TAIL.search(head)
    if date and date["month"].lower() in MONTHS:
        head = head[: date.start()].strip(" ,")
    head = _DAY_TAIL.sub("", head).strip(" ,")
    outlet_in_brackets = None
    bracketed = re.fullmatch(r"(?P<before>.*?)\s*\((?P<inner>[^()]+)\)", head)
    if bracketed:
        outlet_in_brackets = bracketed["inner"].strip()
        head = bracketed["before"].strip(" ,")
    if "(" in head or ")" in head:
        return None
    parts = [p.strip() for p in head.split(",") if p.strip()]
    if not parts and not outlet_in_brackets:
        return None
    if not all(_name_part(p) for p in parts):
        return None
    places = [p for p in parts if not is_outlet(p, hint)]
    outlets = [p for p in parts if is_outlet(p, hint)]
    if any(_OFFICE.match(p) for p in places):
        return None
    if outlet_in_brackets:
        outlets.append(outlet_in_brackets)
    if len(outlets) > 1 or sum(len(p.split()) for p in places) > 5:
        return None
    return Dateline(location=", ".join(places) or None, outlet=outlets[0] if outlets else None)


def _separator_ok(text: str, sep: re.Match[str]) -> bool:
    """Reject hyphens inside words (``Alun-Alun``, ``COVID-19``) and labels."""
    glyph = sep.group().strip()
    before, after = text[: sep.start()], text[sep.end() :]
    if not after or not before:
        return False
    spaced_before = sep.group()[0].isspace()
    spaced_after = sep.group()[-1].isspace()
    last_word = before.split()[-1] if before.split() else ""
    if glyph == ":":
        # Only ``MALANG: …`` style headers in capitals or a domain; ``Penulis: …`` is a label.
        return spaced_after and (
            (last_word.isupper() and len(last_word) >= 3) or bool(_DOMAIN.match(last_word))
        )
    if glyph in ("-", "–", "—") and not spaced_before and not spaced_after:
        # Glued dash: ``MALANG-Tiga`` but never ``Alun-alun``, ``ke-80`` or ``TIMOR-POST.COM``.
        letters = last_word.strip(".")
        word = last_word + glyph + after.split(maxsplit=1)[0]
        if _DOMAIN.match(word.rstrip(",.:;")):
            return False
        return letters.isupper() and len(letters) >= 3 and after[0].isupper()
    return after[0].isalnum() or after[0] in "\"“‘'("


def match_dateline(text: str, hint: OutletHint | None = None) -> tuple[Dateline, int] | None:
    """Find a dateline at the very start of ``text``: its parts and where the rest begins.

    >>> d, end = match_dateline("NUSADAILY.COM – MOSKOW – Rusia mengonfirmasi")
    >>> d, "NUSADAILY.COM – MOSKOW – Rusia mengonfirmasi"[end:]
    (Dateline(location='MOSKOW', outlet='NUSADAILY.COM'), 'Rusia mengonfirmasi')
    """
    window = text[: _HEAD_MAX + 10]
    for sep in _SEPARATOR.finditer(window):
        if not _separator_ok(text, sep):
            continue
        dateline = parse_head(text[: sep.start()], hint)
        if dateline is None:
            continue
        return _with_following(text, dateline, sep.end(), hint)
    return _ended_by_comma_or_break(text, hint)


# A place in brackets right after an outlet: ``KENDARINEWS.COM: (Kendari) Warga…``.
_BRACKET_PLACE = re.compile(r"\((?P<place>[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3})\)\s*(?=\S)")
# A place in capitals closed by a full stop: ``– MATARAM.⏎Warga…`` or ``AMBON. Warga…``.
_STOPPED_PLACE = re.compile(r"(?P<place>[A-Z]{3,}(?: [A-Z]{3,}){0,2})\.(?:\s*\n\s*|\s+(?=[A-Z\"“]))")


def _with_following(text: str, dateline: Dateline, end: int, hint: OutletHint | None) -> tuple[Dateline, int]:
    """Complete a dateline with the other half printed after it, when there is one."""
    if dateline.location is None and dateline.outlet:
        rest = text[end:]
        for pattern in (_BRACKET_PLACE, _STOPPED_PLACE):
            place = pattern.match(rest)
            if place and not is_outlet(place["place"], hint):
                dateline.location = place["place"]
                return dateline, end + place.end()
    following = _following_part(text[end:], hint)
    if following:
        part, consumed = following
        # ``OUTLET – PLACE –`` or ``PLACE | OUTLET –``: the other half, with its own separator.
        if dateline.location is None and dateline.outlet and part.location and not part.outlet:
            dateline.location = part.location
            end += consumed
        elif dateline.outlet is None and dateline.location and part.outlet and not part.location:
            dateline.outlet = part.outlet
            end += consumed
    return dateline, end


def _is_strong_outlet(part: str, hint: OutletHint | None) -> bool:
    """An outlet that no place or sentence could be: a domain, a call sign, the outlet's own name."""
    part = part.strip()
    return bool(_DOMAIN.match(part) or _CALL_SIGN.match(part) or (hint and hint.names(part)))


def _ended_by_comma_or_break(text: str, hint: OutletHint | None) -> tuple[Dateline, int] | None:
    """``Palu, Beritapalu.com, Warga…``, ``RADIO88H, Warga…`` and ``PLACE, OUTLET.COM⏎Warga…``:
    a header whose last part is unmistakably the outlet may end with a comma or a line break."""
    for end in re.finditer(r",[^\S\n]*(?=[A-Z\"“])|[^\S\n]*\n\s*", text[: _HEAD_MAX + 10]):
        head = text[: end.start()]
        last = head.rsplit(",", 1)[-1]
        if not _is_strong_outlet(last, hint):
            continue
        dateline = parse_head(head, hint)
        if dateline is not None and dateline.outlet:
            return _with_following(text, dateline, end.end(), hint)
    return None


def _following_part(text: str, hint: OutletHint | None = None) -> tuple[Dateline, int] | None:
    """A short place or outlet followed by its own separator (or, for an outlet, a line
    break), right after a header."""
    for sep in _SEPARATOR.finditer(text[:60]):
        head = text[: sep.start()]
        if len(head.split()) > 4:
            break
        if sep.group().strip() == ":" or not _separator_ok(text, sep):
            continue
        parsed = parse_head(head, hint)
        if parsed is None or bool(parsed.location) == bool(parsed.outlet):
            break
        return parsed, sep.end()
    broken = re.match(r"(?P<head>[^\n]{2,60}?)[^\S\n]*\n\s*", text)
    if broken and _is_strong_outlet(broken["head"], hint):
        return Dateline(outlet=broken["head"].strip()), broken.end()
    return None


_BARE_DOMAIN = re.compile(
    r"(?P<outlet>[A-Za-z][\w-]*(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org|media|news))\s+(?=[A-Z\"“])"
)


def _fallback_dateline(text: str, hint: OutletHint | None = None) -> tuple[Dateline, int] | None:
    """Headers without a dash: ``BATU, Wali Kota…`` or ``BATU. Wali Kota…`` (a place ending with
    a comma or stop), ``SUARA BARU. AMBON. Warga…`` (outlet and place with stops) and
    ``Lombokkini.net Warga…`` (a domain and nothing else)."""
    match = re.match(r"(?P<head>[A-Z]{4,}(?: [A-Z]{4,}){0,2})\s*[.,]\s+(?=[A-Z])", text)
    if match and is_outlet(match["head"], hint):
        place = _STOPPED_PLACE.match(text, match.end())
        if match.group().rstrip().endswith(".") and place and not is_outlet(place["place"], hint):
            return Dateline(location=place["place"], outlet=match["head"]), place.end()
        return None
    if match:
        return Dateline(location=match["head"]), match.end()
    bare = _BARE_DOMAIN.match(text)
    if bare:
        return Dateline(outlet=bare["outlet"]), bare.end()
    return None


def _is_strong(dateline: Dateline) -> bool:
    return dateline.outlet is not None


def split_dateline(text: str, hint: OutletHint | None = None) -> tuple[Dateline, str, list[str]]:
    """Remove the leading noise and the dateline; return them apart from the rest.

    Returns the dateline (empty when none is printed), the text after it and the
    names of reporters found in the noise.

    >>> split_dateline("NUSADAILY.COM - MALANG-Tiga OPD kini punya pimpinan.")[:2]
    (Dateline(location='MALANG', outlet='NUSADAILY.COM'), 'Tiga OPD kini punya pimpinan.')
    >>> split_dateline("Jelang Hari Bhayangkara MEMOX.CO.ID – Puluhan gamer ikut.")[:2]
    (Dateline(location=None, outlet='MEMOX.CO.ID'), 'Puluhan gamer ikut.')
    >>> split_dateline("Dinas Kominfo menggelar bimtek - kata dia.")[:2]
    (Dateline(location=None, outlet=None), 'Dinas Kominfo menggelar bimtek - kata dia.')
    """
    authors: list[str] = []
    text = text.lstrip()
    text = _drop_leading_paragraphs(text, authors)
    found = _dateline_after_summary(text, authors, hint) if _NOISE_LABEL.match(text) else None
    if found is not None:
        dateline, end = found
        return dateline, text[end:].lstrip(), authors
    found = match_dateline(text, hint)
    if hint and (found is None or found[0].outlet is None):
        # The outlet's own name in a form the shape rules cannot tell from a place.
        found = _hinted_dateline(text, hint) or found
    if found is None or _NOISE_LABEL.match(text):
        found = _dateline_after_noise(text, authors, hint) or found
    if found is None:
        found = _fallback_dateline(text, hint)
    if found is None:
        return Dateline(), text, authors
    dateline, end = found
    return dateline, text[end:].lstrip(), authors


def _dateline_after_summary(
    text: str, authors: list[str], hint: OutletHint | None
) -> tuple[Dateline, int] | None:
    """``Ringkasan Berita: …⏎Laporan Wartawan X, Nama⏎OUTLET, PLACE - …``: the summary paragraph,
    then reporter lines, then the dateline."""
    if "\n" not in text:
        return None
    rest = _drop_leading_paragraphs(text.split("\n", 1)[1].lstrip(), authors)
    found = match_dateline(rest, hint)
    if found is None or not _is_strong(found[0]):
        return None
    return found[0], len(text) - len(rest) + found[1]


def _drop_leading_paragraphs(text: str, authors: list[str]) -> str:
    """Reporter lines and photo captions printed as paragraphs of their own."""
    while "\n" in text:
        first, rest = text.split("\n", 1)
        first = first.strip()
        reporter = _REPORTER.match(first)
        byline = _BYLINE.match(first)
        if reporter and first.lower().startswith("laporan"):
            # ``Laporan Wartawan Tribun Jatim, Nama``: the name follows the last comma.
            name = _NAME.match(first[reporter.end() :].rsplit(",", 1)[-1].strip())
            if name:
                authors.append(name.group().strip())
        elif byline and _NAME.fullmatch(byline["name"].strip()):
            authors.append(byline["name"].strip())
        elif not _CAPTION.search(first):
            return text
        text = rest.lstrip()
    return text


# A photo caption printed inline before the dateline ends with its credit.
_INLINE_CAPTION = re.compile(
    r"^(?:.{0,300}?\((?:Foto|FOTO|Dok|DOK|Ilustrasi)\b[^)]{0,80}\)|(?:Foto|FOTO)\s*:[^.]{0,200}?\.)\s*"
)


def _dateline_after_noise(
    text: str, authors: list[str], hint: OutletHint | None = None
) -> tuple[Dateline, int] | None:
    """A summary block, a reporter line or a kicker printed before the dateline.

    Only a dateline that names its outlet counts here, so that an ordinary
    sentence is never taken for one.
    """
    caption = _INLINE_CAPTION.match(text)
    if caption:
        after = match_dateline(text[caption.end() :], hint) or _fallback_dateline(text[caption.end() :], hint)
        if after:
            return after[0], caption.end() + after[1]
    noise_label = _NOISE_LABEL.match(text)
    limit = 2500 if noise_label else 160
    for word in _WORD.finditer(text[:limit]):
        start = word.start()
        if start == 0:
            continue
        found = match_dateline(text[start:], hint)
        if found is None or not _is_strong(found[0]):
            continue
        prefix = text[:start]
        reporter = re.search(r"\bLaporan\b[^:]{0,40}:\s*(?P<name>[^:]{1,60}?)\s*$", prefix)
        if reporter:
            authors.append(reporter["name"].strip())
        elif not noise_label and (re.search(r"[.!?]\s", prefix) or len(prefix.split()) > 12):
            return None  # a real sentence precedes it: not a kicker
        dateline, end = found
        return dateline, start + end
    return None


_AFTER_NAME = re.compile(r"[^\S\n]*(?:[-–—|:]+|[.,](?=\s))?[^\S\n]*\n?\s*")


def _hinted_dateline(text: str, hint: OutletHint) -> tuple[Dateline, int] | None:
    """The outlet's own name near the start, in any printed form, with a place before or after it.

    ``Lombok Kini – Warga…``, ``JAYA AKTUAL. Warga…``, ``(SUARA TIMUR) Kupang – Warga…``,
    ``Mataram, LOMBOK KINI – Warga…``, ``LOMBOK KINI, Mataram – Warga…``.
    """
    tokens = list(re.finditer(r"\S+", text[:_HEAD_MAX]))
    for i, first in enumerate(tokens[:6]):
        for last in tokens[i : i + 4]:
            printed = text[first.start() : last.end()]
            if not hint.names(printed):
                continue
            raw_head = text[: first.start()].rstrip()
            if raw_head and raw_head[-1] not in ",|–—-:":
                return None  # the name inside a sentence, not a dateline
            head = raw_head.rstrip(",|–—-:").strip()
            place = parse_head(head, hint) if head else Dateline()
            if place is None or place.outlet:
                return None
            end = _AFTER_NAME.match(text, last.end()).end()
            closed = printed[-1] in ",.:;|–—-)" or "\n" in text[last.end() : end] or _DOMAIN.match(printed)
            if not closed and not re.match(r"[^\S\n]*[-–—|:]", text[last.end() :]):
                return None  # ``Lombok Kini menerima…``: a sentence about the outlet
            outlet = printed.strip("()[]").rstrip(",.:;|–—-").strip()
            dateline = Dateline(location=place.location, outlet=outlet)
            if dateline.location is None:
                return _with_hinted_place(text, dateline, end, hint)
            return dateline, end
    return None


# After the outlet: a place and its own separator. Capitals may end with a comma or stop;
# Title Case only with a dash or bar, so that ``Wali Kota Batu, Budi…`` stays text.
_PLACE_AFTER = re.compile(
    r"(?P<place>[A-Z]{3,}(?:[ -][A-Z]{3,}){0,2})(?:\s*[-–—|:,.]\s*|-(?=[A-Z]))(?=\S)"
    r"|(?P<titled>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})[^\S\n]+[-–—|][^\S\n]+(?=\S)"
)


def _with_hinted_place(text: str, dateline: Dateline, end: int, hint: OutletHint) -> tuple[Dateline, int]:
    rest = text[end:]
    for pattern in (_BRACKET_PLACE, _STOPPED_PLACE, _PLACE_AFTER):
        match = pattern.match(rest)
        if match:
            place = next(g for g in (match.groupdict().get(k) for k in ("place", "titled")) if g)
            if not is_outlet(place, hint) and parse_head(place, hint) is not None:
                dateline.location = place
                return dateline, end + match.end()
    return dateline, end
