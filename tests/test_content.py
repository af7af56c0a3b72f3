"""The guide's content: traceable to its sources, only verified contacts, cards short enough."""

import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from webapp.content import ContentError, load_guide, translatable_strings
from webapp.settings import DefaultConfig

CONTENT_DIR = Path(DefaultConfig.CONTENT_DIR)
TEMPLATES_DIR = Path(DefaultConfig.CONTENT_DIR).parent / "templates"

# ../shared/CONTENT-FACTS.md, "Missoula contacts": the only numbers and addresses the guide may give.
VERIFIED_NUMBERS = {"911", "(406) 552-6300", "1-800-CALL-FBI"}
VERIFIED_TEL_LINKS = {"911", "+14065526300", "+18002255324"}
VERIFIED_EMAILS = {"safeschools@mcpsmt.org"}
PHONE_LIKE = re.compile(r"\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b|\b1-800-[A-Z0-9-]+|\b9-?1-?1\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def all_text_files():
    return [*CONTENT_DIR.glob("*.yaml"), *TEMPLATES_DIR.glob("*")]


@pytest.mark.parametrize("path", all_text_files(), ids=lambda p: p.name)
def test_only_verified_numbers_and_addresses_appear(path):
    text = path.read_text(encoding="utf-8")
    assert set(PHONE_LIKE.findall(text)) <= VERIFIED_NUMBERS
    assert set(EMAIL.findall(text)) <= VERIFIED_EMAILS


def test_tel_links_dial_the_verified_numbers():
    contacts = yaml.safe_load((CONTENT_DIR / "contacts.yaml").read_text(encoding="utf-8"))
    assert {c["tel"] for c in contacts.values() if "tel" in c} == VERIFIED_TEL_LINKS
    # The FBI's number is written with letters; its tel: link is the same number on a keypad.
    keypad = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")
    assert "+1" + contacts["fbi"]["number"].translate(keypad).replace("-", "")[1:] == contacts["fbi"]["tel"]


def test_text_to_911_is_never_suggested():
    # Text-to-911 is not confirmed in Missoula County: the guide says "call 911".
    for path in all_text_files():
        text = path.read_text(encoding="utf-8").lower()
        assert "text 911" not in text and "text to 911" not in text


def test_every_section_and_card_names_sources_that_exist():
    guide = load_guide(CONTENT_DIR)
    for page_name in ("cards", "parents", "safety", "report"):
        page = guide.pages[page_name]
        sections = page.get("sections") or page["overview"]["sections"]
        for section in sections:
            assert section["sources"], section["id"]
            assert set(section["sources"]) <= set(guide.sources)
    for card in guide.cards:
        assert set(card["sources"]) <= set(guide.sources)


def test_both_primary_sources_are_cited_across_the_guide():
    guide = load_guide(CONTENT_DIR)
    primary = {source_id for source_id, source in guide.sources.items() if source.get("primary")}
    assert primary == {"mpd-statement-2022", "mcps-school-security"}
    cited = re.findall(r"[\w-]+", str([guide.pages[name] for name in ("parents", "safety", "cards")]))
    for source_id in primary:
        assert cited.count(source_id) >= 5, source_id


# One line for each part of the two source documents: the guide must carry every one of them.
SEED_FACTS = {
    "/en/safety/": [
        "Robb Elementary School in Uvalde, Texas",
        "six police officers served as school resource officers",
        "special training in law enforcement at schools and in responding to a crisis",
        "community-oriented way",
        "Carries out the school&#39;s emergency plans",
        "Builds good relationships with young people",
        "Investigates crimes, including threats against schools",
        "No two days are the same",
        "The school needs to call 911 less often.",
        "less likely to end up with a criminal record",
        "Advanced Law Enforcement Rapid Response Training",
        "More than 146,000 officers",
        "In February 2022",
        "two more officers as ALERRT instructors",
        "law enforcement, fire and medical staff",
        "trained school staff and community groups",
        "Civilian Response to Active Shooter Events",
    ],
    "/en/parents/": [
        "never post, send or say a &#34;joke&#34; about hurting people",
        "what your children watch and read on social media",
        "report it to the police",
        "Police will look into what was posted and into the threat",
        "CRASE",
    ],
}


@pytest.mark.parametrize("path", SEED_FACTS)
def test_every_part_of_the_source_documents_is_represented(client, path):
    html = client.get(path).get_data(as_text=True)
    for fact in SEED_FACTS[path]:
        assert fact in html, fact


def test_an_unknown_source_stops_the_app_at_start_up(content_copy):
    cards = content_copy / "cards.yaml"
    cards.write_text(cards.read_text(encoding="utf-8").replace("[fema-is360]", "[made-up-source]"))
    with pytest.raises(ContentError, match="made-up-source"):
        load_guide(content_copy)


def test_an_unknown_contact_stops_the_app_at_start_up(content_copy):
    report = content_copy / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("contacts: [emergency]", "contacts: [sheriff]"))
    with pytest.raises(ContentError, match="sheriff"):
        load_guide(content_copy)


def test_the_catalog_template_is_up_to_date(runner, tmp_path):
    """translations/messages.pot holds exactly the strings of the code, templates and content."""
    fresh = tmp_path / "fresh.pot"
    result = runner.invoke(args=["translate", "extract", "--output", str(fresh)])
    assert result.exit_code == 0, result.output
    committed = Path(DefaultConfig.TRANSLATIONS_DIR) / "messages.pot"
    assert message_ids(fresh) == message_ids(committed), "Run `flask --app webapp translate extract`"
    guide = load_guide(CONTENT_DIR)
    assert set(translatable_strings([guide.contacts, guide.pages])) <= message_ids(committed)


def message_ids(path):
    with open(path, "rb") as fh:
        return {message.id for message in read_po(fh) if message.id}
