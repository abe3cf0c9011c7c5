"""Articles of the offline copies of the WordPress and Jawa Pos Radar outlets.

Written by the newscrawl team for testing: the stories are invented, towns are
real, people are not. Each outlet gets its own dateline and credit as it prints
them (issue 10); ``expect`` is what the crawler must extract.
"""

from __future__ import annotations

# (slug, title, category, day "YYYY-MM-DD HH:MM", place, first sentence, second sentence)
_STORIES = [
    ("sumur-bor-baru-untuk-warga-tumpang", "Sumur Bor Baru untuk Warga Tumpang", "malang-raya", "2026-06-18 07:10",
     "TUMPANG", "Warga Desa Duwet kini mendapat air bersih dari sumur bor sedalam 90 meter.",
     "Pipa distribusi menjangkau 120 rumah di dua dusun."),
    ("festival-layang-layang-pantai-ngliyep", "Festival Layang-Layang Pantai Ngliyep", "malang-raya", "2026-06-19 15:30",
     "DONOMULYO", "Puluhan layang-layang raksasa menghiasi langit Pantai Ngliyep akhir pekan ini.",
     "Panitia menyiapkan hadiah bagi layang-layang paling kreatif."),
    ("harga-cabai-keriting-naik-di-pasar-lawang", "Harga Cabai Keriting Naik di Pasar Lawang", "ekonomi", "2026-06-20 06:05",
     "LAWANG", "Harga cabai keriting di Pasar Lawang naik menjadi Rp 52 ribu per kilogram.",
     "Pedagang menyebut pasokan dari Kediri berkurang karena hujan."),
    ("bengkel-motor-listrik-dibuka-di-kepanjen", "Bengkel Motor Listrik Dibuka di Kepanjen", "ekonomi", "2026-06-21 10:45",
     "KEPANJEN", "Bengkel khusus motor listrik pertama di Kepanjen mulai melayani konversi.",
     "Pemiliknya melatih enam mekanik muda dari sekolah kejuruan."),
    ("siswa-sd-belajar-menanam-padi", "Siswa SD Belajar Menanam Padi di Sawah Desa", "pendidikan", "2026-06-22 08:20",
     "PAKISAJI", "Sebanyak 40 siswa sekolah dasar turun ke sawah untuk belajar menanam padi.",
     "Kelompok tani desa menjadi pemandu selama kegiatan."),
    ("perpustakaan-desa-buka-hingga-malam", "Perpustakaan Desa Buka hingga Malam", "pendidikan", "2026-06-23 19:15",
     "SINGOSARI", "Perpustakaan desa kini buka sampai pukul sembilan malam setiap Jumat.",
     "Pengunjung terbanyak adalah pelajar yang mengerjakan tugas kelompok."),
    ("jalur-sepeda-baru-di-jalan-ijen", "Jalur Sepeda Baru di Kawasan Ijen", "malang-raya", "2026-06-24 06:40",
     "MALANG", "Dinas Perhubungan mengecat jalur sepeda baru sepanjang dua kilometer.",
     "Pesepeda diminta tetap waspada saat melintasi persimpangan."),
    ("koperasi-susu-tambah-mesin-pendingin", "Koperasi Susu Tambah Mesin Pendingin", "ekonomi", "2026-06-25 13:55",
     "PUJON", "Koperasi peternak sapi perah menambah tiga mesin pendingin susu.",
     "Susu kini bisa disimpan lebih lama sebelum dikirim ke pabrik."),
    ("lomba-kebersihan-kampung-dimulai", "Lomba Kebersihan Kampung Dimulai", "malang-raya", "2026-06-26 09:00",
     "BATU", "Lomba kebersihan antarkampung dimulai dengan penilaian tahap pertama.",
     "Juri menilai pengelolaan sampah dan taman warga."),
    ("pelatihan-barista-untuk-pemuda-desa", "Pelatihan Barista untuk Pemuda Desa", "ekonomi", "2026-06-27 14:25",
     "DAMPIT", "Puluhan pemuda desa mengikuti pelatihan barista selama tiga hari.",
     "Peserta terbaik mendapat kesempatan magang di kafe kota."),
    ("posko-kesehatan-mudik-disiapkan", "Posko Kesehatan Jelang Libur Sekolah Disiapkan", "malang-raya", "2026-06-28 23:32",
     "KARANGPLOSO", "Dinas Kesehatan menyiapkan empat posko di jalur wisata selama libur sekolah.",
     "Petugas berjaga bergantian selama 24 jam."),
]  # fmt: skip

