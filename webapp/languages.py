"""Everything the app knows about languages: codes, names and direction.

Whether a translation is reviewed is not a property of a language: review records per string
(webapp/reviews.py) say so.

URLs and <html lang> use BCP 47 tags (fa-AF); Babel uses locale identifiers (fa_AF).
"""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47, used in URLs and <html lang>
    locale: str  # Babel locale identifier
    endonym: str  # the language's name in itself
    english_name: str
    direction: str = "ltr"

    @property
    def is_source(self):
        return self.code == "en"


KNOWN_LANGUAGES = {
    lang.code: lang
    for lang in (
        Language("en", "en", "English", "English"),
        Language("es", "es", "Español", "Spanish"),
        Language("ar", "ar", "العربية", "Arabic", "rtl"),
        Language("sw", "sw", "Kiswahili", "Swahili"),
        Language("fr", "fr", "Français", "French"),
        Language("ti", "ti", "ትግርኛ", "Tigrinya"),
        # Babel calls fa_AF "Persian (Afghanistan)"; families call it Dari.
        Language("fa-AF", "fa_AF", "دری", "Dari", "rtl"),
        Language("ps", "ps", "پښتو", "Pashto", "rtl"),
        Language("uk", "uk", "Українська", "Ukrainian"),
        Language("rw", "rw", "Ikinyarwanda", "Kinyarwanda"),
    )
}


class LanguageConfigError(RuntimeError):
    """A configured language is unknown or has no catalog: fail at start-up, not per request."""


def configured_languages(codes, default_code, translations_dir):
    """Check the configured codes and return their Language records, in the configured order."""
    languages = []
    for code in codes:
        if code not in KNOWN_LANGUAGES:
            raise LanguageConfigError(f"Unknown language {code!r}; known: {', '.join(KNOWN_LANGUAGES)}")
        lang = KNOWN_LANGUAGES[code]
        catalog = Path(translations_dir) / lang.locale / "LC_MESSAGES" / "messages.po"
        if not lang.is_source and not catalog.is_file():
            raise LanguageConfigError(f"Language {code!r} is configured but {catalog} is missing")
        languages.append(lang)
    if default_code not in codes:
        raise LanguageConfigError(f"The default language {default_code!r} is not among {codes}")
    return languages


def best_match(candidates, languages, default):
    """Pick the first served language matching a list of BCP 47 tags (most preferred first)."""
    by_code = {lang.code.lower(): lang for lang in languages}
    by_primary = {}
    for lang in languages:
        by_primary.setdefault(lang.code.split("-")[0].lower(), lang)
    for tag in candidates:
        tag = (tag or "").strip().lower().replace("_", "-")
        if tag in by_code:
            return by_code[tag]
        primary = tag.split("-")[0]
        if primary == "prs":  # ISO 639-3 code for Dari
            primary = "fa"
        if primary in by_primary:
            return by_primary[primary]
    return default
