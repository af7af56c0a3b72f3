"""The records an edition keeps beside its catalogs (reviews, pictogram tests, recordings), checked
as `edition check` checks its other files: a broken one is a problem named in one line, found
before the app is started on it."""

from pathlib import Path

from webapp.translation.languages import known_languages
from webapp.translation.pictogram_tests import PictogramTestError, read_tests
from webapp.translation.recordings import RecordingError, read_recordings
from webapp.translation.reviews import ReviewError, read_reviews


def record_problems(edition_path, language_codes):
    """[problem] of the edition's records, for each of its languages."""
    directory = Path(edition_path) / "translations"
    known = known_languages()
    problems = []
    for code in language_codes:
        language = known.get(code)
        if language is None:
            continue  # edition.yaml's own check names it
        for read in (read_reviews, read_tests, read_recordings):
            try:
                read(directory, language.locale)
            except (ReviewError, PictogramTestError, RecordingError) as error:
                problems.append(str(error))
    return problems
