"""Compressed representations of a response body, made once and reused for every request."""

import gzip

import brotli

# Types worth compressing; images such as PNG are compressed already.
COMPRESSIBLE_SUFFIXES = frozenset({".css", ".js", ".svg", ".json", ".webmanifest", ".html", ".txt", ".xml"})


def compressed(body, encoding, fast=False):
    """One encoding ("br" or "gzip") of a body; see compressed_variants."""
    if encoding == "br":
        return brotli.compress(body, quality=5 if fast else 11)
    return gzip.compress(body, compresslevel=6 if fast else 9, mtime=0)


def compressed_variants(body, fast=False):
    """Return {"br": ..., "gzip": ...} for a body, deterministic (no timestamps) for stable ETags.

    fast: for a body that may be made again and again (one per client-sent Host), cheap settings.
    """
    return {encoding: compressed(body, encoding, fast=fast) for encoding in ("br", "gzip")}
