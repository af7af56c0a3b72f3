"""What every template gets: the language, its alternates, asset URLs and links between pages."""

from flask import current_app, g, request, url_for

from webapp.content_model.page_registry import PAGES, shortcut_pages
from webapp.content_model.pictograms import CREDIT
from webapp.serving.page_list import footer_links, page_label, page_last_changed
from webapp.serving.served_edition import edition, guide
from webapp.translation.i18n import default_language, served_languages


def init_app(app):
    app.context_processor(_layout_context)


def asset_url(name):
    return current_app.extensions["assets"].url(name)


def page_url(page_id, anchor=None):
    return url_for(PAGES[page_id].endpoint, _anchor=str(anchor) if anchor else None)


def who_speaks(short=False):
    """Who publishes the guide, as the ADOPTED_BY setting says (English source string)."""
    return guide().notice(current_app.config["ADOPTED_BY"], short)


def pictogram(pictogram_id, label):
    """A pictogram, inline, with label (its line, in the page's language) as its text alternative."""
    return guide().pictograms[pictogram_id].markup(label)


def alternates():
    """The same page in every served language, for the switcher and hreflang links."""
    if request.url_rule is None or "lang" not in request.url_rule.arguments:
        return []
    args = dict(request.view_args or {})
    return [(lang, url_for(request.endpoint, **args, lang=lang.code)) for lang in served_languages()]


def _layout_context():
    return {
        "language": g.get("language") or default_language(),
        "languages": served_languages(),
        "alternates": alternates,
        "asset_url": asset_url,
        "footer_links": footer_links,
        "page_label": page_label,
        "page_url": page_url,
        "pictogram": pictogram,
        "pictogram_credit": CREDIT,
        "shortcut_pages": shortcut_pages(),
        "guide": guide(),
        "edition": edition(),
        "app_version": current_app.config["APP_VERSION"],
        "theme_color": current_app.config["THEME_COLOR"],
        "public_base_url": current_app.config["PUBLIC_BASE_URL"].rstrip("/"),
        "who_speaks": who_speaks(),
        "who_speaks_short": who_speaks(short=True),
        "last_changed": page_last_changed(request.endpoint) if request else None,
    }
