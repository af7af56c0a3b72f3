"""Who may use the studio: this computer only, with the secret in the address the studio printed,
and for every change the page's own CSRF token. The studio edits files, so a page from anywhere
else (another site open in the browser, a name that points at this computer) gets nothing.
"""

import hmac

from flask import abort, current_app, request

# What the studio's pages may load and do: its own files only; no request leaves the computer.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # the form library sets styles as it draws
        "img-src 'self' data:",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
    )
)
LOCAL_HOSTS = ("127.0.0.1", "localhost")
CHANGES = ("POST", "PUT", "PATCH", "DELETE")
PUBLIC_PREFIX = "/static/"  # the guide's own scripts and styles, for the preview: public anyway


def init_app(app):
    app.before_request(_only_from_this_computer)
    app.after_request(_headers)


def _same(given, expected):
    return hmac.compare_digest((given or "").encode(), expected.encode())


def _only_from_this_computer():
    if request.host.rsplit(":", 1)[0] not in LOCAL_HOSTS:
        abort(403, "The studio answers only on this computer: open the address it printed.")
    if request.method not in ("GET", "HEAD") or not request.path.startswith(PUBLIC_PREFIX):
        parts = request.path.split("/", 2)
        if len(parts) < 3 or not _same(parts[1], current_app.config["STUDIO_TOKEN"]):
            abort(404)
    if request.method in CHANGES:
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{request.host}":
            abort(403, "A change must come from the studio's own page.")
        if not _same(request.headers.get("X-CSRF-Token"), current_app.config["CSRF_TOKEN"]):
            abort(403, "A change must come from the studio's own page: reload it.")


def _headers(response):
    # A review sheet keeps its own, stricter policy (no request at all); every other page gets this.
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers["Referrer-Policy"] = "no-referrer"  # the address holds the secret
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    return response
