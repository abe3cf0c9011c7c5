"""One module per site; shared behaviour lives in ``newscrawl.spiders.base``."""
