"""Text normalization for Indonesian news: dateline, credits, furniture and dates.

``normalize_body`` is what the item loader and ``python -m newscrawl.normalize``
both call, so a crawl and a re-normalization of stored records always agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields

from newscrawl.normalize.boilerplate import drop_furniture
from newscrawl.normalize.credits import Credits, split_credits
from newscrawl.normalize.dateline import Dateline, split_dateline
from newscrawl.normalize.dates import WIB, WIT, WITA, Parsed, date_from_url, parse_date, to_iso
from newscrawl.normalize.hints import OutletHint
from newscrawl.normalize.text import clean_text, join_paragraphs, split_paragraphs

__all__ = [
    "NORMALIZED_FIELDS",
    "WIB",
    "WIT",
    "WITA",
    "Credits",
    "Dateline",
    "NormalizedBody",
    "OutletHint",
    "clean_text",
    "date_from_url",
    "normalize_body",
    "parse_date",
    "published_at",
    "split_credits",
    "split_dateline",
    "to_iso",
]


@dataclass
class NormalizedBody:
    """What the normalizer makes of a raw body: the record fields it sets, by the same names."""

    body: str
    dateline_location: str | None = None
    dateline_outlet: str | None = None
    editor_tag: str | None = None
    authors: list[str] = field(default_factory=list)
    editor: str | None = None


# The record fields the text normalizer computes (the loader and the CLI both set exactly these).
NORMALIZED_FIELDS = tuple(f.name for f in fields(NormalizedBody))


def normalize_body(text: str, hint: OutletHint | None = None) -> NormalizedBody:
    """Split a raw body into the clean story and what was printed around it.

    Paragraphs may be separated by line breaks or the body may be one line. ``hint``
    names the outlet the text comes from, so that its name is known in any form.

    >>> n = normalize_body("NUSADAILY.COM – MOSKOW – Rusia mengonfirmasi.\\n\\nKremlin diam.(han)")
    >>> n.body, n.dateline_location, n.dateline_outlet, n.editor_tag
    ('Rusia mengonfirmasi.\\n\\nKremlin diam.', 'MOSKOW', 'NUSADAILY.COM', 'han')
    """
    paragraphs = drop_furniture(split_paragraphs(text))
    joined = "\n".join(paragraphs)
    dateline, rest, reporters = split_dateline(joined, hint)
    credits, rest = split_credits(rest)
    authors = list(dict.fromkeys(reporters + credits.authors))
    return NormalizedBody(
        body=join_paragraphs(split_paragraphs(rest)),
        dateline_location=dateline.location,
        dateline_outlet=dateline.outlet,
        editor_tag=credits.editor_tag,
        authors=authors,
        editor=credits.editor,
    )


def published_at(
    date_string: str | None,
    url: str | None = None,
    default_tz: dt.tzinfo = WIB,
    reference_time: dt.datetime | None = None,
) -> Parsed:
    """The printed date, else the date in the URL, else None.

    >>> to_iso(published_at("Sep 12, 2023 - 23:16"))
    '2023-09-12T23:16:00+07:00'
    >>> to_iso(published_at(None, "https://example.id/read/20260513/014100/judul"))
    '2026-05-13T01:41:00+07:00'
    """
    return parse_date(date_string, default_tz, reference_time) or date_from_url(url, default_tz)


def record_fields(
    body_raw: str | None,
    published_printed: str | None,
    url: str | None,
    *,
    hint: OutletHint | None = None,
    default_tz: dt.tzinfo = WIB,
    reference_time: dt.datetime | None = None,
    authors: list[str] | None = None,
    editor: str | None = None,
) -> dict[str, object]:
    """The record fields the rules compute from what a page printed: the crawl and a
    re-normalization of stored records both call this, so they cannot disagree.

    ``authors`` and ``editor`` are what the page's byline gave; credits found in the
    text add to them.

    >>> f = record_fields("NUSADAILY.COM – BATU – Panen apel.(han)", "Nov 3, 2026 - 08:20", None)
    >>> f["body"], f["dateline_location"], f["editor_tag"], f["published_at"]
    ('Panen apel.', 'BATU', 'han', '2026-11-03T08:20:00+07:00')
    """
    fields_ = {name: None for name in NORMALIZED_FIELDS} | {"authors": list(authors or [])}
    if body_raw:
        normalized = normalize_body(body_raw, hint)
        fields_.update({name: getattr(normalized, name) for name in NORMALIZED_FIELDS})
        fields_["body"] = normalized.body or None
        fields_["authors"] = list(dict.fromkeys([*(authors or []), *normalized.authors]))
    fields_["editor"] = editor or fields_["editor"]
    fields_["published_at"] = to_iso(published_at(published_printed, url, default_tz, reference_time))
    return fields_
