"""Faults in a real browser: the old version stays whole, the copy completes, nothing mixes."""

import time

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_every_page_works_offline,
    evict_everything,
    expected_headings,
    heading_of,
    wait_until_saved_offline,
)
from tests.browser.test_update import check_for_update, open_saved, saved_paths, versions_shown
from tests.browser.test_worker_faults import Gate
from webapp.serving.page_list import offline_copy_urls

WAIT_FOR_NO_PENDING_WORKER = """async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    for (let i = 0; i < 200 && (registration.installing || registration.waiting); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return {installing: Boolean(registration.installing), waiting: Boolean(registration.waiting)};
}"""


def test_server_stopping_in_the_middle_of_an_update_leaves_the_old_version_whole(context, live_server, versions):
    v1, v2 = versions
    page = open_saved(context, live_server, v1)
    held = Gate(v2, ["/en/about/"])  # answered only after the server has stopped
    live_server.deploy(held)
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => { r.update(); })")
    deadline = time.monotonic() + 20
    while not held.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert held.started, "the update never started downloading"
    live_server.stop()  # mid-install: /en/about/ is still on its way
    held.opened.set()
    assert page.evaluate(WAIT_FOR_NO_PENDING_WORKER) == {"installing": False, "waiting": False}
    assert set(versions_shown(page, live_server.url, saved_paths(v1)).values()) == {"Version 1.0.0-test"}

    # The next visit, online again, retries and gets the update.
    live_server.start()
    live_server.deploy(v2)
    page.goto(live_server.url + "/en/")
    assert check_for_update(page) == "installed"


def test_a_page_opened_while_the_copy_is_saving_works_and_the_copy_completes(context, live_server, guide_app):
    held = ["/en/about/", "/en/search-index.json"]  # the rest of the copy goes on meanwhile
    with guide_app.test_request_context():
        english_entries = len(offline_copy_urls(guide_app.extensions["languages"]["en"]))
    gate = Gate(guide_app, held)  # these files come only once the second page has opened
    live_server.deploy(gate)
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    expect(page.locator("#offline-status")).to_have_attribute("data-state", "saving", timeout=20_000)
    page.goto(live_server.url + "/en/report/")  # while the copy is still downloading
    assert heading_of(page) == "Report a concern"
    assert gate.finished == 0, "the copy was still saving when the page opened"
    gate.opened.set()
    saved = page.evaluate(
        """async (expected) => {
            for (let i = 0; i < 300; i += 1) {
                const names = (await caches.keys()).filter((n) => n.startsWith('guide-v-'));
                if (names.length) {
                    const keys = await (await caches.open(names[0])).keys();
                    const english = keys.filter((k) => new URL(k.url).pathname.startsWith('/en/')).length;
                    if (english >= expected) return english;
                }
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            return 0;
        }""",
        english_entries,
    )
    assert saved >= english_entries
    live_server.stop()
    assert_every_page_works_offline(page, live_server.url, expected_headings(guide_app))


def test_storage_cleared_by_the_browser_is_rebuilt_on_the_next_visit(context, live_server, guide_app):
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    wait_until_saved_offline(page)
    evict_everything(context, page, live_server.url)
    page.reload()
    wait_until_saved_offline(page)  # it says so: "Ready offline"
    live_server.stop()
    assert_every_page_works_offline(page, live_server.url, expected_headings(guide_app))


def test_two_tabs_during_an_update_never_mix_versions(context, live_server, versions):
    v1, v2 = versions
    first = open_saved(context, live_server, v1)
    second = context.new_page()
    second.goto(live_server.url + "/en/cards/")
    assert second.evaluate("navigator.serviceWorker.controller !== null")
    live_server.deploy(v2)
    assert check_for_update(first) == "installed"
    expect(second.locator("#update-ready")).to_be_visible()
    with first.expect_navigation(), second.expect_navigation():
        first.locator("#update-reload").click()
    for page in (first, second):
        expect(page.locator(".version")).to_have_text("Version 2.0.0-test")
    assert "If someone is attacking: Avoid, Deny, Defend" in second.locator("h1").inner_text()
