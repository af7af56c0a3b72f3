"""Comprehension tests of the pictograms, in the spirit of ISO 9186-1: each pictogram is shown alone,
numbered, with "What would you do?" in the reader's language; the person giving the test records
each answer as understood, partly understood or not understood.

`translate pictogram-sheet LANG` writes the printable sheet and a CSV to fill in;
`translate record-pictograms LANG CSV` keeps the counts in <layer>/<locale>/pictogram-tests.yaml,
each record tied to the sha256 of the pictogram shown (a redrawn pictogram is tested afresh). The
About page states the share understood, or that none has been tested yet.
"""

import csv
import datetime
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from webapp.content_model.crisis_text import crisis_texts
from webapp.translation.reviews import text_hash

TESTS_FILE = "pictogram-tests.yaml"
ANSWERS = ("understood", "partly", "not_understood")
CSV_COLUMNS = ("number", "pictogram", "means", "pictogram_sha256", *ANSWERS, "tested_by", "date")
HEADER = (
    "# Comprehension tests of the pictograms in {locale}: how many readers understood each one, tied to\n"
    "# the pictogram shown by its sha256. Written by `flask --app webapp translate record-pictograms`.\n"
)


class PictogramTestError(ValueError):
    pass


def drawing_hash(pictogram):
    return text_hash(f"{pictogram.view_box}|{pictogram.shapes}")


@dataclass(frozen=True)
class PictogramTest:
    pictogram: str
    pictogram_sha256: str
    understood: int
    partly: int
    not_understood: int
    tested_by: str
    date: datetime.date

    @property
    def answers(self):
        return self.understood + self.partly + self.not_understood


def used_pictograms(guide):
    """[(pictogram id, the line it stands beside)] of the edition, each once, in reading order: the
    key messages', then the protocol actions'."""
    used = {}
    for _file, _where, text in crisis_texts(guide):
        for line in text["key_messages"]:
            used.setdefault(line["pictogram"], line["text"])
    for action in guide.protocol["actions"]:
        used.setdefault(action["pictogram"], action["action"])
    return list(used.items())


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for number, (pictogram, means) in enumerate(rows, start=1):
            writer.writerow(
                {
                    "number": number,
                    "pictogram": pictogram.id,
                    "means": means,
                    "pictogram_sha256": drawing_hash(pictogram),
                }
            )


def read_filled_csv(path, pictograms):
    """(tests, problems) of a filled-in sheet: one PictogramTest per row with answers."""
    tests, problems = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            where = f"{path}, line {line}"
            counts = [(row.get(answer) or "").strip() for answer in ANSWERS]
            if not any(counts):
                continue
            try:
                understood, partly, not_understood = (int(count or 0) for count in counts)
            except ValueError:
                problems.append(f"{where}: understood, partly and not_understood must be whole numbers")
                continue
            pictogram = pictograms.get(row.get("pictogram", ""))
            if pictogram is None or drawing_hash(pictogram) != row.get("pictogram_sha256"):
                problems.append(f"{where}: the pictogram {row.get('pictogram')!r} changed since the sheet was made")
                continue
            try:
                day = datetime.date.fromisoformat((row.get("date") or "").strip())
            except ValueError:
                problems.append(f"{where}: date must be written 2026-12-31")
                continue
            tested_by = (row.get("tested_by") or "").strip()
            if not tested_by:
                problems.append(f"{where}: tested_by must say who gave the test")
                continue
            tests.append(
                PictogramTest(pictogram.id, drawing_hash(pictogram), understood, partly, not_understood, tested_by, day)
            )
    return tests, problems


def tests_path(directory, locale):
    return Path(directory) / locale / TESTS_FILE


def read_tests(directory, locale):
    path = tests_path(directory, locale)
    if not path.is_file():
        return []
    try:
        records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        return [PictogramTest(**record) for record in records]
    except (yaml.YAMLError, TypeError) as error:
        raise PictogramTestError(f"{path}: cannot be read ({error})") from None


def write_tests(directory, locale, tests):
    path = tests_path(directory, locale)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump([asdict(test) for test in tests], allow_unicode=True, sort_keys=False)
    path.write_text(HEADER.format(locale=locale) + body, encoding="utf-8")


def share_understood(tests, pictograms, used):
    """(share understood, answers) over the tests of the pictograms in use as they are drawn today;
    None when none has been tested."""
    current = {pictogram_id: drawing_hash(pictograms[pictogram_id]) for pictogram_id, _line in used}
    counted = [test for test in tests if current.get(test.pictogram) == test.pictogram_sha256]
    answers = sum(test.answers for test in counted)
    if not answers:
        return None
    return sum(test.understood for test in counted) / answers, answers
