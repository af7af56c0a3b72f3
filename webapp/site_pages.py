"""The list of a language's pages: what the sitemap lists and the service worker saves."""

from flask import current_app, request, url_for

# In reading order; the card pages are inserted after the overview and the wallet sheet.
# The poster is left out: its QR code holds the address it is served from, so it is printed online.
GUIDE_ENDPOINTS = (
    "pages.home",
    "pages.cards",
    "pages.wallet_cards",
    "pages.lockdown",
    "pages.parents",
    "pages.safety",
    "pages.report",
    "pages.about",
    "pages.search",
)


def guide():
    return current_app.extensions["guide"]


def page_urls(language):
    """Every public page of one language (needs an app or request context to build URLs)."""
    urls = [url_for(endpoint, lang=language.code) for endpoint in GUIDE_ENDPOINTS]
    card_urls = [url_for("pages.card", lang=language.code, card_id=card["id"]) for card in guide().cards]
    return urls[:3] + card_urls + urls[3:]


def offline_url(language):
    return url_for("pages.offline", lang=language.code)


def manifest_url(language):
    return url_for("pwa.web_manifest", lang=language.code)


def search_index_url(language):
    return url_for("pages.search_index", lang=language.code)


def offline_copy_urls(language):
    """What the service worker saves for a language, and so what a static export must hold too."""
    return [*page_urls(language), offline_url(language), manifest_url(language), search_index_url(language)]


def served_response(app, path, **request_options):
    """The response the app gives for path, rendered as for a visitor (not compressed).

    Each in a fresh app context: a request made inside another request would reuse the caller's
    `g`, and with it the caller's language and Flask-Babel's cached locale.
    """
    with app.app_context():
        return app.test_client().get(path, headers={"Accept-Encoding": "identity"}, **request_options)


def public_base_url():
    """The address people reach the guide at: the setting, or else the address of this request."""
    configured = current_app.config["PUBLIC_BASE_URL"]
    return (configured or request.host_url).rstrip("/")
