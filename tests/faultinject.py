"""Crash injection for the crash-consistency test, loaded into the crawl as an extension.

-s EXTENSIONS='{..., "tests.faultinject.CrashAfterPublish": 0}'
"""

from __future__ import annotations

import os
import sqlite3

from newscrawl.storage import OutputDirectory, RunLedger


class CrashAfterPublish:
    """The process dies right after the first batch is published, before it is recorded as seen."""

    @classmethod
    def from_crawler(cls, crawler: object) -> CrashAfterPublish:
        publish = OutputDirectory.publish

        def publish_then_die(self: OutputDirectory, records: list[dict]) -> object:
            publish(self, records)
            os._exit(70)

        OutputDirectory.publish = publish_then_die
        return cls()


class FailEndRun:
    """The seen-store cannot record the end of the run, as on a disk that filled up at the end."""

    @classmethod
    def from_crawler(cls, crawler: object) -> FailEndRun:
        def end_run(self: RunLedger, *args: object, **kwargs: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        RunLedger.end_run = end_run
        return cls()
