"""Seen-store, atomic publishing, reconciliation and the run lock."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newscrawl.storage import LockHeld, OutputDirectory, RunLock, SqliteSeenStore
from tests.conftest import lock_holder

RECORDS = [
    {"url_hash": f"{i:040x}", "canonical_url": f"https://nusadaily.com/a{i}", "title": "t"} for i in range(3)
]


def test_publish_then_record(tmp_path: Path) -> None:
    out = OutputDirectory(tmp_path / "nusadaily", "run1")
    out.prepare()
    store = SqliteSeenStore(out.state_dir / "seen.sqlite3")
    path = out.publish(RECORDS)
    store.record_file(path.name, [(r["url_hash"], r["canonical_url"]) for r in RECORDS])
    assert [json.loads(line) for line in path.read_text().splitlines()] == RECORDS
    assert store.contains(RECORDS[0]["url_hash"]) and not store.contains("f" * 40)
    assert list(out.temp_dir.iterdir()) == []
    store.close()
    reopened = SqliteSeenStore(out.state_dir / "seen.sqlite3")
    assert reopened.count() == 3 and reopened.known_files() == {path.name}


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
    store = SqliteSeenStore(out.state_dir / "seen.sqlite3")
    assert not store.contains(RECORDS[1]["url_hash"])
    assert out.reconcile(store) == 3
    assert store.contains(RECORDS[1]["url_hash"]) and path.name in store.known_files()
    assert out.reconcile(store) == 0


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
