"""`flask translate ...`: the gettext catalogs (extract, init, update, compile, check), their
reviews (review-sheet, record-review), pictogram tests and recordings (record-audio)."""

import contextlib
import datetime
import re
import sys
import tempfile
from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface
from flask import current_app, render_template
from flask.cli import AppGroup
from flask_babel import force_locale, gettext

from webapp.content_model.edition import shown_path
from webapp.serving.served_edition import edition, edition_folder, guide
from webapp.settings import PROJECT_ROOT
from webapp.translation.catalog_layers import layer_finder, layers, merged
from webapp.translation.catalogs import catalog_defects, compile_layers
from webapp.translation.glossary import (
    GlossaryError,
    clash_said,
    collisions,
    crisis_strings,
    english_terms,
    language_glossary,
)
from webapp.translation.i18n import language_for
from webapp.translation.languages import known_languages
from webapp.translation.pictogram_tests import PictogramTestError, read_tests, used_pictograms, write_tests
from webapp.translation.pictogram_tests import read_filled_csv as read_pictogram_csv
from webapp.translation.pictogram_tests import write_csv as pictogram_csv
from webapp.translation.recording_audio import RecordingProblem, prepare
from webapp.translation.recordings import (
    SHEET_FILE_NAME,
    Recording,
    RecordingError,
    audio_file,
    file_name_for,
    read_recordings,
    recordings_path,
    replaced,
    silenced,
    unused_files,
    write_recordings,
)
from webapp.translation.review_sheet import read_filled_csv, sheet_rows, write_csv, write_html
from webapp.translation.reviews import ROLES, read_reviews, string_status, text_hash, write_reviews

translate = AppGroup(
    "translate", help="Manage the gettext catalogs: the interface's (translations/) and the edition's own."
)

BABEL_CFG = PROJECT_ROOT / "babel.cfg"
# The edition's strings: its content files, and its guide's name in edition.yaml.
EDITION_MAPPING = """[extractors]
content = webapp.translation.content_extract:extract_content
edition = webapp.translation.content_extract:extract_edition_names

[edition: edition.yaml]

[content: content/**.yaml]
"""


def _translations_dir():
    return Path(current_app.config["TRANSLATIONS_DIR"])


def _layers():
    return layers(current_app.config, edition_folder())


def _glossary(locale):
    """(the English terms, the language's approved forms) from both layers' glossaries; a broken
    glossary file is one message naming it, not a traceback."""
    folders = [layer.directory for layer in _layers()]
    try:
        return english_terms(folders), language_glossary(folders, locale)
    except GlossaryError as exc:
        raise click.ClickException(str(exc)) from exc


def _pybabel(*args):
    CommandLineInterface().run(["pybabel", "-q", *map(str, args)])


CREATION_DATE = re.compile(r'^"POT-Creation-Date: [^"]*"\n', re.M)


def _extract(mapping_file, root, input_dir, target, project):
    """Extract into target; a template whose strings did not change keeps its old file, date
    included, so that extracting an edition leaves the interface's template as it was."""
    target = Path(target)
    before = target.read_text(encoding="utf-8") if target.is_file() else None
    # From the layer's own root, so that source locations are paths inside it.
    with contextlib.chdir(root):
        _pybabel(
            "extract",
            "-F",
            mapping_file,
            "-k",
            "_l",
            "--sort-by-file",
            "--add-comments",
            "TRANSLATORS:",
            "--project",
            project,
            "--version",
            current_app.config["APP_VERSION"],
            "--copyright-holder",
            "School Safety Guide contributors",
            "-o",
            target,
            input_dir,
        )
    if before is not None and CREATION_DATE.sub("", before) == CREATION_DATE.sub(
        "", target.read_text(encoding="utf-8")
    ):
        target.write_text(before, encoding="utf-8")


@translate.command()
@click.option("--output", type=click.Path(file_okay=False), help="Write both templates into this folder instead.")
def extract(output):
    """Collect every English string: the interface's (templates, Python) into translations/messages.pot,
    the edition's (content, guide name) into <edition>/translations/messages.pot."""
    interface, edition_layer = _layers()
    edition = edition_folder()
    folder = Path(output).resolve() if output else None
    interface_pot = folder / "interface.pot" if folder else interface.pot
    edition_pot = folder / "edition.pot" if folder else edition_layer.pot
    for pot in (interface_pot, edition_pot):
        pot.parent.mkdir(parents=True, exist_ok=True)
    _extract(BABEL_CFG, PROJECT_ROOT, ".", interface_pot, "School Safety Guide")
    with tempfile.NamedTemporaryFile("w", suffix=".cfg") as mapping_file:
        mapping_file.write(EDITION_MAPPING)
        mapping_file.flush()
        _extract(mapping_file.name, edition.path, ".", edition_pot, edition.data.guide.name)
    click.echo(f"Wrote {interface_pot} and {edition_pot}")


