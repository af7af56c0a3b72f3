"""The guide's content: traceable to its sources, only verified contacts, cards short enough."""

import html as html_lib
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from babel.messages.pofile import read_po

from tests.fixture import FIXTURE
from tests.missoula import CONTENT_DIR, MISSOULA
from tests.site_urls import sitemap_paths
from webapp.content_model.content import load_guide, translatable_strings
from webapp.content_model.content_dates import changed_dates, refresh_record, stale_files
from webapp.content_model.edition import EditionError
from webapp.content_model.page_registry import PAGES
from webapp.settings import PROJECT_ROOT, DefaultConfig

TEMPLATES_DIR = PROJECT_ROOT / "webapp" / "templates"

PHONE_LIKE = re.compile(r"\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b|\b1-800-[A-Z0-9-]+|\b9-?1-?1\b|\b9-?8-?8\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SEEDS_DIR = CONTENT_DIR / "source_documents"
WORD = re.compile(r"[a-z0-9']+")


def all_text_files():
    return [*CONTENT_DIR.glob("*.yaml"), *TEMPLATES_DIR.glob("*")]


def verified(edition):
    """The only numbers and addresses an edition may give: its emergency number and its contacts',
    each of which the schema holds to a source (for Missoula, ../shared/CONTENT-FACTS.md, "Missoula
    contacts")."""
    guide = load_guide(edition.content_dir, edition.data.pages)
    tels = {edition.data.emergency_number, *(c["tel"] for c in guide.contacts.values() if c.get("tel"))}
    return set(guide.exact_strings(edition.data.emergency_number)), tels


EDITIONS = {"missoula": MISSOULA, "fixture": FIXTURE}


@pytest.mark.parametrize("name", EDITIONS)
def test_only_the_editions_sourced_numbers_and_addresses_appear(name):
    edition = EDITIONS[name]
    allowed, _tels = verified(edition)
    # Templates hold no number: the engine's are the edition's.
    for path in [*edition.content_dir.glob("*.yaml"), *TEMPLATES_DIR.glob("*")]:
        if path.name == "contacts.yaml":
            continue  # the list itself (its comments may name what is left out)
        text = path.read_text(encoding="utf-8")
        assert set(PHONE_LIKE.findall(text)) <= allowed, path
        assert set(EMAIL.findall(text)) <= allowed, path


def test_every_page_dials_only_sourced_numbers(client):
    _allowed, tels = verified(MISSOULA)
    dialled = set()
    for path in sitemap_paths(client):
        dialled |= set(re.findall(r'href="tel:([^"]+)"', client.get(path).get_data(as_text=True)))
    assert dialled and dialled <= tels, dialled - tels


def test_the_fbi_tel_link_is_its_lettered_number():
    contacts = yaml.safe_load((CONTENT_DIR / "contacts.yaml").read_text(encoding="utf-8"))
    # The FBI's number is written with letters; its tel: link is the same number on a keypad.
    keypad = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "22233344455566677778889999")
    assert "+1" + contacts["fbi"]["number"].translate(keypad).replace("-", "")[1:] == contacts["fbi"]["tel"]


def test_text_to_911_is_never_suggested_nor_said_to_be_impossible():
    # Text-to-911 is not confirmed in Missoula County: the guide says "call 911", and "texting 911
    # may not work here"; "Call, do not text" claims what no source backs.
    for path in all_text_files():
        text = path.read_text(encoding="utf-8").lower()
        assert "text 911" not in text and "text to 911" not in text
        assert "call, do not text" not in text and "do not text 911" not in text


def fact_bearing_nodes(guide):
    """(where, source ids) of every part of the guide that states facts."""
    # Every page's sections but the About page's (about the guide itself).
    for page_name in (page.id for page in PAGES.values() if page.id != "about" and guide.has(page.id)):
        for section in guide.page_content(page_name).get("sections", []):
            yield f"{page_name}/{section['id']}", section.get("sources")
    for card in guide.cards:
        yield f"card {card['id']}", card.get("sources")
    parents_lockdown = guide.pages["parents_lockdown"]
    for part in ("key_messages", "further"):
        for index, line in enumerate(parents_lockdown[part]):
            yield f"parents_lockdown/{part}[{index}]", line.get("sources")
    for name in ("lockdown", "protocol", "who_speaks"):
        yield name, guide.pages[name].get("sources")
    for contact_id, contact in guide.contacts.items():
        yield f"contact {contact_id}", contact.get("sources")


