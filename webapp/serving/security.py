"""Security and privacy headers, added to every response: pages, static files, errors, /sw.js.

Applied as WSGI middleware around WhiteNoise and Flask, so no response can miss them.
"""

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "manifest-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        # DOM XSS sinks refuse plain strings. The app's one policy, "guide-sw", allows only its own
        # service worker's address (register() is such a sink); it writes HTML with no sink at all.
        "require-trusted-types-for 'script'",
        "trusted-types guide-sw",
    )
)

BASE_HEADERS = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)

HSTS = ("Strict-Transport-Security", "max-age=63072000; includeSubDomains")


def security_headers(https):
    """The headers every response carries; HSTS only where the request came over HTTPS."""
    return list(BASE_HEADERS) + ([HSTS] if https else [])


class SecurityHeadersMiddleware:
    """Set the security headers on every response, replacing any the inner app set."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        extra = security_headers(environ.get("wsgi.url_scheme") == "https")
        names = {name.lower() for name, _ in extra}

        def start_with_headers(status, headers, exc_info=None):
            kept = [(name, value) for name, value in headers if name.lower() not in names]
            return start_response(status, kept + extra, exc_info)

        return self.wsgi_app(environ, start_with_headers)
