"""An edition is a folder of data, checked before the app starts: each problem is one message that
names the file and the field, from `edition check`, from create_app and from gunicorn alike."""

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import make_app
from tests.missoula import MISSOULA
from tests.site_urls import sitemap_paths
from webapp.content_model.accent import contrast
from webapp.content_model.blocks import Section, SourcedSection
from webapp.content_model.edition import EditionError
from webapp.content_model.edition_reference import models_in
from webapp.content_model.page_registry import PAGES
from webapp.settings import PROJECT_ROOT


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (what a district gets wrong, file, the change, what the one message must say)
BAD_FIELDS = {
    "phone number without a source": (
        "content/contacts.yaml",
        "  agency: police\n  sources: [evp-tips]",
        "  agency: police\n  sources: []",
        r"content/contacts\.yaml, line \d+: the contact evp-tips: "
        r"a contact with a number must name the sources that confirm it",
    ),
    "phone number typed into the text": (
        "content/cards.yaml",
        '      - text: "Lock the door."',
        '      - text: "Lock the door. Call (555) 010-9999."',
        r"content/cards\.yaml, line \d+: the 1st key message of the Lock in card: the number \(555\) 010-9999 is not "
        r"one of contacts\.yaml's numbers: a number is given only as a contact, with the sources that confirm it",
    ),
    "emergency number no contact gives": (
        "edition.yaml",
        'emergency_number: "911"',
        'emergency_number: "112"',
        r"content/contacts\.yaml: no contact gives the emergency number 112 \(edition\.yaml\) with its sources",
    ),
    "emergency number of letters": (
        "edition.yaml",
        'emergency_number: "911"',
        'emergency_number: "9-1-1"',
        r"edition\.yaml, line \d+: the emergency number: must be 2 to 6 digits \(like 911, 112 or 10111\)",
    ),
    "contact of an unknown agency": (
        "content/contacts.yaml",
        "  agency: police",
        "  agency: sherif",
        r"content/contacts\.yaml, line \d+: the agency of the contact evp-tips: unknown agency 'sherif' "
        r"\(district, police, sheriff: the district, the police, edition\.yaml's agencies\)",
    ),
    "key message without its pictogram": (
        "content/cards.yaml",
        '      - text: "Lock the door."\n        pictogram: lock-door',
        '      - "Lock the door."',
        r"content/cards\.yaml, line \d+: the pictogram of the 1st key message of the Lock in card: missing",
    ),
    "unknown pictogram": (
        "content/lockdown.yaml",
        "pictogram: lights-off",
        "pictogram: lamp-off",
        r"content/lockdown\.yaml, line \d+: the pictogram of the 2nd key message: no pictogram 'lamp-off': use one "
        r"of the engine's",
    ),
    "unknown source": (
        "content/cards.yaml",
        "      sources: [evs-plan]",
        "      sources: [no-such-source]",
        r"content/cards\.yaml, line \d+: the sources of the section only-for-attacks of the overview: "
        r"unknown source 'no-such-source'",
    ),
    "colour that fails contrast": (
        "edition.yaml",
        'accent_color: "#2f5d1f"',
        'accent_color: "#ffcc00"',
        r"edition\.yaml, line \d+: the accent color: contrast 1\.51:1 with white text on it.*WCAG AA needs 4\.5:1",
    ),
    "unknown language": (
        "edition.yaml",
        "languages: [en, ar]",
        "languages: [en, xx, ar]",
        r"edition\.yaml, line \d+: the languages: unknown language 'xx'",
    ),
    "YAML syntax error": (
        "edition.yaml",
        "adopted_by: none",
        "adopted_by: [none",
        r"edition\.yaml, line \d+, column \d+: not valid YAML: a list written in \[ \] is not closed",
    ),
    "misspelt field": (
        "edition.yaml",
        "adopted_by: none",
        "adopted: none",
        r"edition\.yaml, line \d+: 'adopted' is not a field of this file \(misspelt\?\)",
    ),
    "placeholder left in": (
        "edition.yaml",
        '  name: "Example Valley Schools"',
        '  name: "FILL IN: the school district\'s name"',
        r"edition\.yaml, line \d+: the district: name: still the placeholder",
    ),
}


@pytest.mark.parametrize("mistake", BAD_FIELDS)
def test_a_bad_field_is_one_message_naming_file_and_field(tmp_path, edition_copy, mistake):
    file, old, new, expected = BAD_FIELDS[mistake]
    replace_in(edition_copy / file, old, new)
    with pytest.raises(EditionError) as raised:
        make_app(tmp_path, EDITION=str(edition_copy))
    assert len(raised.value.problems) == 1, raised.value.problems
    assert re.search(expected, raised.value.problems[0]), raised.value.problems[0]
    assert str(edition_copy) in raised.value.problems[0]


