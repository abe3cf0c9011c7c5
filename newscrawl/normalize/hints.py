"""Who is speaking: the outlet a text comes from, as a hint for the dateline rules.

An outlet prints its own name in many forms: ``LOMBOKKINI.NET``, ``Lombok Kini``,
``(LOMBOK KINI)``, ``Lombok-Kini.net``. They all reduce to one key: lower case,
without spaces, hyphens, dots and the domain's ending. The hint holds the keys of
the outlet's host and of the names its table row lists; the rules then recognise
any printed form of it, while texts without a hint still go by the family rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Endings of Indonesian news domains, longest first so that ``co.id`` wins over ``id``.
DOMAIN_ENDINGS = (
    "co.id",
    "or.id",
    "web.id",
    "my.id",
    "ac.id",
    "go.id",
    "com",
    "net",
    "org",
    "id",
    "media",
    "news",
    "tv",
    "online",
    "info",
    "co",
)
_ENDING = re.compile(r"\.\s?(?:" + "|".join(re.escape(e) for e in DOMAIN_ENDINGS) + r")\.?$", re.IGNORECASE)


def name_key(text: str) -> str:
    """The key a printed outlet name reduces to.

    >>> [name_key(n) for n in ("Lombok Kini", "LOMBOKKINI.NET", "(SUARA TIMUR)", "Timor-Post.com,")]
    ['lombokkini', 'lombokkini', 'suaratimur', 'timorpost']
    >>> name_key("JAYA AKTUAL.")
    'jayaaktual'
    """
    text = text.strip().strip("()[]|,:;–—-").strip()
    text = _ENDING.sub("", text)
    return re.sub(r"[\s.\-_'’]+", "", text).lower()


@dataclass(frozen=True)
class OutletHint:
    """The keys of every form an outlet's name may take in print."""

    keys: frozenset[str]

    @classmethod
    def for_outlet(cls, host: str, names: tuple[str, ...] | list[str] = ()) -> OutletHint:
        """From the outlet's host and the names it prints (its table row), or the host alone.

        >>> sorted(OutletHint.for_outlet("lombokkini.net").keys)
        ['lombokkini']
        >>> sorted(OutletHint.for_outlet("surabaya.tribunnews.com", ["SURYA.co.id"]).keys)
        ['surabayatribunnews', 'surya', 'tribunnews']
        """
        labels = _ENDING.sub("", host.lower().removeprefix("www.")).split(".")
        keys = {name_key(".".join(labels))}
        keys.update(name_key(label) for label in labels[1:] if len(label) >= 4)
        keys.update(name_key(n) for n in names)
        return cls(frozenset(k for k in keys if len(k) >= 3))

    def names(self, printed: str) -> bool:
        """Whether ``printed`` is one of the outlet's forms."""
        return name_key(printed) in self.keys
