"""The service worker's precache manifest, built by the server from what it really serves.

Each entry is a URL with a revision (sha256 of the exact bytes served), so any change to any page
or asset changes /sw.js, and the browser installs the new version.
"""

import hashlib
import json

from flask import current_app

from webapp.i18n import served_languages
from webapp.site_pages import manifest_url, offline_url, page_urls, search_index_url

REVISION_LENGTH = 16


def precache_manifest():
    """{version, shared: [...], languages: {code: [...]}}, built once per process."""
    app = current_app._get_current_object()
    if "precache_manifest" not in app.extensions:
        app.extensions["precache_manifest"] = _build(app)
    return app.extensions["precache_manifest"]


def _build(app):
    client = app.test_client()

    def entry(url):
        # A fresh app context for each page: a request made inside another request would reuse
        # the caller's `g`, and with it the caller's language and Flask-Babel's cached locale.
        with app.app_context():
            response = client.get(url, headers={"Accept-Encoding": "identity"})
        if response.status_code != 200:
            raise RuntimeError(f"Precache entry {url} answered {response.status_code}")
        return {"url": url, "revision": hashlib.sha256(response.data).hexdigest()[:REVISION_LENGTH]}

    shared = [entry("/")]
    shared += [{"url": url, "revision": rev} for url, rev in app.extensions["assets"].urls().items()]
    languages = {
        lang.code: [
            entry(url) for url in [*page_urls(lang), offline_url(lang), manifest_url(lang), search_index_url(lang)]
        ]
        for lang in served_languages()
    }
    body = {"shared": shared, "languages": languages}
    version = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:REVISION_LENGTH]
    return {"version": version, **body}


def service_worker_script():
    """The worker's source with its precache manifest in front of it."""
    with open(current_app.config["SERVICE_WORKER_SOURCE"], encoding="utf-8") as fh:
        source = fh.read()
    manifest = json.dumps(precache_manifest(), separators=(",", ":"))
    return f"self.PRECACHE_MANIFEST = {manifest};\n{source}"
