"""The Missoula edition, as tests of its own facts read it (its folder, languages, content)."""

from webapp.content import load_guide
from webapp.edition import DEFAULT_EDITION, read_edition

MISSOULA = read_edition(DEFAULT_EDITION)
LANGUAGES = tuple(MISSOULA.data.languages)
CONTENT_DIR = MISSOULA.content_dir
GUIDE = load_guide(CONTENT_DIR, MISSOULA.data.pages)
# What every translation must keep exactly: the edition's emergency number and its contacts'.
EXACT = (MISSOULA.data.emergency_number, *GUIDE.contact_strings())
