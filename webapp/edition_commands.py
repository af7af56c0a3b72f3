"""`flask --app webapp edition check | new DIR`: check an edition, or start one."""

import click
from flask import current_app
from flask.cli import AppGroup

from webapp.content import load_guide
from webapp.edition import EditionError, read_edition, resolve_edition_path

edition = AppGroup("edition", help="Check the edition in use (GUIDE_EDITION), or start a new one.")


def checked_edition(path):
    """(edition, guide) of the edition at path, its files and content checked; else EditionError."""
    found = read_edition(path)
    return found, load_guide(found.content_dir, found.data.pages)


@edition.command()
@click.argument("path", required=False)
def check(path):
    """Check an edition (by default the one in use): every problem, with its file and field."""
    try:
        if path is None and "edition_error" in current_app.extensions:
            raise current_app.extensions["edition_error"]
        target = resolve_edition_path(path) if path else current_app.extensions["edition"].path
        found, guide = checked_edition(target)
    except EditionError as error:
        raise EditionProblems(error) from None
    data = found.data
    click.echo(
        f"{target}: {data.guide.name}, {data.district.name} and {data.police.name}: "
        f"{len(data.pages)} pages, {len(guide.contacts)} contacts, {len(guide.sources)} sources, "
        f"languages {', '.join(data.languages)}. No problems."
    )


class EditionProblems(click.ClickException):
    """Exit status 1 and every problem of the edition, one a line, with no traceback."""

    def __init__(self, error):
        count = len(error.problems)
        super().__init__(f"the edition has {count} problem{'s' if count != 1 else ''}:\n" + str(error))
