"""The School Safety Guide: an offline-first web app for school safety guidance."""

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from whitenoise import WhiteNoise

from webapp import cli, errors, i18n, page_context, pages, pwa, review_status
from webapp.assets import STATIC_URL_PREFIX, AssetManifest
from webapp.catalogs import compile_catalogs
from webapp.content import load_guide
from webapp.languages import configured_languages
from webapp.prepared import PreparedPagesMiddleware
from webapp.security import SecurityHeadersMiddleware
from webapp.settings import DefaultConfig, from_environment

ONE_YEAR = 365 * 24 * 3600


def create_app(config=None):
    """Build the app: settings, languages, content, assets, blueprints and the WSGI stack."""
    app = Flask(__name__, static_folder=None)
    app.config.from_object(DefaultConfig)
    app.config.update(from_environment())
    app.config.update(config or {})

    languages = configured_languages(
        app.config["LANGUAGES"], app.config["DEFAULT_LANGUAGE"], app.config["TRANSLATIONS_DIR"]
    )
    build_dir = app.config["BUILD_DIR"]
    compiled_dir = compile_catalogs(app.config["TRANSLATIONS_DIR"], build_dir, languages)
    i18n.init_app(app, languages, [compiled_dir])

    app.extensions["guide"] = guide = load_guide(app.config["CONTENT_DIR"])
    guide.notice(app.config["ADOPTED_BY"])  # an unknown setting stops the app here, not per request
    app.extensions["assets"] = assets = AssetManifest(app.config["STATIC_SOURCE_DIR"], f"{build_dir}/static").build()
    app.extensions["prepared_bodies"] = {}

    page_context.init_app(app)
    review_status.init_app(app, languages)
    errors.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(pwa.bp)
    cli.init_app(app)

    # Pages already rendered are answered from memory before Flask's dispatch (the hot path).
    pages_from_memory = PreparedPagesMiddleware(app.wsgi_app, app.extensions["prepared_bodies"])
    static_files = WhiteNoise(
        pages_from_memory, max_age=ONE_YEAR, allow_all_origins=False, add_headers_function=_immutable
    )
    static_files.add_files(assets.build_dir, prefix=STATIC_URL_PREFIX)
    app.wsgi_app = SecurityHeadersMiddleware(static_files)
    if app.config["PROXY_COUNT"]:
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
    return app


def _immutable(headers, path, url):
    # Every built asset has its content hash in its name, so it never changes (one year, as asked).
    headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
