"""Fixtures: one app built for the whole session (pages are read-only), and its test client.

The engine's tests run against the fixture edition (tests/fixture_edition/), so that they hold for
any district; tests/missoula/ overrides these fixtures to test the Missoula edition's own facts."""

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.fixture import FIXTURE_EDITION, copy_of_fixture_edition
from webapp import create_app


class BufferedClient(FlaskClient):
    """Reads each response whole and closes it, as a server does (static files are open files)."""

    def open(self, *args, buffered=True, **kwargs):
        return super().open(*args, buffered=buffered, **kwargs)


def make_app(tmp_dir, **config):
    """An app whose generated files go to tmp_dir, never into the checkout's instance/ folder;
    it serves the fixture edition unless EDITION says otherwise."""
    defaults = {"BUILD_DIR": str(Path(tmp_dir) / "build"), "TESTING": True, "EDITION": str(FIXTURE_EDITION)}
    app = create_app({**defaults, **config})
    app.test_client_class = BufferedClient
    return app


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("app"))


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def runner(app):
    return app.test_cli_runner()


@pytest.fixture()
def edition_copy(tmp_path):
    """A writable copy of the fixture edition, for tests that change the guide (EDITION=it)."""
    return copy_of_fixture_edition(tmp_path)


@pytest.fixture()
def content_copy(edition_copy):
    """The content folder of a writable copy of the edition."""
    return edition_copy / "content"


@pytest.fixture(scope="session")
def guide(app):
    """The content the app serves (its edition's), for tests that hold for any edition."""
    return app.extensions["guide"]


@pytest.fixture(scope="session")
def edition(app):
    """What the served edition's edition.yaml says."""
    return app.extensions["edition"].data
