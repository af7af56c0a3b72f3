"""What the records say about a page's crisis steps in its language, and about each language.

A crisis string counts as reviewed only while a native speaker's (or community interpreter's)
approval in a reviews.yaml beside the string's catalog (translations/<locale>/, or the edition's)
holds for its exact English and translation.
"""

from flask import current_app, g, request
from flask_babel import gettext

from webapp.content_model.crisis_text import shown_strings
from webapp.content_model.edition import EditionError
from webapp.content_model.page_registry import CRISIS_OF_ENDPOINT, PAGES
from webapp.serving.served_edition import guide
from webapp.translation.glossary import crisis_strings
from webapp.translation.i18n import in_language, is_translated, served_languages
from webapp.translation.pictogram_tests import PictogramTestError, read_tests, share_understood, used_pictograms
from webapp.translation.reviews import StringStatus, read_reviews, strings_status


def init_app(app, languages, catalog_layers):
    app.extensions["reviews"] = {
        lang.locale: [review for layer in catalog_layers for review in read_reviews(layer.directory, lang.locale)]
        for lang in languages
        if not lang.is_source
    }
    try:
        app.extensions["pictogram_tests"] = {
            lang.locale: [test for layer in catalog_layers for test in read_tests(layer.directory, lang.locale)]
            for lang in languages
        }
    except PictogramTestError as error:
        raise EditionError([str(error)]) from None
    app.context_processor(
        lambda: {
            "crisis_review": page_crisis_review,
            "language_reviews": language_reviews,
            "is_draft": is_draft,
            "pictograms_understood": pictograms_understood,
        }
    )


def pictograms_understood(language):
    """(share understood, answers) of the comprehension tests of the pictograms in use, in this
    language; None when none has been tested."""
    tests = current_app.extensions["pictogram_tests"].get(language.locale, [])
    return share_understood(tests, guide().pictograms, used_pictograms(guide()))


def page_crisis_strings(endpoint, view_args):
    """The crisis strings a page shows (as the page registry says); None for a page that shows none."""
    content = guide()
    page_id, shows = CRISIS_OF_ENDPOINT.get(endpoint, (None, None))
    if shows == "its card":
        card = content.card((view_args or {}).get("card_id"))
        return shown_strings(card) if card else None
    if shows == "all cards":
        return [s for card in content.cards for s in shown_strings(card)]
    if shows is None:
        return None
    strings = shown_strings(content.pages[PAGES[page_id].content])
    if shows == "its text and the protocol":
        strings += [s for action in content.protocol["actions"] for s in (action["action"], action["means"])]
    return strings


def crisis_status(language, strings):
    """StringStatus of these English crisis strings in a language (needs that locale active)."""
    if language.is_source:
        return StringStatus(True)
    reviews = current_app.extensions["reviews"].get(language.locale, [])
    if not all(is_translated(s) for s in strings):
        return StringStatus(False)
    return strings_status(reviews, [(s, gettext(s)) for s in strings])


def page_crisis_review():
    """(whether this page has crisis steps, their status) for the current page and language."""
    language = g.get("language")
    strings = page_crisis_strings(request.endpoint, request.view_args) if request else None
    on_page = strings is not None
    return on_page, crisis_status(language, strings if on_page else crisis_strings(guide()))


def language_reviews():
    """[(language, status of all its crisis strings)] for every served language."""
    return [(language, language_status(language)) for language in served_languages()]


def is_draft(language):
    """With the release gate on, a language whose crisis strings are not all reviewed is a draft."""
    return current_app.config["REQUIRE_REVIEWED_CRISIS"] and not language_status(language).reviewed


def language_status(language):
    """Status of all of a language's crisis strings, whatever the page's language."""
    with in_language(language):
        return crisis_status(language, crisis_strings(guide()))
