"""WSGI entry point: `gunicorn wsgi:app`."""

from webapp import create_app
from webapp.precache import precache_manifest

app = create_app()

# Render every page of every language now (building the precache manifest does exactly that), so
# that no visitor waits for a first render; with gunicorn's preload the workers share the result.
with app.test_request_context():
    precache_manifest()
