"""The guide's content: English source text kept as YAML data, loaded and checked at start-up.

Each page is a YAML file in the content folder. Strings under the keys in TRANSLATABLE_KEYS are
English source strings, extracted into the gettext catalogs and translated when rendered; all other
values (ids, source ids, phone numbers, addresses) are shown exactly as written.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from webapp.content_model.base import PLACEHOLDER
from webapp.content_model.content_dates import changed_dates
from webapp.content_model.edition import EditionError, read_yaml, shown_path, validated
from webapp.content_model.field_words import problem
from webapp.content_model.page_registry import ENTRY_FILES, PAGE_IDS, PAGES, SHARED_CONTENT, content_models
from webapp.content_model.pictograms import edition_pictograms, engine_pictograms

TRANSLATABLE_KEYS = frozenset(
    {
        "title",
        "summary",
        "intro",
        "heading",
        "subheading",
        "p",
        "list",
        "steps",
        "text",
        "label",
        "when",
        "missing",
        "tagline",
        "action",
        "means",
        "credit",
        "voices",
        "notice",
        "nav",
        "short_name",
        "short",
        "key_messages",
        "further",
    }
)


@dataclass(frozen=True)
class Guide:
    sources: dict
    contacts: dict
    pages: dict
    # {content file stem: date its content last changed}, from content_dates
    changed: dict
    # The edition's pages, in its order (edition.yaml's "pages").
    page_list: tuple = PAGE_IDS
    # {id: Pictogram}: the engine's set and the edition's own (webapp/content_model/pictograms.py)
    pictograms: dict = field(default_factory=dict)

    @property
    def cards(self):
        return self.pages["cards"]["cards"] if "cards" in self.pages else []

    def has(self, page_id):
        return page_id in self.page_list

    def page_content(self, page_id):
        """The content a page shows its title from (the cards' overview for the cards)."""
        page = self.pages.get(page_id, {})
        return page.get("overview", page)

    def exact_strings(self, emergency_number):
        """The emergency number, then every number, e-mail address and web address the contacts
        give, as written: what each translation must keep exactly, and all a page may give."""
        fields = ("number", "sms", "email", "web")
        given = (c[f] for c in self.contacts.values() for f in fields if c.get(f))
        return tuple(dict.fromkeys((emergency_number, *given)))

    def card(self, card_id):
        return next((card for card in self.cards if card["id"] == card_id), None)

    @property
    def protocol(self):
        return self.pages["protocol"]

    def last_changed(self, file_stems):
        """When the newest of these content files changed; None if any has no trustworthy date."""
        dates = [self.changed.get(stem) for stem in file_stems]
        return max(dates) if dates and None not in dates else None

    def translated_by(self, language_code):
        """Who translated this language, as the edition says (English); None if it does not say."""
        entries = self.pages["who_speaks"].get("translated_by", [])
        return next((entry["text"] for entry in entries if language_code in entry["languages"]), None)

    def notice(self, adopted_by, short=False):
        """Who speaks in the guide: built from the police's and district's guidance, unless adopted;
        short: in one short line."""
        notices = {n["adopted_by"]: n for n in self.pages["who_speaks"]["notices"]}
        if adopted_by not in notices:
            raise EditionError([f"ADOPTED_BY is {adopted_by!r}; it must be one of {', '.join(notices)}"])
        return notices[adopted_by]["short" if short else "notice"]


def load_guide(content_dir, page_list=PAGE_IDS, edition=None):
    """Read every content file the page list needs and check that all its references resolve, and
    that every phone number it gives (the emergency number too) is a contact's, with its sources.
    edition: edition.yaml's data (EditionFile), when it could be read: its emergency number, agencies
    and adopter are checked against the content.

    Every problem is reported with its file and the place inside it (EditionError)."""
    content_dir = Path(content_dir)
    stems = [PAGES[page].content for page in page_list if PAGES[page].content] + list(SHARED_CONTENT)
    problems = []
    pages = {}
    for stem in stems:
        path = content_dir / f"{stem}.yaml"
        if stem in page_list and not path.is_file():
            problems.append(
                f"{shown_path(path)}: missing, but {stem!r} is in edition.yaml's pages (write it, or drop the page)"
            )
            continue
        try:
            pages[stem] = _read(path)
        except EditionError as error:
            problems += error.problems
    sources, contacts = (
        _checked_entries(content_dir / f"{stem}.yaml", *ENTRY_FILES[stem], problems) for stem in ("sources", "contacts")
    )
    for stem, model in content_models().items():
        if stem in pages:
            path = content_dir / f"{stem}.yaml"
            try:
                pages[stem] = validated(model, pages[stem], shown_path(path), path=path).model_dump(exclude_none=True)
            except EditionError as error:
                problems += error.problems
    try:
        changed = changed_dates(content_dir)
    except EditionError as error:
        problems += error.problems
        changed = {}
    own, refused = edition_pictograms(content_dir.parent)
    problems += refused
    guide = Guide(
        sources=sources,
        contacts=contacts,
        pages=pages,
        changed=changed,
        page_list=tuple(page_list),
        pictograms={**engine_pictograms(), **own},
    )
    # References are checked even when a file has problems, so that one check lists them all.
    problems += _reference_problems(guide, content_dir)
    problems += _number_problems(guide, content_dir, edition.emergency_number if edition else None)
    if edition is not None:
        problems += _agency_problems(guide, content_dir, edition.agency_ids())
        problems += _notice_problems(guide, content_dir, edition.adopted_by)
    if problems:
        raise EditionError(problems)
    return guide


def _read(path):
    data = read_yaml(path, shown_path(path))
    if not isinstance(data, dict):
        raise EditionError([f"{shown_path(path)}: must hold a mapping (name: value lines)"])
    return data


def _checked_entries(path, model, entry, problems):
    """{id: entry as a dict} of a file of named entries (sources, contacts), each checked by model;
    its problems are added to problems (an entry with problems is kept as written, so that
    references to it still resolve)."""
    shown = shown_path(path)
    try:
        file_data = _read(path)
    except EditionError as error:
        problems += error.problems
        return {}
    entries = {}
    for entry_id, data in file_data.items():
        try:
            checked = validated(model, data, shown, at=(entry_id,), path=path, entry=entry)
            entries[entry_id] = checked.model_dump(exclude_none=True)
        except EditionError as error:
            problems += error.problems
            entries[entry_id] = data if isinstance(data, dict) else {}
    return entries


def _reference_problems(guide, content_dir):
    """What a content file names that does not exist: a source, a contact, a page; and text still
    holding the starter's placeholder."""

    def at(stem, loc, text, entry=None):
        path = content_dir / f"{stem}.yaml"
        data = guide.contacts if stem == "contacts" else guide.pages.get(stem)
        return problem(shown_path(path), loc, data, text, path, entry)

    for contact_id, contact in guide.contacts.items():
        for source_id in _unknown(guide.sources, contact.get("sources", ())):
            yield at(
                "contacts", (contact_id, "sources"), f"unknown source {source_id!r} (not in sources.yaml)", "contact"
            )
    for page_name, page in guide.pages.items():
        for loc, node in _walk(page, ()):
            if isinstance(node, str) and PLACEHOLDER in node:
                yield at(page_name, loc, f"still the placeholder {node[:60]!r}; write the real text")
            if not isinstance(node, dict):
                continue
            for source_id in _unknown(guide.sources, node.get("sources", ())):
                yield at(page_name, (*loc, "sources"), f"unknown source {source_id!r} (not in sources.yaml)")
            for contact_id in _unknown(guide.contacts, node.get("contacts", ())):
                known = ", ".join(guide.contacts)
                yield at(page_name, (*loc, "contacts"), f"unknown contact {contact_id!r} (contacts.yaml has {known})")
            pictogram = node.get("pictogram")
            if isinstance(pictogram, str) and pictogram not in guide.pictograms:
                yield at(
                    page_name,
                    (*loc, "pictogram"),
                    f"no pictogram {pictogram!r}: use one of the engine's (docs/edition-reference.md, Pictograms) "
                    "or put an SVG of that name in the edition's pictograms/ folder",
                )
            target = node.get("page")
            if isinstance(target, str) and target not in guide.page_list:
                yield at(page_name, (*loc, "page"), f"{target!r} is not a page of this edition (edition.yaml's pages)")


# A phone number as people write one: +44 20 7946 0000, (406) 552-6300, 406.552.6300, 552-6300.
PHONE_NUMBER = re.compile(r"\+\d[\d\s().-]{6,}\d|\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{4}\b")


def _digits(text):
    return re.sub(r"\D", "", str(text))


def _number_problems(guide, content_dir, emergency_number):
    """A number typed into the text is not checked against any source: only the contacts' are."""
    sourced = {
        _digits(contact.get(field, ""))
        for contact in guide.contacts.values()
        if contact.get("sources")
        for field in ("number", "tel", "sms")
    } - {""}
    # A national number may be written with or without its country code (+1 406 ...).
    known = sourced | {number[1:] for number in sourced if number.startswith("1") and len(number) == 11}
    contacts_file = shown_path(content_dir / "contacts.yaml")
    if emergency_number and emergency_number not in sourced:
        yield (
            f"{contacts_file}: no contact gives the emergency number {emergency_number} (edition.yaml) with its "
            "sources: add one (number, tel and sources), as the starter edition's emergency contact"
        )
    # The contacts' words (label, when, missing) are text too; their number fields are the sourced ones.
    words = {cid: {k: v for k, v in c.items() if k in TRANSLATABLE_KEYS} for cid, c in guide.contacts.items()}
    for stem, data, entry in [("contacts", words, "contact")] + [(s, p, None) for s, p in guide.pages.items()]:
        path = content_dir / f"{stem}.yaml"
        for loc, node in _walk(data, ()):
            if not isinstance(node, str):
                continue
            for number in PHONE_NUMBER.findall(node):
                if _digits(number) not in known:
                    yield problem(
                        shown_path(path),
                        loc,
                        data,
                        f"the number {number.strip()} is not one of contacts.yaml's numbers: a number is given only "
                        "as a contact, with the sources that confirm it (then name the contact in a contacts block)",
                        path,
                        entry,
                    )


def _notice_problems(guide, content_dir, adopted_by):
    notices = guide.pages.get("who_speaks", {}).get("notices", [])
    adopters = [n.get("adopted_by") for n in notices if isinstance(n, dict)] if isinstance(notices, list) else []
    if adopters and adopted_by not in adopters:
        path = content_dir / "who_speaks.yaml"
        yield (
            f"{shown_path(path)}: no notice for adopted_by: {adopted_by} (edition.yaml's): add one, "
            "saying who publishes the guide"
        )


def _agency_problems(guide, content_dir, agencies):
    path = content_dir / "contacts.yaml"
    for contact_id, contact in guide.contacts.items():
        agency = contact.get("agency")
        if agency is not None and agency not in agencies:
            yield problem(
                shown_path(path),
                (contact_id, "agency"),
                guide.contacts,
                f"unknown agency {agency!r} ({', '.join(agencies)}: the district, the police, edition.yaml's agencies)",
                path,
                "contact",
            )


def _unknown(known, ids):
    """The ids not known (a file with problems is still walked, so anything may be there)."""
    return [i for i in ids if isinstance(i, str) and i not in known] if isinstance(ids, list) else []


def _walk(node, loc):
    yield loc, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, (*loc, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, (*loc, index))


def translatable_strings(node):
    """Every English source string in a loaded content tree, in document order."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TRANSLATABLE_KEYS:
                yield from _strings(value)
            else:
                yield from translatable_strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from translatable_strings(item)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            # A mapping in a list is read afresh: its own keys say what is text.
            yield from translatable_strings(item) if isinstance(item, dict) else _strings(item)
