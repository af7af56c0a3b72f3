"""The studio's forms, made from the content model's JSON Schemas (the same ones the starter
edition's files name for editors), never from a second description of the content.

For a person rather than an editor program, each schema is given: one real example beside each
field's help (the field reference's, from the Missoula edition); lists to pick from where a field
names something the edition has (its sources, contacts, pictograms, pages); long text in a text box;
and an optional field as its own kind, not as "text or nothing".
"""

import html
import json
import re

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
from webapp.content_model.field_words import ordinal
from webapp.content_model.page_registry import PAGE_IDS
from webapp.studio.edition_files import FileRefused

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
    text = json.dumps(schema)
    for name, definition in schema.get("$defs", {}).items():
        # A block used in several places (the guide's, the district's and the police's names) has
        # one example, which fits only one of them: none is shown rather than a wrong one.
        shared = text.count(f'"#/$defs/{name}"') > 1
        _annotate(definition, models.get(name), {} if shared else examples, choices)
    root_model = next(model for name, model, _entry in edition_files() if name == file)
    root = schema["additionalProperties"] if keyed(file) else schema
    _annotate(root, root_model, examples, choices)
    if keyed(file):
        # A list the person adds to, each entry with its short name: not a mapping of names, which
        # a form can neither add to nor show the names of.
        root["properties"] = {"id": _id_field(file), **root["properties"]}
        root["required"] = ["id", *root.get("required", [])]
        root["headerTemplate"] = "{{ i1 }}. {{ self.id }}"
        schema = {key: value for key, value in schema.items() if key != "additionalProperties"}
        schema.update(type="array", items=root)
    schema["title"] = file  # the file, as the list of files names it (not the model's name)
    return _without_patterns(schema)


def keyed(file):
    """Whether the file is a mapping of entries by their short names (sources, contacts)."""
    return any(entry for name, _model, entry in edition_files() if name == file)


def _id_field(file):
    what = file.removeprefix("content/").removesuffix(".yaml").removesuffix("s")
    return {
        "type": "string",
        "title": "Short name",
        "description": f"A short name for this {what}, in small letters and dashes (school-safety-page): "
        "the other files pick it from a list by this name.",
        "propertyOrder": 0,
    }


def to_form(file, data):
    """The file's data as its form holds it: a keyed file's entries as a list, each with its id;
    None when an entry is not a block of fields (the file is then mended as text)."""
    if not keyed(file) or not isinstance(data, dict):
        return data
    if not all(isinstance(value, dict) for value in data.values()):
        return None
    return [{"id": key, **value} for key, value in data.items()]


def from_form(file, data):
    """The form's data as the file holds it; a keyed file's entry without a short name, or two with
    one, refused in one line."""
    if not keyed(file) or not isinstance(data, list):
        return data
    entries = {}
    for number, item in enumerate(data, 1):
        item = dict(item) if isinstance(item, dict) else {}
        key = str(item.pop("id", "") or "").strip()
        if not key:
            raise FileRefused(f"the {ordinal(number)} entry has no short name: give it one")
        if key in entries:
            raise FileRefused(f"two entries have the short name {key!r}: give each its own")
        entries[key] = item
    return entries


def form_loc(file, data, loc):
    """A problem's place in the file (a keyed entry by its name) as its place in the form."""
    if keyed(file) and loc and isinstance(data, dict) and loc[0] in data:
        return [list(data).index(loc[0]), *loc[1:]]
    return loc


def _without_patterns(node):
    """The schema without its patterns: the server's checks say what a field needs in words
    ("an address that starts with https://"), where the form would show the pattern."""
    if isinstance(node, dict):
        return {key: _without_patterns(value) for key, value in node.items() if key != "pattern"}
    if isinstance(node, list):
        return [_without_patterns(value) for value in node]
    return node


def _annotate(definition, model, examples, choices):
    if re.fullmatch(r"[A-Z][A-Za-z]+", definition.get("title", "")):
        # A block's kind in words: "Home link", not the model's name HomeLink.
        definition["title"] = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", definition["title"]).capitalize()
    for key in ("description", "title"):
        if key in definition:
            definition[key] = html.escape(definition[key], quote=False)  # the form shows them as HTML
    properties = definition.get("properties", {})
    for prop in properties.values():
        _only_kind(prop)
        if "const" in prop:
            # A block's mark of its kind ("protocol: true"): given, not asked for.
            prop["default"] = prop["const"]
            prop.setdefault("options", {})["hidden"] = True
    # A title before the lists under it: one-line fields first, each group in the model's order.
    ordered = sorted(properties, key=lambda name: properties[name].get("type") in ("array", "object", None))
    for name in properties:
        properties[name]["propertyOrder"] = ordered.index(name) + 1
    for name, prop in properties.items():
        simple = (
            prop.get("type") in ("string", "integer", "number", "boolean")
            or prop.get("items", {}).get("type") == "string"
        )
        example = examples.get((model, name)) if model is not None and simple else None  # of a whole object: noise
        if example not in (None, "", []):
            prop["description"] = f"{prop.get('description', '')} Example: {example_text(example)}".strip()
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
    found["pages"] = list(choices.get("pages", PAGE_IDS))
    # A line's voice is one of its own file's voices (whose guidance it is).
    voices = data.get("voices") if isinstance(data, dict) else None
    found["voices"] = [str(key) for key in voices] if isinstance(voices, dict) else []

    def walk(node, key=None):
        if isinstance(node, dict):
            for name, value in node.items():
                walk(value, name)
        elif isinstance(node, list):
            for value in node:
                walk(value, key)
        elif isinstance(node, str) and key in ("sources", "contacts", "contact"):
            found["sources" if key == "sources" else "contacts"].setdefault(node, node)
        elif isinstance(node, str) and key in ("pictogram", "voice", "page") and node not in found[f"{key}s"]:
            found[f"{key}s"].append(node)

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
    if name == "voice" and choices.get("voices"):
        return list(choices["voices"]), list(choices["voices"])
    if name == "page":
        pages = [page for page in PAGE_IDS if page in choices.get("pages", PAGE_IDS)]
        return pages, pages
    return None