@translate.command()
@click.argument("code")
def init(code):
    """Start the catalogs of a language code (for example fa-AF) in both layers, where missing."""
    language = known_languages().get(code)
    if language is None:
        raise click.BadParameter(f"unknown language {code!r}; known: {', '.join(known_languages())}")
    for layer in _layers():
        if not layer.po(language.locale).is_file():
            _pybabel("init", "-i", layer.pot, "-d", layer.directory, "-l", language.locale)
            click.echo(f"Started {layer.po(language.locale)}")


@translate.command()
def update():
    """Merge each layer's messages.pot into its catalogs (new or changed strings appear as missing
    or fuzzy, in that layer only)."""
    for layer in _layers():
        if any(layer.directory.glob("*/LC_MESSAGES/messages.po")):
            # Width 100, as the catalogs are written, so that an update changes only what changed.
            _pybabel("update", "-i", layer.pot, "-d", layer.directory, "-w", "100")


@translate.command("compile")
def compile_command():
    """Compile the served languages' catalogs into the build folder (start-up does this too)."""
    languages = current_app.extensions["languages"].values()
    targets = compile_layers(_layers(), current_app.config["BUILD_DIR"], languages)
    click.echo(f"Compiled into {', '.join(targets)}")


def _language(code):
    """The Language for a code (es, fa-AF) or locale (fa_AF) that has a catalog; else a clear error."""
    known = known_languages()
    language = known.get(code) or next((lang for lang in known.values() if lang.locale == code), None)
    if language is None or language.is_source:
        raise click.BadParameter(f"{code!r} is not a translated language; known: {', '.join(known)}")
    if not _layers()[0].po(language.locale).is_file():
        raise click.BadParameter(f"{code!r} has no catalog in {_translations_dir()}")
    return language


def _template():
    return merged([layer.template() for layer in _layers()])


def _catalog_texts(language):
    """The language's catalog (both layers) and {English: translation} for every template string."""
    catalog = merged([layer.catalog(language.locale) for layer in _layers()])
    texts = {}
    for message in _template():
        if message.id:
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            translated = catalog.get(message.id)
            texts[msgid] = (translated.string if translated is not None else "") or ""
    return catalog, texts


@translate.command("review-sheet")
@click.argument("code")
@click.option(
    "--out", type=click.Path(file_okay=False), help="Folder for the sheet (default: the edition's review-sheets/)."
)
def review_sheet(code, out):
    """Write a printable, offline HTML review sheet and its CSV for a native speaker."""
    language = _language(code)
    catalog, _texts = _catalog_texts(language)
    terms, glossary = _glossary(language.locale)
    crisis = crisis_strings(guide())
    rows = sheet_rows(_template(), catalog, crisis, terms, glossary)
    stem = _sheet_folder(out) / f"review-sheet-{language.code}"
    write_html(stem.with_suffix(".html"), rows, language, datetime.date.today())
    write_csv(stem.with_suffix(".csv"), rows)
    click.echo(f"Wrote {shown_path(stem)}.html and .csv: {len(rows)} strings, crisis strings first.")


@translate.command("pictogram-sheet")
@click.argument("code")
@click.option(
    "--out", type=click.Path(file_okay=False), help="Folder for the sheet (default: the edition's review-sheets/)."
)
def pictogram_sheet(code, out):
    """Write a printable comprehension sheet: each pictogram alone, numbered, with "What would you
    do?" in the language, and a CSV to count the answers in."""
    language = _served_language(code)
    rows = [(guide().pictograms[pictogram_id], line) for pictogram_id, line in used_pictograms(guide())]
    stem = _sheet_folder(out) / f"pictogram-sheet-{language.code}"
    with force_locale(language.locale):
        question = gettext("What would you do?")
    html = render_template(
        "pictogram_sheet.html",
        rows=rows,
        language=language,
        question=question,
        made_on=datetime.date.today(),
        csv_name=f"{stem.name}.csv",
    )
    stem.with_suffix(".html").write_text(html, encoding="utf-8")
    pictogram_csv(stem.with_suffix(".csv"), rows)
    click.echo(f"Wrote {shown_path(stem)}.html and .csv: {len(rows)} pictograms.")


