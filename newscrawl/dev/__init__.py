"""Development tools: offline site copies, their server, make demo and make bench.

Nothing here runs in a production crawl.
"""
