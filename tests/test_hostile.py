"""``scrapy run nusadaily`` against a misbehaving server in front of the offline copy.

Each test names the protection it proves; removing that protection makes it fail.
"""

from __future__ import annotations

import gzip
import itertools
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawl.dev.sites.nusadaily_articles import ARTICLES
from newscrawl.run import ExitCode
from newscrawl.settings import EXTENSIONS
from tests.conftest import LIVE, SITE, records, run_crawl
from tests.servers.faults import Fault, FaultServer

# Listed only on the last page of ekonomi and deep in the home list.
OLD = "nelayan-sendang-biru-dapat-bantuan-mesin-es"
CHILI = "harga-cabai-rawit-di-malang-turun"  # first entry of ekonomi page 1
ONE_PAGE = ("sections=ekonomi", "max_pages=1")


@pytest.fixture
def server() -> Iterator[FaultServer]:
    running = FaultServer(SITE)
    yield running
    running.stop()


@pytest.fixture
def make_server() -> Iterator:
    started: list[FaultServer] = []

    def _make(root: Path = SITE, host: str = "127.0.0.1") -> FaultServer:
        started.append(FaultServer(root, host))
        return started[-1]

    yield _make
    for running in started:
        running.stop()


def urls(output: Path) -> list[str]:
    return [r["canonical_url"] for r in records(output)]


def live(slug: str) -> str:
    return f"https://nusadaily.com/{slug}"


# -- 1. an article that fails once is fetched by a later run --------------------------------------

FAILURES = [
    pytest.param(Fault(statuses=[503], sticky=True), "http_503", {}, id="503"),
    pytest.param(Fault(statuses=[429], sticky=True, retry_after="1"), "http_429", {}, id="429"),
    pytest.param(Fault(hang=True), "timeout", {"DOWNLOAD_TIMEOUT": "1"}, id="timeout"),
    pytest.param(Fault(short_body=True), "data_loss", {}, id="short-body"),
    pytest.param(Fault(broken_chunking=True), "data_loss", {}, id="broken-chunking"),
    pytest.param(Fault(endless=True), "too_large", {"DOWNLOAD_MAXSIZE": str(1024 * 1024)}, id="oversized"),
    pytest.param(Fault(bomb="gzip"), "too_large", {}, id="gzip-bomb"),
    pytest.param(Fault(bomb="br"), "too_large", {}, id="brotli-bomb"),
]


@pytest.mark.parametrize(("fault", "cause", "settings"), FAILURES)
def test_article_failing_in_one_run_is_fetched_by_the_next(
    server: FaultServer, tmp_path: Path, fault: Fault, cause: str, settings: dict
) -> None:
    server.fault(f"/{OLD}", fault)
    first = run_crawl(server.url, tmp_path, settings=settings)
    # One flaky article among 36 is a warning, not a failed run and not an ERROR line.
    assert first.returncode == ExitCode.OK, first.log[-3000:]
    manifest = first.last_manifest()
    assert manifest["failed_fetches"] == {cause: 1}
    assert manifest["counts"]["errors"] == 0
    assert live(OLD) not in urls(tmp_path)

    server.faults.clear()
    deep_list_hits = server.hits("/ekonomi?page=3")
    second = run_crawl(server.url, tmp_path, settings=settings)
    assert second.returncode == ExitCode.OK, second.log[-3000:]
    assert second.last_manifest()["counts"]["articles_retried"] == 1
    assert second.last_manifest()["counts"]["records_published"] == 1
    assert server.hits("/ekonomi?page=3") == deep_list_hits  # the lists stopped at page 1
    assert sorted(urls(tmp_path)) == sorted(live(a["slug"]) for a in ARTICLES)


