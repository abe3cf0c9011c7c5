"""Render the offline copies of two WordPress outlets and two Jawa Pos Radar outlets.

    python -m newscrawl.dev.sites.build_networks      (make site)

malangposcomedia/ prints tagDiv "Newspaper" markup (a subtitle line before the
dateline, cloud-template blocks), memox/ GeneratePress markup (the content box
runs on into tag names and post navigation); both have a feed, the core sitemap
and paginated lists, and no REST API (it answers 404, as a blocking plugin can),
so a crawl falls back to the feed. radarmalang/ and radarbatu/ print Inertia pages:
the data is HTML-escaped JSON in ``data-page``; list entries link to articles of
other categories; one article of each has no data (the DOM fallback).
"""

from __future__ import annotations

import datetime as dt
import html
import json
from email.utils import format_datetime
from pathlib import Path

from newscrawl.dev.sites import write_copy
from newscrawl.dev.sites.network_articles import (
    CATEGORIES,
    DETIK,
    JATIMTIMES,
    KABARKOTA,
    MALANGPOSCO,
    MALANGTIMES,
    MEMOX,
    RADARBATU,
    RADARMALANG,
    SURYA,
    TRIBUNBALI,
)

HERE = Path(__file__).resolve().parent
WIB = dt.timezone(dt.timedelta(hours=7))
PER_PAGE = 4


def moment(article: dict) -> dt.datetime:
    return dt.datetime.strptime(article["published"], "%Y-%m-%d %H:%M").replace(tzinfo=WIB)


def permalink(origin: str, article: dict) -> str:
    return f"{origin}/{moment(article):%Y/%m/%d}/{article['slug']}/"


def chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def head(title: str, extra: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="id-ID">\n<head>\n<meta charset="UTF-8">\n'
        f"<title>{html.escape(title)}</title>\n{extra}</head>\n<body>\n"
    )


# -- WordPress --------------------------------------------------------------------------------


def wordpress_seo(origin: str, a: dict) -> str:
    """What an SEO plugin adds: article:* meta and a JSON-LD @graph."""
    when = moment(a).isoformat()
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": permalink(origin, a), "name": a["title"]},
            {"@type": "NewsArticle", "headline": a["title"], "datePublished": when, "dateModified": when,
             "author": {"@type": "Person", "name": a["author"]}, "articleSection": CATEGORIES[a["category"]]},
        ],
    }  # fmt: skip
    return (
        f'<link rel="canonical" href="{permalink(origin, a)}">\n'
        f'<meta property="og:type" content="article">\n'
        f'<meta property="article:published_time" content="{when}">\n'
        f'<script type="application/ld+json">{json.dumps(graph, ensure_ascii=False)}</script>\n'
    )


def tagdiv_article(origin: str, a: dict) -> str:
    image = (
        f'<div class="td-post-featured-image"><img src="{origin}/wp-content/uploads/2026/06/{a["slug"][:10]}.jpg">'
        f'<span class="wp-caption-text">Suasana di {a["place"].title()}.</span></div>'
        if a["image"]
        else ""
    )
    paragraphs = [f"<p><em>{a['subtitle']}</em></p>"] + [
        f"<p>{html.escape(p).replace(' – ', ' &#8211; ')}</p>" for p in a["paragraphs"]
    ]
    tags = "".join(f'<a href="{origin}/tag/{t.lower().replace(" ", "-")}/">{t}</a>' for t in a["tags"])
    return (
        head(a["title"], wordpress_seo(origin, a))
        + f"""<div class="tdb_title"><h1 class="tdb-title-text">{html.escape(a["title"])}</h1></div>
<div class="tdb_single_date"><time class="entry-date updated td-module-date" datetime="{moment(a).isoformat()}">{moment(a):%d %B %Y}</time></div>
<div class="tdb_single_author"><a class="tdb-author-name" href="{origin}/author/redaksi/">{a["author"]}</a></div>
<div class="tdb_single_categories"><a class="tdb-entry-category" href="{origin}/category/{a["category"]}/">{CATEGORIES[a["category"]]}</a></div>
{image}
<div class="tdb_single_content"><div class="tdb-block-inner td-fix-index">
{chr(10).join(paragraphs)}
</div></div>
<div class="tdb_single_tags"><ul class="tdb-tags"><li>{tags}</li></ul></div>
</body></html>
"""
    )


