"""The list of a language's pages: what the sitemap lists and the service worker saves."""

from flask import current_app, request, url_for

# In reading order; the card pages are inserted after the overview and the wallet sheet.
# The poster is left out: its QR code holds the address it is served from, so it is printed online.
GUIDE_ENDPOINTS = (
    "pages.home",
    "pages.cards",
    "pages.wallet_cards",
    "pages.lockdown",
    "pages.parents_lockdown",
    "pages.parents",
    "pages.safety",
    "pages.report",
    "pages.about",
    "pages.search",
)


# The content files each page is made of: its "last changed" date is the newest of theirs.
PAGE_CONTENT_FILES = {
    "pages.home": ("home", "who_speaks"),
    "pages.cards": ("cards",),
    "pages.card": ("cards",),
    "pages.wallet_cards": ("cards",),
    "pages.lockdown": ("lockdown", "cards"),
    "pages.lockdown_card": ("cards",),
    "pages.parents_lockdown": ("parents_lockdown", "protocol"),
    "pages.parents": ("parents", "contacts"),
    "pages.safety": ("safety", "protocol", "contacts"),
    "pages.report": ("report", "contacts"),
    "pages.about": ("about", "sources", "who_speaks"),
}


def guide():
    return current_app.extensions["guide"]


def page_urls(language):
    """Every public page of one language (needs an app or request context to build URLs).

    The cards follow the overview and the wallet sheet; the lockdown screen's dark copies of the
    cards follow the lockdown screen.
    """
    code = language.code
    urls = [url_for(endpoint, lang=code) for endpoint in GUIDE_ENDPOINTS]
    card_ids = [card["id"] for card in guide().cards]
    card_urls = [url_for("pages.card", lang=code, card_id=card_id) for card_id in card_ids]
    lockdown_card_urls = [url_for("pages.lockdown_card", lang=code, card_id=card_id) for card_id in card_ids]
    return urls[:3] + card_urls + urls[3:4] + lockdown_card_urls + urls[4:]


def page_last_changed(endpoint):
    """When the content of the page at this endpoint last changed, or None."""
    files = PAGE_CONTENT_FILES.get(endpoint)
    return guide().last_changed(files) if files else None


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
