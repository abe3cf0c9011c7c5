"""newscrawl: regional Indonesian news into clean, deduplicated JSON Lines."""

import os

# Scrapy's cookie middleware asks tldextract for the Public Suffix List, which it would download
# from the internet on first use: an empty URL list makes it use the snapshot it ships.
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
