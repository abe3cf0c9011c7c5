"""Render the offline copy of nusadaily.com into newscrawl/dev/sites/nusadaily/.

    python -m newscrawl.dev.sites.build_nusadaily      (make site)

The markup prints what Varient 2.2 prints (issue 8): every link absolute with the
live origin, ``<p>`` never closed with ad blocks between paragraphs, the site's
name in ``meta[name=author]``, ``og:image`` at the site root for posts without an
image, ``article:modified_time`` always, a home page of blocks plus ``/posts?page=N``
listing every post, categories that answer an empty list past their end, a
sitemap without post dates that also lists pages, categories and tags, and
Indonesian month abbreviations. The output is committed; a test checks that it
is up to date with this script.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

from newscrawl.dev.sites import write_copy
from newscrawl.dev.sites.nusadaily_articles import ARTICLES, AUTHORS, BROKEN, CATEGORIES

LIVE = "https://www.nusadaily.com"
PER_PAGE = 8
OUT = Path(__file__).resolve().parent / "nusadaily"
# One list entry carries tracking parameters, as shared links do.
TRACKED = "festival-kopi-dampit-hadirkan-70-petani-lokal"
# Pinned at the top of the list as well as in its normal place.
PINNED = "car-free-day-ijen-kembali-dibuka"
# Its JSON-LD prints the keywords unescaped, so the block is not valid JSON.
BAD_JSONLD = "harga-emas-perhiasan-naik-pekan-ini"
# A feed item of a post imported from another site, whose link points there.
IMPORTED = "https://arsip.example.org/berita/festival-lama"
STATIC_PAGES = {"gallery": "Galeri", "terms-conditions": "Syarat dan Ketentuan"}
SUBCATEGORY = "malang-raya/kota-batu"
MONTHS_ID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
GENERATED = "2026-11-21T04:00:00+07:00"  # the day the sitemap file was written, as Varient prints it


def moment(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")


def printed(value: dt.datetime) -> str:
    return f"{MONTHS_ID[value.month - 1]} {value.day}, {value:%Y}&nbsp;-&nbsp;{value:%H:%M}"


def list_day(value: dt.datetime) -> str:
    return f"{MONTHS_ID[value.month - 1]} {value.day}, {value:%Y}"


def cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length].rstrip() + "..."


def page_head(title: str, extra: str = "", kind: str = "website") -> str:
    nav = "".join(f'<li><a href="{LIVE}/{s}">{n}</a></li>' for s, n in CATEGORIES.items())
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} - Nusadaily.com</title>
<meta name="author" content="NUSADAILY.COM">
<meta property="og:type" content="{kind}">
{extra}</head>
<body>
<header><nav class="navbar"><a class="navbar-brand" href="{LIVE}/">NUSADAILY.COM</a>
<ul class="nav">{nav}<li><a href="{LIVE}/posts">Indeks</a></li></ul></nav></header>
"""


FOOT = f"""<footer class="footer"><p>Copyright &copy; 2026 Nusadaily.com - All Rights Reserved.</p>
<a href="{LIVE}/terms-conditions">Syarat dan Ketentuan</a></footer>
</body>
</html>
"""

AD_BLOCK = (
    '<div class="container-bn container-bn-ds mb-3"><div class="bn-content">'
    '<a href="https://iklan.example.id/promo"><img src="/uploads/blocks/promo.jpg" alt="Iklan"></a>'
    "<p>Pasang iklan di Nusadaily hubungi redaksi</p></div></div>"
)


