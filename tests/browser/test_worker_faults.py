"""Faults of the service worker that only show under races and odd deploys, in real Chromium.

Each test stages the fault for real (a deploy that changes only the worker, an edge serving old
bytes, two saves at once, a language saved during an update, storage cleared, a full quota) and
checks what a reader would see with the server stopped.
"""

import threading
import time
from pathlib import Path

from tests.browser.conftest import wait_until_saved_offline
from tests.browser.test_update import FailingAsset, check_for_update, open_saved, saved_paths, versions_shown
from tests.missoula import missoula_app
from webapp.page_list import offline_copy_urls
from webapp.settings import DefaultConfig

GUIDE_CACHES = "(async () => (await caches.keys()).filter((n) => n.startsWith('guide-v-')))()"


class Recorder:
    """The app, recording every path it is asked for."""

    def __init__(self, app):
        self.app, self.paths = app, []

    def __call__(self, environ, start_response):
        self.paths.append(environ["PATH_INFO"])
        return self.app(environ, start_response)


class MixedEdge:
    """A CDN in the middle of a deploy: version 2, except that some paths still get version 1."""

    def __init__(self, new, old, old_paths):
        self.new, self.old, self.old_paths = new, old, set(old_paths)

    def __call__(self, environ, start_response):
        app = self.old if environ["PATH_INFO"] in self.old_paths else self.new
        return app(environ, start_response)


class Gate:
    """The app, except that some paths wait until the test opens the gate."""

    def __init__(self, app, paths):
        self.app, self.paths = app, set(paths)
        self.opened = threading.Event()
        self.started = self.finished = 0
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if environ["PATH_INFO"] not in self.paths:
            return self.app(environ, start_response)
        with self.lock:
            self.started += 1
        self.opened.wait(30)
        try:
            return self.app(environ, start_response)
        finally:
            with self.lock:
                self.finished += 1


def wait_in_page(page, predicate, arg=None, timeout_ms=20_000):
    """Poll an async predicate in the page until it is true (Playwright's wait_for_function does
    not await a promise); fail if it never is."""
    assert page.evaluate(
        """async ([source, arg, timeout]) => {
            const predicate = eval(source);
            for (const end = Date.now() + timeout; Date.now() < end; ) {
                if (await predicate(arg)) return true;
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            return false;
        }""",
        [predicate, arg, timeout_ms],
    ), predicate


def saved_languages(page):
    return page.evaluate(
        """() => new Promise((resolve) => {
            navigator.serviceWorker.addEventListener('message', (e) => {
                if (e.data.type === 'STATUS') resolve(e.data.languages.sort());
            });
            navigator.serviceWorker.controller.postMessage({type: 'STATUS'});
        })"""
    )


def cached_paths(page, besides=""):
    """URL paths in the guide's caches, except the one named besides."""
    return set(
        page.evaluate(
            """async (besides) => {
                const paths = [];
                for (const name of await caches.keys()) {
                    if (!name.startsWith('guide-v-') || name === besides) continue;
                    const cache = await caches.open(name);
                    for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
                }
                return paths;
            }""",
            besides,
        )
    )


def test_an_update_of_the_worker_alone_that_fails_leaves_the_old_copy_whole(context, live_server, guide_app, tmp_path):
    """1: the cache's version covers the worker's own code, so a failed install of a new worker
    never deletes the cache the old one serves."""
    page = open_saved(context, live_server, guide_app)
    # The browser evicted one saved file; the new worker will have to download it, and fails.
    page.evaluate(
        """async () => {
            const [name] = (await caches.keys()).filter((n) => n.startsWith('guide-v-'));
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
                if (new URL(request.url).pathname === '/en/about/') await cache.delete(request);
            }
        }"""
    )
    worker = tmp_path / "sw.js"
    source = Path(DefaultConfig.SERVICE_WORKER_SOURCE).read_text(encoding="utf-8")
    worker.write_text(source + "\n// a fix\n", encoding="utf-8")
    only_worker_changed = missoula_app(tmp_path / "v1b", SERVICE_WORKER_SOURCE=str(worker))
    live_server.deploy(FailingAsset(only_worker_changed, "/en/about/"))
    assert check_for_update(page) == "redundant"

    live_server.stop()
    paths = [path for path in saved_paths(guide_app) if path != "/en/about/"]
    assert set(versions_shown(page, live_server.url, paths).values()) == {"Version 1.0.0"}


