"""WordPress articles: HTML pages of the usual themes, and posts of the REST API.

Layouts (``Outlet.layout``): ``wordpress`` (the block themes, Twenty Twenty-Three
and kin: ``h1.wp-block-post-title``, ``div.wp-block-post-content``,
``<time datetime>``), ``tagdiv`` (tagDiv "Newspaper": ``div.td-post-content``,
``.tdb-block-inner`` in its cloud templates) and ``memox`` (GeneratePress-based,
``.gmr-box-content``, whose text runs on into tag names and post navigation: that
is furniture, cut by the normalizer). The base JSON-LD/meta layers fill what a
theme does not print; SEO plugins add ``article:*`` meta and a JSON-LD ``@graph``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from parsel import Selector
from scrapy.http import TextResponse

from newscrawl.outlets import Outlet
from newscrawl.pages.base import ArticlePage
from newscrawl.urls import canonicalize


class WordPressArticlePage(ArticlePage):
    """A block theme; subclasses change the selectors for other themes."""

    title_css: ClassVar[str] = "h1.wp-block-post-title, h1.entry-title"
    body_css: ClassVar[str] = "div.wp-block-post-content, div.entry-content"
    date_css: ClassVar[str] = "time::attr(datetime)"
    author_css: ClassVar[str] = ".wp-block-post-author__name, .author.vcard a, a[rel=author]"
    category_css: ClassVar[str] = ".taxonomy-category a, a[rel~=category]"
    tag_css: ClassVar[str] = ".taxonomy-post_tag a, .tags-links a, a[rel=tag]:not(.taxonomy-category a)"
    image_css: ClassVar[str] = ".wp-block-post-featured-image img::attr(src), .post-thumbnail img::attr(src)"
    caption_css: ClassVar[str] = ".wp-block-post-featured-image figcaption, .wp-caption-text"

    def layout_title(self) -> Any:
        return self.response.css(self.title_css).get()

    def layout_body(self) -> Any:
        body = self.response.css(self.body_css)[:1]
        return body.xpath("./p | ./h2 | ./h3 | ./blockquote | ./ul | ./ol").getall() or body.getall()

    def layout_published_at(self) -> Any:
        return self.response.css(self.date_css).get()

    def layout_authors(self) -> Any:
        return self.response.css(self.author_css).getall()[:1]

    def layout_category(self) -> Any:
        return self.response.css(self.category_css).get()

    def layout_tags(self) -> Any:
        return self.response.css(f"{self.tag_css}").getall()

    def layout_image_url(self) -> Any:
        src = self.response.css(self.image_css).get()
        return self.real_image(self.response.urljoin(src)) if src else None

    def layout_image_caption(self) -> Any:
        return self.response.css(self.caption_css).get()


class TagDivArticlePage(WordPressArticlePage):
    title_css = "h1.entry-title, h1.tdb-title-text"
    body_css = "div.td-post-content, div.tdb_single_content .tdb-block-inner"
    date_css = "time.entry-date::attr(datetime)"
    author_css = ".td-post-author-name a, .tdb-author-name"
    category_css = ".td-category a, .tdb-entry-category"
    tag_css = ".td-tags a, .tdb-tags a"
    image_css = ".td-post-featured-image img::attr(src)"
    caption_css = ".td-post-featured-image .wp-caption-text"


class MemoxArticlePage(WordPressArticlePage):
    title_css = "h1.entry-title"
    body_css = "div.gmr-box-content div.entry-content, div.gmr-box-content"
    date_css = "time.entry-date.published::attr(datetime)"
    author_css = ".entry-author a, .author a"
    category_css = ".gmr-meta-topic a, .cat-links a"
    tag_css = ".tags-links a"


class WordPressPostPage(ArticlePage):
    """A post of the REST API (``/wp-json/wp/v2/posts?_embed=1``): the whole article, no page needed.

    Its one layer, ``api``, reads the post object; the response is the listing it came in.
    """

    layers: ClassVar[tuple[str, ...]] = ("api",)

    def __init__(self, response: TextResponse, post: dict[str, Any], outlet: Outlet) -> None:
        super().__init__(response, str(post.get("link") or ""), outlet)
        self.post = post
        self.embedded = post.get("_embedded") or {}

    @staticmethod
    def rendered(value: Any) -> str | None:
        return value.get("rendered") if isinstance(value, dict) else None

    def terms(self, taxonomy: str) -> list[str]:
        groups = self.embedded.get("wp:term") or []
        return [
            t["name"]
            for group in groups
            for t in group
            if isinstance(t, dict) and t.get("taxonomy") == taxonomy
        ]

    def declares_non_article(self) -> bool:
        return False

    def canonical_url(self) -> str:
        return canonicalize(self.url)

    def api_title(self) -> Any:
        return self.rendered(self.post.get("title"))

    def api_body(self) -> Any:
        content = self.rendered(self.post.get("content")) or ""
        blocks = Selector(text=content).xpath("//body/*").getall()
        return blocks or content

    def api_authors(self) -> Any:
        return [a["name"] for a in self.embedded.get("author") or [] if isinstance(a, dict) and a.get("name")]

    def api_published_at(self) -> Any:
        # The site's zone is a setting we may not know; the UTC time is unambiguous.
        return f"{self.post['date_gmt']}+00:00" if self.post.get("date_gmt") else None

    def api_modified_at(self) -> Any:
        return f"{self.post['modified_gmt']}+00:00" if self.post.get("modified_gmt") else None

    def api_category(self) -> Any:
        return (self.terms("category") or [None])[0]

    def api_tags(self) -> Any:
        return self.terms("post_tag")

    def _media(self) -> dict[str, Any]:
        media = (self.embedded.get("wp:featuredmedia") or [{}])[0]
        return media if isinstance(media, dict) else {}

    def api_image_url(self) -> Any:
        return self.real_image(self._media().get("source_url"))

    def api_image_caption(self) -> Any:
        return self.rendered(self._media().get("caption"))

    def api_language(self) -> Any:
        return "id"
