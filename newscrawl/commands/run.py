"""``scrapy run SPIDER``: ``scrapy crawl`` with an exit status cron can act on."""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as CrawlCommand
from scrapy.exceptions import UsageError

from newscrawl.run import ExitCode


class Command(CrawlCommand):
    def short_desc(self) -> str:
        return "Run a spider like 'crawl' and exit with the run's status (see README)"

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        assert self.crawler_process
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = int(ExitCode.FAILED)
            return
        status = crawler.stats.get_value("newscrawl/exit_code")
        # No status means the run never reached its close: count it as failed.
        self.exitcode = int(ExitCode.FAILED) if status is None else int(status)
