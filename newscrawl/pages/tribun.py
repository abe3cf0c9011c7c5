"""Article pages of Tribun (``?page=all``) and detik (``?single=1``)."""

from __future__ import annotations

import re
from typing import Any

from newscrawl.pages.base import ArticlePage

_PRINTED_AT = re.compile(r"^\s*(?:Tayang|Diperbarui)\s*:\s*", re.IGNORECASE)


class TribunArticlePage(ArticlePage):
    def layout_title(self) -> Any:
        return self.response.css("h1#arttitle").get()

    def layout_body(self) -> Any:
        body = self.response.css("#article_body, div.side-article.txt-article")[:1]
        return body.xpath("./p | ./h2 | ./h3 | ./blockquote | ./ul").getall()

    def layout_published_at(self) -> Any:
        printed = self.response.css("time::text, .tribun-date::text").get()
        return _PRINTED_AT.sub("", printed) if printed else None

    def layout_authors(self) -> Any:
        return self.response.css("#penulis a::text, .penulis a::text").getall()[:1]

    def layout_tags(self) -> Any:
        return self.response.css(".tagcloud3 a::text, .tags a::text").getall()


class DetikArticlePage(ArticlePage):
    def layout_title(self) -> Any:
        return self.response.css("h1.detail__title").get()

    def layout_body(self) -> Any:
        body = self.response.css("div.detail__body-text, .itp_bodycontent")[:1]
        return body.xpath("./p | ./h2 | ./h3 | ./blockquote").getall()

    def layout_published_at(self) -> Any:
        return self.response.css(".detail__date::text").get()

    def layout_authors(self) -> Any:
        author = self.response.css(".detail__author::text").get()
        return [author.split(" - ")[0]] if author else None  # ``Nama - detikJatim``
