"""The edition studio in real Chromium: a file of the edition as a form made from the content model,
a problem shown beside the field it names as the person types, the guide's own page beside the form
changing with it (right to left in Arabic), unsaved work kept in the browser, and a save that
writes only what changed."""

import datetime
import json
import re
import shutil
import threading

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM_ARGS, wait_until_saved_offline
from tests.conftest import make_app
from tests.fixture import copy_of_fixture_edition
from tests.missoula import MISSOULA
from tests.recordings import espeak, spoken
from tests.static_server import StaticServer, free_port
from webapp.content_model.edition_commands import STARTER
from webapp.studio import create_studio, studio_server
from webapp.studio.edition_files import editable_files
from webapp.studio.forms import from_form

TOKEN = "studio-test-secret"


@pytest.fixture()
def edition_copy(tmp_path):
    """The fixture edition (a made-up district, English and Arabic), to edit."""
    return copy_of_fixture_edition(tmp_path)


@pytest.fixture()
def studio_url(edition_copy, tmp_path):
    server = studio_server(create_studio(edition_copy, work_dir=tmp_path / "work", token=TOKEN))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/{TOKEN}/"
    server.shutdown()


@pytest.fixture()
def desk(playwright_instance, chromium_path):
    """A laptop's window: the form and the phone-sized page side by side."""
    browser = playwright_instance.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    yield page
    browser.close()


def field(page, path, kind="input"):
    return page.locator(f"[data-schemapath='{path}'] {kind}").first


def test_edit_a_card_see_its_problem_and_its_page_then_save(desk, studio_url, edition_copy):
    page = desk
    page.goto(studio_url)
    # Beside each file, what it has left to do (the fixture edition: nothing).
    expect(page.locator("[data-file='content/cards.yaml'] .studio-count")).to_have_text(" · done", timeout=30_000)
    page.locator("[data-file='content/cards.yaml']").click()
    status = page.locator("#status")
    expect(status).to_have_text(re.compile("^No problems"), timeout=30_000)
    preview = page.frame_locator("#preview")
    expect(preview.locator(".card--get-out .card__name")).to_have_text("Get out", timeout=30_000)

    title = field(page, "root.cards.0.title")
    title.fill("Get out now")
    title.press("Tab")
    expect(preview.locator(".card--get-out .card__name")).to_have_text("Get out now", timeout=30_000)

    line = field(page, "root.cards.0.key_messages.0.text")
    line.fill("")
    line.press("Tab")
    problem = page.locator("[data-schemapath^='root.cards.0.key_messages.0'] .studio-problem")
    expect(problem).to_contain_text("the 1st key message of the Get out now card", timeout=30_000)
    expect(status).to_contain_text("1 problem in this file")
    expect(page.locator("[data-file='content/cards.yaml'] .studio-count")).to_have_text(" · 1 problem")
    line.fill("Leave your bag.")
    line.press("Tab")
    expect(status).to_have_text(re.compile("^No problems"), timeout=30_000)
    expect(problem).to_have_count(0)

    # In Arabic, the same page from right to left (its untranslated new title marked as English).
    page.locator("#preview-language").select_option("ar")
    expect(preview.locator("html")).to_have_attribute("dir", "rtl", timeout=30_000)

    # Unsaved work survives a reload: it is kept in this browser until it is saved.
    page.reload()
    page.locator("[data-file='content/cards.yaml']").click()
    expect(status).to_contain_text("unsaved changes", timeout=30_000)
    expect(field(page, "root.cards.0.title")).to_have_value("Get out now")
    assert "Get out now" not in (edition_copy / "content/cards.yaml").read_text()

    page.locator("#save").click()
    expect(status).to_contain_text("Saved", timeout=30_000)
    saved = yaml.safe_load((edition_copy / "content/cards.yaml").read_text())
    assert saved["cards"][0]["title"] == "Get out now"
    assert saved["cards"][0]["key_messages"][0] == {"text": "Leave your bag.", "pictogram": "leave-things"}


def kept_in_this_browser(page, text):
    """Wait until this browser keeps a draft that holds text; fail if it never does."""
    for _ in range(300):
        if text in page.evaluate("() => Object.values(window.localStorage).join(' ')"):
            return
        page.wait_for_timeout(100)
    pytest.fail(f"no draft kept in this browser holds {text!r}")


