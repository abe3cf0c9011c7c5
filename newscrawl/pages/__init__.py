"""Page objects: extraction of article pages, one class per layout."""

from __future__ import annotations

from newscrawl.pages.base import ArticlePage
from newscrawl.pages.radar import RadarArticlePage
from newscrawl.pages.times import TimesArticlePage
from newscrawl.pages.tribun import DetikArticlePage, TribunArticlePage
from newscrawl.pages.varient import VarientArticlePage
from newscrawl.pages.wordpress import MemoxArticlePage, TagDivArticlePage, WordPressArticlePage

# Outlet.layout -> the page class that reads it.
LAYOUTS: dict[str, type[ArticlePage]] = {
    "default": ArticlePage,
    "varient": VarientArticlePage,
    "wordpress": WordPressArticlePage,
    "tagdiv": TagDivArticlePage,
    "memox": MemoxArticlePage,
    "radar": RadarArticlePage,
    "times": TimesArticlePage,
    "tribun": TribunArticlePage,
    "detik": DetikArticlePage,
}
