"""Another district's edition installs and works offline like Missoula's: the fixture edition
(English and Arabic, its own page list), saved in Chromium and read with the server stopped."""

import pytest

from tests.browser.conftest import (
    LiveServer,
    assert_every_page_works_offline,
    expected_headings,
    wait_until_saved_offline,
)
from tests.conftest import make_app
from tests.fixture import FIXTURE_EDITION


@pytest.fixture()
def fixture_server(tmp_path):
    app = make_app(tmp_path, EDITION=str(FIXTURE_EDITION))
    server = LiveServer(app)
    yield app, server
    server.stop()


def test_the_fixture_edition_saves_itself_and_reads_offline_right_to_left(context, fixture_server):
    app, server = fixture_server
    headings = expected_headings(app, "ar")
    assert "/ar/cards/lock-in/" in headings and "/ar/parents/" not in headings
    page = context.new_page()
    page.goto(server.url + "/ar/")
    wait_until_saved_offline(page)
    server.stop()
    del headings["/"]  # the chooser forwards to English, which this device has not saved
    assert_every_page_works_offline(page, server.url, headings)
    page.goto(server.url + "/ar/parents/lockdown/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.locator("h1").inner_text() == "مدرسة طفلي في حالة قفل"