def test_a_source_is_added_in_its_form_and_what_is_typed_is_kept_before_the_field_is_left(
    desk, studio_url, edition_copy
):
    page = desk
    page.goto(studio_url)
    page.locator("[data-file='content/sources.yaml']").click()
    status = page.locator("#status")
    expect(status).to_contain_text("No unsaved changes", timeout=30_000)
    count = len(yaml.safe_load((edition_copy / "content/sources.yaml").read_text()))
    # A field the file does not have yet is there to fill in (the fixture's sources have no brief).
    expect(field(page, "root.0.brief")).to_have_value("")
    page.get_by_role("button", name="Add Source").click()
    field(page, f"root.{count}.id").press_sequentially("district-faq")
    name = field(page, f"root.{count}.name")
    name.press_sequentially("Example Valley Schools: questions and answers")
    # Not left, not saved: kept in this browser all the same, after a pause (the window may be closed now).
    kept_in_this_browser(page, "Example Valley Schools: questions and answers")
    expect(name).to_be_focused()
    expect(status).to_contain_text("Not saved yet", timeout=30_000)
    page.reload()
    page.locator("[data-file='content/sources.yaml']").click()
    expect(status).to_contain_text("unsaved changes, kept in this browser, are back", timeout=30_000)
    expect(field(page, f"root.{count}.name")).to_have_value("Example Valley Schools: questions and answers")
    expect(field(page, "root.0.brief")).to_be_visible()  # empty, left out of the kept draft, and still shown
    discard = page.get_by_role("button", name="Drop my unsaved changes")
    expect(discard).to_be_visible()
    page.locator("#save").click()
    expect(status).to_contain_text("No unsaved changes", timeout=30_000)
    expect(discard).to_be_hidden()
    saved = yaml.safe_load((edition_copy / "content/sources.yaml").read_text())
    assert saved["district-faq"]["name"] == "Example Valley Schools: questions and answers"


def test_a_file_broken_in_a_text_editor_is_mended_in_the_studio(desk, studio_url, edition_copy):
    cards = edition_copy / "content/cards.yaml"
    cards.write_text(cards.read_text().replace('title: "Get out"', "title: Get out: now", 1))
    page = desk
    page.goto(studio_url)
    page.locator("[data-file='content/cards.yaml']").click()
    status = page.locator("#status")
    # Its text, with the line that is wrong in plain words: no form, and no other program needed.
    expect(status).to_contain_text("colon", timeout=30_000)
    text = page.get_by_label("The file's text")
    expect(text).to_be_visible()
    text.fill(text.input_value().replace("title: Get out: now", 'title: "Get out: now"'))
    expect(status).to_contain_text("Not saved yet")
    page.locator("#save").click()
    expect(field(page, "root.cards.0.title")).to_have_value("Get out: now", timeout=30_000)
    expect(text).to_be_hidden()
    assert yaml.safe_load(cards.read_text())["cards"][0]["title"] == "Get out: now"


def test_a_languages_crisis_words_are_given_on_translate(desk, studio_url, edition_copy):
    page = desk
    page.goto(studio_url + "translate/")
    words = page.locator("#words-status")
    expect(page.get_by_label("Approved word for: Stay In")).to_have_value("البقاء في الداخل", timeout=30_000)
    expect(page.get_by_label("Approved word for: lock", exact=True)).to_have_attribute("dir", "rtl")
    # A word of the protocol added, then its Arabic word given, as a district would.
    page.get_by_label("The word, as your protocol writes it").fill("Lock In")
    page.get_by_label("What it means, for translators").fill("Lock the door and stay in the room.")
    page.get_by_role("button", name="Save crisis words").click()
    expect(words).to_contain_text("1 crisis words without an approved word", timeout=30_000)
    page.get_by_label("Approved word for: Lock In", exact=True).fill("الاحتماء في الغرفة")
    expect(words).to_contain_text("Not saved yet")
    page.get_by_role("button", name="Save crisis words").click()
    expect(words).to_contain_text("Every crisis word has its approved word", timeout=30_000)
    # The strings are held to it: the Lock In string names it beside its English.
    held = page.locator("#strings tr", has_text="Lock In").locator(".studio-glossary", has_text="lock-in")
    expect(held.first).to_contain_text("lock-in: الاحتماء في الغرفة", timeout=30_000)
    saved = yaml.safe_load((edition_copy / "translations/ar/glossary.yaml").read_text())["terms"]["lock-in"]
    assert saved == {"term": "الاحتماء في الغرفة", "forms": ["الاحتماء في الغرفة"]}


