"""``scrapy crawlall``: every network spider, each outlet on its own, in one process.

    scrapy crawlall [-a spiders=varient,wordpress] [-a NAME=VALUE …]

Each outlet runs as its own crawl: its own lock, output directory
(``NEWSCRAWL_OUTPUT_DIR/<spider>/<outlet host>/``), manifest and monitors, so one
outlet failing stops nothing else. Other ``-a`` arguments go to every spider. The
exit status is the worst of all (README, "Running on a schedule"), and a table of
every outlet's result closes the output.
"""

from __future__ import annotations

import argparse
import sys

from scrapy.commands import BaseRunSpiderCommand
from scrapy.exceptions import UsageError

from newscrawl.run import ExitCode


class Command(BaseRunSpiderCommand):
    requires_project = True

    def syntax(self) -> str:
        return "[-a spiders=NAME,…] [options]"

    def short_desc(self) -> str:
        return "Crawl every outlet of every network spider, each on its own; exit with the worst status"

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.crawler_process is not None and self.settings is not None
        if args:
            raise UsageError("crawlall takes no spider name: pick spiders with -a spiders=NAME,…")
        loader = self.crawler_process.spider_loader
        arguments = dict(opts.spargs)
        wanted = arguments.pop("spiders", None)
        # Aliases (a spider over one outlet of another's table) would crawl an outlet twice.
        names = [n for n in loader.list() if not getattr(loader.load(n), "alias_of", None)]
        if wanted:
            names = [n.strip() for n in wanted.split(",") if n.strip()]
            unknown = sorted(set(names) - set(loader.list()))
            if unknown:
                raise UsageError(f"unknown spider(s): {', '.join(unknown)} (scrapy list shows them)")
        crawls = []
        for name in names:
            for outlet in loader.load(name).outlet_table:
                crawler = self.crawler_process.create_crawler(name)
                crawler.settings.set("NEWSCRAWL_OUTPUT_PER_OUTLET", True, priority="cmdline")
                crawler.settings.set(
                    "SPIDERMON_SPIDER_CLOSE_MONITORS",
                    ("newscrawl.monitors.OutletMonitorSuite",),
                    priority="cmdline",
                )
                self.crawler_process.crawl(crawler, **{**arguments, "outlets": outlet.host})
                crawls.append((name, outlet.host, crawler))
        self.crawler_process.start()
        statuses = []
        print(
            f"\n{'spider':<10} {'outlet':<28} {'exit':>4} {'new':>5} {'requests':>8}  manifest",
            file=sys.stderr,
        )
        for name, host, crawler in crawls:
            stats = crawler.stats
            status = stats.get_value("newscrawl/exit_code") if stats else None
            status = int(ExitCode.FAILED) if status is None else int(status)
            statuses.append(status)
            new = stats.get_value("newscrawl/published/records", 0) if stats else 0
            requests = stats.get_value("downloader/request_count", 0) if stats else 0
            manifest = stats.get_value("newscrawl/manifest", "-") if stats else "-"
            print(f"{name:<10} {host:<28} {status:>4} {new:>5} {requests:>8}  {manifest}", file=sys.stderr)
        self.exitcode = max(statuses, default=int(ExitCode.OK))
