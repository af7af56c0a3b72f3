"""gunicorn settings, read automatically when gunicorn starts in this folder."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# Pages are served from memory, so a worker per core is plenty; at least 2 for overlap.
workers = int(os.environ.get("WEB_CONCURRENCY", max(2, multiprocessing.cpu_count())))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Behind a reverse proxy, trust its X-Forwarded-* headers only from these addresses (the app's own
# ProxyFix is set with GUIDE_PROXY_COUNT).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Build assets and catalogs once, before forking.
preload_app = True
# Access log on standard output; GUNICORN_ACCESSLOG="" turns it off (the benchmark does).
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
