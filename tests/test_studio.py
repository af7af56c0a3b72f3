"""The edition studio's app: only this computer, with its secret and its page's token, may read or
change an edition; only the edition's own files, inside its folder; a save keeps comments and order,
is atomic, and never overwrites a version the person did not see; bad input is one clear message."""

import csv
import datetime
import errno
import io
import json
import os
import re
import shutil
import zipfile

import pytest
import yaml

from tests.conftest import make_app
from tests.missoula import MISSOULA
from tests.recordings import espeak, spoken
from webapp.content_model.edition_commands import STARTER
from webapp.content_model.field_words import ordinal
from webapp.settings import PROJECT_ROOT
from webapp.studio import create_studio
from webapp.studio.edition_files import editable_files

TOKEN = "secret-of-this-test"
CARDS = "content/cards.yaml"


@pytest.fixture()
def studio(edition_copy, tmp_path):
    return create_studio(edition_copy, work_dir=tmp_path / "work", token=TOKEN)


@pytest.fixture()
def client(studio):
    return studio.test_client()


def changes(studio):
    return {"X-CSRF-Token": studio.config["CSRF_TOKEN"]}


def opened(client, name=CARDS):
    answer = client.get(f"/{TOKEN}/api/files/{name}")
    assert answer.status_code == 200, answer.data
    return answer.get_json()


def save(client, studio, data, version, name=CARDS, **headers):
    return client.put(
        f"/{TOKEN}/api/files/{name}", json={"data": data, "version": version}, headers={**changes(studio), **headers}
    )


def test_without_the_secret_from_elsewhere_or_without_the_pages_token_nothing_is_read_or_changed(
    studio, client, edition_copy
):
    before = (edition_copy / CARDS).read_bytes()
    file = opened(client)
    assert client.get("/").status_code == 404
    assert client.get(f"/not-{TOKEN}/").status_code == 404
    assert client.get(f"/not-{TOKEN}/api/files/{CARDS}").status_code == 404
    assert client.get(f"/{TOKEN}/", headers={"Host": "studio.example.org"}).status_code == 403
    # DNS rebinding: a page of another site, its name pointed at this computer, sends its own Host.
    assert client.get(f"/{TOKEN}/api/files/{CARDS}", headers={"Host": "attacker.example:8765"}).status_code == 403
    refused = [
        client.put(f"/{TOKEN}/api/files/{CARDS}", json={"data": {}, "version": file["version"]}),  # no CSRF token
        save(client, studio, {}, file["version"], **{"X-CSRF-Token": "guessed"}),
        save(client, studio, {}, file["version"], Origin="https://attacker.example"),
        save(client, studio, {}, file["version"], Host="attacker.example"),
        client.put(f"/not-{TOKEN}/api/files/{CARDS}", json={"data": {}}, headers=changes(studio)),
        client.post(f"/{TOKEN}/api/check/{CARDS}", json={"data": {}}),
    ]
    assert [answer.status_code for answer in refused] == [403, 403, 403, 403, 404, 403]
    assert (edition_copy / CARDS).read_bytes() == before
    page = client.get(f"/{TOKEN}/")
    assert page.status_code == 200 and page.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'self'" in page.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "name", ["../../../../etc/passwd", "content/../../outside.yaml", "edition.yaml/../../x", "review-sheets/x.csv"]
)
def test_only_the_editions_own_files_are_read_or_written(studio, client, name):
    assert client.get(f"/{TOKEN}/api/files/{name}").status_code in (400, 404)
    assert save(client, studio, {"a": 1}, "", name=name).status_code in (400, 404)


