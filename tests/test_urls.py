"""URL identity: what makes two links the same article."""

from __future__ import annotations

import pytest

from newscrawl.urls import canonicalize, strip_tracking, url_hash

BASE = "https://nusadaily.com/harga-cabai-turun"


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.nusadaily.com/harga-cabai-turun",
        "http://www.nusadaily.com/harga-cabai-turun",
        "https://WWW.NUSADAILY.COM/harga-cabai-turun",
        "https://www.nusadaily.com/harga-cabai-turun/",
        "https://www.nusadaily.com/harga-cabai-turun#komentar",
        "https://www.nusadaily.com/harga-cabai-turun?utm_source=fb&utm_medium=social",
        "https://www.nusadaily.com/harga-cabai-turun?fbclid=abc123",
        "https://www.nusadaily.com/harga-cabai-turun?gclid=xyz",
        "https://www.nusadaily.com:443/harga-cabai-turun",
    ],
)
def test_variants_share_one_identity(variant: str) -> None:
    assert canonicalize(variant) == BASE
    assert url_hash(canonicalize(variant)) == url_hash(BASE)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://x.id/list?page=2&q=a", "https://x.id/list?q=a&page=2"),
        ("https://x.id/list?utm_campaign=z&page=2", "https://x.id/list?page=2"),
    ],
)
def test_parameter_order_and_tracking(a: str, b: str) -> None:
    assert canonicalize(a) == canonicalize(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://nusadaily.com/a", "https://nusadaily.com/b"),
        ("https://nusadaily.com/list?page=2", "https://nusadaily.com/list?page=3"),
        ("https://nusadaily.com/a", "https://example.com/a"),
        ("https://nusadaily.com/Harga", "https://nusadaily.com/harga"),
    ],
)
def test_different_articles_stay_different(a: str, b: str) -> None:
    assert canonicalize(a) != canonicalize(b)


def test_url_hash_is_hex_sha1() -> None:
    assert url_hash(BASE) == "2240257229363bee7fc083195e77a584ae74f7f0"


def test_strip_tracking_keeps_the_host_as_it_is() -> None:
    url = "http://127.0.0.1:8000/berita?utm_source=x&page=2#atas"
    assert strip_tracking(url) == "http://127.0.0.1:8000/berita?page=2"
