"""The benchmark behind `make bench`: prints a results table and writes docs/benchmarks.md.

It measures and reports; it asserts nothing about time. Everything runs on this machine, against
servers it starts on 127.0.0.1 and stops itself, with bounded request loops.
"""

import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.offline_navigation import markdown as offline_markdown  # noqa: E402
from benchmarks.offline_navigation import offline_navigation_ms  # noqa: E402
from tests.static_server import StaticServer, free_port  # noqa: E402

WRK_SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 64
LOAD_CONNECTIONS = 256
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "30"))
PAGES = ["/en/", "/en/cards/deny/"]
LIGHTHOUSE_PAGES = ["/en/", "/en/cards/deny/", "/en/parents/", "/ar/", "/ar/cards/deny/", "/ar/parents/"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


FORGED_HOSTS = 10_000


def wait_until_up(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def start_gunicorn(port, build_dir, workers="2"):
    env = dict(os.environ, GUNICORN_ACCESSLOG="", GUIDE_BUILD_DIR=str(build_dir))
    if workers:
        env["WEB_CONCURRENCY"] = workers
    else:
        env.pop("WEB_CONCURRENCY", None)  # the config's own choice: one worker per core
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "wsgi:app", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until_up(f"http://127.0.0.1:{port}/healthz")
    return process


def wrk(url, connections=CONNECTIONS, seconds=WRK_SECONDS):
    """requests/s, p50 and p99 latency (ms), and errors, from one wrk run."""
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip, deflate, br",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return {"rps": rps, "p50": latency_ms(output, "50%"), "p99": latency_ms(output, "99%"), "errors": errors}


def latency_ms(output, percentile):
    value, unit = re.search(rf"^\s*{re.escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def worker_rss_mib(master_pid):
    children = subprocess.run(["pgrep", "-P", str(master_pid)], capture_output=True, text=True).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return max(sizes)


def forged_hosts_rss(port, master_pid, count=FORGED_HOSTS):
    """Every worker's resident memory before and after `count` requests with distinct Host headers."""
    import http.client

    def per_worker():
        children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
        sizes = {}
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            sizes[pid] = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024
        return sizes

    for path in ("/robots.txt", "/sitemap.xml", "/en/poster/"):  # warm up as a real visitor does
        urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read()
    before = per_worker()
    for index in range(count):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        path = ("/robots.txt", "/sitemap.xml", "/en/poster/")[index % 3]
        connection.request("GET", path, headers={"Host": f"forged-{index}.example"})
        connection.getresponse().read()
        connection.close()
    after = per_worker()
    return max(after[pid] - before.get(pid, after[pid]) for pid in after), max(after.values())


def lighthouse(url):
    cli = ROOT / "benchmarks" / "node_modules" / "lighthouse" / "cli" / "index.js"
    flags = "--headless=new --no-sandbox --disable-background-networking --disable-component-update --no-first-run"
    output = subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags={flags}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, CHROME_PATH=CHROMIUM),
        check=True,
    ).stdout
    report = json.loads(output)
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    audits = report["audits"]
    return {
        **scores,
        "LCP ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "TBT ms": round(audits["total-blocking-time"]["numericValue"]),
        "CLS": round(audits["cumulative-layout-shift"]["numericValue"], 3),
    }


def machine():
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024 / 1024
    return (
        f"{os.cpu_count()} cores ({cpu.group(1) if cpu else platform.machine()}), {memory:.0f} GiB, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def main():
    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    results = {"server": {}, "nginx": {}}
    port = free_port()
    gunicorn = start_gunicorn(port, work / "build")
    try:
        for path in PAGES:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read()
            results["server"][path] = wrk(f"http://127.0.0.1:{port}{path}")
        results["rss"] = worker_rss_mib(gunicorn.pid)
        # A flood of 404s must cost no more than a flood of pages.
        results["not_found"] = wrk(f"http://127.0.0.1:{port}/en/no-such-page/")
        results["forged_growth"], results["forged_rss"] = forged_hosts_rss(port, gunicorn.pid)
    finally:
        gunicorn.terminate()
        gunicorn.wait()

    # The load test: 256 connections for 30 s, gunicorn exactly as gunicorn.conf.py sets it up.
    port = free_port()
    gunicorn = start_gunicorn(port, work / "build", workers=None)
    try:
        results["load"] = wrk(f"http://127.0.0.1:{port}/en/", connections=LOAD_CONNECTIONS, seconds=LOAD_SECONDS)
    finally:
        gunicorn.terminate()
        gunicorn.wait()

    nginx_port = free_port()
    site = work / "site"
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "flask"),
            "--app",
            "webapp",
            "export",
            "--out",
            str(site),
            "--base-url",
            f"http://127.0.0.1:{nginx_port}",
        ],
        cwd=ROOT,
        env=dict(os.environ, GUIDE_BUILD_DIR=str(work / "build")),
        check=True,
        capture_output=True,
    )
    nginx = StaticServer(site, nginx_port, work / "nginx", workers=2).start()
    try:
        for path in PAGES:
            results["nginx"][path] = wrk(f"{nginx.url}{path}")
    finally:
        nginx.stop()

    (work / "offline").mkdir()
    results["offline_ms"] = offline_navigation_ms(work / "offline")

    results["lighthouse"] = {}
    if (ROOT / "benchmarks" / "node_modules" / "lighthouse").is_dir():
        port = free_port()
        gunicorn = start_gunicorn(port, work / "build")
        try:
            for path in LIGHTHOUSE_PAGES:
                results["lighthouse"][path] = lighthouse(f"http://127.0.0.1:{port}{path}")
        finally:
            gunicorn.terminate()
            gunicorn.wait()
    shutil.rmtree(work, ignore_errors=True)
    report = markdown(results)
    print(report)
    (ROOT / "docs" / "benchmarks.md").write_text(report)


