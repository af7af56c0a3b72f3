"""`flask --app webapp edition check | new DIR`: check an edition, or start one."""

import shutil
import webbrowser
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from webapp.content_model.content import load_guide
from webapp.content_model.crisis_text import crisis_length_advice
from webapp.content_model.edition import (
    EDITION_FILE,
    EditionError,
    read_edition,
    read_yaml,
    resolve_edition_path,
    shown_path,
)
from webapp.content_model.edition_reference import write_reference
from webapp.content_model.field_words import problem
from webapp.content_model.page_registry import PAGE_IDS
from webapp.content_model.pictograms import ENGINE_DIR, draw, recipes
from webapp.settings import PROJECT_ROOT
from webapp.translation.records import record_problems

# The starter edition `edition new` copies: data with comments and placeholders, no code.
STARTER = Path(__file__).resolve().parent / "starter_edition"

edition = AppGroup("edition", help="Check the edition in use (GUIDE_EDITION), or start a new one.")


def checked_edition(path):
    """(edition, guide) of the edition at path, its files and content checked; else EditionError
    with every problem found: the content's too when edition.yaml has some."""
    try:
        found = read_edition(path)
    except EditionError as error:
        problems = error.problems
        raw = _raw_edition(path)
        pages = raw.get("pages") if isinstance(raw, dict) else None
        if isinstance(pages, list) and all(page in PAGE_IDS for page in pages):
            try:
                load_guide(Path(path) / "content", pages)
            except EditionError as content_error:
                problems = problems + content_error.problems
        raise EditionError(problems) from None
    data = found.data
    guide = load_guide(found.content_dir, data.pages, data)
    problems = record_problems(path, data.languages)
    if problems:
        raise EditionError(problems)
    return found, guide


def _raw_edition(path):
    try:
        return read_yaml(Path(path) / EDITION_FILE, EDITION_FILE)
    except EditionError:
        return None


@edition.command()
@click.argument("path", required=False)
def check(path):
    """Check an edition (by default the one in use): every problem, with its file and field."""
    try:
        target = resolve_edition_path(path or current_app.config["EDITION"])
        found, guide = checked_edition(target)
        if path is None and "edition_error" in current_app.extensions:
            raise current_app.extensions["edition_error"]  # a GUIDE_ setting its files do not explain
    except EditionError as error:
        raise EditionProblems(error) from None
    data = found.data
    advice = crisis_length_advice(guide)
    if advice:
        # Advice, not a problem: the edition serves, but a frightened reader needs it shorter.
        click.echo(f"{len(advice)} crisis text{'s' if len(advice) != 1 else ''} longer than one glance:", err=True)
        for file, where, what in advice:
            path = Path(target) / "content" / f"{file}.yaml"
            click.echo(problem(shown_path(path), where, guide.pages[file], what, path), err=True)
    click.echo(
        f"{target}: {data.guide.name}, {' and '.join(n.name for n in (data.district, data.police) if n)}: "
        f"{len(data.pages)} pages, {len(guide.contacts)} contacts, {len(guide.sources)} sources, "
        f"languages {', '.join(data.languages)}. No problems."
    )


@edition.command()
@click.argument("directory", type=click.Path(file_okay=False))
def new(directory):
    """Start an edition in DIRECTORY: every field commented, every fact a placeholder that the
    check refuses until it is filled in."""
    target = Path(directory)
    if target.exists() and any(target.iterdir()):
        raise click.ClickException(f"{target} exists and is not empty: choose a new folder")
    shutil.copytree(STARTER, target, dirs_exist_ok=True)
    click.echo(
        f"Wrote a starter edition in {target}. Fill in every FILL IN, then run\n"
        f"  GUIDE_EDITION={target} .venv/bin/flask --app webapp edition check\n"
        f"until it passes, and serve it with GUIDE_EDITION={target} scripts/serve."
    )


@edition.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@click.option("--port", type=int, default=0, help="The port to serve on (default: a free one).")
@click.option("--no-browser", is_flag=True, help="Print the address without opening a browser.")
def studio(directory, port, no_browser):
    """Edit an edition in the browser: forms, problems beside their fields, the page beside them.
    DIRECTORY (default: the edition in use) is made from the starter edition if it does not exist.
    Served on this computer only, at an address with a secret in it."""
    from webapp.studio import create_studio, studio_server  # the studio's own app, only for this command

    target = Path(directory) if directory else resolve_edition_path(current_app.config["EDITION"])
    if not (target / EDITION_FILE).is_file():
        if target.exists() and any(target.iterdir()):
            raise click.ClickException(f"{target} holds files but no {EDITION_FILE}: choose a new folder")
        shutil.copytree(STARTER, target, dirs_exist_ok=True)
        click.echo(f"Started a new edition in {target} from the starter edition.")
    app = create_studio(target)
    server = studio_server(app, port)
    address = f"http://127.0.0.1:{server.server_port}/{app.config['STUDIO_TOKEN']}/"
    click.echo(
        f"The studio for {target} is at\n  {address}\n"
        "Only this computer can open it, and only with this address. Press Ctrl+C to stop it."
    )
    if not no_browser:
        webbrowser.open(address)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("The studio has stopped; what you saved is in the edition's folder.")


@edition.command()
def reference():
    """Write the field reference (docs/edition-reference.md) and the starter edition's JSON Schemas,
    from the models."""
    for written in write_reference(current_app):
        click.echo(f"Wrote {shown_path(written)}")


@edition.command()
def pictograms():
    """Draw the engine's pictograms (pictograms/recipes.yaml) from Material Design Icons, installed
    by `npm ci` into node_modules/@mdi/svg."""
    icons = PROJECT_ROOT / "node_modules" / "@mdi" / "svg" / "svg"
    if not icons.is_dir():
        raise click.ClickException(f"{icons} is missing: run `npm ci` first")
    for pictogram_id, text in draw(icons).items():
        (ENGINE_DIR / f"{pictogram_id}.svg").write_text(text, encoding="utf-8")
    click.echo(f"Drew {len(recipes())} pictograms into {shown_path(ENGINE_DIR)}")


class EditionProblems(click.ClickException):
    """Exit status 1 and every problem of the edition, one a line, with no traceback."""

    def __init__(self, error):
        count = len(error.problems)
        super().__init__(f"the edition has {count} problem{'s' if count != 1 else ''}:\n" + str(error))