def memox_article(origin: str, a: dict) -> str:
    image = (
        f'<figure class="post-thumbnail"><img src="{origin}/wp-content/uploads/2026/06/{a["slug"][:10]}.jpg"></figure>'
        if a["image"]
        else ""
    )
    paragraphs = "".join(f"<p>{html.escape(p).replace(' – ', ' &#8211; ')}</p>" for p in a["paragraphs"])
    tag_names = ", ".join(a["tags"])
    return (
        head(a["title"], wordpress_seo(origin, a))
        + f"""<article class="post type-post">
<div class="gmr-box-content">
<header class="entry-header"><h1 class="entry-title">{html.escape(a["title"])}</h1>
<span class="entry-author"><a href="{origin}/author/redaksi/">{a["author"]}</a></span>
<time class="entry-date published" datetime="{moment(a).isoformat()}">{moment(a):%d/%m/%Y}</time>
<span class="gmr-meta-topic"><a href="{origin}/category/{a["category"]}/">{CATEGORIES[a["category"]]}</a></span></header>
{image}
{paragraphs}<p>Tags: {tag_names}</p><p>Navigasi pos Pos sebelumnya Judul berita lain</p>
</div></article>
</body></html>
"""
    )


def wordpress_list(origin: str, entries: list[dict], path: str, kind: str) -> dict[str, str]:
    pages = {}
    parts = chunks(entries, PER_PAGE)
    for number, chunk in enumerate(parts, start=1):
        items = []
        for a in chunk:
            when = moment(a).isoformat()
            if kind == "tagdiv":
                items.append(
                    f'<div class="tdb_module_loop td_module_wrap"><p class="entry-title td-module-title">'
                    f'<a href="{permalink(origin, a)}">{html.escape(a["title"])}</a></p>'
                    f'<time class="entry-date" datetime="{when}">{moment(a):%d %B %Y}</time></div>'
                )
            else:
                items.append(
                    f'<article class="post"><h2 class="entry-title"><a href="{permalink(origin, a)}">'
                    f'{html.escape(a["title"])}</a></h2><time class="entry-date published" datetime="{when}"></time></article>'
                )
        nav = ""
        if number < len(parts):
            nxt = f"{origin}/{path}/page/{number + 1}/"
            nav = (
                f'<div class="page-nav"><a href="{nxt}" aria-label="next-page">›</a></div>'
                if kind == "tagdiv"
                else f'<a class="next page-numbers" href="{nxt}">Berikutnya</a>'
            )
        name = f"{path}/index.html" if number == 1 else f"{path}/page/{number}/index.html"
        pages[name] = head(path) + "\n".join(items) + nav + "\n</body></html>\n"
    return pages


def wordpress_feed(origin: str, title: str, entries: list[dict]) -> str:
    items = []
    for a in entries:
        stamp = format_datetime(moment(a).astimezone(dt.UTC))  # WordPress prints pubDate in UTC
        items.append(
            f"<item><title>{html.escape(a['title'])}</title><link>{permalink(origin, a)}</link>"
            f"<dc:creator><![CDATA[{a['author']}]]></dc:creator><pubDate>{stamp}</pubDate>"
            f"<category><![CDATA[{CATEGORIES[a['category']]}]]></category></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>{title}</title><link>{origin}</link>\n" + "\n".join(items) + "\n</channel></rss>\n"
    )


