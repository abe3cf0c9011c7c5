"""spidermon monitors run when a spider closes; a failure sets exit status 3.

Every check is made per outlet (stats ``newscrawl/outlets/<host>/…``), so one dead
outlet among thirty fails its own check and the message names it.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors import ErrorCountMonitor, FinishReasonMonitor
from spidermon.core.actions import Action

from newscrawl.config import NewscrawlConfig
from newscrawl.outlets import Outlet
from newscrawl.run import RunManager

# spidermon 1.27 still reports through Spider.log(); its warning says nothing to our users.
warnings.filterwarnings("ignore", message=r"Spider\.log\(\) is deprecated", module="spidermon")


class NewscrawlMonitor(Monitor):
    @property
    def config(self) -> NewscrawlConfig:
        manager = self.data.crawler.get_extension(RunManager)
        return manager.config if manager is not None else NewscrawlConfig()

    def outlets(self) -> Iterator[tuple[Outlet, Callable[[str], Any]]]:
        """Each outlet of the run, with a reader of its own stats."""
        stats = self.data.stats
        for outlet in getattr(self.data.crawler.spider, "outlets", ()):

            def stat(key: str, host: str = outlet.host) -> Any:
                return stats.get(f"newscrawl/outlets/{host}/{key}", 0)

            yield outlet, stat

    def assert_no_problems(self, problems: list[str], what: str) -> None:
        self.assertFalse(problems, msg=f"{what}: {'; '.join(problems)}")


@monitors.name("Articles found")
class ArticlesFoundMonitor(NewscrawlMonitor):
    """A list page with no articles on it is a layout change, not a quiet day."""

    @monitors.name("Listing pages yield at least NEWSCRAWL_MIN_ARTICLES articles (new or seen)")
    def test_articles_found(self) -> None:
        minimum = self.config.min_articles
        problems = [
            f"{outlet.host} {stat('articles/found')} < {minimum}"
            for outlet, stat in self.outlets()
            if stat("articles/found") < minimum
        ]
        self.assert_no_problems(problems, "too few article links on list pages")

    @monitors.name("Every list page, feed and sitemap was fetched")
    def test_discovery_pages_fetched(self) -> None:
        problems = [
            f"{outlet.host} {stat('list/fetch_failed')} failed"
            for outlet, stat in self.outlets()
            if stat("list/fetch_failed")
        ]
        self.assert_no_problems(problems, "discovery pages not fetched (renamed section or site down?)")


@monitors.name("Article fetches")
class FailedFetchMonitor(NewscrawlMonitor):
    """Every article answering 403 (a WAF, a consent wall) is a failed run, not a quiet one;
    one flaky article among many is only a warning in the log."""

    @monitors.name("At most NEWSCRAWL_MAX_FAILED_SHARE of the article fetches fail")
    def test_failed_share(self) -> None:
        config = self.config
        problems = []
        for outlet, stat in self.outlets():
            failed = stat("articles/fetch_failed")
            attempts = failed + stat("articles/fetched")
            if attempts >= config.coverage_min_items and failed / attempts > config.max_failed_share:
                problems.append(f"{outlet.host} {failed} of {attempts} failed")
        self.assert_no_problems(problems, "article fetches failed (see failed_fetches in the manifest)")


@monitors.name("Valid records")
class InvalidShareMonitor(NewscrawlMonitor):
    """A selector that stops matching shows up as records failing the schema."""

    @monitors.name("At most NEWSCRAWL_MAX_INVALID_SHARE of the records fail validation")
    def test_invalid_share(self) -> None:
        config = self.config
        problems = []
        for outlet, stat in self.outlets():
            checked, invalid = stat("validation/checked"), stat("validation/dropped")
            if checked >= config.coverage_min_items and invalid / checked > config.max_invalid_share:
                problems.append(f"{outlet.host} {invalid} of {checked} invalid")
        self.assert_no_problems(problems, "records failed validation (see the 'Invalid record' warnings)")


@monitors.name("Field coverage")
class FieldCoverageMonitor(NewscrawlMonitor):
    """Share of valid records with each field filled: NEWSCRAWL_COVERAGE_MIN and the outlet's own."""

    @monitors.name("Fields are filled in at least their minimum share of records")
    def test_field_coverage(self) -> None:
        config = self.config
        problems = []
        for outlet, stat in self.outlets():
            items = stat("coverage/items")
            if items < config.coverage_min_items:
                continue  # too few records this run for a share to mean anything
            for name, minimum in sorted({**config.coverage_min, **outlet.coverage_min}.items()):
                share = stat(f"coverage/{name}") / items
                if share < minimum:
                    problems.append(f"{outlet.host} {name} {share:.0%} < {minimum:.0%} of {items}")
        self.assert_no_problems(problems, "low field coverage")


class RecordMonitorFailure(Action):
    """Put the failed monitors in the stats, where the run manager reads them."""

    def run_action(self) -> None:
        results = self.result.monitors_failed_results
        stats = self.data.crawler.stats
        stats.set_value("newscrawl/monitors/failed", len(results))
        stats.set_value("newscrawl/monitors/failures", [r.monitor.name for r in results])
        # The assertion's own message (it names the outlets), for the manifest.
        stats.set_value(
            "newscrawl/monitors/reasons",
            {r.monitor.name: str(r.error or r.reason or "").strip().splitlines()[-1:] for r in results},
        )


class SpiderCloseMonitorSuite(MonitorSuite):
    monitors: ClassVar[list[type]] = [
        FinishReasonMonitor,
        ErrorCountMonitor,
        ArticlesFoundMonitor,
        FailedFetchMonitor,
        InvalidShareMonitor,
        FieldCoverageMonitor,
    ]
    monitors_failed_actions: ClassVar[list[type]] = [RecordMonitorFailure]


class OutletMonitorSuite(SpiderCloseMonitorSuite):
    """For ``scrapy crawlall``: log counts are shared by every crawl of the process, so an ERROR
    line cannot be told apart per outlet; each outlet is judged by its own checks only."""

    monitors: ClassVar[list[type]] = [
        m for m in SpiderCloseMonitorSuite.monitors if m is not ErrorCountMonitor
    ]
