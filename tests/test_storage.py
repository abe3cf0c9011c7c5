"""Seen-store, atomic publishing, reconciliation and the run lock."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from newscrawl.storage import FetchFailure, LockHeld, OutputDirectory, RunLedger, RunLock, SqliteSeenSet
from tests.conftest import lock_holder

RECORDS = [
    {"url_hash": f"{i:040x}", "canonical_url": f"https://nusadaily.com/a{i}", "title": "t"} for i in range(3)
]


def test_publish_then_record(tmp_path: Path) -> None:
    out = OutputDirectory(tmp_path / "nusadaily", "run1")
    out.prepare()
    seen = SqliteSeenSet.open(out.state_dir)
    ledger = RunLedger.open(out.state_dir)
    path = out.publish(RECORDS)
    seen.add_many([(r["url_hash"], r["canonical_url"]) for r in RECORDS], path.name)
    ledger.record_file(path.name, len(RECORDS))
    assert [json.loads(line) for line in path.read_text().splitlines()] == RECORDS
    assert seen.contains(RECORDS[0]["url_hash"]) and not seen.contains("f" * 40)
    assert list(out.temp_dir.iterdir()) == []
    seen.close()
    ledger.close()
    reopened = SqliteSeenSet.open(out.state_dir)
    assert reopened.count() == 3 and RunLedger.open(out.state_dir).known_files() == {path.name}


def test_contains_many_answers_a_whole_page_in_one_call(tmp_path: Path) -> None:
    seen = SqliteSeenSet.open(tmp_path)
    stored = [(f"{i:040x}", f"https://nusadaily.com/a{i}") for i in range(0, 1200, 2)]
    seen.add_many(stored, "f.jsonl")
    asked = [f"{i:040x}" for i in range(1200)]  # more than SQLite's bound-parameter limit
    assert seen.contains_many(asked) == {h for h, _ in stored}
    assert seen.contains_many([]) == set()


def test_claim_is_once_per_article_and_never_for_a_seen_one(tmp_path: Path) -> None:
    seen = SqliteSeenSet.open(tmp_path)
    seen.add_many([("a" * 40, "https://nusadaily.com/a")], "f.jsonl")
    assert not seen.claim("a" * 40)
    assert seen.claim("b" * 40) and not seen.claim("b" * 40)


def test_a_failure_counts_once_per_run_and_is_given_up_after_n_runs(tmp_path: Path) -> None:
    ledger = RunLedger.open(tmp_path)
    url = "https://www.nusadaily.com/c"
    failure = FetchFailure("c" * 40, url, "nusadaily.com", "http_503", "503", "run1")
    assert ledger.record_failure(failure, give_up_after=2).attempts == 1
    assert ledger.record_failure(failure, give_up_after=2).attempts == 1  # the same run again
    assert [f.url for f in ledger.pending_failures()] == [url]
    second = ledger.record_failure(dataclasses.replace(failure, run_id="run2"), give_up_after=2)
    assert (second.attempts, second.given_up) == (2, True)
    assert ledger.pending_failures() == [] and ledger.gave_up("c" * 40)
    ledger.clear_failure("c" * 40)
    assert not ledger.gave_up("c" * 40)


def test_a_crash_before_the_rename_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = OutputDirectory(tmp_path / "nusadaily", "run1")
    out.prepare()

    def crash(*_args: object) -> None:
        raise OSError("simulated crash before rename")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="simulated"):
        out.publish(RECORDS)
    assert list(out.path.glob("*.jsonl")) == []
    assert list(out.temp_dir.iterdir()) == []


def test_reconcile_records_batches_published_without_a_record(tmp_path: Path) -> None:
    out = OutputDirectory(tmp_path / "nusadaily", "run1")
    out.prepare()
    path = out.publish(RECORDS)  # published, then the process died before recording it
    seen, ledger = SqliteSeenSet.open(out.state_dir), RunLedger.open(out.state_dir)
    assert not seen.contains(RECORDS[1]["url_hash"])
    assert out.reconcile(seen, ledger) == 3
    assert seen.contains(RECORDS[1]["url_hash"]) and path.name in ledger.known_files()
    assert out.reconcile(seen, ledger) == 0


def test_prepare_removes_half_written_batches(tmp_path: Path) -> None:
    out = OutputDirectory(tmp_path / "nusadaily", "run2")
    out.temp_dir.mkdir(parents=True)
    (out.temp_dir / "run1-0001.jsonl.part").write_text('{"url_hash": "trunc')
    out.prepare()
    assert list(out.temp_dir.iterdir()) == []


def test_lock_is_exclusive_and_freed_by_a_killed_holder(tmp_path: Path) -> None:
    path = tmp_path / "lock"
    holder = lock_holder(path)
    try:
        with pytest.raises(LockHeld, match=f"pid {holder.pid}"):
            RunLock(path).acquire()
    finally:
        holder.kill()
        holder.wait()
    lock = RunLock(path)
    lock.acquire()  # the kernel released the dead holder's lock
    lock.release()
