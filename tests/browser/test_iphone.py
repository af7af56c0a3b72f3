"""iPhones: Safari deletes a site's storage after 7 days without a visit unless the guide is on the
Home Screen, so a Safari tab shows the Add to Home Screen steps after "Ready offline", and every
saved page says when it was saved."""

import re

import pytest

from tests.browser.conftest import PHONE, wait_until_saved_offline
from tests.missoula import LANGUAGES

IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Mobile/15E148 Safari/604.1"
)


def iphone(browser, standalone):
    context = browser.new_context(viewport=PHONE, user_agent=IPHONE_SAFARI)
    # Safari has navigator.standalone: false in a tab, true when opened from the Home Screen.
    context.add_init_script(f"Object.defineProperty(navigator, 'standalone', {{value: {str(standalone).lower()}}});")
    return context


@pytest.mark.parametrize("code", ["en", "ar"])
def test_a_safari_tab_shows_the_home_screen_steps_after_ready_offline(browser, live_server, code):
    context = iphone(browser, standalone=False)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/{code}/cards/deny/")
        wait_until_saved_offline(page)
        steps = page.locator("#ios-keep")
        steps.wait_for(state="visible")
        assert steps.locator("li").count() == 3 and "7" in steps.inner_text()
        page.locator("#ios-keep-close").click()
        assert steps.is_hidden()
    finally:
        context.close()


def test_the_installed_app_saves_its_own_copy_without_the_steps(browser, live_server):
    context = iphone(browser, standalone=True)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/en/")
        wait_until_saved_offline(page)  # the Home Screen app saves its own copy on first open
        assert page.locator("#ios-keep").is_hidden()
    finally:
        context.close()


def test_saved_on_shows_offline_in_every_language(context, live_server):
    page = context.new_page()
    for code in LANGUAGES:
        page.goto(f"{live_server.url}/{code}/")
        wait_until_saved_offline(page)
    live_server.stop()
    for code in LANGUAGES:
        for path in (f"/{code}/cards/deny/", f"/{code}/about/"):
            page.goto(live_server.url + path)
            saved_on = page.locator("#saved-on")
            saved_on.wait_for(state="visible")
            text = saved_on.inner_text()
            assert re.search(r"\b20\d\d\b", text), (path, text)  # Western digits, the year written out
            assert "{date}" not in text, path
    page.goto(live_server.url + "/en/about/")
    page.locator("#saved-languages").filter(has_text="Español (").wait_for()
