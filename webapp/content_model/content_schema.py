"""What an edition's content files must hold, as pydantic models, one for each file (the page
registry says which file each page reads). Each error names the field and what was expected;
webapp/content_model/content.py reads the files and adds the file, its line and the place in words.
"""

import datetime
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from webapp.content_model.base import Content, Id, Strict, Text, distinct_ids
from webapp.content_model.blocks import Section, SourcedSection
from webapp.content_model.field_words import ordinal

# A crisis text's key messages: a frightened reader takes in about three (crisis_text.py).
MAX_KEY_MESSAGES = 3

KEYPAD = str.maketrans(
    {
        letter: str(digit)
        for digit, letters in enumerate(["", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ"])
        for letter in letters
    }
)


class Contact(Strict):
    """Whom to call or write to, and the sources that confirm the number or address."""

    label: str
    """Who it is, as families know them."""
    when: str
    """When to contact them, in one plain sentence."""
    number: str | None = None
    """The phone number as shown, exactly as your source writes it."""
    tel: str | None = Field(default=None, pattern=r"^\+?[0-9]+$")
    """The same number as dialled, digits only, + and the country code in front: the call link."""
    email: str | None = Field(default=None, pattern=r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
    """An e-mail address."""
    web: str | None = Field(default=None, pattern=r"^https://\S+$")
    """A web page (for an app: where to get it)."""
    sms: str | None = Field(default=None, pattern=r"^\+?[0-9]+$")
    """A number that takes text messages, as dialled (the link opens the phone's messages)."""
    app: str | None = None
    """An app that takes tips, by its name."""
    agency: str | None = None
    """The agency that answers: district, police, or one of edition.yaml's agencies."""
    missing: str | None = None
    """What the guide could not confirm about this contact, said plainly (then give no number)."""
    sources: list[str] = []
    """The ids of sources.yaml's entries that confirm the number or address (required with one)."""

    @model_validator(mode="after")
    def _sourced(self):
        given = [name for name in ("number", "email", "web", "sms", "app") if getattr(self, name)]
        if given and not self.sources:
            raise ValueError(f"a contact with a {given[0]} must name the sources that confirm it")
        if self.number and not self.tel:
            raise ValueError("a contact with a number needs its tel: form (digits, for the call link)")
        # The number shown is the number called: the same digits (tel may add the country code; a
        # number may be spelt in the keypad's letters, 1-800-CALL-FBI).
        dialled = re.sub(r"\D", "", self.number.upper().translate(KEYPAD)) if self.number else ""
        if self.number and not (re.fullmatch(r"[+\w\s().-]+", self.number) and self.tel.endswith(dialled)):
            raise ValueError(f"the number {self.number!r} is not written with the digits of tel ({self.tel})")
        return self


class Source(Strict):
    """A public source the guide's facts come from."""

    name: str
    """Who published it and what it is, as the source line under each section shows it."""
    brief: str | None = None
    """A few words for a printed wallet card, where the whole name does not fit (by default the name)."""
    date: datetime.date | int | Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}$")] | None = None
    """When it was published: a day (2022-05-27), or only the year (2021) or month ("2019-01")."""
    url: str | None = Field(default=None, pattern=r"^https?://[^/\s]+/\S+$")
    """Its web address, when it has one."""
    primary: bool = False
    """true for the guide's main sources: the About page lists them first."""


class Page(Content):
    """A page of sections about the guide itself (the About page): its sections name no sources."""

    title: Text
    """The page's title."""
    nav: str | None = None
    """A shorter name for the footer's links (by default the title)."""
    short_name: str | None = None
    """A short name for the installed app's shortcuts."""
    summary: Text
    """One sentence for search engines and link previews."""
    intro: list[Text] = []
    """Paragraphs under the title, before the sections."""
    sections: Annotated[list[Section], Field(min_length=1), distinct_ids("sections")]
    """The page's sections, in reading order."""


class SourcedPage(Page):
    """A page of sections that state facts (the parents', the school-safety and the report page)."""

    sections: Annotated[list[SourcedSection], Field(min_length=1), distinct_ids("sections")]
    """The page's sections, in reading order, each naming its sources."""


class HomeLink(Content):
    """A way into the guide from the home page."""

    page: str
    """One of edition.yaml's pages."""
    title: Text
    """The link's words: who it is for or what it is."""
    text: Text
    """One line under it: what the reader finds there."""


class HomeFile(Content):
    """The home page: the guide's name, then links to the pages, the worst day first."""

    title: Text
    """The guide's name as the home page shows it."""
    summary: Text
    """One sentence for search engines and link previews."""
    intro: list[Text] = []
    """Paragraphs under the title."""
    urgent: list[HomeLink] = []
    """The pages for the worst day (a lockdown), shown first and largest."""
    ways: list[HomeLink] = []
    """The main ways into the guide."""
    more: list[HomeLink] = []
    """Further pages, shown last."""


class OfflineFile(Content):
    """What a page not saved on the device says when there is no network."""

    title: Text
    """The page's title."""
    summary: Text
    """One sentence: this page is not saved."""
    intro: list[Text] = []
    """Paragraphs before the list of the pages that are saved."""


class Overview(Content):
    """The cards' overview page, above the cards."""

    title: Text
    """The page's title."""
    nav: str | None = None
    """A shorter name for the footer's links (by default the title)."""
    summary: Text
    """One sentence for search engines and link previews."""
    intro: list[Text] = []
    """Paragraphs under the title: the cards in a few words."""
    sections: Annotated[list[SourcedSection], distinct_ids("sections")] = []
    """Sections below the cards (when to use them, what to learn before), each naming its sources."""


class Notice(Content):
    """Who publishes the guide, for one value of edition.yaml's adopted_by."""

    adopted_by: Literal["none", "police", "district", "both"]
    """The value of edition.yaml's adopted_by this notice is for."""
    notice: Text
    """Shown whole on the home page, the About page, the poster, the chooser and in the manifest."""
    short: Text
    """One short line at the foot of every other page and on every printed card."""


class TranslatedBy(Content):
    """Who translated some of the guide's languages, said in each of them at the foot of its pages."""

    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]] = Field(min_length=1)
    """The languages' codes, as in edition.yaml."""
    text: Text
    """Who translated them, truthfully (a staff member, an interpreter, software)."""


