"""The review sheet: a printable, offline HTML page and a CSV that a native speaker fills in with
no account, and reading the filled-in CSV back into the review records. Beside each crisis string,
a Record button lets an interpreter record it, listen back and save the file for record-audio.

Crisis strings come first, then the rest. Each row carries the sha256 of the English and of the
translation it shows, so a row whose texts changed since the sheet was made is refused.
"""

import base64
import csv
import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path

from flask import render_template

from webapp.translation.glossary import terms_in
from webapp.translation.recordings import sheet_file_name
from webapp.translation.reviews import ROLES, VERDICTS, Review, text_hash

RECORD_SCRIPT = Path(__file__).with_name("review_sheet_record.js")
CSV_COLUMNS = (
    "row",
    "kind",
    "english",
    "translation",
    "glossary",
    "alternatives",
    "english_sha256",
    "translation_sha256",
    "verdict",
    "comment",
    "reviewer",
    "role",
    "date",
)


@dataclass(frozen=True)
class SheetRow:
    number: int
    crisis: bool
    english: str
    translation: str
    glossary: list  # [(term key, approved term, note)]
    alternatives: list  # [(term key, [alternatives])]


def sheet_rows(template, catalog, crisis, terms, glossary):
    """Every string of the template: crisis strings first (in reading order), then the rest."""
    messages = {}
    for message in template:
        if message.id:
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            translated = catalog.get(message.id)
            string = translated.string if translated is not None else ""
            messages[msgid] = string if isinstance(string, str) else string[0]
    ordered = [m for m in crisis if m in messages] + [m for m in messages if m not in set(crisis)]
    rows = []
    for number, msgid in enumerate(ordered, start=1):
        used = [term for term in terms_in(msgid, terms) if term.key in glossary]
        rows.append(
            SheetRow(
                number=number,
                crisis=msgid in crisis,
                english=msgid,
                translation=messages[msgid],
                glossary=[(t.key, glossary[t.key]["term"], glossary[t.key].get("note", t.note)) for t in used],
                alternatives=[(t.key, glossary[t.key].get("alternatives") or []) for t in used],
            )
        )
    return rows


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            writer.writerow(
                [
                    row.number,
                    "crisis" if row.crisis else "other",
                    row.english,
                    row.translation,
                    "; ".join(f"{key}: {term}" for key, term, _note in row.glossary),
                    "; ".join(f"{key}: {' / '.join(alts)}" for key, alts in row.alternatives if alts),
                    text_hash(row.english),
                    text_hash(row.translation),
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )


def write_html(path, rows, language, made_on):
    script = RECORD_SCRIPT.read_text(encoding="utf-8")
    html = render_template(
        "review_sheet.html",
        rows=rows,
        language=language,
        made_on=made_on,
        roles=ROLES,
        verdicts=VERDICTS,
        crisis_count=sum(row.crisis for row in rows),
        recording_name=lambda row: sheet_file_name(language.code, row.english, row.translation),
        record_script=script,
        # The sheet's policy lets this one script run and allows no request at all.
        script_hash=base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode(),
    )
    path.write_text(html, encoding="utf-8")


def read_filled_csv(path, current, reviewer=None, role=None, date=None):
    """(reviews, problems) from a filled-in sheet; current maps English -> translation today.

    A row without a verdict is skipped. A row is refused, with a message naming it, when its
    English or translation changed since the sheet was made, or when it lacks who, role or date.
    """
    reviews, problems = [], []
    by_hash = {text_hash(english): english for english in current}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = set(CSV_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            return [], [f"{path}: not a review sheet (missing columns: {', '.join(sorted(missing))})"]
        for line, record in enumerate(reader, start=2):
            where = f"{path}, line {line} (row {record['row']})"
            verdict = record["verdict"].strip().lower()
            if not verdict:
                continue
            english = by_hash.get(record["english_sha256"].strip())
            if english is None:
                problems.append(f"{where}: the English changed since the sheet was made; make a new sheet")
                continue
            if text_hash(current[english]) != record["translation_sha256"].strip():
                problems.append(f"{where}: the translation changed since the sheet was made; make a new sheet")
                continue
            who = record["reviewer"].strip() or reviewer
            what = record["role"].strip() or role
            when = record["date"].strip() or (date.isoformat() if date else "")
            if verdict not in VERDICTS:
                problems.append(f"{where}: verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
            elif not who or what not in ROLES:
                problems.append(f"{where}: needs a reviewer and a role ({', '.join(ROLES)})")
            else:
                try:
                    day = datetime.date.fromisoformat(when)
                except ValueError:
                    problems.append(f"{where}: date must be YYYY-MM-DD, not {when!r}")
                    continue
                reviews.append(
                    Review(
                        english_sha256=text_hash(english),
                        translation_sha256=text_hash(current[english]),
                        english=english,
                        verdict=verdict,
                        reviewer=who,
                        role=what,
                        date=day,
                        comment=record["comment"].strip(),
                    )
                )
    return reviews, problems