def wordpress_sitemaps(origin: str, entries: list[dict]) -> dict[str, str]:
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    urls = "".join(f"<url><loc>{permalink(origin, a)}</loc></url>" for a in entries)
    return {
        "wp-sitemap.xml": f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex {ns}>'
        f"<sitemap><loc>{origin}/wp-sitemap-posts-post-1.xml</loc></sitemap>"
        f"<sitemap><loc>{origin}/wp-sitemap-taxonomies-category-1.xml</loc></sitemap></sitemapindex>\n",
        "wp-sitemap-posts-post-1.xml": f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {ns}>{urls}</urlset>\n',
        "wp-sitemap-taxonomies-category-1.xml": f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {ns}>'
        + "".join(f"<url><loc>{origin}/category/{c}/</loc></url>" for c in CATEGORIES)
        + "</urlset>\n",
    }


def wordpress_site(origin: str, articles: list[dict], kind: str, section: str) -> dict[str, str]:
    newest = sorted(articles, key=lambda a: a["published"], reverse=True)
    render = tagdiv_article if kind == "tagdiv" else memox_article
    files = {f"{moment(a):%Y/%m/%d}/{a['slug']}/index.html": render(origin, a) for a in articles}
    files["index.html"] = head("Beranda") + "<p>Beranda</p></body></html>\n"
    files.update(wordpress_list(origin, newest, section, kind))
    files["feed.xml"] = wordpress_feed(origin, origin, newest)
    files.update(wordpress_sitemaps(origin, newest))
    files["robots.txt"] = f"User-agent: *\nDisallow: /wp-admin/\nSitemap: {origin}/wp-sitemap.xml\n"
    return files


# -- Jawa Pos Radar -------------------------------------------------------------------------


def article_id(a: dict, number: int) -> str:
    return f"{moment(a):%y%m%d}{number:04d}"


def data_page(component: str, props: dict) -> str:
    page = {"component": component, "props": props, "url": "/", "version": "a1b2c3"}
    return f'<div id="app" data-page="{html.escape(json.dumps(page, ensure_ascii=False), quote=True)}"></div>'


def radar_site(origin: str, articles: list[dict], sections: tuple[str, ...]) -> dict[str, str]:
    ids = {a["slug"]: article_id(a, n + 1) for n, a in enumerate(articles)}
    newest = sorted(articles, key=lambda a: a["published"], reverse=True)
    files = {"index.html": head("Beranda") + data_page("Home", {}) + "</body></html>\n"}
    for n, a in enumerate(articles):
        path = f"{a['category']}/{ids[a['slug']]}/{a['slug']}"
        content = "".join(f"<p>{html.escape(p)}</p>" for p in a["paragraphs"])
        if n == 3:  # no data: the page is rendered on the server only
            body = (
                f'<div class="rt-Container"><h1 class="rt-Heading">{html.escape(a["title"])}</h1>'
                f'<div class="rt-Box konten">{content}</div></div>'
            )
            extra = f'<meta property="article:published_time" content="{moment(a).isoformat()}">\n'
        else:
            props = {
                "article": {
                    "article_id": ids[a["slug"]],
                    "title": a["title"],
                    "date": f"{moment(a):%Y-%m-%d %H:%M:%S}",
                    "content": content,
                    "authors": [{"name": a["author"]}],
                    "editor": {"name": "Dani Kurniawan"},
                    "image": f"{origin}/storage/images/{a['slug'][:12]}.jpg" if a["image"] else None,
                    "category": {"name": CATEGORIES[a["category"]], "slug": a["category"]},
                    "tags": [{"name": t} for t in a["tags"]],
                }
            }
            body, extra = data_page("Article/Show", props), ""
        files[f"{path}.html"] = head(a["title"], extra) + body + "</body></html>\n"
    for section in sections:
        # A list shows the newest articles of every category: links lead to other categories.
        parts = chunks(newest, PER_PAGE)
        for number, chunk in enumerate(parts, start=1):
            data = [
                {"article_id": ids[a["slug"]], "slug": a["slug"], "title": a["title"],
                 "date": f"{moment(a):%Y-%m-%d %H:%M:%S}", "category": {"slug": a["category"]}}
                for a in chunk
            ]  # fmt: skip
            articles_page = {
                "data": data,
                "current_page": number,
                "last_page": len(parts),
                "next_page_url": f"{origin}/{section}?page={number + 1}" if number < len(parts) else None,
            }
            props = {"category": {"slug": section, "articles": articles_page}}
            name = f"{section}/index.html" if number == 1 else f"{section}/page-{number}.html"
            files[name] = head(section) + data_page("Category/Show", props) + "</body></html>\n"
    files["robots.txt"] = "User-agent: *\nDisallow: /search\n"
    return files


