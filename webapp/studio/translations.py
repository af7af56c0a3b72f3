"""Translating an edition in the studio: its own strings (its content and its guide's name), each
with its English, the glossary terms a crisis string must use, and what `translate check` finds in
it, crisis strings and untranslated strings first. It writes the edition's gettext catalog, as
`translate` does, so that Poedit and Weblate keep working; the interface's strings are the engine's,
translated already.
"""

import contextlib
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from webapp.content_model.content import load_guide
from webapp.content_model.edition import EditionError, read_edition
from webapp.settings import DefaultConfig
from webapp.studio.edition_files import FileRefused, VersionConflict, checked_value, replace_atomically, version_of
from webapp.translation.catalogs import catalog_defects
from webapp.translation.glossary import GlossaryError, crisis_strings, english_terms, language_glossary
from webapp.translation.languages import known_languages
from webapp.translation.review_sheet import sheet_rows

# The same extractors as `translate extract` (translate_commands.EDITION_MAPPING).
METHODS = [
    ("content/**.yaml", "webapp.translation.content_extract:extract_content"),
    ("edition.yaml", "webapp.translation.content_extract:extract_edition_names"),
]


def translated_languages(edition_path):
    """The edition's languages that are translated (all but the English source), as Language."""
    edition = read_edition(edition_path)
    known = known_languages()
    return [known[code] for code in edition.data.languages if code in known and not known[code].is_source]


def language_of(edition_path, code):
    try:
        found = {language.code: language for language in translated_languages(edition_path)}
    except EditionError:
        raise FileRefused("the edition has problems: fix them (Files) before translating it") from None
    if code not in found:
        raise FileRefused(f"{code!r} is not one of the edition's translated languages")
    return found[code]


def template(edition_path):
    """The edition's strings, as `translate extract` finds them (read afresh: the content may have
    changed in the studio since the catalog's template was written)."""
    catalog = Catalog()
    for _file, lineno, message, comments, _context in extract_from_dir(str(edition_path), METHODS):
        catalog.add(message, locations=[(_file, lineno)], auto_comments=comments)
    return catalog


def pot_path(edition_path):
    return Path(edition_path) / "translations" / "messages.pot"


def write_template(edition_path, strings=None):
    """Keep the edition's messages.pot (what `translate extract` writes, and what Poedit, Weblate
    and `translate check` read) to the strings its content has now (strings: template(), when the
    caller has it already); unchanged strings leave the file as it was."""
    strings = strings or template(edition_path)
    path = pot_path(edition_path)
    if path.is_file():
        with path.open("rb") as fh:
            before = read_po(fh)
        if [(m.id, m.locations) for m in before if m.id] == [(m.id, m.locations) for m in strings if m.id]:
            return
    with contextlib.suppress(EditionError):  # a name for the template's header, when it can be read
        strings.project = read_edition(edition_path).data.guide.name
    out = io.BytesIO()
    write_po(out, strings, width=100, sort_by_file=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_atomically(path, out.getvalue())


def untranslated(edition_path, language):
    """How many of the edition's strings the language's catalog does not translate yet."""
    return sum("not translated yet" in row["problems"] for row in rows(edition_path, language)["rows"])


def po_path(edition_path, language):
    return Path(edition_path) / "translations" / language.locale / "LC_MESSAGES" / "messages.po"


def _catalog(edition_path, language):
    path = po_path(edition_path, language)
    if not path.is_file():
        return Catalog(locale=language.locale), ""
    raw = path.read_bytes()
    return read_po(io.BytesIO(raw), locale=language.locale), version_of(raw)


def rows(edition_path, language):
    """{rows: [...], version} of one language: each string with its translation, whether it is a
    crisis string, its glossary terms and its problems."""
    try:
        edition = read_edition(edition_path)
        guide = load_guide(edition.content_dir, edition.data.pages, edition.data)
    except EditionError:
        raise FileRefused("the edition has problems: fix them (Files) before translating it") from None
    folders = [DefaultConfig.TRANSLATIONS_DIR, Path(edition_path) / "translations"]
    try:
        terms, glossary = english_terms(folders), language_glossary(folders, language.locale)
    except GlossaryError as error:
        raise FileRefused(str(error)) from None
    strings = template(edition_path)
    catalog, version = _catalog(edition_path, language)
    crisis = crisis_strings(guide)
    exact = guide.exact_strings(edition.data.emergency_number)
    problems = {}
    for msgid, defect in catalog_defects(strings, catalog, crisis, terms, glossary, exact):
        said = "not translated yet" if defect in ("missing from the catalog", "missing translation") else defect
        problems.setdefault(msgid, []).append(said)
    found = sheet_rows(strings, catalog, crisis, terms, glossary)
    # Crisis strings first (in reading order), then the untranslated, then the rest.
    found.sort(key=lambda row: (not row.crisis, row.crisis or bool(row.translation)))
    return {
        "version": version,
        "direction": language.direction,
        "rows": [
            {
                "english": row.english,
                "translation": row.translation,
                "crisis": row.crisis,
                "glossary": [{"key": key, "term": term, "note": note} for key, term, note in row.glossary],
                "problems": problems.get(row.english, []),
            }
            for row in found
        ],
    }


def save(edition_path, language, translations, seen_version):
    """Write {English: translation} into the language's catalog of the edition, if it is still the
    version the person opened; a string left empty stays untranslated."""
    if not isinstance(translations, dict):
        raise FileRefused("the studio sent something that is not translations: reload the page")
    strings = template(edition_path)
    catalog, version = _catalog(edition_path, language)
    if version != seen_version:
        raise VersionConflict(version)
    for english, text in translations.items():
        if strings.get(english) is None:
            continue  # a string the edition no longer has
        text = checked_value(str(text), f"the translation of {english[:40]!r}")
        message = catalog.get(english)
        if message is None:
            catalog.add(english, text)
        else:
            message.string = text
            message.flags.discard("fuzzy")
    out = io.BytesIO()
    write_po(out, catalog, width=100)
    path = po_path(edition_path, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    version = replace_atomically(path, out.getvalue())
    write_template(edition_path, strings)
    return version
