"""The guide's pages: the language chooser at /, and every page under /<lang>/."""

from flask import Blueprint, abort, current_app, render_template, request, url_for
from flask_babel import force_locale, gettext

from webapp.content_model.page_registry import PAGE_OF_ENDPOINT
from webapp.serving.page_list import public_base_url
from webapp.serving.qr_code import qr_code_svg
from webapp.serving.response_cache import prepared
from webapp.serving.search_index import search_entries
from webapp.serving.served_edition import edition, guide
from webapp.translation.i18n import pull_language, push_language, served_languages
from webapp.translation.review_status import is_draft

bp = Blueprint("pages", __name__)


@bp.before_request
def only_the_editions_pages():
    """A page type the edition leaves out of its list (and the views that come with it) is a 404,
    like any unknown page."""
    page_id = PAGE_OF_ENDPOINT.get(request.endpoint)
    if page_id is not None and not guide().has(page_id):
        abort(404)


bp.url_value_preprocessor(pull_language)
bp.url_defaults(push_language)


@bp.get("/")
@prepared()
def choose_language():
    """A real page listing every language in itself; a script forwards to the saved or best one."""
    choices = []
    for language in served_languages():
        # Each language's own title for the guide, so that every family recognises theirs; with
        # the release gate on, a draft says so in its own language.
        draft = is_draft(language)
        with force_locale(language.locale):
            label = gettext("Draft: not yet reviewed by a native speaker") if draft else None
            choices.append((language, gettext(edition().guide.name), label))
    return render_template("choose_language.html", choices=choices)


@bp.get("/<lang:lang>/")
@prepared()
def home():
    """Three big ways in, plus reporting and the lockdown screen."""
    return render_template("home.html", page=guide().pages["home"])


@bp.get("/<lang:lang>/cards/")
@prepared()
def cards():
    """All the cards together, with why and who they are for."""
    return render_template("cards.html", page=guide().pages["cards"]["overview"], cards=guide().cards)


def _card_with_neighbours(card_id):
    """The card and its previous and next cards, or a 404 for an unknown card."""
    cards_ = guide().cards
    index = next((i for i, c in enumerate(cards_) if c["id"] == card_id), None)
    if index is None:
        abort(404)
    return {
        "card": cards_[index],
        "previous_card": cards_[index - 1] if index > 0 else None,
        "next_card": cards_[index + 1] if index + 1 < len(cards_) else None,
    }


@bp.get("/<lang:lang>/cards/<card_id>/")
@prepared()
def card(card_id):
    """One card, with previous and next."""
    return render_template("card.html", **_card_with_neighbours(card_id), card_endpoint="pages.card")


@bp.get("/<lang:lang>/lockdown/<card_id>/")
@prepared()
def lockdown_card(card_id):
    """A card opened from the lockdown screen: as dark and silent as it, with a way back to it."""
    return render_template("lockdown_card.html", **_card_with_neighbours(card_id), card_endpoint="pages.lockdown_card")


@bp.get("/<lang:lang>/cards/wallet/")
@prepared()
def wallet_cards():
    """All the cards at bank-card size on one printable page."""
    return render_template("wallet_cards.html", cards=guide().cards)


@bp.get("/<lang:lang>/poster/")
@prepared(per_host=True)
def poster():
    """A printable poster for school entrances: what the guide is, and a QR code to it."""
    address = public_base_url() + url_for("pages.home")
    qr_code = qr_code_svg(address, title=gettext("QR code for %(address)s", address=address))
    return render_template("poster.html", address=address, qr_code=qr_code)


@bp.get("/<lang:lang>/lockdown/")
@prepared()
def lockdown():
    """The lockdown screen: dark, silent, one glance."""
    return render_template("lockdown.html", page=guide().pages["lockdown"])


@bp.get("/<lang:lang>/parents/lockdown/")
@prepared()
def parents_lockdown():
    """For a parent whose child's school is in lockdown: what to do now, then what comes next."""
    return render_template("parents_lockdown.html", page=guide().pages["parents_lockdown"])


@bp.get("/<lang:lang>/parents/")
@prepared()
def parents():
    """Talk with your kids: words matter."""
    return render_template("guide_page.html", page=guide().pages["parents"], page_id="parents")


@bp.get("/<lang:lang>/safety/")
@prepared()
def safety():
    """How schools and police prepare."""
    return render_template("guide_page.html", page=guide().pages["safety"], page_id="safety")


@bp.get("/<lang:lang>/report/")
@prepared()
def report():
    """Whom to contact; the app itself sends nothing."""
    return render_template("guide_page.html", page=guide().pages["report"], page_id="report")


@bp.get("/<lang:lang>/about/")
@prepared()
def about():
    """Who wrote it, sources, when each page changed, version, privacy, how the offline copy works."""
    return render_template(
        "about.html",
        page=guide().pages["about"],
        sources=guide().sources,
        languages_by_code={language.code: language.endonym for language in served_languages()},
    )


@bp.get("/<lang:lang>/search/")
@prepared()
def search():
    """Search as you type, offline; without scripts, a list of every card and section."""
    return render_template("search.html", entries=search_entries())


@bp.get("/<lang:lang>/search-index.json")
@prepared(mimetype="application/json")
def search_index():
    """What the search page searches, in this language; saved offline with the language."""
    return current_app.json.dumps(search_entries(), ensure_ascii=False)


@bp.get("/<lang:lang>/offline/")
@prepared()
def offline():
    """What the service worker shows for a page that is not saved, with no network."""
    return render_template("offline.html", page=guide().pages["offline"])
