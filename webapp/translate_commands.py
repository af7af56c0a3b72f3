"""`flask translate ...`: the gettext catalogs (extract, init, update, compile, check) and their
reviews (review-sheet, record-review)."""

import contextlib
import datetime
import sys
import tempfile
from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface
from flask import current_app
from flask.cli import AppGroup

from webapp.catalogs import catalog_defects, compile_catalogs, read_catalog
from webapp.glossary import crisis_strings, english_terms, language_glossary
from webapp.languages import known_languages
from webapp.review_sheet import read_filled_csv, sheet_rows, write_csv, write_html
from webapp.reviews import ROLES, read_reviews, string_status, write_reviews
from webapp.settings import PROJECT_ROOT

translate = AppGroup("translate", help="Manage the gettext catalogs in translations/.")

BABEL_CFG = PROJECT_ROOT / "babel.cfg"


def _translations_dir():
    return Path(current_app.config["TRANSLATIONS_DIR"])


def _pot_path():
    return _translations_dir() / "messages.pot"


def _pybabel(*args):
    CommandLineInterface().run(["pybabel", "-q", *map(str, args)])


@translate.command()
@click.option("--output", type=click.Path(dir_okay=False), help="Write here instead of translations/messages.pot.")
def extract(output):
    """Collect every English string (templates, Python, content) into messages.pot."""
    target = Path(output).resolve() if output else _pot_path()
    content = current_app.extensions["edition"].content_dir
    if not content.is_relative_to(PROJECT_ROOT):
        raise click.ClickException(f"{content}: extract reads an edition inside {PROJECT_ROOT} only, for now")
    # From the project root, so that source locations in the catalogs are repository paths; the
    # mapping is babel.cfg with the content of the edition in use.
    mapping = BABEL_CFG.read_text() + f"\n[content: {content.relative_to(PROJECT_ROOT).as_posix()}/**.yaml]\n"
    with contextlib.chdir(PROJECT_ROOT), tempfile.NamedTemporaryFile("w", suffix=".cfg") as mapping_file:
        mapping_file.write(mapping)
        mapping_file.flush()
        _pybabel(
            "extract",
            "-F",
            mapping_file.name,
            "-k",
            "_l",
            "--sort-by-file",
            "--add-comments",
            "TRANSLATORS:",
            "--project",
            "School Safety Guide",
            "--version",
            current_app.config["APP_VERSION"],
            "--copyright-holder",
            "School Safety Guide contributors",
            "-o",
            target,
            ".",
        )
    click.echo(f"Wrote {target}")


@translate.command()
@click.argument("code")
def init(code):
    """Start a catalog for a language code (for example fa-AF)."""
    language = known_languages().get(code)
    if language is None:
        raise click.BadParameter(f"unknown language {code!r}")
    _pybabel("init", "-i", _pot_path(), "-d", _translations_dir(), "-l", language.locale)


@translate.command()
def update():
    """Merge messages.pot into every catalog (new strings appear as missing or fuzzy)."""
    # Width 100, as the catalogs are written, so that an update changes only what changed.
    _pybabel("update", "-i", _pot_path(), "-d", _translations_dir(), "-w", "100")


@translate.command("compile")
def compile_command():
    """Compile the served languages' catalogs into the build folder (start-up does this too)."""
    languages = current_app.extensions["languages"].values()
    target = compile_catalogs(_translations_dir(), current_app.config["BUILD_DIR"], languages)
    click.echo(f"Compiled into {target}")


def _language(code):
    """The Language for a code (es, fa-AF) or locale (fa_AF) that has a catalog; else a clear error."""
    known = known_languages()
    language = known.get(code) or next((lang for lang in known.values() if lang.locale == code), None)
    if language is None or language.is_source:
        raise click.BadParameter(f"{code!r} is not a translated language; known: {', '.join(known)}")
    if not (_translations_dir() / language.locale / "LC_MESSAGES" / "messages.po").is_file():
        raise click.BadParameter(f"{code!r} has no catalog in {_translations_dir()}")
    return language


def _catalog_texts(language):
    """{English: translation} of a language's catalog, for every string of the template."""
    catalog = read_catalog(_translations_dir() / language.locale / "LC_MESSAGES" / "messages.po", language.locale)
    texts = {}
    for message in read_catalog(_pot_path()):
        if message.id:
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            translated = catalog.get(message.id)
            texts[msgid] = (translated.string if translated is not None else "") or ""
    return catalog, texts


@translate.command("review-sheet")
@click.argument("code")
@click.option("--out", type=click.Path(file_okay=False), default=".", help="Folder for the sheet (default: here).")
def review_sheet(code, out):
    """Write a printable, offline HTML review sheet and its CSV for a native speaker."""
    language = _language(code)
    catalog, _texts = _catalog_texts(language)
    glossary = language_glossary(_translations_dir(), language.locale)
    crisis = crisis_strings(current_app.extensions["guide"])
    rows = sheet_rows(read_catalog(_pot_path()), catalog, crisis, english_terms(_translations_dir()), glossary)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"review-sheet-{language.code}"
    write_html(stem.with_suffix(".html"), rows, language, datetime.date.today())
    write_csv(stem.with_suffix(".csv"), rows)
    click.echo(f"Wrote {stem}.html and {stem}.csv: {len(rows)} strings, crisis strings first.")


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
    if reviews:
        kept = read_reviews(_translations_dir(), language.locale)
        write_reviews(_translations_dir(), language.locale, kept + reviews)
    click.echo(f"Recorded {len(reviews)} review(s) for {language.code}; refused {len(problems)} row(s).")
    if problems:
        sys.exit(1)


@translate.command()
@click.option("--locale", "locales", multiple=True, help="Check only this locale (for example fa_AF).")
@click.option("--release", is_flag=True, help="Also fail on any crisis string a native speaker has not approved.")
def check(locales, release):
    """Fail on a missing or fuzzy string, a broken placeholder, a dropped or changed number or
    address, non-Western digits, or a crisis string that does not use its language's glossary."""
    template = read_catalog(_pot_path())
    terms = english_terms(_translations_dir())
    crisis = crisis_strings(current_app.extensions["guide"])
    failed = False
    for po_path in sorted(_translations_dir().glob("*/LC_MESSAGES/messages.po")):
        locale = po_path.parent.parent.name
        if locales and locale not in locales:
            continue
        glossary = language_glossary(_translations_dir(), locale)
        if not glossary:
            failed = True
            click.echo(f"{locale}: no crisis glossary ({locale}/glossary.yaml)", err=True)
        catalog = read_catalog(po_path, locale)
        for msgid, problem in catalog_defects(template, catalog, crisis, terms, glossary):
            failed = True
            click.echo(f"{locale}: {problem}: {msgid[:70]!r}", err=True)
        if release:
            reviews = read_reviews(_translations_dir(), locale)
            for msgid in crisis:
                translated = catalog.get(msgid)
                if translated is None or not string_status(reviews, msgid, translated.string or "").reviewed:
                    failed = True
                    click.echo(f"{locale}: not reviewed by a native speaker: {msgid[:70]!r}", err=True)
    if failed:
        sys.exit(1)
    click.echo("All catalogs are complete, keep every number, address and placeholder, and use their crisis glossary.")
