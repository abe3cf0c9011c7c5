"""Offline copies of outlets (our own article text) and the scripts that build them."""
