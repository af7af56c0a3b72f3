"""The service worker's precache manifest, built by the server from what it really serves.

Each entry is a URL with a revision (sha256 of the exact bytes served), so any change to any page
or asset changes /sw.js, and the browser installs the new version.
"""

import hashlib
import json

from flask import current_app

from webapp.serving.assets import served_form
from webapp.serving.page_list import offline_copy_urls, served_response
from webapp.translation.i18n import served_languages

REVISION_LENGTH = 16


def precache_manifest():
    """{version, shared: [...], languages: {code: [...]}}, built once per process."""
    app = current_app._get_current_object()
    if "precache_manifest" not in app.extensions:
        app.extensions["precache_manifest"] = _build(app)
    return app.extensions["precache_manifest"]


def _build(app):
    def entry(url):
        response = served_response(app, url)
        if response.status_code != 200:
            raise RuntimeError(f"Precache entry {url} answered {response.status_code}")
        return {"url": url, "revision": hashlib.sha256(response.data).hexdigest()[:REVISION_LENGTH]}

    shared = [entry("/")]
    shared += [{"url": url, "revision": rev} for url, rev in app.extensions["assets"].urls().items()]
    languages = {lang.code: [entry(url) for url in offline_copy_urls(lang)] for lang in served_languages()}
    body = {"shared": shared, "languages": languages}
    # The version covers everything the worker depends on, its own code included: a new worker
    # must never install into (and, failing, damage) the cache the active version serves.
    covered = json.dumps(body, sort_keys=True) + _worker_source(app)
    version = hashlib.sha256(covered.encode()).hexdigest()[:REVISION_LENGTH]
    return {"version": version, **body}


def _worker_source(app):
    with open(app.config["SERVICE_WORKER_SOURCE"], "rb") as fh:
        return served_form(".js", fh.read()).decode("utf-8")


def service_worker_script():
    """The worker's source with its precache manifest in front of it."""
    manifest = json.dumps(precache_manifest(), separators=(",", ":"))
    return f"self.PRECACHE_MANIFEST = {manifest};\n{_worker_source(current_app)}"