def test_an_article_is_given_up_after_n_runs_and_skipped_after(server: FaultServer, tmp_path: Path) -> None:
    # On the first list page, so every run's list shows it again.
    server.fault(f"/{CHILI}", Fault(statuses=[503], sticky=True))
    settings = {"NEWSCRAWL_GIVE_UP_AFTER_RUNS": "2"}
    first = run_crawl(server.url, tmp_path, "sections=ekonomi", settings=settings)
    assert first.last_manifest()["given_up"] == []
    second = run_crawl(server.url, tmp_path, "sections=ekonomi", settings=settings)
    assert second.returncode == ExitCode.OK, second.log[-3000:]
    manifest = second.last_manifest()
    assert manifest["given_up"] == [
        {"url": f"https://www.nusadaily.com/{CHILI}", "cause": "http_503", "attempts": 2}
    ]
    assert manifest["counts"]["articles_given_up"] == 1
    hits = server.hits(f"/{CHILI}")
    third = run_crawl(server.url, tmp_path, "sections=ekonomi", settings=settings)
    assert third.returncode == ExitCode.OK, third.log[-3000:]
    assert server.hits(f"/{CHILI}") == hits
    assert third.last_manifest()["counts"]["article_fetches_failed"] == 0


# -- 2. a run that fetched nothing is not green -----------------------------------------------------


def test_every_article_answering_403_fails_the_run(server: FaultServer, tmp_path: Path) -> None:
    for article in ARTICLES:
        server.fault(f"/{article['slug']}", Fault(statuses=[403], sticky=True))
    result = run_crawl(server.url, tmp_path, "sections=ekonomi")
    assert result.returncode == ExitCode.MONITORS_FAILED, result.log[-3000:]
    manifest = result.last_manifest()
    ekonomi = len([a for a in ARTICLES if a["category"] == "ekonomi"])
    assert manifest["failed_fetches"] == {"http_403": ekonomi}
    assert any(name.startswith("Article fetches") for name in manifest["monitors_failed"])
    assert records(tmp_path) == []


# -- 4. requests stay on the crawl's hosts, ports and public addresses ------------------------------


def add_list_entries(site: Path, hrefs: list[str]) -> None:
    home = site / "posts" / "index.html"
    entries = "".join(
        f'<div class="post-item"><h3 class="title"><a href="{h}">Tautan</a></h3></div>' for h in hrefs
    )
    home.write_text(home.read_text(encoding="utf-8").replace("</h1>", "</h1>" + entries, 1), encoding="utf-8")


def test_links_and_redirects_to_other_ports_and_addresses_are_blocked(
    make_server, site_copy: Path, tmp_path: Path
) -> None:
    internal = make_server(SITE)
    add_list_entries(
        site_copy,
        [
            f"http://127.0.0.1:{internal.port}/{CHILI}",
            f"//127.0.0.1:{internal.port}/{OLD}",
            "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.8/internal",
        ],
    )
    site = make_server(site_copy)
    site.fault(f"/{CHILI}", Fault(redirect=f"http://127.0.0.1:{internal.port}/admin"))
    result = run_crawl(site.url, tmp_path, "max_pages=1")
    assert internal.paths() == []
    counts = result.last_manifest()["counts"]
    # Links off the outlet are never requested; the redirect to another port is blocked on its way out.
    assert (counts["links_offsite"], counts["requests_blocked"]) == (4, 1)
    published = records(tmp_path)
    assert len(published) == 8 and all(r["url"].startswith(LIVE) for r in published)


@pytest.mark.parametrize("by_name", [True, False], ids=["name", "ip-literal"])
def test_a_mirror_at_a_non_exempt_loopback_address_is_blocked(
    make_server, tmp_path: Path, by_name: bool
) -> None:
    # An allowed origin (the mirror's own), but at 127.0.0.2, while only 127.0.0.1 is exempt.
    hidden = make_server(SITE, host="127.0.0.2")
    host = "mirror.test" if by_name else "127.0.0.2"
    blocked = run_crawl(
        f"http://{host}:{hidden.port}",
        tmp_path,
        *ONE_PAGE,
        settings={"NEWSCRAWL_RESOLVE": "mirror.test=127.0.0.2"},
    )
    assert hidden.paths() == []
    assert blocked.last_manifest()["counts"]["requests_blocked"] >= 1
    assert records(tmp_path) == []


