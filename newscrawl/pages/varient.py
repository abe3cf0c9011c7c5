"""Article pages of Varient sites (nusadaily.com and the other rows of networks/varient.py).

What Varient prints that the base layers would get wrong: ``meta[name=author]``
is the site's name, ``og:image`` is the bare site root when a post has no image,
``article:published_time`` has no zone, ``article:modified_time`` is printed even
for posts never edited, and the template strips every ``</p>``, with in-article
ad blocks (``div.container-bn…``) between the paragraphs.
"""

from __future__ import annotations

from typing import Any

from newscrawl.pages.base import ArticlePage

_AD_BLOCK = "contains(concat(' ', normalize-space(@class)), ' container-bn')"


class VarientArticlePage(ArticlePage):
    def layout_title(self) -> Any:
        return self.response.css("h1.post-title").get()

    def layout_lead(self) -> Any:
        return self.response.css("h2.post-summary").get()

    def layout_body(self) -> Any:
        """Each paragraph, and any text left between an ad block and the next ``<p>``."""
        paragraphs = []
        for node in self.response.xpath('//div[contains(@class, "post-text")][1]/node()'):
            if node.xpath(f"self::div[{_AD_BLOCK}] | self::div[contains(@class, 'ads')]"):
                continue
            paragraphs.append(node.get())
        return paragraphs

    def layout_authors(self) -> Any:
        return self.response.css(".post-details-meta .item-meta-author span").getall()

    def layout_published_at(self) -> Any:
        return self.response.css(".item-meta-date span").get()

    def layout_modified_at(self) -> Any:
        dates = self.response.css(".item-meta-date span").getall()
        return dates[1] if len(dates) > 1 else None

    def layout_category(self) -> Any:
        return self.response.css("span.badge-category").get()

    def layout_tags(self) -> Any:
        return self.response.css(".post-tags ul li a").getall()

    def layout_image_url(self) -> Any:
        src = self.response.css(".post-image-inner img.center-image::attr(src)").get()
        return self.real_image(self.response.urljoin(src)) if src else None

    def layout_image_caption(self) -> Any:
        return self.response.css("figcaption.img-description").get()
