"""Article pages of the Jawa Pos Radar platform: ``props.article`` of the ``data-page`` JSON,
and the server-rendered DOM (``.rt-Box.konten``) when a page carries no data."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from parsel import Selector

from newscrawl.pages.base import ArticlePage


def data_page(response: Any) -> dict[str, Any]:
    """The Inertia page object of a response (``{}`` when there is none or it does not parse)."""
    raw = response.css("[data-page]::attr(data-page)").get()
    try:
        page = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return page if isinstance(page, dict) else {}


class RadarArticlePage(ArticlePage):
    layers: ClassVar[tuple[str, ...]] = ("data", "layout", "jsonld", "meta")

    @property
    def article(self) -> dict[str, Any]:
        article = data_page(self.response).get("props", {}).get("article")
        return article if isinstance(article, dict) else {}

    def data_title(self) -> Any:
        return self.article.get("title")

    def data_body(self) -> Any:
        content = self.article.get("content")
        return Selector(text=content).xpath("//body/*").getall() if isinstance(content, str) else None

    def data_editor(self) -> Any:
        editor = self.article.get("editor")
        return editor.get("name") if isinstance(editor, dict) else None

    def data_authors(self) -> Any:
        return [a.get("name") for a in self.article.get("authors") or [] if isinstance(a, dict)]

    def data_published_at(self) -> Any:
        return self.article.get("date")

    def data_category(self) -> Any:
        category = self.article.get("category")
        return category.get("name") if isinstance(category, dict) else None

    def data_tags(self) -> Any:
        return [t.get("name") for t in self.article.get("tags") or [] if isinstance(t, dict)]

    def data_image_url(self) -> Any:
        return self.real_image(self.article.get("image"))

    def layout_title(self) -> Any:
        return self.response.css("h1").get()

    def layout_body(self) -> Any:
        return self.response.css(".rt-Box.konten p").getall()
