"""The crisis texts (the cards, the lockdown screen, the parents' lockdown page) open with at most
three key messages a frightened reader takes in, say what the sources say with every condition they
give, and never tell anyone to do the wrong thing."""

import re

import pytest
import textstat

from tests.missoula import GUIDE
from webapp.content_model.content_schema import MAX_KEY_MESSAGES
from webapp.content_model.crisis_text import (
    MAX_FURTHER_WORDS,
    MAX_KEY_WORDS,
    MAX_LINE_WORDS,
    crisis_length_advice,
    crisis_texts,
    lines,
    word_count,
)
from webapp.translation.glossary import crisis_strings

TEXTS = {text["id"] if file == "cards" else file: text for file, _where, text in crisis_texts(GUIDE)}
MAX_GRADE = 5.0  # ../shared/CONTENT-FACTS.md: grade 5 or below (the word limits are the engine's)


def key(text):
    return [line["text"] for line in text["key_messages"]]


def further(text):
    return [line["text"] for line in text["further"]]


def test_every_crisis_text_of_missoula_is_checked():
    assert list(TEXTS) == [
        "avoid",
        "deny",
        "defend",
        "police-arrive",
        "lockdown",
        "parents_lockdown",
    ]


def test_edition_check_has_no_advice_on_missoulas_crisis_text():
    assert crisis_length_advice(GUIDE) == []


@pytest.mark.parametrize("name", TEXTS)
def test_three_key_messages_of_at_most_27_words_then_the_rest(name):
    text = TEXTS[name]
    key_words, further_words = word_count(" ".join(key(text))), word_count(" ".join(further(text)))
    print(f"{name}: {len(key(text))} key messages, {key_words} words; further lines {further_words} words")
    assert len(key(text)) == MAX_KEY_MESSAGES
    assert key_words <= MAX_KEY_WORDS
    assert further_words <= MAX_FURTHER_WORDS
    for line in lines(text):
        assert word_count(line) <= MAX_LINE_WORDS, line


@pytest.mark.parametrize("name", TEXTS)
def test_reading_level_is_grade_5_or_below(name):
    text = TEXTS[name]
    grades = [textstat.flesch_kincaid_grade(" ".join(part)) for part in (key(text), lines(text))]
    print(f"{name}: Flesch-Kincaid grade {grades[0]:.1f} (key messages), {grades[1]:.1f} (all)")
    assert max(grades) <= MAX_GRADE


def test_the_reading_level_check_can_fail():
    # A sentence from a long page: the same check must reject it.
    long_sentence = (
        "School resource officers collaborate closely with school staff, implement school emergency "
        "plans, and foster positive relationships with youth throughout the community."
    )
    assert textstat.flesch_kincaid_grade(long_sentence) > MAX_GRADE


def test_no_crisis_line_says_hide():
    # ALERRT: hiding is not a plan, and Deny is stronger than hiding. Crisis text says "out of
    # sight" and "keep the attacker out", one meaning everywhere.
    hiding = [s for s in crisis_strings(GUIDE) if re.search(r"\bhid(e|es|ing)\b", s, re.IGNORECASE)]
    assert hiding == []


def test_lockdown_opens_with_locks_lights_out_of_sight():
    # SRP (2021), Lockdown: "Locks, lights, out of sight".
    assert key(TEXTS["lockdown"]) == ["Lock the door.", "Turn off the lights.", "Get everyone out of sight."]


def test_lockdown_keeps_every_condition_srp_gives():
    rest = further(TEXTS["lockdown"])
    # Adults bring students in from the hallway *if possible*: never a plain order into the hall.
    hall = [line for line in lines(TEXTS["lockdown"]) if "hall" in line.lower()]
    assert hall and all(line.startswith("If possible,") for line in hall)
    # Two facts, two lines: do not open the door; police or the school end the lockdown. Never
    # "until ... end it", which reads as "open when someone says it is over".
    assert "Do not open the door." in rest
    assert any(re.fullmatch(r"Police or the school will end the lockdown\.", line) for line in rest)
    assert not any("until" in line.lower() for line in lines(TEXTS["lockdown"]))
    assert "Be ready to Avoid or Defend." in rest
    assert "Follow your school's plan." in rest
    # In the order a teacher does them: the hall first, then block, silence, the door.
    order = ["from the hall", "block the door", "silence phones", "do not open the door"]
    lowered = [line.lower() for line in rest]
    positions = [next(i for i, line in enumerate(lowered) if phrase in line) for phrase in order]
    assert positions == sorted(positions)


def test_deny_and_defend_start_with_their_condition():
    # ALERRT: Deny when getting away is difficult or impossible; Defend when you cannot do either.
    assert key(TEXTS["deny"])[0].startswith("Cannot get away?")
    assert key(TEXTS["defend"])[0].startswith("Cannot get away or keep the attacker out?")


def test_avoid_is_what_to_do_during_an_attack_not_preparation():
    avoid = " ".join(lines(TEXTS["avoid"])).lower()
    assert "exits" not in avoid
    assert key(TEXTS["avoid"])[0] == "Get away from the danger, fast."
    # Knowing the exits is kept, where it belongs: before anything happens.
    sections = GUIDE.pages["cards"]["overview"]["sections"]
    overview = " ".join(block.get("p", "") for section in sections for block in section["blocks"])
    assert "before anything happens: wherever you are, notice where the exits are" in overview


def test_police_arrive_holds_what_the_sources_give_most_important_first():
    text = TEXTS["police-arrive"]
    # DHS "Active Shooter: How to Respond" (2008), FEMA IS-360.
    assert key(text) == [
        "Do what officers say.",
        "Put everything down, even a phone.",
        "Keep empty hands up and in view, fingers spread.",
    ]
    rest = " ".join(further(text)).lower()
    for needed in (
        "stay calm",
        "no sudden moves toward officers",
        "do not point, scream or yell",
        "first officers will not stop for hurt people",
        "rescue teams follow",
        "do not stop officers to ask for help",
        "wait in a safe place until police let you go",
    ):
        assert needed in rest, needed


@pytest.mark.parametrize("name", ["avoid", "deny", "lockdown"])
def test_911_lines_say_call_when_safe_and_that_texting_may_not_work(name):
    # ../shared/CONTENT-FACTS.md, "Calling 911": call; texting 911 may not work here.
    found = [line for line in lines(TEXTS[name]) if "911" in line]
    assert found == ["When safe, call 911. Texting may not work."]


def test_parents_first_screen_protects_the_child_first_and_says_where_pickup_is_learnt():
    text = TEXTS["parents_lockdown"]
    assert key(text) == [
        "Do not call or text your child.",
        "Do not go to the school.",
        "Wait for MCPS alerts about picking up your child.",
    ]
    # Missoula's own evidence for staying away, and MCPS's own request, follow at once.
    rest = further(text)
    assert "In a Missoula lockdown in 2019, parents who came were turned away." in rest
    assert "MCPS asks families not to call the school. The lines are needed." in rest


def test_every_parents_line_says_whose_guidance_it_is_in_words_a_parent_reads():
    page = GUIDE.pages["parents_lockdown"]
    for line in page["key_messages"]:
        assert line["voice"] in page["voices"] and line["sources"], line["text"]
    for line in page["further"]:
        assert line["sources"], line["text"]
    # A line that is not MCPS's is general advice, not "other districts" (which a Missoula parent
    # reads as "not my district's advice").
    assert page["voices"] == {"mcps": "MCPS", "general": "General advice"}
    voiced = {line["voice"] for line in page["key_messages"] + page["further"] if "voice" in line}
    assert voiced == {"mcps", "general"}