def test_a_symbolic_link_out_of_the_edition_is_refused(studio, client, edition_copy, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("secret: 1\n")
    (edition_copy / "content/home.yaml").unlink()
    (edition_copy / "content/home.yaml").symlink_to(outside)
    answer = client.get(f"/{TOKEN}/api/files/content/home.yaml")
    assert answer.status_code == 400 and "leads outside the edition's folder" in answer.get_json()["error"]
    assert save(client, studio, {"x": 1}, "", name="content/home.yaml").status_code == 400
    assert outside.read_text() == "secret: 1\n"


def test_a_save_keeps_comments_order_and_quotes_and_changes_only_what_changed(studio, client, edition_copy):
    before = (edition_copy / CARDS).read_text()
    file = opened(client)
    unchanged = save(client, studio, file["data"], file["version"])
    assert unchanged.status_code == 200 and (edition_copy / CARDS).read_text() == before
    file["data"]["cards"][0]["title"] = "Get out: now, it's time # go"
    assert save(client, studio, file["data"], unchanged.get_json()["version"]).status_code == 200
    after = (edition_copy / CARDS).read_text()
    changed = [(old, new) for old, new in zip(before.splitlines(), after.splitlines(), strict=True) if old != new]
    assert changed == [('    title: "Get out"', '    title: "Get out: now, it\'s time # go"')]
    assert yaml.safe_load(after)["cards"][0]["title"] == "Get out: now, it's time # go"


def test_two_tabs_never_overwrite_each_other_silently(studio, client, edition_copy):
    first, second = opened(client), opened(client)
    first["data"]["cards"][0]["title"] = "From the first tab"
    assert save(client, studio, first["data"], first["version"]).status_code == 200
    saved = (edition_copy / CARDS).read_bytes()
    second["data"]["cards"][0]["title"] = "From the second tab"
    conflict = save(client, studio, second["data"], second["version"])
    assert conflict.status_code == 409
    assert "changed since you opened it" in conflict.get_json()["error"]
    assert (edition_copy / CARDS).read_bytes() == saved
    # The person chose: theirs over the other version, knowingly.
    assert save(client, studio, second["data"], conflict.get_json()["version"]).status_code == 200
    assert "From the second tab" in (edition_copy / CARDS).read_text()


def test_bad_input_is_one_clear_message_and_changes_nothing(studio, client, edition_copy):
    before = (edition_copy / CARDS).read_bytes()
    file = opened(client)
    file["data"]["cards"][0]["title"] = "PNG\x00\x01\x02 pasted"
    binary = save(client, studio, file["data"], file["version"])
    assert binary.status_code == 400 and "not text (was a file pasted in?)" in binary.get_json()["error"]
    file["data"]["cards"][0]["title"] = "x" * 600_000
    huge = save(client, studio, file["data"], file["version"])
    assert huge.status_code == 400 and "holds at most 512 KB" in huge.get_json()["error"]
    enormous = client.put(f"/{TOKEN}/api/files/{CARDS}", data=b"{" + b" " * 2_000_000 + b"}", headers=changes(studio))
    assert enormous.status_code == 413 and "too large" in enormous.get_json()["error"]
    not_json = client.put(f"/{TOKEN}/api/files/{CARDS}", data=b"\x89PNG", headers=changes(studio))
    assert not_json.status_code == 400 and "not a form's content" in not_json.get_json()["error"]
    assert (edition_copy / CARDS).read_bytes() == before
    assert [p.name for p in (edition_copy / "content").iterdir() if p.name.endswith(".saving")] == []


def test_a_full_disk_says_so_and_leaves_the_file_whole(studio, client, edition_copy, monkeypatch):
    before = (edition_copy / CARDS).read_bytes()
    file = opened(client)
    file["data"]["cards"][0]["title"] = "Not saved"

    def full(_descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    answer = save(client, studio, file["data"], file["version"])
    assert answer.status_code == 507
    assert (
        "No space left on device" in answer.get_json()["error"] and "kept in this browser" in answer.get_json()["error"]
    )
    assert (edition_copy / CARDS).read_bytes() == before
    assert [p.name for p in (edition_copy / "content").iterdir() if p.name.startswith(".")] == []


def test_a_draft_is_checked_as_edition_check_checks_it_by_field_and_saves_nothing(studio, client, edition_copy):
    before = (edition_copy / CARDS).read_bytes()
    file = opened(client)
    file["data"]["cards"][0]["key_messages"][0]["text"] = ""
    file["data"]["cards"][1]["sources"] = ["no-such-source"]
    answer = client.post(f"/{TOKEN}/api/check/{CARDS}", json={"data": file["data"]}, headers=changes(studio))
    found = {tuple(p["loc"]): p["text"] for p in answer.get_json()["problems"]}
    assert found[("cards", "0", "key_messages", "0", "text")].startswith("the 1st key message of the Get out card")
    assert any("no-such-source" in text for text in found.values())
    assert answer.get_json()["preview"] is False
    assert (edition_copy / CARDS).read_bytes() == before
    good = client.post(f"/{TOKEN}/api/check/{CARDS}", json={"data": opened(client)["data"]}, headers=changes(studio))
    assert good.get_json() | {"pages": None} == {
        "problems": [],
        "advice": [],
        "elsewhere": [],
        "preview": True,
        "stand_ins": False,
        "pages": None,
    }
    assert "/{lang}/cards/" in good.get_json()["pages"]
    preview = client.get(f"/{TOKEN}/preview/ar/cards/")
    assert preview.status_code == 200 and 'dir="rtl"' in preview.get_data(as_text=True)
    assert "<script" not in preview.get_data(as_text=True)  # the page as it reads, saving nothing


def test_the_forms_pick_sources_and_pictograms_from_the_editions_lists(client):
    schema = opened(client)["schema"]
    sources = schema["$defs"]["Card"]["properties"]["sources"]
    assert sources["format"] == "checkbox" and sources["items"]["enum"] == ["evs-plan", "evp-tips"]
    assert "Example:" in schema["$defs"]["Card"]["properties"]["title"]["description"]
    assert "lock-door" in schema["$defs"]["KeyMessage"]["properties"]["pictogram"]["enum"]
    ways = schema["$defs"]["Card"]["properties"]["further"]["items"]["anyOf"]
    assert [way["title"] for way in ways] == ["The line alone", "The line, with whose guidance it is and its sources"]
    # A line's voice is picked from its own file's voices; a block's kind is said in words.
    parents = opened(client, "content/parents_lockdown.yaml")["schema"]
    assert parents["$defs"]["VoicedMessage"]["properties"]["voice"]["enum"] == ["evs"]
    assert parents["$defs"]["VoicedMessage"]["title"] == "Voiced message"
    # A link picks from the pages the edition lists; a block's mark of its kind is given, not asked.
    home = opened(client, "content/home.yaml")["schema"]
    assert home["$defs"]["HomeLink"]["properties"]["page"]["enum"] == [
        "home",
        "cards",
        "lockdown",
        "parents_lockdown",
        "report",
        "about",
        "search",
    ]
    protocol = opened(client, "content/report.yaml")["schema"]["$defs"]["ProtocolBlock"]["properties"]["protocol"]
    assert protocol["default"] is True and protocol["options"]["hidden"] is True


def test_nothing_of_the_studio_is_part_of_the_public_guide(app):
    assert not [rule.rule for rule in app.url_map.iter_rules() if "api/" in rule.rule or "preview" in rule.rule]
    client = app.test_client()
    assert client.get("/static/studio.js").status_code == 404
    assert client.get("/static/vendor/jsoneditor.js").status_code == 404


def test_the_form_library_is_the_npm_packages_own_file():
    """JSON Editor comes from npm (package.json pins it) and is served by the studio, never a CDN:
    the copy the studio serves is the package's file, byte for byte."""
    installed = PROJECT_ROOT / "node_modules/@json-editor/json-editor/dist/jsoneditor.js"
    if not installed.is_file():
        pytest.fail(f"{installed} is missing: run scripts/test, which runs npm ci.")
    served = PROJECT_ROOT / "webapp/studio/static/vendor/jsoneditor.js"
    assert served.read_bytes() == installed.read_bytes()
    notice = served.with_name("jsoneditor.js.LICENSE.txt")
    assert notice.read_bytes() == installed.with_name("jsoneditor.js.LICENSE.txt").read_bytes()
    pinned = json.loads((PROJECT_ROOT / "package.json").read_text())["devDependencies"]["@json-editor/json-editor"]
    assert f'@version "{pinned}"' in notice.read_text(encoding="utf-8") and "@license MIT" in notice.read_text()


def test_translating_writes_the_editions_catalog_crisis_strings_first_with_their_problems(studio, client, edition_copy):
    answer = client.get(f"/{TOKEN}/api/translations/ar")
    assert answer.status_code == 200, answer.data
    found = answer.get_json()
    assert found["direction"] == "rtl"
    crisis = [row["crisis"] for row in found["rows"]]
    assert crisis == sorted(crisis, reverse=True) and crisis[0]  # crisis strings first
    by_english = {row["english"]: row for row in found["rows"]}
    assert by_english["Get out"]["translation"] and by_english["Get out"]["problems"] == []
    catalog = edition_copy / "translations/ar/LC_MESSAGES/messages.po"
    before = catalog.read_text(encoding="utf-8")
    strings = {
        "Get out": "اخرج الآن",
        "Leave fast": "غادر بسرعة الآن",
        "When safe, call 911.": "اتصل عندما تكون في أمان",
    }
    saved = client.put(
        f"/{TOKEN}/api/translations/ar", json={"strings": strings, "version": found["version"]}, headers=changes(studio)
    )
    assert saved.status_code == 200, saved.data
    rows = {row["english"]: row for row in saved.get_json()["rows"]}
    assert rows["Get out"]["translation"] == "اخرج الآن"
    assert "'911' is not in the translation" in rows["When safe, call 911."]["problems"]  # as translate check says
    after = catalog.read_text(encoding="utf-8")
    assert 'msgstr "اخرج الآن"' in after and len(after.splitlines()) == len(before.splitlines())
    stale = client.put(
        f"/{TOKEN}/api/translations/ar", json={"strings": strings, "version": found["version"]}, headers=changes(studio)
    )
    assert stale.status_code == 409 and catalog.read_text(encoding="utf-8") == after
    assert client.get(f"/{TOKEN}/api/translations/xx").status_code == 400
    preview = client.get(f"/{TOKEN}/preview/ar/cards/").get_data(as_text=True)
    assert "اخرج الآن" in preview


def test_a_languages_crisis_words_are_written_into_the_editions_glossary_files(studio, client, edition_copy):
    url = f"/{TOKEN}/api/glossary/ar"
    glossaries = edition_copy / "translations"
    first = client.get(url).get_json()
    shown = {word["key"]: word for word in first["words"]}
    assert {key: shown[key]["word"] for key in ("lock", "lockdown", "stay-in")} == {
        "lock": "lock",
        "lockdown": "lockdown",
        "stay-in": "Stay In",
    }
    assert shown["stay-in"]["term"] == "البقاء في الداخل" and shown["stay-in"]["edition"]
    assert not shown["lock"]["edition"] and shown["lock"]["term"]  # the interface's, translated already

    def put(version, words=None, add=None):
        return client.put(url, json={"words": words or {}, "add": add, "version": version}, headers=changes(studio))

    # A word of the protocol added: found as written, for every language's crisis strings.
    added = put(first["version"], add={"word": "Lock In", "note": "Lock the door and stay in the room."})
    assert added.status_code == 200, added.data
    english = yaml.safe_load((glossaries / "glossary.yaml").read_text())["terms"]["lock-in"]
    assert english == {"english": r"\bLock\ In\b", "case": "exact", "note": "Lock the door and stay in the room."}
    assert (glossaries / "glossary.yaml").read_text().startswith("# Example Valley's crisis glossary")
    assert {"key": "lock-in", "word": "Lock In", "term": "", "also": "", "edition": True, "note": english["note"]} in (
        added.get_json()["words"]
    )

    # Its Arabic word, and two actions given one word: written, and the clash said as translate check says it.
    words = {"lock-in": {"term": "الإغلاق", "also": "أغلق، , الإغلاق"}, "get-out": {"term": "البقاء في الداخل"}}
    clash = put(added.get_json()["version"], words=words)
    assert clash.status_code == 200, clash.data
    assert any("'get-out' and 'stay-in' share the word" in said for said in clash.get_json()["problems"])
    arabic = (glossaries / "ar/glossary.yaml").read_text()
    assert arabic.startswith("# Example Valley's crisis glossary for Arabic")
    terms = yaml.safe_load(arabic)["terms"]
    assert terms["lock-in"] == {"term": "الإغلاق", "forms": ["الإغلاق", "أغلق"]}  # split at "،" too
    assert terms["stay-in"]["note"] == "Stay in the room."  # untouched
    rows = {row["english"]: row for row in client.get(f"/{TOKEN}/api/translations/ar").get_json()["rows"]}
    assert {"key": "lock-in", "term": "الإغلاق", "note": "Lock the door and stay in the room."} in rows["Lock In"][
        "glossary"
    ]

    # A version the person did not see, a word that is no word, a binary paste: refused, nothing written.
    before = {path: path.read_bytes() for path in glossaries.rglob("glossary.yaml")}
    assert put(first["version"], words={"lock-in": {"term": "x"}}).status_code == 409
    latest = clash.get_json()["version"]
    assert "already a crisis word" in put(latest, add={"word": "Stay In"}).get_json()["error"]
    assert "English letters" in put(latest, add={"word": "!!!"}).get_json()["error"]
    assert put(latest, words={"lock-in": {"term": "\x00\x01PNG"}}).status_code == 400
    assert {path: path.read_bytes() for path in glossaries.rglob("glossary.yaml")} == before


def test_publish_checks_everything_then_writes_the_export_as_a_folder_and_a_zip(studio, client, edition_copy):
    def publish(address):
        return client.post(f"/{TOKEN}/api/publish", json={"base_url": address}, headers=changes(studio))

    refused = publish("not an address")
    assert refused.status_code == 400 and "public address" in refused.get_json()["error"]
    # The starter's example address is nobody's: it would go into the poster's QR code.
    example = publish("https://www.example.org")
    assert example.status_code == 400 and "is an example address" in example.get_json()["error"]
    assert not (edition_copy / "published").exists()
    catalog = edition_copy / "translations/ar/LC_MESSAGES/messages.po"
    text = catalog.read_text(encoding="utf-8").replace('msgstr "غادر بسرعة"', 'msgstr ""')
    catalog.write_text(text.replace("اتصل بالرقم 911 عندما", "اتصل بالرقم عندما"), encoding="utf-8")
    found = publish("https://safety.example-valley.org").get_json()
    assert found["problems"] == [], found
    site = edition_copy / "published" / "site"
    assert (site / "ar/cards/index.html").is_file() and (site / "_headers").is_file()
    assert zipfile.ZipFile(found["zip"]).getinfo("ar/cards/index.html").file_size > 0
    assert "https://safety.example-valley.org/" in found["steps"][0] and "_headers" in found["steps"][1]
    assert found["warnings"] == []
    # This computer's address publishes, to try the guide here, and says no family can open it.
    here = publish("http://127.0.0.1:8080").get_json()
    assert here["problems"] == [] and "opens only on this computer" in here["warnings"][0]
    found = publish("https://safety.example-valley.org").get_json()
    # translate check ran on the edition itself: what is wrong in a translation is said, not hidden;
    # what is not translated yet is counted for its language, beside whether it is reviewed.
    assert any("'911'" in line and "Call 911 when safe." in line for line in found["translation_problems"]), found
    assert not any("missing translation" in line for line in found["translation_problems"]), found
    assert found["languages"][0].startswith("Arabic: 1 string not translated yet (it shows in English"), found
    assert "reviewed" in found["languages"][0]
    # An edition with a problem is not published.
    cards = yaml.safe_load((edition_copy / CARDS).read_text())
    cards["cards"][0]["sources"] = ["no-such-source"]
    (edition_copy / CARDS).write_text(yaml.safe_dump(cards))
    assert any(
        "no-such-source" in problem for problem in publish("https://safety.example-valley.org").get_json()["problems"]
    )


def test_the_strings_of_a_page_the_edition_does_not_list_are_not_asked_for(studio, client, edition_copy, tmp_path):
    """A page dropped from edition.yaml's list is read by nobody: its strings are not to translate,
    and the edition's template (messages.pot, for Poedit and translate check) leaves them out."""
    edition = yaml.safe_load((edition_copy / "edition.yaml").read_text())
    english = [row["english"] for row in client.get(f"/{TOKEN}/api/translations/ar").get_json()["rows"]]
    assert "Whom to call about a threat. This guide sends nothing itself." in english  # the report page's
    edition["pages"] = [page for page in edition["pages"] if page != "report"]
    (edition_copy / "edition.yaml").write_text(yaml.safe_dump(edition, allow_unicode=True))
    home = yaml.safe_load((edition_copy / "content/home.yaml").read_text())
    del home["more"]  # its link to the report page
    (edition_copy / "content/home.yaml").write_text(yaml.safe_dump(home, allow_unicode=True))
    answer = client.get(f"/{TOKEN}/api/translations/ar").get_json()
    assert "Whom to call about a threat. This guide sends nothing itself." not in [
        row["english"] for row in answer["rows"]
    ], answer
    # Its file is listed as not in the guide, not as "done".
    studio_page = client.get(f"/{TOKEN}/").get_data(as_text=True)
    assert 'data-file="content/report.yaml" data-unlisted' in studio_page
    assert 'data-file="content/cards.yaml" data-unlisted' not in studio_page
    version = client.get(f"/{TOKEN}/api/translations/ar").get_json()["version"]
    saved = client.put(
        f"/{TOKEN}/api/translations/ar", json={"strings": {}, "version": version}, headers=changes(studio)
    )
    assert saved.status_code == 200
    template = (edition_copy / "translations/messages.pot").read_text(encoding="utf-8")
    assert "content/report.yaml" not in template and "content/lockdown.yaml" in template


def test_a_new_edition_is_previewed_before_it_is_filled_in_with_its_placeholders_said(tmp_path):
    starter = tmp_path / "new"
    shutil.copytree(STARTER, starter)
    studio = create_studio(starter, work_dir=tmp_path / "work", token=TOKEN)
    client = studio.test_client()
    answer = client.post(f"/{TOKEN}/api/check/{CARDS}", json={"data": opened(client)["data"]}, headers=changes(studio))
    checked = answer.get_json()
    assert checked["problems"] and checked["preview"] is True and checked["stand_ins"] is True
    page = client.get(f"/{TOKEN}/preview/en/cards/").get_data(as_text=True)
    assert "To fill in: the card&#39;s word" in page and "FILL IN" not in page
    assert not (starter / "published").exists()


@pytest.mark.parametrize("edition", [MISSOULA.path, STARTER], ids=["missoula", "starter"])
def test_saving_what_a_form_gives_back_unchanged_changes_no_byte_of_any_file(tmp_path, edition):
    """Dates come to the form as text and go back as dates; empty fields the form leaves out, or
    gives empty, are neither removed nor added."""
    copy = tmp_path / "edition"
    shutil.copytree(edition, copy)
    studio = create_studio(copy, work_dir=tmp_path / "work", token=TOKEN)
    client = studio.test_client()
    for name in [name for name in editable_files() if (copy / name).is_file()]:
        before = (copy / name).read_bytes()
        file = opened(client, name)
        given = {**drop_empty(file["data"]), "agencies": []} if name == "edition.yaml" else drop_empty(file["data"])
        assert save(client, studio, given, file["version"], name=name).status_code == 200, name
        assert (copy / name).read_bytes() == before, name


def drop_empty(node):
    if isinstance(node, dict):
        return {key: drop_empty(value) for key, value in node.items() if value not in ("", None, [], {})}
    if isinstance(node, list):
        return [drop_empty(value) for value in node]
    return node


def test_a_changed_date_is_written_as_a_date(studio, client, edition_copy):
    file = opened(client, "content/sources.yaml")
    # A keyed file's form is a list of its entries, each with its short name.
    index, dated = next((n, source["id"]) for n, source in enumerate(file["data"]) if source.get("date"))
    file["data"][index]["date"] = "2026-01-02"
    assert save(client, studio, file["data"], file["version"], name="content/sources.yaml").status_code == 200
    assert yaml.safe_load((edition_copy / "content/sources.yaml").read_text())[dated]["date"] == datetime.date(
        2026, 1, 2
    )


def test_sources_and_contacts_are_added_in_their_forms_each_with_its_short_name(studio, client, edition_copy):
    name = "content/sources.yaml"
    file = opened(client, name)
    assert file["schema"]["type"] == "array" and file["schema"]["items"]["properties"]["id"]["title"] == "Short name"
    before = (edition_copy / name).read_text()
    kept = [dict(entry) for entry in file["data"]]
    new = {
        "id": "district-faq",
        "name": "Example Valley Schools: questions and answers",
        "url": "https://x.example/faq",
    }
    # Checked as the person types, by field: a problem of the new entry is marked beside its field.
    typed = [*kept, {**new, "url": "no address"}]
    checked = client.post(f"/{TOKEN}/api/check/{name}", json={"data": typed}, headers=changes(studio)).get_json()
    assert any(problem["loc"][:2] == [len(kept), "url"] for problem in checked["problems"]), checked
    # No short name, or one twice: one line, nothing written.
    for entries, said in (
        ([*kept, {**new, "id": " "}], f"the {ordinal(len(kept) + 1)} entry has no short name"),
        ([*kept, {**new, "id": kept[0]["id"]}], f"two entries have the short name {kept[0]['id']!r}"),
    ):
        refused = save(client, studio, entries, file["version"], name=name)
        assert refused.status_code == 400 and said in refused.get_json()["error"], refused.get_json()
    assert (edition_copy / name).read_text() == before
    # Added: written under its short name after the others, whose comments stay.
    assert save(client, studio, [*kept, new], file["version"], name=name).status_code == 200
    written = (edition_copy / name).read_text()
    assert written.startswith(before.rstrip("\n"))
    assert list(yaml.safe_load(written))[-1] == "district-faq"
    # A file whose entry is not a block of fields is mended as text, not lost in a form.
    (edition_copy / name).write_text(before + "\nstray: just a line\n")
    assert "each entry must be a block of fields" in opened(client, name)["broken"]


@pytest.mark.parametrize(
    "written", ["- a list, not the edition's fields\n", "guide: [never closed\n", "pages: 5\n", "pages: [[cards]]\n"]
)
def test_the_studio_opens_whatever_edition_yaml_holds_while_it_is_edited(studio, client, edition_copy, written):
    (edition_copy / "edition.yaml").write_text(written)
    for page in ("", "translate/", "publish/"):
        assert client.get(f"/{TOKEN}/{page}").status_code == 200, page
    answer = client.get(f"/{TOKEN}/api/files/edition.yaml")
    assert answer.status_code in (200, 400) and "Traceback" not in answer.get_data(as_text=True)


def test_a_file_that_is_not_valid_yaml_is_mended_as_text_in_the_studio(studio, client, edition_copy):
    good = (edition_copy / CARDS).read_text()
    broken = good.replace('title: "Get out"', "title: Get out: now", 1)
    assert broken != good
    (edition_copy / CARDS).write_text(broken)
    file = opened(client)
    # The file's text and edition check's own line for it, in plain words: no form, and no other program.
    assert file["text"] == broken and "data" not in file
    assert re.match(r"content/cards\.yaml, line \d+, column \d+: .*colon", file["broken"]), file["broken"]

    def save_text(text, version):
        return client.put(
            f"/{TOKEN}/api/text/{CARDS}", json={"text": text, "version": version}, headers=changes(studio)
        )

    # Still broken, or another kind of mistake: refused with the line, and nothing written.
    still = save_text(broken.replace("Get out: now", "'Don't run'"), file["version"])
    assert still.status_code == 400 and "apostrophe" in still.get_json()["error"]
    twice = save_text(broken.replace("title: Get out: now", 'title: "Get out"\n    title: "Again"', 1), file["version"])
    assert twice.status_code == 400 and "not valid YAML" in twice.get_json()["error"]
    assert save_text(good, "an older version").status_code == 409
    assert save_text("cards: \x00\x01", file["version"]).status_code == 400
    assert (edition_copy / CARDS).read_text() == broken
    # Mended: written as typed, and the form is back.
    assert save_text(good.replace('"Get out"', '"Get out: now"', 1), file["version"]).status_code == 200
    assert opened(client)["data"]["cards"][0]["title"] == "Get out: now"


def test_the_studio_lists_the_files_the_edition_has_or_needs(client):
    listed = re.findall(r'data-file="([^"]+)"', client.get(f"/{TOKEN}/").get_data(as_text=True))
    assert "content/cards.yaml" in listed and "content/parents.yaml" not in listed  # no parents page here


def test_a_language_is_reviewed_from_the_studio_sheet_and_verdicts(studio, client, edition_copy):
    made = client.post(f"/{TOKEN}/api/review-sheet/ar", headers=changes(studio))
    assert made.status_code == 200, made.data
    sheet = client.get(made.get_json()["sheet"])
    assert sheet.status_code == 200 and "Record" in sheet.get_data(as_text=True)
    # Its own policy: its Record buttons' script runs, and it still sends nothing anywhere.
    assert sheet.headers["Content-Security-Policy"].startswith("default-src 'none'; script-src 'sha256-")
    assert client.get(f"/{TOKEN}/review-sheets/..%2Fedition.yaml").status_code in (400, 404)
    assert client.get(f"/{TOKEN}/review-sheets/review-sheet-ar.csv").status_code == 400
    with open(edition_copy / "review-sheets/review-sheet-ar.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows[0].update(verdict="approved", reviewer="A. Reviewer", role="native-speaker", date="2026-12-06")
    filled = io.StringIO()
    writer = csv.DictWriter(filled, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    answer = client.put(f"/{TOKEN}/api/verdicts/ar", data=filled.getvalue().encode(), headers=changes(studio))
    assert answer.status_code == 200 and "Recorded 1 review(s) for ar" in answer.get_json()["said"]
    assert "A. Reviewer" in (edition_copy / "translations/ar/reviews.yaml").read_text(encoding="utf-8")
    rows[0]["translation_sha256"] = "0" * 16
    stale = io.StringIO()
    writer = csv.DictWriter(stale, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    refused = client.put(f"/{TOKEN}/api/verdicts/ar", data=stale.getvalue().encode(), headers=changes(studio))
    assert (
        refused.status_code == 400 and "the translation changed since the sheet was made" in refused.get_json()["said"]
    )
    binary = client.put(f"/{TOKEN}/api/verdicts/ar", data=b"\xff\xfe\x00PNG", headers=changes(studio))
    assert binary.status_code == 400 and "not the review sheet's CSV" in binary.get_json()["error"]
    assert client.put(f"/{TOKEN}/api/verdicts/ar", data=b"x").status_code == 403  # no CSRF token


def test_recordings_the_review_sheet_saved_are_filed_from_the_studio(studio, client, edition_copy, tmp_path):
    (wav,) = spoken(make_app(tmp_path / "app", EDITION=str(edition_copy)), "ar", ["Get out"], tmp_path / "wav")

    def put(name, body):
        headers = {**changes(studio), "Content-Type": "application/octet-stream"}
        return client.put(f"/{TOKEN}/api/recordings/ar", query_string={"name": name}, data=body, headers=headers)

    recordings = edition_copy / "translations/ar/recordings.yaml"
    # What cannot be used: one line each, as record-audio says it, and nothing filed.
    silent = espeak(" ", "ar", tmp_path / "silent.wav").read_bytes()
    refused = put(wav.name, silent)
    assert refused.status_code == 400 and f"{wav.name}: is silent: no voice in it" in refused.get_json()["said"]
    unnamed = put("my recording.wav", wav.read_bytes())
    assert unnamed.status_code == 400 and "not a recording the review sheet saved" in unnamed.get_json()["error"]
    assert put("../../content/cards.yaml", wav.read_bytes()).status_code == 400
    assert put(wav.name, b"\0" * 1_100_000).status_code == 413
    assert not recordings.exists()
    # The sheet's recording: checked and filed as record-audio files it, said without this computer's paths.
    filed = put(wav.name, wav.read_bytes())
    said = filed.get_json()["said"]
    assert filed.status_code == 200 and said.startswith(f"{wav.name}: ") and "Filed 1 recording(s) for ar" in said
    assert str(tmp_path) not in said
    assert [record["english"] for record in yaml.safe_load(recordings.read_text())["recordings"]] == ["Get out"]
