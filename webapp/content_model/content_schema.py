"""What an edition's content files must hold, as pydantic models: each error names the field and
what was expected; webapp/content_model/content.py reads the files and adds the file's name to every error.
"""

import datetime
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    model_validator,
)

from webapp.content_model.field_words import ordinal

# What `edition new` writes where a fact is needed: the check refuses it until it is replaced.
PLACEHOLDER = "FILL IN"
# A crisis text's key messages: a frightened reader takes in about three (webapp/content_model/crisis_text.py).
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


KEYPAD = str.maketrans(
    {
        letter: str(digit)
        for digit, letters in enumerate(["", "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ"])
        for letter in letters
    }
)


class Contact(Strict):
    """One entry of contacts.yaml: whom to call or write to, and from which sources we know it."""

    label: str
    when: str
    number: str | None = None
    tel: str | None = Field(default=None, pattern=r"^\+?[0-9]+$")
    email: str | None = Field(default=None, pattern=r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
    web: str | None = Field(default=None, pattern=r"^https://\S+$")
    # A number that takes text messages, as dialled (the link opens the phone's messages).
    sms: str | None = Field(default=None, pattern=r"^\+?[0-9]+$")
    # An app that takes tips, by its name (web: where to get it).
    app: str | None = None
    # The agency that answers: district, police, or one of edition.yaml's agencies.
    agency: str | None = None
    missing: str | None = None
    sources: list[str] = []

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
    check's walk through every file (webapp/content_model/content.py), which also reaches untyped parts."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Id = Annotated[str, Field(pattern=r"^[a-z0-9-]+$", description="lower-case letters, digits and hyphens")]
Text = Annotated[str, Field(min_length=1)]


def _distinct_ids(what):
    """A list whose items' ids must differ (a card's or section's id is its address on the page)."""

    def check(items):
        ids = [item.id for item in items]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"two {what} have the same id ({', '.join(twice)}); give each its own")
        return items

    return AfterValidator(check)


# A page's content blocks. Each block is one mapping whose one key says its kind (p: a paragraph,
# list: a bulleted list...): the key is the tag of a tagged union, so a problem names its block.


class Paragraph(Content):
    p: Text


class Subheading(Content):
    subheading: Text


Items = Annotated[list[Text], Field(min_length=1)]


class Bullets(Content):
    list: Items


class Steps(Content):
    steps: Items


class ContactList(Content):
    contacts: Annotated[list[str], Field(min_length=1, description="ids of contacts.yaml")]


class PageLink(Content):
    page: str = Field(description="one of edition.yaml's pages")
    text: Text
    anchor: Id | None = None


class LinkBlock(Content):
    link: PageLink


class ProtocolBlock(Content):
    protocol: Literal[True]


BLOCKS = {
    "p": Paragraph,
    "subheading": Subheading,
    "list": Bullets,
    "steps": Steps,
    "contacts": ContactList,
    "link": LinkBlock,
    "protocol": ProtocolBlock,
}


def _block_kind(value):
    """The block's kind: its one key that names a kind of block (a checked block: its model's)."""
    if isinstance(value, Content):
        return next(kind for kind, model in BLOCKS.items() if isinstance(value, model))
    kinds = [key for key in value if key in BLOCKS] if isinstance(value, dict) else []
    return kinds[0] if len(kinds) == 1 else None


Block = Annotated[
    Annotated[Paragraph, Tag("p")]
    | Annotated[Subheading, Tag("subheading")]
    | Annotated[Bullets, Tag("list")]
    | Annotated[Steps, Tag("steps")]
    | Annotated[ContactList, Tag("contacts")]
    | Annotated[LinkBlock, Tag("link")]
    | Annotated[ProtocolBlock, Tag("protocol")],
    Discriminator(
        _block_kind,
        custom_error_type="block_kind",
        custom_error_message=f"a block holds exactly one of {', '.join(BLOCKS)}",
    ),
]


class Section(Content):
    id: Id
    heading: Text
    sources: list[str] = []
    blocks: list[Block] = Field(min_length=1)


class SourcedSection(Section):
    """A section that states facts: it names the sources that confirm them."""

    sources: list[str] = Field(min_length=1, description="ids of sources.yaml that confirm what the section says")


