"""Nothing a client sends makes the server keep more: not forged Host headers, not a flood of 404s."""

import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import webapp.serving.response_cache
from tests.conftest import make_app
from webapp.serving.response_cache import PER_HOST_LIMIT

# The sitemap holds the host too; it is tested with fewer hosts below, as it is the largest body.
HOST_PAGES = ("/robots.txt", "/en/poster/")
hostnames = st.from_regex(r"[a-z][a-z0-9-]{0,20}\.(example|test|invalid)(:[1-9][0-9]{2,3})?", fullmatch=True)


@pytest.fixture(scope="module")
def host_app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("hosts"))


def kept_bodies(app):
    return len(app.extensions["prepared_bodies"]) + len(app.extensions.get("per_host_bodies", ()))


@settings(max_examples=25, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(hosts=st.lists(hostnames, min_size=10, max_size=20, unique=True))
def test_forged_hosts_do_not_grow_what_the_server_keeps(host_app, hosts):
    client = host_app.test_client()
    for path in HOST_PAGES:  # warm up: what a real visitor causes
        client.get(path)
    before = kept_bodies(host_app)
    for host in hosts:
        for path in HOST_PAGES:
            response = client.get(path, base_url=f"http://{host}")
            assert response.status_code == 200
            assert host in response.get_data(as_text=True)  # still the address it was asked at
    assert kept_bodies(host_app) <= before + len(HOST_PAGES) * PER_HOST_LIMIT


def test_memory_stays_flat_under_forged_hosts(tmp_path):
    app = make_app(tmp_path)
    client = app.test_client()
    for index in range(2 * PER_HOST_LIMIT):  # warm up (fill the per-host cache), then measure
        client.get("/sitemap.xml", base_url=f"http://warm-{index}.example")
        client.get("/robots.txt", base_url=f"http://warm-{index}.example")
    tracemalloc.start()
    start, _ = tracemalloc.get_traced_memory()
    for index in range(1000):
        client.get("/robots.txt", base_url=f"http://forged-{index}.example")
    for index in range(20):
        client.get("/sitemap.xml", base_url=f"http://forged-{index}.example")
    end, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    growth = (end - start) / 2**20
    print(f"1,020 forged Host headers: traced memory grew by {growth:.2f} MiB")
    assert growth < 2


def test_with_a_public_address_every_host_gets_the_one_public_body(tmp_path):
    app = make_app(tmp_path, PUBLIC_BASE_URL="https://safety.example.org")
    client = app.test_client()
    bodies = {client.get("/robots.txt", base_url=f"http://h{index}.example").data for index in range(30)}
    assert bodies == {b"User-agent: *\nAllow: /\n\nSitemap: https://safety.example.org/sitemap.xml\n"}
    assert len(app.extensions.get("per_host_bodies", ())) == 0


def test_a_flood_of_404s_is_compressed_once_per_language(tmp_path, monkeypatch):
    app = make_app(tmp_path)
    client = app.test_client()
    compressions = []
    real = webapp.serving.response_cache.compressed
    monkeypatch.setattr(
        webapp.serving.response_cache, "compressed", lambda *args, **kw: compressions.append(1) or real(*args, **kw)
    )
    for index in range(200):
        response = client.get(f"/en/no-such-page-{index}/", headers={"Accept-Encoding": "br"})
        assert response.status_code == 404 and response.headers["Content-Encoding"] == "br"
    for index in range(50):
        headers = {"Accept-Language": "ar", "Accept-Encoding": "br"}
        assert client.get(f"/missing-{index}", headers=headers).status_code == 404
    assert len(compressions) == 2  # English and Arabic, once each
