"""Security and privacy headers on every kind of response; no inline code; no cookies."""

import re

import pytest

from tests.site_urls import sitemap_paths
from webapp.serving.security import CONTENT_SECURITY_POLICY

EXPECTED = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def some_paths(client):
    html = client.get("/en/").get_data(as_text=True)
    static = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    return [
        "/",
        "/en/",
        "/sw.js",
        "/en/manifest.webmanifest",
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
        "/no/such/page",
        *static,
    ]


def test_every_response_carries_the_security_headers(client):
    for path in some_paths(client):
        response = client.get(path)
        for name, value in EXPECTED.items():
            assert response.headers.get(name) == value, (path, name)
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert "Set-Cookie" not in response.headers, path
        assert "Strict-Transport-Security" not in response.headers, path


def test_errors_and_wrong_methods_carry_them_too(client):
    for response in (client.post("/en/"), client.get("/xx/"), client.delete("/static/nothing.css")):
        assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_the_policy_is_the_strict_one():
    policy = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))
    assert policy["default-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in CONTENT_SECURITY_POLICY


def test_hsts_is_sent_over_https(client):
    response = client.get("/en/", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=63072000")


def test_hsts_behind_a_proxy_needs_the_proxy_to_be_trusted(tmp_path):
    from tests.conftest import make_app

    headers = {"X-Forwarded-Proto": "https"}
    untrusted = make_app(tmp_path / "a").test_client().get("/en/", headers=headers)
    assert "Strict-Transport-Security" not in untrusted.headers
    trusted = make_app(tmp_path / "b", PROXY_COUNT=1).test_client().get("/en/", headers=headers)
    assert "Strict-Transport-Security" in trusted.headers


@pytest.fixture()
def every_page(client):
    return {path: client.get(path).get_data(as_text=True) for path in [*sitemap_paths(client), "/en/offline/"]}


def test_no_inline_script_or_style_and_nothing_from_other_hosts(every_page):
    for path, html in every_page.items():
        for script in re.findall(r"<script\b[^>]*>", html):
            assert re.search(r'src="/static/', script), (path, script)
        assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html), path
        assert "<style" not in html and " style=" not in html, path
        assert not re.search(r"\son\w+=", html), path  # no inline event handlers
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html):
            assert not re.search(r'(?:src|href)="(?:https?:)?//', tag), (path, tag)
