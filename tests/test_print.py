"""What schools print: the wallet-card sheet and the poster with its QR code."""

import re

import segno

from tests.conftest import make_app


def test_wallet_sheet_holds_every_card_and_the_emergency_number(client, guide, edition):
    html = client.get("/en/cards/wallet/").get_data(as_text=True)
    assert html.count('<li class="wallet-card') == len(guide.cards)
    assert html.count(f"In an emergency, call {edition.emergency_number}") >= len(guide.cards) + 1


def test_poster_encodes_the_address_it_is_served_from(client):
    html = client.get("/ar/poster/", base_url="https://guide.example.org").get_data(as_text=True)
    assert '<span class="poster__address" dir="ltr">https://guide.example.org/ar/</span>' in html
    # The same generator, asked directly, draws the same code for that address.
    expected = segno.make("https://guide.example.org/ar/", error="m", micro=False)
    drawn = re.search(r'<path stroke="#000" d="([^"]+)"', html).group(1)
    assert drawn in expected.svg_inline(scale=6, border=4, lineclass=None, omitsize=True)


def test_poster_uses_the_public_base_url_setting(tmp_path):
    client = make_app(tmp_path, PUBLIC_BASE_URL="https://schools.example.net").test_client()
    html = client.get("/ar/poster/").get_data(as_text=True)
    assert ">https://schools.example.net/ar/</span>" in html


def test_the_cards_page_links_to_both_printables(client):
    html = client.get("/en/cards/").get_data(as_text=True)
    assert 'href="/en/cards/wallet/"' in html and 'href="/en/poster/"' in html
