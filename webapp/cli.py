"""`flask translate ...`: extract, init, update, compile and check the gettext catalogs."""

import contextlib
import sys
from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface
from flask import current_app
from flask.cli import AppGroup

from webapp.catalogs import catalog_defects, compile_catalogs, read_catalog
from webapp.languages import KNOWN_LANGUAGES
from webapp.settings import PROJECT_ROOT

translate = AppGroup("translate", help="Manage the gettext catalogs in translations/.")

BABEL_CFG = PROJECT_ROOT / "babel.cfg"


def init_app(app):
    from webapp.export import export_command

    app.cli.add_command(translate)
    app.cli.add_command(export_command)


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
    # From the project root, so that source locations in the catalogs are repository paths.
    with contextlib.chdir(PROJECT_ROOT):
        _pybabel(
            "extract",
            "-F",
            BABEL_CFG,
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
    language = KNOWN_LANGUAGES.get(code)
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


@translate.command()
@click.option("--locale", "locales", multiple=True, help="Check only this locale (for example fa_AF).")
def check(locales):
    """Fail on a missing or fuzzy string, a broken placeholder, or a dropped number or address."""
    template = read_catalog(_pot_path())
    failed = False
    for po_path in sorted(_translations_dir().glob("*/LC_MESSAGES/messages.po")):
        locale = po_path.parent.parent.name
        if locales and locale not in locales:
            continue
        for msgid, problem in catalog_defects(template, read_catalog(po_path, locale)):
            failed = True
            click.echo(f"{locale}: {problem}: {msgid[:70]!r}", err=True)
    if failed:
        sys.exit(1)
    click.echo("All catalogs are complete and keep every number, address and placeholder.")
