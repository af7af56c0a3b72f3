"""The Missoula edition's own tests: its facts, contacts, languages and their reviews, run against
an app serving it (the engine's tests, one folder up, run against the fixture edition)."""

import pytest

from tests.missoula import copy_missoula, missoula_app


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    return missoula_app(tmp_path_factory.mktemp("missoula"))


@pytest.fixture()
def edition_copy(tmp_path):
    return copy_missoula(tmp_path)
