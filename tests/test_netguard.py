"""Address rules: which addresses are public, and the resolver that refuses the others."""

from __future__ import annotations

import ipaddress

import pytest
from twisted.internet import reactor

from newscrawl.config import NewscrawlConfig
from newscrawl.netguard import BlockedAddress, GuardedResolver, is_public

ADDRESSES = [
    ("8.8.8.8", True),
    ("2001:4860:4860::8888", True),
    ("127.0.0.1", False),
    ("127.0.0.2", False),
    ("::1", False),
    ("10.1.2.3", False),
    ("172.16.0.1", False),
    ("192.168.1.1", False),
    ("169.254.169.254", False),
    ("fe80::1", False),
    ("fc00::1", False),
    ("224.0.0.1", False),
    ("0.0.0.0", False),
    ("::", False),
    ("::ffff:127.0.0.1", False),
    ("100.64.0.1", False),  # carrier-grade NAT
]


@pytest.mark.parametrize(("address", "public"), ADDRESSES)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public(address) is public


def test_an_exempt_network_is_allowed_and_nothing_else() -> None:
    exempt = [ipaddress.ip_network("127.0.0.1/32")]
    assert is_public("127.0.0.1", exempt) and not is_public("127.0.0.2", exempt)


def resolve(config: NewscrawlConfig, name: str) -> object:
    outcome: list[object] = []
    resolver = GuardedResolver(reactor, 0, 5.0, config)
    resolver.getHostByName(name).addCallbacks(outcome.append, lambda f: outcome.append(f.value))
    return outcome[0]


def test_the_resolver_refuses_a_non_public_answer() -> None:
    config = NewscrawlConfig(resolve={"nusadaily.com": "127.0.0.2"})
    assert isinstance(resolve(config, "nusadaily.com"), BlockedAddress)


def test_the_resolver_hands_out_exempt_and_public_answers() -> None:
    config = NewscrawlConfig(
        resolve={"mirror.test": "127.0.0.1", "example.test": "93.184.216.34"},
        allowed_addresses=(ipaddress.ip_network("127.0.0.1/32"),),
    )
    assert resolve(config, "mirror.test") == "127.0.0.1"
    assert resolve(config, "EXAMPLE.test") == "93.184.216.34"
