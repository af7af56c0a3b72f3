"""How long the crisis text may be: what people read in one frightened glance (the cards, the
lockdown screen, the first screen of the parents' lockdown page). `edition check` advises a district
whose text runs longer; the Missoula edition's tests hold it to the same limits."""

import re

MAX_CARD_WORDS = 40  # a card's steps, or the lockdown screen's checklist
MAX_LINE_WORDS = 12  # one idea a line
MAX_LOCKDOWN_NOTES = 2
MAX_LOCKDOWN_NOTE_WORDS = 12  # the notes under the checklist, together
MAX_PARENTS_LOCKDOWN_WORDS = 50  # heading, lines and whose each line is

WORD = re.compile(r"[\w'-]+")


def word_count(text):
    return len(WORD.findall(text))


def parents_lockdown_first_screen(page):
    """The words of the parents' lockdown page's first screen: its heading, its lines and whose each is."""
    return [
        page["title"],
        *(line["text"] for line in page["now"]),
        *(page["voices"][line["voice"]] for line in page["now"]),
    ]


def crisis_length_advice(guide):
    """[(content file, where, what)] for crisis text longer than one glance; [] when all is short."""
    advice = []

    def steps_advice(file, where, steps, what):
        words = word_count(" ".join(steps))
        if words > MAX_CARD_WORDS:
            advice.append((file, where, f"{words} words; {what} holds at most about {MAX_CARD_WORDS}"))
        for index, step in enumerate(steps):
            if word_count(step) > MAX_LINE_WORDS:
                advice.append(
                    (
                        file,
                        f"{where}.steps[{index}]",
                        f"{word_count(step)} words; one idea a line, at most {MAX_LINE_WORDS}",
                    )
                )

    for index, card in enumerate(guide.cards):
        steps_advice("cards", f"cards[{index}] ({card['id']})", card["steps"], "a card")
    if guide.has("lockdown"):
        lockdown = guide.pages["lockdown"]
        steps_advice("lockdown", "(checklist)", lockdown["steps"], "the checklist")
        notes = lockdown.get("notes", ())
        words = word_count(" ".join(notes))
        if len(notes) > MAX_LOCKDOWN_NOTES or words > MAX_LOCKDOWN_NOTE_WORDS:
            advice.append(
                (
                    "lockdown",
                    "notes",
                    f"{len(notes)} notes, {words} words; at most {MAX_LOCKDOWN_NOTES} notes of "
                    f"{MAX_LOCKDOWN_NOTE_WORDS} words together",
                )
            )
    if guide.has("parents_lockdown"):
        words = word_count(" ".join(parents_lockdown_first_screen(guide.pages["parents_lockdown"])))
        if words > MAX_PARENTS_LOCKDOWN_WORDS:
            advice.append(
                (
                    "parents_lockdown",
                    "now",
                    f"{words} words on the first screen; at most about {MAX_PARENTS_LOCKDOWN_WORDS}",
                )
            )
    return advice
