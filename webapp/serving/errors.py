"""Error pages in the reader's language: never a bare server error page, never a stack trace."""

from flask import current_app, g, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from webapp.serving.response_cache import PreparedBody
from webapp.translation.i18n import language_from_request


def init_app(app):
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)


def _http_error(error):
    if error.code is None or error.code < 400:
        return error
    g.language = language_from_request()
    if request.url_rule is None:
        # A routing error (404, 405) depends only on its status and language, a bounded set: one
        # body each, compressed once, so a flood of errors costs no more than a flood of pages.
        key = (error.code, g.language.code)
        bodies = current_app.extensions.setdefault("error_bodies", {})
        if key not in bodies:
            bodies[key] = _error_body(error)
        body = bodies[key]
    else:
        body = _error_body(error)
    response = body.respond()
    if error.code == 405 and getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def _error_body(error):
    page = render_template("error.html", error=error)
    return PreparedBody.from_text(page, status=error.code, cache_control="no-store")


def _unexpected_error(error):
    current_app.logger.exception("Unhandled error on a request", exc_info=error)
    return _http_error(InternalServerError(original_exception=error))
