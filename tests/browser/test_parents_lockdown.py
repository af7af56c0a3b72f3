"""The parents' lockdown page in a real browser: one tap from home, offline (that its key messages
come first on one phone screen in every language is test_key_messages.py's)."""

from tests.browser.conftest import heading_of, wait_until_saved_offline


def test_from_the_spanish_home_page_one_tap_offline(context, live_server, guide_app):
    page = context.new_page()
    page.goto(live_server.url + "/es/")
    wait_until_saved_offline(page)
    live_server.stop()

    page.goto(live_server.url + "/es/")
    page.locator(".urgent-ways a[href='/es/parents/lockdown/']").click()
    page.wait_for_url("**/es/parents/lockdown/")
    expected = guide_app.test_client().get("/es/parents/lockdown/").get_data(as_text=True)
    assert f">{heading_of(page)}</h1>" in expected
    assert page.locator(".parents-lockdown__now .crisis__key li").count() == 3
    assert page.locator(".parents-lockdown__now .crisis__key .voice").count() == 3
    assert "911" in page.locator(".emergency-call").inner_text()


def test_the_lockdown_screen_and_the_parents_guide_lead_to_it(context, live_server):
    page = context.new_page()
    for start in ("/en/lockdown/", "/en/parents/"):
        page.goto(live_server.url + start)
        page.locator("main a[href='/en/parents/lockdown/']").first.click()
        page.wait_for_url("**/en/parents/lockdown/")
