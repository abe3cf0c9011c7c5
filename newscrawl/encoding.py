"""Decode pages by what their bytes are, not only by what they claim.

Scrapy takes the HTTP header's charset on trust and, with no charset at all,
asks a statistical detector that reads Latin text as cp1250 or cp775. For
Indonesian and other Latin-script pages the right rule is simpler:

* no charset anywhere: UTF-8 if the bytes are valid UTF-8, else cp1252;
* the header and the page's ``<meta>`` disagree (or the header's charset
  cannot decode the bytes): the declared charset that decodes the bytes wins,
  then UTF-8, then cp1252; counted in ``newscrawl/encoding/conflict``.
"""

from __future__ import annotations

import codecs
import logging
from typing import TYPE_CHECKING

from scrapy import Request, Spider
from scrapy.http import Response, TextResponse
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def decodes(body: bytes, encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
        body.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return False
    return True


def is_multibyte(encoding: str) -> bool:
    return codecs.lookup(encoding).name in ("utf-8", "utf-16", "utf-32")


def choose_encoding(body: bytes, header: str | None, meta: str | None) -> str:
    """The charset to read ``body`` with; ``header`` and ``meta`` are the declared ones.

    >>> choose_encoding("naïve".encode("cp1252"), None, None)
    'cp1252'
    >>> choose_encoding("naïve".encode("utf-8"), None, None)
    'utf-8'
    >>> choose_encoding("naïve".encode("cp1252"), "utf-8", "windows-1252")
    'windows-1252'
    >>> choose_encoding("naïve".encode("utf-8"), "iso-8859-1", "utf-8")
    'utf-8'
    >>> choose_encoding(b"plain ascii", "iso-8859-1", None)
    'iso-8859-1'
    """
    declared = [e for e in (header, meta) if e and decodes(b"", e)]
    if body.isascii():
        return declared[0] if declared else "utf-8"
    # A single-byte charset decodes any bytes, so only a multi-byte one can be proven wrong.
    for encoding in declared:
        if is_multibyte(encoding) and decodes(body, encoding):
            return encoding
    if decodes(body, "utf-8"):
        return "utf-8"  # non-ASCII bytes that form valid UTF-8 are UTF-8 in practice
    single = [e for e in declared if not is_multibyte(e) and decodes(body, e)]
    if meta in single:
        return meta  # the page's own declaration, written with its text
    return single[0] if single else "cp1252"


class EncodingMiddleware:
    """Downloader middleware: re-read a text response whose declared charset is absent or wrong."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> EncodingMiddleware:
        return cls(crawler)

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        if not isinstance(response, TextResponse) or not response.body or read_bom(response.body)[0]:
            return response
        header = http_content_type_encoding(response.headers.get(b"Content-Type", b"").decode("latin-1"))
        meta = html_body_declared_encoding(response.body)
        chosen = choose_encoding(response.body, header, meta)
        declared = header or meta  # what Scrapy would have used
        if declared and decodes(b"", declared) and codecs.lookup(chosen) == codecs.lookup(declared):
            return response
        if declared:
            self.crawler.stats.inc_value("newscrawl/encoding/conflict")
            logger.warning(
                "%s declares charset %s (header) / %s (meta), but its bytes read as %s",
                response.url,
                header,
                meta,
                chosen,
            )
        else:
            self.crawler.stats.inc_value("newscrawl/encoding/undeclared")
        return response.replace(encoding=chosen)