# -- JatimTIMES ------------------------------------------------------------------------------

MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def times_url(origin: str, a: dict, number: int) -> str:
    """``/baca/{id}/{Ymd}/{his}/{slug}``, the time on a 12-hour clock with no AM/PM."""
    when = moment(a)
    return f"{origin}/baca/{330000 + number}/{when:%Y%m%d}/{when:%I%M%S}/{a['slug']}"


def times_site(origin: str, name: str, articles: list[dict]) -> dict[str, str]:
    urls = {a["slug"]: times_url(origin, a, n) for n, a in enumerate(articles)}
    newest = sorted(articles, key=lambda a: a["published"], reverse=True)
    files = {
        "index.html": head(name)
        + '<div id="news-list"></div><script src="/js/load.js"></script></body></html>\n'
    }
    for a in articles:
        when = moment(a)
        printed = f"{when.day} - {MONTHS_SHORT[when.month - 1]} - {when:%Y}, {when:%H:%M}"
        tags = "".join(f'<span class="badge badge-warning">{t}</span>' for t in a["tags"])
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a["title"],
            "datePublished": f"{when:%Y-%m-%d}",
        }
        body = "".join(f"<p>{html.escape(p)}</p>" for p in a["paragraphs"])
        files[urls[a["slug"]].split("/", 3)[3] + ".html"] = (
            head(
                a["title"],
                f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n',
            )
            + f"""<div class="blog-post"><h1>{html.escape(a["title"])}</h1>
<p class="float-right text-muted">{printed}</p>
<p class="penulis">Penulis : {a["author"]} - Editor : Dani Kurniawan</p>
<div class="post-body">{body}</div>
<div class="tags">{tags}</div></div>
</body></html>
"""
        )
    items = "".join(
        f"<item><title>{html.escape(a['title'])}</title><link>{urls[a['slug']]}</link>"
        f"<pubDate>{format_datetime(moment(a))}</pubDate></item>"
        for a in newest
    )
    files["rss/index.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{name}</title>{items}</channel></rss>\n'
    )
    locs = "".join(f"<url><loc>{urls[a['slug']]}</loc></url>" for a in newest)
    files["sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + locs
        + "</urlset>\n"
    )
    files["robots.txt"] = "User-agent: *\nDisallow: /search\n"
    return files


# -- a client-rendered outlet ---------------------------------------------------------------


def shell(title: str, data: dict, template: str) -> str:
    """A page whose body is built by a script from JSON: the server sends no text at all."""
    payload = json.dumps(data, ensure_ascii=True).replace("</", "<\\/")
    return (
        head(title)
        + '<div id="app"></div>\n<script>\n'
        + f"const DATA = {payload};\n"
        + f"document.getElementById('app').innerHTML = {template};\n"
        + "</script>\n</body></html>\n"
    )


