"""Recordings: a human voice reading one crisis string in one language, tied to the exact text read.

`<edition>/translations/<locale>/recordings.yaml` lists one record per recorded string: its English,
the sha256 of the English and of the translation the speaker read, the MP3 file (in recordings/
beside it, named by its own sha256) and its length. Like a review, a record holds only while both
texts are unchanged: a changed translation silences its recording (the guide falls back to the
device's voice) and `translate check` names it. `translate record-audio` writes them.
"""

import datetime
import hashlib
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from webapp.translation.reviews import HASH_LENGTH, text_hash

RECORDINGS_FILE = "recordings.yaml"
RECORDINGS_FOLDER = "recordings"
HEADER = (
    "# Recordings of the crisis strings in {locale}: one per string, each tied to the exact English and\n"
    "# translation it reads by their sha256. Written by `flask --app webapp translate record-audio`; a\n"
    "# recording plays only while both texts are unchanged.\n"
)


# The review sheet's Record button names each file <code>-<English sha256>-<translation sha256>.
SHEET_FILE_NAME = re.compile(r"(?P<code>[A-Za-z_-]+?)-(?P<english>[0-9a-f]{16})-(?P<translation>[0-9a-f]{16})")


def sheet_file_name(code, english, translation):
    """The name (before its extension) the review sheet's Record button saves a line's recording
    under: what `translate record-audio` reads to know the line, and to refuse it once the
    translation has changed."""
    return f"{code}-{text_hash(english)}-{text_hash(translation)}"


class RecordingError(ValueError):
    """A recordings file is unreadable or a record is malformed."""


@dataclass(frozen=True)
class Recording:
    english: str
    english_sha256: str
    translation_sha256: str
    file: str  # recordings/<sha256 of the MP3>.mp3, relative to the language's folder
    seconds: float
    date: datetime.date

    def holds_for(self, english, translation):
        return self.english_sha256 == text_hash(english) and self.translation_sha256 == text_hash(translation)


def recordings_path(directory, locale):
    return Path(directory) / locale / RECORDINGS_FILE


def read_recordings(directory, locale):
    """Every record of one language, in the file's order; [] if it has none."""
    path = recordings_path(directory, locale)
    if not path.is_file():
        return []
    try:
        records = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("recordings") or []
        recordings = [
            Recording(
                english=str(record["english"]),
                english_sha256=str(record["english_sha256"]),
                translation_sha256=str(record["translation_sha256"]),
                file=str(record["file"]),
                seconds=float(record["seconds"]),
                date=datetime.date.fromisoformat(str(record["date"])),
            )
            for record in records
        ]
    except (OSError, yaml.YAMLError, AttributeError, KeyError, TypeError, ValueError) as error:
        raise RecordingError(f"{path}: cannot be read ({error}); make it again with translate record-audio") from None
    for recording in recordings:
        if Path(recording.file).parent != Path(RECORDINGS_FOLDER) or not (path.parent / recording.file).is_file():
            raise RecordingError(f"{path}: the recording of {recording.english[:60]!r} has no file {recording.file}")
    return recordings


def write_recordings(directory, locale, recordings):
    path = recordings_path(directory, locale)
    records = [{**asdict(r), "date": r.date.isoformat()} for r in recordings]
    body = yaml.safe_dump({"recordings": records}, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(HEADER.format(locale=locale) + body, encoding="utf-8")


def audio_file(directory, locale, recording):
    return Path(directory) / locale / recording.file


def file_name_for(mp3):
    """Where a recording's MP3 goes: named by its own content, so that its address never serves
    two different recordings (it can be kept by a browser for a year)."""
    return f"{RECORDINGS_FOLDER}/{hashlib.sha256(mp3).hexdigest()[:HASH_LENGTH]}.mp3"


def holding(recordings, texts):
    """{English: recording} of the records that hold for today's texts ({English: translation})."""
    return {r.english: r for r in recordings if r.english in texts and r.holds_for(r.english, texts[r.english] or "")}


def silenced(recordings, texts):
    """Records that no longer hold: [(recording, why)], why in words for `translate check`."""
    found = []
    for recording in recordings:
        if recording.english not in texts:
            found.append((recording, "the guide no longer has this string"))
        elif not recording.holds_for(recording.english, texts[recording.english] or ""):
            found.append((recording, "its translation changed since it was recorded"))
    return found


def replaced(recordings, new):
    """The records with new in place of any earlier recording of the same English."""
    return [r for r in recordings if r.english != new.english] + [new]


def unused_files(directory, locale, recordings):
    """MP3 files in the language's recordings/ that no record names (a replaced recording's)."""
    folder = Path(directory) / locale / RECORDINGS_FOLDER
    named = {Path(r.file).name for r in recordings}
    return [path for path in sorted(folder.glob("*.mp3")) if path.name not in named] if folder.is_dir() else []
