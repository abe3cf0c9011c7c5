"""Whitespace, entity and paragraph clean-up shared by every normalizer."""

from __future__ import annotations

import re

from w3lib.html import replace_entities

# Zero-width characters and soft hyphens that CMS editors paste into copy.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[^\S\n]+")
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")


def clean_text(text: str) -> str:
    """Decode entities and fold every run of horizontal white space to one space.

    >>> clean_text("Sep&nbsp;12,  2023&nbsp;-&nbsp;23:16")
    'Sep 12, 2023 - 23:16'
    >>> clean_text("\\u200bMasih kata  Djoni ")
    'Masih kata Djoni'
    """
    text = replace_entities(text).replace("\xa0", " ")
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def split_paragraphs(text: str) -> list[str]:
    """Split on line breaks and drop empty paragraphs.

    >>> split_paragraphs("Satu.\\n\\n  Dua.\\nTiga. ")
    ['Satu.', 'Dua.', 'Tiga.']
    """
    parts = (clean_text(p) for p in _PARAGRAPH_BREAK.split(text))
    return [p for p in parts if p]


def join_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs separated by one blank line, the body format of every record."""
    return "\n\n".join(p for p in paragraphs if p)
