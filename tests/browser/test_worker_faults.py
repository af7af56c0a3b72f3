"""Faults of the service worker that only show under races and odd deploys, in real Chromium.

Each test stages the fault for real (a deploy that changes only the worker, an edge serving old
bytes, two saves at once, a language saved during an update, storage cleared, a full quota) and
checks what a reader would see with the server stopped.
"""

import threading
import time
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_every_page_works_offline,
    evict_everything,
    expected_headings,
    wait_until_saved_offline,
)
from tests.browser.test_update import FailingAsset, check_for_update, open_saved, saved_paths, versions_shown
from tests.missoula import missoula_app
from tests.site_urls import sitemap_paths
from webapp.serving.page_list import offline_copy_urls
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
    worker.write_text(source + "\nself.FIXED = true;\n", encoding="utf-8")  # code: comments are not served
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


def only_the_worker_changed(tmp_path):
    """A version whose every page and asset is byte for byte the active one's: only /sw.js differs."""
    worker = tmp_path / "sw.js"
    source = Path(DefaultConfig.SERVICE_WORKER_SOURCE).read_text(encoding="utf-8")
    worker.write_text(source + "\nself.FIXED = true;\n", encoding="utf-8")  # code: comments are not served
    return missoula_app(tmp_path / "worker-only", SERVICE_WORKER_SOURCE=str(worker))


def usage(page):
    return page.evaluate("navigator.storage.estimate().then((e) => e.usage)")


def save(page, language, worker="navigator.serviceWorker.controller"):
    """Ask a worker to save a language; its answer (SAVED or SAVE_FAILED)."""
    return page.evaluate(
        """([language, worker]) => new Promise((resolve) => {
            navigator.serviceWorker.addEventListener('message', (event) => {
                const data = event.data;
                if (data.language === language && ['SAVED', 'SAVE_FAILED'].includes(data.type)) resolve(data);
            });
            eval(worker).postMessage({type: 'SAVE_LANGUAGE', language});
        })""",
        [language, worker],
    )


def test_a_full_device_during_an_update_says_so_and_leaves_only_the_active_copy(context, live_server, tmp_path):
    """2: a failed try is deleted whole, so the device is no fuller than before and the active
    version's own saves still fit; the page names the full device as the reason."""
    page = open_saved(context, live_server, missoula_app(tmp_path / "v1"))
    [active] = page.evaluate(GUIDE_CACHES)
    english = usage(page)
    assert save(page, "fr")["type"] == "SAVED"
    one_language = usage(page) - english
    # Room for one more language, not for a second copy of the two saved: the update, which copies
    # every unchanged file into a cache of its own, runs out of space part way.
    quota = usage(page) + int(one_language * 1.3)
    cdp = context.new_cdp_session(page)
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": live_server.url, "quotaSize": quota})
    live_server.deploy(only_the_worker_changed(tmp_path))
    assert check_for_update(page) == "redundant"
    assert page.evaluate(GUIDE_CACHES) == [active]
    page.wait_for_selector("#offline-status[data-state='no-space']")  # the reason, said
    assert "out of storage space" in page.locator("#offline-status").inner_text()
    # A deleted cache's room comes back once no worker holds it: the failed one is stopped, as the
    # browser soon stops a worker that lost its place.
    cdp.send("ServiceWorker.enable")
    cdp.send("ServiceWorker.stopAllWorkers")
    answer = save(page, "es")  # the active version still saves a language in the room given back
    print(f"quota {quota} bytes, one language {one_language}: saving Spanish after the failed update: {answer}")
    assert answer["type"] == "SAVED"
    assert page.evaluate(GUIDE_CACHES) == [active]


