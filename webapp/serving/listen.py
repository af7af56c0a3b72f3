"""What Listen says: each crisis string in a human voice where the edition has a recording of it,
and its words for the device's own voice otherwise (static/js/listen.js).

Each language has /<lang>/listen.json ({key: {text, audio}}, a crisis string's key being the sha256
of its English, as the pages mark it with data-say) and its recordings' MP3s, all saved with the
language's offline copy. A family that reads French and speaks Swahili hears Swahili's: Listen reads
the other language's file. A recording plays only while it holds for today's translation.
"""

from pathlib import Path

from flask import Blueprint, abort, current_app, g, url_for
from flask_babel import gettext

from webapp.content_model.edition import EditionError
from webapp.serving.response_cache import IMMUTABLE, prepared
from webapp.serving.served_edition import edition_folder, guide
from webapp.translation.glossary import crisis_strings
from webapp.translation.i18n import (
    content_plain_text,
    in_language,
    is_translated,
    pull_language,
    push_language,
    served_languages,
)
from webapp.translation.recordings import RecordingError, audio_file, holding, read_recordings
from webapp.translation.reviews import text_hash

bp = Blueprint("listen", __name__)
bp.url_value_preprocessor(pull_language)
bp.url_defaults(push_language)


def init_app(app, languages):
    """Read every language's recordings once; an unreadable record stops the app like any other
    problem of the edition."""
    directory = Path(app.extensions["edition"].path) / "translations"
    try:
        app.extensions["recordings"] = {lang.code: read_recordings(directory, lang.locale) for lang in languages}
    except RecordingError as error:
        raise EditionError([str(error)]) from None
    app.add_template_filter(say_key)
    app.context_processor(lambda: {"recorded_languages": recorded_languages})
    app.register_blueprint(bp)


def say_key(english):
    """The key a crisis string is marked with on the page (data-say) and known by in listen.json."""
    return text_hash(str(english))


def playable(language):
    """{English: recording} of a language's recordings that hold for today's translations (worked
    out once per process: the catalogs and the records do not change while it runs)."""
    found = current_app.extensions.setdefault("playable_recordings", {})
    if language.code not in found:
        with in_language(language):
            texts = {s: s if language.is_source else gettext(s) for s in crisis_strings(guide()) if is_translated(s)}
        found[language.code] = holding(current_app.extensions["recordings"].get(language.code, []), texts)
    return found[language.code]


def recorded_languages():
    """The codes of the languages with at least one recording that plays (Listen offers them even
    where the device has no voice)."""
    return [language.code for language in served_languages() if playable(language)]


def recording_urls(language):
    return [url_for("listen.recording", lang=language.code, name=Path(r.file).stem) for r in _recordings(language)]


def listen_urls(language):
    """What a language's offline copy holds for Listen: its lines, then its recordings."""
    return [url_for("listen.lines", lang=language.code), *recording_urls(language)]


def _recordings(language):
    return list(playable(language).values())


@bp.get("/<lang:lang>/listen.json")
@prepared(mimetype="application/json")
def lines():
    """Every translated crisis string of the language: its words, and its recording if it has one."""
    recorded = playable(g.language)
    spoken = {}
    for english in crisis_strings(guide()):
        if not is_translated(english):
            continue  # its English would be read in this language's voice
        line = {"text": content_plain_text(english)}
        if english in recorded:
            line["audio"] = url_for("listen.recording", name=Path(recorded[english].file).stem)
        spoken[say_key(english)] = line
    return current_app.json.dumps({"lines": spoken}, ensure_ascii=False)


@bp.get("/<lang:lang>/recordings/<name>.mp3")
@prepared(mimetype="audio/mpeg", cache_control=IMMUTABLE)
def recording(name):
    """One recording, by the name its content gave it: kept by browsers for a year."""
    match = next((r for r in _recordings(g.language) if Path(r.file).stem == name), None)
    if match is None:
        abort(404)
    return audio_file(edition_folder().path / "translations", g.language.locale, match).read_bytes()
