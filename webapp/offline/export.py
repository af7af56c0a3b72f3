"""`flask --app webapp export --out DIR`: the whole site as static files, for any CDN or static host.

Every file is the exact bytes the app serves (so the service worker's revisions hold), with .br and
.gz beside it, plus the security and cache headers written for static hosts (_headers) and for
nginx (nginx-headers.conf, nginx-site.conf.example), generated from the same code the app uses.
"""

import shutil
from pathlib import Path

import click
from flask import current_app, url_for
from flask.cli import with_appcontext

from webapp.serving.compression import COMPRESSIBLE_SUFFIXES, compressed_variants
from webapp.serving.page_list import offline_copy_urls, served_response
from webapp.serving.response_cache import IMMUTABLE
from webapp.serving.security import BASE_HEADERS, HSTS
from webapp.translation.i18n import served_languages

NOT_FOUND_PROBE = "/__export/not-found/"


def site_paths():
    """Every URL path the export writes (besides static assets and the 404 page)."""
    paths = ["/", "/sw.js", "/sitemap.xml", "/robots.txt"]
    for language in served_languages():
        paths += offline_copy_urls(language)
        paths.append(url_for("pages.poster", lang=language.code))
    return paths


def file_for(out, path):
    return out / (path.lstrip("/") + "index.html" if path.endswith("/") else path.lstrip("/"))


def write_file(target, body):
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
    if target.suffix in COMPRESSIBLE_SUFFIXES:
        for encoding, data in compressed_variants(body).items():
            target.with_name(target.name + (".br" if encoding == "br" else ".gz")).write_bytes(data)


def export_site(app, out, base_url):
    """Write the site into out; return how many files were written."""
    count = 0
    with app.test_request_context(base_url=base_url):
        paths = site_paths()
    for path in paths:
        response = served_response(app, path, base_url=base_url)
        if response.status_code != 200:
            raise click.ClickException(f"{path} answered {response.status_code}")
        write_file(file_for(out, path), response.get_data())
        count += 1
    not_found = served_response(app, NOT_FOUND_PROBE, base_url=base_url)
    write_file(out / "404.html", not_found.get_data())
    static_out = out / "static"
    shutil.copytree(app.extensions["assets"].build_dir, static_out, dirs_exist_ok=True)
    count += sum(1 for p in static_out.rglob("*") if p.is_file() and p.suffix not in {".br", ".gz"})
    (out / "_headers").write_text(static_host_headers())
    (out / "nginx-headers.conf").write_text(nginx_headers())
    (out / "nginx-site.conf.example").write_text(nginx_site_example())
    return count + 1


def static_host_headers():
    """Netlify / Cloudflare Pages style _headers: the app's headers on every path."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in [*BASE_HEADERS, HSTS]]
    lines += ["", "/static/*", f"  Cache-Control: {IMMUTABLE}", "", "/*/recordings/*", f"  Cache-Control: {IMMUTABLE}"]
    lines += ["", "/sw.js", "  Cache-Control: no-cache", ""]
    return "\n".join(lines)


def nginx_headers():
    """Security headers for nginx: include this in every location (add_header does not inherit)."""
    return "".join(f'add_header {name} "{value}" always;\n' for name, value in BASE_HEADERS)


def nginx_site_example(root="/srv/school-safety-guide", listen="80"):
    """A server block serving the export with the app's headers, precompressed files and 404 page."""
    return f"""# Serve the exported School Safety Guide. Needs Debian's nginx and, for .br files,
# libnginx-mod-http-brotli-static. Behind HTTPS, add to the server block:
#   add_header {HSTS[0]} "{HSTS[1]}" always;  (and in each location)
server {{
    listen {listen};
    root {root};
    index index.html;
    charset utf-8;
    absolute_redirect off;
    gzip_static on;
    brotli_static on;
    etag on;
    error_page 404 /404.html;
    types {{
        text/html html;
        text/css css;
        text/javascript js;
        application/json json;
        application/manifest+json webmanifest;
        application/xml xml;
        text/plain txt;
        image/png png;
        image/svg+xml svg;
        audio/mpeg mp3;
    }}

    location /static/ {{
        include {root}/nginx-headers.conf;
        add_header Cache-Control "{IMMUTABLE}" always;
        try_files $uri =404;
    }}

    # Recordings are named by their content, like the static files.
    location ~ ^/[^/]+/recordings/ {{
        include {root}/nginx-headers.conf;
        add_header Cache-Control "{IMMUTABLE}" always;
        try_files $uri =404;
    }}

    location / {{
        include {root}/nginx-headers.conf;
        add_header Cache-Control "no-cache" always;
        try_files $uri $uri/index.html =404;
    }}

    location = /404.html {{
        include {root}/nginx-headers.conf;
        add_header Cache-Control "no-store" always;
        internal;
    }}
}}
"""


@click.command("export")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder to write the site into.")
@click.option(
    "--base-url", default=None, help="Public address (sitemap, robots, posters); default GUIDE_PUBLIC_BASE_URL."
)
@with_appcontext
def export_command(out, base_url):
    """Write the whole site as static files for a CDN or static host."""
    base_url = (base_url or current_app.config["PUBLIC_BASE_URL"]).rstrip("/")
    if not base_url:
        raise click.UsageError("Give the public address with --base-url (or set GUIDE_PUBLIC_BASE_URL).")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    count = export_site(current_app._get_current_object(), out, base_url)
    click.echo(f"Exported {count} files (with .br and .gz beside each text file) to {out} for {base_url}")
