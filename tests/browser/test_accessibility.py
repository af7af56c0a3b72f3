"""axe-core (WCAG 2.2 A and AA) finds no violation on any page, on a phone-sized screen."""

from tests.browser.conftest import WCAG_TAGS, run_axe
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


def test_status_messages_sit_inside_a_landmark_while_saving(context, live_server, guide_app, axe_source):
    """axe's best practices too: "Saving…" and "Ready offline" are never content outside landmarks."""
    from tests.browser.test_worker_faults import Gate

    context.add_init_script(path=str(axe_source))
    held = Gate(guide_app, ["/en/about/", "/en/safety/"])  # saving goes on until the check is done
    live_server.deploy(held)
    page = context.new_page()
    page.goto(live_server.url + "/en/cards/deny/")
    page.wait_for_selector("#offline-status[data-state='saving']", timeout=20_000)
    assert run_axe(page, [*WCAG_TAGS, "best-practice"]) == []
    held.opened.set()
    page.wait_for_selector("#offline-status[data-state='ready']", timeout=30_000)
    assert run_axe(page, [*WCAG_TAGS, "best-practice"]) == []
