"""The guide says who speaks: built from MPD's and MCPS's public guidance, not their publication,
unless a department or district adopts it (the ADOPTED_BY setting)."""

import pytest
from flask_babel import force_locale, gettext
from markupsafe import escape

from tests.missoula import LANGUAGES, missoula_app

NOT_OFFICIAL = (
    "This guide is built from public guidance of the Missoula Police Department and Missoula County Public "
    "Schools. It is not an official publication of either."
)


def translated(app, code, message):
    language = app.extensions["languages"][code]
    with app.test_request_context(f"/{code}/"), force_locale(language.locale):
        return gettext(message)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_home_page_says_it_is_not_an_official_publication(app, client, code):
    html = client.get(f"/{code}/").get_data(as_text=True)
    notice = translated(app, code, NOT_OFFICIAL)
    assert code == "en" or notice != NOT_OFFICIAL, f"{code} has no translation of the notice"
    assert f'<p class="who-speaks">{escape(notice)}</p>' in html


def test_about_page_poster_chooser_and_manifest_say_it_too(client):
    for path in ("/en/about/", "/en/poster/", "/"):
        assert NOT_OFFICIAL in client.get(path).get_data(as_text=True), path
    manifest = client.get("/en/manifest.webmanifest").get_json(force=True)
    assert manifest["description"].endswith(NOT_OFFICIAL)
    assert "Safety guidance from the Missoula Police" not in client.get("/en/").get_data(as_text=True)


def test_a_district_that_adopts_the_guide_can_say_so(tmp_path):
    client = missoula_app(tmp_path, ADOPTED_BY="district").test_client()
    html = client.get("/en/").get_data(as_text=True)
    assert "Missoula County Public Schools publishes this guide." in html
    assert "not an official publication" not in html
