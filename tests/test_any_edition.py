"""The engine knows no district: the fixture edition's pages show its own names, contacts,
protocol, pages and languages, and nothing of Missoula's, in every file the site serves."""

import io
import json
import re
import shutil

import pytest
from PIL import Image

from tests.conftest import make_app
from tests.fixture import FIXTURE, MISSOULA_WORDS
from tests.site_urls import sitemap_paths
from webapp.content_model.content import load_guide
from webapp.offline.icons import initials
from webapp.settings import DefaultConfig


def every_served_path(client):
    """The sitemap's pages, and everything the service worker saves or the site serves besides."""
    paths = set(sitemap_paths(client)) | {"/sw.js", "/sitemap.xml", "/robots.txt"}
    for code in FIXTURE.data.languages:
        paths |= {
            f"/{code}/manifest.webmanifest",
            f"/{code}/search-index.json",
            f"/{code}/poster/",
            f"/{code}/offline/",
        }
    return sorted(paths)


def test_no_file_of_another_edition_says_missoula(client):
    paths = every_served_path(client)
    assert len(paths) > 20
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        text = response.get_data(as_text=True)
        for word in MISSOULA_WORDS:
            assert word not in text, f"{path} says {word!r}"


def test_the_page_list_is_the_editions(client):
    paths = set(sitemap_paths(client))
    # Its own cards, in its own order, and no page the edition does not list.
    assert {"/en/cards/get-out/", "/en/cards/lock-in/", "/ar/lockdown/police-arrive/"} <= paths
    assert not any(p.startswith(("/en/parents/", "/en/safety/")) and p != "/en/parents/lockdown/" for p in paths)
    for path in ("/en/parents/", "/ar/safety/", "/en/cards/deny/"):
        response = client.get(path)
        assert response.status_code == 404, path
    footer = re.search(r'<footer class="site-footer">.*?</ul>', client.get("/en/").get_data(as_text=True), re.S)
    labels = re.findall(r"<li><a href=\"[^\"]+\">([^<]+)</a></li>", footer.group(0))
    assert labels == [
        "Home",
        "If someone is attacking",
        "My child&#39;s school is locked in",
        "Report a concern",
        "About this guide",
        "Search the guide",
        "Choose a language",
    ]


def test_names_protocol_and_contacts_are_the_editions(client):
    home = client.get("/en/").get_data(as_text=True)
    assert "<title>Family Safety Guide · Family Safety Guide</title>" in home
    assert "Example Valley Police and Example Valley Schools" in home
    parents = client.get("/en/parents/lockdown/").get_data(as_text=True)
    actions = re.findall(
        r'<div class="protocol__action protocol__action--([a-z-]+)"><dt[^>]*><svg class="pictogram[^"]*" [^>]*'
        r'aria-label="([^"]+)"[^>]*>.*?</svg><span>([^<]+)</span></dt>',
        parents,
    )
    assert actions == [
        ("stay-in", "Stay In", "Stay In"),
        ("lock-in", "Lock In", "Lock In"),
        ("get-out", "Get Out", "Get Out"),
    ]
    report = client.get("/en/report/").get_data(as_text=True)
    numbers = set(re.findall(r'href="tel:([^"]+)"', report))
    assert numbers == {contact["tel"] for contact in fixture_contacts()}
    manifest = client.get("/en/manifest.webmanifest").get_json(force=True)
    assert (manifest["name"], manifest["short_name"], manifest["theme_color"]) == (
        "Family Safety Guide",
        "Family Safety",
        "#2f5d1f",
    )
    assert [s["url"] for s in manifest["shortcuts"]] == ["/en/parents/lockdown/", "/en/lockdown/", "/en/cards/"]


def fixture_contacts():
    return load_guide(FIXTURE.content_dir, FIXTURE.data.pages).contacts.values()