def rendered_site(origin: str, articles: list[dict]) -> dict[str, str]:
    newest = sorted(articles, key=lambda a: a["published"], reverse=True)
    items = [
        {
            "url": f"{origin}/{a['slug']}",
            "title": a["title"],
            "day": f"{moment(a):%b} {moment(a).day}, {moment(a):%Y}",
        }
        for a in newest
    ]
    card = (
        'DATA.items.map(i => `<div class="post-item"><h3 class="title"><a href="${i.url}">${i.title}</a>'
        "</h3><p class=\"post-meta\"><span>${i.day}</span></p></div>`).join('')"
    )
    files = {
        "index.html": shell("Kabar Kota", {"items": []}, "''"),
        "posts/index.html": shell("Semua Berita", {"items": items}, card),
    }
    page = (
        '`<h1 class="title post-title">${DATA.title}</h1><div class="post-details-meta">'
        '<div class="item-meta item-meta-author"><span>${DATA.author}</span></div>'
        '<div class="item-meta item-meta-date"><span>${DATA.date}</span></div></div>'
        "<div class=\"post-text mt-4\">${DATA.paragraphs.map(p => `<p>${p}</p>`).join('')}</div>`"
    )
    for a in articles:
        when = moment(a)
        data = {
            "title": a["title"],
            "author": a["author"],
            "date": f"{when:%b} {when.day}, {when:%Y} - {when:%H:%M}",
            "paragraphs": [html.escape(p) for p in a["paragraphs"]],
        }
        files[f"{a['slug']}.html"] = shell(a["title"], data, page)
    files["robots.txt"] = "User-agent: *\nDisallow: /search\n"
    return files


# -- Tribun and detik -------------------------------------------------------------------------

DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]  # fmt: skip


def printed_id(when: dt.datetime) -> str:
    return f"{DAYS_ID[when.weekday()]}, {when.day} {MONTHS_ID[when.month - 1]} {when:%Y} {when:%H:%M} WIB"


def tribun_page(origin: str, a: dict, body: list[str], pages: str = "") -> str:
    tags = "".join(f'<a href="{origin}/tag/{t.lower()}">{t}</a>' for t in a["tags"])
    return (
        head(a["title"])
        + f"""<h1 id="arttitle">{html.escape(a["title"])}</h1>
<time>Tayang: {printed_id(moment(a))}</time>
<div id="penulis"><a href="{origin}/penulis/redaksi">{a["author"]}</a></div>
<div class="side-article txt-article" id="article_body">{"".join(body)}</div>{pages}
<div class="tagcloud3">{tags}</div>
</body></html>
"""
    )


def tribun_site(origin: str, outlet: str, articles: list[dict]) -> dict[str, str]:
    newest = sorted(articles, key=lambda a: a["published"], reverse=True)
    paths = {a["slug"]: f"{a['category']}/{4100000 + n}/{a['slug']}" for n, a in enumerate(articles)}
    files = {"index.html": head(outlet) + "<p>Beranda</p></body></html>\n"}
    for n, a in enumerate(articles):
        paragraphs = [f"<p>{html.escape(p)}</p>" for p in a["paragraphs"]]
        furniture_top = [
            f"<p>Ringkasan Berita: {html.escape(a['title'])} menjadi perhatian warga.</p>",
            f"<p>Laporan Wartawan {outlet}, {a['author']}</p>",
        ]
        furniture_end = [
            f"<p>Penulis: {a['author']} | Editor: Dani Kurniawan</p>",
            f"<p>BACA BERITA {outlet.upper()} LAINNYA DI GOOGLE NEWS</p>",
            "<p>Ikuti saluran WhatsApp kami untuk berita terbaru.</p>",
        ]

        whole = furniture_top + paragraphs + furniture_end
        if n % 2:  # a split article: page 1 holds the first paragraph only
            pager = f'<div class="paging"><a href="{origin}/{paths[a["slug"]]}?page=2">2</a></div>'
            files[f"{paths[a['slug']]}.html"] = tribun_page(origin, a, furniture_top + paragraphs[:1], pager)
        else:
            files[f"{paths[a['slug']]}.html"] = tribun_page(origin, a, whole)
        files[f"{paths[a['slug']]}.all.html"] = tribun_page(origin, a, whole)
    chunked = chunks(newest, PER_PAGE)
    for number, chunk in enumerate(chunked, start=1):
        entries = "".join(
            f'<li><h3><a href="{origin}/{paths[a["slug"]]}">{html.escape(a["title"])}</a></h3>'
            f"<h4>{html.escape(a['paragraphs'][1][:60])}</h4>"
            f'<div class="grey">{"5 hari lalu" if i == 0 else printed_id(moment(a)).rsplit(" ", 2)[0]}</div></li>'
            for i, a in enumerate(chunk)
        )
        nxt = (
            f'<div class="paging"><a rel="next" href="{origin}/berita?page={number + 1}">›</a></div>'
            if number < len(chunked)
            else ""
        )
        name = "berita/index.html" if number == 1 else f"berita/page-{number}.html"
        files[name] = head("Berita") + f'<ul class="lpk">{entries}</ul>{nxt}</body></html>\n'
    files["robots.txt"] = "User-agent: *\nDisallow: /search\n"
    return files


