"""Scrapy settings for newscrawl; the project's own settings are NEWSCRAWL_*."""

from __future__ import annotations

from pathlib import Path

from newscrawl.items import ArticleItem

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"
COMMANDS_MODULE = "newscrawl.commands"

USER_AGENT = "newscrawl/1.0 (news archive crawler; respects robots.txt)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2

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

NEWSCRAWL_OUTPUT_DIR = "output"
NEWSCRAWL_BATCH_ITEMS = 200
NEWSCRAWL_BATCH_SECONDS = 60
NEWSCRAWL_MIN_ARTICLES = 1
NEWSCRAWL_COVERAGE_MIN_ITEMS = 5
NEWSCRAWL_MAX_INVALID_SHARE = 0.2
# Shares of valid records with these optional fields filled (required ones are validated).
NEWSCRAWL_COVERAGE_MIN = {"published_at": 0.9}

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
