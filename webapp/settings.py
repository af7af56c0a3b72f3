"""Site settings: embedded defaults, overridable from the environment or a mapping.

Everything a deployer may change lives here, so that `gunicorn wsgi:app` works with no setup.
"""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

ENV_PREFIX = "GUIDE_"


class DefaultConfig:
    """Defaults for a fresh clone: no database, no accounts, no secrets."""

    APP_VERSION = "1.0.0"
    # Languages served, by BCP 47 code. Each needs a catalog in translations/ (English is the source).
    LANGUAGES = ("en", "es", "ar", "sw", "fr", "ti", "fa-AF", "ps", "uk", "rw")
    DEFAULT_LANGUAGE = "en"
    CONTENT_DIR = str(PROJECT_ROOT / "webapp" / "content")
    STATIC_SOURCE_DIR = str(PROJECT_ROOT / "static")
    TRANSLATIONS_DIR = str(PROJECT_ROOT / "translations")
    SERVICE_WORKER_SOURCE = str(PROJECT_ROOT / "service_worker" / "sw.js")
    # Hashed assets and compiled catalogs are written here at start-up (never committed).
    BUILD_DIR = str(PROJECT_ROOT / "instance" / "build")
    # Public address used in the sitemap and robots.txt; empty means "the address we are served at".
    PUBLIC_BASE_URL = ""
    # How many proxies in front of the app set X-Forwarded-* headers (0: trust none).
    PROXY_COUNT = 0
    # The release gate: when on, a language whose crisis strings are not all approved by a native
    # speaker is marked "draft" (chooser, switcher, every page) and `translate check --release`
    # fails. Off by default: the Missoula edition serves its drafts, honestly marked.
    REQUIRE_REVIEWED_CRISIS = False
    # Who publishes the guide: "none" (the default: built from MPD's and MCPS's public guidance,
    # not an official publication of either), or "mpd", "mcps" or "both" once they adopt it.
    ADOPTED_BY = "none"
    THEME_COLOR = "#0b3d5c"
    BACKGROUND_COLOR = "#ffffff"


def from_environment(environ=os.environ):
    """Settings given as GUIDE_<NAME> environment variables, converted to the default's type."""
    values = {}
    for name in dir(DefaultConfig):
        if not name.isupper() or ENV_PREFIX + name not in environ:
            continue
        raw = environ[ENV_PREFIX + name]
        default = getattr(DefaultConfig, name)
        if isinstance(default, tuple):
            values[name] = tuple(part.strip() for part in raw.split(",") if part.strip())
        elif isinstance(default, bool):
            values[name] = raw.lower() in {"1", "true", "yes", "on"}
        elif isinstance(default, int):
            values[name] = int(raw)
        else:
            values[name] = raw
    return values
