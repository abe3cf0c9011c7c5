"""Credit tables: bracket tags, label lines, trailers after them, and false positives."""

from __future__ import annotations

import pytest

from newscrawl.normalize.boilerplate import drop_furniture
from newscrawl.normalize.credits import split_credits

LAST = "Warga berharap jalan segera diperbaiki."

TAGS = [
    ("(han)", "han"),
    (" (han)", "han"),
    ("(wan)", "wan"),
    ("(ap/wan)", "ap/wan"),
    ("(ap/wan )", "ap/wan"),
    (" ( ap / wan )", "ap/wan"),
    ("(rex/den/eri/van)", "rex/den/eri/van"),
    ("(yun/dan ).", "yun/dan"),
    ("[asg/kun]", "asg/kun"),
    ("(*)", "*"),
    (" (Kharis)", "Kharis"),
    (" (Tim)", "Tim"),
    ("(Der)", "Der"),
    (" (Lu'lu'ul Isnainiyah)", "Lu'lu'ul Isnainiyah"),
    ("(HAN/WAN)", "HAN/WAN"),
    (" (dwi).", "dwi"),
    ("(ANT)", "ANT"),
    (" (/rdw)", "/rdw"),
    ("(***)", "***"),
]


@pytest.mark.parametrize(("printed", "tag"), TAGS)
def test_bracket_tags(printed: str, tag: str) -> None:
    credits, body = split_credits(f"{LAST}{printed}")
    assert (credits.editor_tag, body) == (tag, LAST)


def test_tag_glued_to_a_last_word_without_a_stop() -> None:
    credits, body = split_credits("bagi seluruh lapisan (wan)")
    assert (credits.editor_tag, body) == ("wan", "bagi seluruh lapisan")


def test_tag_split_over_lines() -> None:
    credits, body = split_credits(f"{LAST}\n(ap/wan)")
    assert (credits.editor_tag, body) == ("ap/wan", LAST)


LABELS = [
    ("Penulis: Nabila Amelia", ["Nabila Amelia"], None),
    ("Editor: Gita Firdausi, S.T.", [], "Gita Firdausi, S.T."),
    ("Pewarta: Ananto Pradana Editor: Vicki Febrianto", ["Ananto Pradana"], "Vicki Febrianto"),
    ("Pewarta: Ida Nurcahyani/Vina Ashari Editor: Vicki F", ["Ida Nurcahyani", "Vina Ashari"], "Vicki F"),
    ("Reporter : Dian Puspita", ["Dian Puspita"], None),
    ("Penyusun: Primanda Bestar Editor: Gita Firdausi, S.T.", ["Primanda Bestar"], "Gita Firdausi, S.T."),
    ("Pewarta: Endang Sukarelawati Uploader: Taufik", ["Endang Sukarelawati"], None),
    ("Disunting kembali oleh Intan Nurlita Dewi", [], "Intan Nurlita Dewi"),
    ("Penulis: Agus Salim dan Rina Wati", ["Agus Salim", "Rina Wati"], None),
    ("Penulis : Budi | Editor : Rina", ["Budi"], "Rina"),
    ("(Editor: Budi Santoso)", [], "Budi Santoso"),
    ("[Penulis: Rina Wati]", ["Rina Wati"], None),
]


@pytest.mark.parametrize(("printed", "authors", "editor"), LABELS)
def test_label_credits(printed: str, authors: list[str], editor: str | None) -> None:
    credits, body = split_credits(f"{LAST} {printed}")
    assert (credits.authors, credits.editor, credits.editor_tag, body) == (authors, editor, None, LAST)


def test_tag_then_label() -> None:
    credits, body = split_credits(f"{LAST} (yun/by) Disunting kembali oleh Intan Nurlita Dewi")
    assert (credits.editor_tag, credits.editor, body) == ("yun/by", "Intan Nurlita Dewi", LAST)


