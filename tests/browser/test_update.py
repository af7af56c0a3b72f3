"""Updates: a new version is offered, taken whole on reload; a broken one never installs."""

from tests.browser.conftest import wait_until_saved_offline
from tests.site_urls import sitemap_paths


class FailingAsset:
    """Version 2, except that one page it must download answers 500."""

    def __init__(self, app, failing_path):
        self.app, self.failing_path = app, failing_path

    def __call__(self, environ, start_response):
        if environ["PATH_INFO"] == self.failing_path:
            start_response("500 Internal Server Error", [("Content-Type", "text/plain")])
            return [b"deliberate failure"]
        return self.app(environ, start_response)


# Ask the browser to check /sw.js now; the new worker's final state (an expression, for any engine).
CHECK_FOR_UPDATE = """navigator.serviceWorker.getRegistration().then(async (registration) => {
    await registration.update();
    const worker = registration.installing || registration.waiting;
    if (!worker) return 'none';
    if (worker.state === 'installed') return 'installed';
    return new Promise((resolve) => worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' || worker.state === 'redundant') resolve(worker.state);
    }));
})"""


def check_for_update(page):
    """Ask the browser to check /sw.js now; return the new worker's final state."""
    return page.evaluate(CHECK_FOR_UPDATE)


def saved_paths(app):
    """/ and every English page: what a device that opened the English guide keeps offline."""
    return [p for p in sitemap_paths(app.test_client()) if p == "/" or p.startswith("/en/")]


def open_saved(context, live_server, app):
    """Serve app, open the English home page and wait until it is saved offline."""
    live_server.deploy(app)
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    wait_until_saved_offline(page)
    return page


def versions_shown(page, base_url, paths):
    shown = {}
    for path in paths:
        page.goto(base_url + path)
        if path == "/":
            page.wait_for_url(base_url + "/en/")
        assert page.locator("h1").inner_text() != "You are offline", path
        shown[path] = page.locator(".version").inner_text()
    return shown


def test_new_version_is_offered_and_taken_whole(context, live_server, versions):
    v1, v2 = versions
    paths = saved_paths(v1)
    page = open_saved(context, live_server, v1)
    assert page.locator(".version").inner_text() == "Version 1.0.0-test"

    live_server.deploy(v2)
    assert check_for_update(page) == "installed"
    page.locator("#update-ready").wait_for(state="visible")
    assert page.locator("#update-ready p").inner_text() == "An updated guide is ready."
    with page.expect_navigation():
        page.locator("#update-reload").click()
    assert page.locator(".version").inner_text() == "Version 2.0.0-test"
    assert "and what you can do today." in page.locator("main").inner_text()

    live_server.stop()
    shown = versions_shown(page, live_server.url, paths)
    assert set(shown.values()) == {"Version 2.0.0-test"}
    caches = page.evaluate("caches.keys()")
    assert len([name for name in caches if name.startswith("guide-v-")]) == 1


def test_a_version_with_a_failing_download_never_installs(context, live_server, versions):
    v1, v2 = versions
    paths = saved_paths(v1)
    page = open_saved(context, live_server, v1)
    [serving] = [n for n in page.evaluate("caches.keys()") if n.startswith("guide-v-")]
    keys_before = page.evaluate(f"caches.open('{serving}').then((c) => c.keys()).then((k) => k.map((r) => r.url))")

    # Every page of version 2 differs (its version number), so /en/about/ must be downloaded.
    live_server.deploy(FailingAsset(v2, "/en/about/"))
    assert check_for_update(page) == "redundant"
    assert page.locator("#update-ready").is_hidden()
    # The active version's cache is untouched. (What the failed try saved stays in a cache of its
    # own, so that the next try copies it instead of downloading it again.)
    keys_after = page.evaluate(f"caches.open('{serving}').then((c) => c.keys()).then((k) => k.map((r) => r.url))")
    assert sorted(keys_after) == sorted(keys_before)

    live_server.stop()
    assert set(versions_shown(page, live_server.url, paths).values()) == {"Version 1.0.0-test"}

    # The next visit, with version 2 working, retries and succeeds.
    live_server.start()
    live_server.deploy(v2)
    page.goto(live_server.url + "/en/")
    assert check_for_update(page) == "installed"
    page.locator("#update-ready").wait_for(state="visible")
