"""The fixture edition (tests/fixture_edition/): a made-up district, English and Arabic, its own
three-action protocol and a shorter page list. The engine's tests hold for it as for Missoula."""

import shutil
from pathlib import Path

from webapp.content_model.edition import read_edition

FIXTURE_EDITION = Path(__file__).resolve().parent / "fixture_edition"
FIXTURE = read_edition(FIXTURE_EDITION)
# What no page of another edition may say.
MISSOULA_WORDS = ("Missoula", "MCPS", "MPD", "Montana", "Sentinel", "(406)", "Avoid, Deny, Defend")


def copy_of_fixture_edition(folder):
    """A writable copy of the fixture edition, as folder/edition."""
    target = Path(folder) / "edition"
    shutil.copytree(FIXTURE_EDITION, target)
    return target
