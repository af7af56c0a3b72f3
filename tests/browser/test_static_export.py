"""The static export, served by a real nginx, behaves like the app: headers, 404, offline."""

import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import assert_every_page_works_offline, expected_headings, wait_until_saved_offline
from tests.static_server import NGINX, StaticServer, free_port
from webapp.serving.security import CONTENT_SECURITY_POLICY


@pytest.fixture()
def nginx_site(guide_app, tmp_path):
    if not Path(NGINX).is_file():
        pytest.fail("nginx is not installed: run scripts/test, which installs it.")
    port = free_port()
    out = tmp_path / "site"
    result = guide_app.test_cli_runner().invoke(
        args=["export", "--out", str(out), "--base-url", f"http://127.0.0.1:{port}"]
    )
    assert result.exit_code == 0, result.output
    server = StaticServer(out, port, tmp_path / "nginx").start()
    yield server
    server.stop()


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_nginx_serves_the_export_with_the_apps_headers(nginx_site):
    for path in ("/en/", "/sw.js", "/en/manifest.webmanifest", "/sitemap.xml"):
        status, headers, _ = fetch(nginx_site.url + path)
        assert status == 200, path
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, path
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", path
        assert headers["Cache-Control"] == "no-cache", path
    assert fetch(nginx_site.url + "/en/manifest.webmanifest")[1]["Content-Type"] == "application/manifest+json"
    _, headers, body = fetch(nginx_site.url + "/ar/cards/deny/", **{"Accept-Encoding": "br"})
    assert headers["Content-Encoding"] == "br"
    _, headers, _ = fetch(nginx_site.url + "/en/", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"


def test_nginx_serves_hashed_assets_as_immutable(nginx_site):
    _, _, html = fetch(nginx_site.url + "/en/")
    import re

    css = re.search(rb'href="(/static/css/guide\.[0-9a-f]{12}\.css)"', html).group(1).decode()
    status, headers, _ = fetch(nginx_site.url + css, **{"Accept-Encoding": "br"})
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "br"
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_nginx_answers_unknown_pages_with_the_404_page(nginx_site):
    status, headers, body = fetch(nginx_site.url + "/en/no-such-page/")
    assert status == 404
    assert b"Page not found" in body and b'href="tel:911"' in body
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


def test_the_exported_site_installs_and_works_offline_from_nginx(context, nginx_site, guide_app):
    headings = expected_headings(guide_app)
    page = context.new_page()
    page.goto(nginx_site.url + "/en/")
    wait_until_saved_offline(page)
    nginx_site.stop()
    assert_every_page_works_offline(page, nginx_site.url, headings)
