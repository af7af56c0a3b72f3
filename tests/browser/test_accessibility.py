"""axe-core (WCAG 2.2 A and AA) finds no violation on any page, on a phone-sized screen."""

from tests.browser.conftest import run_axe
from tests.site_urls import sitemap_paths


def test_no_axe_violations_on_any_page(context, live_server, guide_app, axe_source):
    context.add_init_script(path=str(axe_source))
    page = context.new_page()
    paths = [*sitemap_paths(guide_app.test_client()), "/en/offline/", "/en/no-such-page/"]
    found = {}
    for path in paths:
        page.goto(live_server.url + path + ("#choose" if path == "/" else ""))
        violations = run_axe(page)
        if violations:
            found[path] = violations
    assert found == {}, found
