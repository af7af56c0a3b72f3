"""The languages the interface speaks: read from translations/languages.yaml, direction from Babel.

Whether a translation is reviewed is not a property of a language: review records per string
(webapp/translation/reviews.py) say so. Which languages an edition serves, its edition.yaml says.

URLs and <html lang> use BCP 47 tags (fa-AF); Babel uses locale identifiers (fa_AF).
"""

from dataclasses import dataclass
from functools import cache

import yaml
from babel import Locale, negotiate_locale

from webapp.settings import PROJECT_ROOT

LANGUAGES_FILE = PROJECT_ROOT / "translations" / "languages.yaml"
SOURCE_LANGUAGE = "en"
# Tags a browser may send for a language the guide serves under another tag.
ALIASES = {"prs": "fa"}  # ISO 639-3 code for Dari


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47, used in URLs and <html lang>
    locale: str  # Babel locale identifier
    endonym: str  # the language's name in itself
    english_name: str

    @property
    def is_source(self):
        return self.code == SOURCE_LANGUAGE

    @property
    def direction(self):
        return _direction(self.locale)


@cache
def _direction(locale):
    return Locale.parse(locale).text_direction


@cache
def known_languages():
    """{code: Language} for every language in translations/languages.yaml, in its order."""
    entries = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    return {entry["code"]: Language(**entry) for entry in entries}


class LanguageConfigError(ValueError):
    """A configured language is unknown or has no catalog: fail at start-up, not per request. The
    app reports it as one line of the edition's problems, naming the setting."""

    def __init__(self, problem):
        super().__init__(f"languages (edition.yaml, or the GUIDE_LANGUAGES setting): {problem}")


def configured_languages(codes, default_code, catalog_layers):
    """Check the configured codes and return their Language records, in the configured order.

    Every language but English needs the interface's catalog. An edition's own catalog may be
    missing (a new edition, a language just added): its text then shows in English, marked so,
    and `translate check` names the missing catalog."""
    known = known_languages()
    interface = catalog_layers[0]
    languages = []
    for code in codes:
        if code not in known:
            raise LanguageConfigError(f"Unknown language {code!r}; translations/languages.yaml has {', '.join(known)}")
        lang = known[code]
        if not lang.is_source and not interface.po(lang.locale).is_file():
            raise LanguageConfigError(f"Language {code!r} is configured but {interface.po(lang.locale)} is missing")
        languages.append(lang)
    if default_code not in codes:
        raise LanguageConfigError(f"The default language {default_code!r} is not among {codes}")
    return languages


def best_match(candidates, languages, default):
    """The served language that best matches a list of BCP 47 tags (most preferred first).

    Babel's negotiate_locale, given each tag and then its primary language, so that fa-IR and prs
    find Dari (fa-AF) and es-MX finds Spanish.
    """
    by_code = {lang.code.lower(): lang for lang in languages}
    aliases = {}
    for lang in languages:
        aliases.setdefault(lang.code.split("-")[0].lower(), lang.code)
    preferred = []
    for tag in candidates:
        tag = (tag or "").strip().replace("_", "-")
        primary = tag.split("-")[0].lower()
        preferred += [tag, ALIASES.get(primary, primary)]
    match = negotiate_locale(preferred, [lang.code for lang in languages], sep="-", aliases=aliases)
    return by_code[match.lower()] if match else default
