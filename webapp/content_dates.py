"""When each content file last changed: a record of its sha256 and the date it changed.

The record (`changes.yaml` in the content folder) is written by `flask --app webapp content
dates`, never by hand, and a test fails when it is out of date. A file whose bytes no longer match
its record shows no date at all: the guide never shows a date it cannot vouch for.
"""

import datetime
import hashlib
from pathlib import Path

import yaml

RECORD_NAME = "changes.yaml"
HEADER = (
    "# When each content file last changed, by its sha256. Written by `flask --app webapp content dates`;\n"
    "# do not edit by hand (a test checks that it matches the files).\n"
)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _content_files(content_dir):
    return sorted(p for p in Path(content_dir).glob("*.yaml") if p.name != RECORD_NAME)


def read_record(content_dir):
    path = Path(content_dir) / RECORD_NAME
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def changed_dates(content_dir):
    """{file stem: date it last changed}, only for files whose record matches their bytes."""
    record = read_record(content_dir)
    dates = {}
    for path in _content_files(content_dir):
        entry = record.get(path.name) or {}
        if entry.get("sha256") == _digest(path):
            dates[path.stem] = datetime.date.fromisoformat(str(entry["changed"]))
    return dates


def stale_files(content_dir):
    """Content files whose record is missing or does not match their bytes."""
    return [p.name for p in _content_files(content_dir) if p.stem not in changed_dates(content_dir)]


def refresh_record(content_dir, today=None):
    """Give every changed or new file today's date; return the names that changed."""
    today = today or datetime.date.today()
    record = read_record(content_dir)
    updated = []
    fresh = {}
    for path in _content_files(content_dir):
        digest = _digest(path)
        entry = record.get(path.name)
        if not entry or entry.get("sha256") != digest:
            entry = {"sha256": digest, "changed": today.isoformat()}
            updated.append(path.name)
        fresh[path.name] = entry
    body = yaml.safe_dump(fresh, sort_keys=True, allow_unicode=True)
    (Path(content_dir) / RECORD_NAME).write_text(HEADER + body, encoding="utf-8")
    return updated