def test_the_review_sheets_recordings_are_filed_on_review(desk, studio_url, edition_copy, tmp_path):
    (wav,) = spoken(make_app(tmp_path / "app", EDITION=str(edition_copy)), "ar", ["Get out"], tmp_path / "saved")
    silent = espeak(" ", "ar", tmp_path / "saved" / wav.name.replace(".wav", "-again.wav"))
    page = desk
    page.goto(studio_url + "review/")
    page.get_by_label("Recordings").set_input_files([wav, silent])
    page.get_by_role("button", name="File the recordings").click()
    expect(page.locator("#status")).to_have_text(re.compile("^Filed 1 of 2 recordings"), timeout=60_000)
    expect(page.locator("#said")).to_contain_text(f"{silent.name}: is silent")
    expect(page.locator("#said")).to_contain_text(f"{wav.name}: ")
    records = yaml.safe_load((edition_copy / "translations/ar/recordings.yaml").read_text())["recordings"]
    assert [record["english"] for record in records] == ["Get out"]


def without_empty(node):
    """A file's data without its empty fields: the form may leave one out or give it empty, and a
    save neither adds nor removes one (tests/test_studio.py)."""
    if isinstance(node, dict):
        return {key: without_empty(value) for key, value in node.items() if value not in ("", None, [], {})}
    if isinstance(node, list):
        return [without_empty(value) for value in node]
    return node.isoformat() if isinstance(node, datetime.date) else node


@pytest.mark.parametrize("edition", [MISSOULA.path, STARTER], ids=["missoula", "starter"])
def test_every_file_comes_back_from_its_form_as_it_was(desk, tmp_path, edition):
    """Opened and checked without a change, each file's form gives back its very data: no id a
    list to pick from lacks, no date, no field of any block is lost on the way."""
    copy = tmp_path / "edition"
    shutil.copytree(edition, copy)
    server = studio_server(create_studio(copy, work_dir=tmp_path / "work", token=TOKEN))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        desk.goto(f"http://127.0.0.1:{server.server_port}/{TOKEN}/")
        files = [name for name in editable_files() if (copy / name).is_file()]
        for name in files:
            with desk.expect_request(
                lambda request, name=name: request.url.endswith(f"/api/check/{name}"), timeout=30_000
            ) as sent:
                desk.locator(f"[data-file='{name}']").click()
            given = from_form(name, json.loads(sent.value.post_data)["data"])
            assert without_empty(given) == without_empty(yaml.safe_load((copy / name).read_text())), name
        print(f"{edition.name}: {len(files)} files come back from their forms as they were")
    finally:
        server.shutdown()


# What the test types where the starter edition says "FILL IN", by the field's name: a made-up
# district, as the fixture edition's (no real place, no real number).
FILLERS = {
    "url": "https://www.example.org/safety",
    "number": "(555) 555-0123",
    "tel": "+15555550123",
    "title": "Leave",
    "tagline": "Get out fast",
    "action": "Lockdown",
    "means": "Lock the doors and stay out of sight.",
    "notice": "This guide is built from public guidance of Example Police and Example Schools. "
    "It is not an official publication of either.",
    "short": "Not an official publication of Example Police or Example Schools.",
}
NAMES = {
    "guide": ("Example Safety Guide", "Safety"),
    "district": ("Example Schools", "EXS"),
    "police": ("Example Police", "EXP"),
}
ARABIC = {
    "Leave": "غادر",
    "Get out fast": "اخرج بسرعة",
    "Follow what your school's staff tell you.": "اتبع ما يقوله لك موظفو مدرستك.",
}


def typed_for(path):
    parts = path.split(".")
    field_name = parts[-2] if parts[-1].isdigit() else parts[-1]
    if len(parts) == 3 and parts[1] in NAMES and field_name in ("name", "short_name"):
        return NAMES[parts[1]][field_name == "short_name"]
    return FILLERS.get(field_name, "Follow what your school's staff tell you.")


