"""The guide is installable: Chromium reports no installability error in a real profile."""

from tests.browser.conftest import CHROMIUM_ARGS, PHONE, wait_until_saved_offline


def test_chromium_finds_the_guide_installable(playwright_instance, chromium_path, live_server, tmp_path):
    # Incognito contexts always report "in-incognito", so install needs a persistent profile.
    context = playwright_instance.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path, args=CHROMIUM_ARGS, viewport=PHONE
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(live_server.url + "/en/")
        wait_until_saved_offline(page)
        cdp = context.new_cdp_session(page)
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == []
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"].endswith("/en/manifest.webmanifest")
        assert manifest["errors"] == []
    finally:
        context.close()
