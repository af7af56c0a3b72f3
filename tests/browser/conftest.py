"""Browser tests: Playwright driving Debian's Chromium against a live server the tests control.

The server runs in a thread so that a test can stop it (to go offline for real), start it again on
the same port (same origin, so the same service worker), or swap the app behind it (an update).
Missing Chromium is an error, never a skip: the test command installs it.
"""

import contextlib
import html as html_lib
import logging
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler

from tests.conftest import make_app
from tests.fixture import FIXTURE_EDITION
from tests.missoula import copy_missoula, missoula_app
from tests.recordings import crisis_lines, espeak, record_audio, spoken
from tests.site_urls import sitemap_paths
from webapp.translation.recordings import sheet_file_name

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_SOURCE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 640}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


class OneRequestPerConnection(WSGIRequestHandler):
    # No keep-alive: once the server is stopped, no open connection can still answer.
    protocol_version = "HTTP/1.0"

    def log_request(self, *args, **kwargs):
        pass

    def connection_dropped(self, error, environ=None):
        # When the browser drops a connection mid-answer, Werkzeug's server does not always close
        # the response (a file WhiteNoise opened): close it, as gunicorn does.
        response = (environ or {}).get(RESPONSE_KEY)
        if hasattr(response, "close"):
            response.close()


# Where the live server keeps each request's response, so that a dropped connection can close it.
RESPONSE_KEY = "tests.response"


class StoppableServer(ThreadedWSGIServer):
    """A threaded server that, when stopped, also closes connections it has already accepted.

    Chromium opens spare connections ahead of time; without this, a handler thread holding one
    would still answer a request after the server was "stopped", and offline tests would lie.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.connections = set()
        self.connections_lock = threading.Lock()

    def process_request(self, request, client_address):
        with self.connections_lock:
            self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self):
        with self.connections_lock:
            connections, self.connections = self.connections, set()
        for connection in connections:
            with contextlib.suppress(OSError):  # already closed by its handler
                connection.shutdown(socket.SHUT_RDWR)


class SwitchableApp:
    """The WSGI app behind the live server; tests swap it to deploy a new version, and may
    listen to the paths it is asked for (on_request)."""

    def __init__(self, app):
        self.current = app
        self.on_request = None

    def __call__(self, environ, start_response):
        if self.on_request is not None:
            self.on_request(environ["PATH_INFO"])
        environ[RESPONSE_KEY] = response = self.current(environ, start_response)
        return response


class LiveServer:
    def __init__(self, app):
        self.app = SwitchableApp(app)
        self.port = 0
        self._server = None
        self.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self._server = StoppableServer("127.0.0.1", self.port, self.app, handler=OneRequestPerConnection)
        self.port = self._server.server_port
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server.close_connections()
            self._server = None

    def deploy(self, app):
        self.app.current = app


@pytest.fixture(scope="session")
def chromium_path():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run scripts/test, which installs it.")
    return CHROMIUM


@pytest.fixture(scope="session")
def playwright_instance():
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance, chromium_path):
    browser = playwright_instance.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def guide_app(tmp_path_factory):
    return missoula_app(tmp_path_factory.mktemp("browser-app"))


@pytest.fixture(scope="session")
def app(guide_app):
    """Here the app is the one the browsers see (the Missoula edition), not the fixture's."""
    return guide_app


@pytest.fixture()
def edition_copy(tmp_path):
    """The browser tests try the Missoula edition as it ships (test_any_edition.py tries the fixture's)."""
    return copy_missoula(tmp_path)


@pytest.fixture()
def live_server(guide_app):
    server = LiveServer(guide_app)
    yield server
    server.stop()


@pytest.fixture()
def versions(tmp_path, content_copy):
    """Version 1, and a version 2 with a new version number and changed home page text."""
    home = content_copy / "home.yaml"
    home.write_text(home.read_text().replace("and what you can do.", "and what you can do today."))
    v1 = missoula_app(tmp_path / "v1", APP_VERSION="1.0.0-test")
    v2 = missoula_app(tmp_path / "v2", APP_VERSION="2.0.0-test", EDITION=str(content_copy.parent))
    return v1, v2


@pytest.fixture()
def context(browser):
    """A fresh browser profile per test: no service worker or cache carried over."""
    context = browser.new_context(viewport=PHONE)
    yield context
    context.close()


@pytest.fixture()
def profile_page(playwright_instance, chromium_path, tmp_path):
    """A page in a persistent browser profile, as an installed app has (incognito cannot install)."""
    context = playwright_instance.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path, args=CHROMIUM_ARGS, viewport=PHONE
    )
    yield context.pages[0] if context.pages else context.new_page()
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_SOURCE.is_file():
        pytest.fail(f"{AXE_SOURCE} is missing: run scripts/test, which installs axe-core with npm ci.")
    return AXE_SOURCE


def evict_everything(context, page, origin):
    """The browser evicts the site's cache storage whole, the worker's records with it."""
    context.new_cdp_session(page).send(
        "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "cache_storage"}
    )
    assert page.evaluate("caches.keys()") == []


def wait_until_saved_offline(page, timeout=30_000):
    """Wait for the page's own "ready offline" signal, which the service worker sends when done."""
    page.wait_for_selector("#offline-status[data-state='ready']", timeout=timeout)