def checked(page):
    expect(page.locator("#status")).to_have_text(re.compile(r"^(No problems|\d+ problem)"), timeout=30_000)


def test_from_an_empty_folder_to_a_published_guide_read_offline(desk, tmp_path, context):
    """A district's first hour, in the browser only: the starter edition, every placeholder filled
    through the forms until the check passes, the page changing beside them, three strings put into
    Arabic (right to left), published, and the export read with its server stopped."""
    edition = tmp_path / "springfield"
    shutil.copytree(STARTER, edition)  # what `scripts/studio springfield` does with a new folder
    server = studio_server(create_studio(edition, work_dir=tmp_path / "work", token=TOKEN))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    studio = f"http://127.0.0.1:{server.server_port}/{TOKEN}/"
    page = desk
    try:
        page.goto(studio)
        names = page.locator("[data-file]").evaluate_all("buttons => buttons.map((b) => b.dataset.file)")
        for name in names:
            page.locator(f"[data-file='{name}']").click()
            checked(page)
            boxes = page.locator("#form input[type=text], #form textarea")
            for index in range(boxes.count()):
                box = boxes.nth(index)
                if "FILL IN" in box.input_value():
                    path = box.evaluate("e => e.closest('[data-schemapath]').getAttribute('data-schemapath')")
                    box.fill(typed_for(path))
                    box.press("Tab")
            if name == "edition.yaml":  # a second language, for families who read Arabic
                page.locator("[data-schemapath='root.languages'] .json-editor-btn-add").first.click()
                field(page, "root.languages.1").fill("ar")
                field(page, "root.languages.1").press("Tab")
            page.locator("#save").click()
            # Saved and checked again (edition.yaml's save shows the page again: its list of files
            # follows the pages it lists, and the file is open again).
            expect(page.locator("#status")).to_contain_text("No unsaved changes", timeout=30_000)
            expect(page.locator("#file-heading")).to_have_text(name)
        page.locator("[data-file='content/cards.yaml']").click()
        expect(page.locator("#status")).to_have_text(re.compile("^No problems"), timeout=30_000)
        expect(page.locator("#stand-ins")).to_be_hidden()
        expect(page.frame_locator("#preview").locator(".card__name").first).to_have_text("Leave", timeout=30_000)
        written = [yaml.safe_load(p.read_text()) for p in edition.rglob("*.yaml") if "schemas" not in p.parts]
        assert "FILL IN" not in json.dumps(written, default=str)  # in the data (the comments still say it)

        page.goto(studio + "translate/")
        expect(page.locator("#status")).to_contain_text("problems", timeout=30_000)
        for english, arabic in ARABIC.items():
            page.locator(f'textarea[data-english="{english}"]').fill(arabic)
        page.locator("#save").click()
        expect(page.locator("#status")).to_contain_text("Saved", timeout=30_000)
        page.locator("#preview-page").select_option("/{lang}/cards/")
        preview = page.frame_locator("#preview")
        expect(preview.locator("html")).to_have_attribute("dir", "rtl", timeout=30_000)
        expect(preview.locator(".card__name").first).to_have_text("غادر", timeout=30_000)

        port = free_port()
        page.goto(studio + "publish/")
        page.locator("#address").fill(f"http://127.0.0.1:{port}")
        page.locator("#publish").click()
        expect(page.locator("#status")).to_contain_text("Published", timeout=120_000)
    finally:
        server.shutdown()
    site = StaticServer(edition / "published" / "site", port, tmp_path / "nginx").start()
    reader = context.new_page()
    try:
        reader.goto(f"{site.url}/ar/cards/")
        wait_until_saved_offline(reader)
    finally:
        site.stop()
    reader.goto(f"{site.url}/ar/cards/")
    assert reader.locator(".card__name").first.inner_text() == "غادر"
    assert reader.evaluate("document.documentElement.dir") == "rtl"
    reader.goto(f"{site.url}/ar/lockdown/")  # the lockdown screen, in Arabic, from the saved copy
    assert "اتبع ما يقوله لك موظفو مدرستك." in reader.locator("main").inner_text()
