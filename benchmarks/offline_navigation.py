"""Offline navigation, measured against a fair floor: the guide's own pages served by a minimal
cache-first service worker, in the same browser and run, with the worker warm (running) and cold
(stopped before each navigation, as when a parent opens the installed guide hours later).

Both sites are the guide's static export, each served by its own nginx (two origins): one as
exported, one whose /sw.js is the minimal worker, which precaches the same files. The browser is
offline (network emulation); each figure is the median of three rounds of 20 navigations between
two cards, the two sites taking turns.
Run alone: `.venv/bin/python benchmarks/offline_navigation.py` (it prints the table).
"""

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.static_server import StaticServer, free_port  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
CARDS = ("/en/cards/deny/", "/en/cards/avoid/")
NAVIGATIONS = 20

# The floor: cache-first, every file of the guide's manifest (shared and English) saved at install.
MINIMAL_WORKER = """const URLS = %s;
self.addEventListener('install', (event) => event.waitUntil(caches.open('minimal').then((c) => c.addAll(URLS))));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  event.respondWith(caches.match(event.request).then((response) => response || fetch(event.request)));
});
"""

NAVIGATION_TIMES = """() => { const n = performance.getEntriesByType('navigation')[0];
  return {total: n.duration, response: n.responseEnd - n.fetchStart}; }"""


def export_site(out, base_url, build_dir):
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "flask"), "--app", "webapp", "export", "--out", str(out), "--base-url", base_url],
        cwd=ROOT,
        env={"GUIDE_BUILD_DIR": str(build_dir), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )


def with_minimal_worker(site):
    """The export, its worker replaced by the minimal one (same files precached)."""
    first_line = (site / "sw.js").read_text(encoding="utf-8").split("\n", 1)[0]
    manifest = json.loads(first_line.removeprefix("self.PRECACHE_MANIFEST = ").removesuffix(";"))
    urls = [entry["url"] for entry in manifest["shared"] + manifest["languages"]["en"]]
    for compressed in (site / "sw.js.br", site / "sw.js.gz"):
        compressed.unlink(missing_ok=True)
    (site / "sw.js").write_text(MINIMAL_WORKER % json.dumps(urls), encoding="utf-8")


def navigations(page, cdp, base_url, cold):
    """Navigation Timing of NAVIGATIONS navigations between the two cards."""
    times = []
    for index in range(NAVIGATIONS):
        if cold:
            cdp.send("ServiceWorker.stopAllWorkers")
        page.goto(base_url + CARDS[index % 2])
        times.append(page.evaluate(NAVIGATION_TIMES))
    return times


def measure(playwright, base_url, saved):
    """{warm, cold}: the navigation times on a site, offline, once saved() says its worker is ready."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    try:
        context = browser.new_context(viewport={"width": 360, "height": 640})
        page = context.new_page()
        page.goto(base_url + "/en/")
        saved(page)
        page.goto(base_url + CARDS[0])  # controlled by the worker from here on
        cdp = context.new_cdp_session(page)
        cdp.send("ServiceWorker.enable")
        context.set_offline(True)
        return {"warm": navigations(page, cdp, base_url, cold=False), "cold": navigations(page, cdp, base_url, True)}
    finally:
        browser.close()


def guide_saved(page):
    page.wait_for_selector("#offline-status[data-state='ready']", timeout=60_000)


def minimal_saved(page):
    page.evaluate("navigator.serviceWorker.ready")


SITES = (("guide", None, guide_saved), ("minimal", with_minimal_worker, minimal_saved))


def offline_navigation_ms(work, rounds=3):
    """{guide: {warm, cold}, minimal: {warm, cold}}, each {total, response}: medians in ms over
    rounds in which the two sites take turns (so that a busy moment of the machine touches both)."""
    from playwright.sync_api import sync_playwright

    work = Path(work)
    servers = {}
    try:
        for name, alter, _saved in SITES:
            port = free_port()
            site = work / f"site-{name}"
            export_site(site, f"http://127.0.0.1:{port}", work / "build")
            if alter:
                alter(site)
            servers[name] = StaticServer(site, port, work / f"nginx-{name}", workers=1).start()
        times = {name: {"warm": [], "cold": []} for name, _alter, _saved in SITES}
        with sync_playwright() as playwright:
            for _round in range(rounds):
                for name, _alter, saved in SITES:
                    for state, measured in measure(playwright, servers[name].url, saved).items():
                        times[name][state] += measured
    finally:
        for server in servers.values():
            server.stop()
    return {
        name: {
            state: {part: statistics.median(t[part] for t in runs) for part in ("total", "response")}
            for state, runs in states.items()
        }
        for name, states in times.items()
    }


def markdown(results):
    guide, minimal = results["guide"], results["minimal"]
    lines = [
        f"Offline navigation between two cards in headless Chromium, offline by network emulation "
        f"(median of 3 rounds of {NAVIGATIONS}, the two sites taking turns; Navigation Timing `duration`, and "
        "in brackets the worker's answer, "
        "`fetchStart` to `responseEnd`). The floor is the guide's own pages from a minimal cache-first "
        "worker, same browser, same run; cold: every worker stopped before each navigation "
        "(`ServiceWorker.stopAllWorkers`), as when the installed guide is opened hours later.",
        "",
        "| worker | warm ms | cold ms |",
        "| --- | ---: | ---: |",
    ]
    for label, r in (("the guide's", guide), ("minimal cache-first", minimal)):
        lines.append(
            f"| {label} | {r['warm']['total']:.1f} ({r['warm']['response']:.1f}) | "
            f"{r['cold']['total']:.1f} ({r['cold']['response']:.1f}) |"
        )
    lines += [
        "",
        f"The guide's worker against the minimal one: {guide['warm']['total'] / minimal['warm']['total']:.2f}x warm, "
        f"{guide['cold']['total'] / minimal['cold']['total']:.2f}x cold (goal: within 1.25x).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="guide-offline-bench-") as work:
        print(markdown(offline_navigation_ms(work)))
