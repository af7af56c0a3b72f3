"""The parents' lockdown page in a real browser: one tap from home, offline, one screen, every language."""

from tests.browser.conftest import heading_of, wait_until_saved_offline
from tests.missoula import LANGUAGES

SCREEN_HEIGHT = 640


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
    assert page.locator(".parents-lockdown__steps li").count() == 4
    assert page.locator(".parents-lockdown__steps .voice").count() == 4
    assert "911" in page.locator(".emergency-call").inner_text()


def test_the_first_screen_fits_a_phone_in_every_language(context, live_server):
    page = context.new_page()
    bottoms = {}
    for code in LANGUAGES:
        page.goto(f"{live_server.url}/{code}/")
        wait_until_saved_offline(page)
        page.goto(f"{live_server.url}/{code}/parents/lockdown/")
        # The heading, the four lines and whose guidance each is: all on the first screen.
        bottoms[code] = page.evaluate(
            "document.querySelector('.parents-lockdown__steps').getBoundingClientRect().bottom"
        )
    tallest = max(bottoms, key=bottoms.get)
    print(f"tallest parents' lockdown page: {tallest} ends at {bottoms[tallest]:.0f} of {SCREEN_HEIGHT} CSS pixels")
    assert bottoms[tallest] <= SCREEN_HEIGHT


def test_the_lockdown_screen_and_the_parents_guide_lead_to_it(context, live_server):
    page = context.new_page()
    for start in ("/en/lockdown/", "/en/parents/"):
        page.goto(live_server.url + start)
        page.locator("main a[href='/en/parents/lockdown/']").first.click()
        page.wait_for_url("**/en/parents/lockdown/")
