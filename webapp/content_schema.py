"""What an edition's content files must hold, as pydantic models: each error names the field and
what was expected; webapp/content.py reads the files and adds the file's name to every error.
"""

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

# What `edition new` writes where a fact is needed: the check refuses it until it is replaced.
PLACEHOLDER = "FILL IN"
# A crisis text's key messages: a frightened reader takes in about three (webapp/crisis_text.py).
MAX_KEY_MESSAGES = 3


class Strict(BaseModel):
    """Unknown fields are errors (a misspelt field would otherwise be silently ignored), and no
    text may still hold the starter edition's placeholder."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _no_placeholder(cls, data):
        if isinstance(data, dict):
            left = [key for key, value in data.items() if isinstance(value, str) and PLACEHOLDER in value]
            if left:
                raise ValueError(f"{', '.join(left)}: still the placeholder; write the real value")
        return data


class Contact(Strict):
    """One entry of contacts.yaml: whom to call or write to, and from which sources we know it."""

    label: str
    when: str
    number: str | None = None
    tel: str | None = Field(default=None, pattern=r"^\+?[0-9]+$")
    email: str | None = Field(default=None, pattern=r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
    web: str | None = Field(default=None, pattern=r"^https://\S+$")
    missing: str | None = None
    sources: list[str] = []

    @model_validator(mode="after")
    def _sourced(self):
        given = [name for name in ("number", "email", "web") if getattr(self, name)]
        if given and not self.sources:
            raise ValueError(f"a contact with a {given[0]} must name the sources that confirm it")
        if self.number and not self.tel:
            raise ValueError("a contact with a number needs its tel: form (digits, for the call link)")
        return self


class Source(Strict):
    """One entry of sources.yaml."""

    name: str
    # A few words for a printed wallet card, where the whole name does not fit (by default the name).
    brief: str | None = None
    # A day, or only the year (2021) or month ("2019-01") when the source gives no more.
    date: datetime.date | int | Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}$")] | None = None
    url: str | None = Field(default=None, pattern=r"^https?://[^/\s]+/\S+$")
    primary: bool = False


class Content(BaseModel):
    """A content file's model: unknown fields are errors; placeholders are found by the content
    check's walk through every file (webapp/content.py), which also reaches untyped parts."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Notice(Content):
    adopted_by: Literal["none", "police", "district", "both"]
    # Shown whole on the home page, the About page, the poster, the chooser and in the manifest.
    notice: str = Field(min_length=1)
    # One short line at the foot of every other page and on every printed card.
    short: str = Field(min_length=1)


class WhoSpeaksFile(Content):
    """who_speaks.yaml: who speaks in the guide, for each value of adopted_by."""

    notices: list[Notice] = Field(min_length=1)
    sources: list[str] = []


class Action(Content):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    action: str
    means: str


class Protocol(Content):
    """protocol.yaml: the response protocol the district's schools use, action by action."""

    intro: str
    credit: str | None = None
    sources: list[str] = Field(min_length=1)
    actions: list[Action] = Field(min_length=1)


# A crisis text: what people act on in one frightened glance (a card, the lockdown screen, the
# parents' lockdown page). It opens with its key messages, at most three, the most important first
# and largest on the screen; its further lines follow, clearly secondary.


def _line(value):
    """A line may be written as its text alone."""
    return {"text": value} if isinstance(value, str) else value


class Message(Content):
    """One line of a crisis text: one idea, with whose guidance it is and its sources where the
    text around it does not say (the parents' lockdown page)."""

    text: str = Field(min_length=1)
    voice: str | None = None
    sources: list[str] = []


Line = Annotated[Message, BeforeValidator(_line)]


class CrisisText(Content):
    key_messages: list[Line] = Field(min_length=1)
    further: list[Line] = []

    @field_validator("key_messages")
    @classmethod
    def _at_most_three(cls, lines):
        if len(lines) > MAX_KEY_MESSAGES:
            raise ValueError(
                f"{len(lines)} key messages; a frightened reader takes in at most {MAX_KEY_MESSAGES}: "
                "keep the most important and move the rest to 'further'"
            )
        return lines


class Card(CrisisText):
    """One card of cards.yaml."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    tagline: str
    sources: list[str] = Field(min_length=1)


class CardsFile(Content):
    """cards.yaml: the cards' overview page (its sections are checked like every page's) and the cards."""

    overview: dict
    cards: list[Card] = Field(min_length=1)

    @field_validator("cards")
    @classmethod
    def _distinct_ids(cls, cards):
        ids = [card.id for card in cards]
        if len(set(ids)) != len(ids):
            raise ValueError("two cards have the same id")
        return cards


class LockdownFile(CrisisText):
    """lockdown.yaml: the lockdown screen, a checklist of its key messages and further lines."""

    title: str
    nav: str | None = None
    short_name: str | None = None
    summary: str
    sources: list[str] = Field(min_length=1)


class ParentsLockdownFile(CrisisText):
    """parents_lockdown.yaml: the first screen is the crisis text, each line naming its sources and
    each key message whose guidance it is (a voice); the sections follow."""

    title: str
    short_name: str | None = None
    summary: str
    voices: dict[str, str] = Field(min_length=1)
    sections: list[dict] = []

    @model_validator(mode="after")
    def _voiced_and_sourced(self):
        for part in ("key_messages", "further"):
            for index, line in enumerate(getattr(self, part)):
                if not line.sources:
                    raise ValueError(f"{part}[{index}]: a line must name its sources")
                if part == "key_messages" and line.voice is None:
                    raise ValueError(f"{part}[{index}]: a key message must say whose guidance it is (voice)")
                if line.voice is not None and line.voice not in self.voices:
                    raise ValueError(
                        f"{part}[{index}].voice: unknown voice {line.voice!r} (voices: {', '.join(self.voices)})"
                    )
        return self
