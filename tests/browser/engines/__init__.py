"""WebKit and Firefox for the browser tests, behind one small interface: goto, click, evaluate, close.

- WebKit: Debian's WebKitGTK MiniBrowser, driven by WebKitWebDriver (webkit2gtk-driver) through
  Selenium, on an Xvfb display (MiniBrowser has no headless mode and hangs without a display).
- Firefox: Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (npm), through a
  small Node bridge (firefox_bridge.mjs): no geckodriver needed.
Missing pieces are an error, never a skip: scripts/test installs them.
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
FIREFOX = os.environ.get("FIREFOX_PATH") or "/usr/bin/firefox-esr"
BRIDGE = Path(__file__).with_name("firefox_bridge.mjs")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {seconds} s")


class Display:
    """An Xvfb display of its own, for WebKit."""

    def __init__(self):
        xvfb = shutil.which("Xvfb")
        if not xvfb:
            pytest.fail("Xvfb is not installed: run scripts/test, which installs xvfb.")
        self.number = 90 + os.getpid() % 500
        self.process = subprocess.Popen(
            [xvfb, f":{self.number}", "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket_path = Path(f"/tmp/.X11-unix/X{self.number}")
        deadline = time.monotonic() + 20
        while not socket_path.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        if not socket_path.exists():
            pytest.fail(f"Xvfb did not start display :{self.number}")

    def close(self):
        self.process.terminate()
        self.process.wait()


class WebKit:
    name = "webkit"

    def __init__(self, display):
        from selenium import webdriver
        from selenium.webdriver.remote.client_config import ClientConfig
        from selenium.webdriver.remote.remote_connection import RemoteConnection
        from selenium.webdriver.webkitgtk.options import Options

        driver_binary = shutil.which("WebKitWebDriver")
        if not driver_binary or not Path(MINIBROWSER).is_file():
            pytest.fail("WebKitWebDriver or MiniBrowser is missing: run scripts/test (webkit2gtk-driver).")
        port = _free_port()
        env = dict(os.environ, DISPLAY=f":{display.number}")
        self.service = subprocess.Popen(
            [driver_binary, f"--port={port}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _wait_for_port(port)
        options = Options()
        options.set_capability("browserName", "MiniBrowser")
        options.set_capability("webkitgtk:browserOptions", {"binary": MINIBROWSER, "args": ["--automation"]})
        connection = RemoteConnection(client_config=ClientConfig(remote_server_addr=f"http://127.0.0.1:{port}"))
        self.driver = webdriver.Remote(command_executor=connection, options=options)
        self.driver.set_script_timeout(60)
        self.driver.set_page_load_timeout(30)

    def goto(self, url):
        self.driver.get(url)

    def click(self, selector):
        """A real click, as a person's (the user activation a page needs to start sound)."""
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def phone_size(self):
        """As close to a 360x640 phone as the MiniBrowser's window goes (it keeps its toolbar,
        so it is 447 CSS pixels wide at least): the page measures what it got (innerWidth)."""
        self.driver.set_window_size(360, 640)

    def evaluate(self, expression):
        """The value of a JavaScript expression (a promise is awaited)."""
        script = (
            "const done = arguments[arguments.length - 1];"
            f"Promise.resolve().then(() => ({expression}))"
            ".then((value) => done({value}), (error) => done({error: String(error)}));"
        )
        result = self.driver.execute_async_script(script)
        if "error" in result:
            raise AssertionError(f"WebKit: {result['error']}")
        return result.get("value")

    def close(self):
        with contextlib.suppress(Exception):
            self.driver.quit()
        self.service.terminate()
        self.service.wait()


class Firefox:
    name = "firefox"

    def __init__(self):
        if not Path(FIREFOX).is_file():
            pytest.fail(f"Firefox ESR is not installed at {FIREFOX}: run scripts/test (firefox-esr).")
        if not (ROOT / "node_modules" / "puppeteer-core").is_dir():
            pytest.fail("puppeteer-core is missing: run scripts/test, which runs npm ci.")
        self.process = subprocess.Popen(
            ["node", str(BRIDGE)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=dict(os.environ, FIREFOX_PATH=FIREFOX, MOZ_CRASHREPORTER_DISABLE="1"),
        )
        self._answer()  # {"ready": true}

    def _answer(self):
        line = self.process.stdout.readline()
        if not line:
            pytest.fail("the Firefox bridge stopped (is firefox-esr installed?)")
        answer = json.loads(line)
        if "error" in answer:
            raise AssertionError(f"Firefox: {answer['error']}")
        return answer.get("value")

    def _send(self, command):
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        return self._answer()

    def goto(self, url):
        return self._send({"goto": url})

    def click(self, selector):
        """A real click, as a person's (the user activation a page needs to start sound)."""
        return self._send({"click": selector})

    def phone_size(self):
        """The bridge's page is 360x640 already (firefox_bridge.mjs)."""

    def evaluate(self, expression):
        return self._send({"evaluate": f"(async () => ({expression}))()"})

    def close(self):
        with contextlib.suppress(OSError):  # the bridge answers "close" by leaving, not in words
            self.process.stdin.write(json.dumps({"close": True}) + "\n")
            self.process.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=20)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
