"""Reading tools in a real browser: search offline, share, read aloud, text size, install help."""

import html as html_lib
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, run_axe, wait_until_saved_offline
from tests.browser.test_worker_faults import wait_in_page

# Voices the simulated device has; speak() is recorded, then handed to the real engine. The voice
# an utterance is given is recorded too (a plain object cannot be a real SpeechSynthesisVoice).
SIMULATED_DEVICE = """
(() => {
  const voices = %s;
  window.__utterances = [];
  const synth = window.speechSynthesis;
  synth.getVoices = () => voices;
  Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
    configurable: true, get() { return this.__voice || null; }, set(voice) { this.__voice = voice; },
  });
  const speak = synth.speak.bind(synth);
  synth.speak = (utterance) => { window.__utterances.push(utterance); speak(utterance); };
})();
"""


def device_with_voices(context, voices):
    import json

    context.add_init_script(SIMULATED_DEVICE % json.dumps(voices))


@pytest.mark.parametrize(
    ("code", "query"),
    [("en", "LOCK the door"), ("ar", "اطفئ"), ("fr", "eteignez les lumieres"), ("fa-AF", "دروازه")],
)
def test_search_finds_the_deny_card_offline(context, live_server, code, query):
    page = context.new_page()
    page.goto(f"{live_server.url}/{code}/")
    wait_until_saved_offline(page)
    live_server.stop()
    page.goto(f"{live_server.url}/{code}/search/")
    page.locator("#search-query").fill(query)
    links = page.locator("#search-results a")
    links.first.wait_for()
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert f"/{code}/cards/deny/" in hrefs
    assert page.locator("#search-all").is_hidden()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_search_says_so_when_nothing_matches(context, live_server, code):
    page = context.new_page()
    page.goto(f"{live_server.url}/{code}/search/")
    page.locator("#search-query").fill("zzqqxx")
    nothing = page.locator("#search-nothing")
    nothing.wait_for(state="visible")
    assert nothing.locator("a[href='tel:911']").is_visible()
    assert nothing.locator(f"a[href='/{code}/report/']").is_visible()


