"""The ``python -m newscrawl.normalize`` JSON Lines contract."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, records, run_crawl


def run_cli(lines: list[str]) -> tuple[int, list[dict]]:
    proc = subprocess.run(
        [sys.executable, "-m", "newscrawl.normalize"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines()]


SAMPLE = {
    "body": "NUSADAILY.COM – MOSKOW – Rusia membenarkan kunjungan itu.\nKremlin belum merinci agendanya.(han)",  # noqa: E501
    "date_string": "Sep 12, 2023\u00a0-\u00a023:16",
    "url": "https://www.nusadaily.com/contoh",
    "site": "nusadaily",
}


def test_one_output_line_per_input_line_in_order() -> None:
    status, out = run_cli([json.dumps(SAMPLE), json.dumps({"body": "Malang - Hujan turun.(wan)"})])
    assert status == 0
    assert out[0] == {
        "body": "Rusia membenarkan kunjungan itu.\n\nKremlin belum merinci agendanya.",
        "dateline_location": "MOSKOW",
        "dateline_outlet": "NUSADAILY.COM",
        "editor_tag": "han",
        "authors": [],
        "editor": None,
        "published_at": "2023-09-12T23:16:00+07:00",
    }
    assert (out[1]["dateline_location"], out[1]["editor_tag"], out[1]["published_at"]) == (
        "Malang",
        "wan",
        None,
    )


def test_bad_lines_yield_errors_in_place_and_exit_1() -> None:
    status, out = run_cli(["not json", json.dumps({"title": "no body"}), json.dumps(SAMPLE), "[1, 2]"])
    assert status == 1
    assert [sorted(o) for o in out] == [["error"], ["error"], sorted(out[2]), ["error"]]
    assert "body" in out[1]["error"]
    assert out[2]["editor_tag"] == "han"


def test_reference_time_and_url_dates() -> None:
    rows = [
        {"body": "x", "date_string": "13 jam yang lalu", "reference_time": "2026-06-05T10:00:00+07:00"},
        {"body": "x", "url": "https://example.id/baca/20260513/014100/judul"},
        {"body": "x", "date_string": "5 menit lalu"},
        {"body": "x", "reference_time": "kemarin sore"},
    ]
    status, out = run_cli([json.dumps(r) for r in rows])
    assert [o.get("published_at") for o in out[:3]] == [
        "2026-06-04T21:00:00+07:00",
        "2026-05-13T01:41:00+07:00",
        None,
    ]
    assert "reference_time" in out[3]["error"] and status == 1


def test_a_published_batch_comes_back_identical(site_url: str, tmp_path) -> None:
    """The round trip: stored records re-normalized with the same rules are the same records."""
    crawl = run_crawl(site_url, tmp_path)
    assert crawl.returncode == 0, crawl.log[-3000:]
    (batch,) = sorted((tmp_path / "nusadaily").glob("*.jsonl"))
    lines = batch.read_text(encoding="utf-8").splitlines()
    status, out = run_cli(lines)
    assert status == 0 and len(out) == len(lines) == len(records(tmp_path)) > 30
    assert out == [json.loads(line) for line in lines]
    assert all(r["body_raw"] and r["schema_version"] == 2 for r in out)


def test_a_stored_record_is_really_normalized_again() -> None:
    # A record whose normalized fields are stale (an older rule left the dateline in the body).
    stale = {
        "url": "https://www.nusadaily.com/contoh",
        "site": "nusadaily.com",
        "body": "NUSADAILY.COM – BATU – Panen apel dimulai.",
        "body_raw": "NUSADAILY.COM – BATU – Panen apel dimulai.\nPetani senang.(han)",
        "published_printed": "Nov 3, 2026 - 08:20",
        "dateline_location": None,
        "dateline_outlet": None,
        "editor_tag": None,
        "authors": ["Dewi Lestari Ningsih"],
        "editor": None,
        "published_at": None,
        "title": "Panen apel",
        "crawled_at": "2026-11-04T01:00:00+00:00",
        "schema_version": 2,
    }
    status, (out,) = run_cli([json.dumps(stale)])
    assert status == 0
    assert (out["body"], out["dateline_location"], out["editor_tag"]) == (
        "Panen apel dimulai.\n\nPetani senang.",
        "BATU",
        "han",
    )
    assert out["published_at"] == "2026-11-03T08:20:00+07:00"
    assert out["authors"] == ["Dewi Lestari Ningsih"] and out["title"] == "Panen apel"


def test_a_schema_1_record_gets_an_error_line() -> None:
    old = {"url": "https://www.nusadaily.com/a", "body": "Teks.", "schema_version": 1}
    status, (out,) = run_cli([json.dumps(old)])
    assert status == 1 and "schema version 1" in out["error"]
