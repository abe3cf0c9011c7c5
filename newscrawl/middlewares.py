"""Spider middleware: the one place where article links already done are filtered out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from scrapy import Request

from newscrawl.run import ARTICLE_META, RENDER_AGAIN_META, RunManager

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class SeenFilterMiddleware:
    """Drops article requests whose article is published, given up or already taken this run,
    from callbacks and start requests alike (as zyte-spider-templates' incremental middleware)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SeenFilterMiddleware:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for obj in start:
            if self._wanted(obj):
                yield obj

    async def process_spider_output(
        self, response: Any, result: AsyncIterator[Any], spider: Any = None
    ) -> AsyncIterator[Any]:
        async for obj in result:
            if self._wanted(obj):
                yield obj

    def _wanted(self, obj: Any) -> bool:
        if not isinstance(obj, Request) or ARTICLE_META not in obj.meta or obj.meta.get(RENDER_AGAIN_META):
            return True
        manager = self.crawler.get_extension(RunManager)
        return manager is None or manager.claim(obj.meta[ARTICLE_META])