def test_every_fact_bearing_part_names_sources_listed_on_the_about_page(client):
    guide = load_guide(CONTENT_DIR)
    about = client.get("/en/about/").get_data(as_text=True)
    listed = html_lib.unescape(about.split('id="sources"', 1)[1])
    for where, source_ids in fact_bearing_nodes(guide):
        assert source_ids, f"{where} names no source"
        for source_id in source_ids:
            assert source_id in guide.sources, (where, source_id)
            assert guide.sources[source_id]["name"] in listed, (where, source_id)


def test_source_addresses_open_the_page_itself_not_a_home_page():
    guide = load_guide(CONTENT_DIR)
    for source_id, source in guide.sources.items():
        if "url" in source:
            address = urlsplit(source["url"])
            assert address.scheme == "https" and address.path.strip("/"), (source_id, source["url"])


def seed_word_runs(length=8):
    runs = set()
    for path in SEEDS_DIR.glob("*.txt"):
        words = WORD.findall(path.read_text(encoding="utf-8").lower().replace("\u2019", "'"))
        runs |= {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}
    return runs


def test_no_run_of_eight_words_is_copied_from_a_source_document():
    runs = seed_word_runs()
    assert runs, f"no seed documents found in {SEEDS_DIR}"
    guide = load_guide(CONTENT_DIR)
    copied = []
    for text in translatable_strings([guide.contacts, guide.pages]):
        words = WORD.findall(text.lower())
        copied += [" ".join(words[i : i + 8]) for i in range(len(words) - 7) if tuple(words[i : i + 8]) in runs]
    assert copied == []


def test_the_copy_check_finds_a_copied_sentence():
    words = WORD.findall("No child should feel unsafe attending school. No parent should feel unsure.".lower())
    assert any(tuple(words[i : i + 8]) in seed_word_runs() for i in range(len(words) - 7))


def test_jargon_the_audit_found_is_gone(client):
    for path in ("/en/parents/", "/en/safety/"):
        html = client.get(path).get_data(as_text=True)
        assert "felony intimidation referral" not in html and "community-oriented" not in html


def test_each_page_date_is_recorded_from_its_content_files():
    # `flask --app webapp content dates` keeps the record; no date is typed by hand.
    assert stale_files(CONTENT_DIR) == [], "Run `flask --app webapp content dates`"


def test_a_changed_content_file_loses_its_date_until_recorded(content_copy):
    import datetime

    cards = content_copy / "cards.yaml"
    cards.write_text(cards.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert "cards" not in changed_dates(content_copy) and stale_files(content_copy) == ["cards.yaml"]
    assert load_guide(content_copy).last_changed(("cards",)) is None
    assert refresh_record(content_copy, today=datetime.date(2031, 2, 3)) == ["cards.yaml"]
    assert changed_dates(content_copy)["cards"] == datetime.date(2031, 2, 3)


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
        "work with them as partners",
        "Carries out the school&#39;s emergency plans",
        "Builds good relationships with young people",
        "Investigates crimes, including threats against schools",
        "No two days are the same",
        "The school needs to call 911 less often.",
        "less likely to end up with a criminal record",
        "Advanced Law Enforcement Rapid Response Training",
        "more than 146,000 officers",
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
    cards.write_text(cards.read_text(encoding="utf-8").replace("fema-is360", "made-up-source"))
    with pytest.raises(EditionError, match="made-up-source"):
        load_guide(content_copy)


def test_an_unknown_contact_stops_the_app_at_start_up(content_copy):
    report = content_copy / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("contacts: [emergency]", "contacts: [sheriff]"))
    with pytest.raises(EditionError, match="sheriff"):
        load_guide(content_copy)


def test_both_catalog_templates_are_up_to_date(runner, tmp_path):
    """translations/messages.pot holds exactly the interface's strings (code, templates), and the
    edition's messages.pot exactly its content's and its guide's name."""
    result = runner.invoke(args=["translate", "extract", "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    interface = Path(DefaultConfig.TRANSLATIONS_DIR) / "messages.pot"
    edition = MISSOULA.path / "translations" / "messages.pot"
    assert message_ids(tmp_path / "interface.pot") == message_ids(interface), (
        "Run `flask --app webapp translate extract`"
    )
    assert message_ids(tmp_path / "edition.pot") == message_ids(edition), "Run `flask --app webapp translate extract`"
    guide = load_guide(CONTENT_DIR)
    assert set(translatable_strings([guide.contacts, guide.pages])) <= message_ids(edition)
    assert MISSOULA.data.guide.name in message_ids(edition)
    # The engine's own catalog holds nothing of an edition's content.
    assert not set(translatable_strings(guide.pages["parents"])) & message_ids(interface)


def message_ids(path):
    with open(path, "rb") as fh:
        return {message.id for message in read_po(fh) if message.id}
