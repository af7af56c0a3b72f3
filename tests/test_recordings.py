"""Recordings of the crisis strings: `translate record-audio` checks and files them, the guide serves
them with each language's offline copy, and a changed translation silences its recording."""

import json

import yaml

from tests.conftest import make_app
from tests.recordings import crisis_lines, espeak, record_audio, spoken
from webapp.translation.recording_audio import BIT_RATE, MAX_SECONDS
from webapp.translation.reviews import text_hash

GET_OUT = "Get out"  # the first card's title in the fixture edition
LEAVE = "Leave your things."


def filed_app(tmp_path, edition_copy, code, englishes):
    app = make_app(tmp_path / "before", EDITION=str(edition_copy))
    exit_code, output = record_audio(app, code, spoken(app, code, englishes, tmp_path / "wav"))
    assert exit_code == 0, output
    return make_app(tmp_path / "after", EDITION=str(edition_copy))


def lines_of(client, code):
    return client.get(f"/{code}/listen.json").get_json()["lines"]


def test_a_recording_is_filed_as_mp3_beside_the_catalog_and_saved_with_its_language(tmp_path, edition_copy):
    app = filed_app(tmp_path, edition_copy, "ar", [GET_OUT, LEAVE])
    records = yaml.safe_load((edition_copy / "translations/ar/recordings.yaml").read_text())["recordings"]
    arabic = crisis_lines(app, "ar")
    assert [(r["english"], r["translation_sha256"]) for r in records] == [
        (GET_OUT, text_hash(arabic[GET_OUT])),
        (LEAVE, text_hash(arabic[LEAVE])),
    ]
    client = app.test_client()
    lines = lines_of(client, "ar")
    audio = lines[text_hash(GET_OUT)]["audio"]
    assert lines[text_hash(GET_OUT)]["text"] == arabic[GET_OUT]
    response = client.get(audio, headers={"Accept-Encoding": "br"})
    assert response.mimetype == "audio/mpeg" and "Content-Encoding" not in response.headers
    assert response.data[:3] == b"ID3" or response.data[0] == 0xFF
    # One format, small: about 3 KB a second of voice.
    record = next(r for r in records if r["english"] == GET_OUT)
    print(f"{GET_OUT!r} in ar: {record['seconds']} s, {len(response.data)} bytes")
    assert len(response.data) <= record["seconds"] * BIT_RATE / 8 * 1.1 + 1024
    # English has no recordings: its lines are for the device's voice alone.
    assert all("audio" not in line for line in lines_of(client, "en").values())
    manifest = json.loads(client.get("/sw.js").get_data(as_text=True).split("\n", 1)[0].split("= ", 1)[1][:-1])
    saved = [entry["url"] for entry in manifest["languages"]["ar"]]
    assert "/ar/listen.json" in saved and audio in saved
    assert not any("/recordings/" in entry["url"] for entry in manifest["languages"]["en"])
    about = client.get("/en/about/").get_data(as_text=True)
    assert "a person recorded for this guide reads the emergency steps aloud: العربية." in about


def test_a_changed_translation_silences_its_recording_and_check_names_it(tmp_path, edition_copy):
    filed_app(tmp_path, edition_copy, "ar", [GET_OUT])
    catalog = edition_copy / "translations/ar/LC_MESSAGES/messages.po"
    before = make_app(tmp_path / "before-change", EDITION=str(edition_copy))
    old = crisis_lines(before, "ar")[GET_OUT]
    text = catalog.read_text(encoding="utf-8")
    assert text.count(f'msgstr "{old}"') == 1
    catalog.write_text(text.replace(f'msgstr "{old}"', f'msgstr "{old}!"'), encoding="utf-8")
    app = make_app(tmp_path / "changed", EDITION=str(edition_copy))
    line = lines_of(app.test_client(), "ar")[text_hash(GET_OUT)]
    assert line == {"text": f"{old}!"}  # the device's voice reads the new words; the recording is silent
    result = app.test_cli_runner().invoke(args=["translate", "check", "--locale", "ar"])
    assert "silenced, its translation changed since it was recorded: the recording of 'Get out'" in result.output
    assert result.exit_code == 0, result.output  # a silenced recording misleads no one
    release = app.test_cli_runner().invoke(args=["translate", "check", "--locale", "ar", "--release"])
    assert release.exit_code == 1 and "the recording of 'Get out'" in release.output


