"""What edition.yaml must hold, as a pydantic model: each error names the field and what was
expected. edition.py reads the file and adds its name to every error. The content files' models are
in content_schema.py; the pages an edition may list, in page_registry.py.
"""

import re
from typing import Literal

from flask_babel import lazy_gettext as _l
from pydantic import Field, field_validator, model_validator

from webapp.content_model.accent import contrast_problems, dark_contrast_problems
from webapp.content_model.base import Id, Strict
from webapp.content_model.page_registry import PAGE_IDS, PAGES
from webapp.translation.languages import known_languages

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _readable_colour(value, problems_of):
    """A #rrggbb colour whose contrast passes (problems_of lists why not); None stays None."""
    if value is not None:
        if not HEX_COLOUR.match(value):
            raise ValueError(f"a colour written #rrggbb, not {value!r}")
        for problem in problems_of(value):
            raise ValueError(problem)
    return value


class Names(Strict):
    """A name, whole and short."""

    name: str = Field(min_length=1)
    """The whole name."""
    short_name: str = Field(min_length=1)
    """A short name or initials (the district's is drawn on the app's icon)."""


# What an agency does, as the About page says it in every language.
ROLES = {
    "police": _l("police department"),
    "sheriff": _l("sheriff's office"),
    "911-centre": _l("911 and dispatch centre"),
    "district": _l("school district"),
    "school": _l("school"),
    "state": _l("state agency"),
    "federal": _l("federal agency"),
    "other": _l("other organisation"),
}


class Agency(Strict):
    """One more agency the guide names (a sheriff's office whose deputies are the school resource
    officers, the 911 centre), with its role; a contact names its agency by id."""

    id: Id
    """The agency's id, for a contact's agency: field; yours to choose."""
    name: str = Field(min_length=1)
    """Its whole name."""
    role: Literal[tuple(ROLES)]
    """What it does."""


class EditionFile(Strict):
    """The edition: its names, languages, pages and colour."""

    guide: Names
    """The guide's name as families see it, and a short name for the installed app's icon."""
    district: Names
    """The school district whose public guidance the guide retells."""
    police: Names | None = None
    """The police department whose public guidance the guide retells, if any."""
    agencies: list[Agency] = []
    """More agencies than the two above (a sheriff's office, a 911 centre), each with its role."""
    adopted_by: Literal["none", "police", "district", "both"] = "none"
    """Who publishes the guide: none (you retell their guidance), or who adopted it."""
    emergency_number: str = Field(pattern=r"^[0-9]{2,6}$")
    """The emergency number as dialled, 2 to 6 digits (911, 112, 10111); a sourced contact gives it."""
    languages: list[str] = Field(min_length=1)
    """Language codes, in the order the chooser lists them (translations/languages.yaml)."""
    default_language: str
    """The language served when the browser asks for none of them."""
    accent_color: str
    """The header's and buttons' colour, #rrggbb: it must carry white text (4.5:1)."""
    dark_accent_color: str | None = None
    """Links and buttons in the dark theme, #rrggbb; by default the accent, lightened until it reads."""
    public_base_url: str = ""
    """The public address, for the sitemap and the poster's QR code (empty: where it is served)."""
    pages: list[Literal[PAGE_IDS]] = Field(min_length=1)
    """The pages, in reading order; home and about are needed, lockdown needs cards."""

    @field_validator("agencies")
    @classmethod
    def _distinct_agencies(cls, agencies):
        ids = [agency.id for agency in agencies]
        for taken in {"district", "police"} & set(ids) | {i for i in ids if ids.count(i) > 1}:
            raise ValueError(f"the id {taken!r} is taken (district and police are the two above); give another")
        return agencies

    def agency_ids(self):
        """The ids a contact may name as its agency."""
        return ("district", *(("police",) if self.police else ()), *(agency.id for agency in self.agencies))

    def who_is_who(self):
        """[(name, role in words)] of every agency, when the edition names more than the two."""
        if not self.agencies:
            return []
        named = [(self.district.name, "district")] + ([(self.police.name, "police")] if self.police else [])
        return [(name, ROLES[role]) for name, role in named + [(a.name, a.role) for a in self.agencies]]

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, codes):
        known = known_languages()
        for code in codes:
            if code not in known:
                raise ValueError(f"unknown language {code!r} (translations/languages.yaml has {', '.join(known)})")
        if len(set(codes)) != len(codes):
            raise ValueError("a language is listed twice")
        return codes

    @field_validator("accent_color")
    @classmethod
    def _accent(cls, value):
        return _readable_colour(value, contrast_problems)

    @field_validator("dark_accent_color")
    @classmethod
    def _dark_accent(cls, value):
        return _readable_colour(value, dark_contrast_problems)

    @field_validator("public_base_url")
    @classmethod
    def _address(cls, value):
        if value and not re.match(r"^https?://[^/\s]+(/\S*)?$", value):
            raise ValueError(f"an address starting with https:// (or empty), not {value!r}")
        return value.rstrip("/")

    @field_validator("pages")
    @classmethod
    def _pages(cls, pages):
        for page in PAGES.values():
            if page.required and page.id not in pages:
                raise ValueError(f"the page {page.id!r} must be in the list")
            for needed in page.needs if page.id in pages else ():
                if needed not in pages:
                    raise ValueError(f"the page {page.id!r} needs the page {needed!r} in the list too")
        if len(set(pages)) != len(pages):
            raise ValueError("a page is listed twice")
        return pages

    @model_validator(mode="after")
    def _police_if_adopted_by_police(self):
        if self.adopted_by in ("police", "both") and self.police is None:
            raise ValueError(f"adopted_by is {self.adopted_by}, but police: names no police department")
        return self

    @model_validator(mode="after")
    def _default_is_served(self):
        if self.default_language not in self.languages:
            raise ValueError(f"default_language {self.default_language!r} is not among languages")
        return self
