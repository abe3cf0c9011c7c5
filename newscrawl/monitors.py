"""spidermon monitors run when a spider closes; a failure sets exit status 3."""

from __future__ import annotations

import warnings
from typing import ClassVar

from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.monitors import ErrorCountMonitor, FinishReasonMonitor
from spidermon.core.actions import Action

from newscrawl.config import NewscrawlConfig
from newscrawl.run import RunManager

# spidermon 1.27 still reports through Spider.log(); its warning says nothing to our users.
warnings.filterwarnings("ignore", message=r"Spider\.log\(\) is deprecated", module="spidermon")


class NewscrawlMonitor(Monitor):
    @property
    def config(self) -> NewscrawlConfig:
        manager = self.data.crawler.get_extension(RunManager)
        return manager.config if manager is not None else NewscrawlConfig()


@monitors.name("Articles found")
class ArticlesFoundMonitor(NewscrawlMonitor):
    """A list page with no articles on it is a layout change, not a quiet day."""

    @monitors.name("Listing pages yield at least NEWSCRAWL_MIN_ARTICLES articles (new or seen)")
    def test_articles_found(self) -> None:
        config = self.config
        found = self.data.stats.get("newscrawl/articles/found", 0)
        self.assertGreaterEqual(
            found,
            config.min_articles,
            msg=f"found {found} article links on list pages, expected at least {config.min_articles}",
        )

    @monitors.name("Every list page, feed and sitemap was fetched")
    def test_discovery_pages_fetched(self) -> None:
        failed = self.data.stats.get("newscrawl/list/fetch_failed", 0)
        self.assertEqual(failed, 0, msg=f"{failed} discovery page(s) failed: renamed section or site down?")


@monitors.name("Article fetches")
class FailedFetchMonitor(NewscrawlMonitor):
    """Every article answering 403 (a WAF, a consent wall) is a failed run, not a quiet one;
    one flaky article among many is only a warning in the log."""

    @monitors.name("At most NEWSCRAWL_MAX_FAILED_SHARE of the article fetches fail")
    def test_failed_share(self) -> None:
        config = self.config
        failed = self.data.stats.get("newscrawl/articles/fetch_failed", 0)
        attempts = failed + self.data.stats.get("newscrawl/articles/fetched", 0)
        if attempts < config.coverage_min_items:
            return  # too few fetches this run for a share to mean anything
        self.assertLessEqual(
            failed / attempts,
            config.max_failed_share,
            msg=f"{failed} of {attempts} article fetches failed (see failed_fetches in the manifest)",
        )


@monitors.name("Valid records")
class InvalidShareMonitor(NewscrawlMonitor):
    """A selector that stops matching shows up as records failing the schema."""

    @monitors.name("At most NEWSCRAWL_MAX_INVALID_SHARE of the records fail validation")
    def test_invalid_share(self) -> None:
        config = self.config
        checked = self.data.stats.get("newscrawl/validation/checked", 0)
        invalid = self.data.stats.get("newscrawl/validation/dropped", 0)
        if checked < config.coverage_min_items:
            return  # too few records this run for a share to mean anything
        self.assertLessEqual(
            invalid / checked,
            config.max_invalid_share,
            msg=f"{invalid} of {checked} records failed validation (see the 'Invalid record' warnings)",
        )


@monitors.name("Field coverage")
class FieldCoverageMonitor(NewscrawlMonitor):
    """Share of valid records with each field filled, against NEWSCRAWL_COVERAGE_MIN."""

    @monitors.name("Fields are filled in at least their minimum share of records")
    def test_field_coverage(self) -> None:
        config = self.config
        stats = self.data.stats
        items = stats.get("newscrawl/coverage/items", 0)
        if items < config.coverage_min_items:
            return  # too few records this run for a share to mean anything
        too_low = []
        for name, minimum in sorted(config.coverage_min.items()):
            share = stats.get(f"newscrawl/coverage/{name}", 0) / items
            if share < minimum:
                too_low.append(f"{name} {share:.0%} < {minimum:.0%}")
        self.assertFalse(too_low, msg=f"low field coverage over {items} records: {', '.join(too_low)}")


class RecordMonitorFailure(Action):
    """Put the failed monitors in the stats, where the run manager reads them."""

    def run_action(self) -> None:
        failed = [r.monitor.name for r in self.result.monitors_failed_results]
        stats = self.data.crawler.stats
        stats.set_value("newscrawl/monitors/failed", len(failed))
        stats.set_value("newscrawl/monitors/failures", failed)


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
