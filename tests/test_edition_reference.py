"""The field reference and the JSON Schemas are made from the models, and kept current: every field
says what it is for, and an editor that reads the schemas accepts a real edition and marks a
misspelt field, as `edition check` does."""

import datetime
import json

import jsonschema
import pytest
import yaml

from tests.fixture import FIXTURE_EDITION
from webapp.content_model.edition import DEFAULT_EDITION
from webapp.content_model.edition_reference import (
    REFERENCE,
    SCHEMAS,
    edition_files,
    every_model,
    json_schemas,
    reference_text,
    schema_line,
    url_rules,
)

STALE = "out of date: run `flask --app webapp edition reference`"


def as_an_editor_reads(node):
    """YAML as an editor's YAML 1.2 reads it: a date is text (PyYAML makes it a date)."""
    if isinstance(node, dict):
        return {key: as_an_editor_reads(value) for key, value in node.items()}
    if isinstance(node, list):
        return [as_an_editor_reads(item) for item in node]
    return node.isoformat() if isinstance(node, datetime.date) else node


def test_the_reference_and_the_schemas_are_current(app):
    assert REFERENCE.read_text(encoding="utf-8") == reference_text(url_rules(app)), f"{REFERENCE} is {STALE}"
    for name, text in json_schemas().items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, f"{SCHEMAS / name} is {STALE}"
    for file, _model, _entry in edition_files():
        starter = SCHEMAS.parent / file
        if starter.is_file():
            assert starter.read_text(encoding="utf-8").startswith(schema_line(file)), f"{starter} names no schema"


def test_every_field_of_every_file_says_what_it_is_for(app):
    for model in every_model():
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no docstring"
    text = reference_text(url_rules(app))
    for kind in ("p", "subheading", "list", "steps", "contacts", "link", "protocol"):
        assert f"- **`{kind}`**" in text
    assert "- `content/cards.yaml`: [the cards for an attack](#cardsfile)" in text
    assert "- `parents_lockdown`: `/en/parents/lockdown/`, from `content/parents_lockdown.yaml`" in text
    assert "- `lockdown`: `/en/lockdown/`, from `content/lockdown.yaml`; needs `cards`" in text
    # One real example each, from the Missoula edition.
    assert 'Example: `"911"`' in text and 'Example: `["emergency", "mpd", "fbi"]`' in text


@pytest.mark.parametrize("edition", [DEFAULT_EDITION, FIXTURE_EDITION], ids=["missoula", "fixture"])
def test_an_editor_reading_the_schemas_accepts_a_real_edition_and_marks_a_misspelt_field(edition):
    for file, _model, _entry in edition_files():
        path = edition / file
        if not path.is_file():
            continue
        schema = json.loads((SCHEMAS / (path.stem + ".schema.json")).read_text(encoding="utf-8"))
        data = as_an_editor_reads(yaml.safe_load(path.read_text(encoding="utf-8")))
        jsonschema.validate(data, schema)
    cards = yaml.safe_load((edition / "content" / "cards.yaml").read_text(encoding="utf-8"))
    cards["cards"][0]["furthr"] = cards["cards"][0].pop("further", ["Stay calm."])
    with pytest.raises(jsonschema.ValidationError, match="furthr"):
        jsonschema.validate(cards, json.loads((SCHEMAS / "cards.schema.json").read_text(encoding="utf-8")))