class WhoSpeaksFile(Content):
    """Who speaks in the guide, for each value of adopted_by, and who translated it."""

    notices: list[Notice] = Field(min_length=1)
    """One notice for each value of adopted_by: none, police, district, both."""
    sources: list[str] = []
    """The ids of the sources the notices speak of."""
    translated_by: list[TranslatedBy] = []
    """Who translated which languages; a language no entry names says nothing of who translated it."""


class Action(Content):
    """One action of the school's response protocol."""

    id: Id
    """The action's id; yours to choose (the glossary names its word in each language)."""
    pictogram: Id
    """Its pictogram: one of the engine's (the reference's "Pictograms") or an SVG in the edition's pictograms/."""
    action: Text
    """The action's word, as schools say it (Lockdown, Shelter)."""
    means: Text
    """What students and staff do, in one plain line."""


class Protocol(Content):
    """The response protocol the district's schools use, action by action, as many as it has."""

    intro: str
    """Which protocol the schools use, in one sentence."""
    credit: str | None = None
    """Whose protocol it is, and that these lines are the guide's summary."""
    sources: list[str] = Field(min_length=1)
    """The ids of sources.yaml's entries that describe the protocol."""
    actions: list[Action] = Field(min_length=1)
    """The protocol's actions, in the schools' order."""


# A crisis text: what people act on in one frightened glance (a card, the lockdown screen, the
# parents' lockdown page). It opens with its key messages, at most three, the most important first
# and largest on the screen; its further lines follow, clearly secondary.


class Message(Content):
    """One line of a crisis text: one idea. Written as its text alone, or with the fields below."""

    text: Text
    """The line: one short imperative, every condition of its source kept ("when safe")."""
    voice: str | None = None
    """Whose guidance it is: one of the file's voices."""
    sources: list[str] = []
    """The ids of sources.yaml's entries that say it."""


class SourcedMessage(Message):
    """A line that names the sources that confirm it (the parents' lockdown page)."""

    sources: list[str] = Field(min_length=1)
    """The ids of sources.yaml's entries that say it (at least one)."""


class KeyMessage(Message):
    """A key message: its text and the pictogram shown beside it, for those who cannot read it."""

    pictogram: Id
    """One of the engine's pictograms (the reference's "Pictograms") or an SVG in the edition's pictograms/."""