def markdown(results):
    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.date.today().isoformat()} with `make bench` on {machine()}.",
        f"wrk: 2 threads, {CONNECTIONS} connections, {WRK_SECONDS} s a page, `Accept-Encoding: gzip, deflate, br`; "
        "gunicorn with the project's `gunicorn.conf.py` and 2 workers; nginx with the export's own "
        "configuration and 2 workers; client and server on the same 2 cores, so throughput varies "
        "from run to run (compare runs on one machine, not across machines).",
        "",
        "## Server",
        "",
        "| page | server | requests/s | p50 ms | p99 ms | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for path in PAGES:
        for name in ("server", "nginx"):
            r = results[name][path]
            label = "gunicorn (app)" if name == "server" else "nginx (static export)"
            lines.append(f"| `{path}` | {label} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['errors']} |")
    for path in PAGES:
        ratio = results["server"][path]["rps"] / results["nginx"][path]["rps"]
        lines.append("")
        lines.append(f"gunicorn / nginx requests per second for `{path}`: {ratio:.2f}")
    load = results["load"]
    lines += [
        "",
        f"Load test: {LOAD_CONNECTIONS} connections for {LOAD_SECONDS} s on `/en/`, gunicorn as `gunicorn.conf.py` "
        f"sets it up (one worker per core): {load['rps']:.0f} requests/s, p50 {load['p50']:.2f} ms, "
        f"p99 {load['p99']:.2f} ms, {load['errors']} errors.",
    ]
    lines += [
        "",
        f"Resident memory of one gunicorn worker after the load, every language loaded: {results['rss']:.1f} MiB.",
        "",
        f"A flood of 404s (`/en/no-such-page/`, same wrk settings): {results['not_found']['rps']:.0f} requests/s, "
        f"p99 {results['not_found']['p99']:.2f} ms, against {results['server'][PAGES[0]]['rps']:.0f} requests/s "
        f"for `{PAGES[0]}`.",
        "",
        f"{FORGED_HOSTS:,} requests with distinct forged `Host` headers (robots.txt, sitemap, poster in turn): "
        f"the largest growth of a worker's resident memory was {results['forged_growth']:.1f} MiB "
        f"(largest worker afterwards: {results['forged_rss']:.1f} MiB).",
        "",
        "## Client",
        "",
        offline_markdown(results["offline_ms"]),
        "",
    ]
    if results["lighthouse"]:
        lines += [
            "Lighthouse 12.8.2 (mobile, simulated throttling), Debian's Chromium:",
            "",
            "| page | performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for path, r in results["lighthouse"].items():
            if r is None:
                lines.append(f"| `{path}` | Lighthouse failed twice: see the benchmark's output | | | | | | |")
                continue
            lines.append(
                f"| `{path}` | {r['performance']} | {r['accessibility']} | {r['best-practices']} | "
                f"{r['seo']} | {r['LCP ms']} | {r['TBT ms']} | {r['CLS']} |"
            )
    else:
        lines.append("Lighthouse was not installed (`npm ci --prefix benchmarks`), so it did not run.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