def test_any_emergency_number_of_two_to_six_digits_serves_when_a_sourced_contact_gives_it(tmp_path, edition_copy):
    replace_in(edition_copy / "edition.yaml", 'emergency_number: "911"', 'emergency_number: "10111"')
    contacts = edition_copy / "content" / "contacts.yaml"
    replace_in(contacts, 'number: "911"\n  tel: "911"', 'number: "10111"\n  tel: "10111"')
    html = make_app(tmp_path, EDITION=str(edition_copy)).test_client().get("/en/").get_data(as_text=True)
    assert '<a href="tel:10111">In an emergency, call 10111</a>' in html


def test_a_page_in_the_list_with_no_content_is_named(tmp_path, edition_copy):
    (edition_copy / "content" / "report.yaml").unlink()
    with pytest.raises(EditionError, match=r"content/report\.yaml: missing, but 'report' is in edition\.yaml's pages"):
        make_app(tmp_path, EDITION=str(edition_copy))


def test_a_link_to_a_page_the_edition_does_not_list_is_named(tmp_path, edition_copy):
    replace_in(
        edition_copy / "edition.yaml",
        "pages: [home, cards, lockdown, parents_lockdown, report,",
        "pages: [home, cards, lockdown, parents_lockdown,",
    )
    (edition_copy / "content" / "report.yaml").unlink()
    with pytest.raises(EditionError) as raised:
        make_app(tmp_path, EDITION=str(edition_copy))
    assert any(
        re.search(r"home\.yaml, line \d+: the page of the 1st link under more: 'report' is not a page of this", p)
        for p in raised.value.problems
    )


def test_edition_check_passes_on_the_edition_and_lists_every_problem_of_a_broken_copy(app, edition_copy):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["edition", "check"])
    assert result.exit_code == 0, result.output
    assert "Example Valley Schools and Example Valley Police" in result.output
    assert "No problems." in result.output

    replace_in(edition_copy / "edition.yaml", "languages: [en, ar]", "languages: [en, xx, ar]")
    replace_in(edition_copy / "edition.yaml", 'accent_color: "#2f5d1f"', 'accent_color: "blue"')
    result = runner.invoke(args=["edition", "check", str(edition_copy)])
    assert result.exit_code == 1
    assert "the edition has 2 problems" in result.output
    assert "languages: unknown language 'xx'" in result.output
    assert "the accent color: a colour written #rrggbb, not 'blue'" in result.output
    assert "Traceback" not in result.output


def test_crisis_text_longer_than_one_glance_is_advised_but_served(tmp_path, edition_copy):
    long_line = "Leave your things behind you and go out by the nearest door you can safely reach."
    replace_in(edition_copy / "content" / "cards.yaml", '"Leave your things."', f'"{long_line}"')
    replace_in(
        edition_copy / "content" / "cards.yaml",
        '"When safe, call 911."',
        '"When you are somewhere safe, call 911 and stay on the line."',
    )
    further = '      - text: "Show empty hands."\n        pictogram: hands-up\n'
    replace_in(
        edition_copy / "content" / "cards.yaml",
        further,
        further + "    further:\n" + '      - "Keep your hands up high and open where officers see them."\n' * 5,
    )
    result = make_app(tmp_path / "app").test_cli_runner().invoke(args=["edition", "check", str(edition_copy)])
    assert result.exit_code == 0, result.output
    advice = result.stderr.splitlines()
    assert advice[0] == "3 crisis texts longer than one glance:", advice
    cards = f"{edition_copy}/content/cards.yaml"
    get_out = "the key messages of the Get out card"
    assert f"{cards}, line 20: {get_out}: 28 words; the key messages hold at most" in advice[1]
    assert f"{cards}, line 20: the 1st key message of the Get out card: 16 words; one idea a line" in advice[2]
    police = "the further lines of the When police arrive card"
    assert f"{cards}, line 43: {police}: 55 words; the further lines hold at most about 50" in advice[3]
    assert "the key messages of the When police arrive card" not in result.stderr
    assert "No problems." in result.stdout
    make_app(tmp_path / "served", EDITION=str(edition_copy))  # advice never stops the server


def test_more_than_three_key_messages_are_refused_with_the_file_and_field(tmp_path, edition_copy):
    key = '      - text: "Show empty hands."\n        pictogram: hands-up\n'
    calm = '      - text: "Stay calm."\n        pictogram: hands-up\n'
    replace_in(edition_copy / "content" / "cards.yaml", key, key + calm * 2)
    result = make_app(tmp_path / "app").test_cli_runner().invoke(args=["edition", "check", str(edition_copy)])
    assert result.exit_code == 1
    assert (
        f"{edition_copy}/content/cards.yaml, line 38: the key messages of the When police arrive card: "
        "4 key messages; a frightened reader takes in "
        "at most 3: keep the most important and move the rest to 'further'"
    ) in result.output
    assert "Traceback" not in result.output


