"""The translation catalogs: complete, not fuzzy, and keeping every number and address."""

from pathlib import Path

import pytest

from tests.missoula import EXACT
from webapp.settings import DefaultConfig
from webapp.translation.catalogs import message_defects

CATALOGS = sorted(Path(DefaultConfig.TRANSLATIONS_DIR).glob("*/LC_MESSAGES/messages.po"))


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: path.parent.parent.name)
def test_catalog_passes_the_check(runner, catalog):
    locale = catalog.parent.parent.name
    result = runner.invoke(args=["translate", "check", "--locale", locale])
    assert result.exit_code == 0, result.output


def test_every_language_of_the_guide_has_a_catalog():
    locales = {path.parent.parent.name for path in CATALOGS}
    assert locales == {"es", "ar", "sw", "fr", "ti", "fa_AF", "ps", "uk", "rw"}


@pytest.mark.parametrize(
    ("msgid", "msgstr", "problem"),
    [
        ("In an emergency, call 911", "", "missing translation"),
        ("In an emergency, call 911", "En caso de emergencia, llame", "'911' is not in the translation"),
        ("Call 911 now", "Llame al 9 1 1", "'911' is not in the translation"),
        ("Call (406) 552-6300", "Llame al 406 552 6300", "'(406) 552-6300' is not in the translation"),
        ("Call 1-800-CALL-FBI", "Llame al FBI", "'1-800-CALL-FBI' is not in the translation"),
        ("Write to safeschools@mcpsmt.org", "Escriba a la escuela", "'safeschools@mcpsmt.org' is not"),
        ("See https://tips.fbi.gov", "Vea el sitio del FBI", "'https://tips.fbi.gov' is not"),
        ("Version %(version)s", "Versión %(versión)s", "placeholders differ"),
        ("More than 146,000 officers", "Más de 14 600 agentes", "number 146000 is not"),
        ("In February 2022", "En febrero", "number 2022 is not"),
    ],
)
def test_the_check_catches_each_kind_of_defect(msgid, msgstr, problem):
    assert any(defect.startswith(problem) for defect in message_defects(msgid, msgstr, EXACT))


def test_the_numbers_kept_exactly_are_the_editions():
    # A number the edition does not give is not asked for as written (its digits still are).
    assert message_defects("Call 112 now", "Llame al 112 ahora") == []
    assert message_defects("Call 112 now", "Llame al 1 1 2 ahora", ("112",)) != []
    assert message_defects("Room 9110", "Sala 9110", ("911",)) == []


@pytest.mark.parametrize(
    ("msgid", "msgstr"),
    [
        ("More than 146,000 officers", "Plus de 146 000 agents"),
        ("More than 146,000 officers", "Більше ніж 146 000 поліцейських"),
        ("In an emergency, call 911", "في حالة الطوارئ، اتصل بالرقم 911"),
        ("Version %(version)s", "Versión %(version)s"),
        ("About 3 minutes", "Karibu dakika 3"),
    ],
)
def test_the_check_accepts_faithful_translations(msgid, msgstr):
    assert message_defects(msgid, msgstr, EXACT) == []
