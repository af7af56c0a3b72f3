"""The crisis glossary: terms that must read the same way in every crisis string of a language.

`translations/glossary.yaml` holds the English side (how to find each term, what it must mean);
`translations/<locale>/glossary.yaml` holds a language's approved forms of each term. A crisis
string whose English uses a term must use one of that term's approved forms.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

GLOSSARY_FILE = "glossary.yaml"
# The school's English word kept in brackets, "(Lockdown)", is not a translation: it is taken out
# before a translation is matched against its glossary.
BRACKETED_ENGLISH = re.compile(r"\((?:Lockdown|Hold|Secure|Evacuate|Shelter|Avoid|Deny|Defend)\)", re.IGNORECASE)


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


def english_terms(translations_dir):
    """{key: Term} from translations/glossary.yaml."""
    path = Path(translations_dir) / GLOSSARY_FILE
    terms = {}
    for key, entry in _read(path).items():
        flags = 0 if entry.get("case") == "exact" else re.IGNORECASE
        terms[str(key)] = Term(str(key), re.compile(entry["english"], flags), entry.get("note", ""))
    return terms


def language_glossary(translations_dir, locale):
    """{key: {term, forms, note, alternatives}} for one language; {} if it has no glossary yet."""
    path = Path(translations_dir) / locale / GLOSSARY_FILE
    if not path.is_file():
        return {}
    entries = {}
    for key, entry in _read(path).items():
        if not isinstance(entry, dict) or not entry.get("term"):
            raise GlossaryError(f"{path}: terms.{key} needs a 'term'")
        forms = [str(form) for form in entry.get("forms") or [entry["term"]]]
        entries[str(key)] = {**entry, "forms": forms}
    return entries


def terms_in(msgid, terms):
    """The glossary terms an English string uses, in glossary order."""
    return [term for term in terms.values() if term.pattern.search(msgid)]


def glossary_defects(msgid, msgstr, terms, glossary):
    """What a crisis string's translation lacks of its language's glossary; [] when nothing."""
    defects = []
    folded = BRACKETED_ENGLISH.sub("", msgstr).casefold()
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
