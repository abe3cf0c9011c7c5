"""Whitespace, entity and paragraph clean-up shared by every normalizer."""

from __future__ import annotations

import re

from w3lib.html import remove_tags, remove_tags_with_content, replace_entities

# Elements whose content is code or embedded pages, never article text.
NOT_TEXT = ("script", "style", "noscript", "iframe", "template", "object", "embed", "svg")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Markup of those elements that was entity-encoded in the page and so survives one decoding.
_CODE_TAGS = "script|style|noscript|iframe|template"
_DECODED_CODE = re.compile(
    rf"<({_CODE_TAGS})\b[^>]*>.*?</\1\s*>|</?(?:{_CODE_TAGS})\b[^>]*>", re.IGNORECASE | re.DOTALL
)
# Zero-width characters and soft hyphens that CMS editors paste into copy.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Terminal escape sequences (CSI and OSC), then every other control character but the line break.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[^\S\n]+")
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")


def html_to_text(html: str) -> str:
    """Markup to text: code elements dropped with their content, ``<br>`` kept as a line
    break, entities decoded exactly once.

    >>> html_to_text("Harga <b>naik</b><script>track('x')</script> 5&amp;nbsp;persen<br>Baris")
    'Harga naik 5&nbsp;persen\\nBaris'
    >>> html_to_text("Kode &lt;script&gt;alert(1)&lt;/script&gt;disisipkan &lt; 5")
    'Kode disisipkan < 5'
    """
    text = remove_tags_with_content(html, which_ones=NOT_TEXT)
    text = replace_entities(remove_tags(_BREAK.sub("\n", text)))
    return _DECODED_CODE.sub("", text)


def tidy_text(text: str) -> str:
    """Drop invisible and control characters and terminal escapes; fold horizontal white space.

    >>> tidy_text("\\u200bMasih kata\\x00  Djoni\\x1b[31m merah\\x1b[0m ")
    'Masih kata Djoni merah'
    """
    text = text.replace("\xa0", " ").replace("\t", " ")
    text = _CONTROL.sub("", _ANSI.sub("", _INVISIBLE.sub("", text)))
    return _SPACES.sub(" ", text).strip()


def clean_text(text: str) -> str:
    """A short printed string (a date, a label): entities decoded, then tidied.

    >>> clean_text("Sep&nbsp;12,  2023&nbsp;-&nbsp;23:16")
    'Sep 12, 2023 - 23:16'
    """
    return tidy_text(replace_entities(text))


def split_paragraphs(text: str) -> list[str]:
    """Split on line breaks and drop empty paragraphs.

    >>> split_paragraphs("Satu.\\n\\n  Dua.\\nTiga. ")
    ['Satu.', 'Dua.', 'Tiga.']
    """
    parts = (tidy_text(p) for p in _PARAGRAPH_BREAK.split(text))
    return [p for p in parts if p]


def join_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs separated by one blank line, the body format of every record."""
    return "\n\n".join(p for p in paragraphs if p)
