"""Render the offline copy of nusadaily.com into sites/nusadaily/.

    python sites/build_nusadaily.py

The markup follows the Varient 2.x "magazine" theme facts in issue 2. The output
is committed; tests check that it is up to date with this script.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from nusadaily_articles import ARTICLES, AUTHORS, BROKEN, CATEGORIES  # noqa: E402

LIVE = "https://www.nusadaily.com"
PER_PAGE = 4
OUT = HERE / "nusadaily"
# One list entry carries tracking parameters, as shared links do.
TRACKED = "festival-kopi-dampit-hadirkan-70-petani-lokal"
# Pinned at the top of the home page as well as in its normal place.
PINNED = "car-free-day-ijen-kembali-dibuka"


def moment(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")


def printed(value: dt.datetime) -> str:
    return f"{value:%b} {value.day}, {value:%Y}&nbsp;-&nbsp;{value:%H:%M}"


def list_day(value: dt.datetime) -> str:
    return f"{value:%b} {value.day}, {value:%Y}"


def cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length].rstrip() + "..."


def page_head(title: str, extra: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} - Nusadaily.com</title>
{extra}</head>
<body>
<header><nav class="navbar"><a class="navbar-brand" href="/">NUSADAILY.COM</a>
<ul class="nav">{"".join(f'<li><a href="/{s}">{n}</a></li>' for s, n in CATEGORIES.items())}</ul></nav></header>
"""


FOOT = """<footer class="footer"><p>Copyright &copy; 2026 Nusadaily.com - All Rights Reserved.</p></footer>
</body>
</html>
"""


