"""No request leaves the origin, no console error, no CSP violation, no cookie: on every page."""

from tests.browser.conftest import wait_until_saved_offline
from tests.site_urls import sitemap_paths

RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def test_every_page_stays_on_its_origin_and_runs_clean(context, live_server, guide_app):
    requests, console_errors, page_errors = [], [], []
    context.on("request", lambda request: requests.append(request.url))
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.on("pageerror", lambda error: page_errors.append(str(error)))

    page.goto(live_server.url + "/en/")
    wait_until_saved_offline(page)
    for path in sitemap_paths(guide_app.test_client()):
        page.goto(live_server.url + path + ("#choose" if path == "/" else ""))
        assert page.evaluate("window.__cspViolations") == [], path

    assert requests, "the request listener saw nothing"
    assert [url for url in requests if not url.startswith(live_server.url + "/")] == []
    assert console_errors == []
    assert page_errors == []
    assert context.cookies() == []


def test_trusted_types_are_enforced(context, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/en/parents/")
    outcome = page.evaluate(
        """() => {
            try { document.body.insertAdjacentHTML('beforeend', '<b>injected</b>'); return 'allowed'; }
            catch (error) { return error.name; }
        }"""
    )
    assert outcome == "TypeError"
    # Only the guide's own policy name is allowed: no script can make a policy of its own.
    other_policy = page.evaluate(
        """() => {
            try { trustedTypes.createPolicy('attacker', {createHTML: (s) => s}); return 'allowed'; }
            catch (error) { return error.name; }
        }"""
    )
    assert other_policy == "TypeError"
