"""Choosing a language in a real browser: first match, remembered choice, saved offline, RTL."""

from pathlib import Path

import pytest

from tests.browser.conftest import heading_of, run_axe, wait_until_saved_offline
from tests.site_urls import sitemap_paths

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results"


def test_first_visit_follows_the_browser_language(browser, live_server):
    context = browser.new_context(locale="ar-IQ")
    try:
        page = context.new_page()
        page.goto(live_server.url + "/")
        page.wait_for_url(live_server.url + "/ar/")
        assert page.locator("html").get_attribute("dir") == "rtl"
    finally:
        context.close()


# Every navigation the page starts, recorded as it starts (location.replace fires "navigate"
# at once), so that after "load" the test knows whether the chooser forwarded: no waiting.
RECORD_NAVIGATIONS = """window.__navigations = [];
navigation.addEventListener('navigate', (event) => window.__navigations.push(event.destination.url));"""


def test_a_browser_language_we_do_not_have_shows_the_chooser(browser, live_server):
    context = browser.new_context(locale="de-DE")
    try:
        context.add_init_script(RECORD_NAVIGATIONS)
        page = context.new_page()
        page.goto(live_server.url + "/", wait_until="load")  # the chooser's script has decided
        assert page.evaluate("window.__navigations") == []
        assert page.url == live_server.url + "/"
        assert page.locator("[data-language]").count() == 10
        # The same check sees a forward when there is one: a saved language.
        page.evaluate("localStorage.setItem('guide-language', 'fr')")
        with page.expect_navigation(url=live_server.url + "/fr/"):
            page.reload(wait_until="commit")
    finally:
        context.close()


def test_switching_to_swahili_saves_it_offline_beside_english(context, live_server, guide_app):
    page = context.new_page()
    page.goto(live_server.url + "/en/parents/")
    wait_until_saved_offline(page)
    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher a[lang='sw']").click()
    page.wait_for_url(live_server.url + "/sw/parents/")
    wait_until_saved_offline(page)
    assert page.locator("#offline-status").inner_text() != "Ready offline: this guide now works without internet."

    live_server.stop()
    paths = [p for p in sitemap_paths(guide_app.test_client()) if p.startswith("/sw/")]
    for path in paths:
        response = page.goto(live_server.url + path)
        assert response.ok, path
        assert page.locator("html").get_attribute("lang") == "sw"
        assert "untranslated" not in page.content()
    # The chooser remembers Swahili, and English is still saved too.
    page.goto(live_server.url + "/")
    page.wait_for_url(live_server.url + "/sw/")
    page.goto(live_server.url + "/en/report/")
    assert heading_of(page) == "Report a concern"


def test_right_to_left_layout_is_mirrored(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/ar/cards/deny/")
    width = page.viewport_size["width"]
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # Text starts on the right: the heading's words end at the right margin, far from the left.
    text_box = page.evaluate(
        """() => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector('.card__name'));
            const r = range.getBoundingClientRect();
            return {left: r.left, right: r.right};
        }"""
    )
    assert width - text_box["right"] < 40
    assert text_box["left"] > width / 2
    # The back link (previous card) sits on the right, the next one on the left.
    previous = page.locator(".card-nav__previous a").bounding_box()
    following = page.locator(".card-nav__next a").bounding_box()
    assert previous["x"] > following["x"]
    # Directional arrows are mirrored.
    transform = page.evaluate("getComputedStyle(document.querySelector('.card-nav .arrow')).transform")
    assert transform.startswith("matrix(-1")
    # Phone numbers stay left-to-right inside right-to-left text.
    page.goto(live_server.url + "/ar/report/")
    number = page.locator("a[href='tel:+14065526300']")
    assert number.inner_text() == "(406) 552-6300"
    assert number.evaluate("a => getComputedStyle(a).direction") == "ltr"


@pytest.mark.parametrize(
    ("code", "script_font"),
    [("ti", "Ethiopic"), ("ar", "Arabic"), ("fa-AF", "Arabic"), ("ps", "Arabic"), ("uk", "Noto Sans")],
)
def test_each_script_renders_with_a_real_font_not_boxes(context, live_server, code, script_font):
    page = context.new_page()
    page.goto(live_server.url + f"/{code}/cards/")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"cards-{code}.png"))
    cdp = context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    fonts = set()
    for selector in ("h1", ".crisis__key li"):
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        fonts |= {font["familyName"] for font in used if font["glyphCount"] > 0}
    assert any(script_font in family for family in fonts), fonts
    assert not any("Last Resort" in family for family in fonts)


@pytest.mark.parametrize("code", ["ar", "ti"])
def test_no_axe_violations_in_arabic_and_tigrinya(context, live_server, guide_app, axe_source, code):
    context.add_init_script(path=str(axe_source))
    page = context.new_page()
    paths = [p for p in sitemap_paths(guide_app.test_client()) if p.startswith(f"/{code}/")]
    found = {}
    for path in [*paths, f"/{code}/offline/"]:
        page.goto(live_server.url + path)
        violations = run_axe(page)
        if violations:
            found[path] = violations
    assert found == {}
