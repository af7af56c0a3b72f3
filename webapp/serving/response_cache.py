"""Responses rendered once and served from memory with an ETag, compression and 304s.

Pages depend on nothing but the URL, so each is rendered once per process (per language and
version) and then only negotiated: identity, gzip or br, and If-None-Match.
"""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import wraps
from http import HTTPStatus

from flask import Response, current_app, request
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.http import parse_accept_header, parse_etags

from webapp.serving.compression import compressed
from webapp.translation.i18n import language_of

# br first: it is the smaller one when the client takes both.
ENCODING_PREFERENCE = ("br", "gzip")
# Bodies that hold the request's own address (no public address configured) are kept for this
# many hosts at most: memory must not grow with the Host headers clients send.
PER_HOST_LIMIT = 8
IMMUTABLE = "public, max-age=31536000, immutable"  # a body whose address changes with its content


@dataclass(frozen=True)
class PreparedBody:
    body: bytes
    mimetype: str
    status: int = 200
    etag: str = ""
    cache_control: str = "no-cache"
    fast: bool = False
    # Compressed only when a client first asks for that encoding (or when wsgi.py warms every
    # page before gunicorn forks): a test or a command that never asks never pays brotli-11.
    variants: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_text(cls, text, mimetype="text/html", status=200, cache_control="no-cache", fast=False):
        """A body from text, or from bytes as they are (a recording)."""
        body = text if isinstance(text, bytes) else text.encode("utf-8")
        return cls(
            body=body,
            mimetype=mimetype,
            status=status,
            etag=hashlib.sha256(body).hexdigest()[:32],
            cache_control=cache_control,
            fast=fast,
        )

    def variant(self, encoding):
        if encoding not in self.variants:
            self.variants[encoding] = compressed(self.body, encoding, fast=self.fast)
        return self.variants[encoding]

    def warm(self):
        """Compress now, in every encoding (before the workers fork, so that they share it)."""
        for encoding in ENCODING_PREFERENCE:
            self.variant(encoding)

    def negotiate(self, accept_encoding, if_none_match):
        """(status, headers, body) for the given request headers; shared by Flask and the fast path."""
        accepted = parse_accept_header(accept_encoding or "")
        # Sound is compressed already: sent as it is.
        compressible = not self.mimetype.startswith("audio/")
        encoding = next((e for e in ENCODING_PREFERENCE if compressible and accepted[e] > 0), None)
        etag = f"{self.etag}-{encoding}" if encoding else self.etag
        headers = [("Cache-Control", self.cache_control), ("Vary", "Accept-Encoding"), ("ETag", f'"{etag}"')]
        if self.status == 200 and if_none_match and parse_etags(if_none_match).contains_weak(etag):
            return 304, headers, b""
        body = self.variant(encoding) if encoding else self.body
        if encoding:
            headers.append(("Content-Encoding", encoding))
        mimetype = self.mimetype
        if mimetype.startswith("text/") or mimetype.endswith(("+xml", "javascript")):
            mimetype += "; charset=utf-8"
        headers += [("Content-Type", mimetype), ("Content-Length", str(len(body)))]
        return self.status, headers, body

    def respond(self):
        """A Flask response for the current request."""
        status, headers, body = self.negotiate(
            request.headers.get("Accept-Encoding"), request.headers.get("If-None-Match")
        )
        response = Response(body, status=status)
        response.headers.clear()
        for name, value in headers:
            response.headers[name] = value
        return response


def prepared_cache():
    return current_app.extensions["prepared_bodies"]


class BoundedCache(OrderedDict):
    """A dict that forgets its least recently used entries beyond a limit."""

    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def get(self, key, default=None):
        if key in self:
            self.move_to_end(key)
        return super().get(key, default)

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)


def _cache_and_key(per_host):
    """Where a prepared body lives. With a public address, or for a body that does not depend on
    the host, one entry per path; otherwise per host, in a cache of at most PER_HOST_LIMIT."""
    if not per_host or current_app.config["PUBLIC_BASE_URL"]:
        return prepared_cache(), ("", request.path)
    per_host_bodies = current_app.extensions.setdefault("per_host_bodies", BoundedCache(PER_HOST_LIMIT))
    return per_host_bodies, (request.host_url, request.path)


def prepared(mimetype="text/html", cache_control="no-cache", per_host=False):
    """Decorate a view returning text (or bytes): render once per URL path, then serve from memory.

    per_host: the body holds absolute URLs built from the address it is served at (sitemap,
    robots.txt, the poster's QR code) when no public address is configured.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            cache, key = _cache_and_key(per_host)
            entry = cache.get(key)
            if entry is None:
                fast = cache is not prepared_cache()  # a per-host body may be made for every client
                entry = PreparedBody.from_text(view(*args, **kwargs), mimetype, cache_control=cache_control, fast=fast)
                cache[key] = entry
            return entry.respond()

        return wrapper

    return decorator


class PreparedPagesMiddleware:
    """Serve pages already prepared straight from memory, before Flask's dispatch.

    A page is prepared the first time Flask renders it (or at start-up, see wsgi.py); after that,
    GET and HEAD for that path are answered here with the very same status, headers and bytes.
    """

    def __init__(self, wsgi_app, cache, app=None):
        self.wsgi_app = wsgi_app
        self.cache = cache
        self.app = app

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        entry = self.cache.get(("", environ.get("PATH_INFO", ""))) if method in ("GET", "HEAD") else None
        if entry is None and method in ("GET", "HEAD") and self.app is not None:
            entry = self._not_found(environ)
        if entry is None or environ.get("QUERY_STRING"):
            return self.wsgi_app(environ, start_response)
        status, headers, body = entry.negotiate(environ.get("HTTP_ACCEPT_ENCODING"), environ.get("HTTP_IF_NONE_MATCH"))
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [b""] if method == "HEAD" or status == 304 else [body]

    def _not_found(self, environ):
        """The 404 page already made for this language, when no route matches: the same bytes as
        Flask's error handler gives (webapp/serving/errors.py), at the cost of a page from memory."""
        bodies = self.app.extensions.get("error_bodies", {})
        if not bodies:
            return None
        try:
            self.app.url_map.bind_to_environ(environ).match()
        except NotFound:
            languages = self.app.extensions["languages"]
            default = languages[self.app.config["DEFAULT_LANGUAGE"]]
            language = language_of(
                environ.get("PATH_INFO", ""), environ.get("HTTP_ACCEPT_LANGUAGE"), languages, default
            )
            return bodies.get((404, language.code))
        except HTTPException:
            pass  # a redirect (a missing slash) or a wrong method: Flask answers those
        return None
