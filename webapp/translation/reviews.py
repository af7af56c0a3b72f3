"""Review records: a reviewer's verdict on one translated string, tied to the exact texts judged.

`translations/<locale>/reviews.yaml` holds one record per string a reviewer judged: the sha256 of
the English and of the translation, the verdict, who reviewed in what role, and when. A record
counts only while both texts are unchanged, so editing either undoes the review. Catalogs stay
standard gettext; these files sit beside them, readable and kept in git.
"""

import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

REVIEWS_FILE = "reviews.yaml"
# Roles whose approval makes a string "reviewed by a native speaker"; a second opinion never does.
ROLES = ("native-speaker", "community-interpreter", "second-opinion")
NATIVE_ROLES = ("native-speaker", "community-interpreter")
VERDICTS = ("approved", "needs-change")
HASH_LENGTH = 16
HEADER = (
    "# Review records for {locale}: one per string a reviewer judged, tied to the exact English and\n"
    "# translation by their sha256. Written by `flask --app webapp translate record-review`; a record\n"
    "# counts only while both texts are unchanged.\n"
)


class ReviewError(ValueError):
    """A review file is unreadable or a record is malformed."""


def text_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class Review:
    english_sha256: str
    translation_sha256: str
    english: str
    verdict: str
    reviewer: str
    role: str
    date: datetime.date
    comment: str = ""

    def holds_for(self, english, translation):
        """True while the English and the translation are the very texts that were judged."""
        return self.english_sha256 == text_hash(english) and self.translation_sha256 == text_hash(translation)

    def approves_as_native(self):
        return self.verdict == "approved" and self.role in NATIVE_ROLES

    def as_record(self):
        record = {
            "english": self.english,
            "english_sha256": self.english_sha256,
            "translation_sha256": self.translation_sha256,
            "verdict": self.verdict,
            "reviewer": self.reviewer,
            "role": self.role,
            "date": self.date.isoformat(),
        }
        if self.comment:
            record["comment"] = self.comment
        return record


def reviews_path(translations_dir, locale):
    return Path(translations_dir) / locale / REVIEWS_FILE


def read_reviews(translations_dir, locale):
    """Every record of one language, oldest first; [] if it has none."""
    path = reviews_path(translations_dir, locale)
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ReviewError(f"Cannot read {path}: {exc}") from exc
    reviews = []
    for index, record in enumerate(data.get("reviews") or []):
        try:
            review = Review(
                english_sha256=str(record["english_sha256"]),
                translation_sha256=str(record["translation_sha256"]),
                english=str(record.get("english", "")),
                verdict=str(record["verdict"]),
                reviewer=str(record["reviewer"]),
                role=str(record["role"]),
                date=datetime.date.fromisoformat(str(record["date"])),
                comment=str(record.get("comment") or ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ReviewError(f"{path}: reviews[{index}] is not a complete record ({exc})") from exc
        if review.role not in ROLES or review.verdict not in VERDICTS:
            raise ReviewError(f"{path}: reviews[{index}]: role must be one of {ROLES}, verdict one of {VERDICTS}")
        reviews.append(review)
    return reviews


def write_reviews(translations_dir, locale, reviews):
    body = yaml.safe_dump(
        {"reviews": [review.as_record() for review in reviews]}, sort_keys=False, allow_unicode=True, width=100
    )
    reviews_path(translations_dir, locale).write_text(HEADER.format(locale=locale) + body, encoding="utf-8")


@dataclass(frozen=True)
class StringStatus:
    reviewed: bool  # approved by a native speaker or community interpreter, texts unchanged
    date: datetime.date | None = None


def string_status(reviews, english, translation):
    """The latest native review that still holds for these texts decides."""
    holding = [r for r in reviews if r.role in NATIVE_ROLES and r.holds_for(english, translation)]
    if not holding:
        return StringStatus(False)
    latest = max(holding, key=lambda r: r.date)
    return StringStatus(latest.verdict == "approved", latest.date)


def strings_status(reviews, pairs):
    """Whether every (english, translation) pair is reviewed, and the latest review date if so."""
    statuses = [string_status(reviews, english, translation) for english, translation in pairs]
    if not statuses or not all(status.reviewed for status in statuses):
        return StringStatus(False)
    return StringStatus(True, max(status.date for status in statuses))
