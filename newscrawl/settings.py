"""Scrapy settings for newscrawl; the project's own settings are NEWSCRAWL_*."""

from __future__ import annotations

from pathlib import Path

from newscrawl.items import ArticleItem

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"
COMMANDS_MODULE = "newscrawl.commands"

USER_AGENT = "newscrawl/1.0 (news archive crawler; respects robots.txt)"
# Polite by default (README, "Safety and politeness"): one request at a time per host, at least a
# second apart, slower when the server slows down, Crawl-delay and Retry-After kept.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
# One article that fails three times is a warning; the failed-fetch monitor judges the share.
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"

DOWNLOADER_MIDDLEWARES = {
    # First: nothing is asked of a host or port outside the crawl, robots.txt included.
    "newscrawl.netguard.AddressGuardMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawl.politeness.StrictRobotsTxtMiddleware": 100,
    # Below HttpCompressionMiddleware (590): it sees the decompressed body.
    "newscrawl.encoding.EncodingMiddleware": 580,
    # Last before the download, first to see the response (before RetryMiddleware, 550).
    "newscrawl.politeness.PolitenessMiddleware": 950,
}
SPIDER_MIDDLEWARES = {
    "newscrawl.middlewares.SeenFilterMiddleware": 800,
}
# Refuses non-public answers at connection time (see newscrawl/netguard.py).
TWISTED_DNS_RESOLVER = "newscrawl.netguard.GuardedResolver"

# Security: no local-file or inline-data fetches, no consoles, bounded responses.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

ITEM_PIPELINES = {
    "newscrawl.pipelines.ValidationPipeline": 100,
    "newscrawl.pipelines.DedupPipeline": 200,
    "newscrawl.pipelines.PublishPipeline": 900,
}
EXTENSIONS = {
    "spidermon.contrib.scrapy.extensions.Spidermon": 500,
    # After spidermon, so that the manifest and exit status know the monitors' verdict.
    "newscrawl.run.RunManager": 900,
}

SPIDERMON_ENABLED = True
SPIDERMON_VALIDATION_SCHEMAS = {
    ArticleItem: str(Path(__file__).with_name("article.schema.json")),
}
SPIDERMON_VALIDATION_DROP_ITEMS_WITH_ERRORS = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ("newscrawl.monitors.SpiderCloseMonitorSuite",)
SPIDERMON_EXPECTED_FINISH_REASONS = ["finished"]
SPIDERMON_MAX_ERRORS = 0

# NEWSCRAWL_* settings and their defaults: newscrawl/config.py.

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
