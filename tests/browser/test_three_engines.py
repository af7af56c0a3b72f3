"""WebKit (every iPhone browser's engine) and Firefox, as well as Chromium: the guide saves itself
and opens with the server stopped, an update is offered and applied whole, a failed update leaves
the old copy whole, every crisis text opens with its key messages on a phone's first screen, and a
recording made in the review sheet plays offline."""

import time

import pytest

from tests.browser.conftest import expected_headings, normalise
from tests.browser.engines import Display, Firefox, WebKit
from tests.browser.test_key_messages import CRISIS_PAGES
from tests.browser.test_listen import ALL_ENDED, HEARD, recordings_on, sheet_recording_url
from tests.browser.test_update import CHECK_FOR_UPDATE, FailingAsset, saved_paths
from tests.conftest import make_app

ENGINES = ["webkit", "firefox"]


@pytest.fixture(scope="module")
def display():
    display = Display()
    yield display
    display.close()


@pytest.fixture(params=ENGINES)
def engine(request, display):
    engine = WebKit(display) if request.param == "webkit" else Firefox()
    yield engine
    engine.close()


def wait_for(engine, expression, seconds=45):
    """Poll a page expression until it is truthy (each poll asks the page: no fixed sleep)."""
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = engine.evaluate(expression)
        except AssertionError as error:  # the page is navigating: ask again
            last = error
        if last and not isinstance(last, AssertionError):
            return last
        time.sleep(0.1)
    raise AssertionError(f"{engine.name}: {expression} never became true (last: {last})")


def open_saved(engine, live_server, app, language="en"):
    live_server.deploy(app)
    engine.goto(f"{live_server.url}/{language}/")
    wait_for(engine, "document.querySelector('#offline-status').getAttribute('data-state') === 'ready'")


def shown(engine, base_url, paths, what):
    seen = {}
    for path in paths:
        engine.goto(base_url + path)
        seen[path] = normalise(engine.evaluate(what) or "")
    return seen


def english_pages(app):
    return [path for path in saved_paths(app) if path != "/"]


def test_the_guide_saves_itself_and_opens_with_the_server_stopped(engine, live_server, guide_app):
    headings = {path: h1 for path, h1 in expected_headings(guide_app).items() if path != "/"}
    open_saved(engine, live_server, guide_app)
    live_server.stop()
    seen = shown(engine, live_server.url, headings, "document.querySelector('h1').textContent")
    print(f"{engine.name}: {len(seen)} pages offline")
    assert seen == headings


def test_an_update_is_offered_and_applied_whole(engine, live_server, versions):
    v1, v2 = versions
    open_saved(engine, live_server, v1)
    live_server.deploy(v2)
    assert engine.evaluate(CHECK_FOR_UPDATE) == "installed"
    wait_for(engine, "!document.querySelector('#update-ready').hidden")
    engine.evaluate("document.querySelector('#update-reload').click() || true")
    wait_for(engine, "document.querySelector('.version').textContent.includes('2.0.0-test')")
    live_server.stop()
    versions_seen = shown(engine, live_server.url, english_pages(v1), "document.querySelector('.version').textContent")
    assert set(versions_seen.values()) == {"Version 2.0.0-test"}


def test_a_failed_update_leaves_the_old_copy_whole(engine, live_server, versions):
    v1, v2 = versions
    open_saved(engine, live_server, v1)
    live_server.deploy(FailingAsset(v2, "/en/about/"))
    assert engine.evaluate(CHECK_FOR_UPDATE) == "redundant"
    live_server.stop()
    versions_seen = shown(engine, live_server.url, english_pages(v1), "document.querySelector('.version').textContent")
    assert set(versions_seen.values()) == {"Version 1.0.0-test"}


def test_another_districts_edition_saves_itself_and_reads_offline_right_to_left(engine, live_server, tmp_path):
    """The fixture edition (a made-up district, English and Arabic), saved in Arabic."""
    fixture_app = make_app(tmp_path / "fixture")  # make_app serves the fixture edition
    headings = {path: h1 for path, h1 in expected_headings(fixture_app, "ar").items() if path != "/"}
    open_saved(engine, live_server, fixture_app, "ar")
    live_server.stop()
    seen = shown(engine, live_server.url, headings, "document.querySelector('h1').textContent")
    print(f"{engine.name}: {len(seen)} pages of the fixture edition offline")
    assert seen == headings
    assert engine.evaluate("getComputedStyle(document.body).direction") == "rtl"


# Where the key messages end, against the window's height, and their type against the further lines'.
KEY_MESSAGES = """(() => {
  const key = document.querySelector('main .crisis__key');
  const further = document.querySelector('main .crisis__further li');
  return {
    count: key.querySelectorAll(':scope > li').length,
    bottom: key.getBoundingClientRect().bottom,
    width: innerWidth,
    height: innerHeight,
    key: parseFloat(getComputedStyle(key.querySelector('li')).fontSize),
    further: parseFloat(getComputedStyle(further).fontSize),
    direction: getComputedStyle(document.body).direction,
    // Each key message's pictogram, drawn (its smaller side, in CSS pixels).
    pictograms: Array.from(key.querySelectorAll(':scope > li')).map((li) => {
      const svg = li.querySelector('svg.pictogram');
      const box = svg ? svg.getBoundingClientRect() : null;
      return box ? Math.min(box.width, box.height) : 0;
    }),
  };
})()"""


@pytest.mark.parametrize("language", ["ar", "ti"])
def test_the_key_messages_come_first_offline_on_a_phone_screen(engine, live_server, guide_app, language):
    engine.phone_size()
    open_saved(engine, live_server, guide_app, language)
    live_server.stop()
    lowest = 0
    for path in CRISIS_PAGES:
        engine.goto(f"{live_server.url}/{language}/{path}")
        measured = engine.evaluate(KEY_MESSAGES)
        assert measured["count"] == 3, path
        assert measured["bottom"] <= measured["height"], (path, measured)
        assert measured["key"] > measured["further"], (path, measured)
        assert measured["direction"] == ("rtl" if language == "ar" else "ltr")
        assert min(measured["pictograms"]) >= 47.5, (path, measured)  # each key message's, offline
        lowest = max(lowest, measured["bottom"])
    print(
        f"{engine.name}, {language}, offline, {measured['width']}x{measured['height']}: the key messages end at "
        f"{lowest:.0f} CSS pixels at most"
    )


def test_a_recording_made_in_the_review_sheet_plays_with_the_server_stopped(
    engine, live_server, recorded_app, recorded_edition, sound_card
):
    """The Arabic "Get out" recorded in Chromium's review sheet, and the card's other lines, offline."""
    open_saved(engine, live_server, recorded_app, "ar")
    live_server.stop()
    engine.goto(f"{live_server.url}/ar/cards/get-out/")
    expected = recordings_on(recorded_app, "/ar/cards/get-out/", "ar")
    assert expected[0] == sheet_recording_url(recorded_edition)
    engine.evaluate(HEARD.strip().removesuffix(";") + " || true")
    wait_for(engine, "!document.querySelector('.listen__play').hidden")
    engine.click(".listen__play")
    wait_for(engine, f"({ALL_ENDED})({len(expected)})")
    heard = engine.evaluate("window.__heard")
    fetched = [url for url in engine.evaluate("window.__fetched") if "/recordings/" in url]
    print(f"{engine.name}, ar, offline: {len(heard)} recordings played, {sum(h['seconds'] for h in heard):.1f} s")
    assert fetched == expected and all(h["seconds"] > 0.3 for h in heard)