def test_a_pinned_name_reaches_an_exempt_address(server: FaultServer, tmp_path: Path) -> None:
    # The control for the test above: the same crawl by name works when the address is exempt.
    result = run_crawl(
        f"http://mirror.test:{server.port}",
        tmp_path,
        *ONE_PAGE,
        settings={"NEWSCRAWL_RESOLVE": "mirror.test=127.0.0.1"},
    )
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    assert len(records(tmp_path)) == 8


# -- 5. text is text --------------------------------------------------------------------------------


def inject_code(page: bytes) -> bytes:
    text = page.decode("utf-8")
    text = text.replace(
        '<h1 class="post-title">', '<h1 class="post-title"><script>steal()</script>\x1b[31m\x07', 1
    )
    text = text.replace(
        '<div class="post-text mt-4">\n<p>',
        '<div class="post-text mt-4">\n<p><script>alert(1)</script><style>p{color:red}</style>'
        "<noscript>aktifkan JS</noscript>"
        "<iframe src='/x'>bingkai</iframe>&lt;script&gt;bad()&lt;/script&gt;\x00\x1b[2J",
        1,
    )
    text = text.replace(
        '<li><a href="https://www.nusadaily.com/tag/',
        '<li><a href="/tag/x">\x1b[1mTebal\x1b[0m\x08</a></li><li><a href="https://www.nusadaily.com/tag/',
        1,
    )
    return text.encode("utf-8")


def test_script_style_and_control_characters_never_reach_a_record(
    server: FaultServer, tmp_path: Path
) -> None:
    server.fault(f"/{CHILI}", Fault(transform=inject_code))
    result = run_crawl(server.url, tmp_path, *ONE_PAGE)
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    (record,) = [r for r in records(tmp_path) if r["canonical_url"] == live(CHILI)]
    source = next(a for a in ARTICLES if a["slug"] == CHILI)
    assert record["title"] == source["title"]
    assert "Tebal" in record["tags"]
    everything = json.dumps(record, ensure_ascii=False)
    for leaked in (
        "steal",
        "alert",
        "color:red",
        "aktifkan JS",
        "bingkai",
        "bad()",
        "<script",
        "\\u001b",
        "\\u0000",
    ):
        assert leaked not in everything, leaked
    assert record["body"].startswith(("Harga", "Sejumlah")) or record["body"][0].isalpha()


def test_a_huge_page_becomes_a_bounded_record(server: FaultServer, tmp_path: Path) -> None:
    filler = "<p>" + "Harga cabai di pasar tradisional terus dipantau petugas. " * 120_000 + "</p>"

    def bloat(page: bytes) -> bytes:
        marker = '<div class="post-text mt-4">\n'
        return page.decode("utf-8").replace(marker, marker + filler, 1).encode("utf-8")

    server.fault(f"/{CHILI}", Fault(transform=bloat))
    result = run_crawl(server.url, tmp_path, *ONE_PAGE)
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    (record,) = [r for r in records(tmp_path) if r["canonical_url"] == live(CHILI)]
    assert len(filler) > 6_000_000 and len(record["body"]) <= 100_000
    assert result.last_manifest()["counts"]["fields_cut"] == 1


