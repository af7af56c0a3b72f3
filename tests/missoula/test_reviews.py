"""Review records per string, the review sheet, recording a filled-in sheet, the status pages show,
and the release gate. Every review here is by a clearly fictional reviewer, in a temporary copy."""

import csv
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from flask_babel import force_locale, gettext

from tests.missoula import LANGUAGES, MISSOULA, missoula_app
from webapp.content_model.crisis_text import shown_strings
from webapp.settings import DefaultConfig
from webapp.translation.reviews import read_reviews, text_hash

TRANSLATIONS = Path(DefaultConfig.TRANSLATIONS_DIR)
FICTIONAL = "Testa Fictional-Reviewer (not a real person)"
DENY = ("Deny", "Keep the attacker out")
NOT_REVIEWED_ON_PAGE = "The emergency steps on this page are not yet reviewed by a native speaker."
REVIEWED_ON_PAGE = "A native speaker reviewed the emergency steps on this page on %(date)s."


@pytest.fixture()
def translations_copy(tmp_path):
    """Writable copies of both catalog layers: the interface's (returned) and, beside it, the
    edition's (tmp_path/edition, with its translations/)."""
    target = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, target)
    shutil.copytree(MISSOULA.path, tmp_path / "edition")
    return target


def app_with(tmp_path, translations_dir, name="app", **config):
    config.setdefault("EDITION", str(translations_dir.parent / "edition"))
    return missoula_app(tmp_path / name, TRANSLATIONS_DIR=str(translations_dir), **config)


def all_reviews(translations_dir, locale):
    """Review records of both layers (each record sits beside its string's catalog)."""
    edition_translations = translations_dir.parent / "edition" / "translations"
    return read_reviews(translations_dir, locale) + read_reviews(edition_translations, locale)


def review_sheet(tmp_path, translations_dir, code="ti"):
    app = app_with(tmp_path, translations_dir, "sheet-app")
    result = app.test_cli_runner().invoke(args=["translate", "review-sheet", code, "--out", str(tmp_path / "sheet")])
    assert result.exit_code == 0, result.output
    return tmp_path / "sheet" / f"review-sheet-{code}.html", tmp_path / "sheet" / f"review-sheet-{code}.csv"


