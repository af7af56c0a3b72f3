"""A language's crisis words in the studio: the words of the edition's protocol (Hold, Secure, Avoid)
and the interface's (lock, lockdown), each with the one word a language approves for it, written
into the edition's glossary files as `translate check` reads them (translations/glossary.yaml for
the English words, translations/<locale>/glossary.yaml for a language's), with their comments kept.
Every crisis string must then use its words, and no two actions may share one.
"""

import re
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from webapp.settings import DefaultConfig
from webapp.studio.edition_files import (
    FileRefused,
    VersionConflict,
    checked_value,
    document_bytes,
    load_document,
    replace_atomically,
    version_of,
)
from webapp.translation.glossary import (
    GLOSSARY_FILE,
    GlossaryError,
    clash_said,
    collisions,
    english_terms,
    language_glossary,
)

ENGLISH_HEADER = (
    "# The edition's crisis words: the words of its protocol that every crisis string in every language\n"
    "# must translate the same way (added in the studio). The interface's glossary adds lock, block,\n"
    "# lockdown and police. Each language's approved word for each is in <locale>/glossary.yaml.\n"
)
LANGUAGE_HEADER = (
    "# Crisis glossary for {name} ({locale}): the approved word for each crisis word, written in the\n"
    "# studio. Not reviewed by a native speaker until the edition says so.\n"
)


def _folders(edition):
    return [DefaultConfig.TRANSLATIONS_DIR, Path(edition) / "translations"]


def _paths(edition, locale):
    folder = Path(edition) / "translations"
    return folder / GLOSSARY_FILE, folder / locale / GLOSSARY_FILE


def _version(edition, locale):
    return version_of(b"\0".join(path.read_bytes() if path.is_file() else b"" for path in _paths(edition, locale)))


def shown_word(pattern):
    """The English word a glossary term finds, for people: '\\block(s|ed|ing)?\\b' is 'lock'."""
    first = re.sub(r"\([^)]*\)\??", "", pattern).split("|")[0]  # its endings, then its other words
    return re.sub(r"\\b|.\?|\\(?=.)|[\^$]", "", first) or pattern


def _also(entry):
    return [form for form in entry["forms"] if form != entry["term"]] if entry else []


def _read(edition, locale):
    try:
        folders = _folders(edition)
        return english_terms(folders), language_glossary(folders, locale)
    except GlossaryError as error:
        raise FileRefused(str(error)) from None


def words(edition, language):
    """{words: [...], problems: [...], version} of one language: each crisis word with its meaning and
    the language's approved word and other written forms; two actions that share a word, said."""
    terms, glossary = _read(edition, language.locale)
    english_path, _language_path = _paths(edition, language.locale)
    own = (load_document(english_path.read_bytes()) or {}).get("terms", {}) if english_path.is_file() else {}
    return {
        "version": _version(edition, language.locale),
        "direction": language.direction,
        "words": [
            {
                "key": key,
                "word": shown_word(term.pattern.pattern),
                "note": term.note,
                "edition": key in own,
                "term": (glossary.get(key) or {}).get("term", ""),
                "also": ", ".join(_also(glossary.get(key))),
            }
            for key, term in terms.items()
        ],
        "problems": [clash_said(*clash) for clash in collisions(terms, glossary)],
    }


def save(edition, language, body):
    """Write the language's approved words (and a new English crisis word, if one is added) into the
    edition's glossary files, if they are still the versions the person opened."""
    if not isinstance(body, dict) or not isinstance(body.get("words", {}), dict):
        raise FileRefused("the studio sent something that is not crisis words: reload the page")
    if _version(edition, language.locale) != str(body.get("version")):
        raise VersionConflict(_version(edition, language.locale))
    terms, glossary = _read(edition, language.locale)
    english_path, language_path = _paths(edition, language.locale)
    english = _document(english_path, ENGLISH_HEADER)
    added = _added(body.get("add"), terms)
    if added:
        key, word, note = added
        pattern = SingleQuotedScalarString(rf"\b{re.escape(word)}\b")
        english["terms"][key] = CommentedMap(english=pattern, case="exact", note=DoubleQuotedScalarString(note))
    ours = _document(language_path, LANGUAGE_HEADER.format(name=language.english_name, locale=language.locale))
    for key, change in body.get("words", {}).items():
        if (key not in terms and not (added and key == added[0])) or not isinstance(change, dict):
            continue
        term = checked_value(str(change.get("term") or ""), f"the word for {key!r}").strip()
        written = checked_value(str(change.get("also") or ""), f"the other forms of {key!r}")
        # Commas between forms: "," or the Arabic script's "،".
        also = [form.strip() for form in re.split(r"[,،\n]", written) if form.strip()]
        current = glossary.get(key)
        if (current or {}).get("term", "") == term and _also(current) == also:
            continue  # as it was: not written again (an entry's own forms stay as written)
        if not term:
            ours["terms"].pop(key, None)
            continue
        entry = ours["terms"].get(key)
        if not isinstance(entry, dict):
            entry = ours["terms"][key] = CommentedMap()
        entry["term"] = DoubleQuotedScalarString(term)
        forms = CommentedSeq(DoubleQuotedScalarString(form) for form in dict.fromkeys([term, *also]))
        forms.fa.set_flow_style()  # ["...", "..."], as the glossaries are written
        entry["forms"] = forms
    if added:
        replace_atomically(english_path, document_bytes(english))
    language_path.parent.mkdir(parents=True, exist_ok=True)
    replace_atomically(language_path, document_bytes(ours))


def _document(path, header):
    document = load_document(path.read_bytes()) if path.is_file() else None
    if not isinstance(document, dict):
        document = CommentedMap()
        document.yaml_set_start_comment(header.replace("# ", "").replace("#", "").rstrip())
    if not isinstance(document.get("terms"), dict):
        document["terms"] = CommentedMap()
    return document


def _added(add, terms):
    """(key, word, note) of a crisis word the person adds, as the protocol writes it; None if none."""
    if not isinstance(add, dict) or not str(add.get("word") or "").strip():
        return None
    word = checked_value(str(add["word"]), "the new crisis word").strip()
    note = checked_value(str(add.get("note") or ""), "its meaning").strip()
    key = re.sub(r"[^a-z0-9]+", "-", word.lower()).strip("-")
    if not key or len(word) > 60:
        raise FileRefused("a crisis word is a word or two of your protocol, in English letters (Hold, Secure)")
    if key in terms:
        raise FileRefused(f"'{word}' is already a crisis word")
    return key, word, note
