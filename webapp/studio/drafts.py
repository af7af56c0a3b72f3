"""A draft, checked and shown before it is saved: a copy of the edition (the overlay) in which the
draft replaces its file is checked exactly as `edition check` checks an edition, and, when it
passes, served by the guide itself for the preview. The edition's own files are untouched until the
person saves.
"""

import shutil
import threading
from pathlib import Path

import yaml

from webapp import create_app
from webapp.content_model.base import PLACEHOLDER
from webapp.content_model.crisis_text import crisis_length_advice
from webapp.content_model.edition import EditionError
from webapp.content_model.edition_commands import checked_edition
from webapp.content_model.page_registry import PAGES
from webapp.studio import edition_files

SKIPPED = shutil.ignore_patterns("review-sheets", ".*.saving", "__pycache__")


class Drafts:
    def __init__(self, edition, work_dir):
        self.edition = Path(edition).resolve()
        self.overlay = Path(work_dir) / "edition"
        self.build_dir = Path(work_dir) / "build"
        self.lock = threading.Lock()  # one draft at a time: the overlay is one folder
        self.guide_app = None  # the guide as last previewed

    def check(self, name, data=None):
        """{problems: [{text, loc}], advice: [{text, loc}], elsewhere: [text]} of the edition with
        this draft of one file (or as saved, when data is None); the preview shows it when it has
        no problem."""
        with self.lock:
            shutil.copytree(self.edition, self.overlay, ignore=SKIPPED, dirs_exist_ok=True)
            target = edition_files.inside(self.overlay, name)
            if data is not None:
                _data, version = edition_files.read(self.overlay, name)
                edition_files.write(self.overlay, name, data, version)
            try:
                _found, guide = checked_edition(self.overlay)
            except EditionError as error:
                checked = self._sorted(target, error.problems, [])
                return {**checked, **self._preview_with_stand_ins(name)}
            advice = [
                (file, where, what)
                for file, where, what in crisis_length_advice(guide)
                if f"content/{file}.yaml" == name
            ]
            self.guide_app = create_app(
                {"EDITION": str(self.overlay), "BUILD_DIR": str(self.build_dir), "TESTING": True}
            )
            checked = self._sorted(target, [], [{"text": what, "loc": list(where)} for _file, where, what in advice])
            return {**checked, "pages": self.pages_of(None if name == "edition.yaml" else name)}

    def _preview_with_stand_ins(self, name):
        """An edition still being filled in is previewed all the same: each placeholder left is
        shown as "To fill in: ..." (a number or an address as the starter's example), in a copy of
        its own; {preview, stand_ins, pages}, preview False when other problems remain."""
        stand_in = self.overlay.parent / "stand-in"
        shutil.copytree(self.overlay, stand_in, dirs_exist_ok=True)
        for path in [stand_in / "edition.yaml", *sorted((stand_in / "content").glob("*.yaml"))]:
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError):
                return {"preview": False}
            path.write_text(yaml.safe_dump(_stand_ins(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
        try:
            checked_edition(stand_in)
        except EditionError:
            return {"preview": False}
        self.guide_app = create_app({"EDITION": str(stand_in), "BUILD_DIR": str(self.build_dir), "TESTING": True})
        return {"preview": True, "stand_ins": True, "pages": self.pages_of(None if name == "edition.yaml" else name)}

    def pages_of(self, name=None):
        """The addresses of the guide's pages that show a file ("/{lang}/cards/"), or of every page
        of the edition, for the preview."""
        stem = (name or "").removeprefix("content/").removesuffix(".yaml")
        listed = self.guide_app.extensions["guide"].page_list
        shown = [p.endpoint for p in PAGES.values() if p.id in listed and (p.content == stem or name is None)]
        endpoints = shown or ["pages.home"]
        rules = {rule.endpoint: rule.rule for rule in self.guide_app.url_map.iter_rules()}
        return [rules[endpoint].replace("<lang:lang>", "{lang}") for endpoint in endpoints if endpoint in rules]

    def _sorted(self, target, problems, advice):
        """The problems of the file being edited, by field; those of other files, in words."""
        mine, elsewhere = [], []
        for text in problems:
            # Files as the studio lists them (content/home.yaml), not where this computer keeps them.
            said = str(text).replace(f"{self.overlay}/", "").replace(str(self.overlay), "the edition")
            file = getattr(text, "file", None)
            if file is not None and Path(file).resolve() == target:
                # Beside its field, the file and line go without saying.
                own = str(target.relative_to(self.overlay.resolve()))
                short = said.split(": ", 1)[1] if said.startswith(own) else said
                mine.append({"text": short, "loc": [str(part) for part in text.loc]})
            else:
                elsewhere.append(said)
        return {"problems": mine, "advice": advice, "elsewhere": elsewhere, "preview": not problems, "stand_ins": False}

    def pages_for_preview(self):
        """Every page of the edition as saved, for the translations' preview ([] while it has
        problems): the guide is built again from the files."""
        checked = self.check("edition.yaml")
        return checked.get("pages", []) if checked["preview"] else []


ADDRESSES = {"url", "web"}
NUMBERS = {"number", "tel", "sms"}


def _stand_ins(node, key=None):
    """node with each placeholder as the preview shows it."""
    if isinstance(node, dict):
        return {name: _stand_ins(value, name) for name, value in node.items()}
    if isinstance(node, list):
        return [_stand_ins(value, key) for value in node]
    if not isinstance(node, str) or PLACEHOLDER not in node:
        return node
    rest = node.split(PLACEHOLDER, 1)[1].lstrip(": ")
    if key in ADDRESSES:
        return "https://example.org/to-fill-in"
    if key in NUMBERS:
        return rest  # the starter's example number, (555) 555-0123
    if key == "email":
        return "to-fill-in@example.org"
    return f"To fill in: {rest}" if rest else "To fill in"
