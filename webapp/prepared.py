"""Responses rendered once and served from memory with an ETag, compression and 304s.

Pages depend on nothing but the URL, so each is rendered once per process (per language and
version) and then only negotiated: identity, gzip or br, and If-None-Match.
"""

import hashlib
from dataclasses import dataclass, field
from functools import wraps

from flask import Response, current_app, request

from webapp.compression import compressed_variants

# br first: it is the smaller one when the client takes both.
ENCODING_PREFERENCE = ("br", "gzip")


@dataclass(frozen=True)
class PreparedBody:
    body: bytes
    mimetype: str
    status: int = 200
    etag: str = ""
    variants: dict = field(default_factory=dict)

    @classmethod
    def from_text(cls, text, mimetype="text/html", status=200):
        body = text.encode("utf-8")
        return cls(
            body=body,
            mimetype=mimetype,
            status=status,
            etag=hashlib.sha256(body).hexdigest()[:32],
            variants=compressed_variants(body),
        )

    def respond(self, cache_control="no-cache"):
        """Negotiate encoding and revalidation for the current request."""
        encoding = _chosen_encoding(self.variants)
        etag = f"{self.etag}-{encoding}" if encoding else self.etag
        headers = {"Cache-Control": cache_control, "Vary": "Accept-Encoding", "ETag": f'"{etag}"'}
        if self.status == 200 and request.if_none_match.contains_weak(etag):
            return Response(status=304, headers=headers)
        body = self.variants[encoding] if encoding else self.body
        if encoding:
            headers["Content-Encoding"] = encoding
        mimetype = self.mimetype
        if mimetype.startswith("text/") or mimetype.endswith(("+xml", "javascript")):
            mimetype += "; charset=utf-8"
        return Response(body, status=self.status, headers=headers, content_type=mimetype)


def _chosen_encoding(variants):
    accepted = request.accept_encodings
    for encoding in ENCODING_PREFERENCE:
        if encoding in variants and accepted[encoding] > 0:
            return encoding
    return None


def prepared_cache():
    return current_app.extensions["prepared_bodies"]


def prepared(mimetype="text/html", cache_control="no-cache", per_host=False):
    """Decorate a view returning text: render once per URL path, then serve from memory.

    per_host: the body holds absolute URLs built from the request's host (sitemap, robots.txt).
    """

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            cache = prepared_cache()
            key = (request.host_url if per_host else "", request.path)
            entry = cache.get(key)
            if entry is None:
                entry = cache[key] = PreparedBody.from_text(view(*args, **kwargs), mimetype)
            return entry.respond(cache_control)

        return wrapper

    return decorator
