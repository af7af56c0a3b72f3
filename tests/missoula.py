"""The Missoula edition, as tests of its own facts read it (its folder, languages, content)."""

from webapp.edition import DEFAULT_EDITION, read_edition

MISSOULA = read_edition(DEFAULT_EDITION)
LANGUAGES = tuple(MISSOULA.data.languages)
CONTENT_DIR = MISSOULA.content_dir
