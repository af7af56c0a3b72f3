"""Score the headers by the Mozilla Observatory's rules (A+ is 100 points or more), and print it.

The rules below are the Observatory's tests that apply to this app, with their points: a test
replica, so that the grade is checked on every run without sending anything to the Observatory.
"""

import re

import pytest

from tests.conftest import make_app

HTTPS = "https://guide.example.org"


def score(headers, scripts_same_origin=True):
    points, notes = 100, []
    csp = {
        d.split(" ", 1)[0]: d.split(" ", 1)[1] if " " in d else ""
        for d in headers.get("Content-Security-Policy", "").split("; ")
        if d
    }

    def add(delta, note):
        nonlocal points
        points += delta
        notes.append(f"{delta:+d} {note}")

    if not csp:
        add(-25, "no Content-Security-Policy")
    elif "unsafe-inline" in str(csp) or "unsafe-eval" in str(csp):
        add(-20, "CSP allows unsafe code")
    elif csp.get("default-src") == "'none'":
        add(10, "CSP with default-src 'none' and nothing unsafe")
    else:
        add(5, "CSP without unsafe sources")
    add(0, "no cookies") if "Set-Cookie" not in headers else add(-40, "cookies")
    if "Access-Control-Allow-Origin" in headers:
        add(-50 if headers["Access-Control-Allow-Origin"] == "*" else 0, "CORS header")
    referrer = headers.get("Referrer-Policy", "")
    add(
        5 if referrer in {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"} else 0,
        f"Referrer-Policy {referrer or 'missing'}",
    )
    hsts = re.search(r"max-age=(\d+)", headers.get("Strict-Transport-Security", ""))
    add(0 if hsts and int(hsts.group(1)) >= 15_768_000 else -20, "HSTS of at least six months")
    add(0 if scripts_same_origin else -50, "scripts only from this origin (no SRI needed)")
    add(0 if headers.get("X-Content-Type-Options") == "nosniff" else -5, "X-Content-Type-Options nosniff")
    if csp.get("frame-ancestors") == "'none'":
        add(5, "framing refused by CSP frame-ancestors")
    elif headers.get("X-Frame-Options", "").upper() not in {"DENY", "SAMEORIGIN"}:
        add(-20, "framing allowed")
    add(0 if headers.get("Cross-Origin-Resource-Policy") else -5, "Cross-Origin-Resource-Policy")
    return points, notes


@pytest.fixture(scope="module")
def https_client(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("score")).test_client()


@pytest.mark.parametrize("path", ["/en/", "/sw.js", "/en/manifest.webmanifest", "/no/such/page", "/static/"])
def test_headers_score_a_plus(https_client, path):
    if path == "/static/":
        html = https_client.get("/en/", base_url=HTTPS).get_data(as_text=True)
        path = re.search(r'href="(/static/css/[^"]+)"', html).group(1)
    headers = dict(https_client.get(path, base_url=HTTPS).headers)
    points, notes = score(headers)
    print(f"{path}: {points} points; " + "; ".join(notes))
    assert points >= 100
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_score_drops_for_weak_headers():
    weak = {"Content-Security-Policy": "default-src 'self' 'unsafe-inline'", "Set-Cookie": "a=b"}
    assert score(weak)[0] < 50
