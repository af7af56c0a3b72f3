"""The Missoula edition, as its own tests read it: its folder, languages, content and numbers."""

import shutil

from webapp.content_model.content import load_guide
from webapp.content_model.edition import DEFAULT_EDITION, read_edition

MISSOULA = read_edition(DEFAULT_EDITION)
LANGUAGES = tuple(MISSOULA.data.languages)
CONTENT_DIR = MISSOULA.content_dir
GUIDE = load_guide(CONTENT_DIR, MISSOULA.data.pages)
# What every translation must keep exactly: the edition's emergency number and its contacts'.
EXACT = GUIDE.exact_strings(MISSOULA.data.emergency_number)


def missoula_app(tmp_dir, **config):
    """An app serving the Missoula edition (make_app serves the fixture's unless told)."""
    from tests.conftest import make_app

    return make_app(tmp_dir, **{"EDITION": str(MISSOULA.path), **config})


def copy_missoula(tmp_path):
    """A writable copy of the Missoula edition, for tests that change it (EDITION=it)."""
    target = tmp_path / "edition"
    shutil.copytree(MISSOULA.path, target)
    return target
