"""Each crisis card fits one phone screen in every language, and survives 200% text zoom."""

from tests.browser.conftest import wait_until_saved_offline
from tests.missoula import LANGUAGES

CARD_IDS = ["avoid", "deny", "defend", "police-arrive"]
SCREEN_HEIGHT = 640


def test_every_card_fits_one_screen_in_every_language(context, live_server):
    page = context.new_page()
    bottoms = {}
    for code in LANGUAGES:
        # As a reader meets a card: the language already saved, so no status line above it.
        page.goto(f"{live_server.url}/{code}/")
        wait_until_saved_offline(page)
        for card_id in CARD_IDS:
            page.goto(f"{live_server.url}/{code}/cards/{card_id}/")
            assert page.locator("#offline-status").is_hidden()
            bottoms[f"/{code}/cards/{card_id}/"] = page.evaluate(
                "document.querySelector('.card').getBoundingClientRect().bottom"
            )
    tallest = max(bottoms, key=bottoms.get)
    print(f"tallest card: {tallest} ends at {bottoms[tallest]:.0f} of {SCREEN_HEIGHT} CSS pixels")
    assert bottoms[tallest] <= SCREEN_HEIGHT


def test_cards_have_large_tap_targets_and_next_previous(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/cards/deny/")
    for selector in (".card-nav__previous a", ".card-nav__all a", ".card-nav__next a"):
        box = page.locator(selector).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, selector
    page.locator(".card-nav__next a").click()
    page.wait_for_url("**/en/cards/defend/")


def test_cards_survive_200_percent_text_zoom(context, live_server):
    page = context.new_page()
    for card_id in CARD_IDS:
        page.goto(f"{live_server.url}/en/cards/{card_id}/")
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        overflow = page.evaluate(
            """() => ({
                page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                // Content cut off: a box that hides its overflow and has more than it shows.
                clipped: Array.from(document.querySelectorAll('.card, .card *')).filter(
                    (el) => getComputedStyle(el).overflow !== 'visible'
                        && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
                ).length,
                offscreen: Array.from(document.querySelectorAll('.card li')).filter(
                    (el) => el.getBoundingClientRect().right > window.innerWidth + 1
                        || el.getBoundingClientRect().left < -1
                ).length,
                fontSize: parseFloat(getComputedStyle(document.querySelector('.card__steps li')).fontSize),
            })"""
        )
        assert overflow["page"] <= 0, card_id  # no sideways scrolling
        assert overflow["clipped"] == 0, card_id
        assert overflow["offscreen"] == 0, card_id
        assert overflow["fontSize"] >= 38  # 1.2rem at 200%
