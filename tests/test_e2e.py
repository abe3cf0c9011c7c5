"""End to end: ``scrapy run nusadaily`` as a subprocess against the served offline copy."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import jsonschema
import pytest

from newscrawl.dev.sites.nusadaily_articles import ARTICLES
from newscrawl.run import ExitCode
from newscrawl.settings import EXTENSIONS
from newscrawl.storage import SqliteSeenSet
from tests.conftest import ROOT, SITE, crawl_command, lock_holder, records, run_crawl

SCHEMA = json.loads((ROOT / "newscrawl" / "article.schema.json").read_text(encoding="utf-8"))
EVERY_ARTICLE = {f"https://nusadaily.com/{a['slug']}" for a in ARTICLES}
SECTIONS = 1  # posts


def assert_every_article_once(output: Path) -> None:
    published = records(output)
    urls = [r["canonical_url"] for r in published]
    assert sorted(urls) == sorted(EVERY_ARTICLE)


def seen_count(output: Path) -> int:
    store = SqliteSeenSet.open(output / "nusadaily" / ".state")
    try:
        return store.count()
    finally:
        store.close()


def test_first_run_publishes_every_article_once_and_second_run_nothing(site_url: str, tmp_path: Path) -> None:
    first = run_crawl(site_url, tmp_path)
    assert first.returncode == ExitCode.OK, first.log[-3000:]
    published = records(tmp_path)
    for record in published:
        jsonschema.validate(record, SCHEMA)
    assert_every_article_once(tmp_path)
    manifest = first.last_manifest()
    assert manifest["finish_reason"] == "finished" and manifest["exit_status"] == 0
    assert manifest["counts"]["records_published"] == len(ARTICLES)
    assert manifest["counts"]["invalid_dropped"] == 1  # the broken page
    assert "Run summary:" in first.log.strip().splitlines()[-1]
    assert not list((tmp_path / "nusadaily" / ".tmp").iterdir())

    second = run_crawl(site_url, tmp_path)
    assert second.returncode == ExitCode.OK, second.log[-3000:]
    manifest = second.last_manifest()
    assert manifest["files"] == [] and manifest["counts"]["records_published"] == 0
    assert manifest["counts"]["requests"] <= SECTIONS + 2
    assert manifest["counts"]["articles_skipped_seen"] > 0
    assert_every_article_once(tmp_path)


def test_feed_discovery_is_one_request_when_nothing_is_new(site_url: str, tmp_path: Path) -> None:
    first = run_crawl(site_url, tmp_path, "discovery=feed")
    assert first.returncode == ExitCode.OK, first.log[-3000:]
    assert_every_article_once(tmp_path)
    second = run_crawl(site_url, tmp_path, "discovery=feed")
    # robots.txt, the feed, and the broken page: never stored, so it is tried again.
    assert second.last_manifest()["counts"]["requests"] == 3


def test_backfill_by_sitemap_then_list_run_adds_only_the_rest(site_url: str, tmp_path: Path) -> None:
    backfill = run_crawl(site_url, tmp_path, "discovery=sitemap", "since=2026-11-01", "until=2026-11-10")
    assert backfill.returncode == ExitCode.OK, backfill.log[-3000:]
    window = {
        f"https://nusadaily.com/{a['slug']}"
        for a in ARTICLES
        # An article with no date anywhere cannot be judged out of the window: it is kept.
        if "2026-11-01" <= a["published"][:10] <= "2026-11-10" or a.get("no_date")
    }
    assert {r["canonical_url"] for r in records(tmp_path)} == window
    # A list backfill pages through stored articles instead of stopping at them.
    rest = run_crawl(site_url, tmp_path, "since=2023-01-01", "until=2026-12-31")
    assert rest.returncode == ExitCode.OK, rest.log[-3000:]
    assert rest.last_manifest()["counts"]["records_published"] == len(ARTICLES) - len(window)
    assert_every_article_once(tmp_path)


def test_bad_arguments_stop_before_any_request(site_url: str, tmp_path: Path) -> None:
    result = run_crawl(site_url, tmp_path, "max_pages=-3", "since=yesterday")
    assert result.returncode == ExitCode.BAD_ARGUMENTS
    errors = [line for line in result.log.splitlines() if "Bad spider arguments" in line]
    assert len(errors) == 1 and "max_pages" in errors[0] and "since" in errors[0]
    assert "downloader/request_count" not in result.log
    assert not (tmp_path / "nusadaily").exists()


def test_second_concurrent_run_exits_with_the_lock_code(site_url: str, tmp_path: Path) -> None:
    lock_path = tmp_path / "nusadaily" / ".state" / "lock"
    holder = lock_holder(lock_path)
    try:
        result = run_crawl(site_url, tmp_path)
        assert result.returncode == ExitCode.LOCK_HELD
        assert "Another run of 'nusadaily' is in progress" in result.log
        assert "downloader/request_count" not in result.log
    finally:
        holder.kill()
        holder.wait()
    # A lock left by a killed process does not block the next run.
    after = run_crawl(site_url, tmp_path)
    assert after.returncode == ExitCode.OK, after.log[-3000:]


def start_slow_crawl(serve, tmp_path: Path, **settings: str) -> tuple[subprocess.Popen, Path]:
    url = serve(SITE, delay=0.15)
    output = tmp_path / "out"
    command = crawl_command(url, output, settings={"NEWSCRAWL_BATCH_ITEMS": "5", **settings})
    log = open(tmp_path / "slow.log", "w")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    return proc, output


def wait_for_batches(output: Path, count: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while len(list((output / "nusadaily").glob("*.jsonl"))) < count:
        assert proc.poll() is None, "the crawl ended before publishing"
        assert time.monotonic() < deadline, "no batch was published in time"
        time.sleep(0.05)


def test_sigkill_mid_run_loses_nothing_and_duplicates_nothing(serve, site_url: str, tmp_path: Path) -> None:
    proc, output = start_slow_crawl(serve, tmp_path)
    wait_for_batches(output, 1, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    published = records(output)
    assert 0 < len(published) < len(ARTICLES)
    assert not list((output / "nusadaily").glob("*.manifest.json"))  # the killed run never completed
    rerun = run_crawl(site_url, output)  # the dead run's lock does not block this one
    assert rerun.returncode == ExitCode.OK, rerun.log[-3000:]
    assert_every_article_once(output)


def test_sigterm_publishes_what_is_complete_and_says_shutdown(serve, site_url: str, tmp_path: Path) -> None:
    proc, output = start_slow_crawl(serve, tmp_path)
    wait_for_batches(output, 1, proc)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == ExitCode.FAILED
    manifests = list((output / "nusadaily").glob("*.manifest.json"))
    assert len(manifests) == 1
    manifest = json.loads(manifests[0].read_text(encoding="utf-8"))
    assert manifest["finish_reason"] == "shutdown" and manifest["exit_status"] == ExitCode.FAILED
    published = records(output)  # every line of every file parses: the last file is complete
    assert sum(f["records"] for f in manifest["files"]) == len(published) == seen_count(output)
    rerun = run_crawl(site_url, output)
    assert rerun.returncode == ExitCode.OK, rerun.log[-3000:]
    assert_every_article_once(output)


def test_crash_between_publish_and_seen_store_emits_no_duplicate(site_url: str, tmp_path: Path) -> None:
    extensions = {**EXTENSIONS, "tests.faultinject.CrashAfterPublish": 0}
    crashed = run_crawl(site_url, tmp_path, settings={"EXTENSIONS": json.dumps(extensions)})
    assert crashed.returncode == 70
    assert len(records(tmp_path)) == len(ARTICLES) and seen_count(tmp_path) == 0
    rerun = run_crawl(site_url, tmp_path)
    assert rerun.returncode == ExitCode.OK, rerun.log[-3000:]
    assert f"Recovered {len(ARTICLES)} records" in rerun.log
    assert rerun.last_manifest()["counts"]["records_published"] == 0
    assert_every_article_once(tmp_path)


@pytest.fixture
def full_disk(tmp_path: Path):
    """A directory on a full filesystem: a tiny tmpfs filled up, or an unwritable dir."""
    mount = tmp_path / "full"
    mount.mkdir()
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], check=False)
        if mounted.returncode != 0:
            pytest.skip("cannot mount a tmpfs here")
        try:
            with open(mount / "filler", "wb") as filler:
                while True:
                    filler.write(b"x" * 4096)
                    filler.flush()
        except OSError:
            pass
        yield mount
        subprocess.run(["umount", str(mount)], check=True)
    else:
        mount.chmod(0o500)
        yield mount
        mount.chmod(0o700)


def test_full_disk_fails_at_once_and_publishes_nothing(site_url: str, full_disk: Path) -> None:
    result = run_crawl(site_url, full_disk)
    assert result.returncode == ExitCode.FAILED
    assert "cannot use output directory" in result.log
    assert "nothing is published and nothing is marked seen" in result.log
    assert list(full_disk.rglob("*.jsonl")) == []
    assert "downloader/request_count" not in result.log


def test_broken_body_selector_fails_the_monitors(serve, site_copy: Path, tmp_path: Path) -> None:
    for page in site_copy.glob("*.html"):
        page.write_text(
            page.read_text(encoding="utf-8").replace("post-text mt-4", "post-body"), encoding="utf-8"
        )
    result = run_crawl(serve(site_copy), tmp_path / "out")
    assert result.returncode == ExitCode.MONITORS_FAILED, result.log[-3000:]
    manifest = result.last_manifest()
    assert any(name.startswith("Valid records") for name in manifest["monitors_failed"])
    assert records(tmp_path / "out") == []


def test_batches_are_published_every_m_seconds(serve, tmp_path: Path) -> None:
    url = serve(SITE, delay=0.1)
    result = run_crawl(
        url, tmp_path, settings={"NEWSCRAWL_BATCH_ITEMS": "1000", "NEWSCRAWL_BATCH_SECONDS": "0.5"}
    )
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    assert len(result.last_manifest()["files"]) >= 2  # far fewer than 1000 records, yet several files
    assert_every_article_once(tmp_path)


def test_same_article_under_another_url_is_dropped_by_its_canonical(
    serve, site_copy: Path, tmp_path: Path
) -> None:
    # An AMP-style copy of an article at another path, whose rel=canonical names the original.
    original = "kim-jong-un-dijadwalkan-temui-putin-bawa-pejabat-militer"
    (site_copy / "amp").mkdir()
    (site_copy / "amp" / f"{original}.html").write_text(
        (site_copy / f"{original}.html").read_text(encoding="utf-8"), encoding="utf-8"
    )
    posts = site_copy / "posts" / "index.html"
    entry = f'<div class="post-item"><h3 class="title"><a href="/amp/{original}">Kim (AMP)</a></h3></div>'
    posts.write_text(posts.read_text(encoding="utf-8").replace("</h1>", "</h1>" + entry, 1), encoding="utf-8")
    result = run_crawl(serve(site_copy), tmp_path)
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    assert result.last_manifest()["counts"]["duplicates_dropped"] == 1
    assert f"Duplicate of https://nusadaily.com/{original}" in result.log
    assert_every_article_once(tmp_path)


def test_plain_scrapy_crawl_still_works(site_url: str, tmp_path: Path) -> None:
    command = crawl_command(site_url, tmp_path)
    command[command.index("run")] = "crawl"
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0
    assert_every_article_once(tmp_path)


def fill_to(directory: Path, free_bytes: int) -> None:
    """Leave about ``free_bytes`` free on the filesystem of ``directory``."""
    stat = os.statvfs(directory)
    size = stat.f_bavail * stat.f_frsize - free_bytes
    with open(directory / "filler", "wb") as filler:
        filler.write(b"x" * max(size, 0))


def test_disk_filling_up_mid_run_publishes_nothing_incomplete(site_url: str, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small tmpfs")
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], check=False).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        first = run_crawl(site_url, mount, "sections=ekonomi", "max_pages=1")
        assert first.returncode == ExitCode.OK, first.log[-3000:]
        stored = records(mount)
        fill_to(mount, 64 * 1024)  # room for the seen-store journal, not for the batch
        second = run_crawl(site_url, mount)  # one batch of ~45 kB at the end
        assert second.returncode == ExitCode.FAILED, second.log[-3000:]
        assert "No space left on device" in second.log and "Stopping the run" in second.log
        assert records(mount) == stored  # nothing new and nothing partial became visible
        assert seen_count(mount) == len(stored)
        assert list((mount / "nusadaily" / ".tmp").iterdir()) == []
        manifest = second.last_manifest()
        assert (
            manifest["error"].startswith("publishing failed") and manifest["exit_status"] == ExitCode.FAILED
        )
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_missing_section_is_reported_and_the_rest_is_crawled(site_url: str, tmp_path: Path) -> None:
    result = run_crawl(site_url, tmp_path, "sections=ekonomi,olahraga")
    assert result.returncode == ExitCode.MONITORS_FAILED
    manifest = result.last_manifest()
    assert manifest["monitors_failed"] == ["Articles found/Every list page, feed and sitemap was fetched"]
    assert manifest["counts"]["records_published"] == len([a for a in ARTICLES if a["category"] == "ekonomi"])


def without_times(published: list[dict]) -> list[dict]:
    return sorted(
        ({k: v for k, v in r.items() if k not in ("crawled_at", "spider")} for r in published),
        key=lambda r: r["url_hash"],
    )


def test_the_network_spider_and_the_old_alias_give_the_same_records(site_url: str, tmp_path: Path) -> None:
    alias = run_crawl(site_url, tmp_path / "alias")
    network = run_crawl(site_url, tmp_path / "network", "outlets=nusadaily.com", spider="varient")
    assert alias.returncode == network.returncode == ExitCode.OK, network.log[-3000:]
    by_alias, by_network = records(tmp_path / "alias"), records(tmp_path / "network", "varient")
    assert len(by_alias) == len(ARTICLES)
    assert without_times(by_alias) == without_times(by_network)
    assert {r["spider"] for r in by_network} == {"varient"} and {r["site"] for r in by_network} == {
        "nusadaily.com"
    }


def test_a_field_gone_from_every_page_fails_the_coverage_monitor(
    serve, site_copy: Path, tmp_path: Path
) -> None:
    for page in site_copy.glob("*.html"):  # the editors stopped signing: no credit tag anywhere
        unsigned = re.sub(r"\((?:[a-z]+/)*[a-z*]+\)", "", page.read_text(encoding="utf-8"))
        page.write_text(unsigned, encoding="utf-8")
    result = run_crawl(serve(site_copy), tmp_path)
    assert result.returncode == ExitCode.MONITORS_FAILED, result.log[-3000:]
    assert result.last_manifest()["monitors_failed"] == [
        "Field coverage/Fields are filled in at least their minimum share of records"
    ]
    assert len(records(tmp_path)) == len(ARTICLES)  # valid records are still published


def test_an_empty_list_fails_the_articles_found_monitor(serve, site_copy: Path, tmp_path: Path) -> None:
    posts = site_copy / "posts" / "index.html"
    posts.write_text(posts.read_text(encoding="utf-8").replace("post-item", "card"), encoding="utf-8")
    result = run_crawl(serve(site_copy), tmp_path)
    assert result.returncode == ExitCode.MONITORS_FAILED, result.log[-3000:]
    manifest = result.last_manifest()
    assert manifest["monitors_failed"] == [
        "Articles found/Listing pages yield at least NEWSCRAWL_MIN_ARTICLES articles (new or seen)"
    ]
    assert manifest["counts"]["articles_found"] == 0 and records(tmp_path) == []


def dead_copy(root: Path) -> Path:
    """An outlet's copy that answers, but lists nothing: a dead outlet."""
    (root / "posts").mkdir(parents=True)
    (root / "index.html").write_text("<html><body>Situs dalam perbaikan</body></html>", encoding="utf-8")
    (root / "posts" / "index.html").write_text(
        "<html><body>Tidak ada berita.</body></html>", encoding="utf-8"
    )
    return root