def test_an_edge_still_serving_old_pages_never_makes_a_mixed_copy(context, live_server, versions):
    """3: every download is checked against the revision the manifest gives it."""
    v1, v2 = versions
    page = open_saved(context, live_server, v1)
    live_server.deploy(MixedEdge(v2, v1, ["/en/about/"]))
    assert check_for_update(page) == "redundant"
    live_server.stop()
    assert set(versions_shown(page, live_server.url, saved_paths(v1)).values()) == {"Version 1.0.0-test"}


def test_refreshing_the_copy_never_mixes_in_what_the_server_has_now(context, live_server, versions):
    """2: "Refresh the offline copy" writes only bytes of the version that is active."""
    v1, v2 = versions
    page = open_saved(context, live_server, v1)
    live_server.deploy(v2)
    page.goto(live_server.url + "/en/about/")
    page.evaluate(
        """() => new Promise((resolve) => {
            navigator.serviceWorker.addEventListener('message', (event) => {
                if (event.data.type === 'REFRESHED') resolve(event.data);
            });
            navigator.serviceWorker.controller.postMessage({type: 'REFRESH'});
        })"""
    )
    live_server.stop()
    assert set(versions_shown(page, live_server.url, saved_paths(v1)).values()) == {"Version 1.0.0-test"}


def test_two_languages_saved_at_the_same_moment_are_both_kept(context, live_server, guide_app):
    """5: one record per language, so two saves at once cannot overwrite each other."""
    page = context.new_page()
    for code in ("es", "fr", "en"):
        page.goto(f"{live_server.url}/{code}/")
        wait_until_saved_offline(page)
    saved = page.evaluate(
        """async () => {
            // Forget which languages are saved (their files stay), then save two at the same moment.
            const meta = await caches.open('guide-meta');
            for (const request of await meta.keys()) await meta.delete(request);
            const worker = navigator.serviceWorker.controller;
            const done = new Set();
            const both = new Promise((resolve) => navigator.serviceWorker.addEventListener('message', (event) => {
                if (event.data.type === 'SAVED') done.add(event.data.language);
                if (done.size === 2) resolve();
            }));
            worker.postMessage({type: 'SAVE_LANGUAGE', language: 'es'});
            worker.postMessage({type: 'SAVE_LANGUAGE', language: 'fr'});
            await both;
            return new Promise((resolve) => {
                navigator.serviceWorker.addEventListener('message', (event) => {
                    if (event.data.type === 'STATUS') resolve(event.data.languages.sort());
                });
                worker.postMessage({type: 'STATUS'});
            });
        }"""
    )
    assert saved == ["es", "fr"]


def test_a_language_saved_while_an_update_installs_is_kept_by_the_new_version(context, live_server, versions):
    """6: activate tops up every saved language before it deletes the old version's cache."""
    v1, v2 = versions
    page = open_saved(context, live_server, v1)
    # Mid-deploy: the new worker is on the server, while Spanish pages still come, slowly, as v1.
    with v1.test_request_context():
        spanish_copy = offline_copy_urls(v1.extensions["languages"]["es"])
    # One file held back keeps the Spanish save from finishing (one connection of the browser's six).
    spanish_v1 = Gate(v1, spanish_copy[-1:])
    live_server.deploy(MixedEdge(v2, spanish_v1, spanish_copy))
    page.evaluate("navigator.serviceWorker.controller.postMessage({type: 'SAVE_LANGUAGE', language: 'es'})")
    deadline = time.monotonic() + 20
    while not spanish_v1.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert spanish_v1.started, "the Spanish save never started"
    # Version 2 installs now, before the Spanish save is recorded: it does not know of Spanish.
    assert check_for_update(page) == "installed"
    spanish_v1.opened.set()
    wait_in_page(page, "async () => (await caches.open('guide-meta')).match('/__guide/saved/es').then(Boolean)")
    live_server.deploy(v2)  # the deploy is complete
    with page.expect_navigation():
        page.locator("#update-reload").click()
    page.wait_for_function("document.querySelector('.version').textContent.includes('2.0.0')")
    live_server.stop()
    spanish = [path.replace("/en/", "/es/", 1) for path in saved_paths(v2) if path.startswith("/en/")]
    shown = versions_shown(page, live_server.url, spanish)
    assert all("2.0.0-test" in version for version in shown.values()), shown


