"""No eval, no string timers, no HTML sinks, no document.write: in every script the app ships."""

import re
from pathlib import Path

import pytest

from webapp.settings import PROJECT_ROOT, DefaultConfig

WEBAPP = PROJECT_ROOT / "webapp"
# The guide's scripts and its worker, the review sheet's Record buttons, and the studio's own
# script (its form library, JSON Editor, is npm's file as published: tests/test_studio.py).
SCRIPTS = [
    *Path(DefaultConfig.STATIC_SOURCE_DIR).rglob("*.js"),
    Path(DefaultConfig.SERVICE_WORKER_SOURCE),
    WEBAPP / "translation" / "review_sheet_record.js",
    *(WEBAPP / "studio" / "static").glob("*.js"),
]
UNSAFE = {
    "eval": re.compile(r"\beval\s*\("),
    "Function constructor": re.compile(r"\bnew\s+Function\s*\("),
    "string timer": re.compile(r"\bset(?:Timeout|Interval)\s*\(\s*['\"`]"),
    "HTML sink": re.compile(r"\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write"),
    "cookie": re.compile(r"document\.cookie"),
    "other host": re.compile(r"https?://(?!www\.w3\.org/)"),
}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_script_has_no_unsafe_code(script):
    source = script.read_text(encoding="utf-8")
    found = [name for name, pattern in UNSAFE.items() if pattern.search(source)]
    assert found == []


def test_the_scan_sees_what_it_looks_for():
    assert UNSAFE["HTML sink"].search("el.innerHTML = text")
    assert UNSAFE["eval"].search("eval (code)")
    assert UNSAFE["string timer"].search("setTimeout('alert(1)', 10)")
