"""Pages are served from memory with ETags, 304s and compression; assets are immutable."""

import gzip
import re

import brotli


def test_pages_carry_an_etag_and_answer_304_when_unchanged(client):
    first = client.get("/en/report/")
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"
    again = client.get("/en/report/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert client.get("/en/report/", headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_pages_are_compressed_with_brotli_or_gzip(client):
    plain = client.get("/en/about/", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    br = client.get("/en/about/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert br.headers["Content-Encoding"] == "br"
    assert brotli.decompress(br.data) == plain.data
    gz = client.get("/en/about/", headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.data) == plain.data
    assert br.headers["Vary"] == "Accept-Encoding"
    # Each representation has its own ETag, and revalidates on it.
    assert len({plain.headers["ETag"], br.headers["ETag"], gz.headers["ETag"]}) == 3
    revalidated = client.get("/en/about/", headers={"Accept-Encoding": "br", "If-None-Match": br.headers["ETag"]})
    assert revalidated.status_code == 304


def test_a_page_is_rendered_once_and_then_served_from_memory(app, client):
    client.get("/en/report/")
    cache = app.extensions["prepared_bodies"]
    entry = cache[("", "/en/report/")]
    client.get("/en/report/")
    assert cache[("", "/en/report/")] is entry


def test_head_answers_like_get_without_a_body(client):
    get = client.get("/en/cards/")
    head = client.head("/en/cards/")
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers["ETag"] == get.headers["ETag"]
    assert head.headers["Content-Length"] == get.headers["Content-Length"]


def test_static_assets_have_hashed_names_and_are_immutable_for_a_year(client):
    html = client.get("/en/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/guide\.[0-9a-f]{12}\.css)"', html).group(1)
    response = client.get(css, headers={"Accept-Encoding": "br"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Content-Encoding"] == "br"
    gz = client.get(css, headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip"
    assert brotli.decompress(response.data) == gzip.decompress(gz.data)


def test_unhashed_or_unknown_static_paths_are_not_found(client):
    assert client.get("/static/css/guide.css").status_code == 404
    assert client.get("/static/../webapp/settings.py").status_code == 404


def test_pages_from_memory_answer_exactly_as_flask_did(tmp_path):
    from tests.conftest import make_app

    client = make_app(tmp_path).test_client()
    headers = {"Accept-Encoding": "br"}
    first = client.get("/ar/cards/get-out/", headers=headers)  # rendered by Flask, then kept
    second = client.get("/ar/cards/get-out/", headers=headers)  # answered from memory
    assert second.status_code == first.status_code == 200
    assert second.data == first.data
    assert sorted(second.headers.items()) == sorted(first.headers.items())
    head = client.head("/ar/cards/get-out/", headers=headers)
    assert head.data == b"" and head.headers["Content-Length"] == first.headers["Content-Length"]
    not_modified = client.get("/ar/cards/get-out/", headers={**headers, "If-None-Match": first.headers["ETag"]})
    assert not_modified.status_code == 304 and not_modified.data == b""