def fill_in(csv_path, approve, **fields):
    with open(csv_path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if approve(row["english"]):
            row.update({"verdict": "approved", "reviewer": FICTIONAL, "role": "native-speaker", "date": "2026-12-01"})
            row.update(fields)
    with open(csv_path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return rows


def deny_card_strings(app):
    return set(shown_strings(app.extensions["guide"].card("deny")))


def status_line(app, path):
    html = app.test_client().get(path).get_data(as_text=True)
    return re.search(r'<p class="review-status">(.*?)</p>', html, re.S).group(1)


def in_tigrinya(app, message, **values):
    with app.test_request_context("/ti/"), force_locale("ti"):
        return gettext(message, **values)


def test_the_sheet_puts_crisis_strings_first_with_hashes_glossary_and_alternatives(tmp_path, translations_copy):
    html_path, csv_path = review_sheet(tmp_path, translations_copy)
    with open(csv_path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    kinds = [row["kind"] for row in rows]
    assert kinds == sorted(kinds)  # "crisis" rows, then "other"
    assert kinds.count("crisis") >= 40
    lock_row = next(row for row in rows if row["english"] == "Cannot get away? Lock the door.")
    assert lock_row["kind"] == "crisis" and "lock:" in lock_row["glossary"]
    assert lock_row["alternatives"], "Tigrinya's lock alternatives are for the reviewer to choose"
    assert lock_row["english_sha256"] == text_hash("Cannot get away? Lock the door.")
    html = html_path.read_text(encoding="utf-8")
    assert 'lang="ti"' in html and lock_row["translation"] in html
    # Offline by construction: nothing in it is fetched from anywhere, and its policy allows no
    # request at all; its one script (the Record buttons) is inline, allowed by its hash alone.
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "default-src 'none'; script-src 'sha256-" in html and "connect-src" not in html
    assert html.count("<script") == 1 and "<script>" in html


def test_recording_a_review_changes_the_tigrinya_deny_page_until_its_english_changes(tmp_path, translations_copy):
    before = app_with(tmp_path, translations_copy, "before")
    assert in_tigrinya(before, NOT_REVIEWED_ON_PAGE) in status_line(before, "/ti/cards/deny/")

    _html, csv_path = review_sheet(tmp_path, translations_copy)
    wanted = deny_card_strings(before)
    fill_in(csv_path, lambda english: english in wanted)
    result = before.test_cli_runner().invoke(args=["translate", "record-review", "ti", str(csv_path)])
    assert result.exit_code == 0, result.output
    assert f"Recorded {len(wanted)} review(s) for ti" in result.output
    # The card's strings are the edition's: their records are written beside its catalog.
    assert read_reviews(translations_copy, "ti") == []
    records = all_reviews(translations_copy, "ti")
    assert {r.english for r in records} == wanted and {r.reviewer for r in records} == {FICTIONAL}

    after = app_with(tmp_path, translations_copy, "after")
    line = status_line(after, "/ti/cards/deny/")
    date = after.jinja_env.globals["format_long_date"]
    with after.test_request_context("/ti/"), force_locale("ti"):
        expected = gettext(REVIEWED_ON_PAGE, date=date(records[0].date))
    assert expected in line
    # The lockdown screen's copy of the same card has the same steps: reviewed too.
    assert expected in status_line(after, "/ti/lockdown/deny/")
    # Other cards, and the language as a whole, are still not reviewed.
    assert in_tigrinya(after, NOT_REVIEWED_ON_PAGE) in status_line(after, "/ti/cards/avoid/")

    # Editing the English of a reviewed string (its translation kept) undoes the review.
    edition = tmp_path / "edition"
    cards = edition / "content" / "cards.yaml"
    cards.write_text(cards.read_text(encoding="utf-8").replace("Silence your phone.", "Silence all phones."))
    po = edition / "translations" / "ti" / "LC_MESSAGES" / "messages.po"
    with open(po, "rb") as fh:
        catalog = read_po(fh, locale="ti")
    old = catalog["Silence your phone."]
    catalog.delete("Silence your phone.")
    catalog.add("Silence all phones.", old.string)
    with open(po, "wb") as fh:
        write_po(fh, catalog, width=100)
    edited = app_with(tmp_path, translations_copy, "edited")
    assert in_tigrinya(edited, NOT_REVIEWED_ON_PAGE) in status_line(edited, "/ti/cards/deny/")


def test_rows_whose_texts_changed_since_the_sheet_are_refused_one_message_each(tmp_path, translations_copy):
    app = app_with(tmp_path, translations_copy)
    _html, csv_path = review_sheet(tmp_path, translations_copy)
    fill_in(csv_path, lambda english: english in {"Lock the door.", "Turn off the lights."})
    with open(csv_path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    changed_translation = next(r for r in rows if r["english"] == "Lock the door.")
    changed_english = next(r for r in rows if r["english"] == "Turn off the lights.")
    changed_translation["translation_sha256"] = text_hash("an older translation")
    changed_english["english_sha256"] = text_hash("Turn the lights off.")
    with open(csv_path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = app.test_cli_runner().invoke(args=["translate", "record-review", "ti", str(csv_path)])
    assert result.exit_code == 1
    assert f"(row {changed_translation['row']}): the translation changed since the sheet was made" in result.output
    assert f"(row {changed_english['row']}): the English changed since the sheet was made" in result.output
    assert all_reviews(translations_copy, "ti") == []


def test_a_second_opinion_is_never_counted_as_a_native_review(tmp_path, translations_copy):
    app = app_with(tmp_path, translations_copy)
    _html, csv_path = review_sheet(tmp_path, translations_copy)
    wanted = deny_card_strings(app)
    fill_in(csv_path, lambda english: english in wanted, role="second-opinion")
    assert app.test_cli_runner().invoke(args=["translate", "record-review", "ti", str(csv_path)]).exit_code == 0
    after = app_with(tmp_path, translations_copy, "after")
    assert in_tigrinya(after, NOT_REVIEWED_ON_PAGE) in status_line(after, "/ti/cards/deny/")


def test_today_no_language_claims_a_review(client):
    about = client.get("/en/about/").get_data(as_text=True)
    statuses = re.findall(r"<li><bdi[^>]*>[^<]+</bdi>:\s*(.*?)</li>", about.split('id="translations"', 1)[1], re.S)
    assert len(statuses) == len(LANGUAGES)
    assert [s.strip() for s in statuses].count("emergency steps not yet reviewed by a native speaker") == 9
    for layer in (TRANSLATIONS, MISSOULA.path / "translations"):
        assert not any(read_reviews(layer, path.name) for path in layer.iterdir() if path.is_dir())


def test_the_release_gate_marks_the_drafts_and_fails_the_release_check(tmp_path):
    gated = missoula_app(tmp_path / "gated", REQUIRE_REVIEWED_CRISIS=True)
    chooser = gated.test_client().get("/").get_data(as_text=True)
    assert chooser.count('class="draft-mark"') == 9
    assert 'class="draft-banner"' in gated.test_client().get("/ti/cards/deny/").get_data(as_text=True)
    assert 'class="draft-banner"' not in gated.test_client().get("/en/cards/deny/").get_data(as_text=True)
    result = gated.test_cli_runner().invoke(args=["translate", "check", "--release", "--locale", "ti"])
    assert result.exit_code == 1
    ti_catalog = "editions/missoula/translations/ti/LC_MESSAGES/messages.po"
    assert f"{ti_catalog}: not reviewed by a native speaker: 'Lock the door.'" in result.output


def test_without_the_gate_the_guide_serves_as_today(client):
    assert 'class="draft-mark"' not in client.get("/").get_data(as_text=True)
    assert 'class="draft-banner"' not in client.get("/ti/").get_data(as_text=True)