class VoicedMessage(KeyMessage):
    """A key message of the parents' lockdown page: its pictogram, whose guidance it is, and its sources."""

    voice: str
    """Whose guidance it is: one of the file's voices."""
    sources: list[str] = Field(min_length=1)
    """The ids of sources.yaml's entries that say it (at least one)."""


def _line(value):
    """A line may be written as its text alone."""
    if isinstance(value, str):
        return {"text": value}
    if not isinstance(value, dict):
        raise ValueError("must be text (write it in double quotes), or text: with its voice: and sources:")
    return value


Line = Annotated[Message, BeforeValidator(_line, json_schema_input_type=str | Message)]
SourcedLine = Annotated[SourcedMessage, BeforeValidator(_line, json_schema_input_type=str | SourcedMessage)]
KeyLine = Annotated[KeyMessage, BeforeValidator(_line, json_schema_input_type=KeyMessage)]
VoicedLine = Annotated[VoicedMessage, BeforeValidator(_line, json_schema_input_type=VoicedMessage)]


def _at_most_three(lines):
    if len(lines) > MAX_KEY_MESSAGES:
        raise ValueError(
            f"{len(lines)} key messages; a frightened reader takes in at most {MAX_KEY_MESSAGES}: "
            "keep the most important and move the rest to 'further'"
        )
    return lines


KeyMessages = Annotated[list[KeyLine], Field(min_length=1), AfterValidator(_at_most_three)]


class CrisisText(Content):
    """What people act on in one frightened glance."""

    key_messages: KeyMessages
    """At most three lines, about 27 words together, the most important first: shown largest, each
    with its pictogram."""
    further: list[Line] = []
    """The lines that follow, smaller: about 50 words at most."""


class Card(CrisisText):
    """One card for an attack."""

    id: Id
    """The card's address (/en/cards/<id>/); yours to choose."""
    title: Text
    """The card's action, in one or two words (Avoid)."""
    tagline: Text
    """What the action means, in a few words (Get out)."""
    sources: list[str] = Field(min_length=1)
    """The ids of sources.yaml's entries the card follows."""


class CardsFile(Content):
    """The cards for an attack: their overview page, then the cards, in the order to try them."""

    overview: Overview
    """The cards' overview page."""
    cards: Annotated[list[Card], Field(min_length=1), distinct_ids("cards")]
    """The cards, as many as your sources give."""


class LockdownFile(CrisisText):
    """The lockdown screen: dark, silent, a checklist of its key messages and further lines."""

    title: Text
    """The screen's title."""
    nav: str | None = None
    """A shorter name for links (by default the title)."""
    short_name: str | None = None
    """A short name for the installed app's shortcuts."""
    summary: Text
    """One sentence for search engines and link previews."""
    sources: list[str] = Field(min_length=1)
    """The ids of sources.yaml's entries the checklist follows."""


class ParentsLockdownFile(CrisisText):
    """The parents' lockdown page: its first screen is the crisis text, each line naming its sources
    and each key message whose guidance it is; the sections follow."""

    title: Text
    """The page's title."""
    short_name: str | None = None
    """A short name for the installed app's shortcuts."""
    summary: Text
    """One sentence for search engines and link previews."""
    voices: dict[str, str] = Field(min_length=1)
    """Whose guidance a line is, by a name of your choosing: district: "The district's guidance"."""
    key_messages: Annotated[list[VoicedLine], Field(min_length=1), AfterValidator(_at_most_three)]
    """At most three lines, the most important first, each with its pictogram, voice and sources."""
    further: list[SourcedLine] = []
    """The lines that follow, smaller, each with its sources."""
    sections: Annotated[list[SourcedSection], distinct_ids("sections")] = []
    """Sections below the first screen (getting your child back, how a lockdown ends)."""

    @model_validator(mode="after")
    def _known_voices(self):
        for part, noun in (("key_messages", "key message"), ("further", "further line")):
            for index, line in enumerate(getattr(self, part)):
                if line.voice is not None and line.voice not in self.voices:
                    raise ValueError(
                        f"the {ordinal(index + 1)} {noun} speaks with the voice {line.voice!r}, "
                        f"which is not one of the voices ({', '.join(self.voices)})"
                    )
        return self
