"""The School Safety Guide: an offline-first web app for school safety guidance."""

import os

import click
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from whitenoise import WhiteNoise

from webapp import cli
from webapp.content_model import edition_commands
from webapp.content_model.accent import edition_css
from webapp.content_model.content import load_guide
from webapp.content_model.edition import EditionError, read_edition, resolve_edition_path
from webapp.offline import pwa
from webapp.offline.icons import edition_icons, initials
from webapp.serving import errors, listen, page_context, pages
from webapp.serving.assets import STATIC_URL_PREFIX, AssetManifest
from webapp.serving.response_cache import PreparedPagesMiddleware
from webapp.serving.security import SecurityHeadersMiddleware
from webapp.settings import ENV_PREFIX, DefaultConfig, as_tuple
from webapp.translation import i18n, review_status
from webapp.translation.catalog_layers import layers
from webapp.translation.catalogs import compile_layers
from webapp.translation.languages import LanguageConfigError, configured_languages

ONE_YEAR = 365 * 24 * 3600


def create_app(config=None):
    """Build the app: settings, edition, languages, content, assets, blueprints and the WSGI stack.

    An edition with problems raises EditionError (every problem, with its file and field); under
    `flask run` it stops with them, and under the other `flask` commands the app offers `edition
    check` to list them.
    """
    app = Flask(__name__, static_folder=None)
    app.config.from_object(DefaultConfig)
    app.config.from_prefixed_env(ENV_PREFIX)
    app.config.update(config or {})
    try:
        edition = read_edition(resolve_edition_path(app.config["EDITION"]))
        for name, value in edition.settings().items():
            app.config.setdefault(name, value)
        app.config["LANGUAGES"] = as_tuple(app.config["LANGUAGES"])
        data = edition.data
        guide = load_guide(edition.content_dir, data.pages, data)
        guide.notice(app.config["ADOPTED_BY"])  # an unknown setting stops the app here, not per request
        catalog_layers = layers(app.config, edition)
        try:
            languages = configured_languages(app.config["LANGUAGES"], app.config["DEFAULT_LANGUAGE"], catalog_layers)
        except LanguageConfigError as problem:
            raise EditionError([str(problem)]) from None
    except EditionError as error:
        return _broken_edition(app, error)
    app.extensions["edition"] = edition
    app.extensions["guide"] = guide

    build_dir = app.config["BUILD_DIR"]
    i18n.init_app(app, languages, compile_layers(catalog_layers, build_dir, languages))

    app.extensions["assets"] = assets = AssetManifest(app.config["STATIC_SOURCE_DIR"], f"{build_dir}/static").build()
    assets.add("css/edition.css", edition_css(edition.data.accent_color, edition.data.dark_accent_color).encode())
    letters = initials(edition.data.district.short_name)
    for name, data in edition_icons(edition.path, edition.data.accent_color, letters, build_dir).items():
        assets.add(f"icons/{name}", data)
    app.extensions["prepared_bodies"] = {}

    page_context.init_app(app)
    try:  # the records beside the catalogs: reviews, pictogram tests, recordings
        review_status.init_app(app, languages, catalog_layers)
        listen.init_app(app, languages)
    except EditionError as error:
        return _broken_edition(app, error)
    errors.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(pwa.bp)
    cli.init_app(app)

    # Pages already rendered are answered from memory before Flask's dispatch (the hot path).
    pages_from_memory = PreparedPagesMiddleware(app.wsgi_app, app.extensions["prepared_bodies"], app)
    static_files = WhiteNoise(
        pages_from_memory, max_age=ONE_YEAR, allow_all_origins=False, add_headers_function=_immutable
    )
    static_files.add_files(assets.build_dir, prefix=STATIC_URL_PREFIX)
    app.wsgi_app = SecurityHeadersMiddleware(static_files)
    if app.config["PROXY_COUNT"]:
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
    return app


def _broken_edition(app, error):
    """An edition with problems: `flask run` and a server stop with them; the other `flask`
    commands get an app that offers `edition check` to list them."""
    command = click.get_current_context(silent=True)
    if os.environ.get("FLASK_RUN_FROM_CLI") != "true" or (command and command.info_name == "run"):
        if command:  # `flask run`: the problems, one a line, and no server
            raise edition_commands.EditionProblems(error) from None
        raise error
    app.extensions["edition_error"] = error
    app.cli.add_command(edition_commands.edition)
    return app


def _immutable(headers, path, url):
    # Every built asset has its content hash in its name, so it never changes (one year, as asked).
    headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
