"""Durable state of a spider's output directory.

Layout of ``NEWSCRAWL_OUTPUT_DIR/<spider>/``::

    <run_id>-0001.jsonl        published batches, never changed once they appear
    <run_id>.manifest.json     written last by each run: "manifest present" = run complete
    .state/seen.sqlite3        the seen-set: URL hashes of published records (or a shared store)
    .state/ledger.sqlite3      published files, run history, failed fetches to retry
    .state/lock                flock held by the running crawl
    .state/reserve             256 KiB kept free for closing a run on a full disk
    .tmp/                      batches being written (never read by consumers)

Order of a publish: write to ``.tmp``, fsync, rename into place, fsync the
directory, then record the hashes as seen, then the file in the ledger. A crash before the rename leaves
nothing visible and nothing seen; a crash after it is repaired by
``reconcile`` at the start of the next run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import json
import logging
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

logger = logging.getLogger(__name__)


def fsync_directory(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(target: Path, data: bytes, temp_dir: Path) -> None:
    """Write ``data`` so that ``target`` appears whole or not at all."""
    temp_dir.mkdir(parents=True, exist_ok=True)
    temp = temp_dir / f"{target.name}.part"
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    fsync_directory(target.parent)


class SeenSet(Protocol):
    """The URL hashes of published articles: the crawl's memory of what it has.

    A shared store (Redis, for several crawlers) can replace the SQLite one: pick the
    class with ``NEWSCRAWL_SEEN_BACKEND``; it is built as ``cls.open(state_dir)``.
    """

    def contains(self, url_hash: str) -> bool: ...

    def contains_many(self, url_hashes: Iterable[str]) -> set[str]:
        """The hashes among ``url_hashes`` that are seen: one query for a whole list page."""

    def add_many(self, entries: Iterable[tuple[str, str]], file_name: str) -> None:
        """Mark ``(url_hash, canonical_url)`` entries seen, as published in ``file_name``."""

    def claim(self, url_hash: str) -> bool:
        """Atomically take an article for this run: False when it is seen or already claimed."""

    def close(self) -> None: ...


@dataclass(frozen=True)
class FetchFailure:
    """An article whose fetch failed: retried by later runs until it succeeds or is given up."""

    url_hash: str
    url: str
    outlet: str
    cause: str
    error: str
    run_id: str
    attempts: int = 1
    given_up: bool = False


class _Sqlite:
    """One SQLite database in WAL mode with full syncs, and explicit transactions."""

    schema = ""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(self.schema)

    @contextlib.contextmanager
    def _transaction(self):
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()


class SqliteSeenSet(_Sqlite):
    """The seen-set in ``.state/seen.sqlite3``; claims live in memory, as one process holds the run lock."""

    schema = """
        CREATE TABLE IF NOT EXISTS seen (
            url_hash TEXT PRIMARY KEY, canonical_url TEXT NOT NULL,
            file TEXT NOT NULL, seen_at TEXT NOT NULL);
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._claimed: set[str] = set()

    @classmethod
    def open(cls, state_dir: Path) -> SqliteSeenSet:
        return cls(state_dir / "seen.sqlite3")

    def contains(self, url_hash: str) -> bool:
        row = self._db.execute("SELECT 1 FROM seen WHERE url_hash = ?", (url_hash,)).fetchone()
        return row is not None

    def contains_many(self, url_hashes: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(url_hashes))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT url_hash FROM seen WHERE url_hash IN ({marks})"
            found.update(h for (h,) in self._db.execute(query, chunk))
        return found

    def add_many(self, entries: Iterable[tuple[str, str]], file_name: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        rows = [(h, url, file_name, now) for h, url in entries]
        with self._transaction():
            self._db.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?, ?, ?)", rows)

    def claim(self, url_hash: str) -> bool:
        if url_hash in self._claimed or self.contains(url_hash):
            return False
        self._claimed.add(url_hash)
        return True

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM seen").fetchone()[0]


