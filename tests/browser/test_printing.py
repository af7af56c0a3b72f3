"""Paper: a card prints on one page, the wallet sheet on one page, the poster's QR code scans."""

import io

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from tests.browser.conftest import wait_until_saved_offline


def pdf_pages(page, path, live_server):
    page.goto(live_server.url + path)
    return len(PdfReader(io.BytesIO(page.pdf(format="Letter"))).pages)


@pytest.mark.parametrize("path", ["/en/cards/avoid/", "/en/cards/police-arrive/", "/uk/cards/police-arrive/"])
def test_a_card_prints_on_one_page(context, live_server, path):
    assert pdf_pages(context.new_page(), path, live_server) == 1


@pytest.mark.parametrize("code", ["en", "fr", "ti", "uk", "rw", "ar"])
def test_the_wallet_sheet_prints_four_bank_card_sized_cards_on_one_page(context, live_server, code):
    page = context.new_page()
    assert pdf_pages(page, f"/{code}/cards/wallet/", live_server) == 1
    page.emulate_media(media="print")
    sizes = page.evaluate(
        """() => Array.from(document.querySelectorAll('.wallet-card')).map((card) => {
            const box = card.getBoundingClientRect();
            const key = card.querySelectorAll('.crisis__key > li').length;
            const drawn = Array.from(card.querySelectorAll('.crisis__key > li svg.pictogram'))
                .map((svg) => svg.getBoundingClientRect().width * 25.4 / 96);
            return [box.width * 25.4 / 96, box.height * 25.4 / 96,
                    card.scrollHeight <= card.clientHeight + 1, key, drawn];
        })"""
    )
    assert len(sizes) == 4
    for width, height, fits, key, pictograms in sizes:
        assert abs(width - 85.6) < 0.5 and abs(height - 54) < 0.5
        assert fits, "a card's text runs past its edge"
        # Each key message's pictogram is printed beside it, 5 mm: a card is read without its words too.
        assert len(pictograms) == key and min(pictograms) >= 4.9, pictograms


def test_the_parents_guide_prints_clean(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/parents/")
    page.emulate_media(media="print")
    for selector in (".site-footer", ".contents", ".language-switcher", ".skip-link"):
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator(".emergency-call").is_visible()
    link_text = page.evaluate("getComputedStyle(document.querySelector('main a[href^=\"http\"]'), '::after').content")
    assert "https://tips.fbi.gov" in link_text


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_poster_qr_code_scans_to_the_language_home_page(context, live_server, code):
    page = context.new_page()
    page.set_viewport_size({"width": 800, "height": 1200})  # a poster is seen whole, above the status bar
    page.goto(f"{live_server.url}/{code}/poster/")
    wait_until_saved_offline(page)
    image = Image.open(io.BytesIO(page.locator(".poster__qr").screenshot()))
    results = zxingcpp.read_barcodes(image)
    assert [result.text for result in results] == [f"{live_server.url}/{code}/"]
    assert page.locator(".poster__address").inner_text() == f"{live_server.url}/{code}/"