@translate.command("record-pictograms")
@click.argument("code")
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False))
def record_pictograms(code, sheet):
    """Read a filled-in pictogram sheet (CSV) into the edition's translations/<locale>/pictogram-tests.yaml."""
    language = _served_language(code)
    tests, problems = read_pictogram_csv(sheet, guide().pictograms)
    for problem in problems:
        click.echo(problem, err=True)
    directory = edition_folder().path / "translations"
    try:
        kept = read_tests(directory, language.locale)
    except PictogramTestError as error:
        raise click.ClickException(str(error)) from None
    write_tests(directory, language.locale, kept + tests)
    click.echo(f"Recorded {len(tests)} pictogram test(s) for {language.code}; refused {len(problems)} row(s).")
    if problems:
        sys.exit(1)


def _sheet_folder(out):
    """Where a sheet is written: --out, or else the edition's review-sheets/ (made if missing)."""
    folder = Path(out) if out else edition_folder().path / "review-sheets"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _served_language(code):
    language = language_for(code)
    if language is None:
        raise click.BadParameter(f"{code!r} is not one of the guide's languages ({', '.join(edition().languages)})")
    return language


@translate.command("record-review")
@click.argument("code")
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False))
@click.option("--reviewer", help="Who reviewed, for rows that leave it empty.")
@click.option("--role", type=click.Choice(ROLES), help="Their role, for rows that leave it empty.")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="When, for rows that leave it empty.")
def record_review(code, sheet, reviewer, role, day):
    """Read a filled-in review sheet (CSV) into translations/<locale>/reviews.yaml."""
    language = _language(code)
    _catalog, texts = _catalog_texts(language)
    reviews, problems = read_filled_csv(sheet, texts, reviewer, role, day.date() if day else None)
    for problem in problems:
        click.echo(problem, err=True)
    # Each record goes beside the catalog of its string: the edition's strings in the edition.
    all_layers = _layers()
    english = {text_hash(text): text for text in texts}
    layer_of = layer_finder(all_layers)
    for layer in all_layers:
        mine = [r for r in reviews if layer_of(english.get(r.english_sha256)) is layer]
        if mine:
            kept = read_reviews(layer.directory, language.locale)
            write_reviews(layer.directory, language.locale, kept + mine)
    click.echo(f"Recorded {len(reviews)} review(s) for {language.code}; refused {len(problems)} row(s).")
    if problems:
        sys.exit(1)


def _crisis_texts(language):
    """{English: the text a recording of it reads} for every crisis string of the language."""
    crisis = crisis_strings(guide())
    if language.is_source:
        return {english: english for english in crisis}
    _catalog, texts = _catalog_texts(language)
    return {english: texts.get(english, "") for english in crisis}


def _string_of(path, language, texts, english):
    """(English, problem) of the crisis string a file reads: by --english, or by the name the
    review sheet gave it, checked against today's texts."""
    if english is not None:
        return (english, None) if english in texts else (None, "--english is not one of the crisis strings")
    named = SHEET_FILE_NAME.search(Path(path).stem)
    if named is None:
        return None, "its name does not say which line it reads: use the file the review sheet saved, or --english"
    if named["code"] != language.code:
        return None, f"was recorded for {named['code']}, not {language.code}"
    by_hash = {text_hash(text): text for text in texts}
    english = by_hash.get(named["english"])
    if english is None:
        return None, "its English line is no longer in the guide; record the line again from a new review sheet"
    if text_hash(texts[english]) != named["translation"]:
        return None, "its translation changed since the review sheet was made; record it again from a new sheet"
    return english, None


