"""The app's commands: `flask translate ...`, `flask edition ...`, `flask content dates`, `flask export`."""

import click
from flask.cli import AppGroup

from webapp.content_model.content_dates import refresh_record
from webapp.serving.served_edition import edition_folder

content = AppGroup("content", help="Look after the guide's content files.")


def init_app(app):
    from webapp.content_model.edition_commands import edition
    from webapp.offline.export import export_command
    from webapp.translation.translate_commands import translate

    app.cli.add_command(translate)
    app.cli.add_command(content)
    app.cli.add_command(export_command)
    app.cli.add_command(edition)


@content.command()
def dates():
    """Record today's date for every content file that changed (each page shows its date)."""
    updated = refresh_record(edition_folder().content_dir)
    click.echo(f"Changed today: {', '.join(updated)}" if updated else "No content file changed.")
