"""Where a problem is and what is wrong, in words a person who does not program reads.

A problem's place comes as a path through the file's data (pydantic's `loc`: keys and list
indexes). It is said as a reader names it, "the 2nd step of the 3rd block of the section
threat-online", with the file's line (as Home Assistant does: the YAML is composed again and the
path walked to the nearest node), and pydantic's messages are said again in plain words.
"""

import functools
import os

import yaml

# What one item of a list is called, by the list's name.
ITEM_NOUNS = {
    "cards": "card",
    "sections": "section",
    "blocks": "block",
    "key_messages": "key message",
    "further": "further line",
    "steps": "step",
    "list": "item of the list",
    "actions": "action",
    "notices": "notice",
    "intro": "intro line",
    "urgent": "link under urgent",
    "ways": "link under ways",
    "more": "link under more",
    "sources": "source",
    "contacts": "contact",
    "languages": "language",
    "pages": "page",
    "agencies": "agency",
}
# Fields whose name reads better in other words.
FIELD_WORDS = {
    "p": "paragraph",
    "key_messages": "key messages",
    "further": "further lines",
    "short_name": "short name",
    "adopted_by": "adopted by",
    "tel": "tel (the number's digits)",
}
# What a pattern asks for, in words.
PATTERN_WORDS = {
    r"^[a-z0-9-]+$": "lower-case letters, digits and hyphens only (like only-for-attacks)",
    r"^\+?[0-9]+$": "digits only, with a + in front for a country code (like +14065551234)",
    r"^https://\S+$": "a web address that starts with https://",
    r"^https?://[^/\s]+/\S+$": "a whole web address (https://example.org/page)",
    r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$": "an e-mail address (name@example.org)",
    r"^[0-9]{4}-[0-9]{2}$": "a year and month (2019-01)",
    r"^[0-9]{2,6}$": "2 to 6 digits (like 911, 112 or 10111)",
}


def ordinal(number):
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def in_words(loc, data, entry=None):
    """The place of loc in data, as a reader says it: "the 2nd step of the Deny card".

    entry: what a top-level key of a file of named entries is (a contact, a source)."""
    phrases = []
    node = data
    previous = None
    for index, part in enumerate(loc):
        if part == previous and isinstance(part, str) or (part == "text" and isinstance(previous, int)):
            continue  # a tagged block's tag, then the field of the same name; a line's text is the line
        child = _child(node, part)
        if isinstance(part, int):
            noun = ITEM_NOUNS.get(previous, "item")
            phrases[-1:] = [_named(noun, child) or f"the {ordinal(part + 1)} {noun}"]
        elif index == 0 and entry:
            phrases.append(f"the {entry} {part}")
        else:
            phrases.append(f"the {FIELD_WORDS.get(part, str(part).replace('_', ' '))}")
        node, previous = child, part
    return " of ".join(reversed(phrases))


def _child(node, part):
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _named(noun, item):
    """An item with an id is named by it (a card by its title)."""
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return None
    if noun == "card" and isinstance(item.get("title"), str):
        return f"the {item['title']} card"
    return f"the {noun} {item['id']}"


@functools.lru_cache(maxsize=32)
def _composed(path, _changed):
    """The file's YAML node tree, composed once for all its problems (_changed: its mtime and size,
    so that an edited file is composed afresh); None if unreadable."""
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.compose(fh)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def line_of(path, loc):
    """The line of the file at path where loc is (or its nearest enclosing node's); None if unread."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    node = _composed(str(path), (stat.st_mtime_ns, stat.st_size))
    if node is None:
        return None
    line = None
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        # else: a tagged block's tag, naming the key the path is already at
    return node.start_mark.line + 1 if node is not None else line


def message(error):
    """A pydantic error's message, in plain words."""
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "missing":
        return "missing: this field is required"
    if kind == "string_type":
        return "must be text (write it in double quotes)"
    if kind == "string_too_short":
        return "is empty: write the text"
    if kind == "too_short":
        least, actual = ctx.get("min_length", 1), ctx.get("actual_length", 0)
        return f"needs at least {least} (it holds {actual or 'none'})"
    if kind == "list_type":
        return 'must be a list: lines that each start with "- "'
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "must be a group of fields (name: value lines)"
    if kind == "string_pattern_mismatch":
        return f"must be {PATTERN_WORDS.get(ctx.get('pattern'), 'written as the pattern ' + str(ctx.get('pattern')))}"
    return error["msg"].removeprefix("Value error, ").replace("Input should be", "must be")