CATEGORIES = {"malang-raya": "Malang Raya", "ekonomi": "Ekonomi", "pendidikan": "Pendidikan"}
AUTHORS = ["Laras Wulandari", "Yusuf Hidayat", "Nadia Paramitha"]


def _stories(outlet: str, dateline: str, credits: list[str]) -> list[dict]:
    """One outlet's articles: the shared stories told with its own dateline and credits."""
    articles = []
    for number, (slug, title, category, day, place, first, second) in enumerate(_STORIES):
        credit = credits[number % len(credits)]
        articles.append(
            {
                "slug": slug,
                "title": title,
                "category": category,
                "published": day,
                "author": AUTHORS[number % len(AUTHORS)],
                "place": place,
                "paragraphs": [dateline.format(place=place) + first, second + credit],
                "tags": [CATEGORIES[category], place.title()],
                "image": number % 3 != 2,
                "expect": {
                    "location": place,
                    "tag": credit.strip(" .()") if credit.strip().startswith("(") else None,
                },
                "outlet": outlet,
            }
        )
    return articles


# malangposcomedia.id (tagDiv "Newspaper"): a subtitle line before the dateline.
MALANGPOSCO = _stories("malangposcomedia.id", "MALANG POSCO MEDIA, {place} – ", ["(den/van)", " (den/van)"])
for _article in MALANGPOSCO:
    _article["subtitle"] = f"Kabar dari {_article['place'].title()} hari ini"
# memox.co.id (GeneratePress): its box runs on into tag names and post navigation.
MEMOX = _stories("memox.co.id", "MEMOX.CO.ID – {place} – ", ["(fik/hms )", "(fik)"])
# radarmalang.jawapos.com and radarbatu.jawapos.com (Inertia pages): label credits at the end.
RADARMALANG = _stories("radarmalang.jawapos.com", "{place}, RADAR MALANG – ", ["(yun/dan)", "(rb/van)"])
RADARBATU = _stories("radarbatu.jawapos.com", "{place}, RADAR BATU – ", ["(ori/rb)", "(dan)"])
for _article in RADARBATU[::4]:
    _article["paragraphs"][-1] = _article["paragraphs"][-1].rsplit("(", 1)[0] + " Disunting kembali oleh Rina"
    _article["expect"]["tag"] = None
# malangtimes.com and jatimtimes.com (the JatimTIMES code base): the outlet alone, or with a place.
MALANGTIMES = _stories("malangtimes.com", "MALANGTIMES – ", ["", ""])
JATIMTIMES = _stories("jatimtimes.com", "JATIMTIMES – {place} – ", ["", ""])
for _article in [*MALANGTIMES, *JATIMTIMES]:
    _article["expect"]["tag"] = None
for _article in MALANGTIMES:
    _article["expect"]["location"] = None
# kabarkota.id (made up): a client-rendered copy, in Varient's markup built by JavaScript.
KABARKOTA = _stories("kabarkota.id", "KABARKOTA.ID – {place} – ", ["(kk)", "(kk/red)"])
# bali.tribunnews.com and surabaya.tribunnews.com: a summary box, a reporter line, then the dateline.
TRIBUNBALI = _stories("bali.tribunnews.com", "TRIBUN-BALI.COM, {place} - ", ["(*)", " (*)"])
SURYA = _stories("surabaya.tribunnews.com", "SURYA.CO.ID, {place} - ", ["(*)", " (*)"])
# detik.com's editions: a place-only dateline, a credit followed by tag words and a video line.
DETIK = _stories("detik.com", "{place} - ", ["(irb/hil)", "(sun/dpe)"])
for _article in DETIK:
    _article["expect"]["location"] = _article["place"]
