"""The guide is installable: Chromium reports no installability error in a real profile."""

from tests.browser.conftest import wait_until_saved_offline


def test_chromium_finds_the_guide_installable(profile_page, live_server):
    page = profile_page
    page.goto(live_server.url + "/en/")
    wait_until_saved_offline(page)
    cdp = page.context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert errors == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"].endswith("/en/manifest.webmanifest")
    assert manifest["errors"] == []
