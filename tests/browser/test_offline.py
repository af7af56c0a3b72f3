"""After one visit, every page works with the server stopped, and the first page says so."""

from tests.browser.conftest import (
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


def test_offline_copy_survives_a_browser_restart_with_the_server_stopped(browser, live_server):
    # A new page in the same profile (as after closing the tab) still opens offline.
    context = browser.new_context()
    try:
        first = context.new_page()
        first.goto(live_server.url + "/en/cards/")
        wait_until_saved_offline(first)
        first.close()
        live_server.stop()
        page = context.new_page()
        page.goto(live_server.url + "/en/lockdown/")
        assert heading_of(page) == "Lockdown"
    finally:
        context.close()
