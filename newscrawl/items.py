"""The article record every spider emits (see README and article.schema.json)."""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION = 2


@dataclass
class ArticleItem:
    url: str | None = None
    canonical_url: str | None = None
    url_hash: str | None = None
    site: str | None = None
    spider: str | None = None
    title: str | None = None
    lead: str | None = None
    body: str | None = None
    dateline_location: str | None = None
    dateline_outlet: str | None = None
    editor_tag: str | None = None
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    published_at: str | None = None
    modified_at: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    image_url: str | None = None
    image_caption: str | None = None
    language: str | None = None
    crawled_at: str | None = None
    # What the rules read, so that stored records can be normalized again (schema version 2).
    body_raw: str | None = None
    published_printed: str | None = None
    schema_version: int = SCHEMA_VERSION
