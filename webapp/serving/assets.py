"""Static assets with content-hashed names, precompressed, served by WhiteNoise.

At start-up every file in static/ is copied to the build folder as name.<hash>.ext, with .br and
.gz beside it (scripts minified first). Templates ask for `asset_url("css/guide.css")`; old names keep working for old
pages (and old service workers) because files are only ever added.
"""

import hashlib
from pathlib import Path

import rjsmin

from webapp.offline.build_files import write_atomically
from webapp.serving.compression import COMPRESSIBLE_SUFFIXES, compressed_variants

STATIC_URL_PREFIX = "/static/"
HASH_LENGTH = 12


def served_form(suffix, body):
    """What is served of a source file: scripts without their comments and spaces (rjsmin), which
    are for the people who read the source, not for a phone on a slow network."""
    return rjsmin.jsmin(body.decode("utf-8")).encode("utf-8") if suffix == ".js" else body


class AssetManifest:
    """Logical asset names (css/guide.css) mapped to hashed URL paths, with each file's hash."""

    def __init__(self, source_dir, build_dir):
        self.source_dir = Path(source_dir)
        self.build_dir = Path(build_dir)
        self.hashed_names = {}
        self.revisions = {}

    def build(self):
        for path in sorted(self.source_dir.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                self._build_one(path)
        return self

    def _build_one(self, path):
        self.add(path.relative_to(self.source_dir).as_posix(), served_form(path.suffix, path.read_bytes()))

    def add(self, logical, body):
        """An asset made at start-up rather than read from static/ (the edition's colours)."""
        path = Path(logical)
        digest = hashlib.sha256(body).hexdigest()[:HASH_LENGTH]
        target = self.build_dir / path.parent / f"{path.stem}.{digest}{path.suffix}"
        if not target.exists():
            if path.suffix in COMPRESSIBLE_SUFFIXES:
                for encoding, data in compressed_variants(body).items():
                    suffix = ".br" if encoding == "br" else ".gz"
                    write_atomically(target.with_name(target.name + suffix), data)
            # The plain file last: its presence means the variants are there too.
            write_atomically(target, body)
        self.hashed_names[logical] = target.relative_to(self.build_dir).as_posix()
        self.revisions[logical] = digest

    def url(self, logical_name):
        """The URL path of an asset; a missing asset is a programming error, so fail loudly."""
        try:
            return STATIC_URL_PREFIX + self.hashed_names[logical_name]
        except KeyError:
            raise KeyError(f"No static asset named {logical_name!r} in {self.source_dir}") from None

    def urls(self):
        """Every asset URL with its revision (the content hash)."""
        return {self.url(name): self.revisions[name] for name in self.hashed_names}
