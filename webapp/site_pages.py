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


def public_base_url():
    """The address people reach the guide at: the setting, or else the address of this request."""
    configured = current_app.config["PUBLIC_BASE_URL"]
    return (configured or request.host_url).rstrip("/")