def article_page(a: dict) -> str:
    published = moment(a["published"])
    modified = moment(a["modified"]) if a.get("modified") else published
    author = AUTHORS[a["author"]]
    category = CATEGORIES[a["category"]]
    image = f"{LIVE}/uploads/images/202611/image_750x_{a['slug'][:12]}.jpg"
    meta = [
        f'<link rel="canonical" href="{LIVE}/{a["slug"]}">',
        f'<meta property="og:title" content="{html.escape(a["title"])}">',
        f'<meta property="og:url" content="{LIVE}/{a["slug"]}">',
        f'<meta property="og:image" content="{image if a.get("image", True) else LIVE + "/"}">',
    ]
    meta += [f'<meta property="article:tag" content="{t}">' for t in a["tags"]]
    ld: dict = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"]}
    if not a.get("no_date"):
        meta.append(f'<meta property="article:published_time" content="{published:%Y-%m-%d %H:%M:%S}">')
        meta.append(f'<meta property="article:modified_time" content="{modified:%Y-%m-%d %H:%M:%S}">')
        ld["datePublished"] = f"{published:%Y-%m-%dT%H:%M:%S}+0700"
        ld["dateModified"] = f"{modified:%Y-%m-%dT%H:%M:%S}+0700"
    ld["author"] = {"@type": "Person", "name": author}
    ld["publisher"] = {"@type": "Organization", "name": "NUSADAILY.COM"}
    ld["keywords"] = ", ".join(a["tags"])
    block = json.dumps(ld, ensure_ascii=False)
    if a["slug"] == BAD_JSONLD:
        block = block.replace(ld["keywords"], f'{ld["keywords"]}, "emas batangan"')
    meta.append(f'<script type="application/ld+json">{block}</script>')
    dates = ""
    if not a.get("no_date"):
        dates = f'<div class="item-meta item-meta-date"><span>{printed(published)}</span></div>'
        if a.get("modified"):
            dates += f'\n<div class="item-meta item-meta-date"><i class="icon-clock"></i><span>{printed(modified)}</span></div>'
    lead = f'<h2 class="post-summary">{a["lead"]}</h2>' if a.get("lead") else ""
    figure = ""
    if a.get("image", True):
        figure = f"""<div class="post-image"><div class="post-image-inner">
<img src="{image}" class="img-fluid center-image" alt="{html.escape(a["title"])}" width="750" height="500">
<figure class="img-description"><figcaption class="img-description">Ilustrasi: {html.escape(a["title"])} (Foto: Nusadaily)</figcaption></figure>
</div></div>"""
    # Varient strips every </p>; an ad block sits after the second paragraph.
    paragraphs = [f"<p>{p}" for p in a["paragraphs"]]
    if len(paragraphs) > 2:
        paragraphs.insert(2, AD_BLOCK)
    body = "\n".join(paragraphs)
    tags = "".join(f'<li><a href="{LIVE}/tag/{t.lower().replace(" ", "-")}">{t}</a></li>' for t in a["tags"])
    return (
        page_head(a["title"], "\n".join(meta) + "\n", kind="article")
        + f"""<div class="container">
<ol class="breadcrumb"><li class="breadcrumb-item"><a href="{LIVE}/">Beranda</a></li>
<li class="breadcrumb-item"><a href="{LIVE}/{a["category"]}">{category}</a></li>
<li class="breadcrumb-item active">{html.escape(cut(a["title"], 40))}</li></ol>
<div class="post-content">
<a href="{LIVE}/{a["category"]}"><span class="badge badge-category">{category}</span></a>
<h1 class="title post-title">{html.escape(a["title"])}</h1>
{lead}
<div class="post-details-meta">
<div class="item-meta item-meta-author"><a href="{LIVE}/profile/{a["author"]}"><span>{author}</span></a></div>
{dates}
</div>
{figure}
<div class="post-text mt-4">
{body}
<div class="ads-post-content"><small>Advertisement</small></div>
</div>
<div class="post-tags"><h2 class="title">Tags:</h2><ul class="tag-list">{tags}</ul></div>
</div>
</div>
"""
        + FOOT
    )


def summary(a: dict) -> str:
    text = a.get("lead") or a["paragraphs"][0]
    return html.escape(cut(html.unescape(text.split("– ", 2)[-1]), 80))