def article_page(a: dict) -> str:
    published = moment(a["published"])
    modified = moment(a["modified"]) if a.get("modified") else None
    author = AUTHORS[a["author"]]
    category = CATEGORIES[a["category"]]
    image = f"{LIVE}/uploads/images/202611/image_750x_{a['slug'][:12]}.jpg"
    meta = [
        f'<link rel="canonical" href="{LIVE}/{a["slug"]}">',
        f'<meta property="og:title" content="{html.escape(a["title"])}">',
        f'<meta property="og:url" content="{LIVE}/{a["slug"]}">',
        f'<meta property="article:author" content="{author}">',
    ]
    if a.get("image", True):
        meta.append(f'<meta property="og:image" content="{image}">')
    meta += [f'<meta property="article:tag" content="{t}">' for t in a["tags"]]
    ld: dict = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"]}
    if not a.get("no_date"):
        meta.append(f'<meta property="article:published_time" content="{published:%Y-%m-%d %H:%M:%S}">')
        ld["datePublished"] = f"{published:%Y-%m-%dT%H:%M:%S}+0700"
        if modified:
            meta.append(f'<meta property="article:modified_time" content="{modified:%Y-%m-%d %H:%M:%S}">')
            ld["dateModified"] = f"{modified:%Y-%m-%dT%H:%M:%S}+0700"
    ld["author"] = {"@type": "Person", "name": author}
    meta.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    dates = ""
    if not a.get("no_date"):
        dates = f'<div class="item-meta item-meta-date"><span>{printed(published)}</span></div>'
        if modified:
            dates += f'\n<div class="item-meta item-meta-date"><i class="icon-clock"></i><span>{printed(modified)}</span></div>'
    lead = f'<h2 class="post-summary">{a["lead"]}</h2>' if a.get("lead") else ""
    figure = ""
    if a.get("image", True):
        figure = f"""<div class="post-image"><div class="post-image-inner">
<img src="{image}" class="img-fluid center-image" alt="{html.escape(a["title"])}" width="750" height="500">
<figure class="img-description"><figcaption class="img-description">Ilustrasi: {html.escape(a["title"])} (Foto: Nusadaily)</figcaption></figure>
</div></div>"""
    body = "\n".join(f"<p>{p}</p>" for p in a["paragraphs"])
    tags = "".join(f'<li><a href="/tag/{t.lower().replace(" ", "-")}">{t}</a></li>' for t in a["tags"])
    return (
        page_head(a["title"], "\n".join(meta) + "\n")
        + f"""<div class="container">
<ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">Beranda</a></li>
<li class="breadcrumb-item"><a href="/{a["category"]}">{category}</a></li>
<li class="breadcrumb-item active">{html.escape(cut(a["title"], 40))}</li></ol>
<div class="post-content">
<a href="/{a["category"]}"><span class="badge badge-category">{category}</span></a>
<h1 class="title post-title">{html.escape(a["title"])}</h1>
{lead}
<div class="post-details-meta">
<div class="item-meta item-meta-author"><a href="/profile/{a["author"]}"><span>{author}</span></a></div>
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


def post_item(a: dict, href: str) -> str:
    summary = a.get("lead") or a["paragraphs"][0]
    summary = html.unescape(summary.split("– ", 2)[-1])
    return f"""<div class="post-item">
<div class="post-item-image"><a href="{href}"><img src="/assets/img/blank.png" alt=""></a></div>
<h3 class="title"><a href="{href}">{html.escape(cut(a["title"], 55))}</a></h3>
<p class="post-meta"><a href="/profile/{a["author"]}" class="a-username">{AUTHORS[a["author"]]}</a><span>{list_day(moment(a["published"]))}</span></p>
<p class="description">{html.escape(cut(summary, 80))}</p>
</div>"""


def list_pages(path: str, title: str, entries: list[dict], home: bool = False) -> dict[str, str]:
    pages = {}
    count = (len(entries) + PER_PAGE - 1) // PER_PAGE
    for number in range(1, count + 1):
        chunk = entries[(number - 1) * PER_PAGE : number * PER_PAGE]
        items = []
        if home and number == 1:
            pinned = next(a for a in ARTICLES if a["slug"] == PINNED)
            items.append('<h4 class="block-title">Pilihan Redaksi</h4>' + post_item(pinned, f"/{PINNED}"))
        for a in chunk:
            href = f"/{a['slug']}"
            if home and a["slug"] == TRACKED:
                href += "?utm_source=facebook&amp;utm_medium=social&amp;utm_campaign=share"
            items.append(post_item(a, href))
        links = []
        base = "/" if home else f"/{path}"
        for n in range(1, count + 1):
            active = " active" if n == number else ""
            links.append(
                f'<li class="page-item{active}"><a class="page-link" href="{base}?page={n}">{n}</a></li>'
            )
        if number < count:
            links.append(
                f'<li class="page-item"><a class="page-link" href="{base}?page={number + 1}">&rsaquo;</a></li>'
            )
        body = (
            page_head(title)
            + f'<div class="container"><h1 class="page-title">{title}</h1>\n'
            + "\n".join(items)
            + f'\n<nav><ul class="pagination">{"".join(links)}</ul></nav></div>\n'
            + FOOT
        )
        name = "index.html" if number == 1 else f"page-{number}.html"
        pages[f"{path}/{name}" if path else name] = body
    return pages


def rss(title: str, entries: list[dict]) -> str:
    items = []
    for a in entries[:50]:
        published = moment(a["published"])
        stamp = published.strftime("%a, %d %b %Y %H:%M:%S +0700")
        items.append(
            f"<item><title>{html.escape(a['title'])}</title><link>{LIVE}/{a['slug']}</link>"
            f"<guid>{LIVE}/{a['slug']}</guid><pubDate>{stamp}</pubDate>"
            f"<description>{html.escape(a.get('lead') or a['title'])}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><link>{LIVE}</link><description>{title}</description>\n"
        + "\n".join(items)
        + "\n</channel></rss>\n"
    )


def sitemap(entries: list[dict]) -> str:
    urls = [f"<url><loc>{LIVE}/</loc><changefreq>always</changefreq></url>"]
    urls += [f"<url><loc>{LIVE}/{slug}</loc><changefreq>hourly</changefreq></url>" for slug in CATEGORIES]
    for a in entries:
        stamp = moment(a.get("modified") or a["published"]).strftime("%Y-%m-%dT%H:%M:%S+07:00")
        urls.append(f"<url><loc>{LIVE}/{a['slug']}</loc><lastmod>{stamp}</lastmod></url>")
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
    files.update(list_pages("", "Berita Terbaru", newest, home=True))
    for slug, name in CATEGORIES.items():
        files.update(list_pages(slug, name, [a for a in newest if a["category"] == slug]))
    files["rss/latest-posts.xml"] = rss("Nusadaily.com - Berita Terbaru", newest)
    for slug, name in CATEGORIES.items():
        files[f"rss/category/{slug}.xml"] = rss(
            f"Nusadaily.com - {name}", [a for a in newest if a["category"] == slug]
        )
    feeds = "".join(f'<li><a href="/rss/category/{s}">{n}</a></li>' for s, n in CATEGORIES.items())
    files["rss-feeds.html"] = (
        page_head("RSS Feeds") + f'<ul><li><a href="/rss/latest-posts">Terbaru</a></li>{feeds}</ul>\n' + FOOT
    )
    files["sitemap.xml"] = sitemap(newest)
    files["robots.txt"] = f"User-agent: *\nDisallow: /search\nSitemap: {LIVE}/sitemap.xml\n"
    return files


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    for name, text in build().items():
        target = OUT / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"wrote {len(list(OUT.rglob('*.*')))} files to {OUT}")


if __name__ == "__main__":
    main()
