"""The guide's content: English source text kept as YAML data, loaded and checked at start-up.

Each page is a YAML file in the content folder. Strings under the keys in TRANSLATABLE_KEYS are
English source strings, extracted into the gettext catalogs and translated when rendered; all other
values (ids, source ids, phone numbers, addresses) are shown exactly as written.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

from webapp.content_dates import changed_dates

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
        "notes",
        "action",
        "means",
        "credit",
        "voices",
        "notice",
    }
)

# Guide pages a block may link to with {page: ...}; values are page endpoints.
LINKABLE_PAGES = {
    "home": "pages.home",
    "cards": "pages.cards",
    "lockdown": "pages.lockdown",
    "parents_lockdown": "pages.parents_lockdown",
    "parents": "pages.parents",
    "safety": "pages.safety",
    "report": "pages.report",
    "about": "pages.about",
}

PAGE_FILES = (
    "home",
    "cards",
    "lockdown",
    "parents_lockdown",
    "protocol",
    "parents",
    "safety",
    "report",
    "about",
    "offline",
    "who_speaks",
)
# Pages whose every section must name its sources (the others hold no facts of their own).
SOURCED_PAGES = ("cards", "parents_lockdown", "parents", "safety", "report")


class ContentError(ValueError):
    """The content folder is inconsistent (unknown source, contact or page): fail at start-up."""


@dataclass(frozen=True)
class Guide:
    sources: dict
    contacts: dict
    pages: dict
    # {content file stem: date its content last changed}, from content_dates
    changed: dict

    @property
    def cards(self):
        return self.pages["cards"]["cards"]

    def card(self, card_id):
        return next((card for card in self.cards if card["id"] == card_id), None)

    @property
    def protocol(self):
        return self.pages["protocol"]

    def last_changed(self, file_stems):
        """When the newest of these content files changed; None if any has no trustworthy date."""
        dates = [self.changed.get(stem) for stem in file_stems]
        return max(dates) if dates and None not in dates else None

    def notice(self, adopted_by):
        """Who speaks in the guide: built from MPD's and MCPS's guidance, unless one adopted it."""
        notices = {n["adopted_by"]: n["notice"] for n in self.pages["who_speaks"]["notices"]}
        if adopted_by not in notices:
            raise ContentError(f"ADOPTED_BY is {adopted_by!r}; it must be one of {', '.join(notices)}")
        return notices[adopted_by]


def load_guide(content_dir):
    """Read every content file and check that all its references resolve."""
    content_dir = Path(content_dir)
    guide = Guide(
        sources=_read(content_dir / "sources.yaml"),
        contacts=_read(content_dir / "contacts.yaml"),
        pages={name: _read(content_dir / f"{name}.yaml") for name in PAGE_FILES},
        changed=changed_dates(content_dir),
    )
    _check_references(guide)
    return guide


def _read(path):
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise ContentError(f"Cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ContentError(f"{path} must hold a mapping")
    return data


def _check_references(guide):
    for contact_id, contact in guide.contacts.items():
        _check_sources(guide, contact.get("sources", ()), f"contact {contact_id}")
    for page_name, page in guide.pages.items():
        for where, node in _walk(page, page_name):
            if not isinstance(node, dict):
                continue
            _check_sources(guide, node.get("sources", ()), where)
            for contact_id in node.get("contacts", ()):
                if contact_id not in guide.contacts:
                    raise ContentError(f"{where}: unknown contact {contact_id!r}")
            target = node.get("page")
            if target is not None and target not in LINKABLE_PAGES:
                raise ContentError(f"{where}: unknown page {target!r}")
    for page_name in SOURCED_PAGES:
        page = guide.pages[page_name]
        for section in page.get("sections") or page["overview"]["sections"]:
            if not section.get("sources"):
                raise ContentError(f"{page_name}/{section['id']}: a section must name its sources")
    for card in guide.cards:
        if not card.get("sources"):
            raise ContentError(f"card {card['id']}: a card must name its sources")
    parents_lockdown = guide.pages["parents_lockdown"]
    for index, line in enumerate(parents_lockdown["now"]):
        where = f"parents_lockdown/now[{index}]"
        if not line.get("sources"):
            raise ContentError(f"{where}: a line must name its sources")
        if line.get("voice") not in parents_lockdown["voices"]:
            raise ContentError(f"{where}: unknown voice {line.get('voice')!r}")


def _check_sources(guide, source_ids, where):
    for source_id in source_ids:
        if source_id not in guide.sources:
            raise ContentError(f"{where}: unknown source {source_id!r}")


def _walk(node, where):
    yield where, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{where}/{node.get('id', key) if key == 'blocks' else key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, f"{where}[{index}]")


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
            yield from _strings(item)
