"""The crisis glossary's check: an approved form counts only as a word of its own, and two terms
that share a word in one language are refused."""

import re

from tests.conftest import make_app
from webapp.translation.glossary import Term, collisions, glossary_defects, uses_form

TERMS = {
    "lock": Term("lock", re.compile(r"\block(s|ed|ing)?\b", re.I), ""),
    "block": Term("block", re.compile(r"\bblock(s|ed|ing)?\b", re.I), ""),
    "lockdown": Term("lockdown", re.compile(r"\blockdowns?\b", re.I), "", contains=("lock",)),
    "deny": Term("deny", re.compile(r"\bDeny\b"), ""),
}


def test_a_form_counts_only_as_a_whole_word():
    assert uses_form("Bloquee la puerta.", "bloquee")
    assert not uses_form("Bloquee la puerta.", "bloqu")  # a fragment passes for every word it starts
    assert not uses_form("Ifunge urugi.", "funga")
    assert uses_form("Funga urugi.", "funga")
    assert uses_form("Cierre la puerta con llave.", "con llave")  # a phrase, at word edges
    assert not uses_form("llaves", "llave")


def test_words_of_every_script_end_where_their_writing_says():
    # Persian and Pashto write a zero-width non-joiner inside a word: قفل‌بندی is one word.
    assert not uses_form("قفل‌بندی (Lockdown)", "قفل")
    assert uses_form("دروازه را قفل کنید.", "قفل")
    # Arabic prefixes join the word: a line writing "وأغلق" needs that form listed. Its vowel
    # marks are optional in writing: أقفِل and أقفل are the same word.
    assert not uses_form("وأغلق الباب.", "أغلق")
    assert uses_form("أقفل الباب.", "أقفِل") and uses_form("أقفِل الباب.", "أقفل")
    # Ethiopic and Cyrillic letters are letters; punctuation ends a word.
    assert uses_form("ማዕጾ ቆልፉ።", "ቆልፉ")
    assert not uses_form("ቆልፉዎ", "ቆልፉ")
    assert uses_form("Замкніть двері!", "замкніть")


def test_a_fragment_of_the_approved_form_no_longer_passes_for_the_term():
    glossary = {"deny": {"term": "Impedir la entrada", "forms": ["impida la entrada"]}}
    assert glossary_defects("Deny", "Impida la entrada", TERMS, glossary) == []
    fragment = {"deny": {"term": "Bloquear", "forms": ["bloqu"]}}
    assert glossary_defects("Deny", "Bloquear", TERMS, fragment) == ["does not use the glossary's 'deny' (bloqu)"]


def test_two_actions_that_share_a_word_collide():
    spanish = {
        "deny": {"term": "Bloquear", "forms": ["bloquear", "bloquee"]},
        "block": {"term": "bloquear (con algo pesado)", "forms": ["bloquee", "atranque"]},
    }
    assert ("deny", "block", "bloquear") in collisions(TERMS, spanish)
    assert ("block", "deny", "bloquee") in collisions(TERMS, spanish)
    kinyarwanda = {
        "lock": {"term": "Funga urugi", "forms": ["funga", "mufunge"]},
        "deny": {"term": "Funga", "forms": ["funga"]},
    }
    assert ("deny", "lock", "funga") in collisions(TERMS, kinyarwanda)
    distinct = {
        "deny": {"term": "Impedir la entrada", "forms": ["impida la entrada"]},
        "block": {"term": "bloquear (con algo pesado)", "forms": ["bloquee", "atranque"]},
    }
    assert collisions(TERMS, distinct) == []


def test_lockdown_may_hold_the_word_for_lock_as_the_english_does():
    pashto = {
        "lock": {"term": "قلف کړئ", "forms": ["قلف"]},
        "lockdown": {"term": "دننه قلف کېدل", "forms": ["دننه قلف"]},
    }
    assert collisions(TERMS, pashto) == []
    # ... but lock may not hold lockdown's words, nor any other action's.
    reversed_ = {"lock": {"term": "دننه قلف", "forms": ["دننه قلف"]}, "lockdown": pashto["lockdown"]}
    assert ("lockdown", "lock", "دننه قلف") in collisions(TERMS, reversed_)


def test_translate_check_refuses_a_glossary_whose_terms_collide(tmp_path, edition_copy):
    glossary = edition_copy / "translations" / "ar" / "glossary.yaml"
    # The fixture's own words for its two actions, made to share one word.
    shared = glossary.read_text(encoding="utf-8").replace('forms: ["الخروج"]', 'forms: ["الخروج", "البقاء"]')
    glossary.write_text(shared, encoding="utf-8")
    app = make_app(tmp_path / "app", EDITION=str(edition_copy))
    result = app.test_cli_runner().invoke(args=["translate", "check", "--locale", "ar"])
    assert result.exit_code == 1
    assert "ar/glossary.yaml: 'get-out' and 'stay-in' share the word 'البقاء'" in result.output
