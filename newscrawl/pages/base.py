"""The article page every layout builds on: JSON-LD and OpenGraph/``article:*`` meta.

A page takes a response and the article URL it stands for, and returns an
``ArticleItem``; it touches no crawler, stats or settings (as web-poet's page
objects). Each field is taken from the first layer that gives a usable value:
``layout`` (what a layout subclass reads from its markup), then ``jsonld``, then
``meta``. ``provenance`` records the layer of every filled field, ``problems``
what was wrong with the page (unparseable dates, cut fields).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any, ClassVar
from urllib.parse import urlsplit

from scrapy.http import TextResponse

from newscrawl.items import ArticleItem
from newscrawl.loaders import ArticleLoader
from newscrawl.normalize.hints import OutletHint
from newscrawl.outlets import Outlet
from newscrawl.urls import canonicalize, url_hash

LAYERS = ("layout", "jsonld", "meta")
# The fields a page reads; identity, site and crawl time are set around them.
PAGE_FIELDS = (
    "title",
    "lead",
    "body",
    "authors",
    "editor",
    "published_at",
    "modified_at",
    "category",
    "tags",
    "image_url",
    "image_caption",
    "language",
)
ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"}
# JSON-LD scalars read out of a block that is not valid JSON (CMSes print keywords unescaped).
_LENIENT = re.compile(
    r'"(?P<key>@type|headline|datePublished|dateModified|articleSection)"\s*:\s*"(?P<value>[^"]*)"'
)


def jsonld_nodes(blocks: list[str]) -> Iterator[dict[str, Any]]:
    """Every object of the page's JSON-LD blocks, ``@graph`` members included."""
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            lenient = {m["key"]: m["value"] for m in _LENIENT.finditer(block)}
            if lenient:
                yield lenient
            continue
        stack = data if isinstance(data, list) else [data]
        for node in stack:
            if isinstance(node, dict):
                yield node
                graph = node.get("@graph")
                if isinstance(graph, list):
                    yield from (n for n in graph if isinstance(n, dict))


def is_article(node: dict[str, Any]) -> bool:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(t in ARTICLE_TYPES for t in types)


def names(value: Any, kind: str = "Person") -> list[str]:
    """Names of ``kind`` objects (or plain strings) in a JSON-LD author/publisher value."""
    found = []
    for entry in value if isinstance(value, list) else [value]:
        if isinstance(entry, str):
            found.append(entry)
        elif (
            isinstance(entry, dict)
            and entry.get("@type", kind) == kind
            and isinstance(entry.get("name"), str)
        ):
            found.append(entry["name"])
    return found


def image_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url")
    return value if isinstance(value, str) else None