TRAILERS = [
    "COPYRIGHT © ANTARA 2026 Dilarang keras mengambil konten tanpa izin.",
    "Copyright © 2026 Nusadaily.com - All Rights Reserved.",
    "BACA BERITA SURYA.co.id LAINNYA DI GOOGLE",
    "Tags: Bakorwil III Malang Megapolitan PWI Jatim",
    "Tag: banjir malang",
    "Navigasi pos Pos sebelumnya Judul Lama Pos selanjutnya Judul Baru",
    "Berita Terkait Harga Cabai Naik Lagi",
    "Tinggalkan Balasan Alamat email Anda tidak akan dipublikasikan.",
    "Leave a Reply Cancel reply",
    "3 Komentar",
    "Bagikan: Facebook Twitter WhatsApp",
    "Simak berita terbaru kami di Google News",
    "Dapatkan update berita pilihan setiap hari dari Kompas.com. Mari bergabung di Grup Telegram",
    "Artikel ini telah tayang di TribunJatim.com dengan judul Banjir Lagi",
    "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
    "Cek berita dan artikel lainnya di Google News",
]


@pytest.mark.parametrize("trailer", TRAILERS)
def test_trailers_after_the_credit_are_removed(trailer: str) -> None:
    credits, body = split_credits(f"{LAST}(ap/wan) {trailer}")
    assert (credits.editor_tag, body) == ("ap/wan", LAST)


@pytest.mark.parametrize("trailer", TRAILERS)
def test_trailers_without_a_credit_are_removed(trailer: str) -> None:
    credits, body = split_credits(f"{LAST} {trailer}")
    assert (credits.editor_tag, body) == (None, LAST)


PROMOS = [
    "Video: Banjir Rob Rendam Pesisir (auh/hil)",
    "Video Pohon Tumbang di Malang, 2 Orang Luka (auh/hil)",
    'Lihat juga Video: Mensos: "Ayo Data" [Gambas:Video 20detik] (auh/hil)',
    "Baca juga: Harga Cabai Naik (auh/hil)",
    "(auh/hil) cuaca ekstrem bencana alam kabupaten malang",
    "(auh/hil) Kabupaten Malang Miras Polres Malang Navigasi pos Pos sebelumnya Judul",
]


@pytest.mark.parametrize("tail", PROMOS)
def test_promotions_and_keyword_lists_around_the_tag(tail: str) -> None:
    credits, body = split_credits(f"{LAST} {tail}")
    assert (credits.editor_tag, body) == ("auh/hil", LAST)


NOT_CREDITS = [
    "Rapat digelar di Balai Desa (12/9).",
    "Hal itu disampaikan kata Kadis (Kepala Dinas).",
    "Warga menyebutnya dengan istilah Jawa (ngoko).",
    "Dana desa naik 20 persen (2025).",
    "Kegiatan berlangsung meriah.",
    "Ia menyebut satu kata (lagi) dan pergi.",
    "Peraturan ini mengacu pada Undang-Undang Hak Cipta.",
    "Warga diminta mengikuti arahan petugas melalui grup WhatsApp desa.",
    "Seperti berita lainnya, kabar ini cepat menyebar.",
    "Bupati hadir di lokasi (Foto: Budi).",
]


@pytest.mark.parametrize("body", NOT_CREDITS)
def test_ordinary_endings_stay(body: str) -> None:
    credits, rest = split_credits(body)
    assert (credits.editor_tag, credits.authors, credits.editor, rest) == (None, [], None, body)


@pytest.mark.parametrize(
    ("paragraph", "dropped"),
    [
        ("Baca Juga: Harga Cabai Naik", True),
        ("BACA JUGA : Festival Kopi", True),
        ("Baca pula: Sejarah Singosari", True),
        ("Simak juga video berikut", True),
        ("ADVERTISEMENT", True),
        ("Scroll untuk melanjutkan", True),
        ("[Gambas:Video 20detik]", True),
        ("Baca selengkapnya laporan BPS tahun ini.", False),
        ("Bacaan doa dipimpin tokoh agama.", False),
    ],
)
def test_furniture_paragraphs(paragraph: str, dropped: bool) -> None:
    assert (drop_furniture([paragraph]) == []) is dropped
