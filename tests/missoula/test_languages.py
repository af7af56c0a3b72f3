"""Every page in every language: its own language and direction, translated, with 911."""

import html as html_lib
import re

import pytest
from babel.dates import format_date
from babel.messages.pofile import read_po, write_po
from flask_babel import force_locale, gettext

from tests.missoula import LANGUAGES, missoula_app
from tests.site_urls import sitemap_paths
from webapp.translation.languages import known_languages

RIGHT_TO_LEFT = {"ar", "fa-AF", "ps"}
ALL_CODES = list(LANGUAGES)


@pytest.fixture(scope="module")
def fresh_client(tmp_path_factory):
    """A new app whose first request is /sw.js: rendering every page for the precache manifest
    must not let one page's language leak into another's (a request inside a request)."""
    client = missoula_app(tmp_path_factory.mktemp("languages")).test_client()
    assert client.get("/sw.js").status_code == 200
    return client


def h1_text(html):
    return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).strip()


def test_all_ten_languages_are_served():
    assert ALL_CODES == ["en", "es", "ar", "sw", "fr", "ti", "fa-AF", "ps", "uk", "rw"]


@pytest.mark.parametrize("code", ALL_CODES[1:])
def test_every_page_is_in_its_language(fresh_client, code):
    english_paths = [p for p in sitemap_paths(fresh_client) if p.startswith("/en/")]
    direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
    for english_path in english_paths:
        path = english_path.replace("/en/", f"/{code}/", 1)
        response = fresh_client.get(path)
        html = response.get_data(as_text=True)
        assert response.status_code == 200, path
        assert f'<html lang="{code}" dir="{direction}">' in html, path
        english_h1 = h1_text(fresh_client.get(english_path).get_data(as_text=True))
        assert h1_text(html) != english_h1, f"{path} shows the English heading {english_h1!r}"
        assert 'class="untranslated"' not in html, f"{path} has untranslated strings"
        call = re.search(r'<a href="tel:911">([^<]+)</a>', html)
        assert call and "911" in call.group(1), path
        assert 'hreflang="en">' in html  # the link to the English original


@pytest.mark.parametrize("code", ALL_CODES[1:])
def test_each_page_states_the_review_status_of_its_crisis_steps_in_its_language(app, fresh_client, code):
    # No review is recorded today, so every page says "not yet reviewed", in its own language.
    locale = known_languages()[code].locale
    for path, english in [
        (f"/{code}/cards/deny/", "The emergency steps on this page are not yet reviewed by a native speaker."),
        (
            f"/{code}/about/",
            "The guide's emergency steps in this language are not yet all reviewed by a native speaker.",
        ),
    ]:
        with app.test_request_context(f"/{code}/"), force_locale(locale):
            expected = gettext(english)
        status = re.search(r'<p class="review-status">(.*?)</p>', fresh_client.get(path).get_data(as_text=True), re.S)
        assert expected != english and expected in html_lib.unescape(status.group(1)), path


def test_dates_are_formatted_for_the_locale(fresh_client, app):
    changed = app.extensions["guide"].last_changed(("about", "sources", "who_speaks"))
    for code, locale in [("es", "es"), ("uk", "uk"), ("fa-AF", "fa_AF")]:
        written = format_date(changed, "long", locale=locale)
        html = fresh_client.get(f"/{code}/about/").get_data(as_text=True)
        assert f'<time datetime="{changed.isoformat()}">{written}</time>' in html
    assert re.search(r"de \w+ de \d{4}$", format_date(changed, "long", locale="es"))


@pytest.mark.parametrize("code", ALL_CODES)
def test_each_language_has_its_own_manifest(fresh_client, code):
    manifest = fresh_client.get(f"/{code}/manifest.webmanifest").get_json(force=True)
    assert manifest["lang"] == code
    assert manifest["dir"] == ("rtl" if code in RIGHT_TO_LEFT else "ltr")
    assert manifest["start_url"] == f"/{code}/"
    assert [s["url"] for s in manifest["shortcuts"]] == [
        f"/{code}/parents/lockdown/",
        f"/{code}/lockdown/",
        f"/{code}/cards/",
    ]
    if code != "en":
        assert manifest["name"] != "School Safety Guide"


def test_chooser_names_every_language_in_itself(fresh_client):
    html = fresh_client.get("/").get_data(as_text=True)
    for code in ALL_CODES:
        language = known_languages()[code]
        assert f'lang="{code}" hreflang="{code}" dir="{language.direction}" data-language="{code}">' in html
        assert f'<span class="language-list__name">{language.endonym}</span>' in html
    assert "دری" in html and "Persian" not in html


def test_sitemap_lists_every_page_of_every_language_with_alternates(fresh_client):
    paths = sitemap_paths(fresh_client)
    english = [p for p in paths if p.startswith("/en/")]
    assert len(paths) == 1 + len(english) * len(ALL_CODES)
    xml = fresh_client.get("/sitemap.xml", base_url="https://g.example").get_data(as_text=True)
    entry = re.search(r"<url>\s*<loc>https://g.example/ti/cards/deny/</loc>(.*?)</url>", xml, re.S).group(1)
    for code in ALL_CODES:
        assert f'hreflang="{code}" href="https://g.example/{code}/cards/deny/"' in entry


def test_the_404_page_follows_the_browser_language(fresh_client):
    html = fresh_client.get("/nowhere/", headers={"Accept-Language": "uk-UA,uk;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="uk" dir="ltr">' in html
    prs = fresh_client.get("/nowhere/", headers={"Accept-Language": "prs"}).get_data(as_text=True)
    assert '<html lang="fa-AF" dir="rtl">' in prs
    unknown = fresh_client.get("/nowhere/", headers={"Accept-Language": "de-DE"}).get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in unknown


def test_a_missing_string_falls_back_to_english_visibly_marked(tmp_path, edition_copy):
    po_path = edition_copy / "translations" / "es" / "LC_MESSAGES" / "messages.po"
    with open(po_path, "rb") as fh:
        catalog = read_po(fh)
    catalog["Block the door with something heavy."].string = ""
    with open(po_path, "wb") as fh:
        write_po(fh, catalog)
    client = missoula_app(tmp_path, EDITION=str(edition_copy)).test_client()
    html = client.get("/es/cards/deny/").get_data(as_text=True)
    untranslated = '<span lang="en" class="untranslated">Block the door with something heavy.</span>'
    assert f'<span class="crisis__text">{untranslated}</span></span></li>' in html
    assert 'class="untranslated"' not in re.search(r"<head>.*?</head>", html, re.S).group(0)


def test_a_configured_language_without_a_catalog_fails_at_start_up(tmp_path):
    from webapp.content_model.edition import EditionError

    empty = tmp_path / "no-catalogs"
    empty.mkdir()
    with pytest.raises(EditionError, match="'es' is configured"):
        missoula_app(tmp_path, TRANSLATIONS_DIR=str(empty))
    with pytest.raises(EditionError, match="GUIDE_LANGUAGES setting\\): Unknown language 'xx'"):
        missoula_app(tmp_path, LANGUAGES=("en", "xx"))
