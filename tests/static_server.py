"""A real nginx serving a static export, started and stopped by tests and the benchmark."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from webapp.offline.export import nginx_site_example

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# Debian's libnginx-mod-http-brotli-static, for the .br files next to each exported file.
BROTLI_STATIC_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StaticServer:
    """nginx with the export's own example configuration, on a port of its own."""

    def __init__(self, root, port, workdir, workers=1):
        self.root, self.port, self.workdir = Path(root), port, Path(workdir)
        self.workers = workers
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def config(self):
        # As root, nginx's workers would otherwise drop to a user that cannot read a 0700 test folder.
        user = "user root;\n" if os.geteuid() == 0 else ""
        temp = self.workdir / "temp"
        temp.mkdir(parents=True, exist_ok=True)
        server = nginx_site_example(root=str(self.root), listen=f"127.0.0.1:{self.port}")
        return f"""{user}worker_processes {self.workers};
pid {self.workdir}/nginx.pid;
error_log {self.workdir}/error.log;
load_module {BROTLI_STATIC_MODULE};
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{server}
}}
"""

    def start(self):
        conf = self.workdir / "nginx.conf"
        conf.write_text(self.config())
        log = self.workdir / "startup.log"
        with open(log, "wb") as stderr:
            self.process = subprocess.Popen(
                [NGINX, "-c", str(conf), "-p", str(self.workdir), "-g", "daemon off;"],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited: {log.read_text()}")
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.05)
        raise RuntimeError("nginx did not start listening within 10 seconds")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None