def detik_site(origin: str, articles: list[dict]) -> dict[str, str]:
    editions = ("jatim", "bali")
    files = {"index.html": head("detikcom") + "<p>Beranda</p></body></html>\n"}
    by_edition: dict[str, list[dict]] = {e: [] for e in editions}
    paths = {}
    for n, a in enumerate(articles):
        edition = editions[n % 2]
        by_edition[edition].append(a)
        paths[a["slug"]] = f"{edition}/berita/d-{7400000 + n}/{a['slug']}"
        when = moment(a)
        body = "".join(f"<p>{html.escape(p)}</p>" for p in a["paragraphs"])
        body += f"<p>{' '.join(t.lower() for t in a['tags'])}</p><p>Video: Suasana {a['place'].title()} Pagi Ini</p>"
        files[f"{paths[a['slug']]}.all.html"] = files[f"{paths[a['slug']]}.html"] = (
            head(a["title"])
            + f"""<h1 class="detail__title">{html.escape(a["title"])}</h1>
<div class="detail__author">{a["author"]} - detik{edition.title()}</div>
<div class="detail__date">{printed_id(when)}</div>
<div class="detail__body-text itp_bodycontent">{body}</div>
</body></html>
"""
        )
    for edition, entries in by_edition.items():
        newest = sorted(entries, key=lambda a: a["published"], reverse=True)
        chunked = chunks(newest, PER_PAGE)
        for number, chunk in enumerate(chunked, start=1):
            cards = "".join(
                f'<article><h2 class="title"><a href="{origin}/{paths[a["slug"]]}">{html.escape(a["title"])}</a></h2>'
                f'<span class="date">detik{edition.title()} {printed_id(moment(a))}</span></article>'
                for a in chunk
            )
            nxt = (
                f'<a rel="next" href="{origin}/tag/{edition}/?page={number + 1}">Berikutnya</a>'
                if number < len(chunked)
                else ""
            )
            name = f"tag/{edition}/index.html" if number == 1 else f"tag/{edition}/page-{number}.html"
            files[name] = head(f"Tag {edition}") + cards + nxt + "</body></html>\n"
    files["robots.txt"] = "User-agent: *\nDisallow: /search\n"
    return files


COPIES = {
    "malangposcomedia": lambda: wordpress_site(
        "https://malangposcomedia.id", MALANGPOSCO, "tagdiv", "category/malang-raya"
    ),
    "memox": lambda: wordpress_site("https://memox.co.id", MEMOX, "memox", "tag/malang"),
    "radarmalang": lambda: radar_site("https://radarmalang.jawapos.com", RADARMALANG, ("malang-raya",)),
    "radarbatu": lambda: radar_site("https://radarbatu.jawapos.com", RADARBATU, ("ekonomi",)),
    "malangtimes": lambda: times_site("https://www.malangtimes.com", "MalangTIMES", MALANGTIMES),
    "jatimtimes": lambda: times_site("https://jatimtimes.com", "JatimTIMES", JATIMTIMES),
    "kabarkota": lambda: rendered_site("https://kabarkota.id", KABARKOTA),
    "tribunbali": lambda: tribun_site("https://bali.tribunnews.com", "TribunBali.com", TRIBUNBALI),
    "surya": lambda: tribun_site("https://surabaya.tribunnews.com", "SURYA.co.id", SURYA),
    "detik": lambda: detik_site("https://www.detik.com", DETIK),
}


def main() -> None:
    for name, build in COPIES.items():
        write_copy(HERE / name, build())


if __name__ == "__main__":
    main()
