"""A page's sections and their content blocks.

Each block is one mapping whose one key says its kind (p: a paragraph, list: a bulleted list...):
the key is the tag of a tagged union, so a problem names its block, and an unknown kind is an
error, never silently dropped.
"""

from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag

from webapp.content_model.base import Content, Id, Items, Text


class Paragraph(Content):
    """A paragraph."""

    p: Text
    """The paragraph's text."""


class Subheading(Content):
    """A heading inside a section."""

    subheading: Text
    """The heading's text."""


class Bullets(Content):
    """A bulleted list."""

    list: Items
    """The list's items, one text each."""


class Steps(Content):
    """Numbered steps, in the order people take them."""

    steps: Items
    """The steps, one text each."""


class ContactList(Content):
    """Contact cards: whom to call or write to, with their numbers and addresses."""

    contacts: Annotated[list[str], Field(min_length=1)]
    """The contacts' ids in contacts.yaml, in the order shown."""


class PageLink(Content):
    """Where a link goes, and its words."""

    page: str
    """One of edition.yaml's pages."""
    text: Text
    """The link's words: what the reader finds there."""
    anchor: Id | None = None
    """A section's id on that page, to open the page at that section."""


class LinkBlock(Content):
    """A link to another page of the guide."""

    link: PageLink
    """The page and the link's words."""


class ProtocolBlock(Content):
    """The school's emergency words (protocol.yaml), one plain line each."""

    protocol: Literal[True]
    """Always true: the block shows protocol.yaml here."""


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
    """A section of a page: a heading that says what to do or know, then its blocks."""

    id: Id
    """The section's address on the page (#id); yours to choose."""
    heading: Text
    """The section's heading: what to do or know, in a few words."""
    sources: list[str] = []
    """The ids of sources.yaml's entries that confirm what the section says."""
    blocks: list[Block] = Field(min_length=1)
    """What the section holds, in order: paragraphs, lists, steps, contacts, links."""


class SourcedSection(Section):
    """A section that states facts: it names the sources that confirm them."""

    sources: list[str] = Field(min_length=1)
    """The ids of sources.yaml's entries that confirm what the section says (at least one)."""
