"""The MDN HTTP Observatory's own scanner, run against the guide as the README deploys it: gunicorn
behind nginx, which terminates TLS and redirects plain HTTP to HTTPS.

Everything runs in a private network namespace (`unshare --net`), so that nginx can take ports 80
and 443 of its own `localhost`, as the scanner expects, whatever the machine already listens on.
The test certificate's authority is given to the scanner (NODE_EXTRA_CA_CERTS); nothing leaves
the namespace. Run as `python -m tests.observatory WORKDIR tls|plain`: prints the scanner's JSON.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNER = ROOT / "node_modules" / "@mdn" / "mdn-http-observatory" / "src" / "scan.js"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
APP_PORT = 8000


def certificates(workdir):
    """A certificate authority, and a certificate for localhost that it signs (openssl): the
    authority's file, for the scanner."""
    workdir = Path(workdir)
    run = lambda *args: subprocess.run(["openssl", *args], cwd=workdir, check=True, capture_output=True)  # noqa: E731
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Guide test authority",
        "-keyout", "ca.key", "-out", "ca.pem")  # fmt: skip
    run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "site.key", "-out", "site.csr")
    (workdir / "site.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    run("x509", "-req", "-in", "site.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
        "-extfile", "site.ext", "-out", "site.pem")  # fmt: skip
    return workdir / "ca.pem"


def ipv6_loopback():
    """Whether ::1 can be listened on here (not where IPv6 is turned off)."""
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
        return True
    except OSError:
        return False


def nginx_config(workdir, tls):
    workdir = Path(workdir)
    also = "listen [::1]:{};" if ipv6_loopback() else "# {}"
    temp = workdir / "temp"
    temp.mkdir(exist_ok=True)
    proxy = f"""location / {{
            proxy_pass http://127.0.0.1:{APP_PORT};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}"""
    if tls:
        servers = f"""
    server {{ listen 127.0.0.1:80; {also.format(80)} server_name localhost; return 301 https://$host$request_uri; }}
    server {{
        listen 127.0.0.1:443 ssl; {also.format("443 ssl")} server_name localhost;
        ssl_certificate {workdir}/site.pem; ssl_certificate_key {workdir}/site.key;
        {proxy}
    }}"""
    else:
        servers = f"""
    server {{ listen 127.0.0.1:80; {also.format(80)} server_name localhost; {proxy} }}"""
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy; fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;
{servers}
}}
"""


def wait_for(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"a server exited before listening on port {port}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listened on port {port} within {seconds} s")


def scan_inside_namespace(workdir, mode):
    """In the namespace: the app, nginx in front of it, then one scan of localhost."""
    workdir = Path(workdir)
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    env = dict(os.environ, GUIDE_PROXY_COUNT="1", GUIDE_BUILD_DIR=str(workdir / "build"), GUNICORN_ACCESSLOG="")
    gunicorn = Path(sys.executable).parent / "gunicorn"
    app = subprocess.Popen(
        [str(gunicorn), "wsgi:app", "--bind", f"127.0.0.1:{APP_PORT}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(workdir / "gunicorn.log", "wb"),  # noqa: SIM115
    )
    (workdir / "nginx.conf").write_text(nginx_config(workdir, tls=mode == "tls"))
    nginx = subprocess.Popen(
        [NGINX, "-c", str(workdir / "nginx.conf"), "-p", str(workdir), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=open(workdir / "nginx.log", "wb"),  # noqa: SIM115
    )
    try:
        wait_for(APP_PORT, app)
        wait_for(443 if mode == "tls" else 80, nginx)
        scan = subprocess.run(
            ["node", str(SCANNER), "localhost"],
            env=dict(os.environ, NODE_EXTRA_CA_CERTS=str(workdir / "ca.pem")),
            capture_output=True,
            text=True,
            timeout=120,
        )
        sys.stdout.write(scan.stdout)
        sys.stderr.write(scan.stderr)
        return scan.returncode
    finally:
        for process in (nginx, app):
            process.terminate()
            process.wait(timeout=20)


if __name__ == "__main__":
    sys.exit(scan_inside_namespace(sys.argv[1], sys.argv[2]))
