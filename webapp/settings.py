"""Site settings: embedded defaults, the edition's own (webapp/content_model/edition.py), then the environment.

Everything a deployer may change lives here or in the edition, so that `gunicorn wsgi:app` works
with no setup. Any setting can be given as a GUIDE_<NAME> environment variable (Flask's
from_prefixed_env: values that read as JSON are converted, so GUIDE_PROXY_COUNT=1 is a number).
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

ENV_PREFIX = "GUIDE"

# An edition gives LANGUAGES, DEFAULT_LANGUAGE, ADOPTED_BY, THEME_COLOR and PUBLIC_BASE_URL
# (Edition.settings), unless the environment or the app's caller sets them.


class DefaultConfig:
    """Defaults for a fresh clone: no database, no accounts, no secrets."""

    APP_VERSION = "1.0.0"
    # The edition served: its folder, or a name in editions/; empty means editions/missoula.
    EDITION = ""
    STATIC_SOURCE_DIR = str(PROJECT_ROOT / "static")
    TRANSLATIONS_DIR = str(PROJECT_ROOT / "translations")
    SERVICE_WORKER_SOURCE = str(PROJECT_ROOT / "service_worker" / "sw.js")
    # Hashed assets and compiled catalogs are written here at start-up (never committed).
    BUILD_DIR = str(PROJECT_ROOT / "instance" / "build")
    # How many proxies in front of the app set X-Forwarded-* headers (0: trust none).
    PROXY_COUNT = 0
    # The release gate: when on, a language whose crisis strings are not all approved by a native
    # speaker is marked "draft" (chooser, switcher, every page) and `translate check --release`
    # fails. Off by default: an edition serves its drafts, honestly marked.
    REQUIRE_REVIEWED_CRISIS = False
    BACKGROUND_COLOR = "#ffffff"


def as_tuple(value):
    """A list setting given as a list, or as text with commas (GUIDE_LANGUAGES=en,es)."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return tuple(value)
