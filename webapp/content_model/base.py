"""What every model of an edition's files shares: unknown fields are errors (a misspelt field would
otherwise be silently ignored), and each field's docstring is its help text (the field reference,
docs/edition-reference.md, and the JSON Schemas are made from them).
"""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

# What `edition new` writes where a fact is needed: the check refuses it until it is replaced.
PLACEHOLDER = "FILL IN"


class Content(BaseModel):
    """A content file's model. Placeholders in content are found by the content check's walk
    through every file (webapp/content_model/content.py), which names the place in words."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Strict(Content):
    """A model whose texts may not hold the starter edition's placeholder (edition.yaml, contacts,
    sources), checked field by field."""

    @model_validator(mode="before")
    @classmethod
    def _no_placeholder(cls, data):
        if isinstance(data, dict):
            left = [key for key, value in data.items() if isinstance(value, str) and PLACEHOLDER in value]
            if left:
                raise ValueError(f"{', '.join(left)}: still the placeholder; write the real value")
        return data


Id = Annotated[str, Field(pattern=r"^[a-z0-9-]+$")]
Text = Annotated[str, Field(min_length=1)]
Items = Annotated[list[Text], Field(min_length=1)]
SourceIds = list[str]


def distinct_ids(what):
    """A list whose items' ids must differ (a card's or section's id is its address on the page)."""

    def check(items):
        ids = [item.id for item in items]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"two {what} have the same id ({', '.join(twice)}); give each its own")
        return items

    return AfterValidator(check)
