"""Item pipelines: validate, drop duplicates, publish in atomic batches."""

from __future__ import annotations

import dataclasses
import logging
import time
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import deferred_from_coro
from spidermon.contrib.scrapy.pipelines import ItemValidationPipeline
from twisted.internet import task

from newscrawl.items import ArticleItem
from newscrawl.run import RunManager, count

logger = logging.getLogger(__name__)

COVERAGE_FIELDS = [f.name for f in dataclasses.fields(ArticleItem) if f.name not in ("schema_version",)]


def _run_manager(crawler: Crawler) -> RunManager:
    manager = crawler.get_extension(RunManager)
    if manager is None:
        raise NotConfigured("newscrawl.run.RunManager extension is not enabled")
    return manager


class ValidationPipeline(ItemValidationPipeline):
    """spidermon's JSON Schema validation, with a reason that names what is wrong.

    It counts the records it checks and, for the valid ones, which fields are
    filled: the monitors read these counts.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidationPipeline:
        pipeline = super().from_crawler(crawler)
        if not isinstance(pipeline, cls):
            # spidermon hands back a pass-through when it is off: never publish unvalidated records.
            raise ValueError("ValidationPipeline validates through spidermon: keep SPIDERMON_ENABLED = True")
        pipeline.crawler = crawler
        return pipeline

    def process_item(self, item: Any) -> Any:
        stats = self.crawler.stats
        outlet = getattr(item, "site", None)
        count(stats, "validation/checked", outlet)
        item = super().process_item(item)  # raises DropItem for an invalid record
        count(stats, "coverage/items", outlet)
        for name, value in dataclasses.asdict(item).items():
            if name in COVERAGE_FIELDS and value not in (None, "", []):
                count(stats, f"coverage/{name}", outlet)
        return item

    def _drop_item(self, item: Any, errors: dict[str, list[str]]) -> None:
        self.stats.add_dropped_item()
        count(self.crawler.stats, "validation/dropped", getattr(item, "site", None))
        problems = "; ".join(f"{field}: {', '.join(msgs)}" for field, msgs in sorted(errors.items()))
        raise DropItem(f"Invalid record from {getattr(item, 'url', '?')}: {problems}")


class DedupPipeline:
    """Drop an article already published by an earlier run or earlier in this one."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.run = _run_manager(crawler)
        self.in_run: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        return cls(crawler)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        key = item.url_hash
        if key in self.in_run or self.run.is_seen(key):
            self.crawler.stats.inc_value("newscrawl/dedup/dropped")
            raise DropItem(f"Duplicate of {item.canonical_url} (fetched as {item.url})")
        self.in_run.add(key)
        return item


class PublishPipeline:
    """Collect records and publish them in batches of N records or M seconds."""

    def __init__(self, crawler: Crawler, batch_items: int, batch_seconds: float) -> None:
        self.crawler = crawler
        self.run = _run_manager(crawler)
        self.batch_items = batch_items
        self.batch_seconds = batch_seconds
        self.batch: list[dict[str, Any]] = []
        self.batch_started = 0.0
        self.failed = False
        self.timer: task.LoopingCall | None = None
        self._closing: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PublishPipeline:
        config = _run_manager(crawler).config
        return cls(crawler, config.batch_items, config.batch_seconds)

    def open_spider(self, spider: Spider | None = None) -> None:
        self.timer = task.LoopingCall(self._flush_if_old)
        self.timer.start(min(1.0, self.batch_seconds), now=False)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if self.failed:
            raise DropItem(f"Not published, publishing failed earlier: {item.url}")
        if not self.batch:
            self.batch_started = time.monotonic()
        self.batch.append(dataclasses.asdict(item))
        if len(self.batch) >= self.batch_items:
            self._flush()
        return item

    def _flush_if_old(self) -> None:
        if self.batch and time.monotonic() - self.batch_started >= self.batch_seconds:
            self._flush()

    def _flush(self) -> None:
        batch, self.batch = self.batch, []
        if not batch or self.failed:
            return
        try:
            self.run.publish(batch)
        except OSError as exc:
            self.failed = True
            self.run.publish_error = f"publishing failed: {exc}"
            self.crawler.stats.inc_value("newscrawl/published/failed_records", len(batch))
            logger.error(
                "Publishing %d records failed (%s); nothing of it is visible or marked seen, "
                "the next run fetches them again. Stopping the run.",
                len(batch),
                exc,
            )
            engine = self.crawler.engine
            if engine is not None and engine.spider is not None:
                self._closing = deferred_from_coro(engine.close_spider_async(reason="publish_failed"))

    def close_spider(self, spider: Spider | None = None) -> None:
        if self.timer is not None and self.timer.running:
            self.timer.stop()
        self._flush()