def test_record_audio_refuses_what_cannot_be_used_in_one_line_each(tmp_path, edition_copy):
    app = make_app(tmp_path / "app", EDITION=str(edition_copy))
    (good,) = spoken(app, "ar", [GET_OUT], tmp_path / "wav")
    silent = tmp_path / "wav" / good.name.replace(".wav", "-silent.wav")
    espeak(" ", "ar", silent)
    long_line = tmp_path / "long" / good.name
    long_line.parent.mkdir()
    espeak(" ".join([crisis_lines(app, "ar")[GET_OUT]] * 80), "ar", long_line, "-s", "120")
    not_sound = tmp_path / "wav" / good.name.replace(".wav", ".txt")
    not_sound.write_text("not a recording")
    unnamed = tmp_path / "wav" / "my recording.wav"
    unnamed.write_bytes(good.read_bytes())
    for path, expected in (
        (silent, "is silent: no voice in it"),
        (long_line, f"seconds long: one line takes at most {MAX_SECONDS:.0f}; record only that line"),
        (not_sound, "is not a sound file this can read (WAV, MP3, M4A, WebM or Ogg)"),
        (unnamed, "its name does not say which line it reads"),
    ):
        exit_code, output = record_audio(app, "ar", [path])
        problems = [line for line in output.splitlines() if path.name in line]
        assert exit_code == 1 and len(problems) == 1 and expected in problems[0], output
        assert not (edition_copy / "translations/ar/recordings.yaml").exists()
    # A file recorded for another language, or from a sheet made before the translation changed.
    exit_code, output = record_audio(app, "en", [good])
    assert exit_code == 1 and "was recorded for ar, not en" in output
    stale = tmp_path / "wav" / good.name.replace(good.stem.rsplit("-", 1)[1], "0" * 16)
    stale.write_bytes(good.read_bytes())
    exit_code, output = record_audio(app, "ar", [stale])
    assert exit_code == 1 and "its translation changed since the review sheet was made" in output


def test_a_new_recording_of_a_line_replaces_the_old_one_and_its_file(tmp_path, edition_copy):
    filed_app(tmp_path, edition_copy, "ar", [GET_OUT])
    folder = edition_copy / "translations/ar/recordings"
    (first,) = folder.glob("*.mp3")
    app = make_app(tmp_path / "again", EDITION=str(edition_copy))
    wav = spoken(app, "ar", [GET_OUT], tmp_path / "again-wav")[0]
    espeak(crisis_lines(app, "ar")[GET_OUT], "ar", wav, "-p", "20")  # another voice, another file
    assert record_audio(app, "ar", [wav])[0] == 0
    records = yaml.safe_load((edition_copy / "translations/ar/recordings.yaml").read_text())["recordings"]
    assert len(records) == 1 and list(folder.glob("*.mp3")) == [edition_copy / "translations/ar" / records[0]["file"]]
    assert not first.exists()


def test_an_unreadable_recordings_file_is_a_problem_of_the_edition_not_a_crash(tmp_path, edition_copy):
    (edition_copy / "translations/ar/recordings.yaml").write_text("recordings:\n  - english: Get out\n")
    result = make_app(tmp_path / "app").test_cli_runner().invoke(args=["edition", "check", str(edition_copy)])
    assert result.exit_code == 1
    assert "translations/ar/recordings.yaml: cannot be read" in result.output and "Traceback" not in result.output


def test_the_static_export_holds_the_recordings_as_served(tmp_path, edition_copy):
    app = filed_app(tmp_path, edition_copy, "ar", [GET_OUT])
    out = tmp_path / "site"
    result = app.test_cli_runner().invoke(args=["export", "--out", str(out), "--base-url", "https://example.org"])
    assert result.exit_code == 0, result.output
    client = app.test_client()
    audio = lines_of(client, "ar")[text_hash(GET_OUT)]["audio"]
    assert (out / audio.lstrip("/")).read_bytes() == client.get(audio).data
    assert not (out / (audio.lstrip("/") + ".br")).exists()  # sound is not compressed again
    assert json.loads((out / "ar/listen.json").read_text())["lines"][text_hash(GET_OUT)]["audio"] == audio
    assert "/*/recordings/*\n  Cache-Control: public, max-age=31536000, immutable" in (out / "_headers").read_text()
    assert "audio/mpeg mp3;" in (out / "nginx-site.conf.example").read_text()