def test_a_full_device_is_named_on_a_first_visit(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/search/")  # a page of the guide before the worker runs
    cdp = context.new_cdp_session(page)
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": live_server.url, "quotaSize": 40_000})
    page.goto(live_server.url + "/en/")
    page.wait_for_selector("#offline-status[data-state='no-space']", timeout=20_000)
    assert "storage space" in page.locator("#offline-status").inner_text()


def test_a_language_asked_for_before_the_update_is_found_is_saved_by_it_and_the_page_hears(
    context, live_server, versions
):
    """1: the active version cannot save Spanish (the server already has the next version), and
    the browser finds that version only after the page asked: the language is remembered at once,
    the new version saves it, and the page says so."""
    v1, v2 = versions
    page = open_saved(context, live_server, v1)
    # The new version is on the server, but the browser's check of /sw.js waits.
    recorder = Recorder(v2)
    held = Gate(recorder, ["/sw.js"])
    live_server.deploy(held)
    page.goto(live_server.url + "/es/")
    spanish_files = [path for path in offline_copy_urls_of(v2, "es") if path != "/es/"]
    spanish_pages = [path for path in sitemap_paths(v2.test_client()) if path.startswith("/es/")]
    deadline = time.monotonic() + 20
    while not set(recorder.paths) & set(spanish_files) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert set(recorder.paths) & set(spanish_files), "the active version never tried to save Spanish"
    held.opened.set()  # now the browser finds version 2
    page.wait_for_selector("#offline-status[data-state='ready']")
    assert page.locator("#update-ready").is_visible()
    with page.expect_navigation():
        page.locator("#update-reload").click()
    page.wait_for_function("document.querySelector('.version').textContent.includes('2.0.0')")
    live_server.stop()
    shown = versions_shown(page, live_server.url, spanish_pages)
    assert set(shown.values()) == {"Versión 2.0.0-test"}, shown


def offline_copy_urls_of(app, code):
    with app.test_request_context():
        return offline_copy_urls(app.extensions["languages"][code])


def test_a_language_is_downloaded_once_while_an_update_waits(context, live_server, guide_app, tmp_path):
    """3: the page asks one worker to save its language, not the active and the waiting one at
    once; the new version copies what the active one saved."""
    page = open_saved(context, live_server, guide_app)
    recorder = Recorder(only_the_worker_changed(tmp_path))
    live_server.deploy(recorder)
    assert check_for_update(page) == "installed"  # the update waits for the reader's reload
    page.goto(live_server.url + "/fr/")
    page.wait_for_selector("#offline-status[data-state='ready']")
    with page.expect_navigation():
        page.locator("#update-reload").click()  # the new version tops up French from the old copy
    wait_in_page(page, "async () => (await caches.keys()).filter((n) => n.startsWith('guide-v-')).length === 1")
    french = [path for path in offline_copy_urls_of(guide_app, "fr") if path != "/fr/"]  # /fr/: the visit
    asked = [path for path in recorder.paths if path in french]
    twice = sorted({path for path in asked if asked.count(path) > 1})
    print(f"French files: {len(french)}; downloads {len(asked)}; downloaded more than once: {twice}")
    assert twice == [] and set(asked) == set(french)


def test_refresh_restores_what_was_saved_after_the_browser_evicted_everything(context, live_server, guide_app):
    """4: browsers evict a site's storage whole, records included: Refresh restores the saved
    language whole, and the page says what is saved."""
    page = context.new_page()
    page.goto(live_server.url + "/en/about/")
    wait_until_saved_offline(page)
    evict_everything(context, page, live_server.url)
    page.locator("#refresh-offline").click()
    expect(page.locator("#refresh-status")).to_have_text("The offline copy is up to date.")
    expect(page.locator("#saved-languages")).to_contain_text("English")
    live_server.stop()
    assert_every_page_works_offline(page, live_server.url, expected_headings(guide_app))


def test_browsing_a_language_not_saved_opens_the_cache_once(context, live_server, guide_app):
    """5: a page the cache does not hold is fetched from the network, and the cache is not opened
    again for the next request."""
    page = open_saved(context, live_server, guide_app)
    [worker] = context.service_workers
    worker.evaluate(
        """() => {
            self.__opened = 0;
            const open = caches.open.bind(caches), has = caches.has.bind(caches);
            caches.open = (name) => { if (name === CACHE_NAME) self.__opened += 1; return open(name); };
            caches.has = (name) => { if (name === CACHE_NAME) self.__opened += 1; return has(name); };
        }"""
    )
    # The lockdown screen and its cards in French: quiet pages, which ask nothing to be saved.
    french = ["/fr/lockdown/"] + [f"/fr/lockdown/{card['id']}/" for card in guide_app.extensions["guide"].cards]
    for path in french:
        page.goto(live_server.url + path)
        assert page.locator("h1").inner_text() != "You are offline"
    opened = worker.evaluate("self.__opened")  # undefined if the worker had restarted meanwhile
    print(f"{len(french)} pages of a language not saved, online: the cache opened or looked for {opened} times")
    assert opened is not None and opened <= 2
