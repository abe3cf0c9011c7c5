"""ArticleLoader: field clean-up, and the text normalizers applied to the body."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, ClassVar

from itemloaders.processors import Identity, Join, MapCompose, TakeFirst
from scrapy.loader import ItemLoader

from newscrawl.items import ArticleItem
from newscrawl.normalize import WIB, parse_date, record_fields, to_iso
from newscrawl.normalize.text import html_to_text, tidy_text

logger = logging.getLogger(__name__)


def empty_to_none(value: str) -> str | None:
    """A processor that returns None drops the value."""
    return value or None


def parse_moment(value: str, loader_context: dict[str, Any]) -> str | None:
    """Printed or machine date to ISO 8601 in the site's zone; unparseable is logged."""
    parsed = parse_date(value, loader_context.get("default_tz", WIB), loader_context.get("reference_time"))
    if parsed is None:
        note(loader_context, "dates/unparseable", f"unparseable date {value!r}")
    return to_iso(parsed)


def note(loader_context: dict[str, Any], key: str, message: str) -> None:
    """Log a problem with the page and keep it in the context's ``problems`` list (counted by the crawl)."""
    logger.warning("%s on %s", message, loader_context.get("url", "?"))
    problems = loader_context.get("problems")
    if problems is not None:
        problems.append(key)


def unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def tidy_lines(text: str) -> str:
    """Tidy each line, keeping the line breaks the body is split on later."""
    return "\n".join(tidy_text(line) for line in text.split("\n")).strip("\n")


class ArticleLoader(ItemLoader):
    default_item_class = ArticleItem
    default_input_processor = MapCompose(html_to_text, tidy_text, empty_to_none)
    default_output_processor = TakeFirst()

    # Paragraphs keep their line breaks until the normalizer has split the body.
    body_in = MapCompose(html_to_text, tidy_lines, empty_to_none)
    body_out = Join("\n")
    authors_out = unique
    tags_out = unique
    body_raw_in = body_in
    body_raw_out = body_out
    published_at_in = MapCompose(html_to_text, tidy_text, empty_to_none, parse_moment)
    modified_at_in = MapCompose(html_to_text, tidy_text, empty_to_none, parse_moment)
    schema_version_in = Identity()

    # Longest value kept per field, in characters (each element for lists); longer ones are cut,
    # logged and counted (newscrawl/text/cut/<field>), so a runaway page cannot make a huge record.
    field_limits: ClassVar[dict[str, int]] = {
        "body": 100_000,
        "body_raw": 100_000,
        "title": 500,
        "lead": 2_000,
    }
    default_field_limit = 2_000

    def load_item(self) -> ArticleItem:
        """The item with the normalized fields computed from the (capped) raw body and printed date."""
        item: ArticleItem = super().load_item()
        now = self.context.get("reference_time") or dt.datetime.now(dt.UTC).replace(microsecond=0)
        item.crawled_at = now.isoformat(timespec="seconds")
        # Cut before normalizing, so that re-normalizing the stored body_raw gives this very record.
        item.body_raw = self._limit("body_raw", item.body_raw) if item.body_raw else None
        fields_ = record_fields(
            item.body_raw,
            item.published_printed,
            item.url if self.context.get("dates_in_url", True) else None,
            hint=self.context.get("hint"),
            default_tz=self.context.get("default_tz", WIB),
            reference_time=now,
            authors=item.authors,
            editor=item.editor,
        )
        for name, value in fields_.items():
            setattr(item, name, value)
        for name, value in vars(item).items():
            if isinstance(value, str):
                setattr(item, name, self._limit(name, value))
            elif isinstance(value, list):
                setattr(item, name, [self._limit(name, v) for v in value])
        return item

    def _limit(self, name: str, value: str) -> str:
        limit = self.field_limits.get(name, self.default_field_limit)
        if len(value) <= limit:
            return value
        note(self.context, f"text/cut/{name}", f"{name} of {len(value)} characters cut to {limit}")
        cut = value[:limit]
        # End on a word boundary when there is one near the limit.
        space = cut.rfind(" ", limit - 200)
        return cut[:space] if space > 0 else cut
