"""Each crisis card has big tap targets to the next and previous, and survives 200% text zoom (that its
key messages come first on one phone screen is test_key_messages.py's)."""

CARD_IDS = ["avoid", "deny", "defend", "police-arrive"]


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
                fontSize: parseFloat(getComputedStyle(document.querySelector('.crisis__key li')).fontSize),
            })"""
        )
        assert overflow["page"] <= 0, card_id  # no sideways scrolling
        assert overflow["clipped"] == 0, card_id
        assert overflow["offscreen"] == 0, card_id
        assert overflow["fontSize"] >= 46  # 1.45rem at 200%
