"""The crisis glossary: terms that must read the same way in every crisis string of a language.

Each catalog layer may have one: `glossary.yaml` holds the English side (how to find each term,
what it must mean) and `<locale>/glossary.yaml` a language's approved forms of each term. The
interface's holds the terms every edition shares (lock, lockdown); an edition's adds its protocol's
words, and wins where both name a term. A crisis string whose English uses a term must use one of
that term's approved forms, each found as a word (or words) of its own, never inside a longer
word; a listed form is an inflection as written ("bloquee", "bloquéela"). No form of one term may be
a word of another's: two actions that share a word cannot be told apart.
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from webapp.content_model.crisis_text import crisis_texts, shown_strings

GLOSSARY_FILE = "glossary.yaml"
BRACKETED = re.compile(r"\(([^()]*)\)")


class GlossaryError(ValueError):
    """A glossary file is missing, unreadable or not in the expected shape."""


@dataclass(frozen=True)
class Term:
    key: str
    pattern: re.Pattern
    note: str
    # Terms whose words this one's name may hold, as "Lockdown" holds "lock" in English.
    contains: tuple = ()


def _read(path):
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GlossaryError(f"Cannot read {path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("terms"), dict):
        raise GlossaryError(f"{path}: expected a mapping with 'terms'")
    return data["terms"]


def english_terms(directories):
    """{key: Term} from the glossary.yaml of each layer's folder that has one, later ones winning."""
    terms = {}
    for path in (Path(directory) / GLOSSARY_FILE for directory in directories):
        if not path.is_file():
            continue
        for key, entry in _read(path).items():
            if not isinstance(entry, dict) or not entry.get("english"):
                raise GlossaryError(f"{path}: terms.{key} needs 'english' (a regular expression)")
            flags = 0 if entry.get("case") == "exact" else re.IGNORECASE
            try:
                pattern = re.compile(entry["english"], flags)
            except re.error as exc:
                raise GlossaryError(f"{path}: terms.{key}.english is not a regular expression: {exc}") from exc
            terms[str(key)] = Term(str(key), pattern, entry.get("note", ""), tuple(entry.get("contains") or ()))
    return terms


def language_glossary(directories, locale):
    """{key: {term, forms, note, alternatives}} for one language from each layer's folder, later
    ones winning; {} if it has no glossary yet."""
    entries = {}
    for path in (Path(directory) / locale / GLOSSARY_FILE for directory in directories):
        if not path.is_file():
            continue
        for key, entry in _read(path).items():
            if not isinstance(entry, dict) or not entry.get("term"):
                raise GlossaryError(f"{path}: terms.{key} needs a 'term'")
            forms = [str(form) for form in entry.get("forms") or [entry["term"]]]
            entries[str(key)] = {**entry, "forms": forms}
    return entries


def without_bracketed_english(msgstr, terms):
    """The translation without the school's English words kept in brackets, "(Lockdown)": they are
    not a translation of the term. A bracket is taken out when its text is plain English that a
    glossary term finds, so no edition's words need listing here."""

    def drop(match):
        inner = match.group(1)
        english = inner.isascii() and any(term.pattern.search(inner) for term in terms.values())
        return "" if english else match.group()

    return BRACKETED.sub(drop, msgstr)


def terms_in(msgid, terms):
    """The glossary terms an English string uses, in glossary order."""
    return [term for term in terms.values() if term.pattern.search(msgid)]


def _in_word(char):
    # Letters, marks and digits, and the zero-width (non-)joiner that Persian and Pashto write
    # inside words (قفل‌بندی is one word, not قفل and بندی).
    return char in "_\u200c\u200d" or unicodedata.category(char)[0] in "LMN"


# Arabic-script vowel marks and the tatweel are optional in writing: أقفِل and أقفل are one word.
OPTIONAL_MARKS = re.compile("[\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")


def _folded(text):
    return OPTIONAL_MARKS.sub("", unicodedata.normalize("NFC", text)).casefold()


def uses_form(text, form):
    """Whether form stands in text as a word (or words) of its own, not as part of a longer word:
    "bloqu" is not found in "bloquee", and "funga" is not found in "ifunge"."""
    text, form = _folded(text), _folded(form)
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        if (start == 0 or not _in_word(text[start - 1])) and (end == len(text) or not _in_word(text[end])):
            return True
        start = text.find(form, start + 1)
    return False


def glossary_defects(msgid, msgstr, terms, glossary):
    """What a crisis string's translation lacks of its language's glossary; [] when nothing."""
    defects = []
    translation = without_bracketed_english(msgstr, terms)
    for term in terms_in(msgid, terms):
        entry = glossary.get(term.key)
        if entry is None:
            defects.append(f"the glossary has no entry for {term.key!r}")
        elif not any(uses_form(translation, form) for form in entry["forms"]):
            defects.append(f"does not use the glossary's {term.key!r} ({' / '.join(entry['forms'])})")
    return defects


def collisions(terms, glossary):
    """[(term, other term, form)] where a form of one term is a word of another's term or forms: then
    a line could pass for both, and a reader could not tell the two actions apart. A term may hold
    the words of those its English entry lists under "contains"."""
    found = []
    for key, entry in glossary.items():
        for other, other_entry in glossary.items():
            if other == key or (other in terms and key in terms[other].contains):
                continue
            for form in entry["forms"]:
                if any(uses_form(text, form) for text in (other_entry["term"], *other_entry["forms"])):
                    found.append((key, other, form))
    return found


def clash_said(key, other, form):
    """One clash of collisions(), in words."""
    return f"{key!r} and {other!r} share the word {form!r}: give each action a term no other action uses"


def crisis_strings(guide):
    """The English strings people act on under stress: every crisis text (the cards, the lockdown
    screen, the parents' lockdown page) and the school's emergency words, in reading order."""
    strings = [string for _, _, text in crisis_texts(guide) for string in shown_strings(text)]
    for action in guide.protocol["actions"]:
        strings += [action["action"], action["means"]]
    return list(dict.fromkeys(strings))