def post_item(a: dict, href: str) -> str:
    return f"""<div class="post-item">
<div class="post-item-image"><a href="{href}"><img src="{LIVE}/assets/img/blank.png" alt=""></a></div>
<h3 class="title"><a href="{href}">{html.escape(cut(a["title"], 55))}</a></h3>
<p class="post-meta"><a href="{LIVE}/profile/{a["author"]}" class="a-username">{AUTHORS[a["author"]]}</a><span>{list_day(moment(a["published"]))}</span></p>
<p class="description">{summary(a)}</p>
</div>"""


def block_card(a: dict) -> str:
    """A card of a home-page category block."""
    return f"""<div class="post-item-mid">
<h3 class="title"><a href="{LIVE}/{a["slug"]}">{html.escape(cut(a["title"], 55))}</a></h3>
<p class="small-post-meta"><span>{list_day(moment(a["published"]))}</span></p>
</div>"""


def list_pages(path: str, title: str, entries: list[dict]) -> dict[str, str]:
    """A paginated list, newest first, plus the empty page Varient answers past the end."""
    pages = {}
    count = (len(entries) + PER_PAGE - 1) // PER_PAGE
    for number in range(1, count + 2):
        chunk = entries[(number - 1) * PER_PAGE : number * PER_PAGE]
        items = []
        if path == "posts" and number == 1:
            pinned = next(a for a in ARTICLES if a["slug"] == PINNED)
            items.append(
                '<h4 class="block-title">Pilihan Redaksi</h4>' + post_item(pinned, f"{LIVE}/{PINNED}")
            )
        for a in chunk:
            href = f"{LIVE}/{a['slug']}"
            if a["slug"] == TRACKED:
                href += "?utm_source=facebook&amp;utm_medium=social&amp;utm_campaign=share"
            items.append(post_item(a, href))
        links = []
        for n in range(1, count + 1):
            active = " active" if n == number else ""
            links.append(
                f'<li class="page-item{active}"><a class="page-link" href="{LIVE}/{path}?page={n}">{n}</a></li>'
            )
        if number < count:
            links.append(
                f'<li class="page-item"><a class="page-link" href="{LIVE}/{path}?page={number + 1}">&rsaquo;</a></li>'
            )
        empty = "" if items else '<p class="no-records-found">Tidak ada berita.</p>'
        body = (
            page_head(title)
            + f'<div class="container"><h1 class="page-title">{title}</h1>\n'
            + "\n".join(items)
            + empty
            + f'\n<nav><ul class="pagination">{"".join(links)}</ul></nav></div>\n'
            + FOOT
        )
        name = "index.html" if number == 1 else f"page-{number}.html"
        pages[f"{path}/{name}"] = body
    return pages


def home_page(newest: list[dict]) -> str:
    """Blocks, not a list: a slider, one block per category (not in date order) and the 12 newest."""
    slider = "".join(
        f'<div class="slider-item"><a href="{LIVE}/{a["slug"]}"><span>{html.escape(a["title"])}</span></a></div>'
        for a in newest[:3]
    )
    blocks = []
    for slug, name in CATEGORIES.items():
        picks = [a for a in ARTICLES if a["category"] == slug][::-1][:3]  # oldest first: not in date order
        blocks.append(
            f'<section class="section-block"><h4 class="block-title">{name}</h4>{"".join(block_card(a) for a in picks)}</section>'
        )
    latest = "\n".join(post_item(a, f"{LIVE}/{a['slug']}") for a in newest[:12])
    return (
        page_head("Berita Terbaru")
        + f'<div class="container"><div class="slider">{slider}</div>\n'
        + "\n".join(blocks)
        + f'\n<section class="section-latest"><h4 class="block-title">Terbaru</h4>\n{latest}\n'
        + '<button class="btn btn-load-more" data-offset="12">Muat Lebih Banyak</button></section></div>\n'
        + FOOT
    )


