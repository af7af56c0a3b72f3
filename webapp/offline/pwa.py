"""What makes the guide an installable, offline app and findable: worker, manifests, sitemap."""

from flask import Blueprint, current_app, g, jsonify, render_template, url_for
from flask_babel import gettext as _

from webapp.content_model.page_registry import PAGES, shortcut_pages
from webapp.offline.precache import service_worker_script
from webapp.serving.page_context import asset_url, who_speaks
from webapp.serving.page_list import page_urls, public_base_url
from webapp.serving.response_cache import prepared
from webapp.serving.served_edition import edition, guide
from webapp.translation.i18n import content_plain_text, pull_language, push_language, served_languages

bp = Blueprint("pwa", __name__)
bp.url_value_preprocessor(pull_language)
bp.url_defaults(push_language)


@bp.get("/sw.js")
@prepared(mimetype="text/javascript")
def service_worker():
    """The service worker, at the root so that its scope is the whole site."""
    return service_worker_script()


@bp.get("/<lang:lang>/manifest.webmanifest")
@prepared(mimetype="application/manifest+json")
def web_manifest():
    """The web app manifest in one language: installed name, start page and shortcuts."""
    icons = [
        {"src": asset_url(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
        for size in (192, 512)
    ] + [
        {
            "src": asset_url(f"icons/maskable-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "maskable",
        }
        for size in (192, 512)
    ]
    shortcut_icon = [{"src": asset_url("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"}]
    manifest = {
        "id": url_for("pages.home"),
        "name": content_plain_text(edition().guide.name),
        "short_name": content_plain_text(edition().guide.short_name),
        "description": _("School safety guidance in your language, with or without a network.")
        + " "
        + content_plain_text(who_speaks()),
        "lang": g.language.code,
        "dir": g.language.direction,
        "start_url": url_for("pages.home"),
        "scope": "/",
        "display": "standalone",
        "background_color": current_app.config["BACKGROUND_COLOR"],
        "theme_color": current_app.config["THEME_COLOR"],
        "icons": icons,
        "shortcuts": [_shortcut(page_id, shortcut_icon) for page_id in shortcut_pages() if guide().has(page_id)],
    }
    return current_app.json.dumps(manifest, ensure_ascii=False)


def _shortcut(page_id, icons):
    page = guide().page_content(page_id)
    return {
        "name": content_plain_text(page["title"]),
        "short_name": content_plain_text(page.get("short_name") or page.get("nav") or page["title"]),
        "url": url_for(PAGES[page_id].endpoint),
        "icons": icons,
    }


@bp.get("/sitemap.xml")
@prepared(mimetype="application/xml", per_host=True)
def sitemap():
    """Every page in every language, each with its hreflang alternates."""
    languages = served_languages()
    base = public_base_url()
    pages_by_language = {lang.code: page_urls(lang) for lang in languages}
    entries = []
    for lang in languages:
        for index, path in enumerate(pages_by_language[lang.code]):
            alternates = [(other.code, base + pages_by_language[other.code][index]) for other in languages]
            entries.append(
                {
                    "loc": base + path,
                    "alternates": alternates,
                    "default": base + pages_by_language[languages[0].code][index],
                }
            )
    entries.insert(0, {"loc": base + "/", "alternates": [], "default": None})
    return render_template("sitemap.xml", entries=entries)


@bp.get("/robots.txt")
@prepared(mimetype="text/plain", per_host=True)
def robots():
    """Everything may be indexed; here is the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {public_base_url()}/sitemap.xml\n"


@bp.get("/healthz")
def healthz():
    """For load balancers: the app is up and its content loaded."""
    response = jsonify(status="ok", version=current_app.config["APP_VERSION"])
    response.headers["Cache-Control"] = "no-store"
    return response