def test_one_dead_outlet_fails_its_own_check_and_the_other_is_crawled(
    serve, site_url: str, tmp_path: Path
) -> None:
    dead = dead_copy(tmp_path / "dead")
    mirrors = f"nusadaily.com={site_url},kabarlereng.id={serve(dead)}"
    result = run_crawl(
        None,
        tmp_path,
        spider="two-outlets",
        settings={"NEWSCRAWL_MIRRORS": mirrors, "SPIDER_MODULES": "newscrawl.spiders,tests.twooutlets"},
    )
    assert result.returncode == ExitCode.MONITORS_FAILED, result.log[-3000:]
    manifest = result.last_manifest()
    assert list(manifest["monitor_reasons"]) == [
        "Articles found/Listing pages yield at least NEWSCRAWL_MIN_ARTICLES articles (new or seen)"
    ]
    reason = next(iter(manifest["monitor_reasons"].values()))
    assert "kabarlereng.id 0 < 1" in reason and "nusadaily.com" not in reason
    published = records(tmp_path, "two-outlets")
    assert len(published) == len(ARTICLES) and {r["site"] for r in published} == {"nusadaily.com"}


def test_crawlall_runs_each_outlet_on_its_own_and_exits_with_the_worst(
    serve, site_url: str, tmp_path: Path
) -> None:
    dead = dead_copy(tmp_path / "dead")
    command = crawl_command(None, tmp_path / "out", "spiders=two-outlets", spider="two-outlets")
    command[command.index("run")] = "crawlall"
    command.remove("two-outlets")
    mirrors = f"nusadaily.com={site_url},kabarlereng.id={serve(dead)}"
    command += [
        "-s",
        f"NEWSCRAWL_MIRRORS={mirrors}",
        "-s",
        "SPIDER_MODULES=newscrawl.spiders,tests.twooutlets",
    ]
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert proc.returncode == ExitCode.MONITORS_FAILED, proc.stderr[-3000:]
    base = tmp_path / "out" / "two-outlets"
    alive = json.loads(sorted((base / "nusadaily.com").glob("*.manifest.json"))[-1].read_text())
    failed = json.loads(sorted((base / "kabarlereng.id").glob("*.manifest.json"))[-1].read_text())
    assert (alive["exit_status"], failed["exit_status"]) == (ExitCode.OK, ExitCode.MONITORS_FAILED)
    assert alive["counts"]["records_published"] == len(ARTICLES)
    assert len(records(tmp_path / "out", "two-outlets/nusadaily.com")) == len(ARTICLES)
    assert (base / "nusadaily.com" / ".state" / "lock").exists() and (
        base / "kabarlereng.id" / ".state" / "lock"
    ).exists()