def run_with_edition(edition, *command, timeout=120, **settings):
    env = dict(os.environ, GUIDE_EDITION=str(edition), GUIDE_BUILD_DIR=str(edition.parent / "build"), **settings)
    return subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def server_and_check(edition, **settings):
    """What gunicorn, `flask edition check` and `flask run` say of a broken edition (each's output);
    a server that starts anyway never returns, and the timeout fails the test."""
    flask = os.path.join(os.path.dirname(sys.executable), "flask")
    server = run_with_edition(
        edition,
        os.path.join(os.path.dirname(sys.executable), "gunicorn"),
        "wsgi:app",
        "--bind",
        "127.0.0.1:0",
        **settings,
    )
    check = run_with_edition(edition, flask, "--app", "webapp", "edition", "check", **settings)
    dev_server = run_with_edition(edition, flask, "--app", "webapp", "run", "--port", "0", timeout=60, **settings)
    return server, check, dev_server


def test_a_wrong_language_setting_is_one_line_for_the_server_and_the_check(edition_copy):
    for result in server_and_check(edition_copy, GUIDE_LANGUAGES="en,xx"):
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert "languages (edition.yaml, or the GUIDE_LANGUAGES setting): Unknown language 'xx'" in output
        assert "Traceback" not in output


def test_a_misspelt_field_of_a_crisis_text_is_named_and_the_guide_does_not_start(edition_copy):
    replace_in(edition_copy / "content" / "lockdown.yaml", "further:", "furthr:")
    for result in server_and_check(edition_copy):
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert "content/lockdown.yaml, line 12: 'furthr' is not a field of this file (misspelt?)" in output
        assert "Traceback" not in output


def test_an_edition_without_the_parents_lockdown_page_serves_every_page(tmp_path, edition_copy):
    # The lockdown screen links to the parents' page only when the edition has it.
    replace_in(edition_copy / "edition.yaml", "lockdown, parents_lockdown,", "lockdown,")
    urgent = """  - page: parents_lockdown
    title: "My child's school is locked in"
    text: "For parents: what to do now."
"""
    replace_in(edition_copy / "content" / "home.yaml", urgent, "")
    client = make_app(tmp_path / "app", EDITION=str(edition_copy)).test_client()
    assert client.get("/sw.js").status_code == 200  # every page of every language rendered for it
    for path in sitemap_paths(client):
        assert client.get(path).status_code == 200, path
    assert "/parents/lockdown/" not in client.get("/en/lockdown/").get_data(as_text=True)


def test_the_server_and_the_flask_command_refuse_a_broken_edition_without_a_traceback(edition_copy):
    replace_in(
        edition_copy / "content" / "contacts.yaml",
        "agency: police\n  sources: [evp-tips]",
        "agency: police\n  sources: []",
    )
    server, check, dev_server = server_and_check(edition_copy)
    for result in (server, check, dev_server):
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert "contacts.yaml, line 11: the contact evp-tips: a contact with a number must name the sources" in output
        assert "Traceback" not in output
    assert "Listening at" not in server.stderr


def test_checking_the_edition_in_use_lists_as_much_as_checking_its_folder(tmp_path):
    springfield = tmp_path / "springfield"
    runner = make_app(tmp_path / "app").test_cli_runner()
    assert runner.invoke(args=["edition", "new", str(springfield)]).exit_code == 0
    by_folder = runner.invoke(args=["edition", "check", str(springfield)]).output
    bin_dir = os.path.dirname(sys.executable)
    in_use = run_with_edition(springfield, os.path.join(bin_dir, "flask"), "--app", "webapp", "edition", "check")
    assert in_use.returncode == 1
    problems = [line for line in in_use.stderr.splitlines() if "still the placeholder" in line]
    assert len(problems) >= 20 and len(problems) == by_folder.count("still the placeholder"), in_use.stderr


def test_the_accent_colour_is_the_editions_and_reads_in_both_themes(tmp_path, edition_copy):
    replace_in(edition_copy / "edition.yaml", 'accent_color: "#2f5d1f"', 'accent_color: "#6a1b9a"')
    client = make_app(tmp_path, EDITION=str(edition_copy)).test_client()
    html = client.get("/en/").get_data(as_text=True)
    assert '<meta name="theme-color" content="#6a1b9a">' in html
    css_url = re.search(r'href="(/static/css/edition\.[0-9a-f]+\.css)"', html).group(1)
    css = client.get(css_url).get_data(as_text=True)
    assert ":root { --brand: #6a1b9a; --header: #6a1b9a; }" in css
    dark = re.search(r"prefers-color-scheme: dark\) \{\s*:root \{ --brand: (#[0-9a-f]{6});", css).group(1)
    assert contrast(dark, "#14181c") >= 4.5
    # The engine's stylesheet has no edition's colour (Missoula's is the one it once had).
    engine_css = (PROJECT_ROOT / "static" / "css" / "guide.css").read_text().lower()
    assert MISSOULA.data.accent_color not in engine_css and MISSOULA.data.dark_accent_color not in engine_css


