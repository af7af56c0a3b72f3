"""The headers, scored by the MDN HTTP Observatory's own scanner (`@mdn/mdn-http-observatory`),
against the guide as the README deploys it: behind nginx terminating TLS, plain HTTP redirected.
Its score and grade are printed; the guide must have the highest grade, A+."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.observatory import NGINX, ROOT, SCANNER, certificates

HSTS_LIST = SCANNER.parent.parent / "conf" / "hsts-preload.json"


def observatory(workdir, mode):
    """The scanner's report on the guide served by nginx over HTTPS ("tls") or plain HTTP."""
    if not SCANNER.is_file() or not HSTS_LIST.is_file():
        pytest.fail("The Observatory's scanner is missing: run scripts/test, which installs it (npm ci).")
    for tool in (NGINX, "openssl", "ip", "unshare", "node"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} is missing: run scripts/test, which installs it.")
    certificates(workdir)
    # A private network namespace of its own (as root; otherwise in a user namespace of its own).
    namespace = ["unshare", "--net"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--net"]
    result = subprocess.run(
        [*namespace, sys.executable, "-m", "tests.observatory", str(workdir), mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def summary(report):
    scan = report["scan"]
    return (
        f"grade {scan['grade']}, score {scan['score']}, {scan['testsPassed']} of {scan['testsQuantity']} tests passed"
    )


def test_the_observatory_grades_the_guide_a_plus_over_https(tmp_path):
    report = observatory(tmp_path, "tls")
    print(f"MDN HTTP Observatory, HTTPS behind nginx: {summary(report)}")
    failed = {name: test["result"] for name, test in report["tests"].items() if not test["pass"]}
    assert failed == {}
    assert report["scan"]["grade"] == "A+"


def test_the_same_scanner_grades_plain_http_lower(tmp_path):
    # The scanner measures what it is given: without HTTPS there is no redirect and no HSTS.
    report = observatory(tmp_path, "plain")
    print(f"MDN HTTP Observatory, plain HTTP: {summary(report)}")
    assert not report["tests"]["redirection"]["pass"]
    assert report["scan"]["grade"] != "A+"
