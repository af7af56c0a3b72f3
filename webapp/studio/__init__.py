"""The edition studio: a district edits its edition in the browser, with no terminal, no YAML and
no code. A separate app, on this computer only (webapp/studio/guard.py): nothing of it is part of
the public guide or its export. `scripts/studio [DIR]` or `flask --app webapp edition studio`.
"""

import secrets
import tempfile
from pathlib import Path

from flask import Flask
from werkzeug.serving import WSGIRequestHandler, make_server

from webapp.studio import guard, views
from webapp.studio.drafts import Drafts
from webapp.studio.edition_files import MAX_BYTES


def create_studio(edition, work_dir=None, token=None):
    """The studio for the edition in the folder edition; its secret is token (made if not given)."""
    token = token or secrets.token_urlsafe(24)
    app = Flask(__name__, static_url_path=f"/{token}/assets")
    app.config.update(
        EDITION=Path(edition).resolve(),
        STUDIO_TOKEN=token,
        CSRF_TOKEN=secrets.token_urlsafe(24),
        MAX_CONTENT_LENGTH=2 * MAX_BYTES,  # a huge paste is refused before it is read
    )
    work_dir = Path(work_dir or tempfile.mkdtemp(prefix="guide-studio-"))
    work_dir.mkdir(parents=True, exist_ok=True)  # what a command of the guide reads is put there
    app.extensions["drafts"] = Drafts(edition, work_dir)
    guard.init_app(app)
    app.register_blueprint(views.bp)
    return app


class _QuietRequests(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):
        pass  # a line per request says nothing to the person editing


def studio_server(app, port=0):
    """The studio's server, on this computer only (127.0.0.1), on port (0: a free one)."""
    return make_server("127.0.0.1", port, app, threaded=True, request_handler=_QuietRequests)
