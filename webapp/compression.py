"""Compressed representations of a response body, made once and reused for every request."""

import gzip

import brotli

# Types worth compressing; images such as PNG are compressed already.
COMPRESSIBLE_SUFFIXES = frozenset({".css", ".js", ".svg", ".json", ".webmanifest", ".html", ".txt", ".xml"})


def compressed_variants(body):
    """Return {"br": ..., "gzip": ...} for a body, deterministic (no timestamps) for stable ETags."""
    return {
        "br": brotli.compress(body, quality=11),
        "gzip": gzip.compress(body, compresslevel=9, mtime=0),
    }