def test_search_without_scripts_lists_everything(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/en/search/")
        assert page.locator("#search-all a[href='/en/cards/deny/']").is_visible()
        assert page.locator("#search").is_hidden()
        assert page.locator(".page-tools button:visible").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_share_copies_the_link_where_there_is_no_share_sheet(browser, live_server, code):
    context = browser.new_context(viewport=PHONE, permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/{code}/parents/")
        assert page.evaluate("'share' in navigator") is False
        page.locator(".share").click()
        status = page.locator(".share__status")
        status.wait_for(state="visible")
        url = f"{live_server.url}/{code}/parents/"
        assert url in status.inner_text()
        assert page.evaluate("navigator.clipboard.readText()") == url
    finally:
        context.close()


@pytest.mark.parametrize(("code", "voice_lang"), [("en", "en-US"), ("ar", "ar-SA")])
def test_read_aloud_speaks_the_page_in_its_language(context, live_server, code, voice_lang):
    device_with_voices(context, [{"lang": voice_lang, "name": "Test voice", "default": True, "localService": True}])
    page = context.new_page()
    page.goto(f"{live_server.url}/{code}/cards/deny/")
    play = page.locator(".listen__play")
    play.wait_for(state="visible")
    assert page.locator(".listen__unavailable").is_hidden()
    play.click()
    # One line at a time, each when the one before has ended: the card's name, its tagline, its steps.
    steps = page.locator(".card li")
    lines = [page.locator(".card__name").inner_text(), page.locator(".card__tagline").inner_text()]
    lines += [steps.nth(i).inner_text() for i in range(steps.count())]
    wait_in_page(page, "(count) => window.__utterances.length >= count", len(lines))
    spoken = page.evaluate("window.__utterances.map((u) => ({lang: u.lang, text: u.text, rate: u.rate}))")
    assert [u["text"] for u in spoken[: len(lines)]] == lines
    assert {u["lang"] for u in spoken} == {code}
    # A moderate pace, a little slower than the voice's own (a float: 0.9 as the engine stores it).
    assert all(abs(u["rate"] - 0.9) < 1e-6 for u in spoken)
    play.wait_for(state="visible")  # ready again when all is said


@pytest.mark.parametrize("code", ["en", "ar"])
def test_read_aloud_explains_itself_without_a_voice(context, live_server, code):
    device_with_voices(context, [{"lang": "ja-JP", "name": "Other language", "default": True, "localService": True}])
    page = context.new_page()
    page.goto(f"{live_server.url}/{code}/parents/")
    page.locator(".listen__unavailable").wait_for(state="visible")
    assert page.locator(".listen__play").is_hidden()


def test_read_aloud_never_chooses_a_network_voice(context, live_server):
    device_with_voices(
        context,
        [
            {"lang": "en-US", "name": "Google US English", "default": True, "localService": False},
            {"lang": "en-US", "name": "Microsoft Aria Online (Natural)", "localService": False},
            {"lang": "en-GB", "name": "On-device English", "localService": True},
        ],
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/en/cards/deny/")
    page.locator(".listen__play").click()
    wait_in_page(page, "() => window.__utterances.length > 2")
    voices = page.evaluate("window.__utterances.map((u) => u.voice && u.voice.name)")
    assert set(voices) == {"On-device English"}


@pytest.mark.parametrize("code", ["en", "sw"])
def test_with_only_network_voices_read_aloud_says_there_is_no_voice(context, live_server, app, code):
    device_with_voices(context, [{"lang": code, "name": "Cloud voice", "default": True, "localService": False}])
    page = context.new_page()
    page.goto(f"{live_server.url}/{code}/parents/")
    page.locator(".listen__unavailable").wait_for(state="visible")
    assert page.locator(".listen__play").is_hidden()
    assert page.evaluate("window.__utterances.length") == 0
    expected = app.test_client().get(f"/{code}/parents/").get_data(as_text=True)
    message = page.locator(".listen__unavailable").inner_text()
    assert message in html_lib.unescape(expected)  # the page's own language, from its catalog


def test_dari_read_by_an_iranian_persian_voice_says_so(context, live_server):
    device_with_voices(context, [{"lang": "fa-IR", "name": "Dariush", "default": True, "localService": True}])
    page = context.new_page()
    page.goto(f"{live_server.url}/fa-AF/parents/")
    note = page.locator(".listen__variety")
    note.wait_for(state="visible")
    iranian = page.evaluate("new Intl.DisplayNames(['fa-AF'], {type: 'language'}).of('fa-IR')")
    assert iranian in note.inner_text() and iranian != "fa-IR"
    page.locator(".listen__play").click()
    wait_in_page(page, "() => window.__utterances.length > 2")
    assert set(page.evaluate("window.__utterances.map((u) => u.voice.name)")) == {"Dariush"}


def test_the_lockdown_screen_reads_aloud_only_when_pressed_and_says_it_makes_sound(context, live_server):
    device_with_voices(context, [{"lang": "en-US", "name": "Test voice", "default": True, "localService": True}])
    page = context.new_page()
    page.goto(live_server.url + "/en/lockdown/")
    play = page.locator(".listen__play")
    play.wait_for(state="visible")  # the script has run: from here only a press starts sound
    page.wait_for_load_state("load")
    assert page.evaluate("window.__utterances.length") == 0
    assert page.locator(".listen__sound").inner_text() == "Reading aloud makes sound that others can hear."
    assert page.locator(".share, .text-size, #speak-language").count() == 0
    play.click()
    wait_in_page(page, "() => window.__utterances.length > 0")
    assert page.evaluate("window.__utterances[0].text") == page.locator("h1").inner_text()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_text_size_is_remembered_across_pages_and_reloads(context, live_server, code):
    page = context.new_page()
    page.goto(f"{live_server.url}/{code}/parents/")
    root_size = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    assert page.evaluate(root_size) == 16
    larger = page.locator(".text-size button[data-text-size='1']")
    larger.click()
    larger.click()
    assert page.evaluate(root_size) == 22
    page.reload()
    assert page.evaluate(root_size) == 22
    page.goto(f"{live_server.url}/{code}/cards/avoid/")
    assert page.evaluate(root_size) == 22
    page.locator(".text-size button[data-text-size='-1']").click()
    assert page.evaluate(root_size) == 19


def test_iphone_shows_the_add_to_home_screen_steps_and_others_do_not(browser, live_server):
    iphone = browser.new_context(
        viewport={"width": 390, "height": 844},
        user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
    )
    try:
        page = iphone.new_page()
        page.goto(live_server.url + "/ar/")
        page.locator("#install-ios").wait_for(state="visible")
        assert page.locator("#install-ios li").count() == 3
    finally:
        iphone.close()
    page = browser.new_page()
    page.goto(live_server.url + "/en/")
    page.wait_for_load_state("load")
    assert page.locator("#install-ios").is_hidden()
    page.close()


def test_the_browser_install_prompt_is_offered(profile_page, live_server):
    page = profile_page
    page.goto(live_server.url + "/en/")
    wait_until_saved_offline(page)
    page.reload()
    page.locator("#install-app").wait_for(state="visible", timeout=15_000)


def test_about_page_says_what_is_saved_and_refreshes_it(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/es/")
    wait_until_saved_offline(page)
    page.goto(live_server.url + "/en/")
    wait_until_saved_offline(page)
    page.goto(live_server.url + "/en/about/")
    saved = page.locator("#saved-languages")
    expect(saved).to_contain_text("English")
    assert "Español" in saved.inner_text()
    expect(page.locator("#storage-used")).to_have_text(re.compile(r"\d"))
    assert page.locator("#storage-persistent").inner_text() in {
        "Yes",
        "No: the browser may remove it when the device is short of space",
    }
    page.locator("#refresh-offline").click()
    expect(page.locator("#refresh-status")).to_have_text("The offline copy is up to date.")


def test_controls_work_from_the_keyboard_with_visible_focus(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/parents/")
    page.locator(".share").wait_for(state="visible")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('share')"):
            break
    else:
        pytest.fail("Tab never reached the share button")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.keyboard.press("Enter")
    page.locator(".share__status").wait_for(state="visible")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("code", ["en", "ar"])
def test_no_axe_violations_with_every_control_open(browser, live_server, axe_source, code, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme, permissions=["clipboard-write"])
    context.add_init_script(path=str(axe_source))
    device_with_voices(context, [])
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/{code}/parents/")
        page.locator(".share").click()
        page.locator(".share__status").wait_for(state="visible")
        page.locator(".language-switcher summary").click()
        assert run_axe(page) == []
        page.goto(f"{live_server.url}/{code}/search/")
        page.locator("#search-query").fill("911")
        page.locator("#search-results li").first.wait_for()
        assert run_axe(page) == []
        page.locator("#search-query").fill("zzqqxx")
        page.locator("#search-nothing").wait_for(state="visible")
        assert run_axe(page) == []
        page.goto(f"{live_server.url}/{code}/about/")
        page.locator("#offline-copy").wait_for(state="visible")
        assert run_axe(page) == []
        page.goto(f"{live_server.url}/{code}/")
        assert run_axe(page) == []
    finally:
        context.close()
