"""One crawl run: its lock, seen-store, published batches, manifest and exit status."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import sqlite3
from enum import IntEnum
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    CloseSpider,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotConfigured,
    ResponseDataLossError,
)
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.misc import load_object
from twisted.internet import error
from twisted.web._newclient import ResponseFailed
from twisted.web.http import PotentialDataLoss, _DataLoss

from newscrawl.config import ConfigError, NewscrawlConfig
from newscrawl.storage import FetchFailure, LockHeld, OutputDirectory, RunLedger, RunLock, SeenSet

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


# Request meta key naming the outlet a request works for (its host).
OUTLET_META = "newscrawl_outlet"
# Request meta key of a page fetched once more through the browser (its article is already claimed).
RENDER_AGAIN_META = "newscrawl_render_again"
# Request meta key of an article request: {"url": live URL as listed, "url_hash": identity,
# "outlet": the outlet's host}.
ARTICLE_META = "newscrawl_article"


def count(stats: Any, key: str, outlet: str | None = None, amount: int = 1) -> None:
    """Count ``newscrawl/<key>`` for the run and ``newscrawl/outlets/<host>/<key>`` for the outlet."""
    stats.inc_value(f"newscrawl/{key}", amount)
    if outlet:
        stats.inc_value(f"newscrawl/outlets/{outlet}/{key}", amount)


def failure_cause(exc: BaseException) -> tuple[str, bool]:
    """A short cause for a failed fetch, and whether a later run should try again.

    >>> failure_cause(TimeoutError())
    ('timeout', True)
    >>> failure_cause(IgnoreRequest("Forbidden by robots.txt"))
    ('forbidden_by_robots', False)
    """
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}", True
    if isinstance(exc, IgnoreRequest):
        message = str(exc)
        if message.startswith("blocked"):
            return "blocked", False
        if "robots.txt unavailable" in message:
            return "robots_unavailable", True
        if "Forbidden by robots.txt" in message:
            return "forbidden_by_robots", False
        if "redirect loop" in message:
            return "redirect_loop", True
        if "DOWNLOAD_MAXSIZE" in message:
            return "too_large", True  # a compression bomb, stopped while decompressing
        return "ignored", False
    if isinstance(exc, TimeoutError | DownloadTimeoutError | error.TimeoutError | error.TCPTimedOutError):
        return "timeout", True
    if isinstance(exc, CannotResolveHostError | error.DNSLookupError):
        return "dns", True
    if isinstance(exc, DownloadCancelledError):
        return "too_large", True  # Scrapy cancels a download only when it passes DOWNLOAD_MAXSIZE
    if isinstance(exc, ResponseDataLossError | ResponseFailed | _DataLoss | PotentialDataLoss):
        return "data_loss", True
    if isinstance(exc, DownloadConnectionRefusedError | error.ConnectError | error.ConnectionLost):
        return "connection", True
    return type(exc).__name__.lower(), True


class RunManager:
    """Extension that owns a run's durable state.

    At ``spider_opened`` it checks the spider's arguments, takes the spider's lock,
    opens the seen-store and repairs it from published batches; a failure closes
    the spider before any request. At ``spider_closed`` (after the monitors) it
    writes the manifest and the exit status; at ``engine_stopped`` it logs the run
    summary and releases the lock.
    """

    def __init__(self, crawler: Crawler, config: NewscrawlConfig, config_error: str | None = None) -> None:
        self.crawler = crawler
        self.config = config
        self.config_error = config_error
        self.given_up: list[dict[str, Any]] = []
        self.run_id = new_run_id()
        self.started_at = utc_now()
        self.lock: RunLock | None = None
        self.seen: SeenSet | None = None
        self.ledger: RunLedger | None = None
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
        try:
            manager = cls(crawler, NewscrawlConfig.from_settings(crawler.settings))
        except ConfigError as exc:
            # Reported at spider_opened, before any request, like bad spider arguments.
            manager = cls(crawler, NewscrawlConfig(), config_error=str(exc))
        crawler.signals.connect(manager.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(manager.response_received, signal=signals.response_received)
        crawler.signals.connect(manager.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(manager.request_reached_downloader, signal=signals.request_reached_downloader)
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
        if self.config_error:
            logger.error("Bad settings: %s", self.config_error)
            stats.set_value("newscrawl/arguments/errors", 1)
            raise CloseSpider("bad_arguments")
        directory = self.config.output_dir / spider.name
        outlets = getattr(spider, "outlets", ())
        if self.crawler.settings.getbool("NEWSCRAWL_OUTPUT_PER_OUTLET") and len(outlets) == 1:
            directory = directory / outlets[0].host  # scrapy crawlall: each outlet its own lock and state
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
            self.ledger = RunLedger.open(self.output.state_dir)
            self.seen = load_object(self.config.seen_backend).open(self.output.state_dir)
            recovered = self.output.reconcile(self.seen, self.ledger)
        except OSError as exc:
            self._fail_output(f"cannot use output directory {directory}: {exc}")
        except Exception as exc:  # sqlite3.Error and friends: same outcome, same message
            self._fail_output(f"cannot open the seen-store in {directory}: {exc}")
        stats.set_value("newscrawl/seen/recovered", recovered)
        gap, complete_since = self.ledger.catch_up_from()
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
        self.ledger.begin_run(self.run_id, self.started_at)
        logger.info("Run %s writes to %s", self.run_id, directory)

    def _fail_output(self, message: str) -> None:
        logger.error("%s; nothing is published and nothing is marked seen.", message)
        self.publish_error = message
        raise CloseSpider("output_unwritable")

    # -- during the run --------------------------------------------------------

    def is_seen(self, url_hash: str) -> bool:
        """Published by an earlier run."""
        return self.seen is not None and self.seen.contains(url_hash)

    def done(self, url_hashes: list[str]) -> set[str]:
        """Those of ``url_hashes`` published by an earlier run, or given up after failing too often."""
        if self.seen is None or self.ledger is None:
            return set()
        published = self.seen.contains_many(url_hashes)
        return published | {h for h in url_hashes if h not in published and self.ledger.gave_up(h)}

    def claim(self, article: dict[str, str]) -> bool:
        """Take an article link for this run; False (counted) when it is done or already taken."""
        stats = self.crawler.stats
        if self.seen is None or self.ledger is None:
            return True  # no state (scrapy parse, scrapy check): nothing to filter by
        key = article["url_hash"]
        if self.seen.contains(key) or self.ledger.gave_up(key):
            count(stats, "articles/skipped_seen", article["outlet"])
            return False
        if not self.seen.claim(key):
            count(stats, "articles/duplicate_links", article["outlet"])
            return False
        return True

    def pending_failures(self) -> list[FetchFailure]:
        """Articles that failed in earlier runs, to fetch again whatever the lists say."""
        return self.ledger.pending_failures() if self.ledger is not None else []

    def response_received(self, response: Response, request: Request, spider: Spider) -> None:
        article = request.meta.get(ARTICLE_META)
        if article and 200 <= response.status < 300:
            count(self.crawler.stats, "articles/fetched", article["outlet"])
            if self.ledger is not None:
                self.ledger.clear_failure(article["url_hash"])

    def request_dropped(self, request: Request, spider: Spider) -> None:
        """The scheduler's duplicate filter dropped a redirect back into its own chain: a loop."""
        if request.url in request.meta.get("redirect_urls", ()):
            chain = " -> ".join([*request.meta["redirect_urls"], request.url])
            logger.warning("Redirect loop, not followed: %s", chain)
            self.crawler.stats.inc_value("newscrawl/redirect_loops")
            if request.meta.get(ARTICLE_META):
                self.article_failed(request, IgnoreRequest(f"redirect loop: {chain}"))

    def article_failed(self, request: Request, exc: BaseException) -> None:
        """Count a failed article fetch by cause and remember it for the next runs."""
        stats = self.crawler.stats
        cause, retry = failure_cause(exc)
        article = request.meta.get(ARTICLE_META) or {}
        outlet = article.get("outlet")
        count(stats, "articles/fetch_failed", outlet)
        count(stats, f"articles/fetch_failed/{cause}", outlet)
        logger.warning("Article not fetched (%s): %s (%s)", cause, request.url, exc)
        if not retry or self.ledger is None or not article:
            return
        entry = self.ledger.record_failure(
            FetchFailure(
                url_hash=article["url_hash"],
                url=article["url"],
                outlet=outlet or "?",
                cause=cause,
                error=str(exc)[:500],
                run_id=self.run_id,
            ),
            self.config.give_up_after_runs,
        )
        if entry.given_up:
            count(stats, "articles/given_up", outlet)
            self.given_up.append({"url": entry.url, "cause": cause, "attempts": entry.attempts})
            logger.warning(
                "Giving up on %s after failing in %d runs (last: %s); later runs skip it",
                entry.url,
                entry.attempts,
                cause,
            )

    def publish(self, records: list[dict[str, Any]]) -> None:
        """Publish a batch, then mark its URLs seen; raise OSError if it cannot."""
        if self.output is None or self.seen is None or self.ledger is None:
            raise OSError("the run has no usable output directory")
        path = self.output.publish(records)
        self.seen.add_many([(r["url_hash"], r["canonical_url"]) for r in records], path.name)
        self.ledger.record_file(path.name, len(records))
        stats = self.crawler.stats
        stats.inc_value("newscrawl/published/records", len(records))
        stats.inc_value("newscrawl/published/files")
        for record in records:
            stats.inc_value(f"newscrawl/outlets/{record['site']}/published/records")
        logger.info("Published %d records to %s", len(records), path)

    # -- closing ---------------------------------------------------------------

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats
        self.exit_code = self._exit_code(reason)
        stats.set_value("newscrawl/exit_code", int(self.exit_code))
        if self.output is None or self.ledger is None:
            return  # refused before it started: another run owns the directory
        if self.publish_error:
            self.output.release_reserve()  # publishing failed, maybe for want of space: close anyway
        try:
            self.ledger.end_run(self.run_id, reason, complete=reason == "finished" and not self.publish_error)
        except (OSError, sqlite3.Error) as exc:
            # The run stays "incomplete" in the store, so the next run catches up.
            self.publish_error = self.publish_error or f"could not record the run's end: {exc}"
            logger.error("Could not record the end of the run in the ledger: %s", exc)
            self.exit_code = ExitCode.FAILED
            stats.set_value("newscrawl/exit_code", int(self.exit_code))
        manifest = {
            "run_id": self.run_id,
            "spider": spider.name,
            "arguments": getattr(spider, "arguments", {}),
            "started_at": self.started_at,
            "finished_at": utc_now(),
            "finish_reason": reason,
            "counts": self._counts(),
            "failed_fetches": self._failed_by_cause(),
            "given_up": self.given_up,
            "outlets": self._outlet_counts(spider),
            "files": self.output.published,
            "monitors_failed": stats.get_value("newscrawl/monitors/failures", []),
            "monitor_reasons": {
                name: lines[0] if lines else ""
                for name, lines in stats.get_value("newscrawl/monitors/reasons", {}).items()
            },
            "error": self.publish_error,
            "exit_status": int(self.exit_code),
        }
        try:
            self.manifest_path = str(self.output.write_manifest(manifest))
            stats.set_value("newscrawl/manifest", self.manifest_path)
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
            "duplicate_links_skipped": "newscrawl/articles/duplicate_links",
            "invalid_dropped": "newscrawl/validation/dropped",
            "articles_fetched": "newscrawl/articles/fetched",
            "article_fetches_failed": "newscrawl/articles/fetch_failed",
            "articles_retried": "newscrawl/articles/retried",
            "articles_given_up": "newscrawl/articles/given_up",
            "robots_unavailable": "newscrawl/robotstxt/unavailable",
            "encoding_conflicts": "newscrawl/encoding/conflict",
            "redirect_loops": "newscrawl/redirect_loops",
            "links_offsite": "newscrawl/articles/offsite_links",
            "not_articles": "newscrawl/articles/not_article",
            "errors": "log_count/ERROR",
        }
        counts = {key: int(stats.get_value(stat, 0)) for key, stat in names.items()}
        every = stats.get_stats()
        counts["requests_blocked"] = sum(
            int(v) for k, v in every.items() if k.startswith("newscrawl/blocked/")
        )
        counts["fields_cut"] = sum(int(v) for k, v in every.items() if k.startswith("newscrawl/text/cut/"))
        return counts

    def _outlet_counts(self, spider: Spider) -> dict[str, dict[str, Any]]:
        """Per outlet: what it gave, what it cost, and which discovery sources it used."""
        stats = self.crawler.stats.get_stats()
        counts = {}
        for outlet in getattr(spider, "outlets", ()):
            prefix = f"newscrawl/outlets/{outlet.host}/"

            def stat(key: str, prefix: str = prefix) -> int:
                return int(stats.get(prefix + key, 0))

            counts[outlet.host] = {
                "records_published": stat("published/records"),
                "requests": stat("requests"),
                "articles_found": stat("articles/found"),
                "articles_fetched": stat("articles/fetched"),
                "article_fetches_failed": stat("articles/fetch_failed"),
                "pages_rendered_again": stat("rendered/retried"),
                "shells_not_rendered": stat("rendered/unavailable"),
                "sources": sorted(
                    k[len(prefix + "source/") :] for k in stats if k.startswith(prefix + "source/")
                ),
                "coverage": {
                    k[len(prefix + "coverage/") :]: round(int(v) / max(stat("coverage/items"), 1), 2)
                    for k, v in sorted(stats.items())
                    if k.startswith(prefix + "coverage/") and not k.endswith("/items")
                },
            }
        return counts

    def request_reached_downloader(self, request: Request, spider: Spider) -> None:
        outlet = request.meta.get(OUTLET_META)
        if outlet:
            self.crawler.stats.inc_value(f"newscrawl/outlets/{outlet}/requests")

    def _failed_by_cause(self) -> dict[str, int]:
        prefix = "newscrawl/articles/fetch_failed/"
        stats = self.crawler.stats.get_stats()
        return {k[len(prefix) :]: int(v) for k, v in sorted(stats.items()) if k.startswith(prefix)}

    def engine_stopped(self) -> None:
        for store in (self.seen, self.ledger):
            if store is not None:
                store.close()
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