def test_the_fetch_path_never_creates_a_cache(context, live_server, guide_app):
    """7: a cache deleted (by activate, or by the browser) is not brought back by a request."""
    page = open_saved(context, live_server, guide_app)
    [name] = page.evaluate(GUIDE_CACHES)
    page.evaluate(f"caches.delete('{name}')")
    status = page.evaluate("fetch('/en/cards/').then((r) => r.status)")
    assert status == 200  # from the network
    assert page.evaluate(GUIDE_CACHES) == []


def test_a_failed_save_stops_saying_saving(context, live_server, guide_app):
    """4: after a failure no more progress is shown: the page says it failed, and stays so."""
    failing = FailingAsset(guide_app, "/en/about/")
    gate = Gate(failing, ["/en/safety/", "/en/report/", "/en/search/", "/en/parents/"])
    live_server.deploy(gate)
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    page.wait_for_selector("#offline-status[data-state='failed']", timeout=20_000)
    gate.opened.set()
    # Wait until every held download has been answered and the worker has stored them.
    wait_in_page(
        page,
        """async (held) => {
            const names = (await caches.keys()).filter((n) => n.startsWith('guide-v-'));
            if (!names.length) return false;
            const keys = await (await caches.open(names[0])).keys();
            const paths = new Set(keys.map((k) => new URL(k.url).pathname));
            return held.paths.filter((p) => paths.has(p)).length >= held.started;
        }""",
        {"paths": sorted(gate.paths), "started": gate.started},
    )
    page.evaluate(
        """() => new Promise((resolve) => {
            navigator.serviceWorker.addEventListener('message', (e) => e.data.type === 'STATUS' && resolve());
            navigator.serviceWorker.controller.postMessage({type: 'STATUS'});
        })"""
    )
    assert page.locator("#offline-status").get_attribute("data-state") == "failed"
    assert page.locator("#offline-progress").is_hidden()


def test_a_full_device_says_so_and_the_retry_downloads_only_what_is_missing(context, live_server, versions):
    """And: a full quota is named as such, and what was saved before it is not downloaded again."""
    v1, v2 = versions
    page = open_saved(context, live_server, v1)
    [old_cache] = page.evaluate(GUIDE_CACHES)
    cdp = context.new_cdp_session(page)
    usage = page.evaluate("navigator.storage.estimate().then((e) => e.usage)")
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": live_server.url, "quotaSize": usage + 60_000})
    first = Recorder(v2)
    live_server.deploy(first)
    assert check_for_update(page) == "redundant"
    kept = cached_paths(page, besides=old_cache)
    assert kept, "what the first try saved before the device was full is kept for the next"
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": live_server.url})
    second = Recorder(v2)
    live_server.deploy(second)
    assert check_for_update(page) == "installed"
    downloaded_again = {path for path in second.paths if path in set(first.paths)} & kept
    print(
        f"quota: {len(set(first.paths))} files asked for before the device was full; asked again: "
        f"{len(downloaded_again)}"
    )
    assert downloaded_again == set()


def test_a_full_device_is_named_on_a_first_visit(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/search/")  # a page of the guide before the worker runs
    cdp = context.new_cdp_session(page)
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": live_server.url, "quotaSize": 40_000})
    page.goto(live_server.url + "/en/")
    page.wait_for_selector("#offline-status[data-state='no-space']", timeout=20_000)
    assert "storage space" in page.locator("#offline-status").inner_text()
