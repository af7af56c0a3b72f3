"""The edition this app serves, checked once at start-up (create_app puts it in app.extensions):
its content (the Guide) and what its edition.yaml says. Views and commands read it here, not from
app.extensions, so there is one place that knows where it is kept."""

from flask import current_app


def guide():
    """The edition's content, loaded and checked (webapp/content_model/content.py's Guide)."""
    return current_app.extensions["guide"]


def edition():
    """What edition.yaml says (names, languages, pages), as checked at start-up."""
    return current_app.extensions["edition"].data


def edition_folder():
    """The edition (its folder and data)."""
    return current_app.extensions["edition"]
