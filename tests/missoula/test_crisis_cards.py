"""The crisis cards, the lockdown screen and the parents' lockdown page are short and plain enough
for one frightened glance, and say what the sources say."""

import pytest
import textstat

from tests.missoula import GUIDE
from webapp.crisis_length import (
    MAX_CARD_WORDS,
    MAX_LINE_WORDS,
    MAX_LOCKDOWN_NOTE_WORDS,
    MAX_LOCKDOWN_NOTES,
    MAX_PARENTS_LOCKDOWN_WORDS,
    crisis_length_advice,
    parents_lockdown_first_screen,
    word_count,
)

CARD_IDS = [card["id"] for card in GUIDE.cards]
MAX_GRADE = 5.0  # ../shared/CONTENT-FACTS.md: grade 5 or below (the word limits are the engine's)


def test_edition_check_has_no_advice_on_missoulas_crisis_text():
    assert crisis_length_advice(GUIDE) == []


def crisis_texts():
    texts = {card["id"]: " ".join(card["steps"]) for card in GUIDE.cards}
    texts["lockdown"] = " ".join(GUIDE.pages["lockdown"]["steps"])
    return texts


@pytest.mark.parametrize("name", [*CARD_IDS, "lockdown"])
def test_body_text_is_at_most_40_words(name):
    words = word_count(crisis_texts()[name])
    print(f"{name}: {words} words")
    assert words <= MAX_CARD_WORDS


@pytest.mark.parametrize("name", [*CARD_IDS, "lockdown"])
def test_reading_level_is_grade_5_or_below(name):
    text = crisis_texts()[name]
    grade = textstat.flesch_kincaid_grade(text)
    print(f"{name}: Flesch-Kincaid grade {grade:.1f}")
    assert grade <= MAX_GRADE


@pytest.mark.parametrize("card_id", CARD_IDS)
def test_one_idea_a_line(card_id):
    for step in GUIDE.card(card_id)["steps"]:
        assert word_count(step) <= MAX_LINE_WORDS, step


def test_the_reading_level_check_can_fail():
    # A sentence from a long page: the same check must reject it.
    long_sentence = (
        "School resource officers collaborate closely with school staff, implement school emergency "
        "plans, and foster positive relationships with youth throughout the community."
    )
    assert textstat.flesch_kincaid_grade(long_sentence) > MAX_GRADE


def test_lockdown_follows_the_srp_order_for_adults():
    steps = [step.lower() for step in GUIDE.pages["lockdown"]["steps"]]
    # SRP (2021), Lockdown, adults: students in from the hall, lock, lights out, out of sight,
    # ready to evade or defend; never open the door until it is ended.
    order = ["from the hall", "lock the door", "block it", "lights off", "away from the door", "silence phones"]
    positions = [next(i for i, step in enumerate(steps) if phrase in step) for phrase in order]
    assert positions == sorted(positions)
    assert any("avoid or defend" in step for step in steps)
    assert any("do not open the door until police or the school end it" in step for step in steps)


def test_lockdown_notes_are_short_and_say_call_911():
    notes = GUIDE.pages["lockdown"]["notes"]
    words = word_count(" ".join(notes))
    print(f"lockdown notes: {words} words")
    assert len(notes) <= MAX_LOCKDOWN_NOTES and words <= MAX_LOCKDOWN_NOTE_WORDS
    assert "Follow your school's plan." in notes
    assert any(note.startswith("Call 911") and "Texting may not work" in note for note in notes)


def test_police_arrive_card_holds_what_the_sources_give_most_important_first():
    steps = GUIDE.card("police-arrive")["steps"]
    text = " ".join(steps).lower()
    # DHS "Active Shooter: How to Respond" (2008), FEMA IS-360: commands, hands, phone down,
    # the first officers pass the injured, do not stop officers to ask for help.
    for needed in ("do what officers say", "even a phone", "empty hands", "fingers spread", "sudden moves"):
        assert needed in text, needed
    assert "first officers will not stop for hurt people" in text
    assert "do not stop officers to ask for help" in text
    assert "officers say" in steps[0].lower() and "put everything down" in steps[1].lower()


@pytest.mark.parametrize("card_id", ["avoid", "deny"])
def test_911_lines_say_call_and_that_texting_may_not_work(card_id):
    # ../shared/CONTENT-FACTS.md, "Calling 911": call; texting 911 may not work here.
    lines = [step for step in GUIDE.card(card_id)["steps"] if "911" in step]
    assert lines and all("call 911" in line.lower() and "texting may not work" in line.lower() for line in lines)


def test_parents_lockdown_first_screen_is_one_glance():
    page = GUIDE.pages["parents_lockdown"]
    words = word_count(" ".join(parents_lockdown_first_screen(page)))
    lines = [line["text"] for line in page["now"]]
    grade = textstat.flesch_kincaid_grade(" ".join(lines))
    print(f"parents' lockdown page, first screen: {words} words, Flesch-Kincaid grade {grade:.1f}")
    assert words <= MAX_PARENTS_LOCKDOWN_WORDS
    assert grade <= MAX_GRADE
    text = " ".join(lines).lower()
    for needed in ("do not go to the school", "do not call the school", "do not call or text your child", "alerts"):
        assert needed in text, needed


def test_every_first_screen_line_of_the_parents_page_says_whose_guidance_it_is():
    page = GUIDE.pages["parents_lockdown"]
    for line in page["now"]:
        assert line["voice"] in page["voices"] and line["sources"], line["text"]
    # A line that is not MCPS's (or MPD's) names whose it is.
    assert {line["voice"] for line in page["now"]} == {"mcps", "other-districts"}
