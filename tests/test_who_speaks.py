"""Every page says who speaks, from the edition's own notices: built from the district's and the
police department's public guidance, not their publication, unless one adopts it (adopted_by)."""

import pytest
from flask_babel import force_locale, gettext
from markupsafe import escape

from tests.conftest import make_app
from tests.site_urls import sitemap_paths
from webapp.content_model.edition import EditionError


def notice(guide, adopted_by, kind="notice"):
    return next(n[kind] for n in guide.pages["who_speaks"]["notices"] if n["adopted_by"] == adopted_by)


def test_every_page_of_every_language_says_it_is_not_an_official_publication(app, client, guide, edition):
    english = notice(guide, "none")
    for code in edition.languages:
        html = client.get(f"/{code}/").get_data(as_text=True)
        with app.test_request_context(f"/{code}/"), force_locale(app.extensions["languages"][code].locale):
            shown = gettext(english)
        assert code == "en" or shown != english, f"{code} has no translation of the notice"
        assert f'<p class="who-speaks">{escape(shown)}</p>' in html, code
    manifest = client.get("/en/manifest.webmanifest").get_json(force=True)
    assert manifest["description"].endswith(english)
    for path in ("/en/about/", "/en/poster/", "/"):
        assert english in client.get(path).get_data(as_text=True), path


@pytest.mark.parametrize("adopted_by", ["police", "district", "both"])
def test_a_department_or_district_that_adopts_the_guide_can_say_so(tmp_path, guide, adopted_by):
    html = make_app(tmp_path, ADOPTED_BY=adopted_by).test_client().get("/en/").get_data(as_text=True)
    assert f'<p class="who-speaks">{escape(notice(guide, adopted_by))}</p>' in html
    assert "not an official publication" not in html


def test_an_unknown_adopter_stops_the_app_at_start_up(tmp_path):
    with pytest.raises(EditionError, match="ADOPTED_BY is 'sheriff'"):
        make_app(tmp_path, ADOPTED_BY="sheriff")


def in_language(app, code, message):
    with app.test_request_context(f"/{code}/"), force_locale(app.extensions["languages"][code].locale):
        return str(escape(gettext(message)))


def test_every_other_page_and_every_wallet_card_says_it_briefly(app, client, guide, edition):
    # A page opened from a home-screen shortcut or a shared link, or a card cut out of the printed
    # sheet, says it too: in one short line, in the page's language, printed with the page.
    said = {
        code: (in_language(app, code, notice(guide, "none", "short")), in_language(app, code, notice(guide, "none")))
        for code in edition.languages
    }
    for path in sitemap_paths(client):
        short, whole = said[path.split("/")[1] or edition.default_language]  # "/": the chooser
        html = client.get(path).get_data(as_text=True)
        assert f'<p class="who-speaks-short">{short}</p>' in html or f'<p class="who-speaks">{whole}</p>' in html, path
    for code in edition.languages:
        wallet = client.get(f"/{code}/cards/wallet/").get_data(as_text=True)
        cards = wallet.split('<li class="wallet-card ')[1:]
        assert len(cards) == len(guide.cards)
        for card, html in zip(guide.cards, cards, strict=True):
            assert f'<p class="wallet-card__about">{said[code][0]} <span>' in html, (code, card["id"])
            for source_id in card["sources"]:
                source = guide.sources[source_id]
                assert str(escape(source.get("brief", source["name"]))) in html, (code, card["id"], source_id)
