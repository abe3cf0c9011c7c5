"""The project's own ``NEWSCRAWL_*`` settings, parsed and checked once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scrapy.settings import BaseSettings


@dataclass(frozen=True)
class NewscrawlConfig:
    output_dir: Path
    batch_items: int
    batch_seconds: float
    min_articles: int
    coverage_min: dict[str, float]
    coverage_min_items: int
    max_invalid_share: float
    crash_after_publish: bool

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> NewscrawlConfig:
        batch_items = settings.getint("NEWSCRAWL_BATCH_ITEMS", 200)
        batch_seconds = settings.getfloat("NEWSCRAWL_BATCH_SECONDS", 60.0)
        if batch_items < 1 or batch_seconds <= 0:
            raise ValueError("NEWSCRAWL_BATCH_ITEMS and NEWSCRAWL_BATCH_SECONDS must be positive")
        coverage = {k: float(v) for k, v in settings.getdict("NEWSCRAWL_COVERAGE_MIN").items()}
        return cls(
            output_dir=Path(settings.get("NEWSCRAWL_OUTPUT_DIR") or "output"),
            batch_items=batch_items,
            batch_seconds=batch_seconds,
            min_articles=settings.getint("NEWSCRAWL_MIN_ARTICLES", 1),
            coverage_min=coverage,
            coverage_min_items=settings.getint("NEWSCRAWL_COVERAGE_MIN_ITEMS", 5),
            max_invalid_share=settings.getfloat("NEWSCRAWL_MAX_INVALID_SHARE", 0.2),
            crash_after_publish=settings.getbool("NEWSCRAWL_CRASH_AFTER_PUBLISH"),
        )