def heading_of(page):
    return page.locator("h1").first.inner_text().strip()


def normalise(text):
    return " ".join(text.split())


def expected_headings(app, language="en"):
    """<h1> of / and of each sitemap page of one language, as the server renders them."""
    client = app.test_client()
    headings = {}
    for path in sitemap_paths(client):
        if path != "/" and not path.startswith(f"/{language}/"):
            continue
        body = client.get(path).get_data(as_text=True)
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S).group(1)
        headings[path] = normalise(html_lib.unescape(re.sub(r"<[^>]+>", " ", h1)))
    return headings


def assert_every_page_works_offline(page, base_url, headings):
    """Visit each page (server stopped): each shows its own heading, not the offline page."""
    for path, heading in headings.items():
        response = page.goto(base_url + path)
        assert response.ok, path
        if path == "/":
            # The chooser forwards to the language this device used last.
            page.wait_for_url(base_url + "/en/")
            heading = headings["/en/"]
        assert normalise(heading_of(page)) == heading, path


def run_axe(page, tags=WCAG_TAGS):
    """axe-core's violations of these rules (WCAG 2.2 A/AA by default) on the current page."""
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
            }));
        }""",
        tags,
    )


@pytest.fixture(scope="session")
def sound_card(tmp_path_factory):
    """A sound card for the browsers: PulseAudio's null sink, in a daemon of the tests' own. Without
    one, Firefox's Web Audio never starts; with it, sound plays (into nothing) at its real pace."""
    program = shutil.which("pulseaudio")
    if program is None:
        pytest.fail("PulseAudio is not installed: run scripts/test, which installs pulseaudio.")
    socket_path = tmp_path_factory.mktemp("pulse") / "native"
    daemon = subprocess.Popen(
        [program, "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "-n",
         "--load=module-null-sink sink_name=guide_tests",
         f"--load=module-native-protocol-unix socket={socket_path} auth-anonymous=1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while not socket_path.exists() and time.monotonic() < deadline and daemon.poll() is None:
        time.sleep(0.05)
    if not socket_path.exists():
        daemon.kill()
        pytest.fail("PulseAudio did not start its null sink")
    previous = os.environ.get("PULSE_SERVER")
    os.environ["PULSE_SERVER"] = f"unix:{socket_path}"
    yield
    if previous is None:
        os.environ.pop("PULSE_SERVER", None)
    else:
        os.environ["PULSE_SERVER"] = previous
    daemon.terminate()
    daemon.wait()


SHEET_LINE = "Get out"  # the first card's title: recorded in the review sheet, in Arabic


def record_in_the_review_sheet(playwright_instance, chromium_path, sheet, name, voice, downloads):
    """Press Record on a row of a review sheet opened from its file, with voice as the microphone
    (Chromium's fake capture device plays the WAV), then Stop and Save: the file the sheet saved."""
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_path,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-audio-capture={voice}",
        ],
    )
    try:
        page = browser.new_context(accept_downloads=True).new_page()
        page.goto(sheet.as_uri())
        row = page.locator(f'td.record[data-name="{name}"]')
        row.locator(".record__start").click()
        row.locator(".record__stop").wait_for(state="visible")
        page.wait_for_timeout(2500)  # the length of the recording, not a wait for an outcome
        row.locator(".record__stop").click()
        row.locator("audio").wait_for(state="visible")  # to listen back
        with page.expect_download() as download:
            row.locator(".record__save").click()
        saved = downloads / download.value.suggested_filename
        download.value.save_as(saved)
        return saved
    finally:
        browser.close()


@pytest.fixture(scope="session")
def recorded_edition(tmp_path_factory, playwright_instance, chromium_path):
    """The fixture edition with a recording of every crisis line in English and Arabic, filed by
    `translate record-audio`: Arabic's "Get out" recorded in the review sheet (MediaRecorder in
    Chromium), the others spoken by espeak-ng."""
    folder = tmp_path_factory.mktemp("recorded")
    edition = folder / "edition"
    shutil.copytree(FIXTURE_EDITION, edition)
    app = make_app(folder / "app", EDITION=str(edition))
    result = app.test_cli_runner().invoke(args=["translate", "review-sheet", "ar", "--out", str(folder)])
    assert result.exit_code == 0, result.output
    arabic = crisis_lines(app, "ar")
    voice = espeak(arabic[SHEET_LINE], "ar", folder / "microphone.wav")
    name = sheet_file_name("ar", SHEET_LINE, arabic[SHEET_LINE])
    saved = record_in_the_review_sheet(
        playwright_instance, chromium_path, folder / "review-sheet-ar.html", name, voice, folder
    )
    assert saved.name.startswith(name + "."), saved.name
    for code in ("en", "ar"):
        lines = [english for english in crisis_lines(app, code) if (code, english) != ("ar", SHEET_LINE)]
        files = spoken(app, code, lines, folder / code) + ([saved] if code == "ar" else [])
        exit_code, output = record_audio(app, code, files)
        assert exit_code == 0, output
    return edition


@pytest.fixture(scope="session")
def recorded_app(recorded_edition, tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("recorded-app"), EDITION=str(recorded_edition))
