"""The edition's files as the studio reads and writes them: only the files an edition has, only
inside its folder, read as data and written back through ruamel.yaml's round trip (comments, order
and quotes kept), atomically, and never over a version the person did not see.
"""

import datetime
import hashlib
import io
import os
import tempfile
from pathlib import Path

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from webapp.content_model.content import TRANSLATABLE_KEYS
from webapp.content_model.edition_reference import edition_files
from webapp.content_model.field_words import yaml_problem

MAX_BYTES = 512 * 1024  # the largest content file of the Missoula edition is 20 KB


class FileRefused(ValueError):
    """A file the studio does not read or write, or a value it cannot keep: said in one line."""


class BrokenFile(FileRefused):
    """A file that is not valid YAML: the studio shows its text to mend, with edition check's line."""

    def __init__(self, name, text, version, mistake=None):
        super().__init__(mistake or yaml_mistake(name, text) or f"{name} cannot be read as YAML")
        self.text, self.version = text, version


def yaml_mistake(name, text):
    """edition check's one line for a YAML mistake in text (a colon, an apostrophe), or None."""
    try:
        pyyaml.safe_load(text)
    except pyyaml.MarkedYAMLError as error:
        return yaml_problem(error, None, name, text)
    except pyyaml.YAMLError as error:
        return f"{name}: not valid YAML: {str(error).splitlines()[0]}"
    try:
        _yaml().load(text)  # stricter than edition check's reader: a key twice in one block
    except YAMLError as error:
        return f"{name}: not valid YAML: {str(error).splitlines()[0]}"
    return None


def editable_files():
    """{name as the studio shows it (content/cards.yaml): the schema's file name} of an edition."""
    return {file: file for file, _model, _entry in edition_files()}


def _yaml():
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a sentence over lines: a diff then shows what changed
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def inside(edition, name):
    """The path of one of the edition's files, refused unless it is one of its files and stays inside
    its folder once every symbolic link is followed."""
    if name not in editable_files():
        raise FileRefused(f"{name!r} is not one of an edition's files")
    root = Path(edition).resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root):
        raise FileRefused(f"{name} leads outside the edition's folder")
    return path


def version_of(data):
    return hashlib.sha256(data).hexdigest()


def read(edition, name):
    """(the file's data as plain JSON-able values, its version): {} and "" for a missing file."""
    path = inside(edition, name)
    if not path.is_file():
        return {}, ""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FileRefused(f"{name} is not text: replace it with the starter edition's file") from None
    try:
        data = _yaml().load(text)
    except YAMLError:
        raise BrokenFile(name, text, version_of(raw)) from None
    return _plain(data), version_of(raw)


def read_text(edition, name):
    """(the file's text, its version)."""
    raw = inside(edition, name).read_bytes()
    return raw.decode("utf-8", errors="replace"), version_of(raw)


def load_document(raw):
    """A YAML file's bytes as ruamel's round-trip document (comments and quotes kept), None if empty."""
    return _yaml().load(raw.decode("utf-8")) if raw else None


def document_bytes(document):
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue().encode("utf-8")


def _plain(node):
    if isinstance(node, dict):
        return {str(key): _plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_plain(value) for value in node]
    if isinstance(node, datetime.date):
        return node.isoformat()  # a form's text, and back as a date (merged)
    return node


def checked_value(value, where="the file"):
    """value, refused in one line if it holds what no field of an edition takes: a control
    character (a binary file pasted in), or anything but text, numbers, lists and mappings."""
    if isinstance(value, str):
        if any(ord(c) < 32 and c not in "\n\t" for c in value) or "\ufffd" in value:
            raise FileRefused(f"{where} holds characters that are not text (was a file pasted in?)")
        return value
    if isinstance(value, bool | int | float) or value is None:
        return value
    if isinstance(value, list):
        return [checked_value(v, where) for v in value]
    if isinstance(value, dict):
        return {str(k): checked_value(v, f"{where}, {k}") for k, v in value.items()}
    raise FileRefused(f"{where} holds a value that is not text, a number, a list or a mapping")


def merged(old, new, key=None):
    """new, written into old's nodes where they match, so that comments, order and quoting survive;
    a new text of a field people read is written in double quotes, as the starter edition writes it."""
    if isinstance(new, dict):
        target = old if isinstance(old, CommentedMap) else CommentedMap()
        # A form leaves out what is empty: an empty field written in the file stays as it was.
        for gone in [k for k in target if k not in new and target[k] not in ("", None, [], {})]:
            del target[gone]
        for name, value in new.items():
            if name not in target and value in ("", None, [], {}):
                continue  # nor is an empty field the form gives written in
            target[name] = merged(target.get(name), value, name)
        return target
    if isinstance(new, list):
        target = old if isinstance(old, CommentedSeq) else CommentedSeq()
        # Item by item, in place: the comments and blank lines kept with each item stay with it.
        for index, value in enumerate(new):
            if index < len(target):
                target[index] = merged(target[index], value, key)
            else:
                target.append(merged(None, value, key))
        while len(target) > len(new):
            del target[-1]
        return target
    if isinstance(new, str):
        if old == new or (isinstance(old, datetime.date) and old.isoformat() == new):
            return old
        if isinstance(old, datetime.date):
            try:
                return datetime.date.fromisoformat(new)  # still a date, written as one
            except ValueError:
                pass
        # ruamel quotes whatever needs it (a colon, an apostrophe); text people read is written in
        # double quotes, as the starter edition writes it.
        quoted = isinstance(old, DoubleQuotedScalarString) or (old is None and key in TRANSLATABLE_KEYS)
        return DoubleQuotedScalarString(new) if quoted else new
    return new


def write(edition, name, data, seen_version):
    """Write data into the file if it is still the version the person opened (seen_version; "" for a
    file that did not exist); returns the new version. Atomic: a failed write (a full disk) leaves
    the file as it was."""
    path = inside(edition, name)
    current = path.read_bytes() if path.is_file() else b""
    if version_of(current) != seen_version and not (seen_version == "" and not current):
        raise VersionConflict(version_of(current))
    return replace_atomically(path, document_bytes(merged(load_document(current), checked_value(data))))


def write_text(edition, name, text, seen_version):
    """Write a file's text as mended in the studio, if it is valid YAML and still the version the
    person opened; returns the new version. Broken YAML is refused with edition check's line."""
    path = inside(edition, name)
    current = path.read_bytes() if path.is_file() else b""
    if version_of(current) != seen_version:
        raise VersionConflict(version_of(current))
    checked_value(text, name)
    mistake = yaml_mistake(name, text)
    if mistake:
        raise FileRefused(f"Not saved: {mistake}")
    return replace_atomically(path, text.encode("utf-8"))


def replace_atomically(path, body):
    """Write body as the file at path, whole or not at all (a full disk leaves the file as it was);
    returns the new version."""
    if len(body) > MAX_BYTES:
        raise FileRefused(
            f"{path.name} would be {len(body) // 1024} KB; an edition's file holds at most {MAX_BYTES // 1024} KB"
        )
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".saving")
    try:
        with os.fdopen(descriptor, "wb") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return version_of(body)


class VersionConflict(Exception):
    """The file changed since the person opened it (another tab, another program)."""

    def __init__(self, current_version):
        super().__init__(current_version)
        self.current_version = current_version