class RunLedger(_Sqlite):
    """This output directory's own history in ``.state/ledger.sqlite3``: published files,
    runs, and articles whose fetch failed. Always local, whatever the seen-set is."""

    schema = """
        CREATE TABLE IF NOT EXISTS files (
            name TEXT PRIMARY KEY, records INTEGER NOT NULL, recorded_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS failures (
            url_hash TEXT PRIMARY KEY, url TEXT NOT NULL, outlet TEXT NOT NULL,
            cause TEXT NOT NULL, error TEXT NOT NULL, run_id TEXT NOT NULL,
            attempts INTEGER NOT NULL, given_up INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finish_reason TEXT,
            complete INTEGER NOT NULL DEFAULT 0);
    """

    @classmethod
    def open(cls, state_dir: Path) -> RunLedger:
        return cls(state_dir / "ledger.sqlite3")

    def record_file(self, file_name: str, records: int) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (file_name, records, now))

    def known_files(self) -> set[str]:
        return {name for (name,) in self._db.execute("SELECT name FROM files")}

    def begin_run(self, run_id: str, started_at: str) -> None:
        self._db.execute("INSERT INTO runs (run_id, started_at) VALUES (?, ?)", (run_id, started_at))

    def end_run(self, run_id: str, finish_reason: str, complete: bool) -> None:
        self._db.execute(
            "UPDATE runs SET finish_reason = ?, complete = ? WHERE run_id = ?",
            (finish_reason, int(complete), run_id),
        )

    def catch_up_from(self) -> tuple[bool, str | None]:
        """Whether the last run left a gap, and when the last complete run started."""
        # rowid is insertion order: runs of the same second still sort right.
        last = self._db.execute("SELECT complete FROM runs ORDER BY rowid DESC LIMIT 1").fetchone()
        complete = self._db.execute(
            "SELECT started_at FROM runs WHERE complete = 1 ORDER BY rowid DESC LIMIT 1"
        ).fetchone()
        # A killed run never reaches end_run, so its row stays incomplete.
        gap = last is not None and not last[0]
        return gap, complete[0] if complete else None

    def record_failure(self, failure: FetchFailure, give_up_after: int) -> FetchFailure:
        """Count a failed fetch of an article (once per run); return its updated entry."""
        with self._transaction():
            row = self._db.execute(
                "SELECT attempts, run_id FROM failures WHERE url_hash = ?", (failure.url_hash,)
            ).fetchone()
            attempts = 1 if row is None else row[0] + (row[1] != failure.run_id)
            updated = dataclasses.replace(failure, attempts=attempts, given_up=attempts >= give_up_after)
            self._db.execute(
                "INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    updated.url_hash,
                    updated.url,
                    updated.outlet,
                    updated.cause,
                    updated.error,
                    updated.run_id,
                    updated.attempts,
                    int(updated.given_up),
                ),
            )
        return updated

    def clear_failure(self, url_hash: str) -> None:
        self._db.execute("DELETE FROM failures WHERE url_hash = ?", (url_hash,))

    def gave_up(self, url_hash: str) -> bool:
        row = self._db.execute("SELECT given_up FROM failures WHERE url_hash = ?", (url_hash,)).fetchone()
        return bool(row and row[0])

    def pending_failures(self) -> list[FetchFailure]:
        """Articles that failed in earlier runs and are not given up: to fetch again."""
        rows = self._db.execute(
            "SELECT url_hash, url, outlet, cause, error, run_id, attempts, given_up FROM failures "
            "WHERE given_up = 0 ORDER BY rowid"
        ).fetchall()
        return [FetchFailure(*row[:7], given_up=bool(row[7])) for row in rows]


class LockHeld(Exception):
    """Another process holds the spider's run lock."""


class RunLock:
    """An exclusive ``flock``; the kernel drops it when its holder dies, so a
    lock left by a killed run never blocks the next one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the run
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise LockHeld(holder) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


# Disk space held back while a run works, freed when it fails for want of space, so that
# it can still record its end and write its manifest on a full disk.
RESERVE_BYTES = 256 * 1024


class OutputDirectory:
    """One spider's output directory: batches, manifests and the seen-store."""

    def __init__(self, path: Path, run_id: str) -> None:
        self.path = path
        self.run_id = run_id
        self.state_dir = path / ".state"
        self.temp_dir = path / ".tmp"
        self.published: list[dict[str, Any]] = []

    def prepare(self) -> None:
        """Create the layout and remove batches a crashed run left half-written."""
        for directory in (self.path, self.state_dir, self.temp_dir):
            directory.mkdir(parents=True, exist_ok=True)
        for leftover in self.temp_dir.glob("*.part"):
            logger.warning("Removing %s, left half-written by an earlier run", leftover)
            leftover.unlink()
        probe = self.temp_dir / f"{self.run_id}.probe"
        probe.write_bytes(b"ok")  # fail now, not at the first publish, on a read-only dir
        probe.unlink()
        if not self.reserve.is_file() or self.reserve.stat().st_size < RESERVE_BYTES:
            write_atomically(self.reserve, b"\0" * RESERVE_BYTES, self.temp_dir)

    @property
    def reserve(self) -> Path:
        return self.state_dir / "reserve"

    def release_reserve(self) -> None:
        """Free the space kept for closing a run: the ledger's last write and the manifest."""
        with contextlib.suppress(FileNotFoundError):
            self.reserve.unlink()

    def reconcile(self, seen: SeenSet, ledger: RunLedger) -> int:
        """Record as seen the batches published by a run that died before recording them."""
        repaired = 0
        known = ledger.known_files()
        for batch in sorted(self.path.glob("*.jsonl")):
            if batch.name in known:
                continue
            entries = []
            with open(batch, encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    entries.append((record["url_hash"], record["canonical_url"]))
            seen.add_many(entries, batch.name)
            ledger.record_file(batch.name, len(entries))
            logger.warning(
                "Recovered %d records of %s into the seen-store (an earlier run stopped "
                "between publishing and recording)",
                len(entries),
                batch.name,
            )
            repaired += len(entries)
        return repaired

    def publish(self, records: list[dict[str, Any]]) -> Path:
        """Publish one batch atomically and return its path."""
        target = self.path / f"{self.run_id}-{len(self.published) + 1:04d}.jsonl"
        data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        write_atomically(target, data.encode("utf-8"), self.temp_dir)
        self.published.append({"file": target.name, "records": len(records)})
        return target

    def write_manifest(self, manifest: dict[str, Any]) -> Path:
        target = self.path / f"{self.run_id}.manifest.json"
        data = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        write_atomically(target, data.encode("utf-8"), self.temp_dir)
        return target
