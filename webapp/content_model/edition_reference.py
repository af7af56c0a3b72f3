"""The field reference, made from the models: every file of an edition, every field and block in
plain words (each field's docstring), with one real example from the Missoula edition; and a JSON
Schema for each file, beside the starter edition, for editors that complete fields as you type.

`flask --app webapp edition reference` writes both; a test fails when they are not current.
"""

import datetime
import json
import re
import types
import typing
from pathlib import Path

import yaml
from pydantic import BaseModel

from webapp.content_model.blocks import BLOCKS, Section, SourcedSection
from webapp.content_model.content_schema import KeyMessage, Message
from webapp.content_model.edition import DEFAULT_EDITION
from webapp.content_model.edition_schema import EditionFile
from webapp.content_model.page_registry import ENTRY_FILES, PAGES, SHARED_CONTENT
from webapp.content_model.pictograms import recipes
from webapp.settings import PROJECT_ROOT

REFERENCE = PROJECT_ROOT / "docs" / "edition-reference.md"
SCHEMAS = Path(__file__).resolve().parent / "starter_edition" / "schemas"


def edition_files():
    """[(file in the edition, model, what an entry is or None)], in the order a district writes them."""
    files = [("edition.yaml", EditionFile, None)]
    files += [(f"content/{stem}.yaml", model, entry) for stem, (model, entry) in ENTRY_FILES.items()]
    files += [(f"content/{page.content}.yaml", page.model, None) for page in PAGES.values() if page.model]
    files += [(f"content/{stem}.yaml", model, None) for stem, model in SHARED_CONTENT.items()]
    return files


def schema_name(file):
    return Path(file).stem + ".schema.json"


def _doc(model):
    """(title, the rest) of a model's docstring: its words up to the first colon or semicolon."""
    text = " ".join(line.strip() for line in (model.__doc__ or model.__name__).strip().split("\n"))
    title, rest = (re.split(r": |; ", text, maxsplit=1) + [""])[:2]
    return title.rstrip("."), rest.strip()


def _title(model):
    return _doc(model)[0]


def _link(model):
    title = _title(model)
    return f"[{title[0].lower() + title[1:]}](#{_anchor(model)})"


def _anchor(model):
    return model.__name__.lower()


