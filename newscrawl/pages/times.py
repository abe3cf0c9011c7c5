"""Article pages of the JatimTIMES network (JSON-LD carries the day only: the page prints the time)."""

from __future__ import annotations

import re
from typing import Any

from newscrawl.pages.base import ArticlePage

_CREDITS = re.compile(r"Penulis\s*:\s*(?P<author>.+?)\s*-\s*Editor\s*:\s*(?P<editor>.+)$")


class TimesArticlePage(ArticlePage):
    def _credits(self) -> re.Match[str] | None:
        for line in self.response.css(".blog-post p::text").getall():
            match = _CREDITS.search(line.strip())
            if match:
                return match
        return None

    def layout_title(self) -> Any:
        return self.response.css(".blog-post h1").get()

    def layout_body(self) -> Any:
        return self.response.css(".blog-post .post-body p").getall()

    def layout_published_at(self) -> Any:
        printed = self.response.css("p.float-right.text-muted::text").get()
        return printed.replace(" - ", " ") if printed else None  # ``28 - Jun - 2026, 23:32``

    def layout_authors(self) -> Any:
        credits = self._credits()
        return [credits["author"]] if credits else None

    def layout_editor(self) -> Any:
        credits = self._credits()
        return credits["editor"] if credits else None

    def layout_tags(self) -> Any:
        return self.response.css("span.badge-warning").getall()
