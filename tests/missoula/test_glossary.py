"""The crisis glossary: a crisis string that does not use its language's term for a crisis word
fails `translate check`, as do non-Western digits and numbers that differ from the English."""

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from flask_babel import force_locale, gettext

from tests.missoula import MISSOULA, missoula_app
from webapp.settings import DefaultConfig
from webapp.translation.catalogs import message_defects
from webapp.translation.glossary import (
    collisions,
    crisis_strings,
    english_terms,
    glossary_defects,
    language_glossary,
    uses_form,
)

TRANSLATIONS = Path(DefaultConfig.TRANSLATIONS_DIR)
LOCALES = sorted(path.parent.parent.name for path in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))
# The interface's glossary, then the edition's (its protocol's words and its emergency number).
LAYERS = (TRANSLATIONS, MISSOULA.path / "translations")
TERMS = english_terms(LAYERS)


@pytest.fixture()
def translations_copy(tmp_path):
    """Writable copies of the interface's catalogs (returned) and of the edition, beside them."""
    target = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, target)
    shutil.copytree(MISSOULA.path, tmp_path / "edition")
    return target


def edit_catalog(translations_dir, locale, msgid, change):
    """Change msgid's translation in whichever layer holds it (the edition's first)."""
    for layer in (translations_dir.parent / "edition" / "translations", translations_dir):
        path = layer / locale / "LC_MESSAGES" / "messages.po"
        with open(path, "rb") as fh:
            catalog = read_po(fh, locale=locale)
        if msgid in catalog:
            catalog[msgid].string = change(catalog[msgid].string)
            with open(path, "wb") as fh:
                write_po(fh, catalog, width=100)
            return
    raise AssertionError(f"{msgid!r} is in neither catalog")


def check(tmp_path, translations_dir, *args):
    edition = translations_dir.parent / "edition"
    app = missoula_app(tmp_path / "app", TRANSLATIONS_DIR=str(translations_dir), EDITION=str(edition))
    return app.test_cli_runner().invoke(args=["translate", "check", *args])


@pytest.mark.parametrize("locale", LOCALES)
def test_every_language_has_a_glossary_entry_for_every_term(locale):
    glossary = language_glossary(LAYERS, locale)
    assert set(glossary) == set(TERMS), locale
    for key, entry in glossary.items():
        assert entry["term"] and entry["forms"] and entry.get("note"), (locale, key)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_two_terms_share_a_word(locale):
    # Spanish Deny and Block were both "Bloquear", Kinyarwanda Deny and Lock both "Funga": a
    # reader could not tell the two actions apart, and the check could not either.
    assert collisions(TERMS, language_glossary(LAYERS, locale)) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_each_term_is_written_as_a_word_of_its_own_in_the_crisis_strings(app, locale):
    # A term none of whose forms a translation writes as a word of its own is kept by fragments or
    # by spellings no one uses: the check would pass for the wrong reason.
    texts = translated(app, locale, crisis_strings(app.extensions["guide"]))
    for key, entry in language_glossary(LAYERS, locale).items():
        assert any(uses_form(text, form) for text in texts for form in entry["forms"]), (locale, key)


def translated(app, locale, msgids):
    with app.test_request_context("/"), force_locale(locale):
        return [gettext(msgid) for msgid in msgids]


def test_tigrinya_defend_is_fighting_back_not_protect_yourselves(app):
    # ተኸላኸሉ is the everyday public-health word for "protect yourselves" (hand washing, masks).
    defend = language_glossary(LAYERS, "ti")["defend"]
    assert not any("ከላኸ" in form for form in [defend["term"], *defend["forms"]])
    for text in translated(app, "ti", ["Defend", "Be ready to Avoid or Defend."]):
        assert "ከላኸ" not in text and any(uses_form(text, form) for form in defend["forms"]), text


def test_the_terms_are_found_in_the_english_crisis_strings(app):
    crisis = crisis_strings(app.extensions["guide"])
    found = {term.key for text in crisis for term in TERMS.values() if term.pattern.search(text)}
    # Every term but "police" in the plain sense appears in some crisis string.
    assert {"lock", "block", "lockdown", "avoid", "deny", "defend", "hold", "secure", "evacuate"} <= found
    assert {"shelter", "911", "police", "out-of-sight"} <= found
    assert not TERMS["lock"].pattern.search("Lockdown") and TERMS["lockdown"].pattern.search("the lockdown ends")


def test_a_tigrinya_lock_that_only_closes_fails_the_check(tmp_path, translations_copy):
    glossary = language_glossary(LAYERS, "ti")
    lock_forms = glossary["lock"]["forms"]

    def closing_verb(text):
        # Put the everyday verb for "close/shut" (ዕጸዉ) in place of every approved form of "lock".
        for form in lock_forms:
            text = text.replace(form, "ዕጸዉ")
        return text

    edit_catalog(translations_copy, "ti", "Cannot get away? Lock the door.", closing_verb)
    result = check(tmp_path, translations_copy, "--locale", "ti")
    assert result.exit_code == 1
    assert "does not use the glossary's 'lock'" in result.output and "Cannot get away? Lock the door." in result.output


CALL_911 = "When safe, call 911. Texting may not work."  # a line of the lockdown screen and two cards


def test_arabic_indic_digits_fail_the_check(tmp_path, translations_copy):
    edit_catalog(
        translations_copy, "ar", "When safe, call 911. Texting may not work.", lambda text: text.replace("911", "٩١١")
    )
    result = check(tmp_path, translations_copy, "--locale", "ar")
    assert result.exit_code == 1
    assert "non-Western digits" in result.output


def test_a_changed_911_fails_the_check(tmp_path, translations_copy):
    edit_catalog(
        translations_copy, "es", "When safe, call 911. Texting may not work.", lambda text: text.replace("911", "912")
    )
    result = check(tmp_path, translations_copy, "--locale", "es")
    assert result.exit_code == 1
    assert "'911' is not in the translation" in result.output
    assert "number 912 is in the translation but not in the English" in result.output


def test_main_passes_the_check(runner):
    result = runner.invoke(args=["translate", "check"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("msgid", "msgstr", "problem"),
    [
        ("About 3 minutes", "حوالي ٣ دقائق", "non-Western digits"),
        ("About 3 minutes", "Karibu dakika 4", "number 4 is in the translation but not in the English"),
        ("Open 24 hours", "Abierto 24 horas, 7 días", "number 7 is in the translation but not in the English"),
    ],
)
def test_digit_and_number_defects(msgid, msgstr, problem):
    assert any(defect.startswith(problem) for defect in message_defects(msgid, msgstr))


def test_the_english_word_in_brackets_does_not_count_as_the_translation():
    glossary = {"lockdown": {"term": "cierre de emergencia", "forms": ["cierre de emergencia", "lockdown"]}}
    assert glossary_defects("Lockdown", "Cierre (Lockdown)", TERMS, glossary)
    assert glossary_defects("Lockdown", "Cierre de emergencia (Lockdown)", TERMS, glossary) == []


def test_glossary_defects_name_the_term_and_its_forms():
    glossary = {"lock": {"term": "cierre con llave", "forms": ["llave"]}}
    assert glossary_defects("Lock the door.", "Cierre la puerta.", TERMS, glossary) == [
        "does not use the glossary's 'lock' (llave)"
    ]
    assert glossary_defects("Lock the door.", "Cierre la puerta con llave.", TERMS, glossary) == []