def rss(title: str, entries: list[dict], imported: bool = False) -> str:
    items = []
    for a in entries[:50]:
        published = moment(a["published"])
        stamp = published.strftime("%a, %d %b %Y %H:%M:%S +0700")
        # Varient prints hyphens in titles as &amp;, and an empty description without a summary.
        feed_title = html.escape(a["title"]).replace("-", "&amp;")
        description = html.escape(a["lead"]) if a.get("lead") else ""
        items.append(
            f"<item><title>{feed_title}</title><link>{LIVE}/{a['slug']}</link>"
            f"<guid>{LIVE}/{a['slug']}</guid><pubDate>{stamp}</pubDate>"
            f"<description>{description}</description></item>"
        )
    if imported:
        items.append(
            f"<item><title>Festival lama</title><link>{IMPORTED}</link><guid>{IMPORTED}</guid>"
            "<pubDate>Mon, 19 Oct 2026 10:00:00 +0700</pubDate><description></description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><link>{LIVE}</link><description>{title}</description>\n"
        + "\n".join(items)
        + "\n</channel></rss>\n"
    )


def sitemap(entries: list[dict]) -> str:
    """Home, site pages, categories, posts oldest first, tags; lastmod absent, empty or the file's day."""
    urls = [f"<url><loc>{LIVE}</loc><lastmod>{GENERATED}</lastmod><changefreq>always</changefreq></url>"]
    urls += [f"<url><loc>{LIVE}/{slug}</loc><changefreq>monthly</changefreq></url>" for slug in STATIC_PAGES]
    urls += [f"<url><loc>{LIVE}/{slug}</loc><lastmod></lastmod></url>" for slug in [*CATEGORIES, SUBCATEGORY]]
    for a in sorted(entries, key=lambda a: a["published"]):
        urls.append(f"<url><loc>{LIVE}/{a['slug']}</loc><lastmod>{GENERATED}</lastmod></url>")
    tags = sorted({t.lower().replace(" ", "-") for a in entries for t in a.get("tags", [])})
    urls += [f"<url><loc>{LIVE}/tag/{t}</loc></url>" for t in tags]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(urls) + "\n</urlset>\n"
    )


def build() -> dict[str, str]:
    newest = sorted([*ARTICLES, BROKEN], key=lambda a: a["published"], reverse=True)
    files: dict[str, str] = {}
    for a in ARTICLES:
        files[f"{a['slug']}.html"] = article_page(a)
    files[f"{BROKEN['slug']}.html"] = (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<title>Banjir Rob di Pes'
    )
    files["index.html"] = home_page(newest)
    files.update(list_pages("posts", "Semua Berita", newest))
    for slug, name in CATEGORIES.items():
        files.update(list_pages(slug, name, [a for a in newest if a["category"] == slug]))
    for slug, name in STATIC_PAGES.items():
        files[f"{slug}.html"] = (
            page_head(name) + f'<div class="container"><h1>{name}</h1><p>Halaman {name}.</p></div>\n' + FOOT
        )
    files["rss/latest-posts.xml"] = rss("Nusadaily.com - Berita Terbaru", newest, imported=True)
    for slug, name in CATEGORIES.items():
        files[f"rss/category/{slug}.xml"] = rss(
            f"Nusadaily.com - {name}", [a for a in newest if a["category"] == slug]
        )
    feeds = "".join(f'<li><a href="{LIVE}/rss/category/{s}">{n}</a></li>' for s, n in CATEGORIES.items())
    files["rss-feeds.html"] = (
        page_head("RSS Feeds")
        + f'<ul><li><a href="{LIVE}/rss/latest-posts">Terbaru</a></li>{feeds}</ul>\n'
        + FOOT
    )
    files["sitemap.xml"] = sitemap(newest)
    files["robots.txt"] = f"User-agent: *\nDisallow: /search\nSitemap: {LIVE}/sitemap.xml\n"
    return files


def main() -> None:
    write_copy(OUT, build())


if __name__ == "__main__":
    main()
