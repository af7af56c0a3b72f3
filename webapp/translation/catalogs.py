"""Gettext catalogs: compiling them at start-up, and checking them for defects that matter.

Compiled .mo files are written to the build folder at start-up, so that `gunicorn wsgi:app` needs
no build step and nothing generated is committed.
"""

import re
import unicodedata
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from webapp.offline.build_files import write_atomically
from webapp.translation.glossary import glossary_defects

# Things that must reach the reader exactly as in English, whatever the language; the edition's
# own numbers (its emergency number and its contacts', as written) are passed in as `exact`.
EXACT_PATTERNS = (
    re.compile(r"https?://[^\s\"'<>)]+"),  # URLs
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail addresses
)
PLACEHOLDER = re.compile(r"%(?:\([a-zA-Z_]\w*\))?[sdif]|\{[a-zA-Z_]\w*\}")
NUMBER = re.compile(r"\d+(?:[,.\u00a0\u202f ]\d{3})*")


def read_catalog(path, locale=None):
    with open(path, "rb") as fh:
        return read_po(fh, locale=locale)


def compile_catalogs(translations_dir, build_dir, languages):
    """Compile each served language's .po into build_dir; return that folder (Babel reads it)."""
    target_root = Path(build_dir)
    for lang in languages:
        po_path = Path(translations_dir) / lang.locale / "LC_MESSAGES" / "messages.po"
        if not po_path.is_file():
            continue  # English needs no catalog: its strings are the source.
        buffer = BytesIO()
        write_mo(buffer, read_catalog(po_path, lang.locale), use_fuzzy=False)
        write_atomically(target_root / lang.locale / "LC_MESSAGES" / "messages.mo", buffer.getvalue())
    return str(target_root)


def compile_layers(layers, build_dir, languages):
    """Compile each layer's catalogs into build_dir/translations/<layer>; the folders Babel reads,
    in the layers' order (Flask-Babel merges them, the last winning)."""
    return [
        compile_catalogs(layer.directory, Path(build_dir) / "translations" / layer.name, languages) for layer in layers
    ]


def number_values(text):
    """Numbers in a string as digit strings, separators removed and any script's digits made ASCII."""
    values = []
    for match in NUMBER.finditer(text):
        digits = "".join(str(unicodedata.digit(ch)) for ch in match.group() if ch.isdigit())
        values.append(digits)
    return values


def non_western_digits(text):
    """Digits other than 0-9 (for example Arabic-Indic ٣): TRANSLATING.md asks for Western digits."""
    return sorted({ch for ch in text if ch.isdigit() and not ch.isascii()})


def _written_in(needed, text):
    """needed is in text as a whole (911 is not in 9110)."""
    return re.search(rf"(?<![\w-]){re.escape(needed)}(?![\w-])", text) is not None


def message_defects(msgid, msgstr, exact=()):
    """What is wrong with one translation; an empty list when nothing is. `exact`: strings (the
    edition's phone numbers) that must be in the translation, as written, wherever the English has them."""
    if not msgstr:
        return ["missing translation"]
    defects = []
    if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
        defects.append("placeholders differ")
    needed_strings = [needed for pattern in EXACT_PATTERNS for needed in pattern.findall(msgid)]
    needed_strings += [needed for needed in exact if _written_in(needed, msgid)]
    for needed in dict.fromkeys(needed_strings):
        if needed not in msgstr:
            defects.append(f"{needed!r} is not in the translation")
    other_digits = non_western_digits(msgstr)
    if other_digits:
        defects.append(f"non-Western digits {''.join(other_digits)!r}: write numbers with 0-9")
    translated_numbers = number_values(msgstr)
    for value in number_values(msgid):
        if value in translated_numbers:
            translated_numbers.remove(value)
        else:
            defects.append(f"number {value} is not in the translation")
    for value in translated_numbers:
        defects.append(f"number {value} is in the translation but not in the English")
    return defects


def catalog_defects(template, catalog, crisis=(), terms=None, glossary=None, exact=()):
    """Every defect of a catalog against the template (.pot): missing, fuzzy, broken, dropped
    (`exact`: as in message_defects), and, for the crisis strings, a glossary term not used."""
    crisis = set(crisis)
    defects = []
    for message in template:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        translated = catalog.get(message.id)
        if translated is None:
            defects.append((msgid, "missing from the catalog"))
            continue
        if translated.fuzzy:
            defects.append((msgid, "fuzzy"))
        msgstr = translated.string if isinstance(translated.string, str) else translated.string[0]
        defects.extend((msgid, problem) for problem in message_defects(msgid, msgstr, exact))
        if msgid in crisis and msgstr:
            defects.extend((msgid, problem) for problem in glossary_defects(msgid, msgstr, terms, glossary))
    return defects