def _inner(annotation):
    """The annotation without Annotated[...] and None."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _inner(args[0])
        return typing.Union[tuple(_inner(a) for a in args)]  # noqa: UP007
    return annotation


def models_in(annotation):
    """The models a field holds (a list's items', a union's)."""
    annotation = _inner(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in models_in(arg)]


def _kind(annotation):
    """What a field holds, in words."""
    annotation = _inner(annotation)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is str:
        return "text"
    if annotation is bool:
        return "true or false"
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" if not isinstance(a, bool) else "`true`" for a in args)
    if origin in (typing.Union, types.UnionType):
        if datetime.date in args:
            return "a date"
        if set(args) == set(BLOCKS.values()):
            return "a [block](#blocks)"
        return " or ".join(_kind(a) for a in args)
    if origin is list:
        item = _inner(args[0])
        if isinstance(item, type) and issubclass(item, KeyMessage):
            return f"a list; each item is {_link(item)}, written with text: and its other fields"
        if isinstance(item, type) and issubclass(item, Message):
            return f"a list of lines: each is its text alone, or a [line]({'#' + _anchor(item)}) with its fields"
        return f"a list; each item is {_kind(args[0])}"
    if origin is dict:
        return "names, each with a text"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _link(annotation)
    return getattr(annotation, "__name__", str(annotation))


def example_text(value, limit=110):
    """A value as one line (JSON is YAML too, with its text in double quotes)."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _gather(model, nodes, examples):
    """Record the first value of each field of model found in nodes (the edition's data), and go on
    into the models its fields hold."""
    nodes = [node for node in nodes if isinstance(node, dict)]
    if model in BLOCKS.values():
        nodes = [node for node in nodes if BLOCKS.get(next(iter(node), None)) is model]
    for name, field in model.model_fields.items():
        values = [node[name] for node in nodes if name in node]
        if values and (model, name) not in examples:
            examples[(model, name)] = values[0]
        inner = [v for value in values for v in (value if isinstance(value, list) else [value])]
        for child in models_in(field.annotation):
            _gather(child, inner, examples)


def field_examples(edition_path):
    examples = {}
    for file, model, entry in edition_files():
        path = Path(edition_path) / file
        if not path.is_file():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        _gather(model, list(data.values()) if entry else [data], examples)
    return examples


def every_model():
    """Every model an edition's files hold, each once, in the order they are first met."""
    seen = []

    def visit(model):
        if model in seen:
            return
        seen.append(model)
        for field in model.model_fields.values():
            for child in models_in(field.annotation):
                visit(child)

    for _file, model, _entry in edition_files():
        visit(model)
    return seen


def _fields(model, examples):
    lines = []
    for name, field in model.model_fields.items():
        need = "required" if field.is_required() else "optional"
        described = " ".join((field.description or "").split())
        lines.append(f"- **`{name}`** ({need}; {_kind(field.annotation)}): {described}")
        if (model, name) in examples:
            lines.append(f"  Example: `{example_text(examples[(model, name)])}`")
    return lines


def _address(rule):
    """A URL rule as a reader types the address: /en/cards/<card id>/."""
    return re.sub(r"<(?:\w+:)?lang>", "en", rule).replace("<card_id>", "<card id>")


def _pages(url_rules):
    """The Pages section: each page type's id, address and content file (the page registry's)."""
    lines = [
        "## Pages",
        "",
        "The pages an edition may list in edition.yaml's `pages`, with their address in English:",
        "",
    ]
    for page in PAGES.values():
        needs = f"; needs {', '.join(f'`{n}`' for n in page.needs)}" if page.needs else ""
        required = "; required" if page.required else ""
        content = f"`content/{page.content}.yaml`" if page.content else "no content file"
        lines.append(f"- `{page.id}`: `{_address(url_rules[page.endpoint])}`, from {content}{required}{needs}")
        for sub in page.subpages:
            if sub.is_page:
                lines.append(f"  - and `{_address(url_rules[sub.endpoint])}`")
    return [*lines, ""]


def reference_text(url_rules, edition_path=DEFAULT_EDITION):
    """docs/edition-reference.md, as the models say it today (url_rules: {endpoint: URL rule}, the
    app's)."""
    examples = field_examples(edition_path)
    out = [
        "# Edition reference",
        "",
        "Every file of an edition, every field and every block, made from the guide's models by",
        "`flask --app webapp edition reference` (a test fails when this page is out of date). Each example",
        "is the first value the Missoula edition (`editions/missoula/`) gives; read that edition for a",
        "whole one. Text is written in double quotes; a list is lines that start with `- `, or `[a, b]`.",
        "`edition check` names every problem with its file, its line and the field in words.",
        "",
        "Editors that read JSON Schema (VS Code with its YAML extension, for one) complete fields and",
        "show problems as you type: the starter edition's files name their schema in their first line",
        "(`schemas/` beside them).",
        "",
        "In the edition studio (`scripts/studio DIR`), each file below is a form with the same fields, help and",
        "examples; a file of entries by id (sources, contacts) is a list there, each entry with its short name.",
        "",
        "## Files",
        "",
    ]
    for file, model, entry in edition_files():
        out.append(f"- `{file}`: {f'{entry}s by id, each {_link(model)}' if entry else _link(model)}")
    out += ["", *_pages(url_rules), "## Fields", ""]
    for model in every_model():
        out += [f'<a id="{_anchor(model)}"></a>', f"### {_title(model)}", ""]
        rest = _doc(model)[1]
        if rest:
            out += [rest[0].upper() + rest[1:], ""]
        if model in (Section, SourcedSection):
            out += ["A section's blocks are any of the [blocks](#blocks).", ""]
        out += [*_fields(model, examples), ""]
    out += [
        "## Pictograms",
        "",
        "Each key message and protocol action names its pictogram: one of these, drawn from Material",
        "Design Icons (Pictogrammers, Apache License 2.0), or an SVG of your own in the edition's",
        "`pictograms/` folder (shapes only, in `currentColor`; the check refuses anything else).",
        "",
    ]
    for pictogram_id, recipe in recipes().items():
        out.append(f"- `{pictogram_id}` ![](../webapp/content_model/pictograms/{pictogram_id}.svg): {recipe['means']}")
    out += ["", "## Blocks", "", "Each block is one line that starts with its kind:", ""]
    for kind, model in BLOCKS.items():
        example = examples.get((model, kind))
        shown = f" Example: `{example_text({kind: example})}`" if example is not None else ""
        out.append(f"- **`{kind}`**: {_title(model)}.{shown}")
    return "\n".join(out) + "\n"


def schema_line(file):
    """The first line of a starter file: where an editor finds its JSON Schema."""
    folder = "" if "/" not in file else "../"
    return f"# yaml-language-server: $schema={folder}schemas/{schema_name(file)}\n"


def json_schemas():
    """{file name: JSON Schema text} of every file of an edition."""
    schemas = {}
    for file, model, entry in edition_files():
        schema = model.model_json_schema()
        if entry:
            defs = schema.pop("$defs", {})
            schema = {"type": "object", "additionalProperties": schema, **({"$defs": defs} if defs else {})}
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": file, **schema}
        schemas[schema_name(file)] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    return schemas


def url_rules(app):
    return {rule.endpoint: rule.rule for rule in app.url_map.iter_rules()}


def write_reference(app):
    """Write docs/edition-reference.md and the starter edition's schemas; return what was written."""
    REFERENCE.write_text(reference_text(url_rules(app)), encoding="utf-8")
    SCHEMAS.mkdir(exist_ok=True)
    for name, text in json_schemas().items():
        (SCHEMAS / name).write_text(text, encoding="utf-8")
    for file, _model, _entry in edition_files():
        path = SCHEMAS.parent / file
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if not text.startswith(schema_line(file)):
                path.write_text(schema_line(file) + text, encoding="utf-8")
    return [REFERENCE, SCHEMAS]
