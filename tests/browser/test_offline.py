"""After one visit, every page works with the server stopped, and the first page says so."""

from tests.browser.conftest import (
    CHROMIUM_ARGS,
    PHONE,
    assert_every_page_works_offline,
    expected_headings,
    heading_of,
    wait_until_saved_offline,
)


def test_first_visit_shows_progress_then_ready_offline(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    wait_until_saved_offline(page)
    assert page.locator("#offline-status").inner_text() == "Ready offline: this guide now works without internet."
    assert page.locator("#offline-progress").is_hidden()
    assert page.evaluate("navigator.serviceWorker.controller !== null")


def test_every_page_works_with_the_server_stopped(context, live_server, guide_app):
    headings = expected_headings(guide_app)
    assert len(headings) == 19  # / and the eighteen English pages
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    wait_until_saved_offline(page)
    live_server.stop()

    assert_every_page_works_offline(page, live_server.url, headings)
    for path in headings:
        page.goto(live_server.url + path)
        assert page.locator("a[href='tel:911']").first.is_visible(), path


def test_an_unsaved_page_offline_gets_the_offline_page(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    wait_until_saved_offline(page)
    live_server.stop()
    page.goto(live_server.url + "/en/not-a-saved-page/")
    assert heading_of(page) == "You are offline"
    assert page.locator("a[href='tel:911']").first.is_visible()


def test_offline_copy_survives_a_browser_restart_with_the_server_stopped(
    playwright_instance, chromium_path, live_server, tmp_path
):
    # The browser itself is closed and started again on the same profile, as a phone does.
    profile = tmp_path / "profile"

    def launch():
        return playwright_instance.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path, args=CHROMIUM_ARGS, viewport=PHONE
        )

    browser = launch()
    try:
        first = browser.new_page()
        first.goto(live_server.url + "/en/cards/")
        wait_until_saved_offline(first)
    finally:
        browser.close()  # the whole browser: its process ends
    live_server.stop()
    restarted = launch()
    try:
        page = restarted.new_page()
        page.goto(live_server.url + "/en/lockdown/")
        assert heading_of(page) == "Lockdown"
        assert page.evaluate("navigator.serviceWorker.controller !== null")
    finally:
        restarted.close()