class ArticlePage:
    """Fields from JSON-LD and meta tags; a layout subclass adds ``layout_<field>`` methods."""

    layers: ClassVar[tuple[str, ...]] = LAYERS

    def __init__(self, response: TextResponse, url: str, outlet: Outlet) -> None:
        self.response = response
        self.url = url  # the article's own (live) URL, whatever URL was fetched
        self.outlet = outlet
        self.provenance: dict[str, str] = {}
        self.problems: list[str] = []
        self._article_node: dict[str, Any] | None = None

    def declares_non_article(self) -> bool:
        """True when the page says it is something else (``og:type`` website, profile…): a
        category or site page listed among the articles. Pages that say nothing are articles."""
        kind = (self.meta("og:type")[:1] or ["article"])[0].strip().lower()
        return kind not in ("article", "news", "news.article", "")

    # -- the item ------------------------------------------------------------------

    def to_item(self) -> ArticleItem:
        loader = ArticleLoader(
            selector=self.response.selector,
            reference_time=dt.datetime.now(dt.UTC).replace(microsecond=0),
            default_tz=self.outlet.timezone,
            url=self.url,
            problems=self.problems,
            hint=OutletHint.for_outlet(self.outlet.host, self.outlet.printed_names),
            dates_in_url=self.outlet.dates_in_url,
        )
        for name in PAGE_FIELDS:
            for layer in self.layers:
                read = getattr(self, f"{layer}_{name}", None)
                value = read() if read is not None else None
                if value in (None, "", []):
                    continue
                # The page gives the raw body; the loader normalizes it into ``body``.
                target = "body_raw" if name == "body" else name
                loader.add_value(target, value)
                if loader.get_collected_values(target):
                    self.provenance[name] = layer
                    if name == "published_at":
                        loader.add_value("published_printed", value)
                    break
        canonical = self.canonical_url()
        loader.add_value("url", self.url)
        loader.add_value("canonical_url", canonical)
        loader.add_value("url_hash", url_hash(canonical))
        loader.add_value("site", self.outlet.host)
        item = loader.load_item()
        if item.modified_at and item.modified_at == item.published_at:
            item.modified_at = None  # printed on every page; equal means never modified
            self.provenance.pop("modified_at", None)
        return item

    def canonical_url(self) -> str:
        """The page's own rel=canonical wins when it points into the outlet."""
        declared = self.response.css('link[rel="canonical"]::attr(href)').get()
        if declared:
            host = (urlsplit(declared).hostname or "").lower()
            if host == self.outlet.host or host.endswith("." + self.outlet.host):
                return canonicalize(declared)
        return canonicalize(self.url)

    # -- JSON-LD -------------------------------------------------------------------

    @property
    def article_node(self) -> dict[str, Any]:
        if self._article_node is None:
            blocks = self.response.css('script[type="application/ld+json"]::text').getall()
            self._article_node = next((n for n in jsonld_nodes(blocks) if is_article(n)), {})
        return self._article_node

    def jsonld_title(self) -> Any:
        return self.article_node.get("headline")

    def jsonld_body(self) -> Any:
        return self.article_node.get("articleBody")

    def jsonld_authors(self) -> Any:
        return names(self.article_node.get("author"))

    def jsonld_published_at(self) -> Any:
        return self.article_node.get("datePublished")

    def jsonld_modified_at(self) -> Any:
        return self.article_node.get("dateModified")

    def jsonld_category(self) -> Any:
        section = self.article_node.get("articleSection")
        return section[0] if isinstance(section, list) and section else section

    def jsonld_tags(self) -> Any:
        keywords = self.article_node.get("keywords")
        if isinstance(keywords, str):
            keywords = keywords.split(",")
        return [k.strip() for k in keywords or [] if isinstance(k, str) and k.strip()]

    def jsonld_image_url(self) -> Any:
        return self.real_image(image_url(self.article_node.get("image")))

    # -- meta ----------------------------------------------------------------------

    def meta(self, prop: str) -> list[str]:
        return self.response.css(
            f'meta[property="{prop}"]::attr(content), meta[name="{prop}"]::attr(content)'
        ).getall()

    def meta_title(self) -> Any:
        return self.meta("og:title")[:1]

    def meta_authors(self) -> Any:
        # article:author only: meta[name=author] often names the site, not a person.
        return [a for a in self.meta("article:author") if not a.startswith(("http://", "https://"))]

    def meta_published_at(self) -> Any:
        return self.meta("article:published_time")[:1]

    def meta_modified_at(self) -> Any:
        return self.meta("article:modified_time")[:1]

    def meta_category(self) -> Any:
        return self.meta("article:section")[:1]

    def meta_tags(self) -> Any:
        return self.meta("article:tag")

    def meta_image_url(self) -> Any:
        images = self.meta("og:image")
        return self.real_image(self.response.urljoin(images[0])) if images else None

    def meta_language(self) -> Any:
        lang = self.response.css("html::attr(lang)").get() or "id"
        return lang[:2].lower()

    def real_image(self, url: str | None) -> str | None:
        """None for an "image" that is the site's root or a page: what CMSes print when there is none."""
        if not url:
            return None
        path = urlsplit(url).path
        return url if path.strip("/") and "." in path.rsplit("/", 1)[-1] else None