def test_the_right_to_left_language_reads_from_the_editions_own_catalog(client):
    html = client.get("/ar/parents/lockdown/").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    assert re.search(r"<h1[^>]*>مدرسة طفلي في حالة قفل</h1>", html)
    assert "دليل سلامة العائلة" in html  # the guide's name, from the edition's catalog
    assert 'class="untranslated"' not in html
    chooser = client.get("/").get_data(as_text=True)
    assert chooser.count('class="language-list__name"') == 2
    manifest = json.loads(client.get("/ar/manifest.webmanifest").get_data(as_text=True))
    assert (manifest["dir"], manifest["name"]) == ("rtl", "دليل سلامة العائلة")


def test_a_rewritten_sentence_loses_only_its_own_translation(tmp_path, edition_copy):
    """translate check names the edition's catalog and the one string whose English changed."""
    edition = edition_copy
    interface = tmp_path / "translations"
    shutil.copytree(DefaultConfig.TRANSLATIONS_DIR, interface)
    cards = edition / "content" / "cards.yaml"
    cards.write_text(cards.read_text(encoding="utf-8").replace('"Lock the door."', '"Lock the door now."'))
    app = make_app(tmp_path / "app", EDITION=str(edition), TRANSLATIONS_DIR=str(interface))
    cli = app.test_cli_runner()
    interface_template = (interface / "messages.pot").read_bytes()
    assert cli.invoke(args=["translate", "extract"]).exit_code == 0
    # The interface's strings did not change: its template is left as it was, date and all.
    assert (interface / "messages.pot").read_bytes() == interface_template
    assert cli.invoke(args=["translate", "update"]).exit_code == 0
    result = cli.invoke(args=["translate", "check"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    # Each problem, then a count for each language and in all.
    problems, counts = lines[:-2], lines[-2:]
    assert all(line.startswith(f"{edition}/translations/ar/LC_MESSAGES/messages.po: ") for line in problems), problems
    assert all("Lock the door now." in line for line in problems), problems
    assert any("fuzzy" in line for line in problems)
    plural = "s" if len(problems) != 1 else ""
    assert counts == [f"ar: {len(problems)} problem{plural}", f"{len(problems)} problem{plural} in 1 of 1 languages."]


def test_the_editions_glossary_adds_its_protocols_words(tmp_path, edition_copy):
    """A crisis term of the edition's own protocol is held to the edition's glossary, beside the
    interface's terms."""
    edition = edition_copy
    po = edition / "translations" / "ar" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgid "Get Out"\nmsgstr "الخروج"', 'msgid "Get Out"\nmsgstr "المغادرة"'))
    result = make_app(tmp_path / "app", EDITION=str(edition)).test_cli_runner().invoke(args=["translate", "check"])
    assert result.exit_code == 1
    assert "does not use the glossary's 'get-out' (الخروج): 'Get Out'" in result.output, result.output


def test_a_broken_glossary_is_one_message_naming_its_file(tmp_path, edition_copy):
    edition = edition_copy
    glossary = edition / "translations" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("  get-out:", "  get-out: [", 1))
    result = make_app(tmp_path / "app", EDITION=str(edition)).test_cli_runner().invoke(args=["translate", "check"])
    assert result.exit_code == 1
    assert f"Cannot read {glossary}" in result.output and "Traceback" not in result.output, result.output


def test_the_icons_are_drawn_in_the_editions_colour_with_its_initials(client):
    manifest = client.get("/en/manifest.webmanifest").get_json(force=True)
    html = client.get("/en/").get_data(as_text=True)
    svg_url = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
    svg = client.get(svg_url).get_data(as_text=True)
    assert '<rect width="100" height="100" rx="18" fill="#2f5d1f"/>' in svg
    assert re.search(r'<text [^>]*fill="#2f5d1f">EVS</text>', svg), svg
    assert len(manifest["icons"]) == 4
    for icon in manifest["icons"]:
        image = Image.open(io.BytesIO(client.get(icon["src"]).data)).convert("RGB")
        size = image.width
        assert f"{size}x{size}" == icon["sizes"]
        # The letters: accent-coloured pixels across the middle of the white shield.
        middle = image.crop((size * 3 // 8, size * 2 // 5, size * 5 // 8, size // 2))
        colours = middle.getcolors(maxcolors=middle.width * middle.height)
        accent = sum(count for count, (r, g, b) in colours if g > r + 30 and g > b + 30)
        assert accent > middle.width * middle.height // 20, icon["src"]
        assert any(colour == (255, 255, 255) for _count, colour in colours), icon["src"]


@pytest.mark.parametrize(
    ("short_name", "letters"), [("EVS", "EVS"), ("MCPS", "MCPS"), ("Example Valley", "EV"), ("north side", "N")]
)
def test_the_initials_come_from_the_districts_short_name(short_name, letters):
    assert initials(short_name) == letters


def test_the_emergency_number_is_the_editions(tmp_path, edition_copy):
    edition = edition_copy
    text = (edition / "edition.yaml").read_text(encoding="utf-8")
    (edition / "edition.yaml").write_text(text.replace('emergency_number: "911"', 'emergency_number: "112"'))
    contacts = (edition / "content" / "contacts.yaml").read_text(encoding="utf-8")
    (edition / "content" / "contacts.yaml").write_text(contacts.replace('"911"', '"112"'), encoding="utf-8")
    client = make_app(tmp_path / "app", EDITION=str(edition)).test_client()
    for path in ("/en/", "/ar/", "/"):
        html = client.get(path).get_data(as_text=True)
        assert '<a href="tel:112">' in html and 'href="tel:911">In an' not in html, path
    assert "In an emergency, call 112" in client.get("/en/cards/wallet/").get_data(as_text=True)
    assert "اتصل بالرقم 112" in client.get("/ar/").get_data(as_text=True)


def test_the_engine_says_only_what_the_edition_says_of_its_cards_sources_and_translators(client, tmp_path):
    # Three cards, not "the four cards"; the main sources are the ones marked primary.
    wallet = client.get("/en/cards/wallet/").get_data(as_text=True)
    assert "cut out the cards" in wallet and "four" not in wallet
    about = client.get("/en/about/").get_data(as_text=True)
    main = re.search(r"<h3>Main sources</h3>\s*<ul class=\"source-list\">(.*?)</ul>", about, re.S).group(1)
    assert main.count("<li") == 2 and "first two" not in about
    # The fixture edition does not say who translated Arabic, so its pages say nothing of it.
    assert "developers" not in client.get("/ar/").get_data(as_text=True)
    # Missoula's says, in each translated language, in that language.
    missoula = make_app(tmp_path, EDITION="missoula").test_client()
    assert "مطوّرو الدليل" in missoula.get("/ar/").get_data(as_text=True)
    assert "review-status" in missoula.get("/en/").get_data(as_text=True)


def test_agencies_with_their_roles_and_a_contact_by_text_and_app(client):
    about = client.get("/en/about/").get_data(as_text=True)
    who = re.search(r'<ul class="agencies">(.*?)</ul>', about, re.S).group(1)
    assert re.findall(r'<span lang="en">([^<]+)</span>: ([^<]+)</li>', who) == [
        ("Example Valley Schools", "school district"),
        ("Example Valley Police", "police department"),
        ("Example County Sheriff&#39;s Office", "sheriff's office"),
    ]
    report = client.get("/en/report/").get_data(as_text=True)
    assert 'Text: <a href="sms:+15555550123" dir="ltr">+15555550123</a>' in report
    assert "App: <bdi>Example Valley Tips</bdi>" in report


def test_the_review_sheet_is_written_into_the_editions_folder(tmp_path, edition_copy):
    result = (
        make_app(tmp_path / "app", EDITION=str(edition_copy))
        .test_cli_runner()
        .invoke(args=["translate", "review-sheet", "ar"])
    )
    assert result.exit_code == 0, result.output
    sheets = edition_copy / "review-sheets"
    assert sorted(p.name for p in sheets.iterdir()) == ["review-sheet-ar.csv", "review-sheet-ar.html"]