@translate.command("record-audio")
@click.argument("code")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--english", help="The English of the crisis line the file reads, if its name does not say (one file).")
def record_audio(code, files, english):
    """Check recordings of crisis lines and file them beside the language's catalog, as MP3.

    FILES are what the review sheet's Record button saved (or any recording, with --english). Each
    is refused, in one line, if it cannot be read, holds no voice, is too short or too long for one
    line, too quiet or distorted; its silence is cut and its level evened out.
    """
    language = _served_language(code)
    if english is not None and len(files) != 1:
        raise click.BadParameter("--english names the line of one file; give one file with it")
    texts = _crisis_texts(language)
    if not language.is_source and not any(texts.values()):
        raise click.ClickException(f"{language.code} has no translated crisis strings to record")
    directory = edition_folder().path / "translations"
    try:
        recordings = read_recordings(directory, language.locale)
    except RecordingError as error:
        raise click.ClickException(str(error)) from None
    filed, problems = 0, []
    for path in files:
        line, problem = _string_of(path, language, texts, english)
        if line is not None and not texts[line]:
            problem = "its line has no translation yet"
        if problem is None:
            try:
                made = prepare(path)
            except RecordingProblem as refused:
                problem = str(refused)
        if problem is not None:
            problems.append(f"{shown_path(Path(path))}: {problem}")
            continue
        recording = Recording(
            english=line,
            english_sha256=text_hash(line),
            translation_sha256=text_hash(texts[line]),
            file=file_name_for(made.mp3),
            seconds=made.seconds,
            date=datetime.date.today(),
        )
        target = audio_file(directory, language.locale, recording)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(made.mp3)
        recordings = replaced(recordings, recording)
        filed += 1
        click.echo(f"{shown_path(Path(path))}: {made.seconds} s, filed as {shown_path(target)}")
    if filed:
        write_recordings(directory, language.locale, recordings)
        for unused in unused_files(directory, language.locale, recordings):
            unused.unlink()  # the recording it replaced
    for problem in problems:
        click.echo(problem, err=True)
    click.echo(f"Filed {filed} recording(s) for {language.code}; refused {len(problems)}.")
    if problems:
        sys.exit(1)


@translate.command()
@click.option("--locale", "locales", multiple=True, help="Check only this locale (for example fa_AF).")
@click.option("--release", is_flag=True, help="Also fail on any crisis string a native speaker has not approved.")
def check(locales, release):
    """Fail on a missing or fuzzy string, a broken placeholder, a dropped or changed number or
    address, non-Western digits, a crisis string that does not use its language's glossary, or two
    glossary terms that share a word."""
    content = guide()
    crisis = crisis_strings(content)
    exact = content.exact_strings(edition().emergency_number)
    served = {lang.locale for lang in current_app.extensions["languages"].values() if not lang.is_source}
    problems = {}  # per language, to say how many each has at the end

    def problem(locale, text):
        problems[locale] = problems.get(locale, 0) + 1
        click.echo(text, err=True)

    for locale in sorted(served):
        if locales and locale not in locales:
            continue
        terms, glossary = _glossary(locale)
        if not glossary:
            problem(locale, f"{locale}: no crisis glossary ({locale}/glossary.yaml)")
        for key, other, form in collisions(terms, glossary):
            problem(locale, f"{locale}/glossary.yaml: {clash_said(key, other, form)}")
        reviews = [r for layer in _layers() for r in read_reviews(layer.directory, locale)]
        for layer in _layers():
            # Each problem names the catalog file it is in, so that a district sees its own.
            where = shown_path(layer.po(locale))
            if not layer.po(locale).is_file():
                problem(locale, f"{where}: missing (flask --app webapp translate init {locale})")
                continue
            catalog = layer.catalog(locale)
            template = layer.template()
            for msgid, defect in catalog_defects(template, catalog, crisis, terms, glossary, exact):
                problem(locale, f"{where}: {defect}: {msgid[:70]!r}")
            if release:
                for msgid in (m for m in crisis if m in template):
                    translated = catalog.get(msgid)
                    if translated is None or not string_status(reviews, msgid, translated.string or "").reviewed:
                        problem(locale, f"{where}: not reviewed by a native speaker: {msgid[:70]!r}")
    # A recording whose text changed no longer plays: named, and a problem for a release.
    directory = edition_folder().path / "translations"
    for language in current_app.extensions["languages"].values():
        if locales and language.locale not in locales:
            continue
        try:
            recordings = read_recordings(directory, language.locale)
        except RecordingError as error:
            problem(language.locale, str(error))
            continue
        where = shown_path(recordings_path(directory, language.locale))
        for recording, why in silenced(recordings, _crisis_texts(language)):
            note = f"{where}: silenced, {why}: the recording of {recording.english[:60]!r}; record it again"
            if release:
                problem(language.locale, note)
            else:
                click.echo(note, err=True)
    if problems:
        for locale in sorted(served | set(problems)):
            if not locales or locale in locales:
                count = problems.get(locale, 0)
                click.echo(f"{locale}: {count or 'no'} problem{'s' if count != 1 else ''}", err=True)
        total = sum(problems.values())
        click.echo(
            f"{total} problem{'s' if total != 1 else ''} in {len(problems)} of {len(served)} languages.", err=True
        )
        sys.exit(1)
    click.echo("All catalogs are complete, keep every number, address and placeholder, and use their crisis glossary.")
