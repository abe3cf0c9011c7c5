"""ArticleLoader: field clean-up, and the text normalizers applied to the body."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from itemloaders.processors import Identity, Join, MapCompose, TakeFirst
from scrapy.loader import ItemLoader
from w3lib.html import remove_tags

from newscrawl.items import ArticleItem
from newscrawl.normalize import WIB, clean_text, normalize_body, parse_date, to_iso

logger = logging.getLogger(__name__)


def empty_to_none(value: str) -> str | None:
    """A processor that returns None drops the value."""
    return value or None


def parse_moment(value: str, loader_context: dict[str, Any]) -> str | None:
    """Printed or machine date to ISO 8601 in the site's zone; unparseable is logged."""
    parsed = parse_date(value, loader_context.get("default_tz", WIB))
    if parsed is None:
        stats = loader_context.get("stats")
        if stats is not None:
            stats.inc_value("newscrawl/dates/unparseable")
        logger.warning("Unparseable date %r on %s", value, loader_context.get("url", "?"))
    return to_iso(parsed)


def unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


class ArticleLoader(ItemLoader):
    default_item_class = ArticleItem
    default_input_processor = MapCompose(remove_tags, clean_text, empty_to_none)
    default_output_processor = TakeFirst()

    # Paragraphs keep their line breaks until the normalizer has split the body.
    body_out = Join("\n")
    authors_out = unique
    tags_out = unique
    published_at_in = MapCompose(remove_tags, clean_text, empty_to_none, parse_moment)
    modified_at_in = MapCompose(remove_tags, clean_text, empty_to_none, parse_moment)
    schema_version_in = Identity()

    def load_item(self) -> ArticleItem:
        item: ArticleItem = super().load_item()
        item.crawled_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        if item.body:
            normalized = normalize_body(item.body)
            item.body = normalized.body or None
            item.dateline_location = normalized.dateline_location
            item.dateline_outlet = normalized.dateline_outlet
            item.editor_tag = normalized.editor_tag
            item.editor = item.editor or normalized.editor
            item.authors = unique(item.authors + normalized.authors)
        return item
