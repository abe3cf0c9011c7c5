"""Paragraphs inside a body that are site furniture, not the story."""

from __future__ import annotations

import re

_FURNITURE = re.compile(
    r"^(?:"
    r"(?i:baca\s+(?:juga|pula))\b\s*:?"
    r"|(?i:simak\s+juga|lihat\s+juga|tonton\s+juga)\b"
    r"|(?i:advertisement|iklan|scroll\s+(?:to|untuk)\s+(?:continue|(?:me)?lanjut)\w*)\b"
    r"|\[Gambas:[^\]]*\]"
    r")",
)


def is_furniture(paragraph: str) -> bool:
    """True for a ``Baca juga: …`` link, an ad label or an embed placeholder.

    >>> is_furniture("Baca Juga: Harga Cabai Naik di Pasar Besar")
    True
    >>> is_furniture("ADVERTISEMENT")
    True
    >>> is_furniture("Baca selengkapnya laporan BPS tahun ini.")
    False
    """
    return bool(_FURNITURE.match(paragraph.strip()))


def drop_furniture(paragraphs: list[str]) -> list[str]:
    """Keep only the paragraphs that belong to the story.

    >>> drop_furniture(["Satu.", "Baca juga: Judul lain", "Dua."])
    ['Satu.', 'Dua.']
    """
    return [p for p in paragraphs if not is_furniture(p)]
