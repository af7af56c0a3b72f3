"""The crisis texts: what people act on in one frightened glance (each card, the lockdown screen,
the parents' lockdown page), where an edition holds them, and how long they may be.

Each opens with at most three key messages (message mapping, as CDC and EPA crisis training use
it: about three messages, about 27 words, the most important first), then further lines, clearly
secondary. The schema refuses more than three key messages (content_schema.MAX_KEY_MESSAGES);
`edition check` advises a district whose text runs longer than the limits below, and the Missoula
edition's tests hold it to them. Which files hold crisis texts is the page registry's to say.
"""

import re

from webapp.content_model.content_schema import CardsFile, CrisisText
from webapp.content_model.page_registry import PAGES

MAX_KEY_WORDS = 27  # the key messages together
MAX_LINE_WORDS = 12  # one idea a line
MAX_FURTHER_WORDS = 50  # the further lines together: secondary, still short

WORD = re.compile(r"[\w'-]+")


def word_count(text):
    return len(WORD.findall(text))


def crisis_texts(guide):
    """[(content file, where in it, text)] for every crisis text of the edition, in reading order.
    Where is a path through the file's data (a card's: ("cards", its index)); each text is a content
    mapping with key_messages and further (lines with their text), and its title (and a card's
    tagline)."""
    texts = []
    for page in PAGES.values():
        if not guide.has(page.id) or page.model is None:
            continue
        content = guide.pages[page.content]
        if page.model is CardsFile:  # a file of cards, each a crisis text
            texts += [(page.content, ("cards", i), card) for i, card in enumerate(content["cards"])]
        elif issubclass(page.model, CrisisText):
            texts.append((page.content, (), content))
    return texts


def lines(text):
    """The English of a crisis text's lines, key messages first."""
    return [line["text"] for line in (*text["key_messages"], *text.get("further", ()))]


def shown_strings(text):
    """Everything a crisis text shows in words: its title (and tagline), then its lines."""
    return [text[name] for name in ("title", "tagline") if name in text] + lines(text)


def crisis_length_advice(guide):
    """[(content file, where in it (a path), what)] for crisis text longer than one glance; [] when
    all is short."""
    advice = []
    for file, where, text in crisis_texts(guide):
        for part, limit, holds in (
            ("key_messages", MAX_KEY_WORDS, "the key messages hold"),
            ("further", MAX_FURTHER_WORDS, "the further lines hold"),
        ):
            words = word_count(" ".join(line["text"] for line in text.get(part, ())))
            if words > limit:
                advice.append((file, (*where, part), f"{words} words; {holds} at most about {limit}"))
        for part in ("key_messages", "further"):
            for index, line in enumerate(text.get(part, ())):
                words = word_count(line["text"])
                if words > MAX_LINE_WORDS:
                    advice.append(
                        (file, (*where, part, index), f"{words} words; one idea a line, at most {MAX_LINE_WORDS}")
                    )
    return advice
