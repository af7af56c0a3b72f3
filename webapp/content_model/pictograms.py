"""Pictograms: one beside each crisis key message and protocol action, for those who cannot read
the text (in any language, or not fast enough under stress).

The engine's set is drawn from Material Design Icons (npm's @mdi/svg, Apache License 2.0) by the
recipes in pictograms/recipes.yaml, and kept as SVG files beside them (the app never needs
node_modules). An edition may bring its own, as SVG files in its pictograms/ folder: they are read
through an allow-list (shapes only, in the text's colour), so no script or style reaches a page.
Every pictogram is shown inline, under the site's CSP, with its line as its text alternative.
"""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import yaml
from markupsafe import Markup, escape

ENGINE_DIR = Path(__file__).resolve().parent / "pictograms"
RECIPES = ENGINE_DIR / "recipes.yaml"
CREDIT = "Material Design Icons (Pictogrammers), Apache License 2.0"
SVG = "{http://www.w3.org/2000/svg}"
SHAPES = {"g", "path", "circle", "rect", "ellipse", "line", "polyline", "polygon"}
ATTRIBUTES = {
    "d", "cx", "cy", "r", "rx", "ry", "x", "y", "width", "height", "x1", "y1", "x2", "y2", "points",
    "transform", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "fill-rule",
    "clip-rule", "opacity",
}  # fmt: skip
# Paint is the text's colour or none, so that a pictogram reads in the dark theme too.
PAINT = {"currentColor", "none"}
VIEW_BOX = re.compile(r"^0 0 [0-9.]+ [0-9.]+$")


@dataclass(frozen=True)
class Pictogram:
    id: str
    view_box: str
    shapes: str  # the inner markup, checked
    mirror: bool = False  # mirrored on right-to-left pages (direction carries meaning)
    means: str = ""

    def markup(self, label):
        """The inline SVG, with label (the line it stands beside) as its text alternative."""
        mirror = " pictogram--mirror" if self.mirror else ""
        return Markup(
            f'<svg class="pictogram{mirror}" viewBox="{self.view_box}" fill="currentColor" role="img" '
            f'aria-label="{escape(label)}" focusable="false">{self.shapes}</svg>'
        )


class PictogramError(ValueError):
    pass


def checked_shapes(text, name):
    """(viewBox, inner markup) of an SVG, rebuilt from its allowed shapes and attributes only."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise PictogramError(f"{name}: not a readable SVG ({error})") from None
    view_box = root.get("viewBox", "")
    if root.tag != f"{SVG}svg" or not VIEW_BOX.match(view_box):
        raise PictogramError(f"{name}: must be an <svg> with a viewBox such as 0 0 24 24")
    return view_box, "".join(_shape(child, name) for child in root)


def _shape(element, name):
    tag = element.tag.removeprefix(SVG)
    if tag not in SHAPES:
        raise PictogramError(f"{name}: <{tag}> is not allowed (only shapes: {', '.join(sorted(SHAPES))})")
    attributes = []
    for key, value in element.attrib.items():
        if key not in ATTRIBUTES:
            raise PictogramError(f"{name}: the attribute {key!r} is not allowed on <{tag}>")
        if key in ("fill", "stroke") and value not in PAINT:
            raise PictogramError(f"{name}: {key} must be currentColor or none (the text's colour), not {value!r}")
        attributes.append(f' {key}="{escape(value)}"')
    inner = "".join(_shape(child, name) for child in element)
    return f"<{tag}{''.join(attributes)}>{inner}</{tag}>" if inner else f"<{tag}{''.join(attributes)}/>"


def recipes():
    return yaml.safe_load(RECIPES.read_text(encoding="utf-8"))


def engine_pictograms():
    """{id: Pictogram} of the engine's set."""
    found = {}
    for pictogram_id, recipe in recipes().items():
        view_box, shapes = checked_shapes(
            (ENGINE_DIR / f"{pictogram_id}.svg").read_text(encoding="utf-8"), pictogram_id
        )
        found[pictogram_id] = Pictogram(pictogram_id, view_box, shapes, recipe.get("mirror", False), recipe["means"])
    return found


def edition_pictograms(edition_path):
    """{id: Pictogram} of an edition's own (its pictograms/*.svg), and [problem] for those refused."""
    found, problems = {}, []
    for path in sorted((Path(edition_path) / "pictograms").glob("*.svg")):
        try:
            view_box, shapes = checked_shapes(path.read_text(encoding="utf-8"), str(path))
        except (PictogramError, UnicodeDecodeError) as error:
            problems.append(str(error))
            continue
        found[path.stem] = Pictogram(path.stem, view_box, shapes)
    return found, problems


def draw(icons_dir):
    """{id: SVG text} of the engine's set, drawn from the icons' SVG files by the recipes."""
    drawn = {}
    for pictogram_id, recipe in recipes().items():
        paths = []
        for part in recipe["parts"]:
            icon = ET.fromstring((Path(icons_dir) / f"{part['icon']}.svg").read_text(encoding="utf-8"))
            d = icon.find(f"{SVG}path").get("d")
            size, x, y = part.get("size", 24), part.get("x", 0), part.get("y", 0)
            placed = "" if (size, x, y) == (24, 0, 0) else f' transform="translate({x} {y}) scale({size / 24:g})"'
            paths.append(f'<path d="{d}"{placed}/>')
        drawn[pictogram_id] = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{"".join(paths)}</svg>\n'
    return drawn
