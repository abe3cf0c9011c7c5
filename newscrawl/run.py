"""One crawl run: its lock, seen-store, published batches, manifest and exit status."""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
from enum import IntEnum
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, NotConfigured

from newscrawl.config import NewscrawlConfig
from newscrawl.storage import LockHeld, OutputDirectory, RunLock, SeenStore, SqliteSeenStore

logger = logging.getLogger(__name__)

PUBLISH_PIPELINE = "newscrawl.pipelines.PublishPipeline"


class ExitCode(IntEnum):
    """Exit status of ``scrapy run`` (README, "Running on a schedule")."""

    OK = 0
    FAILED = 1  # the run failed, was cut short (SIGTERM/SIGINT) or could not publish
    BAD_ARGUMENTS = 2
    MONITORS_FAILED = 3
    LOCK_HELD = 4


# Finish reasons that mean the run stopped before doing its work.
REFUSED = {"bad_arguments": ExitCode.BAD_ARGUMENTS, "lock_held": ExitCode.LOCK_HELD}


def new_run_id() -> str:
    """Sorts by start time (to the microsecond), then a random suffix keeps it unique."""
    now = dt.datetime.now(dt.UTC)
    return f"{now:%Y%m%dT%H%M%S}.{now.microsecond:06d}Z-{secrets.token_hex(3)}"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class RunManager:
    """Extension that owns a run's durable state.

    At ``spider_opened`` it checks the spider's arguments, takes the spider's lock,
    opens the seen-store and repairs it from published batches; a failure closes
    the spider before any request. At ``spider_closed`` (after the monitors) it
    writes the manifest and the exit status; at ``engine_stopped`` it logs the run
    summary and releases the lock.
    """

    def __init__(self, crawler: Crawler, config: NewscrawlConfig) -> None:
        self.crawler = crawler
        self.config = config
        self.run_id = new_run_id()
        self.started_at = utc_now()
        self.lock: RunLock | None = None
        self.store: SeenStore | None = None
        self.output: OutputDirectory | None = None
        self.publish_error: str | None = None
        self.exit_code: ExitCode | None = None
        self.manifest_path: str | None = None
        # Set when the previous run left a gap; None bound means "since the beginning".
        self.catch_up = False
        self.catch_up_since: dt.date | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunManager:
        pipelines = crawler.settings.getdict("ITEM_PIPELINES")
        if not any(str(p).endswith(PUBLISH_PIPELINE) for p in pipelines if pipelines[p] is not None):
            # ``scrapy check`` and ``scrapy parse`` run without pipelines: no state is touched.
            raise NotConfigured("publishing pipeline disabled")
        manager = cls(crawler, NewscrawlConfig.from_settings(crawler.settings))
        crawler.signals.connect(manager.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(manager.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(manager.engine_stopped, signal=signals.engine_stopped)
        return manager

    # -- opening ---------------------------------------------------------------

    def spider_opened(self, spider: Spider) -> None:
        stats = self.crawler.stats
        stats.set_value("newscrawl/run_id", self.run_id)
        errors = getattr(spider, "argument_errors", [])
        if errors:
            logger.error("Bad spider arguments: %s", "; ".join(errors))
            stats.set_value("newscrawl/arguments/errors", len(errors))
            raise CloseSpider("bad_arguments")
        directory = self.config.output_dir / spider.name
        self.lock = RunLock(directory / ".state" / "lock")
        try:
            self.lock.acquire()
        except LockHeld as held:
            self.lock = None
            logger.error(
                "Another run of %r is in progress (lock %s held by %s); this run stops.",
                spider.name,
                directory / ".state" / "lock",
                held,
            )
            raise CloseSpider("lock_held") from None
        except OSError as exc:
            self.lock = None
            self._fail_output(f"cannot use output directory {directory}: {exc}")
        self.output = OutputDirectory(directory, self.run_id)
        try:
            self.output.prepare()
            self.store = SqliteSeenStore(self.output.state_dir / "seen.sqlite3")
            recovered = self.output.reconcile(self.store)
        except OSError as exc:
            self._fail_output(f"cannot use output directory {directory}: {exc}")
        except Exception as exc:  # sqlite3.Error and friends: same outcome, same message
            self._fail_output(f"cannot open the seen-store in {directory}: {exc}")
        stats.set_value("newscrawl/seen/recovered", recovered)
        gap, complete_since = self.store.catch_up_from()
        if gap:
            self.catch_up = True
            if complete_since:
                # List pages print days only: one day of margin covers any zone.
                self.catch_up_since = dt.datetime.fromisoformat(complete_since).date() - dt.timedelta(days=1)
            logger.warning(
                "The previous run of %r did not complete: this run pages through stored articles "
                "back to %s to fetch what it missed.",
                spider.name,
                self.catch_up_since or "the end of each list",
            )
        self.store.begin_run(self.run_id, self.started_at)
        logger.info("Run %s writes to %s", self.run_id, directory)

    def _fail_output(self, message: str) -> None:
        logger.error("%s; nothing is published and nothing is marked seen.", message)
        self.publish_error = message
        raise CloseSpider("output_unwritable")

    # -- during the run --------------------------------------------------------

    def is_seen(self, url_hash: str) -> bool:
        return self.store is not None and self.store.contains(url_hash)

    def publish(self, records: list[dict[str, Any]]) -> None:
        """Publish a batch, then mark its URLs seen; raise OSError if it cannot."""
        if self.output is None or self.store is None:
            raise OSError("the run has no usable output directory")
        path = self.output.publish(records)
        if self.config.crash_after_publish:
            # Fault injection for the crash-consistency test: die between the two steps.
            os._exit(70)
        self.store.record_file(path.name, [(r["url_hash"], r["canonical_url"]) for r in records])
        stats = self.crawler.stats
        stats.inc_value("newscrawl/published/records", len(records))
        stats.inc_value("newscrawl/published/files")
        logger.info("Published %d records to %s", len(records), path)

    # -- closing ---------------------------------------------------------------

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats
        self.exit_code = self._exit_code(reason)
        stats.set_value("newscrawl/exit_code", int(self.exit_code))
        if self.output is None or self.store is None:
            return  # refused before it started: another run owns the directory
        self.store.end_run(self.run_id, reason, complete=reason == "finished" and not self.publish_error)
        manifest = {
            "run_id": self.run_id,
            "spider": spider.name,
            "arguments": getattr(spider, "arguments", {}),
            "started_at": self.started_at,
            "finished_at": utc_now(),
            "finish_reason": reason,
            "counts": self._counts(),
            "files": self.output.published,
            "monitors_failed": stats.get_value("newscrawl/monitors/failures", []),
            "error": self.publish_error,
            "exit_status": int(self.exit_code),
        }
        try:
            self.manifest_path = str(self.output.write_manifest(manifest))
        except OSError as exc:
            logger.error("Could not write the run manifest: %s", exc)
            self.exit_code = ExitCode.FAILED
            stats.set_value("newscrawl/exit_code", int(self.exit_code))

    def _exit_code(self, reason: str) -> ExitCode:
        if reason in REFUSED:
            return REFUSED[reason]
        if reason != "finished" or self.publish_error:
            return ExitCode.FAILED
        if self.crawler.stats.get_value("newscrawl/monitors/failed"):
            return ExitCode.MONITORS_FAILED
        return ExitCode.OK

    def _counts(self) -> dict[str, int]:
        stats = self.crawler.stats
        names = {
            "requests": "downloader/request_count",
            "articles_found": "newscrawl/articles/found",
            "articles_skipped_seen": "newscrawl/articles/skipped_seen",
            "records_published": "newscrawl/published/records",
            "duplicates_dropped": "newscrawl/dedup/dropped",
            "duplicate_links_skipped": "dupefilter/filtered",
            "invalid_dropped": "newscrawl/validation/dropped",
            "errors": "log_count/ERROR",
        }
        return {key: int(stats.get_value(stat, 0)) for key, stat in names.items()}

    def engine_stopped(self) -> None:
        if self.store is not None:
            self.store.close()
        if self.lock is not None:
            self.lock.release()
        counts = self._counts()
        logger.info(
            "Run summary: spider=%s run=%s finish=%s new_records=%d requests=%d "
            "duplicates_dropped=%d invalid_dropped=%d files=%d exit_status=%s manifest=%s",
            self.crawler.spider.name if self.crawler.spider else "?",
            self.run_id,
            self.crawler.stats.get_value("finish_reason"),
            counts["records_published"],
            counts["requests"],
            counts["duplicates_dropped"],
            counts["invalid_dropped"],
            len(self.output.published) if self.output else 0,
            int(self.exit_code) if self.exit_code is not None else "?",
            self.manifest_path or "-",
        )
