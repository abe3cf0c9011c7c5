"""Pages built by JavaScript, rendered by a real headless Chromium (Debian's) through scrapy-playwright."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newscrawl.dev.sites import build_networks
from newscrawl.dev.sites.network_articles import KABARKOTA
from newscrawl.dev.siteserver import server_url, start_server
from newscrawl.run import ExitCode
from newscrawl.settings import DOWNLOAD_HANDLERS
from tests.conftest import records, run_crawl
from tests.servers.faults import FaultServer

pytestmark = pytest.mark.skipif(
    shutil.which("chromium") is None,
    reason="no browser here: install Debian's chromium (make test does it as root)",
)


@pytest.fixture(scope="module")
def copy_url():
    server = start_server(build_networks.HERE / "kabarkota")
    yield server_url(server)
    server.shutdown()


def crawl(copy_url: str, output: Path, spider: str, **settings: str):
    mirrors = {"NEWSCRAWL_MIRRORS": f"kabarkota.id={copy_url}", **settings}
    return run_crawl(None, output, settings=mirrors, spider=spider)


def test_a_client_rendered_outlet_is_crawled_through_the_browser(copy_url: str, tmp_path: Path) -> None:
    result = crawl(copy_url, tmp_path, "varient-rendered")
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    published = records(tmp_path, "varient-rendered")
    assert sorted(r["title"] for r in published) == sorted(a["title"] for a in KABARKOTA)
    # The server sends no text at all: every field below was built by the page's script.
    for record in published:
        assert record["dateline_outlet"] == "KABARKOTA.ID" and record["authors"] and record["published_at"]


def test_the_browser_s_own_requests_keep_the_address_rules(tmp_path: Path) -> None:
    internal = FaultServer(build_networks.HERE / "kabarkota")  # another port: records what reaches it
    copy = tmp_path / "copy"
    shutil.copytree(build_networks.HERE / "kabarkota", copy)
    for page in copy.glob("*.html"):  # every article also loads a picture from another port
        pixel = f'<img src="{internal.url}/pixel.gif">'
        page.write_text(
            page.read_text(encoding="utf-8").replace("<body>", "<body>" + pixel), encoding="utf-8"
        )
    served = start_server(copy)
    try:
        result = crawl(server_url(served), tmp_path / "out", "varient-rendered")
    finally:
        served.shutdown()
        internal.stop()
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    assert internal.paths() == []
    assert result.last_manifest()["counts"]["requests_blocked"] >= len(KABARKOTA)


def test_with_rendering_off_the_same_copy_fails_its_monitors(copy_url: str, tmp_path: Path) -> None:
    result = crawl(copy_url, tmp_path, "varient-rendered", NEWSCRAWL_RENDER="False")
    assert result.returncode == ExitCode.MONITORS_FAILED, result.log[-3000:]
    manifest = result.last_manifest()
    assert manifest["outlets"]["kabarkota.id"]["shells_not_rendered"] == 1
    assert any(name.startswith("Articles found") for name in manifest["monitors_failed"])
    assert records(tmp_path, "varient-rendered") == []


def test_shells_of_an_outlet_not_marked_to_render_are_retried_once_through_the_browser(
    copy_url: str, tmp_path: Path
) -> None:
    result = crawl(copy_url, tmp_path, "varient-shells")
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    counts = result.last_manifest()["outlets"]["kabarkota.id"]
    assert counts["pages_rendered_again"] == 1 + len(KABARKOTA)  # the list and every article
    assert len(records(tmp_path, "varient-shells")) == len(KABARKOTA)


def test_the_browser_never_brings_back_local_file_handlers() -> None:
    from scrapy.settings import Settings

    from newscrawl.dev.spiders import ClientRenderedSpider

    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    ClientRenderedSpider.update_settings(settings)
    handlers = settings.getwithbase("DOWNLOAD_HANDLERS")
    assert all(handlers[scheme] is None for scheme in ("file", "data", "s3", "ftp"))
    assert handlers["https"] == "newscrawl.browser.GuardedPlaywrightHandler"
    assert DOWNLOAD_HANDLERS["file"] is None