def error_problem(shown_as, loc, error, data, path=None, entry=None):
    """One line for one pydantic error at loc (the error's own loc, under where its data sits)."""
    if error["type"] == "extra_forbidden":  # said of the mapping it is in, by its name as written
        name = loc[-1]
        where = "this file" if len(loc) == 1 else "here"
        return problem(shown_as, loc, data, f"{name!r} is not a field of {where} (misspelt?)", path, entry, loc[:-1])
    return problem(shown_as, loc, data, message(error), path, entry)


class Problem(str):
    """One problem as its line of text, which also knows its file and the path to its field (loc),
    so that a form can show it beside that field (the edition studio)."""

    def __new__(cls, text, file=None, loc=()):
        made = super().__new__(cls, text)
        made.file, made.loc = file, tuple(loc)
        return made


def problem(shown_as, loc, data, text, path=None, entry=None, said=None):
    """One line: the file, its line, the place in words and what is wrong (said: the place to name,
    when it is not loc's own)."""
    line = line_of(path, loc) if path is not None else None
    where = in_words(loc if said is None else said, data, entry)
    return Problem(f"{shown_as}{f', line {line}' if line else ''}: {where + ': ' if where else ''}{text}", path, loc)


def yaml_problem(exc, path, shown_as, text=None):
    """A YAML syntax error as one line: the file, the line and column, and what to do, in plain words
    (text: the file's text, when it is not yet written at path)."""
    # An unclosed quote is found where the file ends; it is where the quote opens.
    opened = exc.context_mark if "quoted scalar" in (exc.context or "") else None
    mark = opened or exc.problem_mark or exc.context_mark
    where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    return f"{shown_as}{where}: not valid YAML: {_yaml_advice(exc, _line_text(path, mark, text))}"


def _line_text(path, mark, text=None):
    try:
        if text is None:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        return text.splitlines()[mark.line] if mark else ""
    except (OSError, UnicodeDecodeError, IndexError):
        return ""


def _yaml_advice(exc, line):
    said = f"{exc.context or ''} {exc.problem or ''}"
    value = line.split(":", 1)[1].strip() if ":" in line else line.strip().removeprefix("- ")
    if "\t" in said or "\\t" in said:
        return "this line holds a tab: indent with spaces only"
    if "mapping values are not allowed" in said:
        return 'this text holds a colon (":"): put the whole text in double quotes'
    if "unexpected end of stream" in said or "while scanning a quoted scalar" in said:
        return "a quote mark opens a text that never ends: close it at the end of the text"
    if value.startswith("'") and "'" in value[1:-1]:
        return "this text holds an apostrophe inside single quotes: put the text in double quotes instead"
    if value.startswith('"') and '"' in value[1:-1].replace('\\"', ""):
        return 'this text holds a quote mark inside double quotes: write each one inside as \\"'
    if value.startswith(("@", "`", "%", "*", "&", "!", "|", ">")) and "cannot start any token" in said:
        return f"a text cannot start with {value[0]} as it is: put the whole text in double quotes"
    if "flow sequence" in said or "flow mapping" in said:
        return "a list written in [ ] is not closed, or one of its items holds a comma: check the brackets"
    if "could not find expected ':'" in said:
        return "this line is not name: value (a text that runs over two lines must be in double quotes)"
    if "expected <block end>" in said or "did not find expected" in said or "expected <block" in said:
        return "this line does not line up with the lines above it: check its spaces at the start"
    return exc.problem or exc.context or "cannot be read"
