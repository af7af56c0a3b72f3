"""The site's page list: the edition's pages in its order, as the footer, the sitemap and the
service worker's offline copy list them."""

from flask import current_app, request, url_for
from flask_babel import lazy_gettext as _l

from webapp.content import LINKABLE_PAGES, NOT_IN_FOOTER
from webapp.i18n import content_plain

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


def edition():
    """What edition.yaml says (names, languages, pages), as checked at start-up."""
    return current_app.extensions["edition"].data


def page_urls(language):
    """Every public page of one language (needs an app or request context to build URLs).

    The cards follow the overview and the wallet sheet; the lockdown screen's dark copies of the
    cards follow the lockdown screen.
    """
    code = language.code
    card_ids = [card["id"] for card in guide().cards]
    urls = []
    # The poster is left out: its QR code holds the address it is served from, so it is printed online.
    for page_id in guide().page_list:
        urls.append(url_for(LINKABLE_PAGES[page_id], lang=code))
        if page_id == "cards":
            urls.append(url_for("pages.wallet_cards", lang=code))
            urls += [url_for("pages.card", lang=code, card_id=card_id) for card_id in card_ids]
        elif page_id == "lockdown":
            urls += [url_for("pages.lockdown_card", lang=code, card_id=card_id) for card_id in card_ids]
    return urls


# The engine's own pages, named in the interface's words; the others by their content.
ENGINE_PAGE_NAMES = {"home": _l("Home"), "search": _l("Search the guide")}


def page_label(page_id):
    """A page's short name in links: the interface's word for the engine's pages, else the
    content's "nav" or its title (translated, as markup)."""
    if page_id in ENGINE_PAGE_NAMES:
        return str(ENGINE_PAGE_NAMES[page_id])
    page = guide().page_content(page_id)
    return content_plain(page.get("nav") or page["title"])


def footer_links():
    """[(url, label)] of the edition's pages for the footer, in its order."""
    return [(url_for(LINKABLE_PAGES[p]), page_label(p)) for p in guide().page_list if p not in NOT_IN_FOOTER]


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
