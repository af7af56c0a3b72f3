"""The crisis cards and the lockdown screen are short and plain enough for one frightened glance."""

import re
from pathlib import Path

import pytest
import textstat

from webapp.content import load_guide
from webapp.settings import DefaultConfig

GUIDE = load_guide(Path(DefaultConfig.CONTENT_DIR))
CARD_IDS = [card["id"] for card in GUIDE.cards]
MAX_WORDS = 40  # ../shared/CONTENT-FACTS.md: at most about 40 words of body text a card
MAX_GRADE = 5.0


def word_count(text):
    return len(re.findall(r"[\w'-]+", text))


def crisis_texts():
    texts = {card["id"]: " ".join(card["steps"]) for card in GUIDE.cards}
    lockdown = GUIDE.pages["lockdown"]
    texts["lockdown"] = " ".join(lockdown["steps"] + lockdown["notes"])
    return texts


@pytest.mark.parametrize("name", [*CARD_IDS, "lockdown"])
def test_body_text_is_at_most_40_words(name):
    words = word_count(crisis_texts()[name])
    print(f"{name}: {words} words")
    assert words <= MAX_WORDS


@pytest.mark.parametrize("name", [*CARD_IDS, "lockdown"])
def test_reading_level_is_grade_5_or_below(name):
    text = crisis_texts()[name]
    grade = textstat.flesch_kincaid_grade(text)
    print(f"{name}: Flesch-Kincaid grade {grade:.1f}")
    assert grade <= MAX_GRADE


@pytest.mark.parametrize("card_id", CARD_IDS)
def test_one_idea_a_line(card_id):
    for step in GUIDE.card(card_id)["steps"]:
        assert word_count(step) <= 12, step


def test_the_reading_level_check_can_fail():
    # A sentence from a long page: the same check must reject it.
    long_sentence = (
        "School resource officers collaborate closely with school staff, implement school emergency "
        "plans, and foster positive relationships with youth throughout the community."
    )
    assert textstat.flesch_kincaid_grade(long_sentence) > MAX_GRADE


def test_lockdown_follows_the_srp_order():
    steps = [step.lower() for step in GUIDE.pages["lockdown"]["steps"]]
    order = ["lock the door", "lights off", "out of sight", "silence phones", "do not open the door", "stay until"]
    positions = [next(i for i, step in enumerate(steps) if phrase in step) for phrase in order]
    assert positions == sorted(positions)
    notes = " ".join(GUIDE.pages["lockdown"]["notes"])
    assert "Follow your school's plan." in notes and "Call 911 when it is safe." in notes
