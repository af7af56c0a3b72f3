"""The crisis glossary: terms that must read the same way in every crisis string of a language.

Each catalog layer may have one: `glossary.yaml` holds the English side (how to find each term,
what it must mean) and `<locale>/glossary.yaml` a language's approved forms of each term. The
interface's holds the terms every edition shares (lock, lockdown); an edition's adds its protocol's
words, and wins where both name a term. A crisis string whose English uses a term must use one of
that term's approved forms.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

GLOSSARY_FILE = "glossary.yaml"
BRACKETED = re.compile(r"\(([^()]*)\)")


class GlossaryError(ValueError):
    """A glossary file is missing, unreadable or not in the expected shape."""


@dataclass(frozen=True)
class Term:
    key: str
    pattern: re.Pattern
    note: str


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
            terms[str(key)] = Term(str(key), pattern, entry.get("note", ""))
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


def glossary_defects(msgid, msgstr, terms, glossary):
    """What a crisis string's translation lacks of its language's glossary; [] when nothing."""
    defects = []
    folded = without_bracketed_english(msgstr, terms).casefold()
    for term in terms_in(msgid, terms):
        entry = glossary.get(term.key)
        if entry is None:
            defects.append(f"the glossary has no entry for {term.key!r}")
        elif not any(form.casefold() in folded for form in entry["forms"]):
            defects.append(f"does not use the glossary's {term.key!r} ({' / '.join(entry['forms'])})")
    return defects


def crisis_strings(guide):
    """The English strings people act on under stress: cards, lockdown screen, parents' lockdown
    page (its first screen) and the school's emergency words, in reading order."""
    strings = []
    for card in guide.cards:
        strings += [card["title"], card["tagline"], *card["steps"]]
    if "lockdown" in guide.pages:
        lockdown = guide.pages["lockdown"]
        strings += [lockdown["title"], *lockdown["steps"], *lockdown.get("notes", ())]
    if "parents_lockdown" in guide.pages:
        parents_lockdown = guide.pages["parents_lockdown"]
        strings += [parents_lockdown["title"], *(line["text"] for line in parents_lockdown["now"])]
    for action in guide.protocol["actions"]:
        strings += [action["action"], action["means"]]
    return list(dict.fromkeys(strings))
