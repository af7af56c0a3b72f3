"""An edition: one district's guide as a folder of data (edition.yaml, content/), never code.

The Missoula edition (editions/missoula/) is served when nothing else is set; GUIDE_EDITION=path
serves another. Everything is checked before the app starts: a problem stops it with one message
per problem, each naming the file, the field inside it and what was expected.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from webapp.content_model.edition_schema import EditionFile
from webapp.content_model.field_words import error_problem, yaml_problem
from webapp.settings import PROJECT_ROOT

DEFAULT_EDITION = PROJECT_ROOT / "editions" / "missoula"
EDITION_FILE = "edition.yaml"


class EditionError(ValueError):
    """The edition cannot be served; str() is every problem, one a line, ready to print."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Edition:
    path: Path
    data: EditionFile

    @property
    def content_dir(self):
        return self.path / "content"

    def settings(self):
        """The app settings this edition gives (a setting given otherwise wins over these)."""
        data = self.data
        return {
            "LANGUAGES": tuple(data.languages),
            "DEFAULT_LANGUAGE": data.default_language,
            "ADOPTED_BY": data.adopted_by,
            "THEME_COLOR": data.accent_color,
            "PUBLIC_BASE_URL": data.public_base_url,
        }


def resolve_edition_path(value=None):
    """The edition folder for a setting: a path (from here, or from the project), or a name in editions/."""
    if not value:
        return DEFAULT_EDITION
    path = Path(value).expanduser()
    for candidate in (path, PROJECT_ROOT / path, PROJECT_ROOT / "editions" / path):
        if (candidate / EDITION_FILE).is_file():
            return candidate.resolve()
    raise EditionError([f"{value}: no {EDITION_FILE} there (GUIDE_EDITION names an edition's folder)"])


def read_yaml(path, shown_as):
    """The YAML file's data, or an EditionError naming the file and the line of a syntax error,
    said in plain words."""
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        raise EditionError([f"{shown_as}: missing"]) from None
    except yaml.MarkedYAMLError as exc:
        raise EditionError([yaml_problem(exc, path, shown_as)]) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise EditionError([f"{shown_as}: cannot be read ({exc})"]) from None


def validated(model, data, shown_as, at=(), path=None, entry=None):
    """data checked against a pydantic model; else an EditionError with one line per problem.

    at: where data sits in its file (an entry's id), so that messages name the whole place;
    path: the file, for the line of each problem; entry: what the file's named entries are."""
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        whole = {at[0]: data} if at else data
        raise EditionError(
            [
                error_problem(shown_as, (*at, *error["loc"]), error, whole, path, entry)
                for error in exc.errors(include_url=False)
            ]
        ) from None


def read_edition(path):
    """The edition at path, its edition.yaml checked; its content is checked by load_guide."""
    path = Path(path)
    shown_as = shown_path(path / EDITION_FILE)
    data = read_yaml(path / EDITION_FILE, shown_as)
    return Edition(path=path, data=validated(EditionFile, data, shown_as, path=path / EDITION_FILE))


def shown_path(path):
    """A file's name as messages show it: from the current folder when it is below it."""
    path = Path(path).resolve()
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)