# -- 6. robots.txt and pacing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "settings"),
    [
        pytest.param(Fault(statuses=[503], sticky=True), {}, id="5xx"),
        pytest.param(Fault(hang=True), {"DOWNLOAD_TIMEOUT": "1"}, id="unreachable"),
    ],
)
def test_unreadable_robots_txt_skips_the_host(
    server: FaultServer, tmp_path: Path, fault: Fault, settings: dict
) -> None:
    server.fault("/robots.txt", fault)
    result = run_crawl(server.url, tmp_path, *ONE_PAGE, settings=settings)
    assert set(server.paths()) == {"/robots.txt"}
    assert result.returncode == ExitCode.MONITORS_FAILED, result.log[-3000:]
    assert result.last_manifest()["counts"]["robots_unavailable"] == 1
    assert records(tmp_path) == []


def test_robots_txt_4xx_means_no_rules(server: FaultServer, tmp_path: Path) -> None:
    server.fault("/robots.txt", Fault(statuses=[404], sticky=True))
    result = run_crawl(server.url, tmp_path, *ONE_PAGE)
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    assert len(records(tmp_path)) == 8


def arrivals(server: FaultServer) -> list[float]:
    return [t for p, t in server.requests if p != "/robots.txt"]


def test_crawl_delay_spaces_requests(server: FaultServer, tmp_path: Path) -> None:
    server.fault("/robots.txt", Fault(body=b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain"))
    result = run_crawl(server.url, tmp_path, *ONE_PAGE)
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    times = arrivals(server)
    assert len(times) == 9  # the list page and its eight articles
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 0.95, gaps


def test_retry_after_is_honoured(server: FaultServer, tmp_path: Path) -> None:
    server.fault(f"/{CHILI}", Fault(statuses=[503], retry_after="2"))
    result = run_crawl(server.url, tmp_path, *ONE_PAGE)
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    tries = [t for p, t in server.requests if p == f"/{CHILI}"]
    assert len(tries) == 2 and tries[1] - tries[0] >= 1.9
    assert live(CHILI) in urls(tmp_path)


# -- 7. encodings -----------------------------------------------------------------------------------


def as_cp1252(meta: str) -> Fault:
    def recode(page: bytes) -> bytes:
        text = page.decode("utf-8").replace('<meta charset="utf-8">', meta, 1)
        text = text.replace(
            '<div class="post-text mt-4">\n<p>',
            '<div class="post-text mt-4">\n<p>Kafe naïve di Kayutangan – «ramai». ',
            1,
        )
        return text.encode("cp1252", "replace")

    return Fault(transform=recode)


@pytest.mark.parametrize(
    ("meta", "content_type", "conflicts"),
    [
        pytest.param("", "text/html", 0, id="no-charset"),
        pytest.param("", "text/html; charset=utf-8", 1, id="header-says-utf8"),
        pytest.param(
            '<meta charset="windows-1252">', "text/html; charset=utf-8", 1, id="header-meta-conflict"
        ),
    ],
)
def test_cp1252_pages_are_read_right(
    server: FaultServer, tmp_path: Path, meta: str, content_type: str, conflicts: int
) -> None:
    fault = as_cp1252(meta)
    fault.content_type = content_type
    server.fault(f"/{CHILI}", fault)
    result = run_crawl(server.url, tmp_path, *ONE_PAGE)
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    (record,) = [r for r in records(tmp_path) if r["canonical_url"] == live(CHILI)]
    assert "Kafe naïve di Kayutangan – «ramai»." in record["body"]
    assert "\ufffd" not in record["body"]
    assert result.last_manifest()["counts"]["encoding_conflicts"] == conflicts


# -- 8. smaller items -------------------------------------------------------------------------------


def test_gzip_sitemap_without_content_encoding(server: FaultServer, tmp_path: Path) -> None:
    sitemap = (SITE / "sitemap.xml").read_bytes()
    server.fault("/sitemap.xml", Fault(body=gzip.compress(sitemap), content_type="application/x-gzip"))
    result = run_crawl(server.url, tmp_path, "discovery=sitemap", "since=2026-11-01", "until=2026-11-10")
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    assert len(records(tmp_path)) > 0


@pytest.mark.parametrize(
    ("body", "content_type"),
    [(b"\x1f\x8b not really gzip", "application/x-gzip"), (b"", "application/xml")],
    ids=["bad-gzip", "empty"],
)
def test_a_sitemap_that_is_no_xml_is_reported_not_a_crash(
    server: FaultServer, tmp_path: Path, body: bytes, content_type: str
) -> None:
    server.fault("/sitemap.xml", Fault(body=body, content_type=content_type))
    result = run_crawl(server.url, tmp_path, "discovery=sitemap")
    assert result.returncode == ExitCode.MONITORS_FAILED, result.log[-3000:]
    assert result.last_manifest()["counts"]["errors"] == 0  # a warning, not a spider error


def test_redirect_loop_is_reported_and_retried_next_run(server: FaultServer, tmp_path: Path) -> None:
    server.fault(f"/{CHILI}", Fault(redirect=f"{server.url}/loop-b"))
    server.fault("/loop-b", Fault(redirect=f"{server.url}/{CHILI}"))
    first = run_crawl(server.url, tmp_path, *ONE_PAGE)
    assert first.returncode == ExitCode.OK, first.log[-3000:]
    manifest = first.last_manifest()
    assert manifest["failed_fetches"] == {"redirect_loop": 1}
    assert manifest["counts"]["redirect_loops"] == 1
    server.faults.clear()
    second = run_crawl(server.url, tmp_path, *ONE_PAGE)
    assert second.last_manifest()["counts"]["articles_retried"] == 1
    assert live(CHILI) in urls(tmp_path)


@pytest.mark.parametrize(
    ("base_url", "settings"),
    [
        pytest.param("http://127.0.0.1:99999", {}, id="port-out-of-range"),
        pytest.param("http://127.0.0.1:0", {}, id="port-zero"),
        pytest.param(None, {"NEWSCRAWL_BATCH_ITEMS": "lots"}, id="batch-items"),
        pytest.param(None, {"NEWSCRAWL_MAX_FAILED_SHARE": "2"}, id="share-over-one"),
        pytest.param(None, {"NEWSCRAWL_ALLOWED_ADDRESSES": "localhost"}, id="address-not-an-ip"),
    ],
)
def test_bad_arguments_and_settings_exit_2_without_a_traceback(
    server: FaultServer, tmp_path: Path, base_url: str | None, settings: dict
) -> None:
    result = run_crawl(base_url or server.url, tmp_path, settings=settings)
    assert result.returncode == ExitCode.BAD_ARGUMENTS, result.log[-3000:]
    assert "ValueError" not in result.log and "Unhandled" not in result.log
    assert server.paths() == []


def test_failing_to_record_the_run_end_still_writes_the_manifest(server: FaultServer, tmp_path: Path) -> None:
    extensions = {**EXTENSIONS, "tests.faultinject.FailEndRun": 0}
    failed = run_crawl(server.url, tmp_path, *ONE_PAGE, settings={"EXTENSIONS": json.dumps(extensions)})
    assert failed.returncode == ExitCode.FAILED, failed.log[-3000:]
    manifest = failed.last_manifest()
    assert manifest["exit_status"] == ExitCode.FAILED and "disk is full" in manifest["error"]
    assert len(records(tmp_path)) == 8


class RecordingProxy:
    """Counts every connection an HTTP(S) proxy would have carried out of the machine."""

    def __init__(self) -> None:
        self.connections = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"


def test_no_request_leaves_the_crawl(
    server: FaultServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cookie makes Scrapy ask tldextract about the domain; that must not fetch the suffix list.
    server.fault("/ekonomi", Fault(headers={"Set-Cookie": "consent=1; Path=/"}))
    proxy = RecordingProxy()
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(name, proxy.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no suffix list cached from an earlier run
    result = run_crawl(server.url, tmp_path / "out", *ONE_PAGE)
    assert result.returncode == ExitCode.OK, result.log[-3000:]
    assert proxy.connections == 0