def test_a_new_edition_is_refused_until_filled_in_then_serves_only_its_own_facts(tmp_path):
    app = make_app(tmp_path / "app")
    runner = app.test_cli_runner()
    springfield = tmp_path / "springfield"
    result = runner.invoke(args=["edition", "new", str(springfield)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["edition", "new", str(springfield)]).exit_code == 1  # never over an edition

    result = runner.invoke(args=["edition", "check", str(springfield)])
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if "still the placeholder" in line]
    assert len(problems) >= 20 and "Traceback" not in result.output
    with pytest.raises(EditionError):
        make_app(tmp_path / "refused", EDITION=str(springfield))

    # A new user fills in every placeholder, with sourced (here: made-up) facts.
    filled = {
        '"FILL IN: (555) 555-0123"': '"(555) 555-0142"',
        '"FILL IN: +15555550123"': '"+15555550142"',
        '"FILL IN: the address of the page itself, https://..."': '"https://schools.example.net/emergency"',
    }
    for path in springfield.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for old, new in filled.items():
            text = text.replace(old, new)
        text = re.sub(
            r"FILL IN: ([^\"']*)", lambda m: "Springfield " + m.group(1).replace("<", "").replace(">", ""), text
        )
        path.write_text(text, encoding="utf-8")
    result = runner.invoke(args=["edition", "check", str(springfield)])
    assert result.exit_code == 0, result.output

    client = make_app(tmp_path / "served", EDITION=str(springfield)).test_client()
    report = client.get("/en/report/").get_data(as_text=True)
    assert 'href="tel:+15555550142"' in report
    assert client.get("/en/parents/").status_code == 404  # not in its page list
    for path in ("/en/", "/en/cards/", "/en/parents/lockdown/", "/en/manifest.webmanifest", "/sw.js"):
        assert "Missoula" not in client.get(path).get_data(as_text=True), path


def test_every_page_of_sections_but_about_names_the_sources_of_each_section():
    """A page that states facts (every page but About) takes only sections that name their sources."""
    for page in PAGES.values():
        sections = page.model.model_fields.get("sections") if page.model else None
        overview = page.model.model_fields.get("overview") if page.model else None
        field = sections or (overview and overview.annotation.model_fields["sections"])
        if field is None:
            continue
        models = {m for m in models_in(field.annotation)}
        assert models == ({Section} if page.id == "about" else {SourcedSection}), page.id


def test_a_guide_that_retells_no_police_department_needs_none(tmp_path, edition_copy):
    replace_in(edition_copy / "edition.yaml", 'police:\n  name: "Example Valley Police"\n  short_name: "EVP"\n', "")
    replace_in(edition_copy / "content" / "contacts.yaml", "  agency: police\n", "")
    app = make_app(tmp_path / "app", EDITION=str(edition_copy))
    result = app.test_cli_runner().invoke(args=["edition", "check", str(edition_copy)])
    assert result.exit_code == 0, result.output
    assert "Family Safety Guide, Example Valley Schools: 7 pages" in result.output
    about = app.test_client().get("/en/about/").get_data(as_text=True)
    assert "Example Valley Schools</span>: school district" in about and "police department" not in about
    # Adopted by the police, it needs one.
    replace_in(edition_copy / "edition.yaml", "adopted_by: none", "adopted_by: police")
    with pytest.raises(EditionError, match="adopted_by is police, but police: names no police department"):
        make_app(tmp_path / "again", EDITION=str(edition_copy))


def test_the_notice_of_the_editions_adopter_is_needed_and_only_that_one(tmp_path, edition_copy):
    who = edition_copy / "content" / "who_speaks.yaml"
    text = who.read_text(encoding="utf-8")
    notices = re.findall(r"  - adopted_by: (\w+)\n(?:    .*\n)+", text)
    assert notices == ["none", "police", "district", "both"]
    without = {kind: re.sub(rf"  - adopted_by: {kind}\n(?:    .*\n)+", "", text) for kind in notices}
    who.write_text(without["police"], encoding="utf-8")
    make_app(tmp_path / "served", EDITION=str(edition_copy))  # the police notice is not the one in use
    who.write_text(without["none"], encoding="utf-8")
    with pytest.raises(EditionError) as raised:
        make_app(tmp_path / "refused", EDITION=str(edition_copy))
    assert raised.value.problems == [
        f"{who}: no notice for adopted_by: none (edition.yaml's): add one, saying who publishes the guide"
    ]
