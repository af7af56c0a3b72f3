"""The installable, offline app: web manifest, service worker, precache manifest, sitemap."""

import json
import re

from tests.conftest import make_app
from tests.site_urls import sitemap_paths


def precache_manifest(client):
    source = client.get("/sw.js").get_data(as_text=True)
    first_line = source.split("\n", 1)[0]
    assert first_line.startswith("self.PRECACHE_MANIFEST = ")
    return json.loads(first_line.removeprefix("self.PRECACHE_MANIFEST = ").removesuffix(";"))


def test_web_manifest_has_what_installing_needs(client, edition):
    response = client.get("/en/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    manifest = response.get_json(force=True)
    assert manifest["name"] == edition.guide.name
    assert manifest["short_name"]
    assert (manifest["lang"], manifest["dir"]) == ("en", "ltr")
    assert manifest["start_url"] == "/en/"
    assert manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["theme_color"])
    icons = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert icons == {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        image = client.get(icon["src"])
        assert image.status_code == 200 and image.mimetype == "image/png"
        width, height = int.from_bytes(image.data[16:20], "big"), int.from_bytes(image.data[20:24], "big")
        assert f"{width}x{height}" == icon["sizes"]
    assert [s["url"] for s in manifest["shortcuts"]] == ["/en/parents/lockdown/", "/en/lockdown/", "/en/cards/"]
    assert "not an official publication" in manifest["description"]


def test_every_page_links_the_manifest_of_its_language(client):
    for path in sitemap_paths(client)[1:]:
        code = path.split("/")[1]
        assert f'<link rel="manifest" href="/{code}/manifest.webmanifest">' in client.get(path).get_data(as_text=True)


def test_service_worker_is_served_at_the_root_and_always_revalidated(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert "addEventListener('install'" in response.get_data(as_text=True)


def test_precache_manifest_holds_every_page_offline_page_and_asset(client, edition):
    manifest = precache_manifest(client)
    assert list(manifest["languages"]) == edition.languages
    for code, entries in manifest["languages"].items():
        pages = {path for path in sitemap_paths(client) if path.startswith(f"/{code}/")}
        saved_data = {f"/{code}/offline/", f"/{code}/manifest.webmanifest", f"/{code}/search-index.json"}
        expected = pages | saved_data | {f"/{code}/listen.json"}
        assert {entry["url"] for entry in entries} == expected
    shared = [entry["url"] for entry in manifest["shared"]]
    assert "/" in shared
    html = client.get("/en/").get_data(as_text=True)
    for asset in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        assert asset in shared


def test_precache_revisions_are_hashes_of_what_is_served(client):
    import hashlib

    for entry in precache_manifest(client)["languages"]["en"]:
        body = client.get(entry["url"], headers={"Accept-Encoding": "identity"}).data
        assert hashlib.sha256(body).hexdigest().startswith(entry["revision"])


def test_changed_content_changes_the_worker_and_only_the_changed_entries(tmp_path, content_copy, client):
    home = content_copy / "home.yaml"
    home.write_text(home.read_text().replace("and what you can do.", "and what you can do now."))
    assert "now." in home.read_text()
    changed = make_app(tmp_path, EDITION=str(content_copy.parent)).test_client()
    before, after = precache_manifest(client), precache_manifest(changed)
    assert before["version"] != after["version"]
    revisions = lambda m: {e["url"]: e["revision"] for e in m["languages"]["en"]}  # noqa: E731
    differing = {url for url, rev in revisions(after).items() if revisions(before)[url] != rev}
    assert differing == {"/en/"}


def test_a_change_of_the_worker_alone_changes_the_cache_version(tmp_path, client):
    # The worker deletes its own cache when its install fails: were the version to leave out the
    # worker's code, a new worker with the same pages would delete the cache the old one serves.
    worker = tmp_path / "sw.js"
    with open(client.application.config["SERVICE_WORKER_SOURCE"], encoding="utf-8") as fh:
        # A change of its code: a comment alone is not served (scripts are minified), so changes nothing.
        worker.write_text(fh.read() + "\nself.FIXED = true;\n", encoding="utf-8")
    fixed = make_app(tmp_path / "fixed", SERVICE_WORKER_SOURCE=str(worker)).test_client()
    before, after = precache_manifest(client), precache_manifest(fixed)
    assert (before["shared"], before["languages"]) == (after["shared"], after["languages"])
    assert before["version"] != after["version"]


def test_sitemap_lists_pages_with_hreflang_alternates(client):
    xml = client.get("/sitemap.xml", base_url="https://guide.example.org").get_data(as_text=True)
    assert "<loc>https://guide.example.org/en/report/</loc>" in xml
    assert '<xhtml:link rel="alternate" hreflang="ar" href="https://guide.example.org/ar/report/"/>' in xml
    assert '<xhtml:link rel="alternate" hreflang="x-default"' in xml


def test_public_base_url_setting_is_used_in_sitemap_and_robots(tmp_path):
    client = make_app(tmp_path, PUBLIC_BASE_URL="https://safety.example.net/").test_client()
    assert "<loc>https://safety.example.net/en/</loc>" in client.get("/sitemap.xml").get_data(as_text=True)
    robots = client.get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: https://safety.example.net/sitemap.xml" in robots


def test_robots_allows_everything_and_names_the_sitemap(client):
    robots = client.get("/robots.txt", base_url="http://localhost:8000").get_data(as_text=True)
    assert "User-agent: *\nAllow: /" in robots
    assert "Sitemap: http://localhost:8000/sitemap.xml" in robots


def test_healthz_answers_ok_and_is_not_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"
    assert response.headers["Cache-Control"] == "no-store"
