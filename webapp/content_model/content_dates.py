"""When each content file last changed: a record of its sha256 and the date it changed.

The record (`changes.yaml` in the content folder) is written by `flask --app webapp content
dates`, never by hand, and a test fails when it is out of date. A file whose bytes no longer match
its record shows no date at all: the guide never shows a date it cannot vouch for.
"""

import datetime
import hashlib
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from webapp.content_model.edition import EditionError, read_yaml, shown_path, validated

RECORD_NAME = "changes.yaml"
HEADER = (
    "# When each content file last changed, by its sha256. Written by `flask --app webapp content dates`;\n"
    "# do not edit by hand (a test checks that it matches the files).\n"
)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _content_files(content_dir):
    return sorted(p for p in Path(content_dir).glob("*.yaml") if p.name != RECORD_NAME)


class Change(BaseModel):
    """One file's entry in the record."""

    model_config = ConfigDict(extra="forbid")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    changed: datetime.date


class Record(BaseModel):
    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, Change]


def read_record(content_dir):
    """{file name: its Change}; EditionError if the record was changed by hand into something else."""
    path = Path(content_dir) / RECORD_NAME
    if not path.is_file():
        return {}
    shown = shown_path(path)
    data = read_yaml(path, shown) or {}
    try:
        return validated(Record, data, shown, path=path, entry="entry for").__pydantic_extra__
    except EditionError as error:
        again = "; it is written by `flask --app webapp content dates`: run that again"
        raise EditionError([problem + again for problem in error.problems]) from None


def changed_dates(content_dir):
    """{file stem: date it last changed}, only for files whose record matches their bytes."""
    record = read_record(content_dir)
    dates = {}
    for path in _content_files(content_dir):
        entry = record.get(path.name)
        if entry and entry.sha256 == _digest(path):
            dates[path.stem] = entry.changed
    return dates


def stale_files(content_dir):
    """Content files whose record is missing or does not match their bytes."""
    return [p.name for p in _content_files(content_dir) if p.stem not in changed_dates(content_dir)]


def refresh_record(content_dir, today=None):
    """Give every changed or new file today's date; return the names that changed."""
    today = today or datetime.date.today()
    try:
        record = read_record(content_dir)
    except EditionError:
        record = {}  # written afresh
    updated = []
    fresh = {}
    for path in _content_files(content_dir):
        digest = _digest(path)
        entry = record.get(path.name)
        if not entry or entry.sha256 != digest:
            entry = Change(sha256=digest, changed=today)
            updated.append(path.name)
        fresh[path.name] = {"sha256": entry.sha256, "changed": entry.changed.isoformat()}
    body = yaml.safe_dump(fresh, sort_keys=True, allow_unicode=True)
    (Path(content_dir) / RECORD_NAME).write_text(HEADER + body, encoding="utf-8")
    return updated
