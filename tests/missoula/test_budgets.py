"""Size budgets for old phones on slow networks. Each test prints its figures; a budget exceeded fails.

Sizes are what travels: brotli-compressed bodies, as the app (and the export) serve them to browsers.
"""

import json
import re
from pathlib import Path

import brotli
import pytest

from tests.missoula import LANGUAGES, missoula_app
from tests.recordings import crisis_lines, record_audio, spoken
from webapp.settings import DefaultConfig

KIB = 1024
FIRST_VISIT_BUDGET = 150 * KIB  # a language's home page plus its whole offline copy
PAGE_BUDGET = 14 * KIB  # each HTML page: arrives in the first round trips
CSS_BUDGET = 12 * KIB
JS_BUDGET = 15 * KIB
PICTOGRAM_BUDGET = 20 * KIB  # what the pictograms add to one language's offline copy
PICTOGRAM = re.compile(r'<svg class="pictogram[^"]*".*?</svg>', re.S)
# A recording of every crisis line (58 in this edition, 2.5 to 3.5 minutes), saved with one
# language's copy: MP3 at 24 kbit/s, the least that keeps a voice clear, is 3 KB a second.
RECORDINGS_BUDGET = 768 * KIB


def compressed_size(client, url, encoding="br"):
    response = client.get(url, headers={"Accept-Encoding": encoding})
    assert response.status_code == 200, url
    return len(response.data)


def precache(client):
    first_line = client.get("/sw.js").get_data(as_text=True).split("\n", 1)[0]
    return json.loads(first_line.removeprefix("self.PRECACHE_MANIFEST = ").removesuffix(";"))


def page_load(client, url):
    """The page and what it pulls in by itself: scripts, stylesheet, manifest, icon."""
    html = client.get(url).get_data(as_text=True)
    scripts = re.findall(r'<script src="(/[^"]+)"', html)
    links = re.findall(r'<link rel="(?:stylesheet|manifest|icon|apple-touch-icon)" href="(/[^"]+)"', html)
    return [url, *dict.fromkeys(scripts + links)]


@pytest.mark.parametrize("code", LANGUAGES)
def test_first_visit_with_the_whole_offline_copy_fits_150_kib(client, code):
    manifest = precache(client)
    loaded = page_load(client, f"/{code}/")
    # The worker downloads its files with cache: 'reload', so what the page loaded counts again.
    offline_copy = [entry["url"] for entry in manifest["shared"] + manifest["languages"][code]]
    total = sum(compressed_size(client, url) for url in [*loaded, "/sw.js", *offline_copy])
    print(
        f"{code}: first visit + offline copy = {total / KIB:.1f} KiB ({len(loaded) + 1 + len(offline_copy)} requests)"
    )
    assert total <= FIRST_VISIT_BUDGET


@pytest.mark.parametrize("code", ["en", "ar", "ti"])
def test_the_pictograms_add_at_most_20_kib_to_a_languages_offline_copy(client, code):
    """Each offline page compressed as served, and again without its inline pictograms."""
    manifest = precache(client)
    added = count = 0
    for url in (entry["url"] for entry in manifest["languages"][code]):
        response = client.get(url)
        if response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        count += len(PICTOGRAM.findall(html))
        added += len(brotli.compress(html.encode())) - len(brotli.compress(PICTOGRAM.sub("", html).encode()))
    print(f"{code}: {count} pictograms add {added / KIB:.1f} KiB (brotli) to the offline copy")
    assert count > 0 and added <= PICTOGRAM_BUDGET


def test_every_html_page_fits_14_kib(client):
    sizes = {}
    for entries in precache(client)["languages"].values():
        for entry in entries:
            if entry["url"].endswith("/"):
                sizes[entry["url"]] = max(compressed_size(client, entry["url"], e) for e in ("br", "gzip"))
    largest = max(sizes, key=sizes.get)
    print(f"{len(sizes)} pages; largest {largest}: {sizes[largest] / KIB:.1f} KiB compressed (gzip or br)")
    assert sizes[largest] <= PAGE_BUDGET


def test_all_css_and_all_javascript_fit_their_budgets(client):
    shared = [entry["url"] for entry in precache(client)["shared"]]
    css = sum(compressed_size(client, url) for url in shared if url.endswith(".css"))
    js = sum(compressed_size(client, url) for url in shared if url.endswith(".js"))
    worker = compressed_size(client, "/sw.js")
    print(f"CSS {css / KIB:.1f} KiB; JavaScript {js / KIB:.1f} KiB + service worker {worker / KIB:.1f} KiB")
    assert css <= CSS_BUDGET
    assert js + worker <= JS_BUDGET


def test_no_web_fonts():
    # System fonts (and Debian's / the phone's Noto) cover every script of the guide; none is shipped.
    static = Path(DefaultConfig.STATIC_SOURCE_DIR)
    assert not [p for p in static.rglob("*") if p.suffix in {".woff", ".woff2", ".ttf", ".otf"}]
    assert "@font-face" not in (static / "css" / "guide.css").read_text()


@pytest.mark.parametrize("code", ["en", "ar"])
def test_a_recording_of_every_crisis_line_adds_at_most_768_kib_to_a_language(tmp_path, edition_copy, code):
    """Every crisis line of the edition said at a moderate pace (espeak-ng, 150 words a minute),
    filed by record-audio, then measured as the offline copy saves it (MP3 is sent as it is)."""
    app = missoula_app(tmp_path / "app", EDITION=str(edition_copy))
    wavs = spoken(app, code, list(crisis_lines(app, code)), tmp_path / "wav", "-s", "150")
    exit_code, output = record_audio(app, code, wavs)
    assert exit_code == 0, output
    client = missoula_app(tmp_path / "recorded", EDITION=str(edition_copy)).test_client()
    recordings = [e["url"] for e in precache(client)["languages"][code] if "/recordings/" in e["url"]]
    total = sum(compressed_size(client, url) for url in recordings)
    seconds = sum(float(line.split(": ")[1].split(" s,")[0]) for line in output.splitlines() if " s, filed as " in line)
    print(f"{code}: {len(recordings)} recordings, {seconds:.0f} s, add {total / KIB:.0f} KiB to the offline copy")
    assert len(recordings) == len(wavs) and total <= RECORDINGS_BUDGET