class Page(Content):
    """A page of sections about the guide itself (the About page): its sections name no sources."""

    title: Text
    nav: str | None = None
    short_name: str | None = None
    summary: Text
    intro: list[Text] = []
    sections: Annotated[list[Section], Field(min_length=1), _distinct_ids("sections")]


class SourcedPage(Page):
    """A page of sections that state facts (the parents', the school-safety and the report page)."""

    sections: Annotated[list[SourcedSection], Field(min_length=1), _distinct_ids("sections")]


class HomeLink(Content):
    page: str = Field(description="one of edition.yaml's pages")
    title: Text
    text: Text


class HomeFile(Content):
    """home.yaml: the guide's name, then links to the pages, the worst day first."""

    title: Text
    summary: Text
    intro: list[Text] = []
    urgent: list[HomeLink] = []
    ways: list[HomeLink] = []
    more: list[HomeLink] = []


class OfflineFile(Content):
    """offline.yaml: what a page not saved on the device says when there is no network."""

    title: Text
    summary: Text
    intro: list[Text] = []


class Overview(Content):
    """The cards' overview page, above the cards."""

    title: Text
    nav: str | None = None
    summary: Text
    intro: list[Text] = []
    sections: Annotated[list[SourcedSection], _distinct_ids("sections")] = []


class Notice(Content):
    adopted_by: Literal["none", "police", "district", "both"]
    # Shown whole on the home page, the About page, the poster, the chooser and in the manifest.
    notice: str = Field(min_length=1)
    # One short line at the foot of every other page and on every printed card.
    short: str = Field(min_length=1)


class TranslatedBy(Content):
    """Who translated some of the guide's languages, said in each of them at the foot of its pages."""

    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]] = Field(min_length=1)
    text: Text


class WhoSpeaksFile(Content):
    """who_speaks.yaml: who speaks in the guide, for each value of adopted_by, and who translated it
    (a language no entry names says nothing of who translated it)."""

    notices: list[Notice] = Field(min_length=1)
    sources: list[str] = []
    translated_by: list[TranslatedBy] = []


class Action(Content):
    id: Id
    action: Text
    means: Text


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
    if isinstance(value, str):
        return {"text": value}
    if not isinstance(value, dict):
        raise ValueError("must be text (write it in double quotes), or text: with its voice: and sources:")
    return value


class Message(Content):
    """One line of a crisis text: one idea, with whose guidance it is and its sources where the
    text around it does not say (the parents' lockdown page)."""

    text: str = Field(min_length=1)
    voice: str | None = None
    sources: list[str] = []


class SourcedMessage(Message):
    """A line that names the sources that confirm it (the parents' lockdown page)."""

    sources: list[str] = Field(min_length=1)


class VoicedMessage(SourcedMessage):
    """A key message of the parents' lockdown page: whose guidance it is (one of the file's voices)."""

    voice: str


Line = Annotated[Message, BeforeValidator(_line)]
SourcedLine = Annotated[SourcedMessage, BeforeValidator(_line)]
VoicedLine = Annotated[VoicedMessage, BeforeValidator(_line)]


def _at_most_three(lines):
    if len(lines) > MAX_KEY_MESSAGES:
        raise ValueError(
            f"{len(lines)} key messages; a frightened reader takes in at most {MAX_KEY_MESSAGES}: "
            "keep the most important and move the rest to 'further'"
        )
    return lines


class CrisisText(Content):
    key_messages: Annotated[list[Line], Field(min_length=1), AfterValidator(_at_most_three)]
    further: list[Line] = []


class Card(CrisisText):
    """One card of cards.yaml."""

    id: Id
    title: Text
    tagline: Text
    sources: list[str] = Field(min_length=1)


class CardsFile(Content):
    """cards.yaml: the cards' overview page (its sections are checked like every page's) and the cards."""

    overview: Overview
    cards: Annotated[list[Card], Field(min_length=1), _distinct_ids("cards")]


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
    key_messages: Annotated[list[VoicedLine], Field(min_length=1), AfterValidator(_at_most_three)]
    further: list[SourcedLine] = []
    sections: Annotated[list[SourcedSection], _distinct_ids("sections")] = []

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
