"""Locale from the URL, Flask-Babel set-up, and translation of content strings.

The language is the first path segment (/es/...). Views never see it: it is popped into g.language
and added back to url_for calls automatically.
"""

import contextlib
import re

from babel import numbers
from babel.dates import format_date
from flask import current_app, g, request
from flask_babel import Babel, force_locale, get_locale, get_translations, gettext
from markupsafe import Markup, escape
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header
from werkzeug.routing import BaseConverter

from webapp.translation.languages import best_match


def init_app(app, languages, translation_dirs):
    app.extensions["languages"] = {lang.code: lang for lang in languages}
    app.url_map.converters["lang"] = _converter_for(languages)
    # One Babel per app: Flask-Babel caches loaded catalogs on this object, so a shared one
    # would hand a second app (another version, other catalogs) the first app's translations.
    Babel(
        app,
        default_locale="en",
        default_translation_directories=";".join(translation_dirs),
        locale_selector=_selected_locale,
    )
    app.jinja_env.globals.update(
        content_text=content_text, format_long_date=format_long_date, format_percent=format_percent
    )
    app.jinja_env.filters["content_text"] = content_text
    app.jinja_env.filters["content_plain"] = content_plain


def served_languages():
    return list(current_app.extensions["languages"].values())


def language_for(code):
    return current_app.extensions["languages"].get(code)


def default_language():
    return language_for(current_app.config["DEFAULT_LANGUAGE"])


def _converter_for(languages):
    pattern = "|".join(re.escape(lang.code) for lang in languages)

    class LanguageConverter(BaseConverter):
        regex = f"(?:{pattern})"

    return LanguageConverter


def _selected_locale():
    language = g.get("language")
    return language.locale if language else "en"


def pull_language(endpoint, values):
    """url_value_preprocessor: move the <lang> URL part into g.language."""
    if values and "lang" in values:
        g.language = language_for(values.pop("lang"))


@contextlib.contextmanager
def in_language(language):
    """Translate as a page of this language does, whatever the page asking (g.language and the locale)."""
    previous = g.get("language")
    try:
        g.language = language
        with force_locale(language.locale):
            yield
    finally:
        g.language = previous


def push_language(endpoint, values):
    """url_defaults: fill in <lang> from the current page when url_for leaves it out."""
    if "lang" not in values and g.get("language") is not None:
        values["lang"] = g.language.code


def language_from_request():
    """Best language for a page that has no language in its URL (errors): path, then headers."""
    return language_of(
        request.path, request.headers.get("Accept-Language"), current_app.extensions["languages"], default_language()
    )


def language_of(path, accept_language, languages_by_code, default):
    """The served language a path names as its first segment, else the header's best match.
    Plain arguments, so that the fast path (webapp/serving/response_cache.py) can ask it outside a request."""
    language = languages_by_code.get(path.strip("/").split("/", 1)[0])
    if language is not None:
        return language
    tags = [tag for tag, _quality in parse_accept_header(accept_language or "", LanguageAccept)]
    return best_match(tags, list(languages_by_code.values()), default)


def content_text(message):
    """Translate one English content string; shown escaped, never %-formatted.

    A string the catalog lacks falls back to English, marked so that readers see it is English.
    """
    if not message:
        return ""
    if is_translated(message):
        return escape(gettext(message))
    return Markup('<span lang="en" class="untranslated">%s</span>') % message


def content_plain(message):
    """Like content_text, but bare text, for <title> and attribute values (no fallback mark-up)."""
    return escape(gettext(message)) if message and is_translated(message) else escape(message or "")


def content_plain_text(message):
    """Like content_plain, as a plain str (for JSON: the manifest, the search index)."""
    return str(Markup(content_plain(message)).unescape())


def is_translated(message):
    """True for English pages, and where the current catalog has a non-empty translation."""
    language = g.get("language")
    if language is None or language.is_source:
        return True
    # GNUTranslations keeps its messages in _catalog; a missing or empty entry means untranslated.
    return bool(getattr(get_translations(), "_catalog", {}).get(message))


def format_percent(share):
    """A share as a percentage in the page's language, in Western digits (as every number the guide
    shows)."""
    return numbers.format_percent(share, locale=get_locale(), numbering_system="latn")


def format_long_date(value):
    """A <time> element with the date written out in the page's language."""
    return Markup('<time datetime="%s">%s</time>') % (
        value.isoformat(),
        format_date(value, "long", locale=get_locale()),
    )
