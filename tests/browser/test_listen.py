"""Read aloud with a human voice, in real Chromium: a recording made in the review sheet plays with
the server stopped; the lockdown screen stays silent until Read aloud is pressed; a family hears
Arabic while reading English, chosen once and remembered on the device, offline too.
(WebKit and Firefox: tests/browser/test_three_engines.py.)"""

import re

import pytest

from tests.browser.conftest import SHEET_LINE, LiveServer, wait_until_saved_offline
from tests.browser.test_worker_faults import wait_in_page
from webapp.translation.recordings import read_recordings

# What the page plays, recorded as it plays: each recording's length and whether it ended, each
# address fetched, and each utterance given to the device's voice. Only watched, never changed.
HEARD = """
(() => {
  window.__heard = [];
  window.__fetched = [];
  window.__spoken = [];
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function () {
    const entry = { seconds: this.buffer.duration, ended: false };
    window.__heard.push(entry);
    this.addEventListener('ended', () => { entry.ended = true; });
    return start.apply(this, arguments);
  };
  const fetchIt = window.fetch;
  window.fetch = function (address) {
    window.__fetched.push(String(address));
    return fetchIt.apply(this, arguments);
  };
  if (window.speechSynthesis) {
    const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);
    window.speechSynthesis.speak = (utterance) => { window.__spoken.push(utterance.text); speak(utterance); };
  }
})();
"""
ALL_ENDED = "(count) => window.__heard.length === count && window.__heard.every((h) => h.ended)"


@pytest.fixture()
def recorded_server(recorded_app):
    server = LiveServer(recorded_app)
    yield server
    server.stop()


def recordings_on(app, path, code):
    """The recording addresses a page's lines play, in reading order, from its listen.json."""
    client = app.test_client()
    lines = client.get(f"/{code}/listen.json").get_json()["lines"]
    html = client.get(path).get_data(as_text=True)
    keys = [key for found in re.findall(r'data-say="([^"]+)"', html) for key in found.split()]
    return [lines[key]["audio"] for key in keys if key in lines and "audio" in lines[key]]


def sheet_recording_url(edition):
    (recording,) = [r for r in read_recordings(edition / "translations", "ar") if r.english == SHEET_LINE]
    return f"/ar/recordings/{recording.file.rsplit('/', 1)[1].removesuffix('.mp3')}.mp3"


def test_a_recording_made_in_the_review_sheet_plays_with_the_server_stopped(
    context, recorded_server, recorded_app, recorded_edition
):
    context.add_init_script(HEARD)
    page = context.new_page()
    page.goto(f"{recorded_server.url}/ar/")
    wait_until_saved_offline(page)
    recorded_server.stop()
    page.goto(f"{recorded_server.url}/ar/cards/get-out/")
    expected = recordings_on(recorded_app, "/ar/cards/get-out/", "ar")
    assert expected[0] == sheet_recording_url(recorded_edition)
    page.locator(".listen__play").click()
    wait_in_page(page, ALL_ENDED, len(expected), timeout_ms=30_000)
    heard = page.evaluate("window.__heard")
    fetched = [url for url in page.evaluate("window.__fetched") if "/recordings/" in url]
    print(f"ar, offline: {len(heard)} recordings, {sum(h['seconds'] for h in heard):.1f} s")
    assert fetched == expected  # each line's recording, in reading order, the sheet's first
    assert all(h["seconds"] > 0.3 for h in heard)
    assert page.evaluate("window.__spoken") == []  # every line had its human voice
    page.locator(".listen__play").wait_for(state="visible")  # ready again when all is said


def test_the_lockdown_screen_is_silent_until_read_aloud_is_pressed(context, recorded_server, recorded_app):
    context.add_init_script(HEARD)
    page = context.new_page()
    page.goto(f"{recorded_server.url}/ar/lockdown/")
    # The script has run and offered Read aloud (arabic is recorded), and the page has loaded whole:
    # from here on only a press can start sound.
    page.locator(".listen__play").wait_for(state="visible")
    page.wait_for_load_state("load")
    assert page.evaluate("[window.__heard.length, window.__spoken.length, window.__fetched.length]") == [0, 0, 0]
    assert page.locator(".listen__sound").is_visible()
    assert page.locator("#speak-language").count() == 0
    page.locator(".listen__play").click()
    wait_in_page(page, "() => window.__heard.length > 0")
    page.locator(".listen__stop").click()
    page.locator(".listen__play").wait_for(state="visible")
    expected = recordings_on(recorded_app, "/ar/lockdown/", "ar")
    assert page.evaluate("window.__heard.length") < len(expected)  # stopped: the rest is not played


def test_a_family_hears_arabic_while_reading_english_remembered_offline(context, recorded_server, recorded_app):
    context.add_init_script(HEARD)
    page = context.new_page()
    page.goto(f"{recorded_server.url}/en/cards/get-out/")
    wait_until_saved_offline(page)
    choice = page.locator("#speak-language")
    assert choice.input_value() == "en"
    choice.select_option("ar")
    # Arabic's lines and recordings are saved offline too, by the worker.
    expected = recordings_on(recorded_app, "/en/cards/get-out/", "ar")
    wait_in_page(
        page,
        """async (wanted) => {
            for (const name of await caches.keys()) {
                const keys = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
                if (wanted.every((path) => keys.includes(path))) return true;
            }
            return false;
        }""",
        expected,
        timeout_ms=30_000,
    )
    recorded_server.stop()
    page.reload()
    assert page.locator("#speak-language").input_value() == "ar"  # remembered on this device
    page.locator(".listen__play").click()
    wait_in_page(page, ALL_ENDED, len(expected), timeout_ms=30_000)
    fetched = page.evaluate("window.__fetched")
    assert "/ar/listen.json" in fetched and [url for url in fetched if "/recordings/" in url] == expected
    assert page.locator("h1").get_attribute("data-say")  # the page itself stays in English
    assert page.evaluate("document.documentElement.lang") == "en"
