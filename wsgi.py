"""WSGI entry point: `gunicorn wsgi:app`."""

import sys

from webapp import create_app
from webapp.content_model.edition import EditionError
from webapp.offline.precache import precache_manifest

try:
    app = create_app()
except EditionError as error:
    # The edition's problems, each with its file and field, and no traceback: the server does not start.
    sys.exit(f"The guide cannot start: its edition has problems.\n{error}")

# Render every page of every language now (building the precache manifest does exactly that), so
# that no visitor waits for a first render; with gunicorn's preload the workers share the result.
with app.test_request_context():
    precache_manifest()
for body in app.extensions["prepared_bodies"].values():
    body.warm()
