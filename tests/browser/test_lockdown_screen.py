"""The lockdown screen in a real browser: offline, dark, readable, quiet, with a checklist."""

import pytest

from tests.browser.conftest import heading_of, wait_until_saved_offline
from tests.missoula import LANGUAGES

RELATIVE_LUMINANCE = """(color) => {
  const [r, g, b] = color.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}"""


def contrast(l1, l2):
    light, dark = max(l1, l2), min(l1, l2)
    return (light + 0.05) / (dark + 0.05)


def save_then_stop(page, live_server, code):
    page.goto(f"{live_server.url}/{code}/")
    wait_until_saved_offline(page)
    live_server.stop()


@pytest.mark.parametrize("code", ["en", "ar", "ti"])
def test_lockdown_renders_offline(context, live_server, code):
    page = context.new_page()
    save_then_stop(page, live_server, code)
    response = page.goto(f"{live_server.url}/{code}/lockdown/")
    assert response.from_service_worker
    assert page.locator("#lockdown-checklist .crisis__key input[type=checkbox]").count() == 3
    assert page.locator("#lockdown-checklist input[type=checkbox]").count() == 12
    assert page.locator(".lockdown__cards a").count() == 4
    assert "911" in page.locator(".emergency-call").inner_text()
    assert heading_of(page)


@pytest.mark.parametrize("code", ["en", "ar", "ti"])
def test_lockdown_is_dark_with_aa_contrast(context, live_server, code):
    page = context.new_page()
    page.goto(f"{live_server.url}/{code}/lockdown/")
    background = page.evaluate(f"({RELATIVE_LUMINANCE})(getComputedStyle(document.body).backgroundColor)")
    assert background < 0.01, "the background is near-black"
    texts = page.evaluate(
        f"""() => Array.from(document.querySelectorAll(
              'main h1, .lockdown__checklist span, .lockdown__cards a, .lockdown__privacy, .who-speaks-short'
            )).map((el) => [el.textContent.trim().slice(0, 30), ({RELATIVE_LUMINANCE})(getComputedStyle(el).color)])"""
    )
    ratios = {text: contrast(luminance, background) for text, luminance in texts}
    print(f"{code}: lowest contrast {min(ratios.values()):.1f}:1, highest {max(ratios.values()):.1f}:1")
    assert min(ratios.values()) >= 4.5
    # Dim but readable: no pure white glare.
    assert max(luminance for _, luminance in texts) < 0.9


def test_lockdown_is_still_in_every_language(context, live_server):
    page = context.new_page()
    bottoms = {}
    for code in LANGUAGES:
        page.goto(f"{live_server.url}/{code}/lockdown/")
        animated = page.evaluate(
            "Array.from(document.querySelectorAll('*')).filter(e => getComputedStyle(e).animationName !== 'none')"
            ".length"
        )
        assert animated == 0
        assert page.locator("audio, video").count() == 0
        # The key messages come first on one screen (test_key_messages.py); the checklist and the
        # card links follow: where they end is a figure to watch, not a limit.
        bottoms[code] = page.evaluate("document.querySelector('.lockdown__cards').getBoundingClientRect().bottom")
    tallest = max(bottoms, key=bottoms.get)
    print(f"lockdown screen: the card links end at {bottoms[tallest]:.0f} CSS pixels at most ({tallest})")


def test_a_card_from_the_lockdown_screen_is_dark_and_silent_and_back_keeps_the_ticks(context, live_server):
    # As a teacher would: the guide saved once, then no network at all.
    page = context.new_page()
    save_then_stop(page, live_server, "ar")
    page.goto(f"{live_server.url}/ar/lockdown/")
    boxes = page.locator("#lockdown-checklist input")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.locator(".lockdown__cards a[href='/ar/lockdown/deny/']").click()
    page.wait_for_url("**/ar/lockdown/deny/")
    background = page.evaluate(f"({RELATIVE_LUMINANCE})(getComputedStyle(document.body).backgroundColor)")
    assert background < 0.01, "the card is as dark as the lockdown screen"
    card_text = page.evaluate(f"({RELATIVE_LUMINANCE})(getComputedStyle(document.querySelector('.crisis__key')).color)")
    assert contrast(card_text, background) >= 4.5 and card_text < 0.9
    # Nothing that shares or lights up, no status bar; read aloud only if pressed (test_listen.py).
    for selector in (".share", ".text-size", "#offline-status", "#update-ready"):
        assert page.locator(selector).count() == 0 or page.locator(selector).is_hidden(), selector
    page.go_back()
    page.wait_for_url("**/ar/lockdown/")
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, True, False]
    page.locator(".lockdown__cards a[href='/ar/lockdown/defend/']").click()
    page.locator(".card-nav__all a").click()
    page.wait_for_url("**/ar/lockdown/")
    assert [boxes.nth(i).is_checked() for i in range(3)] == [True, True, False]


def test_lockdown_makes_no_network_request(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    wait_until_saved_offline(page)
    seen = []
    live_server.app.on_request = seen.append
    page.goto(live_server.url + "/en/lockdown/")
    # The page's last exchange is its question to the worker about when the guide was saved: once
    # the answer shows, every script of the screen has done all it does on loading.
    page.locator("#saved-on").wait_for(state="visible")
    after_loading = []
    page.on("request", lambda request: after_loading.append(request.url))
    page.locator("#lockdown-checklist input").first.check()
    # A round trip to the page: a request the tick started is reported before its answer.
    assert page.evaluate("JSON.parse(localStorage.getItem('guide-lockdown-checklist')).steps") == [0]
    assert after_loading == []
    # The browser itself may ask whether /sw.js changed after a navigation; the screen asks nothing.
    assert [path for path in seen if path != "/sw.js"] == []


def test_checklist_survives_a_reload_and_can_be_cleared(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/lockdown/")
    boxes = page.locator("#lockdown-checklist input")
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(6)] == [True, False, True, False, False, False]
    page.locator("#checklist-clear").click()
    page.reload()
    assert not any(boxes.nth(i).is_checked() for i in range(6))


def test_checklist_clears_itself_after_four_hours(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/lockdown/")
    five_hours_ago = "Date.now() - 5 * 60 * 60 * 1000"
    page.evaluate(
        f"localStorage.setItem('guide-lockdown-checklist', JSON.stringify({{steps: [0, 1], at: {five_hours_ago}}}))"
    )
    page.reload()
    assert page.locator("#lockdown-checklist input:checked").count() == 0
    assert page.evaluate("localStorage.getItem('guide-lockdown-checklist')") is None


def test_keep_screen_on_uses_the_wake_lock(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/lockdown/")
    has_wake_lock = page.evaluate("'wakeLock' in navigator")
    control = page.locator("#wake-lock-control")
    assert control.is_visible() == has_wake_lock
    if has_wake_lock:
        page.evaluate(
            """() => {
                window.__wakeLocks = [];
                const request = navigator.wakeLock.request.bind(navigator.wakeLock);
                navigator.wakeLock.request = (type) => { window.__wakeLocks.push(type); return request(type); };
            }"""
        )
        page.locator("#wake-lock").check()
        assert page.evaluate("window.__wakeLocks") == ["screen"]
