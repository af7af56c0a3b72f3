"""The site's page list: the edition's pages in its order, as the footer, the sitemap and the
service worker's offline copy list them."""

from flask import current_app, request, url_for

from webapp.content_model.page_registry import DATED_FILES, PAGES
from webapp.serving.listen import listen_urls
from webapp.serving.served_edition import guide
from webapp.translation.i18n import content_plain


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
        page = PAGES[page_id]
        urls.append(url_for(page.endpoint, lang=code))
        for subpage in page.subpages:
            if subpage.per_card:
                urls += [url_for(subpage.endpoint, lang=code, card_id=card_id) for card_id in card_ids]
            elif subpage.is_page:
                urls.append(url_for(subpage.endpoint, lang=code))
    return urls


def saved_data_urls(language):
    """The data the edition's pages read offline (the search index), of one language."""
    listed = (PAGES[page_id] for page_id in guide().page_list)
    return [url_for(sub.endpoint, lang=language.code) for page in listed for sub in page.subpages if not sub.is_page]


def page_label(page_id):
    """A page's short name in links: the interface's word for the engine's pages, else the
    content's "nav" or its title (translated, as markup)."""
    if PAGES[page_id].label:
        return str(PAGES[page_id].label)
    page = guide().page_content(page_id)
    return content_plain(page.get("nav") or page["title"])


def footer_links():
    """[(url, label)] of the edition's pages for the footer, in its order."""
    return [(url_for(PAGES[p].endpoint), page_label(p)) for p in guide().page_list if PAGES[p].in_footer]


def page_last_changed(endpoint):
    """When the content of the page at this endpoint last changed, or None."""
    files = DATED_FILES.get(endpoint)
    return guide().last_changed(files) if files else None


def offline_url(language):
    return url_for("pages.offline", lang=language.code)


def manifest_url(language):
    return url_for("pwa.web_manifest", lang=language.code)


def offline_copy_urls(language):
    """What the service worker saves for a language, and so what a static export must hold too."""
    return [
        *page_urls(language),
        offline_url(language),
        manifest_url(language),
        *saved_data_urls(language),
        *listen_urls(language),
    ]


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
