"""Recordings made in the tests: espeak-ng (test-only, installed by scripts/test) reads a crisis line
into a WAV named as the review sheet's Record button names its files, and `translate record-audio`
files it. A synthetic voice stands in for a person's here; the checks and the playing are the same."""

import shutil
import subprocess

import pytest
from flask_babel import gettext

from webapp.serving.served_edition import guide
from webapp.translation.glossary import crisis_strings
from webapp.translation.i18n import in_language
from webapp.translation.recordings import sheet_file_name

ESPEAK_VOICES = {"en": "en", "ar": "ar"}


def espeak(text, code, path, *options):
    """A WAV of text said by espeak-ng in the language's voice; an error if espeak-ng is missing."""
    program = shutil.which("espeak-ng")
    if program is None:
        pytest.fail("espeak-ng is not installed: run scripts/test, which installs it.")
    subprocess.run([program, "-v", ESPEAK_VOICES[code], *options, "-w", str(path), text], check=True)
    return path


def crisis_lines(app, code):
    """{English: the text in this language} of every crisis string (English: itself)."""
    language = app.extensions["languages"][code]
    with app.test_request_context(f"/{code}/"), in_language(language):
        return {english: english if language.is_source else gettext(english) for english in crisis_strings(guide())}


def spoken(app, code, englishes, folder, *options):
    """WAVs of these crisis lines in this language, named as the review sheet names them."""
    lines = crisis_lines(app, code)
    folder.mkdir(parents=True, exist_ok=True)
    return [
        espeak(lines[english], code, folder / f"{sheet_file_name(code, english, lines[english])}.wav", *options)
        for english in englishes
    ]


def record_audio(app, code, files):
    """`flask translate record-audio CODE FILES...`: (exit code, output)."""
    result = app.test_cli_runner().invoke(args=["translate", "record-audio", code, *map(str, files)])
    return result.exit_code, result.output
