"""Two layers of gettext catalogs: the interface's, shared by every edition, and the edition's own.

translations/ holds what the engine says (buttons, status lines, the chooser); <edition>/translations/
holds what only that edition says (its content and its guide's name). A district that rewrites a
sentence loses only that sentence's translations. At run time Flask-Babel merges the two, the
edition's last, so that its own wording wins.
"""

from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog

from webapp.translation.catalogs import read_catalog

POT_NAME = "messages.pot"


@dataclass(frozen=True)
class Layer:
    name: str  # "interface" or "edition"
    directory: Path

    @property
    def pot(self):
        return self.directory / POT_NAME

    def po(self, locale):
        return self.directory / locale / "LC_MESSAGES" / "messages.po"

    def template(self):
        return read_catalog(self.pot) if self.pot.is_file() else Catalog()

    def catalog(self, locale):
        path = self.po(locale)
        return read_catalog(path, locale) if path.is_file() else Catalog(locale=locale)


def layers(config, edition):
    """The interface layer, then the edition's (the order Babel merges them in)."""
    return (
        Layer("interface", Path(config["TRANSLATIONS_DIR"])),
        Layer("edition", Path(edition.path) / "translations"),
    )


def layer_finder(layers_):
    """layer_of(msgid): the layer whose template holds msgid (the edition's wins), else the first.
    Each template is read once, however many strings are asked about."""
    templates = [(layer, {message.id for message in layer.template()}) for layer in reversed(layers_)]

    def layer_of(msgid):
        return next((layer for layer, ids in templates if msgid in ids), layers_[0])

    return layer_of


def merged(catalogs):
    """One catalog with every message of the given ones, later ones winning."""
    result = Catalog(locale=catalogs[0].locale if catalogs else None)
    for catalog in catalogs:
        for message in catalog:
            if message.id:
                result[message.id] = message
    return result
