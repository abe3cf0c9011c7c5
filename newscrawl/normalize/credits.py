"""The credit at the end of an article body and the site furniture printed after it.

Regional outlets close a story with the editor's initials in brackets (``(han)``,
``(ap/wan)``, ``.[asg/kun]``, ``(*)``), a name in brackets (``(Kharis)``) or label
lines (``Pewarta: … Editor: …``), often followed by copyright lines, tag lists,
related links or post navigation. An ordinary closing bracket (``(12/9).``,
``kata Kadis (Kepala Dinas).``) is not a credit: when in doubt the text stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SENTENCE_END = ".!?\"”’'»)"

# Furniture after the story: everything from the marker to the end goes.
_TRAILER = re.compile(
    r"COPYRIGHT\s*©|Copyright\s*©|©\s*(?:\d{4}|[A-Z])|(?i:Hak\s+cipta\s+dilindungi)"
    r"|(?i:Dilarang\s+keras\s+mengambil\s+konten)"
    r"|(?i:Baca\s+berita\b.{0,60}?\blainnya\s+di\s+Google)"
    r"|(?:Simak|Ikuti|Dapatkan)\s+(?i:berita|update|informasi|kabar)[^.]{0,60}?"
    r"(?:Google\s+News|(?i:saluran|channel)\s+WhatsApp|WhatsApp\s+Channel|Telegram)"
    r"|Navigasi\s+pos\b|Pos\s+sebelumnya\b|Pos\s+selanjutnya\b|Previous\s+post\b|Next\s+post\b"
    r"|(?:Artikel|Berita)\s+(?:Sebelumnya|Selanjutnya|Terkait|Lainnya)\b"
    r"|\b(?i:Tags?|Topik|Kata\s+kunci)\s*:"
    r"|Tinggalkan\s+(?:Balasan|Komentar)\b|Leave\s+a\s+Reply\b|Berikan\s+Komentar\b"
    r"|Kirim\s+Komentar\b|Tulis\s+Komentar\b|Belum\s+ada\s+komentar\b|\b\d+\s+Komentar\b"
    r"|\bKlik\s+(?:di\s+)?sini\b\W*$"
    r"|\bBagikan\s*:|\bShare\s+this\b"
    r"|Dapatkan\s+update\s+berita|Mari\s+bergabung\s+di|Simak\s+breaking\s+news"
    r"|(?:Artikel|Berita)\s+ini\s+telah\s+(?:tayang|terbit|dimuat)|Cek\s+berita\s+dan\s+artikel"
)
# Promotions printed between the last sentence and the credit.
_PROMO_TAIL = re.compile(
    r"^(?:Video\b|Lihat\s+juga\b|Simak\s+juga\b|Baca\s+juga\b|Tonton\s+juga\b|Saksikan\b|\[Gambas)",
    re.IGNORECASE,
)
# A labelled promotion may quote its title, so it is found by its label.
_PROMO_LABEL = re.compile(r"(?:(?<=[.!?\"”’)])|(?<=\n))\s*(?:(?:Lihat|Simak|Baca|Tonton)\s+juga\b|Video\s*:)")
_GAMBAS = re.compile(r"\[Gambas:[^\]]*\]")

_LABELS = {
    "author": r"Penulis|Pewarta|Reporter|Wartawan|Jurnalis|Penyusun|Kontributor|Ditulis\s+oleh",
    "editor": r"Editor|Penyunting|Redaktur|Disunting(?:\s+kembali)?\s+oleh|Diedit\s+oleh",
    "other": r"Uploader|Fotografer|Foto|Sumber|Grafis|Infografis",
}
_LABEL = re.compile(
    r"\b(?:" + "|".join(f"(?P<{role}>{names})" for role, names in _LABELS.items()) + r")\s*:?\s*",
    re.IGNORECASE,
)
_LABEL_NAME = r"[A-Z][\w'’.,-]*(?:[ /]+(?:[A-Z][\w'’.,-]*|S\.\w+\.?))*"
_LABEL_BLOCK = re.compile(
    rf"(?:(?:{'|'.join(_LABELS.values())})\s*:?\s*{_LABEL_NAME}\s*[|•·]?\s*)+$",
    re.IGNORECASE,
)

_INITIALS = r"[A-Za-z]{1,6}(?:\s*/\s*[A-Za-z]{1,6})+\s*|/\s*[A-Za-z]{2,6}\s*|[a-z]{2,6}\s*|\*{1,3}"
_BRACKET_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_END_INITIALS = re.compile(rf"[\(\[]\s*(?P<tag>{_INITIALS})[\)\]]\s*(?P<stop>\.?)\s*$")
_END_NAME = re.compile(
    rf"(?P<pre>[{re.escape(_SENTENCE_END)}])\s*[\(\[](?P<tag>{_BRACKET_NAME})[\)\]]\s*\.?\s*$"
)
_KEYWORDS_AFTER_TAG = re.compile(
    rf"(?P<keep>[\(\[]\s*(?:{_INITIALS})[\)\]])(?P<keywords>\s+[^.!?()\[\]\"“”:]{{2,240}})$"
)


@dataclass
class Credits:
    editor_tag: str | None = None
    authors: list[str] = field(default_factory=list)
    editor: str | None = None


def _tidy_tag(tag: str) -> str:
    """``ap/wan `` → ``ap/wan``; spaces around slashes go, case stays as printed."""
    return re.sub(r"\s*/\s*", "/", tag.strip())


def cut_trailer(text: str, window: int = 1500) -> str:
    """Drop copyright lines, tag lists, post navigation and widgets at the end.

    >>> cut_trailer("Harga stabil. Tags: Bakorwil Malang Pasar")
    'Harga stabil.'
    >>> cut_trailer("katanya. (fik/hms ) Navigasi pos Pos sebelumnya Judul lain")
    'katanya. (fik/hms )'
    """
    start = max(0, len(text) - window)
    match = _TRAILER.search(text, start)
    return text[: match.start()].rstrip() if match else text


def _cut_promo_tail(text: str) -> str:
    """``… pungkasnya. Video: Judul video`` loses the related-video title.

    >>> _cut_promo_tail('data. Lihat juga Video: Mensos: "Ayo Jihad Data" [Gambas:Video 20detik]')
    'data.'
    """
    text = _GAMBAS.sub("", text).rstrip()
    labelled = _PROMO_LABEL.search(text, max(0, len(text) - 400))
    if labelled:
        return text[: labelled.start()].rstrip()
    last = max(text.rfind(c) for c in '.!?"”')
    if last == -1:
        return text
    tail = text[last + 1 :].strip()
    if tail and _PROMO_TAIL.match(tail):
        return text[: last + 1]
    return text


_BRACKETED_LABEL = re.compile(
    rf"[\(\[]\s*(?P<inner>(?:{'|'.join(_LABELS.values())})\s*:\s*[^()\[\]]{{1,80}}?)\s*[\)\]]\s*\.?\s*$",
    re.IGNORECASE,
)


def take_label_credits(text: str, credits: Credits) -> str:
    """``Pewarta: A/B Editor: C`` at the end goes to ``authors`` and ``editor``.

    >>> c = Credits()
    >>> take_label_credits("ujarnya. Pewarta: Ida N/Vina A Editor: Vicki F", c), c.authors, c.editor
    ('ujarnya.', ['Ida N', 'Vina A'], 'Vicki F')
    """
    bracketed = _BRACKETED_LABEL.search(text)
    if bracketed:  # ``(Editor: Budi)`` reads like the same label without brackets
        unbracketed = f"{text[: bracketed.start()].rstrip()} {bracketed['inner']}"
        rest = _take_labels(unbracketed, credits)
        return rest if rest != unbracketed else text
    return _take_labels(text, credits)


def _take_labels(text: str, credits: Credits) -> str:
    for label in _LABEL.finditer(text, max(0, len(text) - 600)):
        before = text[: label.start()].rstrip()
        if before and before[-1] not in _SENTENCE_END + "]\n":
            continue
        block = text[label.start() :]
        if not _LABEL_BLOCK.fullmatch(block.strip()):
            continue
        labels = list(_LABEL.finditer(block))
        for this, nxt in zip(labels, [*labels[1:], None], strict=True):
            value = block[this.end() : nxt.start() if nxt else len(block)].strip(" ,|•·")
            if not value:
                continue
            if this["author"]:
                credits.authors.extend(n.strip() for n in re.split(r"\s*/\s*|\s+dan\s+", value) if n.strip())
            elif this["editor"] and credits.editor is None:
                credits.editor = value
        return before
    return text


def take_bracket_tag(text: str, credits: Credits) -> str:
    """The bracketed credit closing the body.

    >>> c = Credits()
    >>> take_bracket_tag("tutupnya.(ap/wan )", c), c.editor_tag
    ('tutupnya.', 'ap/wan')
    >>> take_bracket_tag("di Balai Desa (12/9).", Credits())
    'di Balai Desa (12/9).'
    >>> take_bracket_tag("kata Kadis (Kepala Dinas).", Credits())
    'kata Kadis (Kepala Dinas).'
    """
    match = _END_INITIALS.search(text)
    if match:
        tag = match["tag"]
        before = text[: match.start()].rstrip()
        single_word = "/" not in tag and "*" not in tag
        after_sentence = bool(before) and before[-1] in _SENTENCE_END
        # ``(ngoko).`` ends a sentence: a lone word is a credit only without that stop.
        if not (single_word and match["stop"] and not after_sentence):
            credits.editor_tag = _tidy_tag(tag)
            return before
    match = _END_NAME.search(text)
    if match:
        credits.editor_tag = _tidy_tag(match["tag"])
        return text[: match.start() + 1].rstrip()
    return text


def split_credits(text: str) -> tuple[Credits, str]:
    """Take every credit and trailer off the end of ``text``.

    >>> split_credits("hasilnya positif,” ujarnya.(han)")
    (Credits(editor_tag='han', authors=[], editor=None), 'hasilnya positif,” ujarnya.')
    >>> split_credits("pungkas Sadono. Video: Banjir Lagi (auh/hil) cuaca ekstrem malang")[1]
    'pungkas Sadono.'
    >>> split_credits("cukup sampai di sini. Penulis: Nabila Amelia")[0].authors
    ['Nabila Amelia']
    """
    credits = Credits()
    previous = None
    while text != previous:
        previous = text
        text = cut_trailer(text.rstrip())
        text = take_label_credits(text, credits)
        if credits.editor_tag is None:
            keywords = _KEYWORDS_AFTER_TAG.search(text)
            if keywords and len(keywords["keywords"].split()) <= 25:
                text = text[: keywords.start("keywords")]
            text = take_bracket_tag(text, credits)
        text = _cut_promo_tail(text)
    return credits, text.rstrip()
