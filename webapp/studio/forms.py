"""The studio's forms, made from the content model's JSON Schemas (the same ones the starter
edition's files name for editors), never from a second description of the content.

For a person rather than an editor program, each schema is given: one real example beside each
field's help (the field reference's, from the Missoula edition); lists to pick from where a field
names something the edition has (its sources, contacts, pictograms, pages); long text in a text box;
and an optional field as its own kind, not as "text or nothing".
"""

import html
import json

from webapp.content_model.content import TRANSLATABLE_KEYS
from webapp.content_model.edition import DEFAULT_EDITION
from webapp.content_model.edition_reference import (
    edition_files,
    every_model,
    example_text,
    field_examples,
    json_schemas,
    schema_name,
)
from webapp.content_model.page_registry import PAGE_IDS

LONG_TEXT = {"p", "when", "missing", "summary", "intro", "notice", "means", "credit", "items", "list", "steps"}


def studio_schema(file, choices, data=None):
    """The JSON Schema of one of an edition's files, ready for the form. choices: {"sources": {id:
    name}, "contacts": {id: name}, "pictograms": [id]} of the edition being edited; data: the
    file's, whose every id stays among the choices (a form drops a value its list lacks: an unknown
    id is the check's to name, not the form's to lose)."""
    choices = _with_ids_in(data, choices)
    schema = json.loads(json_schemas()[schema_name(file)])
    examples = field_examples(DEFAULT_EDITION)
    models = {model.__name__: model for model in every_model()}
    for name, definition in schema.get("$defs", {}).items():
        _annotate(definition, models.get(name), examples, choices)
    root_model = next(model for name, model, _entry in edition_files() if name == file)
    root = schema["additionalProperties"] if "additionalProperties" in schema and "properties" not in schema else schema
    _annotate(root, root_model, examples, choices)
    return schema


def _annotate(definition, model, examples, choices):
    for key in ("description", "title"):
        if key in definition:
            definition[key] = html.escape(definition[key], quote=False)  # the form shows them as HTML
    properties = definition.get("properties", {})
    for prop in properties.values():
        _only_kind(prop)
    # A title before the lists under it: one-line fields first, each group in the model's order.
    ordered = sorted(properties, key=lambda name: properties[name].get("type") in ("array", "object", None))
    for name in properties:
        properties[name]["propertyOrder"] = ordered.index(name) + 1
    for name, prop in properties.items():
        simple = (
            prop.get("type") in ("string", "integer", "number", "boolean")
            or prop.get("items", {}).get("type") == "string"
        )
        if model is not None and (model, name) in examples and simple:  # an example of a whole object is noise
            prop["description"] = (
                f"{prop.get('description', '')} Example: {example_text(examples[(model, name)])}".strip()
            )
        for key in ("description", "title"):
            if key in prop:
                prop[key] = html.escape(prop[key], quote=False)
        items = prop.get("items") if prop.get("type") == "array" else None
        _name_the_ways(items)
        target = items if isinstance(items, dict) else prop
        picked = _choices_for(name, choices)
        if picked is not None and target.get("type") == "string":
            ids, titles = picked
            target["enum"] = ids
            target.setdefault("options", {})["enum_titles"] = titles
            if target is items:
                prop["uniqueItems"] = True
                prop["format"] = "checkbox"
        elif target.get("type") == "string" and (name in LONG_TEXT or (name in TRANSLATABLE_KEYS and target is items)):
            target["format"] = "textarea"


def _name_the_ways(items):
    """A line written as its text alone, or with its details (content_schema.Line): the form's
    choice between them, said in words rather than as "string" and "Message"."""
    ways = items.get("anyOf") if isinstance(items, dict) else None
    if ways and len(ways) == 2 and ways[0].get("type") == "string" and "$ref" in ways[1]:
        ways[0]["title"] = "The line alone"
        ways[1]["title"] = "The line, with whose guidance it is and its sources"


def _only_kind(prop):
    """ "X or nothing" (pydantic's optional fields) becomes X: a field left empty is left out."""
    kinds = [option for option in prop.get("anyOf", ()) if option.get("type") != "null"]
    if "anyOf" in prop and len(kinds) == 1:
        del prop["anyOf"]
        prop.update(kinds[0])
        if prop.get("default") is None:
            prop.pop("default", None)


def _with_ids_in(data, choices):
    found = {"sources": dict(choices.get("sources", {})), "contacts": dict(choices.get("contacts", {}))}
    found["pictograms"] = list(choices.get("pictograms", ()))

    def walk(node, key=None):
        if isinstance(node, dict):
            for name, value in node.items():
                walk(value, name)
        elif isinstance(node, list):
            for value in node:
                walk(value, key)
        elif isinstance(node, str) and key in ("sources", "contacts", "contact"):
            found["sources" if key == "sources" else "contacts"].setdefault(node, node)
        elif isinstance(node, str) and key == "pictogram" and node not in found["pictograms"]:
            found["pictograms"].append(node)

    walk(data)
    return found


def _choices_for(name, choices):
    """(ids, their names) a field picks from, by the field's name; None for a field typed freely."""
    named = {"sources": "sources", "contacts": "contacts", "contact": "contacts"}
    if name in named:
        entries = choices.get(named[name], {})
        return list(entries), [f"{title} ({key})" for key, title in entries.items()]
    if name == "pictogram":
        return list(choices.get("pictograms", ())), list(choices.get("pictograms", ()))
    if name == "page":
        return list(PAGE_IDS), list(PAGE_IDS)
    return None
